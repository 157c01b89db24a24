package org.moviestream.pipeline.io;

import com.datastax.driver.mapping.annotations.ClusteringColumn;
import com.datastax.driver.mapping.annotations.Column;
import com.datastax.driver.mapping.annotations.PartitionKey;
import com.datastax.driver.mapping.annotations.Table;
import java.io.Serializable;
import java.util.Date;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.moviestream.pipeline.model.WindowStats;

/** A row of netflix.ratings_per_window: one person's window, rewritten by each (late) firing. */
@Table(name = "ratings_per_window")
@DefaultCoder(SerializableCoder.class)
public final class WindowStatsRow implements Serializable {

  @PartitionKey private String name;

  @ClusteringColumn
  @Column(name = "window_start")
  private Date windowStart;

  @Column(name = "window_end")
  private Date windowEnd;

  private long ratings;

  @Column(name = "avg_rating_movie")
  private double avgRatingMovie;

  @Column(name = "avg_duration")
  private Double avgDuration;

  /** For the mapper. */
  public WindowStatsRow() {}

  public static WindowStatsRow of(WindowStats stats) {
    WindowStatsRow row = new WindowStatsRow();
    row.name = stats.name();
    row.windowStart = Date.from(stats.windowStart());
    row.windowEnd = Date.from(stats.windowEnd());
    row.ratings = stats.ratings();
    row.avgRatingMovie = stats.avgRatingMovie();
    row.avgDuration = stats.avgDuration();
    return row;
  }

  public String getName() {
    return name;
  }

  public void setName(String value) {
    name = value;
  }

  public Date getWindowStart() {
    return windowStart;
  }

  public void setWindowStart(Date value) {
    windowStart = value;
  }

  public Date getWindowEnd() {
    return windowEnd;
  }

  public void setWindowEnd(Date value) {
    windowEnd = value;
  }

  public long getRatings() {
    return ratings;
  }

  public void setRatings(long value) {
    ratings = value;
  }

  public double getAvgRatingMovie() {
    return avgRatingMovie;
  }

  public void setAvgRatingMovie(double value) {
    avgRatingMovie = value;
  }

  public Double getAvgDuration() {
    return avgDuration;
  }

  public void setAvgDuration(Double value) {
    avgDuration = value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WindowStatsRow that
        && Objects.equals(name, that.name)
        && Objects.equals(windowStart, that.windowStart)
        && Objects.equals(windowEnd, that.windowEnd)
        && Objects.equals(ratings, that.ratings)
        && Objects.equals(avgRatingMovie, that.avgRatingMovie)
        && Objects.equals(avgDuration, that.avgDuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, windowStart, windowEnd, ratings, avgRatingMovie, avgDuration);
  }
}
