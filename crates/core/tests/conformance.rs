//! The conformance suite over the registry: every registered scheme, from
//! its own kit (the profile editor's example path and the form's defaults),
//! and nothing written here per vendor. A scheme is tested by registering it:
//! - signed, it is inspected without an error hazard and verified accepted;
//! - loaded twice, the second load is refused for its nonce exactly when the
//!   scheme's embeds are single-use;
//! - read back into a form, it signs the same URL;
//! - its embedding's markup, pasted, is the same embed, and carries the
//!   token where its carrier has one;
//! - redacted, it shows neither its signature nor its nonce;
//! - every scenario it builds gets the refusal it promises from the core's
//!   verifier (with a ledger and a directory like the local host's), and a
//!   scenario it does not build says why;
//! - its hand-off snippets, run by Node and Python, print the URL it signs,
//!   and their fresh variant a new URL on every run that verifies (a scheme
//!   with no snippet templates has none to run).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "conformance/toy.rs"]
mod toy;
#[path = "conformance/toy_path.rs"]
mod toy_path;
#[path = "conformance/toy_viz.rs"]
mod toy_viz;

use std::collections::HashSet;

use embed_core::form::{Environment, SignForm};
use embed_core::form_layout::SchemeKit;
use embed_core::form_request::request;
use embed_core::hazards::Severity;
use embed_core::kits::kit;
use embed_core::open_in_form::open_in_form;
use embed_core::request::EmbedRequest;
use embed_core::scenario::{
    build_all, Base, Built, NotBuilt, DEMO_INTERNAL_USER, MISSING_EMBED_ID,
};
use embed_core::verdict::Reason;
use embed_core::verify::{Directory, NonceLedger};
use embed_core::{inspect, schemes, Context, Embed, InspectOptions, Judge, Policy, Scheme, Secret};

const NOW: u64 = 1_800_000_000;
const CLIENT: &str = "conformance-client";
const NONCE: &str = "conformance-nonce-7f3e";

#[derive(Default)]
struct Ledger(HashSet<String>);
impl NonceLedger for Ledger {
    fn first_use(&mut self, scheme: Scheme, nonce: &str, _: Option<u64>) -> bool {
        self.0.insert(format!("{}:{nonce}", scheme.id()))
    }
}

/// A directory like the local host's demo organisation, built from the
/// kit's own defaults: their teams and account type exist, nothing else.
struct Org {
    teams: Vec<String>,
    account_type: String,
}
impl Directory for Org {
    fn unknown_teams(&self, teams: &[String]) -> Vec<String> {
        teams
            .iter()
            .filter(|t| !self.teams.contains(t))
            .cloned()
            .collect()
    }
    fn account_type_known(&self, account_type: &str) -> bool {
        account_type == self.account_type || matches!(account_type, "Viewer" | "Creator")
    }
    fn embed_known(&self, _: Scheme, id: Option<&str>) -> bool {
        id != Some(MISSING_EMBED_ID)
    }
    fn is_internal_user(&self, email: &str) -> bool {
        email == DEMO_INTERNAL_USER
    }
}

fn environment(kit: &SchemeKit) -> Environment {
    Environment {
        scheme: kit.scheme,
        embed_path: kit.profile.path_placeholder.clone(),
        client_id: if kit.profile.client_id_label.is_some() {
            CLIENT.into()
        } else {
            String::new()
        },
    }
}

fn form(kit: &SchemeKit) -> SignForm {
    SignForm {
        nonce: NONCE.into(),
        time: Some(NOW),
        ..kit.defaults.clone()
    }
}

fn policy() -> Policy {
    Policy::default().with_client_id(Some(CLIENT.into()))
}

fn org(kit: &SchemeKit) -> Org {
    Org {
        teams: kit.defaults.teams.clone(),
        account_type: kit.defaults.account_type.clone(),
    }
}

fn secret() -> Secret {
    Secret::new("conformance-secret-9a8b")
}

/// Loads `url` once with `ledger`; the verdict.
fn load(url: &str, kit: &SchemeKit, ledger: &mut Ledger) -> (bool, Option<Reason>) {
    let verification = Embed::read(url).unwrap().verify(
        &Judge {
            secret: &secret(),
            policy: &policy(),
            now: Some(NOW),
        },
        Context {
            ledger: Some(ledger),
            directory: Some(&org(kit)),
        },
    );
    (
        verification.accepted,
        verification.refusal.map(|r| r.reason),
    )
}

fn signed(kit: &SchemeKit) -> (EmbedRequest, String) {
    let request = request(&environment(kit), &form(kit), NOW, String::new);
    let url = request
        .sign(&secret())
        .unwrap_or_else(|e| panic!("{:?}: the kit's defaults do not sign: {e}", kit.scheme));
    (request, url)
}

/// Every registered scheme's kit: the built-in ones and the toys, which
/// this suite registers to prove a scheme needs nothing but its own code
/// (one like today's query URLs, one with a token in the path, one with a
/// token handed to a web component).
fn kits() -> Vec<SchemeKit> {
    toy::register();
    toy_path::register();
    toy_viz::register();
    schemes::all().iter().map(|s| kit(s.scheme())).collect()
}

#[test]
fn the_toy_scheme_is_registered_like_any_other() {
    let kits = kits();
    assert!(kits.iter().any(|k| k.scheme == toy::TOY));
    let url = signed(kits.iter().find(|k| k.scheme == toy::TOY).unwrap()).1;
    assert_eq!(Embed::read(&url).unwrap().scheme, toy::TOY, "{url}");
    let id: Scheme = serde_json::from_str("\"toy\"").unwrap();
    assert_eq!(id, toy::TOY);
    assert!(embed_core::scenario::gallery(toy::TOY).len() >= embed_core::scenario::SHARED.len());
}

#[test]
fn every_scheme_signs_its_defaults_into_a_url_it_accepts_without_an_error_hazard() {
    for kit in kits() {
        let (_, url) = signed(&kit);
        assert_eq!(Embed::read(&url).unwrap().scheme, kit.scheme, "{url}");
        let report = inspect(
            &url,
            &InspectOptions {
                secret: Some(&secret()),
                policy: policy(),
                now: Some(NOW),
            },
        )
        .unwrap();
        let errors: Vec<_> = report
            .hazards
            .iter()
            .filter(|h| h.severity == Severity::Error)
            .map(|h| h.code)
            .collect();
        assert!(errors.is_empty(), "{:?}: {errors:?} in {url}", kit.scheme);
        let verification = report.verification.unwrap();
        assert!(
            verification.accepted,
            "{:?}: {:?}",
            kit.scheme, verification.refusal
        );
        assert_eq!(
            load(&url, &kit, &mut Ledger::default()),
            (true, None),
            "{url}"
        );
    }
}

#[test]
fn a_second_load_is_refused_for_its_nonce_exactly_when_the_scheme_is_single_use() {
    for kit in kits() {
        let (_, url) = signed(&kit);
        let embed = Embed::read(&url).unwrap();
        // What the scheme declares (its capabilities) is what its embeds do.
        let single_use = schemes::spec(kit.scheme).capabilities().single_use;
        assert_eq!(
            single_use,
            embed.facts.nonce.is_some() && schemes::spec(kit.scheme).nonce_rule(&policy()).0,
            "{:?}",
            kit.scheme
        );
        let mut ledger = Ledger::default();
        assert!(load(&url, &kit, &mut ledger).0);
        let again = load(&url, &kit, &mut ledger);
        if single_use {
            assert_eq!(
                again,
                (false, Some(Reason::NonceReused)),
                "{:?}",
                kit.scheme
            );
        } else {
            assert_eq!(again, (true, None), "{:?}", kit.scheme);
        }
    }
}

#[test]
fn moving_a_signed_parameter_breaks_the_signature_exactly_when_the_order_is_signed() {
    for kit in kits() {
        let (_, url) = signed(&kit);
        let Some((base, query)) = url.split_once('?') else {
            continue; // no query, no order
        };
        let mut params: Vec<&str> = query.split('&').collect();
        // Move the first parameter the signature covers to the end of the
        // parameters before the signature.
        let spec = schemes::spec(kit.scheme);
        let Some(at) = params.iter().position(|p| {
            let name = embed_core::query::ParsedUrl::parse(&format!("https://h/?{p}"))
                .ok()
                .and_then(|u| u.params.first().map(|q| q.name.clone()))
                .unwrap_or_default();
            spec.signs(&name) && Some(name.as_str()) != spec.signature_param()
        }) else {
            continue;
        };
        let moved = params.remove(at);
        let last = params.len() - 1;
        params.insert(last, moved);
        let reordered = format!("{base}?{}", params.join("&"));
        if reordered == url {
            continue;
        }
        let mut ledger = Ledger::default();
        let (accepted, reason) = load(&reordered, &kit, &mut ledger);
        let order_signed = spec.capabilities().param_order_signed;
        assert_eq!(
            accepted, !order_signed,
            "{:?}: {reordered} ({reason:?})",
            kit.scheme
        );
    }
}

#[test]
fn every_url_reads_back_into_a_form_that_signs_it_again() {
    for kit in kits() {
        let (_, url) = signed(&kit);
        let (env, mut back) = open_in_form(&url).unwrap();
        assert_eq!(env, environment(&kit), "{:?}", kit.scheme);
        back.nonce = NONCE.into();
        back.time = Some(NOW);
        let again = request(&env, &back, NOW, String::new)
            .sign(&secret())
            .unwrap();
        assert_eq!(again, url, "{:?}", kit.scheme);
    }
}

#[test]
fn every_embedding_pastes_back_as_the_same_embed() {
    use embed_core::model::capabilities::Carrier;
    for kit in kits() {
        let (request, url) = signed(&kit);
        let embedding = request.embedding(&secret()).unwrap();
        let pasted = Embed::read(&embedding.markup)
            .unwrap_or_else(|e| panic!("{:?}: {e}: {}", kit.scheme, embedding.markup));
        let original = Embed::read(&url).unwrap();
        assert_eq!(pasted.scheme, kit.scheme);
        assert_eq!(pasted.facts, original.facts, "{:?}", kit.scheme);
        assert_eq!(
            load(&embedding.markup, &kit, &mut Ledger::default()),
            (true, None)
        );
        match schemes::spec(kit.scheme).capabilities().carrier {
            Carrier::QueryUrl => assert_eq!(embedding.url.as_deref(), Some(url.as_str())),
            Carrier::PathToken => {
                let token = embedding.token.as_deref().expect("a path token");
                assert!(url.contains(&format!("/{token}")), "{:?}", kit.scheme);
                assert_eq!(embedding.url.as_deref(), Some(url.as_str()));
            }
            Carrier::ComponentToken => {
                let token = embedding.token.as_deref().expect("a component token");
                assert!(embedding.markup.contains(token), "{:?}", kit.scheme);
            }
        }
        // A token pasted alone is read as the same embed (what its URL
        // would add, the host and path, is unknown).
        if let Some(token) = &embedding.token {
            let alone = Embed::read(token).unwrap();
            assert_eq!(alone.scheme, kit.scheme);
            assert_eq!(alone.facts, original.facts, "{:?}", kit.scheme);
            let report = inspect(
                token,
                &InspectOptions {
                    secret: Some(&secret()),
                    policy: policy(),
                    now: Some(NOW),
                },
            )
            .unwrap();
            assert_eq!(
                report.verification.map(|v| v.signature),
                Some(embed_core::signature::SignatureCheck::Valid),
                "{:?}",
                kit.scheme
            );
        }
    }
}

#[test]
fn redaction_hides_the_signature_and_the_nonce() {
    use embed_core::model::capabilities::Carrier;
    for kit in kits() {
        let (_, url) = signed(&kit);
        let parsed = embed_core::artifact::Artifact::read(&url).parsed().unwrap();
        let spec = schemes::spec(kit.scheme);
        // The secret material of each carrier: the signature parameter's
        // value, or the token's signature in the path or on the element.
        let signed_material = match spec.capabilities().carrier {
            Carrier::QueryUrl => parsed
                .first(spec.signature_param().unwrap())
                .unwrap()
                .raw_value_or_empty()
                .to_owned(),
            Carrier::PathToken => parsed.base.rsplit('/').next().unwrap().to_owned(),
            Carrier::ComponentToken => parsed.token.clone().unwrap(),
        };
        let tail = signed_material.rsplit('.').next().unwrap_or_default();
        assert!(tail.len() >= 16, "{:?}: {tail}", kit.scheme);
        let redacted = embed_core::redact::redact(&url, true);
        assert!(!redacted.contains(tail), "{:?}: {redacted}", kit.scheme);
        assert!(!redacted.contains(NONCE), "{:?}: {redacted}", kit.scheme);
        // What is left still reads as the same scheme's embed.
        assert_eq!(
            embed_core::artifact::Artifact::read(&redacted)
                .parsed()
                .ok()
                .and_then(|u| schemes::detect(&u).ok()),
            Some(kit.scheme),
            "{redacted}"
        );
    }
}

#[test]
fn an_embed_is_accepted_until_its_expiry_and_leeway_and_refused_after() {
    for kit in kits() {
        let (_, url) = signed(&kit);
        let embed = Embed::read(&url).unwrap();
        let Some(expires_at) = embed.facts.expires_at else {
            continue;
        };
        let leeway = schemes::spec(kit.scheme).capabilities().expiry_leeway;
        let at = |now: u64| {
            embed
                .verify(
                    &Judge {
                        secret: &secret(),
                        policy: &policy(),
                        now: Some(now),
                    },
                    Context::default(),
                )
                .refusal
                .map(|r| r.reason)
        };
        assert_eq!(at(expires_at + leeway), None, "{:?}", kit.scheme);
        assert_eq!(
            at(expires_at + leeway + 1),
            Some(Reason::Expired),
            "{:?}",
            kit.scheme
        );
    }
}

#[test]
fn every_scenario_a_scheme_builds_gets_the_refusal_it_promises() {
    for kit in kits() {
        let (request, _) = signed(&kit);
        let (secret, policy) = (secret(), policy());
        let base = Base {
            request: &request,
            secret: &secret,
            policy: &policy,
            now: NOW,
        };
        let mut counter = 0;
        let mut ledger = Ledger::default();
        let mut built_any = false;
        for (id, built) in build_all(&base, || {
            counter += 1;
            format!("scenario-nonce-{counter}")
        }) {
            match built {
                Ok(built) => {
                    built_any = true;
                    assert_eq!(
                        judged(&built, &kit, &mut ledger),
                        (built.expected.accepted, built.expected.reason),
                        "{:?} {id:?}: {}",
                        kit.scheme,
                        built.url
                    );
                }
                Err(NotBuilt::NotApplicable(why)) => assert!(!why.is_empty(), "{id:?}"),
                Err(NotBuilt::Failed(e)) => panic!("{:?} {id:?}: {e}", kit.scheme),
            }
        }
        assert!(built_any, "{:?} builds no scenario", kit.scheme);
    }
}

fn judged(built: &Built, kit: &SchemeKit, ledger: &mut Ledger) -> (bool, Option<Reason>) {
    let mut last = (false, None);
    for _ in 0..built.loads {
        last = load(&built.url, kit, ledger);
    }
    last
}

#[test]
fn every_schemes_snippets_print_the_url_it_signs() {
    use embed_core::model::snippet::Language;
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("conformance-snippets");
    std::fs::create_dir_all(&dir).unwrap();
    for kit in kits() {
        let (request, url) = signed(&kit);
        for (language, extension, program) in [
            (Language::Node, "mjs", "node"),
            (Language::Python, "py", "python3"),
        ] {
            if schemes::spec(kit.scheme)
                .snippet_template(language)
                .is_empty()
            {
                continue;
            }
            let code = embed_core::snippet::snippet(&request, language, "EMBED_SECRET").unwrap();
            assert!(
                !code.contains("conformance-secret-9a8b"),
                "{:?}: the secret is in the snippet",
                kit.scheme
            );
            let file = dir.join(format!("{}.{extension}", kit.scheme.id()));
            std::fs::write(&file, code).unwrap();
            let output = std::process::Command::new(program)
                .arg(&file)
                .env("EMBED_SECRET", "conformance-secret-9a8b")
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{:?} {program}: {}",
                kit.scheme,
                String::from_utf8_lossy(&output.stderr)
            );
            assert_eq!(
                String::from_utf8(output.stdout).unwrap().trim_end(),
                url,
                "{:?} ({program})",
                kit.scheme
            );
            fresh_snippet_signs_anew(&kit, &request, language, &file, program);
        }
    }
}

/// The fresh variant of `request`'s snippet, run twice: each run prints a
/// URL signed now that verifies, with a new nonce where the scheme has one.
fn fresh_snippet_signs_anew(
    kit: &SchemeKit,
    request: &EmbedRequest,
    language: embed_core::model::snippet::Language,
    exact_file: &std::path::Path,
    program: &str,
) {
    use embed_core::snippet::{snippet_with, Freshness};
    let code = snippet_with(request, language, "EMBED_SECRET", Freshness::Fresh).unwrap();
    let file = exact_file.with_file_name(format!(
        "{}-fresh.{}",
        kit.scheme.id(),
        exact_file.extension().unwrap().to_string_lossy()
    ));
    std::fs::write(&file, code).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let mut nonces = Vec::new();
    for _ in 0..2 {
        let output = std::process::Command::new(program)
            .arg(&file)
            .env("EMBED_SECRET", "conformance-secret-9a8b")
            .output()
            .unwrap();
        assert!(output.status.success(), "{:?} fresh {program}", kit.scheme);
        let url = String::from_utf8(output.stdout).unwrap();
        let embed = Embed::read(url.trim()).unwrap();
        let verification = embed.verify(
            &Judge {
                secret: &secret(),
                policy: &policy(),
                now: Some(now + 1),
            },
            Context::default(),
        );
        assert!(
            verification.accepted,
            "{:?} fresh {program}: {:?}",
            kit.scheme, verification.refusal
        );
        nonces.push(embed.facts.nonce);
    }
    if schemes::spec(kit.scheme).capabilities().nonce.is_some() {
        assert_ne!(
            nonces[0], nonces[1],
            "{:?}: the same nonce twice",
            kit.scheme
        );
    }
}

#[test]
fn a_token_handed_to_a_component_is_diffed_by_its_claims() {
    let kit = kits()
        .into_iter()
        .find(|k| k.scheme == toy_viz::TOY_VIZ)
        .unwrap();
    let (_, a) = signed(&kit);
    assert!(a.starts_with("<toy-viz src=\""), "{a}");
    let other = SignForm {
        external_user_id: "bob".into(),
        ..form(&kit)
    };
    let b = request(&environment(&kit), &other, NOW, String::new)
        .sign(&secret())
        .unwrap();
    // A field the scheme declares for itself travels through the form's
    // JSON like a shared one, and into the token.
    let json = serde_json::to_value(form(&kit)).unwrap();
    assert_eq!(json["scopes"], serde_json::json!(["toy:view"]), "{json}");
    let back: SignForm = serde_json::from_value(json).unwrap();
    assert_eq!(back, form(&kit));
    let claims = Embed::read(&a).unwrap().facts.jwt.unwrap().claims;
    assert_eq!(claims["scp"], serde_json::json!(["toy:view"]));
    let report = embed_core::diff::diff(&a, &b).unwrap();
    assert!(!report.identical);
    assert_eq!(report.scheme_b, Some(toy_viz::TOY_VIZ));
    assert!(
        report.changes.iter().any(|c| c.name == "(token)"),
        "{report:?}"
    );
    assert!(report.claims.iter().any(|c| c.name == "sub"), "{report:?}");
    assert!(embed_core::diff::diff(&a, &a).unwrap().identical);
}
