package org.moviestream.pipeline.faults;

import static org.junit.Assert.assertTrue;
import static org.moviestream.pipeline.faults.FaultToleranceIT.assertNoPrematureCommit;
import static org.moviestream.pipeline.faults.FaultToleranceIT.await;
import static org.moviestream.pipeline.faults.FaultToleranceIT.awaitComplete;
import static org.moviestream.pipeline.faults.FaultToleranceIT.stopWithSigterm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.testing.PipelineProcess;

/**
 * Long outages with the producer holding its rate: memory stays bounded, everything is written once
 * the service is back, nothing is committed early. Runs only with -DlongFaults=true (about 15
 * minutes each): {@code mvn verify -pl pipeline -am -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LongOutageIT -DlongFaults=true}.
 */
public class LongOutageIT {

  private static final int RATE = Integer.getInteger("longFaults.rate", 2_000);
  private static final Duration CASSANDRA_OUTAGE =
      Duration.ofMinutes(Integer.getInteger("longFaults.cassandraMinutes", 10));
  private static final Duration BROKER_OUTAGE =
      Duration.ofMinutes(Integer.getInteger("longFaults.brokerMinutes", 5));

  /**
   * What the pipeline may hold beyond its 2 GiB heap: metaspace, code cache, threads, direct
   * buffers.
   */
  private static final long MARGIN = 1L << 30;

  private static final long HEAP = 2L << 30;

  private final LocalStack stack = new LocalStack(PipelineJar.ROOT);

  @BeforeClass
  public static void onlyWhenAskedFor() {
    Assume.assumeTrue(
        "long outages run only with -DlongFaults=true", Boolean.getBoolean("longFaults"));
    PipelineJar.requireBuilt();
  }

  @Test
  public void cassandraDownForALongTimeWhileRatingsKeepComing() throws Exception {
    outage("cassandra", CASSANDRA_OUTAGE);
  }

  @Test
  public void brokerDownForALongTime() throws Exception {
    outage("kafka", BROKER_OUTAGE);
  }

  private void outage(String service, Duration absence) throws Exception {
    try (FaultRun run = new FaultRun(PipelineJar.ROOT, "long_" + service);
        CommitWatch watch = CommitWatch.on(run);
        PipelineProcess pipeline = PipelineJar.start("long-" + service, run.pipelineArgs())) {
      AtomicBoolean producing = new AtomicBoolean(true);
      Thread producer = new Thread(() -> produce(run, producing), "producer");
      producer.start();
      List<String> rss = new ArrayList<>(List.of("seconds,rss_mib,committed,phase"));
      long start = System.nanoTime();
      Path csv = PipelineJar.LOGS.resolve("long-" + service + "-rss.csv");
      await(
          "rows are being written",
          () -> {
            rss.add(sample(start, pipeline.residentBytes(), run, "before"));
            return run.rows() > RATE * 10L;
          },
          pipeline);
      long rowsAtKill = run.rows();
      stack.killHard(service);
      long down = System.nanoTime();
      System.out.printf(
          "[long %s] killed at %,d rows; down for %d min while %,d ratings/s keep coming%n",
          service, rowsAtKill, absence.toMinutes(), RATE);
      long peak = 0;
      while (System.nanoTime() - down < absence.toNanos()) {
        assertTrue("the pipeline rides out the outage", pipeline.isAlive());
        long bytes = pipeline.residentBytes();
        peak = Math.max(peak, bytes);
        // With the broker away, asking it for the committed offsets would take a minute a sample.
        rss.add(sample(start, bytes, service.equals("kafka") ? null : run, "outage"));
        Files.write(csv, rss);
        Thread.sleep(10_000);
      }
      stack.start();
      long back = System.nanoTime();
      Thread.sleep(30_000);
      producing.set(false);
      producer.join();
      long producedUntil = System.nanoTime();
      while (run.lag() > 0) {
        assertTrue("the pipeline died catching up", pipeline.isAlive());
        long bytes = pipeline.residentBytes();
        peak = Math.max(peak, bytes);
        rss.add(sample(start, bytes, run, "catch-up"));
        Files.write(csv, rss);
        Thread.sleep(5_000);
        assertTrue(
            "caught up within 20 minutes",
            System.nanoTime() - back < Duration.ofMinutes(20).toNanos());
      }
      awaitComplete(run, pipeline, Duration.ofMinutes(10));
      Files.write(csv, rss);
      chart(service, absence, csv);
      System.out.printf(
          "[long %s] %,d rows, lag 0; caught up %.0f s after the producer stopped (%.0f s after %s was back);"
              + " peak RSS %,d MiB (heap 2,048 MiB)%n",
          service,
          run.rows(),
          (System.nanoTime() - producedUntil) / 1e9,
          (System.nanoTime() - back) / 1e9,
          service,
          peak >> 20);
      assertTrue(
          "peak RSS "
              + (peak >> 20)
              + " MiB stays within the heap and a margin of "
              + (MARGIN >> 20)
              + " MiB",
          peak <= HEAP + MARGIN);
      stopWithSigterm(pipeline);
      assertNoPrematureCommit(watch);
    }
  }

  /**
   * seconds since start, RSS in MiB, the group's committed offsets (-1 when Kafka is away or {@code
   * run} is null).
   */
  private static String sample(long start, long bytes, FaultRun run, String phase) {
    return String.format(
        "%d,%d,%d,%s",
        (System.nanoTime() - start) / 1_000_000_000L,
        bytes >> 20,
        run == null ? -1 : run.committed(),
        phase);
  }

  /** The CSV as a PNG beside it: RSS over time, one line per phase. */
  private static void chart(String service, Duration absence, Path csv) throws Exception {
    XYSeriesCollection phases = new XYSeriesCollection();
    List<String> lines = Files.readAllLines(csv);
    for (String line : lines.subList(1, lines.size())) {
      String[] field = line.split(",");
      String phase = field[3];
      XYSeries series;
      try {
        series = phases.getSeries(phase);
      } catch (org.jfree.data.UnknownKeyException e) {
        series = new XYSeries(phase);
        phases.addSeries(series);
      }
      series.add(Long.parseLong(field[0]), Long.parseLong(field[1]));
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            String.format(
                "Pipeline RSS while %s is down for %d min at %,d ratings/s (heap 2,048 MiB)",
                service, absence.toMinutes(), RATE),
            "seconds since the pipeline started",
            "RSS (MiB)",
            phases,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    ChartUtils.saveChartAsPNG(
        csv.resolveSibling(csv.getFileName().toString().replace(".csv", ".png")).toFile(),
        chart,
        1000,
        420);
  }

  /**
   * RATE ratings per second, stamped now, while {@code producing}; a broker that is away is waited
   * for.
   */
  private static void produce(FaultRun run, AtomicBoolean producing) {
    while (producing.get()) {
      long second = System.nanoTime();
      try {
        run.sendRatings(
            RATE, Instant.now().minusSeconds(1), Duration.ofNanos(1_000_000_000L / RATE));
      } catch (Exception brokerAway) {
        // the broker is down (the broker outage): try again
      }
      long left = 1_000_000_000L - (System.nanoTime() - second);
      if (left > 0) {
        try {
          Thread.sleep(left / 1_000_000L);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
