package org.moviestream.pipeline.ingest;

import static org.moviestream.pipeline.coders.FieldCoders.nullableString;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.pipeline.durability.SourceKeyCoder;

public final class KafkaMessageCoder extends AtomicCoder<KafkaMessage> {
  public static final KafkaMessageCoder INSTANCE = new KafkaMessageCoder();

  public static KafkaMessageCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(KafkaMessage.class), INSTANCE);
  }

  @Override
  public void encode(KafkaMessage value, OutputStream out) throws IOException {
    SourceKeyCoder.INSTANCE.encode(value.source(), out);
    nullableString(value.key(), out);
    nullableString(value.payload(), out);
  }

  @Override
  public KafkaMessage decode(InputStream in) throws IOException {
    return new KafkaMessage(
        SourceKeyCoder.INSTANCE.decode(in), nullableString(in), nullableString(in));
  }
}
