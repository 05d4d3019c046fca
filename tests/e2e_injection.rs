//! Nothing typed by a patient or read from a file reaches the terminal as a
//! control sequence: ESC, CSI, OSC 0 and 52, C1 controls, BEL, NUL and
//! U+202E planted in kiosk.toml, a slide file and pasted input never appear
//! in the raw bytes the kiosk writes.
//!
//! The same payloads are planted in every kind of value kiosk.toml holds
//! (name, address, phone, closure and special-hours reasons, check-in
//! labels and choices), in slide titles, bodies, sources, bad front matter
//! values and a file name, typed and pasted into the check-in form, and
//! typed into the staff message; neither the running kiosk nor `kiosk
//! check`, `preview`, `status` or `timeline` ever writes one.

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

// ---------------------------------------------------------------------------
// The rest of the audit: every payload, every way in.
// ---------------------------------------------------------------------------

/// Every payload, as TOML escapes: OSC 52 (clipboard), OSC 0 (window
/// title), CSI and a planted clear-screen, C1 controls (CSI U+009B, NEL
/// U+0085, OSC U+009D, U+0080, U+009F), BEL, NUL, DEL and U+202E.
const PAYLOAD_TOML: &str = r"\u001b]52;c;SGVsbG8=\u0007\u001b]0;pwned\u0007\u001b[2J\u001b[31m\u009b32m\u0085\u009d0;t\u009c\u0080\u009f\u0000\u007f\u202e";

/// Byte sequences that must never reach the terminal: the payloads as
/// injected, and each C1 control in its UTF-8 form.
/// A short payload for values with a length limit (check-in labels and
/// choices).
const SHORT_TOML: &str = r"\u001b]0;x\u0007\u009b\u202e";

fn forbidden() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = [
        ("OSC 52", &b"\x1b]52;"[..]),
        ("OSC 0", b"\x1b]0;"),
        ("any OSC", b"\x1b]"),
        ("the planted clear-screen", b"\x1b[2J"),
        ("the planted colour", b"\x1b[31m"),
        ("BEL", b"\x07"),
        ("NUL", b"\x00"),
        ("DEL", b"\x7f"),
        ("U+202E", "\u{202e}".as_bytes()),
    ]
    .iter()
    .map(|(name, bytes)| ((*name).to_string(), bytes.to_vec()))
    .collect();
    for c in '\u{80}'..='\u{9f}' {
        let mut buf = [0; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes().to_vec();
        out.push((format!("C1 control U+{:04X}", u32::from(c)), bytes));
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Fails, naming the payload and showing where, if any forbidden sequence
/// is in `raw`.
fn assert_none_of_the_payloads(what: &str, raw: &[u8]) {
    for (name, bytes) in forbidden() {
        if let Some(at) = find(raw, &bytes) {
            let from = at.saturating_sub(40);
            let to = (at + 40).min(raw.len());
            panic!(
                "{name} reached {what}: {:?}",
                String::from_utf8_lossy(&raw[from..to])
            );
        }
    }
}

/// A kiosk folder with the payload in every kind of value `kiosk.toml`
/// holds (name, address, phone, a closure and special hours, check-in
/// labels and choices), a staff PIN, and slides carrying it in the title,
/// body, sources, bad front matter values and a file name.
fn hostile_site(pin_hash: Option<&str>) -> tempfile::TempDir {
    let (p, q) = (PAYLOAD_TOML, SHORT_TOML);
    let dir = tempfile::tempdir().expect("temp dir");
    let staff = pin_hash.map_or(String::new(), |h| format!("[staff]\npin_hash = \"{h}\"\n"));
    let config = format!(
        "[clinic]\nname = \"Evil{p}Clinic\"\naddress = [\"1 Main{p} St\", \"Town{p}\"]\n\
         phone = \"(720) 242-9756{p}\"\ntimezone = \"America/Denver\"\n\
         [hours]\nmonday = \"09:00-18:00\"\ntuesday = \"09:00-18:00\"\n\
         [[closures]]\ndate = \"2026-11-26\"\nreason = \"Gone{p}\"\n\
         [[special_hours]]\ndate = \"2026-11-24\"\nhours = \"09:00-12:00\"\nreason = \"Short{p}\"\n\
         [[checkin.fields]]\nkey = \"first_name\"\nlabel = \"First{q}name\"\nkind = \"text\"\n\
         [[checkin.fields]]\nkey = \"visit\"\nlabel = \"Visit{q}\"\nkind = \"choice\"\n\
         choices = [\"New{q}\", \"Returning\"]\n{staff}"
    );
    fs::write(dir.path().join("kiosk.toml"), config).expect("config");
    let content = dir.path().join("content");
    fs::create_dir(&content).expect("content");
    let good = format!(
        "+++\ntitle = \"Title{p}Here\"\nsources = [\"Src{p}\"]\nduration = 3\n+++\n\
         Body\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\u{9b}33m\u{85}\u{202e}text {{{{clinic_name}}}} {{{{address}}}}.\n\n\
         {{{{week_hours}}}}\n"
    );
    fs::write(content.join("010-evil.md"), good).expect("slide");
    // Each bad value in a file of its own: a slide's first problem hides
    // the rest.
    let bad = [
        ("020-bad-when.md", format!("when = \"open{p}\"")),
        ("021-bad-days.md", format!("days = [\"mon{p}\"]")),
        ("022-bad-time.md", format!("time = \"09:00{p}\"")),
        ("023-bad-review.md", format!("review_by = \"2026{p}\"")),
        ("024-bad-qr.md", format!("qr = \"{p}\"\nduration = \"{p}\"")),
        ("025-bad-key.md", format!("\"surprise{p}\" = 1")),
    ];
    for (file, line) in bad {
        let text = format!("+++\ntitle = \"Bad{p}\"\n{line}\n+++\nBad.\n");
        fs::write(content.join(file), text).expect("slide");
    }
    let raw_syntax = "+++\ntitle = \"Raw\u{1b}]0;raw\u{7}\u{202e}\n+++\nRaw.\n";
    fs::write(content.join("030-raw-syntax.md"), raw_syntax).expect("slide");
    let name = content.join("040-\u{1b}]0;name\u{7}\u{202e}.md");
    fs::write(name, "+++\ntitle = 1\n+++\n").expect("slide");
    dir
}

#[test]
fn kiosk_check_preview_status_and_timeline_print_none_of_the_payloads() {
    let dir = hostile_site(None);
    let config = dir.path().join("kiosk.toml");
    let config = config.to_str().expect("path");
    let slide = dir.path().join("content/010-evil.md");
    let preview = ["preview", slide.to_str().expect("path"), "--width", "80"];
    // Each command, and what it must print of the payload once cleaned (so
    // the payload is known to have gone through it).
    let runs: [(&[&str], &str); 5] = [
        (&["check", "--at", AT], "surprise]52;c;SGVsbG8="),
        (&preview, "Title]52;c;SGVsbG8="),
        (&["status", "--at", AT], "OPEN"),
        (&["status", "--at", AT, "--json"], "\"open\":true"),
        (
            &["timeline", "--from", AT, "--days", "7"],
            "unknown when \"open]52;c;SGVsbG8=",
        ),
    ];
    for (args, cleaned) in runs {
        let out = std::process::Command::new(common::kiosk_bin())
            .args(["--config", config])
            .args(args)
            .output()
            .expect("kiosk runs");
        let what = format!("`kiosk {}`", args.join(" "));
        let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
        assert!(
            String::from_utf8_lossy(&all).contains(cleaned),
            "{what} lacks {cleaned:?}:\n{}",
            String::from_utf8_lossy(&all)
        );
        assert_none_of_the_payloads(&format!("{what}'s output"), &out.stdout);
        assert_none_of_the_payloads(&format!("{what}'s errors"), &out.stderr);
    }
}

#[test]
fn typed_pasted_and_staff_text_never_reaches_the_terminal() {
    use kiosk::staff::{Pin, hash_pin};
    let hash = hash_pin(&Pin::parse("2468").expect("pin")).expect("hash");
    let dir = hostile_site(Some(&hash));
    let config = dir.path().join("kiosk.toml");
    let args = [
        "--config",
        config.to_str().expect("path"),
        "run",
        "--at",
        AT,
    ];
    let mut kiosk = PtyKiosk::spawn(args, 160, 50);
    kiosk.wait_for_all(&[
        "Evil]52;c;SGVsbG8=]0;pwned[2J[31m32m0;tClinic",
        "Body]52;c;",
        "⚠ staff",
    ]);

    // Typed on the check-in form: C1 controls and U+202E as characters,
    // an OSC as keys; then the same pasted.
    kiosk.send(b"\r");
    kiosk.wait_for_text("First]0;xname");
    kiosk.send("Typed\u{9b}31m\u{85}\u{202e}Name".as_bytes());
    kiosk.wait_for_text("Typed31mName");
    kiosk.send(b"\x1b]0;typed\x07\x1b]52;c;QUFB\x07 ");
    kiosk.send(
        "\u{1b}[200~Pasted\u{1b}]52;c;QUFB\u{7}\u{9b}31m\u{202e}\u{0}Text\u{1b}[201~".as_bytes(),
    );
    kiosk.wait_for_text("Pasted]52;c;QUFB31mText");
    kiosk.send(b"\x1b");
    kiosk.wait_for_no_text("Pasted");

    // Staff: the problems found in the slides, then a notice for the
    // waiting room, typed (the notice form takes keys only), saved to
    // kiosk.toml and read back from it.
    kiosk.send(b"\x01s");
    kiosk.wait_for_text("Enter the staff PIN");
    kiosk.send(b"2468\r");
    kiosk.wait_for_all(&["Front desk", "020-bad-when.md"]);
    kiosk.send(b"m");
    kiosk.wait_for_text("Notice for the waiting room");
    kiosk.send("Msg\u{9b}31m\u{202e}\u{85}Here\u{9d}0;x\u{9c}\u{7}Typed".as_bytes());
    kiosk.send(b"\t\t17:00\r");
    kiosk.wait_for_text("Notice saved to kiosk.toml.");
    kiosk.send(b"\x1b");
    kiosk.wait_for_text("Msg31mHere0;xTyped");
    assert!(kiosk.is_running(), "the kiosk stopped");
    assert_none_of_the_payloads("the kiosk's terminal", &kiosk.raw_output());
}
