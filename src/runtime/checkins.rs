//! The runtime's side of check-in: the database, opened at start and again
//! if it failed, and the daily purge of old check-ins. The SQLite file of a
//! single kiosk, or the PostgreSQL server of `[store] url` shared by
//! several (connected again by itself, with a growing pause, while it is
//! away: each check-in meanwhile sends the patient to the front desk and
//! tells staff).

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::app::{Msg, greeting_name};
use crate::config::Config;
use crate::desk::{self, Change, RecordChange};
use crate::store::{
    CheckinId, Checkins, Inserted, NewCheckin, Opened, PgStore, PurgeRules, Recovery, Source,
    Status, Store, StoreError, new_key,
};
use crate::strings::desk as strings_desk;
use crate::strings::staff as strings;

/// Holds the check-in database, if it could be opened.
pub struct Keeper {
    store: Option<Store>,
    /// The shared server's store, when `[store] url` is set (then `store`
    /// stays `None`).
    shared: Option<PgStore>,
    problem: Option<String>,
    /// Set with `problem` when something new went wrong, until the runtime
    /// takes it to show staff.
    news: bool,
    last_purge: Option<NaiveDate>,
    /// The first check-in this run stored: the purge never deletes it or
    /// any later one, whatever the clock said when they were stored.
    first_stored: Option<CheckinId>,
    /// With a shared store: the change stamp and day at which the number
    /// served was last read, and that number.
    serving: Option<(i64, NaiveDate, Option<u32>)>,
    /// Where a check-in stored on the shared server off the loop's thread
    /// sends its answer (the loop's own channel), so that a slow or hung
    /// server never stops the screen.
    answers: Option<Sender<Msg>>,
    /// The shared store while it is away storing a check-in: it comes back
    /// with the outcome.
    lent: Option<Receiver<(PgStore, Result<Inserted, String>)>>,
}

impl Keeper {
    /// Opens the database; a damaged file is moved aside and a fresh one
    /// started, so check-in keeps working.
    pub fn open(config: &Config) -> Self {
        let mut keeper = Self {
            store: None,
            shared: None,
            problem: None,
            news: false,
            last_purge: None,
            first_stored: None,
            serving: None,
            answers: None,
            lent: None,
        };
        keeper.reopen(config);
        keeper
    }

    fn reopen(&mut self, config: &Config) {
        if let Some(shared) = crate::store_choice::connect_shared(config) {
            self.connect(shared, config);
            return;
        }
        match Store::open_or_quarantine(&config.checkin.database, config.schedule.tz) {
            Ok(Opened { store, quarantined }) => {
                tracing::info!("check-in database open: {}", store.path().display());
                let moved = quarantined.map(|q| match q.reason {
                    StoreError::DamagedWal { .. } => format!(
                        "{}; it was moved to {} and the database kept in use",
                        q.reason,
                        q.moved_to.display()
                    ),
                    _ => format!(
                        "the check-in database was damaged ({}); it was moved to {} and a new one started",
                        q.reason,
                        q.moved_to.display()
                    ),
                });
                // SQLite opens a file it may not write read-only, without an
                // error; say so now rather than at the first patient.
                let read_only = store.is_read_only().then(|| {
                    format!(
                        "check-ins cannot be saved: {}",
                        StoreError::ReadOnly {
                            path: store.path().to_path_buf(),
                            detail: "it could only be opened for reading".into(),
                        }
                    )
                });
                self.problem = match (moved, read_only) {
                    (Some(a), Some(b)) => Some(format!("{a}; {b}")),
                    (a, b) => a.or(b),
                };
                let mut store = store;
                store.set_actor(&desk::station(config, strings_desk::ROLE_KIOSK));
                self.store = Some(store);
            }
            Err(e) => {
                self.store = None;
                self.problem = Some(format!("the check-in database cannot be used: {e}"));
            }
        }
        if let Some(problem) = &self.problem {
            tracing::error!("{problem}");
            self.news = true;
        }
    }

    /// Takes the shared server's store, or says why there is none.
    fn connect(&mut self, shared: Result<PgStore, StoreError>, config: &Config) {
        match shared {
            Ok(mut store) => {
                tracing::info!("check-in store: {}", store.describe());
                store.name_actor(&desk::station(config, strings_desk::ROLE_KIOSK));
                self.shared = Some(store);
                self.problem = None;
            }
            Err(e) => {
                self.shared = None;
                let problem = crate::strings::store::unreachable(&e.to_string());
                tracing::error!("{problem}");
                self.problem = Some(problem);
                self.news = true;
            }
        }
    }

    /// Check-ins on the shared server are then stored off the loop's
    /// thread, their answers sent to `answers` (see [`Keeper::store`]).
    pub fn answer_to(&mut self, answers: Sender<Msg>) {
        self.answers = Some(answers);
    }

    /// Takes the shared store back if it is away storing a check-in:
    /// waiting for it if `wait`, else only if it is back already. Returns
    /// whether it is home (or was never away).
    fn take_back(&mut self, wait: bool) -> bool {
        let Some(lent) = &self.lent else {
            return true;
        };
        let back = if wait {
            lent.recv().ok()
        } else {
            match lent.try_recv() {
                Ok(back) => Some(back),
                Err(TryRecvError::Empty) => return false,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        self.lent = None;
        if let Some((store, result)) = back {
            self.shared = Some(store);
            self.noted(&result);
        }
        true
    }

    /// What a check-in on the shared server leaves for staff and the purge.
    fn noted(&mut self, result: &Result<Inserted, String>) {
        match result {
            Err(problem) => {
                self.problem = Some(problem.clone());
                self.news = true;
            }
            // The server is back: staff no longer need the old problem.
            Ok(_) => self.problem = None,
        }
        if let Ok(Inserted::New { id, .. }) = result {
            self.first_stored.get_or_insert(*id);
        }
    }

    /// The store in use, of either engine.
    fn active(&mut self) -> Option<&mut dyn Checkins> {
        self.take_back(true);
        match (self.shared.as_mut(), self.store.as_mut()) {
            (Some(shared), _) => Some(shared),
            (None, Some(store)) => Some(store),
            (None, None) => None,
        }
    }

    /// Whether the settings name a shared server.
    fn is_shared(config: &Config) -> bool {
        config.store.url.is_some()
    }

    /// A problem that arose since the last call, to show staff.
    pub fn news(&mut self) -> Option<String> {
        self.take_back(false);
        std::mem::take(&mut self.news)
            .then(|| self.problem.clone())
            .flatten()
    }

    /// The last thing that went wrong with the database, for staff.
    pub fn problem(&self) -> Option<String> {
        self.problem.clone()
    }

    /// Stores a check-in and returns the app's answer. "Checked in" is
    /// shown only after this returns Ok: the insert is committed with
    /// `synchronous=FULL` into the files every other program reads (checked
    /// before and after the commit, see [`Keeper::check_files`]).
    pub fn store(&mut self, checkin: &NewCheckin, config: &Config, now: DateTime<Utc>) -> Msg {
        if Self::is_shared(config) {
            return self.store_shared(checkin, config, now);
        }
        self.store_here(checkin, config, now)
    }

    /// Like [`store`](Self::store); with a shared server and a channel for
    /// answers ([`answer_to`](Self::answer_to)), the check-in is stored off
    /// this thread and `None` is returned: its [`Msg::Stored`] arrives on
    /// the channel once the server has answered (the screen says "saving"
    /// meanwhile, and keeps being drawn).
    pub fn store_or_send(
        &mut self,
        checkin: &NewCheckin,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Option<Msg> {
        if !Self::is_shared(config) || self.answers.is_none() {
            return Some(self.store(checkin, config, now));
        }
        // One check-in at a time: a previous one still away is waited for.
        self.take_back(true);
        if self.shared.is_none() {
            self.reopen(config);
        }
        let (Some(answers), Some(mut store)) = (self.answers.clone(), self.shared.take()) else {
            let problem = self.problem.clone().unwrap_or_default();
            return Some(self.answer(Err(problem), checkin));
        };
        let (back, lent) = mpsc::channel();
        self.lent = Some(lent);
        let checkin = checkin.clone();
        let (tz, window) = (config.schedule.tz, duplicate_window(config));
        std::thread::spawn(move || {
            store.use_tz(tz);
            let result = store
                .add(&checkin, &new_key(), now, window, Source::Kiosk)
                .map_err(|e| format!("a check-in could not be saved: {e}"));
            log_outcome(&result);
            let _ = back.send((store, result.clone()));
            let _ = answers.send(Msg::Stored(
                result.map(|inserted| (inserted, greeting_name(&checkin))),
            ));
        });
        None
    }

    fn store_here(&mut self, checkin: &NewCheckin, config: &Config, now: DateTime<Utc>) -> Msg {
        // Opened read-only, or not at all: try again, in case someone has
        // put it right since.
        if self.store.as_ref().is_none_or(Store::is_read_only) {
            self.reopen(config);
        }
        self.check_files(config, now);
        let window =
            chrono::Duration::from_std(config.checkin.duplicate_window).unwrap_or_default();
        let result = match self.store.as_mut() {
            Some(store) => store
                .with_tz(config.schedule.tz)
                .insert(checkin, now, window)
                .map_err(|e| format!("a check-in could not be saved: {e}")),
            None => Err(self.problem.clone().unwrap_or_default()),
        };
        let result = result.and_then(|inserted| self.confirm(inserted, config, now));
        self.answer(result, checkin)
    }

    /// Stores a check-in on the shared server. "Checked in" is shown only
    /// once the commit is known: a lost answer is resolved by the attempt's
    /// key (see [`PgStore::add`]); an unknown outcome sends the patient to
    /// the front desk, where the record is, if it was stored.
    fn store_shared(&mut self, checkin: &NewCheckin, config: &Config, now: DateTime<Utc>) -> Msg {
        self.take_back(true);
        if self.shared.is_none() {
            self.reopen(config);
        }
        let window = duplicate_window(config);
        let key = new_key();
        let result = match self.shared.as_mut() {
            Some(store) => {
                store.use_tz(config.schedule.tz);
                store
                    .add(checkin, &key, now, window, Source::Kiosk)
                    .map_err(|e| format!("a check-in could not be saved: {e}"))
            }
            None => Err(self.problem.clone().unwrap_or_default()),
        };
        self.noted(&result);
        self.answer(result, checkin)
    }

    /// Logs a check-in's outcome and turns it into the app's answer.
    fn answer(&mut self, result: Result<Inserted, String>, checkin: &NewCheckin) -> Msg {
        log_outcome(&result);
        if let Ok(Inserted::New { id, .. }) = result {
            self.first_stored.get_or_insert(id);
        }
        Msg::Stored(result.map(|inserted| (inserted, greeting_name(checkin))))
    }

    /// A committed check-in, confirmed only if it is in the database file
    /// that everyone reads: when the files were replaced during the commit,
    /// after recovering, only if the reopened database holds it.
    fn confirm(
        &mut self,
        inserted: Inserted,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Result<Inserted, String> {
        if !self.check_files(config, now) {
            return Ok(inserted);
        }
        let held = self
            .store
            .as_ref()
            .map(|store| store.holds(inserted.id(), inserted.ticket()));
        match held {
            Some(Ok(true)) => Ok(inserted),
            _ => Err(strings::unconfirmed(inserted.ticket())),
        }
    }

    /// Notices the database's files deleted or replaced under the open
    /// connection and recovers (see [`Store::recover`]); tells staff what
    /// happened. Returns whether they had been replaced.
    pub fn check_files(&mut self, config: &Config, now: DateTime<Utc>) -> bool {
        let Some(store) = self.store.take() else {
            return false;
        };
        let Err(replaced) = store.check_files() else {
            self.store = Some(store);
            return false;
        };
        tracing::error!("{replaced}");
        let told = match store.recover(now) {
            Ok(Recovery {
                store,
                rescue,
                missing,
            }) => {
                self.store = Some(store);
                let what = replaced.to_string();
                match rescue {
                    None => strings::files_recovered(&what),
                    Some(copy) => {
                        strings::files_rescued(&what, missing, &copy.display().to_string())
                    }
                }
            }
            Err(e) => {
                self.reopen(config);
                strings::files_unrecovered(&replaced.to_string(), &e.to_string())
            }
        };
        tracing::error!("{told}");
        self.problem = Some(told);
        self.news = true;
        true
    }

    /// Today's check-ins for the staff screen, and how many were removed.
    pub fn today(&mut self, config: &Config, now: DateTime<Utc>) -> Vec<Msg> {
        let today = config.schedule.wall_at(now).date();
        let problem = self.problem.clone().unwrap_or_default();
        let read = match self.active() {
            Some(store) => store.list(today).map_err(|e| e.to_string()),
            None => Err(problem),
        };
        let removed = self.active().and_then(|s| s.removed(today).ok());
        let list = Msg::Desk(match read {
            Ok(records) => desk::Msg::Loaded { records, at: now },
            Err(e) => desk::Msg::LoadFailed(e),
        });
        let removed = removed.map(|r| Msg::Desk(desk::Msg::RemovedCount(r.len())));
        std::iter::once(list).chain(removed).collect()
    }

    /// Stores a patient added, corrected or removed on the staff screen,
    /// unless someone else changed that check-in first.
    pub fn save_record(
        &mut self,
        change: RecordChange,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Msg {
        self.check_files(config, now);
        let window =
            chrono::Duration::from_std(config.checkin.duplicate_window).unwrap_or_default();
        let problem = self.problem.clone().unwrap_or_default();
        let result = match self.active() {
            Some(store) => {
                store.use_tz(config.schedule.tz);
                desk::record_ops::apply(store, &change, window)
            }
            None => Err(problem),
        };
        if let Err(e) = &result {
            tracing::error!("a change from the staff screen could not be saved: {e}");
        }
        Msg::Desk(desk::Msg::Recorded { change, result })
    }

    /// Saves a status change from the staff screen, unless someone else
    /// changed that check-in first.
    pub fn save_status(&mut self, change: Change, now: DateTime<Utc>) -> Msg {
        let problem = self.problem.clone().unwrap_or_default();
        let result = match self.active() {
            Some(store) => store
                .change_status(change.id, change.expected, change.new, (now, change.undo))
                .map_err(|e| e.to_string()),
            None => Err(problem),
        };
        if let Err(e) = &result {
            tracing::error!("a status change could not be saved: {e}");
        }
        Msg::Desk(desk::Msg::Saved { change, result })
    }

    /// The ticket most recently called today, for the "now serving" line.
    pub fn now_serving(&mut self, config: &Config, now: DateTime<Utc>) -> Option<u32> {
        let today = config.schedule.wall_at(now).date();
        if !self.take_back(false) {
            // The store is away with a check-in: the number stands.
            return self.serving.and_then(|(_, _, serving)| serving);
        }
        if let Some(shared) = self.shared.as_mut() {
            // Listed again only when the server announced a change (or the
            // day turned), not at every poll.
            let stamp = shared.change_stamp().ok()?;
            if let Some((seen, day, serving)) = self.serving
                && seen == stamp
                && day == today
            {
                return serving;
            }
            let serving = serving_in(&shared.list(today).ok()?);
            self.serving = Some((stamp, today, serving));
            return serving;
        }
        let records = self.active()?.list(today).ok()?;
        serving_in(&records)
    }

    /// Once a day (clinic time), deletes check-ins older than
    /// `retention_days`. A purge that fails is tried again the next day,
    /// not at every poll: it is called every two seconds, and a database
    /// that cannot be written would otherwise add a line to the log each
    /// time.
    pub fn daily_purge(&mut self, config: &Config, now: DateTime<Utc>) {
        let today = config.schedule.wall_at(now).date();
        if self.last_purge == Some(today) {
            return;
        }
        let first_stored = self.first_stored;
        if self.active().is_none() {
            return;
        }
        self.last_purge = Some(today);
        let Some(store) = self.active() else {
            return;
        };
        let days = Days::new(u64::from(config.checkin.retention_days));
        let cutoff = today.checked_sub_days(days).unwrap_or(NaiveDate::MIN);
        let rules = PurgeRules {
            keep_from: first_stored,
            trust_clock: false,
        };
        match store.purge_older_than(cutoff, rules) {
            Ok(deleted) => {
                tracing::info!("purged {deleted} check-ins from before {cutoff}");
            }
            // A kiosk whose server role may not delete leaves the purge to
            // the desk (docs/postgres.md): not a problem to report daily.
            Err(StoreError::ReadOnly { .. }) if Self::is_shared(config) => {
                tracing::info!("the purge of old check-ins is left to the desk's role");
            }
            Err(e) => {
                tracing::error!("old check-ins could not be purged: {e}");
                self.problem = Some(format!("old check-ins could not be purged: {e}"));
                self.news = true;
            }
        }
    }
}

/// A check-in's outcome in the log: the ticket only, names never.
fn log_outcome(result: &Result<Inserted, String>) {
    match result {
        Ok(inserted) => tracing::info!("check-in stored: {inserted:?}"),
        Err(problem) => tracing::error!("{problem}; the patient was sent to the front desk"),
    }
}

fn duplicate_window(config: &Config) -> chrono::Duration {
    chrono::Duration::from_std(config.checkin.duplicate_window).unwrap_or_default()
}

/// The ticket most recently called among `records`.
fn serving_in(records: &[crate::store::CheckinRecord]) -> Option<u32> {
    records
        .iter()
        .filter(|r| r.status == Status::Called)
        .max_by_key(|r| r.status_changed_at)
        .map(|r| r.ticket)
}

#[cfg(test)]
mod tests {
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
}
