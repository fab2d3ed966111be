//! The report tables kept from a batch of records, in the batch's own transaction. Each
//! statement reads the records just stored: till `$1`, `seq` in (`$2`, `$3`]. Rows that
//! change (sales, bank transfers, employees) take their newest image in the batch; rows that
//! never change are inserted once; the hourly totals add what the batch's receipts and VAT
//! lines bring, which is exact because a record is stored (and so added) only once.

/// Run in this order: the VAT totals read the receipts stored before them.
pub(crate) const STATEMENTS: &[&str] = &[
    "INSERT INTO hub_sales (till_id, id, amount_minor, currency, state, created_at, ended_at,
                            backend, employee, attention)
     SELECT DISTINCT ON (body->>'id') $1, body->>'id', (body->>'amount_minor')::bigint,
            body->>'currency', body->>'state', (body->>'created_at')::bigint,
            (body->>'ended_at')::bigint, body->>'backend', body->>'employee', body->>'attention'
     FROM records WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'sales'
     ORDER BY body->>'id', seq DESC
     ON CONFLICT (till_id, id) DO UPDATE SET
         amount_minor = excluded.amount_minor, state = excluded.state,
         ended_at = excluded.ended_at, backend = excluded.backend,
         employee = excluded.employee, attention = excluded.attention",
    "INSERT INTO hub_receipts (till_id, training, number, kind, sale_id, created_at, total_minor,
                               currency, tender, tender_detail, return_of, employee)
     SELECT $1, (body->>'training')::smallint, (body->>'number')::bigint, body->>'kind',
            body->>'sale_id', (body->>'created_at')::bigint, (body->>'total_minor')::bigint,
            body->>'currency', body->>'tender', body->>'tender_detail',
            (body->>'return_of')::bigint, body->>'employee'
     FROM records WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'receipts'
     ON CONFLICT DO NOTHING",
    "INSERT INTO hub_receipt_vat (till_id, training, number, position, vat_bp, saft_code,
                                  net_minor, vat_minor, gross_minor)
     SELECT $1, (body->>'training')::smallint, (body->>'number')::bigint,
            (body->>'position')::integer, (body->>'vat_bp')::integer,
            (body->>'saft_code')::integer, (body->>'net_minor')::bigint,
            (body->>'vat_minor')::bigint, (body->>'gross_minor')::bigint
     FROM records WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'receipt_vat'
     ON CONFLICT DO NOTHING",
    "INSERT INTO hub_bank_refunds (till_id, id, kind, training, sale_id, return_number,
                                   payment_id, amount_minor, currency, state, created_at,
                                   sent_at, note)
     SELECT DISTINCT ON ((body->>'id')::bigint) $1, (body->>'id')::bigint, body->>'kind',
            (body->>'training')::smallint, body->>'sale_id', (body->>'return_number')::bigint,
            body->>'payment_id', (body->>'amount_minor')::bigint, body->>'currency',
            body->>'state', (body->>'created_at')::bigint, (body->>'sent_at')::bigint,
            body->>'note'
     FROM records WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'bank_refunds'
     ORDER BY (body->>'id')::bigint, seq DESC
     ON CONFLICT (till_id, id) DO UPDATE SET
         state = excluded.state, sent_at = excluded.sent_at, note = excluded.note",
    "INSERT INTO hub_z_reports (till_id, training, number, closed_at, first_receipt,
                                last_receipt, currency, grand_sales_minor,
                                grand_returns_minor, employee)
     SELECT $1, (body->>'training')::smallint, (body->>'number')::bigint,
            (body->>'closed_at')::bigint, (body->>'first_receipt')::bigint,
            (body->>'last_receipt')::bigint, body->>'currency',
            (body->>'grand_sales_minor')::bigint, (body->>'grand_returns_minor')::bigint,
            body->>'employee'
     FROM records WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'z_reports'
     ON CONFLICT DO NOTHING",
    "INSERT INTO hub_employees (till_id, id, name, role, active)
     SELECT DISTINCT ON (body->>'id') $1, body->>'id', body->>'name', body->>'role',
            (body->>'active')::integer = 1
     FROM records WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'employees'
     ORDER BY body->>'id', seq DESC
     ON CONFLICT (till_id, id) DO UPDATE SET
         name = excluded.name, role = excluded.role, active = excluded.active",
    "INSERT INTO hub_hour_totals (till_id, training, hour, kind, tender, vat_bp, saft_code,
                                  currency, count, amount_minor)
     SELECT $1, (r.body->>'training')::smallint, (r.body->>'created_at')::bigint / 3600000,
            k.kind, k.tender, -1, -1, r.body->>'currency', count(*),
            sum(abs((r.body->>'total_minor')::bigint))
     FROM records r,
          LATERAL (VALUES (r.body->>'kind', ''),
                          ('tender_' || (r.body->>'kind'), r.body->>'tender')) AS k (kind, tender)
     WHERE r.till_id = $1 AND r.seq > $2 AND r.seq <= $3 AND r.tbl = 'receipts'
     GROUP BY 2, 3, 4, 5, 8
     ON CONFLICT (training, hour, till_id, kind, tender, vat_bp, saft_code, currency)
     DO UPDATE SET count = hub_hour_totals.count + excluded.count,
                   amount_minor = hub_hour_totals.amount_minor + excluded.amount_minor",
    "INSERT INTO hub_hour_totals (till_id, training, hour, kind, tender, vat_bp, saft_code,
                                  currency, count, amount_minor, net_minor, vat_minor)
     SELECT $1, rc.training, rc.created_at / 3600000, 'vat', '',
            COALESCE((v.body->>'vat_bp')::integer, -1),
            COALESCE((v.body->>'saft_code')::integer, -1), rc.currency, count(*),
            sum((v.body->>'gross_minor')::bigint), sum((v.body->>'net_minor')::bigint),
            sum((v.body->>'vat_minor')::bigint)
     FROM records v
     JOIN hub_receipts rc ON rc.till_id = $1
                         AND rc.training = (v.body->>'training')::smallint
                         AND rc.number = (v.body->>'number')::bigint
     WHERE v.till_id = $1 AND v.seq > $2 AND v.seq <= $3 AND v.tbl = 'receipt_vat'
     GROUP BY 2, 3, 6, 7, 8
     ON CONFLICT (training, hour, till_id, kind, tender, vat_bp, saft_code, currency)
     DO UPDATE SET count = hub_hour_totals.count + excluded.count,
                   amount_minor = hub_hour_totals.amount_minor + excluded.amount_minor,
                   net_minor = hub_hour_totals.net_minor + excluded.net_minor,
                   vat_minor = hub_hour_totals.vat_minor + excluded.vat_minor",
    "WITH zs AS (
         SELECT (body->>'training')::smallint AS training, (body->>'number')::bigint AS number,
                (body->>'first_receipt')::bigint AS f, (body->>'last_receipt')::bigint AS l
         FROM records
         WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'z_reports'
           AND body->>'first_receipt' IS NOT NULL)
     INSERT INTO hub_z_totals (till_id, training, number, kind, tender, vat_bp, saft_code,
                               currency, count, amount_minor)
     SELECT $1, zs.training, zs.number, k.kind, k.tender, -1, -1, r.currency, count(*),
            sum(abs(r.total_minor))
     FROM zs
     JOIN hub_receipts r ON r.till_id = $1 AND r.training = zs.training
                        AND r.number BETWEEN zs.f AND zs.l,
          LATERAL (VALUES (r.kind, ''), ('tender_' || r.kind, r.tender)) AS k (kind, tender)
     GROUP BY 2, 3, 4, 5, 8
     ON CONFLICT DO NOTHING",
    "WITH zs AS (
         SELECT (body->>'training')::smallint AS training, (body->>'number')::bigint AS number,
                (body->>'first_receipt')::bigint AS f, (body->>'last_receipt')::bigint AS l
         FROM records
         WHERE till_id = $1 AND seq > $2 AND seq <= $3 AND tbl = 'z_reports'
           AND body->>'first_receipt' IS NOT NULL)
     INSERT INTO hub_z_totals (till_id, training, number, kind, tender, vat_bp, saft_code,
                               currency, count, amount_minor, net_minor, vat_minor)
     SELECT $1, zs.training, zs.number, 'vat', '', COALESCE(v.vat_bp, -1),
            COALESCE(v.saft_code, -1), r.currency, count(*), sum(v.gross_minor),
            sum(v.net_minor), sum(v.vat_minor)
     FROM zs
     JOIN hub_receipt_vat v ON v.till_id = $1 AND v.training = zs.training
                           AND v.number BETWEEN zs.f AND zs.l
     JOIN hub_receipts r ON r.till_id = $1 AND r.training = v.training AND r.number = v.number
     GROUP BY 2, 3, 6, 7, 8
     ON CONFLICT DO NOTHING",
];
