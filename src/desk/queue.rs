//! The day's queue as the desk shows it: the order, each patient's name and
//! wait, and the day's counts. Pure: records and a time in, values out.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::config::BirthShown;
use crate::sanitize::printable;
use crate::store::{CheckinId, CheckinRecord, Status, fold};

/// Where a status sorts: called patients first (they are next to be marked
/// seen or no-show), then the waiting ones (the next to call on top), then
/// the finished ones.
fn group(status: Status) -> u8 {
    match status {
        Status::Called => 0,
        Status::Waiting => 1,
        Status::Seen | Status::NoShow => 2,
    }
}

/// Puts the day's check-ins in the order the desk lists them: by group
/// (called, waiting, finished), then by ticket.
pub fn sort(records: &mut [CheckinRecord]) {
    records.sort_by_key(|r| (group(r.status), r.ticket, r.id));
}

/// The patient's name as shown: the `first_name` and `last_name` fields
/// when either is there, otherwise the first field with a value. Control
/// characters are removed and runs of spaces collapsed; empty if there is
/// no name at all.
pub fn display_name(record: &CheckinRecord) -> String {
    name_of(&record.fields)
}

/// The name in a check-in's answers, as [`display_name`] shows it.
pub fn name_of(fields: &[(String, String)]) -> String {
    let field = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let clean = |value: &str| {
        printable(value)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let named: Vec<String> = ["first_name", "last_name"]
        .into_iter()
        .filter_map(field)
        .map(clean)
        .filter(|part| !part.is_empty())
        .collect();
    if !named.is_empty() {
        return named.join(" ");
    }
    fields
        .iter()
        .map(|(_, value)| clean(value))
        .find(|value| !value.is_empty())
        .unwrap_or_default()
}

/// The check-ins whose name (folded: capitals, accents and spacing do not
/// count) another check-in in `records` shares.
pub fn namesakes(records: &[CheckinRecord]) -> Vec<CheckinId> {
    let names: Vec<String> = records.iter().map(|r| fold(&display_name(r))).collect();
    records
        .iter()
        .zip(&names)
        .enumerate()
        .filter(|(i, (_, name))| {
            !name.is_empty()
                && names
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != *i && other == *name)
        })
        .map(|(_, (r, _))| r.id)
        .collect()
}

/// A stored date (`1962-04-07`) as the desk shows it: `04/07/1962`.
pub fn us_date(stored: &str) -> Option<String> {
    let date = NaiveDate::parse_from_str(stored, "%Y-%m-%d").ok()?;
    Some(date.format("%m/%d/%Y").to_string())
}

/// Whole years from `born` to `today`.
pub fn age(born: NaiveDate, today: NaiveDate) -> Option<u32> {
    today.years_since(born)
}

/// The date of birth (or age) of a check-in as the desk shows it; empty
/// when there is none, and the stored text when it is not a date.
pub fn birth_text(
    record: &CheckinRecord,
    key: Option<&str>,
    shown: BirthShown,
    today: NaiveDate,
) -> String {
    let Some(stored) = key.and_then(|k| record.field(k)) else {
        return String::new();
    };
    let date = NaiveDate::parse_from_str(stored, "%Y-%m-%d").ok();
    match (shown, date) {
        (BirthShown::Date, Some(_)) => us_date(stored).unwrap_or_default(),
        (BirthShown::Age, Some(born)) => {
            age(born, today).map_or_else(String::new, |a| a.to_string())
        }
        (_, None) => printable(stored),
    }
}

/// Time since `since`, never negative (a clock a little behind another
/// machine's must not show "-1 min").
fn since(since: DateTime<Utc>, now: DateTime<Utc>) -> Duration {
    (now - since).max(Duration::zero())
}

/// Whole minutes since check-in, for a patient not yet seen (waiting or
/// called); `None` once they are seen or marked no-show.
pub fn minutes_waiting(record: &CheckinRecord, now: DateTime<Utc>) -> Option<i64> {
    match record.status {
        Status::Waiting | Status::Called => Some(since(record.checked_in_at, now).num_minutes()),
        Status::Seen | Status::NoShow => None,
    }
}

/// The day at a glance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub waiting: usize,
    pub called: usize,
    pub seen: usize,
    pub no_show: usize,
    /// The mean of (status changed − checked in) over the patients whose
    /// status is now called or seen: how long they waited until called, or
    /// until marked seen if nobody marked them called first. `None` when
    /// there is nobody to count.
    pub average_wait: Option<Duration>,
    /// The longest time since check-in among the patients waiting now.
    pub longest_wait: Option<Duration>,
}

impl Counts {
    pub fn of(&self, status: Status) -> usize {
        match status {
            Status::Waiting => self.waiting,
            Status::Called => self.called,
            Status::Seen => self.seen,
            Status::NoShow => self.no_show,
        }
    }
}

/// Counts and waits of `records` at `now`.
pub fn counts(records: &[CheckinRecord], now: DateTime<Utc>) -> Counts {
    let count = |status| records.iter().filter(|r| r.status == status).count();
    let served: Vec<i64> = records
        .iter()
        .filter(|r| matches!(r.status, Status::Called | Status::Seen))
        .map(|r| since(r.checked_in_at, r.status_changed_at).num_milliseconds())
        .collect();
    let average_wait = i64::try_from(served.len())
        .ok()
        .filter(|n| *n > 0)
        .map(|n| {
            Duration::milliseconds(served.iter().fold(0_i64, |a, b| a.saturating_add(*b)) / n)
        });
    let longest_wait = records
        .iter()
        .filter(|r| r.status == Status::Waiting)
        .map(|r| since(r.checked_in_at, now))
        .max();
    Counts {
        waiting: count(Status::Waiting),
        called: count(Status::Called),
        seen: count(Status::Seen),
        no_show: count(Status::NoShow),
        average_wait,
        longest_wait,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::tests::{at, record};

    #[test]
    fn called_then_waiting_then_finished_each_by_ticket() {
        let mut rows = vec![
            record(1, "09:00", Status::Seen, &[]),
            record(2, "09:05", Status::Waiting, &[]),
            record(3, "09:10", Status::Called, &[]),
            record(4, "09:15", Status::NoShow, &[]),
            record(5, "09:20", Status::Waiting, &[]),
            record(6, "09:25", Status::Called, &[]),
        ];
        rows.reverse();
        sort(&mut rows);
        let tickets: Vec<u32> = rows.iter().map(|r| r.ticket).collect();
        assert_eq!(tickets, [3, 6, 2, 5, 1, 4]);
    }

    #[test]
    fn names_prefer_first_and_last_and_are_cleaned() {
        let name =
            |fields: &[(&str, &str)]| display_name(&record(1, "09:00", Status::Waiting, fields));
        let both = [("first_name", "Thị Minh Khai"), ("last_name", "Nguyễn")];
        assert_eq!(name(&both), "Thị Minh Khai Nguyễn");
        assert_eq!(name(&[("phone", "720"), ("last_name", "李")]), "李");
        assert_eq!(
            name(&[("visit", " "), ("full_name", "Zoë  \tO'Brien")]),
            "Zoë O'Brien"
        );
        assert_eq!(name(&[("first_name", "A\u{1b}[2J\u{7}b")]), "A[2Jb");
        assert_eq!(name(&[("first_name", "   ")]), "");
        assert_eq!(name(&[]), "");
    }

    #[test]
    fn namesakes_are_found_whatever_the_accents() {
        let rows = vec![
            record(
                1,
                "09:00",
                Status::Seen,
                &[("first_name", "José"), ("last_name", "García")],
            ),
            record(2, "09:05", Status::Waiting, &[("first_name", "Ana")]),
            record(
                3,
                "09:10",
                Status::Waiting,
                &[("first_name", "JOSE"), ("last_name", "garcia")],
            ),
            record(4, "09:15", Status::Waiting, &[]),
            record(5, "09:20", Status::Waiting, &[]),
        ];
        let ids: Vec<CheckinId> = namesakes(&rows);
        assert_eq!(
            ids,
            [CheckinId(10), CheckinId(30)],
            "no name is no namesake"
        );
    }

    #[test]
    fn birth_dates_show_as_dates_or_ages() {
        let r = record(
            1,
            "09:00",
            Status::Waiting,
            &[("date_of_birth", "1962-11-24")],
        );
        let today = at("09:00").date_naive();
        let key = Some("date_of_birth");
        assert_eq!(birth_text(&r, key, BirthShown::Date, today), "11/24/1962");
        assert_eq!(
            birth_text(&r, key, BirthShown::Age, today),
            "63",
            "birthday tomorrow"
        );
        assert_eq!(birth_text(&r, None, BirthShown::Age, today), "");
        let odd = record(2, "09:00", Status::Waiting, &[("date_of_birth", "soon")]);
        assert_eq!(birth_text(&odd, key, BirthShown::Date, today), "soon");
    }

    #[test]
    fn minutes_waiting_count_whole_minutes_until_seen() {
        let now = at("10:00:59");
        let waiting = record(1, "09:18", Status::Waiting, &[]);
        assert_eq!(minutes_waiting(&waiting, now), Some(42));
        let called = record(2, "09:59:30", Status::Called, &[]);
        assert_eq!(minutes_waiting(&called, now), Some(1));
        let future = record(3, "10:05", Status::Waiting, &[]);
        assert_eq!(minutes_waiting(&future, now), Some(0), "never negative");
        for done in [Status::Seen, Status::NoShow] {
            assert_eq!(minutes_waiting(&record(4, "09:00", done, &[]), now), None);
        }
    }

    #[test]
    fn counts_and_the_average_wait_of_called_and_seen() {
        let mut rows = vec![
            record(1, "09:00", Status::Seen, &[]),
            record(2, "09:10", Status::Called, &[]),
            record(3, "09:20", Status::NoShow, &[]),
            record(4, "09:30", Status::Waiting, &[]),
            record(5, "09:45", Status::Waiting, &[]),
        ];
        rows[0].status_changed_at = at("09:30"); // waited 30 min
        rows[1].status_changed_at = at("09:20"); // waited 10 min
        rows[2].status_changed_at = at("11:00"); // a no-show is not counted
        let c = counts(&rows, at("10:00"));
        assert_eq!((c.waiting, c.called, c.seen, c.no_show), (2, 1, 1, 1));
        assert_eq!(c.average_wait, Some(Duration::minutes(20)));
        assert_eq!(c.longest_wait, Some(Duration::minutes(30)));
        assert_eq!(c.of(Status::NoShow), 1);
        assert_eq!(counts(&[], at("10:00")), Counts::default());
        let only_waiting = counts(&rows[3..], at("10:00"));
        assert_eq!(only_waiting.average_wait, None);
    }
}
