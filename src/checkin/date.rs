//! Reading a date the way people type it: in US month/day order, or day
//! first for languages that write it so (`date-order` in the messages).

use chrono::{Datelike, NaiveDate};

use super::text::narrow;

/// Why typed text is not an acceptable date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date in any form we read.
    Unreadable,
    /// Looks like day/month order (`17/04/1962`) where the month comes first.
    MonthFirst,
    /// Looks like month/day order (`04/17/1962`) where the day comes first.
    DayFirst,
    /// The month has no such day (`02/30/1990`).
    NoSuchDay { month: u32, year: i32, days: u32 },
    /// After today.
    Future,
    /// Today: nobody checking in was born today (see `century`).
    Today,
    /// Before 1900.
    TooOld,
}

enum Year {
    Full(i32),
    /// Two digits: the most recent year that keeps the date out of the future.
    Short(i32),
}

struct Parts {
    month: u32,
    day: u32,
    year: Year,
    /// Written year first (`1962-04-17`), so the month is not in doubt.
    iso: bool,
}

/// The date `text` means, relative to `today`. Accepts `4/17/62`,
/// `04/17/1962`, `04-17-1962`, `4.17.1962`, `1962-04-17`, `04171962` and
/// `041762`; a two-digit year is the most recent one that does not put the
/// date after `today`.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DateProblem> {
    parse_date_in(text, today, DateOrder::MonthFirst)
}

/// Which of the first two numbers of a date is the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrder {
    /// `04/17/1962` (US English).
    MonthFirst,
    /// `17/04/1962` (Spanish and most of the world).
    DayFirst,
}

/// Like [`parse_date`], in `order` (a year-first date is always year,
/// month, day).
pub fn parse_date_in(
    text: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<NaiveDate, DateProblem> {
    let mut parts = split(&narrow(text)).ok_or(DateProblem::Unreadable)?;
    if order == DateOrder::DayFirst && !parts.iso {
        std::mem::swap(&mut parts.month, &mut parts.day);
    }
    let (month, day) = (parts.month, parts.day);
    if month == 0 || day == 0 || day > 31 {
        return Err(DateProblem::Unreadable);
    }
    if month > 12 {
        return Err(match (day <= 12 && !parts.iso, order) {
            (true, DateOrder::MonthFirst) => DateProblem::MonthFirst,
            (true, DateOrder::DayFirst) => DateProblem::DayFirst,
            (false, _) => DateProblem::Unreadable,
        });
    }
    let year = match parts.year {
        Year::Full(y) => y,
        Year::Short(yy) => {
            let y = today.year() - today.year().rem_euclid(100) + yy;
            if (y, month, day) > (today.year(), today.month(), today.day()) {
                y - 100
            } else {
                y
            }
        }
    };
    if year < 1900 {
        return Err(DateProblem::TooOld);
    }
    let Some(date) = NaiveDate::from_ymd_opt(year, month, day) else {
        let days = (28..=31)
            .rev()
            .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())
            .unwrap_or(28);
        return Err(DateProblem::NoSuchDay { month, year, days });
    };
    if date > today {
        return Err(DateProblem::Future);
    }
    Ok(date)
}

/// Whether `text` is a date written with a two-digit year (`7/4/19`).
pub fn short_year(text: &str) -> bool {
    split(&narrow(text)).is_some_and(|p| matches!(p.year, Year::Short(_)))
}

fn split(text: &str) -> Option<Parts> {
    let pieces: Vec<&str> = text
        .split(|c: char| matches!(c, '/' | '-' | '.') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if !pieces.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    match pieces.as_slice() {
        [y, m, d] if y.len() == 4 => Some(Parts {
            month: small(m)?,
            day: small(d)?,
            year: Year::Full(y.parse().ok()?),
            iso: true,
        }),
        [m, d, y] => Some(Parts {
            month: small(m)?,
            day: small(d)?,
            year: year(y)?,
            iso: false,
        }),
        [all] if all.len() == 8 || all.len() == 6 => Some(Parts {
            month: all.get(0..2)?.parse().ok()?,
            day: all.get(2..4)?.parse().ok()?,
            year: year(all.get(4..)?)?,
            iso: false,
        }),
        _ => None,
    }
}

/// A month or day: one or two digits.
fn small(text: &str) -> Option<u32> {
    (1..=2).contains(&text.len()).then(|| text.parse().ok())?
}

fn year(text: &str) -> Option<Year> {
    match text.len() {
        2 => Some(Year::Short(text.parse().ok()?)),
        4 => Some(Year::Full(text.parse().ok()?)),
        _ => None,
    }
}
