"""Mode white-label embed vectors, independently of the Rust core (Python's
standard library only), from vendors.md section 8:

    url     = report_url + "?" + params sorted by name + "&timestamp=" + ts
    request = "GET" + "," + "" + "," + base64(md5("")) + "," + url + "," + ts
    sig     = lowercase_hex(HMAC_SHA256(key = access secret, msg = request))
    final   = url + "&signature=" + sig

Values are escaped as encodeURIComponent does. The first case is the
published vector (a third-party test citing Mode's test page); "signed_by"
cases are URLs other signers produce (the mode-embed-url package encodes a
value twice) that must verify as received.

Usage: python3 scripts/vectors/mode.py > tests/vectors/mode.json
"""

import base64
import hashlib
import hmac
import json
from urllib.parse import quote


def component(text):
    return quote(text, safe="-_.!~*'()")


def request_string(url, timestamp):
    empty_md5 = base64.b64encode(hashlib.md5(b"").digest()).decode("ascii")
    return ",".join(["GET", "", empty_md5, url, str(timestamp)])


def tag(secret, message):
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def sign(case, encode=component):
    pairs = [("access_key", case["access_key"])]
    if case["max_age"] is not None:
        pairs.append(("max_age", str(case["max_age"])))
    pairs += [tuple(p) for p in case["params"]]
    pairs.sort(key=lambda p: p[0].encode("utf-8"))
    query = "".join(encode(n) + "=" + encode(v) + "&" for n, v in pairs)
    url = case["report_url"] + "?" + query + "timestamp=" + str(case["timestamp"])
    return url + "&signature=" + tag(case["secret"], request_string(url, case["timestamp"]))


def twice(text):
    return component(component(text))


CASES = [
    {
        "name": "published vector (vendors.md §8)",
        "report_url": "https://app.mode.com/test/reports/12eaf1245c7e/embed",
        "access_key": "1234567890",
        "secret": "0987654321",
        "max_age": 1800,
        "params": [],
        "timestamp": 1532446786,
    },
    {
        "name": "report parameters, sorted, values that need escaping",
        "report_url": "https://app.mode.com/acme/reports/a1b2c3d4e5f6/embed",
        "access_key": "key-1",
        "secret": "s3cret with spaces & ünïcode",
        "max_age": None,
        "params": [["param_region", "West & East"], ["param_email", "ann+qa@example.com"], ["param_city", "Zürich"]],
        "timestamp": 1795000000,
    },
    {
        "name": "no parameters but the access key",
        "report_url": "https://app.mode.com/acme/reports/ffffffffffff/embed",
        "access_key": "k",
        "secret": "x",
        "max_age": 0,
        "params": [],
        "timestamp": 1700000000,
    },
]

out = []
for case in CASES:
    entry = dict(case)
    entry["url"] = sign(case)
    entry["url_encoded_twice"] = sign(case, twice)
    out.append(entry)

print(json.dumps(out, indent=2, ensure_ascii=False))
