package org.moviestream.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The run's own Spark checkpoint directory. No run ever starts from another run's Spark state (a
 * restart resumes from the consumer group's committed offsets; Spark would restore the old run's
 * options and source positions instead, silently): each run claims a new directory {@code
 * run-<jobName>-<id>} under the base directory, however often the same --jobName or --checkpointDir
 * is given. The directory is removed when the run ends; one a killed run left behind is removed by
 * the next run that finds it. On the local file system the base directory is its owner's alone
 * (mode 700): Spark's checkpoint files describe the job.
 */
public final class RunCheckpoint {

  private static final String PREFIX = "run-";
  private static final String LOCK = ".lock";

  /** The directories this JVM claimed, each with the lock that says its run is alive. */
  private static final Set<String> CLAIMED = new HashSet<>();

  private static final List<FileChannel> HELD = new ArrayList<>();

  private RunCheckpoint() {}

  /**
   * A new run directory for job {@code jobName} under {@code base} (a path or a URI; {@code base}
   * itself when this JVM claimed it already). On the local file system it removes the directories
   * of runs that ended without removing theirs, saying so on stderr, and holds a lock in the new
   * one for as long as this JVM lives.
   */
  public static synchronized String claim(String base, String jobName) {
    String trimmed = base.replaceAll("/+$", "");
    if (CLAIMED.contains(trimmed)) {
      return trimmed;
    }
    String name = PREFIX + jobName.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + randomId();
    Path local = localPath(trimmed);
    String claimed = trimmed + "/" + name;
    if (local != null) {
      try {
        privateDirectory(local);
        removeEnded(local);
        Path run = Files.createDirectory(local.resolve(name));
        FileChannel lock =
            FileChannel.open(
                run.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock.lock();
        HELD.add(lock);
      } catch (IOException e) {
        throw new IllegalStateException(
            "cannot make the run's checkpoint directory under " + local + ": " + e, e);
      }
    }
    CLAIMED.add(claimed);
    return claimed;
  }

  /**
   * Deletes {@code directory} and everything in it if it is on the local file system (a plain path
   * or a file: URI); other file systems (hdfs:, s3a:) are left to their own retention.
   *
   * @return whether it deleted anything
   */
  static boolean delete(String directory) {
    Path path = localPath(directory);
    if (path == null || !Files.isDirectory(path)) {
      return false;
    }
    deleteTree(path);
    return true;
  }

  /** The base directory, made or narrowed to its owner alone. */
  private static void privateDirectory(Path base) throws IOException {
    if (!Files.isDirectory(base)) {
      Files.createDirectories(
          base, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
  }

  /** Removes the run directories under {@code base} whose run holds no lock any more. */
  private static void removeEnded(Path base) throws IOException {
    List<Path> runs;
    try (Stream<Path> children = Files.list(base)) {
      runs =
          children
              .filter(p -> p.getFileName().toString().startsWith(PREFIX))
              .filter(p -> Files.isRegularFile(p.resolve(LOCK)))
              .toList();
    }
    for (Path run : runs) {
      try (FileChannel channel = FileChannel.open(run.resolve(LOCK), StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          continue; // its run is alive
        }
        deleteTree(run);
        System.err.println(
            "removed the Spark checkpoint of a run that ended without removing it: " + run);
      } catch (OverlappingFileLockException | IOException e) {
        // this JVM's own, or gone meanwhile: not an ended run's
      }
    }
  }

  private static Path localPath(String directory) {
    if (directory.startsWith("file:")) {
      return Path.of(URI.create(directory));
    }
    return directory.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") ? null : Path.of(directory);
  }

  private static String randomId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void deleteTree(Path path) {
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(RunCheckpoint::deleteOne);
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
