"""Writes the CLI golden cases: each NAME.args (one argument per line) and NAME.exit.

The URLs are built here with Python's hmac, independently of the Rust core, and
the expected exit codes are set here by hand (0 accepted / success, 1 refused,
2 bad input). The expected stdout/stderr snapshots (NAME.stdout, NAME.stderr)
are written by the test harness with UPDATE_GOLDEN=1 and reviewed in the diff.

An argument may hold {{c*N}}: the harness expands it to N copies of c (used
for the 100 KB URL, to keep the file small).

Secrets reach the CLI through the environment: ES_SECRET=golden-secret,
ES_SECRET_WS="golden-secret\\n" (trailing newline),
ES_SECRET_HEX=0123456789abcdef (a hex-looking secret).

Usage: python3 tests/cli/cases.py
"""

import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = b"golden-secret"
NOW = 1700000100


def hexsig(msg, key=SECRET):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).hexdigest()


def sigma(params, path="https://app.sigmacomputing.com/embed/1-golden", key=SECRET):
    unsigned = path + "?" + "&".join(params)
    return unsigned + "&:signature=" + hexsig(unsigned, key)


REQUIRED = [
    ":nonce=8d2c3b1a-0f4e-4d5c-9b8a-7e6f5d4c3b2a",
    ":client_id=golden-client",
    ":email=ann@example.com",
    ":external_user_id=ann-1",
    ":external_user_team=Sales_Managers,Sales_People",
    ":account_type=Creator",
    ":mode=userbacked",
    ":session_length=600",
    ":time=1700000000",
]


def replace(params, name, value):
    return [(name + "=" + value) if p.startswith(name + "=") else p for p in params]


def b64url(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def jwt(claims, kid="golden-client", key=SECRET):
    head = b64url(json.dumps({"alg": "HS256", "kid": kid, "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64url(json.dumps(claims, separators=(",", ":")).encode())
    sig = b64url(hmac.new(key, (head + "." + body).encode(), hashlib.sha256).digest())
    return head + "." + body + "." + sig


def boldbi(params, escape=False, lower=False, path="https://bi.example.com/bi/site/site1/dashboards/d-1/Sales/Overview"):
    q = "&".join(params)
    sig = base64.b64encode(hmac.new(SECRET, (q.lower() if lower else q).encode(), hashlib.sha256).digest()).decode()
    if escape:
        sig = sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    return path + "?" + q + "&embed_signature=" + sig


GOOD = sigma(REQUIRED + [":ua_Region=West", ":theme=Dark", "Store-Region=West"])
HAZARDS = sigma([
    ":nonce=n-1", ":client_id=golden-client", ":email=neil.coleman+embed@example.com",
    ":external_user_id=u", ":external_user_team=Sales_Managers,%20Sales_People",
    ":account_type=viewer", ":mode=userbacked", ":session_length=600", ":time=1700000000000",
    ":sesion_length=600", ":theme=Dark", ":theme=Light", ":loading_text=a%2fb", ":hide_menu=True",
]).replace(":theme=Dark&", ":theme=Dark&") + "&:lng=fr"
JWT_CLAIMS = {"sub": "ann@example.com", "jti": "j-1", "iat": 1700000000, "exp": 1700003600,
              "account_type": "Viewer", "teams": ["Sales_People"], "user_attributes": {"Region": "East"}}
JWT_URL = "https://app.sigmacomputing.com/acme/workbook/Sales-1a2b?:jwt=" + jwt(JWT_CLAIMS) + "&:embed=true&:theme=Dark"
BOLD = ["embed_nonce=3e253410-1a82-4fb3-a337-122a8007dafc", "embed_user_email=ann@example.com",
        "embed_dashboard_export=false", "embed_timestamp=1700000000", "embed_expirationtime=86400"]

SV = ["--secret-env", "ES_SECRET", "--now", str(NOW)]
CASES = {
    # sign: URLs on stdout (cross-checked against Node/Python vectors elsewhere).
    "sign-sigma": (["sign", "sigma", "--embed-path", "https://app.sigmacomputing.com/embed/1-golden",
                    "--client-id", "golden-client", "--email", "ann+embed@example.com", "--external-user-id", "ann-1",
                    "--team", "Sales_Managers", "--team", "Sales People", "--account-type", "Creator",
                    "--session-length", "600", "--time", "1700000000", "--nonce", "n-1",
                    "--ua", "Region=West,East", "--param", ":theme=Dark", "--param", "Store-Region=West",
                    "--secret-env", "ES_SECRET"], 0),
    "sign-boldbi-escaped": (["sign", "boldbi", "--dashboard-url", "https://bi.example.com/bi/site/site1/dashboards/d-1/Sales/Overview",
                             "--email", "ann@example.com", "--nonce", "n-2", "--param", "hide_header=true",
                             "--timestamp", "1700000000", "--expiration", "86400", "--escape-signature", "--secret-env", "ES_SECRET"], 0),
    "sign-without-secret": (["sign", "boldbi", "--dashboard-url", "https://bi.example.com/bi/site/s/dashboards/1/C/N", "--email", "a@b.co"], 2),
    "sign-bad-embed-path": (["sign", "sigma", "--embed-path", "app.sigmacomputing.com/embed/x", "--client-id", "c", "--email", "a@b.co",
                             "--external-user-id", "u", "--team", "T", "--account-type", "Viewer", "--session-length", "600", "--secret-env", "ES_SECRET"], 2),
    # inspect
    "inspect-sigma-text": (["inspect", GOOD] + SV, 0),
    "inspect-sigma-json": (["inspect", GOOD, "--json"] + SV, 0),
    "inspect-hazards-text": (["inspect", HAZARDS], 0),
    "inspect-jwt-json": (["inspect", JWT_URL, "--json"] + SV, 0),
    "inspect-boldbi-text": (["inspect", boldbi(BOLD)] + SV, 0),
    "inspect-boldbi-json": (["inspect", boldbi(BOLD), "--json"] + SV, 0),
    "inspect-expired-without-secret": (["inspect", GOOD, "--now", "1700009999"], 0),
    # verify: one per verdict
    "verify-accepted": (["verify", GOOD] + SV, 0),
    "verify-accepted-json": (["verify", GOOD, "--json"] + SV, 0),
    "verify-tampered": (["verify", GOOD.replace("Creator", "Viewer")] + SV, 1),
    "verify-wrong-secret": (["verify", sigma(REQUIRED, key=b"another-secret")] + SV, 1),
    "verify-whitespace-secret": (["verify", GOOD, "--secret-env", "ES_SECRET_WS", "--now", str(NOW)], 1),
    "verify-wrong-client-id": (["verify", GOOD, "--client-id", "golden-clien"] + SV, 1),
    "verify-expired": (["verify", GOOD, "--secret-env", "ES_SECRET", "--now", "1700000601"], 1),
    "verify-future": (["verify", GOOD, "--secret-env", "ES_SECRET", "--now", "1699999000"], 1),
    "verify-wrong-mode": (["verify", sigma(replace(REQUIRED, ":mode", "userbaked"))] + SV, 1),
    "verify-invalid-email": (["verify", sigma(replace(REQUIRED, ":email", "ann+embed@example.com"))] + SV, 1),
    "verify-session-too-long": (["verify", sigma(replace(REQUIRED, ":session_length", "40000"))] + SV, 1),
    "verify-session-setting": (["verify", sigma(replace(REQUIRED, ":session_length", "40000")), "--max-session-length", "50000"] + SV, 0),
    "verify-no-team": (["verify", sigma(replace(REQUIRED, ":external_user_team", ""))] + SV, 1),
    "verify-missing-parameter": (["verify", sigma([p for p in REQUIRED if not p.startswith(":external_user_id")])] + SV, 1),
    "verify-hex-decoded-secret": (["verify", sigma(REQUIRED, key=bytes.fromhex("0123456789abcdef")), "--secret-env", "ES_SECRET_HEX", "--now", str(NOW)], 1),
    "verify-jwt-accepted": (["verify", JWT_URL] + SV, 0),
    "verify-jwt-too-long": (["verify", JWT_URL.split("?")[0] + "?:jwt=" + jwt(dict(JWT_CLAIMS, exp=1700000000 + 2592001)) + "&:embed=true"] + SV, 1),
    "verify-boldbi-accepted": (["verify", boldbi(BOLD)] + SV, 0),
    "verify-boldbi-lowercased": (["verify", boldbi(["embed_nonce=abc", "embed_user_email=Ann@Example.com"], escape=True, lower=True)] + SV, 1),
    "verify-boldbi-bad-expiration": (["verify", boldbi(BOLD[:3] + ["embed_expirationtime=86400"])] + SV, 1),
    "verify-needs-secret": (["verify", GOOD], 2),
    # diff
    "diff-text": (["diff", GOOD, GOOD.replace("Creator", "Viewer").replace(":theme=Dark&Store-Region=West", "Store-Region=West&:theme=Dark").replace("ann@example.com", "ann%40example.com")], 0),
    "diff-json": (["diff", JWT_URL, JWT_URL.replace("Dark", "Light"), "--json"], 0),
    # bad input: exit 2, a clear message, no panic
    "bad-empty": (["inspect", ""], 2),
    "bad-not-a-url": (["inspect", "hello world"], 2),
    "bad-huge": (["inspect", "https://h/embed/x?:nonce={{a*100000}}"], 2),
    "bad-percent-escape": (["inspect", "https://h/embed/x?:nonce=1&:email=a%zzb"], 2),
    "bad-not-utf8": (["inspect", "https://h/embed/x?:nonce=1&:email=%C3%28"], 2),
    "bad-jwt-not-base64": (["verify", "https://app.sigmacomputing.com/o/workbook/w?:jwt=not!base64.at!all.x&:embed=true"] + SV, 2),
    "bad-json-error": (["verify", "https://h/nothing", "--json"] + SV, 2),
    "bad-unknown-scheme": (["inspect", "https://example.com/page?q=1"], 2),
}

for old in os.listdir(HERE):
    if old.endswith((".args", ".exit")):
        os.remove(os.path.join(HERE, old))
for name, (args, code) in CASES.items():
    with open(os.path.join(HERE, name + ".args"), "w", encoding="utf-8") as f:
        f.write("\n".join(args) + "\n")
    with open(os.path.join(HERE, name + ".exit"), "w", encoding="utf-8") as f:
        f.write("%d\n" % code)
print("wrote %d cases" % len(CASES))
