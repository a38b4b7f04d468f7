#!/usr/bin/env bash
# The app's start-up and memory against a bare Tauri hello-world built in the
# same run (same tauri, same profile, same target dir), under Xvfb in a
# private D-Bus session with an unlocked keyring. Prints every round, the
# median, min and max over the rounds and the per-round ratios.
# The hello-world's page is the committed scripts/bench/hello/page/.
# Usage: scripts/bench/app.sh [--smoke] [ROUNDS]
#   --smoke (or BENCH_SMOKE=1): 1 round on debug builds (the app's is the one
#   scripts/test.sh makes; the hello-world's shares its tauri build), and
#   ui/dist is built only if it is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
shift "$bench_shift"
root=$bench_root
cd "$root"
if [ "$smoke" = 1 ]; then rounds=${1:-1}; else rounds=${1:-5}; fi
./scripts/setup.sh
if [ "$smoke" = 0 ] || [ ! -f ui/dist/index.html ]; then (cd ui && npm run build --silent); fi
cargo build --quiet --locked "${cargo_profile[@]}" -p embed-sandbox-app
CARGO_TARGET_DIR="$target_dir" cargo build --quiet --locked "${cargo_profile[@]}" --manifest-path scripts/bench/hello/Cargo.toml
XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"' EXIT
TAURI_DRIVER=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
export TAURI_DRIVER
note="release builds"
[ "$smoke" = 1 ] && note="smoke mode: debug builds, figures meaningless"
echo "machine: $(machine)"
app="$target_dir/$profile/embed-sandbox-app" hello="$target_dir/$profile/hello-tauri"
dbus-run-session -- bash -c "echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null && xvfb-run -a -s '-screen 0 1280x800x24' node scripts/bench/app.mjs '$app' '$hello' '$rounds' '$note'" 2>&1 \
  | grep -v -e "Failed to set fd limit" -e "xdg-desktop-portal" -e "^dbus-daemon\[" -e "^SpiRegistry daemon"
