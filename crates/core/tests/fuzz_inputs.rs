//! A bounded fuzz of the core's readers over mutated signed URLs of every
//! scheme: `inspect` (with the secret), `verify` and `diff` never panic,
//! and no report they make carries the secret. Bounded in cases (CI runs
//! it on every change); `PROPTEST_CASES` raises it for a longer hunt.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use embed_core::diff::diff;
use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::schemes::looker::{self, Algorithm, LookerRequest};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest};
use embed_core::schemes::sigma_jwt::{self, SigmaJwtRequest};
use embed_core::{inspect, InspectOptions, Secret};
use proptest::prelude::*;

const SECRET: &str = "canary-secret-QmFzZTY0LXNlY3JldA";

fn seeds() -> Vec<String> {
    let secret = Secret::new(SECRET);
    vec![
        sigma_classic::sign(
            &SigmaClassicRequest::seed_user(
                "https://app.sigmacomputing.com/acme/embed/1-x",
                "client-1",
                1_790_000_000,
                "nonce-1",
            ),
            &secret,
        )
        .unwrap(),
        sigma_jwt::sign(
            &SigmaJwtRequest {
                workbook_url: "https://app.sigmacomputing.com/acme/workbook/Sales-1a2b".into(),
                client_id: "client-1".into(),
                email: "jo@example.com".into(),
                jti: "jti-1".into(),
                iat: 1_790_000_000,
                ttl: 600,
                ..SigmaJwtRequest::default()
            },
            &secret,
        )
        .unwrap(),
        boldbi::sign(
            &BoldBiRequest {
                dashboard_url: "https://bi.example.com/bi/site/s1/dashboards/d-1/Sales/Overview"
                    .into(),
                nonce: "nonce-b".into(),
                email: "bo@example.com".into(),
                params: vec![("embed_datasource_filter".into(), "&&Region=West".into())],
                timestamp: Some(1_790_000_000),
                expiration: Some(86_400),
                escape_signature: false,
            },
            &secret,
        )
        .unwrap(),
        looker::sign(
            &LookerRequest {
                host: "acme.looker.com".into(),
                embed_url: "/embed/dashboards/3".into(),
                nonce: "nonce-l".into(),
                time: 1_790_000_000,
                session_length: 600,
                external_user_id: "u-1".into(),
                permissions: vec!["access_data".into()],
                models: vec!["thelook".into()],
                group_ids: vec![],
                external_group_id: None,
                user_attributes: vec![],
                access_filters: "{}".into(),
                first_name: None,
                last_name: None,
                user_timezone: None,
                force_logout_login: None,
                algorithm: Algorithm::Sha1,
            },
            &secret,
        )
        .unwrap(),
    ]
}

/// One mutation of a URL, as a careless tool or a hostile paste makes it.
#[derive(Debug, Clone)]
enum Mutation {
    Replace(usize, char),
    Insert(usize, String),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Repeat(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let text =
        "[&=?#%+ :,\\\\/\"'<>\u{0}\u{ffff}é😀a-z0-9]{1,6}|%[0-9a-fA-F]{0,2}|%(2[bB]|3[aAdD]|26)";
    prop_oneof![
        (any::<usize>(), any::<char>()).prop_map(|(at, c)| Mutation::Replace(at, c)),
        (any::<usize>(), text).prop_map(|(at, s)| Mutation::Insert(at, s)),
        (any::<usize>(), 1..20usize).prop_map(|(at, n)| Mutation::Delete(at, n)),
        (any::<usize>(), 1..60usize).prop_map(|(at, n)| Mutation::Duplicate(at, n)),
        (any::<usize>(), 1..400usize).prop_map(|(at, n)| Mutation::Repeat(at, n)),
    ]
}

fn boundary(text: &str, at: usize) -> usize {
    let mut i = at % (text.len() + 1);
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(url: &str, m: &Mutation) -> String {
    let mut s = url.to_owned();
    match m {
        Mutation::Replace(at, c) => {
            let i = boundary(&s, *at);
            if let Some(old) = s[i..].chars().next() {
                s.replace_range(i..i + old.len_utf8(), &c.to_string());
            }
        }
        Mutation::Insert(at, text) => {
            let i = boundary(&s, *at);
            s.insert_str(i, text);
        }
        Mutation::Delete(at, n) => {
            let i = boundary(&s, *at);
            let j = boundary(&s, i + n);
            if j > i {
                s.replace_range(i..j, "");
            }
        }
        Mutation::Duplicate(at, n) => {
            let i = boundary(&s, *at);
            let j = boundary(&s, i + n);
            let piece = s[i..j.max(i)].to_owned();
            s.insert_str(j.max(i), &piece);
        }
        Mutation::Repeat(at, n) => {
            let i = boundary(&s, *at);
            let piece = s[i..]
                .chars()
                .next()
                .map(|c| c.to_string())
                .unwrap_or_default();
            s.insert_str(i, &piece.repeat(*n));
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn mutated_urls_never_panic_and_never_echo_the_secret(
        which in 0..4usize,
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let seed = seeds().swap_remove(which);
        let url = mutations.iter().fold(seed.clone(), |u, m| apply(&u, m));
        let secret = Secret::new(SECRET);
        let options = InspectOptions { secret: Some(&secret), now: Some(1_790_000_100), ..InspectOptions::default() };
        if let Ok(report) = inspect(&url, &options) {
            let json = serde_json::to_string(&report).unwrap();
            prop_assert!(!json.contains(SECRET), "secret in the inspect report of {url}");
        }
        if let Ok(report) = diff(&seed, &url) {
            let json = serde_json::to_string(&report).unwrap();
            prop_assert!(!json.contains(SECRET));
        }
        let _ = embed_core::redact::redact(&url, true);
    }
}
