package org.moviestream.pipeline.durability;

import static org.moviestream.pipeline.coders.FieldCoders.integer;
import static org.moviestream.pipeline.coders.FieldCoders.longValue;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.moviestream.contract.SourceKey;

/** A {@link SourceKey} as topic, partition, offset (the contract type knows no Beam). */
public final class SourceKeyCoder extends AtomicCoder<SourceKey> {
  public static final SourceKeyCoder INSTANCE = new SourceKeyCoder();

  public static SourceKeyCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SourceKey value, OutputStream out) throws IOException {
    string(value.topic(), out);
    integer(value.partition(), out);
    longValue(value.offset(), out);
  }

  @Override
  public SourceKey decode(InputStream in) throws IOException {
    return new SourceKey(string(in), integer(in), longValue(in));
  }
}
