"""URLs built the way the vendors' own published samples build them, for golden vectors.

Independent of the Rust core (Python standard library only). Each entry
re-implements one sample's construction as vendors.md describes it:

- Sigma's embed-signing-packages python/signing.py: the parameters in dict
  order with :account_type last, each value through quote(v, safe=",:"),
  :time as time.time() (a float), HMAC-SHA256 hex over the whole URL, then
  "&:signature=".
- Sigma's Python package with a team holding a space: quote() sends it as
  %20, which a space must be (never an "encoded name").
- Looker's Ruby (URI.encode_www_form, the group, external group and user
  attributes after the signature), Go (url.Values.Encode() sorts its keys,
  so time and user_attributes follow the signature) and C# (HostPort 0 puts
  ":0" in the URL no browser can load) samples.
- Bold BI's C# samples print booleans as bool.ToString() does (True,
  False), and its Node and PHP samples sign the Embed SDK's authorize query
  (embed_dashboard_id ... embed_server_timestamp) and GET
  <api>/embed/authorize?<query>&embed_signature=<sig>.
- Bold BI's iframe samples and current docs: the widget URL
  ("?isWidgetMode=true&widgetId=<id>&" in front, unsigned), the culture
  segment (/bi/en-us/site/...), embed_datasource_filter with raw '&' inside
  its value, the v12+ parameter names and their legacy names; the signed
  string is the embed parameters alone, Base64 HMAC-SHA256 appended raw.

Each vector says which hazards the inspector must name and which it must
not (a current parameter called unknown is a bug).

Usage: python3 scripts/vectors/vendor_samples.py > tests/vectors/vendor_samples_py.json
"""

import base64
import hashlib
import hmac
import json
import sys
from urllib.parse import quote, quote_plus, urlencode

SIGMA_SECRET = "0123456789abcdef" * 8
SIGMA_PATH = "https://app.sigmacomputing.com/embed/1-2wDc2M6GqIrajkSwjkl0az"
FLOAT_TIME = 1795314028.069265


def sigma_python_package(time_value, account_type, email="ann.lee@example.com", teams="Sales_Managers,Sales_People"):
    params = {
        ":nonce": "5d3c0b9a-8f2e-4f7e-9a61-0c9f1b2e3d4a",
        ":client_id": "c0ffee00" * 8,
        ":email": email,
        ":external_user_id": "ann-lee-1",
        ":external_user_team": teams,
        ":mode": "userbacked",
        ":session_length": 3600,
        ":time": time_value,
        ":account_type": account_type,
    }
    query = "&".join(name + "=" + quote(str(value), safe=",:") for name, value in params.items())
    unsigned = SIGMA_PATH + "?" + query
    signature = hmac.new(SIGMA_SECRET.encode("utf-8"), unsigned.encode("utf-8"), hashlib.sha256).hexdigest()
    return unsigned + "&:signature=" + signature


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sigma_jwt(claims, order_embed_first=True, extra=""):
    """HS256 as Sigma's signing packages build it: header {alg, typ, kid}, the
    secret's UTF-8 bytes as key, the URL with ?:embed=true&:jwt=<token>."""
    header = {"alg": "HS256", "typ": "JWT", "kid": "c0ffee00" * 8}
    signing_input = b64url(json.dumps(header, separators=(",", ":")).encode()) + "." + b64url(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(SIGMA_SECRET.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()
    token = signing_input + "." + b64url(signature)
    workbook = "https://app.sigmacomputing.com/acme/workbook/Sales-1a2b"
    query = ":embed=true&:jwt=" + token if order_embed_first else ":jwt=" + token + "&:embed=true"
    return workbook + "?" + query + extra


JWT_IAT = 1795314000


def jwt_claims(**extra):
    claims = {"sub": "ann_lee@example.com", "jti": "7f9e3c1a-jwt", "iat": JWT_IAT, "exp": JWT_IAT + 3600,
              "account_type": "Analyze", "teams": ["Sales_Managers"]}
    claims.update(extra)
    return claims


BOLDBI_SECRET = "7tFaq2zidmxJN8Pid6IUAiGFqAUwMfK"
BOLDBI_SERVER = "https://bi.example.com/bi"
BOLDBI_NOW = 1795314000


def boldbi(dashboard_url, embed_params):
    """dashboard_url ends in '?' or '&'; embed_params are already URL text."""
    signature = base64.b64encode(
        hmac.new(BOLDBI_SECRET.encode("utf-8"), embed_params.encode("utf-8"), hashlib.sha256).digest()
    ).decode("ascii")
    return dashboard_url + embed_params + "&embed_signature=" + signature


def identity(nonce):
    return "embed_nonce=" + nonce + "&embed_user_email=bo.chen@example.com"


def validity():
    return "&embed_timestamp=" + str(BOLDBI_NOW) + "&embed_expirationtime=86400"


DASHBOARD = BOLDBI_SERVER + "/site/site1/dashboards/8428c9ee-0b4e-4d2d-9c9c-1a2b3c4d5e6f/Sales/Overview"
BOLDBI_API = BOLDBI_SERVER + "/api/site/site1"
DASHBOARD_ID = "8428c9ee-0b4e-4d2d-9c9c-1a2b3c4d5e6f"


def boldbi_authorize(nonce, dashboard_id=DASHBOARD_ID):
    """Bold BI's Node sample (embed.js) and PHP sample: the Embed SDK's
    embedQuerString, then the server appends the user and its timestamp,
    signs the whole string (Base64 HMAC-SHA256) and GETs the authorize URL
    with the signature appended raw."""
    sdk = ("embed_nonce=" + nonce + "&embed_dashboard_id=" + dashboard_id
           + "&embed_dashboard_ids=&embed_dashboard_path=&embed_dashboard_paths=&pinboard_name="
           + "&embed_mode=view&embed_timestamp=" + str(BOLDBI_NOW) + "&embed_expirationtime=86400")
    query = sdk + "&embed_user_email=bo.chen@example.com&embed_server_timestamp=" + str(BOLDBI_NOW)
    signature = base64.b64encode(
        hmac.new(BOLDBI_SECRET.encode("utf-8"), query.encode("utf-8"), hashlib.sha256).digest()
    ).decode("ascii")
    return BOLDBI_API + "/embed/authorize?" + query + "&embed_signature=" + signature


def raw_plus(url):
    """vendors.md section 4: Bold BI's samples append the Base64 signature
    raw, and a '+' in it is named as a hazard."""
    return ["raw-plus"] if "+" in url.split("&embed_signature=")[1] else []


CSHARP_URL = boldbi(DASHBOARD + "?", identity("f6a7b8c9-csharp") + "&embed_dashboard_views=True&embed_dashboard_export=True&embed_dashboard_comments=False&hide_header=False" + validity())

LOOKER_SECRET = "looker-sample-secret-6d5e4f"
LOOKER_TIME = 1795314000


def looker_values(json_text):
    return {
        "nonce": json_text("n-4f3e2d1c0b"),
        "time": str(LOOKER_TIME),
        "session_length": "3600",
        "external_user_id": json_text("user-57"),
        "permissions": json_text(["access_data", "see_user_dashboards"]),
        "models": json_text(["thelook"]),
        "group_ids": json_text([5, 4]),
        "external_group_id": json_text("awesome_engineers"),
        "user_attributes": json_text({"region": "West"}),
        "access_filters": json_text({}),
    }


def looker_signature(host, path, values):
    lines = [host, path] + [values[n] for n in ("nonce", "time", "session_length", "external_user_id",
                                                 "permissions", "models", "group_ids", "external_group_id",
                                                 "user_attributes", "access_filters")]
    return base64.b64encode(hmac.new(LOOKER_SECRET.encode("utf-8"), "\n".join(lines).encode("utf-8"),
                                     hashlib.sha1).digest()).decode()


def compact_json(value):
    return json.dumps(value, separators=(",", ":"))


def looker_ruby(host="acme.looker.com"):
    """ruby_example.rb: URI.encode_www_form of the parameters in the order
    the sample lists them, with group_ids, external_group_id and
    user_attributes added after signature."""
    values = looker_values(compact_json)
    path = "/login/embed/" + quote("/embed/dashboards/3", safe="")
    params = [(n, values[n]) for n in ("nonce", "time", "session_length", "external_user_id",
                                       "permissions", "models", "access_filters")]
    params += [("first_name", compact_json("Embed")), ("last_name", compact_json("Wil")),
               ("force_logout_login", "true")]
    params.append(("signature", looker_signature(host, path, values)))
    params += [(n, values[n]) for n in ("group_ids", "external_group_id", "user_attributes")]
    return "https://" + host + path + "?" + urlencode(params)


def looker_go(host="acme.looker.com"):
    """go_example.go: url.Values.Encode() sorts by key, so signature comes
    before time and user_attributes."""
    values = looker_values(compact_json)
    path = "/login/embed/" + quote("/embed/dashboards/3", safe="")
    params = dict(values)
    params["first_name"] = compact_json("Embed")
    params["last_name"] = compact_json("Wil")
    params["force_logout_login"] = "true"
    params["signature"] = looker_signature(host, path, values)
    return "https://" + host + path + "?" + "&".join(quote_plus(k) + "=" + quote_plus(params[k]) for k in sorted(params))


def looker_csharp_port_zero():
    """The C# sample with its default HostPort = 0: the URL carries ':0'."""
    host = "acme.looker.com:0"
    values = looker_values(compact_json)
    path = "/login/embed/" + quote("/embed/dashboards/3", safe="")
    names = ("nonce", "time", "session_length", "external_user_id", "permissions", "models",
             "group_ids", "external_group_id", "user_attributes", "access_filters")
    query = "&".join(n + "=" + quote(values[n], safe="") for n in names)
    return "https://" + host + path + "?" + query + "&signature=" + quote(looker_signature(host, path, values), safe="")

vectors = [
    {
        "name": "Sigma Python signing package with a team holding a space: %20, as a space must travel",
        "scheme": "sigma-classic",
        "secret": SIGMA_SECRET,
        "url": sigma_python_package(1795314028, "Viewer", teams="Embedded Users,EmbeddingTown"),
        "now": 1795314028 + 60,
        "only_hazards": [],
    },
    {
        "name": "Looker ruby_example.rb: group_ids, external_group_id and user_attributes after the signature",
        "scheme": "looker",
        "secret": LOOKER_SECRET,
        "url": looker_ruby(),
        "now": LOOKER_TIME + 60,
        "only_hazards": [],
    },
    {
        "name": "Looker go_example.go: url.Values.Encode() sorts time and user_attributes after the signature",
        "scheme": "looker",
        "secret": LOOKER_SECRET,
        "url": looker_go(),
        "now": LOOKER_TIME + 60,
        "only_hazards": [],
    },
    {
        "name": "Looker C# sample with its default HostPort = 0: no browser can load :0",
        "scheme": "looker",
        "secret": LOOKER_SECRET,
        "url": looker_csharp_port_zero(),
        "now": LOOKER_TIME + 60,
        "only_hazards": ["port-zero"],
    },
    {
        "name": "Bold BI C# sample: booleans as bool.ToString() prints them (True, False)",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": CSHARP_URL,
        "now": BOLDBI_NOW + 60,
        "only_hazards": sorted(["csharp-boolean", "legacy-parameter"] + raw_plus(CSHARP_URL)),
        "strict_setting": "boldbi-strict-booleans",
    },
    {
        "name": "Bold BI Node and PHP samples: the Embed SDK's authorize request",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": boldbi_authorize("0d9c8b7a-6f5e-4d3c-b2a1-authorize"),
        "now": BOLDBI_NOW + 60,
        # vendors.md section 4: a raw '+' in the Base64 signature is shown as a hazard.
        "only_hazards": raw_plus(boldbi_authorize("0d9c8b7a-6f5e-4d3c-b2a1-authorize")),
    },
    {
        "name": "Sigma JWT as the signing packages send it: ?:embed=true&:jwt=, ver 1.1 with aud, sub with an underscore",
        "scheme": "sigma-jwt",
        "secret": SIGMA_SECRET,
        "url": sigma_jwt(jwt_claims(ver="1.1", aud="sigmacomputing"), extra="&:menu_position=none&:hide_explore_toggle=true"),
        "now": JWT_IAT + 60,
        "hazards": ["sub-underscore"],
        "not_hazards": ["unknown-parameter", "not-beside-jwt"],
    },
    {
        "name": "Sigma JWT with an interface parameter Sigma does not take beside a JWT",
        "scheme": "sigma-jwt",
        "secret": SIGMA_SECRET,
        "url": sigma_jwt(jwt_claims(sub="ann.lee@example.com"), order_embed_first=False, extra="&:hide_send=true"),
        "now": JWT_IAT + 60,
        "hazards": ["not-beside-jwt"],
        "not_hazards": ["unknown-parameter", "sub-underscore"],
    },
    {
        "name": "Sigma JWT ver 1.0 carrying connection_oauth_tokens (Sigma documents the refusal)",
        "scheme": "sigma-jwt",
        "secret": SIGMA_SECRET,
        "url": sigma_jwt(jwt_claims(sub="ann.lee@example.com", connection_oauth_tokens={"conn-1": "salt.iv.tag.ct"})),
        "now": JWT_IAT + 60,
        "refused": "oauth-needs-version-1-1",
        "hazards": ["needs-partner"],
        "not_hazards": [],
    },
    {
        "name": "Sigma JWT ver 1.1 without aud",
        "scheme": "sigma-jwt",
        "secret": SIGMA_SECRET,
        "url": sigma_jwt(jwt_claims(sub="ann.lee@example.com", ver="1.1")),
        "now": JWT_IAT + 60,
        "refused": "missing-parameter",
        "hazards": ["needs-partner"],
        "not_hazards": [],
    },
    {
        "name": "an expired Sigma JWT is EINVAL",
        "scheme": "sigma-jwt",
        "secret": SIGMA_SECRET,
        "url": sigma_jwt(jwt_claims(sub="ann.lee@example.com")),
        "now": JWT_IAT + 3600 + 60,
        "refused": "expired",
        "code": "EINVAL",
        "hazards": [],
        "not_hazards": [],
    },
    {
        "name": "Sigma Python signing package: fractional :time, :account_type last, quote(safe=',:')",
        "scheme": "sigma-classic",
        "secret": SIGMA_SECRET,
        "url": sigma_python_package(FLOAT_TIME, "Build", email="ann.lee+embed@example.com"),
        "now": int(FLOAT_TIME) + 60,
        "hazards": ["fractional-time"],
        "not_hazards": ["unknown-parameter", "out-of-range", "missing-required"],
        "strict_setting": "sigma-strict-time",
        "expires_at": int(FLOAT_TIME) + 3600,
    },
    {
        "name": "Sigma Python signing package with a whole :time and a legacy account type",
        "scheme": "sigma-classic",
        "secret": SIGMA_SECRET,
        "url": sigma_python_package(1795314028, "Viewer"),
        "now": 1795314028 + 60,
        "hazards": [],
        "not_hazards": ["unknown-parameter", "out-of-range", "fractional-time"],
    },
    {
        "name": "Bold BI widget sample: isWidgetMode and widgetId in front, unsigned",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": boldbi(DASHBOARD + "?isWidgetMode=true&widgetId=3f2a1b7c-widget&", identity("a1b2c3d4-widget") + validity()),
        "now": BOLDBI_NOW + 60,
        "hazards": ["unsigned-prefix"],
        "not_hazards": ["unknown-parameter"],
    },
    {
        "name": "Bold BI culture segment: /bi/en-us/site/...",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": boldbi(BOLDBI_SERVER + "/en-us/site/site1/dashboards/8428c9ee-0b4e-4d2d-9c9c-1a2b3c4d5e6f/Sales/Overview?", identity("b2c3d4e5-culture") + validity()),
        "now": BOLDBI_NOW + 60,
        "hazards": [],
        "not_hazards": ["unknown-parameter"],
    },
    {
        "name": "Bold BI embed_datasource_filter with raw & (the documented form)",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": boldbi(DASHBOARD + "?", identity("c3d4e5f6-filter") + "&embed_datasource_filter=&&Region=West&Store=Seattle" + validity()),
        "now": BOLDBI_NOW + 60,
        "hazards": ["datasource-filter"],
        "not_hazards": ["unknown-parameter"],
        "filter": "&&Region=West&Store=Seattle",
    },
    {
        "name": "Bold BI v12+ parameter names with their current values",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": boldbi(DASHBOARD + "?", identity("d4e5f6a7-current") + "&views=true&export=true&dashboard_comments=false&widget_comments=true&hide_ai_icons=du,ch&enable_ai_assistant=true&embed_dashboard_favorite=true&hide_tool=dp,sh&hide_widget_tool=fr,om&hide_metrics=true" + validity()),
        "now": BOLDBI_NOW + 60,
        "hazards": [],
        "not_hazards": ["unknown-parameter", "out-of-range", "legacy-parameter"],
    },
    {
        "name": "Bold BI legacy parameter names (supported up to version 11.3)",
        "scheme": "boldbi",
        "secret": BOLDBI_SECRET,
        "url": boldbi(DASHBOARD + "?", identity("e5f6a7b8-legacy") + "&embed_dashboard_views=true&embed_dashboard_export=true&embed_dashboard_comments=true&embed_widget_comments=true" + validity()),
        "now": BOLDBI_NOW + 60,
        "hazards": ["legacy-parameter"],
        "not_hazards": ["unknown-parameter"],
    },
]

json.dump({"generator": "scripts/vectors/vendor_samples.py (Python hmac, base64, urllib.parse.quote)", "vectors": vectors}, sys.stdout, indent=2, ensure_ascii=False)
sys.stdout.write("\n")
