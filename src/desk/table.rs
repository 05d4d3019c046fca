//! The queue's table: columns that give way to the name, the date of birth
//! (or age) that tells namesakes apart, a `*` beside a shared name, and, when
//! the list is longer than the screen, "↑ N more" / "↓ N more" lines that
//! keep the selected row in sight and name any called or next patient
//! scrolled out of it.

use chrono::{DateTime, Timelike, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::words;
use super::{Desk, queue};
use crate::config::BirthShown;
use crate::i18n::num;
use crate::store::{CheckinRecord, Status};
use crate::ui::theme;

/// Column widths, in cells: selection and same-name marks, ticket, gaps,
/// date of birth or age, check-in time, wait, status, and the margin at the
/// right edge.
const MARK: usize = 2;
const TICKET: usize = 4;
const GAP: usize = 2;
const BORN: usize = 10;
const AGE: usize = 3;
const TIME: usize = 10;
const WAIT: usize = 11;
const STATUS: usize = 7;
const EDGE: usize = 1;
/// The name column is never squeezed below this; columns are dropped
/// instead (check-in time first, then the wait, then the birth date).
pub const MIN_NAME: usize = 12;

/// Which columns fit, and the name column's width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    pub name: usize,
    /// The birth column's width; 0 when it is not shown.
    pub born: usize,
    pub time: bool,
    pub wait: bool,
    /// The check-in time's and the status's widths: wider than usual in a
    /// language whose words are longer (`10:42 a. m.`, `esperando`).
    pub time_width: usize,
    pub status_width: usize,
}

/// The columns for `width` cells; `born` is the birth column's width (0:
/// the form asks no date of birth).
#[cfg(test)]
pub fn columns(width: usize, born: usize) -> Columns {
    columns_with(width, born, (TIME, STATUS))
}

/// Like [`columns`], with the time and status columns `(time, status)`
/// wide.
pub fn columns_with(
    width: usize,
    born: usize,
    (time_width, status_width): (usize, usize),
) -> Columns {
    let base = MARK + TICKET + GAP + GAP + status_width + EDGE;
    let born_cells = if born > 0 { GAP + born } else { 0 };
    let options = [
        (born, true, true),
        (born, false, true),
        (born, false, false),
        (0, false, false),
    ];
    for (b, time, wait) in options {
        let extra = if b > 0 { born_cells } else { 0 }
            + if time { GAP + time_width } else { 0 }
            + if wait { GAP + WAIT } else { 0 };
        let name = width.saturating_sub(base + extra);
        if name >= MIN_NAME || (b == 0 && !time && !wait) {
            return Columns {
                name,
                born: b,
                time,
                wait,
                time_width,
                status_width,
            };
        }
    }
    Columns {
        name: width.saturating_sub(base),
        born: 0,
        time: false,
        wait: false,
        time_width,
        status_width,
    }
}

/// The cells of one row (or the heading), fitted to `cols`:
/// ticket, name, born, checked in, waiting, status.
fn cells(cols: Columns, mark: &str, texts: [&str; 6]) -> Vec<String> {
    let [ticket, name, born, time, wait, status] = texts;
    let gap = " ".repeat(GAP);
    let mut out = vec![fit(mark, MARK), fit_right(ticket, TICKET), gap.clone()];
    out.push(fit(name, cols.name));
    if cols.born > 0 {
        out.extend([gap.clone(), fit(born, cols.born)]);
    }
    if cols.time {
        out.extend([gap.clone(), fit(time, cols.time_width)]);
    }
    if cols.wait {
        out.extend([gap.clone(), fit(wait, WAIT)]);
    }
    out.extend([gap, fit(status, cols.status_width)]);
    out
}

/// The widest check-in time and status in the desk's language, never
/// narrower than the English columns.
fn word_widths(desk: &Desk) -> (usize, usize) {
    let w = desk.words();
    let time = [(0, 0), (11, 59), (12, 59), (23, 59), (10, 42)]
        .iter()
        .map(|(h, m)| w.time(*h, *m).width())
        .max()
        .unwrap_or(TIME);
    let statuses = [
        Status::Waiting,
        Status::Called,
        Status::Seen,
        Status::NoShow,
    ]
    .map(|s| words::status(w, s).width())
    .into_iter()
    .chain([w.t("desk-column-status").width()])
    .max()
    .unwrap_or(STATUS);
    (time.max(TIME), statuses.max(STATUS))
}

fn birth_width(desk: &Desk) -> usize {
    match (&desk.setup.birth_key, desk.setup.birth) {
        (None, _) => 0,
        (Some(_), BirthShown::Date) => BORN,
        (Some(_), BirthShown::Age) => AGE,
    }
}

/// Which rows fit in `height` lines under the heading, from where, and
/// whether the marker lines are needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub offset: usize,
    pub rows: usize,
    /// Lines kept for "↑ N more" and "↓ N more".
    pub markers: bool,
}

/// The rows shown of `total` in `lines` lines, keeping `selected` in sight.
pub fn window(total: usize, selected: usize, lines: usize) -> Window {
    if total <= lines {
        return Window {
            offset: 0,
            rows: total,
            markers: false,
        };
    }
    let rows = lines.saturating_sub(2).max(1);
    let offset = (selected + 1)
        .saturating_sub(rows)
        .min(total.saturating_sub(rows));
    Window {
        offset,
        rows,
        markers: lines >= 3,
    }
}

pub fn render(desk: &Desk, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let shown = desk.shown();
    if shown.is_empty() {
        return empty(desk, area, buf);
    }
    let cols = columns_with(
        usize::from(area.width),
        birth_width(desk),
        word_widths(desk),
    );
    let w = desk.words();
    let born = match desk.setup.birth {
        BirthShown::Date => w.t("desk-column-born"),
        BirthShown::Age => w.t("desk-column-age"),
    };
    let [ticket, name, time, wait, status] = [
        "desk-column-ticket",
        "desk-column-name",
        "desk-column-checked-in",
        "desk-column-waiting",
        "desk-column-status",
    ]
    .map(|id| w.t(id));
    let heading = cells(
        cols,
        "",
        [
            ticket.as_str(),
            name.as_str(),
            born.as_str(),
            time.as_str(),
            wait.as_str(),
            status.as_str(),
        ],
    );
    buf.set_line(area.x, area.y, &Line::from(heading.concat()), area.width);
    buf.set_style(Rect { height: 1, ..area }, theme::heading());
    let lines = usize::from(area.height.saturating_sub(1));
    let selected = desk
        .selected()
        .and_then(|s| shown.iter().position(|r| r.id == s.id))
        .unwrap_or(0);
    let w = window(shown.len(), selected, lines);
    let mut y = area.y.saturating_add(1);
    if w.markers {
        let above = &shown[..w.offset];
        marker(desk, above, "desk-more-above", (area, y), buf);
        y = y.saturating_add(1);
    }
    for row in shown.iter().skip(w.offset).take(w.rows) {
        let row_area = Rect::new(area.x, y, area.width, 1);
        buf.set_style(row_area, row_style(desk, row));
        buf.set_line(area.x, y, &row_line(desk, row, cols), area.width);
        y = y.saturating_add(1);
    }
    if w.markers {
        let below = shown.get(w.offset + w.rows..).unwrap_or_default();
        marker(desk, below, "desk-more-below", (area, y), buf);
    }
}

/// "↑ 3 more · #2 called · #5 next": how many rows are out of sight on
/// one side, and the called and next-waiting patients among them.
fn marker(
    desk: &Desk,
    hidden: &[&CheckinRecord],
    count: &str,
    (area, y): (Rect, u16),
    buf: &mut Buffer,
) {
    if hidden.is_empty() || y >= area.bottom() {
        return;
    }
    let w = desk.words();
    let next = desk.rows().iter().find(|r| r.status == Status::Waiting);
    let mut parts = vec![w.f(count, &[("count", num(hidden.len()))])];
    for r in hidden {
        if r.status == Status::Called {
            parts.push(w.f("desk-hidden-called", &[("ticket", num(r.ticket))]));
        } else if next.is_some_and(|n| n.id == r.id) {
            parts.push(w.f("desk-hidden-next", &[("ticket", num(r.ticket))]));
        }
    }
    let text = fit(
        &format!("      {}", parts.join(" · ")),
        usize::from(area.width),
    );
    buf.set_line(area.x, y, &Line::styled(text, theme::heading()), area.width);
}

fn empty(desk: &Desk, area: Rect, buf: &mut Buffer) {
    let text = desk
        .words()
        .t(if !desk.filter().is_empty() && !desk.rows().is_empty() {
            "desk-find-nothing"
        } else if desk.is_loaded() {
            "desk-empty"
        } else {
            "desk-loading"
        });
    let [_, middle, _] = Layout::vertical([
        Constraint::Max(2),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .style(theme::muted())
        .render(middle, buf);
}

fn row_line(desk: &Desk, row: &CheckinRecord, cols: Columns) -> Line<'static> {
    let selected = desk.selected().is_some_and(|s| s.id == row.id);
    let w = desk.words();
    let wait = if desk.is_fresh(row.id) {
        w.t("desk-new")
    } else {
        queue::minutes_waiting(row, desk.now).map_or_else(String::new, |m| words::wait(w, m))
    };
    let name = match row.last_repeat_at {
        Some(at) => w.f(
            "desk-tried-again",
            &[
                ("name", desk.name_of(row).into()),
                ("time", local_time(at, desk).into()),
            ],
        ),
        None => desk.name_of(row),
    };
    // The language the patient used, when not the clinic's usual one.
    let name = if row.language == desk.patients_default {
        name
    } else {
        let language = desk.language_name(&row.language);
        w.f(
            "desk-patient-language",
            &[("name", name.into()), ("language", language.into())],
        )
    };
    let today = desk.now.with_timezone(&desk.tz).date_naive();
    let key = desk.setup.birth_key.as_deref();
    let born = queue::birth_text(row, key, desk.setup.birth, today);
    let (ticket, time, status) = (
        row.ticket.to_string(),
        local_time(row.checked_in_at, desk),
        words::status(w, row.status),
    );
    let texts = [
        ticket.as_str(),
        name.as_str(),
        born.as_str(),
        time.as_str(),
        wait.as_str(),
        status.as_str(),
    ];
    let mark = format!(
        "{}{}",
        if selected { "▸" } else { " " },
        if desk.is_namesake(row.id) { "*" } else { " " }
    );
    let mut spans: Vec<Span> = cells(cols, &mark, texts)
        .into_iter()
        .map(Span::raw)
        .collect();
    if let Some(status) = spans.last_mut() {
        status.style = theme::desk_status(row.status);
    }
    Line::from(spans)
}

fn row_style(desk: &Desk, row: &CheckinRecord) -> Style {
    let selected = desk.selected().is_some_and(|s| s.id == row.id);
    let base = if desk.is_fresh(row.id) {
        theme::desk_new()
    } else if matches!(row.status, Status::Seen | Status::NoShow) {
        theme::muted()
    } else {
        Style::new()
    };
    if selected {
        base.add_modifier(Modifier::REVERSED)
    } else {
        base
    }
}

pub fn local_time(at: DateTime<Utc>, desk: &Desk) -> String {
    let local = at.with_timezone(&desk.tz);
    desk.words().time(local.hour(), local.minute())
}

/// `text` cut (with `…`) or padded with spaces to exactly `width` columns.
pub fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    if text.width() <= width {
        out.push_str(text);
        used = text.width();
    } else if width > 0 {
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// Like [`fit`], with the text against the right edge.
pub fn fit_right(text: &str, width: usize) -> String {
    let fitted = fit(text, width);
    let trimmed = fitted.trim_end();
    format!(
        "{}{trimmed}",
        " ".repeat(width.saturating_sub(trimmed.width()))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_counts_display_width() {
        assert_eq!(fit("李小龙", 8), "李小龙  ");
        assert_eq!(fit("李小龙", 5), "李小…");
        assert_eq!(fit("李小龙", 4), "李… ");
        assert_eq!(fit("Nguyễn Thị Minh Khai", 10), "Nguyễn Th…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
        assert_eq!(fit_right("12", 4), "  12");
        assert_eq!(fit_right("123456", 4), "123…");
        for width in 0..12 {
            assert_eq!(fit("李小龙 Nguyễn", width).width(), width);
        }
    }

    #[test]
    fn columns_give_way_to_the_name() {
        let all = columns(100, 0);
        assert_eq!((all.time, all.wait, all.name), (true, true, 57));
        let narrow = columns(40, 0);
        assert_eq!((narrow.time, narrow.wait), (false, false));
        assert!(columns(30, 0).name >= MIN_NAME);
        let mid = columns(46, 0);
        assert_eq!((mid.time, mid.wait), (false, true));
    }

    #[test]
    fn the_birth_date_goes_after_the_time_and_the_wait() {
        let wide = columns(80, BORN);
        assert_eq!(
            (wide.born, wide.time, wide.wait, wide.name),
            (BORN, true, true, 25)
        );
        let mid = columns(60, BORN);
        assert_eq!((mid.born, mid.time, mid.wait), (BORN, false, true));
        let narrow = columns(42, BORN);
        assert_eq!(
            (narrow.born, narrow.time, narrow.wait),
            (BORN, false, false)
        );
        assert_eq!(columns(40, BORN).born, 0);
    }

    #[test]
    fn the_window_keeps_the_selection_in_sight() {
        let all = window(5, 4, 10);
        assert_eq!((all.offset, all.rows, all.markers), (0, 5, false));
        // 40 rows in 12 lines: 10 rows and two marker lines.
        assert_eq!(
            window(40, 0, 12),
            Window {
                offset: 0,
                rows: 10,
                markers: true
            }
        );
        assert_eq!(window(40, 9, 12).offset, 0);
        assert_eq!(window(40, 10, 12).offset, 1);
        assert_eq!(window(40, 39, 12).offset, 30);
        for selected in 0..40 {
            let w = window(40, selected, 7);
            assert!(
                (w.offset..w.offset + w.rows).contains(&selected),
                "{selected}"
            );
        }
    }
}
