//! Judging each sample of the soak run, and the report at the end.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use kiosk::config::Config;

use crate::Options;
use crate::badge::{self, Reading, State};

/// How one reading of the badge compares with what it should say.
#[derive(Clone, Debug)]
pub enum Verdict {
    /// The badge says what it should at the kiosk's estimated clock.
    Agrees,
    /// It says what it should within one sample of the estimated clock,
    /// around a change.
    Grace,
    /// It says something the estimated clock never calls for nearby.
    Mismatch { expected: State },
    /// It disagrees with the clock shown beside it in the same frame.
    Inconsistent { expected: State },
    /// The header could not be read.
    Unreadable(String),
}

pub struct Sample {
    pub real: Duration,
    pub estimated: DateTime<Utc>,
    pub reading: Option<Reading>,
    pub verdict: Verdict,
    /// The clinic's name and the footer were both on screen.
    pub complete: bool,
    pub screen: String,
    pub rss_kb: Option<u64>,
    pub hwm_kb: Option<u64>,
    pub fds: Option<usize>,
    pub threads: Option<u64>,
    pub cpu_ticks: Option<u64>,
    pub bytes: u64,
}

/// Compares a reading with the hours engine: first with the clock shown in
/// the same frame, then with the estimated clock, allowing `window_s`
/// simulated seconds (one sample) either side.
pub fn judge(config: &Config, r: &Reading, estimated: DateTime<Utc>, window_s: f64) -> Verdict {
    let Some(shown) = badge::instant(config, r.clock) else {
        return Verdict::Unreadable(format!("no such local time {}", r.clock));
    };
    let beside = badge::expected(config, shown);
    if beside != r.state {
        return Verdict::Inconsistent { expected: beside };
    }
    let expected = badge::expected(config, estimated);
    if expected == r.state {
        return Verdict::Agrees;
    }
    let window = chrono::Duration::milliseconds((window_s * 1000.0) as i64);
    if badge::states_near(config, estimated, window).contains(&r.state) {
        Verdict::Grace
    } else {
        Verdict::Mismatch { expected }
    }
}

pub fn progress(s: &Sample) -> String {
    let shown = s.reading.as_ref().map_or("?".into(), |r| {
        format!("{} {}", r.clock.format("%a %H:%M"), r.state)
    });
    format!(
        "{:>6.0} s  screen {shown}  RSS {} KiB  fds {}",
        s.real.as_secs_f64(),
        s.rss_kb.unwrap_or(0),
        s.fds.unwrap_or(0)
    )
}

/// Bytes in the files under `dir` (the log, heartbeat and database).
pub fn folder_bytes(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => folder_bytes(&e.path()),
            _ => e.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn clock_ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

pub struct Summary<'a> {
    pub options: &'a Options,
    pub config: &'a Config,
    pub start: DateTime<Utc>,
    pub samples: &'a [Sample],
    pub died: Option<Duration>,
    pub alive_at_end: bool,
    /// Bytes in the log folder, and in the whole data folder (log,
    /// heartbeat, database).
    pub data_bytes: (u64, u64),
    pub load: String,
}

fn kib(v: Option<u64>) -> String {
    v.map_or("?".into(), |k| {
        format!("{k} KiB ({:.2} MiB)", k as f64 / 1024.0)
    })
}

fn wall(config: &Config, t: DateTime<Utc>) -> NaiveDateTime {
    config.schedule.wall_at(t)
}

fn row(t: &mut String, figure: &str, value: impl std::fmt::Display) {
    let _ = writeln!(t, "| {figure} | {value} |");
}

fn min_max<T: Ord + Copy>(v: impl Iterator<Item = T>) -> Option<(T, T)> {
    v.fold(None, |acc, x| match acc {
        None => Some((x, x)),
        Some((lo, hi)) => Some((lo.min(x), hi.max(x))),
    })
}

/// The changes of state (open, closing soon, closed) seen on screen: the
/// clock shown on the first screen with the new state.
fn seen_changes(samples: &[Sample]) -> Vec<(NaiveDateTime, State)> {
    let mut out: Vec<(NaiveDateTime, State)> = Vec::new();
    let mut last: Option<&State> = None;
    for r in samples.iter().filter_map(|s| s.reading.as_ref()) {
        let kind = |s: &State| (s.open, s.closing_soon);
        if last.is_some_and(|l| kind(l) != kind(&r.state)) {
            out.push((r.clock, r.state.clone()));
        }
        last = Some(&r.state);
    }
    out
}

/// Writes the report to stdout; whether the run passed.
pub fn print(s: &Summary<'_>) -> bool {
    let o = s.options;
    let mut t = String::new();
    let last = s.samples.last();
    let _ = writeln!(
        t,
        "\nkiosk run --at {} --speed {} at {}x{}, bundled kiosk.toml and content/",
        s.start.with_timezone(&s.config.schedule.tz).to_rfc3339(),
        o.speed,
        crate::SIZE.0,
        crate::SIZE.1
    );
    let real = last.map_or(0.0, |x| x.real.as_secs_f64());
    let _ = writeln!(
        t,
        "{} samples every {} s over {:.1} real minutes ({:.1} simulated hours); load average at the end {}\n",
        s.samples.len(),
        o.every,
        real / 60.0,
        real * o.speed / 3600.0,
        s.load
    );
    let _ = writeln!(t, "| figure | measured |\n|---|---|");
    process_rows(&mut t, s);
    let passed = verdicts(&mut t, s) & changes(&mut t, s);
    let passed = passed && s.died.is_none() && s.alive_at_end;
    let _ = writeln!(t, "\nresult: {}", if passed { "PASSED" } else { "FAILED" });
    println!("{t}");
    passed
}

/// The rows about the process: running, memory, files, threads, CPU, bytes.
fn process_rows(t: &mut String, s: &Summary<'_>) {
    let (first, last) = (s.samples.first(), s.samples.last());
    let warm = s
        .samples
        .iter()
        .find(|x| x.real.as_secs_f64() >= s.options.warmup)
        .or(last);
    let running = match (s.died, s.alive_at_end) {
        (Some(d), _) => format!("NO: exited after {:.0} s", d.as_secs_f64()),
        (None, true) => "yes".into(),
        (None, false) => "NO".into(),
    };
    row(t, "still running at the end", running);
    let rss = |x: Option<&Sample>| x.and_then(|x| x.rss_kb);
    row(
        t,
        "resident memory at the first sample (VmRSS)",
        kib(rss(first)),
    );
    let warm_at = warm.map_or(0.0, |x| x.real.as_secs_f64());
    let label = format!("resident memory after warm-up ({warm_at:.0} s real)");
    row(t, &label, kib(rss(warm)));
    row(t, "resident memory at the end (VmRSS)", kib(rss(last)));
    let growth = rss(last).zip(rss(warm)).map(|(b, a)| b as i64 - a as i64);
    let growth = growth.map_or("?".into(), |g| format!("{g:+} KiB"));
    row(t, "growth from warm-up to the end", growth);
    let hwm = last.and_then(|x| x.hwm_kb);
    row(t, "peak resident memory (VmHWM at the end)", kib(hwm));
    let span = |v: Option<(u64, u64)>| v.map_or("?".into(), |(a, b)| format!("{a} – {b}"));
    let rss_range = min_max(s.samples.iter().filter_map(|x| x.rss_kb));
    row(t, "VmRSS lowest – highest (KiB)", span(rss_range));
    let fds = min_max(s.samples.iter().filter_map(|x| x.fds.map(|f| f as u64)));
    row(t, "open file descriptors, fewest – most", span(fds));
    let threads = min_max(s.samples.iter().filter_map(|x| x.threads));
    row(t, "threads, fewest – most", span(threads));
    let cpu = first
        .and_then(|a| a.cpu_ticks)
        .zip(last.and_then(|b| b.cpu_ticks));
    let tck = clock_ticks_per_second() as f64;
    let between = first
        .zip(last)
        .map_or(0.0, |(a, b)| (b.real - a.real).as_secs_f64());
    let cpu = cpu.map_or("?".into(), |(a, b)| {
        let secs = (b - a) as f64 / tck;
        let share = 100.0 * secs / between.max(1.0);
        format!("{secs:.1} s ({share:.1}% of one core)")
    });
    row(t, "CPU used between the first and last samples", cpu);
    let bytes = last.map_or(0, |x| x.bytes);
    row(t, "bytes written to the terminal", bytes);
    row(t, "bytes in the log folder at the end", s.data_bytes.0);
    let all = "bytes in the data folder at the end (log, heartbeat, database)";
    row(t, all, s.data_bytes.1);
}

/// The badge and clock rows, and the problems listed; whether all is well.
fn verdicts(t: &mut String, s: &Summary<'_>) -> bool {
    let count = |f: fn(&Verdict) -> bool| s.samples.iter().filter(|x| f(&x.verdict)).count();
    let agrees = count(|v| matches!(v, Verdict::Agrees));
    let grace = count(|v| matches!(v, Verdict::Grace));
    let bad = count(|v| matches!(v, Verdict::Mismatch { .. }));
    let inconsistent = count(|v| matches!(v, Verdict::Inconsistent { .. }));
    let unreadable = count(|v| matches!(v, Verdict::Unreadable(_)));
    let incomplete = s.samples.iter().filter(|x| !x.complete).count();
    row(
        t,
        "screens with the clinic's name and the footer",
        format!("{} of {}", s.samples.len() - incomplete, s.samples.len()),
    );
    row(t, "badge agrees with the hours engine", agrees);
    row(t, "badge agrees within one sample of a change", grace);
    row(t, "badge disagrees with the hours engine", bad);
    row(t, "badge disagrees with the clock beside it", inconsistent);
    row(t, "header unreadable", unreadable);
    let drift = s.samples.iter().filter_map(|x| {
        let shown = badge::instant(s.config, x.reading.as_ref()?.clock)?;
        Some((x.estimated - shown).num_seconds())
    });
    let drift = min_max(drift).map_or("?".into(), |(a, b)| {
        format!("{a} to {b} simulated seconds (on time: 0 to 60, plus the few milliseconds the kiosk takes to start, times the speed)")
    });
    row(t, "clock from real time minus clock on screen", drift);
    let mut shown = 0;
    for x in s.samples {
        let problem = match &x.verdict {
            Verdict::Agrees | Verdict::Grace if x.complete => continue,
            Verdict::Agrees | Verdict::Grace => "incomplete screen".to_string(),
            Verdict::Mismatch { expected } => format!("expected {expected}"),
            Verdict::Inconsistent { expected } => format!("beside its clock expected {expected}"),
            Verdict::Unreadable(e) => e.lines().next().unwrap_or_default().to_string(),
        };
        shown += 1;
        if shown <= 10 {
            let r = x
                .reading
                .as_ref()
                .map_or("?".into(), |r| format!("{} {}", r.clock, r.state));
            let _ = writeln!(
                t,
                "\nat {:.0} s real: screen {r}: {problem}\n{}",
                x.real.as_secs_f64(),
                x.screen
            );
        }
    }
    bad + inconsistent + unreadable + incomplete == 0 && !s.samples.is_empty()
}

/// The expected and seen changes of state side by side; whether each
/// expected change was seen, in order, within one sample.
fn changes(t: &mut String, s: &Summary<'_>) -> bool {
    let o = s.options;
    // Up to the last clock read off the screen: a change after it could
    // not have been seen yet.
    let end = s
        .samples
        .iter()
        .rev()
        .find_map(|x| badge::instant(s.config, x.reading.as_ref()?.clock))
        .unwrap_or(s.start);
    let expected = badge::changes(s.config, s.start, end);
    let seen = seen_changes(s.samples);
    let window = chrono::Duration::seconds((o.every * o.speed) as i64 + 60);
    let _ = writeln!(
        t,
        "\n| expected change (clinic time) | to | first seen on screen at |\n|---|---|---|"
    );
    let mut ok = expected.len() == seen.len();
    for (i, (at, state)) in expected.iter().enumerate() {
        let at = wall(s.config, *at);
        let found = seen.get(i).filter(|(clock, st)| {
            (st.open, st.closing_soon) == (state.open, state.closing_soon)
                && *clock >= at
                && *clock - at <= window
        });
        ok &= found.is_some();
        let found = found.map_or("NOT SEEN".into(), |(c, _)| c.format("%a %H:%M").to_string());
        let _ = writeln!(t, "| {} | {state} | {found} |", at.format("%a %H:%M"));
    }
    for (clock, state) in seen.iter().skip(expected.len()) {
        let _ = writeln!(t, "| (none) | {state} | {} |", clock.format("%a %H:%M"));
    }
    let _ = writeln!(
        t,
        "\n{} changes expected, {} seen",
        expected.len(),
        seen.len()
    );
    ok
}
