package org.moviestream.pipeline.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The clients one JVM (the driver, or a Spark executor) shares between every instance of every
 * step: Cassandra sessions, Kafka producers and admin clients. Each is opened on first use and
 * lives as long as the JVM; one shutdown hook closes them all, the newest first.
 *
 * <p>The SparkRunner tears a DoFn down after each partition of each micro-batch: a client owned by
 * the DoFn would connect and close every time.
 */
public final class JvmResources {

  private static final Map<Object, Object> OPEN = new ConcurrentHashMap<>();
  private static final List<Runnable> CLOSERS = Collections.synchronizedList(new ArrayList<>());
  private static volatile boolean endedByOwner;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (!endedByOwner) {
                    closeAll();
                  }
                },
                "movie-stream-resources-close"));
  }

  private JvmResources() {}

  /**
   * The JVM's {@code key} resource (e.g. a session per Cassandra target), opened by {@code open}
   * the first time and closed by {@code close} when the JVM ends.
   */
  @SuppressWarnings("unchecked")
  public static <T> T shared(Object key, Supplier<T> open, Consumer<T> close) {
    return (T)
        OPEN.computeIfAbsent(
            key,
            absent -> {
              T resource = open.get();
              CLOSERS.add(() -> close.accept(resource));
              return resource;
            });
  }

  /**
   * For a JVM whose end someone else manages: the driver's RunMonitor still reads the committed
   * offsets through these clients in its own shutdown hook, then halts the JVM, so this hook must
   * not close them under it (hooks run side by side).
   */
  public static void leaveOpenAtShutdown() {
    endedByOwner = true;
  }

  private static void closeAll() {
    List<Runnable> closers;
    synchronized (CLOSERS) {
      closers = new ArrayList<>(CLOSERS);
    }
    Collections.reverse(closers);
    for (Runnable closer : closers) {
      try {
        closer.run();
      } catch (RuntimeException e) {
        // the JVM is ending: one client that fails to close must not keep the others open
      }
    }
  }
}
