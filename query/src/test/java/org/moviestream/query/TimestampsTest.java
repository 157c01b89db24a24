package org.moviestream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class TimestampsTest {

  @Test
  void readsTheFormsPeopleType() {
    assertEquals(Instant.parse("2025-03-13T19:26:50Z"), Timestamps.instant("2025-03-13T19:26:50Z"));
    assertEquals(Instant.parse("2025-03-13T17:26:50Z"), Timestamps.instant("2025-03-13T19:26:50+02:00"));
    assertEquals(Instant.parse("2025-03-13T19:26:00Z"), Timestamps.instant("2025-03-13 19:26"));
    assertEquals(Instant.parse("2025-03-13T00:00:00Z"), Timestamps.instant("2025-03-13"));
    assertEquals(Instant.parse("2025-03-13T19:00:00Z"), Timestamps.instant("2025-03-13T19"));
  }

  @Test
  void anHourStartsAtItsFirstInstant() {
    assertEquals(Instant.parse("2025-03-13T19:00:00Z"), Timestamps.hour("2025-03-13T19"));
    assertEquals(Instant.parse("2025-03-13T19:00:00Z"), Timestamps.hour("2025-03-13T19:45:10Z"));
  }

  @Test
  void somethingElseIsAClearError() {
    TypeConversionException error = assertThrows(TypeConversionException.class, () -> Timestamps.instant("yesterday"));
    assertEquals(true, error.getMessage().contains("'yesterday' is not a timestamp"));
  }
}
