#!/usr/bin/env python3
"""bench/rocksdb-log.py RUN_DIR_OR_LOG...: what RocksDB did during a bench run, from its own LOG.

throughput.sh keeps RocksDB's log in run-*/rocksdb-log/ (one file per RocksDB instance: one per
keyed operator and subtask). Its EVENT_LOG_v1 lines record every flush and compaction; this sums
them per instance: flushes by reason ("Get Live Files" is the flush an incremental checkpoint
forces, "Write Buffer Full" a full memtable), the bytes flushed, and per compaction output level
the bytes written and the compaction threads' CPU seconds. Write amplification here is (bytes
flushed + bytes compacted) / bytes flushed: how many times each flushed byte was written to disk.
"""
import collections
import json
import os
import sys


def logs(args):
    for a in args:
        if os.path.isdir(a):
            d = os.path.join(a, "rocksdb-log") if os.path.isdir(os.path.join(a, "rocksdb-log")) else a
            for f in sorted(os.listdir(d)):
                if f.endswith("LOG"):
                    yield os.path.join(d, f)
        else:
            yield a


def summarize(path):
    flushes = collections.Counter()
    flushed = 0
    compactions = 0
    written = collections.Counter()
    cpu = collections.Counter()
    first = last = None
    for line in open(path, errors="replace"):
        if "EVENT_LOG_v1" not in line:
            continue
        try:
            e = json.loads(line.split("EVENT_LOG_v1", 1)[1])
        except ValueError:
            continue  # a line cut by log rotation
        t = e.get("time_micros")
        if t:
            first = first or t
            last = t
        kind = e.get("event")
        if kind == "flush_started":
            flushes[e.get("flush_reason", "?")] += 1
            flushed += e.get("total_data_size", 0)
        elif kind == "compaction_finished":
            compactions += 1
            level = e.get("output_level")
            written[level] += e.get("total_output_size", 0)
            cpu[level] += e.get("compaction_time_cpu_micros", 0)
    name = os.path.basename(path)
    op = name.split("_op_", 1)[1].split("__", 1)[0] if "_op_" in name else name
    span = (last - first) / 1e6 if first else 0.0
    compacted = sum(written.values())
    print(f"{op}: {span:.0f} s of events")
    print(f"  flushes {sum(flushes.values())} ({', '.join(f'{k}: {v}' for k, v in flushes.most_common())}),"
          f" {flushed / 1e6:,.0f} MB flushed ({flushed / 1e6 / span if span else 0:.1f} MB/s)")
    print(f"  compactions {compactions}, {compacted / 1e6:,.0f} MB written, "
          f"{sum(cpu.values()) / 1e6:,.0f} CPU s"
          f" ({sum(cpu.values()) / 1e6 / span if span else 0:.2f} of a core)")
    for level in sorted(written):
        print(f"    to L{level}: {written[level] / 1e6:,.0f} MB, {cpu[level] / 1e6:,.0f} CPU s")
    if flushed:
        print(f"  write amplification {(flushed + compacted) / flushed:.1f}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in logs(sys.argv[1:]):
        summarize(path)


if __name__ == "__main__":
    main()
