package org.moviestream.view;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraRefusedException;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.cassandra.Tables;
import org.moviestream.cli.Exit;
import org.moviestream.kafka.KafkaFailures;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.kafka.KafkaTopics;
import org.moviestream.view.api.HostCheck;
import org.moviestream.view.api.ViewApi;
import org.moviestream.view.metrics.ViewMetrics;
import org.moviestream.view.store.RatingsStore;
import org.moviestream.view.stream.DeadLetterTally;
import org.moviestream.view.stream.StreamMonitor;
import picocli.CommandLine;

/**
 * bin/view: serves the live page (web/index.html, charts from the uPlot WebJar) and its JSON API
 * ({@link ViewApi}) until stopped. Kafka offsets are sampled in the background; Cassandra is asked
 * on each request. Either service may be down at start or later: the page says so and recovers.
 */
public final class ViewServer implements AutoCloseable {

  private final Javalin app;
  private final RatingsStore store;
  private final StreamMonitor stream;
  private final DeadLetterTally deadLetters;
  private final ScheduledExecutorService sampler;

  private ViewServer(ViewOptions options) {
    Clock clock = Clock.systemUTC();
    KafkaSettings kafka = options.kafka.settings();
    refuseWrongSettings(kafka, List.of(options.topic, options.deadLetterTopic));
    CassandraSettings cassandra = options.cassandra.settings();
    refuseWrongSettings(cassandra, options.cassandra.keyspace());
    store = new RatingsStore(cassandra, options.cassandra.keyspace());
    stream =
        new StreamMonitor(
            kafka,
            options.topic,
            options.deadLetterTopic,
            options.consumerGroup,
            Duration.ofMinutes(options.historyMinutes),
            clock);
    deadLetters = new DeadLetterTally(kafka, options.deadLetterTopic);
    sampler =
        Executors.newScheduledThreadPool(
            2,
            runnable -> {
              Thread thread = new Thread(runnable, "view-background");
              thread.setDaemon(true);
              return thread;
            });
    ObjectMapper json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(json, false));
              config.staticFiles.add("/web", Location.CLASSPATH);
              config.staticFiles.enableWebjars();
            });
    new HostCheck(options.bind, options.hostNames).register(app);
    new ViewApi(store, stream, deadLetters, clock).register(app);
    new ViewMetrics(stream, deadLetters, store, options.topic).register(app);
    sampler.scheduleWithFixedDelay(stream::sample, 0, options.sampleSeconds, TimeUnit.SECONDS);
    sampler.execute(deadLetters);
  }

  /**
   * Ends the start when Kafka turns these settings away (a wrong password, a truststore not there):
   * the page would only say so for ever. A Kafka that does not answer yet is the page's to show.
   */
  private static void refuseWrongSettings(KafkaSettings kafka, List<String> topics) {
    try {
      KafkaTopics.require(kafka, topics, Duration.ofSeconds(5));
    } catch (IllegalStateException e) {
      if (KafkaFailures.isRefusal(e.getCause())) {
        throw e;
      }
    }
  }

  /**
   * The same for Cassandra: a refused login or a login without SELECT on the tables ends the start,
   * a node not up yet (or a keyspace not made yet) does not.
   */
  private static void refuseWrongSettings(CassandraSettings cassandra, String keyspace) {
    try (CassandraConnection connection = CassandraConnection.open(cassandra)) {
      connection
          .session()
          .execute(
              "SELECT name FROM "
                  + CqlIdentifier.fromInternal(keyspace).asCql(true)
                  + "."
                  + Tables.MOVIE_RATINGS
                  + " LIMIT 1");
    } catch (UnauthorizedException e) {
      throw new CassandraRefusedException(
          "Cassandra denied access ("
              + e.getMessage()
              + "): grant the login SELECT on keyspace "
              + keyspace
              + " (bin/query logins does)",
          e);
    } catch (DriverException e) {
      // No keyspace yet: the page says so until there is.
    } catch (CassandraRefusedException e) {
      throw e;
    } catch (IllegalStateException e) {
      // Not up yet: the page says so until it is.
    }
  }

  /** Starts serving; {@code port} 0 picks a free port (see {@link #port()}). */
  public static ViewServer start(ViewOptions options) {
    requireFreePort(options.bind, options.port);
    ViewServer server = new ViewServer(options);
    try {
      server.app.start(options.bind, options.port);
    } catch (RuntimeException e) {
      server.close();
      throw new IllegalStateException(
          "cannot listen on " + options.bind + ":" + options.port + ": " + e.getMessage(), e);
    }
    return server;
  }

  /** A taken port gets one line, not the web server's stack trace. */
  private static void requireFreePort(String bind, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(bind))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot listen on "
              + bind
              + ":"
              + port
              + " ("
              + e.getMessage()
              + "): is the view already running (bin/up status)? Or choose another --port");
    }
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    // The tally's consumer closes on its own thread once woken; interrupted first, it would fail.
    sampler.shutdown();
    deadLetters.close();
    try {
      sampler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampler.shutdownNow();
    stream.close();
    store.close();
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ViewOptions());
    ViewOptions options;
    try {
      cli.parseArgs(args);
      if (cli.isUsageHelpRequested()) {
        cli.usage(System.out);
        return;
      }
      if (cli.isVersionHelpRequested()) {
        cli.printVersionHelp(System.out);
        return;
      }
      options = cli.getCommand();
      options.validate(cli);
    } catch (CommandLine.ParameterException e) {
      System.err.println("view: " + e.getMessage() + " (see --help)");
      System.exit(Exit.USAGE);
      return;
    }
    try {
      ViewServer server = start(options);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "view-shutdown"));
      String host = options.bind.equals("0.0.0.0") ? "127.0.0.1" : options.bind;
      System.out.println("movie-stream view: http://" + host + ":" + server.port() + "/");
    } catch (IllegalStateException e) {
      System.err.println("view: " + e.getMessage());
      System.exit(Exit.codeFor(e));
    }
  }
}
