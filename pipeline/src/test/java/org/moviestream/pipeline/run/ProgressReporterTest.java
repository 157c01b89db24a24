package org.moviestream.pipeline.run;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;

public class ProgressReporterTest {

  @Test
  public void oneLineWithEveryCounterAndTheNonZeroRejectReasons() {
    Map<String, Long> counters =
        Map.of(
            "read",
            160L,
            "parsed",
            155L,
            "enriched",
            150L,
            "written",
            150L,
            "windows_written",
            12L,
            "dead_letters",
            10L,
            "committed",
            140L,
            "rejected_malformed_json",
            5L,
            "rejected_unknown_title",
            5L,
            "rejected_bad_timestamp",
            0L);
    assertEquals(
        "read 160 | parsed 155 | enriched 150 | written 150 | windows 12 | dead letters 10"
            + " (malformed_json 5, unknown_title 5) | committed 140",
        ProgressReporter.line(new java.util.TreeMap<>(counters)));
  }

  @Test
  public void windowsCountedAgainForLateRatingsAreSaid() {
    assertEquals(
        "read 0 | parsed 0 | enriched 0 | written 0 | windows 3 (1 counted again for late ratings) | dead letters 0 | committed 0",
        ProgressReporter.line(Map.of("windows_written", 3L, "late_windows", 1L)));
  }

  @Test
  public void missingCountersReadAsZero() {
    assertEquals(
        "read 0 | parsed 0 | enriched 0 | written 0 | windows 0 | dead letters 0 | committed 0",
        ProgressReporter.line(Map.of()));
  }
}
