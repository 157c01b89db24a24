package org.moviestream.pipeline.failures;

import static org.moviestream.pipeline.coders.FieldCoders.nullableString;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.durability.SourceKeyCoder;

public final class DeadLetterCoder extends AtomicCoder<DeadLetter> {
  public static final DeadLetterCoder INSTANCE = new DeadLetterCoder();

  public static DeadLetterCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(DeadLetter.class), INSTANCE);
  }

  @Override
  public void encode(DeadLetter value, OutputStream out) throws IOException {
    string(value.reason().name(), out);
    string(value.detail(), out);
    nullableString(value.payload(), out);
    SourceKeyCoder.INSTANCE.encode(value.source(), out);
  }

  @Override
  public DeadLetter decode(InputStream in) throws IOException {
    return new DeadLetter(
        RejectReason.valueOf(string(in)),
        string(in),
        nullableString(in),
        SourceKeyCoder.INSTANCE.decode(in));
  }
}
