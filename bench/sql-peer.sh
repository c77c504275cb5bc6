#!/usr/bin/env bash
# bench/sql-peer.sh SIZE [SEEDBED_EVENTS_PER_S]: loads target/bench/cityN into a fresh embedded
# PostgreSQL, times one full SQL recompute of the srdi and gazelle verdicts (bench/sql/peer.sql) and
# divides it by the time Seedbed takes to absorb one month of the same city. Seedbed's rate defaults
# to the latest parallelism-1 heap line for SIZE in target/bench/results.tsv (bench/throughput.sh),
# or the latest RocksDB one when there is no heap line:
# its warm rate (the second half of the replay, when the state holds 18 or more months, as a running
# job's does when the next month arrives), or the whole run's rate for a line without one.
# Appends one line to target/bench/sql-peer.tsv.
source "$(dirname "$0")/common.sh"
size="${1:?usage: bench/sql-peer.sh SIZE [SEEDBED_EVENTS_PER_S]}"
rate="${2:-}"
if [ -z "$rate" ]; then
  # Heap state when measured; else RocksDB (heap state at 10^6 does not fit a small machine).
  rate=$(awk -F'\t' -v s="$size$(months_suffix)" '$2 == s && $3 == 1 && $4 == "heap" { r = ($18 != "" ? $18 : $8) } END { print r }' "$results" 2>/dev/null || true)
  [ -n "$rate" ] || rate=$(awk -F'\t' -v s="$size$(months_suffix)" '$2 == s && $3 == 1 && $4 == "rocksdb" { r = ($18 != "" ? $18 : $8) } END { print r }' "$results" 2>/dev/null || true)
  [ -n "$rate" ] || { echo "no throughput result for $size yet: run ${MONTHS:+MONTHS=$MONTHS }bench/throughput.sh $size 1 heap (or rocksdb) first" >&2; exit 2; }
fi
"$root/bench/generate.sh" "$size"
work="$bench_dir/sql-peer-$size$(months_suffix)"
rm -rf "$work" && mkdir -p "$work"
# The generated cities cover 36 months, or MONTHS (bench/generate.sh).
bench_java io.seedbed.bench.SqlPeerBench "$(city_dir "$size")" "$(months)" "$rate" "$work" "$bench_dir/sql-peer.tsv" \
  "$size$(months_suffix)" | tail -n 1
rm -rf "$work/pg" "$work/pg-bin"
