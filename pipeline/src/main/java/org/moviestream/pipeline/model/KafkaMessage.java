package org.moviestream.pipeline.model;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.coders.ModelCoders;

/** A raw message as read from Kafka: its source offset, key and JSON payload. */
@DefaultCoder(ModelCoders.KafkaMessageCoder.class)
public record KafkaMessage(SourceOffset source, String key, String payload)
    implements Serializable {}
