package org.moviestream.pipeline.options;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.moviestream.testing.ReadmeTables;

/**
 * The documented pipeline options (docs/operations.md) are the options' own (mvn test
 * -Dreadme.update=true rewrites).
 */
public class ReadmeOptionsTest {

  @Test
  public void theReadmeTableIsMadeFromTheOptions() throws Exception {
    String generated =
        ReadmeTables.ofBeam(
            KafkaReadOptions.class,
            WindowingOptions.class,
            CassandraWriteOptions.class,
            RunOptions.class);
    assertEquals(generated, ReadmeTables.block("pipeline", generated));
  }
}
