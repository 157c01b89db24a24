package org.moviestream.pipeline.run;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/** Most ratings of a look rejected for their time is said once a minute, and waited for. */
public class ClockSkewTest {

  private static final String FUTURE = PipelineMetrics.DEAD_LETTERS_OF + "FUTURE_TIMESTAMP";
  private static final long SECOND = 1_000_000_000L;

  @Test
  public void mostRatingsAheadOfTheClockAreSaidOnceAMinuteWhileItLasts() {
    ClockSkew skew = new ClockSkew(30);
    assertNull(skew.observe(Map.of(PipelineMetrics.READ, 100L, FUTURE, 10L), 0));
    assertNull("a few are bad input, not a clock", skew.waitingFor());

    String line = skew.observe(Map.of(PipelineMetrics.READ, 200L, FUTURE, 100L), 10 * SECOND);
    assertNotNull(line);
    assertTrue(line, line.startsWith("CLOCK SKEW: 90% of the 100 ratings read"));
    assertTrue(line, line.contains("--maxClockSkewSeconds=30") && line.contains("NTP"));
    assertTrue(skew.waitingFor(), skew.waitingFor().startsWith("clocks in sync (90%"));

    assertNull(
        "not again within the minute",
        skew.observe(Map.of(PipelineMetrics.READ, 300L, FUTURE, 200L), 20 * SECOND));
    assertNotNull(skew.waitingFor());
    assertNotNull(
        "again a minute later",
        skew.observe(Map.of(PipelineMetrics.READ, 400L, FUTURE, 300L), 71 * SECOND));

    assertNull(skew.observe(Map.of(PipelineMetrics.READ, 500L, FUTURE, 300L), 80 * SECOND));
    assertNull("clocks in sync again: no more waiting", skew.waitingFor());
  }

  @Test
  public void mostRatingsTooLateForTheirWindowsBlameTheProducersClocks() {
    ClockSkew skew = new ClockSkew(30);
    skew.observe(Map.of(PipelineMetrics.READ, 0L), 0);
    String line =
        skew.observe(Map.of(PipelineMetrics.READ, 50L, PipelineMetrics.LATE_WINDOWS, 40L), SECOND);
    assertNotNull(line);
    assertTrue(line, line.contains("too late for any pane") && line.contains("producers' clocks"));
  }

  @Test
  public void tooFewRatingsSayNothing() {
    ClockSkew skew = new ClockSkew(30);
    assertNull(skew.observe(Map.of(PipelineMetrics.READ, 5L, FUTURE, 5L), 0));
    assertNull(skew.waitingFor());
  }
}
