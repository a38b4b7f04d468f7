#!/usr/bin/env bash
# Builds the CLI and walks through its main job: sign a Sigma URL, inspect it,
# verify it, then show what tampering and a wrong client id look like.
# (The desktop app will replace this as the README's run command.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo build --quiet --locked -p embed-sandbox
es=target/debug/embed-sandbox

# A throwaway demo secret, passed by environment variable: never as an argument.
DEMO_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export DEMO_SECRET

say() { printf '\n\033[1m%s\033[0m\n$ %s\n' "$1" "$2"; }

say "1. Sign a Sigma classic embed URL (the seed's embed-api.js, byte for byte)" \
    "embed-sandbox sign sigma --embed-path ... --email ann+demo@example.com --team Sales_Managers ... --secret-env DEMO_SECRET"
url=$($es sign sigma --embed-path https://app.sigmacomputing.com/embed/1-demo \
  --client-id demo-client --email 'ann+demo@example.com' --external-user-id ann-1 \
  --team Sales_Managers --account-type Creator --session-length 600 \
  --ua Region=West --param :theme=Dark --secret-env DEMO_SECRET)
echo "$url"

say "2. Inspect it: every parameter, what it means, hazards, verdict" "embed-sandbox inspect \"\$url\" --secret-env DEMO_SECRET --now \$(date +%s)"
$es inspect "$url" --secret-env DEMO_SECRET --now "$(date +%s)"

say "3. Verify it (exit 0 = the vendor would accept it)" "embed-sandbox verify \"\$url\" --secret-env DEMO_SECRET"
$es verify "$url" --secret-env DEMO_SECRET && echo "(exit 0)"

say "4. Tamper with it after signing: Creator -> Viewer" "embed-sandbox verify \"\${url/Creator/Viewer}\" --secret-env DEMO_SECRET"
$es verify "${url/Creator/Viewer}" --secret-env DEMO_SECRET || echo "(exit $?)"

say "5. The seed's debugging exercise: the signer drops the client id's last character" "embed-sandbox verify \"\${url/demo-client/demo-clien}\" --secret-env DEMO_SECRET --client-id demo-client"
$es verify "${url/demo-client/demo-clien}" --secret-env DEMO_SECRET --client-id demo-client || echo "(exit $?)"

say "6. What changed between the two URLs, and which change breaks the signature" "embed-sandbox diff \"\$url\" \"\${url/Creator/Viewer}\""
$es diff "$url" "${url/Creator/Viewer}"

say "7. Start the local host (a faithful offline Sigma / Bold BI stand-in)" "embed-sandbox serve --client-id demo-client --secret-env DEMO_SECRET"
log=$(mktemp)
$es serve --client-id demo-client --secret-env DEMO_SECRET > "$log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q '^listening on' "$log" && break; sleep 0.1; done
origin=$(sed -n 's/^listening on //p' "$log")
echo "listening on $origin"

load() { node -e 'fetch(process.argv[1]).then(async r => { const t = await r.text(); const m = /data-testid="(?:signed-in-email|message)">(?:<b>)?([^<]*)/.exec(t); console.log(r.status, m ? m[1].replace(/&#39;/g, "'"'"'") : ""); })' "$1"; }
sign_local() { $es sign sigma --embed-path "$origin/embed/1-demo" --client-id demo-client --email ann@example.com \
  --external-user-id ann-1 --team Sales_Managers --account-type Creator --session-length 600 --ua Region=West \
  --param :theme=Dark --secret-env DEMO_SECRET; }
url=$(sign_local)

say "8. Load a signed URL against it, then load the same URL again (the replay test)" "GET \$url; GET \$url"
load "$url"
load "$url"

say "9. Preview it in a browser: the parent page frames a fresh URL and lists the embed's events" ""
preview="$origin/__sandbox/parent?src=$(node -e 'console.log(encodeURIComponent(process.argv[1]))' "$(sign_local)")"
echo "$preview"
echo "request log: $origin/__sandbox/log"
if [ -t 0 ]; then
  echo; echo "The host keeps running until Ctrl-C."
  wait $host_pid
fi
