//! The shared PostgreSQL store measured, beside the SQLite file in the
//! same run. Not run by a plain `cargo bench`; `scripts/pg-bench.sh` starts
//! the throwaway server and runs all three parts:
//!
//! - `latency [N]`: a check-in from the final Enter to the confirmation
//!   drawn (the app's update, the durable commit, one frame at 100x30),
//!   N times (1,000) on each engine, alternating, p50/p99 for each.
//! - `chaos`: 8 kiosk processes x 250 check-ins at once on two sites, with
//!   20 kill -9 of kiosks and 3 immediate restarts of PostgreSQL; then
//!   checks: 2,000 records, tickets unique and gapless per site, no
//!   patient stored twice, every confirmed check-in there.
//! - `desk [N]`: a check-in at one connection to the row read by a desk
//!   that polls as `kiosk desk` does (every 500 ms, LISTEN/NOTIFY), N
//!   times (200), p50/p99.
//!
//! The server comes from `KIOSK_TEST_PG_URL` (and `KIOSK_TEST_PG_DIR` for
//! the restarts), as `scripts/pg-dev.sh` prints them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Effect, Msg, Outcome, QUIET, Screen, greeting_name};
use kiosk::config::Config;
use kiosk::store::{Checkins, Inserted, NewCheckin, PgStore, Source, Store, new_key, postgres};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const MONDAY_OPEN: &str = "2026-11-23T10:42:00-07:00";
const SIZE: (u16, u16) = (100, 30);
const KIOSKS: usize = 8;
const PER_KIOSK: usize = 250;
const KILLS: usize = 20;
const RESTARTS: usize = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let number =
        |i: usize, default: usize| args.get(i).and_then(|n| n.parse().ok()).unwrap_or(default);
    let result = match args.first().map(String::as_str) {
        Some("latency") => latency(number(1, 1000)),
        Some("chaos") => chaos(),
        Some("desk") => desk(number(1, 200)),
        Some("worker") => worker(&args[1..]),
        _ => Err("usage: shared_store latency [N] | chaos | desk [N]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn server_url() -> Result<String, String> {
    std::env::var("KIOSK_TEST_PG_URL")
        .map_err(|_| "KIOSK_TEST_PG_URL is not set: run `eval \"$(scripts/pg-dev.sh)\"`".into())
}

/// A fresh schema on the server, and the URL that works in it.
fn fresh_schema(label: &str) -> Result<String, String> {
    let url = server_url()?;
    let schema = format!("bench_{label}_{}", &new_key()[..8]);
    let mut admin =
        ::postgres::Client::connect(&url, ::postgres::NoTls).map_err(|e| e.to_string())?;
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .map_err(|e| e.to_string())?;
    let sep = if url.contains('?') { '&' } else { '?' };
    Ok(format!(
        "{url}{sep}options=-c%20search_path%3D{schema}&sslmode=disable"
    ))
}

fn pg_store(url: &str, site: &str) -> Result<PgStore, String> {
    let target = postgres::target(url, None)?;
    PgStore::connect(target, chrono_tz::America::Denver, site, true).map_err(|e| e.to_string())
}

fn config() -> Result<Config, String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(manifest.join("kiosk.toml"))
        .map_err(|e| format!("cannot read kiosk.toml: {e}"))?;
    Config::parse(Path::new("kiosk.toml"), &text, manifest)
        .map_err(|problems| format!("the bundled kiosk.toml is invalid: {problems:?}"))
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// One patient at one kiosk: the form typed, then the final Enter to the
/// confirmation drawn, timed.
struct Kiosk {
    app: App,
    terminal: Terminal<TestBackend>,
    store: Box<dyn Checkins>,
}

impl Kiosk {
    fn new(config: Config, store: Box<dyn Checkins>) -> Result<Self, String> {
        let start: DateTime<Utc> = DateTime::parse_from_rfc3339(MONDAY_OPEN)
            .map_err(|e| e.to_string())?
            .to_utc();
        let app = App::new(config, start, false).with_size(SIZE.0, SIZE.1);
        let terminal =
            Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).map_err(|e| e.to_string())?;
        Ok(Self {
            app,
            terminal,
            store,
        })
    }

    fn draw(&mut self) -> Result<(), String> {
        let app = &self.app;
        self.terminal
            .draw(|frame| frame.render_widget(app, frame.area()))
            .map(drop)
            .map_err(|e| e.to_string())
    }

    fn check_in(&mut self, i: usize) -> Result<Duration, String> {
        let now = self.app.now + chrono::Duration::seconds(3);
        self.app.update(Msg::Tick(now));
        self.app.update(key(KeyCode::Enter));
        for (n, part) in [format!("Pat{i}"), "Bench".into(), "4/17/62".into()]
            .iter()
            .enumerate()
        {
            if n > 0 {
                self.app.update(key(KeyCode::Tab));
            }
            for c in part.chars() {
                self.app.update(key(KeyCode::Char(c)));
            }
        }
        self.draw()?;
        let window = chrono::Duration::hours(12);
        let started = Instant::now();
        self.app.update(key(KeyCode::Enter));
        for effect in self.app.take_effects() {
            if let Effect::Store(checkin) = effect {
                let result = self
                    .store
                    .add(&checkin, &new_key(), self.app.now, window, Source::Kiosk)
                    .map(|inserted| (inserted, greeting_name(&checkin)))
                    .map_err(|e| e.to_string());
                self.app.update(Msg::Stored(result));
            }
        }
        self.draw()?;
        let took = started.elapsed();
        if !matches!(
            &self.app.screen,
            Screen::Done {
                outcome: Outcome::CheckedIn { .. },
                ..
            }
        ) {
            return Err(format!("check-in {i} was not confirmed"));
        }
        let later = self.app.now + QUIET;
        self.app.update(Msg::Tick(later));
        self.app.update(key(KeyCode::Char(' ')));
        self.draw()?;
        Ok(took)
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.clamp(1, sorted.len()) - 1)
        .copied()
        .unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn latency(n: usize) -> Result<(), String> {
    let config = config()?;
    let url = fresh_schema("latency")?;
    let temp = tempfile::Builder::new()
        .prefix("kiosk-bench-shared-")
        .tempdir_in(std::env::var_os("BENCH_DIR").map_or_else(std::env::temp_dir, PathBuf::from))
        .map_err(|e| e.to_string())?;
    let sqlite = Store::open(&temp.path().join("checkins.db"), config.schedule.tz)
        .map_err(|e| e.to_string())?;
    let mut on_file = Kiosk::new(config.clone(), Box::new(sqlite))?;
    let mut on_server = Kiosk::new(config, Box::new(pg_store(&url, "main")?))?;
    let (mut file, mut server) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for i in 0..n {
        file.push(on_file.check_in(i)?);
        server.push(on_server.check_in(i)?);
    }
    file.sort();
    server.sort();
    println!("Check-in, final Enter -> confirmation drawn ({n} each, alternating, same run)");
    println!("  {:<22}{:>12}{:>12}{:>12}", "", "p50", "p99", "max");
    for (name, v) in [
        ("SQLite (WAL, FULL)", &file),
        ("PostgreSQL (loopback)", &server),
    ] {
        println!(
            "  {name:<22}{:>12}{:>12}{:>12}",
            ms(percentile(v, 50.0)),
            ms(percentile(v, 99.0)),
            ms(v.last().copied().unwrap_or_default())
        );
    }
    Ok(())
}

/// A kiosk process of the chaos run: checks in patients `from..to` of its
/// list at `site`, appending each confirmed one (patient, ticket, id) to
/// `log` and syncing it before the next. A failed attempt is tried again
/// with the same key until the server answers.
fn worker(args: &[String]) -> Result<(), String> {
    let [url, site, kiosk, log] = args else {
        return Err("worker URL SITE KIOSK LOG".into());
    };
    let done = std::fs::read_to_string(log)
        .map(|t| t.lines().count())
        .unwrap_or(0);
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| e.to_string())?;
    let mut store = loop {
        match pg_store(url, site) {
            Ok(store) => break store,
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    let day: DateTime<Utc> = DateTime::parse_from_rfc3339(MONDAY_OPEN)
        .map_err(|e| e.to_string())?
        .to_utc();
    for n in done..PER_KIOSK {
        let fields = vec![
            ("first_name".to_string(), format!("K{kiosk}P{n}")),
            ("last_name".to_string(), "Chaos".to_string()),
            ("date_of_birth".to_string(), "1962-04-17".to_string()),
        ];
        let patient = NewCheckin::new(fields, &["first_name", "last_name", "date_of_birth"]);
        let attempt = new_key();
        let inserted = loop {
            match store.add(
                &patient,
                &attempt,
                day,
                chrono::Duration::hours(12),
                Source::Kiosk,
            ) {
                Ok(inserted) => break inserted,
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        };
        let (ticket, id) = (inserted.ticket(), inserted.id().0);
        writeln!(file, "K{kiosk}P{n} {ticket} {id}").map_err(|e| e.to_string())?;
        file.sync_data().map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn chaos() -> Result<(), String> {
    let url = fresh_schema("chaos")?;
    let data = std::env::var("KIOSK_TEST_PG_DIR").map_err(|_| "KIOSK_TEST_PG_DIR is not set")?;
    pg_store(&url, "lakewood")?;
    let logs = tempfile::tempdir().map_err(|e| e.to_string())?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let spawn = |k: usize| -> Result<Child, String> {
        let site = if k.is_multiple_of(2) {
            "lakewood"
        } else {
            "golden"
        };
        Command::new(&exe)
            .args(["worker", &url, site, &k.to_string()])
            .arg(logs.path().join(format!("kiosk{k}.log")))
            .spawn()
            .map_err(|e| e.to_string())
    };
    let mut children: Vec<Child> = (0..KIOSKS).map(spawn).collect::<Result<_, _>>()?;
    let started = Instant::now();
    let (mut kills, mut restarts) = (0, 0);
    let mut rng = (std::process::id() as u64) | 1;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    loop {
        let running: Vec<usize> = (0..KIOSKS)
            .filter(|&k| matches!(children[k].try_wait(), Ok(None)))
            .collect();
        if running.is_empty() && kills >= KILLS && restarts >= RESTARTS {
            break;
        }
        if running.is_empty() {
            // Everyone finished before the faults were all made: that is
            // fine, the faults then hit an idle server; stop here.
            break;
        }
        std::thread::sleep(Duration::from_millis(20 + next() % 60));
        // Each fault is a kill or a restart in proportion to how many of
        // each are still to come, so both are spread over the run and all
        // are made before a fast run ends.
        let (kills_left, restarts_left) = (KILLS - kills, RESTARTS - restarts);
        let left = u64::try_from(kills_left + restarts_left)
            .unwrap_or(1)
            .max(1);
        let restart_now = next() % left < u64::try_from(restarts_left).unwrap_or(0);
        if kills_left > 0 && !restart_now {
            let k = running[(next() as usize) % running.len()];
            let _ = children[k].kill();
            let _ = children[k].wait();
            children[k] = spawn(k)?;
            kills += 1;
        } else if restarts_left > 0 {
            let status = Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(pg_ctl()?)
                .args([
                    "-D",
                    &format!("{data}/data"),
                    "-m",
                    "immediate",
                    "-w",
                    "restart",
                ])
                .args(["-l", &format!("{data}/server.log")])
                .stdout(std::process::Stdio::null())
                .status()
                .map_err(|e| e.to_string())?;
            if !status.success() {
                return Err("pg_ctl restart failed".into());
            }
            restarts += 1;
        }
    }
    for child in &mut children {
        child.wait().map_err(|e| e.to_string())?;
    }
    let elapsed = started.elapsed();
    verify(&url, logs.path(), kills, restarts, elapsed)
}

fn pg_ctl() -> Result<PathBuf, String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin/pg_ctl")))
        .filter(|p| p.exists())
        .collect();
    found.sort();
    found.pop().ok_or_else(|| "no pg_ctl".into())
}

fn verify(
    url: &str,
    logs: &Path,
    kills: usize,
    restarts: usize,
    elapsed: Duration,
) -> Result<(), String> {
    let mut client = ::postgres::Client::connect(
        url.split("&sslmode").next().unwrap_or(url),
        ::postgres::NoTls,
    )
    .map_err(|e| e.to_string())?;
    let rows = client
        .query(
            "SELECT c.site, c.ticket, c.id, f.value FROM checkin c
             JOIN checkin_field f ON f.checkin_id = c.id AND f.key = 'first_name'",
            &[],
        )
        .map_err(|e| e.to_string())?;
    let mut tickets: BTreeMap<String, Vec<i32>> = BTreeMap::new();
    let mut patients: HashMap<String, usize> = HashMap::new();
    let mut ids: HashSet<(i64, i32)> = HashSet::new();
    for row in &rows {
        tickets.entry(row.get(0)).or_default().push(row.get(1));
        *patients.entry(row.get(3)).or_default() += 1;
        ids.insert((row.get(2), row.get(1)));
    }
    let twice = patients.values().filter(|&&n| n > 1).count();
    let mut gapless = true;
    for list in tickets.values_mut() {
        list.sort_unstable();
        gapless &= list.iter().enumerate().all(|(i, t)| *t == i as i32 + 1);
    }
    let (mut confirmed, mut lost) = (0, 0);
    for k in 0..KIOSKS {
        let file =
            std::fs::File::open(logs.join(format!("kiosk{k}.log"))).map_err(|e| e.to_string())?;
        for line in std::io::BufReader::new(file).lines() {
            let line = line.map_err(|e| e.to_string())?;
            let parts: Vec<&str> = line.split(' ').collect();
            let (ticket, id) = (
                parts[1].parse::<i32>().unwrap_or(-1),
                parts[2].parse::<i64>().unwrap_or(-1),
            );
            confirmed += 1;
            if !ids.contains(&(id, ticket)) {
                lost += 1;
            }
        }
    }
    println!(
        "Chaos: {KIOSKS} kiosk processes x {PER_KIOSK} check-ins, two sites, {:.1} s",
        elapsed.as_secs_f64()
    );
    println!(
        "  faults          {kills} kill -9 of kiosks, {restarts} immediate restarts of PostgreSQL"
    );
    println!(
        "  records         {} (expected {})",
        rows.len(),
        KIOSKS * PER_KIOSK
    );
    println!("  confirmed       {confirmed}, of which missing: {lost}");
    println!("  stored twice    {twice}");
    for (site, list) in &tickets {
        println!(
            "  site {site:<10} tickets 1..{} , unique and gapless: {gapless}",
            list.len()
        );
    }
    if rows.len() != KIOSKS * PER_KIOSK
        || twice > 0
        || lost > 0
        || !gapless
        || confirmed != KIOSKS * PER_KIOSK
    {
        return Err("the chaos run failed its checks".into());
    }
    if kills < KILLS || restarts < RESTARTS {
        return Err(format!(
            "the run ended before all its faults were made ({kills} of {KILLS} kills, {restarts} of {RESTARTS} restarts)"
        ));
    }
    println!("  result          every check passed");
    Ok(())
}

fn desk(n: usize) -> Result<(), String> {
    let url = fresh_schema("desk")?;
    let mut kiosk = pg_store(&url, "main")?;
    let mut desk = pg_store(&url, "main")?;
    let (tx, rx) = std::sync::mpsc::channel::<(u32, Instant)>();
    let writer = std::thread::spawn(move || -> Result<(), String> {
        let day: DateTime<Utc> = DateTime::parse_from_rfc3339(MONDAY_OPEN)
            .map_err(|e| e.to_string())?
            .to_utc();
        let mut seed = 0x9e37_79b9_u64;
        for i in 0..n {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            std::thread::sleep(Duration::from_millis(100 + (seed >> 33) % 900));
            let fields = vec![("first_name".to_string(), format!("D{i}"))];
            let patient = NewCheckin::new(fields, &["first_name"]);
            let inserted = kiosk
                .add(
                    &patient,
                    &new_key(),
                    day,
                    chrono::Duration::zero(),
                    Source::Kiosk,
                )
                .map_err(|e| e.to_string())?;
            if let Inserted::New { ticket, .. } = inserted {
                tx.send((ticket, Instant::now()))
                    .map_err(|e| e.to_string())?;
            }
        }
        Ok(())
    });
    let day = DateTime::parse_from_rfc3339(MONDAY_OPEN)
        .map_err(|e| e.to_string())?
        .date_naive();
    let mut committed: HashMap<u32, Instant> = HashMap::new();
    let mut seen: HashSet<u32> = HashSet::new();
    let mut waits = Vec::with_capacity(n);
    let mut stamp = desk.change_stamp().map_err(|e| e.to_string())?;
    let poll = kiosk::desk::runtime::POLL_EVERY;
    while seen.len() < n {
        std::thread::sleep(poll);
        while let Ok((ticket, at)) = rx.try_recv() {
            committed.insert(ticket, at);
        }
        let now_stamp = desk.change_stamp().map_err(|e| e.to_string())?;
        if now_stamp == stamp {
            continue;
        }
        stamp = now_stamp;
        let list = desk.list(day).map_err(|e| e.to_string())?;
        let read = Instant::now();
        while let Ok((ticket, at)) = rx.try_recv() {
            committed.insert(ticket, at);
        }
        for record in list {
            if seen.insert(record.ticket) {
                let at = committed.get(&record.ticket).copied().unwrap_or(read);
                waits.push(read.saturating_duration_since(at));
            }
        }
    }
    writer.join().map_err(|_| "the writer panicked")??;
    waits.sort();
    println!(
        "Desk update: check-in committed at one connection -> row read by a desk polling every {} ms",
        poll.as_millis()
    );
    println!(
        "  samples {n}  p50 {}  p99 {}  max {}",
        ms(percentile(&waits, 50.0)),
        ms(percentile(&waits, 99.0)),
        ms(waits.last().copied().unwrap_or_default())
    );
    Ok(())
}
