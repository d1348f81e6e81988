#!/usr/bin/env bash
# Production-only start check: what the image ships (dist/, package.json, the lock, bin/) is installed with
# `npm ci --omit=dev` in a clean folder, the four services are started from there against the broker in
# KAFKA_BROKERS (the aggregator on a scratch PostgreSQL database), each must come up within its time limit, the
# five seed articles are sent through them with the CLI, and the CLI's audit must balance. A service that does not
# come up, or a package that is only in devDependencies, fails the check by name.
#
#   KAFKA_BROKERS=127.0.0.1:9092 bash scripts/prod-start-check.sh
#
# EVENTWIRE_TEST_DATABASE_URL names a database on the PostgreSQL server to use (default
# postgres://postgres@127.0.0.1:5432/test); a scratch database is created beside it and dropped at the end.
# PROD_CHECK_START_S (default 60) bounds each service's start, PROD_CHECK_STOP_S (default 20) its exit on SIGTERM.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"

: "${KAFKA_BROKERS:?KAFKA_BROKERS must name the broker the services start against}"
ADMIN_DATABASE_URL="${EVENTWIRE_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
START_S="${PROD_CHECK_START_S:-60}"
STOP_S="${PROD_CHECK_STOP_S:-20}"
SERVICES=(ingestor translator extractor aggregator)

fail() {
  echo "prod-start-check: FAILED: $*" >&2
  exit 1
}
elapsed() { echo "$(( SECONDS - started_at ))s"; }
started_at=$SECONDS

[ -f dist/apps/ingestor/src/main.js ] && [ -f dist/scripts/prod/check-runtime-imports.js ] || npm run build --silent

echo "== runtime imports"
node dist/scripts/prod/check-runtime-imports.js || fail "the built code loads a package that is not in dependencies (above)"

work="$(mktemp -d "${TMPDIR:-/tmp}/eventwire-prod.XXXXXX")"
declare -A pids=()
database=""
cleanup() {
  local status=$?
  for service in "${!pids[@]}"; do kill -KILL "${pids[$service]}" 2>/dev/null || true; done
  if [ -n "$database" ]; then
    (cd "$work" && ADMIN="$ADMIN_DATABASE_URL" DB="$database" node -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.env.ADMIN });
      c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.env.DB}" WITH (FORCE)`)).finally(() => c.end());
    ') || echo "prod-start-check: could not drop database $database" >&2
  fi
  if [ "$status" -ne 0 ]; then
    for log in "$work"/logs/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log")" >&2; tail -n 15 "$log" >&2; }
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== production install in $work"
# What the Dockerfile's final stage holds: the build, the manifest and lock, the CLI's launcher.
cp -R dist package.json package-lock.json bin "$work"/
mkdir -p "$work/logs" "$work/input"
cp seeds/*.txt "$work/input"/
(cd "$work" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error) || fail "npm ci --omit=dev"
for dev in jest typescript @nestjs/testing; do
  [ ! -e "$work/node_modules/$dev" ] || fail "$dev (a devDependency) was installed by npm ci --omit=dev"
done
echo "installed in $(elapsed)"

free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }
ingestor_port="$(free_port)"
aggregator_port="$(free_port)"
translator_port="$(free_port)"
extractor_port="$(free_port)"
prefix="prodcheck-$(date +%s)-$$-"
database="eventwire_prodcheck_$(date +%s)_$$"
database_url="$(ADMIN="$ADMIN_DATABASE_URL" DB="$database" node -e 'const u = new URL(process.env.ADMIN); u.pathname = "/" + process.env.DB; console.log(u.href)')"
(cd "$work" && ADMIN="$ADMIN_DATABASE_URL" DB="$database" node -e '
  const { Client } = require("pg");
  const c = new Client({ connectionString: process.env.ADMIN });
  c.connect().then(() => c.query(`CREATE DATABASE "${process.env.DB}"`)).finally(() => c.end());
') || fail "PostgreSQL at $ADMIN_DATABASE_URL: could not create database $database"

echo "== services (topic prefix $prefix)"
for service in "${SERVICES[@]}"; do
  env_args=(NODE_ENV=production KAFKA_BROKERS="$KAFKA_BROKERS" KAFKA_TOPIC_PREFIX="$prefix" LOG_LEVEL=log)
  case "$service" in
    ingestor) env_args+=(HTTP_PORT="$ingestor_port") ;;
    aggregator) env_args+=(HTTP_PORT="$aggregator_port" DATABASE_URL="$database_url" STORY_EMIT_INTERVAL_MS=200) ;;
    translator) env_args+=(TRANSLATOR_HTTP_PORT="$translator_port") ;;
    extractor) env_args+=(EXTRACTOR_HTTP_PORT="$extractor_port") ;;
  esac
  (cd "$work" && exec env "${env_args[@]}" node "dist/apps/$service/src/main.js") >"$work/logs/$service.log" 2>&1 &
  pids[$service]=$!
  disown "${pids[$service]}" # no job-control notices when cleanup kills it
done

# Up: ready (its consumer in its group, the broker reached) and serving its metrics.
port_of() {
  case "$1" in
    ingestor) echo "$ingestor_port" ;;
    aggregator) echo "$aggregator_port" ;;
    translator) echo "$translator_port" ;;
    extractor) echo "$extractor_port" ;;
  esac
}
is_up() {
  curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$(port_of "$1")/readyz" &&
    curl -fs --max-time 2 "http://127.0.0.1:$(port_of "$1")/metrics" | grep -q '^process_cpu_seconds_total'
}
for service in "${SERVICES[@]}"; do
  deadline=$(( SECONDS + START_S ))
  until is_up "$service"; do
    kill -0 "${pids[$service]}" 2>/dev/null || fail "$service exited during start-up (log below)"
    [ "$SECONDS" -lt "$deadline" ] || fail "$service did not come up within ${START_S}s"
    sleep 0.5
  done
  echo "$service: up ($(elapsed))"
done

echo "== CLI"
cli() { (cd "$work" && NODE_ENV=production node bin/eventwire.js "$@"); }
cli --help >/dev/null || fail "eventwire --help"
cli ingest input --url "http://127.0.0.1:$ingestor_port" >"$work/logs/cli-ingest.log" 2>&1 || fail "eventwire ingest (log below)"
echo "eventwire ingest: 5 seed articles sent ($(elapsed))"
cli audit --brokers "$KAFKA_BROKERS" --prefix "$prefix" --wait "$(( START_S * 1000 ))" >"$work/logs/cli-audit.log" 2>&1 \
  || fail "eventwire audit --wait: the seeds did not all reach a story through the four services (log below)"
grep -Eq 'in stories:\s+5\b' "$work/logs/cli-audit.log" || fail "eventwire audit: not 5 articles in stories (log below)"
cli audit --brokers "$KAFKA_BROKERS" --prefix "$prefix" --wait 0 >"$work/logs/cli-audit.log" 2>&1 \
  || fail "eventwire audit --wait 0 (log below)"
echo "eventwire audit: BALANCED, 5 in stories ($(elapsed))"
# The embedded pipeline (what `npm start` runs) from the same install: one story of the five seeds.
cli run input >"$work/logs/cli-run.log" 2>"$work/logs/cli-run-stderr.log" || fail "eventwire run (log below)"
grep -q '"numArticles":5,' "$work/logs/cli-run.log" || fail "eventwire run: no story of the five seeds (log below)"
echo "eventwire run: one story of the five seeds ($(elapsed))"

echo "== stop"
for service in "${SERVICES[@]}"; do kill -TERM "${pids[$service]}" 2>/dev/null || true; done
for service in "${SERVICES[@]}"; do
  deadline=$(( SECONDS + STOP_S ))
  while kill -0 "${pids[$service]}" 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$service still running ${STOP_S}s after SIGTERM"
    sleep 0.2
  done
  unset "pids[$service]"
  echo "$service: stopped"
done
echo "prod-start-check: OK, four services and the CLI from a production-only install in $(elapsed)"
