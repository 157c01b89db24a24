package org.moviestream.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.pipeline.run.ExecutorLoss;

/**
 * Spark settings that would break the job are refused; a checkpoint directory is never one of an
 * earlier run.
 */
public class ConfigureSparkTest {

  private static final String PARALLELISM = "spark.default.parallelism";

  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  @After
  public void forgetTheSetting() {
    System.clearProperty(PARALLELISM);
  }

  @Test
  public void sparksParallelismIsLeftToSparkUnlessTasksAreGiven() {
    MovieRatingsPipeline.configureSpark(OptionsParser.parse());
    assertEquals(null, System.getProperty(PARALLELISM));
    MovieRatingsPipeline.configureSpark(OptionsParser.parse("--tasks=3"));
    assertEquals("3", System.getProperty(PARALLELISM));
  }

  @Test
  public void theWorkAfterTheReadIsAsWideAsTheMasterUnlessSaidOtherwise() {
    assertEquals(2, MovieRatingsPipeline.tasks(OptionsParser.parse()));
    assertEquals(1, MovieRatingsPipeline.tasks(OptionsParser.parse("--sparkMaster=local")));
    assertEquals(3, MovieRatingsPipeline.tasks(OptionsParser.parse("--sparkMaster=local[3]")));
    assertEquals(4, MovieRatingsPipeline.tasks(OptionsParser.parse("--sparkMaster=local[4,2]")));
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        MovieRatingsPipeline.tasks(OptionsParser.parse("--sparkMaster=local[*]")));
    assertEquals(
        "a cluster's width is Spark's to say",
        0,
        MovieRatingsPipeline.tasks(OptionsParser.parse("--sparkMaster=spark://127.0.0.1:7077")));
    assertEquals(5, MovieRatingsPipeline.tasks(OptionsParser.parse("--tasks=5")));
    System.setProperty(PARALLELISM, "1");
    assertEquals(1, MovieRatingsPipeline.tasks(OptionsParser.parse("--sparkMaster=local[4]")));
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
  public void eachRunCheckpointsInANewDirectoryEvenUnderTheSameJobName() throws Exception {
    String base = temp.getRoot().toPath().resolve("checkpoints").toString();
    MovieRatingsOptions first = OptionsParser.parse("--checkpointDir=" + base + "/", "--jobName=j");
    MovieRatingsOptions second = OptionsParser.parse("--checkpointDir=" + base, "--jobName=j");
    MovieRatingsPipeline.claimCheckpoint(first);
    MovieRatingsPipeline.claimCheckpoint(second);
    String secondDir = second.getCheckpointDir();
    MovieRatingsPipeline.claimCheckpoint(second);

    assertTrue(first.getCheckpointDir(), first.getCheckpointDir().startsWith(base + "/run-j-"));
    assertTrue(secondDir, secondDir.startsWith(base + "/run-j-"));
    assertNotEquals(first.getCheckpointDir(), secondDir);
    assertEquals("claiming again keeps the run's directory", secondDir, second.getCheckpointDir());
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(base))));
  }

  @Test
  public void withoutACheckpointDirTheRunsLiveInTheUsersOwnFolderNotTmp() {
    assertEquals(OptionsParser.defaultCheckpointBase(), OptionsParser.parse().getCheckpointDir());
    assertTrue(OptionsParser.defaultCheckpointBase().startsWith(System.getProperty("user.home")));
  }
}
