#!/usr/bin/env bash
# A single-node Apache Kafka 3.9 broker (KRaft, no ZooKeeper) built from Maven
# Central jars, for development, tests and CI on machines without Docker.
#
#   scripts/kafka.sh fetch | start | stop [--wipe] | status | logs [-f|LINES]
#
# Settings (environment):
#   EVENTWIRE_KAFKA_HOME   state dir: libs/, data/, configs, log, pid (<repo>/.kafka)
#   EVENTWIRE_KAFKA_LIBS   broker jars, when shared with another state dir (<home>/libs)
#   KAFKA_PORT             PLAINTEXT client listener (9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller listener (9093)
#   KAFKA_HEAP             broker -Xmx (768m)
#   KAFKA_SASL=1           also open a SASL_PLAINTEXT listener, mechanism PLAIN,
#   KAFKA_SASL_PORT        on this port (9094), user eventwire / eventwire-secret;
#                          clients can use $EVENTWIRE_KAFKA_HOME/sasl-client.properties
# Everything listens on 127.0.0.1 only. Java 17 and Maven are the only needs;
# nothing is downloaded except by Maven.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${EVENTWIRE_KAFKA_HOME:-$REPO/.kafka}"
mkdir -p "$HOME_DIR"
# log4j wants a file: URL, so the state dir must be absolute.
HOME_DIR="$(cd "$HOME_DIR" && pwd)"
LIBS="${EVENTWIRE_KAFKA_LIBS:-$HOME_DIR/libs}"
DATA="$HOME_DIR/data"
CONFIG="$HOME_DIR/server.properties"
LOG="$HOME_DIR/kafka.log"
PIDFILE="$HOME_DIR/kafka.pid"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
SASL="${KAFKA_SASL:-0}"
SASL_PORT="${KAFKA_SASL_PORT:-9094}"
HEAP="${KAFKA_HEAP:-768m}"
READY_TIMEOUT=60

SASL_USER=eventwire
SASL_PASSWORD=eventwire-secret

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# Admin JVMs live for a second or two: a small heap, the serial collector and
# the C1 compiler only trim the start-up cost paid on every readiness probe.
TOOL_OPTS=(-Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
  "-Dlog4j.configuration=file:$HOME_DIR/tools-log4j.properties" -cp "$LIBS/*")
tool() { java "${TOOL_OPTS[@]}" "$@"; }

fetch() {
  # The jars are copied into a scratch dir and renamed into place at the end,
  # so an interrupted fetch never leaves a libs/ that looks complete.
  if compgen -G "$LIBS/kafka_2.13-*.jar" >/dev/null; then return 0; fi
  command -v mvn >/dev/null || die "mvn not found: Maven is needed to fetch the broker jars"
  local tmp="$LIBS.partial"
  rm -rf "$tmp"
  log "fetching broker jars from Maven Central into $LIBS"
  # Maven's -q still emits colour resets on stdout; its output matters only
  # when it fails.
  local out
  if ! out="$(mvn -q -B -f "$REPO/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime 2>&1)"; then
    printf '%s\n' "$out" >&2
    rm -rf "$tmp"
    die "maven could not fetch the broker jars"
  fi
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
}

# kill -0 alone is fooled by a killed process its parent has not reaped yet.
running() { [[ "$(ps -p "$1" -o stat= 2>/dev/null)" =~ ^[^Z] ]]; }

# A stale pid file may name a pid the OS has since handed to another program,
# so the command line must still be this state dir's broker.
pid_alive() {
  [[ -s "$PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$PIDFILE")"
  running "$pid" && [[ "$(ps -p "$pid" -o args= 2>/dev/null)" == *"kafka.Kafka $CONFIG"* ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# An open port is not a working broker: during start-up the socket accepts
# before the KRaft controller has elected itself and the broker has
# registered. BrokerApiVersionsCommand sends a METADATA request and then
# ApiVersions to every broker listed, so it succeeds only once the broker
# serves clients. It fails in under a second when nothing listens; timeout
# covers a socket that accepts but never answers.
answers() {
  timeout 20 java "${TOOL_OPTS[@]}" kafka.admin.BrokerApiVersionsCommand "$@" >/dev/null 2>&1
}
plaintext_answers() { answers --bootstrap-server "127.0.0.1:$PORT"; }
sasl_answers() {
  answers --bootstrap-server "127.0.0.1:$SASL_PORT" --command-config "$HOME_DIR/sasl-client.properties"
}

write_config() {
  local listeners="PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT"
  local advertised="PLAINTEXT://127.0.0.1:$PORT"
  local protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  if [[ "$SASL" == "1" ]]; then
    listeners="$listeners,SASL_PLAINTEXT://127.0.0.1:$SASL_PORT"
    advertised="$advertised,SASL_PLAINTEXT://127.0.0.1:$SASL_PORT"
    protocols="$protocols,SASL_PLAINTEXT:SASL_PLAINTEXT"
  fi
  # Replication settings are all 1 because there is one node; fewer internal
  # partitions and no rebalance delay keep start-up and consumer joins fast;
  # auto-creation is off so a topic name typo fails instead of passing.
  cat >"$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=$listeners
advertised.listeners=$advertised
listener.security.protocol.map=$protocols
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$DATA
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=24
log.segment.bytes=16777216
log.cleaner.dedupe.buffer.size=16777216
PROPS
  # The credentials live on the SASL listener only: inter-broker and
  # controller traffic stay PLAINTEXT, so no broker-side login is needed.
  if [[ "$SASL" == "1" ]]; then
    cat >>"$CONFIG" <<PROPS
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_$SASL_USER="$SASL_PASSWORD";
PROPS
    cat >"$HOME_DIR/sasl-client.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$SASL_USER" password="$SASL_PASSWORD";
PROPS
  fi
  # Per-request, per-partition and controller state logs drown the start-up
  # and error lines that matter when a test fails, so they stay at WARN.
  cat >"$HOME_DIR/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$LOG
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel\$=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.controller=WARN
log4j.logger.kafka.log=WARN
log4j.logger.kafka.cluster=WARN
log4j.logger.kafka.server.ReplicaFetcherManager=WARN
log4j.logger.kafka.server.DelayedOperationPurgatory\$ExpiredOperationReaper=WARN
log4j.logger.kafka.server.ClientQuotaManager\$ThrottledChannelReaper=WARN
log4j.logger.kafka.server.ReplicaAlterLogDirsManager=WARN
log4j.logger.org.apache.kafka.storage.internals.log=WARN
log4j.logger.org.apache.kafka.image.loader=WARN
log4j.logger.org.apache.kafka.metadata.migration=WARN
PROPS
  cat >"$HOME_DIR/tools-log4j.properties" <<'PROPS'
log4j.rootLogger=ERROR, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=%p %m (%c)%n
PROPS
}

format_storage() {
  # A formatted log dir already carries its cluster id; skipping the tool
  # saves a JVM start on every restart.
  [[ -f "$DATA/meta.properties" ]] && return 0
  mkdir -p "$DATA"
  local id_file="$HOME_DIR/cluster.id"
  [[ -s "$id_file" ]] || tool kafka.tools.StorageTool random-uuid >"$id_file"
  tool kafka.tools.StorageTool format -t "$(cat "$id_file")" -c "$CONFIG" --ignore-formatted >/dev/null
}

fail_start() {
  log "broker did not come up on 127.0.0.1:$PORT; last lines of $LOG:"
  tail -n 50 "$LOG" >&2 || true
  stop_broker >/dev/null 2>&1 || true
  exit 1
}

wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT))
  until plaintext_answers; do
    pid_alive || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
  # Proves the JAAS config: a wrong one lets the broker start but rejects
  # every SASL client.
  if [[ "$SASL" == "1" ]] && ! sasl_answers; then
    log "the SASL_PLAINTEXT listener on 127.0.0.1:$SASL_PORT did not accept $SASL_USER"
    return 1
  fi
}

start() {
  command -v java >/dev/null || die "java not found: Java 17 is needed"
  fetch
  if pid_alive; then
    # Either it is up (a no-op) or an interrupted start left it booting:
    # launching a second broker would only fail on the data dir lock. It is
    # left alone on failure, since its settings may simply differ from ours
    # (say, started without KAFKA_SASL=1).
    wait_ready || die "broker pid $(cat "$PIDFILE") runs but is not ready as configured; 'stop' it first (log: $LOG)"
    log "already running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
    return 0
  fi
  local p
  for p in "$PORT" "$CONTROLLER_PORT" $([[ "$SASL" == "1" ]] && echo "$SASL_PORT"); do
    port_open "$p" && die "127.0.0.1:$p is already in use by another process (not the broker of $HOME_DIR)"
  done
  write_config
  format_storage
  : >"$LOG"
  # stdout/stderr go to the same log so a JVM that dies before log4j is up
  # (bad flag, no memory) still leaves its reason where fail_start looks.
  # setsid keeps the broker out of the caller's process group, so a test
  # runner or CI step that kills its group on exit does not take it along;
  # 9>&- keeps it from inheriting (and holding forever) this script's lock.
  nohup setsid java -Xms256m "-Xmx$HEAP" -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$HOME_DIR/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$CONFIG" >>"$LOG" 2>&1 </dev/null 9>&- &
  echo $! >"$PIDFILE"
  wait_ready || fail_start
  log "running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))$([[ "$SASL" == "1" ]] && echo ", SASL_PLAINTEXT on 127.0.0.1:$SASL_PORT")"
}

stop_broker() {
  if pid_alive; then
    local pid
    pid="$(cat "$PIDFILE")"
    # SIGTERM lets the broker flush and write a clean-shutdown marker, which
    # spares the next start a log recovery.
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 60; i++)); do
      running "$pid" || break
      sleep 0.5
    done
    if running "$pid"; then
      log "no exit 30 s after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      # The ports and the data dir lock are free only once it is gone.
      for ((i = 0; i < 20; i++)); do
        running "$pid" || break
        sleep 0.25
      done
    fi
    log "stopped"
  else
    log "not running"
  fi
  rm -f "$PIDFILE"
}

stop() {
  case "${1:-}" in
    "") stop_broker ;;
    --wipe)
      stop_broker
      rm -rf "$DATA"
      log "data wiped ($DATA)"
      ;;
    *) die "stop takes only --wipe, not $1" ;;
  esac
}

status() {
  if pid_alive && plaintext_answers; then
    echo "running on 127.0.0.1:$PORT"
  else
    echo "not running"
    return 1
  fi
}

logs() {
  [[ -f "$LOG" ]] || die "no log yet at $LOG"
  if [[ "${1:-}" == "-f" ]]; then
    tail -n 100 -f "$LOG"
  else
    tail -n "${1:-100}" "$LOG"
  fi
}

# fetch, start and stop touch the same files; a second caller (parallel test
# runners, a CI retry) waits for the first instead of racing it.
locked() {
  exec 9>"$HOME_DIR/kafka.sh.lock"
  flock 9
  "$@"
}

case "${1:-}" in
  fetch) locked fetch ;;
  start) locked start ;;
  stop) locked stop "${2:-}" ;;
  status) status ;;
  logs) logs "${2:-}" ;;
  *)
    echo "usage: $0 fetch | start | stop [--wipe] | status | logs [-f|LINES]" >&2
    exit 2
    ;;
esac
