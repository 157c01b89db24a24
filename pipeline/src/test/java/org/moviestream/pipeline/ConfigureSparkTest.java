package org.moviestream.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.After;
import org.junit.Test;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.pipeline.run.ExecutorLoss;

/**
 * Spark settings that would break the job are refused; a checkpoint directory is never one of an
 * earlier run.
 */
public class ConfigureSparkTest {

  private static final String PARALLELISM = "spark.default.parallelism";

  @After
  public void forgetTheSetting() {
    System.clearProperty(PARALLELISM);
  }

  @Test
  public void moreThanOneSourceSplitIsRefusedInOneLine() {
    System.setProperty(PARALLELISM, "4");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> MovieRatingsPipeline.configureSpark(OptionsParser.parse()));
    assertTrue(
        refused.getMessage(),
        refused.getMessage().contains("spark.default.parallelism=4")
            && !refused.getMessage().contains("\n"));
  }

  @Test
  public void oneSplitIsTheDefault() {
    MovieRatingsPipeline.configureSpark(OptionsParser.parse());
    assertEquals("1", System.getProperty(PARALLELISM));
  }

  @Test
  public void aLostExecutorEndsTheJobBesideTheUsersOwnListeners() {
    System.setProperty("spark.extraListeners", "com.example.Audit");
    try {
      MovieRatingsPipeline.configureSpark(OptionsParser.parse());
      MovieRatingsPipeline.configureSpark(OptionsParser.parse());
      assertEquals(
          "com.example.Audit," + ExecutorLoss.class.getName(),
          System.getProperty("spark.extraListeners"));
    } finally {
      System.clearProperty("spark.extraListeners");
    }
  }

  @Test
  public void eachRunCheckpointsInItsOwnDirectory() {
    MovieRatingsOptions first = OptionsParser.parse("--checkpointDir=/data/checkpoints/");
    MovieRatingsOptions second = OptionsParser.parse("--checkpointDir=/data/checkpoints");
    MovieRatingsPipeline.configureSpark(first);
    MovieRatingsPipeline.configureSpark(second);
    MovieRatingsPipeline.configureSpark(second);

    assertEquals("/data/checkpoints/" + first.getJobName(), first.getCheckpointDir());
    assertEquals("/data/checkpoints/" + second.getJobName(), second.getCheckpointDir());
    assertTrue(!first.getJobName().equals(second.getJobName()));
  }
}
