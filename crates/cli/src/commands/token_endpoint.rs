//! `embed-sandbox token-endpoint URL --scheme boldbi --entity ID`: checks a
//! customer's token endpoint as the vendor's browser SDK calls it, against
//! a scratch local host that records what the endpoint signs.

use std::time::Duration;

use embed_core::token_endpoint::TokenEndpointReport;
use embed_lab::token_endpoint::{check, Request};

use crate::cli::TokenEndpointArgs;
use crate::commands::replay::runtime;
use crate::error::CliError;
use crate::input;

/// Runs `token-endpoint`; returns the output and the exit code (0 all
/// pass, 1 a check fails).
pub fn run(args: TokenEndpointArgs) -> Result<(String, u8), CliError> {
    // --scheme takes only the ids of schemes with a token endpoint.
    let scheme = embed_core::Scheme::from_id(&args.scheme).ok_or(CliError::Core(
        embed_core::Error::BadField {
            field: "--scheme".into(),
            reason: format!("{:?} is no scheme with a token endpoint", args.scheme),
        },
    ))?;
    let secret = input::secret(&args.secret)?.ok_or(CliError::SecretRequired)?;
    if args.entity.trim().is_empty() {
        return Err(CliError::Core(embed_core::Error::BadField {
            field: "--entity".into(),
            reason: "it is empty; give the dashboard id the page shows".into(),
        }));
    }
    let cookies = args
        .cookies
        .iter()
        .map(|given| {
            given
                .split_once('=')
                .filter(|(name, _)| !name.trim().is_empty())
                .map(|(name, value)| (name.trim().to_owned(), value.to_owned()))
                .ok_or_else(|| CliError::NotKeyValue {
                    flag: "--cookie",
                    // The value may be a live session: name it only.
                    given: given.split('=').next().unwrap_or_default().to_owned(),
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let report = runtime()?.block_on(check(&Request {
        scheme,
        endpoint: args.url.trim(),
        entity: args.entity.trim(),
        cookies: &cookies,
        secret: &secret,
        timeout: Duration::from_secs(args.timeout),
    }))?;
    crate::render::checks::output(&report, &report.checks, args.json, || text(&report))
}

fn text(report: &TokenEndpointReport) -> String {
    format!(
        "endpoint: {}\nentity:   {} (and another dashboard, which it must refuse)\n\n{}",
        report.endpoint,
        report.entity,
        crate::render::checks::blocks(&report.checks)
    )
}
