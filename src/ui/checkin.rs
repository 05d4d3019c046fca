//! Drawing the check-in form: large, high-contrast, one clear focus, and a
//! "Check in" button that can be touched.

mod layout;
mod nav;

use std::time::Duration;

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use self::layout::{FieldArea, layout, stepper_text, text_width, wrap};
use super::{keyboard, theme};
use crate::checkin::{Feedback, Field, FieldKind, Form, FormHit, Keyboard, Page};
use crate::checkin::{char_columns, clusters};
use crate::i18n::{Words, num};

/// Draws `form` into `area` at `now`, with the on-screen `keyboard` below
/// it when that shows; during the last seconds before `idle_timeout` runs
/// out, a "Still there?" banner replaces the title.
pub fn render_form(
    form: &Form,
    keyboard: &Keyboard,
    area: Rect,
    buf: &mut Buffer,
    now: DateTime<Utc>,
    idle_timeout: Duration,
) {
    render_titled_form(form, keyboard, area, buf, (now, idle_timeout), None);
}

/// Like [`render_form`], keeping `reserve` columns at each end of the title
/// row free (for the language button).
pub fn render_patient_form(
    form: &Form,
    keyboard: &Keyboard,
    area: Rect,
    buf: &mut Buffer,
    (now, idle_timeout): (DateTime<Utc>, Duration),
    reserve: u16,
) {
    draw_form(
        form,
        keyboard,
        area,
        buf,
        (now, idle_timeout),
        (None, reserve),
    );
}

/// Like [`render_form`], with `title` (for staff: "Add a patient") in place
/// of the patient's title and greeting.
pub fn render_titled_form(
    form: &Form,
    keyboard: &Keyboard,
    area: Rect,
    buf: &mut Buffer,
    (now, idle_timeout): (DateTime<Utc>, Duration),
    title: Option<&str>,
) {
    draw_form(form, keyboard, area, buf, (now, idle_timeout), (title, 0));
}

fn draw_form(
    form: &Form,
    keyboard: &Keyboard,
    area: Rect,
    buf: &mut Buffer,
    (now, idle_timeout): (DateTime<Utc>, Duration),
    (title, reserve): (Option<&str>, u16),
) {
    let area = area.intersection(buf.area);
    Clear.render(area, buf);
    let (top, keys) = split(area, form, keyboard);
    let w = form.words();
    let Some(l) = layout(top, form, keys.is_some()) else {
        return too_small(w, area, buf);
    };
    match title {
        Some(title) => Paragraph::new(Line::styled(title.to_string(), theme::heading()))
            .alignment(Alignment::Center)
            .render(l.header, buf),
        None => {
            let row = Rect {
                x: l.header.x + reserve.min(l.header.width / 2),
                width: l.header.width.saturating_sub(2 * reserve),
                ..l.header
            };
            header(row, form, form.countdown(now, idle_timeout), buf);
        }
    }
    for f in &l.fields {
        field(form, f, l.boxed, now, buf);
        nav::render_centuries(&f.centuries, buf);
    }
    nav::render(&l, form, buf);
    if let Some((page, rect)) = keys {
        let capitals = keyboard.capitals(form.focused_field());
        keyboard::render(w, page, capitals, keyboard.shift(), rect, buf);
    }
    let help = match form.focused_field().map(|f| f.spec().kind) {
        Some(FieldKind::Choice) => w.t("checkin-help-choice"),
        _ => w.t("checkin-help"),
    };
    let short = w.t("checkin-help-short");
    let help = fitting(&help, &short, l.help.width);
    Paragraph::new(help)
        .alignment(Alignment::Center)
        .style(theme::muted())
        .render(l.help, buf);
}

/// What a click or touch at `x`, `y` lands on, for the form and keyboard
/// drawn in `area` by [`render_form`].
pub fn form_hit(area: Rect, form: &Form, keyboard: &Keyboard, x: u16, y: u16) -> Option<FormHit> {
    let (top, keys) = split(area, form, keyboard);
    if let Some((page, rect)) = keys
        && let Some(key) = keyboard::hit(rect, page, x, y)
    {
        return Some(FormHit::Key(key));
    }
    let l = layout(top, form, keys.is_some())?;
    layout::hit(&l, form.is_asking(), x, y)
}

/// The form's part of `area`, and the keyboard's page and rows when it
/// shows (never for a choice, nor on a screen too small for it).
fn split(area: Rect, form: &Form, keyboard: &Keyboard) -> (Rect, Option<(Page, Rect)>) {
    let page = form
        .focused_field()
        .and_then(|f| keyboard.page(form.focused(), f.spec().kind));
    let rows = keyboard::height(area);
    match page {
        Some(page) if rows > 0 => {
            let top = Rect {
                height: area.height - rows,
                ..area
            };
            let keys = Rect {
                y: area.bottom() - rows,
                height: rows,
                ..area
            };
            (top, Some((page, keys)))
        }
        _ => (area, None),
    }
}

fn header(row: Rect, form: &Form, countdown: Option<u64>, buf: &mut Buffer) {
    let width = row.width;
    let w = form.words();
    let line = match countdown {
        _ if form.is_asking() => Line::styled(w.t("form-clear-ask"), theme::warning()),
        Some(seconds) => {
            let args = [("seconds", num(seconds))];
            let long = w.f("checkin-still-there", &args);
            let short = w.f("checkin-still-there-short", &args);
            Line::styled(fitting(&long, &short, width).to_string(), theme::warning())
        }
        None => {
            let title_text = w.t("checkin-title");
            let intro = format!("  ·  {}", w.t("checkin-intro"));
            let fits = text_width(&title_text) + text_width(&intro) <= width;
            let title = Span::styled(title_text, theme::heading());
            if fits {
                Line::from(vec![title, Span::styled(intro, theme::form_label())])
            } else {
                Line::from(title)
            }
        }
    };
    let style = line.style;
    Paragraph::new(line)
        .alignment(Alignment::Center)
        .style(style)
        .render(row, buf);
}

/// `long` if it fits in `width` columns, otherwise `short`.
fn fitting<'a>(long: &'a str, short: &'a str, width: u16) -> &'a str {
    if text_width(long) <= width {
        long
    } else {
        short
    }
}

fn field(form: &Form, area: &FieldArea, boxed: bool, now: DateTime<Utc>, buf: &mut Buffer) {
    let Some(field) = form.fields().get(area.index) else {
        return;
    };
    let focused = area.index == form.focused();
    let spec = field.spec();
    let w = form.words();
    let mut label = vec![Span::styled(
        form.label(spec),
        if focused {
            theme::form_focus()
        } else {
            theme::form_label()
        },
    )];
    if !spec.required {
        label.push(Span::styled(
            format!(" {}", w.t("checkin-optional")),
            theme::muted(),
        ));
    }
    buf.set_line(
        area.label.x,
        area.label.y,
        &Line::from(label),
        area.label.width,
    );
    frame(area, focused, boxed, buf);
    match spec.kind {
        FieldKind::Choice => choices(w, field, area, focused, buf),
        _ => text(w, field, area.value, focused, buf),
    }
    let (lines, style) = match form.feedback(area.index, now) {
        Some(Feedback::Error(m)) => (wrap(&m, area.message.width), theme::form_error()),
        Some(Feedback::Understood(m)) => (vec![format!("✓ {m}")], theme::form_hint()),
        Some(Feedback::Century { question, .. }) => {
            (wrap(&question, area.message.width), theme::form_error())
        }
        None => return,
    };
    let m = area.message;
    for (y, line) in (m.top()..m.bottom()).zip(lines) {
        buf.set_stringn(m.x, y, line, usize::from(m.width), style);
    }
}

/// A box around each answer, thick and bright for the focused one; in
/// compact form a marker and a highlighted row for the focused one.
fn frame(area: &FieldArea, focused: bool, boxed: bool, buf: &mut Buffer) {
    if boxed {
        let (kind, style) = if focused {
            (BorderType::Thick, theme::form_focus())
        } else {
            (BorderType::Plain, theme::muted())
        };
        Block::bordered()
            .border_type(kind)
            .border_style(style)
            .render(area.frame, buf);
    } else if focused {
        let f = area.frame;
        buf.set_stringn(f.x, f.y, "▸", 1, theme::form_focus());
        buf.set_style(area.value, Style::new().add_modifier(Modifier::UNDERLINED));
    }
}

/// The typed text, scrolled so the cursor shows, with the cursor as a
/// reversed cell at its display column.
fn text(words: Words<'_>, field: &Field, row: Rect, focused: bool, buf: &mut Buffer) {
    let width = usize::from(row.width);
    if width == 0 || row.height == 0 {
        return;
    }
    let chars = field.chars();
    let cursor = field.cursor_column();
    let under = chars
        .get(field.cursor())
        .map_or(1, |&c| char_columns(c).max(1));
    let scroll = if focused {
        (cursor + under).saturating_sub(width)
    } else {
        0
    };
    if chars.is_empty() {
        placeholder(words, field.spec().kind, row, buf);
    }
    for (column, cluster) in clusters(chars) {
        let w: usize = cluster.chars().map(char_columns).sum();
        if w == 0 || column < scroll || column + w > scroll + width {
            continue;
        }
        let x = row.x + u16::try_from(column - scroll).unwrap_or(0);
        buf.set_stringn(x, row.y, cluster, w, theme::form_value());
    }
    let Ok(offset) = u16::try_from(cursor.saturating_sub(scroll)) else {
        return;
    };
    if focused
        && offset < row.width
        && let Some(cell) = buf.cell_mut((row.x + offset, row.y))
    {
        let style = cell.style().add_modifier(Modifier::REVERSED);
        cell.set_style(style);
    }
}

fn placeholder(w: Words<'_>, kind: FieldKind, row: Rect, buf: &mut Buffer) {
    let text = match kind {
        FieldKind::Date => w.t("checkin-date-placeholder"),
        FieldKind::Time => w.t("checkin-time-placeholder"),
        FieldKind::Phone => w.t("checkin-phone-placeholder"),
        FieldKind::Text | FieldKind::Choice => return,
    };
    buf.set_stringn(row.x, row.y, text, usize::from(row.width), theme::muted());
}

fn choices(w: Words<'_>, field: &Field, area: &FieldArea, focused: bool, buf: &mut Buffer) {
    let chosen_style = if focused {
        theme::form_chosen()
    } else {
        theme::form_value()
    };
    for c in &area.choices {
        let style = if !area.stepper && field.choice() == Some(c.choice) {
            chosen_style
        } else {
            theme::form_label()
        };
        buf.set_stringn(
            c.rect.x,
            c.rect.y,
            &c.text,
            usize::from(c.rect.width),
            style,
        );
    }
    if area.stepper {
        let row = area.value;
        let room = row.width.saturating_sub(4);
        let middle = stepper_text(w, &field.spec().choices, field.choice(), room);
        let x = row.x + 2 + room.saturating_sub(text_width(&middle)) / 2;
        buf.set_stringn(x, row.y, middle, usize::from(room), chosen_style);
    }
}

fn too_small(w: Words<'_>, area: Rect, buf: &mut Buffer) {
    let y = area.height / 2;
    let row = Rect::new(area.x, area.y + y, area.width, area.height - y);
    Paragraph::new(w.t("screen-too-small"))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(row, buf);
}
