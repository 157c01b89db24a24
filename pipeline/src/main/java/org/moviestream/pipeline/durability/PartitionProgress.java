package org.moviestream.pipeline.durability;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What is durable of one Kafka partition, and so which offset may be committed.
 *
 * <p>An offset is <em>settled</em> when nothing will ever need it again:
 *
 * <ul>
 *   <li>its message is on the dead-letter topic, or
 *   <li>its rating is a row in Cassandra and its window's row counts it: a pane of that person's
 *       window covering the offset has been written ({@link #windowed}), or the window is closed
 *       for good because a window ending more than the allowed lateness after it has already fired
 *       (then the rating came too late for any pane and Beam dropped it from the aggregate).
 * </ul>
 *
 * The committable offset is the first one not settled: every offset before it is durable, so a
 * restart that resumes there loses nothing, and replays only what may be incomplete.
 *
 * <p>The same class serves as the per-bundle delta of acknowledgements and as the per-partition
 * state: {@link #merge} is associative, so deltas can be combined in any order before they reach
 * the state.
 */
@DefaultCoder(ProgressCoder.class)
public final class PartitionProgress {

  /** The next offset to commit, or {@link #UNKNOWN} in a delta. */
  public static final long UNKNOWN = -1;

  private long committed;
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

  private PartitionProgress(long committed) {
    this.committed = committed;
  }

  /** Bookkeeping that resumes at {@code committed}, the partition's committed offset at start. */
  public static PartitionProgress startingAt(long committed) {
    return new PartitionProgress(committed);
  }

  /** An empty delta, to be filled with acknowledgements and merged into the state. */
  public static PartitionProgress delta() {
    return new PartitionProgress(UNKNOWN);
  }

  /** The message at {@code offset} is on the dead-letter topic. */
  public PartitionProgress deadLettered(long offset) {
    settled.add(Range.closedOpen(offset, offset + 1));
    return this;
  }

  /**
   * {@code person}'s rating at {@code offset}, in the window ending at {@code windowEnd}, is a row
   * in Cassandra.
   */
  public PartitionProgress written(long offset, String person, long windowEnd) {
    WindowProgress window = window(windowEnd);
    window.offsets.add(Range.closedOpen(offset, offset + 1));
    window.written.merge(person, offset, Math::max);
    return this;
  }

  /**
   * A pane of {@code person}'s window ending at {@code windowEnd}, covering offsets up to {@code
   * lastOffset}, is written.
   */
  public PartitionProgress windowed(String person, long windowEnd, long lastOffset) {
    window(windowEnd).windowed.merge(person, lastOffset, Math::max);
    firedUpTo = Math.max(firedUpTo, windowEnd);
    return this;
  }

  /** Adds {@code other}'s acknowledgements to this one's. */
  public PartitionProgress merge(PartitionProgress other) {
    settled.addAll(other.settled);
    other.windows.forEach((end, window) -> window(end).merge(window));
    firedUpTo = Math.max(firedUpTo, other.firedUpTo);
    return this;
  }

  /**
   * A person whose rows in a closed window are newer than the window's last pane: their ratings
   * came too late for it.
   */
  public record LateRating(String person, long windowEnd, long lastOffset) {}

  /**
   * The persons (never the trending ranking's stand-in {@code everyone}) whose ratings came too
   * late for their window: it closed for good ({@link WindowClosure#closedForGood}: a window ending
   * more than the allowed lateness after it has fired), yet their newest row in it is newer than
   * its last pane. Their window row must be counted again before these offsets settle; {@link
   * #windowed} says so once it is.
   */
  public List<LateRating> lateRatings(WindowClosure rule, String everyone) {
    List<LateRating> late = new java.util.ArrayList<>();
    windows.forEach(
        (end, window) -> {
          if (rule.closedForGood(end, firedUpTo)) {
            window.written.forEach(
                (person, offset) -> {
                  if (!person.equals(everyone)
                      && window.windowed.getOrDefault(person, -1L) < offset) {
                    late.add(new LateRating(person, end, offset));
                  }
                });
          }
        });
    return late;
  }

  /**
   * Settles complete and expired windows and moves the committable offset past every settled one.
   * (A window expired with {@link #lateRatings} still in it is settled all the same: count them
   * first.)
   *
   * @return whether the committable offset moved
   */
  public boolean advance(WindowClosure rule) {
    if (committed == UNKNOWN) {
      throw new IllegalStateException("a delta has no committed offset to advance");
    }
    var iterator = windows.entrySet().iterator();
    while (iterator.hasNext()) {
      var entry = iterator.next();
      WindowProgress window = entry.getValue();
      boolean expired = rule.closedForGood(entry.getKey(), firedUpTo);
      if (expired || window.complete()) {
        settled.addAll(window.offsets);
        window.offsets.clear();
      }
      if (expired) {
        iterator.remove();
      }
    }
    long before = committed;
    Range<Long> first = settled.rangeContaining(committed);
    if (first != null) {
      committed = first.upperEndpoint();
    }
    settled.remove(Range.lessThan(committed));
    windows.values().forEach(window -> window.offsets.remove(Range.lessThan(committed)));
    return committed != before;
  }

  public long committed() {
    return committed;
  }

  /**
   * What the committable offset waits for, in words: its window row (naming whose, "" being the
   * trending ranking) or its own row or dead letter.
   */
  public String holdUp() {
    for (var entry : windows.entrySet()) {
      WindowProgress window = entry.getValue();
      if (window.offsets.contains(committed)) {
        List<String> waiting =
            window.written.entrySet().stream()
                .filter(e -> window.windowed.getOrDefault(e.getKey(), -1L) < e.getValue())
                .map(e -> e.getKey().isEmpty() ? "the trending ranking" : "'" + e.getKey() + "'")
                .sorted()
                .toList();
        return "offset "
            + committed
            + ": its row is written; the window ending "
            + java.time.Instant.ofEpochMilli(entry.getKey())
            + " waits for the window row of "
            + String.join(", ", waiting);
      }
    }
    return "offset " + committed + ": no row or dead letter for it yet";
  }

  public long firedUpTo() {
    return firedUpTo;
  }

  public RangeSet<Long> settled() {
    return settled;
  }

  public SortedMap<Long, WindowProgress> windows() {
    return windows;
  }

  /** For the coder: rebuilds a progress from its parts. */
  public static PartitionProgress of(
      long committed,
      long firedUpTo,
      RangeSet<Long> settled,
      SortedMap<Long, WindowProgress> windows) {
    PartitionProgress progress = new PartitionProgress(committed);
    progress.firedUpTo = firedUpTo;
    progress.settled.addAll(settled);
    progress.windows.putAll(windows);
    return progress;
  }

  private WindowProgress window(long windowEnd) {
    return windows.computeIfAbsent(windowEnd, end -> new WindowProgress());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PartitionProgress that
        && committed == that.committed
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
    return Objects.hash(committed, firedUpTo, settled);
  }

  @Override
  public String toString() {
    return "PartitionProgress{committed="
        + committed
        + ", firedUpTo="
        + firedUpTo
        + ", settled="
        + settled
        + ", windows="
        + windows.keySet()
        + "}";
  }
}
