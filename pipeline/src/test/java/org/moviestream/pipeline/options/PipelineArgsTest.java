package org.moviestream.pipeline.options;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.Project;

/** The tests' and the bench's command lines mean to the pipeline what they say. */
public class PipelineArgsTest {

  @Test
  public void everyNamedOptionIsOneThePipelineTakes() {
    List<String> args =
        PipelineArgs.on("127.0.0.1:29092")
            .cassandraHosts("127.0.0.2")
            .topic("t")
            .deadLetterTopic("t_dlq")
            .keyspace("k")
            .consumerGroup("g")
            .set("progressSeconds", 5)
            .with(List.of("--startingOffsets=latest"))
            .list();

    MovieRatingsOptions options = OptionsParser.parse(args.toArray(String[]::new));

    assertEquals("127.0.0.1:29092", options.getBootstrapServers());
    assertEquals("127.0.0.2", options.getCassandraHosts());
    assertEquals("t", options.getTopic());
    assertEquals("t_dlq", options.getDeadLetterTopic());
    assertEquals("k", options.getKeyspace());
    assertEquals("g", options.getConsumerGroup());
    assertEquals(5, (int) options.getProgressSeconds());
    assertEquals(Project.file("data/netflix.csv").toString(), options.getCatalog());
  }

  @Test
  public void aLaterValueReplacesAnEarlierOne() {
    assertEquals(
        List.of(
            "--bootstrapServers=b",
            "--startingOffsets=latest",
            "--catalog=" + Project.file("data/netflix.csv")),
        PipelineArgs.on("b").set("startingOffsets", "latest").list());
  }
}
