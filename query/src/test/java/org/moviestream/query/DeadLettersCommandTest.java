package org.moviestream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A replayed dead letter is shown once: the last copy of each source message. */
class DeadLettersCommandTest {

  /** --topic is the ratings topic in every program; the dead-letter topic has its own flag. */
  @Test
  void theDeadLetterTopicIsNamedAsEveryProgramNamesIt() {
    DeadLettersCommand command = new DeadLettersCommand();
    new picocli.CommandLine(command).parseArgs("--dead-letter-topic", "other_dlq");
    assertEquals("other_dlq", command.topic);
    org.junit.jupiter.api.Assertions.assertThrows(
        picocli.CommandLine.UnmatchedArgumentException.class,
        () -> new picocli.CommandLine(new DeadLettersCommand()).parseArgs("--topic", "x"));
  }

  @Test
  void eachSourceMessageIsShownOnceWithItsLastCopy() {
    List<ConsumerRecord<String, String>> records =
        List.of(
            record(0, "movies_ratings/0/5", "first"),
            record(1, "movies_ratings/1/9", "second"),
            record(2, "movies_ratings/0/5", "first, replayed"),
            record(3, "movies_ratings/2/1", "third"));

    List<ConsumerRecord<String, String>> shown = DeadLettersCommand.latestPerKey(records, 10);

    assertEquals(
        List.of("second", "first, replayed", "third"),
        shown.stream().map(ConsumerRecord::value).toList());
    assertEquals(
        List.of("first, replayed", "third"),
        DeadLettersCommand.latestPerKey(records, 2).stream().map(ConsumerRecord::value).toList());
  }

  private static ConsumerRecord<String, String> record(long offset, String key, String value) {
    return new ConsumerRecord<>("movies_ratings_dlq", 0, offset, key, value);
  }
}
