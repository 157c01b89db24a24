package org.moviestream.pipeline.options;

/** The two ways rows can be written; see the README's Performance section for what each costs. */
public enum CassandraWriter {
  /**
   * Our DoFn on one session per executor JVM: fast on the SparkRunner, and it reports each
   * acknowledged row.
   */
  SHARED_SESSION,
  /**
   * Beam's CassandraIO.write(), which opens and closes a Cluster per DoFn instance and reports
   * nothing back.
   */
  CASSANDRA_IO
}
