//! Time-of-day ranges as staff write them: `"09:00-12:00, 13:00-18:00"`.

use std::fmt;

/// Minutes in a day; `24:00` as an end is this value.
pub const DAY_MINUTES: u16 = 24 * 60;

/// One range of wall-clock time on a date, in minutes after midnight.
///
/// `end <= start` means the range is overnight: it runs from `start` on its
/// date to `end` on the next date (so `09:00-09:00` is 24 hours).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeRange {
    pub start: u16,
    pub end: u16,
}

impl TimeRange {
    /// A range from `start` to `end` minutes, or `None` if either is out of
    /// bounds (`start` must be before 24:00; `end` may be 24:00).
    pub fn new(start: u16, end: u16) -> Option<Self> {
        (start < DAY_MINUTES && end <= DAY_MINUTES).then_some(Self { start, end })
    }

    /// Whether the range runs past midnight into the next date.
    pub fn is_overnight(self) -> bool {
        self.end <= self.start
    }

    /// Start and end in minutes after the start of the range's own date; the
    /// end is past 1440 for an overnight range.
    pub fn span(self) -> (u32, u32) {
        let end = if self.is_overnight() {
            u32::from(self.end) + u32::from(DAY_MINUTES)
        } else {
            u32::from(self.end)
        };
        (u32::from(self.start), end)
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hm = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        write!(f, "{}-{}", hm(self.start), hm(self.end))
    }
}

/// A mistake in a ranges string, located by byte offsets into that string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangeError {
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub help: String,
}

impl RangeError {
    fn new(start: usize, end: usize, message: String, help: &str) -> Self {
        Self {
            start,
            end,
            message,
            help: help.to_string(),
        }
    }
}

const RANGE_HELP: &str = "write ranges as HH:MM-HH:MM in 24-hour time, separated by commas, e.g. \"09:00-12:00, 13:00-18:00\", or \"closed\"";
const TIME_HELP: &str =
    "write times in 24-hour form HH:MM, e.g. 09:00 or 18:00 (24:00 may end a range)";

/// Parses `"closed"`, `""`, or comma-separated `HH:MM-HH:MM` ranges.
///
/// Ranges are returned in the order written. Ranges that overlap on the same
/// date are an error; ranges that only touch are fine.
pub fn parse_ranges(text: &str) -> Result<Vec<TimeRange>, RangeError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("closed") {
        return Ok(Vec::new());
    }
    let mut ranges: Vec<(TimeRange, usize, usize)> = Vec::new();
    let mut offset = 0;
    for part in text.split(',') {
        let (start, end) = trimmed_bounds(part, offset);
        offset += part.len() + 1;
        if start == end {
            return Err(RangeError::new(
                start.saturating_sub(1),
                start,
                "a range is missing here (is there an extra comma?)".into(),
                RANGE_HELP,
            ));
        }
        let range = parse_one(&text[start..end], start)?;
        ranges.push((range, start, end));
    }
    check_overlaps(&ranges)?;
    Ok(ranges.into_iter().map(|(r, _, _)| r).collect())
}

fn trimmed_bounds(part: &str, offset: usize) -> (usize, usize) {
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    let start = offset + lead;
    (start, (offset + part.len() - trail).max(start))
}

fn parse_one(text: &str, at: usize) -> Result<TimeRange, RangeError> {
    let Some((left, right)) = text.split_once('-') else {
        let message = if text.eq_ignore_ascii_case("open") || text.contains("to") {
            format!("\"{text}\" is not a range")
        } else {
            format!("\"{text}\" needs a start and an end joined by \"-\"")
        };
        return Err(RangeError::new(at, at + text.len(), message, RANGE_HELP));
    };
    let (ls, le) = trimmed_bounds(left, at);
    let (rs, re) = trimmed_bounds(right, at + left.len() + 1);
    let start = parse_time(&left[ls - at..le - at], ls, false)?;
    let end = parse_time(
        &right[rs - at - left.len() - 1..re - at - left.len() - 1],
        rs,
        true,
    )?;
    Ok(TimeRange { start, end })
}

/// Parses `H:MM` or `HH:MM`; `24:00` only when `is_end`.
fn parse_time(text: &str, at: usize, is_end: bool) -> Result<u16, RangeError> {
    let err = |message: String| {
        Err(RangeError::new(
            at,
            at + text.len().max(1),
            message,
            TIME_HELP,
        ))
    };
    let Some((h, m)) = text.split_once(':') else {
        return err(if text.is_empty() {
            "a time is missing here".into()
        } else {
            format!("\"{text}\" is not a time")
        });
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) || h.len() > 2 || m.len() != 2 {
        return err(format!("\"{text}\" is not a time"));
    }
    let (hour, minute): (u16, u16) = match (h.parse(), m.parse()) {
        (Ok(hour), Ok(minute)) => (hour, minute),
        _ => return err(format!("\"{text}\" is not a time")),
    };
    if minute > 59 {
        return err(format!(
            "\"{text}\" has {minute} minutes; minutes go from 00 to 59"
        ));
    }
    if hour == 24 && minute == 0 {
        return if is_end {
            Ok(DAY_MINUTES)
        } else {
            err("24:00 can only end a range; start the range at 00:00 instead".into())
        };
    }
    if hour > 23 {
        return err(format!(
            "\"{text}\" is not a time of day; hours go from 00 to 23"
        ));
    }
    Ok(hour * 60 + minute)
}

fn check_overlaps(ranges: &[(TimeRange, usize, usize)]) -> Result<(), RangeError> {
    for (i, (a, _, _)) in ranges.iter().enumerate() {
        for (b, bs, be) in &ranges[i + 1..] {
            let (a0, a1) = a.span();
            let (b0, b1) = b.span();
            if a0 < b1 && b0 < a1 {
                return Err(RangeError::new(
                    *bs,
                    *be,
                    format!("{b} overlaps {a} on the same day"),
                    "ranges on one day must not overlap; join them into one range, e.g. \"09:00-18:00\"",
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Vec<String> {
        parse_ranges(s)
            .map(|v| v.iter().map(ToString::to_string).collect())
            .unwrap_or_else(|e| vec![format!("error {}..{}: {}", e.start, e.end, e.message)])
    }

    #[test]
    fn closed_and_empty_mean_no_ranges() {
        assert!(r("closed").is_empty());
        assert!(r(" Closed ").is_empty());
        assert!(r("").is_empty());
    }

    #[test]
    fn parses_several_ranges() {
        assert_eq!(
            r("09:00-12:00, 13:00-18:00"),
            ["09:00-12:00", "13:00-18:00"]
        );
        assert_eq!(r("9:00 - 17:30"), ["09:00-17:30"]);
        assert_eq!(r("00:00-24:00"), ["00:00-24:00"]);
    }

    #[test]
    fn overnight_ranges() {
        let v = parse_ranges("22:00-02:00").unwrap_or_default();
        assert!(v[0].is_overnight());
        assert_eq!(v[0].span(), (22 * 60, 26 * 60));
        let full = parse_ranges("09:00-09:00").unwrap_or_default();
        assert_eq!(full[0].span(), (540, 540 + 1440));
    }

    #[test]
    fn bad_times_are_located() {
        assert_eq!(
            r("09:00-25:00"),
            ["error 6..11: \"25:00\" is not a time of day; hours go from 00 to 23"]
        );
        assert_eq!(r("9am-5pm"), ["error 0..3: \"9am\" is not a time"]);
        assert_eq!(
            r("09:60-10:00"),
            ["error 0..5: \"09:60\" has 60 minutes; minutes go from 00 to 59"]
        );
        assert_eq!(
            r("24:00-02:00")[0],
            "error 0..5: 24:00 can only end a range; start the range at 00:00 instead"
        );
        assert_eq!(
            r("09:00"),
            ["error 0..5: \"09:00\" needs a start and an end joined by \"-\""]
        );
        assert_eq!(
            r("09:00-12:00,"),
            ["error 11..12: a range is missing here (is there an extra comma?)"]
        );
        assert_eq!(r("09:00-"), ["error 6..7: a time is missing here"]);
    }

    #[test]
    fn overlaps_are_errors_but_touching_is_fine() {
        assert_eq!(
            r("09:00-12:00, 11:00-13:00"),
            ["error 13..24: 11:00-13:00 overlaps 09:00-12:00 on the same day"]
        );
        assert_eq!(r("09:00-12:00,12:00-13:00"), ["09:00-12:00", "12:00-13:00"]);
        assert_eq!(
            r("22:00-02:00, 01:00-03:00"),
            ["22:00-02:00", "01:00-03:00"]
        );
        assert!(r("09:00-09:00, 10:00-11:00")[0].starts_with("error"));
    }
}
