package org.moviestream.pipeline.durability;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What is durable of one Kafka partition, and so which offset may be committed: the state that
 * {@link Acks} are added to.
 *
 * <p>An offset is <em>settled</em> when nothing will ever need it again:
 *
 * <ul>
 *   <li>its message is on the dead-letter topic, or
 *   <li>its rating is a row in Cassandra and its window's row counts it: a pane of that person's
 *       window covering the offset has been written ({@link Acks#windowed}), or the window is
 *       closed for good because a window ending more than the allowed lateness after it has already
 *       fired (then the rating came too late for any pane and Beam dropped it from the aggregate).
 * </ul>
 *
 * The committable offset is the first one not settled: every offset before it is durable, so a
 * restart that resumes there loses nothing, and replays only what may be incomplete.
 */
@DefaultCoder(ProgressCoder.class)
public final class PartitionProgress {

  private long committed;
  private final Acks acks;

  private PartitionProgress(long committed, Acks acks) {
    this.committed = committed;
    this.acks = acks;
  }

  /** Bookkeeping that resumes at {@code committed}, the partition's committed offset at start. */
  public static PartitionProgress startingAt(long committed) {
    return new PartitionProgress(committed, Acks.none());
  }

  /** For the coder: a progress rebuilt from its parts. */
  static PartitionProgress of(long committed, Acks acks) {
    return new PartitionProgress(committed, acks);
  }

  /** Takes in {@code more} acknowledgements. */
  public PartitionProgress add(Acks more) {
    acks.merge(more);
    return this;
  }

  /**
   * A person whose rows in a closed window are newer than the window's last pane: their ratings
   * came too late for it.
   */
  public record LateRating(String person, long windowEnd, long lastOffset) {}

  /**
   * The persons (never the stand-in {@code everyone} of an aggregate of all ratings) whose ratings
   * came too late for their window: it closed for good ({@link WindowClosure#closedForGood}: a
   * window ending more than the allowed lateness after it has fired), yet their newest row in it is
   * newer than its last pane. Their window row must be counted again before these offsets settle;
   * acknowledge it with {@link Acks#windowed} once it is.
   */
  public List<LateRating> lateRatings(WindowClosure rule, String everyone) {
    List<LateRating> late = new ArrayList<>();
    acks.windows()
        .forEach(
            (end, window) -> {
              if (rule.closedForGood(end, acks.firedUpTo())) {
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
    RangeSet<Long> settled = acks.settled();
    var iterator = acks.windows().entrySet().iterator();
    while (iterator.hasNext()) {
      var entry = iterator.next();
      Acks.WindowProgress window = entry.getValue();
      boolean expired = rule.closedForGood(entry.getKey(), acks.firedUpTo());
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
    acks.windows().values().forEach(window -> window.offsets.remove(Range.lessThan(committed)));
    return committed != before;
  }

  /**
   * Whether offsets beyond the committable one are acknowledged while it is in no window and has no
   * ack of its own: a gap. Bundles make one for a moment; messages deleted before they were read
   * (retention, delete-records) make one for good.
   */
  public boolean gapped() {
    if (acks.windows().values().stream().anyMatch(window -> window.offsets.contains(committed))) {
      return false;
    }
    return !acks.settled().isEmpty()
        || acks.windows().values().stream().anyMatch(window -> !window.offsets.isEmpty());
  }

  /**
   * Offsets below {@code logStart}, the partition's earliest offset now, no longer exist: they are
   * settled (nothing will ever read them), and the committable offset moves on as far as the acks
   * allow.
   *
   * @return whether the committable offset moved
   */
  public boolean skipDeleted(long logStart, WindowClosure rule) {
    if (logStart <= committed) {
      return false;
    }
    acks.settled().add(Range.closedOpen(committed, logStart));
    advance(rule);
    return true;
  }

  /** The next offset to commit: every one before it is settled. */
  public long committed() {
    return committed;
  }

  /** What is acknowledged beyond {@link #committed}. */
  public Acks acks() {
    return acks;
  }

  /**
   * What the committable offset waits for, in words: its window row (naming whose, "" being the
   * trending ranking) or its own row or dead letter.
   */
  public String holdUp() {
    for (var entry : acks.windows().entrySet()) {
      Acks.WindowProgress window = entry.getValue();
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
            + Instant.ofEpochMilli(entry.getKey())
            + " waits for the window row of "
            + String.join(", ", waiting);
      }
    }
    return "offset " + committed + ": no row or dead letter for it yet";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PartitionProgress that
        && committed == that.committed
        && acks.equals(that.acks);
  }

  @Override
  public int hashCode() {
    return Objects.hash(committed, acks);
  }

  @Override
  public String toString() {
    return "PartitionProgress{committed=" + committed + ", " + acks + "}";
  }
}
