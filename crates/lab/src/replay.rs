//! The replay test: load a URL, load the very same URL again, and expect
//! what the scheme's capabilities say: a single-use embed refused the
//! second time for its spent nonce, any other accepted again (its vendor
//! lets a URL load until it expires). Against the local host a third load
//! shows the URL after its expiry and any leeway: that one request is
//! judged just past it (a per-request time offset), so no clock moves,
//! concurrent replays and other loads are judged at the right time, and a
//! replay killed half-way leaves nothing behind.

use embed_core::inspect::Embed;
use embed_core::model::capabilities::Capabilities;
use embed_core::verdict::Reason;
use serde::Serialize;

use crate::error::{origin_of, LabError};
use crate::load::{Evidence, LoadOutcome, Loader};

/// Both loads (and the expired one), and the verdict.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplayReport {
    /// The first load.
    pub first: LoadOutcome,
    /// The same URL again.
    pub second: LoadOutcome,
    /// The same URL after its expiry (local host only; none when the URL
    /// never expires or the host is a real vendor).
    pub after_expiry: Option<LoadOutcome>,
    /// Why the after-expiry load was not run, when the host is local but
    /// would not judge a request later (the tools' token was not given).
    pub after_expiry_not_run: Option<String>,
    /// Whether the second load got what the scheme's capabilities say: a
    /// refusal for the reused nonce when its embeds are single-use, an
    /// acceptance otherwise (and no load accepted after expiry).
    pub pass: bool,
    /// The verdict in words.
    pub summary: String,
}

/// Runs the replay test on `url`; `now` is this machine's Unix time.
pub async fn replay(loader: &Loader, url: &str, now: u64) -> Result<ReplayReport, LabError> {
    let embed = Embed::read(url).map_err(|e| LabError::BadUrl(e.to_string()))?;
    let first = loader.load(url, embed.scheme).await?;
    let second = loader.load(url, embed.scheme).await?;
    let capabilities = embed_core::schemes::spec(embed.scheme).capabilities();
    let (pass, summary) = verdict(&first, &second, &capabilities);
    let (after_expiry, after_expiry_not_run) = match (first.evidence, embed.facts.expires_at) {
        (Evidence::HostHeader, Some(expires_at)) => {
            let until = expires_at.saturating_add(capabilities.expiry_leeway);
            match after_expiry(loader, url, embed.scheme, until, now).await {
                Ok(outcome) => (Some(outcome), None),
                Err(e @ LabError::HostTool { status: 403, .. }) => {
                    (None, Some(format!("{e}. {}", e.fix())))
                }
                Err(e) => return Err(e),
            }
        }
        _ => (None, None),
    };
    let expired_accepted = after_expiry.as_ref().is_some_and(|e| e.accepted);
    Ok(ReplayReport {
        first,
        second,
        after_expiry,
        after_expiry_not_run,
        pass: pass && !expired_accepted,
        summary,
    })
}

/// Whether two loads of one URL went as `capabilities` say, and in words.
fn verdict(
    first: &LoadOutcome,
    second: &LoadOutcome,
    capabilities: &Capabilities,
) -> (bool, String) {
    let nonce_refused = !second.accepted && second.reason == Some(Reason::NonceReused);
    let refused_unknown = !second.accepted && second.reason.is_none();
    if !first.accepted {
        return (
            false,
            format!(
                "The first load was already refused ({}); fix that first, the replay says nothing yet.",
                first.message.as_deref().unwrap_or("no known error text")
            ),
        );
    }
    if !capabilities.single_use {
        return if second.accepted {
            let leeway = match capabilities.expiry_leeway {
                0 => String::new(),
                s => format!(" and {s} s after"),
            };
            (
                true,
                format!("Expected: this scheme's embeds carry no nonce, so nothing makes a load single-use and the same URL loaded again. Anyone who sees it can load it until it expires{leeway}."),
            )
        } else {
            (
                false,
                format!(
                    "Unexpected: this vendor does not make an embed single-use, yet the second load was refused: {}",
                    second.message.as_deref().unwrap_or("no known error text")
                ),
            )
        };
    }
    let summary = if nonce_refused {
        "Pass: the second load of the same URL was refused for its spent nonce.".to_owned()
    } else if refused_unknown {
        format!(
            "Unclear: the second load was refused with HTTP {} but no known error text.",
            second.status
        )
    } else if second.accepted {
        "Fail: the same URL loaded twice. Anyone who sees it can replay it.".to_owned()
    } else {
        format!(
            "Fail: the second load was refused, but not for the nonce: {}",
            second.message.as_deref().unwrap_or("")
        )
    };
    (nonce_refused, summary)
}

/// Loads `url` judged a minute past `expires_at` on the host's clock (which
/// the app's time travel may have moved from `now`), for this request only.
async fn after_expiry(
    loader: &Loader,
    url: &str,
    scheme: embed_core::Scheme,
    expires_at: u64,
    now: u64,
) -> Result<LoadOutcome, LabError> {
    let host_now = host_now(loader, url).await?.unwrap_or(now);
    let past_expiry = i64::try_from(expires_at.saturating_sub(host_now))
        .unwrap_or(i64::MAX / 2)
        .saturating_add(60);
    loader.load_at(url, scheme, past_expiry).await
}

#[derive(serde::Deserialize)]
struct ClockView {
    now: u64,
}

/// The local host's time (a read: it moves nothing), or `None` when this
/// loader has no token for it.
async fn host_now(loader: &Loader, url: &str) -> Result<Option<u64>, LabError> {
    let clock = format!("{}/__sandbox/clock", origin_of(url));
    let Some(token) = loader.token_for(&clock) else {
        return Ok(None);
    };
    let network = |e: reqwest::Error| LabError::Network {
        host: origin_of(url),
        detail: e.without_url().to_string(),
    };
    let response = loader
        .client()
        .get(&clock)
        .header(crate::load::TOKEN_HEADER, token)
        .send()
        .await
        .map_err(network)?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(LabError::HostTool {
            endpoint: "clock",
            status,
        });
    }
    Ok(Some(
        response.json::<ClockView>().await.map_err(network)?.now,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use embed_core::model::capabilities::{Carrier, KeyShape, UserIdentity};

    fn outcome(accepted: bool, reason: Option<Reason>) -> LoadOutcome {
        LoadOutcome {
            status: if accepted { 200 } else { 403 },
            accepted,
            reason,
            message: (!accepted).then(|| "refused".to_owned()),
            evidence: Evidence::HostHeader,
        }
    }

    fn capabilities(single_use: bool) -> Capabilities {
        Capabilities {
            carrier: Carrier::PathToken,
            nonce: single_use.then_some("nonce"),
            single_use,
            issue_time: false,
            expiry_leeway: 60,
            param_order_signed: false,
            fragment: None,
            identity: UserIdentity::None,
            key: KeyShape::Secret,
        }
    }

    #[test]
    fn the_second_load_is_judged_by_what_the_scheme_declares() {
        let ok = outcome(true, None);
        let spent = outcome(false, Some(Reason::NonceReused));
        assert!(verdict(&ok, &spent, &capabilities(true)).0);
        assert!(!verdict(&ok, &ok, &capabilities(true)).0);
        let (pass, words) = verdict(&ok, &ok, &capabilities(false));
        assert!(
            pass && words.starts_with("Expected: this scheme's embeds carry no nonce")
                && words.contains("60 s after"),
            "{words}"
        );
        assert!(!verdict(&ok, &spent, &capabilities(false)).0);
        let refused = outcome(false, Some(Reason::Expired));
        assert!(!verdict(&refused, &refused, &capabilities(false)).0);
    }
}
