//! The runtime's side of check-in: the database, opened at start and again
//! if it failed, and the daily purge of old check-ins.

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::app::{Msg, greeting_name};
use crate::config::Config;
use crate::desk::{self, Change};
use crate::store::{NewCheckin, Opened, Status, Store};

/// Holds the check-in database, if it could be opened.
pub struct Keeper {
    store: Option<Store>,
    problem: Option<String>,
    last_purge: Option<NaiveDate>,
}

impl Keeper {
    /// Opens the database; a damaged file is moved aside and a fresh one
    /// started, so check-in keeps working.
    pub fn open(config: &Config) -> Self {
        let mut keeper = Self {
            store: None,
            problem: None,
            last_purge: None,
        };
        keeper.reopen(config);
        keeper
    }

    fn reopen(&mut self, config: &Config) {
        match Store::open_or_quarantine(&config.checkin.database, config.schedule.tz) {
            Ok(Opened { store, quarantined }) => {
                tracing::info!("check-in database open: {}", store.path().display());
                self.store = Some(store);
                self.problem = quarantined.map(|q| {
                    format!(
                        "the check-in database was damaged ({}); it was moved to {} and a new one started",
                        q.reason,
                        q.moved_to.display()
                    )
                });
            }
            Err(e) => {
                self.store = None;
                self.problem = Some(format!("the check-in database cannot be used: {e}"));
            }
        }
        if let Some(problem) = &self.problem {
            tracing::error!("{problem}");
        }
    }

    /// The last thing that went wrong with the database, for staff.
    pub fn problem(&self) -> Option<String> {
        self.problem.clone()
    }

    /// Stores a check-in and returns the app's answer. "Checked in" is
    /// shown only after this returns Ok: the insert is committed with
    /// `synchronous=FULL`.
    pub fn store(&mut self, checkin: &NewCheckin, config: &Config, now: DateTime<Utc>) -> Msg {
        if self.store.is_none() {
            self.reopen(config);
        }
        let window =
            chrono::Duration::from_std(config.checkin.duplicate_window).unwrap_or_default();
        let result = match self.store.as_mut() {
            Some(store) => store
                .insert(checkin, now, window)
                .map(|inserted| (inserted, greeting_name(checkin)))
                .map_err(|e| format!("a check-in could not be saved: {e}")),
            None => Err(self.problem.clone().unwrap_or_default()),
        };
        match &result {
            // The ticket only: names are never logged.
            Ok((inserted, _)) => tracing::info!("check-in stored: {inserted:?}"),
            Err(problem) => tracing::error!("{problem}; the patient was sent to the front desk"),
        }
        Msg::Stored(result)
    }

    /// Today's check-ins for the staff screen.
    pub fn today(&self, config: &Config, now: DateTime<Utc>) -> Msg {
        let today = config.schedule.wall_at(now).date();
        let read = match self.store.as_ref() {
            Some(store) => store.list(today).map_err(|e| e.to_string()),
            None => Err(self.problem.clone().unwrap_or_default()),
        };
        Msg::Desk(match read {
            Ok(records) => desk::Msg::Loaded { records, at: now },
            Err(e) => desk::Msg::LoadFailed(e),
        })
    }

    /// Saves a status change from the staff screen, unless someone else
    /// changed that check-in first.
    pub fn save_status(&mut self, change: Change) -> Msg {
        let result = match self.store.as_mut() {
            Some(store) => store
                .set_status_if(change.id, change.expected, change.new)
                .map_err(|e| e.to_string()),
            None => Err(self.problem.clone().unwrap_or_default()),
        };
        if let Err(e) = &result {
            tracing::error!("a status change could not be saved: {e}");
        }
        Msg::Desk(desk::Msg::Saved { change, result })
    }

    /// The ticket most recently called today, for the "now serving" line.
    pub fn now_serving(&self, config: &Config, now: DateTime<Utc>) -> Option<u32> {
        let today = config.schedule.wall_at(now).date();
        let records = self.store.as_ref()?.list(today).ok()?;
        records
            .iter()
            .filter(|r| r.status == Status::Called)
            .max_by_key(|r| r.status_changed_at)
            .map(|r| r.ticket)
    }

    /// Once a day (clinic time), deletes check-ins older than
    /// `retention_days`.
    pub fn daily_purge(&mut self, config: &Config, now: DateTime<Utc>) {
        let today = config.schedule.wall_at(now).date();
        if self.last_purge == Some(today) {
            return;
        }
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let days = Days::new(u64::from(config.checkin.retention_days));
        let cutoff = today.checked_sub_days(days).unwrap_or(NaiveDate::MIN);
        match store.purge_older_than(cutoff) {
            Ok(deleted) => {
                tracing::info!("purged {deleted} check-ins from before {cutoff}");
                self.last_purge = Some(today);
            }
            Err(e) => {
                tracing::error!("old check-ins could not be purged: {e}");
                self.problem = Some(format!("old check-ins could not be purged: {e}"));
            }
        }
    }
}
