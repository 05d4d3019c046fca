//! Languages with the real binary in a pseudo-terminal, in a folder of its
//! own (a copy of `tests/fixtures/languages`: English, Spanish, and
//! Vietnamese added as message files only):
//! a patient touches "Español", checks in with a day-first date of birth,
//! and `kiosk checkins list --json` finds the check-in with its language;
//! a third language shows from its files without rebuilding.
//!
//! Every assertion about the screen waits for the text to appear.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use common::{PtyKiosk, Test, fixture, framed};
use serde_json::Value;
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";

struct Site {
    dir: TempDir,
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

impl Site {
    fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("kiosk-e2e-languages-")
            .tempdir()
            .unwrap();
        copy_dir(&fixture("languages"), dir.path());
        Self { dir }
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("kiosk.toml")
    }

    fn run(&self) -> PtyKiosk {
        let args: Vec<OsString> = vec![
            "--config".into(),
            self.config().into(),
            "run".into(),
            "--at".into(),
            MONDAY_OPEN.into(),
        ];
        PtyKiosk::spawn(args, 120, 33)
    }

    fn list(&self) -> Vec<Value> {
        let out = Test::in_dir(self.dir.path())
            .args(["--config".into(), self.config().into_os_string()])
            .args([
                "checkins",
                "list",
                "--demo",
                "--json",
                "--date",
                "2026-11-23",
            ])
            .any_stdout()
            .run();
        serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout))
    }
}

/// Clicks (press and release) on the first cell of `text` on screen.
fn click_on(kiosk: &mut PtyKiosk, text: &str) {
    let screen = kiosk.screen_text();
    let (column, row) = screen
        .lines()
        .enumerate()
        .find_map(|(row, line)| {
            let at = line.find(text)?;
            Some((line[..at].width(), row))
        })
        .unwrap_or_else(|| panic!("{text:?} is not on screen:\n{}", framed(&screen)));
    let (x, y) = (column + 1, row + 1);
    kiosk.send(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
}

#[test]
fn a_patient_checks_in_in_spanish_with_the_day_first() {
    let site = Site::new();
    let mut kiosk = site.run();
    kiosk.wait_for_all(&["OPEN", "Check in: press Enter or tap here", "Español"]);
    click_on(&mut kiosk, "Español");
    kiosk.wait_for_all(&[
        "ABIERTO",
        "Registrarse: pulse Enter o toque aquí",
        "Tiếng Việt",
    ]);
    kiosk.send(b"\r");
    kiosk.wait_for_all(&[
        "Escriba sus datos, por favor.",
        "Nombre",
        "Apellido",
        "DD/MM/AAAA",
    ]);
    kiosk.send("José".as_bytes());
    kiosk.wait_for_text("José");
    kiosk.send(b"\r");
    kiosk.send("Muñoz".as_bytes());
    kiosk.wait_for_text("Muñoz");
    kiosk.send(b"\r");
    kiosk.send(b"05/04/1952");
    kiosk.wait_for_text("Entendido: 5 de abril de 1952");
    kiosk.send(b"\r");
    kiosk.wait_for_all(&[
        "Gracias, José. Ya está en la lista.",
        "Tome asiento, por favor.",
    ]);
    // Done: the next patient finds the kiosk in English again.
    kiosk.wait_for_text("Toque la pantalla o pulse una tecla para seguir.");
    kiosk.send(b" ");
    kiosk.wait_for_all(&["Check in: press Enter or tap here", "Español"]);

    let rows = site.list();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let row = &rows[0];
    assert_eq!(row["language"], "es", "{row:#?}");
    assert_eq!(row["first_name"], "José");
    assert_eq!(row["last_name"], "Muñoz");
    assert_eq!(row["date_of_birth"], "1952-04-05");
}

#[test]
fn a_third_language_added_as_files_shows_without_rebuilding() {
    let site = Site::new();
    let mut kiosk = site.run();
    kiosk.wait_for_all(&["OPEN", "Español"]);
    // F2 twice: Spanish, then Vietnamese (from tests/fixtures/languages/locales/vi).
    kiosk.send(b"\x1bOQ");
    kiosk.wait_for_text("Tiếng Việt");
    kiosk.send(b"\x1bOQ");
    kiosk.wait_for_all(&["MỞ CỬA", "Đăng ký: nhấn Enter hoặc chạm vào đây", "English"]);
    // What Vietnamese lacks shows in English, never as a message id.
    kiosk.wait_for_text("Education, not medical advice.");
    let screen = kiosk.screen_text();
    assert!(!screen.contains("footer-short"), "{}", framed(&screen));
    // Its 24-hour clock, from its own messages.
    assert!(screen.contains("10:42"), "{}", framed(&screen));
    assert!(!screen.contains("10:42 AM"), "{}", framed(&screen));
}
