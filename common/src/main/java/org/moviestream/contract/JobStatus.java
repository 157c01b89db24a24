package org.moviestream.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * A running job's state for other programs ({@code bin/up}, the benchmark): one line {@code STATUS
 * {"state":"running","read":150,...}} printed beside the human progress line, so that nobody parses
 * the human one.
 *
 * @param state running, or stopped (the last line)
 * @param waitingFor the services whose ports do not answer ("kafka", "cassandra")
 * @param committed messages committed to the consumer group (-1 if the job has no group)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStatus(
    String state,
    long read,
    long written,
    long windows,
    long deadLetters,
    long committed,
    List<String> waitingFor) {

  public static final String PREFIX = "STATUS ";
  public static final String RUNNING = "running";
  public static final String STOPPED = "stopped";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public JobStatus {
    waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
  }

  /** A job that only counts rows written (the benchmark's native peer). */
  public static JobStatus written(long written) {
    return new JobStatus(RUNNING, written, written, 0, 0, -1, List.of());
  }

  public String toLine() {
    try {
      return PREFIX + MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a status as JSON", e);
    }
  }

  /** The status a line carries, or empty for any other line. */
  public static Optional<JobStatus> fromLine(String line) {
    if (line == null || !line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(line.substring(PREFIX.length()), JobStatus.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
