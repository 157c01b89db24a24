package org.moviestream.pipeline.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this JVM's writers are waiting for right now, and why: "cassandra" while its statements fail
 * because of the cluster (down, overloaded, a table missing, a grant revoked), the dead-letter
 * topic while the broker does not take a dead letter. Each wait is logged when it begins and when
 * it ends, and the status line shows it ({@code waitingFor}) for as long as it lasts: a writer that
 * waits is never silent. One registry per JVM; in a cluster the driver sees its own executors'
 * only.
 */
public final class Waits {

  private static final Logger LOG = LoggerFactory.getLogger(Waits.class);
  private static final Map<String, Wait> CURRENT = new ConcurrentHashMap<>();
  private static final Map<String, String> HELD = new ConcurrentHashMap<>();

  private record Wait(String reason, long sinceNanos) {}

  private Waits() {}

  /**
   * Waiting for {@code what} because of {@code reason}: logged once when the wait begins (or its
   * reason changes).
   */
  public static void begin(String what, String reason, String whileWaiting) {
    Wait previous =
        CURRENT.put(
            what,
            new Wait(
                reason,
                CURRENT.containsKey(what) ? CURRENT.get(what).sinceNanos() : System.nanoTime()));
    if (previous == null || !previous.reason().equals(reason)) {
      LOG.warn("waiting for {}: {}; {}", what, reason, whileWaiting);
    }
  }

  /** {@code what} answered: logs how long the wait lasted, if there was one. */
  public static void end(String what) {
    Wait ended = CURRENT.remove(what);
    if (ended != null) {
      LOG.warn(
          "{} is back after {} s: resuming",
          what,
          (System.nanoTime() - ended.sinceNanos()) / 1_000_000_000L);
    }
  }

  /** Seconds the current wait for {@code what} has lasted, or -1 if there is none. */
  public static long seconds(String what) {
    Wait wait = CURRENT.get(what);
    return wait == null ? -1 : (System.nanoTime() - wait.sinceNanos()) / 1_000_000_000L;
  }

  /** What is waited for -> why, sorted. */
  public static Map<String, String> current() {
    Map<String, String> reasons = new TreeMap<>();
    CURRENT.forEach((what, wait) -> reasons.put(what, wait.reason()));
    return reasons;
  }

  /**
   * The offset tracking's word on a partition: what its first uncommitted offset waits for (null:
   * nothing).
   */
  public static void held(String partition, String why) {
    if (why == null) {
      HELD.remove(partition);
    } else {
      HELD.put(partition, why);
    }
  }

  /**
   * Partition ("topic/partition") -> what its first uncommitted offset waits for, as last reported
   * in this JVM.
   */
  public static Map<String, String> held() {
    return new TreeMap<>(HELD);
  }
}
