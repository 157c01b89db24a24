package org.moviestream.pipeline.durability;

/**
 * What the pipeline writes beside each committed offset (Kafka's commit metadata): the topic's id,
 * so that a later run sees a topic deleted and re-created since; the job that committed, so that a
 * running job sees another deployment committing to its consumer group; and where that job wrote
 * its rows, so that a start sees offsets that describe another keyspace or cluster.
 */
record CommitNote(String topicId, String job, String target) {

  private static final String TOPIC_ID = "topicId=";
  private static final String JOB = " job=";
  private static final String TARGET = " target=";

  /** The note of a commit by {@code committer} of a topic whose id is {@code topicId}. */
  static CommitNote of(String topicId, Committer committer) {
    return new CommitNote(topicId, committer.job(), committer.target());
  }

  /**
   * "topicId=Q2x... job=movie-ratings-pipeline-root-1201213500-8f2c target=netflix@127.0.0.1:9042".
   */
  String text() {
    return TOPIC_ID + topicId + JOB + job + TARGET + target;
  }

  /**
   * The note in {@code metadata}, with null parts for a commit written without them (by another
   * tool or an older build).
   */
  static CommitNote parse(String metadata) {
    if (metadata == null || !metadata.startsWith(TOPIC_ID)) {
      return new CommitNote(null, null, null);
    }
    int job = metadata.indexOf(JOB);
    if (job < 0) {
      return new CommitNote(metadata.substring(TOPIC_ID.length()), null, null);
    }
    int target = metadata.indexOf(TARGET, job);
    return new CommitNote(
        metadata.substring(TOPIC_ID.length(), job),
        metadata.substring(job + JOB.length(), target < 0 ? metadata.length() : target),
        target < 0 ? null : metadata.substring(target + TARGET.length()));
  }
}
