package org.moviestream.pipeline.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two deployments sharing a consumer group overwrite each other's offsets: once this job has
 * committed a partition, a commit there by another job is said, once per partition.
 */
final class SharedGroup {

  private final String group;
  private final String job;
  private final Set<String> ownCommits = new HashSet<>();
  private final Set<String> said = new HashSet<>();

  SharedGroup(String group, String job) {
    this.group = group;
    this.job = job;
  }

  /**
   * @param committedBy "topic/partition" -> the job whose commit it holds now
   * @return the lines to say this time
   */
  List<String> observe(Map<String, String> committedBy) {
    List<String> lines = new ArrayList<>();
    committedBy.forEach(
        (partition, by) -> {
          if (by.equals(job)) {
            ownCommits.add(partition);
          } else if (ownCommits.contains(partition) && said.add(partition)) {
            lines.add(
                "ANOTHER JOB: "
                    + partition
                    + " of consumer group "
                    + group
                    + " was committed by job "
                    + by
                    + ", not by this one ("
                    + job
                    + "): two deployments share the group and overwrite each"
                    + " other's offsets; give each its own --consumerGroup");
          }
        });
    return lines;
  }
}
