//! How long one open/closed computation takes, with the bundled hours.
//!
//! Run with `cargo bench --bench status`.

use std::hint::black_box;
use std::path::Path;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use kiosk::config::Config;
use kiosk::status::StatusReport;

fn bundled() -> Option<Config> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(dir.join("kiosk.toml")).ok()?;
    Config::parse(Path::new("kiosk.toml"), &text, dir).ok()
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn status(c: &mut Criterion) {
    let Some(config) = bundled() else {
        eprintln!("the bundled kiosk.toml did not load");
        return;
    };
    let schedule = &config.schedule;
    let cases = [
        ("open weekday", at("2026-11-23T10:42:00-07:00")),
        ("closed saturday evening", at("2026-11-21T19:00:00-07:00")),
        ("before a closure", at("2026-11-25T17:30:00-07:00")),
    ];
    for (name, t) in cases {
        c.bench_function(&format!("state_at/{name}"), |b| {
            b.iter(|| black_box(schedule.state_at(black_box(t))))
        });
    }
    let t = cases[0].1;
    c.bench_function("status_report/open weekday", |b| {
        b.iter(|| {
            black_box(StatusReport::new(
                schedule,
                config.kiosk.closing_soon,
                black_box(t),
            ))
        })
    });
}

criterion_group!(benches, status);
criterion_main!(benches);
