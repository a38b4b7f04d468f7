#!/usr/bin/env bash
# Runs every bench (sign, host, app, the core's criterion benches) and
# prints the README's tables: the
# machine (cores, CPU model, SHA extensions, load), then each bench's median,
# min and max over its rounds, then how long each bench took.
# Usage: scripts/bench/all.sh [--smoke]
#   --smoke (or BENCH_SMOKE=1): every bench in smoke mode (tiny counts, one
#   round, debug builds): checks that each completes and prints its ratio
#   line; timings are not asserted. scripts/test.sh runs this.
#   BENCH_ROUNDS=N: N rounds for every bench instead of each one's default.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shift "$bench_shift"
root=$bench_root
mode=(); [ "$smoke" = 1 ] && mode=(--smoke)
rounds=${BENCH_ROUNDS:-}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export BENCH_REPORT="$work/report.md"
: > "$BENCH_REPORT"
machine_before=$(machine)
started=$(date +%s)

bench() { # name, arguments...
  local name=$1; shift
  local t0; t0=$(date +%s)
  printf '\n==> bench %s%s\n' "$name" "$([ "$smoke" = 1 ] && echo ' (smoke)')"
  "$root/scripts/bench/$name.sh" "${mode[@]}" "$@" 2>&1 | tee "$work/$name.log"
  grep -q '^ratio' "$work/$name.log" || { echo "bench $name printed no ratio line" >&2; exit 1; }
  echo "$name: $(($(date +%s) - t0)) s" >> "$work/times"
}

bench sign "" "$rounds"
bench host "" "$rounds"
if [ -n "$rounds" ]; then bench app "$rounds"; else bench app; fi

# The criterion benches of the core (sign and verify per scheme): their
# medians for the README's table; in smoke mode each runs once as a test.
t0=$(date +%s)
printf '\n==> bench criterion (cargo bench -p embed-core)%s\n' "$([ "$smoke" = 1 ] && echo ' (smoke: each once)')"
if [ "$smoke" = 1 ]; then
  (cd "$root" && cargo bench --quiet --locked -p embed-core --bench sign_verify -- --test) 2>&1 | tee "$work/criterion.log"
  grep -q 'verify/boldbi' "$work/criterion.log" || { echo "bench criterion did not run" >&2; exit 1; }
else
  (cd "$root" && cargo bench --quiet --locked -p embed-core --bench sign_verify) 2>&1 | tee "$work/criterion.log"
  {
    echo
    echo "**Criterion** (\`cargo bench -p embed-core\`; median of criterion's estimate, [low high] of its interval):"
    echo
    echo "| bench | time |"
    echo "| --- | --- |"
    # criterion prints "name  time:   [low median high]", the name sometimes on the line before.
    awk '/^[a-z]+\/[a-z-]+/ {name=$1} /time:/ {gsub(/.*time: *\[/, ""); gsub(/\]/, ""); printf "| %s | %s %s [%s %s – %s %s] |\n", name, $3, $4, $1, $2, $5, $6}' "$work/criterion.log"
  } >> "$BENCH_REPORT"
fi
echo "criterion: $(($(date +%s) - t0)) s" >> "$work/times"

echo
echo "==> README tables ($(date +%F)$([ "$smoke" = 1 ] && echo ', smoke mode: the figures mean nothing'))"
echo
echo "Machine: $machine_before (at the start); load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
cat "$BENCH_REPORT"
echo
echo "time per bench (builds included): $(paste -sd, "$work/times" | sed 's/,/, /g'); all: $(($(date +%s) - started)) s"
