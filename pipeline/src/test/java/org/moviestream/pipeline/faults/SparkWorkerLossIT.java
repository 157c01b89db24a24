package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.assertNoPrematureCommit;
import static org.moviestream.pipeline.faults.FaultToleranceIT.await;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;
import static org.moviestream.pipeline.faults.FaultToleranceIT.tail;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.testing.PipelineProcess;
import org.moviestream.testing.Project;

/**
 * The machine under a Spark worker dies mid-stream: the Worker JVM and its executor are killed -9
 * on the standalone cluster of {@code bin/stack start spark} while the submitted job drains a
 * backlog. The job ends in one line with exit 1 (the SparkRunner cannot read lost batches again
 * exactly, see {@code ExecutorLoss}); submitted again once a worker is back, it resumes at the
 * committed offsets: exact rows, windows adding up, dead letters, lag 0 and no premature commit.
 */
public class SparkWorkerLossIT {

  private static final String MASTER = "spark://127.0.0.1:7077";
  private static final Path WORKER_PID = PipelineJar.ROOT.resolve(".stack/spark-worker-1/pid");
  private static boolean startedSpark;

  @BeforeClass
  public static void startSpark() throws Exception {
    assertTrue(
        "build the jars first (mvn package)",
        Files.exists(Project.Jar.PIPELINE_SPARK_SUBMIT.path()));
    startedSpark = !portOpen(7077);
    assertEquals("bin/stack start spark", 0, stack("start", "spark"));
  }

  @AfterClass
  public static void stopSpark() throws Exception {
    if (startedSpark) {
      stack("stop", "spark");
    }
  }

  @Test
  public void aWorkerKilledMidStreamLosesAndDoublesNothing() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "workerloss");
        CommitWatch watch = CommitWatch.on(run)) {
      run.sendBacklog(6_000);
      List<String> args = new ArrayList<>(run.pipelineArgs());
      args.add("--maxRecordsPerBatch=500"); // a slow drain, so that the kill lands mid-backlog
      try (PipelineProcess driver = PipelineJar.submit("workerloss-first", MASTER, args)) {
        await("part of the backlog is committed", () -> run.committed() > 0, driver);
        ProcessHandle worker =
            ProcessHandle.of(Long.parseLong(Files.readString(WORKER_PID).strip())).orElseThrow();
        List<ProcessHandle> executors = worker.descendants().toList();
        assertTrue("the worker runs the job's executor", !executors.isEmpty());
        executors.forEach(ProcessHandle::destroyForcibly); // SIGKILL
        worker.destroyForcibly();
        worker.onExit().get(30, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        System.out.printf(
            "[worker loss] worker and its executor killed -9 with %,d of %,d committed%n",
            run.committed(), run.sentValid() + run.sentBad());
        assertTrue("the driver ends\n" + tail(driver), driver.waitFor(60));
        System.out.printf(
            "[worker loss] the driver ended %d s after the kill, exit %d%n",
            (System.nanoTime() - killed) / 1_000_000_000L, driver.exitCode());
        assertEquals(tail(driver), 1, driver.exitCode());
        assertTrue(
            tail(driver),
            PipelineJar.output(driver).contains("Pipeline failed: Spark lost executor"));
      }
      assertEquals("bin/stack start spark (the worker again)", 0, stack("start", "spark"));
      run.sendLive(1_000);
      try (PipelineProcess driver = PipelineJar.submit("workerloss-second", MASTER, args)) {
        awaitComplete(run, driver);
        stopWithSigterm(driver);
      }
      assertNoPrematureCommit(watch);
    }
  }

  private static int stack(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of(PipelineJar.ROOT.resolve("bin/stack").toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(PipelineJar.ROOT.toFile()).inheritIO().start();
    return process.waitFor(5, TimeUnit.MINUTES) ? process.exitValue() : -1;
  }

  private static boolean portOpen(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
