package org.moviestream.pipeline;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.runners.TransformHierarchy;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.testing.Project;

/**
 * Every step of the job, serialized as Spark checkpoints it and ships it to executors, holds the
 * config files' paths and none of their passwords, with either Cassandra writer.
 */
public class NoSecretInTheJobTest {

  private static final String KAFKA_SECRET = "kafkaPa55word";
  private static final String CASSANDRA_SECRET = "cassandraPa55word";
  private static final String TRUSTSTORE_SECRET = "truststorePa55word";

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void theDefaultWriterCarriesNoPassword() throws Exception {
    assertNoSecretIn(steps());
  }

  @Test
  public void cassandraIoCarriesNoPassword() throws Exception {
    assertNoSecretIn(steps("--cassandraWriter=CASSANDRA_IO"));
  }

  private static void assertNoSecretIn(List<String> steps) {
    assertTrue("steps serialized: " + steps.size(), steps.size() > 20);
    String all = String.join("\n", steps);
    System.out.println(
        "DEBUG "
            + all.contains("kafka-client")
            + " "
            + all.contains("properties")
            + " "
            + all.contains("KafkaSettings")
            + " "
            + all.contains("truststore.p12"));
    assertTrue("the Kafka file's path travels", all.contains("kafka-client.properties"));
    for (String secret : List.of(KAFKA_SECRET, CASSANDRA_SECRET, TRUSTSTORE_SECRET)) {
      assertFalse("a password travels with the job", all.contains(secret));
    }
  }

  /** Each primitive step of the job built with secured config files, as serialized bytes. */
  private List<String> steps(String... more) throws Exception {
    Path truststore = folder.newFile("truststore.p12").toPath();
    Path kafka = folder.newFile("kafka-client.properties").toPath();
    Files.writeString(
        kafka,
        "security.protocol=SASL_SSL\n"
            + "sasl.mechanism=SCRAM-SHA-512\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"app\" password=\""
            + KAFKA_SECRET
            + "\";\n"
            + "ssl.truststore.location="
            + truststore
            + "\nssl.truststore.password="
            + TRUSTSTORE_SECRET
            + "\n");
    Path cassandra = folder.newFile("cassandra-client.conf").toPath();
    Files.writeString(
        cassandra,
        "datastax-java-driver {\n"
            + "  basic.load-balancing-policy.local-datacenter = dc1\n"
            + "  advanced.auth-provider { class = PlainTextAuthProvider, username = u, password = "
            + CASSANDRA_SECRET
            + " }\n"
            + "}\n");
    List<String> args = new ArrayList<>();
    args.add("--runner=" + DirectRunner.class.getSimpleName());
    args.add("--catalog=" + Project.file("data/netflix.csv"));
    args.add("--kafkaConfig=" + kafka);
    args.add("--cassandraConfig=" + cassandra);
    args.addAll(List.of(more));
    MovieRatingsOptions options = OptionsParser.parse(args.toArray(String[]::new));
    Pipeline pipeline = MovieRatingsPipeline.build(Pipeline.create(options), options, Map.of());
    List<String> steps = new ArrayList<>();
    pipeline.traverseTopologically(
        new Pipeline.PipelineVisitor.Defaults() {
          @Override
          public void visitPrimitiveTransform(TransformHierarchy.Node node) {
            // Plain Java serialization, as Spark's (Beam's own compresses what it writes).
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
              out.writeObject(node.getTransform());
            } catch (IOException e) {
              throw new UncheckedIOException(node.getFullName(), e);
            }
            steps.add(bytes.toString(StandardCharsets.ISO_8859_1));
          }
        });
    return steps;
  }
}
