//! The form a person fills in (the app's, a profile file's), and the core
//! request it describes.
//!
//! One form shape serves every scheme (each uses what it needs, and keeps
//! fields of its own in `extra`), so the UI can switch scheme without
//! losing what was typed. Nonce and time
//! are automatic unless overridden, and a time offset simulates a signing
//! server whose clock is off.

use serde::{Deserialize, Serialize};

use crate::scheme::Scheme;

/// What the user filled in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignForm {
    /// Embed user's email.
    pub email: String,
    /// Sigma classic `:external_user_id`.
    pub external_user_id: String,
    /// Teams.
    pub teams: Vec<String>,
    /// Account type (empty: omitted).
    pub account_type: String,
    /// Sigma classic `:mode` (empty: userbacked).
    pub mode: String,
    /// Sigma classic `:session_length`, JWT lifetime (`exp - iat`), Bold BI `embed_expirationtime`.
    pub session_length: u64,
    /// User attributes: name and value (comma-separated for several).
    pub user_attributes: Vec<(String, String)>,
    /// Interface parameters and controls, names as given.
    pub params: Vec<(String, String)>,
    /// Nonce / jti override (empty: fresh).
    pub nonce: String,
    /// Time override, Unix seconds (none: now).
    pub time: Option<u64>,
    /// Seconds added to the time, to simulate clock skew.
    pub time_offset: i64,
    /// Whether the URL carries its signing time, for a scheme where that is
    /// optional (without it the URL never expires; Bold BI's
    /// embed_timestamp and embed_expirationtime). Saved forms wrote it under
    /// its older name.
    #[serde(alias = "boldbi_timestamp")]
    pub sign_time: bool,
    /// Bold BI: percent-escape the signature.
    pub escape_signature: bool,
    /// JWT `ver` ("1.0" or "1.1"; empty: omitted, which Sigma reads as 1.0).
    pub jwt_version: String,
    /// JWT: send `iss` (the client id).
    pub jwt_issuer: bool,
    /// JWT `first_name` claim (empty: omitted).
    pub first_name: String,
    /// JWT `last_name` claim (empty: omitted).
    pub last_name: String,
    /// JWT `eval_connection_id` claim (empty: omitted).
    pub eval_connection_id: String,
    /// Looker `permissions`.
    pub permissions: Vec<String>,
    /// Looker `models`.
    pub models: Vec<String>,
    /// Looker `group_ids` (empty: not sent).
    pub group_ids: Vec<u64>,
    /// Looker `external_group_id` (empty: not sent).
    pub external_group_id: String,
    /// Looker `access_filters`, JSON text (empty: `{}`).
    pub access_filters: String,
    /// Looker `user_timezone` (empty: not sent).
    pub user_timezone: String,
    /// Looker `force_logout_login` (none: not sent, which Looker reads as true).
    pub force_logout_login: Option<bool>,
    /// Looker's HMAC: "sha1" (empty) or "sha256" (secrets made with the API).
    pub algorithm: String,
    /// The fields a scheme declares for itself (its layout's
    /// [`FormKey::declare`](crate::form_layout::FormKey::declare) keys), by
    /// name. In JSON they sit beside the fields above, so a saved form or
    /// profile file reads the same whichever scheme owns a field.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

impl SignForm {
    /// A field a scheme declares, read as `T` (`None` when absent or not a
    /// `T`: the scheme's `form_issues` says so to the user).
    pub fn extra<T: serde::de::DeserializeOwned>(&self, name: &str) -> Option<T> {
        self.extra
            .get(name)
            .and_then(|value| serde_json::from_value(value.clone()).ok())
    }

    /// Sets a field a scheme declares.
    pub fn set_extra(&mut self, name: &str, value: impl Serialize) {
        if let Ok(value) = serde_json::to_value(value) {
            self.extra.insert(name.to_owned(), value);
        }
    }
}

/// `text` trimmed, or `None` when blank.
pub(crate) fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// Where a form's URL goes: the environment half of a profile.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Environment {
    /// The scheme.
    pub scheme: Scheme,
    /// Embed path, workbook URL or dashboard URL.
    pub embed_path: String,
    /// Client id (unused by Bold BI).
    #[serde(default)]
    pub client_id: String,
}

/// What every scheme's request starts from: the signing time (with any
/// offset applied), the nonce, and the teams without blanks.
pub struct FormBasis {
    /// Unix seconds.
    pub time: u64,
    /// The nonce (given or fresh).
    pub nonce: String,
    /// The teams, trimmed, blanks dropped.
    pub teams: Vec<String>,
}

/// Name/value rows with blank names dropped and names trimmed.
pub(crate) fn named(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(name, _)| !name.trim().is_empty())
        .map(|(name, value)| (name.trim().to_owned(), value.clone()))
        .collect()
}

/// A profile as a file, for scripts and CI (`embed-sandbox scenarios
/// --profile-file`): the environment, the form, and where the secret is,
/// never the secret itself.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFile {
    /// The profile's name.
    pub name: String,
    /// Where its URLs go.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub environment: Environment,
    /// The environment variable that holds the secret, if the file names one.
    #[serde(default)]
    pub secret_env: Option<String>,
    /// The form.
    #[serde(default)]
    pub form: SignForm,
}

/// Largest profile file read.
pub const MAX_PROFILE_FILE_BYTES: usize = 1024 * 1024;

impl ProfileFile {
    /// Reads a profile file's JSON text.
    pub fn parse(text: &str) -> crate::Result<Self> {
        if text.len() > MAX_PROFILE_FILE_BYTES {
            return Err(crate::Error::BadField {
                field: "profile file".into(),
                reason: format!(
                    "it is {} bytes; a profile file is at most {MAX_PROFILE_FILE_BYTES}",
                    text.len()
                ),
            });
        }
        serde_json::from_str(text).map_err(|e| crate::Error::BadField {
            field: "profile file".into(),
            reason: format!("line {}, column {}: {e}", e.line(), e.column()),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;
    use crate::form_request::{content_key, request};
    use crate::schemes::sigma_classic::{self, SigmaClassicRequest, UserAttribute};
    use crate::Secret;

    fn profile(scheme: Scheme, path: &str) -> Environment {
        Environment {
            scheme,
            embed_path: path.into(),
            client_id: "cid".into(),
        }
    }

    fn sign(
        env: &Environment,
        secret: &Secret,
        form: &SignForm,
        now: u64,
        fresh_nonce: impl Fn() -> String,
    ) -> crate::Result<String> {
        request(env, form, now, fresh_nonce).sign(secret)
    }

    fn form() -> SignForm {
        SignForm {
            email: "ann@example.com".into(),
            external_user_id: "ann-1".into(),
            teams: vec!["Sales_Managers".into(), " ".into()],
            account_type: "Creator".into(),
            session_length: 600,
            user_attributes: vec![("Region".into(), "West,East".into())],
            params: vec![
                (":theme".into(), "Dark".into()),
                ("".into(), "ignored".into()),
            ],
            nonce: "n-1".into(),
            time: Some(1_700_000_000),
            ..SignForm::default()
        }
    }

    #[test]
    fn a_form_saved_under_the_older_name_of_sign_time_reads_back() {
        let saved: SignForm = serde_json::from_str(r#"{"boldbi_timestamp": true}"#).unwrap();
        assert!(saved.sign_time);
        let current: SignForm = serde_json::from_str(r#"{"sign_time": true}"#).unwrap();
        assert!(current.sign_time);
    }

    #[test]
    fn the_content_key_ignores_the_nonce_and_fields_the_scheme_does_not_sign() {
        let env = profile(Scheme::Looker, "https://h/embed/dashboards/1");
        let looker = SignForm {
            external_user_id: "u-1".into(),
            permissions: vec!["access_data".into()],
            models: vec!["thelook".into()],
            time: None,
            ..form()
        };
        let key = content_key(&env, &looker).unwrap();
        let unrelated = SignForm {
            nonce: "other".into(),
            mode: "view".into(),
            sign_time: !looker.sign_time,
            email: "bob@example.com".into(),
            ..looker.clone()
        };
        assert_eq!(content_key(&env, &unrelated).unwrap(), key);
        let more = SignForm {
            models: vec!["thelook".into(), "b".into()],
            ..looker.clone()
        };
        assert_ne!(content_key(&env, &more).unwrap(), key);
        let skewed = SignForm {
            time_offset: 600,
            ..looker
        };
        assert_ne!(content_key(&env, &skewed).unwrap(), key);
    }

    #[test]
    fn the_form_signs_exactly_like_the_core_request() {
        let secret = Secret::new("s");
        let url = sign(
            &profile(Scheme::SigmaClassic, "https://h/embed/x"),
            &secret,
            &form(),
            0,
            || unreachable!(),
        )
        .unwrap();
        let expected = sigma_classic::sign(
            &SigmaClassicRequest {
                user_attributes: vec![UserAttribute {
                    name: "Region".into(),
                    values: vec!["West".into(), "East".into()],
                }],
                params: vec![(":theme".into(), "Dark".into())],
                ..SigmaClassicRequest::seed_user("https://h/embed/x", "cid", 1_700_000_000, "n-1")
            },
            &secret,
        )
        .unwrap();
        assert_eq!(url, expected);
    }

    #[test]
    fn nonce_and_time_are_automatic_and_the_offset_simulates_skew() {
        let mut f = form();
        f.nonce = String::new();
        f.time = None;
        f.time_offset = -120;
        let url = sign(
            &profile(Scheme::SigmaClassic, "https://h/embed/x"),
            &Secret::new("s"),
            &f,
            1_000,
            || "fresh".into(),
        )
        .unwrap();
        assert!(
            url.contains(":nonce=fresh&") && url.contains(":time=880&"),
            "{url}"
        );
    }

    #[test]
    fn jwt_and_boldbi_use_what_they_need() {
        let secret = Secret::new("s");
        let jwt = sign(
            &profile(Scheme::SigmaJwt, "https://h/o/workbook/w-1"),
            &secret,
            &form(),
            0,
            String::new,
        )
        .unwrap();
        assert!(jwt.contains("?:jwt=") && jwt.ends_with("&:embed=true&:theme=Dark"));
        let mut f = form();
        f.sign_time = true;
        f.session_length = 86_400;
        let bold = sign(
            &profile(Scheme::BoldBi, "https://h/bi/site/s/dashboards/1"),
            &secret,
            &f,
            0,
            String::new,
        )
        .unwrap();
        assert!(
            bold.contains("embed_timestamp=1700000000&embed_expirationtime=86400&embed_signature="),
            "{bold}"
        );
    }

    #[test]
    fn jwt_claims_from_the_form_reach_the_token() {
        let mut f = form();
        f.jwt_version = "1.1".into();
        f.jwt_issuer = true;
        f.first_name = "Ann".into();
        f.last_name = " ".into();
        let url = sign(
            &profile(Scheme::SigmaJwt, "https://h/o/workbook/w-1"),
            &Secret::new("s"),
            &f,
            0,
            String::new,
        )
        .unwrap();
        let parsed = crate::query::ParsedUrl::parse(&url).unwrap();
        let token = crate::schemes::sigma_jwt::token(&parsed).unwrap();
        let decoded = crate::schemes::sigma_jwt::decode(token).unwrap();
        assert_eq!(decoded.claim_str("iss"), Some("cid"));
        assert_eq!(decoded.claim_str("ver"), Some("1.1"));
        assert_eq!(decoded.claim_str("aud"), Some("sigmacomputing"));
        assert_eq!(decoded.claim_str("first_name"), Some("Ann"));
        assert_eq!(decoded.claim_str("last_name"), None);
    }

    #[test]
    fn a_profile_file_reads_with_defaults_and_names_the_line_of_an_error() {
        let file = ProfileFile::parse(
            r#"{"name":"CI","scheme":"sigma-classic","embed_path":"https://h/embed/1-x","client_id":"c","secret_env":"S","form":{"email":"a@b.co"}}"#,
        )
        .unwrap();
        assert_eq!(file.environment.scheme, Scheme::SigmaClassic);
        assert_eq!(file.form.email, "a@b.co");
        assert_eq!(file.form.session_length, 0);
        let error = ProfileFile::parse("{\n  \"name\": 1\n}").unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
        assert!(ProfileFile::parse(&" ".repeat(MAX_PROFILE_FILE_BYTES + 1)).is_err());
    }
}
