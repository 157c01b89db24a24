#!/usr/bin/env bash
# bench/scale-out.sh W: one backlog of N ratings (default 200,000) drained by the pipeline on the
# standalone Spark cluster with W workers of one core each, against the three-node stack (start it
# first: bin/stack start --nodes 3; NODES=1 for the one-node stack); prints seconds until every row
# is written and until every offset is committed, the last progress line (read and written once
# each?) and each executor's read tasks and opened readers. Results: bench/results/2026-12-02-scale-out.md,
# 2026-12-08-executors.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${NODES:-3}" = 1 ]; then
  BS=127.0.0.1:29092; CH=127.0.0.1; RF=1
else
  BS=127.0.0.1:29092,127.0.0.2:29092,127.0.0.3:29092; CH=127.0.0.1,127.0.0.2,127.0.0.3; RF=3
fi
N=${N:-200000}
w=$1
tag=scale_w${w}_$(date +%H%M%S)
bin/stack stop spark >/dev/null 2>&1 || true
SPARK_WORKERS=$w SPARK_WORKER_CORES=1 SPARK_WORKER_MEMORY=2g bin/stack start spark 2>&1 | tail -1
java -jar query/target/movie-stream-query.jar topics --bootstrap-servers $BS --replication-factor $RF ${tag}:3 ${tag}_dlq:1:cleanup.policy=compact
java -jar query/target/movie-stream-query.jar schema --quiet --cassandra-hosts $CH --keyspace $tag --replication-factor $RF
java -jar producer/target/movie-stream-producer.jar --bootstrap-servers $BS --topic $tag --count $N > /tmp/$tag-producer.log 2>&1
start=$(date +%s)
bin/spark-submit --master spark://127.0.0.1:7077 --executor-memory 1g --driver-memory 2g \
  --class org.moviestream.pipeline.MovieRatingsPipeline pipeline/target/movie-stream-pipeline-spark-submit.jar \
  --bootstrapServers=$BS --cassandraHosts=$CH --topic=$tag --deadLetterTopic=${tag}_dlq --keyspace=$tag \
  --consumerGroup=$tag --startingOffsets=earliest --progressSeconds=2 > /tmp/$tag.log 2>&1 &
pid=$!
written=""; committed=""
while kill -0 $pid 2>/dev/null; do
  line="$(grep '^STATUS' /tmp/$tag.log | tail -1 || true)"
  now=$(( $(date +%s) - start ))
  [ -z "$written" ] && [[ "$line" == *"\"written\":$N,"* ]] && written=$now
  [ -z "$committed" ] && [[ "$line" == *"\"committed\":$N,"* ]] && committed=$now && break
  [ $now -gt 900 ] && break
  sleep 1
done
grep '^STATUS' /tmp/$tag.log | tail -1 || true
app=$(ls -t .stack/spark-worker-1/work | head -1)
for f in .stack/spark-worker-*/work/"$app"/*/stderr; do
  echo "$f: read tasks $(grep -c 'on reading' "$f"), readers opened $(grep -c 'opening a reader' "$f")"
done
kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
echo "RESULT workers=$w N=$N written_s=$written committed_s=$committed log=/tmp/$tag.log"
