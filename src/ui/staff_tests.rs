use chrono::TimeZone;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
}

fn prompt_with(digits: &str) -> PinPrompt {
    let mut prompt = PinPrompt::new(t0());
    for c in digits.chars() {
        prompt.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), t0());
    }
    prompt
}

fn draw(prompt: &PinPrompt, note: Option<StaffNote>, width: u16, height: u16) -> String {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    PinPromptView {
        prompt,
        note,
        words: crate::i18n::english(),
    }
    .render(area, &mut buf);
    let mut out = String::new();
    for y in 0..height {
        let row: String = (0..width)
            .filter_map(|x| buf.cell((x, y)).map(|c| c.symbol().to_string()))
            .collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn the_prompt_at_40_by_12() {
    let prompt = prompt_with("7391");
    let note = Some(StaffNote::WrongPin { left: 3 });
    let expected = [
        "",
        "",
        "   ┏━━━━━━━━━━━━ Staff ━━━━━━━━━━━━━┓",
        "   ┃       Enter the staff PIN      ┃",
        "   ┃             • • • •            ┃",
        "   ┃                                ┃",
        "   ┃    Wrong PIN — 3 tries left    ┃",
        "   ┃                                ┃",
        "   ┃    Enter: OK  ·  Esc: cancel   ┃",
        "   ┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        "",
        "",
    ]
    .map(|line| format!("{line}\n"))
    .concat();
    assert_eq!(draw(&prompt, note, 40, 12), expected);
}

#[test]
fn a_small_box_keeps_the_digits_and_the_note() {
    let prompt = prompt_with("12");
    let note = Some(StaffNote::LockedUntil {
        hour: 15,
        minute: 42,
    });
    let out = draw(&prompt, note, 24, 4);
    assert!(out.contains("• •"), "{out}");
    assert!(out.contains("Locked until 3:42 PM"), "{out}");
    assert!(!out.contains("Enter the"), "{out}");
}

#[test]
fn no_size_panics_or_shows_a_digit() {
    let prompt = prompt_with("73915");
    let notes = [
        None,
        Some(StaffNote::WrongPin { left: 1 }),
        Some(StaffNote::TooShort),
        Some(StaffNote::LockedUntil { hour: 0, minute: 5 }),
    ];
    for width in 0..=40 {
        for height in 0..=15 {
            for note in &notes {
                let out = draw(&prompt, note.clone(), width, height);
                assert!(!out.contains("73915"), "{width}x{height}: {out}");
            }
        }
    }
}

#[test]
fn draws_inside_an_offset_area_only() {
    let prompt = prompt_with("1234");
    let mut buf = Buffer::empty(Rect::new(0, 0, 50, 20));
    let area = Rect::new(10, 5, 30, 9);
    PinPromptView {
        prompt: &prompt,
        note: None,
        words: crate::i18n::english(),
    }
    .render(area, &mut buf);
    for y in 0..20 {
        for x in 0..50 {
            let inside = area.contains(ratatui::layout::Position { x, y });
            let blank = buf.cell((x, y)).is_some_and(|c| c.symbol() == " ");
            assert!(inside || blank, "drew outside at {x},{y}");
        }
    }
    // An area partly off the buffer is clipped, not a panic.
    PinPromptView {
        prompt: &prompt,
        note: None,
        words: crate::i18n::english(),
    }
    .render(Rect::new(45, 15, 30, 9), &mut buf);
}

#[test]
fn a_lock_is_shown_in_the_clinic_zone_rounded_up() {
    let denver = chrono_tz::America::Denver;
    let at = |h, m, s| {
        denver
            .with_ymd_and_hms(2026, 11, 23, h, m, s)
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    };
    assert_eq!(
        StaffNote::locked(at(15, 41, 30), denver),
        StaffNote::LockedUntil {
            hour: 15,
            minute: 42
        }
    );
    assert_eq!(
        StaffNote::locked(at(15, 42, 0), denver),
        StaffNote::LockedUntil {
            hour: 15,
            minute: 42
        }
    );
    assert_eq!(
        StaffNote::locked(at(23, 59, 1), denver).text(crate::i18n::english()),
        "Locked until 12:00 AM"
    );
}
