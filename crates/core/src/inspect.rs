//! The inspector: one report that explains a pasted embed URL completely.
//!
//! Scheme, every parameter in received order (raw and decoded, what it
//! means, whether the signature covers it), the JWT's header and claims, the
//! hazards, and, given a secret and a clock, the vendor's verdict and the
//! timing. The CLI prints it; the desktop app shows it.

use serde::Serialize;

use crate::catalogue::ParamInfo;
use crate::error::Result;
use crate::facts::EmbedFacts;
use crate::hazards::{self, Hazard};
use crate::policy::{Policy, SettingUsed};
use crate::query::{ParsedUrl, RawParam};
use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::verify::{self, Context, Judge, Timing, Verification};

/// One parameter as received, annotated.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParamRow {
    /// Position, from 0.
    pub index: usize,
    /// Name bytes as received.
    pub raw_name: String,
    /// Value bytes as received (`null` when there was no `=`).
    pub raw_value: Option<String>,
    /// Decoded name.
    pub name: String,
    /// Decoded value.
    pub value: String,
    /// Whether the signature covers this parameter.
    pub signed: bool,
    /// Whether this parameter is the signature (or the signed token) itself.
    pub is_signature: bool,
    /// What the catalogue says about it (`null` for unknown names).
    pub info: Option<ParamInfo>,
}

/// One JWT claim, annotated.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    /// The claim's name.
    pub name: String,
    /// Its JSON value.
    pub value: serde_json::Value,
    /// What Sigma does with it (`null` when undocumented).
    pub meaning: Option<&'static str>,
}

/// The decoded JWT of a Sigma JWT URL.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JwtView {
    /// The header.
    pub header: serde_json::Value,
    /// The claims in token order.
    pub claims: Vec<ClaimRow>,
}

/// Who the URL signs in, for a quick read.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// Client id (classic `:client_id`, JWT `kid`).
    pub client_id: Option<String>,
    /// Email.
    pub email: Option<String>,
    /// External user id.
    pub external_user_id: Option<String>,
    /// Account type.
    pub account_type: Option<String>,
    /// Teams.
    pub teams: Option<Vec<String>>,
    /// User attributes.
    pub user_attributes: Vec<(String, Vec<String>)>,
    /// Nonce / jti.
    pub nonce: Option<String>,
    /// Issue time.
    pub issued_at: Option<u64>,
    /// Expiry (`null`: never, or unknown).
    pub expires_at: Option<u64>,
}

impl From<&EmbedFacts> for Identity {
    fn from(f: &EmbedFacts) -> Self {
        Identity {
            client_id: f.client_id.clone(),
            email: f.email.clone(),
            external_user_id: f.external_user_id.clone(),
            account_type: f.account_type.clone(),
            teams: f.teams.clone(),
            user_attributes: f.user_attributes.clone(),
            nonce: f.nonce.clone(),
            issued_at: f.issued_at,
            expires_at: f.expires_at,
        }
    }
}

/// Everything the inspector found.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InspectReport {
    /// The detected scheme.
    pub scheme: Scheme,
    /// Its human name.
    pub scheme_label: &'static str,
    /// The URL before `?`.
    pub base: String,
    /// The fragment, which never reaches the server.
    pub fragment: Option<String>,
    /// Parameters in received order.
    pub parameters: Vec<ParamRow>,
    /// The JWT, for Sigma JWT URLs.
    pub jwt: Option<JwtView>,
    /// Who it signs in.
    pub identity: Identity,
    /// Problems found without a secret.
    pub hazards: Vec<Hazard>,
    /// The verdict, when a secret was given.
    pub verification: Option<Verification>,
    /// Clock comparison, when a time was given.
    pub timing: Option<Timing>,
    /// Unconfirmed settings in force for the verdict.
    pub settings: Vec<SettingUsed>,
}

/// What to inspect with.
#[derive(Default)]
pub struct InspectOptions<'a> {
    /// The secret, to verify.
    pub secret: Option<&'a Secret>,
    /// Settings for undocumented behaviour.
    pub policy: Policy,
    /// The clock, for expiry and skew.
    pub now: Option<u64>,
}

pub use crate::model::embed::Embed;

impl Embed {
    /// Reads the artifact (a URL, or the element that embeds one), parses
    /// the URL, detects the scheme and reads the facts.
    pub fn read(input: &str) -> Result<Self> {
        let artifact = crate::artifact::Artifact::read(input);
        let mut url = artifact.parsed()?;
        let scheme = crate::schemes::detect(&url).map_err(|e| {
            // A token no scheme reads alone: say what is missing.
            match artifact.url() {
                Err(missing) if artifact.is_bare_token() => missing,
                _ => e,
            }
        })?;
        crate::schemes::spec(scheme).prepare(&mut url);
        let facts = crate::schemes::spec(scheme).facts(&url)?;
        Ok(Embed { url, scheme, facts })
    }

    /// Verifies with `judge`, consulting the ledger and directory of `context` if given.
    pub fn verify(&self, judge: &Judge<'_>, context: Context<'_>) -> Verification {
        verify::verify(&self.url, self.scheme, &self.facts, judge, context)
    }
}

/// Inspects `input`.
pub fn inspect(input: &str, options: &InspectOptions<'_>) -> Result<InspectReport> {
    let embed = Embed::read(input)?;
    let Embed { url, scheme, facts } = &embed;
    let signature_param = crate::schemes::spec(*scheme).signature_param();
    let parameters = url
        .params
        .iter()
        .map(|p| {
            let is_signature = signature_param == Some(p.name.as_str());
            ParamRow {
                index: p.index,
                raw_name: p.raw_name.clone(),
                raw_value: p.raw_value.clone(),
                name: p.name.clone(),
                // A signature is shown as the bytes the verifier compares:
                // escapes decoded, a raw '+' kept (Bold BI's samples append
                // the Base64 raw; reading it as a space is a setting, and a
                // hazard says what a server may do with it).
                value: if is_signature {
                    crate::encoding::decode_component(p.raw_value_or_empty(), false)
                        .unwrap_or_else(|_| p.value.clone())
                } else {
                    p.value.clone()
                },
                signed: is_signed(*scheme, url, p),
                is_signature,
                info: info_for(*scheme, &p.name),
            }
        })
        .collect();
    let jwt = facts.jwt.as_ref().map(|j| JwtView {
        header: j.header.clone(),
        claims: j
            .claims
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| ClaimRow {
                        name: k.clone(),
                        value: v.clone(),
                        meaning: crate::schemes::spec(*scheme).claim_meaning(k),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    });
    let verification = options.secret.map(|secret| {
        embed.verify(
            &Judge {
                secret,
                policy: &options.policy,
                now: options.now,
            },
            Context::default(),
        )
    });
    let settings = if verification.is_some() {
        settings_for(*scheme, &options.policy)
    } else {
        Vec::new()
    };
    Ok(InspectReport {
        scheme: *scheme,
        scheme_label: scheme.label(),
        base: url.base.clone(),
        fragment: url.fragment.clone(),
        parameters,
        jwt,
        identity: Identity::from(facts),
        hazards: {
            let mut found = hazards::find(url, *scheme, facts);
            if let Some(now) = options.now {
                found.extend(hazards::timing(
                    facts,
                    now,
                    options.policy.seconds(&crate::schemes::CLOCK_SKEW),
                ));
                found.sort_by_key(|h| h.severity);
            }
            found
        },
        verification,
        timing: options.now.map(|now| {
            let spec = crate::schemes::spec(*scheme);
            // The expiry under the settings in force (a window may be one).
            let facts = EmbedFacts {
                expires_at: spec.expiry(facts, &options.policy),
                ..facts.clone()
            };
            Timing {
                // Only Bold BI has URLs that never expire: no embed_timestamp at all.
                never_expires: spec.never_expires(url),
                ..Timing::of(&facts, now)
            }
        }),
        settings,
    })
}

fn is_signed(scheme: Scheme, url: &ParsedUrl, param: &RawParam) -> bool {
    crate::schemes::spec(scheme).is_signed(url, param)
}

fn info_for(scheme: Scheme, name: &str) -> Option<ParamInfo> {
    match crate::documented::lookup(scheme, name) {
        Some(spec) => Some(spec.into()),
        None => crate::schemes::spec(scheme).uncatalogued_param(name),
    }
}

fn settings_for(scheme: Scheme, policy: &Policy) -> Vec<SettingUsed> {
    let mut settings = vec![policy.used(&crate::schemes::CLOCK_SKEW)];
    settings.extend(crate::schemes::spec(scheme).settings(policy));
    settings
}
