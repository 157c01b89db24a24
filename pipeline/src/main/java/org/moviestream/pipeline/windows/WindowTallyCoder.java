package org.moviestream.pipeline.windows;

import static org.moviestream.pipeline.coders.FieldCoders.integer;
import static org.moviestream.pipeline.coders.FieldCoders.longValue;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;

/** ratings, then (title, count) per title. */
public final class WindowTallyCoder extends AtomicCoder<WindowTally> {
  public static final WindowTallyCoder INSTANCE = new WindowTallyCoder();

  public static WindowTallyCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(WindowTally.class), INSTANCE);
  }

  @Override
  public void encode(WindowTally value, OutputStream out) throws IOException {
    longValue(value.ratings(), out);
    integer(value.perTitle().size(), out);
    for (var title : value.perTitle().entrySet()) {
      string(title.getKey(), out);
      longValue(title.getValue(), out);
    }
  }

  @Override
  public WindowTally decode(InputStream in) throws IOException {
    long ratings = longValue(in);
    int titles = integer(in);
    Map<String, Long> perTitle = new HashMap<>(titles * 2);
    for (int i = 0; i < titles; i++) {
      perTitle.put(string(in), longValue(in));
    }
    return WindowTally.of(perTitle, ratings);
  }
}
