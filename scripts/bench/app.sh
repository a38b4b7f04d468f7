#!/usr/bin/env bash
# The app's start-up and memory against a bare Tauri hello-world built in the
# same run (release builds, same tauri, same target dir), under Xvfb in a
# private D-Bus session with an unlocked keyring. Prints medians and ratios.
# Usage: scripts/bench/app.sh [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./scripts/setup.sh
(cd ui && npm run build --silent)
cargo build --quiet --release -p embed-sandbox-app
CARGO_TARGET_DIR="$root/target" cargo build --quiet --release --manifest-path scripts/bench/hello/Cargo.toml
XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
dbus-run-session -- bash -c "echo -n bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null && xvfb-run -a -s '-screen 0 1280x800x24' bash -c '\"$driver\" >/dev/null 2>&1 & sleep 1; node scripts/bench/app.mjs \"$root/target/release/embed-sandbox-app\" \"$root/target/release/hello-tauri\" ${1:-5}; kill %1'" 2>&1 | grep -v -e "Failed to set fd limit" -e "xdg-desktop-portal"
