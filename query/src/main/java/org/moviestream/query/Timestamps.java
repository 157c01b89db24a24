package org.moviestream.query;

import java.time.Instant;
import java.util.function.Function;
import org.moviestream.cli.TimeArguments;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The picocli side of {@link TimeArguments}: a time that cannot be read is a usage error. */
final class Timestamps {

  private Timestamps() {}

  private static Instant convert(String value, Function<String, Instant> parse) {
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return Timestamps.convert(value, TimeArguments::instant);
    }
  }

  static final class HourConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return Timestamps.convert(value, TimeArguments::hour);
    }
  }
}
