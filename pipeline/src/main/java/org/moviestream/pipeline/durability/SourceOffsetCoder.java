package org.moviestream.pipeline.durability;

import static org.moviestream.pipeline.coders.FieldCoders.integer;
import static org.moviestream.pipeline.coders.FieldCoders.longValue;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;

/** topic, partition, offset. */
public final class SourceOffsetCoder extends AtomicCoder<SourceOffset> {
  public static final SourceOffsetCoder INSTANCE = new SourceOffsetCoder();

  public static SourceOffsetCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(SourceOffset.class), INSTANCE);
  }

  @Override
  public void encode(SourceOffset value, OutputStream out) throws IOException {
    string(value.topic(), out);
    integer(value.partition(), out);
    longValue(value.offset(), out);
  }

  @Override
  public SourceOffset decode(InputStream in) throws IOException {
    return new SourceOffset(string(in), integer(in), longValue(in));
  }
}
