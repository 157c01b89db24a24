package org.moviestream.pipeline.durability;

import static org.moviestream.pipeline.coders.FieldCoders.integer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.contract.SourceKey;

/** {@link LastOffsets} as a count, then one {@link SourceKey} per partition. */
public final class LastOffsetsCoder extends AtomicCoder<LastOffsets> {
  public static final LastOffsetsCoder INSTANCE = new LastOffsetsCoder();

  public static LastOffsetsCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(LastOffsets.class), INSTANCE);
  }

  @Override
  public void encode(LastOffsets value, OutputStream out) throws IOException {
    List<SourceKey> offsets = value.perPartition();
    integer(offsets.size(), out);
    for (SourceKey offset : offsets) {
      SourceKeyCoder.INSTANCE.encode(offset, out);
    }
  }

  @Override
  public LastOffsets decode(InputStream in) throws IOException {
    int partitions = integer(in);
    List<SourceKey> offsets = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      offsets.add(SourceKeyCoder.INSTANCE.decode(in));
    }
    return LastOffsets.of(offsets);
  }
}
