package org.moviestream.testing;

import java.nio.file.Path;

/**
 * Where the project's files are, for the tests and the benchmark: the clone's root (the {@code
 * project.root} system property Maven sets, else the parent of the module's directory), the
 * programs' runnable jars and the stack's folder.
 */
public final class Project {

  /** The runnable jars the build makes. */
  public enum Jar {
    PIPELINE("pipeline/target/movie-stream-pipeline.jar"),
    PIPELINE_SPARK_SUBMIT("pipeline/target/movie-stream-pipeline-spark-submit.jar"),
    PRODUCER("producer/target/movie-stream-producer.jar"),
    QUERY("query/target/movie-stream-query.jar"),
    VIEW("view/target/movie-stream-view.jar");

    private final String relative;

    Jar(String relative) {
      this.relative = relative;
    }

    public Path path() {
      return file(relative);
    }

    /** The jar's path from the root, as the project's scripts name it. */
    public String relative() {
      return relative;
    }
  }

  private Project() {}

  public static Path root() {
    return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
  }

  /** {@code relative} under the root, e.g. "data/netflix.csv". */
  public static Path file(String relative) {
    return root().resolve(relative);
  }

  /** The local stack's jars, data, logs and pids: MOVIE_STREAM_STACK_DIR, as bin/stack takes it. */
  public static Path stackDir() {
    String dir = System.getenv("MOVIE_STREAM_STACK_DIR");
    return dir != null ? Path.of(dir) : file(".stack");
  }
}
