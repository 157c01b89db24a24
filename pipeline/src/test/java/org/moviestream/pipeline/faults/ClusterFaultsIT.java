package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.assertNoPrematureCommit;
import static org.moviestream.pipeline.faults.FaultToleranceIT.await;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;
import static org.moviestream.pipeline.faults.FaultToleranceIT.tail;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.contract.RejectReason;
import org.moviestream.testing.PipelineProcess;
import org.moviestream.testing.StackResources;

/**
 * The delivery promise on clusters: three Kafka nodes and three Cassandra nodes ({@code bin/stack
 * start --nodes 3}: every partition and row on three nodes, {@code min.insync.replicas} 2, writes
 * at LOCAL_QUORUM). While the pipeline (its own process, the jar) drains a backlog and live ratings
 * arrive, nodes are killed with SIGKILL and started again later. The pipeline must keep writing
 * while they are away and lose and double nothing; a Cassandra node that comes back gets what it
 * missed as hints, and a read at ALL then returns every row.
 */
public class ClusterFaultsIT {

  private static final int NODES = 3;
  private static final int BACKLOG = 20_000;
  private static final int LIVE = 5_000;
  private static final Duration HINTS_TIMEOUT = Duration.ofMinutes(3);
  private static final LocalStack STACK = new LocalStack(PipelineJar.ROOT);
  private static boolean onCluster;

  /** Leaves the one-node stack of the other tests for a three-node one (the same ports). */
  @BeforeClass
  public static void onAThreeNodeCluster() throws Exception {
    PipelineJar.requireBuilt();
    Assume.assumeTrue(
        "a stack the tests did not start runs on the ports the cluster needs: stop it first",
        STACK.startedForTests());
    STACK.run("stop", "--for-tests");
    onCluster = true;
    STACK.run("start", "--nodes", String.valueOf(NODES), "--for-tests");
  }

  /** The one-node stack again, for the tests that follow. */
  @AfterClass
  public static void backToOneNode() throws Exception {
    if (onCluster) {
      STACK.run("stop", "--for-tests");
      STACK.run("start", "--nodes", "1", "--for-tests");
    }
  }

  @Test
  public void aCassandraNodeKilledMidStreamAndStartedAgainLosesNothing() throws Exception {
    killMidStream("cassandra", run -> List.of("cassandra-2"));
  }

  @Test
  public void theBrokerLeadingAPartitionKilledMidStreamLosesNothing() throws Exception {
    killMidStream("leader", run -> List.of(leaderOfPartitionZero(run)));
  }

  @Test
  public void aBrokerAndACassandraNodeKilledAtOnceLoseNothing() throws Exception {
    killMidStream("both", run -> List.of(leaderOfPartitionZero(run), "cassandra-3"));
  }

  private interface Victims {
    List<String> of(FaultRun run) throws Exception;
  }

  /**
   * A backlog, then {@code victims} killed once rows are being written, live ratings sent while
   * they are down, the rows counted going on without them, the victims started again; every rating
   * a row, windows adding up, lag 0, no premature commit.
   */
  private void killMidStream(String name, Victims victims) throws Exception {
    try (FaultRun run =
            new FaultRun(
                PipelineJar.ROOT, "cluster_" + name, Map.of(), StackResources.onCluster(NODES));
        CommitWatch watch = CommitWatch.on(run)) {
      run.sendBacklog(BACKLOG);
      List<String> args = new ArrayList<>(run.pipelineArgs());
      args.add("--maxRecordsPerBatch=1000");
      try (PipelineProcess pipeline = PipelineJar.start("cluster-" + name, args)) {
        await("rows are being written", () -> run.rows() >= BACKLOG / 10, pipeline);
        List<String> killed = victims.of(run);
        long rowsAtKill = run.rows();
        for (String node : killed) {
          STACK.killHard(node);
        }
        long startedAt = System.nanoTime();
        System.out.printf("[cluster %s] %s killed at %,d rows%n", name, killed, rowsAtKill);
        run.sendLive(LIVE);
        await(
            "rows are written while " + killed + " are down",
            () -> run.rows() >= rowsAtKill + BACKLOG / 5,
            pipeline);
        System.out.printf(
            "[cluster %s] %,d rows written in %.1f s with %s down%n",
            name, run.rows() - rowsAtKill, (System.nanoTime() - startedAt) / 1e9, killed);
        for (String node : killed) {
          STACK.run("start", node);
        }
        awaitComplete(run, pipeline);
        String output = pipeline.output();
        assertFalse(tail(pipeline), output.contains("waiting for Cassandra at"));
        assertFalse(tail(pipeline), output.contains("waiting for Kafka at"));
        assertEquals(
            "dead letters for rows a cluster with a node down refused",
            0,
            run.deadLetters().values().stream()
                .filter(letter -> letter.reason() == RejectReason.WRITE_FAILED)
                .count());
        for (String node : killed) {
          if (node.startsWith("cassandra")) {
            awaitHintsDelivered(node, pipeline);
          }
        }
        assertEquals("rows read at ALL", run.sentValid(), run.rowsAtAll());
        stopWithSigterm(pipeline);
      }
      assertNoPrematureCommit(watch);
    }
  }

  /** The Kafka node that leads partition 0 of the run's topic (node I is kafka-I). */
  private static String leaderOfPartitionZero(FaultRun run) throws Exception {
    TopicDescription topic =
        run.resources()
            .admin()
            .describeTopics(List.of(run.topic))
            .allTopicNames()
            .get()
            .get(run.topic);
    return "kafka-" + topic.partitions().get(0).leader().id();
  }

  /**
   * Until another node's log says it handed {@code node} the writes it missed (hinted handoff),
   * within {@link #HINTS_TIMEOUT}.
   */
  private static void awaitHintsDelivered(String node, PipelineProcess pipeline) throws Exception {
    String address = "/127.0.0." + node.substring(node.lastIndexOf('-') + 1);
    long deadline = System.nanoTime() + HINTS_TIMEOUT.toNanos();
    while (true) {
      for (int other = 1; other <= NODES; other++) {
        String log = Files.readString(STACK.log("cassandra-" + other));
        if (log.lines()
            .anyMatch(line -> line.contains("Finished hinted handoff") && line.contains(address))) {
          System.out.printf("[cluster] cassandra-%d handed %s its hints%n", other, node);
          return;
        }
      }
      assertTrue(
          "no node handed " + node + " its hints within " + HINTS_TIMEOUT.toMinutes() + " min",
          System.nanoTime() < deadline);
      Thread.sleep(2_000);
    }
  }
}
