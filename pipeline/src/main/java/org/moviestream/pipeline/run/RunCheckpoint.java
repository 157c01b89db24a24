package org.moviestream.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run's own Spark checkpoint directory (one per run, see {@code configureSpark}): no later run
 * reads it, since a restart resumes from the consumer group's committed offsets, so it is removed
 * when the run ends instead of piling up under /tmp run after run.
 */
final class RunCheckpoint {

  private RunCheckpoint() {}

  /**
   * Deletes {@code directory} and everything in it if it is on the local file system (a plain path
   * or a file: URI); other file systems (hdfs:, s3a:) are left to their own retention.
   *
   * @return whether it deleted anything
   */
  static boolean delete(String directory) {
    Path path;
    if (directory.startsWith("file:")) {
      path = Path.of(URI.create(directory));
    } else if (!directory.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      path = Path.of(directory);
    } else {
      return false;
    }
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(RunCheckpoint::deleteOne);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteOne(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
