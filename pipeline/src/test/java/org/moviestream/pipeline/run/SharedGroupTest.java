package org.moviestream.pipeline.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

public class SharedGroupTest {

  private final SharedGroup group = new SharedGroup("movie-ratings-pipeline", "job-a");

  @Test
  public void anotherJobsCommitOnAPartitionThisJobCommittedIsSaidOnce() {
    assertEquals(List.of(), group.observe(Map.of("movies_ratings/0", "job-a")));

    List<String> said = group.observe(Map.of("movies_ratings/0", "job-b"));

    assertEquals(1, said.size());
    assertTrue(
        said.get(0),
        said.get(0)
            .startsWith(
                "ANOTHER JOB: movies_ratings/0 of consumer group movie-ratings-pipeline was"
                    + " committed by job job-b, not by this one (job-a)"));
    assertEquals(List.of(), group.observe(Map.of("movies_ratings/0", "job-b")));
  }

  /** A group handed over from an earlier deployment: its commits are not another job's yet. */
  @Test
  public void anotherJobsCommitBeforeThisJobCommittedThereIsNotSaid() {
    assertEquals(
        List.of(), group.observe(Map.of("movies_ratings/0", "job-b", "movies_ratings/1", "job-b")));
    assertEquals(List.of(), group.observe(Map.of("movies_ratings/1", "job-a")));
    assertEquals(List.of(), group.observe(Map.of("movies_ratings/0", "job-b")));
  }
}
