//! The keeper of the check-in database: purges and replaced files.
use super::*;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).map_or(DateTime::UNIX_EPOCH, |t| t.with_timezone(&Utc))
}

fn rows(conn: &rusqlite::Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT count(*) FROM checkin", [], |r| r.get(0))
}

#[test]
fn a_failed_purge_is_tried_again_the_next_day_not_at_every_poll() -> TestResult {
    let dir = tempfile::tempdir()?;
    let source = "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\n\
                  [checkin]\ndatabase = \"checkins.db\"\nretention_days = 1\n";
    let config = Config::parse(&dir.path().join("kiosk.toml"), source, dir.path())
        .map_err(|e| format!("{e:?}"))?;
    let mut keeper = Keeper::open(&config);
    let side = rusqlite::Connection::open(&config.checkin.database)?;
    // The purge's table is missing, so the first purge of the day fails.
    side.execute_batch("ALTER TABLE checkin RENAME TO hidden")?;
    let monday = at("2026-11-23T17:00:00Z");
    keeper.daily_purge(&config, monday);
    side.execute_batch(
        "ALTER TABLE hidden RENAME TO checkin;
         INSERT INTO checkin (id, ticket, checked_in_at_ms, local_date, status,
                              status_changed_at_ms, identity)
         VALUES (1, 1, 0, '2026-11-20', 'seen', 0, 'x');",
    )?;
    // The next polls that day leave it be...
    keeper.daily_purge(&config, monday + chrono::Duration::seconds(2));
    keeper.daily_purge(&config, monday + chrono::Duration::hours(1));
    assert_eq!(rows(&side)?, 1, "not purged again the same day");
    // ...and the next day's purge does its work.
    keeper.daily_purge(&config, monday + chrono::Duration::days(1));
    assert_eq!(rows(&side)?, 0);
    Ok(())
}

fn config_in(dir: &std::path::Path) -> Result<Config, String> {
    let source = "[clinic]\nname = \"T\"\ntimezone = \"America/Denver\"\n\
                  [checkin]\ndatabase = \"checkins.db\"\n";
    Config::parse(&dir.join("kiosk.toml"), source, dir).map_err(|e| format!("{e:?}"))
}

fn patient(first: &str) -> NewCheckin {
    let fields = vec![
        ("first_name".to_string(), first.to_string()),
        ("last_name".to_string(), "Ruiz".to_string()),
        ("date_of_birth".to_string(), "1960-06-06".to_string()),
    ];
    NewCheckin::new(fields, &crate::config::DuplicateKey::DEFAULT)
}

fn confirmed(msg: &Msg) -> bool {
    matches!(msg, Msg::Stored(Ok((Inserted::New { .. }, _))))
}

#[test]
fn a_deleted_journal_never_costs_a_confirmed_check_in() -> TestResult {
    let dir = tempfile::tempdir()?;
    let config = config_in(dir.path())?;
    let mut keeper = Keeper::open(&config);
    let now = at("2026-11-23T17:00:00Z");
    assert!(confirmed(&keeper.store(&patient("Ana"), &config, now)));
    std::fs::remove_file(dir.path().join("checkins.db-wal"))?;
    let later = now + chrono::Duration::minutes(1);
    assert!(confirmed(&keeper.store(&patient("Ben"), &config, later)));
    // What the desk reads, while the kiosk still runs: both patients.
    let desk = Store::open(&config.checkin.database, config.schedule.tz)?;
    let day = config.schedule.wall_at(now).date();
    assert_eq!(desk.list(day)?.len(), 2);
    let told = keeper.news().unwrap_or_default();
    assert!(told.contains("-wal file) was deleted"), "{told}");
    assert!(told.contains("Every check-in was put back"), "{told}");
    Ok(())
}

#[test]
fn the_purge_keeps_what_this_run_stored_whatever_its_date() -> TestResult {
    let dir = tempfile::tempdir()?;
    let config = config_in(dir.path())?;
    let mut keeper = Keeper::open(&config);
    // Stored while the clock said November...
    let now = at("2026-11-23T17:00:00Z");
    assert!(confirmed(&keeper.store(&patient("Ana"), &config, now)));
    // ...and the clock then jumps a year ahead.
    keeper.daily_purge(&config, at("2027-11-23T17:00:00Z"));
    let desk = Store::open(&config.checkin.database, config.schedule.tz)?;
    let day = config.schedule.wall_at(now).date();
    assert_eq!(desk.list(day)?.len(), 1);
    Ok(())
}
