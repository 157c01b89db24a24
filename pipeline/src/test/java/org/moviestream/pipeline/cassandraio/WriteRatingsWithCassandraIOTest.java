package org.moviestream.pipeline.cassandraio;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.moviestream.pipeline.MovieRatingsPipeline;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.testing.Project;

/** The job builds with CassandraIO as its writer, on an open cluster and with a login. */
public class WriteRatingsWithCassandraIOTest {

  @Rule public TemporaryFolder folder = new TemporaryFolder();

  @Test
  public void buildsWithoutALogin() {
    assertTrue(built("--cassandraWriter=CASSANDRA_IO"));
  }

  @Test
  public void buildsWithALoginAndALocalDatacenter() throws Exception {
    Path conf = folder.newFile("application.conf").toPath();
    Files.writeString(
        conf,
        "datastax-java-driver {\n"
            + "  basic.load-balancing-policy.local-datacenter = dc1\n"
            + "  advanced.auth-provider { class = PlainTextAuthProvider, username = u, password = p }\n"
            + "}\n");
    assertTrue(built("--cassandraWriter=CASSANDRA_IO", "--cassandraConfig=" + conf));
  }

  private static boolean built(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--runner=" + DirectRunner.class.getSimpleName();
    all[1] = "--catalog=" + Project.file("data/netflix.csv");
    System.arraycopy(args, 0, all, 2, args.length);
    MovieRatingsOptions options = OptionsParser.parse(all);
    Pipeline pipeline = MovieRatingsPipeline.build(Pipeline.create(options), options, Map.of());
    return pipeline.getOptions() == options;
  }
}
