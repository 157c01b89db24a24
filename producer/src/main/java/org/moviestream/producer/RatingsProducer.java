package org.moviestream.producer;

import com.google.common.util.concurrent.RateLimiter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.moviestream.cli.Cli;
import org.moviestream.cli.Flags;
import org.moviestream.cli.KafkaOptions;
import org.moviestream.cli.Version;
import org.moviestream.contract.Defaults;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.producer.generate.People;
import org.moviestream.producer.generate.RatingGenerator;
import org.moviestream.producer.generate.TitleSource;
import org.moviestream.producer.kafka.RatingSender;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The movie-ratings producer: people rate catalog titles and each rating goes to Kafka as JSON.
 *
 * <p>Three modes: every {@code --interval} each person rates one title (the default, printing each
 * record); {@code --count N} sends N records as fast as allowed and exits; {@code --rate R} holds R
 * records/s, printing one progress line per second. Ctrl-C flushes what was sent and exits.
 */
@Command(
    name = "movie-ratings-producer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    sortOptions = false,
    description = "Publishes movie ratings {name, movie, rating 1-10, timestamp} as JSON to Kafka.")
public final class RatingsProducer implements Callable<Integer> {

  @Mixin KafkaOptions kafka;

  @Option(
      names = Flags.TOPIC,
      defaultValue = Defaults.RATINGS_TOPIC,
      description = "topic to publish to (default: ${DEFAULT-VALUE})")
  String topic;

  @Option(
      names = "--catalog",
      defaultValue = Defaults.CATALOG,
      description = "catalog in the Kaggle netflix_titles.csv schema (default: ${DEFAULT-VALUE})")
  Path catalog;

  @Option(
      names = "--titles",
      description =
          "a one-column titles CSV (like the seed's movies.csv) to use instead of --catalog")
  Path titles;

  @Option(
      names = "--me",
      defaultValue = Defaults.OWNER,
      description = "the owner's own name, always among the people (default: ${DEFAULT-VALUE})")
  String me;

  @Option(
      names = "--people",
      defaultValue = "14",
      description =
          "how many Datafaker people rate besides the owner, at least 10 (default: ${DEFAULT-VALUE})")
  int people;

  @Option(
      names = "--seed",
      description = "makes names, picks and ratings reproducible (default: random)")
  Long seed;

  @Option(
      names = "--interval",
      defaultValue = "10",
      description = "seconds between rounds in the default mode (default: ${DEFAULT-VALUE})")
  double intervalSeconds;

  @Option(names = "--count", description = "send N records as fast as allowed, then exit")
  Long count;

  @Option(
      names = "--rate",
      description = "hold R records per second until stopped (or until --count is reached)")
  Double rate;

  @Option(
      names = "--connect-timeout",
      defaultValue = "15",
      description = "seconds to wait for the broker (default: ${DEFAULT-VALUE})")
  int connectTimeoutSeconds;

  @Option(names = "--verbose", description = "print stack traces with errors")
  boolean verbose;

  /**
   * Timestamps to the microsecond, like the seed's Python isoformat(): 2025-03-13T19:26:50.863211Z.
   */
  private static final Clock MICROSECOND_CLOCK =
      Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    validate();
    List<String> titleList =
        titles != null ? TitleSource.fromTitlesFile(titles) : TitleSource.fromCatalog(catalog);
    Random random = seed != null ? new Random(seed) : new Random();
    RatingGenerator generator =
        new RatingGenerator(
            People.generate(me, people, random), titleList, random, MICROSECOND_CLOCK);
    KafkaSettings settings = kafka.settings();
    try (RatingSender sender =
        RatingSender.connect(settings, topic, Duration.ofSeconds(connectTimeoutSeconds))) {
      System.err.printf(
          "Producing to %s on %s: %d people, %d titles%n",
          topic, settings, generator.people().size(), titleList.size());
      Runtime.getRuntime().addShutdownHook(new Thread(this::stopAndWait, "producer-shutdown"));
      try {
        if (rate != null) {
          holdRate(sender, generator);
        } else if (count != null) {
          sendCount(sender, generator);
        } else {
          rateInRounds(sender, generator);
        }
        sender.flush();
        System.err.printf(
            "Done: sent %d, acked %d, errors %d%n", sender.sent(), sender.acked(), sender.failed());
        if (sender.failed() > 0) {
          System.err.println("Last send error: " + sender.lastError());
          return 1;
        }
        return 0;
      } finally {
        finished.countDown();
      }
    }
  }

  private void validate() {
    if (count != null && count < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--count must be at least 1, was " + count);
    }
    if (rate != null && rate <= 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--rate must be positive, was " + rate);
    }
    if (intervalSeconds <= 0) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--interval must be positive, was " + intervalSeconds);
    }
    if (me.isBlank()) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--me must not be blank");
    }
  }

  /** Default mode: every interval, each person rates one title; each record is printed. */
  private void rateInRounds(RatingSender sender, RatingGenerator generator)
      throws InterruptedException {
    long intervalMillis = Math.round(intervalSeconds * 1000);
    do {
      for (String person : generator.people()) {
        System.out.println("Sent: " + sender.send(generator.next(person)));
      }
    } while (!stopRequested.await(intervalMillis, TimeUnit.MILLISECONDS));
  }

  /** --count N: N records as fast as the producer accepts them, with a progress line per second. */
  private void sendCount(RatingSender sender, RatingGenerator generator) {
    ProgressLine progress = new ProgressLine(sender);
    for (long i = 0; i < count && stopRequested.getCount() > 0; i++) {
      sender.send(generator.next());
      progress.maybePrint();
    }
  }

  /** --rate R: R records per second (up to --count, if given), with a progress line per second. */
  private void holdRate(RatingSender sender, RatingGenerator generator) {
    RateLimiter limiter = RateLimiter.create(rate);
    ProgressLine progress = new ProgressLine(sender);
    long limit = count != null ? count : Long.MAX_VALUE;
    while (sender.sent() < limit && stopRequested.getCount() > 0) {
      if (limiter.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        sender.send(generator.next());
      }
      progress.maybePrint();
    }
  }

  /** Ctrl-C: ask the send loop to stop, then let it flush and close before the JVM exits. */
  private void stopAndWait() {
    stopRequested.countDown();
    try {
      finished.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code ({@link org.moviestream.cli.Exit}). */
  public static int run(String... args) {
    RatingsProducer producer = new RatingsProducer();
    return Cli.run("movie-ratings-producer", producer, () -> producer.verbose, args);
  }
}
