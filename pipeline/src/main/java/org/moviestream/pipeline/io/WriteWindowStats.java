package org.moviestream.pipeline.io;

import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import com.datastax.driver.mapping.Mapper;
import java.util.Date;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.model.WindowPane;
import org.moviestream.pipeline.model.WindowStats;

/**
 * Window panes -> the person's window in netflix.ratings_per_window, its figures computed by
 * Cassandra from the person's rows in that window (one partition, one clustering range); outputs
 * each pane once its window row is written.
 */
public final class WriteWindowStats extends PTransform<PCollection<WindowPane>, PCollection<WindowPane>> {

  static final String STATS_CQL = "SELECT COUNT(*) AS ratings, AVG(CAST(rating_movie AS double)) AS avg_rating,"
      + " COUNT(duration) AS movies, AVG(CAST(duration AS double)) AS avg_duration"
      + " FROM movie_ratings WHERE name = ? AND timestamp >= ? AND timestamp < ?";

  private final CassandraTarget target;

  public WriteWindowStats(CassandraTarget target) {
    this.target = target;
  }

  @Override
  public PCollection<WindowPane> expand(PCollection<WindowPane> panes) {
    return panes.apply("ComputeAndWrite", ParDo.of(new WriteWindowFn(target)));
  }

  static final class WriteWindowFn extends DoFn<WindowPane, WindowPane> {
    private final CassandraTarget target;
    private final CassandraRetry retry;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WINDOWS_WRITTEN);
    private transient Session session;
    private transient PreparedStatement stats;
    private transient Mapper<WindowStatsRow> mapper;

    WriteWindowFn(CassandraTarget target) {
      this.target = target;
      this.retry = target.retry();
    }

    @Setup
    public void setup() throws Exception {
      session = retry.call("connecting to Cassandra", () -> SharedSessions.session(target));
      stats = retry.call("preparing the window query", () -> SharedSessions.prepared(target, STATS_CQL));
      mapper = SharedSessions.mapper(target, WindowStatsRow.class);
    }

    @ProcessElement
    public void processElement(@Element WindowPane pane, OutputReceiver<WindowPane> out) throws Exception {
      Row row = retry.call("window query", () -> session.execute(stats.bind(
          pane.name(), Date.from(pane.windowStart()), Date.from(pane.windowEnd()))).one());
      long ratings = row.getLong("ratings");
      if (ratings > 0) {
        WindowStats window = new WindowStats(pane.name(), pane.windowStart(), pane.windowEnd(), ratings,
            row.getDouble("avg_rating"), row.getLong("movies") == 0 ? null : row.getDouble("avg_duration"));
        retry.call("window row", () -> {
          mapper.save(WindowStatsRow.of(window));
          return null;
        });
        written.inc();
      }
      out.output(pane);
    }
  }
}
