# Sourced by the bench scripts: smoke mode, the build profile, the spread of
# a list of numbers, the machine, and the report file all.sh collects.
#
# Smoke mode (`--smoke` as the first argument, or BENCH_SMOKE=1): a tiny count
# and one round on the debug builds scripts/test.sh already makes, to check
# that a bench still runs and prints its ratio line. Its timings mean nothing.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Where cargo puts the builds (CARGO_TARGET_DIR is honoured).
target_dir=${CARGO_TARGET_DIR:-$bench_root/target}
smoke=${BENCH_SMOKE:-0}
if [ "${1:-}" = "--smoke" ]; then smoke=1; fi
if [ "$smoke" = 1 ]; then
  profile=debug
  cargo_profile=()
else
  profile=release
  cargo_profile=(--release)
fi

# Drops a leading --smoke from the caller's arguments: `shift "$bench_shift"`.
bench_shift=0
if [ "${1:-}" = "--smoke" ]; then bench_shift=1; fi

# `spread < numbers`: "median min max" (the median of an even count is the
# mean of the two middle values).
spread() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    print m, v[1], v[NR] }'
}

# `fmt_spread FORMAT < numbers`: "M (min A, max B)" with printf FORMAT for each.
fmt_spread() {
  local m lo hi
  read -r m lo hi < <(spread)
  # shellcheck disable=SC2059
  printf "$1 ($1 to $1)" "$m" "$lo" "$hi"
}

# With thousands separators: 1234567 -> 1,234,567.
commas() { printf '%.0f' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# One line about the machine: cores, CPU model, SHA extensions, load.
machine() {
  local cpu sha
  cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo | head -1)
  if grep -qw sha_ni /proc/cpuinfo; then sha="with SHA extensions (sha_ni)"; else sha="no SHA extensions (no sha_ni)"; fi
  echo "$(nproc) cores, ${cpu:-unknown CPU}, $sha; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# `report TEXT...`: a line of the bench's README table. Printed, and appended
# to $BENCH_REPORT when all.sh set it.
report() {
  printf '%s\n' "$*"
  if [ -n "${BENCH_REPORT:-}" ]; then printf '%s\n' "$*" >> "$BENCH_REPORT"; fi
}
