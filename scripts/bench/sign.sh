#!/usr/bin/env bash
# Signing throughput on one core: the core against the vendor's Node algorithm,
# same inputs, same run, checksums compared. Prints each round, then the
# median, min and max over the rounds of both rates and of the per-round
# ratio (target: >= 5x).
# Usage: scripts/bench/sign.sh [--smoke] [--against REV] [COUNT [ROUNDS]]
#   --smoke (or BENCH_SMOKE=1): 2,000 URLs, 1 round, the debug build.
#   --against REV: also builds the same bench from git revision REV (in a
#   temporary worktree) and runs it in every round beside this one, to show
#   that a change costs nothing: the ratio this/REV per round (target >= 0.95).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shift "$bench_shift"
root=$bench_root
against=""
if [ "${1:-}" = "--against" ]; then against=${2:?--against needs a git revision}; shift 2; fi
if [ "$smoke" = 1 ]; then count=${1:-2000}; rounds=${2:-1}; else count=${1:-200000}; rounds=${2:-5}; fi
command -v node >/dev/null || "$root/scripts/setup.sh"
cargo build --quiet --locked "${cargo_profile[@]}" --example sign_throughput --manifest-path "$root/Cargo.toml" -p embed-core
pin=""; command -v taskset >/dev/null && pin="taskset -c 0"
work=$(mktemp -d)
cleanup() {
  if [ -n "$against" ]; then git -C "$root" worktree remove --force "$work/old" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -n "$against" ]; then
  rev=$(git -C "$root" rev-parse --short "$against")
  git -C "$root" worktree add --quiet --detach "$work/old" "$rev"
  echo "building the bench at $rev (its own target dir; a first build takes a few minutes)"
  CARGO_TARGET_DIR="$work/old-target" cargo build --quiet --locked "${cargo_profile[@]}" --example sign_throughput --manifest-path "$work/old/Cargo.toml" -p embed-core
  old_bin="$work/old-target/$profile/examples/sign_throughput"
fi
echo "machine: $(machine)"
for round in $(seq "$rounds"); do
  read -r _ rust rust_sum < <($pin "$target_dir/$profile/examples/sign_throughput" "$count")
  read -r _ node node_sum < <($pin node "$root/scripts/bench/sign_node.mjs" "$count")
  [ "$rust_sum" = "$node_sum" ] || { echo "checksums differ: rust $rust_sum, node $node_sum" >&2; exit 1; }
  echo "$rust" >> "$work/rust"; echo "$node" >> "$work/node"
  awk -v r="$rust" -v n="$node" 'BEGIN { print r / n }' >> "$work/ratio"
  echo "round $round: rust $rust URLs/s, node $node URLs/s, ratio $(tail -1 "$work/ratio" | xargs printf '%.2f')x"
  if [ -n "$against" ]; then
    read -r _ old old_sum < <($pin "$old_bin" "$count")
    [ "$old_sum" = "$rust_sum" ] || { echo "checksums differ: this $rust_sum, $rev $old_sum" >&2; exit 1; }
    echo "$old" >> "$work/old_rate"
    awk -v r="$rust" -v o="$old" 'BEGIN { print r / o }' >> "$work/vs_old"
    echo "         $rev: $old URLs/s, this/$rev $(tail -1 "$work/vs_old" | xargs printf '%.3f')"
  fi
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
if [ -n "$against" ]; then
  read -r v_med v_lo v_hi < <(spread < "$work/vs_old")
  echo "this/$rev: $(fmt_spread '%.3f' < "$work/vs_old") (median, min to max of $rounds rounds; target >= 0.95)"
  report ""
  report "Against \`$rev\` (same bench built from that commit, run in the same rounds): \`embed-core\` $(cell rust) vs $(cell old_rate) URLs per second; this/$rev **$(printf '%.3f' "$v_med")** ($(printf '%.3f' "$v_lo")–$(printf '%.3f' "$v_hi"); target ≥ 0.95)."
fi
