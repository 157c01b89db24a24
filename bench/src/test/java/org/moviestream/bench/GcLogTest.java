package org.moviestream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

  @Test
  void sumsThePausesAndLeavesOutTheConcurrentPhases() {
    List<String> log =
        List.of(
            "[0.012s][info][gc] Using G1",
            "[5.201s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 51M->9M(256M) 12.500ms",
            "[9.003s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 60M->20M(256M) 7.5ms",
            "[9.540s][info][gc] GC(1) Concurrent Mark Cycle 538.274ms",
            "[9.541s][info][gc] GC(1) Pause Remark 325M->205M(694M) 24.240ms",
            "[9.542s][info][gc] GC(1) Pause Cleanup 241M->241M(694M) 0.260ms",
            "[20.1s][info][gc] GC(2) Pause Full (System.gc()) 300M->100M(694M) 1455.500ms");

    assertEquals(1.5, GcLog.pauseSeconds(log), 1e-9);
  }

  @Test
  void anEmptyLogHasNoPauses() {
    assertEquals(0, GcLog.pauseSeconds(List.of()), 0);
  }
}
