//! The replay test: load a URL, load the very same URL again, and expect the
//! second load to be refused for its spent nonce. Against the local host a
//! third load shows the URL after its expiry (the host's clock moved past
//! it, then put back).

use embed_core::inspect::Embed;
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
    /// would not lend its clock (the tools' token was not given).
    pub after_expiry_not_run: Option<String>,
    /// Whether the second load was refused for the reused nonce.
    pub pass: bool,
    /// The verdict in words.
    pub summary: String,
}

/// Runs the replay test on `url`; `now` is this machine's Unix time.
pub async fn replay(loader: &Loader, url: &str, now: u64) -> Result<ReplayReport, LabError> {
    let embed = Embed::read(url).map_err(|e| LabError::BadUrl(e.to_string()))?;
    let first = loader.load(url, embed.scheme).await?;
    let second = loader.load(url, embed.scheme).await?;
    let nonce_refused = !second.accepted && second.reason == Some(Reason::NonceReused);
    let refused_unknown = !second.accepted && second.reason.is_none();
    let pass = first.accepted && nonce_refused;
    let summary = if !first.accepted {
        format!(
            "The first load was already refused ({}); fix that first, the replay says nothing yet.",
            first.message.as_deref().unwrap_or("no known error text")
        )
    } else if nonce_refused {
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
    let (after_expiry, after_expiry_not_run) = match (first.evidence, embed.facts.expires_at) {
        (Evidence::HostHeader, Some(expires_at)) => {
            match after_expiry(loader, url, embed.scheme, expires_at, now).await {
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

#[derive(serde::Deserialize)]
struct ClockView {
    offset: i64,
}

/// Moves the local host's clock just past `expires_at`, loads, and puts the
/// clock back, even when the load fails.
async fn after_expiry(
    loader: &Loader,
    url: &str,
    scheme: embed_core::Scheme,
    expires_at: u64,
    now: u64,
) -> Result<LoadOutcome, LabError> {
    let clock = format!("{}/__sandbox/clock", origin_of(url));
    let previous = set_clock(loader, &clock, None).await?;
    let past_expiry = i64::try_from(expires_at.saturating_sub(now))
        .unwrap_or(i64::MAX / 2)
        .saturating_add(60);
    set_clock(loader, &clock, Some(past_expiry)).await?;
    let outcome = loader.load(url, scheme).await;
    set_clock(loader, &clock, Some(previous)).await?;
    outcome
}

/// Reads (with `None`) or sets the host clock's offset; returns the offset.
async fn set_clock(loader: &Loader, clock: &str, offset: Option<i64>) -> Result<i64, LabError> {
    let mut request = match offset {
        Some(offset) => loader.client().post(format!("{clock}?offset={offset}")),
        None => loader.client().get(clock),
    };
    if let Some(token) = loader.token_for(clock) {
        request = request.header(crate::load::TOKEN_HEADER, token);
    }
    let network = |e: reqwest::Error| LabError::Network {
        host: origin_of(clock),
        detail: e.without_url().to_string(),
    };
    let response = request.send().await.map_err(network)?;
    let status = response.status().as_u16();
    if status != 200 {
        return Err(LabError::HostTool {
            endpoint: "clock",
            status,
        });
    }
    Ok(response.json::<ClockView>().await.map_err(network)?.offset)
}
