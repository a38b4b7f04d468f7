#!/usr/bin/env bash
# Builds the release app and its Debian package with Tauri's own bundler
# (offline; AppImage tooling downloads itself at build time, so it is not
# built here). Prints the package's path and size.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/setup.sh
(cd ui && npm run build)
# Tauri's CLI (a prebuilt npm binary, fetched into npm's cache on first use,
# not a project dependency) builds src-tauri in release mode with the UI
# embedded, then bundles.
(cd src-tauri && npm exec --yes --package=@tauri-apps/cli@2.12.5 -- tauri build --bundles deb --ci)
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
echo "package: $deb"
echo "size: $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
