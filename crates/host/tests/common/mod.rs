//! Shared helpers: a host on 127.0.0.1:0 and URLs signed by the core.

#![allow(dead_code)]

use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest, UserAttribute};
use embed_core::schemes::sigma_jwt::{self, SigmaJwtRequest};
use embed_core::Secret;
use embed_host::{Client, HostOptions, Org, RunningHost};
/// The header the host's tools read their token from.
pub const TOKEN_HEADER: &str = embed_host::guard::TOKEN_HEADER;

pub const CLIENT: &str = "test-client";
pub const SECRET: &str = "test-secret-9f8e7d6c";

pub fn client() -> Client {
    Client {
        id: CLIENT.into(),
        secret: Secret::new(SECRET),
        schemes: vec![],
    }
}

pub async fn host_with(org: Org, ledger: Option<std::path::PathBuf>) -> RunningHost {
    embed_host::start(HostOptions {
        ledger,
        ..HostOptions::loopback(org)
    })
    .await
    .unwrap()
}

pub async fn host() -> RunningHost {
    host_with(Org::demo(vec![client()]), None).await
}

pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

pub fn fresh_nonce() -> String {
    uuid::Uuid::new_v4().to_string()
}

pub fn classic(origin: &str) -> SigmaClassicRequest {
    SigmaClassicRequest {
        user_attributes: vec![UserAttribute {
            name: "Region".into(),
            values: vec!["West".into()],
        }],
        ..SigmaClassicRequest::seed_user(
            format!("{origin}/embed/1-demo"),
            CLIENT,
            now(),
            fresh_nonce(),
        )
    }
}

pub fn sign_classic(request: &SigmaClassicRequest) -> String {
    sigma_classic::sign(request, &Secret::new(SECRET)).unwrap()
}

/// Edits a signed classic URL by hand (what a buggy signer would send) and
/// signs the edited bytes again, the way the vendor sample does.
pub fn resign_classic(url: &str, edit: impl FnOnce(&str) -> String) -> String {
    let unsigned = edit(url.split("&:signature=").next().unwrap());
    let tag = embed_core::mac::hmac_sha256(&Secret::new(SECRET), unsigned.as_bytes());
    format!("{unsigned}&:signature={}", hex::encode(tag))
}

pub fn jwt(origin: &str) -> SigmaJwtRequest {
    SigmaJwtRequest {
        workbook_url: format!("{origin}/acme/workbook/Sales-1a2b"),
        client_id: CLIENT.into(),
        email: "jo@example.com".into(),
        jti: fresh_nonce(),
        iat: now(),
        ttl: 600,
        account_type: Some("Viewer".into()),
        teams: vec!["Sales_People".into()],
        ..SigmaJwtRequest::default()
    }
}

pub fn sign_jwt(request: &SigmaJwtRequest) -> String {
    sigma_jwt::sign(request, &Secret::new(SECRET)).unwrap()
}

pub fn boldbi(origin: &str) -> BoldBiRequest {
    BoldBiRequest {
        dashboard_url: format!("{origin}/bi/site/site1/dashboards/d-1/Sales/Overview"),
        nonce: fresh_nonce(),
        email: "bo@example.com".into(),
        params: vec![],
        timestamp: Some(now()),
        expiration: Some(86_400),
        escape_signature: true,
    }
}

pub fn sign_boldbi(request: &BoldBiRequest) -> String {
    boldbi::sign(request, &Secret::new(SECRET)).unwrap()
}

/// GET, returning status and body.
pub async fn get(url: &str) -> (u16, String) {
    let response = reqwest::get(url).await.unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// The text as the host's pages write it (HTML-escaped).
pub fn html(text: &str) -> String {
    embed_host::html::esc(text).into_owned()
}
