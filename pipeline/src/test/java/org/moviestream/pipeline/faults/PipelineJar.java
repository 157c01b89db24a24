package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.moviestream.testing.PipelineProcess;
import org.moviestream.testing.Project;

/**
 * The pipeline jar as users run it (its own process), each run's output in
 * pipeline/target/faults/NAME.log.
 */
final class PipelineJar {

  static final Path ROOT = Project.root();
  static final Path JAR = Project.Jar.PIPELINE.path();
  static final Path LOGS = ROOT.resolve("pipeline/target/faults");

  private PipelineJar() {}

  /**
   * For a test class's @BeforeClass: the jar must be built (mvn package) before the fault tests
   * run.
   */
  static void requireBuilt() {
    assertTrue("build the jar first (mvn package): " + JAR, Files.exists(JAR));
  }

  static PipelineProcess start(String name, List<String> args) throws IOException {
    return PipelineProcess.start(JAR, LOGS.resolve(name + ".log"), args);
  }

  /** The application jar submitted to a Spark standalone master with bin/spark-submit. */
  static PipelineProcess submit(String name, String master, List<String> args) throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            ROOT.resolve("bin/spark-submit").toString(),
            "--master",
            master,
            "--class",
            "org.moviestream.pipeline.MovieRatingsPipeline",
            Project.Jar.PIPELINE_SPARK_SUBMIT.path().toString()));
    command.addAll(args);
    return PipelineProcess.run(command, LOGS.resolve(name + ".log"));
  }

  /** All the process printed so far ("" if the log cannot be read). */
  static String output(PipelineProcess pipeline) {
    try {
      return pipeline.output();
    } catch (IOException e) {
      return "";
    }
  }
}
