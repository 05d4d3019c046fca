//! Reading a date of birth: never today or later, and the century of a
//! two-digit year.
//!
//! The rule, as a clinic would put it: a two-digit year is read as the
//! year that makes the patient 0 to 110 years old. Only the years of the
//! last decade or so have two such readings (in 2026, `7/4/19` is a child
//! of 7 or an elder of 107); then neither is guessed, and the patient is
//! asked which they meant. A year written in full is taken as written.

use chrono::{Datelike, NaiveDate};

use super::date::{DateOrder, DateProblem, parse_date_in, short_year};

/// The oldest age a two-digit year is read as.
pub const OLDEST: i32 = 110;

/// How a typed date of birth reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Birth {
    /// One reading.
    One(NaiveDate),
    /// A two-digit year with two plausible readings, a century apart.
    Two { recent: NaiveDate, older: NaiveDate },
}

/// The date of birth `text` means on `today`: before today, and for a
/// two-digit year an age from 0 to [`OLDEST`].
pub fn read_birth_date(text: &str, today: NaiveDate) -> Result<Birth, DateProblem> {
    read_birth_date_in(text, today, DateOrder::MonthFirst)
}

/// Like [`read_birth_date`], with the day and month in `order`.
pub fn read_birth_date_in(
    text: &str,
    today: NaiveDate,
    order: DateOrder,
) -> Result<Birth, DateProblem> {
    let recent = parse_date_in(text, today, order)?;
    if !short_year(text) {
        return if recent < today {
            Ok(Birth::One(recent))
        } else {
            Err(DateProblem::Today)
        };
    }
    let older = NaiveDate::from_ymd_opt(recent.year() - 100, recent.month(), recent.day())
        .filter(|d| d.year() >= 1900 && age(*d, today) <= OLDEST);
    match (recent < today, older) {
        (true, Some(older)) => Ok(Birth::Two { recent, older }),
        (true, None) => Ok(Birth::One(recent)),
        (false, Some(older)) => Ok(Birth::One(older)),
        (false, None) => Err(DateProblem::Today),
    }
}

/// Whole years from `born` to `today`.
pub fn age(born: NaiveDate, today: NaiveDate) -> i32 {
    let before_birthday = (today.month(), today.day()) < (born.month(), born.day());
    today.year() - born.year() - i32::from(before_birthday)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// Saturday, November 21, 2026.
    fn today() -> NaiveDate {
        ymd(2026, 11, 21)
    }

    #[test]
    fn one_plausible_age_is_read_without_asking() {
        let cases = [
            ("4/17/62", ymd(1962, 4, 17)),
            ("1/1/05", ymd(2005, 1, 1)),
            ("12/31/99", ymd(1999, 12, 31)),
            ("11/22/26", ymd(1926, 11, 22)),
            // 2015 makes 11, 1915 would make 111.
            ("11/21/15", ymd(2015, 11, 21)),
            ("1/1/14", ymd(2014, 1, 1)),
        ];
        for (typed, want) in cases {
            assert_eq!(
                read_birth_date(typed, today()),
                Ok(Birth::One(want)),
                "{typed}"
            );
        }
    }

    #[test]
    fn two_plausible_ages_are_both_offered() {
        // The example a clinic gave: a 7-year-old or a 107-year-old.
        assert_eq!(
            read_birth_date("7/4/19", today()),
            Ok(Birth::Two {
                recent: ymd(2019, 7, 4),
                older: ymd(1919, 7, 4)
            })
        );
        // The edges: 110 until tomorrow is still 110; 111 today is not.
        assert!(matches!(
            read_birth_date("11/22/15", today()),
            Ok(Birth::Two { .. })
        ));
        assert_eq!(
            read_birth_date("11/21/15", today()),
            Ok(Birth::One(ymd(2015, 11, 21))),
            "1915-11-21 makes 111: too old"
        );
    }

    #[test]
    fn today_and_later_are_refused() {
        assert_eq!(
            read_birth_date("11/21/2026", today()),
            Err(DateProblem::Today)
        );
        assert_eq!(
            read_birth_date("2026-11-21", today()),
            Err(DateProblem::Today)
        );
        assert_eq!(
            read_birth_date("11/22/2026", today()),
            Err(DateProblem::Future)
        );
        // A two-digit year that is today reads as a hundredth birthday.
        assert_eq!(
            read_birth_date("11/21/26", today()),
            Ok(Birth::One(ymd(1926, 11, 21)))
        );
    }

    #[test]
    fn full_years_are_taken_as_written() {
        assert_eq!(
            read_birth_date("07/04/2019", today()),
            Ok(Birth::One(ymd(2019, 7, 4)))
        );
        assert_eq!(
            read_birth_date("07/04/1919", today()),
            Ok(Birth::One(ymd(1919, 7, 4)))
        );
        // A leap day a century back that never was: one reading.
        assert_eq!(
            read_birth_date("2/29/00", ymd(2006, 3, 1)),
            Ok(Birth::One(ymd(2000, 2, 29)))
        );
    }

    #[test]
    fn ages_count_whole_years() {
        assert_eq!(age(ymd(1962, 4, 17), ymd(2026, 4, 16)), 63);
        assert_eq!(age(ymd(1962, 4, 17), ymd(2026, 4, 17)), 64);
    }
}
