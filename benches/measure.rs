//! What the running kiosk costs: the release binary in a pseudo-terminal,
//! watched from outside through `/proc` and through everything it writes.
//!
//! Run with `scripts/measure.sh [--seconds N]` (which builds the release
//! binary first), or `cargo bench --bench measure -- [options]` after
//! `cargo build --release`. Options:
//!
//! ```text
//! --seconds N   length of the idle run (default 60)
//! --starts N    starts timed for each start-up figure (default 5)
//! --slides N    slides in the large content folder (default 200)
//! --resizes N   window resizes sent after the idle run (default 50)
//! --at TIME     the kiosk's clock at start (default a Monday morning, open)
//! --kiosk PATH  the binary (default target/release/kiosk)
//! --peer PATH   the yardstick run beside it during the idle run (default
//!               target/release/examples/peer, built from benches/peer.rs)
//! --no-peer     run the kiosk alone
//! ```
//!
//! It is a Rust program rather than a shell or Python script because "the
//! first complete frame" means what the screen shows, and that needs a
//! terminal emulator: the `vt100` crate (as the end-to-end tests use) reads
//! the output exactly as a terminal would. Everything it writes (the
//! kiosk's `kiosk.toml`, log, heartbeat, database and the 200-slide folder)
//! goes in one temporary folder, removed at the end.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

mod support;

use support::{lock, manifest_dir, nonzero, release_kiosk, release_peer};

/// What ratatui writes at the end of every `Terminal::draw`, and nowhere
/// else: the crossterm backend resets colours and attributes after the
/// changed cells (`ESC[39m ESC[49m ESC[59m ESC[0m`), then the terminal hides
/// the cursor (`ESC[?25l`) because the kiosk never places it. The changed
/// cells themselves are only a diff, with nothing to count; this trailer is
/// written once per draw, even when a draw changes nothing. (Entering and
/// leaving the screen use `ESC[?1049h` / `ESC[?1049l ESC[?25h`, which do not
/// match.)
const FRAME_END: &[u8] = b"\x1b[0m\x1b[?25l";

const USAGE: &str = "usage: scripts/measure.sh [--seconds N] [--starts N] [--slides N] \
[--resizes N] [--at TIME] [--kiosk PATH] [--peer PATH | --no-peer]
  --seconds N   length of the idle run (default 60)
  --starts N    starts timed for each start-up figure (default 5)
  --slides N    slides in the large content folder (default 200)
  --resizes N   window resizes sent after the idle run (default 50)
  --at TIME     the kiosk's clock at start (default 2026-11-23T10:30:00-07:00)
  --kiosk PATH  the binary (default target/release/kiosk)
  --peer PATH   the plain ratatui loop run beside it (default target/release/examples/peer)
  --no-peer     run the kiosk alone";

/// Default moment: Monday 23 November 2026, 10:30 in Denver (open until
/// 6 PM, so nothing but slides and the clock changes during the run).
const DEFAULT_AT: &str = "2026-11-23T10:30:00-07:00";

const COLS: u16 = 100;
const ROWS: u16 = 30;
const FOOTER_TEXT: &str = "Education, not medical advice";
/// What the peer (benches/peer.rs) shows once it has drawn.
const PEER_MARK: &str = "Peer: a plain ratatui loop";

/// The longest a start may take before it counts as failed.
const START_DEADLINE: Duration = Duration::from_secs(15);

struct Options {
    seconds: u64,
    starts: usize,
    slides: usize,
    resizes: usize,
    at: String,
    kiosk: PathBuf,
    /// The yardstick run beside the kiosk; `None` with `--no-peer`.
    peer: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        seconds: 60,
        starts: 5,
        slides: 200,
        resizes: 50,
        at: DEFAULT_AT.to_string(),
        kiosk: release_kiosk(),
        peer: Some(release_peer()),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        let number = |name: &str, v: String| {
            v.parse::<u64>()
                .map_err(|_| format!("{name} takes a whole number, not {v:?}"))
        };
        match arg.as_str() {
            "--seconds" => o.seconds = number("--seconds", value("--seconds")?)?.max(1),
            "--starts" => o.starts = number("--starts", value("--starts")?)?.max(1) as usize,
            "--slides" => o.slides = number("--slides", value("--slides")?)?.max(1) as usize,
            "--resizes" => o.resizes = number("--resizes", value("--resizes")?)? as usize,
            "--at" => o.at = value("--at")?,
            "--kiosk" => o.kiosk = PathBuf::from(value("--kiosk")?),
            "--peer" => o.peer = Some(PathBuf::from(value("--peer")?)),
            "--no-peer" => o.peer = None,
            // `cargo bench` adds `--bench`; nothing else is expected.
            "--bench" => {}
            other => return Err(format!("unknown option {other:?}")),
        }
    }
    Ok(o)
}

// ---------------------------------------------------------------------------
// The kiosk in a pseudo-terminal
// ---------------------------------------------------------------------------

/// What the reader thread collects.
struct Seen {
    raw: Vec<u8>,
    parser: vt100::Parser,
    /// When the screen first showed the clinic name and the footer together.
    first_frame: Option<Instant>,
    closed: bool,
}

struct Session {
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    seen: Arc<Mutex<Seen>>,
    pid: u32,
    started: Instant,
}

impl Session {
    /// Starts `kiosk --config <config> run --at <at>` in a `COLS`×`ROWS`
    /// terminal, working in `dir`. The clock starts just before the fork.
    fn start(o: &Options, config: &Path, dir: &Path, clinic: &str) -> Result<Self, String> {
        let mut cmd = CommandBuilder::new(&o.kiosk);
        cmd.arg("--config");
        cmd.arg(config);
        cmd.args(["run", "--at", &o.at]);
        cmd.cwd(dir);
        Self::spawn(cmd, &[clinic, FOOTER_TEXT])
    }

    /// Starts `cmd` in a `COLS`×`ROWS` terminal; its first frame is the
    /// first screen that shows all of `marks`.
    fn spawn(mut cmd: CommandBuilder, marks: &[&str]) -> Result<Self, String> {
        let program = cmd.get_argv().first().cloned().unwrap_or_default();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot open a pseudo-terminal: {e}"))?;
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| format!("cannot read the pseudo-terminal: {e}"))?;
        let seen = Arc::new(Mutex::new(Seen {
            raw: Vec::new(),
            parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
            first_frame: None,
            closed: false,
        }));
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
        drop(pair.slave);
        let pid = child.process_id().ok_or("no process id")?;
        let sink = Arc::clone(&seen);
        let marks: Vec<String> = marks.iter().map(|m| m.to_string()).collect();
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = lock(&sink);
                        s.raw.extend_from_slice(&buf[..n]);
                        s.parser.process(&buf[..n]);
                        if s.first_frame.is_none() {
                            let screen = s.parser.screen().contents();
                            if marks.iter().all(|m| screen.contains(m)) {
                                s.first_frame = Some(Instant::now());
                            }
                        }
                    }
                }
            }
            lock(&sink).closed = true;
        });
        Ok(Self {
            master: pair.master,
            child,
            seen,
            pid,
            started,
        })
    }

    /// Waits for the first complete frame; the time from the start.
    fn wait_first_frame(&mut self) -> Result<Duration, String> {
        loop {
            {
                let s = lock(&self.seen);
                if let Some(t) = s.first_frame {
                    return Ok(t - self.started);
                }
                if s.closed || self.started.elapsed() > START_DEADLINE {
                    return Err(format!(
                        "no complete frame after {:.1?}; the screen shows:\n{}",
                        self.started.elapsed(),
                        s.parser.screen().contents()
                    ));
                }
            }
            thread::sleep(Duration::from_millis(1));
        }
    }

    fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    fn bytes(&self) -> usize {
        lock(&self.seen).raw.len()
    }

    fn screen(&self) -> String {
        lock(&self.seen).parser.screen().contents()
    }

    fn resize(&mut self, cols: u16, rows: u16) -> Result<(), String> {
        lock(&self.seen)
            .parser
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot resize the pseudo-terminal: {e}"))
    }

    /// Ends the kiosk: SIGHUP (a clean stop), then SIGKILL if it lingers.
    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.alive() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

// ---------------------------------------------------------------------------
// /proc
// ---------------------------------------------------------------------------

/// CPU time used so far, user plus system, in clock ticks (fields 14 and 15
/// of `/proc/PID/stat`; dead threads included).
fn cpu_ticks(pid: u32) -> Option<u64> {
    cpu_split(pid).map(|(user, system)| user + system)
}

/// User and system CPU time so far, in clock ticks.
fn cpu_split(pid: u32) -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces; the fields after it do not.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((utime, stime))
}

/// CPU time used by the live threads, in nanoseconds (the first field of
/// each thread's `schedstat`): finer than clock ticks, for a cross-check.
fn cpu_nanos(pid: u32) -> Option<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let path = entry.ok()?.path().join("schedstat");
        let text = std::fs::read_to_string(path).ok()?;
        total += text.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// What the scheduler counted for a process's live threads so far: run
/// time in nanoseconds (the first field of each
/// `/proc/PID/task/TID/schedstat`), and wake-ups: the times a thread went
/// to sleep by itself (`voluntary_ctxt_switches` in each thread's
/// `status`; each is followed by one wake-up), for all threads and for
/// the main one (the kiosk's loop). Being preempted by other programs is
/// not a wake-up; on a busy machine it is counted apart (`preempted`).
#[derive(Clone, Copy, Default)]
struct Sched {
    ns: u64,
    wakes: u64,
    main_wakes: u64,
    preempted: u64,
}

/// A number after `key` in a thread's `status`.
fn status_count(text: &str, key: &str) -> Option<u64> {
    text.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn sched(pid: u32) -> Option<Sched> {
    let mut total = Sched::default();
    for entry in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let entry = entry.ok()?;
        let text = std::fs::read_to_string(entry.path().join("schedstat")).ok()?;
        let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
        let status = std::fs::read_to_string(entry.path().join("status")).ok()?;
        let wakes = status_count(&status, "voluntary_ctxt_switches:")?;
        total.ns += ns;
        total.wakes += wakes;
        total.preempted += status_count(&status, "nonvoluntary_ctxt_switches:")?;
        if entry.file_name().to_str() == Some(&pid.to_string()) {
            total.main_wakes = wakes;
        }
    }
    Some(total)
}

/// `perf stat -e task-clock` attached to `pid` for `seconds`, if perf is
/// installed and allowed to watch other processes.
fn perf_start(pid: u32, seconds: u64) -> Option<std::process::Child> {
    Command::new("perf")
        .args([
            "stat",
            "-x",
            ",",
            "-e",
            "task-clock",
            "-p",
            &pid.to_string(),
        ])
        .args(["--", "sleep", &seconds.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .ok()
}

/// The milliseconds of CPU `perf stat -x,` counted (its CSV line
/// `12.34,msec,task-clock,...`).
fn perf_ms(child: Option<std::process::Child>) -> Option<f64> {
    let out = child?.wait_with_output().ok()?;
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().find(|l| l.contains("task-clock"))?;
    line.split(',').next()?.trim().parse().ok()
}

/// A `kB` line of `/proc/PID/status` or `smaps_rollup`.
fn kb_field(file: &str, pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn clock_ticks_per_second() -> u64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A frame larger than this redrew more than the progress bar and clock.
const BIG_FRAME: usize = 200;

/// How many frames in `output` (split after each [`FRAME_END`]) are bigger
/// than [`BIG_FRAME`], and their bytes.
fn big_frames(output: &[u8]) -> (usize, usize) {
    let mut rest = output;
    let (mut n, mut bytes) = (0, 0);
    while let Some(i) = find(rest, FRAME_END) {
        let len = i + FRAME_END.len();
        if len > BIG_FRAME {
            n += 1;
            bytes += len;
        }
        rest = &rest[len..];
    }
    (n, bytes)
}

// ---------------------------------------------------------------------------
// Set-up in the temporary folder
// ---------------------------------------------------------------------------

/// A TOML string holding `path`.
fn toml_path(path: &Path) -> String {
    let text = path.display().to_string();
    if text.contains('\'') || text.contains('\n') {
        format!("{text:?}")
    } else {
        format!("'{text}'")
    }
}

/// The bundled `kiosk.toml`, with `content_dir` pointing at `content`; the
/// log, heartbeat and database stay relative, so they land next to the copy.
fn write_config(dir: &Path, name: &str, content: &Path) -> Result<PathBuf, String> {
    let bundled = manifest_dir().join("kiosk.toml");
    let text = std::fs::read_to_string(&bundled)
        .map_err(|e| format!("cannot read {}: {e}", bundled.display()))?;
    let line = format!("content_dir = {}", toml_path(content));
    let mut replaced = 0;
    let mut out = String::new();
    for l in text.lines() {
        if l.trim_start().starts_with("content_dir") {
            out.push_str(&line);
            replaced += 1;
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    if replaced != 1 {
        return Err(format!(
            "expected one content_dir line in {}, found {replaced}",
            bundled.display()
        ));
    }
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    let path = folder.join("kiosk.toml");
    std::fs::write(&path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// `n` slide files made by copying the bundled ones in turn. Translations
/// (`NAME.es.md`) are left out: renamed apart from their slide, each would be
/// a translation of no slide, which the kiosk reports as a problem.
fn write_many_slides(dir: &Path, n: usize) -> Result<PathBuf, String> {
    let source = manifest_dir().join("content");
    let mut bundled: Vec<PathBuf> = std::fs::read_dir(&source)
        .map_err(|e| format!("cannot list {}: {e}", source.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| !s.to_string_lossy().contains('.'))
        })
        .collect();
    bundled.sort();
    if bundled.is_empty() {
        return Err(format!("no slides in {}", source.display()));
    }
    let folder = dir.join(format!("content-{n}"));
    std::fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
    for i in 0..n {
        let from = &bundled[i % bundled.len()];
        let name = from.file_name().map(|f| f.to_string_lossy().into_owned());
        let to = folder.join(format!("{i:04}-{}", name.unwrap_or_default()));
        std::fs::copy(from, &to).map_err(|e| format!("cannot copy {}: {e}", from.display()))?;
    }
    Ok(folder)
}

fn clinic_name(config: &Path) -> Result<String, String> {
    kiosk::config::Config::load(config)
        .map(|c| c.clinic.name)
        .map_err(|e| format!("{} does not load: {e:?}", config.display()))
}

// ---------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------

struct Idle {
    seconds: f64,
    cpu_ms_per_min: f64,
    /// The system (kernel) part of `cpu_ms_per_min`.
    system_ms_per_min: f64,
    cpu_ns_ms_per_min: Option<f64>,
    hwm_kb: Option<u64>,
    rss_kb: Option<u64>,
    anon_kb: Option<u64>,
    file_kb: Option<u64>,
    pss_kb: Option<u64>,
    bytes_per_s: f64,
    bytes_total: usize,
    first_frame_bytes: usize,
    frames_per_min: f64,
    frames_total: usize,
    /// Frames of more than [`BIG_FRAME`] bytes (slide and page changes)
    /// and the bytes they took.
    big_frames: usize,
    big_bytes: usize,
    largest_gap_s: f64,
    resize: Option<Resize>,
    /// Scheduler counts for the kiosk over the window, and for the peer
    /// run beside it.
    kiosk_sched: Option<Sched>,
    peer: Option<PeerRun>,
    /// perf's task-clock for the kiosk over the window, in ms.
    kiosk_perf_ms: Option<f64>,
}

struct PeerRun {
    sched: Option<Sched>,
    perf_ms: Option<f64>,
    hwm_kb: Option<u64>,
}

struct Resize {
    sent: usize,
    alive: bool,
    recovered: bool,
    cpu_ms: f64,
    bytes: usize,
}

fn idle_run(o: &Options, config: &Path, clinic: &str, tck: u64) -> Result<Idle, String> {
    let dir = config.parent().unwrap_or(Path::new("."));
    let mut s = Session::start(o, config, dir, clinic)?;
    s.wait_first_frame()?;
    let mut peer = match &o.peer {
        Some(path) => {
            let mut p = Session::spawn(CommandBuilder::new(path), &[PEER_MARK])?;
            p.wait_first_frame()?;
            Some(p)
        }
        None => None,
    };
    // The window starts once both first frames are on screen.
    let t0 = Instant::now();
    let kiosk_perf = perf_start(s.pid, o.seconds);
    let peer_perf = peer.as_ref().and_then(|p| perf_start(p.pid, o.seconds));
    let kiosk_sched0 = sched(s.pid);
    let peer_sched0 = peer.as_ref().and_then(|p| sched(p.pid));
    let (user0, system0) = cpu_split(s.pid).ok_or("cannot read /proc/PID/stat")?;
    let ns0 = cpu_nanos(s.pid);
    let (bytes0, frames0, first_frame_bytes) = {
        let seen = lock(&s.seen);
        let first = find(&seen.raw, FRAME_END).map_or(0, |i| i + FRAME_END.len());
        (seen.raw.len(), count(&seen.raw, FRAME_END), first)
    };
    // Look ten times a second, to find the longest spell without a frame.
    let mut last_frames = frames0;
    let mut last_change = t0;
    let mut largest_gap = Duration::ZERO;
    while t0.elapsed() < Duration::from_secs(o.seconds) {
        thread::sleep(Duration::from_millis(100));
        if !s.alive() {
            return Err("the kiosk exited during the idle run".into());
        }
        let frames = count(&lock(&s.seen).raw, FRAME_END);
        if frames != last_frames {
            largest_gap = largest_gap.max(last_change.elapsed());
            last_frames = frames;
            last_change = Instant::now();
        }
    }
    let elapsed = t0.elapsed().as_secs_f64();
    let kiosk_sched1 = sched(s.pid);
    let peer_sched1 = peer.as_ref().and_then(|p| sched(p.pid));
    let since = |a: Option<Sched>, b: Option<Sched>| {
        a.zip(b).map(|(a, b)| Sched {
            ns: b.ns.saturating_sub(a.ns),
            wakes: b.wakes.saturating_sub(a.wakes),
            main_wakes: b.main_wakes.saturating_sub(a.main_wakes),
            preempted: b.preempted.saturating_sub(a.preempted),
        })
    };
    let kiosk_sched = since(kiosk_sched0, kiosk_sched1);
    let kiosk_perf_ms = perf_ms(kiosk_perf);
    let peer = peer.take().map(|p| {
        let run = PeerRun {
            sched: since(peer_sched0, peer_sched1),
            perf_ms: perf_ms(peer_perf),
            hwm_kb: kb_field("status", p.pid, "VmHWM:"),
        };
        p.stop();
        run
    });
    let (user1, system1) = cpu_split(s.pid).ok_or("cannot read /proc/PID/stat")?;
    let ns1 = cpu_nanos(s.pid);
    let status = |key: &str| kb_field("status", s.pid, key);
    let (hwm_kb, rss_kb) = (status("VmHWM:"), status("VmRSS:"));
    let (anon_kb, file_kb) = (status("RssAnon:"), status("RssFile:"));
    let pss_kb = kb_field("smaps_rollup", s.pid, "Pss:");
    let (bytes1, frames1, (big_frames, big_bytes)) = {
        let seen = lock(&s.seen);
        let window = &seen.raw[bytes0..];
        let frames = count(&seen.raw, FRAME_END);
        (seen.raw.len(), frames, big_frames(window))
    };
    let minutes = elapsed / 60.0;
    let tick_ms = 1000.0 / tck as f64;
    let resize = if o.resizes > 0 {
        Some(resize_check(&mut s, o.resizes, clinic, tick_ms)?)
    } else {
        None
    };
    s.stop();
    Ok(Idle {
        seconds: elapsed,
        cpu_ms_per_min: (user1 + system1 - user0 - system0) as f64 * tick_ms / minutes,
        system_ms_per_min: (system1 - system0) as f64 * tick_ms / minutes,
        cpu_ns_ms_per_min: ns0
            .zip(ns1)
            .map(|(a, b)| b.saturating_sub(a) as f64 / 1e6 / minutes),
        hwm_kb,
        rss_kb,
        anon_kb,
        file_kb,
        pss_kb,
        bytes_per_s: (bytes1 - bytes0) as f64 / elapsed,
        bytes_total: bytes1 - bytes0,
        first_frame_bytes,
        frames_per_min: (frames1 - frames0) as f64 / minutes,
        frames_total: frames1 - frames0,
        big_frames,
        big_bytes,
        largest_gap_s: largest_gap.as_secs_f64(),
        resize,
        kiosk_sched,
        peer,
        kiosk_perf_ms,
    })
}

/// Sends `n` window resizes (TIOCSWINSZ on the terminal, so the kiosk gets
/// SIGWINCH), ends at the original size, and checks it is still running and
/// draws the full screen again.
fn resize_check(s: &mut Session, n: usize, clinic: &str, tick_ms: f64) -> Result<Resize, String> {
    const SIZES: [(u16, u16); 6] = [(80, 24), (200, 60), (40, 12), (120, 40), (20, 6), (132, 43)];
    let ticks0 = cpu_ticks(s.pid).unwrap_or(0);
    let bytes0 = s.bytes();
    for i in 0..n {
        let (cols, rows) = SIZES[i % SIZES.len()];
        s.resize(cols, rows)?;
        thread::sleep(Duration::from_millis(10));
    }
    s.resize(COLS, ROWS)?;
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut recovered = false;
    while Instant::now() < deadline {
        let screen = s.screen();
        if screen.contains(clinic) && screen.contains(FOOTER_TEXT) {
            recovered = true;
            break;
        }
        thread::sleep(Duration::from_millis(20));
    }
    // Give a crash the chance to show.
    thread::sleep(Duration::from_millis(500));
    let alive = s.alive();
    let ticks1 = cpu_ticks(s.pid).unwrap_or(ticks0);
    Ok(Resize {
        sent: n + 1,
        alive,
        recovered,
        cpu_ms: (ticks1 - ticks0) as f64 * tick_ms,
        bytes: s.bytes() - bytes0,
    })
}

struct Starts {
    times_ms: Vec<f64>,
    /// CPU the kiosk used up to its first frame (live threads, ns).
    cpu_ms: Vec<f64>,
}

fn time_starts(o: &Options, config: &Path, clinic: &str) -> Result<Starts, String> {
    let dir = config.parent().unwrap_or(Path::new("."));
    let mut out = Starts {
        times_ms: Vec::new(),
        cpu_ms: Vec::new(),
    };
    // One start first, not counted, so the binary and slides are in the
    // page cache as they would be on a kiosk that has run before.
    Session::start(o, config, dir, clinic)?
        .wait_first_frame()
        .map(|_| ())?;
    for _ in 0..o.starts {
        let mut s = Session::start(o, config, dir, clinic)?;
        let t = s.wait_first_frame()?;
        out.times_ms.push(t.as_secs_f64() * 1000.0);
        if let Some(ns) = cpu_nanos(s.pid) {
            out.cpu_ms.push(ns as f64 / 1e6);
        }
        s.stop();
    }
    Ok(out)
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len().max(1) as f64
}

fn spread(v: &[f64]) -> String {
    let min = v.iter().copied().fold(f64::INFINITY, f64::min);
    let max = v.iter().copied().fold(0.0, f64::max);
    format!(
        "mean {:.1} (min {min:.1}, max {max:.1}, n={})",
        mean(v),
        v.len()
    )
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn mb(kb: Option<u64>) -> String {
    kb.map_or("?".into(), |k| {
        format!("{:.2} MiB ({k} KiB)", k as f64 / 1024.0)
    })
}

/// The kiosk beside the peer: CPU as a share of the peer's, and wake-ups.
fn side_by_side(t: &mut String, idle: &Idle) {
    let minutes = idle.seconds / 60.0;
    let per_min = |ms: f64| ms / minutes;
    let peer = idle.peer.as_ref();
    let ratio = |k: Option<f64>, p: Option<f64>| match k.zip(p) {
        Some((k, p)) if p > 0.0 => format!("; **{:.3}x** the peer's", k / p),
        _ => String::new(),
    };
    let k_ns = idle.kiosk_sched.map(|s| s.ns as f64 / 1e6);
    let p_ns = peer.and_then(|p| p.sched).map(|s| s.ns as f64 / 1e6);
    let ms = |v: Option<f64>| v.map_or("?".into(), |v| format!("{:.1}", per_min(v)));
    let _ = writeln!(
        t,
        "| CPU, kiosk beside the peer (schedstat) | kiosk {} ms per minute, peer {} ms per minute{} |",
        ms(k_ns),
        ms(p_ns),
        ratio(k_ns, p_ns)
    );
    let (k_perf, p_perf) = (idle.kiosk_perf_ms, peer.and_then(|p| p.perf_ms));
    let perf = if k_perf.is_some() {
        format!(
            "kiosk {} ms per minute, peer {} ms per minute{}",
            ms(k_perf),
            ms(p_perf),
            ratio(k_perf, p_perf)
        )
    } else {
        "perf not available".into()
    };
    let _ = writeln!(
        t,
        "| CPU, kiosk beside the peer (perf task-clock) | {perf} |"
    );
    let wakes = |s: Option<Sched>| {
        s.map_or("?".into(), |s| {
            format!(
                "{:.1} (main thread {:.1}; preempted {:.1})",
                s.wakes as f64 / minutes,
                s.main_wakes as f64 / minutes,
                s.preempted as f64 / minutes
            )
        })
    };
    let _ = writeln!(
        t,
        "| wake-ups per minute, all threads | kiosk {}, peer {} |",
        wakes(idle.kiosk_sched),
        wakes(peer.and_then(|p| p.sched))
    );
    if let Some(s) = idle.kiosk_sched.filter(|s| s.wakes > 0) {
        let _ = writeln!(
            t,
            "| CPU per wake-up, kiosk | {:.0} µs (all threads' CPU over all their wake-ups) |",
            s.ns as f64 / 1e3 / s.wakes as f64
        );
    }
    if let Some(p) = peer {
        let _ = writeln!(t, "| peer's peak resident memory | {} |", mb(p.hwm_kb));
    }
}

fn run() -> Result<(), String> {
    let o = parse_options()?;
    if !o.kiosk.is_file() {
        return Err(format!(
            "{} is missing: run `cargo build --release` first",
            o.kiosk.display()
        ));
    }
    if let Some(peer) = o.peer.as_ref().filter(|p| !p.is_file()) {
        return Err(format!(
            "{} is missing: run `cargo build --release --example peer` first, or pass --no-peer",
            peer.display()
        ));
    }
    let temp = tempfile::Builder::new()
        .prefix("kiosk-measure-")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let tck = clock_ticks_per_second();
    let bundled = write_config(temp.path(), "bundled", &manifest_dir().join("content"))?;
    let many_dir = write_many_slides(temp.path(), o.slides)?;
    let many = write_config(temp.path(), "many", &many_dir)?;
    let clinic = clinic_name(&bundled)?;
    let load_before = load_average();
    eprintln!(
        "kiosk: {}\ntemporary folder: {}\nload average before: {load_before}",
        o.kiosk.display(),
        temp.path().display()
    );

    eprintln!("timing {} starts with the bundled content...", o.starts);
    let small = time_starts(&o, &bundled, &clinic)?;
    eprintln!("timing {} starts with {} slides...", o.starts, o.slides);
    let large = time_starts(&o, &many, &clinic)?;
    eprintln!("idle run of {} s at {COLS}x{ROWS}...", o.seconds);
    let idle = idle_run(&o, &bundled, &clinic, tck)?;
    let load_after = load_average();

    let mut t = String::new();
    let row = |t: &mut String, figure: &str, value: String| {
        let _ = writeln!(t, "| {figure} | {value} |");
    };
    let _ = writeln!(
        t,
        "\nkiosk run --at {} at {COLS}x{ROWS}; idle window {:.1} s after the first frame; CLK_TCK {tck}",
        o.at, idle.seconds
    );
    let _ = writeln!(t, "load average before {load_before}, after {load_after}\n");
    let _ = writeln!(t, "| figure | measured |\n|---|---|");
    let per_frame = |ms_per_min: f64| ms_per_min / idle.frames_per_min.max(f64::MIN_POSITIVE);
    row(
        &mut t,
        "CPU while idle (utime+stime)",
        format!(
            "{:.1} ms per minute ({:.2} ms per frame; {:.1} ms of it in the kernel)",
            idle.cpu_ms_per_min,
            per_frame(idle.cpu_ms_per_min),
            idle.system_ms_per_min
        ),
    );
    if let Some(ns) = idle.cpu_ns_ms_per_min {
        row(
            &mut t,
            "CPU while idle (schedstat, ns resolution)",
            format!("{ns:.1} ms per minute ({:.2} ms per frame)", per_frame(ns)),
        );
    }
    side_by_side(&mut t, &idle);
    row(&mut t, "peak resident memory (VmHWM)", mb(idle.hwm_kb));
    let rss = mb(idle.rss_kb);
    row(&mut t, "resident memory at the end (VmRSS)", rss);
    row(&mut t, "  of which anonymous (RssAnon)", mb(idle.anon_kb));
    row(&mut t, "  of which file-backed (RssFile)", mb(idle.file_kb));
    row(&mut t, "proportional memory (Pss)", mb(idle.pss_kb));
    row(
        &mut t,
        "bytes written to the terminal, idle",
        format!(
            "{:.1} per second ({} in the window)",
            idle.bytes_per_s, idle.bytes_total
        ),
    );
    let small_frames = idle.frames_total.saturating_sub(idle.big_frames);
    let small_bytes = idle.bytes_total.saturating_sub(idle.big_bytes);
    row(
        &mut t,
        &format!("  in frames of at most {BIG_FRAME} bytes (progress bar, clock)"),
        format!(
            "{:.1} per second ({small_frames} frames, {:.1} bytes each)",
            small_bytes as f64 / idle.seconds,
            small_bytes as f64 / small_frames.max(1) as f64
        ),
    );
    row(
        &mut t,
        &format!("  in frames over {BIG_FRAME} bytes (slide and page changes)"),
        format!(
            "{:.1} per second ({} frames, {:.0} bytes each)",
            idle.big_bytes as f64 / idle.seconds,
            idle.big_frames,
            idle.big_bytes as f64 / idle.big_frames.max(1) as f64
        ),
    );
    row(
        &mut t,
        "frames drawn, idle",
        format!(
            "{:.1} per minute ({} in the window; longest spell without one {:.1} s)",
            idle.frames_per_min, idle.frames_total, idle.largest_gap_s
        ),
    );
    row(
        &mut t,
        "bytes of the first frame (entering the screen included)",
        idle.first_frame_bytes.to_string(),
    );
    row(
        &mut t,
        "start to first full frame, bundled content (ms)",
        spread(&small.times_ms),
    );
    row(&mut t, "  CPU used by then (ms)", spread(&small.cpu_ms));
    row(
        &mut t,
        &format!("start to first full frame, {} slides (ms)", o.slides),
        spread(&large.times_ms),
    );
    row(&mut t, "  CPU used by then (ms)", spread(&large.cpu_ms));
    if let Some(r) = &idle.resize {
        row(
            &mut t,
            "window resizes",
            format!(
                "{} sent; still running: {}; full screen again: {}; {:.0} ms CPU, {} bytes",
                r.sent,
                if r.alive { "yes" } else { "NO" },
                if r.recovered { "yes" } else { "NO" },
                r.cpu_ms,
                r.bytes
            ),
        );
    }
    println!("{t}");
    match &idle.resize {
        Some(r) if !r.alive => Err("the kiosk did not survive the resizes".into()),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    if std::env::args().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("measure: {e}");
            ExitCode::FAILURE
        }
    }
}
