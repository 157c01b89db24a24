package org.moviestream.pipeline.options;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.apache.beam.runners.spark.SparkRunner;
import org.junit.Test;

public class OptionsParserTest {

  @Test
  public void defaultsToStreamingOnTheSparkRunnerWithTheDocumentedOptions() {
    MovieRatingsOptions options = OptionsParser.parse();
    assertEquals(SparkRunner.class, options.getRunner());
    assertTrue(options.isStreaming());
    assertEquals("local[2]", options.getSparkMaster());
    assertEquals("localhost:29092", options.getBootstrapServers());
    assertEquals("movies_ratings", options.getTopic());
    assertEquals("earliest", options.getStartingOffsets());
    assertEquals("data/netflix.csv", options.getCatalog());
    assertEquals("127.0.0.1", options.getCassandraHosts());
    assertEquals(9042, (int) options.getCassandraPort());
    assertEquals("netflix", options.getKeyspace());
    assertEquals(30, (int) options.getWindowSeconds());
    assertEquals("movies_ratings_dlq", options.getDeadLetterTopic());
    assertEquals(1000, (long) options.getBatchIntervalMillis());
    assertEquals(0.5, options.getReadTimePercentage(), 0.0);
  }

  @Test
  public void givenValuesWin() {
    MovieRatingsOptions options =
        OptionsParser.parse(
            "--startingOffsets=earliest",
            "--windowSeconds=10",
            "--sparkMaster=local[1]",
            "--batchIntervalMillis=2000",
            "--readTimePercentage=0.25");
    assertEquals(2000, (long) options.getBatchIntervalMillis());
    assertEquals(0.25, options.getReadTimePercentage(), 0.0);
    assertEquals("earliest", options.getStartingOffsets());
    assertEquals(10, (int) options.getWindowSeconds());
    assertEquals("local[1]", options.getSparkMaster());
  }

  @Test
  public void badValuesAreClearErrors() {
    assertMessage("--startingOffsets must be latest or earliest", "--startingOffsets=newest");
    assertMessage("--windowSeconds must be positive", "--windowSeconds=0");
    assertMessage("is not a time zone", "--inputZone=Mars/Olympus");
  }

  private static void assertMessage(String expected, String arg) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> OptionsParser.parse(arg));
    assertTrue(error.getMessage(), error.getMessage().contains(expected));
  }
}
