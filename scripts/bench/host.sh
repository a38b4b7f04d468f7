#!/usr/bin/env bash
# Verified requests per second and p99 latency of the local host against a
# reference Express host that verifies the same distinct URLs the seed's way,
# same run, same machine: the server on core 0, the load on core 1.
#
# Each round runs three servers, in a rotating order: Express (answers one
# line), `embed-sandbox serve` (renders the full mock workbook for every
# accepted URL) and `embed-sandbox serve --minimal-page` (a tiny fixed body
# instead of the workbook: like for like with Express, so the difference
# between the two host runs is what the workbook's rendering costs).
# Prints every run (throughput, p99, and the server's own CPU time per
# request), then the median, min and max over the rounds, ratios taken per
# round.
#
# Busy machine: for every run it prints the share of core 0 the server got and
# how many cores other processes used meanwhile. In full mode it then runs
# Express and the host once more with a spinning process on core 1 (the load
# generator's core) and says whether the figures are sensitive to a second busy
# core (BENCH_BUSY_CHECK=0 skips that).
#
# The load generator is crates/host/examples/loadgen.rs (closed loop, 16
# keep-alive connections, each URL sent once). wrk was tried first: its Lua
# state holding 400k distinct paths stalls wrk itself and shows up as 60+ ms
# of "server" p99 that the server never had.
# Usage: scripts/bench/host.sh [--smoke] [SECONDS [ROUNDS]]
#   --smoke (or BENCH_SMOKE=1): 1 s runs, 1 round, debug builds, no busy check.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shift "$bench_shift"
root=$bench_root
if [ "$smoke" = 1 ]; then seconds=${1:-1}; rounds=${2:-1}; busy_check=0
else seconds=${1:-5}; rounds=${2:-5}; busy_check=${BENCH_BUSY_CHECK:-1}; fi
"$root/scripts/setup.sh"
cargo build --quiet --locked "${cargo_profile[@]}" -p embed-sandbox --manifest-path "$root/Cargo.toml"
cargo build --quiet --locked "${cargo_profile[@]}" -p embed-host --example loadgen --manifest-path "$root/Cargo.toml"
bin=$target_dir/$profile
work=$(mktemp -d)
cleanup() { for pid in $(jobs -p); do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export BENCH_SECRET="bench-$(date +%s)"
# Every run is a new server with an empty nonce ledger, so all runs share one
# file of distinct URLs; 100,000 per second leaves room above the fastest run.
node "$root/scripts/bench/gen_urls.mjs" $((100000 * seconds)) "$BENCH_SECRET" bench-client > "$work/paths.txt"
cores=$(nproc)
ticks=$(getconf CLK_TCK)

# Busy and total jiffies of the whole machine, from /proc/stat.
machine_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat; }
# utime+stime (own=1) or cutime+cstime (own=0, its waited children) of a pid.
cpu_of() { sed 's/^.*) //' "/proc/$1/stat" | awk -v own="$2" '{ print own ? $12 + $13 : $14 + $15 }'; }

run() { # label, file name, command...
  local label=$1 name=$2; shift 2
  taskset -c 0 "$@" > "$work/$name.out" 2>&1 &
  local server=$!
  for _ in $(seq 100); do grep -q '^listening on' "$work/$name.out" 2>/dev/null && break; sleep 0.1; done
  local origin; origin=$(sed -n 's/^listening on //p' "$work/$name.out")
  [ -n "$origin" ] || { cat "$work/$name.out" >&2; echo "$label did not start" >&2; exit 1; }
  local busy0 total0 server0 busy1 total1 server1
  read -r busy0 total0 < <(machine_jiffies)
  server0=$(cpu_of "$server" 1)
  # The wrapper shell reads its own stat after the load generator exits: its
  # children's CPU time is then exactly the load generator's.
  taskset -c 1 bash -c '"$@" > "$0.load" || exit; cat /proc/$$/stat > "$0.stat"' "$work/$name" \
    "$bin/examples/loadgen" "$origin" "$work/paths.txt" 16 "$seconds" embed.bench
  read -r busy1 total1 < <(machine_jiffies)
  server1=$(cpu_of "$server" 1)
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  local loadgen requests rps p99 bad cpu
  loadgen=$(sed 's/^.*) //' "$work/$name.stat" | awk '{ print $14 + $15 }')
  read -r _ requests _ rps _ _ _ p99 _ bad < "$work/$name.load"
  # The server's own CPU time per request: what it costs, however much of
  # core 0 other processes took meanwhile.
  cpu=$(awk -v j="$((server1 - server0))" -v hz="$ticks" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? 1e6 * j / hz / n : 0) }')
  # Wall time in jiffies is the machine's total over its cores.
  local share others
  read -r share others < <(awk -v b="$((busy1 - busy0))" -v t="$((total1 - total0))" -v s="$((server1 - server0))" \
    -v l="$loadgen" -v c="$cores" 'BEGIN { wall = t / c; if (wall <= 0) wall = 1
      o = (b - s - l) / wall; if (o < 0) o = 0; printf "%.0f %.2f\n", 100 * s / wall, o }')
  printf '%-24s %7s verified requests/s, p99 %s, %s µs of CPU per request, non-2xx %s; the server had %s%% of core 0, other processes used %s cores\n' \
    "$label:" "$(commas "$rps")" "$(awk -v us="$p99" 'BEGIN { printf "%.2f ms", us / 1000 }')" "$cpu" "$bad" "$share" "$others"
  [ "$bad" = 0 ] || { echo "$label refused valid URLs" >&2; exit 1; }
  echo "$rps" >> "$work/$name.rps"
  echo "$cpu" >> "$work/$name.cpu"
  awk -v us="$p99" 'BEGIN { print us / 1000 }' >> "$work/$name.p99"
  case $name in *_busy) ;; *) echo "$others" >> "$work/others"; echo "$others $rps $(awk -v us="$p99" 'BEGIN { print us / 1000 }') $cpu" >> "$work/$name.runs" ;; esac
}

# The URLs are signed for the authority embed.bench (the Host header loadgen
# sends to both hosts): the host's DNS-rebinding guard must be told the name.
host_args=(serve --client-id bench-client --secret-env BENCH_SECRET --allowed-host embed.bench)
start_server() { # round label suffix, server, [file-name suffix]
  case $2 in
    express) run "express$1" "express$3" node "$root/scripts/bench/express_host.mjs" ;;
    host) run "host$1" "host$3" "$bin/embed-sandbox" "${host_args[@]}" ;;
    minimal) run "host, minimal page$1" "minimal$3" "$bin/embed-sandbox" "${host_args[@]}" --minimal-page ;;
  esac
}

servers=(express host minimal)
echo "machine: $(machine)"
for round in $(seq "$rounds"); do
  echo "round $round of $rounds ($seconds s each)"
  n=${#servers[@]}
  for i in $(seq 0 $((n - 1))); do start_server "" "${servers[$(((i + round - 1) % n))]}" ""; done
  awk -v h="$(tail -1 "$work/host.rps")" -v e="$(tail -1 "$work/express.rps")" 'BEGIN { print h / e }' >> "$work/ratio"
  awk -v h="$(tail -1 "$work/minimal.rps")" -v e="$(tail -1 "$work/express.rps")" 'BEGIN { print h / e }' >> "$work/ratio_minimal"
  # CPU per request: Express over the host, and the workbook's share.
  awk -v h="$(tail -1 "$work/host.cpu")" -v e="$(tail -1 "$work/express.cpu")" 'BEGIN { print e / h }' >> "$work/cpu_ratio"
  awk -v m="$(tail -1 "$work/minimal.cpu")" -v e="$(tail -1 "$work/express.cpu")" 'BEGIN { print e / m }' >> "$work/cpu_ratio_minimal"
  awk -v h="$(tail -1 "$work/host.cpu")" -v m="$(tail -1 "$work/minimal.cpu")" 'BEGIN { print h - m }' >> "$work/render_us"
  awk -v h="$(tail -1 "$work/host.cpu")" -v m="$(tail -1 "$work/minimal.cpu")" 'BEGIN { print 100 * (h - m) / h }' >> "$work/render_pct"
done

if [ "$busy_check" = 1 ]; then
  echo "busy check: the same runs with a spinning process on core 1, beside the load generator"
  taskset -c 1 bash -c 'while :; do :; done' &
  spinner=$!
  start_server " (core 1 busy)" express "_busy"
  start_server " (core 1 busy)" host "_busy"
  kill "$spinner" 2>/dev/null || true; wait "$spinner" 2>/dev/null || true
fi

cell() { # file, printf format, [thousands separators]
  local m lo hi
  read -r m lo hi < <(spread < "$work/$1")
  if [ "${3:-}" = commas ]; then echo "$(commas "$m") ($(commas "$lo")–$(commas "$hi"))"
  else printf "$2 ($2–$2)" "$m" "$lo" "$hi"; fi
}
ratio_cell() { local m lo hi; read -r m lo hi < <(spread < "$work/$1"); printf '**%.1f×** (%.1f–%.1f)' "$m" "$lo" "$hi"; }
read -r ratio_med _ _ < <(spread < "$work/ratio")
echo "ratio: $(cell ratio '%.1fx') the Express reference, full mock workbook (median, min-max of $rounds rounds; target >= 5x)"
echo "ratio: $(cell ratio_minimal '%.1fx') the Express reference, minimal page (like for like)"
echo "ratio: $(cell cpu_ratio '%.1fx') less CPU per request than the Express reference (full mock workbook), $(cell cpu_ratio_minimal '%.1fx') (minimal page)"
echo "the mock workbook's rendering: $(cell render_us '%.1f') µs of CPU per request, $(cell render_pct '%.0f%%') of the host's"
read -r others_med _ others_hi < <(spread < "$work/others")
# Quiet runs: other processes used under 0.1 core meanwhile. Their medians
# are what this machine gives when nobody else is using it.
quiet=0.1
quiet_n() { awk -v t="$quiet" '$1 < t' "$work/$1.runs" | wc -l; }
quiet_median() { # server, column (2 requests/s, 3 p99 ms, 4 CPU µs per request)
  local m
  read -r m _ _ < <(awk -v t="$quiet" -v c="$2" '$1 < t { print $c }' "$work/$1.runs" | spread)
  echo "$m"
}
quiet_line="Quiet runs (other processes under $quiet core): Express $(quiet_n express), host $(quiet_n host), minimal page $(quiet_n minimal) of $rounds each"
quiet_ratio=""
if [ "$(quiet_n express)" -gt 0 ] && [ "$(quiet_n host)" -gt 0 ]; then
  quiet_ratio=$(awk -v h="$(quiet_median host 2)" -v e="$(quiet_median express 2)" 'BEGIN { print h / e }')
  quiet_line+="; their medians: Express $(commas "$(quiet_median express 2)") requests/s, host $(commas "$(quiet_median host 2)") ($(printf '%.1f' "$quiet_ratio")×, p99 $(printf '%.2f' "$(quiet_median host 3)") ms)"
  if [ "$(quiet_n minimal)" -gt 0 ]; then
    quiet_line+=", minimal page $(commas "$(quiet_median minimal 2)") ($(awk -v m="$(quiet_median minimal 2)" -v e="$(quiet_median express 2)" 'BEGIN { printf "%.1f", m / e }')×)"
  fi
fi
echo "$quiet_line"
sensitivity=""
if [ "$busy_check" = 1 ]; then
  busy_ratio=$(awk -v h="$(cat "$work/host_busy.rps")" -v e="$(cat "$work/express_busy.rps")" 'BEGIN { print h / e }')
  # Against the quiet runs when there are some: the median of all runs may
  # itself have been taken on a busy machine.
  if [ -n "$quiet_ratio" ]; then base=$quiet_ratio; base_name="the quiet runs"; host_p99=$(quiet_median host 3)
  else base=$ratio_med; base_name="the median"; read -r host_p99 _ _ < <(spread < "$work/host.p99"); fi
  read -r cpu_med _ _ < <(spread < "$work/cpu_ratio")
  busy_cpu=$(awk -v h="$(cat "$work/host_busy.cpu")" -v e="$(cat "$work/express_busy.cpu")" 'BEGIN { print e / h }')
  sensitivity=$(awk -v b="$busy_ratio" -v r="$base" -v n="$base_name" -v p="$(cat "$work/host_busy.p99")" -v q="$host_p99" \
    -v bc="$busy_cpu" -v rc="$cpu_med" 'BEGIN {
    change = 100 * (b / r - 1)
    verdict = (change < -10 || change > 10 || p > 1.5 * q) ? "sensitive to a second busy core" : "not sensitive to a second busy core"
    printf "%s: with core 1 busy the throughput ratio was %.1f× (%+.0f%% against %s, %.1f×), the host'\''s p99 %.2f ms (against %.2f ms), the CPU-per-request ratio %.1f× (median %.1f×)", verdict, b, change, n, r, p, q, bc, rc }')
  echo "$sensitivity"
fi
if [ "$smoke" = 1 ]; then echo "(smoke mode: debug builds, $seconds s runs; the figures mean nothing)"; fi

report ""
report "Local host: $seconds s runs, $rounds round(s)$([ "$smoke" = 1 ] && echo ', smoke mode: debug builds, figures meaningless'); server on core 0, load on core 1. Median (min–max) over the rounds; ratios are taken per round."
report ""
report "| host | verified requests/s | p99 latency (ms) | server CPU per request (µs) |"
report "| --- | --- | --- | --- |"
report "| Express reference (Node $(node --version | sed 's/^v//;s/\..*//')), one line | $(cell express.rps '' commas) | $(cell express.p99 '%.2f') | $(cell express.cpu '%.1f') |"
report "| \`embed-sandbox serve\`, full mock workbook | $(cell host.rps '' commas) | $(cell host.p99 '%.2f') | $(cell host.cpu '%.1f') |"
report "| \`embed-sandbox serve --minimal-page\`, one line | $(cell minimal.rps '' commas) | $(cell minimal.p99 '%.2f') | $(cell minimal.cpu '%.1f') |"
report "| ratio, full mock workbook | $(ratio_cell ratio) (target ≥ 5×) | (target < 2 ms) | $(ratio_cell cpu_ratio) |"
report "| ratio, minimal page (like for like) | $(ratio_cell ratio_minimal) | | $(ratio_cell cpu_ratio_minimal) |"
report ""
report "The mock workbook's rendering costs $(cell render_us '%.1f') µs of the host's CPU per request, $(cell render_pct '%.0f%%') of it (CPU per request with the workbook minus with the minimal page, per round); the rest is HTTP, verification and the nonce ledger, which the minimal-page rows compare like for like with Express. CPU per request is the server's own CPU time over the requests it answered, so other processes taking part of core 0 change it far less than they change the throughput."
report "$quiet_line."
report "Other processes on the machine used $(printf '%.2f' "$others_med") cores during a median run (at most $(printf '%.2f' "$others_hi"))."
if [ -n "$sensitivity" ]; then report "Busy check, ${sensitivity}."; fi
