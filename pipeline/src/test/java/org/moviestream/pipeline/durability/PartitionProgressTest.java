package org.moviestream.pipeline.durability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;
import org.moviestream.pipeline.windows.RatingWindows;

/**
 * When an offset becomes committable. Windows end at 30_000 and 60_000; the allowed lateness is 60
 * s.
 */
public class PartitionProgressTest {

  private static final RatingWindows LATENESS = RatingWindows.of(30, 60);

  @Test
  public void aWrittenRatingIsNotCommittableUntilItsWindowRowCountsIt() {
    PartitionProgress progress =
        PartitionProgress.startingAt(100).add(Acks.none().written(100, "Ann", 30_000));

    assertFalse(progress.advance(LATENESS));
    assertEquals(100, progress.committed());

    progress.add(Acks.none().windowed("Ann", 30_000, 100));
    assertTrue(progress.advance(LATENESS));
    assertEquals(101, progress.committed());
  }

  @Test
  public void aGapHoldsTheCommitEvenWhenLaterOffsetsAreDurable() {
    PartitionProgress progress =
        PartitionProgress.startingAt(100)
            .add(
                Acks.none()
                    .deadLettered(100)
                    .deadLettered(102)
                    .written(103, "Ann", 30_000)
                    .windowed("Ann", 30_000, 103));

    progress.advance(LATENESS);
    assertEquals("101 is neither written nor a dead letter yet", 101, progress.committed());

    progress.add(Acks.none().deadLettered(101)).advance(LATENESS);
    assertEquals(104, progress.committed());
  }

  @Test
  public void aWindowIsCompleteOnlyWhenEveryPersonInItHasAPaneCoveringTheirLastRating() {
    PartitionProgress progress =
        PartitionProgress.startingAt(0)
            .add(
                Acks.none()
                    .written(0, "Ann", 30_000)
                    .written(1, "Bob", 30_000)
                    .written(2, "Ann", 30_000)
                    .windowed("Ann", 30_000, 2));

    progress.advance(LATENESS);
    assertEquals("Bob's pane is missing", 0, progress.committed());

    progress.add(Acks.none().windowed("Bob", 30_000, 1)).advance(LATENESS);
    assertEquals(3, progress.committed());
  }

  @Test
  public void aLateRatingReopensItsWindowUntilItsLatePaneIsWritten() {
    PartitionProgress progress =
        PartitionProgress.startingAt(0)
            .add(Acks.none().written(0, "Ann", 30_000).windowed("Ann", 30_000, 0));
    progress.advance(LATENESS);
    assertEquals(1, progress.committed());

    progress.add(
        Acks.none().written(1, "Bob", 60_000).written(2, "Ann", 30_000).windowed("Bob", 60_000, 1));
    progress.advance(LATENESS);
    assertEquals("Ann's late rating at 2 awaits its pane", 2, progress.committed());

    progress.add(Acks.none().windowed("Ann", 30_000, 2)).advance(LATENESS);
    assertEquals(3, progress.committed());
  }

  @Test
  public void aPaneThatArrivesBeforeTheWriteAcknowledgementStillCounts() {
    PartitionProgress progress =
        PartitionProgress.startingAt(0).add(Acks.none().windowed("Ann", 30_000, 0));
    progress.advance(LATENESS);
    progress.add(Acks.none().written(0, "Ann", 30_000)).advance(LATENESS);

    assertEquals(1, progress.committed());
  }

  @Test
  public void aRatingTooLateForItsWindowSettlesOnceALaterWindowBeyondTheLatenessFired() {
    PartitionProgress progress =
        PartitionProgress.startingAt(0)
            .add(
                Acks.none()
                    .written(0, "Ann", 30_000)
                    .written(1, "Bob", 120_000)
                    .windowed("Bob", 120_000, 1));
    progress.advance(LATENESS);
    assertEquals(
        "a window that fired 90 s after Ann's closed hers for good", 2, progress.committed());

    PartitionProgress notYet =
        PartitionProgress.startingAt(0)
            .add(
                Acks.none()
                    .written(0, "Ann", 30_000)
                    .written(1, "Bob", 90_000)
                    .windowed("Bob", 90_000, 1));
    notYet.advance(LATENESS);
    assertEquals(
        "a window ending exactly at the lateness bound does not close Ann's",
        0,
        notYet.committed());
  }

  @Test
  public void addingAcksInAnyOrderGivesTheSameProgress() {
    Acks a = Acks.none().written(5, "Ann", 30_000).deadLettered(6);
    Acks b = Acks.none().windowed("Ann", 30_000, 5).written(7, "Bob", 60_000);

    PartitionProgress ab = PartitionProgress.startingAt(5).add(a).add(b);
    PartitionProgress ba = PartitionProgress.startingAt(5).add(b).add(a);
    ab.advance(LATENESS);
    ba.advance(LATENESS);

    assertEquals(ab, ba);
    assertEquals(7, ab.committed());
  }

  @Test
  public void theCoderKeepsEverything() throws Exception {
    PartitionProgress progress =
        PartitionProgress.startingAt(3)
            .add(
                Acks.none()
                    .deadLettered(9)
                    .written(3, "Ann", 30_000)
                    .written(4, "Bob", 30_000)
                    .windowed("Ann", 30_000, 3)
                    .windowed("Zoë", 90_000, 12));

    PartitionProgress decoded =
        CoderUtils.decodeFromByteArray(
            ProgressCoder.of(), CoderUtils.encodeToByteArray(ProgressCoder.of(), progress));

    assertEquals(progress, decoded);
    assertEquals(90_000, decoded.acks().firedUpTo());
  }

  @Test
  public void ratingsNewerThanTheLastPaneOfAClosedWindowAreLateForItButNotForTheRanking() {
    PartitionProgress progress =
        PartitionProgress.startingAt(100)
            .add(
                Acks.none()
                    .written(100, "Ann", 30_000)
                    .windowed("Ann", 30_000, 100)
                    .written(101, "Ann", 30_000)
                    .written(101, "", 30_000));

    assertEquals(
        "the window is still open", java.util.List.of(), progress.lateRatings(LATENESS, ""));
    assertEquals(
        "offset 100: its row is written; the window ending 1970-01-01T00:00:30Z waits for the window row of 'Ann', the trending ranking",
        progress.holdUp());

    progress.add(Acks.none().windowed("Bob", 120_000, 7));
    assertEquals(
        java.util.List.of(new PartitionProgress.LateRating("Ann", 30_000, 101)),
        progress.lateRatings(LATENESS, ""));
    progress.add(Acks.none().windowed("Ann", 30_000, 101));
    assertEquals(java.util.List.of(), progress.lateRatings(LATENESS, ""));
    progress.advance(LATENESS);
    assertEquals(102, progress.committed());
    assertEquals("offset 102: no row or dead letter for it yet", progress.holdUp());
  }

  @Test
  public void messagesDeletedBeforeTheyWereReadAreCommittedPastNotWaitedForForEver() {
    PartitionProgress progress =
        PartitionProgress.startingAt(100)
            .add(
                Acks.none()
                    .deadLettered(150)
                    .written(151, "Ann", 30_000)
                    .windowed("Ann", 30_000, 151));
    progress.advance(LATENESS);
    assertEquals("100-149 never came", 100, progress.committed());
    assertTrue(progress.gapped());

    assertFalse("the log still starts below: no skip", progress.skipDeleted(90, LATENESS));
    assertTrue(progress.skipDeleted(150, LATENESS));
    assertEquals(152, progress.committed());
    assertFalse(progress.gapped());
  }

  @Test
  public void aRatingWaitingForItsWindowRowIsNoGap() {
    PartitionProgress progress =
        PartitionProgress.startingAt(100)
            .add(Acks.none().written(100, "Ann", 30_000).deadLettered(101));
    progress.advance(LATENESS);
    assertFalse(progress.gapped());
  }
}
