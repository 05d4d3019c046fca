//! Two simulated days of the running kiosk: the release binary in a
//! pseudo-terminal with its clock started on a Monday at midnight and run
//! fast, watched from outside.
//!
//! Run with `scripts/soak.sh` (which builds the release binary first), or
//! `cargo bench --bench soak -- [options]` after `cargo build --release`:
//!
//! ```text
//! --hours N     simulated hours (default 48)
//! --speed N     how much faster than real time the kiosk's clock runs (default 120)
//! --every S     real seconds between samples (default 5)
//! --warmup S    real seconds before the "after warm-up" memory figure (default 60)
//! --at TIME     the kiosk's clock at start (default Monday 23 November 2026, 00:00
//!               in the clinic's time zone)
//! --kiosk PATH  the binary (default target/release/kiosk)
//! ```
//!
//! Every sample reads the kiosk's resident memory (`VmRSS`, `VmHWM`), its
//! open file descriptors and threads from `/proc`, and the status badge and
//! clock off the emulated screen. The badge is checked twice: against the
//! clock shown beside it (the same frame, so it must agree exactly), and
//! against the kiosk's clock worked out from the real time since the start
//! (allowing a change within one sample either side). What the badge should
//! say comes from the library's own hours engine with the same
//! `kiosk.toml`. The kiosk's files (log, heartbeat, database) go in a
//! temporary folder, removed at the end.

#[path = "soak/badge.rs"]
mod badge;
#[path = "soak/pty.rs"]
mod pty;
#[path = "soak/report.rs"]
mod report;
mod support;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use kiosk::config::Config;

use badge::Reading;
use pty::Session;
use report::{Sample, Verdict};
use support::{manifest_dir, release_kiosk};

const USAGE: &str = "usage: scripts/soak.sh [--hours N] [--speed N] [--every S] [--warmup S] \
[--at TIME] [--kiosk PATH]
  --hours N     simulated hours (default 48)
  --speed N     the kiosk's clock runs N times faster than real time (default 120)
  --every S     real seconds between samples (default 5)
  --warmup S    real seconds before the \"after warm-up\" memory figure (default 60)
  --at TIME     the kiosk's clock at start, RFC 3339 (default Monday 2026-11-23 00:00
                in the clinic's time zone)
  --kiosk PATH  the binary (default target/release/kiosk)";

/// The screen size: wide and tall enough for the boxed badge.
const SIZE: (u16, u16) = (100, 30);
const FOOTER_TEXT: &str = "Education, not medical advice";

pub struct Options {
    pub hours: f64,
    pub speed: f64,
    pub every: f64,
    pub warmup: f64,
    pub at: Option<DateTime<Utc>>,
    pub kiosk: PathBuf,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        hours: 48.0,
        speed: 120.0,
        every: 5.0,
        warmup: 60.0,
        at: None,
        kiosk: release_kiosk(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |name: &str, v: String| match v.parse::<f64>() {
            Ok(n) if n.is_finite() && n > 0.0 => Ok(n),
            _ => Err(format!("{name} takes a positive number, not {v:?}")),
        };
        match arg.as_str() {
            "--hours" => o.hours = number("--hours", value("--hours")?)?,
            "--speed" => o.speed = number("--speed", value("--speed")?)?,
            "--every" => o.every = number("--every", value("--every")?)?.max(0.5),
            "--warmup" => o.warmup = number("--warmup", value("--warmup")?)?,
            "--at" => {
                let v = value("--at")?;
                let t = DateTime::parse_from_rfc3339(&v)
                    .map_err(|e| format!("--at {v:?} is not an RFC 3339 time: {e}"))?;
                o.at = Some(t.to_utc());
            }
            "--kiosk" => o.kiosk = PathBuf::from(value("--kiosk")?),
            // `cargo bench` adds `--bench`; nothing else is expected.
            "--bench" => {}
            other => return Err(format!("unknown option {other:?}\n{USAGE}")),
        }
    }
    Ok(o)
}

/// A copy of the bundled `kiosk.toml` in `dir` whose `content_dir` is the
/// bundled `content/`; the log, heartbeat and database stay relative, so
/// they land in `dir`.
fn write_config(dir: &Path) -> Result<PathBuf, String> {
    let bundled = manifest_dir().join("kiosk.toml");
    let text = std::fs::read_to_string(&bundled)
        .map_err(|e| format!("cannot read {}: {e}", bundled.display()))?;
    let content = manifest_dir().join("content");
    let line = format!("content_dir = {:?}", content.display().to_string());
    let lines: Vec<String> = text
        .lines()
        .map(|l| match l.trim_start().starts_with("content_dir") {
            true => line.clone(),
            false => l.to_string(),
        })
        .collect();
    if lines.iter().filter(|l| **l == line).count() != 1 {
        return Err(format!(
            "expected one content_dir line in {}",
            bundled.display()
        ));
    }
    let path = dir.join("kiosk.toml");
    std::fs::write(&path, lines.join("\n") + "\n")
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Monday 23 November 2026 at midnight in the clinic's time zone.
fn default_start(config: &Config) -> Result<DateTime<Utc>, String> {
    let midnight = NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(0, 0, 0));
    midnight
        .and_then(|m| badge::instant(config, m))
        .ok_or_else(|| "no midnight on Monday 2026-11-23 in the clinic's zone".into())
}

/// The kiosk's clock worked out from the real time since it started.
fn estimated_clock(o: &Options, start: DateTime<Utc>, since: Duration) -> DateTime<Utc> {
    let nanos = (since.as_secs_f64() * o.speed * 1e9) as i64;
    start + chrono::Duration::nanoseconds(nanos)
}

/// Reads the screen; if it cannot be read, or the badge disagrees with the
/// clock beside it, reads it once more a little later (a frame may have
/// been half written), and keeps the second answer.
fn read_screen(s: &Session, config: &Config, near: NaiveDate) -> (String, Result<Reading, String>) {
    let once = || {
        let screen = s.screen();
        let reading = badge::read(&screen, near);
        (screen, reading)
    };
    let consistent = |r: &Reading| {
        badge::instant(config, r.clock).is_some_and(|t| badge::expected(config, t) == r.state)
    };
    let first = once();
    match &first.1 {
        Ok(r) if consistent(r) => first,
        _ => {
            thread::sleep(Duration::from_millis(100));
            once()
        }
    }
}

fn take_sample(o: &Options, s: &mut Session, config: &Config, start: DateTime<Utc>) -> Sample {
    let real = s.started.elapsed();
    let estimated = estimated_clock(o, start, real);
    let near = config.schedule.wall_at(estimated).date();
    let (screen, reading) = read_screen(s, config, near);
    let complete = screen.contains(&config.clinic.name) && screen.contains(FOOTER_TEXT);
    let verdict = match &reading {
        Ok(r) => report::judge(config, r, estimated, o.every * o.speed),
        Err(e) => Verdict::Unreadable(e.clone()),
    };
    Sample {
        real,
        estimated,
        reading: reading.ok(),
        verdict,
        complete,
        screen,
        rss_kb: pty::status_kb(s.pid, "VmRSS:"),
        hwm_kb: pty::status_kb(s.pid, "VmHWM:"),
        fds: pty::open_fds(s.pid),
        threads: pty::threads(s.pid),
        cpu_ticks: pty::cpu_ticks(s.pid),
        bytes: s.bytes(),
    }
}

fn run() -> Result<bool, String> {
    let o = parse_options()?;
    if !o.kiosk.is_file() {
        return Err(format!(
            "{} is missing: run `cargo build --release` first",
            o.kiosk.display()
        ));
    }
    let temp = tempfile::Builder::new()
        .prefix("kiosk-soak-")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let config_path = write_config(temp.path())?;
    let config = Config::load(&config_path)
        .map_err(|e| format!("{} does not load: {e:?}", config_path.display()))?;
    let start = match o.at {
        Some(at) => at,
        None => default_start(&config)?,
    };
    let real_total = Duration::from_secs_f64(o.hours * 3600.0 / o.speed);
    let args = [
        "--config".to_string(),
        config_path.display().to_string(),
        "run".into(),
        "--at".into(),
        start.with_timezone(&config.schedule.tz).to_rfc3339(),
        "--speed".into(),
        o.speed.to_string(),
    ];
    eprintln!(
        "kiosk {}\nfolder {}\n{} simulated hours at speed {} = {:.1} real minutes, a sample every {} s",
        args.join(" "),
        temp.path().display(),
        o.hours,
        o.speed,
        real_total.as_secs_f64() / 60.0,
        o.every
    );
    let mut s = Session::start(&o.kiosk, &args, temp.path(), SIZE)?;
    s.wait_for(&[&config.clinic.name, FOOTER_TEXT], Duration::from_secs(15))?;
    let mut samples: Vec<Sample> = Vec::new();
    let mut died = None;
    let first = Instant::now();
    let mut last_progress = Instant::now();
    for i in 1.. {
        // Sample i is due i intervals after the first frame, plus up to
        // half a second spread by the golden ratio, so samples fall at
        // every point of the kiosk's minute, not always at the same one.
        let spread = (f64::from(i) * 0.618_034).fract() * 0.5;
        let due = first + Duration::from_secs_f64(f64::from(i) * o.every + spread);
        if due.duration_since(s.started) >= real_total {
            break;
        }
        thread::sleep(due.saturating_duration_since(Instant::now()));
        if !s.alive() {
            died = Some(s.started.elapsed());
            break;
        }
        samples.push(take_sample(&o, &mut s, &config, start));
        if last_progress.elapsed() >= Duration::from_secs(60) {
            last_progress = Instant::now();
            if let Some(sample) = samples.last() {
                eprintln!("{}", report::progress(sample));
            }
        }
    }
    let data = temp.path().join("data");
    let data_bytes = (
        report::folder_bytes(&data.join("logs")),
        report::folder_bytes(&data),
    );
    let summary = report::Summary {
        options: &o,
        config: &config,
        start,
        samples: &samples,
        died,
        alive_at_end: s.alive(),
        data_bytes,
        load: report::load_average(),
    };
    let passed = report::print(&summary);
    s.stop();
    Ok(passed)
}

fn main() -> ExitCode {
    if std::env::args().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("soak: {e}");
            ExitCode::FAILURE
        }
    }
}
