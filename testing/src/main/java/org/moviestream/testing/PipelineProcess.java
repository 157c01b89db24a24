package org.moviestream.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline as users run it: {@code java -jar movie-stream-pipeline.jar ...}, its own process,
 * its output in a file.
 */
public final class PipelineProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private PipelineProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static PipelineProcess start(Path jar, Path log, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx2g");
    command.add("-XX:+ExitOnOutOfMemoryError"); // as bin/up starts it: an OOM is a failure
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    return run(command, log);
  }

  /** Any command that starts the pipeline (e.g. bin/spark-submit), its output in {@code log}. */
  public static PipelineProcess run(List<String> command, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return new PipelineProcess(builder.start(), log);
  }

  /** The process's resident memory in bytes (Linux /proc), or -1 once it has ended. */
  public long residentBytes() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // ended
    }
    return -1;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** kill -9: no shutdown hook, no flush, nothing. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * SIGTERM, as bin/up stop and Ctrl-C send it; returns how long the process took to end, or null
   * if it did not within {@code limit}.
   */
  public Duration terminate(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      return null;
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** A test that fails half-way leaves no pipeline running behind it. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      killHard();
    }
  }

  /** Waits up to {@code seconds} for the process to end by itself; whether it did. */
  public boolean waitFor(int seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  public int exitCode() {
    return process.exitValue();
  }

  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The last {@code chars} characters of the output, however long the log has grown. */
  public String tail(int chars) throws IOException {
    try (var file = new java.io.RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - chars);
      byte[] bytes = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  public Path log() {
    return log;
  }
}
