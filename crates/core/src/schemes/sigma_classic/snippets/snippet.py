# Builds and signs a Sigma classic embed URL (:mode=userbacked), as Sigma's
# embed-api.js does. Run: @SECRET_ENV@=... python3 embed_url.py
@PRELUDE@

# The values this URL was signed with. The nonce and the time are single-use:
# in production make them fresh for every URL (str(uuid.uuid4()) and int(time.time())).
@DATA@

url = (
    EMBED_PATH + "?:nonce=" + enc(NONCE) + "&:client_id=" + enc(CLIENT_ID) + "&:email=" + enc(EMAIL)
    + "&:external_user_id=" + enc(EXTERNAL_USER_ID) + "&:external_user_team=" + enc_list(TEAMS)
)
if ACCOUNT_TYPE is not None:
    url += "&:account_type=" + enc(ACCOUNT_TYPE)
url += "&:mode=" + enc(MODE) + "&:session_length=" + str(SESSION_LENGTH) + "&:time=" + str(TIME)
for name, values in USER_ATTRIBUTES:
    url += "&:ua_" + enc(name, b"=") + "=" + enc_list(values)
for name, value in PARAMS:
    url += "&" + enc(name, b"=") + "=" + enc(value)
# The signature covers the whole URL so far and goes last.
url += "&:signature=" + hmac_sha256(url).hex()
print(url)
