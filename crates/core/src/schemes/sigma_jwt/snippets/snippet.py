# Builds a Sigma JWT embed URL (HS256, kid = client id).
# Run: @SECRET_ENV@=... python3 embed_url.py
@PRELUDE@

# The values this URL was signed with. The nonce and the time are single-use:
# in production make them fresh for every URL (str(uuid.uuid4()) and int(time.time())).
@DATA@


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# Claim order matters only for reproducing this exact token; Sigma reads any order.
header = {"typ": "JWT", "alg": "HS256", "kid": CLIENT_ID}
claims = {"sub": EMAIL, "jti": JTI, "iat": IAT, "exp": IAT + TTL}
if ISSUER is not None:
    claims["iss"] = ISSUER
if VERSION is not None:
    claims["ver"] = VERSION
if VERSION == "1.1":
    claims["aud"] = "sigmacomputing"
if ACCOUNT_TYPE is not None:
    claims["account_type"] = ACCOUNT_TYPE
if TEAMS:
    claims["teams"] = TEAMS
if USER_ATTRIBUTES:
    claims["user_attributes"] = dict(USER_ATTRIBUTES)
if EVAL_CONNECTION_ID is not None:
    claims["eval_connection_id"] = EVAL_CONNECTION_ID
if FIRST_NAME is not None:
    claims["first_name"] = FIRST_NAME
if LAST_NAME is not None:
    claims["last_name"] = LAST_NAME
unsigned = b64url(compact(header)) + "." + b64url(compact(claims))
token = unsigned + "." + b64url(hmac_sha256(unsigned))
url = WORKBOOK_URL + "?:jwt=" + enc(token) + "&:embed=true"
# Interface parameters ride unsigned beside the token.
for name, value in PARAMS:
    url += "&" + enc(name, b"=") + "=" + enc(value)
print(url)
