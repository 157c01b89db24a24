package org.moviestream.pipeline.transforms;

import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.model.DeadLetter;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.Rating;
import org.moviestream.contract.RejectReason;

/**
 * {@link Rating}s + the catalog side input -> {@link EnrichedRating}s ({@link #ENRICHED}), and
 * dead letters for titles the catalog does not know ({@link #REJECTED}).
 */
public final class EnrichWithCatalog extends PTransform<PCollection<Rating>, PCollectionTuple> {

  public static final TupleTag<EnrichedRating> ENRICHED = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> REJECTED = new TupleTag<>() {};

  private final PCollectionView<Map<String, CatalogEntry>> catalog;

  public EnrichWithCatalog(PCollectionView<Map<String, CatalogEntry>> catalog) {
    this.catalog = catalog;
  }

  @Override
  public PCollectionTuple expand(PCollection<Rating> ratings) {
    return ratings.apply("JoinCatalog",
        ParDo.of(new EnrichFn(catalog)).withSideInputs(catalog).withOutputTags(ENRICHED, TupleTagList.of(REJECTED)));
  }

  /** Looks the rating's title up in the catalog by {@link CatalogEntry#key(String)}. */
  static final class EnrichFn extends DoFn<Rating, EnrichedRating> {
    private final PCollectionView<Map<String, CatalogEntry>> catalog;
    private final Counter enriched = PipelineMetrics.counter(PipelineMetrics.ENRICHED);
    private final Counter unknown = PipelineMetrics.counter(RejectReason.UNKNOWN_TITLE.counterName());

    EnrichFn(PCollectionView<Map<String, CatalogEntry>> catalog) {
      this.catalog = catalog;
    }

    @ProcessElement
    public void processElement(ProcessContext context) {
      Rating rating = context.element();
      CatalogEntry entry = context.sideInput(catalog).get(CatalogEntry.key(rating.movie()));
      if (entry != null) {
        enriched.inc();
        context.output(new EnrichedRating(rating, entry));
      } else {
        unknown.inc();
        context.output(REJECTED, new DeadLetter(
            RejectReason.UNKNOWN_TITLE,
            "title '" + rating.movie() + "' is not in the catalog",
            rating.payload(),
            rating.source()));
      }
    }
  }
}
