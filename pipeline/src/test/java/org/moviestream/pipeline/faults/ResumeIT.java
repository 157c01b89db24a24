package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
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
        run.sendLive(10_000); // as many as when a job was once seen not to read the new partition
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
        assertFalse(
            "the job read the new partition itself: " + tail(pipeline),
            PipelineJar.output(pipeline).contains("NEW PARTITIONS NOT READ"));
        stopWithSigterm(pipeline);
      }
      assertNoPrematureCommit(watch);
    }
  }

  /**
   * Messages deleted while the job runs, before it read them (retention, delete-records): one line
   * names the lost range and the partition's commits go on, as at a start, instead of waiting for
   * offsets that no longer exist.
   */
  @Test
  public void messagesDeletedBeforeTheRunningJobReadThemAreSaidAndCommittedPast() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "deleted")) {
      run.sendBacklog(20_000);
      // The reader stays far behind the log's end: small batches, and a consumer that fetches
      // little ahead (by default it holds up to 1 MB of each partition).
      java.nio.file.Path fetchLittle =
          java.nio.file.Files.createTempFile("fetch-little", ".properties");
      java.nio.file.Files.writeString(
          fetchLittle, "max.partition.fetch.bytes=8192\nfetch.max.bytes=16384\n");
      List<String> slow = new ArrayList<>(run.pipelineArgs());
      slow.add("--maxRecordsPerBatch=500");
      slow.add("--kafkaConfig=" + fetchLittle);
      try (PipelineProcess pipeline = PipelineJar.start("deleted", slow)) {
        await(
            "the job reads",
            () -> PipelineJar.output(pipeline).contains("STATUS {\"state\":\"running\",\"read\":"),
            pipeline);
        TopicPartition first = new TopicPartition(run.topic, 0);
        long end =
            run.resources()
                .admin()
                .listOffsets(Map.of(first, OffsetSpec.latest()))
                .partitionResult(first)
                .get()
                .offset();
        long deletedBefore = end - 500;
        run.resources()
            .admin()
            .deleteRecords(Map.of(first, RecordsToDelete.beforeOffset(deletedBefore)))
            .all()
            .get();
        await("every offset is committed", () -> run.lag() == 0, pipeline);
        String output = PipelineJar.output(pipeline);
        assertTrue(
            tail(pipeline),
            output.contains("LOST: " + run.topic + "/0 offsets ")
                && output.contains("-" + (deletedBefore - 1) + " were deleted"));
        assertTrue(
            "the rows of what was not deleted are there: " + run.rows(),
            run.rows() >= run.sentValid() - deletedBefore && run.rows() < run.sentValid());
        stopWithSigterm(pipeline);
      }
    }
  }

  /**
   * What the README says a window's ranking may miss after a restart: a window ranked and committed
   * before a stop that gets more ratings after it is ranked from the larger part alone, while its
   * rows miss nothing.
   */
  @Test
  public void aWindowRankedBeforeARestartIsRankedFromTheLargerPartAfterIt() throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "trendrestart")) {
      Instant window =
          Instant.ofEpochMilli(
              Math.floorDiv(Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli(), 30_000)
                  * 30_000);
      run.sendRatings(40, window.plusSeconds(1), Duration.ofMillis(100));
      try (PipelineProcess first = PipelineJar.start("trendrestart_first", run.pipelineArgs())) {
        awaitComplete(run, first);
        await("the window is ranked", () -> ranked(run, window) == 40, first);
        stopWithSigterm(first);
      }
      run.sendRatings(100, window.plusSeconds(10), Duration.ofMillis(100));
      try (PipelineProcess second = PipelineJar.start("trendrestart_second", run.pipelineArgs())) {
        awaitComplete(run, second);
        await("the window is ranked again", () -> ranked(run, window) == 100, second);
        assertEquals("the window's rows miss nothing", 140, run.rows());
        stopWithSigterm(second);
      }
    }
  }

  /** How many ratings the stored ranking of the window starting at {@code window} counts. */
  private static long ranked(FaultRun run, Instant window) {
    var row =
        run.resources()
            .session()
            .execute(
                "SELECT window_ratings FROM "
                    + run.keyspace
                    + ".trending_titles WHERE day = ? AND window_start = ?",
                window.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                window)
            .one();
    return row == null ? -1 : row.getLong(0);
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
