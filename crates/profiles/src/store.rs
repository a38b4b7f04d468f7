//! Profiles in SQLite, in the OS app-data folder, with schema migrations.
//!
//! A profile is one environment: a name, a scheme, the embed path (or
//! workbook or dashboard URL), the client id and the form's defaults. Its
//! secret is never here: it lives in the keychain under the profile's id.
//! Migrations are numbered and recorded in `PRAGMA user_version`, so an old
//! database opens in a new app and is brought forward in one transaction.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use embed_core::Scheme;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::error::ProfileError;

/// Longest name, client id or embed path accepted.
pub const MAX_FIELD_CHARS: usize = 2048;

/// The schema, one migration per entry; never edit one that shipped.
const MIGRATIONS: &[&str] = &[
    "CREATE TABLE profiles (
         id TEXT PRIMARY KEY NOT NULL,
         name TEXT NOT NULL UNIQUE,
         scheme TEXT NOT NULL,
         embed_path TEXT NOT NULL,
         client_id TEXT NOT NULL,
         defaults TEXT NOT NULL DEFAULT '{}',
         created_at INTEGER NOT NULL
     );",
    "ALTER TABLE profiles ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;",
    "CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);",
    "CREATE TABLE history (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         time INTEGER NOT NULL,
         kind TEXT NOT NULL,
         profile_id TEXT,
         profile_name TEXT,
         user TEXT,
         scenario TEXT,
         verdict TEXT NOT NULL,
         url TEXT NOT NULL
     );",
    "CREATE TABLE tiers (
         name TEXT PRIMARY KEY NOT NULL,
         data TEXT NOT NULL,
         position INTEGER NOT NULL
     );",
];

/// One environment.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable id (also the keychain account of its secret).
    pub id: String,
    /// Unique display name.
    pub name: String,
    /// The signing scheme.
    pub scheme: Scheme,
    /// Embed path (Sigma classic), workbook URL (Sigma JWT) or dashboard URL (Bold BI).
    pub embed_path: String,
    /// Client id (Sigma; informational for Bold BI).
    pub client_id: String,
    /// The form's defaults (user, teams, parameters), as the UI stores them.
    pub defaults: serde_json::Value,
    /// Whether this is a generated "Local demo" profile.
    pub demo: bool,
    /// Creation time, Unix seconds.
    pub created_at: u64,
}

impl Profile {
    /// The settings its URLs are judged with: the local host's own when
    /// the profile points at it (`local_origin`: the host decides), else
    /// `host` adjusted by what the saved form says (Looker: the HMAC of
    /// the vendor's secret).
    pub fn judging_policy(
        &self,
        host: embed_core::Policy,
        local_origin: &str,
    ) -> embed_core::Policy {
        let mut policy = host;
        if !self.embed_path.starts_with(local_origin) {
            if let Ok(defaults) = serde_json::from_value(self.defaults.clone()) {
                embed_core::schemes::spec(self.scheme).profile_policy(&defaults, &mut policy);
            }
        }
        policy
    }
}

/// What a user enters to create or edit a profile.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileInput {
    /// Display name.
    pub name: String,
    /// The signing scheme.
    pub scheme: Scheme,
    /// Embed path, workbook URL or dashboard URL.
    pub embed_path: String,
    /// Client id.
    pub client_id: String,
    /// Form defaults.
    pub defaults: serde_json::Value,
}

/// The scheme stored as `id`; for rows written before the column existed,
/// the one scheme the product spoke then.
fn scheme_from(id: &str) -> Scheme {
    Scheme::from_id(id).unwrap_or(Scheme::ORIGINAL)
}

impl ProfileInput {
    /// Checks every field, naming the first one that cannot be stored.
    pub fn validate(&self) -> Result<(), ProfileError> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(ProfileError::InvalidField {
                field: "name",
                reason: "it is empty".into(),
            });
        }
        for (field, value) in [
            ("name", &self.name),
            ("embed path", &self.embed_path),
            ("client id", &self.client_id),
        ] {
            let chars = value.chars().count();
            if chars > MAX_FIELD_CHARS {
                return Err(ProfileError::InvalidField {
                    field,
                    reason: format!("it is {chars} characters long (at most {MAX_FIELD_CHARS})"),
                });
            }
        }
        embed_core::base_url::check("embed path", self.embed_path.trim())?;
        let spec = embed_core::schemes::spec(self.scheme);
        if spec.client_id_name().is_some() && self.client_id.trim().is_empty() {
            return Err(ProfileError::InvalidField {
                field: "client id",
                reason: format!(
                    "{} requires the client id of the embed credentials",
                    spec.vendor()
                ),
            });
        }
        if let Some(reason) = spec.embed_path_issue(self.embed_path.trim()) {
            return Err(ProfileError::InvalidField {
                field: "embed path",
                reason,
            });
        }
        Ok(())
    }
}

/// The profile database.
pub struct ProfileStore {
    connection: Mutex<Connection>,
}

impl ProfileStore {
    /// Opens (creating and migrating) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, ProfileError> {
        let mut connection = Connection::open(path)?;
        // WAL with NORMAL sync: a crash may lose the last change, never corrupt
        // the file, and start-up does not wait for an fsync per demo update.
        connection.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )?;
        migrate(&mut connection)?;
        Ok(ProfileStore {
            connection: Mutex::new(connection),
        })
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        self.connection
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The profile a URL belongs to: same scheme, and the same client id;
    /// or, for a scheme whose URLs name no client (Bold BI, Looker), the
    /// profile whose embed path the URL's `embed_path` (as the core reads
    /// it back) starts with, else one on the same origin (a Looker secret
    /// belongs to the whole host).
    pub fn matching(
        &self,
        scheme: Scheme,
        client_id: Option<&str>,
        embed_path: &str,
    ) -> Result<Option<Profile>, ProfileError> {
        let candidates: Vec<Profile> = self
            .list()?
            .into_iter()
            .filter(|p| p.scheme == scheme)
            .collect();
        if let Some(id) = client_id {
            return Ok(candidates.into_iter().find(|p| p.client_id == id));
        }
        let origin = |path: &str| -> String {
            let (scheme, rest) = path.split_once("://").unwrap_or(("", path));
            format!("{scheme}://{}", rest.split('/').next().unwrap_or_default())
        };
        Ok(candidates
            .iter()
            .find(|p| embed_path.starts_with(&p.embed_path))
            .or_else(|| {
                candidates
                    .iter()
                    .find(|p| origin(&p.embed_path) == origin(embed_path))
            })
            .cloned())
    }

    /// The profile for exactly this scheme, embed path and client id.
    pub fn with_environment(
        &self,
        scheme: Scheme,
        embed_path: &str,
        client_id: &str,
    ) -> Result<Option<Profile>, ProfileError> {
        Ok(self
            .list()?
            .into_iter()
            .find(|p| p.scheme == scheme && p.embed_path == embed_path && p.client_id == client_id))
    }

    /// An app setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>, ProfileError> {
        let connection = self.lock();
        let mut statement = connection.prepare("SELECT value FROM settings WHERE key = ?1")?;
        let mut rows = statement.query([key])?;
        Ok(match rows.next()? {
            Some(row) => Some(row.get(0)?),
            None => None,
        })
    }

    /// Sets an app setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), ProfileError> {
        self.lock().execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2",
            [key, value],
        )?;
        Ok(())
    }

    /// Moves every profile whose embed path is under `old_origin` to
    /// `new_origin` (same path); returns how many moved.
    pub fn rebase_embed_paths(
        &self,
        old_origin: &str,
        new_origin: &str,
    ) -> Result<usize, ProfileError> {
        Ok(self.lock().execute(
            "UPDATE profiles SET embed_path = ?2 || substr(embed_path, length(?1) + 1)
             WHERE substr(embed_path, 1, length(?1) + 1) = ?1 || '/'",
            [old_origin, new_origin],
        )?)
    }

    /// All profiles, by name.
    pub fn list(&self) -> Result<Vec<Profile>, ProfileError> {
        let connection = self.lock();
        let mut statement = connection.prepare("SELECT id, name, scheme, embed_path, client_id, defaults, demo, created_at FROM profiles ORDER BY name")?;
        let rows = statement.query_map([], row_to_profile)?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(ProfileError::from)
    }

    /// The profile with `id`.
    pub fn get(&self, id: &str) -> Result<Profile, ProfileError> {
        self.lock()
            .query_row(
                "SELECT id, name, scheme, embed_path, client_id, defaults, demo, created_at FROM profiles WHERE id = ?1",
                params![id],
                row_to_profile,
            )
            .optional()?
            .ok_or_else(|| ProfileError::NotFound { id: id.to_owned() })
    }

    /// Creates a profile; `demo` marks the generated local ones.
    pub fn create(
        &self,
        input: &ProfileInput,
        demo: bool,
        now: u64,
    ) -> Result<Profile, ProfileError> {
        input.validate()?;
        let id = uuid::Uuid::new_v4().to_string();
        let connection = self.lock();
        ensure_name_free(&connection, input.name.trim(), None)?;
        connection.execute(
            "INSERT INTO profiles (id, name, scheme, embed_path, client_id, defaults, demo, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                input.name.trim(),
                input.scheme.id(),
                input.embed_path.trim(),
                input.client_id.trim(),
                input.defaults.to_string(),
                demo,
                i64::try_from(now).unwrap_or(i64::MAX)
            ],
        )?;
        drop(connection);
        self.get(&id)
    }

    /// Replaces a profile's fields.
    pub fn update(&self, id: &str, input: &ProfileInput) -> Result<Profile, ProfileError> {
        input.validate()?;
        let connection = self.lock();
        ensure_name_free(&connection, input.name.trim(), Some(id))?;
        let changed = connection.execute(
            "UPDATE profiles SET name = ?2, scheme = ?3, embed_path = ?4, client_id = ?5, defaults = ?6 WHERE id = ?1",
            params![id, input.name.trim(), input.scheme.id(), input.embed_path.trim(), input.client_id.trim(), input.defaults.to_string()],
        )?;
        drop(connection);
        if changed == 0 {
            return Err(ProfileError::NotFound { id: id.to_owned() });
        }
        self.get(id)
    }

    /// Deletes a profile (its secret is the caller's to remove).
    pub fn delete(&self, id: &str) -> Result<(), ProfileError> {
        let changed = self
            .lock()
            .execute("DELETE FROM profiles WHERE id = ?1", params![id])?;
        if changed == 0 {
            return Err(ProfileError::NotFound { id: id.to_owned() });
        }
        Ok(())
    }

    /// The schema version in force.
    pub fn schema_version(&self) -> Result<usize, ProfileError> {
        let version: i64 = self
            .lock()
            .query_row("PRAGMA user_version", [], |row| row.get(0))?;
        Ok(usize::try_from(version).unwrap_or(0))
    }
}

fn ensure_name_free(
    connection: &Connection,
    name: &str,
    except: Option<&str>,
) -> Result<(), ProfileError> {
    let owner: Option<String> = connection
        .query_row(
            "SELECT id FROM profiles WHERE name = ?1",
            params![name],
            |row| row.get(0),
        )
        .optional()?;
    match owner {
        Some(owner) if Some(owner.as_str()) != except => Err(ProfileError::NameTaken {
            name: name.to_owned(),
        }),
        _ => Ok(()),
    }
}

fn row_to_profile(row: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
    let scheme: String = row.get(2)?;
    let defaults: String = row.get(5)?;
    let created_at: i64 = row.get(7)?;
    Ok(Profile {
        id: row.get(0)?,
        name: row.get(1)?,
        scheme: scheme_from(&scheme),
        embed_path: row.get(3)?,
        client_id: row.get(4)?,
        defaults: serde_json::from_str(&defaults).unwrap_or(serde_json::Value::Null),
        demo: row.get(6)?,
        created_at: u64::try_from(created_at).unwrap_or(0),
    })
}

fn migrate(connection: &mut Connection) -> Result<(), ProfileError> {
    let version: i64 = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    let done = usize::try_from(version).unwrap_or(0);
    if done > MIGRATIONS.len() {
        return Err(ProfileError::Database(format!(
            "the database is at schema version {done}, newer than this app knows ({}); update Embed Sandbox",
            MIGRATIONS.len()
        )));
    }
    let transaction = connection.transaction()?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(done) {
        transaction.execute_batch(sql)?;
        transaction.pragma_update(
            None,
            "user_version",
            i64::try_from(index + 1).unwrap_or(i64::MAX),
        )?;
    }
    transaction.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(name: &str) -> ProfileInput {
        ProfileInput {
            name: name.into(),
            scheme: Scheme::SigmaClassic,
            embed_path: "https://app.sigmacomputing.com/embed/1-abc".into(),
            client_id: "cid".into(),
            defaults: serde_json::json!({"email": "ann@example.com"}),
        }
    }

    fn store() -> (tempfile::TempDir, ProfileStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = ProfileStore::open(&dir.path().join("profiles.sqlite")).unwrap();
        (dir, store)
    }

    #[test]
    fn profiles_are_created_listed_updated_and_deleted() {
        let (_dir, store) = store();
        let created = store.create(&input("Production"), false, 10).unwrap();
        assert_eq!(store.list().unwrap(), vec![created.clone()]);
        let mut changed = input("Production EU");
        changed.client_id = "cid-eu".into();
        let updated = store.update(&created.id, &changed).unwrap();
        assert_eq!(updated.client_id, "cid-eu");
        assert_eq!(updated.defaults["email"], "ann@example.com");
        store.delete(&created.id).unwrap();
        assert!(store.list().unwrap().is_empty());
        assert!(matches!(
            store.get(&created.id),
            Err(ProfileError::NotFound { .. })
        ));
    }

    #[test]
    fn a_name_clash_is_refused_and_nothing_changes() {
        let (_dir, store) = store();
        store.create(&input("Staging"), false, 1).unwrap();
        let other = store.create(&input("Dev"), false, 1).unwrap();
        assert_eq!(
            store.create(&input("Staging"), false, 1),
            Err(ProfileError::NameTaken {
                name: "Staging".into()
            })
        );
        assert!(matches!(
            store.update(&other.id, &input("Staging")),
            Err(ProfileError::NameTaken { .. })
        ));
        assert_eq!(store.list().unwrap().len(), 2);
    }

    #[test]
    fn bad_fields_are_named() {
        let (_dir, store) = store();
        let mut bad = input("X");
        bad.embed_path = "app.sigmacomputing.com/embed/x".into();
        assert!(matches!(
            store.create(&bad, false, 1),
            Err(ProfileError::Core(embed_core::Error::BadBaseUrl { .. }))
        ));
        let mut huge = input("Y");
        huge.client_id = "c".repeat(MAX_FIELD_CHARS + 1);
        assert!(matches!(
            store.create(&huge, false, 1),
            Err(ProfileError::InvalidField {
                field: "client id",
                ..
            })
        ));
        let mut not_embed = input("Z");
        not_embed.scheme = Scheme::Looker;
        not_embed.client_id = String::new();
        not_embed.embed_path = "https://acme.looker.com/dashboards/3".into();
        match store.create(&not_embed, false, 1) {
            Err(ProfileError::InvalidField { field, reason }) => {
                assert_eq!(field, "embed path");
                assert!(reason.contains("/embed/"), "{reason}");
            }
            other => panic!("a Looker path without /embed/ was stored: {other:?}"),
        }
        not_embed.embed_path = "https://acme.looker.com/embed/dashboards/3".into();
        store.create(&not_embed, false, 1).unwrap();
        assert_eq!(store.list().unwrap().len(), 1);
    }

    #[test]
    fn reopening_keeps_data_and_the_schema_is_current() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.sqlite");
        let id = ProfileStore::open(&path)
            .unwrap()
            .create(&input("Kept"), true, 5)
            .unwrap()
            .id;
        let store = ProfileStore::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), MIGRATIONS.len());
        assert!(store.get(&id).unwrap().demo);
    }

    #[test]
    fn a_first_version_database_is_migrated_forward() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        {
            let connection = Connection::open(&path).unwrap();
            connection.execute_batch(MIGRATIONS[0]).unwrap();
            connection.pragma_update(None, "user_version", 1).unwrap();
            connection
                .execute(
                    "INSERT INTO profiles (id, name, scheme, embed_path, client_id, created_at) VALUES ('a', 'Old', 'boldbi', 'https://bi.example.com/bi/site/s/dashboards/1', '', 1)",
                    [],
                )
                .unwrap();
        }
        let store = ProfileStore::open(&path).unwrap();
        let old = store.get("a").unwrap();
        assert_eq!(old.scheme, Scheme::BoldBi);
        assert!(!old.demo);
    }
}
