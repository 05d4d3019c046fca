use proptest::prelude::*;
use ratatui::style::{Color, Modifier};

use super::*;

fn texts(md: &str, width: u16) -> Vec<String> {
    render_markdown(md, width)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The style of the span holding `needle`.
fn style_of(lines: &[Line<'_>], needle: &str) -> Option<Style> {
    lines
        .iter()
        .flat_map(|l| l.spans.iter())
        .find(|s| s.content.contains(needle))
        .map(|s| s.style)
}

#[test]
fn headings_are_bold_and_upper_levels_coloured() {
    let lines = render_markdown("# One\n\n## Two\n\n### Three\n\nText", 40);
    assert_eq!(
        texts("# One\n\n## Two\n\n### Three\n\nText", 40),
        ["One", "", "Two", "", "Three", "", "Text"]
    );
    let one = style_of(&lines, "One").unwrap_or_default();
    assert!(
        one.add_modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert_eq!(one.fg, Some(Color::Cyan));
    assert_eq!(
        style_of(&lines, "Two").map(|s| s.fg),
        Some(Some(Color::Cyan))
    );
    let three = style_of(&lines, "Three").unwrap_or_default();
    assert!(three.add_modifier.contains(Modifier::BOLD));
    assert_eq!(three.fg, None);
    assert_eq!(style_of(&lines, "Text"), Some(Style::new()));
}

#[test]
fn paragraphs_are_separated_and_soft_breaks_join() {
    assert_eq!(texts("One\ntwo.\n\nThree.", 40), ["One two.", "", "Three."]);
}

#[test]
fn bold_and_italic_spans() {
    let lines = render_markdown("a **bold** and *it* and ***both***", 40);
    assert_eq!(lines.len(), 1);
    let bold = style_of(&lines, "bold").unwrap_or_default();
    assert!(bold.add_modifier.contains(Modifier::BOLD));
    let it = style_of(&lines, "it").unwrap_or_default();
    assert!(it.add_modifier.contains(Modifier::ITALIC));
    let both = style_of(&lines, "both").unwrap_or_default();
    assert!(
        both.add_modifier
            .contains(Modifier::BOLD | Modifier::ITALIC)
    );
}

#[test]
fn bullet_lists_hang_their_lines() {
    assert_eq!(
        texts(
            "Intro\n\n- one item that wraps over\n- two\n  - nested\n\nAfter",
            16
        ),
        [
            "Intro",
            "",
            "• one item that",
            "  wraps over",
            "• two",
            "  • nested",
            "",
            "After"
        ]
    );
}

#[test]
fn numbered_lists_count_from_their_start() {
    assert_eq!(texts("1. first\n2. second", 40), ["1. first", "2. second"]);
    assert_eq!(
        texts("9. nine\n10. ten is long", 11),
        ["9. nine", "10. ten is", "    long"]
    );
}

#[test]
fn block_quotes_have_a_bar_and_are_italic() {
    let md = "Before\n\n> Quoted words here\n>\n> More";
    assert_eq!(
        texts(md, 14),
        ["Before", "", "│ Quoted words", "│ here", "│", "│ More"]
    );
    let lines = render_markdown(md, 14);
    let quoted = style_of(&lines, "Quoted").unwrap_or_default();
    assert!(quoted.add_modifier.contains(Modifier::ITALIC));
}

#[test]
fn links_images_code_and_html() {
    assert_eq!(
        texts(
            "See [the site](https://x.org), ![a map](m.png), `code` <b>now</b>.",
            80
        ),
        ["See the site, a map, code now."]
    );
    assert_eq!(texts("<div>\nhidden\n</div>\n\nShown", 40), ["Shown"]);
}

#[test]
fn hard_breaks_rules_and_code_blocks() {
    assert_eq!(texts("one\\\ntwo", 40), ["one", "two"]);
    assert_eq!(texts("a\n\n---\n\nb", 5), ["a", "", "─────", "", "b"]);
    assert_eq!(texts("```\nx = 1\ny\n```", 40), ["x = 1", "y"]);
}

#[test]
fn entities_cannot_smuggle_control_characters() {
    let lines = texts("a&#27;[31m b&#x9b; c&#x202e;d &amp;", 40);
    assert_eq!(lines, ["a[31m b cd &"]);
}

#[test]
fn names_from_every_script_wrap_by_display_width() {
    assert_eq!(texts("李小龙 李小龙", 7), ["李小龙", "李小龙"]);
    assert_eq!(texts("李小龙", 3), ["李", "小", "龙"]);
    assert_eq!(
        texts("Nguyễn Thị Minh Khai", 11),
        ["Nguyễn Thị", "Minh Khai"]
    );
    assert_eq!(
        texts("e\u{301}e\u{301}e\u{301}", 1),
        ["e\u{301}", "e\u{301}", "e\u{301}"]
    );
}

#[test]
fn tiny_widths_do_not_panic() {
    assert!(render_markdown("# Hi\n\n- a\n\n> b", 0).is_empty());
    assert_eq!(texts("- ab\n\n> c", 1), ["a", "b", "", "c"]);
    assert_eq!(texts("- ab", 2), ["ab"]);
    assert_eq!(texts("- ab", 3), ["• a", "  b"]);
}

#[test]
fn deep_nesting_drops_prefixes_and_stays_cheap() {
    // Thousands of levels: each event must cost about the same, not
    // grow with the depth.
    assert_eq!(texts(&format!("{}deep", "> ".repeat(5000)), 40), ["deep"]);
    assert_eq!(texts(&format!("{}item", "- ".repeat(3000)), 40), ["item"]);
    assert_eq!(texts("> > > x", 7), ["│ │ │ x"]);
    assert_eq!(texts("> > > x", 6), ["x"]);
}

fn sample_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("李小龙".to_string()),
        Just("Nguyễn Thị Minh Khai".to_string()),
        Just("e\u{301}".to_string()),
        Just("👩\u{200D}👧".to_string()),
        Just("**bold**".to_string()),
        Just("*it*".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n> ".to_string()),
        Just("\n\n".to_string()),
        Just("\n# ".to_string()),
        Just("\\\n".to_string()),
        Just("  ".to_string()),
        "[a-z]{1,30}",
        "\\PC{0,8}",
    ];
    proptest::collection::vec(pieces, 0..30).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn lines_never_exceed_the_width(md in sample_text(), width in 1u16..=60) {
        for line in render_markdown(&md, width) {
            prop_assert!(line.width() <= usize::from(width), "{line:?} at {width}");
        }
    }

    #[test]
    fn any_text_renders_without_panicking(md in "\\PC{0,200}", width in 0u16..=80) {
        for line in render_markdown(&md, width) {
            prop_assert!(line.width() <= usize::from(width));
            let text = line.to_string();
            prop_assert!(!text.chars().any(crate::sanitize::is_unsafe));
        }
    }
}
