//! Looker's demo tiers (permissions, models, a region attribute): the
//! presets a new install offers a Looker profile.

use crate::scheme::Scheme;
use crate::tier::Tier;

/// The Looker presets.
pub fn demo() -> Vec<Tier> {
    let tier = |name: &str, permissions: &[&str], region: Option<&str>| Tier {
        name: name.into(),
        permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
        models: vec!["thelook".into()],
        user_attributes: region
            .map(|r| vec![("region".to_owned(), r.to_owned())])
            .unwrap_or_default(),
        schemes: vec![Scheme::Looker],
        ..Tier::default()
    };
    vec![
        tier(
            "Looker viewer (West)",
            &["access_data", "see_user_dashboards", "see_looks"],
            Some("West"),
        ),
        tier(
            "Looker explorer (all regions)",
            &[
                "access_data",
                "see_user_dashboards",
                "see_looks",
                "see_drill_overlay",
                "explore",
                "download_with_limit",
            ],
            None,
        ),
    ]
}
