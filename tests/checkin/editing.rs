//! Typing, moving, pasting and submitting, one input at a time.

use std::time::Duration;

use chrono::TimeDelta;
use kiosk::checkin::{
    Feedback, FieldKind, FieldSpec, Form, FormHit, FormInput as In, FormOutcome as Out,
};

use crate::now;

fn form() -> Form {
    Form::new(FieldSpec::defaults(), now())
}

fn type_text(form: &mut Form, text: &str) {
    for c in text.chars() {
        form.handle(In::Char(c), now());
    }
}

fn field_text(form: &Form) -> String {
    form.focused_field().map(|f| f.text()).unwrap_or_default()
}

fn cursor(form: &Form) -> (usize, usize) {
    form.focused_field()
        .map(|f| (f.cursor(), f.cursor_column()))
        .unwrap_or_default()
}

fn press(form: &mut Form, inputs: &[In]) {
    for input in inputs {
        form.handle(input.clone(), now());
    }
}

#[test]
fn typing_inserts_at_the_cursor() {
    let mut f = form();
    type_text(&mut f, "Jse");
    press(&mut f, &[In::Left, In::Left]);
    type_text(&mut f, "o");
    assert_eq!(field_text(&f), "Jose");
    press(&mut f, &[In::End, In::Backspace]);
    type_text(&mut f, "é");
    assert_eq!(field_text(&f), "José");
    press(&mut f, &[In::Home, In::Delete]);
    assert_eq!((field_text(&f), cursor(&f)), ("osé".to_string(), (0, 0)));
}

#[test]
fn cursor_counts_characters_and_columns_of_wide_letters() {
    let mut f = form();
    type_text(&mut f, "李小龙");
    assert_eq!(cursor(&f), (3, 6));
    press(&mut f, &[In::Left]);
    assert_eq!(cursor(&f), (2, 4));
    press(&mut f, &[In::Backspace]);
    assert_eq!((field_text(&f), cursor(&f)), ("李龙".to_string(), (1, 2)));
    press(&mut f, &[In::Delete]);
    assert_eq!((field_text(&f), cursor(&f)), ("李".to_string(), (1, 2)));
    press(&mut f, &[In::Right, In::Right]);
    assert_eq!(cursor(&f), (1, 2));
}

#[test]
fn vietnamese_letters_are_one_character_each() {
    let mut f = form();
    type_text(&mut f, "Nguyễn");
    assert_eq!(cursor(&f), (6, 6));
    press(&mut f, &[In::Left, In::Left]);
    assert_eq!(cursor(&f), (4, 4));
    press(&mut f, &[In::Backspace]);
    assert_eq!(field_text(&f), "Nguễn");
    press(&mut f, &[In::Delete]);
    assert_eq!(field_text(&f), "Ngun");
}

#[test]
fn a_combining_accent_moves_and_deletes_with_its_letter() {
    let mut f = form();
    type_text(&mut f, "Jose\u{301}");
    assert_eq!(cursor(&f), (5, 4));
    press(&mut f, &[In::Left]);
    assert_eq!(cursor(&f), (3, 3), "skips over the accent");
    press(&mut f, &[In::Right]);
    assert_eq!(cursor(&f), (5, 4));
    press(&mut f, &[In::Backspace]);
    assert_eq!((field_text(&f), cursor(&f)), ("Jos".to_string(), (3, 3)));
    type_text(&mut f, "e\u{301}");
    press(
        &mut f,
        &[In::Home, In::Right, In::Right, In::Right, In::Delete],
    );
    assert_eq!(field_text(&f), "Jos");
}

#[test]
fn a_lone_accent_at_the_start_never_traps_the_cursor() {
    let mut f = form();
    f.handle(In::Paste("\u{301}ab".into()), now());
    press(&mut f, &[In::Home]);
    assert_eq!(cursor(&f), (0, 0));
    press(&mut f, &[In::Right]);
    assert_eq!(cursor(&f), (2, 1));
    press(&mut f, &[In::Left, In::Left, In::Delete]);
    assert_eq!(field_text(&f), "b");
}

#[test]
fn typed_control_characters_are_never_stored() {
    let mut f = form();
    for c in [
        '\u{1b}', '\u{7}', '\n', '\t', '\u{0}', '\u{9b}', '\u{202e}', '\u{7f}',
    ] {
        assert_eq!(f.handle(In::Char(c), now()), Out::Ignored, "{c:?}");
    }
    assert_eq!(field_text(&f), "");
}

#[test]
fn paste_cleans_and_truncates() {
    let mut f = form();
    f.handle(
        In::Paste("Mary\r\nAnn\tLee\u{1b}[31m\u{7}\u{202e}x".into()),
        now(),
    );
    assert_eq!(field_text(&f), "Mary Ann Lee[31mx");
    assert_eq!(cursor(&f).0, 17);
    press(&mut f, &[In::Home]);
    f.handle(In::Paste("\u{1b}\u{7}\u{202e}".into()), now());
    assert_eq!(
        field_text(&f),
        "Mary Ann Lee[31mx",
        "nothing printable to paste"
    );
    f.handle(In::Paste("x".repeat(100)), now());
    assert_eq!(field_text(&f).chars().count(), 60);
    assert!(field_text(&f).ends_with("Mary Ann Lee[31mx"));
    assert_eq!(cursor(&f).0, 43);
}

#[test]
fn typing_stops_at_max_length() {
    let mut spec = FieldSpec::new("nick", "Nickname", FieldKind::Text);
    spec.max_length = 3;
    let mut f = Form::new(vec![spec], now());
    type_text(&mut f, "李小");
    assert_eq!(f.handle(In::Char('e'), now()), Out::Changed);
    assert_eq!(f.handle(In::Char('x'), now()), Out::Ignored);
    assert_eq!(field_text(&f), "李小e");
}

#[test]
fn tab_and_arrows_move_focus_without_wrapping() {
    let mut f = form();
    assert_eq!(f.handle(In::Prev, now()), Out::Ignored);
    assert_eq!(f.handle(In::Next, now()), Out::Changed);
    assert_eq!(f.focused(), 1);
    press(&mut f, &[In::Next, In::Next]);
    assert_eq!(f.focused(), 2);
    press(&mut f, &[In::Prev]);
    assert_eq!(f.focused(), 1);
}

#[test]
fn leaving_a_field_checks_it_only_if_something_was_typed() {
    let mut f = form();
    press(&mut f, &[In::Next]);
    assert_eq!(f.feedback(0, now()), None);
    press(&mut f, &[In::Next]);
    type_text(&mut f, "13/13/13");
    press(&mut f, &[In::Prev]);
    assert_eq!(
        f.feedback(2, now()),
        Some(Feedback::Error(
            "Date of birth: type it as MM/DD/YYYY, e.g. 04/17/1962".into()
        ))
    );
}

#[test]
fn enter_checks_the_field_and_moves_on() {
    let mut f = form();
    assert_eq!(f.handle(In::Enter, now()), Out::Invalid);
    assert_eq!(f.focused(), 0);
    assert_eq!(
        f.feedback(0, now()),
        Some(Feedback::Error("Please enter your first name.".into()))
    );
    type_text(&mut f, "J");
    assert_eq!(f.feedback(0, now()), None, "typing clears the message");
    type_text(&mut f, "osé");
    assert_eq!(f.handle(In::Enter, now()), Out::Changed);
    assert_eq!(f.focused(), 1);
}

#[test]
fn enter_on_the_last_field_submits_everything() {
    let mut f = form();
    type_text(&mut f, " Zoë ");
    press(&mut f, &[In::Enter]);
    type_text(&mut f, "O'Brien-Smith");
    press(&mut f, &[In::Enter]);
    type_text(&mut f, "4/17/62");
    assert_eq!(
        f.feedback(2, now()),
        Some(Feedback::Understood("Understood as April 17, 1962".into()))
    );
    assert_eq!(
        f.handle(In::Enter, now()),
        Out::Submit(vec![
            ("first_name".into(), "Zoë".into()),
            ("last_name".into(), "O'Brien-Smith".into()),
            ("date_of_birth".into(), "1962-04-17".into()),
        ])
    );
}

#[test]
fn submitting_with_a_problem_focuses_the_first_one() {
    let mut f = form();
    type_text(&mut f, "Zoë");
    press(&mut f, &[In::Next, In::Next]);
    type_text(&mut f, "4/17/62");
    assert_eq!(f.handle(In::Enter, now()), Out::Invalid);
    assert_eq!(f.focused(), 1);
    assert_eq!(
        f.feedback(1, now()),
        Some(Feedback::Error("Please enter your last name.".into()))
    );
    assert_eq!(f.click(FormHit::Next, now()), Out::Invalid);
}

#[test]
fn escape_goes_back_then_cancels() {
    let mut f = form();
    assert_eq!(f.handle(In::Escape, now()), Out::Cancel, "empty form");
    type_text(&mut f, "Zoë");
    press(&mut f, &[In::Next, In::Next]);
    assert_eq!(f.handle(In::Escape, now()), Out::Changed);
    assert_eq!(f.focused(), 1);
    press(&mut f, &[In::Escape]);
    assert_eq!(f.handle(In::Escape, now()), Out::Cancel, "first field");
    let mut g = form();
    press(&mut g, &[In::Next, In::Next]);
    assert_eq!(g.handle(In::Escape, now()), Out::Cancel, "nothing typed");
}

fn choice_form() -> Form {
    let mut spec = FieldSpec::new("visit", "Visit type", FieldKind::Choice);
    spec.choices = vec![
        "New patient".into(),
        "Returning patient".into(),
        "Relative of a patient".into(),
    ];
    Form::new(vec![spec], now())
}

fn chosen(form: &Form) -> Option<usize> {
    form.focused_field().and_then(|f| f.choice())
}

#[test]
fn choices_by_arrow_digit_and_first_letters() {
    let mut f = choice_form();
    assert_eq!(f.handle(In::Enter, now()), Out::Invalid);
    press(&mut f, &[In::Right]);
    assert_eq!(chosen(&f), Some(0));
    assert_eq!(f.feedback(0, now()), None);
    press(&mut f, &[In::Right, In::Right, In::Right]);
    assert_eq!(chosen(&f), Some(2));
    press(&mut f, &[In::Left]);
    assert_eq!(chosen(&f), Some(1));
    press(&mut f, &[In::Char('1')]);
    assert_eq!(chosen(&f), Some(0));
    assert_eq!(f.handle(In::Char('9'), now()), Out::Ignored);
    type_text(&mut f, "rel");
    assert_eq!(chosen(&f), Some(2));
    type_text(&mut f, "n");
    assert_eq!(chosen(&f), Some(0), "no answer starts with \"reln\"");
    press(&mut f, &[In::Backspace]);
    assert_eq!(chosen(&f), None);
    f.handle(In::Paste(" returning\n".into()), now());
    assert_eq!(chosen(&f), Some(1));
    assert_eq!(
        f.handle(In::Enter, now()),
        Out::Submit(vec![("visit".into(), "Returning patient".into())])
    );
}

#[test]
fn clicking_a_choice_chooses_it() {
    let mut f = choice_form();
    let hit = FormHit::Choice {
        field: 0,
        choice: 2,
    };
    assert_eq!(f.click(hit, now()), Out::Changed);
    assert_eq!(chosen(&f), Some(2));
    assert_eq!(f.click(FormHit::Field(5), now()), Out::Ignored);
}

#[test]
fn idle_time_and_the_countdown() {
    let mut f = form();
    let timeout = Duration::from_secs(60);
    let at = |s: i64| now() + TimeDelta::milliseconds(s);
    assert_eq!(f.idle_left(at(0), timeout), timeout);
    assert_eq!(f.countdown(at(49_999), timeout), None);
    assert_eq!(f.countdown(at(50_000), timeout), Some(10));
    assert_eq!(f.countdown(at(52_500), timeout), Some(8));
    assert_eq!(f.countdown(at(59_999), timeout), Some(1));
    assert_eq!(f.countdown(at(60_000), timeout), None);
    assert_eq!(f.idle_left(at(90_000), timeout), Duration::ZERO);
    assert_eq!(f.idle_left(at(-5_000), timeout), timeout);
    f.handle(In::Char('a'), at(55_000));
    assert_eq!(f.countdown(at(60_000), timeout), None);
    assert_eq!(f.idle_left(at(60_000), timeout), Duration::from_secs(55));
    f.clear(at(61_000));
    assert!(f.is_empty());
}
