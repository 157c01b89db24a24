package org.moviestream.pipeline.cassandraio;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.io.cassandra.CassandraIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.options.ValueProvider;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.pipeline.cassandra.CassandraTarget;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Outcomes of enrichment -> rows of netflix.movie_ratings through Beam's {@code
 * CassandraIO.write()} ({@code --cassandraWriter=CASSANDRA_IO}, for comparison). CassandraIO
 * reports nothing back, so a rating counts as written once handed over: a crash can lose rows that
 * the offset tracking already took for durable. The default writer, {@code WriteRatings}, passes a
 * rating on only once Cassandra acknowledged its row.
 */
public final class WriteRatingsWithCassandraIO
    extends PTransform<PCollection<Outcome<EnrichedRating>>, PCollection<Outcome<EnrichedRating>>> {

  private static final TupleTag<Outcome<EnrichedRating>> PASSED_ON = new TupleTag<>() {};
  private static final TupleTag<MovieRatingEntity> ROWS = new TupleTag<>() {};

  private final CassandraTarget target;

  public WriteRatingsWithCassandraIO(CassandraTarget target) {
    this.target = target;
  }

  @Override
  public PCollection<Outcome<EnrichedRating>> expand(PCollection<Outcome<EnrichedRating>> ratings) {
    PCollectionTuple handedOver =
        ratings.apply(
            "HandOver",
            ParDo.of(new HandOverFn()).withOutputTags(PASSED_ON, TupleTagList.of(ROWS)));
    handedOver
        .get(ROWS)
        .setCoder(SerializableCoder.of(MovieRatingEntity.class))
        .apply("CassandraIOWrite", write(target.cassandra()));
    return handedOver.get(PASSED_ON);
  }

  /** CassandraIO's write to the target, with the login and local datacenter the settings give. */
  private CassandraIO.Write<MovieRatingEntity> write(CassandraSettings cassandra) {
    CassandraIO.Write<MovieRatingEntity> write =
        CassandraIO.<MovieRatingEntity>write()
            .withHosts(target.hosts())
            .withPort(target.port())
            .withKeyspace(target.keyspace())
            .withConsistencyLevel(target.consistency().writes().name())
            .withEntity(MovieRatingEntity.class);
    // CassandraIO refuses a null login or datacenter: each is set only when given.
    if (cassandra.username() != null) {
      write =
          write.withUsername(cassandra.username()).withPassword(new PasswordFromFile(cassandra));
    }
    if (cassandra.localDatacenter() != null) {
      write = write.withLocalDc(cassandra.localDatacenter());
    }
    return write;
  }

  /**
   * The login's password, read from the settings' file where CassandraIO asks for it: the write's
   * spec, which Spark checkpoints, holds the file's path only.
   */
  private static final class PasswordFromFile implements ValueProvider<String> {
    private static final long serialVersionUID = 1L;
    private final CassandraSettings cassandra;

    PasswordFromFile(CassandraSettings cassandra) {
      this.cassandra = cassandra;
    }

    @Override
    public String get() {
      return cassandra.password() == null ? "" : cassandra.password();
    }

    @Override
    public boolean isAccessible() {
      return true;
    }
  }

  /** The row to write, and the rating passed on as written. */
  static final class HandOverFn extends DoFn<Outcome<EnrichedRating>, Outcome<EnrichedRating>> {
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WRITTEN);

    @ProcessElement
    public void processElement(@Element Outcome<EnrichedRating> enriched, MultiOutputReceiver out) {
      if (!enriched.isRejected()) {
        written.inc();
        out.get(ROWS).output(MovieRatingEntity.of(enriched.value()));
      }
      out.get(PASSED_ON).output(enriched);
    }
  }
}
