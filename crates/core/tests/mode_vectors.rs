//! Mode white-label embeds against an independent implementation
//! (`scripts/vectors/mode.py`, Python's standard library): the published
//! vector and cases with escapes, which our signer must reproduce byte for
//! byte, and the same URLs as a signer that encodes values twice builds
//! them, which must verify as received and be named by the inspector.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use embed_core::query::ParsedUrl;
use embed_core::schemes::mode::{self, ModeRequest};
use embed_core::signature::SignatureCheck;
use embed_core::{inspect, InspectOptions, Policy, Secret};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/mode.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn request(case: &Value) -> ModeRequest {
    ModeRequest {
        report_url: case["report_url"].as_str().unwrap().into(),
        access_key: case["access_key"].as_str().unwrap().into(),
        max_age: case["max_age"].as_u64(),
        params: case["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap().to_owned(),
                    p[1].as_str().unwrap().to_owned(),
                )
            })
            .collect(),
        timestamp: case["timestamp"].as_u64().unwrap(),
    }
}

#[test]
fn our_signer_reproduces_every_vector() {
    for case in vectors() {
        let secret = Secret::new(case["secret"].as_str().unwrap());
        assert_eq!(
            mode::sign(&request(&case), &secret).unwrap(),
            case["url"].as_str().unwrap(),
            "{}",
            case["name"]
        );
    }
}

#[test]
fn urls_from_either_signer_verify_as_received_and_a_double_encoding_is_named() {
    for case in vectors() {
        let secret = Secret::new(case["secret"].as_str().unwrap());
        for key in ["url", "url_encoded_twice"] {
            let url = ParsedUrl::parse(case[key].as_str().unwrap()).unwrap();
            assert_eq!(
                mode::check_signature(&url, &secret),
                SignatureCheck::Valid,
                "{} {key}",
                case["name"]
            );
            let wrong = Secret::new("not-the-secret");
            assert_eq!(mode::check_signature(&url, &wrong), SignatureCheck::Invalid);
        }
        let twice = case["url_encoded_twice"].as_str().unwrap();
        let report = inspect(
            twice,
            &InspectOptions {
                secret: Some(&secret),
                policy: Policy::default(),
                now: None,
            },
        )
        .unwrap();
        let named = report
            .hazards
            .iter()
            .any(|h| h.code == "mode-encoded-twice");
        assert_eq!(
            named,
            twice != case["url"].as_str().unwrap(),
            "{}: {:?}",
            case["name"],
            report.hazards
        );
    }
}
