//! A real day at the desk, against the stand-in database: namesakes, the
//! find line, adding, correcting and removing patients, questions before
//! rare changes, messages that clear themselves, and the summary.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use crossterm::event::KeyCode;

use super::tests::{Fake, at, char_key, desk_with, four, key, record, selected_ticket};
use super::*;

fn typed(fake: &mut Fake, desk: &mut Desk, text: &str) {
    for c in text.chars() {
        fake.send(desk, char_key(c));
    }
}

fn notice(desk: &Desk) -> String {
    desk.notice().map(|n| n.text.clone()).unwrap_or_default()
}

fn shown(desk: &Desk) -> Vec<u32> {
    desk.shown().iter().map(|r| r.ticket).collect()
}

fn namesakes() -> Vec<CheckinRecord> {
    let mut rows = four();
    rows.push(record(
        5,
        "10:10",
        Status::Waiting,
        &[
            ("first_name", "JOSE"),
            ("last_name", "Garcia"),
            ("date_of_birth", "1990-01-02"),
        ],
    ));
    rows[0]
        .fields
        .push(("date_of_birth".into(), "1962-04-17".into()));
    rows
}

#[test]
fn patients_who_share_a_name_are_marked() {
    let desk = desk_with(&Fake::new(namesakes()));
    assert!(desk.is_namesake(CheckinId(10)) && desk.is_namesake(CheckinId(50)));
    assert!(!desk.is_namesake(CheckinId(20)));
    assert_eq!(desk.namesake_count(), 2);
    assert_eq!(desk.setup.birth_key.as_deref(), Some("date_of_birth"));
}

#[test]
fn find_narrows_the_list_as_you_type_and_esc_shows_all() {
    let mut fake = Fake::new(namesakes());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('/'));
    assert!(matches!(desk.mode(), Mode::Find) && desk.captures_keys());
    typed(&mut fake, &mut desk, "garc");
    assert_eq!(shown(&desk), [5, 1], "queue order kept");
    assert_eq!(selected_ticket(&desk), Some(5), "the selection follows");
    fake.send(&mut desk, key(KeyCode::Down));
    assert_eq!(selected_ticket(&desk), Some(1));
    fake.send(&mut desk, key(KeyCode::Backspace));
    assert_eq!(desk.filter(), "gar");
    fake.send(&mut desk, key(KeyCode::Enter));
    assert!(matches!(desk.mode(), Mode::Queue));
    assert_eq!(shown(&desk), [5, 1], "kept after Enter");
    // The queue's keys work on what is shown; Esc clears before it quits.
    fake.send(&mut desk, key(KeyCode::Up));
    fake.send(&mut desk, char_key('s'));
    assert_eq!(fake.status(5), Status::Seen);
    fake.send(&mut desk, key(KeyCode::Esc));
    assert!(desk.running && desk.filter().is_empty());
    assert_eq!(shown(&desk).len(), 5);
    for (query, tickets) in [
        ("4", vec![4]),
        ("#2", vec![2]),
        ("04/17", vec![1]),
        ("1990", vec![5]),
    ] {
        desk.update(char_key('/'));
        for c in query.chars() {
            desk.update(char_key(c));
        }
        assert_eq!(shown(&desk), tickets, "{query}");
        desk.update(key(KeyCode::Esc));
    }
    desk.update(char_key('/'));
    desk.update(char_key('q'));
    assert!(desk.shown().is_empty() && desk.selected().is_none());
}

#[test]
fn a_walk_in_is_added_with_the_kiosk_s_form_and_can_be_undone() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('a'));
    let Mode::Form(form) = desk.mode() else {
        panic!("no form")
    };
    assert_eq!(form.form.fields().len(), 3, "the configured fields");
    typed(&mut fake, &mut desk, "Ana");
    fake.send(&mut desk, key(KeyCode::Enter));
    typed(&mut fake, &mut desk, "Ruiz");
    fake.send(&mut desk, key(KeyCode::Enter));
    typed(&mut fake, &mut desk, "13/45/1990");
    let invalid = desk.update(key(KeyCode::Enter));
    assert!(invalid.record.is_none(), "checked like the kiosk's");
    for _ in 0..10 {
        desk.update(key(KeyCode::Backspace));
    }
    typed(&mut fake, &mut desk, "6/6/1960");
    let outcome = desk.update(key(KeyCode::Enter));
    let Some(RecordChange::Add {
        checkin, at: when, ..
    }) = outcome.record.clone()
    else {
        panic!("no add: {outcome:?}")
    };
    assert_eq!(checkin.field("date_of_birth"), Some("1960-06-06"));
    assert!(checkin.identity.is_some(), "duplicate detection applies");
    assert_eq!(when, at("10:20"));
    let change = outcome.record.unwrap();
    let answer = fake.record(&change);
    desk.update(Msg::Recorded {
        change,
        result: Ok(answer),
    });
    desk.update(fake.loaded(at("10:20")));
    assert_eq!(notice(&desk), "#5 Ana Ruiz: added");
    assert_eq!(selected_ticket(&desk), Some(5));
    assert!(matches!(desk.mode(), Mode::Queue));
    fake.send(&mut desk, char_key('u'));
    assert!(fake.rows.iter().all(|r| r.ticket != 5), "undone: removed");
    assert_eq!(fake.removed.len(), 1);
    assert_eq!(notice(&desk), "#5 Ana Ruiz: add undone");
}

#[test]
fn an_add_of_someone_already_listed_says_so() {
    let mut desk = desk_with(&Fake::new(four()));
    let change = RecordChange::Add {
        checkin: crate::store::NewCheckin::new(Vec::new(), &["x"]),
        name: "Zoë O'Brien".into(),
        at: at("10:20"),
    };
    let dup = crate::store::Inserted::Duplicate {
        ticket: 3,
        id: CheckinId(30),
    };
    desk.update(Msg::Recorded {
        change,
        result: Ok(Answer::Added(dup)),
    });
    assert_eq!(
        notice(&desk),
        "#3 Zoë O'Brien is already on today's list: nothing added"
    );
    assert_eq!(desk.undo_depth(), 0);
}

#[test]
fn a_mistyped_name_is_corrected_and_a_second_desk_is_told() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    let mut other = desk_with(&fake);
    // #3 Zoë O'Brien is selected on both desks.
    fake.send(&mut desk, char_key('e'));
    other.update(char_key('e'));
    fake.send(&mut desk, key(KeyCode::Tab));
    for _ in 0.."O'Brien".len() {
        fake.send(&mut desk, key(KeyCode::Backspace));
    }
    typed(&mut fake, &mut desk, "O'Brian");
    fake.send(&mut desk, key(KeyCode::Tab));
    typed(&mut fake, &mut desk, "1/2/1990");
    fake.send(&mut desk, key(KeyCode::Enter));
    assert_eq!(notice(&desk), "#3 Zoë O'Brien: corrected");
    assert_eq!(fake.rows[2].field("last_name"), Some("O'Brian"));
    // The other desk saves its own correction of what it read: refused.
    other.update(key(KeyCode::Tab));
    for c in "x".chars() {
        other.update(char_key(c));
    }
    other.update(key(KeyCode::Tab));
    for c in "1/2/1990".chars() {
        other.update(char_key(c));
    }
    let change = other.update(key(KeyCode::Enter)).record.expect("an edit");
    let answer = fake.record(&change);
    assert_eq!(answer, Answer::Stale);
    other.update(Msg::Recorded {
        change,
        result: Ok(answer),
    });
    let told = other.notice().expect("told");
    assert!(
        told.warning && told.text.contains("changed elsewhere"),
        "{}",
        told.text
    );
    assert_eq!(
        fake.rows[2].field("last_name"),
        Some("O'Brian"),
        "theirs stands"
    );
    // Undo puts the old answers back.
    fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.rows[2].field("last_name"), Some("O'Brien"));
    assert!(notice(&desk).ends_with("corrected (undone)"));
}

#[test]
fn removing_asks_first_and_undo_puts_it_back() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('d'));
    assert!(
        desk.question()
            .is_some_and(|q| q.starts_with("Remove #3 Zoë O'Brien"))
    );
    fake.send(&mut desk, char_key('n'));
    assert_eq!(notice(&desk), "Nothing changed.");
    assert_eq!(fake.rows.len(), 4, "n is no here, not no-show");
    assert_eq!(fake.status(3), Status::Called);
    fake.send(&mut desk, char_key('d'));
    fake.send(&mut desk, char_key('y'));
    assert_eq!(fake.removed.len(), 1);
    assert_eq!(desk.rows().len(), 3);
    assert_eq!(desk.summary().removed, 1);
    assert!(notice(&desk).starts_with("#3 Zoë O'Brien: removed"));
    fake.send(&mut desk, char_key('u'));
    assert_eq!(desk.rows().len(), 4);
    assert_eq!(notice(&desk), "#3 Zoë O'Brien: back on the list (undone)");
}

#[test]
fn seen_to_no_show_and_back_asks_once() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    while selected_ticket(&desk) != Some(1) {
        desk.update(key(KeyCode::Down));
    }
    let asked = fake.send(&mut desk, char_key('n'));
    assert!(asked.save.is_none() && asked.redraw);
    assert_eq!(fake.status(1), Status::Seen);
    assert!(
        desk.question()
            .is_some_and(|q| q.contains("is seen. Mark no-show?"))
    );
    fake.send(&mut desk, char_key('y'));
    assert_eq!(fake.status(1), Status::NoShow);
    fake.send(&mut desk, char_key('s'));
    assert!(desk.question().is_some());
    fake.send(&mut desk, char_key('y'));
    assert_eq!(fake.status(1), Status::Seen);
    fake.send(&mut desk, char_key('u'));
    assert_eq!(fake.status(1), Status::NoShow, "undo stays, without asking");
    // Waiting or called patients are marked at once.
    while selected_ticket(&desk) != Some(3) {
        desk.update(key(KeyCode::Up));
    }
    assert!(desk.update(char_key('s')).save.is_some());
}

#[test]
fn messages_clear_themselves_after_a_few_seconds() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('s'));
    assert_eq!(notice(&desk), "#3 Zoë O'Brien: seen");
    assert_eq!(desk.next_wake(), at("10:20:06"));
    assert!(!desk.update(Msg::Tick(at("10:20:05"))).redraw);
    assert!(desk.update(Msg::Tick(at("10:20:06"))).redraw);
    assert!(desk.notice().is_none());
}

#[test]
fn the_summary_opens_and_any_key_closes_it() {
    let mut fake = Fake::new(four());
    let mut desk = desk_with(&fake);
    fake.send(&mut desk, char_key('t'));
    assert!(matches!(desk.mode(), Mode::Summary) && desk.captures_keys());
    let summary = desk.summary();
    assert_eq!(summary.total, 4);
    assert_eq!(summary.per_hour, [(9, 3), (10, 1)]);
    let outcome = fake.send(&mut desk, char_key('s'));
    assert!(outcome.save.is_none(), "the key only closes the summary");
    assert!(matches!(desk.mode(), Mode::Queue));
}
