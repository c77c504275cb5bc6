#!/usr/bin/env bash
# bench/latency.sh [SIZE] [PARALLELISM] [SECONDS] [EVENTS_PER_S]: feeds records of target/bench/cityN
# at a fixed rate for SECONDS (default 90) and reports pool_change latency (source to the row in
# PostgreSQL), p50/p99. The rate defaults to half the latest heap throughput measured for SIZE and
# PARALLELISM by bench/throughput.sh (under the same PROFILE). Appends one line to
# target/bench/latency.tsv. PROFILE=low-latency: the low-latency settings (bench/common.sh).
source "$(dirname "$0")/common.sh"
size="${1:-10k}"
parallelism="${2:-1}"
seconds="${3:-90}"
rate="${4:-}"
if [ -z "$rate" ]; then
  max=$(awk -F'\t' -v s="$(profile_label "$size")" -v p="$parallelism" '$2 == s && $3 == p && $4 == "heap" { r = $8 } END { print r }' "$results" 2>/dev/null || true)
  [ -n "$max" ] || { echo "no throughput result for $size p$parallelism heap: run bench/throughput.sh first" >&2; exit 2; }
  rate=$(( max / 2 ))
fi
"$root/bench/generate.sh" "$size"
work="$bench_dir/latency-$(profile_label "$size")-p$parallelism"
rm -rf "$work" && mkdir -p "$work"
export JAVA_OPTS="${JAVA_OPTS:--Xmx4g} $(profile_opts "$work") $(gc_opts) $(managed_opts) $(flink_opts)"
bench_java io.seedbed.bench.LatencyBench "$(city_dir "$size")" "$parallelism" "$rate" "$seconds" "$work" \
  "$bench_dir/latency.tsv" "$(profile_label "$size")" | tail -n 1
rm -rf "$work/pg" "$work/pg-bin" "$work/checkpoints" "$work/changelog"
