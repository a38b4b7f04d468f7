#!/usr/bin/env bash
# Retakes the README's screenshots of the real app under Xvfb (through the
# end-to-end tests, which drive the app into each state shown).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
(cd "$root/ui" && npx --no-install vite build --logLevel warn)
cargo build --quiet --locked -p embed-sandbox-app -p embed-sandbox --manifest-path "$root/Cargo.toml"
SCREENSHOT_DIR="$root/docs/screenshots" "$root/tests/e2e/run.sh" | grep -E '^(ok|not ok)'
ls -la "$root/docs/screenshots"
