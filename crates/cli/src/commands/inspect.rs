//! `embed-sandbox inspect URL`: the full report, text or JSON.

use embed_core::{inspect, InspectOptions, Policy};

use crate::cli::{JudgeArgs, PolicyArgs};
use crate::error::CliError;
use crate::{input, render};

/// The core policy from the settings flags.
pub fn policy(args: &PolicyArgs, client_id: Option<String>) -> Policy {
    Policy {
        max_session_length: args.max_session_length,
        clock_skew: args.clock_skew,
        boldbi_plus_as_space: args.boldbi_plus_as_space,
        boldbi_strict_booleans: args.boldbi_strict_booleans,
        sigma_strict_time: args.sigma_strict_time,
        sigma_refuse_legacy_modes: args.sigma_refuse_legacy_modes,
        looker_algorithm: args.algorithm.into(),
        looker_refuse_future_time: !args.looker_accept_future_time,
        client_id,
        ..Policy::default()
    }
}

/// Runs `inspect`.
pub fn run(args: JudgeArgs) -> Result<String, CliError> {
    let url = input::url(&args.url, &args.secret)?;
    let secret = input::secret(&args.secret)?;
    let options = InspectOptions {
        secret: secret.as_ref(),
        policy: policy(&args.policy, args.client_id),
        now: args.now,
    };
    let report = inspect(&url, &options)?;
    let fingerprint = secret.as_ref().map(embed_core::Secret::fingerprint);
    if args.json {
        #[derive(serde::Serialize)]
        struct Out<'a> {
            #[serde(flatten)]
            report: &'a embed_core::InspectReport,
            secret_fingerprint: Option<String>,
        }
        render::json(
            "embed-sandbox.inspect.v1",
            &Out {
                report: &report,
                secret_fingerprint: fingerprint,
            },
        )
    } else {
        Ok(render::inspect::render(&report, fingerprint.as_deref()))
    }
}
