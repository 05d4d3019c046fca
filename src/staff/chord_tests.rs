#![allow(clippy::panic)]

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, KeyEventKind};

use super::*;

fn t(seconds: f64) -> DateTime<Utc> {
    let base = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    base + TimeDelta::milliseconds((seconds * 1000.0) as i64)
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn ctrl(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn plain(c: char) -> KeyEvent {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

fn chord(text: &str) -> Chord {
    Chord::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn error(text: &str) -> (Range<usize>, String) {
    match Chord::parse(text) {
        Ok(c) => panic!("{text} was accepted as {c}"),
        Err(e) => (e.span, e.message),
    }
}

#[test]
fn the_default_is_ctrl_a_then_s() {
    assert_eq!(chord(DEFAULT_CHORD), Chord::default());
    assert_eq!(Chord::default().to_string(), "ctrl-a s");
}

#[test]
fn chords_are_read_in_any_case_and_written_back_canonically() {
    for (text, canonical) in [
        ("ctrl-a s", "ctrl-a s"),
        ("  CTRL-A   S ", "ctrl-a s"),
        ("Control-a S", "ctrl-a s"),
        ("alt-ctrl-k", "ctrl-alt-k"),
        ("f12", "f12"),
        ("shift-f5 enter", "shift-f5 enter"),
        ("alt-- space", "alt-- space"),
        ("meta-/ 1 2 3", "alt-/ 1 2 3"),
        ("ctrl-a pageup", "ctrl-a pageup"),
    ] {
        assert_eq!(chord(text).to_string(), canonical, "{text}");
    }
}

#[test]
fn mistakes_are_located_within_the_text() {
    assert_eq!(error(""), (0..0, "the chord is empty".into()));
    assert_eq!(error("  "), (0..2, "the chord is empty".into()));
    assert_eq!(error("ctrl-a sx"), (7..9, "unknown key `sx`".into()));
    assert_eq!(
        error("ctl-a s"),
        (0..5, "unknown modifier `ctl` in `ctl-a`".into())
    );
    assert_eq!(
        error("ctrl-ctrl-a"),
        (0..11, "`ctrl` is written twice in `ctrl-ctrl-a`".into())
    );
    assert_eq!(error("ctrl-a shift-s").0, 7..14);
    assert_eq!(error("ctrl-1").1, "`ctrl-1`: ctrl goes only with a letter");
    assert_eq!(error("ctrl-i").1, "`ctrl-i` reaches the kiosk as tab");
    assert_eq!(error("ctrl-m").1, "`ctrl-m` reaches the kiosk as enter");
    assert_eq!(error("ctrl-").1, "`ctrl-` has no key after `-`");
    assert_eq!(error("f13").1, "unknown key `f13`");
    assert_eq!(
        error("s ctrl-a"),
        (
            0..1,
            "the chord starts with `s`, which anyone typing could press".into()
        )
    );
    assert_eq!(
        error("ctrl-a b c d e"),
        (13..14, "a chord has at most 4 keys, not 5".into())
    );
}

#[test]
fn ctrl_a_then_s_within_two_seconds_completes() {
    let mut m = ChordMatcher::new(Chord::default());
    assert_eq!(m.feed(&ctrl('a'), t(0.0)), ChordProgress::Partial);
    assert_eq!(m.feed(&plain('s'), t(2.0)), ChordProgress::Complete);
    // And again, from the start.
    assert_eq!(m.feed(&plain('s'), t(2.5)), ChordProgress::None);
    assert_eq!(m.feed(&ctrl('a'), t(3.0)), ChordProgress::Partial);
    assert_eq!(m.feed(&plain('S'), t(3.1)), ChordProgress::Complete);
}

#[test]
fn too_slow_a_second_key_does_not_complete() {
    let mut m = ChordMatcher::new(Chord::default());
    m.feed(&ctrl('a'), t(0.0));
    assert_eq!(m.feed(&plain('s'), t(2.001)), ChordProgress::None);
}

#[test]
fn another_key_in_between_breaks_the_chord() {
    let mut m = ChordMatcher::new(Chord::default());
    m.feed(&ctrl('a'), t(0.0));
    assert_eq!(m.feed(&plain('x'), t(0.1)), ChordProgress::None);
    assert_eq!(m.feed(&plain('s'), t(0.2)), ChordProgress::None);
    // Ctrl-S is not S.
    m.feed(&ctrl('a'), t(1.0));
    assert_eq!(m.feed(&ctrl('s'), t(1.1)), ChordProgress::None);
}

#[test]
fn a_repeated_first_key_keeps_the_chord_going() {
    let mut m = ChordMatcher::new(Chord::default());
    m.feed(&ctrl('a'), t(0.0));
    m.feed(&ctrl('a'), t(0.5));
    assert_eq!(m.feed(&plain('s'), t(1.0)), ChordProgress::Complete);
    let mut m = ChordMatcher::new(chord("ctrl-a ctrl-a s"));
    for at in [0.0, 0.1, 0.2] {
        assert_eq!(m.feed(&ctrl('a'), t(at)), ChordProgress::Partial);
    }
    assert_eq!(m.feed(&plain('s'), t(0.3)), ChordProgress::Complete);
}

#[test]
fn releases_and_modifier_keys_neither_help_nor_break() {
    let mut m = ChordMatcher::new(Chord::default());
    m.feed(&ctrl('a'), t(0.0));
    let mut release = ctrl('a');
    release.kind = KeyEventKind::Release;
    assert_eq!(m.feed(&release, t(0.1)), ChordProgress::Partial);
    let shift = key(
        KeyCode::Modifier(crossterm::event::ModifierKeyCode::LeftShift),
        KeyModifiers::SHIFT,
    );
    assert_eq!(m.feed(&shift, t(0.2)), ChordProgress::Partial);
    assert_eq!(m.feed(&plain('s'), t(0.3)), ChordProgress::Complete);
}

#[test]
fn named_and_function_keys_match() {
    let mut m = ChordMatcher::new(chord("shift-f5 enter"));
    assert_eq!(
        m.feed(&key(KeyCode::F(5), KeyModifiers::NONE), t(0.0)),
        ChordProgress::None
    );
    let shifted = key(KeyCode::F(5), KeyModifiers::SHIFT);
    assert_eq!(m.feed(&shifted, t(0.1)), ChordProgress::Partial);
    let enter = key(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(m.feed(&enter, t(0.2)), ChordProgress::Complete);
}

#[test]
fn reset_forgets_a_chord_under_way() {
    let mut m = ChordMatcher::new(Chord::default());
    m.feed(&ctrl('a'), t(0.0));
    m.reset();
    assert_eq!(m.feed(&plain('s'), t(0.1)), ChordProgress::None);
}
