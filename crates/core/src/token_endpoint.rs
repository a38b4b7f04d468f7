//! Judges a customer's token endpoint: the server-side half of an embed
//! whose browser SDK asks the customer's own server to sign (Bold BI's
//! authorization server, vendors.md §4.1). The browser names the dashboard,
//! so the endpoint must refuse a visitor without a session, sign with the
//! right secret, add the user, hand the vendor's answer back, and refuse a
//! dashboard the page does not show.
//!
//! Pure: given what was observed (the endpoint's answers to three posts,
//! and the authorize requests a scratch local host received meanwhile), it
//! reports check by check with evidence and a fix, in the doctor's shape.
//! Posting and the scratch host are the caller's (`embed-lab`).

use serde::Serialize;

use crate::doctor::{Check, Status};

/// The `--json` format's name.
pub const FORMAT: &str = "embed-sandbox.token-endpoint.v1";

/// An answer slower than this is named (the SDK waits, the page stays blank).
pub const SLOW_MS: u64 = 3000;

/// What the endpoint answered to one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    /// The HTTP status.
    pub status: u16,
    /// Its `Content-Type`, if any.
    pub content_type: Option<String>,
    /// The body (as much as was read).
    pub body: String,
    /// How long it took.
    pub elapsed_ms: u64,
}

/// One authorize request the scratch host received, as its log has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeSeen {
    /// `accepted` or `refused`.
    pub verdict: String,
    /// The refusal's reason id.
    pub reason: Option<String>,
    /// The host's words for it.
    pub message: Option<String>,
    /// The parameter names it carried.
    pub params: Vec<String>,
    /// Its `embed_dashboard_id`.
    pub dashboard: Option<String>,
    /// Whether its nonce is the one the post carried (the SDK's query kept).
    pub same_nonce: bool,
}

/// One post to the endpoint and what followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exchange {
    /// The endpoint's answer, or why there was none.
    pub answer: Result<Answered, String>,
    /// The authorize requests it made meanwhile.
    pub authorize: Vec<AuthorizeSeen>,
}

/// Everything observed about one endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observed {
    /// The page's dashboard, with the session cookies (`None`: none given).
    pub signed_in: Exchange,
    /// The same post without cookies, when cookies were given.
    pub anonymous: Option<Exchange>,
    /// Another dashboard than the page's, with the cookies.
    pub other_entity: Exchange,
    /// The page's dashboard id.
    pub entity: String,
    /// The other id asked for.
    pub other: String,
    /// The vendor whose SDK calls the endpoint (its name, for the texts).
    pub vendor: &'static str,
}

/// The report (`embed-sandbox.token-endpoint.v1`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenEndpointReport {
    /// Always [`FORMAT`].
    pub format: String,
    /// The endpoint, without its query.
    pub endpoint: String,
    /// The dashboard asked for.
    pub entity: String,
    /// Every check, in the order a request meets them.
    pub checks: Vec<Check>,
}

impl TokenEndpointReport {
    /// The worst status (pass when there are no checks).
    pub fn worst(&self) -> Status {
        crate::doctor::worst(&self.checks)
    }
}

/// The answer's body as the vendor's authorize answer, if it is one with a token.
fn token_in(answer: &Answered) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(&answer.body).ok()?;
    let data = value.get("Data").or_else(|| value.get("data"))?;
    data.get("access_token")
        .and_then(serde_json::Value::as_str)
        .map(str::to_owned)
}

fn short(body: &str) -> String {
    let one_line: String = body.chars().filter(|c| !c.is_control()).take(160).collect();
    if body.chars().count() > 160 {
        format!("{one_line}…")
    } else {
        one_line
    }
}

fn accepted(seen: &[AuthorizeSeen]) -> Option<&AuthorizeSeen> {
    seen.iter().find(|s| s.verdict == "accepted")
}

/// Judges `observed` for the endpoint at `endpoint`.
pub fn judge(endpoint: &str, observed: &Observed) -> TokenEndpointReport {
    let mut checks = Vec::new();
    checks.push(session(observed.anonymous.as_ref()));
    let signed_in = &observed.signed_in;
    checks.extend(signing(signed_in, &observed.entity, observed.vendor));
    checks.push(hands_back(signed_in, observed.vendor));
    checks.push(other_entity(&observed.other_entity, &observed.other));
    let answers = [
        Some(signed_in),
        observed.anonymous.as_ref(),
        Some(&observed.other_entity),
    ];
    let slowest = answers
        .iter()
        .flatten()
        .filter_map(|e| e.answer.as_ref().ok())
        .map(|a| a.elapsed_ms)
        .max()
        .unwrap_or(0);
    if slowest > SLOW_MS {
        checks.push(Check::new("speed", Status::Warn, format!("slowest answer: {slowest} ms"), "The endpoint answers slowly: the SDK waits and the embed stays blank meanwhile.", "Sign locally (an HMAC takes microseconds) and call authorize once per page view; look for a slow session lookup or a cold start."));
    }
    TokenEndpointReport {
        format: FORMAT.into(),
        endpoint: endpoint
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .to_owned(),
        entity: observed.entity.clone(),
        checks,
    }
}

fn session(anonymous: Option<&Exchange>) -> Check {
    let id = "session-required";
    let Some(exchange) = anonymous else {
        return Check::new(id, Status::Warn, "no session cookie given", "Without the page's session cookie the check cannot tell a signed-in visitor from anyone, so whether the endpoint refuses strangers is unknown.", "Give the cookie a signed-in browser sends to the endpoint (its name and value, as in the devtools), and run again.");
    };
    let signed = accepted(&exchange.authorize).is_some();
    match &exchange.answer {
        Err(e) => Check::new(id, Status::Warn, format!("no answer without the cookie: {e}"), "The endpoint did not answer a request without the session cookie.", "Answer 401 (or 403) without a session."),
        Ok(a) if signed || token_in(a).is_some() => Check::new(id, Status::Fail, format!("without the cookie: HTTP {} and a signed authorize request", a.status), "The endpoint signs for anyone who asks, signed in or not: anyone who finds it can open the dashboard as the embed user.", "Look the session up first and answer 401 when there is none; sign only for a signed-in user, with that user's email."),
        Ok(a) if matches!(a.status, 401 | 403) => Check::new(id, Status::Pass, format!("without the cookie: HTTP {}", a.status), "A request without the session is refused, and nothing is signed.", ""),
        Ok(a) => Check::new(id, Status::Warn, format!("without the cookie: HTTP {} ({})", a.status, short(&a.body)), "Nothing was signed without the session, but the answer is not 401 or 403, so a caller cannot tell a missing session from another failure.", "Answer 401 (no session) or 403 (not allowed)."),
    }
}

fn signing(exchange: &Exchange, entity: &str, vendor: &str) -> Vec<Check> {
    let Some(seen) = exchange.authorize.first() else {
        return vec![Check::new("calls-authorize", Status::Fail, "no authorize request reached dashboardServerApiUrl", "The endpoint never called the authorize URL the SDK named, so no dashboard can open.", "GET dashboardServerApiUrl + \"/embed/authorize?\" + the signed query, from the request body's dashboardServerApiUrl (not a hard-coded server), and return its answer.")];
    };
    let mut checks = vec![Check::new(
        "calls-authorize",
        Status::Pass,
        format!("{} authorize request(s) received", exchange.authorize.len()),
        "The endpoint called the authorize URL the SDK named.",
        "",
    )];
    let seen = accepted(&exchange.authorize).unwrap_or(seen);
    checks.push(if seen.verdict == "accepted" {
        Check::new("signature", Status::Pass, "authorize: accepted", format!("The endpoint signs the SDK's query with the embed secret as {vendor} checks it."), "")
    } else {
        Check::new("signature", Status::Fail, format!("authorize: {} ({})", seen.reason.as_deref().unwrap_or("refused"), seen.message.as_deref().unwrap_or("")), format!("{vendor} would refuse what the endpoint signed."), "Sign the whole query exactly as received plus &embed_user_email=…&embed_server_timestamp=… (no lower-casing, no reordering), Base64 HMAC-SHA256 with the embed secret as UTF-8; the inspector names the difference for a captured URL.")
    });
    let missing: Vec<&str> = ["embed_user_email", "embed_server_timestamp"]
        .into_iter()
        .filter(|p| !seen.params.iter().any(|n| n == p))
        .collect();
    checks.push(if missing.is_empty() {
        Check::new("user-added", Status::Pass, "embed_user_email and embed_server_timestamp present", "The endpoint adds the signed-in user and its own timestamp, as the SDK expects.", "")
    } else {
        Check::new("user-added", Status::Fail, format!("missing: {}", missing.join(", ")), "The authorize request lacks what the endpoint must add: the user it signs in and when it signed.", "Append &embed_user_email=<the signed-in user's email>&embed_server_timestamp=<Unix seconds> before signing.")
    });
    let kept = seen.same_nonce && seen.dashboard.as_deref() == Some(entity);
    checks.push(if kept {
        Check::new("query-kept", Status::Pass, format!("nonce and embed_dashboard_id={entity} as the SDK sent them"), "The endpoint signs the SDK's query as it came.", "")
    } else {
        Check::new("query-kept", Status::Warn, format!("embed_dashboard_id={} ; the SDK's nonce {}", seen.dashboard.as_deref().unwrap_or("(none)"), if seen.same_nonce { "kept" } else { "replaced" }), format!("The endpoint rebuilt the query instead of signing the SDK's: the SDK's nonce or dashboard did not reach {vendor} as sent."), "Sign embedQuerString as received; only append the user and the timestamp.")
    });
    checks
}

fn hands_back(exchange: &Exchange, vendor: &str) -> Check {
    let id = "answer";
    match &exchange.answer {
        Err(e) => Check::new(id, Status::Fail, e.clone(), "The endpoint gave no answer to a signed-in request.", "Check that it runs and is reachable from the page."),
        Ok(a) if token_in(a).is_some() && (200..300).contains(&a.status) => Check::new(id, Status::Pass, format!("HTTP {}, JSON with Data.access_token", a.status), format!("The endpoint hands {vendor}'s answer back to the SDK."), ""),
        Ok(a) if serde_json::from_str::<serde_json::Value>(&a.body).is_err() => Check::new(id, Status::Fail, format!("HTTP {}, {}: {}", a.status, a.content_type.as_deref().unwrap_or("no content type"), short(&a.body)), "The answer is not JSON, so the SDK cannot read a token from it.", format!("Return {vendor}'s authorize answer unchanged, as application/json.")),
        Ok(a) => Check::new(id, Status::Fail, format!("HTTP {}: {}", a.status, short(&a.body)), "The answer is JSON but carries no Data.access_token, so the SDK shows no dashboard.", format!("Return {vendor}'s authorize answer unchanged (ApiStatus, Data with access_token); when it is a refusal, its Message says why.")),
    }
}

fn other_entity(exchange: &Exchange, other: &str) -> Check {
    let id = "entity-checked";
    let signed_other = exchange
        .authorize
        .iter()
        .any(|s| s.verdict == "accepted" && s.dashboard.as_deref() == Some(other));
    let token = exchange.answer.as_ref().ok().and_then(token_in);
    if signed_other {
        return Check::new(id, Status::Fail, format!("embed_dashboard_id={other} was signed and accepted"), "The endpoint signs whatever dashboard the browser names: any signed-in visitor can open any dashboard the embed user may see by editing the page.", "Check embed_dashboard_id against the dashboards this user's page shows before signing; refuse (403) any other.");
    }
    match &exchange.answer {
        Ok(a) if token.is_none() => Check::new(id, Status::Pass, format!("another dashboard ({other}): HTTP {}, nothing signed for it", a.status), "The endpoint refuses a dashboard the page does not show.", ""),
        Ok(a) => Check::new(id, Status::Warn, format!("another dashboard ({other}): HTTP {} with a token, but not for {other}", a.status), "The endpoint answered with a token for a dashboard the browser did not ask for: nothing leaked, but the SDK will open the wrong one.", "Refuse (403) a dashboard the page does not show."),
        Err(e) => Check::new(id, Status::Warn, e.clone(), "No answer when asked for another dashboard.", "Refuse it with 403."),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn answered(status: u16, body: &str) -> Result<Answered, String> {
        Ok(Answered {
            status,
            content_type: Some("application/json".into()),
            body: body.into(),
            elapsed_ms: 5,
        })
    }

    fn seen(dashboard: &str) -> AuthorizeSeen {
        AuthorizeSeen {
            verdict: "accepted".into(),
            reason: None,
            message: None,
            params: vec![
                "embed_nonce".into(),
                "embed_user_email".into(),
                "embed_server_timestamp".into(),
            ],
            dashboard: Some(dashboard.into()),
            same_nonce: true,
        }
    }

    const TOKEN: &str = r#"{"ApiStatus":true,"Data":{"access_token":"a.b.c"},"Status":true}"#;

    fn status(report: &TokenEndpointReport, id: &str) -> Status {
        report.checks.iter().find(|c| c.id == id).unwrap().status
    }

    #[test]
    fn a_good_endpoint_passes_and_a_careless_one_is_named_check_by_check() {
        let good = Observed {
            signed_in: Exchange {
                answer: answered(200, TOKEN),
                authorize: vec![seen("d-1")],
            },
            anonymous: Some(Exchange {
                answer: answered(401, "{}"),
                authorize: vec![],
            }),
            other_entity: Exchange {
                answer: answered(403, "{}"),
                authorize: vec![],
            },
            entity: "d-1".into(),
            other: "d-1-other".into(),
            vendor: "Bold BI",
        };
        let report = judge("http://localhost:3000/authorize?x=1", &good);
        assert_eq!(report.worst(), Status::Pass, "{report:#?}");
        assert_eq!(report.endpoint, "http://localhost:3000/authorize");

        let careless = Observed {
            anonymous: Some(Exchange {
                answer: answered(200, TOKEN),
                authorize: vec![seen("d-1")],
            }),
            other_entity: Exchange {
                answer: answered(200, TOKEN),
                authorize: vec![seen("d-1-other")],
            },
            ..good.clone()
        };
        let report = judge("http://localhost:3000/authorize", &careless);
        assert_eq!(status(&report, "session-required"), Status::Fail);
        assert_eq!(status(&report, "entity-checked"), Status::Fail);

        let text = Observed {
            signed_in: Exchange {
                answer: answered(200, "<html>ok</html>"),
                authorize: vec![AuthorizeSeen {
                    verdict: "refused".into(),
                    reason: Some("invalid-signature".into()),
                    ..seen("d-1")
                }],
            },
            ..good
        };
        let report = judge("http://localhost:3000/authorize", &text);
        assert_eq!(status(&report, "signature"), Status::Fail);
        assert_eq!(status(&report, "answer"), Status::Fail);
    }
}
