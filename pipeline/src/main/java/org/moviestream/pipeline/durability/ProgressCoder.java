package org.moviestream.pipeline.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.pipeline.coders.FieldCoders;

/** A {@link PartitionProgress}: the committable offset, then its {@link Acks}. */
public final class ProgressCoder extends AtomicCoder<PartitionProgress> {

  public static final ProgressCoder INSTANCE = new ProgressCoder();

  public static ProgressCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(PartitionProgress.class), INSTANCE);
  }

  @Override
  public void encode(PartitionProgress progress, OutputStream out) throws IOException {
    FieldCoders.longValue(progress.committed(), out);
    AcksCoder.INSTANCE.encode(progress.acks(), out);
  }

  @Override
  public PartitionProgress decode(InputStream in) throws IOException {
    long committed = FieldCoders.longValue(in);
    return PartitionProgress.of(committed, AcksCoder.INSTANCE.decode(in));
  }
}
