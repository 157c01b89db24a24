package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.failures.DeadLetter;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Outcomes of enrichment -> rows of netflix.movie_ratings. Outputs each rating once Cassandra has
 * acknowledged its row, a {@code WRITE_FAILED} dead letter for a row Cassandra refused every time,
 * and dead letters of earlier steps as they came. Rows are upserts by primary key: a replay doubles
 * nothing.
 */
public final class WriteRatings
    extends PTransform<PCollection<Outcome<EnrichedRating>>, PCollection<Outcome<EnrichedRating>>> {

  private final CassandraTarget target;

  public WriteRatings(CassandraTarget target) {
    this.target = target;
  }

  @Override
  public PCollection<Outcome<EnrichedRating>> expand(PCollection<Outcome<EnrichedRating>> ratings) {
    return ratings.apply("SessionWrite", ParDo.of(new WriteRowsFn(target)));
  }

  /**
   * Sends each person's rows of a bundle as unlogged batches of at most {@code batchRows} (one
   * partition each, so Cassandra applies a batch as one mutation), at most {@code maxInFlight}
   * requests at a time, and finishes a bundle only when each row is acknowledged (waiting out
   * Cassandra outages) or refused for good. A refused batch is retried row by row, so that only the
   * row Cassandra refuses becomes a dead letter.
   */
  static final class WriteRowsFn extends DoFn<Outcome<EnrichedRating>, Outcome<EnrichedRating>> {
    private final CassandraTarget target;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WRITTEN);
    private final Counter failed = PipelineMetrics.counter(RejectReason.WRITE_FAILED.counterName());
    private transient CqlSession session;
    private transient PreparedStatement insert;
    private transient Semaphore inFlight;
    private transient Map<String, List<PendingRow>> unsent;
    private transient List<SentBatch> sent;

    private record PendingRow(
        EnrichedRating rating,
        BatchableStatement<?> insert,
        Instant timestamp,
        BoundedWindow window) {}

    private record SentBatch(List<PendingRow> rows, CompletableFuture<?> acknowledged) {}

    WriteRowsFn(CassandraTarget target) {
      this.target = target;
    }

    @Setup
    public void setup() throws Exception {
      insert =
          target
              .retry()
              .call(
                  "connecting to Cassandra",
                  () -> SharedSessions.prepared(target, MovieRatingRow.INSERT));
      session = SharedSessions.session(target);
      inFlight = new Semaphore(target.maxInFlight());
    }

    @StartBundle
    public void startBundle() {
      unsent = new HashMap<>();
      sent = new ArrayList<>();
    }

    @ProcessElement
    public void processElement(
        @Element Outcome<EnrichedRating> enriched,
        @Timestamp Instant timestamp,
        BoundedWindow window,
        OutputReceiver<Outcome<EnrichedRating>> out)
        throws InterruptedException {
      if (enriched.isRejected()) {
        out.output(enriched);
        return;
      }
      EnrichedRating rating = enriched.value();
      List<PendingRow> rows =
          unsent.computeIfAbsent(rating.rating().name(), name -> new ArrayList<>());
      rows.add(new PendingRow(rating, MovieRatingRow.bind(insert, rating), timestamp, window));
      if (rows.size() >= target.batchRows()) {
        send(unsent.remove(rating.rating().name()));
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws InterruptedException {
      for (List<PendingRow> rows : unsent.values()) {
        send(rows);
      }
      for (SentBatch batch : sent) {
        try {
          batch.acknowledged().join();
          batch.rows().forEach(row -> output(context, row));
        } catch (RuntimeException firstError) {
          settleOneByOne(batch.rows(), context);
        }
      }
      unsent = null;
      sent = null;
    }

    private void send(List<PendingRow> rows) throws InterruptedException {
      Statement<?> statement = rows.size() == 1 ? rows.get(0).insert() : batchOf(rows);
      inFlight.acquire();
      CompletableFuture<?> acknowledged;
      try {
        acknowledged = session.executeAsync(statement).toCompletableFuture();
      } catch (RuntimeException e) {
        acknowledged = CompletableFuture.failedFuture(e);
      }
      acknowledged.whenComplete((result, error) -> inFlight.release());
      sent.add(new SentBatch(rows, acknowledged));
    }

    /**
     * After a failed request: each row again, retried through outages, refused ones as dead
     * letters.
     */
    private void settleOneByOne(List<PendingRow> rows, FinishBundleContext context)
        throws InterruptedException {
      for (PendingRow row : rows) {
        try {
          target.retry().call("row " + row.rating().source(), () -> session.execute(row.insert()));
          output(context, row);
        } catch (CassandraRetry.Refused refused) {
          failed.inc();
          context.output(
              Outcome.rejected(
                  new DeadLetter(
                      RejectReason.WRITE_FAILED,
                      refused.getMessage(),
                      row.rating().payload(),
                      row.rating().source())),
              row.timestamp(),
              row.window());
        }
      }
    }

    private void output(FinishBundleContext context, PendingRow row) {
      written.inc();
      context.output(Outcome.of(row.rating()), row.timestamp(), row.window());
    }

    private static BatchStatement batchOf(List<PendingRow> rows) {
      return BatchStatement.newInstance(
          DefaultBatchType.UNLOGGED, rows.stream().map(PendingRow::insert).toList());
    }
  }
}
