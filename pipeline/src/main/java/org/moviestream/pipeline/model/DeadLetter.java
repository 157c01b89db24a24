package org.moviestream.pipeline.model;

import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.coders.ModelCoders;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;

/** A rejected message: the raw payload, why it was rejected, and where it was read. */
@DefaultCoder(ModelCoders.DeadLetterCoder.class)
public record DeadLetter(RejectReason reason, String detail, String payload, SourceOffset source)
    implements Serializable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** {"reason", "detail", "payload", "topic", "partition", "offset"}: the dead-letter topic's record. */
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
}
