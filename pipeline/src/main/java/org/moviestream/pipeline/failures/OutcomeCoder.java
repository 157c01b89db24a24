package org.moviestream.pipeline.failures;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.coders.StructuredCoder;

/** An {@link Outcome}: a flag, then the value (with {@code valueCoder}) or the dead letter. */
public final class OutcomeCoder<T> extends StructuredCoder<Outcome<T>> {

  private final Coder<T> valueCoder;

  private OutcomeCoder(Coder<T> valueCoder) {
    this.valueCoder = valueCoder;
  }

  public static <T> OutcomeCoder<T> of(Coder<T> valueCoder) {
    return new OutcomeCoder<>(valueCoder);
  }

  /**
   * For {@code @DefaultCoder}: an {@code Outcome<T>} gets this coder around the coder of {@code T}.
   */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.fromStaticMethods(Outcome.class, OutcomeCoder.class);
  }

  @Override
  public void encode(Outcome<T> outcome, OutputStream out) throws IOException {
    BooleanCoder.of().encode(outcome.isRejected(), out);
    if (outcome.isRejected()) {
      DeadLetterCoder.INSTANCE.encode(outcome.deadLetter(), out);
    } else {
      valueCoder.encode(outcome.value(), out);
    }
  }

  @Override
  public Outcome<T> decode(InputStream in) throws IOException {
    return BooleanCoder.of().decode(in)
        ? Outcome.rejected(DeadLetterCoder.INSTANCE.decode(in))
        : Outcome.of(valueCoder.decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the value coder must be deterministic", valueCoder);
  }
}
