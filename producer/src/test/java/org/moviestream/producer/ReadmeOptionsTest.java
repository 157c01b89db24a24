package org.moviestream.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.moviestream.testing.ReadmeTables;

/**
 * The documented producer flags (docs/operations.md) are the producer's own (mvn test
 * -Dreadme.update=true rewrites).
 */
class ReadmeOptionsTest {

  @Test
  void theReadmeTableIsMadeFromTheFlags() throws Exception {
    String generated = ReadmeTables.ofPicocli(new RatingsProducer());
    assertEquals(generated, ReadmeTables.block("producer", generated));
  }
}
