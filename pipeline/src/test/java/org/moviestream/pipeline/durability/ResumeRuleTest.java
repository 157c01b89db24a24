package org.moviestream.pipeline.durability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.moviestream.pipeline.durability.ResumeRule.Committed;
import org.moviestream.pipeline.durability.ResumeRule.Resume;

/**
 * --startingOffsets decides where a new group starts, never where a new partition or a re-created
 * topic does.
 */
public class ResumeRuleTest {

  private static final String ID = "topic-id-now";

  @Test
  public void aNewGroupStartsWhereStartingOffsetsSays() {
    Resume latest =
        ResumeRule.decide(
            "t", "g", Map.of(), ID, Map.of(0, 0L, 1, 5L), Map.of(0, 100L, 1, 90L), "latest");
    assertEquals(Map.of(0, 100L, 1, 90L), latest.offsets());
    Resume earliest =
        ResumeRule.decide(
            "t", "g", Map.of(), ID, Map.of(0, 0L, 1, 5L), Map.of(0, 100L, 1, 90L), "earliest");
    assertEquals(Map.of(0, 0L, 1, 5L), earliest.offsets());
  }

  @Test
  public void aGroupResumesAtItsCommitsAndAPartitionItNeverCommittedStartsAtItsEarliestOffset() {
    Resume resume =
        ResumeRule.decide(
            "t",
            "g",
            Map.of(0, new Committed(70, ID, null), 1, new Committed(80, null, null)),
            ID,
            Map.of(0, 0L, 1, 0L, 2, 0L),
            Map.of(0, 100L, 1, 90L, 2, 40L),
            "latest");

    assertEquals(Map.of(0, 70L, 1, 80L, 2, 0L), resume.offsets());
    assertEquals(
        List.of("partition 2 of t is new to group g: it starts at its earliest offset 0"),
        resume.findings());
  }

  @Test
  public void aTopicReCreatedSinceTheLastCommitIsReadFromItsBeginning() {
    Resume byId =
        ResumeRule.decide(
            "t",
            "g",
            Map.of(0, new Committed(20, "old-id", null), 1, new Committed(30, "old-id", null)),
            ID,
            Map.of(0, 0L, 1, 0L),
            Map.of(0, 500L, 1, 500L),
            "latest");
    assertEquals(
        "the new topic already holds more than the old commits: only the id tells",
        Map.of(0, 0L, 1, 0L),
        byId.offsets());
    assertTrue(
        byId.findings().get(0),
        byId.findings().get(0).contains("deleted and re-created")
            && byId.findings().get(0).contains("old-id"));

    Resume byEnd =
        ResumeRule.decide(
            "t",
            "g",
            Map.of(0, new Committed(700, null, null)),
            ID,
            Map.of(0, 0L),
            Map.of(0, 12L),
            "latest");
    assertEquals(Map.of(0, 0L), byEnd.offsets());
    assertTrue(byEnd.findings().get(0).contains("beyond the log's end"));
  }

  @Test
  public void offsetsDeletedBeforeTheyWereReadAreSaid() {
    Resume resume =
        ResumeRule.decide(
            "t",
            "g",
            Map.of(0, new Committed(10, ID, null)),
            ID,
            Map.of(0, 25L),
            Map.of(0, 40L),
            "latest");
    assertEquals(Map.of(0, 25L), resume.offsets());
    assertEquals(
        List.of(
            "partition 0 of t: offsets 10-24 were deleted (retention) before group g read them"),
        resume.findings());
  }

  @Test
  public void offsetsCommittedForAnotherTargetAreNamedAndRefusedInOneLine() {
    Map<Integer, Committed> committed =
        Map.of(0, new Committed(70, ID, "scratch@127.0.0.1:9042"), 1, new Committed(80, ID, null));
    String other = ResumeRule.otherTarget(committed, "netflix@127.0.0.1:9042");
    assertEquals("scratch@127.0.0.1:9042", other);
    String line =
        ResumeRule.foreignCommits("movie-ratings-pipeline", other, "netflix@127.0.0.1:9042");
    assertTrue(line, line.contains("scratch@127.0.0.1:9042") && line.contains("--adoptOffsets"));
    assertEquals(null, ResumeRule.otherTarget(committed, "scratch@127.0.0.1:9042"));
    assertEquals(
        "an older build's commits name no target",
        null,
        ResumeRule.otherTarget(Map.of(0, new Committed(1, ID, null)), "netflix@127.0.0.1:9042"));
  }
}
