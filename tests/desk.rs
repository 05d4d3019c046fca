//! What the front desk draws, with a fixed clock, checked against the
//! snapshots in `tests/snapshots/` (characters only; colours are not
//! compared). To accept a changed screen on purpose, run `INSTA_UPDATE=always
//! cargo test --test desk` and review the diff before committing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod console_check;

use std::path::Path;

use chrono::{DateTime, Utc};
use kiosk::config::Config;
use kiosk::desk::{Desk, Msg};
use kiosk::store::{CheckinId, CheckinRecord, Status};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

fn bundled() -> Config {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).unwrap();
    Config::parse(Path::new("kiosk.toml"), &text, dir)
        .unwrap_or_else(|problems| panic!("the bundled kiosk.toml is invalid: {problems:#?}"))
}

/// `hh:mm:ss` on Monday 2026-11-23 in Denver.
fn at(time: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("2026-11-23T{time}-07:00"))
        .unwrap()
        .to_utc()
}

fn record(
    ticket: u32,
    checked_in: &str,
    status: (Status, &str),
    fields: &[(&str, &str)],
) -> CheckinRecord {
    let checked_in = at(checked_in);
    CheckinRecord {
        language: "en".into(),
        id: CheckinId(i64::from(ticket)),
        ticket,
        checked_in_at: checked_in,
        local_date: checked_in
            .with_timezone(&chrono_tz::America::Denver)
            .date_naive(),
        status: status.0,
        status_changed_at: at(status.1),
        fields: fields
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect(),
        identity: String::new(),
        repeats: 0,
        last_repeat_at: None,
        source: kiosk::store::Source::Kiosk,
    }
}

/// Four check-ins on Monday morning, the last one just arrived (so it is
/// highlighted as new).
fn four() -> Vec<CheckinRecord> {
    vec![
        record(
            1,
            "09:02:00",
            (Status::Seen, "09:40:00"),
            &[("first_name", "José"), ("last_name", "García")],
        ),
        // A form without first_name / last_name: the first field is the name.
        record(
            2,
            "09:41:00",
            (Status::Called, "10:31:00"),
            &[("name", "李小龙"), ("phone", "(720) 555-0134")],
        ),
        record(
            3,
            "10:05:00",
            (Status::Waiting, "10:05:00"),
            &[("first_name", "Nguyễn Thị"), ("last_name", "Minh Khai")],
        ),
        record(
            4,
            "10:41:30",
            (Status::Waiting, "10:41:30"),
            &[("first_name", "Zoë"), ("last_name", "O'Brien-Smith")],
        ),
    ]
}

/// A desk at 10:42 that read the first three check-ins a minute ago and all
/// four now.
fn busy_desk() -> Desk {
    let mut records = four();
    let mut desk = Desk::new(&bundled(), at("10:41:00"));
    let newest = records.pop().unwrap();
    desk.update(Msg::Loaded {
        records: records.clone(),
        at: at("10:41:00"),
    });
    records.push(newest);
    let outcome = desk.update(Msg::Loaded {
        records,
        at: at("10:42:00"),
    });
    assert!(!outcome.bell, "someone was already waiting");
    desk
}

fn empty_desk() -> Desk {
    let mut desk = Desk::new(&bundled(), at("08:55:00"));
    desk.update(Msg::Loaded {
        records: Vec::new(),
        at: at("08:55:00"),
    });
    desk
}

fn draw(desk: &Desk, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(desk, frame.area()))
        .unwrap();
    terminal
}

/// The text of the screen, row by row; the cell after a double-width
/// character (which the terminal never shows) is skipped.
fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let symbol = buffer[(x, y)].symbol();
                line.push_str(symbol);
                x += u16::try_from(symbol.width().max(1)).unwrap();
            }
            line
        })
        .collect()
}

fn snapshot(name: &str, desk: &Desk, sizes: &[(u16, u16)]) {
    for &(width, height) in sizes {
        let terminal = draw(desk, width, height);
        console_check::assert_readable(
            terminal.backend().buffer(),
            &format!("{name}_{width}x{height}"),
        );
        insta::with_settings!({ description => format!("{name} at {width}x{height}"), omit_expression => true }, {
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
        });
    }
}

#[test]
fn four_patients() {
    snapshot("desk_queue", &busy_desk(), &[(100, 30), (80, 24)]);
}

#[test]
fn an_empty_queue() {
    snapshot("desk_empty", &empty_desk(), &[(100, 30), (80, 24)]);
}

#[test]
fn wide_names_keep_the_columns_straight() {
    let terminal = draw(&busy_desk(), 100, 30);
    let buffer = terminal.backend().buffer();
    let lines = rows(&terminal);
    let heading = lines
        .iter()
        .position(|l| l.contains("Checked in"))
        .expect("a heading row");
    // The cell where "Checked in" starts, counted in cells, not characters.
    let x = (0..100)
        .find(|&x| {
            (0..10).all(|i| {
                buffer[(x + i, heading as u16)].symbol()
                    == &"Checked in"[usize::from(i)..usize::from(i) + 1]
            })
        })
        .expect("the heading's cells");
    for y in heading + 1..heading + 5 {
        let cell = buffer[(x, y as u16)].symbol();
        assert!(
            cell.chars().all(|c| c.is_ascii_digit()) && !cell.is_empty(),
            "row {y} has {cell:?} where the time starts:\n{}",
            lines.join("\n")
        );
    }
    let text = lines.join("\n");
    for name in [
        "李小龙",
        "Nguyễn Thị Minh Khai",
        "José García",
        "Zoë O'Brien-Smith",
    ] {
        assert!(text.contains(name), "{name} missing:\n{text}");
    }
}

#[test]
fn control_characters_in_names_never_reach_the_screen() {
    let mut desk = Desk::new(&bundled(), at("10:42:00"));
    let evil = record(
        1,
        "10:00:00",
        (Status::Waiting, "10:00:00"),
        &[
            ("first_name", "Evil\u{1b}]52;c;ZZ\u{7}"),
            ("last_name", "\u{9b}31mName\u{202e}"),
        ],
    );
    desk.update(Msg::Loaded {
        records: vec![evil],
        at: at("10:42:00"),
    });
    let text = rows(&draw(&desk, 100, 30)).concat();
    assert!(text.contains("Evil]52;c;ZZ 31mName"), "{text}");
    assert!(!text.chars().any(kiosk::sanitize::is_unsafe));
}

#[test]
fn every_size_draws_without_panicking() {
    let desks = [
        busy_desk(),
        empty_desk(),
        Desk::new(&bundled(), at("10:00:00")),
    ];
    let mut sizes: Vec<(u16, u16)> = (0..=40)
        .flat_map(|w| (0..=15).map(move |h| (w, h)))
        .collect();
    sizes.extend([
        (41, 16),
        (45, 9),
        (60, 20),
        (79, 23),
        (132, 43),
        (400, 120),
        (1, 120),
    ]);
    for desk in &desks {
        for &(w, h) in &sizes {
            let terminal = std::panic::catch_unwind(|| draw(desk, w, h))
                .unwrap_or_else(|_| panic!("drawing the desk at {w}x{h} panicked"));
            if w >= 16 && h >= 1 {
                let text = rows(&terminal).concat();
                assert!(!text.trim().is_empty(), "nothing drawn at {w}x{h}");
            }
        }
    }
}

/// A morning with two patients called José García (told apart by their
/// dates of birth), one added at the desk, and eight others.
fn namesakes_desk() -> Desk {
    let names = [
        ("José", "García", "1962-04-17"),
        ("Ana", "Ruiz", "1990-06-06"),
        ("José", "Garcia", "1985-11-02"),
        ("李小龙", "Lee", "1940-11-27"),
        ("Nguyễn Thị", "Minh Khai", "1978-03-09"),
        ("Zoë", "O'Brien-Smith", "2001-12-24"),
        ("Tom", "Baker", "1955-01-20"),
        ("Maria", "Silva", "1999-09-09"),
    ];
    let statuses = [
        (Status::Seen, "09:40:00"),
        (Status::Called, "10:31:00"),
        (Status::Waiting, ""),
        (Status::Waiting, ""),
        (Status::NoShow, "10:20:00"),
        (Status::Waiting, ""),
        (Status::Waiting, ""),
        (Status::Waiting, ""),
    ];
    let records: Vec<CheckinRecord> = names
        .iter()
        .zip(statuses)
        .enumerate()
        .map(|(i, ((first, last, born), (status, changed)))| {
            let ticket = u32::try_from(i + 1).unwrap();
            let checked_in = format!("09:{:02}:00", 2 + i * 6);
            let changed = if changed.is_empty() {
                checked_in.as_str()
            } else {
                changed
            };
            let mut r = record(
                ticket,
                &checked_in,
                (status, changed),
                &[
                    ("first_name", first),
                    ("last_name", last),
                    ("date_of_birth", born),
                ],
            );
            if ticket == 6 {
                r.source = kiosk::store::Source::Desk;
            }
            r
        })
        .collect();
    let mut desk = Desk::new(&bundled(), at("10:42:00"));
    desk.update(Msg::Loaded {
        records,
        at: at("10:42:00"),
    });
    desk
}

fn keys(desk: &mut Desk, text: &str) {
    for c in text.chars() {
        let code = crossterm::event::KeyCode::Char(c);
        desk.update(Msg::Key(crossterm::event::KeyEvent::from(code)));
    }
}

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

#[test]
fn namesakes_are_marked_and_told_apart_by_birth_date() {
    snapshot("desk_namesakes", &namesakes_desk(), &SIZES);
}

#[test]
fn the_find_line_narrows_the_list() {
    let mut desk = namesakes_desk();
    keys(&mut desk, "/garc");
    snapshot("desk_find", &desk, &SIZES);
}

#[test]
fn the_add_form_asks_the_kiosk_s_questions() {
    let mut desk = namesakes_desk();
    keys(&mut desk, "aAna");
    snapshot("desk_add_form", &desk, &SIZES);
}

#[test]
fn the_summary_of_the_day() {
    let mut desk = namesakes_desk();
    desk.update(Msg::RemovedCount(1));
    keys(&mut desk, "t");
    snapshot("desk_summary", &desk, &SIZES);
}

#[test]
fn a_long_list_scrolls_with_markers_and_keeps_the_called_in_view() {
    let records: Vec<CheckinRecord> = (1..=40)
        .map(|t| {
            let time = format!("{:02}:{:02}:00", 8 + t / 12, (t % 12) * 5);
            let status = if t == 3 {
                Status::Called
            } else {
                Status::Waiting
            };
            let first = format!("Patient{t:02}");
            record(
                t,
                &time,
                (status, &time),
                &[("first_name", &first), ("last_name", "Test")],
            )
        })
        .collect();
    let mut desk = Desk::new(&bundled(), at("11:30:00"));
    desk.update(Msg::Loaded {
        records,
        at: at("11:30:00"),
    });
    for _ in 0..25 {
        desk.update(Msg::Key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Down,
        )));
    }
    let text = rows(&draw(&desk, 80, 24)).join("\n");
    assert!(text.contains("↑ 12 more · #3 called · #1 next"), "{text}");
    assert!(text.contains("↓ 14 more"), "{text}");
    assert!(text.contains("▸   26"), "the selection is in view:\n{text}");
}
