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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.testing.PipelineProcess;

/**
 * A run reads and resumes exactly where it should: a partition added while the job runs (read
 * without a restart), a topic deleted and re-created, a restart with changed options after a kill
 * -9. Each ends with exact rows, windows that add up, lag 0 and no premature commit.
 */
public class ResumeIT {

  @BeforeClass
  public static void theJarIsBuilt() {
    PipelineJar.requireBuilt();
  }

  @Test
  public void aPartitionAddedWhileTheJobRunsIsReadFromItsStartWithoutARestart() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "newpartition");
        CommitWatch watch = CommitWatch.on(run)) {
      // A new group starting at the latest offsets: the setting that used to skip a new partition.
      List<String> args = new ArrayList<>(run.pipelineArgs());
      args.replaceAll(
          arg -> arg.startsWith("--startingOffsets=") ? "--startingOffsets=latest" : arg);
      try (PipelineProcess pipeline = PipelineJar.start("newpartition", args)) {
        await(
            "the job has started",
            () -> PipelineJar.output(pipeline).contains("Resuming consumer group"),
            pipeline);
        run.sendLive(2_000);
        awaitComplete(run, pipeline);
        run.resources()
            .admin()
            .createPartitions(Map.of(run.topic, NewPartitions.increaseTo(4)))
            .all()
            .get();
        long added = System.nanoTime();
        run.sendLive(2_000);
        awaitComplete(run, pipeline, Duration.ofMinutes(2));
        System.out.printf(
            "[new partition] every rating of the 4 partitions durable and committed %d s after the"
                + " partition was added%n",
            (System.nanoTime() - added) / 1_000_000_000L);
        OffsetAndMetadata added4th =
            run.resources().committedOffsets(run.group).get(new TopicPartition(run.topic, 3));
        assertTrue(
            "the new partition holds ratings, all committed: " + added4th,
            added4th != null && added4th.offset() > 0);
        assertTrue(
            tail(pipeline),
            PipelineJar.output(pipeline)
                .contains(
                    "NEW PARTITIONS: "
                        + run.topic
                        + " has 4 partitions now, 3 when the job started"));
        stopWithSigterm(pipeline);
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
      List<String> slow = new ArrayList<>(run.pipelineArgs());
      slow.add("--maxRecordsPerBatch=1000"); // many commits, so that the kill lands mid-backlog
      try (PipelineProcess first = PipelineJar.start("changed-first", slow)) {
        await("part of the backlog is committed", () -> run.committed() > 0, first);
        first.killHard();
      }
      assertTrue("killed mid-backlog", run.committed() < 20_000);
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
