//! Sigma's classic signed URL (`:mode=userbacked`), as the seed's `embed-api.js` builds it.
//!
//! The signer emits the vendor sample's order byte for byte: `:nonce`,
//! `:client_id`, `:email`, `:external_user_id`, `:external_user_team`,
//! `:account_type`, `:mode`, `:session_length`, `:time`, then user attributes
//! and any other parameters in the order given, then `:signature` (lowercase
//! hex HMAC-SHA256 of the *whole* URL so far). The verifier does not rebuild
//! anything: it MACs the received bytes minus the signature parameter, because
//! Sigma's own samples in other languages reorder and re-encode.

use crate::base_url;
use crate::encoding::{push_list, push_name, push_value};
use crate::error::{Error, Result};
use crate::mac::{hmac_sha256, tags_equal};
use crate::query::{ParsedUrl, RawParam};
use crate::secret::Secret;
use crate::signature::SignatureCheck;

/// The decoded name of the signature parameter.
pub const SIGNATURE_PARAM: &str = ":signature";

/// A user attribute: `:ua_<name>=v1,v2` in this scheme.
pub use crate::user_attribute::UserAttribute;

/// Everything that goes into a classic signed URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigmaClassicRequest {
    /// `https://app.sigmacomputing.com/embed/<id>` (optionally `/tag/<tag>`).
    pub embed_path: String,
    /// `:client_id`.
    pub client_id: String,
    /// `:email`.
    pub email: String,
    /// `:external_user_id`.
    pub external_user_id: String,
    /// `:external_user_team`, comma-joined.
    pub teams: Vec<String>,
    /// `:account_type` (documented optional; every sample sends it).
    pub account_type: Option<String>,
    /// `:mode`, `userbacked` unless deliberately broken.
    pub mode: String,
    /// `:session_length` in seconds.
    pub session_length: u64,
    /// `:time`, Unix seconds.
    pub time: u64,
    /// `:nonce`, single use.
    pub nonce: String,
    /// `:ua_*` parameters, after `:time`.
    pub user_attributes: Vec<UserAttribute>,
    /// Interface parameters and workbook controls, names emitted exactly as given.
    pub params: Vec<(String, String)>,
}

/// The default `:mode`.
pub const DEFAULT_MODE: &str = "userbacked";

impl SigmaClassicRequest {
    /// The seed's embed user (`embed-api.js`): ann@example.com, external id
    /// ann-1, team Sales_Managers, a Creator, a 600 s session; no user
    /// attributes or parameters. Demos, tests and benches start from it.
    pub fn seed_user(
        embed_path: impl Into<String>,
        client_id: impl Into<String>,
        time: u64,
        nonce: impl Into<String>,
    ) -> Self {
        SigmaClassicRequest {
            embed_path: embed_path.into(),
            client_id: client_id.into(),
            email: "ann@example.com".into(),
            external_user_id: "ann-1".into(),
            teams: vec!["Sales_Managers".into()],
            account_type: Some("Creator".into()),
            mode: DEFAULT_MODE.into(),
            session_length: 600,
            time,
            nonce: nonce.into(),
            user_attributes: vec![],
            params: vec![],
        }
    }
}

/// Builds and signs the URL.
pub fn sign(request: &SigmaClassicRequest, secret: &Secret) -> Result<String> {
    base_url::check("embed path", &request.embed_path)?;
    for (name, _) in &request.params {
        if name.is_empty() {
            return Err(Error::BadField {
                field: "--param".into(),
                reason: "a parameter name is empty (expected NAME=VALUE)".into(),
            });
        }
    }
    let mut url = String::with_capacity(512);
    url.push_str(&request.embed_path);
    url.push_str("?:nonce=");
    push_value(&mut url, &request.nonce);
    url.push_str("&:client_id=");
    push_value(&mut url, &request.client_id);
    url.push_str("&:email=");
    push_value(&mut url, &request.email);
    url.push_str("&:external_user_id=");
    push_value(&mut url, &request.external_user_id);
    url.push_str("&:external_user_team=");
    push_list(&mut url, &request.teams);
    if let Some(account_type) = &request.account_type {
        url.push_str("&:account_type=");
        push_value(&mut url, account_type);
    }
    url.push_str("&:mode=");
    push_value(&mut url, &request.mode);
    url.push_str("&:session_length=");
    push_number(&mut url, request.session_length);
    url.push_str("&:time=");
    push_number(&mut url, request.time);
    for attribute in &request.user_attributes {
        url.push_str("&:ua_");
        push_name(&mut url, &attribute.name);
        url.push('=');
        push_list(&mut url, &attribute.values);
    }
    for (name, value) in &request.params {
        url.push('&');
        push_name(&mut url, name);
        url.push('=');
        push_value(&mut url, value);
    }
    let tag = hmac_sha256(secret, url.as_bytes());
    url.push_str("&:signature=");
    crate::encoding::push_hex_lower(&mut url, &tag);
    Ok(url)
}

/// Appends a number's decimal digits without going through `fmt`.
fn push_number(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[at..].iter().for_each(|&d| out.push(char::from(d)));
}

/// Signs `prefix` (a classic URL up to, not including, `&:signature=`) as
/// a hand-built URL would be: whatever bytes it holds.
pub fn sign_prefix(prefix: &str, secret: &Secret) -> String {
    let mut url = String::with_capacity(prefix.len() + 77);
    url.push_str(prefix);
    url.push_str("&:signature=");
    url.push_str(&hex::encode(hmac_sha256(secret, prefix.as_bytes())));
    url
}

/// The signature parameter: the last one whose decoded name is `:signature`
/// (so `%3Asignature` counts too).
pub fn signature_param(url: &ParsedUrl) -> Option<&RawParam> {
    url.params.iter().rev().find(|p| p.name == SIGNATURE_PARAM)
}

/// The exact bytes the signer MACed: the URL as sent, minus the signature parameter.
pub fn signed_message(url: &ParsedUrl, signature: &RawParam) -> String {
    format!("{}?{}", url.base, url.query_without(signature))
}

/// Checks the signature over the received bytes.
pub fn check_signature(url: &ParsedUrl, secret: &Secret) -> SignatureCheck {
    let Some(param) = signature_param(url) else {
        return SignatureCheck::Missing;
    };
    let expected = hex::encode(hmac_sha256(secret, signed_message(url, param).as_bytes()));
    if tags_equal(&expected, param.raw_value_or_empty()) {
        SignatureCheck::Valid
    } else {
        SignatureCheck::Invalid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_signing_matches_the_signer() {
        let secret = Secret::new("s");
        let url = sign(&request(), &secret).unwrap();
        let prefix = url.split("&:signature=").next().unwrap();
        assert_eq!(sign_prefix(prefix, &secret), url);
    }

    fn request() -> SigmaClassicRequest {
        SigmaClassicRequest {
            embed_path: "https://app.sigmacomputing.com/embed/1-abc".into(),
            client_id: "cid".into(),
            email: "a@b.co".into(),
            external_user_id: "u1".into(),
            teams: vec!["Sales_Managers".into(), "Sales People".into()],
            account_type: Some("Creator".into()),
            mode: DEFAULT_MODE.into(),
            session_length: 600,
            time: 1_700_000_000,
            nonce: "n-1".into(),
            user_attributes: vec![UserAttribute {
                name: "Region".into(),
                values: vec!["West".into(), "East".into()],
            }],
            params: vec![
                (":theme".into(), "Dark".into()),
                ("Store-Region".into(), "West".into()),
            ],
        }
    }

    #[test]
    fn emits_the_vendor_order_then_attributes_then_params_then_signature() {
        let url = sign(&request(), &Secret::new("s")).unwrap();
        let (head, sig) = url.rsplit_once("&:signature=").unwrap();
        assert_eq!(
            head,
            "https://app.sigmacomputing.com/embed/1-abc?:nonce=n-1&:client_id=cid&:email=a@b.co\
             &:external_user_id=u1&:external_user_team=Sales_Managers,Sales%20People\
             &:account_type=Creator&:mode=userbacked&:session_length=600&:time=1700000000\
             &:ua_Region=West,East&:theme=Dark&Store-Region=West"
        );
        assert_eq!(
            sig,
            hex::encode(hmac_sha256(&Secret::new("s"), head.as_bytes()))
        );
    }

    #[test]
    fn verifies_its_own_output_and_refuses_a_wrong_secret() {
        let url = ParsedUrl::parse(&sign(&request(), &Secret::new("s")).unwrap()).unwrap();
        assert_eq!(
            check_signature(&url, &Secret::new("s")),
            SignatureCheck::Valid
        );
        assert_eq!(
            check_signature(&url, &Secret::new("t")),
            SignatureCheck::Invalid
        );
    }

    #[test]
    fn verifies_when_the_signature_name_is_encoded_and_not_last() {
        let secret = Secret::new("s");
        let signed = "https://h/embed/x?%3Anonce=1&%3Aemail=a%40b.co";
        let tag = hex::encode(hmac_sha256(&secret, signed.as_bytes()));
        let moved = format!("https://h/embed/x?%3Asignature={tag}&%3Anonce=1&%3Aemail=a%40b.co");
        let url = ParsedUrl::parse(&moved).unwrap();
        assert_eq!(check_signature(&url, &secret), SignatureCheck::Valid);
    }

    #[test]
    fn a_base_url_with_a_query_is_refused() {
        let mut bad = request();
        bad.embed_path = "https://h/embed/x?y=1".into();
        assert!(matches!(
            sign(&bad, &Secret::new("s")),
            Err(Error::BadBaseUrl { .. })
        ));
    }
}
