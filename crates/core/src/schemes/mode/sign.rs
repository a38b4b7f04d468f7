//! Signing a Mode white-label embed URL (vendors.md §8), as Mode's test page
//! and the public signers build it: the report's `/embed` address, the
//! parameters sorted by name (`access_key`, `max_age`, `param_<name>`…)
//! with `timestamp` last, then a lower-case hex HMAC-SHA256, under the
//! access secret as text, of the request string
//! `GET,,<Base64 MD5 of the empty body>,<that URL>,<timestamp>`, appended
//! as `signature`.

use crate::encoding::push_uri_component;
use crate::error::Result;
use crate::mac::hmac_sha256;
use crate::secret::Secret;

/// The parameter that carries the signature.
pub const SIGNATURE_PARAM: &str = "signature";
/// The parameter that carries the signing time.
pub const TIMESTAMP_PARAM: &str = "timestamp";
/// The parameter that names the access key.
pub const ACCESS_KEY_PARAM: &str = "access_key";
/// What every report parameter's name starts with.
pub const PARAM_PREFIX: &str = "param_";
/// The Base64 MD5 of an empty body, the request string's third field.
pub const EMPTY_BODY_MD5: &str = "1B2M2Y8AsgTpgAmY7PhCfg==";

/// A Mode white-label embed request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ModeRequest {
    /// The report's embed address: `https://app.mode.com/<org>/reports/<token>/embed`.
    pub report_url: String,
    /// The access key (its secret signs).
    pub access_key: String,
    /// Seconds before the report is re-run (`max_age`), if sent.
    pub max_age: Option<u64>,
    /// Report parameters, names as sent (`param_region`).
    pub params: Vec<(String, String)>,
    /// Signing time, Unix seconds.
    pub timestamp: u64,
}

/// The request string Mode's signature covers, for the URL as signed
/// (everything before `&signature=`) and its timestamp.
pub fn request_string(url: &str, timestamp: &str) -> String {
    format!("GET,,{EMPTY_BODY_MD5},{url},{timestamp}")
}

/// The lower-case hex HMAC-SHA256 of `request` under `secret`.
pub fn tag(secret: &Secret, request: &str) -> String {
    hex::encode(hmac_sha256(secret, request.as_bytes()))
}

/// The URL before its signature: the parameters sorted by name, each
/// escaped as `encodeURIComponent` does, `timestamp` last.
pub fn unsigned_url(r: &ModeRequest) -> String {
    let mut pairs: Vec<(String, String)> = vec![(ACCESS_KEY_PARAM.into(), r.access_key.clone())];
    if let Some(max_age) = r.max_age {
        pairs.push(("max_age".into(), max_age.to_string()));
    }
    pairs.extend(r.params.iter().cloned());
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    let mut url = r.report_url.trim_end_matches('?').to_owned();
    url.push('?');
    for (name, value) in &pairs {
        push_uri_component(&mut url, name);
        url.push('=');
        push_uri_component(&mut url, value);
        url.push('&');
    }
    url.push_str(TIMESTAMP_PARAM);
    url.push('=');
    url.push_str(&r.timestamp.to_string());
    url
}

/// The signed URL.
pub fn sign(r: &ModeRequest, secret: &Secret) -> Result<String> {
    let url = unsigned_url(r);
    let signature = tag(secret, &request_string(&url, &r.timestamp.to_string()));
    Ok(format!("{url}&{SIGNATURE_PARAM}={signature}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_vector_signs_as_documented() {
        // vendors.md §8 (a third-party test citing Mode's test page).
        let url = "https://app.mode.com/test/reports/12eaf1245c7e/embed?access_key=1234567890&max_age=1800&timestamp=1532446786";
        assert_eq!(
            tag(
                &Secret::new("0987654321"),
                &request_string(url, "1532446786")
            ),
            "bce6321f616c77321e8dcc7943b6f3f8c23425b23c87a14a23395a423f605da9"
        );
        let request = ModeRequest {
            report_url: "https://app.mode.com/test/reports/12eaf1245c7e/embed".into(),
            access_key: "1234567890".into(),
            max_age: Some(1800),
            params: vec![],
            timestamp: 1_532_446_786,
        };
        assert_eq!(unsigned_url(&request), url);
    }
}
