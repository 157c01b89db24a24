package org.moviestream.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.moviestream.cassandra.Tables;

/** The event-time windows of ratings_per_window and trending_titles. */
public interface WindowingOptions extends PipelineOptions {

  @Description("Length of the fixed event-time windows, in seconds")
  @Default.Integer(30)
  Integer getWindowSeconds();

  void setWindowSeconds(Integer value);

  @Description(
      "How long after the watermark passes a window late ratings still update its aggregate, in"
          + " seconds (every rating is stored in "
          + Tables.MOVIE_RATINGS
          + " however late)")
  @Default.Integer(60)
  Integer getAllowedLatenessSeconds();

  void setAllowedLatenessSeconds(Integer value);

  @Description(
      "How many titles the trending ranking of each window keeps (netflix."
          + Tables.TRENDING_TITLES
          + ")")
  @Default.Integer(10)
  Integer getTrendingTitles();

  void setTrendingTitles(Integer value);
}
