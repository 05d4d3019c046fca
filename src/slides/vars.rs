//! Placeholders such as `{{phone}}`, filled from the configuration so staff
//! never type the clinic's details twice.

use std::ops::Range;

use chrono::{DateTime, Utc};

use crate::config::Config;
use crate::hours::{DayHours, week_from};
use crate::i18n::{self, Words};
use crate::status::StatusReport;

/// Every placeholder a slide body may use, without the braces.
pub const PLACEHOLDERS: [&str; 5] = ["clinic_name", "address", "phone", "week_hours", "status"];

/// The values placeholders are filled with. Text here is shown as written
/// (it is Markdown-escaped on the way in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vars {
    /// `{{clinic_name}}`.
    pub clinic_name: String,
    /// `{{address}}`: one entry per line.
    pub address: Vec<String>,
    /// `{{phone}}`; when `None` the slide says to ask the front desk.
    pub phone: Option<String>,
    /// `{{week_hours}}`: the seven days from today.
    pub week: Vec<DayHours>,
    /// `{{status}}`, e.g. `Opens Monday at 9:00 AM`.
    pub status: String,
}

impl Vars {
    /// The values for the clinic in `config` at `now`, with `status` the
    /// clinic's state at `now`.
    pub fn new(config: &Config, status: &StatusReport, now: DateTime<Utc>, w: Words<'_>) -> Self {
        let today = config.schedule.wall_at(now).date();
        Self {
            clinic_name: config.clinic.name.clone(),
            address: config.clinic.address.clone(),
            phone: config.clinic.phone.clone(),
            week: week_from(&config.schedule, today, w),
            status: i18n::capitalized(&status.change_text),
        }
    }

    /// The lines of a placeholder's value, unescaped; `None` if `name` is
    /// not a placeholder.
    fn lines(&self, name: &str, w: Words<'_>) -> Option<Vec<String>> {
        let one = |s: &str| Some(vec![s.to_string()]);
        match name {
            "clinic_name" => one(&self.clinic_name),
            "address" => Some(self.address.clone()),
            "phone" => one(&match &self.phone {
                Some(phone) => phone.replace(' ', NO_BREAK),
                None => w.t("slides-no-phone"),
            }),
            "week_hours" => Some(self.week.iter().map(|d| week_line(d, w)).collect()),
            "status" => one(&keep_times_together(&self.status)),
            _ => None,
        }
    }
}

const NO_BREAK: &str = "\u{A0}";

/// `9:00 AM` with a no-break space, so a time never wraps apart.
fn keep_times_together(text: &str) -> String {
    text.replace(" AM", "\u{A0}AM").replace(" PM", "\u{A0}PM")
}

fn week_line(day: &DayHours, w: Words<'_>) -> String {
    let today = if day.is_today { "yes" } else { "no" };
    let mut args = vec![
        ("day", day.day_label(w).into()),
        ("hours", day.hours.as_str().into()),
        ("today", today.into()),
    ];
    let id = match &day.note {
        Some(note) => {
            args.push(("note", note.as_str().into()));
            "hours-week-line-note"
        }
        None => "hours-week-line",
    };
    keep_times_together(&w.f(id, &args))
}

/// Every `{{…}}` in `text` (opening and closing braces on one line): the
/// byte range of the whole placeholder and the name inside, trimmed.
pub(super) fn find_placeholders(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("{{").map(|i| at + i) {
        let inner_start = open + 2;
        let line_end = text[inner_start..]
            .find('\n')
            .map_or(text.len(), |i| inner_start + i);
        match text[inner_start..line_end].find("}}") {
            Some(close) => {
                let end = inner_start + close + 2;
                found.push((open..end, text[inner_start..end - 2].trim()));
                at = end;
            }
            None => at = inner_start,
        }
    }
    found
}

/// `text` with every ASCII punctuation character backslash-escaped, so it
/// reads literally in Markdown.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Fills the placeholders in `body`, giving Markdown. A multi-line value on
/// a line of its own becomes separate lines (`{{address}}`) or a list
/// (`{{week_hours}}`); inside a sentence its lines are joined. Unknown
/// placeholders are left as they are.
pub fn expand(body: &str, vars: &Vars, w: Words<'_>) -> String {
    body.split('\n')
        .map(|line| match own_line(line) {
            Some((prefix, name)) => {
                block(prefix, name, vars, w).unwrap_or_else(|| line.to_string())
            }
            None => inline(line, vars, w),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line holding one placeholder and nothing else but indentation or
/// block-quote markers: those markers and the placeholder's name.
fn own_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start_matches([' ', '>']);
    let prefix = &line[..line.len() - rest.len()];
    let rest = rest.trim_end();
    match find_placeholders(rest).as_slice() {
        [(range, name)] if *range == (0..rest.len()) => Some((prefix, name)),
        _ => None,
    }
}

fn block(prefix: &str, name: &str, vars: &Vars, w: Words<'_>) -> Option<String> {
    if name == "week_hours" {
        let blank = prefix.trim_end();
        let mut out = vec![blank.to_string()];
        for day in &vars.week {
            let text = escape(&week_line(day, w));
            out.push(if day.is_today {
                format!("{prefix}- **{text}**")
            } else {
                format!("{prefix}- {text}")
            });
        }
        out.push(blank.to_string());
        return Some(out.join("\n"));
    }
    let lines: Vec<String> = vars
        .lines(name, w)?
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("{prefix}{}", escape(l.trim())))
        .collect();
    Some(if lines.is_empty() {
        prefix.trim_end().to_string()
    } else {
        lines.join("\\\n")
    })
}

fn inline(line: &str, vars: &Vars, w: Words<'_>) -> String {
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (range, name) in find_placeholders(line) {
        let Some(lines) = vars.lines(name, w) else {
            continue;
        };
        // Lines of a multi-line value, joined inside a sentence.
        let join = if name == "week_hours" { "; " } else { ", " };
        let parts: Vec<&str> = lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect();
        out.push_str(&line[at..range.start]);
        out.push_str(&escape(&parts.join(join)));
        at = range.end;
    }
    out.push_str(&line[at..]);
    out
}

#[cfg(test)]
#[path = "vars_tests.rs"]
mod tests;
