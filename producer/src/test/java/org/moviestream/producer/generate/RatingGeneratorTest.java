package org.moviestream.producer.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.moviestream.contract.RatingMessage;

class RatingGeneratorTest {

  private static final List<String> PEOPLE = List.of("Ann", "Bob");
  private static final List<String> TITLES = List.of("Roma", "Okja", "Dark");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-03-13T19:26:50.863211Z"), ZoneOffset.UTC);

  @Test
  void ratingsCoverOneToTenAndNothingElse() {
    RatingGenerator generator = new RatingGenerator(PEOPLE, TITLES, new Random(3), CLOCK);
    Set<Integer> scores = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      RatingMessage rating = generator.next();
      scores.add(rating.rating());
      assertTrue(PEOPLE.contains(rating.name()));
      assertTrue(TITLES.contains(rating.movie()));
      assertEquals(CLOCK.instant(), rating.timestamp());
    }
    assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), scores);
  }

  @Test
  void aSeedMakesPicksAndRatingsReproducible() {
    assertEquals(draw(11, 50), draw(11, 50));
  }

  @Test
  void aGivenPersonIsTheOneWhoRates() {
    assertEquals(
        "Bob", new RatingGenerator(PEOPLE, TITLES, new Random(), CLOCK).next("Bob").name());
  }

  private static List<RatingMessage> draw(long seed, int count) {
    RatingGenerator generator = new RatingGenerator(PEOPLE, TITLES, new Random(seed), CLOCK);
    List<RatingMessage> ratings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ratings.add(generator.next());
    }
    return ratings;
  }
}
