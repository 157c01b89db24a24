package org.moviestream.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a message was read: "topic/partition/offset". It keys the message's dead letter and names
 * its row: the row id is a name-based UUID of it, the same on every replay, so a replayed rating
 * overwrites its row instead of adding one.
 */
public record SourceKey(String topic, int partition, long offset) {

  /** The {@code id} column of the rating read here. */
  public UUID rowId() {
    return UUID.nameUUIDFromBytes(toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return topic + "/" + partition + "/" + offset;
  }
}
