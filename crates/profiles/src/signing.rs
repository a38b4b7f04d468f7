//! Signs the app's form for a profile, with the profile's secret. The form
//! and what it means live in the core (`embed_core::form`); this adds the
//! profile.

use embed_core::form::Environment;
pub use embed_core::form::SignForm;
use embed_core::form_request::request;
use embed_core::model::embedding::Embedding;
use embed_core::Secret;

use crate::error::ProfileError;
use crate::store::Profile;

/// The environment half of `profile`.
pub fn environment(profile: &Profile) -> Environment {
    Environment {
        scheme: profile.scheme,
        embed_path: profile.embed_path.clone(),
        client_id: profile.client_id.clone(),
    }
}

/// Signs `form` for `profile` with `secret` at `now` (`fresh_nonce` makes a
/// nonce when the form has none): the signed artifact (what the inspector
/// reads), and the whole embedding (URL and/or token, and the markup).
pub fn embedding(
    profile: &Profile,
    secret: &Secret,
    form: &SignForm,
    now: u64,
    fresh_nonce: impl Fn() -> String,
) -> Result<(String, Embedding), ProfileError> {
    let request = request(&environment(profile), form, now, fresh_nonce);
    Ok((request.sign(secret)?, request.embedding(secret)?))
}
