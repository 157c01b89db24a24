package org.moviestream.pipeline;

import java.time.ZoneId;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.transforms.Flatten;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.pipeline.io.CassandraTarget;
import org.moviestream.pipeline.io.MovieRatingRow;
import org.moviestream.pipeline.io.ServiceChecks;
import org.moviestream.pipeline.io.WindowStatsRow;
import org.moviestream.pipeline.io.WriteDeadLetters;
import org.moviestream.pipeline.io.WriteRows;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.model.DeadLetter;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.pipeline.transforms.AggregatePerWindow;
import org.moviestream.pipeline.transforms.EnrichWithCatalog;
import org.moviestream.pipeline.transforms.LoadCatalog;
import org.moviestream.pipeline.transforms.ParseRatings;
import org.moviestream.pipeline.transforms.ReadRatings;
import org.moviestream.pipeline.transforms.WindowRatings;

/**
 * The movie-ratings pipeline:
 *
 * <pre>
 *   Kafka movies_ratings -> ReadRatings -> ParseRatings -> EnrichWithCatalog (catalog side input)
 *     -> WindowRatings (30 s) -> WriteRatings              -> Cassandra netflix.movie_ratings
 *                             -> AggregatePerWindow -> WriteWindowStats -> netflix.ratings_per_window
 *   rejects of ParseRatings and EnrichWithCatalog -> WriteDeadLetters -> Kafka movies_ratings_dlq
 * </pre>
 */
public final class MovieRatingsPipeline {

  private MovieRatingsPipeline() {}

  public static void main(String[] args) {
    int exitCode;
    try {
      MovieRatingsOptions options = OptionsParser.parse(args);
      ServiceChecks.require(options);
      PipelineResult result = build(Pipeline.create(options), options).run();
      exitCode = new RunMonitor(result, options.getProgressSeconds(), options.getRunSeconds()).awaitEnd();
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("movie-ratings-pipeline: " + e.getMessage());
      exitCode = e instanceof IllegalArgumentException ? 2 : 1;
    }
    // A cancelled Spark streaming job leaves non-daemon threads behind: end the JVM explicitly.
    System.exit(exitCode);
  }

  /** Adds every step to {@code pipeline}; the body is the diagram above. */
  public static Pipeline build(Pipeline pipeline, MovieRatingsOptions options) {
    CassandraTarget cassandra = CassandraTarget.from(options);

    PCollectionView<Map<String, CatalogEntry>> catalog = pipeline.apply("LoadCatalog", LoadCatalog.from(options.getCatalog()));

    PCollectionTuple parsed = pipeline
        .apply("ReadRatings", ReadRatings.from(options))
        .apply("ParseRatings", new ParseRatings(ZoneId.of(options.getInputZone())));

    PCollectionTuple enriched = parsed.get(ParseRatings.RATINGS)
        .apply("EnrichWithCatalog", new EnrichWithCatalog(catalog));

    PCollection<EnrichedRating> windowed = enriched.get(EnrichWithCatalog.ENRICHED)
        .apply("WindowRatings", WindowRatings.of(options.getWindowSeconds(), options.getAllowedLatenessSeconds()));

    windowed.apply("WriteRatings", WriteRows.of(MovieRatingRow.class, MovieRatingRow::of, PipelineMetrics.WRITTEN, cassandra));

    windowed
        .apply("AggregatePerWindow", new AggregatePerWindow())
        .apply("WriteWindowStats", WriteRows.of(WindowStatsRow.class, WindowStatsRow::of, PipelineMetrics.WINDOWS_WRITTEN, cassandra));

    PCollectionList.<DeadLetter>of(parsed.get(ParseRatings.REJECTED))
        .and(enriched.get(EnrichWithCatalog.REJECTED))
        .apply("CollectRejects", Flatten.pCollections())
        .apply("WriteDeadLetters", new WriteDeadLetters(options.getBootstrapServers(), options.getDeadLetterTopic()));

    return pipeline;
  }
}
