//! Where everything on the check-in form goes. Drawing and hit-testing both
//! read this, so a click always lands on what is drawn there.

use ratatui::layout::{Position, Rect};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::nav;
use crate::checkin::{FieldKind, Form, FormHit};
use crate::i18n::{Words, count};

/// Below this the form cannot be used; a message shows instead.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// The form never grows wider than this, so eyes need not travel far.
const MAX_WIDTH: u16 = 76;
/// Between two answers of a choice drawn side by side.
pub const CHOICE_GAP: u16 = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormLayout {
    /// The title row, which turns into the "Still there?" banner.
    pub header: Rect,
    pub fields: Vec<FieldArea>,
    /// Back, Cancel and Next (or Check in), left to right.
    pub buttons: [Rect; 3],
    pub help: Rect,
    /// Fields in boxes and a three-row button, when there is room.
    pub boxed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldArea {
    pub index: usize,
    pub label: Rect,
    /// The box (boxed) or the value row (compact).
    pub frame: Rect,
    /// The row the answer is drawn in.
    pub value: Rect,
    pub message: Rect,
    pub choices: Vec<ChoiceArea>,
    /// The choices did not fit side by side: only ◀ and ▶ are in `choices`.
    pub stepper: bool,
    /// The two readings of a two-digit year, when both are plausible.
    pub centuries: Vec<ChoiceArea>,
}

/// Something on a choice field's row that picks an answer when touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceArea {
    pub choice: usize,
    pub rect: Rect,
    pub text: String,
}

/// The layout of `form` in `area`, or `None` when `area` is too small.
/// `touch`: the on-screen keyboard is below, so the question with focus is
/// boxed (large to touch) even when the others then do not all show.
pub fn layout(area: Rect, form: &Form, touch: bool) -> Option<FormLayout> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let margin = if area.width >= 40 { 2 } else { 1 };
    let width = (area.width - 2 * margin).min(MAX_WIDTH);
    let x = area.x + (area.width - width) / 2;
    let messages: Vec<u16> = (0..form.fields().len())
        .map(|i| message_rows(form, i, width.saturating_sub(2)))
        .collect();
    // Rows besides the fields': header, button and help, and in boxed form
    // a gap under the header and above the button. Rows of a field besides
    // its message: the label and the box (or the value row).
    let sizes = |boxed: bool| if boxed { (7, 4) } else { (3, 2) };
    let needed = messages.iter().map(|&m| u32::from(4 + m)).sum::<u32>() + 7;
    let focus_rows = messages
        .get(form.focused())
        .map_or(1, |&m| u32::from(4 + m));
    let boxed =
        needed <= u32::from(area.height) || (touch && focus_rows + 7 <= u32::from(area.height));
    let (fixed, body) = sizes(boxed);
    let (gap, button_rows) = if boxed { (1, 3) } else { (0, 1) };
    let region = Rect::new(area.x, area.y + 1 + gap, area.width, area.height - fixed);
    let heights: Vec<u16> = messages.iter().map(|m| body + m).collect();
    let shown = window(&heights, form.focused(), region.height);
    let mut y = region.y;
    let mut fields = Vec::with_capacity(shown.len());
    for index in shown {
        let rows = heights.get(index).copied().unwrap_or(body);
        let column = Rect::new(x, y, width, rows).intersection(region);
        fields.push(field_area(form, index, column, boxed));
        y = y.saturating_add(rows);
    }
    let row = Rect::new(x, y.saturating_add(gap), width, button_rows);
    let above_help = Rect {
        height: area.height - 1,
        ..area
    };
    let help = Rect::new(area.x, area.bottom() - 1, area.width, 1);
    Some(FormLayout {
        header: Rect::new(area.x, area.y, area.width, 1),
        fields,
        buttons: nav::buttons(row, boxed).map(|b| b.intersection(above_help)),
        help,
        boxed,
    })
}

/// The fields to show: the focused one, then as many before it and after
/// it as fit in `room` rows.
fn window(heights: &[u16], focus: usize, room: u16) -> std::ops::Range<usize> {
    let Some(focus) = heights.len().checked_sub(1).map(|last| focus.min(last)) else {
        return 0..0;
    };
    let (mut first, mut end) = (focus, focus + 1);
    let mut used = heights.get(focus).copied().unwrap_or(0);
    while let Some(&h) = first.checked_sub(1).and_then(|i| heights.get(i)) {
        if used.saturating_add(h) > room {
            break;
        }
        used += h;
        first -= 1;
    }
    while let Some(&h) = heights.get(end) {
        if used.saturating_add(h) > room {
            break;
        }
        used += h;
        end += 1;
    }
    first..end
}

/// Rows field `index`'s message needs at `width`: one, or up to three for
/// a long problem on a narrow screen; a question about a two-digit year
/// has a row more, for its two answers.
fn message_rows(form: &Form, index: usize, width: u16) -> u16 {
    if let Some((question, _)) = form.century_question(index) {
        let lines = wrap(&question, width).len().clamp(1, 3);
        return u16::try_from(lines + 1).unwrap_or(2);
    }
    let error = form.fields().get(index).and_then(|f| f.error());
    let lines = error.map_or(1, |e| wrap(e, width).len());
    u16::try_from(lines.clamp(1, 3)).unwrap_or(1)
}

/// `text` broken into lines at most `width` columns wide, between words
/// where it can be.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!line.is_empty());
        if line.width() + sep + word.width() <= width {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if line.width() + c.width().unwrap_or(0) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn field_area(form: &Form, index: usize, column: Rect, boxed: bool) -> FieldArea {
    let Rect {
        x,
        y,
        width,
        height,
    } = column;
    let label = Rect::new(x, y, width, height.min(1));
    let inner = width.saturating_sub(2);
    let (frame, value, message) = if boxed {
        let frame = Rect::new(x, y + 1, width, 3);
        let value = Rect::new(x + 2, y + 2, width.saturating_sub(4), 1);
        (
            frame,
            value,
            Rect::new(x + 2, y + 4, inner, height.saturating_sub(4)),
        )
    } else {
        let frame = Rect::new(x, y + 1, width, 1);
        let value = Rect::new(x + 2, y + 1, inner, 1);
        (
            frame,
            value,
            Rect::new(x + 2, y + 2, inner, height.saturating_sub(2)),
        )
    };
    let (frame, value, message) = (
        frame.intersection(column),
        value.intersection(column),
        message.intersection(column),
    );
    let (choices, stepper) = match form.fields().get(index) {
        Some(field) if field.spec().kind == FieldKind::Choice && !value.is_empty() => {
            choice_areas(&field.spec().choices, field.choice(), value)
        }
        _ => (Vec::new(), false),
    };
    let centuries = match form.century_question(index) {
        Some((_, dates)) if !message.is_empty() => {
            let row = Rect {
                y: message.bottom() - 1,
                height: 1,
                ..message
            };
            let w = form.words();
            let texts = dates.map(|d| format!("[ {} ]", w.full_date(d)));
            nav::side_by_side(&texts, row)
        }
        _ => Vec::new(),
    };
    FieldArea {
        index,
        label,
        frame,
        value,
        message,
        choices,
        stepper,
        centuries,
    }
}

/// The answers side by side ("○ 1 New patient   ● 2 Returning patient"),
/// or, when they do not fit, "◀ Returning patient (2 of 3) ▶" with the
/// arrows picking the neighbouring answers.
fn choice_areas(choices: &[String], chosen: Option<usize>, row: Rect) -> (Vec<ChoiceArea>, bool) {
    let labels: Vec<String> = choices
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mark = if chosen == Some(i) { "●" } else { "○" };
            format!("{mark} {} {text}", i + 1)
        })
        .collect();
    let widths: Vec<u16> = labels.iter().map(|l| text_width(l)).collect();
    let total = widths.iter().fold(0u16, |sum, w| {
        sum.saturating_add(*w).saturating_add(CHOICE_GAP)
    });
    if total.saturating_sub(CHOICE_GAP) <= row.width {
        let mut x = row.x;
        let mut out = Vec::with_capacity(labels.len());
        for (choice, (text, width)) in labels.into_iter().zip(widths).enumerate() {
            out.push(ChoiceArea {
                choice,
                rect: Rect::new(x, row.y, width, 1),
                text,
            });
            x = x.saturating_add(width + CHOICE_GAP);
        }
        return (out, false);
    }
    (stepper(choices.len(), chosen, row), true)
}

fn stepper(count: usize, chosen: Option<usize>, row: Rect) -> Vec<ChoiceArea> {
    let (Some(last), true) = (count.checked_sub(1), row.width >= 6) else {
        return Vec::new();
    };
    let prev = chosen.map_or(last, |i| i.saturating_sub(1));
    let next = chosen.map_or(0, |i| (i + 1).min(last));
    let arrow = |choice, x, text: &str| ChoiceArea {
        choice,
        rect: Rect::new(x, row.y, 2, 1),
        text: text.to_string(),
    };
    vec![arrow(prev, row.x, "◀ "), arrow(next, row.right() - 2, " ▶")]
}

/// What the middle of a choice stepper says, in at most `width` columns:
/// "Returning patient  (2 of 3)", or as much of the answer as fits.
pub fn stepper_text(w: Words<'_>, choices: &[String], chosen: Option<usize>, width: u16) -> String {
    let Some((i, text)) = chosen.and_then(|i| choices.get(i).map(|c| (i, c))) else {
        return w.t("checkin-choose-hint");
    };
    let position = w.f(
        "checkin-choice-position",
        &[("index", count(i + 1)), ("count", count(choices.len()))],
    );
    let full = format!("{text}  ({position})");
    if text_width(&full) <= width {
        return full;
    }
    if text_width(text) <= width {
        return text.clone();
    }
    let mut cut = String::new();
    for c in text.chars() {
        if text_width(&cut) + u16::try_from(c.width().unwrap_or(0)).unwrap_or(1) + 1 > width {
            break;
        }
        cut.push(c);
    }
    cut.push('…');
    cut
}

pub fn text_width(text: &str) -> u16 {
    u16::try_from(text.width()).unwrap_or(u16::MAX)
}

/// What a click at `x`, `y` lands on; `asking`: the form asks "Clear your
/// answers?", and the outer buttons answer it.
pub fn hit(layout: &FormLayout, asking: bool, x: u16, y: u16) -> Option<FormHit> {
    let at = Position { x, y };
    let hits = if asking {
        [
            Some(FormHit::KeepAnswers),
            None,
            Some(FormHit::ClearAnswers),
        ]
    } else {
        [
            Some(FormHit::Back),
            Some(FormHit::Cancel),
            Some(FormHit::Next),
        ]
    };
    if let Some((_, hit)) = layout
        .buttons
        .iter()
        .zip(hits)
        .find(|(b, _)| b.contains(at))
    {
        return hit;
    }
    layout.fields.iter().find_map(|f| {
        if let Some(c) = f.centuries.iter().find(|c| c.rect.contains(at)) {
            return Some(FormHit::Century {
                field: f.index,
                choice: c.choice,
            });
        }
        if let Some(c) = f.choices.iter().find(|c| c.rect.contains(at)) {
            return Some(FormHit::Choice {
                field: f.index,
                choice: c.choice,
            });
        }
        let rows = f.label.union(f.frame).union(f.message);
        rows.contains(at).then_some(FormHit::Field(f.index))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words_and_inside_long_ones() {
        assert_eq!(
            wrap("Please check the day.", 12),
            ["Please check", "the day."]
        );
        assert_eq!(wrap("李小龙李小龙", 5), ["李小", "龙李", "小龙"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("abc", 0), ["a", "b", "c"]);
    }

    #[test]
    fn the_window_keeps_the_focused_field() {
        let heights = [3, 3, 3, 3, 3];
        assert_eq!(window(&heights, 0, 7), 0..2);
        assert_eq!(window(&heights, 4, 7), 3..5);
        assert_eq!(window(&heights, 2, 100), 0..5);
        assert_eq!(window(&heights, 9, 1), 4..5);
        assert_eq!(window(&[], 0, 10), 0..0);
    }
}
