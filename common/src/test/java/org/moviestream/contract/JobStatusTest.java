package org.moviestream.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobStatusTest {

  @Test
  void aStatusLineIsReadBackAsWritten() {
    JobStatus status =
        new JobStatus(JobStatus.RUNNING, 150, 140, 12, 10, 120, List.of("cassandra"));
    String line = status.toLine();

    assertTrue(line.startsWith("STATUS {\"state\":\"running\",\"read\":150,"), line);
    assertEquals(Optional.of(status), JobStatus.fromLine(line));
  }

  @Test
  void otherLinesCarryNoStatus() {
    assertEquals(Optional.empty(), JobStatus.fromLine("read 150 | parsed 145"));
    assertEquals(Optional.empty(), JobStatus.fromLine("STATUS {broken"));
    assertEquals(Optional.empty(), JobStatus.fromLine(null));
  }
}
