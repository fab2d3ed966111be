//! The hub's schema in PostgreSQL, made and migrated by Kassa: numbered scripts applied in
//! order in one transaction, under an advisory lock so that tills starting together migrate
//! once; the version is kept in `kassa_hub_meta`. A hub made by a newer Kassa is refused
//! before anything is written to it.
//!
//! What the hub holds: `tills` (each till, its shop, how far its records have arrived),
//! `records` (every record of every till's replication log, by `(till_id, seq)`: the copy of
//! the books), and, kept from the records in the transaction that stores them, the tables
//! the shop's reports read: `hub_receipts`, `hub_receipt_vat`, `hub_sales`,
//! `hub_bank_refunds`, `hub_z_reports`, `hub_employees` and the per-hour running totals
//! `hub_hour_totals` (so the shop's day is a few hundred rows to add, whatever it sold).
//! `hub_catalog` holds what the owner edits once for every till (the shop settings, the
//! cashiers), versioned.

use tokio_postgres::Client;

use crate::{HubError, Result};

const MIGRATIONS: &[&str] = &[
    // 1: tills, their records, the report tables, the catalog.
    "CREATE TABLE tills (
        till_id      text PRIMARY KEY CHECK (length(till_id) > 0),
        merchant_id  text NOT NULL,
        name         text,
        acked_seq    bigint NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
        registered_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz
    );
    CREATE TABLE records (
        till_id     text NOT NULL REFERENCES tills (till_id),
        seq         bigint NOT NULL CHECK (seq >= 1),
        tbl         text NOT NULL,
        op          text NOT NULL CHECK (op IN ('insert', 'update')),
        body        jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (till_id, seq)
    );
    CREATE TABLE hub_sales (
        till_id      text NOT NULL,
        id           text NOT NULL,
        amount_minor bigint NOT NULL,
        currency     text NOT NULL,
        state        text NOT NULL,
        created_at   bigint NOT NULL,
        ended_at     bigint,
        backend      text,
        employee     text,
        attention    text,
        PRIMARY KEY (till_id, id)
    );
    CREATE TABLE hub_receipts (
        till_id      text NOT NULL,
        training     smallint NOT NULL,
        number       bigint NOT NULL,
        kind         text NOT NULL,
        sale_id      text NOT NULL,
        created_at   bigint NOT NULL,
        total_minor  bigint NOT NULL,
        currency     text NOT NULL,
        tender       text NOT NULL,
        tender_detail text,
        return_of    bigint,
        employee     text,
        PRIMARY KEY (till_id, training, number)
    );
    CREATE INDEX hub_receipts_created ON hub_receipts (training, created_at);
    CREATE TABLE hub_receipt_vat (
        till_id     text NOT NULL,
        training    smallint NOT NULL,
        number      bigint NOT NULL,
        position    integer NOT NULL,
        vat_bp      integer,
        saft_code   integer,
        net_minor   bigint NOT NULL,
        vat_minor   bigint NOT NULL,
        gross_minor bigint NOT NULL,
        PRIMARY KEY (till_id, training, number, position)
    );
    CREATE TABLE hub_bank_refunds (
        till_id       text NOT NULL,
        id            bigint NOT NULL,
        kind          text NOT NULL,
        training      smallint NOT NULL,
        sale_id       text,
        return_number bigint,
        payment_id    text NOT NULL,
        amount_minor  bigint NOT NULL,
        currency      text NOT NULL,
        state         text NOT NULL,
        created_at    bigint NOT NULL,
        sent_at       bigint,
        note          text,
        PRIMARY KEY (till_id, id)
    );
    CREATE TABLE hub_z_reports (
        till_id             text NOT NULL,
        training            smallint NOT NULL,
        number              bigint NOT NULL,
        closed_at           bigint NOT NULL,
        first_receipt       bigint,
        last_receipt        bigint,
        currency            text,
        grand_sales_minor   bigint NOT NULL,
        grand_returns_minor bigint NOT NULL,
        employee            text,
        PRIMARY KEY (till_id, training, number)
    );
    CREATE TABLE hub_employees (
        till_id  text NOT NULL,
        id       text NOT NULL,
        name     text NOT NULL,
        role     text NOT NULL,
        active   boolean NOT NULL,
        PRIMARY KEY (till_id, id)
    );
    -- One row per till, series, hour (ms since 1970 / 3 600 000) and figure: kind 'sale' /
    -- 'return' (count, amount), 'tender_sale' / 'tender_return' (per tender), 'vat' (per
    -- rate and SAF-T code, -1 for none; net, VAT, gross signed), 'cancelled'. Nordic days
    -- begin on whole UTC hours, so a day is a range of hours.
    CREATE TABLE hub_hour_totals (
        till_id      text NOT NULL,
        training     smallint NOT NULL,
        hour         bigint NOT NULL,
        kind         text NOT NULL,
        tender       text NOT NULL,
        vat_bp       integer NOT NULL,
        saft_code    integer NOT NULL,
        currency     text NOT NULL,
        count        bigint NOT NULL,
        amount_minor bigint NOT NULL,
        net_minor    bigint NOT NULL DEFAULT 0,
        vat_minor    bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (training, hour, till_id, kind, tender, vat_bp, saft_code, currency)
    );
    -- The figures of each Z report, kept when the Z arrives (its receipts came before it):
    -- the same figures as hub_hour_totals, per Z instead of per hour.
    CREATE TABLE hub_z_totals (
        till_id      text NOT NULL,
        training     smallint NOT NULL,
        number       bigint NOT NULL,
        kind         text NOT NULL,
        tender       text NOT NULL,
        vat_bp       integer NOT NULL,
        saft_code    integer NOT NULL,
        currency     text NOT NULL,
        count        bigint NOT NULL,
        amount_minor bigint NOT NULL,
        net_minor    bigint NOT NULL DEFAULT 0,
        vat_minor    bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (till_id, training, number, kind, tender, vat_bp, saft_code, currency)
    );
    CREATE INDEX hub_z_reports_closed ON hub_z_reports (training, closed_at);
    CREATE TABLE hub_catalog (
        kind       text PRIMARY KEY CHECK (kind IN ('shop', 'staff')),
        version    bigint NOT NULL CHECK (version >= 1),
        body       jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
    );",
];

/// The hub schema this Kassa writes.
pub const HUB_SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An arbitrary but fixed advisory lock key: "kassa" in ASCII.
const LOCK: i64 = 0x6b_61_73_73_61;

/// Brings the hub's schema up to date, or refuses a newer one.
pub(crate) async fn migrate(
    client: &mut Client,
    err: impl Fn(tokio_postgres::Error) -> HubError,
) -> Result<()> {
    // Refuse a newer hub before taking any lock or writing anything; an up-to-date one
    // needs nothing more (every connection asks).
    match version(client).await.map_err(&err)? {
        Some(found) if found > HUB_SCHEMA_VERSION => {
            return Err(HubError::TooNew {
                found,
                supported: HUB_SCHEMA_VERSION,
            });
        }
        Some(found) if found == HUB_SCHEMA_VERSION => return Ok(()),
        _ => {}
    }
    let tx = client.transaction().await.map_err(&err)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&LOCK])
        .await
        .map_err(&err)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS kassa_hub_meta (key text PRIMARY KEY, value text NOT NULL)",
    )
    .await
    .map_err(&err)?;
    let found: i64 = match tx
        .query_opt("SELECT value FROM kassa_hub_meta WHERE key = 'schema'", &[])
        .await
        .map_err(&err)?
    {
        Some(row) => {
            let text: String = row.get(0);
            text.parse().map_err(|_| {
                HubError::Database(format!(
                    "the hub's schema version \"{text}\" is not a number"
                ))
            })?
        }
        None => 0,
    };
    if found > HUB_SCHEMA_VERSION {
        return Err(HubError::TooNew {
            found,
            supported: HUB_SCHEMA_VERSION,
        });
    }
    for sql in MIGRATIONS.iter().skip(found.max(0) as usize) {
        tx.batch_execute(sql).await.map_err(&err)?;
    }
    if found < HUB_SCHEMA_VERSION {
        tx.execute(
            "INSERT INTO kassa_hub_meta (key, value) VALUES ('schema', $1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&HUB_SCHEMA_VERSION.to_string()],
        )
        .await
        .map_err(&err)?;
    }
    tx.commit().await.map_err(&err)?;
    Ok(())
}

/// The hub's schema version, if it has one.
async fn version(client: &Client) -> std::result::Result<Option<i64>, tokio_postgres::Error> {
    let exists: bool = client
        .query_one("SELECT to_regclass('kassa_hub_meta') IS NOT NULL", &[])
        .await?
        .get(0);
    if !exists {
        return Ok(None);
    }
    Ok(client
        .query_opt("SELECT value FROM kassa_hub_meta WHERE key = 'schema'", &[])
        .await?
        .and_then(|r| r.get::<_, String>(0).parse().ok()))
}
