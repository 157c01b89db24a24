package org.moviestream.query;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.moviestream.cli.Flags;
import org.moviestream.cli.KafkaOptions;
import org.moviestream.kafka.KafkaTopics;
import org.moviestream.kafka.KafkaTopics.TopicSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * query topics: creates the topics that are missing and sets their configs (what bin/stack start
 * does).
 */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = "Create missing topics and set their configs: name:partitions[:key=value,...]")
final class TopicsCommand implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Option(
      names = Flags.REPLICATION_FACTOR,
      defaultValue = "1",
      description = "copies of each partition of a new topic (default: ${DEFAULT-VALUE})")
  short replicationFactor;

  @Parameters(
      paramLabel = "TOPIC",
      arity = "1..*",
      description =
          "e.g. movies_ratings:3 movies_ratings_dlq:1:cleanup.policy=[compact,delete],retention.ms=2592000000"
              + " (a list value in brackets)")
  List<String> specs;

  @Override
  public Integer call() {
    List<TopicSpec> topics = specs.stream().map(TopicSpec::parse).toList();
    KafkaTopics.ensure(kafka.settings(), topics, replicationFactor, Duration.ofSeconds(30));
    return 0;
  }
}
