//! The staff screen's notice form: its own heading and buttons, the words
//! wrapped as the waiting room will see them, a count against the limit,
//! and the span in words ("Shows from now until 9:00 AM tomorrow").

use chrono::NaiveDateTime;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::theme;
use crate::app::regions::wrap_words;
use crate::hours::NOTICE_MAX_CHARS;
use crate::i18n::{Words, num};
use crate::staff::notice_form::{NoticeForm, Part};

/// The form's widest.
const MAX_WIDTH: u16 = 76;

pub fn render(w: Words<'_>, form: &NoticeForm, now: NaiveDateTime, area: Rect, buf: &mut Buffer) {
    let width = area.width.min(MAX_WIDTH);
    let inner_width = usize::from(width.saturating_sub(4));
    let lines = form_lines(w, form, now, inner_width);
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [boxed] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    Clear.render(boxed, buf);
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .title(w.t("notice-form-title"))
        .border_style(theme::form_focus());
    let inner = block.inner(boxed).inner(ratatui::layout::Margin::new(1, 0));
    block.render(boxed, buf);
    Paragraph::new(lines).render(inner, buf);
}

fn form_lines(
    w: Words<'_>,
    form: &NoticeForm,
    now: NaiveDateTime,
    width: usize,
) -> Vec<Line<'static>> {
    let label = |part: Part, text: &str| {
        let (mark, style) = if form.focus == part {
            ("▸ ", theme::form_focus())
        } else {
            ("  ", theme::form_label())
        };
        Line::styled(format!("{mark}{text}"), style)
    };
    let value = |text: &str| Line::styled(format!("  {text}▏"), theme::form_value());
    let mut lines = vec![label(Part::Text, &w.t("notice-form-text"))];
    let wrapped = wrap_words(&form.text, width.saturating_sub(3));
    if wrapped.is_empty() {
        lines.push(value(""));
    }
    lines.extend(
        wrapped
            .iter()
            .map(|l| Line::styled(format!("  {l}"), theme::notice())),
    );
    lines.push(Line::styled(
        format!(
            "  {}",
            w.f(
                "notice-form-count",
                &[("chars", num(form.chars())), ("max", num(NOTICE_MAX_CHARS))],
            )
        ),
        theme::muted(),
    ));
    lines.push(label(Part::From, &w.t("notice-form-from")));
    lines.push(value(&form.from));
    lines.push(label(Part::Until, &w.t("notice-form-until")));
    lines.push(value(&form.until));
    let answer = if form.closes {
        w.t("notice-form-yes")
    } else {
        w.t("notice-form-no")
    };
    lines.push(label(
        Part::Closes,
        &format!("{}: {answer}", w.t("notice-form-closes")),
    ));
    let span = match form.span_words(now) {
        Ok(words) => Line::styled(format!("  {words}"), theme::today()),
        Err(_) => Line::raw(""),
    };
    lines.push(span);
    let save_style = if form.focus == Part::Save {
        theme::button()
    } else {
        Style::new()
    };
    lines.push(Line::styled(
        format!("  [ {} ]", w.t("notice-form-save")),
        save_style,
    ));
    if let Some(problem) = &form.problem {
        lines.push(Line::styled(format!("  {problem}"), theme::form_error()));
    }
    lines.push(Line::styled(w.t("notice-form-keys"), theme::muted()));
    lines
}
