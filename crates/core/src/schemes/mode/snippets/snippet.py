# Builds a Mode white-label embed URL: the parameters sorted by name, the
# timestamp last, signed with a lower-case hex HMAC-SHA256 of
# GET,,<Base64 MD5 of the empty body>,<URL>,<timestamp>.
# Run: @SECRET_ENV@=... python3 embed_url.py
@PRELUDE@
from urllib.parse import quote

# The values this URL was signed with. The timestamp ages out:
# in production take the current time for every URL (int(time.time())).
@DATA@


def component(text):
    """encodeURIComponent: everything but letters, digits and -_.!~*'() escaped."""
    return quote(text, safe="-_.!~*'()")


pairs = [("access_key", ACCESS_KEY)]
if MAX_AGE is not None:
    pairs.append(("max_age", str(MAX_AGE)))
pairs += [(name, value) for name, value in PARAMS]
pairs.sort(key=lambda pair: pair[0].encode("utf-8"))
url = REPORT_URL + "?" + "".join(component(n) + "=" + component(v) + "&" for n, v in pairs) + "timestamp=" + str(TIMESTAMP)
empty_body_md5 = base64.b64encode(hashlib.md5(b"").digest()).decode("ascii")
request = ",".join(["GET", "", empty_body_md5, url, str(TIMESTAMP)])
signature = hmac.new(SECRET.encode("utf-8"), request.encode("utf-8"), hashlib.sha256).hexdigest()
print(url + "&signature=" + signature)
