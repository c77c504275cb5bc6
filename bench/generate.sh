#!/usr/bin/env bash
# bench/generate.sh SIZE: a synthetic city of SIZE enterprises (10k, 100k, 1m or a number) over the
# 36 months 2023-07..2026-06, seed 7, into target/bench/cityN (MONTHS=N: the N months from 2023-07,
# into target/bench/cityN-Nm). Reused when it is already there.
source "$(dirname "$0")/common.sh"
size="${1:?usage: bench/generate.sh 10k|100k|1m|N}"
n="$(enterprises "$size")"
out="$(city_dir "$size")"
if [ -f "$out/.complete" ]; then
  echo "reusing $out"; exit 0
fi
rm -rf "$out"
start=$(date +%s)
to="$(date -u -d "2023-07-01 + $(( $(months) - 1 )) months" +%Y-%m)"
"$root/bin/seedbed" generate --enterprises "$n" --from 2023-07 --to "$to" --seed 7 --out "$out"
touch "$out/.complete"
echo "generated $n enterprises into $out in $(( $(date +%s) - start )) s"
