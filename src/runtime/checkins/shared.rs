//! The keeper's side of the shared PostgreSQL store: connecting, and
//! storing a check-in off the loop's thread so that a slow or silent server
//! never stops the screen.

use std::sync::mpsc::{self, Sender, TryRecvError};

use chrono::{DateTime, Utc};

use super::{Keeper, duplicate_window, log_outcome};
use crate::app::{Msg, greeting_name};
use crate::config::Config;
use crate::desk;
use crate::store::{Checkins, Inserted, NewCheckin, PgStore, Source, StoreError, new_key};

impl Keeper {
    /// Takes the shared server's store, or says why there is none.
    pub(super) fn connect(&mut self, shared: Result<PgStore, StoreError>, config: &Config) {
        match shared {
            Ok(mut store) => {
                tracing::info!("check-in store: {}", store.describe());
                store.name_actor(&desk::station(
                    config,
                    &crate::i18n::english().t("role-kiosk"),
                ));
                self.shared = Some(store);
                self.problem = None;
            }
            Err(e) => {
                self.shared = None;
                let problem = crate::i18n::english()
                    .f("store-unreachable", &[("detail", e.to_string().into())]);
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
    pub(super) fn take_back(&mut self, wait: bool) -> bool {
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
    pub(super) fn noted(&mut self, result: &Result<Inserted, String>) {
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

    /// Stores a check-in on the shared server. "Checked in" is shown only
    /// once the commit is known: a lost answer is resolved by the attempt's
    /// key (see [`PgStore::add`]); an unknown outcome sends the patient to
    /// the front desk, where the record is, if it was stored.
    pub(super) fn store_shared(
        &mut self,
        checkin: &NewCheckin,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Msg {
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
}
