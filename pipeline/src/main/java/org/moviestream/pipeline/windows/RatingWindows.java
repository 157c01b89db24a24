package org.moviestream.pipeline.windows;

import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.moviestream.pipeline.durability.WindowClosure;

/**
 * The one window definition: fixed windows of event time, a pane when the watermark passes a
 * window's end and one more per late rating until the allowed lateness has passed too. Every
 * windowed step applies it and the offset tracking closes windows by it, so they cannot drift.
 */
public record RatingWindows(Duration size, Duration allowedLateness) implements WindowClosure {

  public static RatingWindows of(int windowSeconds, int allowedLatenessSeconds) {
    return new RatingWindows(
        Duration.standardSeconds(windowSeconds), Duration.standardSeconds(allowedLatenessSeconds));
  }

  /**
   * The windowing of an aggregate; the caller says whether its panes accumulate or discard.
   *
   * <p>No pane for a window without new ratings: on the SparkRunner the end-of-window timer of a
   * closed window fires again as the watermark moves on, and each empty on-time pane would rewrite
   * a window row that did not change.
   */
  public <T> Window<T> into() {
    return Window.<T>into(FixedWindows.of(size))
        .triggering(
            AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
        .withAllowedLateness(allowedLateness)
        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY);
  }

  /** The window of a rating made at {@code timestamp}. */
  public IntervalWindow windowOf(java.time.Instant timestamp) {
    return FixedWindows.of(size).assignWindow(new Instant(timestamp.toEpochMilli()));
  }

  @Override
  public boolean closedForGood(long windowEndMillis, long firedUpToMillis) {
    return firedUpToMillis > windowEndMillis + allowedLateness.getMillis();
  }

  @Override
  public long startOf(long windowEndMillis) {
    return windowEndMillis - size.getMillis();
  }
}
