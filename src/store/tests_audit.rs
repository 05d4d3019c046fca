//! Check-ins added at the desk, corrections and removals that never
//! overwrite another desk's, and the audit trail of every change.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use chrono::Duration;

use super::tests::{DENVER, TestResult, at, checkin, date, temp_store};
use super::*;

const DAY: &str = "2026-11-23";
const WINDOW: Duration = Duration::minutes(120);

fn state(record: &CheckinRecord) -> StatusAt {
    StatusAt {
        status: record.status,
        at: record.status_changed_at,
    }
}

#[test]
fn the_desk_and_the_kiosk_share_one_ticket_sequence() -> TestResult {
    let (_dir, path, mut kiosk) = temp_store();
    let mut desk = Store::open(&path, DENVER)?;
    desk.set_actor("front desk");
    kiosk.insert(
        &checkin("Ana", "Ruiz", "1960-06-06"),
        at("2026-11-23T09:00:00-07:00"),
        WINDOW,
    )?;
    let walk_in = desk.insert_from(
        &checkin("Ben", "Lee", "1970-01-01"),
        at("2026-11-23T09:01:00-07:00"),
        WINDOW,
        Source::Desk,
    )?;
    assert_eq!(
        walk_in,
        Inserted::New {
            ticket: 2,
            id: walk_in.id()
        }
    );
    let again = desk.insert_from(
        &checkin("ANA", "ruiz", "1960-06-06"),
        at("2026-11-23T09:02:00-07:00"),
        WINDOW,
        Source::Desk,
    )?;
    assert!(
        matches!(again, Inserted::Duplicate { ticket: 1, .. }),
        "{again:?}"
    );
    let list = kiosk.list(date(DAY))?;
    let sources: Vec<(u32, Source)> = list.iter().map(|r| (r.ticket, r.source)).collect();
    assert_eq!(sources, [(1, Source::Kiosk), (2, Source::Desk)]);
    Ok(())
}

#[test]
fn an_edit_applies_once_and_the_second_desk_is_told() -> TestResult {
    let (_dir, path, mut one) = temp_store();
    let mut two = Store::open(&path, DENVER)?;
    one.insert(
        &checkin("Jose", "Garsia", "1980-02-29"),
        at("2026-11-23T09:00:00-07:00"),
        WINDOW,
    )?;
    let seen = one.list(date(DAY))?.remove(0);
    let fixed = checkin("José", "García", "1980-02-29");
    let later = at("2026-11-23T09:05:00-07:00");
    assert!(one.edit_if(seen.id, &seen.fields, &fixed, later, false)?);
    let other = checkin("Josef", "Garsia", "1980-02-29");
    assert!(
        !two.edit_if(seen.id, &seen.fields, &other, later, false)?,
        "stale"
    );
    let now = one.list(date(DAY))?.remove(0);
    assert_eq!(now.field("last_name"), Some("García"));
    assert_eq!(now.identity, fixed.identity.clone().unwrap_or_default());
    // The corrected name is a duplicate of itself now.
    let repeat = one.insert(&fixed, later, WINDOW)?;
    assert!(matches!(repeat, Inserted::Duplicate { .. }));
    Ok(())
}

#[test]
fn a_removed_check_in_leaves_the_list_but_is_kept() -> TestResult {
    let (_dir, path, mut one) = temp_store();
    one.set_actor("desk one");
    let mut two = Store::open(&path, DENVER)?;
    let first = checkin("Ana", "Ruiz", "1960-06-06");
    one.insert(&first, at("2026-11-23T09:00:00-07:00"), WINDOW)?;
    let record = one.list(date(DAY))?.remove(0);
    let when = at("2026-11-23T09:10:00-07:00");
    assert!(one.remove_if(record.id, state(&record), when, false)?);
    assert!(
        !two.remove_if(record.id, state(&record), when, false)?,
        "already"
    );
    assert!(one.list(date(DAY))?.is_empty());
    let removed = one.removed(date(DAY))?;
    assert_eq!(removed.len(), 1);
    assert_eq!(
        (removed[0].removed_at, removed[0].removed_by.as_str()),
        (when, "desk one")
    );
    // Not a duplicate any more, and never changed while removed.
    let called = StatusAt {
        status: Status::Called,
        at: when,
    };
    assert!(!one.set_status_if(record.id, state(&record), called)?);
    let again = one.insert(&first, at("2026-11-23T09:11:00-07:00"), WINDOW)?;
    assert_eq!(again.ticket(), 2, "tickets are never reused");
    assert!(one.restore_if(record.id, when, when, true)?);
    assert!(!two.restore_if(record.id, when, when, true)?);
    assert_eq!(one.list(date(DAY))?.len(), 2);
    Ok(())
}

#[test]
fn every_change_is_in_the_history_with_who_made_it() -> TestResult {
    let (_dir, path, mut kiosk) = temp_store();
    kiosk.set_actor("lobby kiosk");
    let mut desk = Store::open(&path, DENVER)?;
    desk.set_actor("front desk");
    kiosk.insert(
        &checkin("Ana", "Ruiz", "1960-06-06"),
        at("2026-11-23T09:00:00-07:00"),
        WINDOW,
    )?;
    let r = desk.list(date(DAY))?.remove(0);
    let called = StatusAt {
        status: Status::Called,
        at: at("2026-11-23T09:10:00-07:00"),
    };
    assert!(desk.set_status_if(r.id, state(&r), called)?);
    let undone_at = at("2026-11-23T09:11:00-07:00");
    assert!(desk.change_status(r.id, called, state(&r), (undone_at, true))?);
    let fixed = checkin("Ana", "Ruíz", "1960-06-06");
    assert!(desk.edit_if(
        r.id,
        &r.fields,
        &fixed,
        at("2026-11-23T09:12:00-07:00"),
        false
    )?);
    let when = at("2026-11-23T09:13:00-07:00");
    let r = desk.list(date(DAY))?.remove(0);
    assert!(desk.remove_if(r.id, state(&r), when, false)?);
    let history = kiosk.history(date(DAY))?;
    let lines: Vec<(String, AuditAction, bool)> = history
        .into_iter()
        .map(|e| (e.actor, e.action, e.undo))
        .collect();
    let desk_did = |action, undo| ("front desk".to_string(), action, undo);
    assert_eq!(
        lines,
        [
            ("lobby kiosk".to_string(), AuditAction::Add, false),
            desk_did(AuditAction::Status(Status::Waiting, Status::Called), false),
            desk_did(AuditAction::Status(Status::Called, Status::Waiting), true),
            desk_did(
                AuditAction::Edit {
                    key: "last_name".into(),
                    old: "Ruiz".into(),
                    new: "Ruíz".into()
                },
                false
            ),
            desk_did(AuditAction::Remove, false),
        ]
    );
    assert!(kiosk.history(date("2026-11-24"))?.is_empty());
    Ok(())
}
