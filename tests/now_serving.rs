//! The optional "Now serving" line: a ticket number, never a name, and only
//! when kiosk.toml turns it on.

use std::path::Path;

use chrono::{DateTime, Utc};
use kiosk::app::{App, Msg};
use kiosk::config::Config;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(now_serving: bool) -> App {
    let text = format!(
        "[clinic]\nname = \"Test Clinic\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n\
         [kiosk]\nnow_serving = {now_serving}\n"
    );
    let config = Config::parse(Path::new("kiosk.toml"), &text, Path::new("."));
    let config = config.unwrap_or_else(|e| unreachable!("{e:?}"));
    let now: DateTime<Utc> = "2026-11-23T17:42:00Z".parse().unwrap_or_default();
    App::new(config, now, false).with_size(80, 24)
}

fn screen(app: &App) -> String {
    let Ok(mut terminal) = Terminal::new(TestBackend::new(80, 24));
    let drawn = terminal.draw(|f| f.render_widget(app, f.area()));
    assert!(drawn.is_ok());
    terminal.backend().to_string()
}

#[test]
fn the_called_ticket_shows_when_turned_on() {
    let mut app = app(true);
    assert!(!screen(&app).contains("Now serving"));
    app.update(Msg::NowServing(Some(14)));
    // At 80×24 and up the number has its own band, in large digits.
    let big = screen(&app);
    assert!(big.contains("Now serving"), "{big}");
    assert!(!big.contains("Now serving: 14"), "{big}");
    assert!(app.regions().is_some_and(|r| r.serving.height == 4));
    // Smaller, it stays in the footer's line.
    let small = app.clone().with_size(60, 20);
    let Ok(mut terminal) = Terminal::new(TestBackend::new(60, 20));
    assert!(terminal.draw(|f| f.render_widget(&small, f.area())).is_ok());
    assert!(terminal.backend().to_string().contains("Now serving: 14"));
    app.update(Msg::NowServing(None));
    assert!(!screen(&app).contains("Now serving"));
}

#[test]
fn nothing_shows_when_turned_off() {
    let mut app = app(false);
    app.update(Msg::NowServing(Some(14)));
    assert!(!screen(&app).contains("Now serving"));
}
