package org.moviestream.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's command line for a test or benchmark run, built by name: the brokers, then the
 * run's own topics, keyspace and group; from the earliest offsets, with the clone's catalog, unless
 * said otherwise. {@code PipelineArgsTest} (pipeline) parses what it builds with the pipeline's own
 * options, so a misspelled option fails there.
 */
public final class PipelineArgs {

  private final Map<String, String> options = new LinkedHashMap<>();
  private final List<String> more = new ArrayList<>();

  private PipelineArgs() {}

  /** A run reading {@code bootstrapServers}. */
  public static PipelineArgs on(String bootstrapServers) {
    return new PipelineArgs()
        .set("bootstrapServers", bootstrapServers)
        .set("startingOffsets", "earliest")
        .set("catalog", Project.file("data/netflix.csv"));
  }

  public PipelineArgs cassandraHosts(String hosts) {
    return set("cassandraHosts", hosts);
  }

  public PipelineArgs topic(String topic) {
    return set("topic", topic);
  }

  public PipelineArgs deadLetterTopic(String topic) {
    return set("deadLetterTopic", topic);
  }

  public PipelineArgs keyspace(String keyspace) {
    return set("keyspace", keyspace);
  }

  public PipelineArgs consumerGroup(String group) {
    return set("consumerGroup", group);
  }

  /** Any option by its name ("batchIntervalMillis"), replacing an earlier value. */
  public PipelineArgs set(String option, Object value) {
    options.put(option, String.valueOf(value));
    return this;
  }

  /**
   * Arguments as written ("--kafkaConfig=..."): an "--option=value" replaces the option's value
   * (the pipeline refuses an option given twice), anything else follows the named ones.
   */
  public PipelineArgs with(List<String> args) {
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 2) {
        set(arg.substring(2, equals), arg.substring(equals + 1));
      } else {
        more.add(arg);
      }
    }
    return this;
  }

  /** "--option=value" for each option, then the arguments as written; a new list. */
  public List<String> list() {
    List<String> args = new ArrayList<>();
    options.forEach((option, value) -> args.add("--" + option + "=" + value));
    args.addAll(more);
    return args;
  }
}
