package org.moviestream.pipeline.cassandra;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.joda.time.Duration;
import org.junit.Test;
import org.moviestream.pipeline.metrics.Waits;

/** Outages are waited out; refusals are tried a bounded number of times. */
public class CassandraRetryTest {

  private final CassandraRetry retry = new CassandraRetry(3, Duration.millis(300));

  @Test
  public void aStatementFailingWhileCassandraIsAwaySucceedsOnceItIsBack() throws Exception {
    AtomicInteger calls = new AtomicInteger();

    String result = retry.call("row", failingFiveTimes(calls, NoNodeAvailableException::new));

    assertEquals("written", result);
    assertEquals("more attempts than the refusal limit: outages are not refusals", 6, calls.get());
    assertEquals("the outage is over", -1, CassandraRetry.outageSeconds());
  }

  @Test
  public void aStatementCassandraRefusesIsTriedAFewTimesAndReported() {
    AtomicInteger calls = new AtomicInteger();

    CassandraRetry.Refused refused =
        assertThrows(
            CassandraRetry.Refused.class,
            () ->
                retry.call(
                    "row Ann/1",
                    () -> {
                      calls.incrementAndGet();
                      throw new InvalidQueryException(
                          null, "Key length of 70000 is longer than maximum of 65535");
                    }));

    assertEquals(3, calls.get());
    assertTrue(
        refused.getMessage(),
        refused
            .getMessage()
            .contains("row Ann/1 refused 3 times: InvalidQueryException: Key length"));
  }

  @Test
  public void refusalsAreAboutTheRowNeverAboutTheCluster() {
    assertTrue(
        CassandraRetry.isRefusal(
            new InvalidQueryException(
                null, "Key length of 70000 is longer than maximum of 65535")));
    assertTrue(
        CassandraRetry.isRefusal(
            new IllegalArgumentException("Invalid unset value for column name")));
    assertFalse(CassandraRetry.isRefusal(new NoNodeAvailableException()));
    assertFalse(
        CassandraRetry.isRefusal(
            new InvalidQueryException(null, "unconfigured table movie_ratings")));
    assertFalse(
        CassandraRetry.isRefusal(
            new InvalidQueryException(null, "table trending_titles does not exist")));
    assertFalse(
        CassandraRetry.isRefusal(
            new InvalidQueryException(null, "Keyspace netflix does not exist")));
    assertFalse(
        CassandraRetry.isRefusal(
            new InvalidQueryException(null, "Undefined column name window_ratings")));
    assertFalse(
        CassandraRetry.isRefusal(
            new UnauthorizedException(null, "User app has no MODIFY permission")));
    assertFalse(CassandraRetry.isRefusal(new OverloadedException(null, "overloaded")));
  }

  @Test
  public void aTableMissingIsWaitedForAndShownUntilItIsBack() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<Map<String, String>> shownWhileWaiting = new ArrayList<>();

    String result =
        retry.call(
            "row",
            failingFiveTimes(
                calls,
                () -> {
                  shownWhileWaiting.add(Waits.current());
                  return new InvalidQueryException(null, "unconfigured table movie_ratings");
                }));

    assertEquals("written", result);
    assertEquals(
        "more attempts than the refusal limit: a missing table is no refusal", 6, calls.get());
    assertEquals(
        Map.of("cassandra", "InvalidQueryException: unconfigured table movie_ratings"),
        shownWhileWaiting.get(4));
    assertEquals(Map.of(), Waits.current());
  }

  /** A statement whose first five attempts fail with {@code failure}; the sixth writes. */
  private static Supplier<String> failingFiveTimes(
      AtomicInteger calls, Supplier<RuntimeException> failure) {
    return () -> {
      if (calls.incrementAndGet() <= 5) {
        throw failure.get();
      }
      return "written";
    };
  }
}
