package org.moviestream.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.moviestream.contract.Defaults;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.Project;

/** The two ways of running the job that are measured side by side. */
enum SystemUnderTest {
  BEAM("Beam on SparkRunner") {
    @Override
    JavaProcess start(Context context, String topic, String keyspace, List<String> extraArgs)
        throws IOException {
      PipelineArgs pipeline =
          PipelineArgs.on(context.bootstrapServers())
              .topic(topic)
              .deadLetterTopic(topic + "_dlq")
              .keyspace(keyspace)
              .set("progressSeconds", 1)
              .set("checkpointDir", context.work().resolve("checkpoint-" + keyspace))
              .set("sparkMaster", "local[2]"); // as the native job runs, unless --beam-args says
      List<String> args = new ArrayList<>(List.of("-jar", Project.Jar.PIPELINE.path().toString()));
      args.addAll(pipeline.with(extraArgs).list());
      return JavaProcess.start(
          context.root(), context.work().resolve(keyspace + "-beam.log"), context.jvmArgs(), args);
    }
  },
  NATIVE("Spark Structured Streaming") {
    @Override
    JavaProcess start(Context context, String topic, String keyspace, List<String> extraArgs)
        throws IOException {
      Path bench = context.root().resolve("bench/target");
      String classpath =
          bench.resolve("classes") + ":" + Files.readString(bench.resolve("classpath.txt")).trim();
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-cp",
                  classpath,
                  NativeRatingsJob.class.getName(),
                  context.bootstrapServers(),
                  topic,
                  keyspace,
                  context.root().resolve(Defaults.CATALOG).toString(),
                  context.work().resolve("checkpoint-" + keyspace).toString()));
      args.addAll(extraArgs);
      return JavaProcess.start(
          context.root(),
          context.work().resolve(keyspace + "-native.log"),
          context.jvmArgs(),
          args);
    }
  };

  private final String label;

  SystemUnderTest(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /**
   * Starts the job reading {@code topic} from its start and writing {@code keyspace}.movie_ratings.
   */
  abstract JavaProcess start(Context context, String topic, String keyspace, List<String> extraArgs)
      throws IOException;

  /**
   * Where the benchmark runs: the project, the broker, a work folder, the JVM settings of the jobs.
   */
  record Context(Path root, String bootstrapServers, Path work, List<String> jvmArgs) {}
}
