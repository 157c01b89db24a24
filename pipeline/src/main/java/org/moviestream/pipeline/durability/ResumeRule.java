package org.moviestream.pipeline.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where each partition of the ratings topic resumes, from what the consumer group committed and
 * what the topic holds now. {@code --startingOffsets} decides where a new group starts, nothing
 * else: a partition the group has never committed (added to the topic since) starts at its earliest
 * offset, and a topic deleted and re-created since the last commit (another topic id, or a commit
 * beyond the log's end) is read from its beginning. Each such finding is one line.
 */
final class ResumeRule {

  /** The offset each partition resumes at, and what was found on the way. */
  record Resume(Map<Integer, Long> offsets, List<String> findings) {}

  /**
   * What the group committed for a partition: the offset, the topic id it was committed under and
   * the target its committer wrote to (each null if unknown).
   */
  record Committed(long offset, String topicId, String target) {}

  /**
   * The target another deployment wrote to when it committed {@code committed}, or null when every
   * known one is {@code target}: its offsets say what that target holds, not this one.
   */
  static String otherTarget(Map<Integer, Committed> committed, String target) {
    return committed.values().stream()
        .map(Committed::target)
        .filter(Objects::nonNull)
        .filter(other -> !other.equals(target))
        .findFirst()
        .orElse(null);
  }

  /** The one line that refuses a group whose offsets were committed for {@code other}. */
  static String foreignCommits(String group, String other, String target) {
    return "consumer group "
        + group
        + " was last committed by a job writing to "
        + other
        + ", not "
        + target
        + ": resuming there would skip ratings "
        + target
        + " never got. Give this deployment its own --consumerGroup, or --adoptOffsets=true to"
        + " resume at those offsets anyway";
  }

  private ResumeRule() {}

  /**
   * @param committed partition -> the group's commit (partitions without one are absent)
   * @param topicId the topic's id now
   * @param earliest partition -> its earliest offset; every partition of the topic
   * @param latest partition -> its log end
   */
  static Resume decide(
      String topic,
      String group,
      Map<Integer, Committed> committed,
      String topicId,
      Map<Integer, Long> earliest,
      Map<Integer, Long> latest,
      String startingOffsets) {
    List<String> findings = new ArrayList<>();
    Map<Integer, Long> resume = new TreeMap<>();
    boolean newGroup = committed.isEmpty();
    boolean recreated =
        committed.values().stream()
                .anyMatch(c -> c.topicId() != null && !c.topicId().equals(topicId))
            || committed.entrySet().stream()
                .anyMatch(e -> e.getValue().offset() > latest.getOrDefault(e.getKey(), 0L));
    if (newGroup) {
      findings.add(
          "group "
              + group
              + " has no committed offsets on "
              + topic
              + ": it starts at the "
              + startingOffsets
              + " offsets (--startingOffsets)");
    } else if (recreated) {
      findings.add(
          "topic "
              + topic
              + " was deleted and re-created since group "
              + group
              + " last committed ("
              + describe(committed, topicId, latest)
              + "): every partition starts at its earliest offset");
    }
    for (var partition : new TreeMap<>(earliest).entrySet()) {
      int p = partition.getKey();
      long first = partition.getValue();
      Committed commit = committed.get(p);
      long at;
      if (newGroup) {
        at = "earliest".equals(startingOffsets) ? first : latest.get(p);
      } else if (recreated) {
        at = first;
      } else if (commit == null) {
        at = first;
        findings.add(
            "partition "
                + p
                + " of "
                + topic
                + " is new to group "
                + group
                + ": it starts at its earliest offset "
                + first);
      } else if (commit.offset() < first) {
        at = first;
        findings.add(
            String.format(
                "partition %d of %s: offsets %d-%d were deleted (retention) before group %s read them",
                p, topic, commit.offset(), first - 1, group));
      } else {
        at = commit.offset();
      }
      resume.put(p, at);
    }
    return new Resume(resume, findings);
  }

  private static String describe(
      Map<Integer, Committed> committed, String topicId, Map<Integer, Long> latest) {
    return committed.values().stream()
        .map(Committed::topicId)
        .filter(Objects::nonNull)
        .filter(id -> !id.equals(topicId))
        .findFirst()
        .map(old -> "topic id " + old + ", now " + topicId)
        .orElse("a committed offset lies beyond the log's end " + latest);
  }
}
