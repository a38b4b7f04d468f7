"""Which units of the hello-world's build the app's build does not share.

Usage (from the repository root):
  RUSTC_BOOTSTRAP=1 cargo build --locked -p embed-sandbox-app -p embed-sandbox \\
    -Z unstable-options --unit-graph > /tmp/app.json
  RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=$PWD/target cargo build --locked \\
    --manifest-path scripts/bench/hello/Cargo.toml -Z unstable-options --unit-graph > /tmp/hello.json
  python3 scripts/bench/hello/shared_units.py /tmp/app.json /tmp/hello.json

(--unit-graph only prints the plan; nothing is built.) Prints the lowest
units that differ, beside the app's unit of the same crate, then a count.
Only hello-tauri's own units should be left.
"""
import hashlib
import json
import sys


def identities(path):
    units = json.load(open(path))['units']
    memo = {}

    def ident(i):
        if i not in memo:
            u = units[i]
            profile = {k: v for k, v in u['profile'].items() if k != 'name'}
            key = json.dumps([u['pkg_id'], u['target']['name'], u['target']['kind'], u['mode'],
                              sorted(u['features']), u['platform'], profile,
                              sorted(ident(d['index']) for d in u['dependencies'])], sort_keys=True)
            memo[i] = hashlib.sha1(key.encode()).hexdigest()
        return memo[i]

    return units, [ident(i) for i in range(len(units))]


app_units, app_ids = identities(sys.argv[1])
hello_units, hello_ids = identities(sys.argv[2])
shared = set(app_ids)
missing = [i for i, x in enumerate(hello_ids) if x not in shared]
for i in missing:
    u = hello_units[i]
    if all(hello_ids[d['index']] in shared for d in u['dependencies']):
        print('differs:', u['pkg_id'], u['target']['name'], u['mode'], 'features', u['features'], 'profile', u['profile'])
        for a in app_units:
            if a['pkg_id'] == u['pkg_id'] and a['target']['name'] == u['target']['name'] and a['mode'] == u['mode']:
                print('    app:', 'features', a['features'], 'profile', a['profile'])
print(f'{len(missing)} of the hello-world\'s {len(hello_units)} units are not shared with the app\'s build')
