//! The desk's state machine with a fixed clock and a stand-in for the
//! database that applies changes the way `Store::set_status_if` does.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use crossterm::event::{KeyCode, KeyModifiers};

use super::*;

/// `hh:mm` or `hh:mm:ss` on Monday 2026-11-23 in Denver.
pub fn at(time: &str) -> DateTime<Utc> {
    let time = if time.len() == 5 {
        format!("{time}:00")
    } else {
        time.to_string()
    };
    DateTime::parse_from_rfc3339(&format!("2026-11-23T{time}-07:00"))
        .expect("a valid test time")
        .to_utc()
}

pub fn record(ticket: u32, time: &str, status: Status, fields: &[(&str, &str)]) -> CheckinRecord {
    let checked_in = at(time);
    CheckinRecord {
        language: "en".into(),
        id: CheckinId(i64::from(ticket) * 10),
        ticket,
        checked_in_at: checked_in,
        local_date: checked_in
            .with_timezone(&chrono_tz::America::Denver)
            .date_naive(),
        status,
        status_changed_at: checked_in,
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect(),
        identity: String::new(),
        repeats: 0,
        last_repeat_at: None,
        source: crate::store::Source::Kiosk,
    }
}

pub fn config() -> Config {
    let text = "[clinic]\nname = \"Lakewood Acupuncture\"\ntimezone = \"America/Denver\"\n";
    Config::parse(Path::new("kiosk.toml"), text, Path::new("/srv")).expect("a valid config")
}

pub(crate) fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub(crate) fn char_key(c: char) -> Msg {
    key(KeyCode::Char(c))
}

/// The database, as far as the desk can tell.
pub(crate) struct Fake {
    pub(crate) rows: Vec<CheckinRecord>,
    pub(crate) removed: Vec<CheckinRecord>,
}

impl Fake {
    pub(crate) fn new(rows: Vec<CheckinRecord>) -> Self {
        Self {
            rows,
            removed: Vec::new(),
        }
    }

    pub(crate) fn apply(&mut self, change: &Change) -> bool {
        let Some(row) = self.rows.iter_mut().find(|r| r.id == change.id) else {
            return false;
        };
        if (row.status, row.status_changed_at) != (change.expected.status, change.expected.at) {
            return false;
        }
        row.status = change.new.status;
        row.status_changed_at = change.new.at;
        true
    }

    pub(crate) fn loaded(&self, now: DateTime<Utc>) -> Msg {
        Msg::Loaded {
            records: self.rows.clone(),
            at: now,
        }
    }

    /// Does what the runtime does: update, then save and read again.
    pub(crate) fn send(&mut self, desk: &mut Desk, msg: Msg) -> Outcome {
        let mut outcome = desk.update(msg);
        if let Some(change) = outcome.save.take() {
            let result = Ok(self.apply(&change));
            desk.update(Msg::Saved { change, result });
            let loaded = desk.update(self.loaded(desk.now));
            outcome.redraw = true;
            outcome.bell |= loaded.bell;
        }
        if let Some(change) = outcome.record.take() {
            let result = Ok(self.record(&change));
            desk.update(Msg::Recorded { change, result });
            desk.update(Msg::RemovedCount(self.removed.len()));
            let loaded = desk.update(self.loaded(desk.now));
            outcome.redraw = true;
            outcome.bell |= loaded.bell;
        }
        outcome
    }

    /// Stores a record change as the store would (without duplicates).
    pub(crate) fn record(&mut self, change: &RecordChange) -> Answer {
        match change {
            RecordChange::Add { checkin, at, .. } => {
                let ticket = self
                    .rows
                    .iter()
                    .chain(&self.removed)
                    .map(|r| r.ticket)
                    .max()
                    .unwrap_or(0)
                    + 1;
                let fields: Vec<(&str, &str)> = checkin
                    .fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let mut row = record(ticket, "09:00", Status::Waiting, &fields);
                row.checked_in_at = *at;
                row.status_changed_at = *at;
                row.source = crate::store::Source::Desk;
                self.rows.push(row);
                Answer::Added(crate::store::Inserted::New {
                    ticket,
                    id: CheckinId(i64::from(ticket) * 10),
                })
            }
            RecordChange::Edit { id, old, new, .. } => {
                match self
                    .rows
                    .iter_mut()
                    .find(|r| r.id == *id && r.fields == *old)
                {
                    Some(row) => {
                        row.fields = new.fields.clone();
                        Answer::Done
                    }
                    None => Answer::Stale,
                }
            }
            RecordChange::Remove { id, expected, .. } => {
                let found = self.rows.iter().position(|r| {
                    r.id == *id && (r.status, r.status_changed_at) == (expected.status, expected.at)
                });
                match found {
                    Some(i) => {
                        let row = self.rows.remove(i);
                        self.removed.push(row);
                        Answer::Done
                    }
                    None => Answer::Stale,
                }
            }
            RecordChange::Restore { id, .. } => {
                match self.removed.iter().position(|r| r.id == *id) {
                    Some(i) => {
                        let row = self.removed.remove(i);
                        self.rows.push(row);
                        Answer::Done
                    }
                    None => Answer::Stale,
                }
            }
        }
    }

    pub(crate) fn status(&self, ticket: u32) -> Status {
        self.rows
            .iter()
            .find(|r| r.ticket == ticket)
            .expect("listed")
            .status
    }
}

pub(crate) fn four() -> Vec<CheckinRecord> {
    vec![
        record(
            1,
            "09:02",
            Status::Seen,
            &[("first_name", "José"), ("last_name", "García")],
        ),
        record(
            2,
            "09:41",
            Status::Waiting,
            &[("name", "李小龙"), ("phone", "720")],
        ),
        record(
            3,
            "09:55",
            Status::Called,
            &[("first_name", "Zoë"), ("last_name", "O'Brien")],
        ),
        record(
            4,
            "10:05",
            Status::Waiting,
            &[("last_name", "Nguyễn Thị Minh Khai")],
        ),
    ]
}

/// A desk at 10:20 that has read `rows`.
pub(crate) fn desk_with(fake: &Fake) -> Desk {
    let mut desk = Desk::new(&config(), at("10:20"));
    desk.update(fake.loaded(at("10:20")));
    desk
}

pub(crate) fn selected_ticket(desk: &Desk) -> Option<u32> {
    desk.selected().map(|r| r.ticket)
}

#[test]
fn the_first_list_is_sorted_selected_and_silent() {
    let fake = Fake::new(four());
    let mut desk = Desk::new(&config(), at("10:20"));
    assert!(!desk.is_loaded());
    let outcome = desk.update(fake.loaded(at("10:20")));
    assert_eq!((outcome.redraw, outcome.bell), (true, false));
    let order: Vec<u32> = desk.rows().iter().map(|r| r.ticket).collect();
    assert_eq!(order, [3, 2, 4, 1]);
    assert_eq!(selected_ticket(&desk), Some(3));
    assert!(
        !desk.is_fresh(CheckinId(20)),
        "nothing is new on the first read"
    );
    let again = desk.update(fake.loaded(at("10:20:30")));
    assert_eq!(again, Outcome::default(), "the same list changes nothing");
}

#[test]
fn the_bell_rings_once_when_the_queue_stops_being_empty() {
    let mut fake = Fake::new(vec![record(1, "09:00", Status::Seen, &[])]);
    let mut desk = desk_with(&fake);
    fake.rows.push(record(
        2,
        "10:21",
        Status::Waiting,
        &[("first_name", "李小龙")],
    ));
    let rang = desk.update(fake.loaded(at("10:21")));
    assert!(rang.bell && rang.redraw);
    assert!(
        !desk.update(fake.loaded(at("10:21:01"))).bell,
        "not on every poll"
    );
    fake.rows.push(record(3, "10:22", Status::Waiting, &[]));
    let second = desk.update(fake.loaded(at("10:22")));
    assert!(!second.bell, "the queue was not empty");
    assert!(second.redraw && desk.is_fresh(CheckinId(30)));
    for row in &mut fake.rows {
        row.status = Status::Seen;
    }
    assert!(!desk.update(fake.loaded(at("10:30"))).bell);
    fake.rows.push(record(4, "10:31", Status::Waiting, &[]));
    assert!(
        desk.update(fake.loaded(at("10:31"))).bell,
        "empty again, then not"
    );
}

#[test]
fn undoing_back_to_waiting_does_not_ring() {
    let mut fake = Fake::new(vec![record(1, "10:00", Status::Waiting, &[])]);
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('s'));
    assert_eq!(desk.counts().waiting, 0);
    let undone = fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.status(1), Status::Waiting);
    assert!(!undone.bell, "only a new check-in rings");
    assert!(
        !desk.is_fresh(CheckinId(10)),
        "nor is it highlighted as new"
    );
}

#[test]
fn an_empty_first_list_then_a_check_in_rings_and_selects_it() {
    let mut fake = Fake::new(Vec::new());
    let mut desk = desk_with(&fake);
    assert_eq!(desk.selected(), None);
    fake.rows.push(record(1, "10:20:10", Status::Waiting, &[]));
    assert!(desk.update(fake.loaded(at("10:20:10"))).bell);
    assert_eq!(selected_ticket(&desk), Some(1));
}

#[test]
fn the_first_list_after_midnight_is_not_news() {
    let mut fake = Fake::new(Vec::new());
    let mut desk = desk_with(&fake);
    let tomorrow = at("10:20") + Duration::days(1);
    let mut early = record(1, "10:20", Status::Waiting, &[]);
    early.checked_in_at = tomorrow;
    fake.rows = vec![early];
    let outcome = desk.update(fake.loaded(tomorrow));
    assert!(outcome.redraw && !outcome.bell);
    assert!(!desk.is_fresh(CheckinId(10)));
}

#[test]
fn a_new_row_is_highlighted_for_a_few_seconds() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.rows.push(record(5, "10:20:30", Status::Waiting, &[]));
    desk.update(fake.loaded(at("10:20:30")));
    assert!(desk.is_fresh(CheckinId(50)));
    assert_eq!(desk.next_wake(), at("10:20:35"));
    assert!(!desk.update(Msg::Tick(at("10:20:34"))).redraw);
    assert!(
        desk.update(Msg::Tick(at("10:20:35"))).redraw,
        "the highlight ends"
    );
    assert!(!desk.is_fresh(CheckinId(50)));
    assert_eq!(desk.next_wake(), at("10:21"));
}

#[test]
fn ticks_redraw_only_when_the_minute_changes() {
    let fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    assert!(!desk.update(Msg::Tick(at("10:20:59"))).redraw);
    assert!(desk.update(Msg::Tick(at("10:21:00"))).redraw);
    assert_eq!(desk.next_wake(), at("10:22"));
    assert!(desk.update(Msg::Resize(80, 24)).redraw);
}

#[test]
fn arrows_move_within_the_list_and_the_selection_follows_the_patient() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    assert!(!desk.update(key(KeyCode::Up)).redraw, "already at the top");
    for _ in 0..10 {
        desk.update(key(KeyCode::Down));
    }
    assert_eq!(selected_ticket(&desk), Some(1), "stops at the bottom");
    desk.update(key(KeyCode::Up));
    assert_eq!(selected_ticket(&desk), Some(4));
    fake.rows[3].status = Status::Called; // #4 moves to the top group
    desk.update(fake.loaded(at("10:21")));
    assert_eq!(selected_ticket(&desk), Some(4));
    fake.rows.retain(|r| r.ticket != 4);
    desk.update(fake.loaded(at("10:22")));
    // Now #3, #2, #1: the selection stays second.
    assert_eq!(selected_ticket(&desk), Some(2), "the same place when gone");
}

#[test]
fn quitting_and_failures_to_read() {
    for msg in [
        char_key('q'),
        key(KeyCode::Esc),
        Msg::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Msg::Shutdown,
    ] {
        let mut desk = desk_with(&Fake::new(four()));
        desk.update(msg.clone());
        assert!(!desk.running, "{msg:?}");
    }
    let mut desk = desk_with(&Fake::new(four()));
    assert!(desk.update(Msg::LoadFailed("disk gone".into())).redraw);
    assert!(!desk.update(Msg::LoadFailed("disk gone".into())).redraw);
    assert_eq!(desk.rows().len(), 4, "the last list stays");
}

#[test]
fn the_pin_hook_follows_the_setting() {
    let mut config = config();
    assert!(!require_pin(&config));
    config.desk.desk_pin = true;
    assert!(require_pin(&config));
}

#[test]
fn new_settings_apply_to_the_desk_and_restart_ones_are_reported() {
    let mut desk = Desk::new(&config(), at("10:42"));
    let outcome = desk.update(Msg::Settings {
        clinic: "Lakewood Acupuncture West".into(),
        tz: chrono_tz::America::Phoenix,
        restart: vec!["database"],
    });
    assert!(outcome.redraw);
    assert_eq!(desk.tz, chrono_tz::America::Phoenix);
    assert_eq!(desk.clinic, "Lakewood Acupuncture West");
    let notice = desk.notice().map(|n| n.text.clone()).unwrap_or_default();
    assert!(
        notice.contains("database") && notice.contains("restart"),
        "{notice}"
    );
}
