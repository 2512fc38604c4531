#!/usr/bin/env bash
# The cluster index against supercluster 8 on the same 1,000,000 points, in one run:
# node and the index (examples/build_1m.rs) alternate, RUNS times each, and the medians and
# their ratio are printed. Needs Node and npm; the reference harness is copied to a temporary
# folder so the shared one stays untouched.
#
#   bash benches/compare_supercluster.sh [RUNS] [SHARED_BENCH_DIR] [lcg|ged]
#
# lcg (default): the points of shared/bench/supercluster/bench.mjs, timed by bench.mjs itself.
# ged: the points of the synthetic 1 M GED layer (layers::synthetic, as `mediation-atlas
# import` reads them: a few hundred towns, thousands of events each), written once by
# examples/index_ged and read by both sides (node through benches/supercluster_counts.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shared="${2:-../shared/bench/supercluster}"
dataset="${3:-lcg}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$shared/bench.mjs" "$shared/package.json" benches/supercluster_counts.mjs "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null)
cargo build --release --example build_1m --example index_ged >/dev/null 2>&1
rust=target/release/examples/build_1m
if [ "$dataset" = ged ]; then
    DUMP_POINTS="$work/ged.json" target/release/examples/index_ged 1000000 0 >/dev/null
    node_run() { (cd "$work" && node --expose-gc supercluster_counts.mjs time "file:$work/ged.json"); }
    rust_run() { "$rust" "file:$work/ged.json" 0 1; }
else
    node_run() { (cd "$work" && node --expose-gc bench.mjs 1000000); }
    rust_run() { "$rust" lcg 1000000 1; }
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
node_ms=(); rust_ms=()
for _ in $(seq "$runs"); do
    node_out="$(node_run)"; rust_out="$(rust_run)"
    node_ms+=("$(sed -E 's/.*"build_ms":([0-9.]+).*/\1/' <<<"$node_out")")
    rust_ms+=("$(sed -E 's/.*"build_ms":([0-9.]+).*/\1/' <<<"$rust_out")")
done
echo "supercluster: $node_out"
echo "cluster index: $rust_out"
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
n=$(median "${node_ms[@]}"); r=$(median "${rust_ms[@]}")
echo "supercluster build (ms): ${node_ms[*]} -> median $n"
echo "cluster index build (ms): ${rust_ms[*]} -> median $r"
awk -v n="$n" -v r="$r" 'BEGIN { printf "ratio: %.1fx\n", n / r }'
