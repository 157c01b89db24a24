package org.moviestream.producer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeopleTest {

  @Test
  void theOwnerComesFirstFollowedByDistinctGeneratedNames() {
    List<String> people = People.generate("Stelios Giagkos", 14, new Random(1));
    assertEquals(15, people.size());
    assertEquals("Stelios Giagkos", people.get(0));
    assertEquals(15, new HashSet<>(people).size());
  }

  @Test
  void theSameSeedGivesTheSameNamesAndAnotherSeedOthers() {
    assertEquals(
        People.generate("Me", 10, new Random(42)), People.generate("Me", 10, new Random(42)));
    assertNotEquals(
        People.generate("Me", 10, new Random(42)), People.generate("Me", 10, new Random(43)));
  }

  @Test
  void fewerThanTenGeneratedPeopleAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> People.generate("Me", 9, new Random()));
  }
}
