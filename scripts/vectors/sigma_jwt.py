"""Independent HS256 implementation of Sigma's JWT embed, for golden vectors.

Python's standard library only (json, hmac, hashlib, base64): header
{"typ":"JWT","alg":"HS256","kid":<client id>}, compact JSON, claims in the
product's documented order, base64url without padding, signature over
"header.claims" keyed by the secret's UTF-8 bytes. The URL is
<workbook url>?:jwt=<token>&:embed=true followed by the interface
parameters. `verify` mode checks a token produced by someone else.

Usage: python3 scripts/vectors/sigma_jwt.py > tests/vectors/sigma_jwt.json
       python3 scripts/vectors/sigma_jwt.py verify SECRET_ENV_VAR < url
"""

import base64
import hashlib
import hmac
import json
import os
import sys
from urllib.parse import parse_qsl, quote, urlsplit


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def token(case):
    header = {"typ": "JWT", "alg": "HS256", "kid": case["client_id"]}
    claims = {"sub": case["email"], "jti": case["jti"], "iat": case["iat"], "exp": case["iat"] + case["ttl"]}
    if case.get("iss") is not None:
        claims["iss"] = case["iss"]
    if case.get("ver") is not None:
        claims["ver"] = case["ver"]
        if case["ver"] == "1.1":
            claims["aud"] = "sigmacomputing"
    if case.get("account_type") is not None:
        claims["account_type"] = case["account_type"]
    if case["teams"]:
        claims["teams"] = case["teams"]
    if case["user_attributes"]:
        claims["user_attributes"] = {k: v for k, v in case["user_attributes"]}
    for optional in ("eval_connection_id", "first_name", "last_name"):
        if case.get(optional) is not None:
            claims[optional] = case[optional]
    signing_input = b64url(compact(header)) + "." + b64url(compact(claims))
    sig = hmac.new(case["secret"].encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()
    return signing_input + "." + b64url(sig)


def url(case):
    out = case["workbook_url"] + "?:jwt=" + quote(token(case), safe="") + "&:embed=true"
    for name, value in case["params"]:
        out += "&" + quote(name, safe="-._~!$'()*,;:@/?") + "=" + quote(value, safe="-._~!$'()*,;:@/?=")
    return out


def verify(secret_env):
    """Exit 0 when the :jwt of the URL on stdin is a valid HS256 token under the secret."""
    secret = os.environ[secret_env].encode("utf-8")
    query = urlsplit(sys.stdin.read().strip()).query
    tok = dict(parse_qsl(query, keep_blank_values=True))[":jwt"]
    head, body, sig = tok.split(".")
    header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
    expected = b64url(hmac.new(secret, (head + "." + body).encode("ascii"), hashlib.sha256).digest())
    ok = header.get("alg") == "HS256" and hmac.compare_digest(expected, sig)
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    print(json.dumps({"valid": ok, "kid": header.get("kid"), "claims": claims}, ensure_ascii=False))
    sys.exit(0 if ok else 1)


BASE = {
    "secret": "0123456789abcdef" * 4,
    "workbook_url": "https://app.sigmacomputing.com/acme/workbook/Sales-Dashboard-5Xb2kQ",
    "client_id": "c0ffee00" * 8,
    "email": "embed.user@example.com",
    "jti": "6f1c2d3e-4b5a-4978-8a1b-2c3d4e5f6a7b",
    "iat": 1700000000,
    "ttl": 3600,
    "teams": [],
    "user_attributes": [],
    "params": [],
}

CASES = [
    dict(BASE, name="required claims only"),
    dict(BASE, name="teams, account type and attributes in order", teams=["Sales_Managers", "Sales_People"], account_type="Viewer", user_attributes=[["Region", "West"], ["Tier", "Gold"]]),
    dict(BASE, name="version 1.1 with issuer and names", ver="1.1", iss="c0ffee00" * 8, first_name="Zoë", last_name="Ångström", eval_connection_id="conn-1"),
    dict(BASE, name="unicode claims and interface parameters", email="zoë+jwt@example.com", teams=["東京"], params=[[":theme", "Dark"], [":menu_position", "none"], ["Store-Region", "West Coast"]]),
    dict(BASE, name="thirty-day lifetime", ttl=2592000),
]

if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "verify":
        verify(sys.argv[2])
    vectors = [dict(case, url=url(case)) for case in CASES]
    json.dump({"generator": "scripts/vectors/sigma_jwt.py (Python stdlib HS256)", "vectors": vectors}, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
