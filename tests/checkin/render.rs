//! The form drawn into a test terminal: snapshots of its states, every small
//! size, and clicks that land on what is drawn.

use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use insta::assert_snapshot;
use kiosk::checkin::{FieldKind, FieldSpec, Form, FormHit, FormInput as In, Keyboard};
use kiosk::ui::{form_hit, render_form};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::now;

const IDLE: Duration = Duration::from_secs(60);

fn buffer(form: &Form, width: u16, height: u16, at: DateTime<Utc>) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    render_form(form, &Keyboard::default(), buf.area, &mut buf, at, IDLE);
    buf
}

/// The form drawn into a test terminal, as text, with the cursor's cell
/// named underneath.
fn screen(form: &Form, width: u16, height: u16, at: DateTime<Utc>) -> String {
    let mut terminal = match Terminal::new(TestBackend::new(width, height)) {
        Ok(terminal) => terminal,
        Err(e) => match e {},
    };
    let drawn = terminal.draw(|frame| {
        let area = frame.area();
        render_form(
            form,
            &Keyboard::default(),
            area,
            frame.buffer_mut(),
            at,
            IDLE,
        );
    });
    assert!(drawn.is_ok());
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut row = String::new();
        let mut hidden = 0;
        for x in 0..width {
            let symbol = buf.cell((x, y)).map_or(" ", |c| c.symbol());
            if hidden == 0 {
                row.push_str(symbol);
            }
            hidden = hidden.max(symbol.width()).saturating_sub(1);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    let cursor: Vec<_> = cells(buf)
        .filter(|(_, _, style)| style.add_modifier.contains(Modifier::REVERSED))
        .map(|(x, y, _)| (x, y))
        .collect();
    out.push_str(&format!("cursor at {cursor:?}\n"));
    out
}

fn cells(buf: &Buffer) -> impl Iterator<Item = (u16, u16, ratatui::style::Style)> + '_ {
    let area = buf.area;
    (area.top()..area.bottom()).flat_map(move |y| {
        (area.left()..area.right()).filter_map(move |x| buf.cell((x, y)).map(|c| (x, y, c.style())))
    })
}

fn type_text(form: &mut Form, text: &str) {
    for c in text.chars() {
        form.handle(In::Char(c), now());
    }
}

fn empty() -> Form {
    Form::new(FieldSpec::defaults(), now())
}

fn typing() -> Form {
    let mut f = empty();
    type_text(&mut f, "李小龙");
    f.handle(In::Enter, now());
    type_text(&mut f, "Nguyễn");
    f.handle(In::Left, now());
    f.handle(In::Left, now());
    f
}

fn with_error() -> Form {
    let mut f = empty();
    type_text(&mut f, "Zoë");
    f.handle(In::Enter, now());
    type_text(&mut f, "O'Brien-Smith");
    f.handle(In::Enter, now());
    type_text(&mut f, "02/30/1990");
    f.handle(In::Enter, now());
    f
}

fn understood() -> Form {
    let mut f = empty();
    type_text(&mut f, "José");
    f.handle(In::Next, now());
    f.handle(In::Next, now());
    type_text(&mut f, "4/17/62");
    f
}

fn idle_at() -> DateTime<Utc> {
    now() + TimeDelta::seconds(53)
}

fn with_choice() -> Form {
    let mut visit = FieldSpec::new("visit", "Visit type", FieldKind::Choice);
    visit.choices = vec![
        "New patient".into(),
        "Returning patient, second visit or later".into(),
    ];
    let mut phone = FieldSpec::new("phone", "Phone", FieldKind::Phone);
    phone.required = false;
    let mut specs = FieldSpec::defaults();
    specs.truncate(1);
    specs.extend([visit, phone]);
    let mut f = Form::new(specs, now());
    type_text(&mut f, "Zoë");
    f.handle(In::Next, now());
    f.handle(In::Char('2'), now());
    f
}

#[test]
fn snapshots_80x24() {
    assert_snapshot!("empty_80x24", screen(&empty(), 80, 24, now()));
    assert_snapshot!("typing_80x24", screen(&typing(), 80, 24, now()));
    assert_snapshot!("error_80x24", screen(&with_error(), 80, 24, now()));
    assert_snapshot!("understood_80x24", screen(&understood(), 80, 24, now()));
    assert_snapshot!("countdown_80x24", screen(&typing(), 80, 24, idle_at()));
    assert_snapshot!("choice_80x24", screen(&with_choice(), 80, 24, now()));
}

#[test]
fn snapshots_120x40() {
    assert_snapshot!("empty_120x40", screen(&empty(), 120, 40, now()));
    assert_snapshot!("typing_120x40", screen(&typing(), 120, 40, now()));
    assert_snapshot!("error_120x40", screen(&with_error(), 120, 40, now()));
    assert_snapshot!("countdown_120x40", screen(&typing(), 120, 40, idle_at()));
}

#[test]
fn small_screens_compact_then_scroll() {
    assert_snapshot!("error_40x15", screen(&with_error(), 40, 15, now()));
    assert_snapshot!("typing_30x8", screen(&typing(), 30, 8, now()));
}

#[test]
fn long_choices_step_with_arrows_on_a_narrow_screen() {
    assert_snapshot!("choice_40x15", screen(&with_choice(), 40, 15, now()));
}

#[test]
fn the_focused_field_is_always_on_screen() {
    let specs: Vec<FieldSpec> = (1..=9)
        .map(|i| FieldSpec::new(&format!("f{i}"), &format!("Question {i}"), FieldKind::Text))
        .collect();
    let mut form = Form::new(specs, now());
    for i in 1..=9 {
        for (width, height) in [(80, 24), (40, 15), (20, 6)] {
            let text = screen(&form, width, height, now());
            assert!(
                text.contains(&format!("Question {i}")),
                "{width}x{height}\n{text}"
            );
            assert!(text.contains("cursor at [("), "{width}x{height}\n{text}");
        }
        form.handle(In::Next, now());
    }
}

#[test]
fn no_size_panics() {
    let forms = [
        empty(),
        typing(),
        with_error(),
        with_choice(),
        Form::new(Vec::new(), now()),
    ];
    for form in &forms {
        for width in 0..=40 {
            for height in 0..=15 {
                let buf = buffer(form, width, height, idle_at());
                assert_eq!(buf.area.area(), u32::from(width) * u32::from(height));
                for (x, y) in [(0, 0), (width / 2, height / 2), (width, height)] {
                    let _ = form_hit(buf.area, form, &Keyboard::default(), x, y);
                }
            }
        }
    }
}

#[test]
fn an_area_inside_a_bigger_screen() {
    let form = typing();
    let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
    let area = Rect::new(10, 3, 80, 24);
    render_form(&form, &Keyboard::default(), area, &mut buf, now(), IDLE);
    render_form(
        &form,
        &Keyboard::default(),
        Rect::new(90, 25, 80, 24),
        &mut buf,
        now(),
        IDLE,
    );
    assert_eq!(form_hit(area, &form, &Keyboard::default(), 9, 3), None);
}

/// Every cell drawn as the button answers a click with `Submit`, and no
/// other cell does; drawn answers and arrows of a choice pick answers.
#[test]
fn clicks_land_on_what_is_drawn() {
    for (width, height) in [(80, 24), (120, 40), (40, 15), (30, 8), (20, 6), (200, 60)] {
        let form = with_choice();
        let buf = buffer(&form, width, height, now());
        for (x, y, style) in cells(&buf) {
            let hit = form_hit(buf.area, &form, &Keyboard::default(), x, y);
            let is_button = style.bg == Some(Color::Green);
            assert_eq!(
                hit == Some(FormHit::Next),
                is_button,
                "{width}x{height} at {x},{y}"
            );
            // The chosen answer: itself when the answers are side by side,
            // the field when only one shows between ◀ and ▶.
            if style.bg == Some(Color::White) {
                let chosen = FormHit::Choice {
                    field: 1,
                    choice: 1,
                };
                let ok = hit == Some(chosen) || hit == Some(FormHit::Field(1));
                assert!(ok, "{width}x{height} at {x},{y}: {hit:?}");
            }
            let symbol = buf.cell((x, y)).map(|c| c.symbol());
            if symbol == Some("◀") || symbol == Some("▶") {
                let arrow = matches!(hit, Some(FormHit::Choice { field: 1, .. }));
                assert!(arrow, "{width}x{height} at {x},{y}: {hit:?}");
            }
        }
    }
}

#[test]
fn clicking_a_field_focuses_it() {
    let mut form = empty();
    let area = Rect::new(0, 0, 80, 24);
    let buf = buffer(&form, 80, 24, now());
    let row = (0..24)
        .find(|&y| {
            let line: String = (0..80)
                .filter_map(|x| buf.cell((x, y)))
                .map(|c| c.symbol())
                .collect();
            line.contains("Date of birth")
        })
        .unwrap_or_default();
    let hit = form_hit(area, &form, &Keyboard::default(), 10, row + 2);
    assert_eq!(hit, Some(FormHit::Field(2)));
    if let Some(hit) = hit {
        form.click(hit, now());
    }
    assert_eq!(form.focused(), 2);
    assert_eq!(form_hit(area, &form, &Keyboard::default(), 79, 0), None);
}
