package org.moviestream.pipeline.durability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.moviestream.contract.PartitionKey;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.pipeline.shared.KafkaAdmin;

/**
 * The consumer group's committed offsets: where a run resumes, and where the pipeline records what
 * has become durable. One admin client per broker list per JVM ({@link KafkaAdmin}).
 */
public final class ConsumerGroupOffsets {

  private final KafkaSettings kafka;
  private final String group;
  private final Duration timeout;

  public ConsumerGroupOffsets(KafkaSettings kafka, String group, Duration timeout) {
    this.kafka = kafka;
    this.group = group;
    this.timeout = timeout;
  }

  /**
   * The offset each partition of {@code topic} resumes at ({@link ResumeRule}), committed where it
   * is not the group's committed offset already, so that the reader and the offset tracking start
   * from the same place; prints what was found on the way.
   *
   * @return "topic/partition" -> offset
   */
  public Map<String, Long> resumePoint(
      String topic, String startingOffsets, Committer committer, boolean adopt) throws Exception {
    Admin admin = admin();
    TopicDescription description =
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(timeoutMillis(), TimeUnit.MILLISECONDS)
            .get(topic);
    List<TopicPartition> partitions =
        description.partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<Integer, ResumeRule.Committed> committed = new HashMap<>();
    committed(admin)
        .forEach(
            (partition, offset) -> {
              if (partition.topic().equals(topic) && offset != null) {
                CommitNote note = CommitNote.parse(offset.metadata());
                committed.put(
                    partition.partition(),
                    new ResumeRule.Committed(offset.offset(), note.topicId(), note.target()));
              }
            });
    Map<Integer, Long> earliest = new HashMap<>();
    offsets(admin, partitions, OffsetSpec.earliest())
        .forEach((partition, info) -> earliest.put(partition.partition(), info.offset()));
    Map<Integer, Long> latest = new HashMap<>();
    offsets(admin, partitions, OffsetSpec.latest())
        .forEach((partition, info) -> latest.put(partition.partition(), info.offset()));
    String other = ResumeRule.otherTarget(committed, committer.target());
    if (other != null && !adopt) {
      throw new IllegalArgumentException(
          ResumeRule.foreignCommits(group, other, committer.target()));
    } else if (other != null) {
      System.err.println(
          "Resume: adopting the offsets group " + group + " committed writing to " + other);
    }
    String topicId = description.topicId().toString();
    ResumeRule.Resume resume =
        ResumeRule.decide(topic, group, committed, topicId, earliest, latest, startingOffsets);
    resume.findings().forEach(finding -> System.err.println("Resume: " + finding));

    Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    Map<String, Long> resumeAt = new TreeMap<>();
    resume
        .offsets()
        .forEach(
            (partition, at) -> {
              ResumeRule.Committed commit = committed.get(partition);
              if (commit == null || commit.offset() != at || !topicId.equals(commit.topicId())) {
                toCommit.put(
                    new TopicPartition(topic, partition),
                    new OffsetAndMetadata(at, CommitNote.of(topicId, committer).text()));
              }
              resumeAt.put(PartitionKey.of(topic, partition), at);
            });
    if (!toCommit.isEmpty()) {
      admin
          .alterConsumerGroupOffsets(group, toCommit)
          .all()
          .get(timeoutMillis(), TimeUnit.MILLISECONDS);
    }
    return resumeAt;
  }

  /** How many partitions {@code topic} has now. */
  public int partitionCount(String topic) throws Exception {
    return admin()
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(timeoutMillis(), TimeUnit.MILLISECONDS)
        .get(topic)
        .partitions()
        .size();
  }

  /**
   * The progress of {@code committed} ("topic/partition" -> offset, as {@link #commits} read them)
   * on every partition {@code topic} has now, committed or not.
   */
  public GroupProgress progress(String topic, Map<String, Long> committed) throws Exception {
    Map<Integer, Long> byPartition = new HashMap<>();
    committed.forEach(
        (key, offset) -> byPartition.put(PartitionKey.topicPartition(key).partition(), offset));
    return GroupProgress.of(GroupProgress.logEnds(admin(), topic, timeout), byPartition);
  }

  /**
   * How many messages of {@code topic} lie beyond {@code offsets} ("topic/partition" -> offset).
   */
  public long lag(String topic, Map<String, Long> offsets) throws Exception {
    return lagPerPartition(offsets).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Per partition, how many messages lie beyond {@code offsets} ("topic/partition" -> offset). */
  private Map<String, Long> lagPerPartition(Map<String, Long> offsets) throws Exception {
    Map<String, Map<Integer, Long>> logEnds = new HashMap<>();
    Map<String, Long> lag = new TreeMap<>();
    for (var entry : offsets.entrySet()) {
      TopicPartition partition = PartitionKey.topicPartition(entry.getKey());
      Map<Integer, Long> ends = logEnds.get(partition.topic());
      if (ends == null) {
        ends = GroupProgress.logEnds(admin(), partition.topic(), timeout);
        logEnds.put(partition.topic(), ends);
      }
      lag.put(
          entry.getKey(),
          GroupProgress.lag(ends.getOrDefault(partition.partition(), 0L), entry.getValue()));
    }
    return lag;
  }

  /**
   * The group's commits of {@code topic}: "topic/partition" -> offset, and -> the job that made the
   * commit (absent when unknown).
   */
  public record Commits(Map<String, Long> offsets, Map<String, String> jobs) {}

  /** The group's commits of {@code topic}, read once. */
  public Commits commits(String topic) throws Exception {
    Map<String, Long> offsets = new TreeMap<>();
    Map<String, String> jobs = new TreeMap<>();
    committed(admin())
        .forEach(
            (partition, offset) -> {
              if (partition.topic().equals(topic) && offset != null) {
                String key = PartitionKey.of(topic, partition.partition());
                offsets.put(key, offset.offset());
                String job = CommitNote.parse(offset.metadata()).job();
                if (job != null) {
                  jobs.put(key, job);
                }
              }
            });
    return new Commits(offsets, jobs);
  }

  /** The group's committed offsets of {@code topic}, "topic/partition" -> offset. */
  public Map<String, Long> committed(String topic) throws Exception {
    return commits(topic).offsets();
  }

  /**
   * Commits {@code offsets} ("topic/partition" -> next offset to read) for the group, each with a
   * {@link CommitNote} of its topic's id and the {@code committer}.
   */
  public void commit(Map<String, Long> offsets, Committer committer)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    for (var entry : offsets.entrySet()) {
      TopicPartition partition = PartitionKey.topicPartition(entry.getKey());
      commits.put(
          partition,
          new OffsetAndMetadata(
              entry.getValue(), CommitNote.of(topicId(partition.topic()), committer).text()));
    }
    admin()
        .alterConsumerGroupOffsets(group, commits)
        .all()
        .get(timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private String topicId(String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    return KafkaAdmin.topicId(kafka, topic, timeout);
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
    return admin
        .listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata()
        .get(timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(
      Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    return admin.listOffsets(request).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private long timeoutMillis() {
    return timeout.toMillis();
  }

  private Admin admin() {
    return KafkaAdmin.of(kafka, timeout);
  }
}
