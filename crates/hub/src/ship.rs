//! A till's connection to the hub: connecting (TLS as configured, the schema migrated or a
//! newer one refused), registering the till under its shop, and storing its records.
//!
//! Storing is idempotent and ordered: a batch is stored in one transaction that locks the
//! till's row, skips what the hub already has (`seq <= acked_seq`), refuses a gap, stores
//! the rest and keeps the report tables from exactly those records, then moves `acked_seq`.
//! A record sent twice is stored once; a replay from the start changes nothing.

use kassa_journal::LogRecord;
use tokio_postgres::{Client, NoTls};

use crate::config::{HubConfig, Tls};
use crate::{HubError, Result, schema};

/// Who a till is to the hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TillIdentity {
    /// The journal's till id.
    pub till_id: String,
    /// The shop the till sells for (its organisation number, or `training`): a hub serves
    /// one shop.
    pub merchant_id: String,
    /// The till's name as the shop knows it ("Till 1").
    pub name: Option<String>,
}

/// An open connection to the hub.
pub struct Hub {
    client: Client,
    config: HubConfig,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Hub {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What a batch did at the hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shipped {
    /// Records the hub did not have and now stores.
    pub stored: usize,
    /// The hub has this till's records up to here.
    pub acked: i64,
}

impl Hub {
    /// Connects and brings the hub's schema up to date (a newer one is refused).
    pub async fn connect(config: &HubConfig) -> Result<Hub> {
        let err = |e| HubError::from_pg(e, &config.shown, &config.user, &config.database);
        let (mut client, task) = match config.tls {
            Tls::Off => {
                let (client, connection) = config.pg.connect(NoTls).await.map_err(err)?;
                (client, spawn_connection(connection))
            }
            Tls::Prefer | Tls::Require => {
                let tls = tokio_postgres_rustls::MakeRustlsConnect::new(config.rustls()?);
                let (client, connection) = config.pg.connect(tls).await.map_err(err)?;
                (client, spawn_connection(connection))
            }
        };
        schema::migrate(&mut client, err).await?;
        Ok(Hub {
            client,
            config: config.clone(),
            task,
        })
    }

    fn err(&self) -> impl Fn(tokio_postgres::Error) -> HubError + '_ {
        |e| {
            HubError::from_pg(
                e,
                &self.config.shown,
                &self.config.user,
                &self.config.database,
            )
        }
    }

    /// The database client, for the reports and the catalog.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    pub(crate) fn pg_err(&self, e: tokio_postgres::Error) -> HubError {
        (self.err())(e)
    }

    /// The hub's address, for messages.
    pub fn shown(&self) -> &str {
        &self.config.shown
    }

    /// Registers the till (or finds it again) and returns how far the hub has its records.
    /// The first till names the hub's shop; a till of another shop is refused.
    pub async fn register(&mut self, till: &TillIdentity) -> Result<i64> {
        let err = |e| {
            HubError::from_pg(
                e,
                &self.config.shown,
                &self.config.user,
                &self.config.database,
            )
        };
        let tx = self.client.transaction().await.map_err(err)?;
        tx.execute(
            "INSERT INTO kassa_hub_meta (key, value) VALUES ('merchant', $1)
             ON CONFLICT (key) DO NOTHING",
            &[&till.merchant_id],
        )
        .await
        .map_err(err)?;
        let shop: String = tx
            .query_one(
                "SELECT value FROM kassa_hub_meta WHERE key = 'merchant'",
                &[],
            )
            .await
            .map_err(err)?
            .get(0);
        if shop != till.merchant_id {
            return Err(HubError::OtherShop {
                hub_merchant: shop,
                ours: till.merchant_id.clone(),
            });
        }
        let row = tx
            .query_one(
                "INSERT INTO tills (till_id, merchant_id, name, last_seen_at)
                 VALUES ($1, $2, $3, now())
                 ON CONFLICT (till_id) DO UPDATE
                     SET name = COALESCE(excluded.name, tills.name), last_seen_at = now()
                 RETURNING acked_seq, merchant_id",
                &[&till.till_id, &till.merchant_id, &till.name],
            )
            .await
            .map_err(err)?;
        let merchant: String = row.get(1);
        if merchant != till.merchant_id {
            return Err(HubError::OtherShop {
                hub_merchant: merchant,
                ours: till.merchant_id.clone(),
            });
        }
        let acked: i64 = row.get(0);
        tx.commit().await.map_err(err)?;
        Ok(acked)
    }

    /// How far the hub has `till_id`'s records (0: none, or an unknown till).
    pub async fn acked(&self, till_id: &str) -> Result<i64> {
        Ok(self
            .client
            .query_opt(
                "SELECT acked_seq FROM tills WHERE till_id = $1",
                &[&till_id],
            )
            .await
            .map_err(self.err())?
            .map(|r| r.get(0))
            .unwrap_or(0))
    }

    /// Stores `records` (in `seq` order) of a registered till: what the hub has already is
    /// skipped, a gap is refused, and the report tables follow in the same transaction.
    pub async fn ship(&mut self, till_id: &str, records: &[LogRecord]) -> Result<Shipped> {
        let err = |e| {
            HubError::from_pg(
                e,
                &self.config.shown,
                &self.config.user,
                &self.config.database,
            )
        };
        let tx = self.client.transaction().await.map_err(err)?;
        let acked: i64 = tx
            .query_opt(
                "SELECT acked_seq FROM tills WHERE till_id = $1 FOR UPDATE",
                &[&till_id],
            )
            .await
            .map_err(err)?
            .map(|r| r.get(0))
            .ok_or_else(|| HubError::Database(format!("till {till_id} is not registered")))?;
        let new: Vec<&LogRecord> = records.iter().filter(|r| r.seq > acked).collect();
        let Some(first) = new.first() else {
            tx.commit().await.map_err(err)?;
            return Ok(Shipped { stored: 0, acked });
        };
        if first.seq != acked + 1 || new.windows(2).any(|w| w[1].seq != w[0].seq + 1) {
            return Err(HubError::Gap {
                till: till_id.to_owned(),
                hub_has: acked,
                first: first.seq,
            });
        }
        let last = new.last().map_or(acked, |r| r.seq);
        let seqs: Vec<i64> = new.iter().map(|r| r.seq).collect();
        let tables: Vec<&str> = new.iter().map(|r| r.table.as_str()).collect();
        let ops: Vec<&str> = new.iter().map(|r| r.op.as_str()).collect();
        let rows: Vec<&str> = new.iter().map(|r| r.row.as_str()).collect();
        tx.execute(
            "INSERT INTO records (till_id, seq, tbl, op, body)
             SELECT $1, s, t, o, r::jsonb
             FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS x (s, t, o, r)",
            &[&till_id, &seqs, &tables, &ops, &rows],
        )
        .await
        .map_err(err)?;
        for sql in crate::apply::STATEMENTS {
            tx.execute(*sql, &[&till_id, &acked, &last])
                .await
                .map_err(err)?;
        }
        tx.execute(
            "UPDATE tills SET acked_seq = $2, last_seen_at = now() WHERE till_id = $1",
            &[&till_id, &last],
        )
        .await
        .map_err(err)?;
        tx.commit().await.map_err(err)?;
        Ok(Shipped {
            stored: new.len(),
            acked: last,
        })
    }
}

fn spawn_connection<S, T>(
    connection: tokio_postgres::Connection<S, T>,
) -> tokio::task::JoinHandle<()>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::debug!(error = %e, "the hub connection ended");
        }
    })
}
