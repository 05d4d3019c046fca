use ratatui::style::{Modifier, Style};

use super::*;

fn plain(text: &str) -> Vec<Run> {
    vec![(text.to_string(), Style::new())]
}

fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines.iter().map(ToString::to_string).collect()
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    texts(&Wrapper::new(Vec::new(), Vec::new(), width).wrap(&[plain(text)]))
}

#[test]
fn clusters_keep_combining_marks_and_joined_emoji() {
    assert_eq!(clusters("e\u{301}a"), ["e\u{301}", "a"]);
    assert_eq!(clusters("\u{301}x"), ["\u{301}", "x"]);
    let family = "👩\u{200D}👧";
    assert_eq!(clusters(&format!("{family}!")), [family, "!"]);
    assert_eq!(clusters("李小"), ["李", "小"]);
}

#[test]
fn wraps_at_spaces_and_collapses_them() {
    assert_eq!(wrap("one two  three four", 9), ["one two", "three", "four"]);
    assert_eq!(wrap("   lead and trail   ", 40), ["lead and trail"]);
}

#[test]
fn no_break_spaces_hold_words_together() {
    assert_eq!(
        wrap("call (720)\u{a0}242-9756", 14),
        ["call", "(720)\u{a0}242-9756"]
    );
}

#[test]
fn breaks_words_longer_than_the_line() {
    assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
}

#[test]
fn wide_and_combining_characters_count_by_display_width() {
    assert_eq!(wrap("李小龙 李小龙", 6), ["李小龙", "李小龙"]);
    assert_eq!(wrap("李小龙", 4), ["李小", "龙"]);
    assert_eq!(
        wrap("Nguyễn Thị Minh Khai", 10),
        ["Nguyễn Thị", "Minh Khai"]
    );
    assert_eq!(
        wrap("e\u{301}e\u{301}e\u{301}", 2),
        ["e\u{301}e\u{301}", "e\u{301}"]
    );
}

#[test]
fn a_character_wider_than_the_line_is_replaced() {
    assert_eq!(wrap("李a", 1), ["…", "a"]);
}

#[test]
fn prefixes_hang_and_are_dropped_when_there_is_no_room() {
    let first = vec![Span::raw("• ")];
    let rest = vec![Span::raw("  ")];
    let lines = Wrapper::new(first.clone(), rest.clone(), 8).wrap(&[plain("alpha beta gamma")]);
    assert_eq!(texts(&lines), ["• alpha", "  beta", "  gamma"]);
    let lines = Wrapper::new(first, rest, 2).wrap(&[plain("ab cd")]);
    assert_eq!(texts(&lines), ["ab", "cd"]);
}

#[test]
fn styles_carry_across_wrapped_lines() {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let runs = vec![
        ("plain ".to_string(), Style::new()),
        ("bold words here".to_string(), bold),
    ];
    let lines = Wrapper::new(Vec::new(), Vec::new(), 10).wrap(&[runs]);
    assert_eq!(texts(&lines), ["plain bold", "words here"]);
    assert_eq!(lines[1].spans[0].style, bold);
    assert_eq!(lines[0].spans[1].style, bold);
}

#[test]
fn hard_breaks_and_empty_text() {
    let lines = Wrapper::new(Vec::new(), Vec::new(), 20).wrap(&[plain("a"), plain("b")]);
    assert_eq!(texts(&lines), ["a", "b"]);
    assert!(wrap("   ", 10).is_empty());
    assert!(wrap("", 10).is_empty());
}

#[test]
fn width_zero_does_not_loop() {
    assert_eq!(wrap("ab", 0), ["…", "…"]);
}
