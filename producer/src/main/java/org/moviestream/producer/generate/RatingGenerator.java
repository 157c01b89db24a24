package org.moviestream.producer.generate;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.moviestream.contract.RatingMessage;

/** Makes ratings: a person (given or random) scores a random title 1-10, stamped with the clock. */
public final class RatingGenerator {

  private final List<String> people;
  private final List<String> titles;
  private final Random random;
  private final Clock clock;

  public RatingGenerator(List<String> people, List<String> titles, Random random, Clock clock) {
    if (people.isEmpty() || titles.isEmpty()) {
      throw new IllegalArgumentException("need at least one person and one title");
    }
    this.people = List.copyOf(people);
    this.titles = List.copyOf(titles);
    this.random = random;
    this.clock = clock;
  }

  public List<String> people() {
    return people;
  }

  /** A rating by a random person. */
  public RatingMessage next() {
    return next(people.get(random.nextInt(people.size())));
  }

  /** A rating by {@code person}. */
  public RatingMessage next(String person) {
    String title = titles.get(random.nextInt(titles.size()));
    int score =
        RatingMessage.MIN_RATING
            + random.nextInt(RatingMessage.MAX_RATING - RatingMessage.MIN_RATING + 1);
    return new RatingMessage(person, title, score, clock.instant());
  }
}
