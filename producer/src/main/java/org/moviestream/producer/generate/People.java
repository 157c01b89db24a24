package org.moviestream.producer.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import net.datafaker.Faker;

/** The people who rate: the owner plus distinct Datafaker names. */
public final class People {

  public static final int MIN_GENERATED = 10;

  private People() {}

  /** The owner first, then {@code generated} distinct fake full names drawn from {@code random}. */
  public static List<String> generate(String owner, int generated, Random random) {
    if (generated < MIN_GENERATED) {
      throw new IllegalArgumentException(
          "need at least " + MIN_GENERATED + " generated people, got " + generated);
    }
    Faker faker = new Faker(Locale.ENGLISH, random);
    Set<String> names = new LinkedHashSet<>();
    names.add(owner);
    while (names.size() < generated + 1) {
      names.add(faker.name().firstName() + " " + faker.name().lastName());
    }
    return new ArrayList<>(names);
  }
}
