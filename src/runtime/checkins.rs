//! The runtime's side of check-in: the database, opened at start and again
//! if it failed, and the daily purge of old check-ins. The SQLite file of a
//! single kiosk, or the PostgreSQL server of `[store] url` shared by
//! several (connected again by itself, with a growing pause, while it is
//! away: each check-in meanwhile sends the patient to the front desk and
//! tells staff).

use std::sync::mpsc::{Receiver, Sender};

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::app::{Msg, greeting_name};
use crate::config::Config;
use crate::desk::{self, Change, RecordChange};
use crate::i18n::{english, num};
use crate::store::{
    CheckinId, Checkins, Inserted, NewCheckin, Opened, PgStore, PurgeRules, Recovery, Status,
    Store, StoreError,
};

mod shared;

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
                store.set_actor(&desk::station(config, &english().t("role-kiosk")));
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
            _ => Err(english().f("store-unconfirmed", &[("ticket", num(inserted.ticket()))])),
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
                    None => english().f("store-files-recovered", &[("what", what.into())]),
                    Some(copy) => english().f(
                        "store-files-rescued",
                        &[
                            ("what", what.into()),
                            ("missing", num(missing)),
                            ("copy", copy.display().to_string().into()),
                        ],
                    ),
                }
            }
            Err(e) => {
                self.reopen(config);
                english().f(
                    "store-files-unrecovered",
                    &[
                        ("what", replaced.to_string().into()),
                        ("why", e.to_string().into()),
                    ],
                )
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
    /// not at every poll: it is called at least once a minute, and a database
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
#[path = "checkins_tests.rs"]
mod tests;
