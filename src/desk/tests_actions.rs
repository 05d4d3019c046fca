//! The desk's keys against the stand-in database: calling, marking,
//! undoing, and changes that lose a race with another desk.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use crossterm::event::KeyCode;

use super::tests::{Fake, at, char_key, desk_with, four, key, record, selected_ticket};
use super::*;

#[test]
fn call_takes_the_selected_waiting_patient_or_the_next_in_line() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    // #3 (called) is selected, so the next in line, #2, is called.
    let outcome = desk.update(char_key('c'));
    let change = outcome.save.clone().expect("a change to save");
    assert_eq!((change.ticket, change.new.status), (2, Status::Called));
    assert_eq!(change.expected.status, Status::Waiting);
    assert_eq!(change.new.at, at("10:20"));
    assert!(!change.undo);
    fake.send(&mut desk, char_key('c'));
    assert_eq!(fake.status(2), Status::Called);
    assert_eq!(
        selected_ticket(&desk),
        Some(2),
        "the called patient is selected"
    );
    // Select #4 and press Enter.
    while selected_ticket(&desk) != Some(4) {
        desk.update(key(KeyCode::Down));
    }
    fake.send(&mut desk, key(KeyCode::Enter));
    assert_eq!(fake.status(4), Status::Called);
    let none = fake.send(&mut desk, char_key('c'));
    assert!(none.save.is_none());
    assert_eq!(
        desk.notice().map(|n| n.text.as_str()),
        Some("No one is waiting.")
    );
}

#[test]
fn seen_no_show_and_undo_in_order() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    desk.update(Msg::Tick(at("10:25")));
    fake.send(&mut desk, char_key('s')); // #3: called → seen
    assert_eq!(fake.status(3), Status::Seen);
    assert_eq!(
        desk.notice().map(|n| n.text.as_str()),
        Some("#3 Zoë O'Brien: seen")
    );
    fake.send(&mut desk, char_key('c')); // #2: waiting → called
    fake.send(&mut desk, char_key('n')); // #2: called → no-show
    assert_eq!(fake.status(2), Status::NoShow);
    assert_eq!(desk.undo_depth(), 3);
    fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.status(2), Status::Called);
    fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.status(2), Status::Waiting);
    assert_eq!(
        fake.rows[1].status_changed_at,
        at("09:41"),
        "undo puts back the time too"
    );
    assert_eq!(
        desk.notice().map(|n| n.text.as_str()),
        Some("#2 李小龙: waiting again (undone)")
    );
    fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.status(3), Status::Called);
    let nothing = fake.send(&mut desk, char_key('u'));
    assert!(nothing.save.is_none());
    assert_eq!(
        desk.notice().map(|n| n.text.as_str()),
        Some("Nothing to undo.")
    );
}

#[test]
fn marking_the_same_status_again_only_says_so() {
    let fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    while selected_ticket(&desk) != Some(1) {
        desk.update(key(KeyCode::Down));
    }
    let outcome = desk.update(char_key('s'));
    assert!(outcome.save.is_none() && outcome.redraw);
    assert_eq!(
        desk.notice().map(|n| n.text.as_str()),
        Some("#1 José García is already seen.")
    );
    let empty = &mut desk_with(&Fake::new(Vec::new()));
    assert!(empty.update(char_key('n')).save.is_none());
}

#[test]
fn an_undo_that_no_longer_applies_says_so_and_changes_nothing() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('s')); // #3 seen
    // Someone at another desk marks #3 no-show.
    fake.rows[2].status = Status::NoShow;
    fake.rows[2].status_changed_at = at("10:23");
    fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.status(3), Status::NoShow, "their change stands");
    let notice = desk.notice().expect("a notice");
    assert!(notice.warning);
    assert!(
        notice
            .text
            .starts_with("Can't undo: #3 Zoë O'Brien was changed elsewhere")
    );
    assert_eq!(desk.undo_depth(), 0);
}

#[test]
fn a_change_made_elsewhere_first_is_not_overwritten() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    let change = desk.update(char_key('s')).save.expect("a change");
    fake.rows[2].status = Status::NoShow; // wins the race
    let applied = fake.apply(&change);
    assert!(!applied);
    desk.update(Msg::Saved {
        change,
        result: Ok(applied),
    });
    assert_eq!(fake.status(3), Status::NoShow);
    assert_eq!(desk.undo_depth(), 0, "nothing to undo");
    assert!(
        desk.notice()
            .is_some_and(|n| n.text.starts_with("Not saved: #3"))
    );
}

#[test]
fn a_failed_undo_can_be_tried_again() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('s'));
    let undo = desk.update(char_key('u')).save.expect("an undo");
    assert!(undo.undo);
    desk.update(Msg::Saved {
        change: undo.clone(),
        result: Err("the database is busy".into()),
    });
    assert_eq!(
        desk.notice().map(|n| (n.text.as_str(), n.warning)),
        Some(("Could not save the change: the database is busy", true))
    );
    assert_eq!(desk.update(char_key('u')).save, Some(undo));
}

#[test]
fn the_undo_stack_keeps_the_latest_changes() {
    let mut fake = Fake::new(vec![record(1, "09:00", Status::Waiting, &[])]);
    let mut desk = desk_with(&fake);
    for i in 0..(UNDO_DEPTH + 5) {
        let status = if i % 2 == 0 {
            Status::Seen
        } else {
            Status::NoShow
        };
        let key = if status == Status::Seen { 's' } else { 'n' };
        desk.update(Msg::Tick(at("10:20") + Duration::seconds(i as i64)));
        fake.send(&mut desk, char_key(key));
        // Seen to no-show and back asks first.
        if desk.question().is_some() {
            fake.send(&mut desk, char_key('y'));
        }
    }
    assert_eq!(desk.undo_depth(), UNDO_DEPTH);
}
