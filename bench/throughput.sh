#!/usr/bin/env bash
# bench/throughput.sh SIZE PARALLELISM heap|rocksdb: the pipeline end to end over target/bench/cityN
# (generated first if missing) into a fresh embedded PostgreSQL; appends one line to
# target/bench/results.tsv. Extra JVM flags via JAVA_OPTS (default -Xmx4g plus a GC log).
# MONTHS=N replays a city of N months instead of 36 (bench/generate.sh; the size reads SIZE-Nm).
# MAX_EVENTS=N stops after the first N lines (the files are in time order: every enterprise's
# first months), for a city too large to replay whole; the result's size reads SIZE-firstN.
# PROFILE=low-latency runs with the low-latency settings (bench/common.sh); the size reads
# SIZE-low-latency. GC=parallel runs on the parallel collector; the size reads SIZE-parallelgc.
# MANAGED=4g gives Flink (RocksDB) 4 GB of managed memory instead of 512m; SIZE-managed4g.
# FLINK_OPTS="KEY=VALUE ..." with TAG=NAME sets Flink options for an experiment; SIZE-NAME.
# RocksDB's own log (with its compaction statistics every 10 minutes) is kept in rocksdb-log/.
source "$(dirname "$0")/common.sh"
size="${1:?usage: bench/throughput.sh SIZE PARALLELISM heap|rocksdb}"
parallelism="${2:?parallelism}"
backend="${3:?heap or rocksdb}"
"$root/bench/generate.sh" "$size"
work="$bench_dir/run-$(profile_label "$size")-p$parallelism-$backend"
rm -rf "$work" && mkdir -p "$work"
export JAVA_OPTS="${JAVA_OPTS:--Xmx4g} -Xlog:gc:file=$work/gc.log $(profile_opts "$work") $(gc_opts) $(managed_opts) $(flink_opts)"
bench_java io.seedbed.bench.ThroughputBench "$(city_dir "$size")" "$parallelism" "$backend" "$work" \
  "$results" "$(profile_label "$size")${MAX_EVENTS:+-first$MAX_EVENTS}" ${MAX_EVENTS:-} | tail -n 1
# The state and the database are large at 10^6: keep only the logs.
rm -rf "$work/pg" "$work/pg-bin" "$work/checkpoints" "$work/savepoints" "$work/rocksdb" "$work/changelog"
