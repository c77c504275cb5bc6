#!/usr/bin/env python3
"""bench/hotspots.py FILE.jfr: the hottest methods of a JFR recording (jdk.ExecutionSample).

Prints the share of samples per top frame (self time) and, for io.seedbed and a few Flink state
and serializer classes, the share of samples with the method anywhere on the stack (inclusive).
"""
import collections
import re
import subprocess
import sys

# jfr print shows 5 frames per stack unless told otherwise; Flink's task stacks are deeper.
out = subprocess.run(["jfr", "print", "--stack-depth", "128", "--events", "jdk.ExecutionSample", sys.argv[1]],
                     check=True, capture_output=True, text=True).stdout
top, incl, threads, n = collections.Counter(), collections.Counter(), collections.Counter(), 0
for event in out.split("jdk.ExecutionSample")[1:]:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", event, re.M)
    if not frames:
        continue
    n += 1
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    # Task threads are named after their operator chain: keep the chain's first words.
    threads[re.sub(r"\s*\(\d+/\d+\).*", "", thread.group(1))[:70] if thread else "?"] += 1
    top[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{n} samples")
print("threads:")
for t, c in threads.most_common(8):
    print(f"  {100 * c / n:5.1f}%  {t}")
print("self (top frame):")
for f, c in top.most_common(15):
    print(f"  {100 * c / n:5.1f}%  {f}")
print("inclusive (on the stack):")
interesting = ("io.seedbed", "CopyOnWriteStateMap", "PojoSerializer.serialize", "PojoSerializer.copy",
               "RocksDB", "JdbcWriter")
for f, c in incl.most_common():
    if any(k in f for k in interesting) and 100 * c / n >= 1.0:
        print(f"  {100 * c / n:5.1f}%  {f}")
