//! A stand-in for the check-in database: the runtime's answers to the
//! app's effects, as `runtime/checkins.rs` gives them, with the result
//! (saved, duplicate or changed elsewhere, failed) chosen by the input.

use chrono::{DateTime, Duration, Utc};
use kiosk::app::{Msg, greeting_name};
use kiosk::config::Config;
use kiosk::desk::{self, Change};
use kiosk::store::{CheckinId, CheckinRecord, Inserted, NewCheckin, Status, StatusAt};

use crate::events::{Answer, Record};

#[derive(Default)]
pub struct FakeStore {
    records: Vec<CheckinRecord>,
    next_id: i64,
}

impl FakeStore {
    fn add(
        &mut self,
        config: &Config,
        at: DateTime<Utc>,
        status: Status,
        fields: Vec<(String, String)>,
        identity: String,
    ) -> Inserted {
        let local_date = config.schedule.wall_at(at).date();
        let today = self.records.iter().filter(|r| r.local_date == local_date);
        let ticket = u32::try_from(today.count()).unwrap_or(u32::MAX - 1) + 1;
        self.next_id += 1;
        let id = CheckinId(self.next_id);
        self.records.push(CheckinRecord {
            id,
            ticket,
            checked_in_at: at,
            local_date,
            status,
            status_changed_at: at,
            fields,
            identity,
            repeats: 0,
            last_repeat_at: None,
            source: kiosk::store::Source::Kiosk,
        });
        Inserted::New { ticket, id }
    }

    /// A check-in made elsewhere.
    pub fn external(&mut self, record: &Record, config: &Config, now: DateTime<Utc>) {
        let at = now - Duration::minutes(i64::from(record.minutes_ago));
        let status = Status::ALL[usize::from(record.status) % Status::ALL.len()];
        // Not cleaned: the desk's view must cope with whatever is stored.
        let fields = record.fields.iter().take(8).cloned().collect();
        self.add(config, at, status, fields, String::new());
    }

    /// The answer to `Effect::Store`.
    pub fn store(
        &mut self,
        checkin: &NewCheckin,
        answer: &Answer,
        config: &Config,
        now: DateTime<Utc>,
    ) -> Msg {
        let result = match answer.result {
            0 => {
                // Stored as given (the real store also cleans them).
                let fields = checkin.fields.clone();
                let identity = checkin.identity.clone().unwrap_or_default();
                Ok(self.add(config, now, Status::Waiting, fields, identity))
            }
            1 => Ok(Inserted::Duplicate {
                ticket: answer.ticket,
                id: CheckinId(i64::from(answer.ticket)),
            }),
            _ => Err(answer.problem.clone()),
        };
        Msg::Stored(result.map(|inserted| (inserted, greeting_name(checkin))))
    }

    /// The answer to `Effect::LoadQueue`.
    pub fn today(&self, answer: &Answer, config: &Config, now: DateTime<Utc>) -> Msg {
        if answer.result > 1 {
            return Msg::Desk(desk::Msg::LoadFailed(answer.problem.clone()));
        }
        let today = config.schedule.wall_at(now).date();
        let records = self
            .records
            .iter()
            .filter(|r| r.local_date == today)
            .cloned()
            .collect();
        Msg::Desk(desk::Msg::Loaded { records, at: now })
    }

    /// The answers to `Effect::SaveStatus`: the save, then the list again.
    pub fn save(
        &mut self,
        change: Change,
        answer: &Answer,
        config: &Config,
        now: DateTime<Utc>,
    ) -> [Msg; 2] {
        let result = match answer.result {
            0 => Ok(self.apply(&change)),
            1 => Ok(false),
            _ => Err(answer.problem.clone()),
        };
        let saved = Msg::Desk(desk::Msg::Saved { change, result });
        let list = Answer {
            result: 0,
            ticket: 0,
            problem: String::new(),
        };
        [saved, self.today(&list, config, now)]
    }

    /// Changes the status as `Store::set_status_if` does: only if the
    /// check-in is still as the desk saw it.
    fn apply(&mut self, change: &Change) -> bool {
        let found = self.records.iter_mut().find(|r| r.id == change.id);
        match found {
            Some(r)
                if StatusAt {
                    status: r.status,
                    at: r.status_changed_at,
                } == change.expected =>
            {
                r.status = change.new.status;
                r.status_changed_at = change.new.at;
                true
            }
            _ => false,
        }
    }
}
