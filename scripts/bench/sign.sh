#!/usr/bin/env bash
# Signing throughput on one core: the core against the vendor's Node algorithm,
# same inputs, same run. Prints both rates and the ratio (target: >= 5x).
# Usage: scripts/bench/sign.sh [COUNT]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-200000}
cargo build --quiet --release --example sign_throughput --manifest-path "$root/Cargo.toml" -p embed-core
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
best_rust=0; best_node=0
for round in 1 2 3; do
  read -r _ rust rust_sum < <($pin "$root/target/release/examples/sign_throughput" "$count")
  read -r _ node node_sum < <($pin node "$root/scripts/bench/sign_node.mjs" "$count")
  [ "$rust_sum" = "$node_sum" ] || { echo "checksums differ: rust $rust_sum, node $node_sum" >&2; exit 1; }
  [ "$rust" -gt "$best_rust" ] && best_rust=$rust
  [ "$node" -gt "$best_node" ] && best_node=$node
  echo "round $round: rust $rust URLs/s, node $node URLs/s"
done
ratio=$(awk -v r="$best_rust" -v n="$best_node" 'BEGIN { printf "%.1f", r / n }')
echo "best of 3: rust $best_rust URLs/s, node (embed-api.js algorithm) $best_node URLs/s, ratio ${ratio}x (target >= 5x)"
