//! Tier presets: named bundles of access (Sigma's account type and teams,
//! Looker's permissions, models and groups, user attributes, controls and
//! interface parameters: "Viewer", "Creator", "Premium: Creator +
//! Sales_Managers + export", "Looker explorer"), applied to a form in one
//! click and shared as JSON files. A tier holds no secret and no identity:
//! applying one keeps the user, the environment and the timing of the form.
//! A tier names the schemes it was made for, so a Looker profile is not
//! offered a Sigma account type.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::form::SignForm;
use crate::scheme::Scheme;

/// One tier.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    /// Its name.
    pub name: String,
    /// Account type (empty: not sent).
    #[serde(default)]
    pub account_type: String,
    /// Teams.
    #[serde(default)]
    pub teams: Vec<String>,
    /// User attributes (values comma-separated).
    #[serde(default)]
    pub user_attributes: Vec<(String, String)>,
    /// Interface parameters and controls.
    #[serde(default)]
    pub params: Vec<(String, String)>,
    /// Looker `permissions`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub permissions: Vec<String>,
    /// Looker `models`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<String>,
    /// Looker `group_ids`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_ids: Vec<u64>,
    /// Looker `external_group_id` (empty: not sent).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub external_group_id: String,
    /// Looker `access_filters` (empty: `{}`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub access_filters: String,
    /// The schemes it was made for (empty: any, as in files written before
    /// tiers named them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schemes: Vec<Scheme>,
}

impl Tier {
    /// `form` with this tier's access applied; who, where and when are kept.
    pub fn apply(&self, form: &SignForm) -> SignForm {
        SignForm {
            account_type: self.account_type.clone(),
            teams: self.teams.clone(),
            user_attributes: self.user_attributes.clone(),
            params: self.params.clone(),
            permissions: self.permissions.clone(),
            models: self.models.clone(),
            group_ids: self.group_ids.clone(),
            external_group_id: self.external_group_id.clone(),
            access_filters: self.access_filters.clone(),
            ..form.clone()
        }
    }

    /// The tier `form` (of a `scheme` profile) describes, named `name`.
    pub fn from_form(name: &str, scheme: Scheme, form: &SignForm) -> Self {
        Tier {
            name: name.trim().to_owned(),
            account_type: form.account_type.clone(),
            teams: form.teams.clone(),
            user_attributes: form.user_attributes.clone(),
            params: form.params.clone(),
            permissions: form.permissions.clone(),
            models: form.models.clone(),
            group_ids: form.group_ids.clone(),
            external_group_id: form.external_group_id.clone(),
            access_filters: form.access_filters.clone(),
            schemes: vec![scheme],
        }
    }

    /// Whether it was made for `scheme` (or for any).
    pub fn fits(&self, scheme: Scheme) -> bool {
        self.schemes.is_empty() || self.schemes.contains(&scheme)
    }

    /// Whether `form` holds exactly this tier's access.
    pub fn matches(&self, form: &SignForm) -> bool {
        self.apply(form) == *form
    }
}

/// The format tag of a tiers file.
pub const TIERS_FORMAT: &str = "embed-sandbox.tiers.v1";
/// Largest tiers file read.
pub const MAX_TIERS_FILE_BYTES: usize = 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct TiersFile {
    format: String,
    tiers: Vec<Tier>,
}

/// `tiers` as a JSON file to share.
pub fn export(tiers: &[Tier]) -> String {
    let file = TiersFile {
        format: TIERS_FORMAT.to_owned(),
        tiers: tiers.to_vec(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

fn bad(reason: impl Into<String>) -> Error {
    Error::BadField {
        field: "tiers file".into(),
        reason: reason.into(),
    }
}

/// The tiers in a shared JSON file, checked: the format tag, names present
/// and distinct, the size bounded.
pub fn import(text: &str) -> Result<Vec<Tier>> {
    if text.len() > MAX_TIERS_FILE_BYTES {
        return Err(bad(format!(
            "it is {} bytes; a tiers file is at most {MAX_TIERS_FILE_BYTES}",
            text.len()
        )));
    }
    let file: TiersFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    if file.format != TIERS_FORMAT {
        return Err(bad(format!(
            "its format is {:?}, not {TIERS_FORMAT:?}",
            file.format
        )));
    }
    let mut seen = std::collections::HashSet::new();
    for tier in &file.tiers {
        if tier.name.trim().is_empty() {
            return Err(bad("a tier has no name"));
        }
        if !seen.insert(tier.name.trim()) {
            return Err(bad(format!("the tier {:?} appears twice", tier.name)));
        }
    }
    Ok(file.tiers)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn applying_a_tier_keeps_who_where_and_when() {
        let form = SignForm {
            email: "ann@example.com".into(),
            nonce: "n".into(),
            time: Some(5),
            account_type: "Creator".into(),
            teams: vec!["A".into()],
            ..SignForm::default()
        };
        let viewer = &crate::schemes::demo_tiers()[0];
        let applied = viewer.apply(&form);
        assert_eq!(applied.account_type, "Viewer");
        assert_eq!(applied.teams, vec!["Sales_People".to_owned()]);
        assert_eq!(
            (applied.email.as_str(), applied.nonce.as_str(), applied.time),
            ("ann@example.com", "n", Some(5))
        );
        assert_eq!(
            Tier::from_form("Viewer", Scheme::SigmaClassic, &applied),
            Tier {
                schemes: vec![Scheme::SigmaClassic],
                ..viewer.clone()
            }
        );
        assert!(viewer.matches(&applied) && !viewer.matches(&form));
        assert!(viewer.fits(Scheme::SigmaJwt) && !viewer.fits(Scheme::Looker));
    }

    #[test]
    fn a_looker_tier_sets_permissions_models_and_groups_and_fits_looker_only() {
        let explorer = crate::schemes::demo_tiers()
            .into_iter()
            .find(|t| t.name.starts_with("Looker explorer"))
            .unwrap();
        let form = SignForm {
            external_user_id: "ann-1".into(),
            permissions: vec!["access_data".into()],
            group_ids: vec![4],
            ..SignForm::default()
        };
        let applied = explorer.apply(&form);
        assert!(applied.permissions.iter().any(|p| p == "explore"));
        assert_eq!(applied.models, vec!["thelook".to_owned()]);
        assert!(applied.group_ids.is_empty());
        assert_eq!(applied.external_user_id, "ann-1");
        assert!(explorer.fits(Scheme::Looker) && !explorer.fits(Scheme::SigmaClassic));
        // A tier file written before tiers named schemes fits any.
        let old = import(&format!(
            r#"{{"format":"{TIERS_FORMAT}","tiers":[{{"name":"Old","account_type":"Viewer"}}]}}"#
        ))
        .unwrap();
        assert!(old[0].fits(Scheme::BoldBi));
    }

    #[test]
    fn tiers_round_trip_through_a_file_and_bad_files_are_named() {
        let tiers = crate::schemes::demo_tiers();
        assert_eq!(import(&export(&tiers)).unwrap(), tiers);
        assert!(import("{}")
            .unwrap_err()
            .to_string()
            .contains("missing field"));
        assert!(import(r#"{"format":"other","tiers":[]}"#)
            .unwrap_err()
            .to_string()
            .contains("format"));
        let twice =
            format!(r#"{{"format":"{TIERS_FORMAT}","tiers":[{{"name":"A"}},{{"name":"A"}}]}}"#);
        assert!(import(&twice).unwrap_err().to_string().contains("twice"));
        let nameless = format!(r#"{{"format":"{TIERS_FORMAT}","tiers":[{{"name":" "}}]}}"#);
        assert!(import(&nameless).is_err());
        assert!(import(&" ".repeat(MAX_TIERS_FILE_BYTES + 1)).is_err());
    }
}
