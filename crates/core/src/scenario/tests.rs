//! Each scenario, built from a good request of each scheme and judged by the
//! core verifier (with a ledger and a directory like the local host's),
//! gets the refusal it promises.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use super::*;
use crate::inspect::Embed;
use crate::policy::Policy;
use crate::request::EmbedRequest;
use crate::schemes::boldbi::BoldBiRequest;
use crate::schemes::looker::{Algorithm, LookerRequest};
use crate::schemes::sigma_classic::SigmaClassicRequest;
use crate::schemes::sigma_jwt::SigmaJwtRequest;
use crate::verify::{Context, Directory, Judge, NonceLedger};

const NOW: u64 = 1_800_000_000;

#[derive(Default)]
struct Ledger(HashSet<String>);
impl NonceLedger for Ledger {
    fn first_use(&mut self, _: Scheme, nonce: &str, _: Option<u64>) -> bool {
        self.0.insert(nonce.to_owned())
    }
}

struct Org;
impl Directory for Org {
    fn unknown_teams(&self, teams: &[String]) -> Vec<String> {
        teams
            .iter()
            .filter(|t| *t != "Sales_Managers")
            .cloned()
            .collect()
    }
    fn account_type_known(&self, account_type: &str) -> bool {
        matches!(account_type, "Viewer" | "Creator")
    }
    fn embed_known(&self, _: Scheme, id: Option<&str>) -> bool {
        id != Some(MISSING_EMBED_ID)
    }
    fn is_internal_user(&self, email: &str) -> bool {
        email == DEMO_INTERNAL_USER
    }
}

fn requests() -> Vec<EmbedRequest> {
    vec![
        EmbedRequest::new(SigmaClassicRequest::seed_user(
            "https://app.sigmacomputing.com/embed/1-x",
            "client-1",
            0,
            "",
        )),
        EmbedRequest::new(SigmaJwtRequest {
            workbook_url: "https://app.sigmacomputing.com/acme/workbook/Sales-1".into(),
            client_id: "client-1".into(),
            email: "ann@example.com".into(),
            ttl: 3600,
            teams: vec!["Sales_Managers".into()],
            ..SigmaJwtRequest::default()
        }),
        EmbedRequest::new(BoldBiRequest {
            dashboard_url: "https://bi.example.com/bi/site/s/dashboards/1/Sales/Overview".into(),
            nonce: String::new(),
            email: "ann@example.com".into(),
            params: vec![],
            timestamp: Some(0),
            expiration: Some(86_400),
            escape_signature: false,
        }),
        EmbedRequest::new(LookerRequest {
            host: "acme.looker.com".into(),
            embed_url: "/embed/dashboards/3".into(),
            nonce: String::new(),
            time: 0,
            session_length: 600,
            external_user_id: "ann-1".into(),
            permissions: vec!["access_data".into(), "see_user_dashboards".into()],
            models: vec!["thelook".into()],
            group_ids: vec![],
            external_group_id: None,
            user_attributes: vec![("region".into(), "West".into())],
            access_filters: "{}".into(),
            first_name: None,
            last_name: None,
            user_timezone: None,
            force_logout_login: None,
            algorithm: Algorithm::Sha1,
        }),
    ]
}

/// Loads `built` as many times as it says into one ledger; the last verdict.
fn judge(
    built: &Built,
    secret: &Secret,
    policy: &Policy,
    ledger: &mut Ledger,
) -> (bool, Option<Reason>) {
    let mut result = (false, None);
    for _ in 0..built.loads {
        let embed = Embed::read(&built.url).unwrap();
        let policy = policy.clone().with_client_id(Some("client-1".into()));
        let verification = embed.verify(
            &Judge {
                secret,
                policy: &policy,
                now: Some(NOW),
            },
            Context {
                ledger: Some(ledger),
                directory: Some(&Org),
            },
        );
        result = (
            verification.accepted,
            verification.refusal.map(|r| r.reason),
        );
    }
    result
}

fn check_all(policy: &Policy) -> usize {
    let secret = Secret::new("the-profile-secret");
    let mut counter = 0;
    let mut checked = 0;
    for request in requests() {
        let base = Base {
            request: &request,
            secret: &secret,
            policy,
            now: NOW,
        };
        // The unbroken request is accepted, so every refusal below is the scenario's doing.
        let mut good = request.clone();
        *good.nonce_mut().unwrap() = "good".into();
        good.set_time(NOW);
        let good = Built {
            id: ScenarioId::WRONG_SECRET,
            title: String::new(),
            change: String::new(),
            url: good.sign(&secret).unwrap(),
            loads: 1,
            expected: Expected::accepted(),
        };
        assert_eq!(
            judge(&good, &secret, policy, &mut Ledger::default()),
            (true, None),
            "{}",
            good.url
        );
        let mut ledger = Ledger::default();
        for (id, built) in build_all(&base, || {
            counter += 1;
            format!("nonce-{counter}")
        }) {
            match built {
                Ok(built) => {
                    let got = judge(&built, &secret, policy, &mut ledger);
                    assert_eq!(
                        got,
                        (built.expected.accepted, built.expected.reason),
                        "{:?} {:?}: {}",
                        request.scheme(),
                        id,
                        built.url
                    );
                    checked += 1;
                }
                Err(NotBuilt::NotApplicable(why)) => assert!(!why.is_empty()),
                Err(NotBuilt::Failed(e)) => panic!("{id:?}: {e}"),
            }
        }
    }
    checked
}

#[test]
fn every_scenario_gets_the_refusal_it_promises() {
    // 23 scenarios over 4 schemes, minus the ones that do not apply.
    assert_eq!(check_all(&Policy::default()), 62);
}

#[test]
fn expectations_follow_the_settings_for_unconfirmed_behaviour() {
    let policy = [
        ("boldbi-plus-as-space", "true"),
        ("boldbi-refuse-reused-nonce", "false"),
        ("max-session-length", "3600"),
        ("sigma-strict-time", "true"),
        ("looker-refuse-future-time", "false"),
    ]
    .into_iter()
    .fold(Policy::default(), |policy, (name, value)| {
        policy.with(name, value).unwrap()
    });
    check_all(&policy);
    let secret = Secret::new("s");
    let request = &requests()[2];
    let base = Base {
        request,
        secret: &secret,
        policy: &policy,
        now: NOW,
    };
    let raw = build(
        crate::scenario::find("boldbi-raw-plus-signature").unwrap(),
        &base,
        "n".into(),
    )
    .unwrap();
    assert_eq!(raw.expected.reason, Some(Reason::InvalidSignature));
    assert!(raw.expected.setting.is_some());
    let reuse = build(ScenarioId::REUSED_NONCE, &base, "n".into()).unwrap();
    assert!(reuse.expected.accepted && reuse.loads == 2);
    let classic = Base {
        request: &requests()[0],
        ..base
    };
    let strict = build(
        crate::scenario::find("fractional-time").unwrap(),
        &classic,
        "n".into(),
    )
    .unwrap();
    assert_eq!(strict.expected.reason, Some(Reason::MissingParameter));
    assert!(strict.url.contains(&format!("&:time={NOW}.069265")));
    let lenient = Policy::default();
    let sample = build(
        crate::scenario::find("fractional-time").unwrap(),
        &Base {
            policy: &lenient,
            ..classic
        },
        "n".into(),
    )
    .unwrap();
    assert!(sample.expected.accepted && sample.expected.setting.is_some());
}

#[test]
fn the_seed_example_removes_the_client_ids_last_character() {
    let secret = Secret::new("s");
    let request = &requests()[0];
    let base = Base {
        request,
        secret: &secret,
        policy: &Policy::default(),
        now: NOW,
    };
    let built = build(ScenarioId::WRONG_CLIENT_ID, &base, "n".into()).unwrap();
    assert!(built.url.contains(":client_id=client-&"), "{}", built.url);
    assert!(built.change.contains("'1'"));
}

#[test]
fn scenarios_that_do_not_apply_say_why() {
    let secret = Secret::new("s");
    let request = &requests()[2];
    let base = Base {
        request,
        secret: &secret,
        policy: &Policy::default(),
        now: NOW,
    };
    for id in [
        ScenarioId::WRONG_CLIENT_ID,
        ScenarioId::UNKNOWN_TEAM,
        crate::scenario::find("wrong-mode").unwrap(),
    ] {
        assert!(matches!(
            build(id, &base, "n".into()),
            Err(NotBuilt::NotApplicable(_))
        ));
    }
}

#[test]
fn a_gallery_is_the_shared_scenarios_and_the_schemes_own_never_another_vendors() {
    for spec in crate::schemes::all() {
        let gallery = gallery(spec.scheme());
        for def in &SHARED {
            assert!(
                gallery.contains(&def.id),
                "{:?} lacks {:?}",
                spec.scheme(),
                def.id
            );
        }
        for other in crate::schemes::all()
            .iter()
            .filter(|o| o.scheme() != spec.scheme())
        {
            for def in other.own_scenarios() {
                if !spec.own_scenarios().contains(def) {
                    assert!(
                        !gallery.contains(&def.id),
                        "{:?} lists {:?}",
                        spec.scheme(),
                        def.id
                    );
                }
            }
        }
    }
}

#[test]
fn scenario_ids_are_unique_titled_and_read_back_from_json() {
    let all = all();
    for (i, def) in all.iter().enumerate() {
        assert!(
            all[..i].iter().all(|d| d.id != def.id),
            "{:?} twice",
            def.id
        );
        assert!(!def.title.is_empty() && def.id.title() == def.title);
        let json = serde_json::to_string(&def.id).unwrap();
        assert_eq!(json, format!("\"{}\"", def.id.id()));
        assert_eq!(serde_json::from_str::<ScenarioId>(&json).unwrap(), def.id);
    }
    let error = serde_json::from_str::<ScenarioId>("\"no-such\"").unwrap_err();
    assert!(error.to_string().contains("no-such"), "{error}");
}
