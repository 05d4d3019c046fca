#![allow(clippy::panic)]

use super::*;

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";

fn edited(source: &str) -> String {
    with_pin_hash(source, HASH).unwrap_or_else(|e| panic!("{e:?} for:\n{source}"))
}

#[test]
fn an_existing_line_is_replaced_in_place() {
    let source = "# top\n[clinic]\nname = \"C\" # the name\n\n[staff]\n# note\n  pin_hash = \"old\"   # old\nchord = \"ctrl-a s\"\n\n[kiosk]\nslide_seconds = 20\n";
    let expected = source.replace(
        "  pin_hash = \"old\"   # old\n",
        &format!("  pin_hash = \"{HASH}\"\n"),
    );
    assert_eq!(edited(source), expected);
}

#[test]
fn a_line_is_added_under_the_header() {
    let source = "[clinic]\nname = \"C\"\n\n[staff] # staff only\nchord = \"f12\"\n[kiosk]\n";
    let expected = source.replace(
        "[staff] # staff only\n",
        &format!("[staff] # staff only\npin_hash = \"{HASH}\"\n"),
    );
    assert_eq!(edited(source), expected);
}

#[test]
fn a_pin_hash_in_another_table_is_not_touched() {
    // Invalid for the kiosk, but it shows the edit stays inside [staff].
    let source = "[other]\npin_hash = \"x\"\n[staff]\n";
    assert_eq!(
        edited(source),
        format!("[other]\npin_hash = \"x\"\n[staff]\npin_hash = \"{HASH}\"\n")
    );
}

#[test]
fn a_missing_table_is_appended_with_a_note() {
    let source = "[clinic]\nname = \"C\"";
    let out = edited(source);
    assert!(
        out.starts_with("[clinic]\nname = \"C\"\n\n# Staff mode."),
        "{out}"
    );
    assert!(
        out.ends_with(&format!("\n[staff]\npin_hash = \"{HASH}\"\n")),
        "{out}"
    );
    assert_eq!(
        edited(""),
        out.trim_start_matches("[clinic]\nname = \"C\"\n\n")
    );
}

#[test]
fn windows_line_endings_are_kept() {
    let source = "[clinic]\r\nname = \"C\"\r\n[staff]\r\nchord = \"f12\"\r\n";
    assert_eq!(
        edited(source),
        format!(
            "[clinic]\r\nname = \"C\"\r\n[staff]\r\npin_hash = \"{HASH}\"\r\nchord = \"f12\"\r\n"
        )
    );
}

#[test]
fn a_header_on_the_last_line_without_a_newline() {
    assert_eq!(
        edited("[staff]"),
        format!("[staff]\npin_hash = \"{HASH}\"\n")
    );
}

#[test]
fn the_bundled_file_changes_by_one_line() {
    let source = include_str!("../../kiosk.toml");
    let out = edited(source);
    let added: Vec<&str> = out
        .lines()
        .filter(|l| !source.lines().any(|s| s == *l))
        .collect();
    assert_eq!(added, [format!("pin_hash = \"{HASH}\"")]);
    assert_eq!(out.lines().count(), source.lines().count() + 1);
    // Setting it again replaces that line only.
    let again = with_pin_hash(
        &out,
        "$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0$b3RoZXJoYXNo",
    )
    .unwrap_or_default();
    assert_eq!(again.lines().count(), out.lines().count());
}

#[test]
fn places_a_line_scanner_would_get_wrong_are_refused() {
    for source in [
        // `[staff]` inside a multi-line string is not a table.
        "[clinic]\nnote = \"\"\"\n[staff]\n\"\"\"\n",
        // Dotted keys and inline tables are left to a person.
        "staff.chord = \"f12\"\n",
        "staff = { chord = \"f12\" }\n",
        "staff = 3\n",
        // A multi-line value on the pin_hash line.
        "[staff]\npin_hash = \"\"\"\nold\n\"\"\"\n",
    ] {
        assert!(
            matches!(with_pin_hash(source, HASH), Err(EditError::NoSafePlace)),
            "{source}"
        );
    }
}

#[test]
fn a_file_that_is_not_toml_is_refused() {
    assert!(matches!(
        with_pin_hash("[clinic\n", HASH),
        Err(EditError::NotToml(_))
    ));
}

#[test]
fn a_hash_that_would_break_the_quotes_is_refused() {
    assert!(matches!(
        with_pin_hash("[staff]\n", "a\"b"),
        Err(EditError::NoSafePlace)
    ));
}
