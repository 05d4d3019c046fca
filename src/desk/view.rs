//! Drawing the desk. Reads the state and never changes it.
//!
//! Every piece of text from the database passes through
//! [`printable`](crate::sanitize::printable) (names already do, in
//! [`display_name`](super::display_name)), and columns are measured in
//! display width, so 李小龙 lines up with José.

use chrono::{Duration, Timelike};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::table::{MIN_NAME, fit};
use super::words;
use super::{Desk, Mode, help_items_for, summary_view, table};
use crate::checkin::Keyboard;
use crate::i18n::{self, num};
use crate::sanitize::printable;
use crate::store::Status;
use crate::ui::{render_titled_form, theme};

/// Below this size a plain message shows instead.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The margin at the right edge.
const EDGE: usize = 1;

impl Widget for &Desk {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return too_small(self.words().t("screen-too-small"), area, buf);
        }
        if let Mode::Form(form) = self.mode() {
            let timing = (self.now, std::time::Duration::MAX);
            // The desk is typed at: no on-screen keyboard.
            let keyboard = Keyboard::default();
            return render_titled_form(
                &form.form,
                &keyboard,
                area,
                buf,
                timing,
                Some(&form.title()),
            );
        }
        let [title, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        title_bar(self, title, buf);
        if matches!(self.mode(), Mode::Summary) {
            return summary_view::render(self, rest, buf);
        }
        // Short screens give the queue the rows, wide ones need fewer lines.
        let roomy = area.height >= 12;
        let width = usize::from(area.width);
        let mut summary = wrap(summary_groups(self), width.saturating_sub(EDGE), " ");
        summary.truncate(if roomy { 4 } else { 2 });
        let mut help = help_lines(self, width);
        help.truncate(if roomy { 2 } else { 1 });
        let finding = matches!(self.mode(), Mode::Find) || !self.filter().is_empty();
        let lines = |v: &Vec<Line>| u16::try_from(v.len()).unwrap_or(1);
        let [counts, _, table, find, notice, keys] = Layout::vertical([
            Constraint::Length(lines(&summary)),
            Constraint::Length(u16::from(roomy)),
            Constraint::Fill(1),
            Constraint::Length(u16::from(finding)),
            Constraint::Length(1),
            Constraint::Length(lines(&help)),
        ])
        .areas(rest);
        Paragraph::new(summary).render(counts, buf);
        table::render(self, table, buf);
        if finding {
            find_line(self, find, buf);
        }
        notice_line(self, notice, buf);
        Paragraph::new(help)
            .alignment(Alignment::Center)
            .style(theme::footer())
            .render(keys, buf);
    }
}

/// The help under the queue: the keys, or while finding, what to type.
fn help_lines(desk: &Desk, width: usize) -> Vec<Line<'static>> {
    let items: Vec<String> = match desk.mode() {
        Mode::Find => vec![desk.words().t("desk-find-help")],
        _ if !desk.filter().is_empty() => vec![desk.words().t("desk-filter-help")],
        _ => help_items_for(desk.words(), desk.on_kiosk),
    };
    let items = items.into_iter().map(|i| vec![Span::raw(i)]);
    wrap(vec![items.collect()], width, "")
}

/// `Find: jose_` while typing; `Showing 2 of 40 matching "jose"` after.
fn find_line(desk: &Desk, area: Rect, buf: &mut Buffer) {
    let w = desk.words();
    let text = if matches!(desk.mode(), Mode::Find) {
        w.f("desk-find-prompt", &[("query", desk.filter().into())])
    } else {
        let shown = desk.shown().len();
        w.f(
            "desk-find-kept",
            &[
                ("query", desk.filter().into()),
                ("shown", num(shown)),
                ("total", num(desk.rows().len())),
            ],
        )
    };
    let text = fit(&format!(" {}", printable(&text)), usize::from(area.width));
    buf.set_line(
        area.x,
        area.y,
        &Line::styled(text, theme::title()),
        area.width,
    );
}

/// The question waiting for `y`, or the last message.
fn notice_line(desk: &Desk, area: Rect, buf: &mut Buffer) {
    let width = usize::from(area.width).saturating_sub(1);
    let (text, style) = if let Some(question) = desk.question() {
        (fit(&printable(&question), width), theme::warning())
    } else if let Some(n) = desk.notice() {
        let style = if n.warning {
            theme::warning()
        } else {
            theme::heading()
        };
        (printable(&n.fitted(width)), style)
    } else {
        return;
    };
    Paragraph::new(format!(" {}", text.trim_end()))
        .style(style)
        .render(area, buf);
}

/// ` Front desk · Clinic` on the left, the date and time on the right.
fn title_bar(desk: &Desk, area: Rect, buf: &mut Buffer) {
    let local = desk.now.with_timezone(&desk.tz);
    let w = desk.words();
    let time = w.time(local.hour(), local.minute());
    let left = format!(" {} · {}", w.t("desk-title"), desk.clinic);
    let width = usize::from(area.width);
    let full = format!("{} · {time} ", w.long_date(local.date_naive()));
    // The time stays even if the clinic's name has to be shortened for it.
    let right = if left.width() + full.width() + 2 <= width {
        full
    } else if time.width() + 1 + MIN_NAME + 2 <= width {
        format!("{time} ")
    } else {
        String::new()
    };
    let line = Line::from(vec![
        // At least two blanks before the time.
        Span::raw(fit(&left, width.saturating_sub(right.width() + 2))),
        Span::raw("  "),
        Span::raw(right),
    ]);
    buf.set_style(area, theme::footer().add_modifier(Modifier::BOLD));
    buf.set_line(area.x, area.y, &line, area.width);
}

/// The counts, then the waits: each a group of items such as `Waiting 2`.
fn summary_groups(desk: &Desk) -> Vec<Vec<Vec<Span<'static>>>> {
    let counts = desk.counts();
    let item = |label: String, value: String| {
        vec![
            Span::raw(label),
            Span::raw(" "),
            Span::styled(value, theme::title()),
        ]
    };
    let statuses = Status::ALL
        .into_iter()
        .map(|s| {
            let label = i18n::capitalized(&words::status(desk.words(), s));
            item(label, counts.of(s).to_string())
        })
        .collect();
    let waits = vec![
        item(
            desk.words().t("desk-average-wait"),
            wait_text(desk, counts.average_wait),
        ),
        item(
            desk.words().t("desk-longest-wait"),
            wait_text(desk, counts.longest_wait),
        ),
    ];
    let tries: u32 = desk.rows().iter().map(|r| r.repeats).sum();
    let mut groups = vec![statuses, waits];
    if desk.namesake_count() > 0 {
        groups.push(vec![vec![Span::styled(
            desk.words()
                .f("desk-same-names", &[("count", num(desk.namesake_count()))]),
            theme::warning(),
        )]]);
    }
    if tries > 0 {
        groups.push(vec![vec![Span::styled(
            desk.words()
                .f("desk-repeat-tries", &[("count", num(tries))]),
            theme::warning(),
        )]]);
    }
    groups
}

/// Lays out groups of items, separated by ` · `, in lines of at most
/// `width` columns, each starting with `indent`: all on one line if they fit, else each group on lines
/// of its own, as many items to a line as fit.
fn wrap(
    groups: Vec<Vec<Vec<Span<'static>>>>,
    width: usize,
    indent: &'static str,
) -> Vec<Line<'static>> {
    let line = |items: &[Vec<Span<'static>>]| {
        let mut spans = vec![Span::raw(indent)];
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", theme::muted()));
            }
            spans.extend(item.iter().cloned());
        }
        Line::from(spans)
    };
    let all: Vec<Vec<Span>> = groups.iter().flatten().cloned().collect();
    if line(&all).width() <= width {
        return vec![line(&all)];
    }
    let mut out = Vec::new();
    for group in &groups {
        let mut start = 0;
        for end in 1..=group.len() {
            let too_wide = line(&group[start..end]).width() > width;
            if too_wide && end - start > 1 {
                out.push(line(&group[start..end - 1]));
                start = end - 1;
            }
        }
        if start < group.len() {
            out.push(line(&group[start..]));
        }
    }
    out
}

fn wait_text(desk: &Desk, wait: Option<Duration>) -> String {
    let w = desk.words();
    wait.map_or_else(|| w.t("desk-none"), |d| words::wait(w, d.num_minutes()))
}

fn too_small(text: String, area: Rect, buf: &mut Buffer) {
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    Paragraph::new(text)
        .alignment(Alignment::Center)
        .render(middle, buf);
}
