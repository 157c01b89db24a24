package org.moviestream.pipeline.coders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * The field encodings the model coders are built from: compact, and null-safe where fields may be
 * null.
 */
public final class FieldCoders {

  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final NullableCoder<String> NULLABLE_STRING = NullableCoder.of(STRING);
  private static final VarIntCoder INT = VarIntCoder.of();
  private static final NullableCoder<Integer> NULLABLE_INT = NullableCoder.of(INT);
  private static final VarLongCoder LONG = VarLongCoder.of();
  private static final NullableCoder<Long> NULLABLE_LONG = NullableCoder.of(LONG);

  private FieldCoders() {}

  public static void string(String value, OutputStream out) throws IOException {
    STRING.encode(value, out);
  }

  public static String string(InputStream in) throws IOException {
    return STRING.decode(in);
  }

  public static void nullableString(String value, OutputStream out) throws IOException {
    NULLABLE_STRING.encode(value, out);
  }

  public static String nullableString(InputStream in) throws IOException {
    return NULLABLE_STRING.decode(in);
  }

  public static void integer(int value, OutputStream out) throws IOException {
    INT.encode(value, out);
  }

  public static int integer(InputStream in) throws IOException {
    return INT.decode(in);
  }

  public static void nullableInteger(Integer value, OutputStream out) throws IOException {
    NULLABLE_INT.encode(value, out);
  }

  public static Integer nullableInteger(InputStream in) throws IOException {
    return NULLABLE_INT.decode(in);
  }

  public static void longValue(long value, OutputStream out) throws IOException {
    LONG.encode(value, out);
  }

  public static long longValue(InputStream in) throws IOException {
    return LONG.decode(in);
  }

  /** Seconds and nanoseconds, so a microsecond timestamp survives exactly. */
  public static void instant(Instant value, OutputStream out) throws IOException {
    LONG.encode(value.getEpochSecond(), out);
    INT.encode(value.getNano(), out);
  }

  public static Instant instant(InputStream in) throws IOException {
    return Instant.ofEpochSecond(LONG.decode(in), INT.decode(in));
  }

  public static void nullableDate(LocalDate value, OutputStream out) throws IOException {
    NULLABLE_LONG.encode(value == null ? null : value.toEpochDay(), out);
  }

  public static LocalDate nullableDate(InputStream in) throws IOException {
    Long epochDay = NULLABLE_LONG.decode(in);
    return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
  }
}
