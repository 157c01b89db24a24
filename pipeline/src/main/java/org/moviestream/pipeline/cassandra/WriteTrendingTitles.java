package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.cassandra.Tables;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.windows.TrendingWindow;
import org.moviestream.pipeline.windows.TrendingWindow.TitleCount;

/**
 * Trending rankings -> netflix.trending_titles, one row per window; outputs each ranking once it is
 * stored. A ranking replaces the stored one only if it counts more of the window's ratings: a later
 * pane does, while one rebuilt after a restart from the replayed ratings alone is partial and is
 * refused.
 */
public final class WriteTrendingTitles
    extends PTransform<PCollection<Counted<TrendingWindow>>, PCollection<Counted<TrendingWindow>>> {

  static final String INSERT_CQL =
      "INSERT INTO "
          + Tables.TRENDING_TITLES
          + " (day, window_start, window_end, titles, title_ratings, window_ratings)"
          + " VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS";
  static final String REPLACE_CQL =
      "UPDATE "
          + Tables.TRENDING_TITLES
          + " SET titles = ?, title_ratings = ?, window_ratings = ?"
          + " WHERE day = ? AND window_start = ? IF window_ratings < ?";

  private final CassandraTarget target;

  public WriteTrendingTitles(CassandraTarget target) {
    this.target = target;
  }

  @Override
  public PCollection<Counted<TrendingWindow>> expand(
      PCollection<Counted<TrendingWindow>> rankings) {
    return rankings.apply("Write", ParDo.of(new WriteRankingFn(target)));
  }

  static final class WriteRankingFn extends DoFn<Counted<TrendingWindow>, Counted<TrendingWindow>> {
    private final CassandraTarget target;
    private final CassandraRetry retry;
    private transient CqlSession session;
    private transient PreparedStatement insert;
    private transient PreparedStatement replace;

    WriteRankingFn(CassandraTarget target) {
      this.target = target;
      this.retry = target.retry();
    }

    @Setup
    public void setup() throws Exception {
      session = retry.call("connecting to Cassandra", () -> SharedSessions.session(target));
      insert =
          retry.call(
              "preparing the ranking insert", () -> SharedSessions.prepared(target, INSERT_CQL));
      replace =
          retry.call(
              "preparing the ranking update", () -> SharedSessions.prepared(target, REPLACE_CQL));
    }

    @ProcessElement
    public void processElement(
        @Element Counted<TrendingWindow> durable, OutputReceiver<Counted<TrendingWindow>> out)
        throws Exception {
      TrendingWindow ranking = durable.aggregate();
      LocalDate day = ranking.windowStart().atOffset(ZoneOffset.UTC).toLocalDate();
      Instant start = ranking.windowStart();
      List<String> titles = ranking.titles().stream().map(TitleCount::title).toList();
      List<Long> counts = ranking.titles().stream().map(TitleCount::ratings).toList();
      long counted = ranking.ratings();
      retry.call(
          "trending row",
          () -> {
            if (!session
                .execute(insert.bind(day, start, ranking.windowEnd(), titles, counts, counted))
                .wasApplied()) {
              session.execute(replace.bind(titles, counts, counted, day, start, counted));
            }
            return null;
          });
      out.output(durable);
    }
  }
}
