# bin/lib.sh: what bin/stack, bin/up, bin/query, bin/view and bin/bench share. Sourced, not run; the sourcing
# script sets TAG (its name in messages) first.
# The defaults agree with common/src/main/java/org/moviestream/contract/Defaults.java.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${MOVIE_STREAM_STACK_DIR:-$ROOT/.stack}"
KAFKA_PORT=29092
CASSANDRA_PORT=9042
VIEW_PORT="${VIEW_PORT:-8088}"
RATINGS_TOPIC=movies_ratings
DEAD_LETTER_TOPIC=movies_ratings_dlq
DEFAULT_OWNER="Stelios Giagkos"

say() { echo "[$TAG] $*"; }
die() { echo "[$TAG] ERROR: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_of NAME: the pid in $STATE/NAME/pid if that process is alive.
pid_of() {
  local pidfile="$STATE/$1/pid"
  [ -f "$pidfile" ] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

running() { pid_of "$1" >/dev/null; }

# stop_process NAME GRACE: SIGTERM, then SIGKILL if it is still alive after GRACE seconds.
stop_process() {
  local name="$1" grace="$2" pid waited=0
  pid="$(pid_of "$name")" || { say "$name not running"; rm -f "$STATE/$name/pid"; return 0; }
  say "stopping $name (pid $pid)..."
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$grace" ]; then
      say "$name did not stop within ${grace}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1; waited=$((waited + 1))
  done
  rm -f "$STATE/$name/pid"
}

# build_jars: mvn install without tests, showing one line per module and each jar fetched.
build_jars() {
  say "building with Maven (the first build downloads Beam, Spark, Kafka and Cassandra clients)..."
  mvn -B -f "$ROOT/pom.xml" install -DskipTests "$@" 2>&1 \
    | sed -u -n -E \
        -e 's/^\[INFO\] Building (movie-stream[^[]*[^ []) +\[([0-9]+\/[0-9]+)\]$/['"$TAG"'] module \2: \1/p' \
        -e 's#^Downloaded from [^:]+: .*/([^/]+\.jar) \(.*$#['"$TAG"']   fetched \1#p' \
        -e '/^\[ERROR\]/p' -e 's/^\[INFO\] (BUILD .*)$/['"$TAG"'] \1/p' \
    || die "the build failed (run mvn install -DskipTests to see all of it)"
}
