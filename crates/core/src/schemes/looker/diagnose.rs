//! Why a Looker signature does not match: the other HMAC algorithm, a
//! signed parameter that is missing, or a signer that signed another host.

use super::{signed_string, Algorithm, SIGNATURE_PARAM};
use crate::mac::tags_equal;
use crate::query::ParsedUrl;
use crate::secret::Secret;

/// Looker's common signing mistakes, each an HMAC away.
pub fn cause(url: &ParsedUrl, secret: &Secret, algorithm: Algorithm) -> Option<(String, String)> {
    let message = match signed_string(url, None) {
        Ok(message) => message,
        Err(missing) => {
            return Some((
                format!("The signed parameter {missing} is missing, so the text Looker signs cannot be rebuilt."),
                format!("Send {missing} (access_filters is always signed: send {{}} when unused)."),
            ))
        }
    };
    let received = &url
        .params
        .iter()
        .rev()
        .find(|p| p.name == SIGNATURE_PARAM)?
        .value;
    let other = algorithm.other();
    if tags_equal(&other.tag(secret, message.as_bytes()), received) {
        return Some((
            format!("The URL was signed with HMAC-{}, but the secret that checks it is HMAC-{}: the signature is a valid HMAC-{} of the signed text.", other.id().to_uppercase(), algorithm.id().to_uppercase(), other.id().to_uppercase()),
            format!("Sign with {} (the form's Signing algorithm, saved as the profile's default), as the secret's type says: secrets made with the create_embed_secret API default to SHA-256, those made in Admin > Embed are SHA-1. On the local host the secret's type is the setting looker-algorithm.", algorithm.id()),
        ));
    }
    None
}
