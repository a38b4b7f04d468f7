//! Looker signed embed against an independent implementation
//! (`scripts/vectors/looker.py`, Python's standard library): the two
//! embed-sdk vectors, URLs our signer must reproduce byte for byte, and
//! URLs in the style of Looker's Python sample (spaced JSON, `quote_plus`,
//! a numeric user id) that must verify as received.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use embed_core::query::ParsedUrl;
use embed_core::schemes::looker::{self, Algorithm, LookerRequest};
use embed_core::signature::SignatureCheck;
use embed_core::Secret;
use proptest::prelude::*;
use serde_json::Value;

fn vectors() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/looker.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

fn text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn request(case: &Value) -> (LookerRequest, Secret) {
    let request = LookerRequest {
        host: text(&case["host"]).unwrap(),
        embed_url: text(&case["embed_url"]).unwrap(),
        nonce: text(&case["nonce"]).unwrap(),
        time: case["time"].as_u64().unwrap(),
        session_length: case["session_length"].as_u64().unwrap(),
        external_user_id: text(&case["external_user_id"]).unwrap(),
        permissions: strings(&case["permissions"]),
        models: strings(&case["models"]),
        group_ids: case["group_ids"]
            .as_array()
            .map(|a| a.iter().map(|n| n.as_u64().unwrap()).collect())
            .unwrap_or_default(),
        external_group_id: text(&case["external_group_id"]),
        user_attributes: case["user_attributes"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                    .collect()
            })
            .unwrap_or_default(),
        access_filters: case["access_filters"].to_string(),
        first_name: text(&case["first_name"]),
        last_name: text(&case["last_name"]),
        user_timezone: text(&case["user_timezone"]),
        force_logout_login: case["force_logout_login"].as_bool(),
        algorithm: if case["algorithm"] == "sha256" {
            Algorithm::Sha256
        } else {
            Algorithm::Sha1
        },
    };
    (request, Secret::new(case["secret"].as_str().unwrap()))
}

fn signature_of(url: &str) -> String {
    ParsedUrl::parse(url)
        .unwrap()
        .first(looker::SIGNATURE_PARAM)
        .unwrap()
        .value
        .clone()
}

#[test]
fn the_embed_sdk_vectors_sign_to_their_published_signatures() {
    for vector in vectors()["embed_sdk"].as_array().unwrap() {
        let (request, secret) = request(&vector["case"]);
        let url = looker::sign(&request, &secret).unwrap();
        assert_eq!(signature_of(&url), vector["signature"].as_str().unwrap());
    }
}

#[test]
fn the_signer_emits_the_independent_implementations_url_byte_for_byte() {
    for vector in vectors()["signer"].as_array().unwrap() {
        let (request, secret) = request(&vector["case"]);
        let url = looker::sign(&request, &secret).unwrap();
        assert_eq!(url, vector["url"].as_str().unwrap(), "{}", vector["name"]);
        let parsed = ParsedUrl::parse(&url).unwrap();
        assert_eq!(
            looker::check_signature(&parsed, None, &secret, request.algorithm),
            SignatureCheck::Valid
        );
        assert_eq!(
            looker::check_signature(&parsed, None, &secret, request.algorithm.other()),
            SignatureCheck::Invalid,
            "the other algorithm must not verify"
        );
    }
}

#[test]
fn urls_from_lookers_python_sample_verify_as_received() {
    for vector in vectors()["python_sample"].as_array().unwrap() {
        let url = ParsedUrl::parse(vector["url"].as_str().unwrap()).unwrap();
        let secret = Secret::new(vector["secret"].as_str().unwrap());
        assert_eq!(
            looker::check_signature(&url, None, &secret, Algorithm::Sha1),
            SignatureCheck::Valid,
            "{}",
            vector["name"]
        );
        // Its '+' are the sample's escaped spaces: no advice to send %2B.
        let embed = embed_core::Embed::read(vector["url"].as_str().unwrap()).unwrap();
        let report = embed_core::hazards::find(&embed.url, embed.scheme, &embed.facts);
        assert!(!report.iter().any(|h| h.code == "raw-plus"), "{report:?}");
        // Signed for its own host, so another host line fails.
        assert_eq!(
            looker::check_signature(&url, Some("evil.example.com"), &secret, Algorithm::Sha1),
            SignatureCheck::Invalid
        );
    }
}

#[test]
fn a_missing_signed_parameter_or_signature_is_named() {
    let url = ParsedUrl::parse(
        "https://h/login/embed/%2Fembed%2Fdashboards%2F1?nonce=%22n%22&time=1&signature=x",
    )
    .unwrap();
    assert_eq!(looker::signed_string(&url, None), Err("session_length"));
    let unsigned =
        ParsedUrl::parse("https://h/login/embed/%2Fembed%2Fdashboards%2F1?nonce=%22n%22").unwrap();
    assert_eq!(
        looker::check_signature(&unsigned, None, &Secret::new("s"), Algorithm::Sha1),
        SignatureCheck::Missing
    );
}

#[test]
fn bad_access_filters_and_hosts_are_clear_errors() {
    let (mut request, secret) = request(&vectors()["embed_sdk"][1]["case"]);
    request.access_filters = "[1]".into();
    let error = looker::sign(&request, &secret).unwrap_err().to_string();
    assert!(error.contains("access_filters"), "{error}");
    request.access_filters = "{}".into();
    request.host = "https://bad host/".into();
    assert!(looker::sign(&request, &secret).is_err());
    request.host = "http://127.0.0.1:8711".into();
    assert!(looker::sign(&request, &secret)
        .unwrap()
        .starts_with("http://127.0.0.1:8711/login/embed/%2Fembed%2Fdashboards%2F1?"));
}

proptest! {
    #[test]
    fn any_signed_url_verifies_and_any_flipped_byte_is_refused(
        user in "\\PC{1,20}",
        nonce in "[ -~]{1,24}",
        attribute in "\\PC{0,12}",
        flip in 0usize..400,
    ) {
        let (mut request, secret) = request(&vectors()["embed_sdk"][0]["case"]);
        request.external_user_id = user;
        request.nonce = nonce;
        request.user_attributes = vec![("note".into(), attribute)];
        let url = looker::sign(&request, &secret).unwrap();
        let parsed = ParsedUrl::parse(&url).unwrap();
        prop_assert_eq!(looker::check_signature(&parsed, None, &secret, Algorithm::Sha1), SignatureCheck::Valid);
        // Flip one byte of the query (not of the signature): refused.
        let query_start = url.find('?').unwrap() + 1;
        let signature_start = url.rfind("&signature=").unwrap();
        let at = query_start + flip % (signature_start - query_start);
        let mut bytes = url.into_bytes();
        bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(bytes).unwrap();
        if let Ok(parsed) = ParsedUrl::parse(&flipped) {
            prop_assert_ne!(looker::check_signature(&parsed, None, &secret, Algorithm::Sha1), SignatureCheck::Valid);
        }
    }
}
