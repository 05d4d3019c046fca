//! The check-in form, through its public interface: field kinds and their
//! messages, editing by character, the idle timer, drawing and clicks, and
//! the `[checkin]` configuration.

mod config;
mod date;
mod editing;
mod props;
mod render;
mod validation;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// Saturday, November 21, 2026, mid-morning.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 16, 0, 0)
        .single()
        .unwrap_or_default()
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
