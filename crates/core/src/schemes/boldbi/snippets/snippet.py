# Builds a Bold BI embed URL with token authentication.
# Run: @SECRET_ENV@=... python3 embed_url.py
@PRELUDE@

# The values this URL was signed with. The nonce and the time are single-use:
# in production make them fresh for every URL (str(uuid.uuid4()) and int(time.time())).
@DATA@

query = "embed_nonce=" + enc(NONCE) + "&embed_user_email=" + enc(EMAIL)
for name, value in OPTIONS:
    query += "&" + enc(name, b"=") + "=" + enc(value)
if TIMESTAMP is not None:
    query += "&embed_timestamp=" + str(TIMESTAMP)
    if EXPIRATION is not None:
        query += "&embed_expirationtime=" + str(EXPIRATION)
# Only the query is signed, and the signature is standard Base64.
signature = base64.b64encode(hmac_sha256(query)).decode("ascii")
# The vendor's sample appends it raw, so a '+' in it can arrive as a space; escaping avoids that.
if ESCAPE_SIGNATURE:
    signature = signature.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
print(DASHBOARD_URL + "?" + query + "&embed_signature=" + signature)
