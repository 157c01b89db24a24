package org.moviestream.view.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RejectReason;
import org.moviestream.contract.SourceKey;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.testing.StackResources;

/**
 * On the real broker: while the dead-letter topic is missing the tally waits with a back-off (no
 * busy loop) and says why; once the topic is there it reads it and the complaint goes.
 */
class DeadLetterTallyIT {

  @Test
  void aMissingTopicIsWaitedForWithoutSpinningAndSaidUntilItComes() throws Exception {
    try (StackResources stack = StackResources.onLocalStack()) {
      String topic = StackResources.uniqueName("dlq_later");
      try (DeadLetterTally tally =
          new DeadLetterTally(KafkaSettings.of(stack.bootstrapServers()), topic)) {
        Thread reader = new Thread(tally, "tally");
        reader.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread.sleep(1_000); // past the consumer's start-up
        long cpuBefore = threads.getThreadCpuTime(reader.getId());
        Thread.sleep(8_000);
        double cpuSeconds = (threads.getThreadCpuTime(reader.getId()) - cpuBefore) / 1e9;
        System.out.printf("[tally] %.3f s of CPU in 8 s while the topic is missing%n", cpuSeconds);
        assertTrue(cpuSeconds < 0.5, "the tally spins: " + cpuSeconds + " s of CPU in 8 s");
        String error = tally.summary().error();
        assertNotNull(error);
        assertTrue(error.contains("does not exist yet"), error);

        stack.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = stack.producer()) {
          producer
              .send(
                  new ProducerRecord<>(
                      topic,
                      DeadLetterRecord.of(
                              RejectReason.MALFORMED_JSON,
                              "late",
                              "{",
                              new SourceKey("movies_ratings", 0, 7))
                          .toJson()))
              .get();
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (tally.summary().total() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(500);
        }
        assertEquals(1, tally.summary().total(), "the dead letter was read");
        assertNull(tally.summary().error(), "the complaint went");
      }
    }
  }
}
