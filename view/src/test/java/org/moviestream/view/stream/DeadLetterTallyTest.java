package org.moviestream.view.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RejectReason;
import org.moviestream.contract.SourceKey;
import org.moviestream.kafka.KafkaSettings;

/**
 * Counting dead letters by reason, keeping the latest first (no broker needed: records are given).
 */
class DeadLetterTallyTest {

  @Test
  void countsPerReasonAndKeepsTheLatestTenNewestFirst() {
    try (DeadLetterTally tally =
        new DeadLetterTally(KafkaSettings.of("127.0.0.1:1"), "movies_ratings_dlq")) {
      for (int offset = 0; offset < 12; offset++) {
        RejectReason reason =
            offset % 3 == 0 ? RejectReason.MALFORMED_JSON : RejectReason.UNKNOWN_TITLE;
        tally.count(
            DeadLetterRecord.of(
                    reason, "detail " + offset, "{", new SourceKey("movies_ratings", 0, offset))
                .toJson());
      }

      DeadLetterTally.Summary summary = tally.summary();

      assertEquals(12, summary.total());
      assertEquals(Map.of("MALFORMED_JSON", 4L, "UNKNOWN_TITLE", 8L), summary.byReason());
      assertEquals(10, summary.latest().size());
      assertEquals(11, summary.latest().get(0).source().offset());
      assertEquals(2, summary.latest().get(9).source().offset());
    }
  }

  @Test
  void aDeadLetterWrittenAgainByAReplayCountsOnce() {
    try (DeadLetterTally tally =
        new DeadLetterTally(KafkaSettings.of("127.0.0.1:1"), "movies_ratings_dlq")) {
      SourceKey source = new SourceKey("movies_ratings", 2, 40);
      tally.count(DeadLetterRecord.of(RejectReason.MALFORMED_JSON, "first", "{", source).toJson());
      tally.count(
          DeadLetterRecord.of(
                  RejectReason.UNKNOWN_TITLE, "x", "{}", new SourceKey("movies_ratings", 2, 41))
              .toJson());
      tally.count(DeadLetterRecord.of(RejectReason.MALFORMED_JSON, "again", "{", source).toJson());

      DeadLetterTally.Summary summary = tally.summary();
      assertEquals(2, summary.total());
      assertEquals(Map.of("MALFORMED_JSON", 1L, "UNKNOWN_TITLE", 1L), summary.byReason());
      assertEquals(2, summary.latest().size());
      assertEquals("again", summary.latest().get(0).detail());
    }
  }

  @Test
  void aRecordThatIsNoDeadLetterIsCountedAsUnreadable() {
    try (DeadLetterTally tally =
        new DeadLetterTally(KafkaSettings.of("127.0.0.1:1"), "movies_ratings_dlq")) {
      tally.count("{\"something\":\"else\"}");

      assertEquals(Map.of(DeadLetterTally.UNREADABLE, 1L), tally.summary().byReason());
      assertEquals(1, tally.summary().total());
    }
  }

  @Test
  void itRemembersTheNewestSourcesOnlySoMemoryStaysBounded() {
    try (DeadLetterTally tally =
        new DeadLetterTally(KafkaSettings.of("127.0.0.1:1"), "movies_ratings_dlq")) {
      int sent = DeadLetterTally.REMEMBERED + 1;
      for (int offset = 0; offset < sent; offset++) {
        tally.count(letter(offset));
      }
      tally.count(letter(sent - 1)); // the newest again: remembered, counted once
      assertEquals(sent, tally.summary().total());
      tally.count(letter(0)); // the oldest again: forgotten, counted again
      assertEquals(sent + 1, tally.summary().total());
    }
  }

  private static String letter(long offset) {
    return DeadLetterRecord.of(
            RejectReason.MALFORMED_JSON, "x", "{", new SourceKey("movies_ratings", 0, offset))
        .toJson();
  }
}
