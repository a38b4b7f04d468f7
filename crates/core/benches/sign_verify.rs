//! Criterion benches: sign and verify for each scheme.
//!
//! `scripts/bench/sign.sh` compares signing throughput with the vendor's
//! Node algorithm in the same run; these benches track the core on its own.

use criterion::{black_box, criterion_main, Criterion};
use embed_core::query::ParsedUrl;
use embed_core::schemes::boldbi::{self, BoldBiRequest};
use embed_core::schemes::looker::{self, Algorithm, LookerRequest};
use embed_core::schemes::metabase::{self, Expiry, MetabaseRequest, Resource};
use embed_core::schemes::mode::{self, ModeRequest};
use embed_core::schemes::sigma_classic::{self, SigmaClassicRequest};
use embed_core::schemes::sigma_jwt::{self, SigmaJwtRequest};
use embed_core::{Context, Embed, Judge, Policy, Secret};

#[path = "fixture.rs"]
mod fixture;

fn classic() -> SigmaClassicRequest {
    fixture::classic("2b6f0cc9-4a3e-4c6b-9a52-5f1d6f7d1e10")
}

fn jwt() -> SigmaJwtRequest {
    SigmaJwtRequest {
        workbook_url: "https://app.sigmacomputing.com/acme/workbook/Sales-5Xb2kQ".into(),
        client_id: "c0ffee00".repeat(8),
        email: "embed.user@example.com".into(),
        jti: "6f1c2d3e-4b5a-4978-8a1b-2c3d4e5f6a7b".into(),
        iat: 1_700_000_000,
        ttl: 3600,
        teams: vec!["Sales_Managers".into()],
        ..SigmaJwtRequest::default()
    }
}

fn bold() -> BoldBiRequest {
    BoldBiRequest {
        dashboard_url: "https://bi.example.com/bi/site/site1/dashboards/d-1/Sales/Overview".into(),
        nonce: "3e253410-1a82-4fb3-a337-122a8007dafc".into(),
        email: "embed.user@example.com".into(),
        params: vec![("embed_dashboard_export".into(), "false".into())],
        timestamp: Some(1_700_000_000),
        expiration: Some(86_400),
        escape_signature: false,
    }
}

fn looker_request() -> LookerRequest {
    LookerRequest {
        host: "acme.looker.com".into(),
        embed_url: "/embed/dashboards/3".into(),
        nonce: "6f1c2d3e-4b5a-4978-8a1b-2c3d4e5f6a7b".into(),
        time: 1_700_000_000,
        session_length: 3600,
        external_user_id: "user-42".into(),
        permissions: vec!["access_data".into(), "see_user_dashboards".into()],
        models: vec!["thelook".into()],
        group_ids: vec![4],
        external_group_id: None,
        user_attributes: vec![("region".into(), "West".into())],
        access_filters: "{}".into(),
        first_name: Some("Ann".into()),
        last_name: None,
        user_timezone: None,
        force_logout_login: Some(true),
        algorithm: Algorithm::Sha1,
    }
}

fn mode_request() -> ModeRequest {
    ModeRequest {
        report_url: "https://app.mode.com/acme/reports/12eaf1245c7e/embed".into(),
        access_key: "c0ffee00".repeat(2),
        max_age: Some(1800),
        params: vec![("param_region".into(), "West".into())],
        timestamp: 1_700_000_000,
    }
}

fn metabase_request() -> MetabaseRequest {
    MetabaseRequest {
        site_url: "https://metabase.example.com".into(),
        resource: Resource::Dashboard,
        id: "1".into(),
        params: vec![("region".into(), "\"West\"".into())],
        expiry: Expiry::Ttl(600),
        time: 1_700_000_000,
        appearance: vec![("bordered".into(), "true".into())],
        guest: false,
    }
}

/// Looker's signature over the values as received (parse included).
fn verify_looker(url: &str, secret: &Secret) -> bool {
    ParsedUrl::parse(url).is_ok_and(|u| {
        looker::check_signature(&u, None, secret, Algorithm::Sha1)
            == embed_core::signature::SignatureCheck::Valid
    })
}

fn verify(url: &str, secret: &Secret) -> bool {
    let policy = Policy::default();
    Embed::read(url)
        .map(|e| {
            e.verify(
                &Judge {
                    secret,
                    policy: &policy,
                    now: Some(1_700_000_001),
                },
                Context::default(),
            )
            .accepted
        })
        .unwrap_or(false)
}

fn benches(c: &mut Criterion) {
    let secret = fixture::secret();
    let (req_c, req_j, req_b) = (classic(), jwt(), bold());
    let url_c = sigma_classic::sign(&req_c, &secret).unwrap_or_default();
    let url_j = sigma_jwt::sign(&req_j, &secret).unwrap_or_default();
    let url_b = boldbi::sign(&req_b, &secret).unwrap_or_default();
    let req_l = looker_request();
    let url_l = looker::sign(&req_l, &secret).unwrap_or_default();
    assert!(verify(&url_c, &secret) && verify(&url_j, &secret) && verify(&url_b, &secret));
    assert!(verify_looker(&url_l, &secret));
    let req_m = mode_request();
    let url_m = mode::sign(&req_m, &secret).unwrap_or_default();
    assert!(verify(&url_m, &secret));
    let req_mb = metabase_request();
    let url_mb = metabase::sign::sign(&req_mb, &secret).unwrap_or_default();
    assert!(verify(&url_mb, &secret));
    c.bench_function("sign/sigma-classic", |b| {
        b.iter(|| sigma_classic::sign(black_box(&req_c), &secret))
    });
    c.bench_function("sign/sigma-jwt", |b| {
        b.iter(|| sigma_jwt::sign(black_box(&req_j), &secret))
    });
    c.bench_function("sign/boldbi", |b| {
        b.iter(|| boldbi::sign(black_box(&req_b), &secret))
    });
    c.bench_function("sign/looker", |b| {
        b.iter(|| looker::sign(black_box(&req_l), &secret))
    });
    c.bench_function("sign/metabase", |b| {
        b.iter(|| metabase::sign::sign(black_box(&req_mb), &secret))
    });
    c.bench_function("sign/mode", |b| {
        b.iter(|| mode::sign(black_box(&req_m), &secret))
    });
    c.bench_function("verify/sigma-classic", |b| {
        b.iter(|| verify(black_box(&url_c), &secret))
    });
    c.bench_function("verify/sigma-jwt", |b| {
        b.iter(|| verify(black_box(&url_j), &secret))
    });
    c.bench_function("verify/boldbi", |b| {
        b.iter(|| verify(black_box(&url_b), &secret))
    });
    c.bench_function("verify/looker", |b| {
        b.iter(|| verify_looker(black_box(&url_l), &secret))
    });
    c.bench_function("verify/metabase", |b| {
        b.iter(|| verify(black_box(&url_mb), &secret))
    });
    c.bench_function("verify/mode", |b| {
        b.iter(|| verify(black_box(&url_m), &secret))
    });
}

// The macro generates an undocumented function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(sign_verify, super::benches);
}
criterion_main!(group::sign_verify);
