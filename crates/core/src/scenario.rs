//! The error scenario gallery: from one good request, each deliberately
//! broken variant a QA engineer needs to reproduce a vendor error, with the
//! refusal the vendor (or the local host, where the vendor is silent and a
//! setting decides) should give.
//!
//! Building is pure: a scenario is a URL, how many times to load it, and
//! what to expect. Loading and comparing is the caller's job (the local host
//! or a real vendor, over HTTP).

use crate::scheme::Scheme;
use crate::secret::Secret;
use crate::verdict::Reason;

pub use crate::model::scenario::*;
pub use crate::scenario_kit::*;
pub use crate::spec::breaking::Breaking;

impl ScenarioId {
    /// A short title.
    pub fn title(self) -> &'static str {
        all()
            .into_iter()
            .find(|def| def.id == self)
            .map_or(self.id(), |def| def.title)
    }
}

impl Expected {
    /// A refusal for `reason`, in `scheme`'s words.
    pub fn refused(scheme: Scheme, reason: Reason) -> Self {
        Expected {
            accepted: false,
            reason: Some(reason),
            message: Some(reason.message(scheme).0.to_owned()),
            setting: None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for ScenarioId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        find(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown scenario {id:?}")))
    }
}

/// Every scenario: the shared ones, then each scheme's own in listing order.
pub fn all() -> Vec<ScenarioDef> {
    let mut found: Vec<ScenarioDef> = SHARED.to_vec();
    for spec in crate::schemes::listed() {
        for def in spec.own_scenarios() {
            if !found.iter().any(|d| d.id == def.id) {
                found.push(*def);
            }
        }
    }
    found
}

/// The scenario whose id is `id`.
pub fn find(id: &str) -> Option<ScenarioId> {
    all().into_iter().map(|def| def.id).find(|s| s.id() == id)
}

/// Whether `id` is a shared scenario (every gallery lists it).
pub fn is_shared(id: ScenarioId) -> bool {
    SHARED.iter().any(|def| def.id == id)
}

/// The gallery of `scheme`: the shared scenarios, then its own.
pub fn gallery(scheme: Scheme) -> Vec<ScenarioId> {
    let own = crate::schemes::spec(scheme).own_scenarios();
    SHARED.iter().chain(own).map(|def| def.id).collect()
}

/// Builds scenario `id` from `base`, with `nonce` as its fresh nonce. The
/// scenarios every scheme shares are built here; the rest by the scheme.
pub fn build(id: ScenarioId, base: &Base<'_>, nonce: String) -> Result<Built, NotBuilt> {
    let spec = crate::schemes::spec(base.request.scheme());
    if !gallery(base.request.scheme()).contains(&id) {
        return Err(NotBuilt::NotApplicable(
            "another vendor's scenario: this scheme's gallery does not list it",
        ));
    }
    let mut request = base.request.clone();
    if let Some(slot) = request.nonce_mut() {
        *slot = nonce;
    }
    request.set_time(base.now);
    spec.prepare_scenario(&mut request, base.policy);
    let b = Breaking {
        id,
        title: id.title(),
        spec,
        base,
    };
    Ok(match id {
        ScenarioId::WRONG_SECRET => b.built(
            "signed with another secret".into(),
            request.sign(&Secret::new("embed-sandbox-wrong-secret"))?,
            b.refused(Reason::InvalidSignature),
        ),
        ScenarioId::EXPIRED if request.validity() == u64::MAX => {
            return Err(NotBuilt::NotApplicable(
                "this embed never expires (it carries no expiry)",
            ))
        }
        ScenarioId::EXPIRED => {
            let time = base
                .now
                .saturating_sub(request.validity())
                .saturating_sub(3600);
            request.set_time(time);
            b.built(
                format!(
                    "signed at {time}, an hour more than its validity ({} s) ago",
                    request.validity()
                ),
                request.sign(base.secret)?,
                b.refused(Reason::Expired),
            )
        }
        ScenarioId::TIME_IN_FUTURE | ScenarioId::MILLISECOND_TIME
            if !spec.capabilities().issue_time =>
        {
            return Err(NotBuilt::NotApplicable(
                "this scheme's embeds carry only their expiry, no issue time: a time ahead of the clock only makes one valid for longer",
            ))
        }
        ScenarioId::TIME_IN_FUTURE => {
            let ahead = base.policy.seconds(&crate::schemes::CLOCK_SKEW) + 600;
            request.set_time(base.now + ahead);
            b.built(
                format!(
                    "signed {ahead} s in the future (allowed skew {} s)",
                    base.policy.seconds(&crate::schemes::CLOCK_SKEW)
                ),
                request.sign(base.secret)?,
                {
                    let expected = future(&b, spec);
                    match expected.setting {
                        Some(_) => expected,
                        None => expected.depending_on("clock skew"),
                    }
                },
            )
        }
        ScenarioId::MILLISECOND_TIME => {
            let millis = base.now.saturating_mul(1000);
            request.set_time(millis);
            b.built(
                format!("signed with the time in milliseconds ({millis}, Date.now() without / 1000): tens of thousands of years ahead"),
                request.sign(base.secret)?,
                future(&b, spec),
            )
        }
        ScenarioId::REUSED_NONCE => {
            if spec.capabilities().nonce.is_none() || request.nonce_mut().is_none() {
                return Err(NotBuilt::NotApplicable(
                    "this scheme's URLs carry no nonce: nothing makes a load single-use",
                ));
            }
            let (refused, setting) = spec.nonce_rule(base.policy);
            let expected = if refused {
                b.refused(Reason::NonceReused)
            } else {
                Expected::accepted()
            };
            let expected = match setting {
                Some(_) => {
                    expected.depending_on(&format!("{} refuses a reused nonce", spec.vendor()))
                }
                None => expected,
            };
            Built {
                loads: 2,
                ..b.built(
                    "the same URL loaded twice".into(),
                    request.sign(base.secret)?,
                    expected,
                )
            }
        }
        ScenarioId::INVALID_EMAIL => {
            let email = request.email_mut().ok_or(NotBuilt::NotApplicable(
                "This scheme's URL carries no email.",
            ))?;
            *email = "ann.example.com".into();
            b.built(
                "email set to ann.example.com".into(),
                request.sign(base.secret)?,
                b.refused(Reason::InvalidEmail),
            )
        }
        ScenarioId::INTERNAL_USER => {
            let email = request.email_mut().ok_or(NotBuilt::NotApplicable(
                "This scheme's URL carries no email.",
            ))?;
            *email = DEMO_INTERNAL_USER.into();
            b.built(
                format!(
                    "email set to {DEMO_INTERNAL_USER}, an internal user of the demo organisation"
                ),
                request.sign(base.secret)?,
                b.refused(Reason::InternalUser)
                    .depending_on("the organisation's users"),
            )
        }
        _ => spec.scenario(&b, &mut request)?,
    })
}

/// Every scenario of the gallery, built or with the reason it was not.
pub type Gallery = Vec<(ScenarioId, Result<Built, NotBuilt>)>;

/// Builds every scenario that applies, with a nonce from `fresh_nonce` each.
/// The scheme's own gallery: the scenarios it declares (shared ones that
/// do not apply to it say why; other vendors' are not listed).
pub fn build_all(base: &Base<'_>, mut fresh_nonce: impl FnMut() -> String) -> Gallery {
    gallery(base.request.scheme())
        .into_iter()
        .map(|id| (id, build(id, base, fresh_nonce())))
        .collect()
}

/// What a time ahead of the clock gets under the scheme's rule (and the
/// setting that decides it, where the vendor does not say).
fn future(b: &Breaking<'_>, spec: &dyn crate::schemes::SchemeSpec) -> Expected {
    match spec.future_time_rule(b.base.policy) {
        (true, None) => b.refused(Reason::TimeInFuture),
        (true, Some(setting)) => b.refused(Reason::TimeInFuture).depending_on(setting.name),
        (false, setting) => {
            let expected = Expected::accepted();
            match setting {
                Some(setting) => expected.depending_on(setting.name),
                None => expected,
            }
        }
    }
}

#[cfg(test)]
mod tests;
