package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.await;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;
import static org.moviestream.pipeline.faults.FaultToleranceIT.tail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.cassandra.Schema;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RejectReason;
import org.moviestream.testing.PipelineProcess;

/**
 * A job says honestly how it ends: a failure mid-run exits 1 within seconds naming its cause, a
 * keyspace from an older schema exits 2 naming what is missing, and a table dropped and re-created
 * mid-run is waited for (loudly), not blamed on the rows.
 */
public class LifecycleIT {

  @BeforeClass
  public static void theJarIsBuilt() {
    PipelineJar.requireBuilt();
  }

  @Test
  public void aJobFailingMidRunExitsOneWithinSecondsNamingTheCause() throws Exception {
    Path checkpoints = Files.createTempDirectory("movie-stream-checkpoints").resolve("cp");
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "fail")) {
      List<String> args = new ArrayList<>(run.pipelineArgs());
      args.add("--checkpointDir=" + checkpoints);
      try (PipelineProcess pipeline = PipelineJar.start("fail", args)) {
        run.sendLive(300);
        await("ratings are written", () -> run.rows() >= 300, pipeline);
        // The checkpoint directory turns into a file (a disk taken away, a wrong mount): Spark
        // cannot go on.
        deleteRecursively(checkpoints);
        Files.writeString(checkpoints, "not a directory");
        long faulted = System.nanoTime();
        run.sendLive(300);
        assertTrue("the failed job ended its process\n" + tail(pipeline), pipeline.waitFor(120));
        System.out.printf(
            "[fail] exited %d, %.1f s after the fault%n",
            pipeline.exitCode(), (System.nanoTime() - faulted) / 1e9);
        assertEquals(1, pipeline.exitCode());
        String output = pipeline.output();
        assertTrue(tail(pipeline), output.contains("Pipeline failed: ParentNotDirectoryException"));
        assertFalse(
            "a failure is no signal\n" + tail(pipeline), output.contains("stopping on a signal"));
      }
    } finally {
      Files.deleteIfExists(checkpoints);
    }
  }

  /**
   * Spark would restore a run from the checkpoint it finds under the same --jobName and
   * --checkpointDir, the old run's options with it: killed with keyspace A, started again with B,
   * it wrote into A. A run never starts from another's Spark state.
   */
  @Test
  public void aRestartUnderTheSameJobNameRunsItsOwnOptionsNotTheKilledRunsSparkState()
      throws Exception {
    Path checkpoints = Files.createTempDirectory("movie-stream-checkpoints");
    List<String> sameJob = List.of("--jobName=samejob", "--checkpointDir=" + checkpoints);
    try (FaultRun first = new FaultRun(PipelineJar.ROOT, "samejob_a");
        FaultRun second = new FaultRun(PipelineJar.ROOT, "samejob_b")) {
      List<String> args = new ArrayList<>(first.pipelineArgs());
      args.addAll(sameJob);
      try (PipelineProcess pipeline = PipelineJar.start("samejob_a", args)) {
        first.sendLive(200);
        await("the first run's rows are written", () -> first.rows() >= 200, pipeline);
        pipeline.killHard();
      }
      args = new ArrayList<>(second.pipelineArgs());
      args.addAll(sameJob);
      try (PipelineProcess pipeline = PipelineJar.start("samejob_b", args)) {
        second.sendLive(200);
        awaitComplete(second, pipeline);
        assertEquals("the second run's own keyspace has its rows", 200, second.rows());
        assertEquals("the first run's keyspace got nothing more", 200, first.rows());
        assertTrue(
            tail(pipeline),
            pipeline.output().contains("removed the Spark checkpoint of a run that ended"));
        stopWithSigterm(pipeline);
      }
    } finally {
      deleteRecursively(checkpoints);
    }
  }

  /**
   * A scratch run on production's consumer group with another keyspace would move production's
   * offsets past ratings production never wrote: a start whose group was committed for another
   * target refuses in one line.
   */
  @Test
  public void aGroupCommittedForAnotherKeyspaceIsRefusedInOneLine() throws Exception {
    try (FaultRun production = new FaultRun(PipelineJar.ROOT, "target_a");
        FaultRun scratch = new FaultRun(PipelineJar.ROOT, "target_b")) {
      try (PipelineProcess pipeline = PipelineJar.start("target_a", production.pipelineArgs())) {
        production.sendLive(100);
        awaitComplete(production, pipeline);
        stopWithSigterm(pipeline);
      }
      List<String> args =
          production.pipelineArgs().stream()
              .map(arg -> arg.startsWith("--keyspace=") ? "--keyspace=" + scratch.keyspace : arg)
              .toList();
      try (PipelineProcess pipeline = PipelineJar.start("target_b", args)) {
        assertTrue("the start ended\n" + tail(pipeline), pipeline.waitFor(60));
        assertEquals(tail(pipeline), 2, pipeline.exitCode());
        String output = pipeline.output();
        assertTrue(
            tail(pipeline),
            output.contains("was last committed by a job writing to " + production.keyspace + "@")
                && output.contains("--adoptOffsets"));
      }
    }
  }

  @Test
  public void aKeyspaceFromAnOlderSchemaExitsTwoNamingWhatIsMissing() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "oldschema")) {
      run.resources().session().execute("DROP TABLE " + run.keyspace + ".trending_titles");
      try (PipelineProcess pipeline = PipelineJar.start("oldschema", run.pipelineArgs())) {
        assertTrue("the pipeline ended\n" + tail(pipeline), pipeline.waitFor(60));
        assertEquals(tail(pipeline), 2, pipeline.exitCode());
        String output = pipeline.output();
        assertTrue(
            tail(pipeline),
            output.contains("is older than this pipeline")
                && output.contains("trending_titles")
                && output.contains("schema.cql"));
        assertFalse("one line, no stack trace\n" + tail(pipeline), output.contains("\tat "));
      }
    }
  }

  @Test
  public void aTableDroppedAndRecreatedMidRunLosesNoRowAndBlamesNone() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "droptable");
        PipelineProcess pipeline = PipelineJar.start("droptable", run.pipelineArgs())) {
      run.sendLive(2_000);
      awaitComplete(run, pipeline);
      String table = run.keyspace + ".movie_ratings";
      run.resources().session().execute("DROP TABLE " + table);
      long before = run.sentValid();
      run.sendLive(2_000);
      await(
          "the pipeline says it waits for the table",
          () ->
              logContains(pipeline, "unconfigured table movie_ratings")
                  || logContains(pipeline, "movie_ratings does not exist"),
          pipeline);
      Thread.sleep(10_000);
      assertTrue("the pipeline waits for the table", pipeline.isAlive());
      for (String statement : Schema.statements(run.keyspace)) {
        if (statement.contains(table)) {
          run.resources().session().execute(statement);
        }
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (run.rows() < run.sentValid() - before || run.lag() > 0) {
        assertTrue("the pipeline died\n" + tail(pipeline), pipeline.isAlive());
        assertTrue(
            "timed out: "
                + run.rows()
                + " rows of "
                + (run.sentValid() - before)
                + ", lag "
                + run.lag(),
            System.nanoTime() < deadline);
        Thread.sleep(1_000);
      }
      assertEquals(
          "every rating sent after the drop is a row, exactly",
          run.sentValid() - before,
          run.rows());
      List<RejectReason> writeFailed =
          run.deadLetters().values().stream()
              .map(DeadLetterRecord::reason)
              .filter(RejectReason.WRITE_FAILED::equals)
              .toList();
      assertEquals("no row was blamed for the missing table", List.of(), writeFailed);
      assertTrue(tail(pipeline), logContains(pipeline, "cassandra is back after"));
      stopWithSigterm(pipeline);
    }
  }

  private static boolean logContains(PipelineProcess pipeline, String text) {
    return PipelineJar.output(pipeline).contains(text);
  }

  private static void deleteRecursively(Path path) throws java.io.IOException {
    try (var paths = Files.walk(path)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
