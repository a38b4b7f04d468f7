//! The hand-off snippets, executed: Node, Python and Rust each print, byte
//! for byte, the URL the core signs for the same inputs, nonce and time.
//! Values are chosen to hit every encoding rule (spaces, '+', '&', commas
//! inside list elements, '=' in names, non-ASCII, quotes and backslashes).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

use embed_core::request::EmbedRequest;
use embed_core::schemes::boldbi::BoldBiRequest;
use embed_core::schemes::looker::{Algorithm, LookerRequest};
use embed_core::schemes::metabase::{Expiry, MetabaseRequest, Resource};
use embed_core::schemes::mode::ModeRequest;
use embed_core::schemes::sigma_classic::{SigmaClassicRequest, UserAttribute};
use embed_core::schemes::sigma_jwt::SigmaJwtRequest;
use embed_core::signature::SignatureCheck;
use embed_core::snippet::{snippet, snippet_with, Freshness, Language};
use embed_core::verdict::Reason;
use embed_core::{Context, Embed, Judge, Policy, Secret};

const SECRET: &str = "s3cret with spaces, ünïcode & a \"quote\"";

fn cases() -> Vec<(&'static str, EmbedRequest)> {
    let classic = SigmaClassicRequest {
        embed_path: "https://app.sigmacomputing.com/embed/1-abc/tag/Prod".into(),
        client_id: "client-1".into(),
        email: "ann+qa@example.com".into(),
        external_user_id: "ann 1 & co".into(),
        teams: vec![
            "Sales_Managers".into(),
            "Team, with comma".into(),
            "Zürich".into(),
        ],
        account_type: Some("Creator".into()),
        mode: "userbacked".into(),
        session_length: 600,
        time: 1_795_000_000,
        nonce: "5a1f0c9e-0000-4000-8000-000000000001".into(),
        user_attributes: vec![UserAttribute {
            name: "Re=gion".into(),
            values: vec!["West".into(), "Ost,Süd".into()],
        }],
        params: vec![
            (":theme".into(), "Dark".into()),
            ("Store-Region".into(), "a\\b\"c#d".into()),
        ],
    };
    let minimal = SigmaClassicRequest {
        account_type: None,
        user_attributes: vec![],
        params: vec![],
        teams: vec![],
        ..classic.clone()
    };
    let jwt = SigmaJwtRequest {
        workbook_url: "https://app.sigmacomputing.com/acme/workbook/Sales-1a2b3c".into(),
        client_id: "client-1".into(),
        email: "jo@example.com".into(),
        jti: "jti-0001".into(),
        iat: 1_795_000_000,
        ttl: 3600,
        issuer: Some("client-1".into()),
        version: Some("1.1".into()),
        account_type: Some("Viewer".into()),
        teams: vec!["Sales_People".into(), "Ünïcode \"team\"".into()],
        user_attributes: vec![
            ("Region".into(), "West".into()),
            ("Tier".into(), "gold\nplus".into()),
        ],
        eval_connection_id: Some("conn-1".into()),
        first_name: Some("Jo".into()),
        last_name: Some("Doe".into()),
        params: vec![
            (":theme".into(), "Light".into()),
            (":lng".into(), "fr".into()),
        ],
    };
    let jwt_minimal = SigmaJwtRequest {
        issuer: None,
        version: None,
        account_type: None,
        teams: vec![],
        user_attributes: vec![],
        eval_connection_id: None,
        first_name: None,
        last_name: None,
        params: vec![],
        ..jwt.clone()
    };
    let boldbi = BoldBiRequest {
        dashboard_url: "https://bi.example.com/bi/site/site1/dashboards/8f1c/Sales/Overview".into(),
        nonce: "nonce-0001".into(),
        email: "bo+1@example.com".into(),
        params: vec![
            ("embed_dashboard_export".into(), "true".into()),
            (
                "embed_datasource_filter".into(),
                "&&Region=West&Year=2024".into(),
            ),
        ],
        timestamp: Some(1_795_000_000),
        expiration: Some(86_400),
        escape_signature: false,
    };
    vec![
        ("classic", EmbedRequest::new(classic)),
        ("classic-minimal", EmbedRequest::new(minimal)),
        ("jwt", EmbedRequest::new(jwt)),
        ("jwt-minimal", EmbedRequest::new(jwt_minimal)),
        ("boldbi-raw", EmbedRequest::new(boldbi.clone())),
        (
            "boldbi-escaped",
            EmbedRequest::new(BoldBiRequest {
                escape_signature: true,
                ..boldbi.clone()
            }),
        ),
        (
            "looker",
            EmbedRequest::new(LookerRequest {
                host: "http://127.0.0.1:8711".into(),
                embed_url: "/embed/dashboards/3?Region=West Süd&x=a+b".into(),
                nonce: "n \"1\"+".into(),
                time: 1_795_000_000,
                session_length: 900,
                external_user_id: "zoë+qa".into(),
                permissions: vec!["access_data".into(), "see_user_dashboards".into()],
                models: vec!["thelook".into(), "ümlaut".into()],
                group_ids: vec![4, 12],
                external_group_id: Some("Vertrieb Süd".into()),
                user_attributes: vec![
                    ("region".into(), "West".into()),
                    ("note".into(), "a&b \\ c".into()),
                ],
                access_filters: "{\"m\":{\"v.f\":\"a&b\"}}".into(),
                first_name: Some("Zoë".into()),
                last_name: None,
                user_timezone: Some("Europe/Berlin".into()),
                force_logout_login: Some(false),
                algorithm: Algorithm::Sha1,
            }),
        ),
        (
            "looker-minimal-sha256",
            EmbedRequest::new(LookerRequest {
                host: "acme.looker.com".into(),
                embed_url: "/embed/looks/12".into(),
                nonce: "n-2".into(),
                time: 1_795_000_000,
                session_length: 300,
                external_user_id: "u1".into(),
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
                algorithm: Algorithm::Sha256,
            }),
        ),
        (
            "boldbi-no-timestamp",
            EmbedRequest::new(BoldBiRequest {
                timestamp: None,
                expiration: None,
                params: vec![],
                ..boldbi
            }),
        ),
        (
            "mode",
            EmbedRequest::new(ModeRequest {
                report_url: "https://app.mode.com/acme/reports/a1b2c3/embed".into(),
                access_key: "key 1+&".into(),
                max_age: Some(1800),
                params: vec![
                    ("param_region".into(), "West & Süd".into()),
                    ("param_email".into(), "ann+qa@example.com".into()),
                    ("param_a=b".into(), "\"quoted\" \\ back".into()),
                ],
                timestamp: 1_795_000_000,
            }),
        ),
        (
            "metabase",
            EmbedRequest::new(MetabaseRequest {
                site_url: "https://metabase.example.com/bi".into(),
                resource: Resource::Dashboard,
                id: "12".into(),
                params: vec![
                    ("region".into(), "\"Zürich & \\\"West\\\"\"".into()),
                    ("ids".into(), "[1,2,3]".into()),
                    ("nested".into(), "{\"b\":1,\"a\":[true,null]}".into()),
                ],
                expiry: Expiry::Ttl(600),
                time: 1_795_000_000,
                appearance: vec![
                    ("bordered".into(), "true".into()),
                    ("theme".into(), "night".into()),
                ],
                guest: false,
            }),
        ),
        (
            "metabase-question-no-exp",
            EmbedRequest::new(MetabaseRequest {
                site_url: "https://metabase.example.com".into(),
                resource: Resource::Question,
                id: "Xn2tVJYRsG8y3h9kP4QwA".into(),
                params: vec![],
                expiry: Expiry::Never,
                time: 1_795_000_000,
                appearance: vec![],
                guest: false,
            }),
        ),
        (
            "mode-minimal",
            EmbedRequest::new(ModeRequest {
                report_url: "https://app.mode.com/acme/reports/a1b2c3/embed".into(),
                access_key: "k".into(),
                max_age: None,
                params: vec![],
                timestamp: 1_795_000_000,
            }),
        ),
    ]
}

fn run(mut command: Command) -> String {
    let output = command.env("EMBED_SECRET", SECRET).output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .trim_end_matches('\n')
        .to_owned()
}

fn scratch() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("snippets");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes each case's snippet for `language` and runs it with `program`.
fn interpreted(language: Language, extension: &str, program: &str) {
    let dir = scratch();
    for (name, request) in cases() {
        let file = dir.join(format!("{name}.{extension}"));
        std::fs::write(&file, snippet(&request, language, "EMBED_SECRET").unwrap()).unwrap();
        let mut command = Command::new(program);
        command.arg(&file);
        assert_eq!(
            run(command),
            request.sign(&Secret::new(SECRET)).unwrap(),
            "{name} ({program})"
        );
    }
}

#[test]
fn node_snippets_print_the_same_url() {
    interpreted(Language::Node, "mjs", "node");
}

#[test]
fn python_snippets_print_the_same_url() {
    interpreted(Language::Python, "py", "python3");
}

/// Runs each case's fresh snippet twice: both URLs verify with the secret,
/// their nonces differ from each other and from the form's, and their time
/// is now.
fn fresh(language: Language, extension: &str, program: &str) {
    let dir = scratch();
    for (name, request) in cases() {
        let file = dir.join(format!("{name}-fresh.{extension}"));
        let code = snippet_with(&request, language, "EMBED_SECRET", Freshness::Fresh).unwrap();
        std::fs::write(&file, &code).unwrap();
        assert_fresh(name, &request, &code, || {
            let mut command = Command::new(program);
            command.arg(&file);
            command
        });
    }
}

/// Runs `command` twice and checks what a fresh snippet must print.
fn assert_fresh(name: &str, request: &EmbedRequest, code: &str, command: impl Fn() -> Command) {
    let secret = Secret::new(SECRET);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // A Looker request names its HMAC; the verifier is told the same.
    let policy = match request.get::<LookerRequest>() {
        Some(r) => Policy::default()
            .with("looker-algorithm", r.algorithm.id())
            .unwrap(),
        None => Policy::default(),
    };
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let url = run(command());
        let embed = Embed::read(&url).unwrap_or_else(|e| panic!("{name}: {e}: {url}"));
        let verdict = embed.verify(
            &Judge {
                secret: &secret,
                policy: &policy,
                now: Some(now + 1),
            },
            Context::default(),
        );
        // Some cases are refused on purpose (no team); none for its signature or time.
        assert_eq!(verdict.signature, SignatureCheck::Valid, "{name}");
        let reason = verdict.refusal.map(|r| r.reason);
        assert!(
            !matches!(
                reason,
                Some(Reason::Expired | Reason::TimeInFuture | Reason::InvalidSignature)
            ),
            "{name}: {reason:?}"
        );
        let issued = embed.facts.issued_at;
        // A token that carries only its expiry (Metabase) is signed now if
        // it expires its validity from now, or never.
        if !embed_core::schemes::spec(embed.scheme)
            .capabilities()
            .issue_time
        {
            let validity = request.validity();
            let expires = embed.facts.expires_at;
            assert!(
                validity == u64::MAX && expires.is_none()
                    || expires.is_some_and(|e| e.abs_diff(now + validity) <= 5),
                "{name}: expiry {expires:?} is not now + {validity} ({now})"
            );
        } else if request.sign(&secret).unwrap().contains("embed_timestamp")
            || request.get::<BoldBiRequest>().is_none()
        {
            assert!(
                issued.is_some_and(|t| t.abs_diff(now) <= 5),
                "{name}: time {issued:?} is not now ({now})"
            );
        }
        nonces.push(embed.facts.nonce);
    }
    // A scheme without a nonce (Mode) makes a new URL by its time alone.
    if nonces[0].is_some() {
        assert_ne!(nonces[0], nonces[1], "{name}: the same nonce twice");
    }
    assert!(!code.contains(&request.sign(&secret).unwrap()), "{name}");
}

#[test]
fn fresh_node_snippets_print_a_new_valid_url_on_every_run() {
    fresh(Language::Node, "mjs", "node");
}

#[test]
fn fresh_python_snippets_print_a_new_valid_url_on_every_run() {
    fresh(Language::Python, "py", "python3");
}

#[test]
fn rust_snippets_exact_and_fresh_print_the_same_url_or_a_new_valid_one() {
    // One scratch crate, a binary per case; the workspace's lock file pins the
    // versions already downloaded, so this builds offline.
    let project = scratch().join("rust");
    let bins = project.join("src/bin");
    std::fs::create_dir_all(&bins).unwrap();
    std::fs::write(
        project.join("Cargo.toml"),
        "[package]\nname = \"snippet-check\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[workspace]\n\n\
         [dependencies]\nhmac = \"0.12\"\nsha2 = \"0.10\"\nsha1 = \"0.10\"\nbase64 = \"0.22\"\nserde_json = { version = \"1\", features = [\"preserve_order\"] }\n\
         uuid = { version = \"1\", features = [\"v4\"] }\n",
    )
    .unwrap();
    let workspace_lock = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.lock");
    if !project.join("Cargo.lock").exists() {
        std::fs::copy(workspace_lock, project.join("Cargo.lock")).unwrap();
    }
    let cases = cases();
    for (name, request) in &cases {
        std::fs::write(
            bins.join(format!("{}.rs", name.replace('-', "_"))),
            snippet(request, Language::Rust, "EMBED_SECRET").unwrap(),
        )
        .unwrap();
        std::fs::write(
            bins.join(format!("{}_fresh.rs", name.replace('-', "_"))),
            snippet_with(request, Language::Rust, "EMBED_SECRET", Freshness::Fresh).unwrap(),
        )
        .unwrap();
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let build = Command::new(&cargo)
        .args(["build", "--offline", "--quiet", "--bins"])
        .current_dir(&project)
        .env("CARGO_TARGET_DIR", project.join("target"))
        .output()
        .unwrap();
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    for (name, request) in &cases {
        let binary = project.join("target/debug").join(name.replace('-', "_"));
        assert_eq!(
            run(Command::new(binary)),
            request.sign(&Secret::new(SECRET)).unwrap(),
            "{name}"
        );
        let fresh = project
            .join("target/debug")
            .join(format!("{}_fresh", name.replace('-', "_")));
        let code = snippet_with(request, Language::Rust, "EMBED_SECRET", Freshness::Fresh).unwrap();
        assert_fresh(name, request, &code, || Command::new(&fresh));
    }
}

#[test]
fn snippets_never_contain_the_secret_and_refuse_odd_variable_names() {
    for (_, request) in cases() {
        for language in [Language::Node, Language::Python, Language::Rust] {
            let text = snippet(&request, language, "MY_EMBED_SECRET_2").unwrap();
            assert!(!text.contains(SECRET));
            assert!(text.contains("MY_EMBED_SECRET_2"));
            for placeholder in [
                "@SECRET_ENV@",
                "@DATA@",
                "@PRELUDE@",
                "@SINGLE_USE@",
                "@FRESH_DEPS@",
                "@ENCODE@",
                "@END_ENCODE@",
            ] {
                assert!(
                    !text.contains(placeholder),
                    "{placeholder} left in the snippet"
                );
            }
        }
        assert!(snippet(&request, Language::Node, "$(rm -rf)").is_err());
        assert!(snippet(&request, Language::Node, "1ABC").is_err());
        assert!(snippet(&request, Language::Node, "").is_err());
    }
}

#[test]
fn a_snippet_defines_only_the_helpers_it_uses() {
    for (name, request) in cases() {
        for language in [Language::Node, Language::Python, Language::Rust] {
            let text = snippet(&request, language, "EMBED_SECRET").unwrap();
            let defines = text.contains("function enc(")
                || text.contains("def enc(")
                || text.contains("fn enc(");
            let uses = text.matches("enc(").count() > 1;
            assert_eq!(
                defines, uses,
                "{name} {language:?}: enc defined {defines}, used {uses}"
            );
        }
    }
}
