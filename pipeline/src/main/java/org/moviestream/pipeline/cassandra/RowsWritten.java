package org.moviestream.pipeline.cassandra;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.ingest.EnrichedRating;

/** Settled outcomes -> the ratings whose rows are in Cassandra (dead letters left out). */
public final class RowsWritten
    extends PTransform<PCollection<Outcome<EnrichedRating>>, PCollection<EnrichedRating>> {

  @Override
  public PCollection<EnrichedRating> expand(PCollection<Outcome<EnrichedRating>> settled) {
    return settled.apply("KeepWritten", ParDo.of(new KeepWrittenFn()));
  }

  static final class KeepWrittenFn extends DoFn<Outcome<EnrichedRating>, EnrichedRating> {
    @ProcessElement
    public void processElement(
        @Element Outcome<EnrichedRating> settled, OutputReceiver<EnrichedRating> out) {
      if (!settled.isRejected()) {
        out.output(settled.value());
      }
    }
  }
}
