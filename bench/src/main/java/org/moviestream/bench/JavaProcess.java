package org.moviestream.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.moviestream.contract.JobStatus;

/**
 * A JVM the benchmark starts (pipeline, native job, producer): its output goes to a log file while
 * the last {@link JobStatus} it printed is tracked; peak RSS and CPU time are read from /proc.
 */
final class JavaProcess implements AutoCloseable {

  private static final long CLOCK_TICKS_PER_SECOND = 100;

  private final Process process;
  private final Path gcLog;
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<String> lastLine = new AtomicReference<>("");
  private volatile boolean ready;
  private final long startNanos = System.nanoTime();
  private final long startMillis = System.currentTimeMillis();

  private JavaProcess(Process process, Path log, Path gcLog) {
    this.process = process;
    this.gcLog = gcLog;
    Thread reader = new Thread(() -> follow(log), "follow-" + log.getFileName());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java <jvmArgs> <args>} with the module openings Spark needs on Java 17. */
  static JavaProcess start(Path root, Path log, List<String> jvmArgs, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(Files.readString(root.resolve(".mvn/jvm.config")).trim().split("\\s+")));
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(jvmArgs);
    Path gcLog = log.resolveSibling(log.getFileName() + ".gc");
    command.add("-Xlog:gc:file=" + gcLog);
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return new JavaProcess(builder.start(), log, gcLog);
  }

  private void follow(Path log) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        lastLine.set(line);
        JobStatus.fromLine(line)
            .ifPresent(
                status -> {
                  ready = true;
                  written.set(status.written());
                });
      }
    } catch (IOException e) {
      lastLine.set("(log lost: " + e.getMessage() + ")");
    }
  }

  long written() {
    return written.get();
  }

  boolean ready() {
    return ready;
  }

  boolean alive() {
    return process.isAlive();
  }

  String lastLine() {
    return lastLine.get();
  }

  long startMillis() {
    return startMillis;
  }

  double secondsSinceStart() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Waits for the process to end by itself; its exit code. */
  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** Peak resident memory (VmHWM) in MiB. */
  double peakRssMiB() throws IOException {
    return statusMiB("VmHWM:");
  }

  /** Resident memory now (VmRSS) in MiB. */
  double rssMiB() throws IOException {
    return statusMiB("VmRSS:");
  }

  /** A memory field of /proc/PID/status (given in kB) in MiB. */
  private double statusMiB(String field) throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** Seconds the JVM's threads stood still for garbage collection so far (from its GC log). */
  double gcPauseSeconds() throws IOException {
    return Files.exists(gcLog) ? GcLog.pauseSeconds(Files.readAllLines(gcLog)) : Double.NaN;
  }

  /** User + system CPU seconds used so far. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
        / (double) CLOCK_TICKS_PER_SECOND;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
