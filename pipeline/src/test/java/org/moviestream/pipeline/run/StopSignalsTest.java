package org.moviestream.pipeline.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * A real JVM per case: exit 0 after SIGTERM only; Spark's exit after an OutOfMemoryError in a task
 * and a real heap too small for the work are failures.
 */
public class StopSignalsTest {

  @Test
  public void sigtermIsACleanStop() throws Exception {
    Process probe = probe("wait");
    // kill, not Process.destroy(), which closes the output the test reads
    new ProcessBuilder("kill", "-TERM", String.valueOf(probe.pid())).start().waitFor();
    assertEnds(probe, 0, "Pipeline stopped, stopping on a signal");
  }

  @Test
  public void sparksExitAfterAnOutOfMemoryErrorInATaskIsAFailure() throws Exception {
    assertEnds(probe("spark-oom"), 1, "Pipeline failed: the JVM was ended without a signal");
  }

  @Test
  public void aHeapTooSmallForTheWorkExitsNonZero() throws Exception {
    Process probe = probe("fill-heap");
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
    assertTrue("exit " + probe.exitValue(), probe.exitValue() != 0);
  }

  /** {@code probe} ends within 30 s with {@code exitCode}, having said {@code last}. */
  private static void assertEnds(Process probe, int exitCode, String last) throws Exception {
    assertTrue(probe.waitFor(30, TimeUnit.SECONDS));
    String said = new String(probe.getInputStream().readAllBytes());
    assertEquals(said, exitCode, probe.exitValue());
    assertTrue(said, said.contains(last));
  }

  /** This class's {@link Probe} in a JVM of its own, started the way bin/up starts the job. */
  private static Process probe(String mode) throws Exception {
    Process process =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Probe.class.getName(),
                    mode))
            .redirectErrorStream(true)
            .start();
    StringBuilder first = new StringBuilder();
    for (int c = process.getInputStream().read(); c != '\n' && c >= 0; ) {
      first.append((char) c);
      c = process.getInputStream().read();
    }
    assertEquals("ready", first.toString()); // unbuffered: the rest stays for the test to read
    return process;
  }

  /** Installs the stop rule, then waits, exits as Spark does after an OOM, or fills its heap. */
  public static final class Probe {
    public static void main(String[] args) throws Exception {
      StopSignals.install(
          (code, why) -> {
            System.out.println(why);
            System.out.flush();
            Runtime.getRuntime().halt(code);
          });
      System.out.println("ready");
      System.out.flush();
      switch (args[0]) {
        case "spark-oom" -> {
          // Spark's SparkUncaughtExceptionHandler: System.exit(52) on an OutOfMemoryError.
          Thread task =
              new Thread(
                  () -> {
                    throw new OutOfMemoryError("Java heap space");
                  });
          task.setUncaughtExceptionHandler((thread, error) -> System.exit(52));
          task.start();
          task.join();
        }
        case "fill-heap" -> {
          List<long[]> held = new java.util.ArrayList<>();
          while (true) {
            held.add(new long[1 << 20]);
          }
        }
        default -> Thread.sleep(60_000);
      }
    }
  }
}
