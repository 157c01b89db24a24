package org.moviestream.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record of the dead-letter topic: {"reason", "detail", "payload", "topic", "partition",
 * "offset"}, keyed by its {@link SourceKey} (the topic is compacted: a replayed reject replaces its
 * earlier copy).
 */
public record DeadLetterRecord(RejectReason reason, String detail, String payload, SourceKey source) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The record's Kafka key. */
  public String key() {
    return source.toString();
  }

  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("reason", reason.name());
    node.put("detail", detail);
    node.put("payload", payload);
    node.put("topic", source.topic());
    node.put("partition", source.partition());
    node.put("offset", source.offset());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a dead letter as JSON", e);
    }
  }

  /** Reads what {@link #toJson()} wrote; throws {@link IllegalArgumentException} saying what is wrong. */
  public static DeadLetterRecord fromJson(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || !node.isObject() || !node.hasNonNull("reason") || !node.hasNonNull("topic")) {
        throw new IllegalArgumentException("not a dead-letter record: " + json);
      }
      SourceKey source = new SourceKey(node.get("topic").asText(), node.path("partition").asInt(), node.path("offset").asLong());
      return new DeadLetterRecord(RejectReason.valueOf(node.get("reason").asText()), node.path("detail").asText(),
          node.path("payload").asText(), source);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a dead-letter record: " + e.getOriginalMessage(), e);
    }
  }
}
