# Sourced by the bin/ scripts: locations, the JDK and small helpers shared by all of them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
mkdir -p "$LOGS"

die() { echo "error: $*" >&2; exit 1; }
say() { echo "==> $*"; }

# JDK 25 or newer: JAVA_HOME when set, else the newest JDK under /usr/lib/jvm.
pick_java() {
  if [ -z "${JAVA_HOME:-}" ]; then
    local best="" best_v=0 d v
    for d in /usr/lib/jvm/*/; do
      [ -x "$d/bin/javac" ] || continue
      v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
      v=${v#1.}
      if [ -n "$v" ] && [ "$v" -gt "$best_v" ] 2>/dev/null; then best_v=$v; best=${d%/}; fi
    done
    [ -n "$best" ] || die "no JDK found under /usr/lib/jvm; install Temurin 25 and set JAVA_HOME"
    JAVA_HOME=$best
  fi
  local v
  v=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  v=${v#1.}
  [ "${v:-0}" -ge 25 ] 2>/dev/null || die "JDK at $JAVA_HOME is version ${v:-unknown}; Job Success needs JDK 25 or newer (set JAVA_HOME)"
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Wait until a TCP port on 127.0.0.1 accepts, or give up after $2 seconds.
wait_port() {
  local port=$1 secs=$2 i
  for ((i = 0; i < secs * 5; i++)); do
    (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

SERVICES="contract-service feedback-service score-service"
# The broker's JVM as Kafka's own start scripts set it (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS). A smaller heap
# than its working set keeps G1 in mixed collections and remarks of 15-45 ms, which every consumer then waits out.
KAFKA_JVM_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent"
RUN="$LOCAL/run"
mkdir -p "$RUN"

# The local broker (bin/infra): its ports can be moved, e.g. for a second checkout beside a running one.
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DIR="$LOCAL/kafka"
# Dev-only SASL/SCRAM credentials bin/infra generates once (random, mode 600, never committed): the admin principal and
# one principal per service. Sourced by bin/up, bin/test and bin/bench.
KAFKA_CREDENTIALS="$KAFKA_DIR/credentials.env"

# Exports the dev credentials (KAFKA_ADMIN_PASSWORD, KAFKA_<SERVICE>_PASSWORD, ...) and KAFKA_BOOTSTRAP_SERVERS.
kafka_credentials() {
  [ -f "$KAFKA_CREDENTIALS" ] || die "$KAFKA_CREDENTIALS is missing: bin/infra up generates it"
  set -a
  # shellcheck disable=SC1090
  . "$KAFKA_CREDENTIALS"
  set +a
  export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT"
}

# The password variable of a service's principal: contract-service -> KAFKA_CONTRACT_SERVICE_PASSWORD.
kafka_password_var() {
  local v=${1//-/_}
  echo "KAFKA_${v^^}_PASSWORD"
}

service_port() {
  case "$1" in
    contract-service) echo 8081 ;;
    feedback-service) echo 8082 ;;
    score-service) echo 8083 ;;
  esac
}

service_db() { echo "${1%-service}"; }

service_pid() {
  local pid
  [ -f "$RUN/$1.pid" ] && pid=$(cat "$RUN/$1.pid") && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# How every service's JVM runs, here and in the image (infra/docker/Dockerfile): config/jvm.options, then the service's
# own choices (config/<service>.jvm.options: its compiler, and its heap where it differs), and glibc's malloc limited to two arenas (one per thread by
# default: tens of MB of resident memory that Java never uses) with a fixed mmap threshold of 128 KB: by default glibc
# raises it to the size of each large block freed (the multi-MB buffers of the Kafka clients and the compiler's arenas),
# after which such blocks come from the arenas and stay resident once freed (bin/bench pipeline throughput, four rounds
# each: 244-247 MB after the load against 247-256 MB).
# service_java_opts <service>: sets SERVICE_JAVA_OPTS to that service's JVM options.
service_java_opts() { SERVICE_JAVA_OPTS=("@$ROOT/config/jvm.options" "@$ROOT/config/$1.jvm.options"); }
SERVICE_JVM_ENV=(MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072)

# The resident memory of a process in MB.
rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' /proc/"$1"/status) / 1024 )); }

# A demo on this machine (bin/up, bin/bench): the committed dev key pair (bin/token signs with its private half), its
# issuer and audience. JOBSUCCESS_DEMO=true tells the services so; without it a production start refuses the dev key,
# an adjustable clock and a missing issuer or audience (ProductionSafety).
DEMO_ENV=(JOBSUCCESS_DEMO=true JWT_ISSUER=jobsuccess-dev JWT_AUDIENCE=jobsuccess
  "JWT_PUBLIC_KEY_LOCATION=file:$ROOT/config/dev-jwt/publicKey.pem")
