//! Checking one slide file, collecting every mistake with its location.

use std::ops::Range;
use std::time::Duration;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::front::{Parts, split};
use super::toml_error::toml_problem;
use super::vars::{PLACEHOLDERS, find_placeholders};
use super::window::{When, Window};
use super::{ReviewBy, Reviewed, Slide};
use crate::diagnostic::{Diagnostic, nearest, quote_len};
use crate::hours::{TimeRange, parse_ranges};
use crate::sanitize::printable;

/// The front matter exactly as written, with where each value is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlide {
    title: Option<Spanned<String>>,
    duration: Option<Spanned<i64>>,
    enabled: Option<bool>,
    days: Option<Spanned<Vec<Spanned<String>>>>,
    time: Option<Spanned<String>>,
    from: Option<Spanned<String>>,
    until: Option<Spanned<String>>,
    when: Option<Spanned<String>>,
    sources: Option<Vec<Spanned<String>>>,
    review_by: Option<Spanned<String>>,
    reviewed: Option<Spanned<String>>,
    qr: Option<Spanned<String>>,
}

/// The most a QR code may hold and still scan from across a waiting room.
pub const MAX_QR_BYTES: usize = 256;
const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
pub(super) const DATE_HELP: &str = "write dates as \"YYYY-MM-DD\" in quotes, e.g. \"2026-12-25\"";
const TIME_HELP: &str = "write one range, e.g. time = \"09:00-12:00\"; a range that ends at or before its start runs past midnight";

/// Collects the problems of one file; spans given to it are relative to
/// the front matter and reported in the whole file.
struct Checker<'a> {
    label: &'a str,
    source: &'a str,
    offset: usize,
    problems: Vec<Diagnostic>,
}

impl Checker<'_> {
    fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let span = span.start + self.offset..span.end + self.offset;
        Diagnostic::new(self.label, self.source, span, message)
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let d = self.at(span, message).with_help(help);
        self.problems.push(d);
    }

    /// Where the characters of a string value start, when it is written
    /// without escapes (so offsets inside it line up with the file).
    fn content_start(&self, value: &Spanned<String>) -> Option<usize> {
        let span = value.span();
        let in_file = span.start + self.offset..span.end + self.offset;
        let quote = quote_len(self.source, in_file, value.get_ref())?;
        Some(span.start + quote)
    }

    fn date(&mut self, value: &Spanned<String>) -> Option<NaiveDate> {
        let text = value.get_ref().trim();
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
        if parsed.is_none() {
            let message = format!("\"{}\" is not a date", printable(text));
            self.error(value.span(), message, DATE_HELP);
        }
        parsed
    }

    fn title(&mut self, value: Option<&Spanned<String>>, fence: Range<usize>) -> String {
        let Some(value) = value else {
            let help = "add a line such as title = \"Welcome\" between the +++ lines";
            let d = Diagnostic::new(self.label, self.source, fence, "this slide has no title");
            self.problems.push(d.with_help(help));
            return String::new();
        };
        let title = one_line(value.get_ref());
        if title.is_empty() {
            let help = "write the heading shown above the slide, e.g. title = \"Welcome\"";
            self.error(value.span(), "the title is empty", help);
        }
        title
    }

    fn duration(&mut self, value: Option<&Spanned<i64>>) -> Option<Duration> {
        let value = value?;
        let n = *value.get_ref();
        if !(1..=3600).contains(&n) {
            let message = format!("duration must be from 1 to 3600 seconds, not {n}");
            let help = "leave it out to use slide_seconds from kiosk.toml";
            self.error(value.span(), message, help);
            return None;
        }
        Some(Duration::from_secs(n.unsigned_abs()))
    }

    fn days(&mut self, value: &Spanned<Vec<Spanned<String>>>) -> Option<[bool; 7]> {
        if value.get_ref().is_empty() {
            let help = "list the days to show it on, e.g. days = [\"mon\", \"fri\"], or remove days to show it every day";
            self.error(
                value.span(),
                "days is empty, so this slide would never show",
                help,
            );
            return None;
        }
        let mut days = [false; 7];
        let mut ok = true;
        for name in value.get_ref() {
            match weekday(name.get_ref()) {
                Some(i) => days[i] = true,
                None => {
                    self.unknown_day(name);
                    ok = false;
                }
            }
        }
        ok.then_some(days)
    }

    fn unknown_day(&mut self, name: &Spanned<String>) {
        let text = name.get_ref().trim();
        let list = "days are written monday … sunday, or mon … sun";
        let lower = text.to_lowercase();
        let prefixed = || {
            let usable = lower.chars().count() >= 3;
            DAY_NAMES
                .into_iter()
                .find(|d| usable && d.starts_with(&lower))
        };
        let help = match nearest(text, DAY_NAMES.into_iter()).or_else(prefixed) {
            Some(best) => format!("did you mean \"{best}\"? {}", capital(list)),
            None => capital(list),
        };
        let message = format!("unknown day \"{}\"", printable(text));
        self.error(name.span(), message, help);
    }

    fn time(&mut self, value: &Spanned<String>) -> Option<TimeRange> {
        match parse_ranges(value.get_ref()) {
            Ok(ranges) => match ranges.as_slice() {
                [one] => Some(*one),
                [] => {
                    self.error(value.span(), "time needs a range of hours", TIME_HELP);
                    None
                }
                _ => {
                    let message = "time takes one range, not several";
                    self.error(value.span(), message, TIME_HELP);
                    None
                }
            },
            Err(e) => {
                let span = match self.content_start(value) {
                    Some(at) => at + e.start..at + e.end,
                    None => value.span(),
                };
                self.error(span, printable(&e.message), e.help);
                None
            }
        }
    }

    fn when(&mut self, value: Option<&Spanned<String>>) -> When {
        let Some(value) = value else {
            return When::Any;
        };
        let text = value.get_ref().trim();
        if let Some(when) = When::from_name(text) {
            return when;
        }
        let list = "the choices are \"any\", \"open\", \"closed\" and \"closing_soon\"";
        let help = match nearest(text, When::NAMES.into_iter()) {
            Some(best) => format!("did you mean \"{best}\"? {}", capital(list)),
            None => capital(list),
        };
        let message = format!("unknown when \"{}\"", printable(text));
        self.error(value.span(), message, help);
        When::Any
    }
}

/// Day index (Monday = 0) for a full or three-letter English day name.
fn weekday(name: &str) -> Option<usize> {
    let lower = name.trim().to_lowercase();
    DAY_NAMES
        .iter()
        .position(|d| *d == lower || (lower.len() == 3 && d.starts_with(&lower)))
}

fn capital(text: &str) -> String {
    crate::i18n::capitalized(text)
}

/// `text` on one line, trimmed and safe to print.
fn one_line(text: &str) -> String {
    printable(&text.replace(['\n', '\r'], " "))
        .trim()
        .to_string()
}

/// `text` safe to print line by line: tabs become four spaces (keeping
/// Markdown indentation), other control characters are removed.
fn printable_lines(text: &str) -> String {
    text.split('\n')
        .map(|line| printable(&line.replace('\t', "    ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks the slide `source`, the text of the file named `file` (shown in
/// problems as `label`, e.g. its path). Every problem found is reported.
pub fn parse_slide(file: &str, label: &str, source: &str) -> Result<Slide, Vec<Diagnostic>> {
    let parts = split(label, source).map_err(|d| vec![*d])?;
    let mut c = Checker {
        label,
        source,
        offset: parts.front_start,
        problems: Vec::new(),
    };
    let raw: RawSlide = match toml::from_str(parts.front) {
        Ok(raw) => raw,
        Err(e) => {
            let fence = parts.open_fence.clone();
            return Err(vec![toml_problem(
                label,
                source,
                parts.front_start,
                &e,
                fence,
            )]);
        }
    };
    let slide = build(&mut c, raw, &parts, file);
    check_placeholders(&mut c, &parts);
    if c.problems.is_empty() {
        Ok(slide)
    } else {
        Err(c.problems)
    }
}

fn build(c: &mut Checker<'_>, raw: RawSlide, parts: &Parts<'_>, file: &str) -> Slide {
    let title = c.title(raw.title.as_ref(), parts.open_fence.clone());
    let window = window(c, &raw);
    let review_by = raw.review_by.as_ref().and_then(|v| {
        let date = c.date(v)?;
        let message = format!("health content due for review since {date}");
        let help = "check this slide against current research, then set review_by to a new date";
        let warning = c.at(v.span(), message).with_help(help).warning();
        Some(ReviewBy { date, warning })
    });
    let reviewed = raw.reviewed.as_ref().and_then(|v| {
        let date = c.date(v)?;
        Some(Reviewed::new(date, c.at(v.span(), "")))
    });
    Slide {
        file: printable(file),
        title,
        duration: c.duration(raw.duration.as_ref()),
        enabled: raw.enabled.unwrap_or(true),
        window,
        when: c.when(raw.when.as_ref()),
        sources: sources(c, raw.sources.as_deref().unwrap_or_default()),
        review_by,
        reviewed,
        qr: raw.qr.as_ref().and_then(|q| qr(c, q)),
        body: printable_lines(parts.body),
    }
}

fn window(c: &mut Checker<'_>, raw: &RawSlide) -> Window {
    let from = raw.from.as_ref().and_then(|v| c.date(v));
    let until = raw.until.as_ref().and_then(|v| c.date(v));
    if let (Some(f), Some(u), Some(value)) = (from, until, &raw.until)
        && u < f
    {
        let message = format!("until ({u}) is before from ({f})");
        let help = "until is the last date the slide shows and must be on or after from";
        c.error(value.span(), message, help);
    }
    Window {
        days: raw.days.as_ref().and_then(|d| c.days(d)),
        time: raw.time.as_ref().and_then(|t| c.time(t)),
        from,
        until,
    }
}

fn sources(c: &mut Checker<'_>, raw: &[Spanned<String>]) -> Vec<String> {
    let mut out = Vec::new();
    for value in raw {
        let text = one_line(value.get_ref());
        if text.is_empty() {
            let help = "write the citation, e.g. \"Lancet, 2005\", or remove the empty one";
            c.error(value.span(), "this source is empty", help);
        } else {
            out.push(text);
        }
    }
    out
}

fn qr(c: &mut Checker<'_>, value: &Spanned<String>) -> Option<String> {
    let text = printable(value.get_ref().trim());
    let help = "write the text or link to encode, e.g. qr = \"tel:+17202429756\", or remove qr";
    if text.is_empty() {
        c.error(value.span(), "qr is empty", help);
        return None;
    }
    if text.len() > MAX_QR_BYTES {
        let message = format!(
            "qr is {} bytes long; a code holding more than {MAX_QR_BYTES} is too dense to scan from a screen",
            text.len()
        );
        c.error(value.span(), message, "use a shorter link");
        return None;
    }
    Some(text)
}

fn check_placeholders(c: &mut Checker<'_>, parts: &Parts<'_>) {
    let known = "the placeholders are {{clinic_name}}, {{address}}, {{phone}}, {{week_hours}} and {{status}}";
    for (range, name) in find_placeholders(parts.body) {
        if PLACEHOLDERS.contains(&name) {
            continue;
        }
        let prefixed = || {
            let lower = name.to_lowercase();
            let usable = lower.chars().count() >= 3;
            PLACEHOLDERS
                .into_iter()
                .find(|p| usable && p.starts_with(&lower))
        };
        let help = match nearest(name, PLACEHOLDERS.into_iter()).or_else(prefixed) {
            Some(best) => format!("did you mean {{{{{best}}}}}? {}", capital(known)),
            None => capital(known),
        };
        let span = range.start + parts.body_start..range.end + parts.body_start;
        let message = format!("unknown placeholder {}", printable(&parts.body[range]));
        let d = Diagnostic::new(c.label, c.source, span, message).with_help(help);
        c.problems.push(d);
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
