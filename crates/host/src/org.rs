//! The organisation the host pretends to be: clients, teams, account types,
//! embeds, internal users and the settings for undocumented behaviour.
//!
//! Without a configuration it is the seed's demo org: teams `Sales_Managers`
//! and `Sales_People`, Sigma's current and legacy account types, any embed.

use std::collections::{BTreeMap, BTreeSet};

use embed_core::scenario::{DEMO_INTERNAL_USER, MISSING_EMBED_ID};
use embed_core::verify::Directory;
use embed_core::{Policy, Scheme, Secret};

/// What an account type may do; the mock workbook shows exactly these.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Open and read the workbook.
    View,
    /// Download and export data.
    Export,
    /// Explore: change filters and sorts for oneself.
    Explore,
    /// Edit the workbook.
    Edit,
    /// Save a copy.
    SaveAs,
    /// Use page controls.
    PageControls,
    /// Schedule and send exports.
    Schedule,
}

impl Permission {
    /// The label shown in the mock workbook.
    pub fn label(self) -> &'static str {
        match self {
            Permission::View => "View",
            Permission::Export => "Export",
            Permission::Explore => "Explore",
            Permission::Edit => "Edit",
            Permission::SaveAs => "Save as",
            Permission::PageControls => "Page controls",
            Permission::Schedule => "Schedule",
        }
    }
}

/// An embed client: its id and secret, and the schemes it may sign.
#[derive(Debug, Clone)]
pub struct Client {
    /// The client id.
    pub id: String,
    /// The shared secret.
    pub secret: Secret,
    /// Schemes this client signs (all when empty).
    pub schemes: Vec<Scheme>,
}

impl Client {
    /// Whether this client may sign `scheme`.
    pub fn signs(&self, scheme: Scheme) -> bool {
        self.schemes.is_empty() || self.schemes.contains(&scheme)
    }
}

/// The organisation.
#[derive(Debug, Clone)]
pub struct Org {
    /// Embed clients.
    pub clients: Vec<Client>,
    /// Known teams.
    pub teams: BTreeSet<String>,
    /// Account types and what they grant.
    pub account_types: BTreeMap<String, BTreeSet<Permission>>,
    /// Known embeds (embed ids, workbook slugs, dashboard ids); `None` accepts any.
    pub embeds: Option<BTreeSet<String>>,
    /// Embeds that do not exist even when `embeds` accepts any (the demo's
    /// stand-in for a deleted workbook, so "Embed not found" can be shown).
    pub absent_embeds: BTreeSet<String>,
    /// Internal users' emails, lowercased.
    pub internal_users: BTreeSet<String>,
    /// Settings for undocumented behaviour.
    pub policy: Policy,
    /// The framing emulation the host starts with (`[framing]`).
    pub framing: embed_core::doctor::emulation::Framing,
}

/// The demo organisation's account types: Sigma's current defaults (View,
/// Act, Analyze, Build, Admin) and the legacy names the seed and older
/// samples use (Viewer, Creator, Explorer, Lite, Essential, Pro).
pub fn demo_account_types() -> BTreeMap<String, BTreeSet<Permission>> {
    use Permission::*;
    let view = BTreeSet::from([View, Export]);
    let act = BTreeSet::from([View, Export, PageControls, Schedule]);
    let analyze = BTreeSet::from([View, Export, Explore, PageControls, Schedule]);
    let build = BTreeSet::from([View, Export, Explore, Edit, SaveAs, PageControls, Schedule]);
    BTreeMap::from([
        ("View".to_owned(), view.clone()),
        ("Act".to_owned(), act),
        ("Analyze".to_owned(), analyze.clone()),
        ("Build".to_owned(), build.clone()),
        ("Admin".to_owned(), build.clone()),
        ("Viewer".to_owned(), view.clone()),
        ("Creator".to_owned(), build.clone()),
        ("Explorer".to_owned(), analyze.clone()),
        ("Lite".to_owned(), view),
        ("Essential".to_owned(), analyze),
        ("Pro".to_owned(), build),
    ])
}

impl Org {
    /// The seed's demo organisation with these clients.
    pub fn demo(clients: Vec<Client>) -> Self {
        Org {
            clients,
            teams: BTreeSet::from(["Sales_Managers".to_owned(), "Sales_People".to_owned()]),
            account_types: demo_account_types(),
            embeds: None,
            absent_embeds: BTreeSet::from([MISSING_EMBED_ID.to_owned()]),
            internal_users: BTreeSet::from([DEMO_INTERNAL_USER.to_owned()]),
            policy: Policy::default(),
            framing: Default::default(),
        }
    }

    /// The client with this id.
    pub fn client(&self, id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.id == id)
    }

    /// What an account type grants (the highest type when absent, as Sigma does).
    pub fn grants(&self, account_type: Option<&str>) -> BTreeSet<Permission> {
        match account_type {
            Some(name) => self.account_types.get(name).cloned().unwrap_or_default(),
            None => self
                .account_types
                .values()
                .max_by_key(|p| p.len())
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// The identifier of the embed at a base URL: the embed id, the workbook
/// slug, or the dashboard id.
pub fn embed_id(scheme: Scheme, base: &str) -> Option<String> {
    embed_core::schemes::spec(scheme).embed_id(base)
}

impl Directory for Org {
    fn unknown_teams(&self, teams: &[String]) -> Vec<String> {
        teams
            .iter()
            .filter(|t| !self.teams.contains(*t))
            .cloned()
            .collect()
    }

    fn account_type_known(&self, account_type: &str) -> bool {
        self.account_types.contains_key(account_type)
    }

    fn embed_known(&self, _scheme: Scheme, id: Option<&str>) -> bool {
        if id.is_some_and(|id| self.absent_embeds.contains(id)) {
            return false;
        }
        match (&self.embeds, id) {
            (None, _) => true,
            (Some(known), Some(id)) => known.contains(id),
            (Some(_), None) => false,
        }
    }

    fn is_internal_user(&self, email: &str) -> bool {
        self.internal_users.contains(&email.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_ids_come_from_the_vendor_path_shapes() {
        assert_eq!(
            embed_id(Scheme::SigmaClassic, "http://h:1/embed/1-abc/tag/v2").as_deref(),
            Some("1-abc")
        );
        assert_eq!(
            embed_id(
                Scheme::SigmaJwt,
                "http://h/acme/workbook/Sales-1a2b/page/p1"
            )
            .as_deref(),
            Some("Sales-1a2b")
        );
        assert_eq!(
            embed_id(
                Scheme::BoldBi,
                "http://h/bi/site/s/dashboards/d-1/Sales/Overview"
            )
            .as_deref(),
            Some("d-1")
        );
    }

    #[test]
    fn the_demo_org_knows_the_seed_teams_and_types() {
        let org = Org::demo(vec![]);
        assert!(org.unknown_teams(&["Sales_Managers".into()]).is_empty());
        assert_eq!(
            org.unknown_teams(&["Sales Managers".into()]),
            vec!["Sales Managers".to_owned()]
        );
        assert!(org.account_type_known("Creator"));
        assert!(!org.account_type_known("creator"));
        assert!(org.grants(Some("Creator")).contains(&Permission::Edit));
        assert!(!org.grants(Some("Viewer")).contains(&Permission::Edit));
    }
}
