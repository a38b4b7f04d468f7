"""Golden vectors for Looker signed embed, from Python's standard library
alone (hmac, hashlib, base64, json, urllib.parse): an implementation
independent of the Rust core, following vendors.md section 5 and Looker's
node_example.js (compact JSON, encodeURIComponent escapes).

Prints JSON: the two embed-sdk vectors (checked here against the values
vendors.md quotes), URLs our signer must reproduce byte for byte, and URLs
in the style of Looker's python_example.py (spaced JSON, quote_plus, a
numeric external_user_id, external_group_id null) that a verifier must
accept because it HMACs the values as received.
"""

import base64
import hashlib
import hmac
import json
import sys
from urllib.parse import quote, quote_plus

# encodeURIComponent leaves these unescaped besides letters and digits.
JS_SAFE = "-_.!~*'()"


def js_encode(text):
    return quote(text, safe=JS_SAFE)


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def spaced(value):
    return json.dumps(value)


def string_to_sign(host, path, values):
    lines = [host, path, values["nonce"], values["time"], values["session_length"],
             values["external_user_id"], values["permissions"], values["models"]]
    for optional in ("group_ids", "external_group_id", "user_attributes"):
        if optional in values:
            lines.append(values[optional])
    lines.append(values["access_filters"])
    return "\n".join(lines)


def signature(secret, message, algorithm):
    digest = hashlib.sha1 if algorithm == "sha1" else hashlib.sha256
    return base64.b64encode(hmac.new(secret.encode("utf-8"), message.encode("utf-8"), digest).digest()).decode()


SIGNED = ["nonce", "time", "session_length", "external_user_id", "permissions", "models",
          "group_ids", "external_group_id", "user_attributes", "access_filters"]
UNSIGNED = ["first_name", "last_name", "user_timezone", "force_logout_login"]


def our_url(case):
    """The URL as our signer emits it: compact JSON, signed parameters in
    the signing order, the unsigned ones after, the signature last."""
    values = {
        "nonce": compact(case["nonce"]),
        "time": compact(case["time"]),
        "session_length": compact(case["session_length"]),
        "external_user_id": compact(case["external_user_id"]),
        "permissions": compact(case["permissions"]),
        "models": compact(case["models"]),
    }
    if case.get("group_ids"):
        values["group_ids"] = compact(case["group_ids"])
    if case.get("external_group_id") is not None:
        values["external_group_id"] = compact(case["external_group_id"])
    if case.get("user_attributes"):
        values["user_attributes"] = compact(case["user_attributes"])
    values["access_filters"] = compact(case.get("access_filters", {}))
    for name in UNSIGNED:
        if case.get(name) is not None:
            values[name] = compact(case[name])
    path = "/login/embed/" + js_encode(case["embed_url"])
    sig = signature(case["secret"], string_to_sign(case["host"], path, values), case["algorithm"])
    query = "&".join(f"{name}={js_encode(values[name])}" for name in SIGNED + UNSIGNED if name in values)
    return f"https://{case['host']}{path}?{query}&signature={js_encode(sig)}"


def python_sample_url(case):
    """The URL as Looker's python_example.py builds it (ported to Python 3):
    spaced JSON, quote_plus everywhere, external_group_id always present."""
    values = {
        "nonce": spaced(case["nonce"]),
        "time": spaced(case["time"]),
        "session_length": spaced(case["session_length"]),
        "external_user_id": spaced(case["external_user_id"]),
        "permissions": spaced(case["permissions"]),
        "models": spaced(case["models"]),
        "group_ids": spaced(case.get("group_ids", [])),
        "external_group_id": spaced(case.get("external_group_id")),
        "user_attributes": spaced(case.get("user_attributes", {})),
        "access_filters": spaced(case.get("access_filters", {})),
    }
    path = "/login/embed/" + quote_plus(case["embed_url"])
    sig = signature(case["secret"], string_to_sign(case["host"], path, values), "sha1")
    params = dict(values)
    params["signature"] = sig
    params["first_name"] = spaced(case.get("first_name"))
    params["last_name"] = spaced(case.get("last_name"))
    params["force_logout_login"] = spaced(True)
    query = "&".join(f"{k}={quote_plus(v)}" for k, v in params.items())
    return f"https://{case['host']}{path}?{query}"


SDK = {
    "host": "test.looker.com", "secret": "hunter2", "embed_url": "/embed/dashboards/1",
    "nonce": "abc123", "time": 1561486800, "session_length": 3600, "external_user_id": "user1",
    "permissions": ["access_data", "see_looks", "see_user_dashboards"],
    "models": ["powered_by", "thelook"], "algorithm": "sha1",
}
SDK_FULL = dict(SDK, group_ids=[1, 2, 3], external_group_id="group1",
                user_attributes={"locale": "en_US"},
                access_filters={"powered_by": {"products.brand": "Allegra K"}})
SDK_BARE = dict(SDK, access_filters={})
SDK_EXPECTED = [(SDK_FULL, "jcMKWo4eb4Y34CV7dpC6hAgi8oM="), (SDK_BARE, "RXMPyKsQerTI/fbPIwgoTqUsvio=")]

CASES = [
    ("embed-sdk full", SDK_FULL),
    ("embed-sdk bare", SDK_BARE),
    ("local host, sha256, unsigned extras", {
        "host": "127.0.0.1:8711", "secret": "local-looker-secret", "embed_url": "/embed/dashboards/7?Region=West&embed_domain=http://localhost:3000&sdk=3",
        "nonce": "n-0001", "time": 1795000000, "session_length": 900, "external_user_id": "ann-1",
        "permissions": ["access_data", "see_user_dashboards"], "models": ["thelook"],
        "group_ids": [4], "user_attributes": {"region": "West", "locale": "de_DE"},
        "access_filters": {}, "first_name": "Ann", "last_name": "Müller", "user_timezone": "Europe/Berlin",
        "force_logout_login": True, "algorithm": "sha256",
    }),
    ("non-ASCII, quotes, spaces and a plus", {
        "host": "acme.looker.com", "secret": "s3cret with spaces & ünïcode", "embed_url": "/embed/looks/12",
        "nonce": "a+b c\"d", "time": 1795000001, "session_length": 2592000, "external_user_id": "zoë+qa@example.com",
        "permissions": ["access_data", "see_looks"], "models": ["ümlaut model"],
        "external_group_id": "Vertrieb Süd", "access_filters": {"m": {"v.f": "a&b"}},
        "algorithm": "sha1",
    }),
]

PYTHON_SAMPLE_CASES = [
    ("python sample, spaced JSON, numeric user id", {
        "host": "your_company.looker.com", "secret": "b167c4998c1faadf5bf7742675aa6018aaa2e296f2eec5442b208d2cb6fdf1bd",
        "embed_url": "/embed/dashboards/3", "nonce": "5f0a1c2b3d4e5f60718293a4b5c6d7e8", "time": 1795000002,
        "session_length": 900, "external_user_id": 57, "first_name": "Embed Wil", "last_name": "Krouse",
        "permissions": ["see_lookml_dashboards", "access_data"], "models": ["thelook"], "group_ids": [5, 4],
        "external_group_id": "awesome_engineers",
        "user_attributes": {"an_attribute_name": "my_attribute_value", "my_number_attribute": "42"},
        "access_filters": {"fake_model": {"id": 1}},
    }),
    ("python sample, no group, external_group_id null", {
        "host": "your_company.looker.com", "secret": "hunter2", "embed_url": "/embed/explore/thelook/orders",
        "nonce": "0123456789abcdef0123456789abcdef", "time": 1795000003, "session_length": 300,
        "external_user_id": "u 1", "permissions": ["access_data", "explore"], "models": ["thelook"],
    }),
]


def main():
    for case, expected in SDK_EXPECTED:
        values = {n: compact(case[n]) for n in SIGNED if n in case}
        path = "/login/embed/" + js_encode(case["embed_url"])
        got = signature(case["secret"], string_to_sign(case["host"], path, values), "sha1")
        if got != expected:
            sys.exit(f"embed-sdk vector mismatch: {got} != {expected}")
    out = {
        "source": "scripts/vectors/looker.py (Python standard library)",
        "embed_sdk": [{"case": c, "signature": s} for c, s in SDK_EXPECTED],
        "signer": [{"name": n, "case": c, "url": our_url(c)} for n, c in CASES],
        "python_sample": [{"name": n, "host": c["host"], "secret": c["secret"], "url": python_sample_url(c)}
                          for n, c in PYTHON_SAMPLE_CASES],
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


main()
