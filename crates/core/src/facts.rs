//! What an embed URL claims, the same shape for every scheme.
//!
//! Each scheme spells identity and time differently (`:email` / `sub` /
//! `embed_user_email`; `:time + :session_length` / `exp` /
//! `embed_timestamp + embed_expirationtime`). Verification, the inspector
//! and the host judge these facts once, scheme-independently.

use serde::Serialize;

use crate::boldbi;
use crate::encoding::decode_component;
use crate::error::{Error, Result};
use crate::query::{ParsedUrl, RawParam};
use crate::scheme::Scheme;
use crate::sigma_jwt::{self, DecodedJwt};

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

/// Reads the facts of `url` under `scheme`.
pub fn extract(url: &ParsedUrl, scheme: Scheme) -> Result<EmbedFacts> {
    match scheme {
        Scheme::SigmaClassic => Ok(sigma_classic(url)),
        Scheme::SigmaJwt => sigma_jwt_facts(url),
        Scheme::BoldBi => Ok(boldbi_facts(url)),
    }
}

fn value(url: &ParsedUrl, name: &str) -> Option<String> {
    url.first(name).map(|p| p.value.clone())
}

fn number(url: &ParsedUrl, name: &str, unreadable: &mut Vec<Unreadable>) -> Option<u64> {
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

fn sigma_classic(url: &ParsedUrl) -> EmbedFacts {
    let mut unreadable = Vec::new();
    let fractional_time = url
        .first(":time")
        .map(|p| p.value.trim())
        .filter(|v| whole_seconds_of_fraction(v).is_some())
        .map(str::to_owned);
    let issued_at = match &fractional_time {
        Some(value) => whole_seconds_of_fraction(value),
        None => number(url, ":time", &mut unreadable),
    };
    let lifetime = number(url, ":session_length", &mut unreadable);
    let user_attributes = url
        .params
        .iter()
        .filter_map(|p| {
            p.name
                .strip_prefix(":ua_")
                .map(|name| (name.to_owned(), split_list(p)))
        })
        .collect();
    EmbedFacts {
        client_id: value(url, ":client_id"),
        email: value(url, ":email"),
        external_user_id: value(url, ":external_user_id"),
        teams: url.first(":external_user_team").map(split_list),
        account_type: value(url, ":account_type"),
        mode: value(url, ":mode"),
        nonce: value(url, ":nonce"),
        expires_at: issued_at.zip(lifetime).map(|(t, l)| t.saturating_add(l)),
        issued_at,
        lifetime,
        user_attributes,
        first_name: value(url, ":first_name"),
        last_name: value(url, ":last_name"),
        jwt: None,
        unreadable,
        fractional_time,
    }
}

fn sigma_jwt_facts(url: &ParsedUrl) -> Result<EmbedFacts> {
    let token = sigma_jwt::token(url).ok_or(Error::MalformedJwt {
        reason: "the :jwt parameter is empty".into(),
    })?;
    let jwt = sigma_jwt::decode(token)?;
    let mut unreadable = Vec::new();
    let mut time_claim = |name: &str| match jwt.claims.get(name) {
        None => None,
        Some(v) => v.as_u64().or_else(|| {
            unreadable.push(Unreadable {
                name: name.to_owned(),
                problem: format!("{v} is not a whole number of seconds"),
            });
            None
        }),
    };
    let issued_at = time_claim("iat");
    let expires_at = time_claim("exp");
    let teams = jwt.claims.get("teams").map(|t| {
        t.as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    });
    let user_attributes = jwt
        .claims
        .get("user_attributes")
        .and_then(serde_json::Value::as_object)
        .map(|o| {
            o.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        vec![v.as_str().map_or_else(|| v.to_string(), str::to_owned)],
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(EmbedFacts {
        client_id: jwt.kid().map(str::to_owned),
        email: jwt.claim_str("sub").map(str::to_owned),
        external_user_id: None,
        teams,
        account_type: jwt.claim_str("account_type").map(str::to_owned),
        mode: None,
        nonce: jwt.claim_str("jti").map(str::to_owned),
        lifetime: issued_at.zip(expires_at).map(|(i, e)| e.saturating_sub(i)),
        issued_at,
        expires_at,
        user_attributes,
        first_name: jwt.claim_str("first_name").map(str::to_owned),
        last_name: jwt.claim_str("last_name").map(str::to_owned),
        jwt: Some(jwt),
        unreadable,
        fractional_time: None,
    })
}

fn boldbi_facts(url: &ParsedUrl) -> EmbedFacts {
    let mut unreadable = Vec::new();
    let issued_at = number(url, "embed_timestamp", &mut unreadable);
    let expiration = number(url, "embed_expirationtime", &mut unreadable);
    let lifetime = issued_at.map(|_| expiration.unwrap_or(boldbi::DEFAULT_VALIDITY));
    EmbedFacts {
        email: value(url, "embed_user_email"),
        nonce: value(url, "embed_nonce"),
        expires_at: issued_at.zip(lifetime).map(|(t, l)| t.saturating_add(l)),
        issued_at,
        lifetime,
        unreadable,
        ..EmbedFacts::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
