package org.moviestream.producer;

import org.moviestream.producer.kafka.RatingSender;

/** Prints "sent, acked, errors, rate" at most once a second while a long send runs. */
final class ProgressLine {

  private final RatingSender sender;
  private long lastPrintNanos = System.nanoTime();
  private long lastSent;

  ProgressLine(RatingSender sender) {
    this.sender = sender;
  }

  void maybePrint() {
    long now = System.nanoTime();
    long elapsed = now - lastPrintNanos;
    if (elapsed < 1_000_000_000L) {
      return;
    }
    long sent = sender.sent();
    double perSecond = (sent - lastSent) * 1e9 / elapsed;
    System.err.printf(
        "sent %d, acked %d, errors %d, %.0f records/s%n",
        sent, sender.acked(), sender.failed(), perSecond);
    lastPrintNanos = now;
    lastSent = sent;
  }
}
