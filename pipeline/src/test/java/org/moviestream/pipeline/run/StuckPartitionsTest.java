package org.moviestream.pipeline.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * A partition is stuck when its commit has not moved for the limit while messages wait behind it.
 */
public class StuckPartitionsTest {

  private static final long SECOND = 1_000_000_000L;
  private static final String P0 = "movies_ratings/0";
  private static final String P1 = "movies_ratings/1";

  private final StuckPartitions stuck = new StuckPartitions(120);

  @Test
  public void aPartitionWhoseCommitStandsStillWhileMessagesWaitIsNamedWithWhatItWaitsFor() {
    Map<String, String> held = Map.of(P0, "offset 40: no row or dead letter for it yet");
    assertEquals(
        List.of(), stuck.observe(Map.of(P0, 40L, P1, 7L), Map.of(P0, 12L, P1, 0L), held, 0));
    assertEquals(
        "not yet: 119 s",
        List.of(),
        stuck.observe(Map.of(P0, 40L, P1, 7L), Map.of(P0, 12L, P1, 0L), held, 119 * SECOND));

    List<StuckPartitions.Stuck> found =
        stuck.observe(Map.of(P0, 40L, P1, 7L), Map.of(P0, 12L, P1, 0L), held, 120 * SECOND);
    assertEquals(1, found.size());
    assertEquals(
        "movies_ratings/0 at offset 40 (12 messages behind, no commit for 120 s): offset 40: no row or dead letter for it yet",
        found.get(0).description());
    assertTrue("logged when found", found.get(0).log());
    assertEquals(
        "logged again only after another limit",
        false,
        stuck.observe(Map.of(P0, 40L), Map.of(P0, 12L), held, 200 * SECOND).get(0).log());
    assertTrue(stuck.observe(Map.of(P0, 40L), Map.of(P0, 12L), held, 240 * SECOND).get(0).log());
  }

  @Test
  public void aCommitThatMovesOrALagOfZeroIsNotStuck() {
    stuck.observe(Map.of(P0, 40L), Map.of(P0, 12L), Map.of(), 0);
    assertEquals(
        List.of(), stuck.observe(Map.of(P0, 41L), Map.of(P0, 11L), Map.of(), 500 * SECOND));
    assertEquals(
        "a caught-up partition waits for nothing",
        List.of(),
        stuck.observe(Map.of(P0, 41L), Map.of(P0, 0L), Map.of(), 1000 * SECOND));
  }
}
