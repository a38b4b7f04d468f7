#!/usr/bin/env bash
# Sets up and runs every test: formatting, lints, unit/property/golden tests,
# the golden vectors regenerated from the independent Node and Python
# implementations, and a JWT from the CLI checked by an independent verifier.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "UI: type checks (tsc, svelte-check), component tests (vitest + mockIPC), build (the app embeds ui/dist)"
ui_log=$(mktemp)
(cd ui && npx --no-install tsc --noEmit && npx --no-install svelte-check --fail-on-warnings --output human \
  && npx --no-install vitest run 2>&1 | tee "$ui_log" && npx --no-install vite build --logLevel warn)
ui_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$ui_log" | sed -n 's/^ *Tests *\([0-9]*\) passed.*/\1/p' | tail -1)
rm -f "$ui_log"

step "no crate's modules import each other in a circle (the layers: model, spec, scheme folders, registry, services)"
python3 scripts/check/layers.py crates/*/src src-tauri/src

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "golden vectors regenerate identically from Node and Python"
scripts/vectors/generate.sh --check

step "cargo test (in a private D-Bus session with an unlocked gnome-keyring, for the keychain tests)"
log=$(mktemp)
# A throwaway keyring: its files go to a temporary XDG_DATA_HOME, never $HOME.
XDG_DATA_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_DATA_HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c 'echo -n embed-sandbox-ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null && cargo test --workspace --locked' 2>&1 \
  | grep -v "Failed to set fd limit" | tee "$log"
passed=$(grep -oE 'test result: [a-z]+\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
failed=$(grep -oE '[0-9]+ failed' "$log" | awk '{s += $1} END {print s + 0}')
rm -f "$log"

step "the IPC bindings are up to date (ts-rs regenerated ui/src/bindings during cargo test)"
if [ -d .git ] && [ -n "$(git status --porcelain -- ui/src/bindings)" ]; then
  git status --short -- ui/src/bindings
  echo "ui/src/bindings is stale: commit what cargo test regenerated" >&2
  exit 1
fi
echo "bindings: up to date"

step "node tests: the seed's Express embed API against the host; Chromium draws the pages; token endpoints written in Node"
node_log=$(mktemp)
node --test tests/seed-client/ tests/browser/ tests/node/ 2>&1 | tee "$node_log"
node_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$node_log" | tail -1)
node_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$node_log" | tail -1)
rm -f "$node_log"
passed=$((passed + ${node_passed:-0})); failed=$((failed + ${node_failed:-0}))

step "the desktop app end to end: tauri-driver + WebKitWebDriver under Xvfb, real gnome-keyring"
cargo build --locked -p embed-sandbox-app -p embed-sandbox
e2e_log=$(mktemp)
tests/e2e/run.sh | tee "$e2e_log"
e2e_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$e2e_log" | tail -1)
e2e_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$e2e_log" | tail -1)
rm -f "$e2e_log"
[ "${e2e_failed:-1}" = 0 ] || { echo "end-to-end tests failed" >&2; exit 1; }
passed=$((passed + ${e2e_passed:-0} + ${ui_passed:-0}))

step "a JWT from the CLI passes an independent verifier (Python stdlib HS256)"
export EMBED_SANDBOX_TEST_SECRET="independent-check-$(date +%s)"
target/debug/embed-sandbox sign sigma-jwt --workbook-url https://app.sigmacomputing.com/acme/workbook/Sales-1a2b \
  --client-id ci-client --email 'zoë+ci@example.com' --team Sales_People --ua Region=West --account-type Viewer \
  --secret-env EMBED_SANDBOX_TEST_SECRET \
  | python3 scripts/vectors/sigma_jwt.py verify EMBED_SANDBOX_TEST_SECRET

step "shell completions generate"
for shell in bash zsh fish; do target/debug/embed-sandbox completions "$shell" | grep -q embed-sandbox; done
echo "completions: ok"

step "benches in smoke mode: each completes and prints its ratio line (debug builds, one round; timings are not asserted)"
scripts/bench/all.sh --smoke

echo
echo "tests: $passed passed, $failed failed"
