package org.moviestream.pipeline.durability;

/**
 * What the pipeline writes beside each committed offset (Kafka's commit metadata): the topic's id,
 * so that a later run sees a topic deleted and re-created since, and the job that committed, so
 * that a running job sees another deployment committing to its consumer group.
 */
record CommitNote(String topicId, String job) {

  private static final String TOPIC_ID = "topicId=";
  private static final String JOB = " job=";

  /** "topicId=Q2x... job=movie-ratings-pipeline-root-1201213500-8f2c". */
  String text() {
    return TOPIC_ID + topicId + JOB + job;
  }

  /**
   * The note in {@code metadata}, with null parts for a commit written without one (by another tool
   * or an older build).
   */
  static CommitNote parse(String metadata) {
    if (metadata == null || !metadata.startsWith(TOPIC_ID)) {
      return new CommitNote(null, null);
    }
    int job = metadata.indexOf(JOB);
    return job < 0
        ? new CommitNote(metadata.substring(TOPIC_ID.length()), null)
        : new CommitNote(
            metadata.substring(TOPIC_ID.length(), job), metadata.substring(job + JOB.length()));
  }
}
