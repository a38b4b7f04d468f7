#!/usr/bin/env bash
# Regenerates the golden vectors from the independent implementations (Node, Python).
# With --check, regenerates into a temporary folder and fails if anything differs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/tests/vectors"
if [ "${1:-}" = "--check" ]; then out=$(mktemp -d); fi
node "$here/sigma_classic.mjs" > "$out/sigma_classic.json"
python3 "$here/boldbi.py" > "$out/boldbi.json"
python3 "$here/sigma_jwt.py" > "$out/sigma_jwt.json"
python3 "$here/vendor_samples.py" > "$out/vendor_samples_py.json"
node "$here/vendor_samples.mjs" > "$out/vendor_samples_node.json"
python3 "$here/looker.py" > "$out/looker.json"
python3 "$here/mode.py" > "$out/mode.json"
python3 "$here/metabase.py" > "$out/metabase.json"
if [ "${1:-}" = "--check" ]; then
  diff -ru "$root/tests/vectors" "$out" || { echo "golden vectors are stale: run scripts/vectors/generate.sh" >&2; exit 1; }
  rm -rf "$out"
  echo "golden vectors: up to date"
fi
