//! Bold BI's iframe embedding with token authentication, as the seed describes it.
//!
//! Only the query string is signed (no base URL, no `?`), in emitted order:
//! `embed_nonce`, `embed_user_email`, the optional parameters as given, then
//! `embed_timestamp` and `embed_expirationtime`. The tag is standard Base64
//! and the vendor's samples append it *raw*, so a `+` in it may reach the
//! server as a space; escaping it is an explicit option, off by default.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::base_url;
use crate::encoding::{push_name, push_value};
use crate::error::{Error, Result};
use crate::mac::{hmac_sha256, tags_equal};
use crate::query::{ParsedUrl, RawParam};
use crate::secret::Secret;
use crate::signature::SignatureCheck;

/// The signature parameter's name.
pub const SIGNATURE_PARAM: &str = "embed_signature";
/// Validity without `embed_expirationtime`: 6 days.
pub const DEFAULT_VALIDITY: u64 = 518_400;
/// Smallest `embed_expirationtime`: one day.
pub const MIN_EXPIRATION: u64 = 86_400;
/// Largest `embed_expirationtime`: six days.
pub const MAX_EXPIRATION: u64 = 518_400;

/// Everything that goes into a Bold BI embed URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoldBiRequest {
    /// `{server}/bi/site/{site}/dashboards/{id}/{Category}/{Name}` or a designer URL.
    pub dashboard_url: String,
    /// `embed_nonce` (a GUID in the samples).
    pub nonce: String,
    /// `embed_user_email`.
    pub email: String,
    /// Optional parameters in the order given.
    pub params: Vec<(String, String)>,
    /// `embed_timestamp`, Unix seconds; without it the URL never expires.
    pub timestamp: Option<u64>,
    /// `embed_expirationtime` in seconds; only with a timestamp.
    pub expiration: Option<u64>,
    /// Percent-escape the Base64 signature (`+`, `/`, `=`); off = vendor sample behaviour.
    pub escape_signature: bool,
}

/// The query string that gets signed.
pub fn signed_params(request: &BoldBiRequest) -> Result<String> {
    if request.expiration.is_some() && request.timestamp.is_none() {
        return Err(Error::BadField {
            field: "--expiration".into(),
            reason:
                "embed_expirationtime only works together with embed_timestamp; add --timestamp"
                    .into(),
        });
    }
    let mut params = String::with_capacity(256);
    params.push_str("embed_nonce=");
    push_value(&mut params, &request.nonce);
    params.push_str("&embed_user_email=");
    push_value(&mut params, &request.email);
    for (name, value) in &request.params {
        if name.is_empty() {
            return Err(Error::BadField {
                field: "--param".into(),
                reason: "a parameter name is empty (expected NAME=VALUE)".into(),
            });
        }
        params.push('&');
        push_name(&mut params, name);
        params.push('=');
        push_value(&mut params, value);
    }
    if let Some(timestamp) = request.timestamp {
        params.push_str("&embed_timestamp=");
        params.push_str(&timestamp.to_string());
        if let Some(expiration) = request.expiration {
            params.push_str("&embed_expirationtime=");
            params.push_str(&expiration.to_string());
        }
    }
    Ok(params)
}

/// Builds and signs the URL. A dashboard URL may already carry unsigned
/// parameters (the widget sample's `?isWidgetMode=true&widgetId=<id>&`):
/// they stay in front, outside the signed string, as the vendor's sample has them.
pub fn sign(request: &BoldBiRequest, secret: &Secret) -> Result<String> {
    let (base, unsigned) = match request.dashboard_url.split_once('?') {
        Some((base, query)) => (base, query.trim_end_matches('&')),
        None => (request.dashboard_url.as_str(), ""),
    };
    base_url::check("dashboard URL", base)?;
    if unsigned.contains('#') || unsigned.chars().any(char::is_whitespace) {
        return Err(Error::BadBaseUrl {
            field: "dashboard URL",
            value: request.dashboard_url.clone(),
            reason: "its query holds a '#' or whitespace".into(),
        });
    }
    let params = signed_params(request)?;
    let tag = STANDARD.encode(hmac_sha256(secret, params.as_bytes()));
    let tag = if request.escape_signature {
        escape_base64(&tag)
    } else {
        tag
    };
    let joint = if unsigned.is_empty() { "" } else { "&" };
    Ok(format!(
        "{base}?{unsigned}{joint}{params}&{SIGNATURE_PARAM}={tag}"
    ))
}

/// What Bold BI signs: the received query from `embed_nonce` on, minus
/// `embed_signature`. Parameters in front of `embed_nonce` were already on
/// the dashboard URL (the widget sample's `isWidgetMode` and `widgetId`)
/// and are not signed.
pub fn signed_string(url: &ParsedUrl, signature: &RawParam) -> String {
    let whole = url.query_without(signature);
    match url.first("embed_nonce") {
        Some(nonce) if nonce.span.start < signature.span.start => {
            whole.get(nonce.span.start..).unwrap_or(&whole).to_owned()
        }
        _ => whole,
    }
}

/// The parameters in front of `embed_nonce`: outside the signed string.
pub fn unsigned_prefix(url: &ParsedUrl) -> &[RawParam] {
    let end = url.first("embed_nonce").map_or(0, |n| n.index);
    &url.params[..end]
}

/// `url` as far as its signature vouches for it: the parameters in front
/// of `embed_nonce` left out, so a name read from it (the user, a switch,
/// the time) is always the signed one.
pub fn signed_view(url: &ParsedUrl) -> ParsedUrl {
    let skip = unsigned_prefix(url).len();
    ParsedUrl {
        params: url.params[skip..].to_vec(),
        ..url.clone()
    }
}

/// Signs a Bold BI query string `params` (no `?`) as given and appends the
/// signature, raw or escaped.
pub fn sign_params(
    dashboard_url: &str,
    params: &str,
    secret: &Secret,
    escape_signature: bool,
) -> String {
    let tag = STANDARD.encode(hmac_sha256(secret, params.as_bytes()));
    let tag = if escape_signature {
        escape_base64(&tag)
    } else {
        tag
    };
    format!("{dashboard_url}?{params}&{SIGNATURE_PARAM}={tag}")
}

/// Percent-escapes the three Base64 characters that mean something in a query.
pub fn escape_base64(tag: &str) -> String {
    tag.replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

/// The signature parameter: the last `embed_signature`.
pub fn signature_param(url: &ParsedUrl) -> Option<&RawParam> {
    url.params.iter().rev().find(|p| p.name == SIGNATURE_PARAM)
}

/// Checks the signature over the received query minus `embed_signature`.
///
/// `plus_as_space` is the unconfirmed server behaviour: whether a raw `+` in
/// the signature is read as a space (and so never matches).
pub fn check_signature(url: &ParsedUrl, secret: &Secret, plus_as_space: bool) -> SignatureCheck {
    let Some(param) = signature_param(url) else {
        return SignatureCheck::Missing;
    };
    let expected = STANDARD.encode(hmac_sha256(secret, signed_string(url, param).as_bytes()));
    match crate::encoding::decode_component(param.raw_value_or_empty(), plus_as_space) {
        Ok(received) if tags_equal(&expected, &received) => SignatureCheck::Valid,
        _ => SignatureCheck::Invalid,
    }
}

/// Whether the query as received was signed lowercased (the old sample's
/// `ToLower()`): the signature fails as sent but matches the lowercased query.
pub fn signed_lowercased(url: &ParsedUrl, secret: &Secret) -> bool {
    let Some(param) = signature_param(url) else {
        return false;
    };
    let lowered = signed_string(url, param).to_lowercase();
    let expected = STANDARD.encode(hmac_sha256(secret, lowered.as_bytes()));
    matches!(
        crate::encoding::decode_component(param.raw_value_or_empty(), false),
        Ok(received) if tags_equal(&expected, &received)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signing_given_params_matches_the_signer() {
        let secret = Secret::new("s");
        let bold = BoldBiRequest {
            dashboard_url: "https://h/bi/site/s/dashboards/1".into(),
            nonce: "n".into(),
            email: "a@b.co".into(),
            params: vec![],
            timestamp: Some(5),
            expiration: None,
            escape_signature: true,
        };
        let params = signed_params(&bold).unwrap();
        assert_eq!(
            sign_params(&bold.dashboard_url, &params, &secret, true),
            sign(&bold, &secret).unwrap()
        );
    }

    fn request() -> BoldBiRequest {
        BoldBiRequest {
            dashboard_url: "https://bi.example.com/bi/site/site1/dashboards/d1/Sales/Overview"
                .into(),
            nonce: "3e253410-1a82-4fb3-a337-122a8007dafc".into(),
            email: "a@b.co".into(),
            params: vec![("embed_dashboard_export".into(), "false".into())],
            timestamp: Some(1_700_000_000),
            expiration: Some(86_400),
            escape_signature: false,
        }
    }

    #[test]
    fn signs_the_query_alone_with_timestamp_and_expiration_last() {
        let url = sign(&request(), &Secret::new("k")).unwrap();
        let (head, tag) = url.split_once("&embed_signature=").unwrap();
        let (_, params) = head.split_once('?').unwrap();
        assert_eq!(
            params,
            "embed_nonce=3e253410-1a82-4fb3-a337-122a8007dafc&embed_user_email=a@b.co\
             &embed_dashboard_export=false&embed_timestamp=1700000000&embed_expirationtime=86400"
        );
        assert_eq!(
            tag,
            STANDARD.encode(hmac_sha256(&Secret::new("k"), params.as_bytes()))
        );
    }

    #[test]
    fn the_seed_parameters_sign_to_what_python_hmac_computes() {
        // The seed's C# sample input. Its printed "for eg" signature
        // (VYrDMVX4…) is illustrative: it is not the HMAC of these bytes. The
        // expected value is Python's `base64.b64encode(hmac.new(key, msg,
        // hashlib.sha256).digest())`.
        let tag = STANDARD.encode(hmac_sha256(
            &Secret::new("7tFaq2zidmxJN8Pid6IUAiGFqAUwMfK"),
            b"embed_nonce=55a1c8f4-5015-487d-8463-d3ebeae655fd&",
        ));
        assert_eq!(tag, "vwXb9SHazyYMG+b19wChEQEKB6fMAC68ZSDgHJWl3EE=");
    }

    #[test]
    fn expiration_without_timestamp_is_refused() {
        let mut bad = request();
        bad.timestamp = None;
        assert!(matches!(
            sign(&bad, &Secret::new("k")),
            Err(Error::BadField { .. })
        ));
    }

    #[test]
    fn escaped_and_raw_signatures_both_verify_when_plus_is_tolerated() {
        let secret = Secret::new("k");
        for escape in [false, true] {
            let mut req = request();
            req.escape_signature = escape;
            let url = ParsedUrl::parse(&sign(&req, &secret).unwrap()).unwrap();
            assert_eq!(check_signature(&url, &secret, false), SignatureCheck::Valid);
        }
    }

    #[test]
    fn a_lowercased_signing_is_diagnosed() {
        let secret = Secret::new("k");
        let params = "embed_nonce=abc&embed_user_email=Ann@B.co".to_lowercase();
        let tag = escape_base64(&STANDARD.encode(hmac_sha256(&secret, params.as_bytes())));
        let sent = format!("https://h/bi/site/s/dashboards/1/C/N?embed_nonce=abc&embed_user_email=Ann@B.co&embed_signature={tag}");
        let url = ParsedUrl::parse(&sent).unwrap();
        assert_eq!(
            check_signature(&url, &secret, false),
            SignatureCheck::Invalid
        );
        assert!(signed_lowercased(&url, &secret));
    }
}

#[cfg(test)]
mod widget_tests {
    use super::*;

    #[test]
    fn a_widget_urls_leading_parameters_stay_unsigned() {
        let secret = Secret::new("k");
        let request = BoldBiRequest {
            dashboard_url: "https://bi.example.com/bi/en-us/site/s1/dashboards/d1/Sales/Overview?isWidgetMode=true&widgetId=w-9&".into(),
            nonce: "n-1".into(),
            email: "a@b.co".into(),
            params: vec![],
            timestamp: None,
            expiration: None,
            escape_signature: true,
        };
        let url = sign(&request, &secret).unwrap();
        assert!(url.starts_with("https://bi.example.com/bi/en-us/site/s1/dashboards/d1/Sales/Overview?isWidgetMode=true&widgetId=w-9&embed_nonce=n-1&"), "{url}");
        let parsed = ParsedUrl::parse(&url).unwrap();
        let sig = signature_param(&parsed).unwrap();
        assert_eq!(
            signed_string(&parsed, sig),
            "embed_nonce=n-1&embed_user_email=a@b.co"
        );
        assert_eq!(
            check_signature(&parsed, &secret, false),
            SignatureCheck::Valid
        );
        assert_eq!(unsigned_prefix(&parsed).len(), 2);
    }
}
