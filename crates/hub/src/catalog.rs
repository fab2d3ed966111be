//! What the owner edits once for every till, kept at the hub and pulled by each till: the
//! shop settings (items, VAT table, profile) and the cashiers. Versioned: a push makes the
//! next version; a till takes a version newer than the one it has (the hub's copy wins).

use serde::Serialize;

use crate::{Hub, HubError, Result};

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CatalogKind {
    /// The shop settings: profile, VAT table, quick items (`ShopSettings` as JSON).
    Shop,
    /// The cashiers: id, name, role, PIN hash, active.
    Staff,
}

impl CatalogKind {
    fn key(self) -> &'static str {
        match self {
            CatalogKind::Shop => "shop",
            CatalogKind::Staff => "staff",
        }
    }
}

/// One version of a list at the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogEntry {
    pub version: i64,
    /// The list as JSON.
    pub body: String,
    /// The till that pushed it.
    pub updated_by: String,
}

impl Hub {
    /// Makes `body` (JSON) the next version of `kind`, pushed by `till`; returns the version.
    pub async fn push_catalog(&mut self, kind: CatalogKind, body: &str, till: &str) -> Result<i64> {
        serde_json::from_str::<serde_json::Value>(body)
            .map_err(|e| HubError::Database(format!("the {} list is not JSON: {e}", kind.key())))?;
        let row = self
            .client()
            .query_one(
                "INSERT INTO hub_catalog (kind, version, body, updated_by)
                 VALUES ($1, 1, $2::text::jsonb, $3)
                 ON CONFLICT (kind) DO UPDATE SET version = hub_catalog.version + 1,
                     body = excluded.body, updated_at = now(), updated_by = excluded.updated_by
                 RETURNING version",
                &[&kind.key(), &body, &till],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        Ok(row.get(0))
    }

    /// The hub's version of `kind`, when it is newer than `have` (0: none yet).
    pub async fn pull_catalog(&self, kind: CatalogKind, have: i64) -> Result<Option<CatalogEntry>> {
        let row = self
            .client()
            .query_opt(
                "SELECT version, body::text, updated_by FROM hub_catalog
                 WHERE kind = $1 AND version > $2",
                &[&kind.key(), &have],
            )
            .await
            .map_err(|e| self.pg_err(e))?;
        Ok(row.map(|r| CatalogEntry {
            version: r.get(0),
            body: r.get(1),
            updated_by: r.get(2),
        }))
    }
}
