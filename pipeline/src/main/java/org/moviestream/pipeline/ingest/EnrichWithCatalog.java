package org.moviestream.pipeline.ingest;

import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.failures.DeadLetter;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Outcomes of parsing + the catalog side input -> outcomes: an {@link EnrichedRating}, or a dead
 * letter for a title the catalog does not know (dead letters of earlier steps pass through).
 */
public final class EnrichWithCatalog
    extends PTransform<PCollection<Outcome<Rating>>, PCollection<Outcome<EnrichedRating>>> {

  private final PCollectionView<Map<String, CatalogEntry>> catalog;

  public EnrichWithCatalog(PCollectionView<Map<String, CatalogEntry>> catalog) {
    this.catalog = catalog;
  }

  @Override
  public PCollection<Outcome<EnrichedRating>> expand(PCollection<Outcome<Rating>> ratings) {
    return ratings.apply("JoinCatalog", ParDo.of(new EnrichFn(catalog)).withSideInputs(catalog));
  }

  /** Looks the rating's title up in the catalog by {@link CatalogEntry#key(String)}. */
  static final class EnrichFn extends DoFn<Outcome<Rating>, Outcome<EnrichedRating>> {
    private final PCollectionView<Map<String, CatalogEntry>> catalog;
    private final Counter enriched = PipelineMetrics.counter(PipelineMetrics.ENRICHED);
    private final Counter unknown =
        PipelineMetrics.counter(RejectReason.UNKNOWN_TITLE.counterName());

    EnrichFn(PCollectionView<Map<String, CatalogEntry>> catalog) {
      this.catalog = catalog;
    }

    @ProcessElement
    public void processElement(ProcessContext context) {
      Outcome<Rating> parsed = context.element();
      if (parsed.isRejected()) {
        context.output(parsed.stillRejected());
        return;
      }
      Rating rating = parsed.value();
      CatalogEntry entry = context.sideInput(catalog).get(CatalogEntry.key(rating.movie()));
      if (entry != null) {
        enriched.inc();
        context.output(Outcome.of(new EnrichedRating(rating, entry)));
      } else {
        unknown.inc();
        context.output(
            Outcome.rejected(
                new DeadLetter(
                    RejectReason.UNKNOWN_TITLE,
                    "title '" + rating.movie() + "' is not in the catalog",
                    rating.payload(),
                    rating.source())));
      }
    }
  }
}
