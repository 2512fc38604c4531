#!/usr/bin/env bash
# The cluster index against supercluster 8 on the same 1,000,000 points, in one run:
# node (shared/bench/supercluster/bench.mjs) and the index (examples/build_1m.rs) alternate,
# RUNS times each, and the medians and their ratio are printed. Needs Node and npm; the
# reference harness is copied to a temporary folder so the shared one stays untouched.
#
#   bash benches/compare_supercluster.sh [RUNS] [SHARED_BENCH_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shared="${2:-../shared/bench/supercluster}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$shared/bench.mjs" "$shared/package.json" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null)
cargo build --release --example build_1m >/dev/null 2>&1
rust=target/release/examples/build_1m
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
node_ms=(); rust_ms=()
for _ in $(seq "$runs"); do
    node_ms+=("$(cd "$work" && node --expose-gc bench.mjs 1000000 | sed -E 's/.*"build_ms":([0-9.]+).*/\1/')")
    rust_ms+=("$("$rust" lcg 1000000 1 | sed -E 's/.*"build_ms":([0-9.]+).*/\1/')")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
n=$(median "${node_ms[@]}"); r=$(median "${rust_ms[@]}")
echo "supercluster build (ms): ${node_ms[*]} -> median $n"
echo "cluster index build (ms): ${rust_ms[*]} -> median $r"
awk -v n="$n" -v r="$r" 'BEGIN { printf "ratio: %.1fx\n", n / r }'
