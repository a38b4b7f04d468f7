//! The core agrees byte for byte with independent implementations.
//!
//! The vectors in `tests/vectors/` are produced by `scripts/vectors/` (Node's
//! crypto running the `embed-api.js` construction, Python's hmac/base64 for
//! Bold BI, Python's standard library HS256 for Sigma JWT), never by this
//! crate. CI regenerates them and fails if they drift.

// Test code: a failed unwrap is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest, UserAttribute};
use embed_core::schemes::sigma_jwt::{self, SigmaJwtRequest};
use embed_core::{Context, Embed, Judge, Policy, Secret};
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/vectors")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn s(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing"))
        .to_owned()
}

fn opt(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect()
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn accepted(url: &str, secret: &Secret, now: u64) -> bool {
    let embed = Embed::read(url).unwrap();
    embed
        .verify(
            &Judge {
                secret,
                policy: &Policy::default(),
                now: Some(now),
            },
            Context::default(),
        )
        .accepted
}

#[test]
fn sigma_classic_matches_the_vendor_node_construction_byte_for_byte() {
    let file = load("sigma_classic.json");
    for v in file["vectors"].as_array().unwrap() {
        let request = SigmaClassicRequest {
            embed_path: s(v, "embed_path"),
            client_id: s(v, "client_id"),
            email: s(v, "email"),
            external_user_id: s(v, "external_user_id"),
            teams: strings(&v["teams"]),
            account_type: Some(s(v, "account_type")),
            mode: s(v, "mode"),
            session_length: v["session_length"].as_u64().unwrap(),
            time: v["time"].as_u64().unwrap(),
            nonce: s(v, "nonce"),
            user_attributes: v["user_attributes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| UserAttribute {
                    name: a[0].as_str().unwrap().to_owned(),
                    values: strings(&a[1]),
                })
                .collect(),
            params: pairs(&v["params"]),
        };
        let secret = Secret::new(s(v, "secret"));
        let url = sigma_classic::sign(&request, &secret).unwrap();
        assert_eq!(url, s(v, "url"), "vector {:?}", s(v, "name"));
        assert!(
            accepted(&url, &secret, request.time + 1),
            "vector {:?} does not verify",
            s(v, "name")
        );
    }
}

#[test]
fn sigma_classic_urls_signed_with_other_encodings_and_orders_verify() {
    let file = load("sigma_classic.json");
    for v in file["foreign_vectors"].as_array().unwrap() {
        let secret = Secret::new(s(v, "secret"));
        let url = s(v, "url");
        assert!(
            url.contains("%3Asignature="),
            "the vector should encode the signature name"
        );
        assert!(
            accepted(&url, &secret, v["now"].as_u64().unwrap()),
            "vector {:?}",
            s(v, "name")
        );
        assert!(!accepted(
            &url,
            &Secret::new("wrong"),
            v["now"].as_u64().unwrap()
        ));
    }
}

#[test]
fn boldbi_matches_python_hmac_and_base64_byte_for_byte() {
    let file = load("boldbi.json");
    for v in file["vectors"].as_array().unwrap() {
        let request = BoldBiRequest {
            dashboard_url: s(v, "dashboard_url"),
            nonce: s(v, "nonce"),
            email: s(v, "email"),
            params: pairs(&v["params"]),
            timestamp: v["timestamp"].as_u64(),
            expiration: v["expiration"].as_u64(),
            escape_signature: v["escape_signature"].as_bool().unwrap(),
        };
        let secret = Secret::new(s(v, "secret"));
        let url = boldbi::sign(&request, &secret).unwrap();
        assert_eq!(url, s(v, "url"), "vector {:?}", s(v, "name"));
        assert!(
            accepted(&url, &secret, request.timestamp.unwrap_or(0) + 1),
            "vector {:?} does not verify",
            s(v, "name")
        );
    }
}

#[test]
fn sigma_jwt_matches_python_stdlib_hs256_byte_for_byte() {
    let file = load("sigma_jwt.json");
    for v in file["vectors"].as_array().unwrap() {
        let request = SigmaJwtRequest {
            workbook_url: s(v, "workbook_url"),
            client_id: s(v, "client_id"),
            email: s(v, "email"),
            jti: s(v, "jti"),
            iat: v["iat"].as_u64().unwrap(),
            ttl: v["ttl"].as_u64().unwrap(),
            issuer: opt(v, "iss"),
            version: opt(v, "ver"),
            account_type: opt(v, "account_type"),
            teams: strings(&v["teams"]),
            user_attributes: pairs(&v["user_attributes"]),
            eval_connection_id: opt(v, "eval_connection_id"),
            first_name: opt(v, "first_name"),
            last_name: opt(v, "last_name"),
            params: pairs(&v["params"]),
        };
        let secret = Secret::new(s(v, "secret"));
        let url = sigma_jwt::sign(&request, &secret).unwrap();
        assert_eq!(url, s(v, "url"), "vector {:?}", s(v, "name"));
        assert!(
            accepted(&url, &secret, request.iat + 1),
            "vector {:?} does not verify",
            s(v, "name")
        );
        assert!(!accepted(&url, &Secret::new("wrong"), request.iat + 1));
    }
}
