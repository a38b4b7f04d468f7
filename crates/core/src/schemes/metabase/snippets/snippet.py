# Builds a Metabase static embed URL: an HS256 JWT over the resource, the
# locked parameters and exp, under the embedding secret as text, in
# /embed/<resource>/<token>#<appearance> (PyJWT's jwt.encode(payload, secret,
# algorithm="HS256") signs the same claims; it escapes non-ASCII text, so its
# token differs there). Run: @SECRET_ENV@=... python3 embed_url.py
@PRELUDE@

# The values this URL was signed with. The token expires:
# in production take the current time for every URL (int(time.time())).
@DATA@


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def js(value):
    """JSON as JavaScript's JSON.stringify writes it: compact, Unicode kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# A numeric id is a number in the token; an entity id a string.
resource_id = int(ID) if ID.isascii() and ID.isdigit() and (ID == "0" or not ID.startswith("0")) else ID
payload = {"resource": {RESOURCE: resource_id}, "params": {slug: json.loads(value) for slug, value in PARAMS}}
exp = EXP_AT if EXP_AT is not None else (TIME + TTL if TTL is not None else None)
if exp is not None:
    payload["exp"] = exp
signing_input = b64url(b'{"alg":"HS256","typ":"JWT"}') + "." + b64url(js(payload).encode("utf-8"))
signature = b64url(hmac.new(SECRET.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest())
appearance = "&".join(key + "=" + value for key, value in APPEARANCE)
print(SITE_URL.rstrip("/") + "/embed/" + RESOURCE + "/" + signing_input + "." + signature + ("#" + appearance if appearance else ""))
