package org.moviestream.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.moviestream.contract.Defaults;

/** Where the ratings are read, from which offsets, and how their event time is told. */
public interface KafkaReadOptions extends PipelineOptions {

  @Description("Kafka bootstrap servers")
  @Default.String(Defaults.BOOTSTRAP_SERVERS)
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description(
      "Kafka client properties file (SASL, TLS, timeouts) for the reader, the dead-letter writer and the"
          + " offset commits, as Kafka's tools take --command-config; read once by the driver")
  String getKafkaConfig();

  void setKafkaConfig(String value);

  @Description("Kafka topic the ratings arrive on")
  @Default.String(Defaults.RATINGS_TOPIC)
  String getTopic();

  void setTopic(String value);

  @Description(
      "Where a consumer group without committed offsets starts: earliest or latest (a group whose offsets"
          + " expired looks new: latest would skip what arrived meanwhile). New partitions of a known group always start at"
          + " their earliest offset")
  @Default.String(Defaults.STARTING_OFFSETS)
  String getStartingOffsets();

  void setStartingOffsets(String value);

  @Description(
      "Resume at offsets the consumer group committed while writing to another keyspace or Cassandra"
          + " (refused otherwise: those offsets say what that target holds)")
  @Default.Boolean(false)
  Boolean getAdoptOffsets();

  void setAdoptOffsets(Boolean value);

  @Description(
      "Kafka consumer group: a run resumes at its committed offsets, and an offset is committed to it only"
          + " once its message and every one before it in the partition are durable in Cassandra or on the dead-letter topic")
  @Default.String(Defaults.CONSUMER_GROUP)
  String getConsumerGroup();

  void setConsumerGroup(String value);

  @Description(
      "Kafka topic (on the same brokers) that receives rejected messages as JSON, with reason and source offset")
  @Default.String(Defaults.DEAD_LETTER_TOPIC)
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);

  @Description(
      "Time zone of rating timestamps that carry no offset (the seed's Python writes none)")
  @Default.String("UTC")
  String getInputZone();

  void setInputZone(String value);

  @Description(
      "How far behind the newest rating timestamp the event-time watermark trails, in seconds")
  @Default.Integer(5)
  Integer getWatermarkDelaySeconds();

  void setWatermarkDelaySeconds(Integer value);

  @Description(
      "How far ahead of this machine's clock a rating may be stamped, in seconds; one stamped later is a"
          + " FUTURE_TIMESTAMP dead letter (its window could not close before its time, holding every commit behind it)")
  @Default.Integer(300)
  Integer getMaxClockSkewSeconds();

  void setMaxClockSkewSeconds(Integer value);
}
