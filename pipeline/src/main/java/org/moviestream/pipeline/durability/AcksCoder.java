package org.moviestream.pipeline.durability;

import static org.moviestream.pipeline.coders.FieldCoders.integer;
import static org.moviestream.pipeline.coders.FieldCoders.longValue;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.pipeline.coders.FieldCoders;

/** {@link Acks} as ranges of offsets and per-person maxima: small while offsets stay contiguous. */
public final class AcksCoder extends AtomicCoder<Acks> {

  public static final AcksCoder INSTANCE = new AcksCoder();

  public static AcksCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(Acks.class), INSTANCE);
  }

  @Override
  public void encode(Acks acks, OutputStream out) throws IOException {
    longValue(acks.firedUpTo(), out);
    ranges(acks.settled(), out);
    integer(acks.windows().size(), out);
    for (var window : acks.windows().entrySet()) {
      longValue(window.getKey(), out);
      ranges(window.getValue().offsets(), out);
      maxima(window.getValue().written(), out);
      maxima(window.getValue().windowed(), out);
    }
  }

  @Override
  public Acks decode(InputStream in) throws IOException {
    long firedUpTo = FieldCoders.longValue(in);
    RangeSet<Long> settled = ranges(in);
    int windowCount = FieldCoders.integer(in);
    SortedMap<Long, Acks.WindowProgress> windows = new TreeMap<>();
    for (int i = 0; i < windowCount; i++) {
      long end = FieldCoders.longValue(in);
      Acks.WindowProgress window = new Acks.WindowProgress();
      window.offsets().addAll(ranges(in));
      window.written().putAll(maxima(in));
      window.windowed().putAll(maxima(in));
      windows.put(end, window);
    }
    return Acks.of(firedUpTo, settled, windows);
  }

  private static void ranges(RangeSet<Long> ranges, OutputStream out) throws IOException {
    integer(ranges.asRanges().size(), out);
    for (Range<Long> range : ranges.asRanges()) {
      longValue(range.lowerEndpoint(), out);
      longValue(range.upperEndpoint() - range.lowerEndpoint(), out);
    }
  }

  private static RangeSet<Long> ranges(InputStream in) throws IOException {
    RangeSet<Long> ranges = TreeRangeSet.create();
    int count = FieldCoders.integer(in);
    for (int i = 0; i < count; i++) {
      long lower = FieldCoders.longValue(in);
      ranges.add(Range.closedOpen(lower, lower + FieldCoders.longValue(in)));
    }
    return ranges;
  }

  private static void maxima(Map<String, Long> maxima, OutputStream out) throws IOException {
    integer(maxima.size(), out);
    for (var entry : maxima.entrySet()) {
      string(entry.getKey(), out);
      longValue(entry.getValue(), out);
    }
  }

  private static Map<String, Long> maxima(InputStream in) throws IOException {
    Map<String, Long> maxima = new java.util.HashMap<>();
    int count = FieldCoders.integer(in);
    for (int i = 0; i < count; i++) {
      maxima.put(FieldCoders.string(in), FieldCoders.longValue(in));
    }
    return maxima;
  }
}
