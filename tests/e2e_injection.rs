//! Nothing typed by a patient or read from a file reaches the terminal as a
//! control sequence: ESC, CSI, OSC 0 and 52, C1 controls, BEL, NUL and
//! U+202E planted in kiosk.toml, a slide file and pasted input never appear
//! in the raw bytes the kiosk writes.

#![allow(clippy::expect_used, clippy::panic)]

mod common;

use std::fs;

use common::PtyKiosk;

const AT: &str = "2026-11-23T10:42:00-07:00";

/// TOML escapes for the hostile characters.
const HOSTILE_TOML: &str = r"\u001b]0;pwned\u0007\u001b[31m\u009b32m\u0000\u202e";
/// The same, as raw bytes in a Markdown body (NUL aside: it makes the file
/// binary, which has a test of its own).
const HOSTILE_RAW: &str = "\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\u{9b}33m\u{202e}";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = format!(
        "[clinic]\nname = \"Evil{HOSTILE_TOML}Clinic\"\naddress = [\"1 Main{HOSTILE_TOML} St\"]\n\
         phone = \"555{HOSTILE_TOML}\"\ntimezone = \"America/Denver\"\n\
         [hours]\nmonday = \"09:00-18:00\"\n[[closures]]\ndate = \"2026-11-24\"\nreason = \"Gone{HOSTILE_TOML}\"\n"
    );
    fs::write(dir.path().join("kiosk.toml"), config).expect("config");
    fs::create_dir(dir.path().join("content")).expect("content");
    let slide = format!(
        "+++\ntitle = \"Title{HOSTILE_TOML}Here\"\nsources = [\"Src{HOSTILE_TOML}\"]\n+++\nBody{HOSTILE_RAW}text and {{{{clinic_name}}}}.\n"
    );
    fs::write(dir.path().join("content/010-evil.md"), slide).expect("slide");
    dir
}

fn assert_clean(raw: &[u8]) {
    let text = String::from_utf8_lossy(raw);
    for (what, bad) in [
        ("OSC (ESC ])", "\u{1b}]"),
        ("BEL", "\u{7}"),
        ("NUL", "\u{0}"),
        ("U+202E", "\u{202e}"),
        ("the planted clear-screen", "\u{1b}[2J"),
        ("the planted colour", "\u{1b}[31m"),
    ] {
        assert!(!text.contains(bad), "{what} reached the terminal");
    }
    let c1 = text.chars().find(|c| ('\u{80}'..='\u{9f}').contains(c));
    assert_eq!(c1, None, "a C1 control reached the terminal");
}

#[test]
fn hostile_text_in_files_and_input_never_reaches_the_terminal() {
    let dir = setup();
    let config = dir.path().join("kiosk.toml");
    let args = [
        "--config",
        config.to_str().expect("path"),
        "run",
        "--at",
        AT,
    ];
    let mut kiosk = PtyKiosk::spawn(args, 100, 30);
    // The sanitised text is drawn...
    kiosk.wait_for_all(&[
        "Evil]0;pwned",
        "Clinic",
        "Title]0;pwned",
        "Body]52;c;SGVsbG8=",
    ]);
    // ...and so is pasted text typed into the check-in form.
    kiosk.send(b"\r");
    kiosk.wait_for_text("First name");
    kiosk.send("\u{1b}[200~Pasted\u{1b}]52;c;QUFB\u{7}\u{9b}31m\u{202e}Name\u{1b}[201~".as_bytes());
    kiosk.wait_for_text("Pasted]52;c;QUFB");
    assert_clean(&kiosk.raw_output());
}
