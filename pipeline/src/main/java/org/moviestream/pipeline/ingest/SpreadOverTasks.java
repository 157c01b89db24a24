package org.moviestream.pipeline.ingest;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;

/**
 * Elements -> the same elements, spread over every task of the job: the SparkRunner turns the
 * reshuffle into a repartition to Spark's default parallelism (local[N]: N; a cluster: its
 * executors' cores). Event times, windows and the watermark pass through unchanged. After the read,
 * which is one source split (its watermark must be the earliest of all partitions'), it lets every
 * later step run wide; after the writes, it makes them one stage that the several groupings reading
 * their outcomes share instead of each computing it again.
 */
public final class SpreadOverTasks<T> extends PTransform<PCollection<T>, PCollection<T>> {

  private final int tasks;

  private SpreadOverTasks(int tasks) {
    this.tasks = tasks;
  }

  /**
   * Spread over {@code tasks} (0: as many as Spark's default parallelism); 1 keeps the messages
   * where they are, since a shuffle to the same single task would only cost.
   */
  public static <T> SpreadOverTasks<T> over(int tasks) {
    if (tasks < 0) {
      throw new IllegalArgumentException("tasks must be 0 (Spark's width) or more, not " + tasks);
    }
    return new SpreadOverTasks<>(tasks);
  }

  @Override
  public PCollection<T> expand(PCollection<T> messages) {
    return tasks == 1 ? messages : messages.apply("Reshuffle", Reshuffle.viaRandomKey());
  }
}
