package org.moviestream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimestampsTest {

  @Test
  void anHourOptionStartsAtItsFirstInstant() {
    assertEquals(
        Instant.parse("2025-03-13T19:00:00Z"),
        new Timestamps.HourConverter().convert("2025-03-13T19:45:10Z"));
  }

  @Test
  void aTimeThatCannotBeReadIsAUsageError() {
    TypeConversionException error =
        assertThrows(
            TypeConversionException.class,
            () -> new Timestamps.InstantConverter().convert("yesterday"));
    assertTrue(error.getMessage().contains("'yesterday' is not a timestamp"));
  }
}
