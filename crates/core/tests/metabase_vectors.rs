//! Metabase static embeds against an independent implementation
//! (`scripts/vectors/metabase.py`, Python's standard library): tokens and
//! URLs our signer must reproduce byte for byte, Metabase's expiry rule at
//! its edge (expired iff exp <= now - 60), and forged tokens refused with
//! Metabase's own texts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use embed_core::schemes::metabase::{self, Expiry, MetabaseRequest, Resource};
use embed_core::verdict::Reason;
use embed_core::{Context, Embed, Judge, Policy, Secret};
use serde_json::Value;

fn vectors() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/metabase.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
        .collect()
}

fn request(case: &Value) -> MetabaseRequest {
    MetabaseRequest {
        site_url: case["site_url"].as_str().unwrap().into(),
        resource: Resource::from_word(case["resource"].as_str().unwrap()).unwrap(),
        id: case["id"].as_str().unwrap().into(),
        // The request holds each value as compact JSON text.
        params: pairs(&case["params"])
            .into_iter()
            .map(|(k, v)| (k, serde_json::from_str::<Value>(&v).unwrap().to_string()))
            .collect(),
        expiry: case["exp"].as_u64().map_or(Expiry::Never, Expiry::At),
        time: 1_795_000_000,
        appearance: pairs(&case["appearance"]),
        guest: false,
    }
}

fn verdict(url: &str, secret: &str, now: u64) -> (bool, Option<Reason>, Option<String>) {
    let v = Embed::read(url).unwrap().verify(
        &Judge {
            secret: &Secret::new(secret),
            policy: &Policy::default(),
            now: Some(now),
        },
        Context::default(),
    );
    let message = v.refusal.as_ref().map(|r| r.message.clone());
    (v.accepted, v.refusal.map(|r| r.reason), message)
}

#[test]
fn our_signer_reproduces_every_token_and_url() {
    for case in vectors()["cases"].as_array().unwrap() {
        let secret = Secret::new(case["secret"].as_str().unwrap());
        let r = request(case);
        assert_eq!(
            metabase::sign::token(&r, &secret),
            case["token"].as_str().unwrap(),
            "{}",
            case["name"]
        );
        assert_eq!(
            metabase::sign::sign(&r, &secret).unwrap(),
            case["url"].as_str().unwrap(),
            "{}",
            case["name"]
        );
    }
}

#[test]
fn expiry_follows_metabases_rule_at_its_edge() {
    let case = &vectors()["cases"][0];
    let (url, secret) = (
        case["url"].as_str().unwrap(),
        case["secret"].as_str().unwrap(),
    );
    let exp = case["exp"].as_u64().unwrap();
    assert!(verdict(url, secret, exp + 59).0);
    let (accepted, reason, message) = verdict(url, secret, exp + 60);
    assert!(!accepted);
    assert_eq!(reason, Some(Reason::Expired));
    assert_eq!(
        message.as_deref(),
        Some(format!("Token is expired ({exp})").as_str())
    );
    // A second load of the same URL is accepted: no single use.
    assert!(verdict(url, secret, exp).0);
}

#[test]
fn forged_tokens_get_metabases_words() {
    let v = vectors();
    let forged = &v["forged"];
    let secret = forged["secret"].as_str().unwrap();
    let url = |token: &str| format!("https://metabase.example.com/embed/dashboard/{token}");
    let (_, reason, message) = verdict(
        &url(forged["tampered"].as_str().unwrap()),
        secret,
        1_795_000_000,
    );
    assert_eq!(reason, Some(Reason::InvalidSignature));
    assert_eq!(
        message.as_deref(),
        Some("Message seems corrupt or manipulated")
    );
    let (_, _, message) = verdict(
        &url(forged["wrong_secret"].as_str().unwrap()),
        secret,
        1_795_000_000,
    );
    assert_eq!(
        message.as_deref(),
        Some("Message seems corrupt or manipulated")
    );
    let (_, reason, message) = verdict(
        &url(forged["alg_none"].as_str().unwrap()),
        secret,
        1_795_000_000,
    );
    assert_eq!(reason, Some(metabase::texts::ALG_NONE));
    assert_eq!(message.as_deref(), Some("JWT `alg` cannot be `none`."));
}
