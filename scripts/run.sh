#!/usr/bin/env bash
# Sets up, builds and opens the desktop app on its "Local demo" profiles,
# signed against the built-in local host (no vendor account needed).
# Without a display (a server, CI), it runs the CLI demo instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): running the CLI demo instead."
  echo "On a desktop session, this command opens the app."
  exec "$root/scripts/demo.sh"
fi
(cd "$root/ui" && npx --no-install vite build --logLevel warn)
cargo build --quiet --locked -p embed-sandbox-app --manifest-path "$root/Cargo.toml"
exec "$root/target/debug/embed-sandbox-app"
