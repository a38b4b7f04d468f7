#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine that has
# only Rust (rustup) and Node: the rustfmt and clippy components, python3 (the
# independent golden-vector implementations), Debian's chromium (the browser
# tests of the local host's pages), the Secret Service stack for the keychain
# tests, WebKitGTK, Xvfb, WebKitWebDriver and tauri-driver for the desktop app
# and its end-to-end tests, and the npm packages of the UI and the seed client.
# Idempotent and quiet when everything is already there.
set -euo pipefail

need_apt=()
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v cc >/dev/null 2>&1 || need_apt+=(build-essential)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The OS keychain: libdbus to build the Secret Service backend; gnome-keyring,
# dbus-run-session and secret-tool to test it against a real one.
pkg-config --exists dbus-1 2>/dev/null || need_apt+=(libdbus-1-dev pkg-config)
command -v gnome-keyring-daemon >/dev/null 2>&1 || need_apt+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || need_apt+=(dbus dbus-x11)
command -v secret-tool >/dev/null 2>&1 || need_apt+=(libsecret-tools)
# The desktop app (Tauri 2 on WebKitGTK) and its end-to-end tests (Xvfb, WebKitWebDriver).
pkg-config --exists webkit2gtk-4.1 2>/dev/null || need_apt+=(libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libxdo-dev libssl-dev)
command -v xvfb-run >/dev/null 2>&1 || need_apt+=(xvfb xauth)
command -v WebKitWebDriver >/dev/null 2>&1 || need_apt+=(webkit2gtk-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${need_apt[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
if command -v rustup >/dev/null 2>&1; then
  for component in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
  done
fi
for tool in cargo node python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: $tool is missing; install it and run again" >&2; exit 1; }
done
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version '^2' --quiet
fi
if [ ! -d "$root/ui/node_modules/svelte" ] || [ "$root/ui/package-lock.json" -nt "$root/ui/node_modules/.package-lock.json" ]; then
  echo "setup: installing the UI's npm packages"
  npm ci --prefix "$root/ui" --no-audit --no-fund --loglevel=error >/dev/null
fi
if [ ! -d "$root/tests/seed-client/node_modules/express" ]; then
  echo "setup: installing the seed client's npm packages"
  npm ci --prefix "$root/tests/seed-client" --no-audit --no-fund --loglevel=error >/dev/null
fi
