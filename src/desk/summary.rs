//! The day in numbers, for the desk's summary screen and `kiosk checkins
//! summary`: check-ins by status and by source, the waits, and check-ins
//! per hour. Pure: records in, numbers and text out.

use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;

use super::queue;
use super::words;
use crate::i18n::Words;
use crate::store::{CheckinRecord, Source, Status};

/// What a day looked like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub date: NaiveDate,
    /// Check-ins on the list (removed ones not counted).
    pub total: usize,
    pub by_status: Vec<(Status, usize)>,
    /// Removed as entered in error.
    pub removed: usize,
    pub by_source: Vec<(Source, usize)>,
    /// The mean wait of the patients called or seen (see
    /// [`queue::Counts::average_wait`]).
    pub average_wait: Option<Duration>,
    /// The longest wait: until called or seen, or until now for those still
    /// waiting.
    pub longest_wait: Option<Duration>,
    /// Check-ins by the hour they arrived (clinic time), from the first
    /// hour with any to the last, hours without any included.
    pub per_hour: Vec<(u32, usize)>,
}

/// The summary of `records` (a day's list), `removed` of which were taken
/// off it, as at `now`.
pub fn summarize(
    date: NaiveDate,
    records: &[CheckinRecord],
    removed: usize,
    tz: Tz,
    now: DateTime<Utc>,
) -> Summary {
    let counts = queue::counts(records, now);
    let longest = records
        .iter()
        .filter_map(|r| match r.status {
            Status::Waiting => Some(now - r.checked_in_at),
            Status::Called | Status::Seen => Some(r.status_changed_at - r.checked_in_at),
            Status::NoShow => None,
        })
        .map(|d| d.max(Duration::zero()))
        .max();
    let hours: Vec<u32> = records
        .iter()
        .map(|r| r.checked_in_at.with_timezone(&tz).hour())
        .collect();
    let per_hour = match (hours.iter().min(), hours.iter().max()) {
        (Some(&first), Some(&last)) => (first..=last)
            .map(|h| (h, hours.iter().filter(|x| **x == h).count()))
            .collect(),
        _ => Vec::new(),
    };
    Summary {
        date,
        total: records.len(),
        by_status: Status::ALL.map(|s| (s, counts.of(s))).to_vec(),
        removed,
        by_source: Source::ALL
            .map(|s| (s, records.iter().filter(|r| r.source == s).count()))
            .to_vec(),
        average_wait: counts.average_wait,
        longest_wait: longest,
        per_hour,
    }
}

fn wait(w: Words<'_>, d: Option<Duration>) -> String {
    d.map_or_else(|| w.t("desk-none"), |d| words::wait(w, d.num_minutes()))
}

impl Summary {
    /// The summary as lines of text, for the screen and the terminal; the
    /// hours as bars of `#` at most `bar` long.
    pub fn lines(&self, bar: usize, w: Words<'_>) -> Vec<String> {
        let statuses: Vec<String> = self
            .by_status
            .iter()
            .map(|(st, n)| format!("{} {n}", words::status(w, *st)))
            .chain([format!("{} {}", w.t("summary-removed"), self.removed)])
            .collect();
        let sources: Vec<String> = self
            .by_source
            .iter()
            .map(|(src, n)| format!("{} {n}", words::source(w, *src)))
            .collect();
        let mut out = vec![
            format!("{}: {}", w.t("summary-total"), self.total),
            format!("{}: {}", w.t("summary-status"), statuses.join(" · ")),
            format!("{}: {}", w.t("summary-source"), sources.join(" · ")),
            format!(
                "{}: {} {} · {} {}",
                w.t("summary-waits"),
                w.t("summary-average"),
                wait(w, self.average_wait),
                w.t("summary-longest"),
                wait(w, self.longest_wait)
            ),
            String::new(),
            format!("{}:", w.t("summary-per-hour")),
        ];
        let most = self.per_hour.iter().map(|(_, n)| *n).max().unwrap_or(0);
        for (hour, n) in &self.per_hour {
            let len = if most == 0 {
                0
            } else {
                (n * bar).div_ceil(most)
            };
            out.push(format!(
                "{:>6}  {:>3}  {}",
                words::hour(w, *hour),
                n,
                "#".repeat(len)
            ));
        }
        out
    }

    /// One JSON object, for `kiosk checkins summary --json`.
    pub fn json(&self) -> serde_json::Value {
        let minutes = |d: Option<Duration>| d.map(|d| d.num_seconds() as f64 / 60.0);
        let round = |m: Option<f64>| m.map(|m| (m * 10.0).round() / 10.0);
        let mut status = serde_json::Map::new();
        for (s, n) in &self.by_status {
            status.insert(s.as_str().into(), (*n).into());
        }
        status.insert("removed".into(), self.removed.into());
        let mut source = serde_json::Map::new();
        for (s, n) in &self.by_source {
            source.insert(s.as_str().into(), (*n).into());
        }
        let hours: Vec<serde_json::Value> = self
            .per_hour
            .iter()
            .map(|(h, n)| serde_json::json!({"hour": h, "checkins": n}))
            .collect();
        serde_json::json!({
            "date": self.date.to_string(),
            "checkins": self.total,
            "by_status": status,
            "by_source": source,
            "average_wait_minutes": round(minutes(self.average_wait)),
            "longest_wait_minutes": round(minutes(self.longest_wait)),
            "per_hour": hours,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::tests::{at, record};

    fn day() -> Vec<CheckinRecord> {
        let mut rows = vec![
            record(1, "09:05", Status::Seen, &[]),
            record(2, "09:40", Status::Called, &[]),
            record(3, "11:15", Status::NoShow, &[]),
            record(4, "11:30", Status::Waiting, &[]),
        ];
        rows[0].status_changed_at = at("09:35"); // 30 min
        rows[1].status_changed_at = at("09:50"); // 10 min
        rows[3].source = Source::Desk;
        rows
    }

    #[test]
    fn counts_waits_sources_and_hours() {
        let date = at("09:00")
            .with_timezone(&chrono_tz::America::Denver)
            .date_naive();
        let s = summarize(date, &day(), 1, chrono_tz::America::Denver, at("12:15"));
        assert_eq!(s.total, 4);
        assert_eq!(s.by_status[0], (Status::Waiting, 1));
        assert_eq!(s.removed, 1);
        assert_eq!(s.by_source, [(Source::Kiosk, 3), (Source::Desk, 1)]);
        assert_eq!(s.average_wait, Some(Duration::minutes(20)));
        assert_eq!(
            s.longest_wait,
            Some(Duration::minutes(45)),
            "#4, still waiting"
        );
        assert_eq!(s.per_hour, [(9, 2), (10, 0), (11, 2)]);
        let json = s.json();
        assert_eq!(json["by_status"]["no_show"], 1);
        assert_eq!(json["by_source"]["desk"], 1);
        assert_eq!(json["average_wait_minutes"], 20.0);
        assert_eq!(json["per_hour"][1]["checkins"], 0);
        let lines = s.lines(10, crate::i18n::english());
        assert_eq!(
            lines[1],
            "By status: waiting 1 · called 1 · seen 1 · no-show 1 · removed 1"
        );
        assert_eq!(lines[6], "  9 AM    2  ##########");
        assert_eq!(lines[7], " 10 AM    0  ");
    }

    #[test]
    fn an_empty_day() {
        let date = at("09:00").date_naive();
        let s = summarize(date, &[], 0, chrono_tz::America::Denver, at("12:15"));
        assert_eq!((s.total, s.average_wait, s.longest_wait), (0, None, None));
        assert!(s.per_hour.is_empty());
    }
}
