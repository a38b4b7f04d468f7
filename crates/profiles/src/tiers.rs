//! Tier presets in the profile database: listed in the order they were
//! added, saved by name (saving an existing name replaces it), deleted,
//! imported from a shared file. Each built-in tier is added once: on first
//! run, or on the first run of the version that brought it (a deleted
//! built-in stays deleted).

use embed_core::tier::{self, Tier};
use rusqlite::params;

use crate::error::ProfileError;
use crate::store::ProfileStore;

/// Set by versions that seeded every built-in at once, without names.
const SEEDED: &str = "tiers_seeded";
/// The built-in tiers' names ever added to this database (JSON list).
const SEEDED_NAMES: &str = "tiers_seeded_names";
/// What a database marked only [`SEEDED`] was seeded with: the built-ins of
/// the versions before Looker.
const SEEDED_BEFORE_NAMES: [&str; 4] = [
    "Viewer",
    "Creator",
    "Analyze (current account type)",
    "Premium: Creator + Sales_Managers + export",
];

impl ProfileStore {
    /// Every tier, in the order added.
    pub fn tiers(&self) -> Result<Vec<Tier>, ProfileError> {
        let connection = self.lock();
        let mut statement = connection.prepare("SELECT data FROM tiers ORDER BY position")?;
        let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
        let mut tiers = Vec::new();
        for data in rows {
            // A damaged row is skipped rather than hiding every other tier.
            if let Ok(tier) = serde_json::from_str(&data?) {
                tiers.push(tier);
            }
        }
        Ok(tiers)
    }

    /// Saves `tier` under its name, replacing a tier of the same name.
    pub fn save_tier(&self, tier: &Tier) -> Result<(), ProfileError> {
        let name = tier.name.trim();
        if name.is_empty() {
            return Err(ProfileError::InvalidField {
                field: "tier name",
                reason: "it is empty".into(),
            });
        }
        let data = serde_json::to_string(&Tier {
            name: name.to_owned(),
            ..tier.clone()
        })
        .map_err(|e| ProfileError::Database(e.to_string()))?;
        self.lock().execute(
            "INSERT INTO tiers (name, data, position) VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM tiers))
             ON CONFLICT(name) DO UPDATE SET data = ?2",
            params![name, data],
        )?;
        Ok(())
    }

    /// Deletes the tier named `name` (no error when there is none).
    pub fn delete_tier(&self, name: &str) -> Result<(), ProfileError> {
        self.lock()
            .execute("DELETE FROM tiers WHERE name = ?1", [name])?;
        Ok(())
    }

    /// Saves every tier of a shared file; returns how many.
    pub fn import_tiers(&self, text: &str) -> Result<usize, ProfileError> {
        let tiers = tier::import(text)?;
        for tier in &tiers {
            self.save_tier(tier)?;
        }
        Ok(tiers.len())
    }

    /// Puts back every built-in tier that is missing (deleted or renamed
    /// away); returns how many came back. Tiers the user saved are kept.
    pub fn restore_default_tiers(&self) -> Result<usize, ProfileError> {
        let present: Vec<String> = self.tiers()?.into_iter().map(|t| t.name).collect();
        let mut restored = 0;
        for tier in embed_core::schemes::demo_tiers() {
            if !present.contains(&tier.name) {
                self.save_tier(&tier)?;
                restored += 1;
            }
        }
        Ok(restored)
    }

    /// Adds each built-in tier once per database: those this database has
    /// never had (a new version's), never one the user deleted.
    pub fn seed_tiers(&self) -> Result<(), ProfileError> {
        let mut seeded: Vec<String> = match self.setting(SEEDED_NAMES)? {
            Some(json) => serde_json::from_str(&json).unwrap_or_default(),
            None if self.setting(SEEDED)?.is_some() => SEEDED_BEFORE_NAMES
                .iter()
                .map(|n| (*n).to_owned())
                .collect(),
            None => Vec::new(),
        };
        let present: Vec<String> = self.tiers()?.into_iter().map(|t| t.name).collect();
        let mut added = false;
        for tier in embed_core::schemes::demo_tiers() {
            if seeded.contains(&tier.name) {
                continue;
            }
            if !present.contains(&tier.name) {
                self.save_tier(&tier)?;
            }
            seeded.push(tier.name);
            added = true;
        }
        if added {
            let json = serde_json::to_string(&seeded)
                .map_err(|e| ProfileError::Database(e.to_string()))?;
            self.set_setting(SEEDED_NAMES, &json)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn tiers_are_seeded_once_saved_by_name_and_imported() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(&dir.path().join("t.sqlite")).unwrap();
        store.seed_tiers().unwrap();
        assert_eq!(
            store.tiers().unwrap().len(),
            embed_core::schemes::demo_tiers().len()
        );
        store.delete_tier("Viewer").unwrap();
        store.seed_tiers().unwrap();
        assert_eq!(
            store.tiers().unwrap().len(),
            embed_core::schemes::demo_tiers().len() - 1,
            "a deleted default stays deleted"
        );
        let mut creator = store.tiers().unwrap()[0].clone();
        creator.teams = vec!["X".into()];
        store.save_tier(&creator).unwrap();
        let tiers = store.tiers().unwrap();
        assert_eq!(
            (tiers.len(), tiers[0].teams.clone()),
            (
                embed_core::schemes::demo_tiers().len() - 1,
                vec!["X".to_owned()]
            ),
            "same name replaces in place"
        );
        assert_eq!(
            store.restore_default_tiers().unwrap(),
            1,
            "the deleted Viewer comes back"
        );
        assert_eq!(
            store.tiers().unwrap().len(),
            embed_core::schemes::demo_tiers().len()
        );
        assert_eq!(store.restore_default_tiers().unwrap(), 0);
        let shared = tier::export(&embed_core::schemes::demo_tiers());
        assert_eq!(
            store.import_tiers(&shared).unwrap(),
            embed_core::schemes::demo_tiers().len()
        );
        assert_eq!(
            store.tiers().unwrap().len(),
            embed_core::schemes::demo_tiers().len()
        );
        assert!(store.import_tiers("not json").is_err());
        assert!(store
            .save_tier(&Tier {
                name: " ".into(),
                ..creator
            })
            .is_err());
    }

    #[test]
    fn a_database_seeded_before_looker_gets_the_looker_tiers_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(&dir.path().join("t.sqlite")).unwrap();
        // As an older version left it: its built-ins, one deleted, and the flag.
        for tier in embed_core::schemes::demo_tiers()
            .into_iter()
            .filter(|t| SEEDED_BEFORE_NAMES.contains(&t.name.as_str()) && t.name != "Creator")
        {
            store.save_tier(&tier).unwrap();
        }
        store.set_setting(SEEDED, "1").unwrap();
        store.seed_tiers().unwrap();
        let names: Vec<String> = store.tiers().unwrap().into_iter().map(|t| t.name).collect();
        assert!(
            !names.contains(&"Creator".to_owned()),
            "a deleted built-in stays deleted"
        );
        assert!(
            names.contains(&"Looker viewer (West)".to_owned()),
            "{names:?}"
        );
        assert_eq!(names.len(), embed_core::schemes::demo_tiers().len() - 1);
        store.delete_tier("Looker viewer (West)").unwrap();
        store.seed_tiers().unwrap();
        assert_eq!(
            store.tiers().unwrap().len(),
            embed_core::schemes::demo_tiers().len() - 2
        );
    }
}
