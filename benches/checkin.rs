//! How long a patient waits between pressing Enter on the last answer and
//! seeing their ticket: the app's update, the durable insert (one IMMEDIATE
//! transaction, WAL, `synchronous=FULL`, the store's defaults), the app's
//! answer and one frame drawn at 100x30, done exactly as the runtime does
//! it, with the check that the database's files are still the ones opened
//! before and after the commit. Reports p50, p99, max and mean over 1,000 check-ins (100 with
//! `--quick`) into a fresh database in a temporary folder.
//!
//! Run with `cargo bench --bench checkin` (or `-- --quick`); `-- --dir
//! PATH` puts the database under PATH instead of the system's temporary
//! folder (use a real disk: on tmpfs an fsync costs nothing).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Effect, Msg, Outcome, QUIET, Screen, greeting_name};
use kiosk::config::Config;
use kiosk::slides::load_deck;
use kiosk::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Monday 2026-11-23, 10:42 AM in Denver: open until 6:00 PM.
const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const SIZE: (u16, u16) = (100, 30);
const FULL: usize = 1000;
const QUICK: usize = 100;
/// Between one patient and the next, in kiosk time (1,000 patients take
/// 50 minutes, all within opening hours).
const BETWEEN: chrono::Duration = chrono::Duration::seconds(3);

struct Options {
    check_ins: usize,
    quick: bool,
    dir: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        check_ins: FULL,
        quick: false,
        dir: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => {
                options.quick = true;
                options.check_ins = QUICK;
            }
            "--dir" => {
                let dir = args.next().ok_or("--dir needs a folder")?;
                options.dir = Some(PathBuf::from(dir));
            }
            // `cargo bench` passes --bench to every benchmark binary.
            "--bench" => {}
            other => eprintln!("note: ignoring the argument {other:?}"),
        }
    }
    Ok(options)
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(key(KeyCode::Char(c)));
    }
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Result<(), String> {
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .map(drop)
        .map_err(|e| format!("drawing failed: {e}"))
}

/// One check-in's times: until the store answered, and until the frame was
/// drawn (the whole wait); and, within the first, the two checks that the
/// database's files are still the ones opened (before and after the commit,
/// as the runtime makes them).
struct Sample {
    stored: Duration,
    total: Duration,
    checks: Duration,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let options = options()?;
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(manifest.join("kiosk.toml"))
        .map_err(|e| format!("cannot read kiosk.toml: {e}"))?;
    let config = Config::parse(Path::new("kiosk.toml"), &text, manifest)
        .map_err(|problems| format!("the bundled kiosk.toml is invalid: {problems:?}"))?;
    let parent = options.dir.clone().unwrap_or_else(std::env::temp_dir);
    let temp = tempfile::Builder::new()
        .prefix("kiosk-bench-checkin-")
        .tempdir_in(&parent)
        .map_err(|e| format!("cannot make a folder in {}: {e}", parent.display()))?;
    let db = temp.path().join("data").join("checkins.db");
    let mut store = Store::open(&db, config.schedule.tz).map_err(|e| e.to_string())?;
    let window = chrono::Duration::from_std(config.checkin.duplicate_window).unwrap_or_default();

    let start: DateTime<Utc> = DateTime::parse_from_rfc3339(MONDAY_OPEN)
        .map_err(|e| e.to_string())?
        .to_utc();
    let deck = load_deck(&config.kiosk.content_dir);
    let mut app = App::new(config, start, false)
        .with_deck(deck)
        .with_size(SIZE.0, SIZE.1);
    let mut terminal = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))
        .map_err(|e| format!("no test terminal: {e}"))?;
    draw(&mut terminal, &app)?;

    let mut samples = Vec::with_capacity(options.check_ins);
    for i in 0..options.check_ins {
        let now = start + BETWEEN * i32::try_from(i).map_err(|e| e.to_string())?;
        app.update(Msg::Tick(now));
        // The patient opens the form and types; each step is drawn, as the
        // runtime draws it, so the last frame on screen is the full form.
        app.update(key(KeyCode::Enter));
        if !matches!(app.screen, Screen::CheckIn(_)) {
            return Err(format!("check-in {i}: Enter did not open the form"));
        }
        type_text(&mut app, &format!("Pat{i}"));
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "Bench");
        app.update(key(KeyCode::Tab));
        type_text(&mut app, "4/17/62");
        draw(&mut terminal, &app)?;

        // The final Enter, up to the confirmation on screen.
        let mut checks = Duration::ZERO;
        let started = Instant::now();
        app.update(key(KeyCode::Enter));
        let effects = app.take_effects();
        if effects.len() != 1 {
            return Err(format!("check-in {i}: {} effects, not 1", effects.len()));
        }
        for effect in effects {
            let Effect::Store(checkin) = effect else {
                return Err(format!("check-in {i}: an effect other than Store"));
            };
            let check = Instant::now();
            store.check_files().map_err(|e| e.to_string())?;
            checks += check.elapsed();
            let result = store
                .insert(&checkin, app.now, window)
                .map(|inserted| (inserted, greeting_name(&checkin)))
                .map_err(|e| format!("a check-in could not be saved: {e}"));
            let check = Instant::now();
            store.check_files().map_err(|e| e.to_string())?;
            checks += check.elapsed();
            app.update(Msg::Stored(result));
        }
        let stored = started.elapsed();
        draw(&mut terminal, &app)?;
        let total = started.elapsed();

        let expected = u32::try_from(i + 1).map_err(|e| e.to_string())?;
        match &app.screen {
            Screen::Done {
                outcome: Outcome::CheckedIn { ticket, .. },
                ..
            } if *ticket == expected => {}
            other => return Err(format!("check-in {i}: not confirmed: {other:?}")),
        }
        samples.push(Sample {
            stored,
            total,
            checks,
        });
        // Back to the slides for the next patient, once the confirmation's
        // quiet first seconds are over.
        let later = app.now + QUIET;
        app.update(Msg::Tick(later));
        app.update(key(KeyCode::Char(' ')));
        if !matches!(app.screen, Screen::Slides) {
            return Err(format!(
                "check-in {i}: a key did not leave the confirmation"
            ));
        }
        draw(&mut terminal, &app)?;
    }
    report(&options, &db, &samples);
    Ok(())
}

/// Nearest-rank percentile of sorted `values`.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.clamp(1, sorted.len()) - 1)
        .copied()
        .unwrap_or_default()
}

fn mean(values: &[Duration]) -> Duration {
    let count = u32::try_from(values.len()).unwrap_or(u32::MAX).max(1);
    values.iter().sum::<Duration>() / count
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn report(options: &Options, db: &Path, samples: &[Sample]) {
    let mut total: Vec<Duration> = samples.iter().map(|s| s.total).collect();
    let mut stored: Vec<Duration> = samples.iter().map(|s| s.stored).collect();
    let mut checks: Vec<Duration> = samples.iter().map(|s| s.checks).collect();
    total.sort();
    stored.sort();
    checks.sort();
    let command = if options.quick {
        "cargo bench --bench checkin -- --quick"
    } else {
        "cargo bench --bench checkin"
    };
    let folder = db.parent().unwrap_or(db);
    let filesystem = filesystem(folder);
    println!();
    println!("Check-in: Enter on the last answer -> confirmation drawn");
    println!("  command     {command}");
    println!(
        "  check-ins   {} (each one IMMEDIATE transaction; WAL, synchronous=FULL)",
        samples.len()
    );
    println!(
        "  database    {} ({filesystem}; removed afterwards)",
        db.display()
    );
    println!("  screen      {}x{} (ratatui TestBackend)", SIZE.0, SIZE.1);
    println!("  cpus        {} ({})", nproc(), cpu_model());
    println!("  kernel      {}", kernel());
    if filesystem.starts_with("tmpfs") {
        println!("  warning     tmpfs: fsync costs nothing here; use --dir on a real disk");
    }
    println!();
    println!(
        "  {:<10}{:>14}{:>18}{:>18}",
        "", "total", "of which store", "of which checks"
    );
    for (name, p) in [("p50", 50.0), ("p99", 99.0)] {
        println!(
            "  {name:<10}{:>14}{:>18}{:>18}",
            ms(percentile(&total, p)),
            ms(percentile(&stored, p)),
            ms(percentile(&checks, p))
        );
    }
    let max = |v: &[Duration]| v.last().copied().unwrap_or_default();
    let min = |v: &[Duration]| v.first().copied().unwrap_or_default();
    println!(
        "  {:<10}{:>14}{:>18}",
        "max",
        ms(max(&total)),
        ms(max(&stored))
    );
    println!(
        "  {:<10}{:>14}{:>18}{:>18}",
        "mean",
        ms(mean(&total)),
        ms(mean(&stored)),
        ms(mean(&checks))
    );
    println!(
        "  {:<10}{:>14}{:>18}",
        "min",
        ms(min(&total)),
        ms(min(&stored))
    );
    println!();
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn nproc() -> String {
    command_output("nproc", &[])
        .map(|s| s.trim().to_string())
        .or_else(|| {
            std::thread::available_parallelism()
                .ok()
                .map(|n| n.to_string())
        })
        .unwrap_or_else(|| "?".into())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "unknown model".into())
}

fn kernel() -> String {
    std::fs::read_to_string("/proc/version")
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|_| "unknown".into())
}

/// `ext4 on /dev/vda`, from `df -T`.
fn filesystem(dir: &Path) -> String {
    let Some(dir) = dir.to_str() else {
        return "filesystem unknown".into();
    };
    command_output("df", &["-T", dir])
        .and_then(|out| {
            let line = out.lines().nth(1)?.to_string();
            let mut cols = line.split_whitespace();
            let device = cols.next()?;
            let kind = cols.next()?;
            Some(format!("{kind} on {device}"))
        })
        .unwrap_or_else(|| "filesystem unknown".into())
}
