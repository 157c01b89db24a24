package org.moviestream.pipeline.durability;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * Acknowledgements of one Kafka partition's offsets by the durable outputs: dead letters, rows (per
 * event-time window and person) and window rows. {@link #merge} is associative and commutative, so
 * a bundle's acks can be combined in any order before {@link PartitionProgress} takes them.
 */
@DefaultCoder(AcksCoder.class)
public final class Acks {

  private long firedUpTo = Long.MIN_VALUE;
  private final RangeSet<Long> settled = TreeRangeSet.create();
  private final SortedMap<Long, WindowProgress> windows = new TreeMap<>();

  /**
   * Offsets written in one event-time window, per person the highest written and highest windowed.
   */
  public static final class WindowProgress {
    final RangeSet<Long> offsets = TreeRangeSet.create();
    final Map<String, Long> written = new HashMap<>();
    final Map<String, Long> windowed = new HashMap<>();

    boolean complete() {
      return written.entrySet().stream()
          .allMatch(e -> windowed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    void merge(WindowProgress other) {
      offsets.addAll(other.offsets);
      other.written.forEach((person, offset) -> written.merge(person, offset, Math::max));
      other.windowed.forEach((person, offset) -> windowed.merge(person, offset, Math::max));
    }

    public RangeSet<Long> offsets() {
      return offsets;
    }

    public Map<String, Long> written() {
      return written;
    }

    public Map<String, Long> windowed() {
      return windowed;
    }
  }

  /** No acknowledgement yet. */
  public static Acks none() {
    return new Acks();
  }

  /** The message at {@code offset} is on the dead-letter topic. */
  public Acks deadLettered(long offset) {
    settled.add(Range.closedOpen(offset, offset + 1));
    return this;
  }

  /**
   * {@code person}'s rating at {@code offset}, in the window ending at {@code windowEnd}, is a row
   * in Cassandra.
   */
  public Acks written(long offset, String person, long windowEnd) {
    WindowProgress window = window(windowEnd);
    window.offsets.add(Range.closedOpen(offset, offset + 1));
    window.written.merge(person, offset, Math::max);
    return this;
  }

  /**
   * A pane of {@code person}'s window ending at {@code windowEnd}, covering offsets up to {@code
   * lastOffset}, is written.
   */
  public Acks windowed(String person, long windowEnd, long lastOffset) {
    window(windowEnd).windowed.merge(person, lastOffset, Math::max);
    firedUpTo = Math.max(firedUpTo, windowEnd);
    return this;
  }

  /** Adds {@code other}'s acknowledgements to these. */
  public Acks merge(Acks other) {
    settled.addAll(other.settled);
    other.windows.forEach((end, window) -> window(end).merge(window));
    firedUpTo = Math.max(firedUpTo, other.firedUpTo);
    return this;
  }

  /** The end of the latest window any pane of which was written. */
  public long firedUpTo() {
    return firedUpTo;
  }

  /** Offsets settled on their own (dead letters, and rows of windows already counted). */
  public RangeSet<Long> settled() {
    return settled;
  }

  /** Rows per window end, waiting for their window rows. */
  public SortedMap<Long, WindowProgress> windows() {
    return windows;
  }

  /** For the coder: acknowledgements rebuilt from their parts. */
  static Acks of(long firedUpTo, RangeSet<Long> settled, SortedMap<Long, WindowProgress> windows) {
    Acks acks = new Acks();
    acks.firedUpTo = firedUpTo;
    acks.settled.addAll(settled);
    acks.windows.putAll(windows);
    return acks;
  }

  private WindowProgress window(long windowEnd) {
    return windows.computeIfAbsent(windowEnd, end -> new WindowProgress());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Acks that
        && firedUpTo == that.firedUpTo
        && settled.equals(that.settled)
        && windows.keySet().equals(that.windows.keySet())
        && windows.entrySet().stream()
            .allMatch(e -> sameWindow(e.getValue(), that.windows.get(e.getKey())));
  }

  private static boolean sameWindow(WindowProgress a, WindowProgress b) {
    return a.offsets.equals(b.offsets)
        && a.written.equals(b.written)
        && a.windowed.equals(b.windowed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(firedUpTo, settled, windows.keySet());
  }

  @Override
  public String toString() {
    return "Acks{firedUpTo="
        + firedUpTo
        + ", settled="
        + settled
        + ", windows="
        + windows.keySet()
        + "}";
  }
}
