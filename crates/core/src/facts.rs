//! What an embed URL claims, the same shape for every scheme.
//!
//! Each scheme spells identity and time differently (`:email` / `sub` /
//! `embed_user_email`; `:time + :session_length` / `exp` /
//! `embed_timestamp + embed_expirationtime`). Verification, the inspector
//! and the host judge these facts once, scheme-independently.

use serde::Serialize;

use crate::encoding::decode_component;
use crate::jwt::DecodedJwt;
use crate::query::{ParsedUrl, RawParam};

/// A value that was present but could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreadable {
    /// The parameter or claim.
    pub name: String,
    /// What is wrong with it.
    pub problem: String,
}

/// The identity, permissions and validity an embed URL claims.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct EmbedFacts {
    /// `:client_id` or the JWT `kid`.
    pub client_id: Option<String>,
    /// `:email`, `sub` or `embed_user_email`.
    pub email: Option<String>,
    /// `:external_user_id`.
    pub external_user_id: Option<String>,
    /// Teams (classic `:external_user_team`, JWT `teams`).
    pub teams: Option<Vec<String>>,
    /// `:account_type` / `account_type`.
    pub account_type: Option<String>,
    /// `:mode`.
    pub mode: Option<String>,
    /// `:nonce`, `jti` or `embed_nonce`.
    pub nonce: Option<String>,
    /// Issue time, Unix seconds.
    pub issued_at: Option<u64>,
    /// Validity in seconds from `issued_at` (session length, `exp - iat`, expiration time).
    pub lifetime: Option<u64>,
    /// `issued_at + lifetime`; `None` when the URL never expires (Bold BI without timestamp).
    pub expires_at: Option<u64>,
    /// User attributes with their values.
    pub user_attributes: Vec<(String, Vec<String>)>,
    /// First and last name (JWT claims or classic interface parameters).
    pub first_name: Option<String>,
    /// Last name.
    pub last_name: Option<String>,
    /// The decoded JWT, for the JWT scheme.
    pub jwt: Option<DecodedJwt>,
    /// Values present but unreadable (not a number, for example).
    pub unreadable: Vec<Unreadable>,
    /// A Sigma `:time` sent with a fraction of a second (as Sigma's Python
    /// signing package does): its raw value; `issued_at` holds the whole seconds.
    pub fractional_time: Option<String>,
}

/// The decoded value of the first parameter called `name`.
pub fn value(url: &ParsedUrl, name: &str) -> Option<String> {
    url.first(name).map(|p| p.value.clone())
}

/// The first parameter called `name` as whole seconds; a value that is
/// not one is noted in `unreadable`.
pub fn number(url: &ParsedUrl, name: &str, unreadable: &mut Vec<Unreadable>) -> Option<u64> {
    let param = url.first(name)?;
    match param.value.trim().parse::<u64>() {
        Ok(n) => Some(n),
        Err(_) => {
            unreadable.push(Unreadable {
                name: name.to_owned(),
                problem: format!("{:?} is not a whole number of seconds", param.value),
            });
            None
        }
    }
}

/// Decodes a comma list and splits it. An encoded comma (`%2C`) separates
/// too: Sigma's Node signing package and an older help example
/// (`Team%20A%2CTeam%20B`, two teams) encode the separator, so Sigma must
/// read it as one; a name can therefore never contain a comma.
pub fn split_list(param: &RawParam) -> Vec<String> {
    let raw = param.raw_value_or_empty();
    if raw.is_empty() {
        return Vec::new();
    }
    let decoded = decode_component(raw, true).unwrap_or_else(|_| raw.to_owned());
    decoded.split(',').map(str::to_owned).collect()
}

/// Whole seconds of a fractional time such as `1795314028.069265`.
pub fn whole_seconds_of_fraction(value: &str) -> Option<u64> {
    let (whole, fraction) = value.split_once('.')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    whole.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Result;
    use crate::scheme::Scheme;

    fn extract(url: &ParsedUrl, scheme: Scheme) -> Result<EmbedFacts> {
        crate::schemes::spec(scheme).facts(url)
    }

    #[test]
    fn classic_facts_decode_lists_and_times() {
        let url = ParsedUrl::parse(
            "https://h/embed/x?:nonce=n&:client_id=c&:email=a@b.co&:external_user_team=A%20B,C%2CD\
             &:session_length=600&:time=100&:ua_Region=West,East&:signature=x",
        )
        .unwrap();
        let facts = extract(&url, Scheme::SigmaClassic).unwrap();
        // %2C separates like a bare comma (Sigma's Node package sends it).
        assert_eq!(
            facts.teams,
            Some(vec!["A B".to_owned(), "C".to_owned(), "D".to_owned()])
        );
        assert_eq!(facts.expires_at, Some(700));
        assert_eq!(
            facts.user_attributes,
            vec![(
                "Region".to_owned(),
                vec!["West".to_owned(), "East".to_owned()]
            )]
        );
    }

    #[test]
    fn boldbi_without_timestamp_never_expires() {
        let url = ParsedUrl::parse(
            "https://h/bi/site/s/dashboards/1?embed_nonce=n&embed_user_email=a@b.co",
        )
        .unwrap();
        let facts = extract(&url, Scheme::BoldBi).unwrap();
        assert_eq!(facts.expires_at, None);
        let url =
            ParsedUrl::parse("https://h/bi/site/s/dashboards/1?embed_nonce=n&embed_timestamp=10")
                .unwrap();
        assert_eq!(
            extract(&url, Scheme::BoldBi).unwrap().expires_at,
            Some(10 + 518_400)
        );
    }

    #[test]
    fn a_non_numeric_time_is_reported_not_guessed() {
        let url = ParsedUrl::parse("https://h/embed/x?:nonce=n&:time=soon").unwrap();
        let facts = extract(&url, Scheme::SigmaClassic).unwrap();
        assert_eq!(facts.issued_at, None);
        assert_eq!(facts.unreadable[0].name, ":time");
    }
}
