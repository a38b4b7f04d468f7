"""Independent implementation of Bold BI token authentication, for golden vectors.

The construction of the seed ("Dashboard embedding with token authentication")
and the vendor's C# sample: the query string alone (embed_nonce,
embed_user_email, optional parameters in order, embed_timestamp,
embed_expirationtime) is signed with HMAC-SHA256 keyed by the secret's UTF-8
bytes, Base64-encoded, and appended raw as embed_signature (or escaped when
asked). Values follow the product's encoding rule, re-implemented here with
urllib.parse.quote: nothing shared with the Rust core.

Usage: python3 scripts/vectors/boldbi.py > tests/vectors/boldbi.json
"""

import base64
import hashlib
import hmac
import json
import sys
from urllib.parse import quote

VALUE_SAFE = "-._~!$'()*,;:@/?="
NAME_SAFE = "-._~!$'()*,;:@/?"


def signed_params(case):
    params = "embed_nonce=" + quote(case["nonce"], safe=VALUE_SAFE)
    params += "&embed_user_email=" + quote(case["email"], safe=VALUE_SAFE)
    for name, value in case["params"]:
        params += "&" + quote(name, safe=NAME_SAFE) + "=" + quote(value, safe=VALUE_SAFE)
    if case["timestamp"] is not None:
        params += "&embed_timestamp=" + str(case["timestamp"])
        if case["expiration"] is not None:
            params += "&embed_expirationtime=" + str(case["expiration"])
    return params


def raw_signature(case):
    digest = hmac.new(case["secret"].encode("utf-8"), signed_params(case).encode("utf-8"), hashlib.sha256).digest()
    return base64.b64encode(digest).decode("ascii")


def sign(case):
    params = signed_params(case)
    signature = raw_signature(case)
    if case["escape_signature"]:
        signature = signature.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    return case["dashboard_url"] + "?" + params + "&embed_signature=" + signature


BASE = {
    "secret": "7tFaq2zidmxJN8Pid6IUAiGFqAUwMfK",
    "dashboard_url": "https://bi.example.com/bi/site/site1/dashboards/8428c9ee-0b4e-4d2d-9c9c-1a2b3c4d5e6f/Sales/Sales%20Analysis",
    "nonce": "3e253410-1a82-4fb3-a337-122a8007dafc",
    "email": "embed.user@example.com",
    "params": [],
    "timestamp": None,
    "expiration": None,
    "escape_signature": False,
}


def with_plus_in_signature(case):
    """Finds a nonce whose signature has a raw '+', deterministically."""
    for i in range(1000):
        candidate = dict(case, nonce="plus-%d" % i)
        if "+" in raw_signature(candidate):
            return candidate
    raise SystemExit("no nonce with '+' found")


CASES = [
    dict(BASE, name="seed parameters, never expires"),
    dict(BASE, name="timestamp and expiration last", timestamp=1700000000, expiration=86400),
    dict(BASE, name="timestamp alone", timestamp=1700000000),
    dict(BASE, name="optional parameters in the order given", params=[["embed_dashboard_export", "false"], ["hide_header", "true"], ["hide_tool", "dp,fo,fs"], ["language_code", "fr-FR"]], timestamp=1700000000, expiration=518400),
    dict(BASE, name="datasource filter with && and & inside one value", params=[["embed_datasource_filter", "&&Region=West&Store=Zürich 1"]]),
    dict(BASE, name="plus in the email and unicode", email="zoë+bi@example.com"),
    dict(with_plus_in_signature(BASE), name="signature with a raw plus"),
    dict(with_plus_in_signature(BASE), name="signature with a plus, escaped", escape_signature=True),
]

vectors = []
for case in CASES:
    vectors.append(dict(case, url=sign(case)))
json.dump({"generator": "scripts/vectors/boldbi.py (Python hmac + base64)", "vectors": vectors}, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
