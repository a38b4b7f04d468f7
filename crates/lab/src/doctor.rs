//! The embed doctor's fetching: the parent page (its headers and HTML) and
//! the embed origin's answer to an *unsigned* request, each over real HTTP,
//! then the core's [`embed_core::doctor::diagnose`]. The signed URL itself
//! is never requested: its nonce stays unspent.

use std::time::Duration;

use embed_core::doctor::{self, DoctorReport, EmbedObserved, ParentObserved};
use reqwest::header::{HeaderMap, LOCATION, SET_COOKIE};

use crate::error::{origin_of, LabError};

/// The most the doctor reads of a parent page.
pub const PAGE_LIMIT: usize = 5 * 1024 * 1024;
/// Redirects followed, for the parent and for the probe.
const MAX_REDIRECTS: usize = 5;

/// The parent page: a URL to fetch, or saved HTML.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum Parent {
    /// Fetched over HTTP.
    Url(String),
    /// Read from a file by the caller; `origin` is where it is served from.
    Html {
        /// The file's name, for the report.
        file: String,
        /// Its text.
        html: String,
        /// The origin the page is served from, if known.
        origin: Option<String>,
    },
}

/// Fetches what the doctor needs and diagnoses `embed_url` framed by `parent`.
pub async fn examine(
    parent: Parent,
    embed_url: &str,
    timeout: Duration,
) -> Result<DoctorReport, LabError> {
    let probe = doctor::unsigned_probe(embed_url)
        .map_err(|why| LabError::DoctorInput(format!("the embed URL: {why}")))?;
    if let Parent::Html { html, .. } = &parent {
        if html.len() > PAGE_LIMIT {
            return Err(LabError::ParentTooLarge {
                what: "given".into(),
                limit: PAGE_LIMIT,
            });
        }
    }
    let loader = crate::Loader::new(timeout)?;
    let client = loader.client();
    let parent = match parent {
        Parent::Url(url) => fetch_parent(client, &url).await?,
        Parent::Html { file, html, origin } => ParentObserved {
            url: None,
            file: Some(file),
            status: None,
            origin,
            headers: Vec::new(),
            html: Some(html),
        },
    };
    let embed = fetch_probe(client, embed_url, probe).await;
    Ok(doctor::diagnose(&parent, &embed))
}

async fn fetch_parent(client: &reqwest::Client, url: &str) -> Result<ParentObserved, LabError> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(LabError::DoctorInput(format!(
            "the parent {url:?} is neither an http(s) URL nor a file that exists"
        )));
    }
    let mut at = url.to_owned();
    for _ in 0..=MAX_REDIRECTS {
        let response = client
            .get(&at)
            .send()
            .await
            .map_err(|e| LabError::Network {
                host: origin_of(&at),
                detail: crate::error::describe(&e),
            })?;
        if let Some(next) = redirect_target(&at, response.status().as_u16(), response.headers()) {
            at = next;
            continue;
        }
        let headers = pairs(response.headers());
        let status = response.status().as_u16();
        let html = read_limited(response, &at).await?;
        return Ok(ParentObserved {
            url: Some(at.clone()),
            file: None,
            status: Some(status),
            origin: Some(origin_of(&at)),
            headers,
            html: Some(html),
        });
    }
    Err(LabError::Network {
        host: origin_of(url),
        detail: format!("more than {MAX_REDIRECTS} redirects"),
    })
}

/// Asks for `probe` (following redirects, collecting every `Set-Cookie`).
async fn fetch_probe(client: &reqwest::Client, embed_url: &str, probe: String) -> EmbedObserved {
    let mut observed = EmbedObserved {
        url: embed_url.to_owned(),
        probe: probe.clone(),
        chain: Vec::new(),
        answer: Err(String::new()),
        headers: Vec::new(),
        set_cookies: Vec::new(),
    };
    let mut at = probe;
    for _ in 0..=MAX_REDIRECTS {
        observed.chain.push(at.clone());
        // Marked, so the local host logs it as a probe, not a failed load
        // (a real vendor ignores the header).
        let probe_request = client
            .get(&at)
            .header(embed_host::routes::PROBE_HEADER, "embed-doctor");
        let response = match probe_request.send().await {
            Ok(r) => r,
            Err(e) => {
                observed.answer = Err(crate::error::describe(&e));
                return observed;
            }
        };
        let status = response.status().as_u16();
        observed.set_cookies.extend(
            response
                .headers()
                .get_all(SET_COOKIE)
                .iter()
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
        );
        observed.headers = pairs(response.headers());
        observed.answer = Ok(status);
        match redirect_target(&at, status, response.headers()) {
            Some(next) => at = next,
            None => return observed,
        }
    }
    observed
}

/// Where a 3xx with `Location` points, resolved against `from`.
fn redirect_target(from: &str, status: u16, headers: &HeaderMap) -> Option<String> {
    if !(300..400).contains(&status) {
        return None;
    }
    let location = headers.get(LOCATION)?.to_str().ok()?;
    reqwest::Url::parse(from)
        .ok()?
        .join(location)
        .ok()
        .map(String::from)
}

fn pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// The body, at most [`PAGE_LIMIT`] bytes, as text (invalid UTF-8 replaced).
async fn read_limited(mut response: reqwest::Response, url: &str) -> Result<String, LabError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| LabError::Network {
        host: origin_of(url),
        detail: crate::error::describe(&e),
    })? {
        if body.len() + chunk.len() > PAGE_LIMIT {
            return Err(LabError::ParentTooLarge {
                what: format!("at {}", origin_of(url)),
                limit: PAGE_LIMIT,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}
