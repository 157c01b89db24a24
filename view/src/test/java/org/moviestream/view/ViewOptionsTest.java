package org.moviestream.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class ViewOptionsTest {

  @Test
  void theDefaultsMatchTheLocalStack() {
    ViewOptions options = ViewOptions.parse();

    assertEquals(8088, options.port);
    assertEquals("127.0.0.1", options.bind);
    assertEquals("localhost:29092", options.kafka.settings().bootstrapServers());
    assertEquals("movie-ratings-pipeline", options.consumerGroup);
    assertEquals("netflix", options.cassandra.keyspace());
  }

  @Test
  void valuesTheViewCannotUseAreUsageErrors() {
    assertTrue(
        assertThrows(ParameterException.class, () -> ViewOptions.parse("--port=70000"))
            .getMessage()
            .contains("--port must be from 0 to 65535"));
    assertTrue(
        assertThrows(ParameterException.class, () -> ViewOptions.parse("--sample-seconds=0"))
            .getMessage()
            .contains("at least 1"));
    assertTrue(
        assertThrows(ParameterException.class, () -> ViewOptions.parse("--port=abc"))
            .getMessage()
            .contains("'abc' is not an int"));
  }
}
