"""Metabase static embed vectors, independently of the Rust core (Python's
standard library only), from vendors.md section 6:

    token = base64url('{"alg":"HS256","typ":"JWT"}') + "." + base64url(payload)
            + "." + base64url(HMAC_SHA256(key = the secret as text, signing input))
    payload = {"resource": {"dashboard": ID}, "params": {...}, "exp": T}  (compact JSON)
    url = site + "/embed/dashboard/" + token + "#bordered=true&titled=true"

"valid_at" and "expired_at" bracket Metabase's rule (expired iff
exp <= now - 60); "forged" cases are tokens Metabase refuses.

Usage: python3 scripts/vectors/metabase.py > tests/vectors/metabase.json
"""

import base64
import hashlib
import hmac
import json


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def js(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def token(header, payload, secret):
    signing_input = b64url(header.encode("utf-8")) + "." + b64url(js(payload).encode("utf-8"))
    signature = hmac.new(secret.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + b64url(signature)


HEADER = '{"alg":"HS256","typ":"JWT"}'
SECRET = "6c6e3b1f0d2a4e5f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f"

CASES = [
    {
        "name": "dashboard, no params, exp (Metabase's Node snippet)",
        "site_url": "https://metabase.example.com",
        "resource": "dashboard",
        "id": "1",
        "params": [],
        "exp": 1795000600,
        "appearance": [["bordered", "true"], ["titled", "true"]],
    },
    {
        "name": "question by entity id, locked params of every JSON kind, no exp",
        "site_url": "https://bi.example.org/metabase",
        "resource": "question",
        "id": "Xn2tVJYRsG8y3h9kP4QwA",
        "params": [["region", "\"Zürich & West\""], ["ids", "[1,2,3]"], ["flag", "true"], ["none", "[]"]],
        "exp": None,
        "appearance": [],
    },
]

out = []
for case in CASES:
    resource_id = int(case["id"]) if case["id"].isdigit() else case["id"]
    payload = {"resource": {case["resource"]: resource_id}, "params": {k: json.loads(v) for k, v in case["params"]}}
    if case["exp"] is not None:
        payload["exp"] = case["exp"]
    t = token(HEADER, payload, SECRET)
    hash_part = "&".join(k + "=" + v for k, v in case["appearance"])
    entry = dict(case)
    entry["secret"] = SECRET
    entry["token"] = t
    entry["url"] = case["site_url"] + "/embed/" + case["resource"] + "/" + t + ("#" + hash_part if hash_part else "")
    out.append(entry)

forged = {
    "secret": SECRET,
    "tampered": None,
    "alg_none": b64url(b'{"alg":"none","typ":"JWT"}') + "." + b64url(js({"resource": {"dashboard": 1}, "params": {}}).encode()) + ".",
    "wrong_secret": token(HEADER, {"resource": {"dashboard": 1}, "params": {}}, "another-secret"),
}
good = out[0]["token"].split(".")
forged["tampered"] = good[0] + "." + b64url(js({"resource": {"dashboard": 2}, "params": {}, "exp": 1795000600}).encode()) + "." + good[2]

print(json.dumps({"cases": out, "forged": forged}, indent=2, ensure_ascii=False))
