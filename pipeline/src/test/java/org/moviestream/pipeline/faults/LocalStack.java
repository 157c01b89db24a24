package org.moviestream.pipeline.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real Kafka and Cassandra of bin/stack, killed and started again for real. */
final class LocalStack {

  private final Path root;
  private final Path state;

  LocalStack(Path root) {
    this.root = root;
    String dir = System.getenv("MOVIE_STREAM_STACK_DIR");
    this.state = dir != null ? Path.of(dir) : root.resolve(".stack");
  }

  /** kill -9 of a service's JVM ("kafka" or "cassandra"); returns once it is gone. */
  void killHard(String service) throws Exception {
    long pid = Long.parseLong(Files.readString(state.resolve(service).resolve("pid")).strip());
    ProcessHandle handle =
        ProcessHandle.of(pid)
            .orElseThrow(
                () -> new IllegalStateException(service + " (pid " + pid + ") is not running"));
    handle.destroyForcibly();
    handle.onExit().get(30, TimeUnit.SECONDS);
  }

  /** bin/stack start: brings back what is not running and waits until it is ready. */
  void start() throws IOException, InterruptedException {
    Path log = root.resolve("pipeline/target/faults/stack-start.log");
    Files.createDirectories(log.getParent());
    Process start =
        new ProcessBuilder(root.resolve("bin/stack").toString(), "start")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!start.waitFor(3, TimeUnit.MINUTES) || start.exitValue() != 0) {
      throw new IllegalStateException("bin/stack start failed; see " + log);
    }
  }
}
