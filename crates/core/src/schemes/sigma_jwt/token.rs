//! Sigma's JWT-signed embed (the current scheme).
//!
//! HS256 with the client id as `kid`, the secret's UTF-8 bytes as the key;
//! the token rides in `?:jwt=<token>&:embed=true`, and interface parameters
//! follow it unsigned. Signing and verifying go through the `jsonwebtoken`
//! crate; this module only decides the claims, the URL and how to read a
//! pasted token back for inspection.

use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::base_url;
use crate::encoding::{encode_value, push_name, push_value};
use crate::error::{Error, Result};
use crate::query::ParsedUrl;
use crate::secret::Secret;
use crate::signature::SignatureCheck;

/// The URL parameter carrying the token.
pub const JWT_PARAM: &str = ":jwt";
/// Largest `exp - iat` Sigma accepts: 30 days.
pub const MAX_LIFETIME: u64 = 2_592_000;
/// `aud` required by claims version 1.1.
pub const AUDIENCE_V1_1: &str = "sigmacomputing";

/// Everything that goes into a JWT embed URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SigmaJwtRequest {
    /// `https://app.sigmacomputing.com/<org>/workbook/<name>-<id>` (or page/element/tag).
    pub workbook_url: String,
    /// Header `kid`.
    pub client_id: String,
    /// `sub`.
    pub email: String,
    /// `jti`, single use.
    pub jti: String,
    /// `iat`, Unix seconds.
    pub iat: u64,
    /// `exp - iat`, seconds.
    pub ttl: u64,
    /// `iss` (Sigma expects the client id when present).
    pub issuer: Option<String>,
    /// `ver`: "1.0" (default when absent) or "1.1" (then `aud` is set).
    pub version: Option<String>,
    /// `account_type` (absent → the highest type the client allows).
    pub account_type: Option<String>,
    /// `teams`; omitted when empty.
    pub teams: Vec<String>,
    /// `user_attributes`, in the order given; omitted when empty.
    pub user_attributes: Vec<(String, String)>,
    /// `eval_connection_id`.
    pub eval_connection_id: Option<String>,
    /// `first_name`.
    pub first_name: Option<String>,
    /// `last_name`.
    pub last_name: Option<String>,
    /// Unsigned interface parameters and controls after `:embed=true`.
    pub params: Vec<(String, String)>,
}

/// User attributes serialized as a JSON object in the order given.
struct OrderedAttributes<'a>(&'a [(String, String)]);

impl Serialize for OrderedAttributes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// The claims in the order they are serialized.
#[derive(Serialize)]
struct Claims<'a> {
    sub: &'a str,
    jti: &'a str,
    iat: u64,
    exp: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    iss: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ver: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aud: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_type: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    teams: Option<&'a [String]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_attributes: Option<OrderedAttributes<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eval_connection_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
}

/// Signs the token alone.
pub fn sign_token(request: &SigmaJwtRequest, secret: &Secret) -> Result<String> {
    if request.client_id.is_empty() {
        return Err(Error::BadField {
            field: "--client-id".into(),
            reason: "the client id is empty; it becomes the JWT header's kid, which Sigma requires"
                .into(),
        });
    }
    let exp = request
        .iat
        .checked_add(request.ttl)
        .ok_or_else(|| Error::BadField {
            field: "--ttl".into(),
            reason: "iat + ttl overflows".into(),
        })?;
    let version = request.version.as_deref();
    let claims = Claims {
        sub: &request.email,
        jti: &request.jti,
        iat: request.iat,
        exp,
        iss: request.issuer.as_deref(),
        ver: version,
        aud: (version == Some("1.1")).then_some(AUDIENCE_V1_1),
        account_type: request.account_type.as_deref(),
        teams: (!request.teams.is_empty()).then_some(request.teams.as_slice()),
        user_attributes: (!request.user_attributes.is_empty())
            .then_some(OrderedAttributes(&request.user_attributes)),
        eval_connection_id: request.eval_connection_id.as_deref(),
        first_name: request.first_name.as_deref(),
        last_name: request.last_name.as_deref(),
    };
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some(request.client_id.clone());
    jsonwebtoken::encode(&header, &claims, &EncodingKey::from_secret(secret.expose()))
        .map_err(|e| Error::JwtSigning(e.to_string()))
}

/// Builds the embed URL around a freshly signed token.
pub fn sign(request: &SigmaJwtRequest, secret: &Secret) -> Result<String> {
    base_url::check("workbook URL", &request.workbook_url)?;
    let token = sign_token(request, secret)?;
    let mut url = format!(
        "{}?:jwt={}&:embed=true",
        request.workbook_url,
        encode_value(&token)
    );
    for (name, value) in &request.params {
        url.push('&');
        push_name(&mut url, name);
        url.push('=');
        push_value(&mut url, value);
    }
    Ok(url)
}

pub use crate::jwt::{decode, DecodedJwt};

/// The `:jwt` parameter's decoded value.
pub fn token(url: &ParsedUrl) -> Option<&str> {
    url.first(JWT_PARAM).map(|p| p.value.as_str())
}

/// Checks the token's HS256 signature (time claims are judged elsewhere).
pub fn check_signature(token: &str, secret: &Secret) -> SignatureCheck {
    crate::jwt::check_hs256(token, secret)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn request() -> SigmaJwtRequest {
        SigmaJwtRequest {
            workbook_url: "https://app.sigmacomputing.com/acme/workbook/Sales-1a2b".into(),
            client_id: "cid".into(),
            email: "a@b.co".into(),
            jti: "j1".into(),
            iat: 1_700_000_000,
            ttl: 3600,
            teams: vec!["Sales_Managers".into()],
            user_attributes: vec![("Region".into(), "West".into()), ("A".into(), "1".into())],
            params: vec![(":theme".into(), "Dark".into())],
            ..SigmaJwtRequest::default()
        }
    }

    #[test]
    fn builds_the_url_with_the_token_then_embed_then_unsigned_params() {
        let url = sign(&request(), &Secret::new("s")).unwrap();
        assert!(url.starts_with("https://app.sigmacomputing.com/acme/workbook/Sales-1a2b?:jwt=ey"));
        assert!(url.ends_with("&:embed=true&:theme=Dark"));
    }

    #[test]
    fn header_has_kid_and_claims_keep_attribute_order() {
        let token = sign_token(&request(), &Secret::new("s")).unwrap();
        let decoded = decode(&token).unwrap();
        assert_eq!(decoded.kid(), Some("cid"));
        assert_eq!(decoded.header["alg"], "HS256");
        assert_eq!(decoded.claim_u64("exp"), Some(1_700_003_600));
        let claims_json = String::from_utf8(
            URL_SAFE_NO_PAD
                .decode(token.split('.').nth(1).unwrap())
                .unwrap(),
        )
        .unwrap();
        assert!(claims_json.contains(r#""user_attributes":{"Region":"West","A":"1"}"#));
    }

    #[test]
    fn both_parameter_orders_carry_the_token() {
        let secret = Secret::new("k");
        let url = sign(&request(), &secret).unwrap();
        let (base, query) = url.split_once('?').unwrap();
        let swapped = format!("{base}?:embed=true&{}", query.replace("&:embed=true", ""));
        assert!(swapped.contains("?:embed=true&:jwt="), "{swapped}");
        let parsed = ParsedUrl::parse(&swapped).unwrap();
        assert_eq!(
            check_signature(token(&parsed).unwrap(), &secret),
            SignatureCheck::Valid
        );
    }

    #[test]
    fn version_1_1_adds_the_audience() {
        let mut req = request();
        req.version = Some("1.1".into());
        let decoded = decode(&sign_token(&req, &Secret::new("s")).unwrap()).unwrap();
        assert_eq!(decoded.claim_str("aud"), Some(AUDIENCE_V1_1));
    }

    #[test]
    fn signature_checks_catch_a_wrong_secret() {
        let token = sign_token(&request(), &Secret::new("s")).unwrap();
        assert_eq!(
            check_signature(&token, &Secret::new("s")),
            SignatureCheck::Valid
        );
        assert_eq!(
            check_signature(&token, &Secret::new("x")),
            SignatureCheck::Invalid
        );
    }

    #[test]
    fn garbage_is_a_clear_error() {
        assert!(matches!(decode("abc"), Err(Error::MalformedJwt { .. })));
        assert!(matches!(decode("a.b.c"), Err(Error::MalformedJwt { .. })));
        assert!(matches!(
            decode("!!!.e30.x"),
            Err(Error::MalformedJwt { .. })
        ));
    }
}
