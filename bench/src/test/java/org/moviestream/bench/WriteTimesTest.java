package org.moviestream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WriteTimesTest {

  @Test
  void latencyFromAMomentCountsOnlyTheRowsRatedSinceThen() {
    WriteTimes times = new WriteTimes();
    times.add(1_000, 9_000_000); // rated at 1 s, written at 9 s: the warm-up's 8 s
    times.add(5_000, 5_500_000); // 0.5 s
    times.add(6_000, 6_700_000); // 0.7 s

    assertEquals(3, times.latencyMillis().getTotalCount());
    assertEquals(8_000, times.latencyMillis().getMaxValue(), 10);
    assertEquals(2, times.latencyMillis(5_000).getTotalCount());
    assertEquals(700, times.latencyMillis(5_000).getMaxValue(), 1);
  }
}
