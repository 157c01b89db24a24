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

# Spark's driver and UI listen on loopback unless told otherwise (its UI takes no other setting).
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

say() { echo "[$TAG] $*"; }
die() { echo "[$TAG] ERROR: $*" >&2; exit 1; }

# port_open PORT [HOST]: whether HOST (127.0.0.1 unless given) accepts connections on PORT.
port_open() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

# The stack's size: what `bin/stack start --nodes N` recorded, else 1. Node I of a cluster has its
# own loopback address, 127.0.0.I, and the usual ports (the way ccm runs Cassandra clusters).
stack_nodes() { cat "$STATE/nodes" 2>/dev/null || echo 1; }

# The contact lists every program is given: all nodes, so a client starts while any one is down.
bootstrap_servers() { contact_list ":$KAFKA_PORT"; }
cassandra_hosts() { contact_list ""; }
contact_list() {
  local i list=()
  for i in $(seq 1 "$(stack_nodes)"); do list+=("127.0.0.$i$1"); done
  (IFS=,; echo "${list[*]}")
}

# The secured stack (bin/stack start --secure): Kafka's SASL/SCRAM + TLS listener for the programs
# beside the stack's own (its administrator's login), and the client config files every program is
# then given.
KAFKA_SECURE_PORT=29094
SECURE_DIR="$STATE/secure"
KAFKA_CLIENT_CONFIG="$SECURE_DIR/kafka-client.properties"
CASSANDRA_CLIENT_CONFIG="$SECURE_DIR/cassandra-client.conf"
KAFKA_ADMIN=stack_admin
KAFKA_ADMIN_CONFIG="$SECURE_DIR/kafka-admin.properties"
stack_secure() { [ -f "$SECURE_DIR/on" ]; }

# The flags that point a tool (kebab-case) or the pipeline (camelCase) at the stack, secured or not,
# put into the array named by $1 (one element per flag: paths with spaces stay whole).
kafka_args() {
  local -n _flags=$1
  if stack_secure; then _flags=("--bootstrap-servers=127.0.0.1:$KAFKA_SECURE_PORT" "--kafka-config=$KAFKA_CLIENT_CONFIG")
  else _flags=("--bootstrap-servers=$(bootstrap_servers)"); fi
}
cassandra_args() {
  local -n _flags=$1
  _flags=("--cassandra-hosts=$(cassandra_hosts)")
  if stack_secure; then _flags+=("--cassandra-config=$CASSANDRA_CLIENT_CONFIG"); fi
}
pipeline_args() {
  local -n _flags=$1
  if stack_secure; then
    _flags=("--bootstrapServers=127.0.0.1:$KAFKA_SECURE_PORT" "--kafkaConfig=$KAFKA_CLIENT_CONFIG"
      "--cassandraHosts=$(cassandra_hosts)" "--cassandraConfig=$CASSANDRA_CLIENT_CONFIG")
  else
    _flags=("--bootstrapServers=$(bootstrap_servers)" "--cassandraHosts=$(cassandra_hosts)")
  fi
}

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

# usage SCRIPT: the script's leading comment block, without the "# ", as its --help.
usage() {
  sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$1"
}

# mvn_plain ARGS...: Maven in batch mode, without the colour codes Maven 3.8 prints even then.
mvn_plain() {
  mvn -B "$@" 2>&1 | sed -u $'s/\x1b\\[[0-9;]*m//g'
}

# build_jars: mvn install without tests, showing one line per module and each jar fetched.
build_jars() {
  say "building with Maven (the first build downloads Beam, Spark, Kafka and Cassandra clients)..."
  mvn_plain -f "$ROOT/pom.xml" install -DskipTests "$@" \
    | sed -u -n -E \
        -e 's/^\[INFO\] Building (movie-stream[^[]*[^ []) +\[([0-9]+\/[0-9]+)\]$/['"$TAG"'] module \2: \1/p' \
        -e 's#^(\[INFO\] )?Downloaded from [^:]+: .*/([^/]+\.jar) \(.*$#['"$TAG"']   fetched \2#p' \
        -e '/^\[ERROR\]/p' -e 's/^\[INFO\] (BUILD .*)$/['"$TAG"'] \1/p' \
    || die "the build failed (run mvn install -DskipTests to see all of it)"
}

# built MODULE JAR...: whether every JAR exists and is newer than every POM, source and resource
# of MODULE and of the libraries each application uses (common, cassandra), or of every module when
# MODULE is "". A jar older than a change would run the old code without a word.
built() {
  local module="$1" jar dirs; shift
  if [ -n "$module" ]; then dirs=("$ROOT/$module" "$ROOT/common" "$ROOT/cassandra"); else dirs=("$ROOT"/*/); fi
  for jar in "$@"; do
    [ -f "$jar" ] || return 1
    [ -z "$(find "$ROOT/pom.xml" "${dirs[@]}" -newer "$jar" -type f \( -name pom.xml -o -path '*/src/main/*' \) -print -quit 2>/dev/null)" ] \
      || return 1
  done
}

# ensure_built MODULE JAR...: builds MODULE (and what it needs; every module when MODULE is "")
# unless its jars are up to date. The jars are touched after the build: Maven leaves a jar whose
# classes did not change as it was, which would look stale again at the next call.
ensure_built() {
  local module="$1"; shift
  built "$module" "$@" && return 0
  build_jars ${module:+-pl "$module" -am} >&2
  touch "$@"
}
