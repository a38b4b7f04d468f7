//! Properties over arbitrary Unicode: sign → read back → the original values,
//! and any single flipped byte makes the signature check refuse.

// Test code: a failed unwrap is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest, UserAttribute};
use embed_core::schemes::sigma_jwt::{self, SigmaJwtRequest};
use embed_core::signature::SignatureCheck;
use embed_core::{Context, Embed, Judge, Policy, Secret};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any Unicode scalar values, including controls, '&', '#', '%', '+', ',' and '='.
    "\\PC{1,12}|[&#%+=, ]{1,4}|.{1,8}"
}

/// List elements (teams, attribute values): anything but a comma, which is
/// Sigma's separator whether encoded or not (vendors.md section 1).
fn element() -> impl Strategy<Value = String> {
    "[^,]{1,12}|[&#%+= ]{1,4}"
}

fn signature_of(url: &str, secret: &Secret) -> Option<SignatureCheck> {
    let embed = Embed::read(url).ok()?;
    let policy = Policy::default();
    Some(
        embed
            .verify(
                &Judge {
                    secret,
                    policy: &policy,
                    now: None,
                },
                Context::default(),
            )
            .signature,
    )
}

fn refused(bytes: &[u8], secret: &Secret) -> bool {
    match std::str::from_utf8(bytes) {
        Err(_) => true,
        Ok(url) => signature_of(url, secret) != Some(SignatureCheck::Valid),
    }
}

fn flip(url: &str, at: usize, to: u8) -> Option<Vec<u8>> {
    let mut bytes = url.as_bytes().to_vec();
    let i = at % bytes.len();
    if bytes[i] == to {
        return None;
    }
    bytes[i] = to;
    Some(bytes)
}

fn classic(
    email: String,
    teams: Vec<String>,
    ua: Vec<String>,
    control: String,
) -> SigmaClassicRequest {
    SigmaClassicRequest {
        embed_path: "https://app.sigmacomputing.com/embed/1-abc".into(),
        client_id: "client".into(),
        email,
        external_user_id: "u-1".into(),
        teams,
        account_type: Some("Viewer".into()),
        mode: "userbacked".into(),
        session_length: 600,
        time: 1_700_000_000,
        nonce: "nonce-1".into(),
        user_attributes: vec![UserAttribute {
            name: "Region".into(),
            values: ua,
        }],
        params: vec![("p_control".into(), control)],
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn sigma_classic_round_trips_any_unicode(
        email in text(), teams in prop::collection::vec(element(), 1..4),
        ua in prop::collection::vec(element(), 1..3), control in text(),
    ) {
        let secret = Secret::new("s3cret");
        let url = sigma_classic::sign(&classic(email.clone(), teams.clone(), ua.clone(), control.clone()), &secret).unwrap();
        let embed = Embed::read(&url).unwrap();
        prop_assert_eq!(embed.facts.email.as_deref(), Some(email.as_str()));
        prop_assert_eq!(embed.facts.teams.clone(), Some(teams));
        prop_assert_eq!(embed.facts.user_attributes.clone(), vec![("Region".to_owned(), ua)]);
        prop_assert_eq!(embed.url.first("p_control").map(|p| p.value.clone()), Some(control));
        prop_assert_eq!(signature_of(&url, &secret), Some(SignatureCheck::Valid));
    }

    #[test]
    fn sigma_classic_refuses_any_single_flipped_byte(email in text(), at in any::<usize>(), to in any::<u8>()) {
        let secret = Secret::new("s3cret");
        let url = sigma_classic::sign(&classic(email, vec!["T".into()], vec!["v".into()], "c".into()), &secret).unwrap();
        if let Some(bytes) = flip(&url, at, to) {
            prop_assert!(refused(&bytes, &secret), "accepted after flipping byte {} to {:#04x}: {}", at % url.len(), to, String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn boldbi_round_trips_any_unicode(email in text(), value in text(), timestamp in proptest::option::of(1u64..4_000_000_000)) {
        let secret = Secret::new("k");
        let request = BoldBiRequest {
            dashboard_url: "https://bi.example.com/bi/site/s/dashboards/1/C/N".into(),
            nonce: "n".into(),
            email: email.clone(),
            params: vec![("embed_datasource_filter".into(), value.clone())],
            timestamp,
            expiration: None,
            escape_signature: false,
        };
        let url = boldbi::sign(&request, &secret).unwrap();
        let embed = Embed::read(&url).unwrap();
        prop_assert_eq!(embed.facts.email.as_deref(), Some(email.as_str()));
        prop_assert_eq!(embed.url.first("embed_datasource_filter").map(|p| p.value.clone()), Some(value));
        prop_assert_eq!(embed.facts.issued_at, timestamp);
        prop_assert_eq!(signature_of(&url, &secret), Some(SignatureCheck::Valid));
    }

    /// Bold BI signs the query alone, so only bytes after '?' are covered; a
    /// change to the dashboard path is, by the vendor's design, not detected.
    #[test]
    fn boldbi_refuses_any_single_flipped_byte_in_the_query(email in text(), at in any::<usize>(), to in any::<u8>()) {
        let secret = Secret::new("k");
        let request = BoldBiRequest {
            dashboard_url: "https://bi.example.com/bi/site/s/dashboards/1/C/N".into(),
            nonce: "n".into(),
            email,
            params: vec![],
            timestamp: Some(1_700_000_000),
            expiration: Some(86_400),
            escape_signature: false,
        };
        let url = boldbi::sign(&request, &secret).unwrap();
        let query_start = url.find('?').unwrap() + 1;
        let at = query_start + at % (url.len() - query_start);
        if let Some(bytes) = flip(&url, at, to) {
            prop_assert!(refused(&bytes, &secret), "accepted after flipping byte {at}: {}", String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn sigma_jwt_round_trips_any_unicode(email in text(), teams in prop::collection::vec(text(), 0..3), value in text()) {
        let secret = Secret::new("jwt-secret");
        let request = SigmaJwtRequest {
            workbook_url: "https://app.sigmacomputing.com/o/workbook/w-1".into(),
            client_id: "cid".into(),
            email: email.clone(),
            jti: "j".into(),
            iat: 1_700_000_000,
            ttl: 600,
            teams: teams.clone(),
            user_attributes: vec![("Region".into(), value.clone())],
            ..SigmaJwtRequest::default()
        };
        let url = sigma_jwt::sign(&request, &secret).unwrap();
        let embed = Embed::read(&url).unwrap();
        prop_assert_eq!(embed.facts.email.as_deref(), Some(email.as_str()));
        prop_assert_eq!(embed.facts.teams.clone().unwrap_or_default(), teams);
        prop_assert_eq!(embed.facts.user_attributes.clone(), vec![("Region".to_owned(), vec![value])]);
        prop_assert_eq!(signature_of(&url, &secret), Some(SignatureCheck::Valid));
    }

    /// Only the token is signed; interface parameters after it are not.
    #[test]
    fn sigma_jwt_refuses_any_single_flipped_byte_in_the_token(at in any::<usize>(), to in any::<u8>()) {
        let secret = Secret::new("jwt-secret");
        let request = SigmaJwtRequest {
            workbook_url: "https://app.sigmacomputing.com/o/workbook/w-1".into(),
            client_id: "cid".into(),
            email: "a@b.co".into(),
            jti: "j".into(),
            iat: 1_700_000_000,
            ttl: 600,
            ..SigmaJwtRequest::default()
        };
        let url = sigma_jwt::sign(&request, &secret).unwrap();
        let start = url.find(":jwt=").unwrap() + 5;
        let end = url.find("&:embed").unwrap();
        let at = start + at % (end - start);
        if let Some(bytes) = flip(&url, at, to) {
            prop_assert!(refused(&bytes, &secret), "accepted after flipping byte {at}: {}", String::from_utf8_lossy(&bytes));
        }
    }
}
