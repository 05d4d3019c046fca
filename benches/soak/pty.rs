//! The kiosk in a pseudo-terminal for the soak run: the screen as a
//! terminal would show it, the bytes written, and the process's `/proc`.

use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::{lock, nonzero};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// What the reader thread collects. The raw bytes are counted, not kept:
/// two days at a high speed write tens of megabytes.
struct Seen {
    bytes: u64,
    parser: vt100::Parser,
    closed: bool,
}

pub struct Session {
    // Kept so the terminal stays open for the child.
    _master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    seen: Arc<Mutex<Seen>>,
    pub pid: u32,
    /// Just before the fork: the kiosk's clock starts a little after this.
    pub started: Instant,
}

impl Session {
    /// Starts `kiosk <args>` in a `cols`×`rows` terminal, working in `dir`.
    pub fn start(
        kiosk: &Path,
        args: &[String],
        dir: &Path,
        (cols, rows): (u16, u16),
    ) -> Result<Self, String> {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("cannot open a pseudo-terminal: {e}"))?;
        let mut cmd = CommandBuilder::new(kiosk);
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| format!("cannot read the pseudo-terminal: {e}"))?;
        let seen = Arc::new(Mutex::new(Seen {
            bytes: 0,
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            closed: false,
        }));
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("cannot start {}: {e}", kiosk.display()))?;
        drop(pair.slave);
        let pid = child.process_id().ok_or("the kiosk has no process id")?;
        let sink = Arc::clone(&seen);
        thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = lock(&sink);
                        s.bytes += n as u64;
                        s.parser.process(&buf[..n]);
                    }
                }
            }
            lock(&sink).closed = true;
        });
        Ok(Self {
            _master: pair.master,
            child,
            seen,
            pid,
            started,
        })
    }

    /// Waits until the screen shows every one of `texts`.
    pub fn wait_for(&mut self, texts: &[&str], deadline: Duration) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return Ok(());
            }
            if !self.alive() || start.elapsed() > deadline {
                return Err(format!(
                    "the screen never showed {texts:?}; it shows:\n{screen}"
                ));
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    pub fn bytes(&self) -> u64 {
        lock(&self.seen).bytes
    }

    /// The screen's text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.seen).parser.screen().contents()
    }

    /// Ends the kiosk and reaps it.
    pub fn stop(mut self) {
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

/// A `kB` line of `/proc/PID/status` (`VmRSS:`, `VmHWM:`).
pub fn status_kb(pid: u32, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// The number of open file descriptors (entries of `/proc/PID/fd`).
pub fn open_fds(pid: u32) -> Option<usize> {
    Some(std::fs::read_dir(format!("/proc/{pid}/fd")).ok()?.count())
}

/// The number of threads (`Threads:` in `/proc/PID/status`).
pub fn threads(pid: u32) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with("Threads:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// CPU time used so far, user plus system, in clock ticks.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}
