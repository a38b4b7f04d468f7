#!/usr/bin/env bash
# Signing throughput on one core: the core against the vendor's Node algorithm,
# same inputs, same run, checksums compared. Prints each round, then the
# median, min and max over the rounds of both rates and of the per-round
# ratio (target: >= 5x).
# Usage: scripts/bench/sign.sh [--smoke] [COUNT [ROUNDS]]
#   --smoke (or BENCH_SMOKE=1): 2,000 URLs, 1 round, the debug build.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shift "$bench_shift"
root=$bench_root
if [ "$smoke" = 1 ]; then count=${1:-2000}; rounds=${2:-1}; else count=${1:-200000}; rounds=${2:-5}; fi
command -v node >/dev/null || "$root/scripts/setup.sh"
cargo build --quiet --locked "${cargo_profile[@]}" --example sign_throughput --manifest-path "$root/Cargo.toml" -p embed-core
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
echo "machine: $(machine)"
for round in $(seq "$rounds"); do
  read -r _ rust rust_sum < <($pin "$target_dir/$profile/examples/sign_throughput" "$count")
  read -r _ node node_sum < <($pin node "$root/scripts/bench/sign_node.mjs" "$count")
  [ "$rust_sum" = "$node_sum" ] || { echo "checksums differ: rust $rust_sum, node $node_sum" >&2; exit 1; }
  echo "$rust" >> "$work/rust"; echo "$node" >> "$work/node"
  awk -v r="$rust" -v n="$node" 'BEGIN { print r / n }' >> "$work/ratio"
  echo "round $round: rust $rust URLs/s, node $node URLs/s, ratio $(tail -1 "$work/ratio" | xargs printf '%.2f')x"
done
ratio=$(fmt_spread '%.1fx' < "$work/ratio")
echo "ratio: $ratio (median, min to max of $rounds rounds; target >= 5x)"
if [ "$smoke" = 1 ]; then echo "(smoke mode: debug build, $count URLs; the figures mean nothing)"; fi
cell() { local m lo hi; read -r m lo hi < <(spread < "$work/$1"); echo "$(commas "$m") ($(commas "$lo")–$(commas "$hi"))"; }
read -r r_med r_lo r_hi < <(spread < "$work/ratio")
report ""
report "Signing: $(commas "$count") Sigma classic URLs per round on one core, $rounds round(s)$([ "$smoke" = 1 ] && echo ', smoke mode: debug build, figures meaningless'). Median (min–max) over the rounds; the ratio is taken per round."
report ""
report "| | URLs per second |"
report "| --- | --- |"
report "| Node $(node --version | sed 's/^v//;s/\..*//'), \`embed-api.js\` algorithm | $(cell node) |"
report "| \`embed-core\` | $(cell rust) |"
report "| ratio | **$(printf '%.1f' "$r_med")×** ($(printf '%.1f' "$r_lo")–$(printf '%.1f' "$r_hi")×; target ≥ 5×) |"
