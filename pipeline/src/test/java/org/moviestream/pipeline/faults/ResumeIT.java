package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.assertNoPrematureCommit;
import static org.moviestream.pipeline.faults.FaultToleranceIT.await;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;
import static org.moviestream.pipeline.faults.FaultToleranceIT.tail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.testing.PipelineProcess;

/**
 * A run resumes exactly where it should: a partition added while the job runs, a topic deleted and
 * re-created, a restart with changed options after a kill -9. Each ends with exact rows, windows
 * that add up, lag 0 and no premature commit.
 */
public class ResumeIT {

  @BeforeClass
  public static void theJarIsBuilt() {
    PipelineJar.requireBuilt();
  }

  @Test
  public void aPartitionAddedWhileTheJobRunsEndsItSayingWhyAndIsReadFromItsStartAfterARestart()
      throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "newpartition");
        CommitWatch watch = CommitWatch.on(run)) {
      // A new group starting at the latest offsets: the setting that used to skip a new partition.
      List<String> args = new ArrayList<>(run.pipelineArgs());
      args.replaceAll(
          arg -> arg.startsWith("--startingOffsets=") ? "--startingOffsets=latest" : arg);
      try (PipelineProcess first = PipelineJar.start("newpartition-first", args)) {
        await(
            "the job has started",
            () -> PipelineJar.output(first).contains("Resuming consumer group"),
            first);
        run.sendLive(2_000);
        awaitComplete(run, first);
        run.resources()
            .admin()
            .createPartitions(Map.of(run.topic, NewPartitions.increaseTo(4)))
            .all()
            .get();
        run.sendLive(2_000);
        // KafkaIO's reader cannot take a partition it was not started with: the job ends, and says
        // why.
        assertTrue("the job ended\n" + tail(first), first.waitFor(180));
        assertTrue(
            tail(first),
            PipelineJar.output(first)
                .contains(
                    "Pipeline failed: "
                        + run.topic
                        + " gained partitions while the job ran (3 -> 4)"));
        org.junit.Assert.assertEquals(1, first.exitCode());
      }
      try (PipelineProcess second = PipelineJar.start("newpartition-second", args)) {
        awaitComplete(run, second);
        assertTrue(
            tail(second),
            PipelineJar.output(second)
                .contains(
                    "partition 3 of "
                        + run.topic
                        + " is new to group "
                        + run.group
                        + ": it starts at its earliest offset 0"));
        stopWithSigterm(second);
      }
      assertNoPrematureCommit(watch);
    }
  }

  @Test
  public void aTopicDeletedAndReCreatedIsReadFromItsBeginning() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "recreated")) {
      try (PipelineProcess first = PipelineJar.start("recreated-first", run.pipelineArgs())) {
        run.sendLive(1_500);
        awaitComplete(run, first);
        stopWithSigterm(first);
      }
      run.recreateTopic();
      run.sendRatings(
          999,
          Instant.now().minusSeconds(10),
          Duration.ofMillis(10)); // no bad one: its key could be an old one's
      try (PipelineProcess second = PipelineJar.start("recreated-second", run.pipelineArgs())) {
        awaitComplete(run, second);
        String resumed = PipelineJar.output(second);
        assertTrue(
            tail(second),
            resumed.contains("deleted and re-created")
                || resumed.contains("has no committed offsets"));
        stopWithSigterm(second);
      }
    }
  }

  @Test
  public void aKilledJobRestartedWithChangedOptionsLosesAndDoublesNothing() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "changed");
        CommitWatch watch = CommitWatch.on(run)) {
      run.sendBacklog(20_000);
      try (PipelineProcess first = PipelineJar.start("changed-first", run.pipelineArgs())) {
        await("part of the backlog is committed", () -> run.committed() > 0, first);
        first.killHard();
      }
      List<String> changed = new ArrayList<>(run.pipelineArgs());
      changed.addAll(
          List.of(
              "--batchIntervalMillis=2000",
              "--cassandraBatchRows=5",
              "--allowedLatenessSeconds=30",
              "--maxRecordsPerBatch=5000"));
      try (PipelineProcess second = PipelineJar.start("changed-second", changed)) {
        awaitComplete(run, second);
        stopWithSigterm(second);
      }
      assertNoPrematureCommit(watch);
    }
  }
}
