package org.moviestream.pipeline.options;

import org.apache.beam.runners.spark.SparkPipelineOptions;

/**
 * Every setting of the movie-ratings pipeline, composed of its parts. Spark's own (--sparkMaster,
 * --streaming, --batchIntervalMillis, --checkpointDir, --maxRecordsPerBatch, ...) come from {@link
 * SparkPipelineOptions}.
 */
public interface MovieRatingsOptions
    extends SparkPipelineOptions,
        KafkaReadOptions,
        CassandraWriteOptions,
        WindowingOptions,
        RunOptions {}
