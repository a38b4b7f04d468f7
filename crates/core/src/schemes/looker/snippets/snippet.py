# Builds a Looker signed embed URL (every value JSON text, escaped as
# JavaScript's encodeURIComponent does). Run: @SECRET_ENV@=... python3 embed_url.py
@PRELUDE@
from urllib.parse import quote

# The values this URL was signed with. The nonce and the time are single-use:
# in production make them fresh for every URL (str(uuid.uuid4()) and int(time.time())).
@DATA@


def js(value):
    """JSON as JavaScript's JSON.stringify writes it: compact, Unicode kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def component(text):
    """encodeURIComponent: everything but letters, digits and -_.!~*'() escaped."""
    return quote(text, safe="-_.!~*'()")


# The host line is host[:port] without the scheme.
SCHEME, HOST_LINE = HOST.split("://", 1) if "://" in HOST else ("https", HOST)
HOST_ONLY = HOST_LINE.rstrip("/")
PATH = "/login/embed/" + component(EMBED_URL)
params = [
    ("nonce", js(NONCE)),
    ("time", js(TIME)),
    ("session_length", js(SESSION_LENGTH)),
    ("external_user_id", js(EXTERNAL_USER_ID)),
    ("permissions", js(PERMISSIONS)),
    ("models", js(MODELS)),
]
# Group ids, the external group id and user attributes are sent, and signed, only when present.
if GROUP_IDS:
    params.append(("group_ids", js(GROUP_IDS)))
if EXTERNAL_GROUP_ID is not None:
    params.append(("external_group_id", js(EXTERNAL_GROUP_ID)))
if USER_ATTRIBUTES:
    params.append(("user_attributes", js(dict(USER_ATTRIBUTES))))
# access_filters is deprecated but always signed: {} when unused.
params.append(("access_filters", js(json.loads(ACCESS_FILTERS))))
signed = [value for _, value in params]
# Not signed.
for name, value in [("first_name", FIRST_NAME), ("last_name", LAST_NAME), ("user_timezone", USER_TIMEZONE), ("force_logout_login", FORCE_LOGOUT_LOGIN)]:
    if value is not None:
        params.append((name, js(value)))
string_to_sign = "\n".join([HOST_ONLY, PATH] + signed)
digest = hashlib.sha1 if ALGORITHM == "sha1" else hashlib.sha256
signature = base64.b64encode(hmac.new(SECRET.encode("utf-8"), string_to_sign.encode("utf-8"), digest).digest()).decode("ascii")
query = "&".join(name + "=" + component(value) for name, value in params)
print(SCHEME + "://" + HOST_ONLY + PATH + "?" + query + "&signature=" + component(signature))
