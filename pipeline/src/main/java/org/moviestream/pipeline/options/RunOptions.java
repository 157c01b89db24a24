package org.moviestream.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.moviestream.contract.Defaults;

/** What the run joins against, how it reports and how long it lasts. */
public interface RunOptions extends PipelineOptions {

  @Description("The Netflix catalog, in the Kaggle netflix_titles.csv schema")
  @Default.String(Defaults.CATALOG)
  String getCatalog();

  void setCatalog(String value);

  @Description(
      "Seconds between two progress lines (metrics counters, committed offsets, a JSON status line); 0 prints none")
  @Default.Integer(10)
  Integer getProgressSeconds();

  void setProgressSeconds(Integer value);

  @Description(
      "Port of the job's Prometheus endpoint (http://ADDRESS:PORT/metrics); 0 picks a free one, -1"
          + " serves none")
  @Default.Integer(9400)
  Integer getMetricsPort();

  void setMetricsPort(Integer value);

  @Description(
      "Address the Prometheus endpoint listens on: loopback unless a scraper on another host needs"
          + " it (0.0.0.0 for every address)")
  @Default.String("127.0.0.1")
  String getMetricsAddress();

  void setMetricsAddress(String value);

  @Description(
      "Tasks the work after the Kafka read is spread over (parse, enrich, the writers, the windows);"
          + " 0 takes Spark's width: N for local[N], the executors' cores on a cluster"
          + " (spark.default.parallelism when set); 1 spreads nothing")
  @Default.Integer(0)
  Integer getTasks();

  void setTasks(Integer value);

  @Description("Stop the pipeline after this many seconds; 0 runs until Ctrl-C")
  @Default.Integer(0)
  Integer getRunSeconds();

  void setRunSeconds(Integer value);

  @Description(
      "Say so (log and status line) when the committed offsets have not moved for this many seconds while"
          + " messages wait, naming each waiting partition, its offset and what it waits for")
  @Default.Integer(120)
  Integer getStuckAfterSeconds();

  void setStuckAfterSeconds(Integer value);
}
