package org.moviestream.pipeline.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.moviestream.testing.Project;

/** The real Kafka and Cassandra of bin/stack, killed and started again for real. */
final class LocalStack {

  private final Path root;
  private final Path state;

  LocalStack(Path root) {
    this.root = root;
    this.state = Project.stackDir();
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
    run("start");
  }

  /** bin/stack with {@code args} (e.g. "start", "kafka-2"), within five minutes. */
  void run(String... args) throws IOException, InterruptedException {
    Path log = root.resolve("pipeline/target/faults/stack-start.log");
    Files.createDirectories(log.getParent());
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add(root.resolve("bin/stack").toString());
    command.addAll(java.util.List.of(args));
    Process stack =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!stack.waitFor(5, TimeUnit.MINUTES) || stack.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
    }
  }

  /** Whether the stack's nodes run because the integration tests started them. */
  boolean startedForTests() {
    return Files.exists(state.resolve("started-for-tests"));
  }

  /** A node's log (e.g. cassandra-1's). */
  Path log(String node) {
    return state.resolve(node).resolve("logs").resolve(node + ".log");
  }
}
