package org.moviestream.pipeline.options;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.moviestream.testing.ReadmeTables;

/** The README's pipeline options are the options' own (mvn test -Dreadme.update=true rewrites). */
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
