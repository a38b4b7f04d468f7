import base64
import hashlib
import hmac
import json
import os
import sys

# The secret comes from the environment: never write it into code.
SECRET = os.environ.get("@SECRET_ENV@")
if not SECRET:
    sys.exit("Set @SECRET_ENV@ to the embed secret.")

@ENCODE@
# Percent-encodes (uppercase hex) only the bytes that would break the URL:
# controls, non-ASCII, space and "#%&+<>[\]^`{|}, plus `extra`.
ALWAYS = b' "#%&+<>[\\]^`{|}'


def enc(text, extra=b""):
    return "".join(
        chr(b) if 0x20 <= b < 0x7F and b not in ALWAYS and b not in extra else "%%%02X" % b
        for b in text.encode("utf-8")
    )


def enc_list(items):
    """A comma-separated list: commas inside an element are escaped, the separators are not."""
    return ",".join(enc(item, b",") for item in items)


@END_ENCODE@
def hmac_sha256(message):
    return hmac.new(SECRET.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
