#!/usr/bin/env bash
# A single-node Apache Kafka 3.9 broker (KRaft) from Maven Central jars, for
# development, tests and CI on machines without Docker.
#   scripts/kafka.sh fetch | start | stop [--wipe] | status | logs
# Settings: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_HEAP (768m),
# EVENTWIRE_KAFKA_HOME (<repo>/.kafka), KAFKA_SASL=1 adds a SASL/PLAIN listener
# on KAFKA_SASL_PORT (9094) for user eventwire / eventwire-secret.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HOME_DIR="${EVENTWIRE_KAFKA_HOME:-$REPO/.kafka}"
LIBS="$HOME_DIR/libs"
DATA="$HOME_DIR/data"
CONFIG="$HOME_DIR/server.properties"
LOG="$HOME_DIR/kafka.log"
PIDFILE="$HOME_DIR/kafka.pid"
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
SASL_PORT="${KAFKA_SASL_PORT:-9094}"
HEAP="${KAFKA_HEAP:-768m}"

log() { printf 'kafka.sh: %s\n' "$*" >&2; }

fetch() {
  if compgen -G "$LIBS/kafka_2.13-*.jar" >/dev/null; then return 0; fi
  mkdir -p "$LIBS"
  log "fetching broker jars from Maven Central into $LIBS"
  mvn -q -B -f "$REPO/infra/kafka/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$LIBS" -DincludeScope=runtime
}

pid_alive() {
  [[ -f "$PIDFILE" ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null
}

# A broker that accepts TCP may still be electing its controller: ask it for
# API versions, which needs a working broker, not just an open port.
answers() {
  timeout 20 java -Xmx128m -cp "$LIBS/*" -Dlog4j.configuration="file:$HOME_DIR/tools-log4j.properties" \
    kafka.admin.BrokerApiVersionsCommand --bootstrap-server "127.0.0.1:$PORT" >/dev/null 2>&1
}

write_config() {
  mkdir -p "$DATA"
  local listeners="PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT"
  local advertised="PLAINTEXT://127.0.0.1:$PORT"
  local protocols="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
  if [[ "${KAFKA_SASL:-0}" == "1" ]]; then
    listeners="$listeners,SASL_PLAINTEXT://127.0.0.1:$SASL_PORT"
    advertised="$advertised,SASL_PLAINTEXT://127.0.0.1:$SASL_PORT"
    protocols="$protocols,SASL_PLAINTEXT:SASL_PLAINTEXT"
  fi
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
log.segment.bytes=67108864
log.cleaner.dedupe.buffer.size=16777216
PROPS
  if [[ "${KAFKA_SASL:-0}" == "1" ]]; then
    cat >>"$CONFIG" <<PROPS
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_eventwire="eventwire-secret";
PROPS
  fi
  cat >"$HOME_DIR/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$LOG
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
PROPS
  printf 'log4j.rootLogger=ERROR, stderr\nlog4j.appender.stderr=org.apache.log4j.ConsoleAppender\nlog4j.appender.stderr.Target=System.err\nlog4j.appender.stderr.layout=org.apache.log4j.PatternLayout\n' \
    >"$HOME_DIR/tools-log4j.properties"
}

start() {
  fetch
  if pid_alive && answers; then
    log "already running on 127.0.0.1:$PORT"
    return 0
  fi
  write_config
  local cluster_id_file="$HOME_DIR/cluster.id"
  if [[ ! -s "$cluster_id_file" ]]; then
    java -cp "$LIBS/*" -Dlog4j.configuration="file:$HOME_DIR/tools-log4j.properties" \
      kafka.tools.StorageTool random-uuid >"$cluster_id_file"
  fi
  java -cp "$LIBS/*" -Dlog4j.configuration="file:$HOME_DIR/tools-log4j.properties" \
    kafka.tools.StorageTool format -t "$(cat "$cluster_id_file")" -c "$CONFIG" --ignore-formatted >/dev/null
  : >"$LOG"
  nohup java -Xms256m "-Xmx$HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$HOME_DIR/log4j.properties" \
    -cp "$LIBS/*" kafka.Kafka "$CONFIG" >>"$HOME_DIR/kafka.out" 2>&1 &
  echo $! >"$PIDFILE"
  local deadline=$((SECONDS + 90))
  until answers; do
    if ! pid_alive || ((SECONDS > deadline)); then
      log "broker did not come up; last lines of $LOG:"
      tail -n 50 "$LOG" >&2 || true
      tail -n 20 "$HOME_DIR/kafka.out" >&2 || true
      stop >/dev/null 2>&1 || true
      return 1
    fi
    sleep 1
  done
  log "running on 127.0.0.1:$PORT (pid $(cat "$PIDFILE"))"
}

stop() {
  if pid_alive; then
    local pid
    pid="$(cat "$PIDFILE")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL "$pid" 2>/dev/null || true
    log "stopped"
  fi
  rm -f "$PIDFILE"
  if [[ "${1:-}" == "--wipe" ]]; then
    rm -rf "$DATA" "$HOME_DIR/cluster.id"
    log "data wiped"
  fi
}

status() {
  if pid_alive && answers; then
    echo "running on 127.0.0.1:$PORT"
  else
    echo "not running"
    return 1
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) shift; stop "${1:-}" ;;
  status) status ;;
  logs) tail -n "${2:-100}" "$LOG" ;;
  *)
    echo "usage: $0 fetch | start | stop [--wipe] | status | logs [lines]" >&2
    exit 2
    ;;
esac
