#!/usr/bin/env bash
# Verified requests per second and p99 latency of the local host against a
# reference Express host that verifies the same distinct URLs the seed's way,
# same run, same machine: the server on core 0, the load on core 1.
# The load generator is crates/host/examples/loadgen.rs (closed loop, 16
# keep-alive connections, each URL sent once). wrk was tried first: its Lua
# state holding 400k distinct paths stalls wrk itself and shows up as 60+ ms
# of "server" p99 that the server never had.
# Usage: scripts/bench/host.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-5}
"$root/scripts/setup.sh"
cargo build --quiet --release --locked -p embed-sandbox --manifest-path "$root/Cargo.toml"
cargo build --quiet --release --locked -p embed-host --example loadgen --manifest-path "$root/Cargo.toml"
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
export BENCH_SECRET="bench-$(date +%s)"
node "$root/scripts/bench/gen_urls.mjs" $((60000 * seconds)) "$BENCH_SECRET" bench-client > "$work/paths.txt"

run() { # name, command...
  local name=$1; shift
  taskset -c 0 "$@" > "$work/$name.out" 2>&1 &
  for _ in $(seq 50); do grep -q '^listening on' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  local origin; origin=$(sed -n 's/^listening on //p' "$work/$name.out")
  taskset -c 1 "$root/target/release/examples/loadgen" "$origin" "$work/paths.txt" 16 "$seconds" embed.bench > "$work/$name.load"
  kill %% 2>/dev/null; wait 2>/dev/null || true
  local rps p99 bad
  read -r _ _ _ rps _ _ _ p99 _ bad < "$work/$name.load"
  echo "$name: $rps verified requests/s, p99 $(awk -v us="$p99" 'BEGIN { printf "%.2f ms", us / 1000 }'), non-2xx $bad"
  [ "$bad" = 0 ] || { echo "$name refused valid URLs" >&2; exit 1; }
  eval "${name}_rps=$rps"
}

run host "$root/target/release/embed-sandbox" serve --client-id bench-client --secret-env BENCH_SECRET
run express node "$root/scripts/bench/express_host.mjs"
awk -v h="$host_rps" -v e="$express_rps" 'BEGIN { printf "ratio: %.1fx the Express reference (target >= 5x)\n", h / e }'
