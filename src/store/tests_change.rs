//! What the front desk relies on: noticing other processes' changes
//! cheaply, and status changes that never overwrite someone else's.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::sync::{Arc, Barrier};

use super::tests::{DENVER, TestResult, at, checkin, date, temp_store};
use super::*;

const DAY: &str = "2026-11-23";

fn first(store: &Store) -> CheckinRecord {
    store.list(date(DAY)).expect("list").remove(0)
}

fn state(record: &CheckinRecord) -> StatusAt {
    StatusAt {
        status: record.status,
        at: record.status_changed_at,
    }
}

#[test]
fn the_change_stamp_moves_only_for_other_connections_commits() -> TestResult {
    let (_dir, path, mut desk) = temp_store();
    let mut kiosk = Store::open(&path, DENVER)?;
    let start = desk.change_stamp()?;
    assert_eq!(desk.change_stamp()?, start, "nothing changed");
    let new = kiosk.insert(
        &checkin("李", "小龙", "1980-11-27"),
        at("2026-11-23T09:41:00-07:00"),
        chrono::Duration::zero(),
    )?;
    let after_insert = desk.change_stamp()?;
    assert_ne!(after_insert, start, "the kiosk's insert is noticed");
    let kiosk_before = kiosk.change_stamp()?;
    desk.set_status(new.id(), Status::Called, at("2026-11-23T09:50:00-07:00"))?;
    assert_eq!(desk.change_stamp()?, after_insert, "its own change is not");
    assert_ne!(
        kiosk.change_stamp()?,
        kiosk_before,
        "but the other side sees it"
    );
    Ok(())
}

#[test]
fn a_guarded_change_applies_once_and_undo_restores_the_time() -> TestResult {
    let (_dir, _path, mut store) = temp_store();
    let checked_in = at("2026-11-23T09:00:00-07:00");
    store.insert(
        &checkin("A", "B", "1999-09-09"),
        checked_in,
        chrono::Duration::zero(),
    )?;
    let before = first(&store);
    let called = StatusAt {
        status: Status::Called,
        // Sub-millisecond parts are dropped the same way on both sides.
        at: at("2026-11-23T09:20:00.123456-07:00"),
    };
    assert!(store.set_status_if(before.id, state(&before), called)?);
    assert!(
        !store.set_status_if(before.id, state(&before), called)?,
        "the status is no longer what the caller saw"
    );
    assert_eq!(first(&store).status, Status::Called);
    assert!(store.set_status_if(before.id, called, state(&before))?);
    let undone = first(&store);
    assert_eq!(state(&undone), state(&before));
    assert_eq!(undone.status_changed_at, checked_in);
    Ok(())
}

#[test]
fn an_undo_never_overwrites_a_newer_change() -> TestResult {
    let (_dir, path, mut desk) = temp_store();
    let mut other = Store::open(&path, DENVER)?;
    desk.insert(
        &checkin("A", "B", "1999-09-09"),
        at("2026-11-23T09:00:00-07:00"),
        chrono::Duration::zero(),
    )?;
    let before = first(&desk);
    let called = StatusAt {
        status: Status::Called,
        at: at("2026-11-23T09:20:00-07:00"),
    };
    assert!(desk.set_status_if(before.id, state(&before), called)?);
    other.set_status(before.id, Status::Seen, at("2026-11-23T09:30:00-07:00"))?;
    assert!(!desk.set_status_if(before.id, called, state(&before))?);
    assert_eq!(first(&desk).status, Status::Seen);
    assert!(!desk.set_status_if(CheckinId(999), called, state(&before))?);
    Ok(())
}

#[test]
fn of_racing_changes_from_two_processes_exactly_one_wins() -> TestResult {
    let (_dir, path, mut store) = temp_store();
    store.insert(
        &checkin("A", "B", "1999-09-09"),
        at("2026-11-23T09:00:00-07:00"),
        chrono::Duration::zero(),
    )?;
    let before = state(&first(&store));
    let id = first(&store).id;
    let barrier = Arc::new(Barrier::new(4));
    let racers: Vec<_> = [Status::Called, Status::Seen, Status::NoShow, Status::Called]
        .into_iter()
        .enumerate()
        .map(|(i, status)| {
            let (path, barrier) = (path.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let mut mine = Store::open(&path, DENVER).expect("open");
                let new = StatusAt {
                    status,
                    at: at("2026-11-23T09:10:00-07:00") + chrono::Duration::seconds(i as i64),
                };
                barrier.wait();
                let won = mine.set_status_if(id, before, new).expect("no error");
                (won, new)
            })
        })
        .collect();
    let results: Vec<(bool, StatusAt)> = racers.into_iter().map(|r| r.join().unwrap()).collect();
    let winners: Vec<StatusAt> = results
        .iter()
        .filter(|(won, _)| *won)
        .map(|(_, s)| *s)
        .collect();
    assert_eq!(winners.len(), 1, "{results:?}");
    assert_eq!(state(&first(&store)), winners[0]);
    Ok(())
}
