//! `kiosk check` and `kiosk preview` on files that are not what they seem:
//! a link to a secret outside the slides folder, a slide past the size
//! limit, and files that start with a byte-order mark.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;

use common::Test;
use kiosk::slides::load_deck;

const MINIMAL: &str = "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n";
const AT: &str = "2026-11-23T10:42:00-07:00";
const INVALID: i32 = 2;
const SECRET: &str = "db_password = hunter2-very-secret";

#[test]
fn a_link_to_a_secret_outside_the_slides_folder_is_refused_unread() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    fs::write(&secret, format!("{SECRET}\n")).unwrap();
    let out = Test::new()
        .config(MINIMAL)
        .write("content/010-good.md", "+++\ntitle = \"Good\"\n+++\nFine.\n")
        .symlink("content/020-secret.md", &secret)
        .args(["check", "--at", AT])
        .any_stdout()
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(!out.stdout.contains("hunter2"), "{}", out.stdout);
    assert!(!out.stderr.contains("hunter2"), "{}", out.stderr);
    assert!(
        out.stderr.contains("content/020-secret.md")
            && out.stderr.contains("outside the slides folder"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_deck_the_kiosk_logs_never_holds_a_linked_secret() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.md");
    fs::write(&secret, format!("{SECRET}\n")).unwrap();
    let content = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&secret, content.path().join("010-secret.md")).unwrap();
    // A link that stays inside the folder is followed.
    fs::write(
        content.path().join("good.txt"),
        "+++\ntitle = \"Linked\"\n+++\nFine.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("good.txt", content.path().join("020-linked.md")).unwrap();
    let deck = load_deck(content.path());
    assert_eq!(deck.slides.len(), 1);
    assert_eq!(deck.slides[0].title, "Linked");
    assert_eq!(deck.problems.len(), 1);
    let logged = deck.problems[0].to_string();
    assert!(!logged.contains("hunter2"), "{logged}");
}

#[test]
fn a_file_that_is_not_a_slide_is_located_but_not_echoed() {
    let out = Test::new()
        .config(MINIMAL)
        .write("content/010-notes.md", format!("{SECRET}\n"))
        .write(
            "content/020-binary.md",
            b"+++\ntitle = \"B\"\n+++\nsecret \xff\xfe bytes\n",
        )
        .args(["check", "--at", AT])
        .any_stdout()
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(
        out.stderr.contains("content/010-notes.md:1:1"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("content/020-binary.md:4:8"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("hunter2"), "{}", out.stderr);
    assert!(!out.stderr.contains("secret"), "{}", out.stderr);
}

#[test]
fn preview_refuses_a_slide_larger_than_the_kiosk_shows() {
    let body = "Words. ".repeat(50_000);
    let out = Test::new()
        .config(MINIMAL)
        .write(
            "content/010-huge.md",
            format!("+++\ntitle = \"Huge\"\n+++\n{body}\n"),
        )
        .args(["preview", "content/010-huge.md", "--at", AT])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(out.stderr.contains("at most 256 KiB"), "{}", out.stderr);
}

#[test]
fn a_byte_order_mark_is_not_a_column_in_kiosk_toml() {
    let out = Test::new()
        .config(&format!("\u{FEFF}[clinic] x\n{}", &MINIMAL[9..]))
        .args(["check", "--at", AT])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(out.stderr.contains("kiosk.toml:1:10"), "{}", out.stderr);
    assert!(!out.stderr.contains('\u{FEFF}'), "{}", out.stderr);
    let out = Test::new()
        .config(&format!("\u{FEFF}[clinicx]\n{}", &MINIMAL[9..]))
        .args(["check", "--at", AT])
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(out.stderr.contains("kiosk.toml:1:2"), "{}", out.stderr);
}

#[test]
fn a_byte_order_mark_is_not_a_column_in_a_slide() {
    let out = Test::new()
        .config(MINIMAL)
        .write(
            "content/010-bom.md",
            "\u{FEFF}+++ x\ntitle = \"A\"\n+++\nHi.\n",
        )
        .args(["check", "--at", AT])
        .any_stdout()
        .any_stderr()
        .status(INVALID)
        .run();
    assert!(
        out.stderr.contains("content/010-bom.md:1:1"),
        "{}",
        out.stderr
    );
}
