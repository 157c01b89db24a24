package org.moviestream.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DeadLetterRecordTest {

  private static final DeadLetterRecord RECORD =
      DeadLetterRecord.of(
          RejectReason.RATING_OUT_OF_RANGE,
          "rating 11 is outside 1-10",
          "{\"rating\":11}",
          new SourceKey("movies_ratings", 1, 99));

  @Test
  void theJsonCarriesReasonPayloadAndSource() throws Exception {
    JsonNode json = new ObjectMapper().readTree(RECORD.toJson());

    assertEquals("RATING_OUT_OF_RANGE", json.get("reason").asText());
    assertEquals("rating 11 is outside 1-10", json.get("detail").asText());
    assertEquals("{\"rating\":11}", json.get("payload").asText());
    assertEquals("movies_ratings", json.get("topic").asText());
    assertEquals(1, json.get("partition").asInt());
    assertEquals(99, json.get("offset").asLong());
    assertEquals("movies_ratings/1/99", RECORD.key());
    assertEquals("movies_ratings/1/99@Q2xhc3NJZA", RECORD.key("Q2xhc3NJZA"));
    assertNotEquals(
        "a re-created topic's dead letter at the same offset keeps the old one",
        RECORD.key("first-incarnation"),
        RECORD.key("second-incarnation"));
  }

  @Test
  void whatIsWrittenIsReadBack() {
    assertEquals(RECORD, DeadLetterRecord.fromJson(RECORD.toJson()));
  }

  @Test
  void somethingElseIsRefusedWithAReason() {
    assertThrows(IllegalArgumentException.class, () -> DeadLetterRecord.fromJson("{broken"));
    assertThrows(
        IllegalArgumentException.class, () -> DeadLetterRecord.fromJson("{\"name\":\"A\"}"));
  }

  @Test
  void theRowIdIsTheSameForTheSameSourceAndDiffersOtherwise() {
    SourceKey key = new SourceKey("movies_ratings", 2, 41);
    assertEquals(key.rowId(), new SourceKey("movies_ratings", 2, 41).rowId());
    assertNotEquals(key.rowId(), new SourceKey("movies_ratings", 2, 42).rowId());
    assertNotEquals(key.rowId(), new SourceKey("movies_ratings", 1, 41).rowId());
    assertNotEquals(key.rowId(), new SourceKey("other", 2, 41).rowId());
    assertEquals(3, key.rowId().version());
  }

  @Test
  void aHugePayloadKeepsItsBeginningItsSizeAndItsDigest() {
    String payload = "{\"movie\":\"" + "é".repeat(600_000) + "\"}";
    DeadLetterRecord record =
        DeadLetterRecord.of(
            RejectReason.UNKNOWN_TITLE, "x".repeat(10_000), payload, new SourceKey("t", 0, 1));

    assertEquals(DeadLetterRecord.MAX_PAYLOAD_CHARS, record.payload().length());
    assertEquals(
        payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, record.payloadBytes());
    assertEquals(
        DeadLetterRecord.sha256(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        record.payloadSha256());
    assertEquals(64, record.payloadSha256().length());
    assertEquals(DeadLetterRecord.MAX_DETAIL_CHARS, record.detail().length());
    org.junit.jupiter.api.Assertions.assertTrue(record.truncated());
    org.junit.jupiter.api.Assertions.assertFalse(RECORD.truncated());
  }

  @Test
  void aRecordWithoutAValueIsADeadLetterWithoutAPayload() {
    DeadLetterRecord record =
        DeadLetterRecord.of(RejectReason.MALFORMED_JSON, "empty", null, new SourceKey("t", 0, 1));
    assertEquals(record, DeadLetterRecord.fromJson(record.toJson()));
    assertEquals(0, record.payloadBytes());
  }

  @Test
  void aRecordWrittenBeforeSizesExistedReadsWithTheSizeOfItsPayload() {
    DeadLetterRecord old =
        DeadLetterRecord.fromJson(
            "{\"reason\":\"UNKNOWN_TITLE\",\"detail\":\"d\",\"payload\":\"abc\",\"topic\":\"t\",\"partition\":0,\"offset\":4}");
    assertEquals(3, old.payloadBytes());
  }
}
