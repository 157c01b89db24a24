package org.moviestream.pipeline.ingest;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.durability.SourceOffset;

/** A raw message as read from Kafka: its source offset, key and JSON payload. */
@DefaultCoder(KafkaMessageCoder.class)
public record KafkaMessage(SourceOffset source, String key, String payload)
    implements Serializable {}
