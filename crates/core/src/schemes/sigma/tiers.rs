//! Sigma's demo tiers (account type, teams, attributes, interface
//! parameters): the presets a new install offers a Sigma profile, for the
//! local host's demo organisation. Both Sigma schemes take them.

use crate::scheme::Scheme;
use crate::tier::Tier;

/// The Sigma presets.
pub fn demo() -> Vec<Tier> {
    let tier = |name: &str, account_type: &str, teams: &[&str], params: &[(&str, &str)]| Tier {
        name: name.into(),
        account_type: account_type.into(),
        teams: teams.iter().map(|t| (*t).to_owned()).collect(),
        user_attributes: vec![("Region".into(), "West".into())],
        params: params
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect(),
        schemes: vec![Scheme::SigmaClassic, Scheme::SigmaJwt],
        ..Tier::default()
    };
    vec![
        tier(
            "Viewer",
            "Viewer",
            &["Sales_People"],
            &[(":theme", "Light")],
        ),
        tier(
            "Creator",
            "Creator",
            &["Sales_People"],
            &[(":theme", "Light")],
        ),
        // Sigma's current default account types are View, Act, Analyze,
        // Build and Admin; the seed's Viewer and Creator are legacy names.
        tier(
            "Analyze (current account type)",
            "Analyze",
            &["Sales_People"],
            &[(":theme", "Light")],
        ),
        tier(
            "Premium: Creator + Sales_Managers + export",
            "Creator",
            &["Sales_Managers"],
            &[(":theme", "Dark"), (":showUnderlyingData", "true")],
        ),
    ]
}
