//! This scheme's `embed-sandbox sign mode` (the flags the CLI contract
//! fixes: `--report-url`, `--access-key`, `--max-age`, `--param`,
//! `--timestamp`; see [`crate::spec::sign_cli`]).

use super::sign::{ModeRequest, PARAM_PREFIX};
use crate::error::Result;
use crate::request::EmbedRequest;
use crate::spec::sign_cli::{Flag, FlagKind, SignCommandDef, SignValues};

/// `sign mode`.
pub static COMMAND: SignCommandDef = SignCommandDef {
    command: "mode",
    about: "Mode white-label embed (parameters sorted, timestamp last, hex HMAC-SHA256 of GET,,<MD5>,<url>,<timestamp>)",
    flags: &[
        Flag::text("report-url", "URL", "The report's embed address: https://app.mode.com/<org>/reports/<report token>/embed").required(),
        Flag::text("access-key", "KEY", "The access key (its access secret signs)").required(),
        Flag::text("max-age", "SECONDS", "Seconds before the report is re-run (max_age; not sent when not given)").of(FlagKind::Number),
        Flag::text("param", "NAME=VALUE", "A report parameter, sent as param_NAME (a NAME already starting with param_ is kept); repeatable").of(FlagKind::Repeated),
        Flag::text("timestamp", "UNIX", "The signing time, Unix seconds [default: now]").of(FlagKind::Number),
    ],
    build,
};

fn build(values: &SignValues) -> Result<EmbedRequest> {
    let params = values
        .key_values("param")?
        .into_iter()
        .map(|(name, value)| {
            let name = if name.starts_with(PARAM_PREFIX) {
                name
            } else {
                format!("{PARAM_PREFIX}{name}")
            };
            (name, value)
        })
        .collect();
    Ok(EmbedRequest::new(ModeRequest {
        report_url: values.required("report-url")?,
        access_key: values.required("access-key")?,
        max_age: values.number("max-age")?,
        params,
        timestamp: values.time("timestamp")?,
    }))
}
