//! The PostgreSQL tables and their ordered migrations.
//!
//! `kiosk_schema.version` holds the number of migrations applied. Each
//! runs in one transaction with the version bump, under an advisory lock,
//! so two machines starting at once never migrate twice. Append to
//! [`MIGRATIONS`]; never edit one that has shipped.
//!
//! The tables mirror the SQLite ones (times as milliseconds since 1970 UTC,
//! `local_date` as `YYYY-MM-DD`) with the site each check-in belongs to,
//! and `ticket_counter`: the last ticket given per site and day, updated in
//! the transaction that stores the check-in, so tickets are unique and
//! without gaps however many kiosks check patients in at once.

use postgres::Client;

/// Migration 1: everything, as of the SQLite schema's version 5, with sites.
const V1: &str = "
CREATE TABLE checkin (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site                 text    NOT NULL,
    ticket               integer NOT NULL CHECK (ticket >= 1),
    checked_in_at_ms     bigint  NOT NULL,
    local_date           text    NOT NULL CHECK (length(local_date) = 10),
    status               text    NOT NULL
        CHECK (status IN ('waiting', 'called', 'seen', 'no_show')),
    status_changed_at_ms bigint  NOT NULL,
    identity             text    NOT NULL,
    source               text    NOT NULL DEFAULT 'kiosk' CHECK (source IN ('kiosk', 'desk')),
    removed_at_ms        bigint,
    removed_by           text,
    language             text    NOT NULL DEFAULT 'en',
    idem_key             text    UNIQUE,
    UNIQUE (site, local_date, ticket)
);
CREATE INDEX checkin_by_identity ON checkin (site, local_date, identity);
CREATE INDEX checkin_by_date ON checkin (local_date);
CREATE TABLE checkin_field (
    checkin_id bigint  NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    key        text    NOT NULL,
    value      text    NOT NULL,
    PRIMARY KEY (checkin_id, position),
    UNIQUE (checkin_id, key)
);
CREATE TABLE repeat_attempt (
    checkin_id bigint NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    at_ms      bigint NOT NULL,
    idem_key   text   UNIQUE
);
CREATE INDEX repeat_attempt_by_checkin ON repeat_attempt (checkin_id, at_ms);
CREATE TABLE audit (
    id         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    checkin_id bigint  NOT NULL REFERENCES checkin (id) ON DELETE CASCADE,
    at_ms      bigint  NOT NULL,
    actor      text    NOT NULL,
    action     text    NOT NULL
        CHECK (action IN ('add', 'status', 'edit', 'remove', 'restore')),
    undo       boolean NOT NULL,
    detail     text    NOT NULL
);
CREATE INDEX audit_by_checkin ON audit (checkin_id, at_ms);
CREATE TABLE ticket_counter (
    site       text    NOT NULL,
    local_date text    NOT NULL,
    last       integer NOT NULL,
    PRIMARY KEY (site, local_date)
);
";

/// Every migration, oldest first.
const MIGRATIONS: &[&str] = &[V1];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The advisory lock that makes migrations one at a time.
const MIGRATION_LOCK: i64 = 0x6b69_6f73_6b00_0001;

/// The version the database is at (0: nothing made yet).
pub fn version(client: &mut Client) -> Result<i64, postgres::Error> {
    let made: Option<String> = client
        .query_one("SELECT to_regclass('kiosk_schema')::text", &[])?
        .get(0);
    if made.is_none() {
        return Ok(0);
    }
    let row = client.query_opt("SELECT version FROM kiosk_schema", &[])?;
    Ok(row.map_or(0, |r| i64::from(r.get::<_, i32>(0))))
}

/// Brings the database up to [`LATEST`]; returns the version found first.
/// A database from a newer build is left alone (`Err(Some(version))`).
pub fn migrate(client: &mut Client) -> Result<Result<i64, i64>, postgres::Error> {
    let found = version(client)?;
    if found > LATEST {
        return Ok(Err(found));
    }
    if found == LATEST {
        return Ok(Ok(found));
    }
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS kiosk_schema (version integer NOT NULL);
         INSERT INTO kiosk_schema (version)
             SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM kiosk_schema);",
    )?;
    let now: i32 = tx
        .query_one("SELECT version FROM kiosk_schema", &[])?
        .get(0);
    let now = i64::from(now);
    if now > LATEST {
        tx.rollback()?;
        return Ok(Err(now));
    }
    for (index, sql) in MIGRATIONS.iter().enumerate() {
        let target = i32::try_from(index).unwrap_or(i32::MAX).saturating_add(1);
        if i64::from(target) <= now {
            continue;
        }
        tx.batch_execute(sql)?;
        tx.execute("UPDATE kiosk_schema SET version = $1", &[&target])?;
    }
    tx.commit()?;
    Ok(Ok(found))
}
