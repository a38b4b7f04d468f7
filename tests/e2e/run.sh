#!/usr/bin/env bash
# Runs the end-to-end tests of the desktop app: a private D-Bus session with
# an unlocked gnome-keyring, a virtual display, tauri-driver. Nothing is left
# behind and $HOME is untouched (the keyring and app data go to temp dirs).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_CACHE_HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d)
export XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- bash -c "echo -n embed-sandbox-e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null && xvfb-run -a -s '-screen 0 1280x800x24' node --test --test-concurrency=1 '$root/tests/e2e/'" 2>&1 | grep -v -e "Failed to set fd limit" -e "xdg-desktop-portal-WARNING"
