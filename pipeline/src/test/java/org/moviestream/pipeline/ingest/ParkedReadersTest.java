package org.moviestream.pipeline.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;

public class ParkedReadersTest {

  private static final class FakeReader implements AutoCloseable {
    volatile boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  private final ParkedReaders<FakeReader> parked = new ParkedReaders<>(Duration.ofMinutes(1));

  @Test
  public void theNextBatchAtTheParkedPositionsCarriesOnInTheParkedReader() {
    FakeReader reader = new FakeReader();
    parked.park("movies_ratings", Map.of(0, 120L, 1, 98L), reader);

    assertEquals(Optional.of(reader), parked.take("movies_ratings", Map.of(0, 120L, 1, 98L)));
    assertFalse("handed on open", reader.closed);
    assertEquals("taken once", Optional.empty(), parked.take("movies_ratings", Map.of(0, 120L)));
  }

  /** Another executor read batches in between: the state's mark is ahead of the parked reader. */
  @Test
  public void aBatchStartingElsewhereGetsNoReaderAndTheStaleOneIsClosed() {
    FakeReader stale = new FakeReader();
    parked.park("movies_ratings", Map.of(0, 120L, 1, 98L), stale);

    assertEquals(Optional.empty(), parked.take("movies_ratings", Map.of(0, 140L, 1, 98L)));
    assertTrue(stale.closed);
    assertEquals(Optional.empty(), parked.take("movies_ratings", Map.of(0, 120L, 1, 98L)));
  }

  @Test
  public void aBatchOfAnotherSourceNeverGetsThisSourcesReader() {
    FakeReader reader = new FakeReader();
    parked.park("movies_ratings@a", Map.of(0, 5L), reader);

    assertEquals(Optional.empty(), parked.take("movies_ratings@b", Map.of(0, 5L)));
    assertEquals(Optional.of(reader), parked.take("movies_ratings@a", Map.of(0, 5L)));
  }

  @Test
  public void parkingAgainClosesTheReaderParkedBefore() {
    FakeReader first = new FakeReader();
    FakeReader second = new FakeReader();
    parked.park("movies_ratings", Map.of(0, 1L), first);
    parked.park("movies_ratings", Map.of(0, 7L), second);

    assertTrue(first.closed);
    assertEquals(Optional.of(second), parked.take("movies_ratings", Map.of(0, 7L)));
  }

  /** The read moved to another executor for good: this JVM's reader does not stay open. */
  @Test
  public void aReaderNobodyTakesIsClosedAfterItsTime() throws Exception {
    ParkedReaders<FakeReader> briefly = new ParkedReaders<>(Duration.ofMillis(50));
    FakeReader reader = new FakeReader();
    briefly.park("movies_ratings", Map.of(0, 1L), reader);

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!reader.closed && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(reader.closed);
    assertEquals(Optional.empty(), briefly.take("movies_ratings", Map.of(0, 1L)));
  }
}
