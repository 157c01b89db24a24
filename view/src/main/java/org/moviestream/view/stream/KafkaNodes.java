package org.moviestream.view.stream;

import java.util.List;

/**
 * The Kafka cluster as the page shows it: each node of the controller quorum (broker and controller
 * in one, as {@code bin/stack} runs them) and whether it serves as a broker now, and the partitions
 * of the watched topics that have fewer in-sync replicas than replicas, or no leader.
 */
public record KafkaNodes(
    List<Node> nodes, int underReplicatedPartitions, int offlinePartitions, String error) {

  /** One node: its id, its address while it is up (empty when down), and whether it is up. */
  public record Node(int id, String address, boolean up) {}

  static KafkaNodes unknown(String error) {
    return new KafkaNodes(List.of(), 0, 0, error);
  }
}
