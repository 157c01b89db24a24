package org.moviestream.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A record of the dead-letter topic: {"reason", "detail", "payload", "payloadBytes",
 * "payloadSha256", "topic", "partition", "offset"}, keyed by its {@link SourceKey} (the topic is
 * compacted: a replayed reject replaces its earlier copy).
 *
 * <p>A record always fits the topic, whatever arrived: the payload is kept whole up to {@link
 * #MAX_PAYLOAD_CHARS} characters, a longer one as its beginning, with the full payload's UTF-8 size
 * and SHA-256 saying what it was (the source offset finds the original while the topic keeps it);
 * the detail is cut at {@link #MAX_DETAIL_CHARS}.
 */
public record DeadLetterRecord(
    RejectReason reason,
    String detail,
    String payload,
    long payloadBytes,
    String payloadSha256,
    SourceKey source) {

  /**
   * 16 Ki characters: even if each were a control character JSON writes as six, ~100 kB, far below
   * Kafka's 1 MB.
   */
  public static final int MAX_PAYLOAD_CHARS = 16_384;

  public static final int MAX_DETAIL_CHARS = 500;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The dead letter of {@code payload} (null for a record without a value), bounded as the class
   * says.
   */
  public static DeadLetterRecord of(
      RejectReason reason, String detail, String payload, SourceKey source) {
    String boundedDetail = detail == null ? "" : Excerpt.prefix(detail, MAX_DETAIL_CHARS);
    if (payload == null) {
      return new DeadLetterRecord(reason, boundedDetail, null, 0, null, source);
    }
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return new DeadLetterRecord(
        reason,
        boundedDetail,
        Excerpt.prefix(payload, MAX_PAYLOAD_CHARS),
        bytes.length,
        sha256(bytes),
        source);
  }

  /** Whether {@link #payload()} is only the beginning of what arrived. */
  public boolean truncated() {
    return payload != null && payload.getBytes(StandardCharsets.UTF_8).length < payloadBytes;
  }

  /** The record's Kafka key when its source topic's id is not known: "topic/partition/offset". */
  public String key() {
    return source.toString();
  }

  /**
   * The record's Kafka key, "topic/partition/offset@topicId": one per source message, also across a
   * topic deleted and re-created under the same name, whose offsets start again at 0.
   */
  public String key(String sourceTopicId) {
    return source + "@" + sourceTopicId;
  }

  public String toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("reason", reason.name());
    node.put("detail", detail);
    node.put("payload", payload);
    node.put("payloadBytes", payloadBytes);
    node.put("payloadSha256", payloadSha256);
    node.put("topic", source.topic());
    node.put("partition", source.partition());
    node.put("offset", source.offset());
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a dead letter as JSON", e);
    }
  }

  /**
   * The same record without its payload (size and digest stay): the last resort for a topic whose
   * records must be tiny.
   */
  public DeadLetterRecord withoutPayload() {
    return new DeadLetterRecord(
        reason, detail, payload == null ? null : "", payloadBytes, payloadSha256, source);
  }

  /**
   * Reads what {@link #toJson()} wrote; throws {@link IllegalArgumentException} saying what is
   * wrong.
   */
  public static DeadLetterRecord fromJson(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null
          || !node.isObject()
          || !node.hasNonNull("reason")
          || !node.hasNonNull("topic")) {
        throw new IllegalArgumentException("not a dead-letter record: " + Excerpt.quote(json));
      }
      SourceKey source =
          new SourceKey(
              node.get("topic").asText(),
              node.path("partition").asInt(),
              node.path("offset").asLong());
      RejectReason reason;
      try {
        reason = RejectReason.valueOf(node.get("reason").asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "not a dead-letter record: unknown reason "
                + Excerpt.quote(node.get("reason").asText()),
            e);
      }
      String payload = node.hasNonNull("payload") ? node.get("payload").asText() : null;
      // Records written before payloadBytes existed carried the whole payload.
      long bytes =
          node.hasNonNull("payloadBytes")
              ? node.get("payloadBytes").asLong()
              : payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length;
      String sha = node.hasNonNull("payloadSha256") ? node.get("payloadSha256").asText() : null;
      return new DeadLetterRecord(
          reason, node.path("detail").asText(), payload, bytes, sha, source);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a dead-letter record: " + e.getOriginalMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
