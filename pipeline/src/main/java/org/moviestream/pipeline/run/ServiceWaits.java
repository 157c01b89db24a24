package org.moviestream.pipeline.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.moviestream.cli.ContactList;
import org.moviestream.pipeline.cassandra.CassandraRetry;
import org.moviestream.pipeline.metrics.Waits;

/**
 * What the job waits for outside itself: Kafka or Cassandra not answering (a cluster only when none
 * of its nodes does: one node down is the replicas' business), and what the steps say they wait for
 * ({@link Waits}), each entry starting with what ("Kafka", "Cassandra", a table), then why.
 */
final class ServiceWaits {

  /** This look: whether any broker answers, and the waits to show. */
  record Look(boolean kafkaUp, List<String> waitingFor) {}

  private final List<String> brokers;
  private final List<String> cassandraHosts;
  private final int cassandraPort;

  ServiceWaits(String bootstrapServers, String cassandraHosts, int cassandraPort) {
    this.brokers = ContactList.of(bootstrapServers);
    this.cassandraHosts = ContactList.of(cassandraHosts);
    this.cassandraPort = cassandraPort;
  }

  Look look() {
    List<String> waiting = new ArrayList<>();
    boolean kafkaUp = brokers.stream().anyMatch(ServiceWaits::brokerAnswers);
    if (!kafkaUp) {
      waiting.add("Kafka at " + String.join(",", brokers));
    }
    Map<String, String> waits = Waits.current();
    if (cassandraHosts.stream().noneMatch(host -> reachable(host, cassandraPort))) {
      waiting.add("Cassandra at " + String.join(",", cassandraHosts) + ":" + cassandraPort);
      waits.remove(CassandraRetry.CASSANDRA); // the port says it all
    }
    waits.forEach(
        (what, why) ->
            waiting.add(
                (what.equals(CassandraRetry.CASSANDRA) ? "Cassandra" : what) + " (" + why + ")"));
    return new Look(kafkaUp, waiting);
  }

  private static boolean brokerAnswers(String broker) {
    int colon = broker.lastIndexOf(':');
    return colon > 0
        && reachable(broker.substring(0, colon), Integer.parseInt(broker.substring(colon + 1)));
  }

  private static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
