//! What a scheme's scenario builder works with: the scenario, the scheme
//! building it and the good request it breaks.

use super::SchemeSpec;
use crate::model::scenario::{Base, Built, Expected, ScenarioId, MISSING_EMBED_ID};
use crate::verdict::Reason;

/// What a scheme's scenario builder works with: the scenario and the base.
pub struct Breaking<'a> {
    /// Which scenario.
    pub id: ScenarioId,
    /// Its title.
    pub title: &'static str,
    /// The scheme building it.
    pub spec: &'a dyn SchemeSpec,
    /// The good request, secret, settings and clock.
    pub base: &'a Base<'a>,
}

impl Breaking<'_> {
    /// The built scenario.
    pub fn built(&self, change: String, url: String, expected: Expected) -> Built {
        Built {
            id: self.id,
            title: self.title.to_owned(),
            change,
            url,
            loads: 1,
            expected,
        }
    }

    /// The expectation of a refusal for `reason`, in the scheme's words.
    pub fn refused(&self, reason: Reason) -> Expected {
        Expected::refused_in(self.spec.refusal_text(reason), reason)
    }

    /// [`ScenarioId::UNKNOWN_EMBED`] for `url`, whose embed id was replaced.
    pub fn unknown_embed(&self, url: String) -> Built {
        self.built(
            format!("embed id replaced by {MISSING_EMBED_ID}"),
            url,
            self.refused(Reason::UnknownEmbed)
                .depending_on("the organisation's embeds"),
        )
    }
}
