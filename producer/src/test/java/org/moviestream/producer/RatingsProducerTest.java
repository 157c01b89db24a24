package org.moviestream.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Exit codes of bad input: 2 for usage and input errors, before any broker is contacted. */
class RatingsProducerTest {

  @Test
  void invalidFlagsExitWithTwo() {
    assertEquals(2, RatingsProducer.run("--count", "0"));
    assertEquals(2, RatingsProducer.run("--rate", "-5"));
    assertEquals(2, RatingsProducer.run("--count", "many"));
    assertEquals(2, RatingsProducer.run("--no-such-flag"));
  }

  @Test
  void aMissingCatalogExitsWithTwo() {
    assertEquals(2, RatingsProducer.run("--count", "1", "--catalog", "/no/such/catalog.csv"));
  }

  @Test
  void helpExitsWithZero() {
    assertEquals(0, RatingsProducer.run("--help"));
  }
}
