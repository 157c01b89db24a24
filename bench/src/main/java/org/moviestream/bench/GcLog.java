package org.moviestream.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a JVM's unified GC log ({@code -Xlog:gc}): how long its pauses stopped the program. */
final class GcLog {

  /**
   * e.g. "[12.3s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 60M->20M(256M) 4.5ms"
   */
  private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.* (\\d+(?:\\.\\d+)?)ms\\s*$");

  private GcLog() {}

  /**
   * The sum of every stop-the-world pause; concurrent phases (which run beside the program) not.
   */
  static double pauseSeconds(List<String> lines) {
    double millis = 0;
    for (String line : lines) {
      Matcher pause = PAUSE.matcher(line);
      if (pause.find()) {
        millis += Double.parseDouble(pause.group(1));
      }
    }
    return millis / 1000;
  }
}
