package org.moviestream.pipeline.durability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.StructuredCoder;

/** A {@link Counted}: its aggregate by the aggregate's coder, then its {@link LastOffsets}. */
public final class CountedCoder<T> extends StructuredCoder<Counted<T>> {

  private final Coder<T> aggregateCoder;

  private CountedCoder(Coder<T> aggregateCoder) {
    this.aggregateCoder = aggregateCoder;
  }

  public static <T> CountedCoder<T> of(Coder<T> aggregateCoder) {
    return new CountedCoder<>(aggregateCoder);
  }

  /** For {@code @DefaultCoder}: the aggregate's coder comes from the registry. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.fromStaticMethods(Counted.class, CountedCoder.class);
  }

  @Override
  public void encode(Counted<T> value, OutputStream out) throws IOException {
    aggregateCoder.encode(value.aggregate(), out);
    LastOffsetsCoder.INSTANCE.encode(value.lastOffsets(), out);
  }

  @Override
  public Counted<T> decode(InputStream in) throws IOException {
    T aggregate = aggregateCoder.decode(in);
    return new Counted<>(aggregate, LastOffsetsCoder.INSTANCE.decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(aggregateCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(this, "last offsets are encoded in hash order");
  }
}
