package org.moviestream.view;

import org.moviestream.cassandra.CassandraOptions;
import org.moviestream.cli.Flags;
import org.moviestream.cli.KafkaOptions;
import org.moviestream.cli.Version;
import org.moviestream.contract.Defaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The view's flags; every one has a default that matches the local stack. */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    sortOptions = false,
    description =
        "A read-only web page and JSON API: the stream moving (throughput, lag, windows, trending titles,"
            + " dead letters) and the two questions of cassandra/queries.cql.")
public final class ViewOptions {

  @Option(
      names = "--port",
      defaultValue = "8088",
      description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all)")
  String bind;

  @Option(
      names = "--host-name",
      split = ",",
      paramLabel = "NAME",
      description =
          "other names the page is opened by (the loopback names and the --bind address are"
              + " served; a request for any other host is refused, against DNS rebinding)")
  java.util.List<String> hostNames = new java.util.ArrayList<>();

  @Mixin KafkaOptions kafka;

  @Option(
      names = Flags.TOPIC,
      defaultValue = Defaults.RATINGS_TOPIC,
      description = "the ratings topic (default: ${DEFAULT-VALUE})")
  String topic;

  @Option(
      names = Flags.DEAD_LETTER_TOPIC,
      defaultValue = Defaults.DEAD_LETTER_TOPIC,
      description = "the dead-letter topic (default: ${DEFAULT-VALUE})")
  String deadLetterTopic;

  @Option(
      names = Flags.CONSUMER_GROUP,
      defaultValue = Defaults.CONSUMER_GROUP,
      description =
          "the pipeline's consumer group, whose committed offsets are the ratings durably written (default: ${DEFAULT-VALUE})")
  String consumerGroup;

  @Mixin CassandraOptions cassandra;

  @Option(
      names = "--sample-seconds",
      defaultValue = "2",
      description =
          "how often Kafka offsets are sampled for throughput and lag (default: ${DEFAULT-VALUE})")
  int sampleSeconds;

  @Option(
      names = "--history-minutes",
      defaultValue = "10",
      description = "how much throughput history the page shows (default: ${DEFAULT-VALUE})")
  int historyMinutes;

  /** Options parsed from flags (the defaults where a flag is absent). */
  public static ViewOptions parse(String... args) {
    ViewOptions options = new ViewOptions();
    CommandLine cli = new CommandLine(options);
    cli.parseArgs(args);
    options.validate(cli);
    return options;
  }

  /** Values the types allow but the view cannot use. */
  void validate(CommandLine cli) {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(cli, "--port must be from 0 to 65535, not " + port);
    }
    if (sampleSeconds < 1) {
      throw new ParameterException(
          cli, "--sample-seconds must be at least 1, not " + sampleSeconds);
    }
    if (historyMinutes < 1) {
      throw new ParameterException(
          cli, "--history-minutes must be at least 1, not " + historyMinutes);
    }
  }
}
