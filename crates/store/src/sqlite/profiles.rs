//! Saved people (profiles) on SQLite: each change one `BEGIN IMMEDIATE` transaction, so
//! the bound and the one "me" of an owner hold whatever runs at the same time.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{Db, parse_json, to_json};
use crate::error::Result;
use crate::model::{MAX_PROFILES_PER_OWNER, NewProfile, ProfileChange, StoredProfile};
use crate::{time, validate};

/// `profiles` columns in [`profile_from_row`]'s order.
macro_rules! select_profiles {
    ($rest:literal) => {
        concat!(
            "SELECT id, owner, person, is_me, created_at, updated_at FROM profiles ",
            $rest
        )
    };
}

fn profile_from_row(row: &Row<'_>) -> rusqlite::Result<(StoredProfile, String)> {
    Ok((
        StoredProfile {
            id: row.get(0)?,
            owner: row.get(1)?,
            person: serde_json::Value::Null,
            is_me: row.get(3)?,
            created_at: row.get(4)?,
            updated_at: row.get(5)?,
        },
        row.get(2)?,
    ))
}

/// The row's profile with its `person` JSON parsed.
fn parsed((mut profile, person): (StoredProfile, String)) -> Result<StoredProfile> {
    profile.person = parse_json(&person, "profiles.person", profile.id)?;
    Ok(profile)
}

fn select_one(c: &Connection, owner: &str, id: i64) -> Result<Option<StoredProfile>> {
    c.prepare_cached(select_profiles!("WHERE id = ?1 AND owner = ?2"))?
        .query_row(params![id, owner], profile_from_row)
        .optional()?
        .map(parsed)
        .transpose()
}

/// Unmarks the owner's "me", if any, before another is marked.
fn unmark_me(c: &Connection, owner: &str) -> Result<()> {
    c.prepare_cached("UPDATE profiles SET is_me = 0 WHERE owner = ?1 AND is_me = 1")?
        .execute(params![owner])?;
    Ok(())
}

impl Db {
    pub(super) fn list_profiles(&self, owner: &str) -> Result<Vec<StoredProfile>> {
        validate::owner(owner)?;
        self.read(|c| {
            let rows = c
                .prepare_cached(select_profiles!("WHERE owner = ?1 ORDER BY is_me DESC, id"))?
                .query_map(params![owner], profile_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(parsed).collect()
        })
    }

    pub(super) fn insert_profile(&self, p: NewProfile) -> Result<StoredProfile> {
        validate::owner(&p.owner)?;
        let person = to_json(&p.person, "person")?;
        let (_, now) = time::now();
        self.write(|c| {
            let full = c
                .prepare_cached("SELECT 1 FROM profiles WHERE owner = ?1 LIMIT 1 OFFSET ?2")?
                .query_row(params![p.owner, MAX_PROFILES_PER_OWNER - 1], |_| Ok(()))
                .optional()?
                .is_some();
            if full {
                return Err(validate::profiles_full(MAX_PROFILES_PER_OWNER));
            }
            if p.is_me {
                unmark_me(c, &p.owner)?;
            }
            c.prepare_cached(
                "INSERT INTO profiles (owner, person, is_me, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?4)",
            )?
            .execute(params![p.owner, person, p.is_me, now])?;
            Ok(StoredProfile {
                id: c.last_insert_rowid(),
                owner: p.owner,
                person: p.person,
                is_me: p.is_me,
                created_at: now.clone(),
                updated_at: now,
            })
        })
    }

    pub(super) fn update_profile(
        &self,
        owner: &str,
        id: i64,
        change: ProfileChange,
    ) -> Result<Option<StoredProfile>> {
        validate::owner(owner)?;
        let person = change
            .person
            .as_ref()
            .map(|p| to_json(p, "person"))
            .transpose()?;
        let (_, now) = time::now();
        self.write(|c| {
            if select_one(c, owner, id)?.is_none() {
                return Ok(None);
            }
            if change.is_me == Some(true) {
                unmark_me(c, owner)?;
            }
            // Each NULL parameter keeps its column.
            c.prepare_cached(
                "UPDATE profiles SET person = coalesce(?1, person), \
                 is_me = coalesce(?2, is_me), updated_at = ?3 WHERE id = ?4 AND owner = ?5",
            )?
            .execute(params![person, change.is_me, now, id, owner])?;
            select_one(c, owner, id)
        })
    }

    pub(super) fn delete_profile(&self, owner: &str, id: i64) -> Result<bool> {
        validate::owner(owner)?;
        let deleted = self.write(|c| {
            Ok(
                c.prepare_cached("DELETE FROM profiles WHERE id = ?1 AND owner = ?2")?
                    .execute(params![id, owner])?,
            )
        })?;
        Ok(deleted == 1)
    }
}
