package org.moviestream.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One PNG: rows/s over time while draining the backlog, and p99 latency over time at fixed rates.
 */
final class Charts {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 420;

  private Charts() {}

  static void write(Path png, List<Results.Backlog> backlogs, List<Results.Steady> steadies)
      throws IOException {
    XYSeriesCollection throughput = new XYSeriesCollection();
    for (Results.Backlog backlog : backlogs) {
      throughput.addSeries(
          series(backlog.system() + " (" + backlog.settings() + ")", backlog.timeline()));
    }
    XYSeriesCollection latency = new XYSeriesCollection();
    for (Results.Steady steady : steadies) {
      latency.addSeries(
          series(steady.system() + " @ " + (long) steady.rate() + "/s", steady.p99PerSecond()));
    }
    JFreeChart top =
        ChartFactory.createXYLineChart(
            "Backlog drain: rows written per second",
            "seconds since launch",
            "rows/s",
            throughput,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    JFreeChart bottom =
        ChartFactory.createXYLineChart(
            "Steady state: p99 latency of the rows written each second",
            "seconds since launch",
            "p99 latency (ms)",
            latency,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT * 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, WIDTH, HEIGHT * 2);
    graphics.drawImage(top.createBufferedImage(WIDTH, HEIGHT), 0, 0, null);
    graphics.drawImage(bottom.createBufferedImage(WIDTH, HEIGHT), 0, HEIGHT, null);
    graphics.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static XYSeries series(String name, SortedMap<Long, Long> points) {
    XYSeries series = new XYSeries(name);
    points.forEach(series::add);
    return series;
  }
}
