//! How long one check-in takes to reach the disk with `synchronous=FULL`:
//! 200 inserts into a fresh database in a temporary folder, then the median
//! and 99th percentile. The folder is made inside the one given as the first
//! argument (default: the system's temp folder, which may be a RAM disk where
//! syncing costs nothing, so give a folder on the kiosk's real disk).
//!
//! `cargo run --release --example insert_timing -- target`

use std::time::{Duration, Instant};

use chrono::{NaiveDate, Utc};
use kiosk::config::DuplicateKey;
use kiosk::store::{NewCheckin, Store};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = match std::env::args_os().nth(1) {
        Some(parent) => tempfile::tempdir_in(parent)?,
        None => tempfile::tempdir()?,
    };
    let path = dir.path().join("checkins.db");
    let mut store = Store::open(&path, chrono_tz::America::Denver)?;
    let born = NaiveDate::from_ymd_opt(1980, 2, 29).ok_or("date")?;
    let mut times: Vec<Duration> = Vec::with_capacity(200);
    for i in 0..200 {
        let fields = vec![
            ("first_name".into(), format!("Zoë{i}")),
            ("last_name".into(), "Nguyễn Thị Minh Khai".into()),
            ("date_of_birth".into(), born.to_string()),
            ("phone".into(), "(720) 555-0101".into()),
            ("reason".into(), "Follow-up for lower back pain".into()),
        ];
        let new = NewCheckin::new(fields, &DuplicateKey::DEFAULT);
        let start = Instant::now();
        store.insert(&new, Utc::now(), chrono::Duration::minutes(30))?;
        times.push(start.elapsed());
    }
    times.sort_unstable();
    let pick = |q: usize| {
        times
            .get((times.len() * q / 100).min(times.len() - 1))
            .copied()
    };
    println!(
        "{} inserts into {}: p50 {:?}, p99 {:?}, max {:?}",
        times.len(),
        path.display(),
        pick(50).unwrap_or_default(),
        pick(99).unwrap_or_default(),
        times.last().copied().unwrap_or_default()
    );
    Ok(())
}
