package org.moviestream.pipeline.ingest;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.contract.SourceKey;

/** A raw message as read from Kafka: its source offset, key and JSON payload. */
@DefaultCoder(KafkaMessageCoder.class)
public record KafkaMessage(SourceKey source, String key, String payload) implements Serializable {}
