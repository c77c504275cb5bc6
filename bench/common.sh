# Shared by the bench/ scripts: paths, the Java 17 opens Flink needs, the test classpath.
# shellcheck shell=bash
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_dir="$root/target/bench"
results="$bench_dir/results.tsv"
mkdir -p "$bench_dir"

# The module opens Flink needs on Java 17 (the same list as bin/seedbed).
opens=(
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

# Enterprises per size name: 10k, 100k, 1m (or a plain number).
enterprises() {
  case "$1" in
    10k) echo 10000 ;; 100k) echo 100000 ;; 1m) echo 1000000 ;;
    *[!0-9]*|'') echo "unknown size $1 (10k, 100k, 1m or a number)" >&2; exit 2 ;;
    *) echo "$1" ;;
  esac
}

# MONTHS=N: cities of N months from 2023-07 instead of the default 36 (2023-07..2026-06), in their
# own folder (cityN-12m) and under their own label (10k-12m): a like-for-like scaling comparison at
# 10^6, whose 36 months (134 M lines) take hours to replay here. Prints the months, checked.
months() {
  local m="${MONTHS:-36}"
  case "$m" in
    *[!0-9]*|''|0) echo "MONTHS must be a positive number of months, not '$m'" >&2; exit 2 ;;
  esac
  echo "$m"
}

# The suffix of a city's folder and label: nothing for the default 36 months, -12m for MONTHS=12.
months_suffix() {
  local m
  m="$(months)"
  [ "$m" = 36 ] || echo "-${m}m"
}

months >/dev/null # fail at once on a bad MONTHS, not inside a later $(...)

city_dir() { echo "$bench_dir/city$(enterprises "$1")$(months_suffix)"; }

# Compiles main and test classes once and writes the test classpath (no pom change needed).
bench_classpath() {
  if [ ! -f "$root/target/test-classpath.txt" ] || [ ! -d "$root/target/test-classes/io/seedbed/bench" ]; then
    (cd "$root" && mvn -B -ntp -q -DskipTests package test-compile dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt) >&2
  fi
  echo "$root/target/classes:$root/target/test-classes:$(cat "$root/target/test-classpath.txt")"
}

# Runs a bench main with the test classpath. JAVA_OPTS adds JVM flags (heap, GC log, JFR).
bench_java() {
  local cp
  cp="$(bench_classpath)"
  (cd "$root" && java ${JAVA_OPTS:--Xmx4g} "${opens[@]}" \
    -Dlog4j.configurationFile="${LOG4J_CONFIG:-config/log4j2.properties}" \
    -Dot.epg.working-dir="$bench_dir/embedded-pg" -cp "$cp" "$@")
}

# PROFILE=changelog: heap state with incremental checkpoints (see below).
# PROFILE=low-latency: the settings of a latency-sensitive deployment (jobs/engine.yaml, "Low
# latency"): checkpoints every 200 ms through the changelog state backend (each checkpoint uploads
# only the state changes since the last one), network buffers flushed after 10 ms at most.
# Prints the JVM options for a bench whose work folder is $1; nothing without a profile.
profile_opts() {
  case "${PROFILE:-}" in
    '') ;;
    low-latency)
      echo "-Dseedbed.bench.checkpointInterval=200ms" \
        "-Dseedbed.bench.flink.execution.buffer-timeout.interval=10ms" \
        "-Dseedbed.bench.flink.state.changelog.enabled=true" \
        "-Dseedbed.bench.flink.state.changelog.storage=filesystem" \
        "-Dseedbed.bench.flink.state.changelog.dstl.dfs.base-path=file://$1/changelog" ;;
    changelog)
      # Throughput at scale: the default 10 s checkpoints, but through the changelog state backend,
      # so a heap checkpoint uploads the changes since the last one, not the whole state; the
      # state is materialized (a full snapshot, in the background) every 3 minutes.
      echo "-Dseedbed.bench.flink.state.changelog.enabled=true" \
        "-Dseedbed.bench.flink.state.changelog.storage=filesystem" \
        "-Dseedbed.bench.flink.state.changelog.periodic-materialize.interval=3min" \
        "-Dseedbed.bench.flink.state.changelog.dstl.dfs.base-path=file://$1/changelog" ;;
    *) echo "unknown PROFILE $PROFILE (low-latency, changelog)" >&2; exit 2 ;;
  esac
}

# GC=parallel: the JVM's parallel collector instead of G1 (the default). Prints its flag.
gc_opts() {
  case "${GC:-}" in
    '' | g1) ;;
    parallel) echo "-XX:+UseParallelGC" ;;
    *) echo "unknown GC $GC (g1, parallel)" >&2; exit 2 ;;
  esac
}

# MANAGED=SIZE: Flink managed memory (what RocksDB's block cache and write buffers share) instead
# of the bench's 512m, e.g. MANAGED=4g; operations.md sizes it to the state. Prints its flag.
managed_opts() {
  case "${MANAGED:-}" in
    '') ;;
    [1-9]*[mg]) echo "-Dseedbed.bench.flink.taskmanager.memory.managed.size=$MANAGED" ;;
    *) echo "MANAGED must be a size like 2g or 768m, not '$MANAGED'" >&2; exit 2 ;;
  esac
}

managed_opts >/dev/null # as months above: a bad MANAGED fails here, not inside a later $(...)

# FLINK_OPTS="KEY=VALUE ...": any Flink options for an experiment, e.g. RocksDB tuning
# (FLINK_OPTS="state.backend.rocksdb.compaction.style=UNIVERSAL"). Needs TAG=NAME, which the
# results label carries (1m-12m-universal), so that a tuned run is never read as a default one.
# Prints the JVM options.
flink_opts() {
  [ -z "${FLINK_OPTS:-}" ] && return 0
  case "${TAG:-}" in
    '') echo "FLINK_OPTS needs TAG=NAME to label the results" >&2; exit 2 ;;
    *[!a-z0-9.-]*) echo "TAG must be lower-case letters, digits, dots and dashes, not '$TAG'" >&2; exit 2 ;;
  esac
  local kv
  for kv in $FLINK_OPTS; do
    case "$kv" in
      [a-z]*=?*) echo "-Dseedbed.bench.flink.$kv" ;;
      *) echo "FLINK_OPTS takes KEY=VALUE words, not '$kv'" >&2; exit 2 ;;
    esac
  done
}

flink_opts >/dev/null

# The results label of a size under the current months, profile, collector, managed memory and
# tag: 10k, 10k-12m, 10k-low-latency, 10k-parallelgc, 1m-12m-managed4g, 1m-12m-universal.
profile_label() {
  local gc="${GC:-}"
  [ "$gc" = g1 ] && gc=
  echo "$1$(months_suffix)${PROFILE:+-$PROFILE}${gc:+-${gc}gc}${MANAGED:+-managed$MANAGED}${TAG:+-$TAG}"
}
