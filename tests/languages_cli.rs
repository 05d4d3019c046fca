//! The command line in other languages, run as a real process with exact
//! output: `kiosk check` on message files and translations, and `--lang`
//! on `status`, `timeline` and `preview`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Test, fixture};
use serde_json::Value;

const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const INVALID: i32 = 2;

#[test]
fn check_lists_message_mistakes_and_untranslated_slides_per_language() {
    let dir = fixture("languages-check");
    let expected = std::fs::read_to_string(dir.join("expected.stderr")).unwrap();
    assert!(
        expected.contains("locales/es/clinica.ftl:4:35"),
        "{expected}"
    );
    assert!(
        expected.contains("uses $numero in es but $ticket in English"),
        "{expected}"
    );
    assert!(
        expected.contains("English has no message checkin-bienvenida"),
        "{expected}"
    );
    assert!(
        expected.contains("warning: this slide has no translation into es"),
        "{expected}"
    );
    Test::in_dir(dir)
        .args(["check", "--config", "kiosk.toml", "--at", MONDAY_OPEN])
        .any_stdout()
        .stderr(expected)
        .status(INVALID)
        .run();
}

#[test]
fn a_complete_translation_checks_clean_but_for_the_missing_slide() {
    Test::in_dir(fixture("languages"))
        .args(["check", "--config", "kiosk.toml", "--at", MONDAY_OPEN])
        .any_stdout()
        .any_stderr()
        .status(0)
        .run();
}

#[test]
fn status_in_spanish() {
    Test::in_dir(fixture("languages"))
        .args([
            "status",
            "--config",
            "kiosk.toml",
            "--at",
            MONDAY_OPEN,
            "--lang",
            "es",
        ])
        .stdout("ABIERTO · cierra a las 6:00 p. m. (en 7 h 18 min)\n")
        .stderr("")
        .status(0)
        .run();
}

#[test]
fn status_json_keeps_its_keys_in_english_and_the_message_in_spanish() {
    let out = Test::in_dir(fixture("languages"))
        .args([
            "status",
            "--config",
            "kiosk.toml",
            "--at",
            MONDAY_OPEN,
            "--lang",
            "es",
            "--json",
        ])
        .any_stdout()
        .stderr("")
        .status(0)
        .run();
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["open"], true);
    assert_eq!(v["closing_soon"], false);
    assert_eq!(v["message"], "Cierra a las 6:00 p. m.");
    assert_eq!(v["language"], "es");
    assert_eq!(v["next_change"], "2026-11-23T18:00:00-07:00");
}

#[test]
fn an_unknown_language_is_refused_with_the_ones_there_are() {
    Test::in_dir(fixture("languages"))
        .args(["status", "--config", "kiosk.toml", "--lang", "xx"])
        .stdout("")
        .stderr("error: there are no messages for the language \"xx\"; use one of en, es, vi, or add locales/xx/ beside kiosk.toml\n")
        .status(INVALID)
        .run();
}

#[test]
fn timeline_in_spanish() {
    let out = Test::in_dir(fixture("languages"))
        .args([
            "timeline",
            "--config",
            "kiosk.toml",
            "--from",
            MONDAY_OPEN,
            "--days",
            "1",
            "--lang",
            "es",
        ])
        .any_stdout()
        .stderr("")
        .status(0)
        .run();
    assert!(
        out.stdout.starts_with(
            "\nlunes, 23 de noviembre\n  10:42 a. m.  ABIERTO · cierra a las 6:00 p. m.\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  6:00 p. m.  CERRADO · abre mañana a las 9:00 a. m.\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn preview_in_spanish_shows_the_translation_beside_the_slide() {
    let out = Test::in_dir(fixture("languages"))
        .args([
            "preview",
            "--config",
            "kiosk.toml",
            "content/010-welcome.md",
            "--lang",
            "es",
            "--at",
            MONDAY_OPEN,
        ])
        .any_stdout()
        .stderr("")
        .status(0)
        .run();
    assert!(
        out.stdout.contains("Bienvenido, y gracias por esperar."),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("Registrarse: pulse Enter o toque aquí"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Welcome"), "{}", out.stdout);
}
