//! The sign across the room, notices and the number being served, drawn
//! at fixed moments at 80×24, 120×33 and 200×60, against the snapshots in
//! `tests/snapshots/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use kiosk::app::{App, FLASH, Msg};
use kiosk::config::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 33), (200, 60)];

const CLOSURES: &str = "[[closures]]\ndate = \"2026-12-25\"\nreason = \"Christmas Day\"\n";

const SNOW: &str = "[[notices]]\ntext = \"Closed today due to snow. The roads are not safe; please stay home. We will call everyone booked today to find a new time.\"\nfrom = \"2026-11-24 06:00\"\nuntil = \"2026-11-25 00:00\"\ncloses = true\n";

const LATE: &str = "[[notices]]\ntext = \"Dr. Lee is running about 30 minutes late this morning. Thank you for your patience; the front desk can tell you more about your own appointment.\"\nfrom = \"2026-11-23 09:00\"\nuntil = \"2026-11-23 12:00\"\n";

fn config(extra: &str, serving: bool) -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    let text = if serving {
        text.replace("now_serving = false", "now_serving = true")
    } else {
        text
    };
    Config::parse(Path::new("kiosk.toml"), &format!("{text}\n{extra}"), dir)
        .unwrap_or_else(|problems| panic!("invalid: {problems:#?}"))
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().to_utc()
}

fn snapshot(name: &str, app: &App) {
    for (width, height) in SIZES {
        let app = app.clone().with_size(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let name = format!("{name}_{width}x{height}");
        console_check::assert_readable(terminal.backend().buffer(), &name);
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(name, terminal.backend());
        });
    }
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let app = app.clone().with_size(width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&app, f.area())).unwrap();
    terminal.backend().to_string()
}

#[test]
fn big_sign_open() {
    let app = App::new(config("", false), at("2026-11-23T10:42:00-07:00"), false);
    snapshot("big_sign_open", &app);
}

#[test]
fn big_sign_closing_soon() {
    let app = App::new(config("", false), at("2026-11-23T17:45:00-07:00"), false);
    snapshot("big_sign_closing_soon", &app);
}

#[test]
fn big_sign_closed_with_reason() {
    let app = App::new(
        config(CLOSURES, false),
        at("2026-12-25T10:00:00-07:00"),
        false,
    );
    snapshot("big_sign_closed_with_reason", &app);
    let text = screen(&app, 120, 33);
    assert!(
        text.contains("○ CLOSED · Christmas Day · Opens tomorrow at 9:00 AM"),
        "{text}"
    );
}

#[test]
fn big_sign_closed_by_a_notice() {
    let app = App::new(config(SNOW, false), at("2026-11-24T10:00:00-07:00"), false);
    snapshot("big_sign_closed_by_notice", &app);
    // The notice says why, in full, under the sign; the sign does not
    // repeat it.
    let text = screen(&app, 80, 24);
    assert!(text.contains("Closed today due to snow."), "{text}");
    assert!(text.contains("find a new time."), "{text}");
    assert_eq!(text.matches("due to snow").count(), 1, "{text}");
}

#[test]
fn a_long_notice_wraps() {
    let app = App::new(config(LATE, false), at("2026-11-23T10:42:00-07:00"), false);
    snapshot("notice_wrapped", &app);
    for (width, height) in SIZES {
        let text = screen(&app, width, height);
        assert!(
            text.contains("own appointment."),
            "{width}x{height}\n{text}"
        );
    }
}

#[test]
fn a_new_number_served_flashes_then_settles() {
    let mut app = App::new(config("", true), at("2026-11-23T10:42:00-07:00"), false);
    app.update(Msg::NowServing(Some(13)));
    app.update(Msg::NowServing(Some(14)));
    assert!(app.serving_flash());
    snapshot("now_serving_flash", &app);
    let wake = app.next_wake();
    assert_eq!(wake, app.now + FLASH);
    app.update(Msg::Tick(app.now + FLASH));
    assert!(!app.serving_flash());
    let text = screen(&app, 120, 33);
    assert!(text.contains("Now serving"), "{text}");
    assert!(!text.contains("Now calling"), "{text}");
    let _ = Duration::zero();
}

#[test]
fn the_set_up_screen() {
    use kiosk::runtime::fallback::SetUp;
    let shown = SetUp {
        name: Some("Lakewood Acupuncture".into()),
        phone: Some("(720) 242-9756".into()),
    };
    for (width, height) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| f.render_widget(&shown, f.area()))
            .unwrap();
        let name = format!("set_up_{width}x{height}");
        console_check::assert_readable(terminal.backend().buffer(), &name);
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!(name, terminal.backend());
        });
    }
    // Nothing read from the file: the two sentences alone.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| f.render_widget(&SetUp::default(), f.area()))
        .unwrap();
    let text = terminal.backend().to_string();
    assert!(text.contains("This screen is being set up."), "{text}");
    assert!(text.contains("Please see the front desk."), "{text}");
}
