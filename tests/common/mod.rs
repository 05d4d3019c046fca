//! Helpers shared by the integration tests.
//!
//! - [`Test`] runs the `kiosk` binary as a plain command and compares its
//!   stdout, stderr and exit code exactly, in the style of casey/just's
//!   integration tests.
//! - [`PtyKiosk`] runs the binary inside a pseudo-terminal, feeds what it
//!   draws into a `vt100` screen, and lets a test wait for text, type, resize
//!   and signal it. The child is always killed and reaped when the guard is
//!   dropped, even when the test fails.
//!
//! Each test binary uses only some of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The `kiosk` binary under test.
pub fn kiosk_bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kiosk"))
}

/// The crate's root folder.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `kiosk.toml` shipped with the crate.
pub fn bundled_config() -> PathBuf {
    manifest_dir().join("kiosk.toml")
}

/// `tests/fixtures/<relative>`.
pub fn fixture(relative: &str) -> PathBuf {
    manifest_dir().join("tests").join("fixtures").join(relative)
}

/// The immediate subfolders of `dir`, sorted by name.
pub fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    out.sort();
    out
}

// ---------------------------------------------------------------------------
// Plain command runs
// ---------------------------------------------------------------------------

/// Where a [`Test`] runs.
enum Root {
    /// A fresh temporary folder, removed when the test ends.
    Temp(tempfile::TempDir),
    /// An existing folder (a fixture), never written to.
    Existing(PathBuf),
}

/// One run of the `kiosk` binary and exactly what it must print.
///
/// By default the run must exit 0 and print nothing on either stream; every
/// expectation is compared exactly.
#[must_use]
pub struct Test {
    root: Root,
    current_dir: PathBuf,
    args: Vec<OsString>,
    env: BTreeMap<OsString, OsString>,
    stdin: Option<Vec<u8>>,
    stdout: Option<String>,
    stderr: Option<String>,
    status: i32,
}

/// What a finished run printed.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
    /// The folder the run used (kept alive as long as this value).
    pub root: PathBuf,
    _temp: Option<tempfile::TempDir>,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    /// A run in a fresh, empty temporary folder.
    pub fn new() -> Self {
        let temp = tempfile::Builder::new()
            .prefix("kiosk-test-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a temporary folder: {e}"));
        Self::with_root(Root::Temp(temp))
    }

    /// A run with the existing folder `dir` as the working directory.
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self::with_root(Root::Existing(dir.into()))
    }

    fn with_root(root: Root) -> Self {
        Self {
            root,
            current_dir: PathBuf::new(),
            args: Vec::new(),
            env: BTreeMap::new(),
            stdin: None,
            stdout: Some(String::new()),
            stderr: Some(String::new()),
            status: 0,
        }
    }

    fn root_path(&self) -> &Path {
        match &self.root {
            Root::Temp(temp) => temp.path(),
            Root::Existing(dir) => dir,
        }
    }

    /// Writes `contents` to `path` (relative to the temporary folder),
    /// creating folders as needed.
    pub fn write(self, path: &str, contents: impl AsRef<[u8]>) -> Self {
        let Root::Temp(temp) = &self.root else {
            panic!("Test::write needs a temporary folder, not an existing one");
        };
        let full = temp.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
        }
        std::fs::write(&full, contents)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", full.display()));
        self
    }

    /// Makes `path` (relative to the temporary folder) a symbolic link to
    /// `target`, creating folders as needed.
    pub fn symlink(self, path: &str, target: impl AsRef<Path>) -> Self {
        let Root::Temp(temp) = &self.root else {
            panic!("Test::symlink needs a temporary folder, not an existing one");
        };
        let full = temp.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("cannot create {}: {e}", parent.display()));
        }
        std::os::unix::fs::symlink(target.as_ref(), &full)
            .unwrap_or_else(|e| panic!("cannot link {}: {e}", full.display()));
        self
    }

    /// Writes `kiosk.toml` in the temporary folder.
    pub fn config(self, contents: &str) -> Self {
        self.write("kiosk.toml", contents)
    }

    /// Runs in this subfolder of the root instead of the root itself.
    pub fn current_dir(mut self, relative: impl Into<PathBuf>) -> Self {
        self.current_dir = relative.into();
        self
    }

    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.insert(key.into(), value.into());
        self
    }

    /// Feeds `input` on standard input (a pipe) instead of nothing.
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(input.into());
        self
    }

    /// The exact expected standard output.
    pub fn stdout(mut self, expected: impl Into<String>) -> Self {
        self.stdout = Some(expected.into());
        self
    }

    /// Accepts any standard output (the test checks it itself).
    pub fn any_stdout(mut self) -> Self {
        self.stdout = None;
        self
    }

    /// The exact expected standard error.
    pub fn stderr(mut self, expected: impl Into<String>) -> Self {
        self.stderr = Some(expected.into());
        self
    }

    /// Accepts any standard error (the test checks it itself).
    pub fn any_stderr(mut self) -> Self {
        self.stderr = None;
        self
    }

    /// The expected exit code.
    pub fn status(mut self, code: i32) -> Self {
        self.status = code;
        self
    }

    /// Runs the binary and panics with a report if anything differs.
    pub fn run(self) -> Output {
        match self.try_run() {
            Ok(output) => output,
            Err(report) => panic!("{report}"),
        }
    }

    /// Runs the binary; `Err` is a report of every expectation not met.
    pub fn try_run(self) -> Result<Output, String> {
        let dir = if self.current_dir.as_os_str().is_empty() {
            self.root_path().to_path_buf()
        } else {
            self.root_path().join(&self.current_dir)
        };
        let cannot = |e: std::io::Error| format!("cannot run {}: {e}", kiosk_bin().display());
        let mut child = Command::new(kiosk_bin())
            .args(&self.args)
            .current_dir(&dir)
            .envs(&self.env)
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(cannot)?;
        if let (Some(input), Some(mut pipe)) = (&self.stdin, child.stdin.take()) {
            // The kiosk may stop reading early; that is its answer, not a
            // failure of the test harness.
            let _ = pipe.write_all(input);
        }
        let out = child.wait_with_output().map_err(cannot)?;
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let status = out.status.code().unwrap_or(-1);
        let mut report = String::new();
        if let Some(expected) = &self.stdout {
            report.push_str(&mismatch("stdout", expected, &stdout));
        }
        if let Some(expected) = &self.stderr {
            report.push_str(&mismatch("stderr", expected, &stderr));
        }
        if status != self.status {
            let _ = writeln!(
                report,
                "exit code: expected {}, got {status} (signal or none: {:?})",
                self.status, out.status
            );
        }
        if !report.is_empty() {
            let args: Vec<_> = self.args.iter().map(|a| a.to_string_lossy()).collect();
            return Err(format!(
                "`kiosk {}` in {} did not do what was expected:\n{report}\
                 --- full stdout ---\n{stdout}--- full stderr ---\n{stderr}---",
                args.join(" "),
                dir.display()
            ));
        }
        let (root, temp) = match self.root {
            Root::Temp(temp) => (temp.path().to_path_buf(), Some(temp)),
            Root::Existing(dir) => (dir, None),
        };
        Ok(Output {
            stdout,
            stderr,
            status,
            root,
            _temp: temp,
        })
    }
}

/// An empty string when `actual == expected`, else a line-by-line report of
/// where they first differ.
pub fn mismatch(what: &str, expected: &str, actual: &str) -> String {
    if expected == actual {
        return String::new();
    }
    let mut report = format!("{what} differs:\n");
    let (mut exp, mut act) = (expected.split_inclusive('\n'), actual.split_inclusive('\n'));
    for line in 1.. {
        match (exp.next(), act.next()) {
            (None, None) => break,
            (e, a) if e == a => {}
            (e, a) => {
                let _ = writeln!(report, "  first difference on line {line}:");
                let _ = writeln!(report, "    expected: {e:?}");
                let _ = writeln!(report, "    actual:   {a:?}");
                break;
            }
        }
    }
    let _ = writeln!(
        report,
        "--- expected {what} ---\n{expected}--- actual {what} ---\n{actual}---"
    );
    report
}

// ---------------------------------------------------------------------------
// Runs in a pseudo-terminal
// ---------------------------------------------------------------------------

/// The longest any wait for the kiosk may take before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// How often a wait looks at the screen again.
const POLL: Duration = Duration::from_millis(25);

/// Everything the kiosk has written, and the screen it draws.
struct Shared {
    raw: Vec<u8>,
    parser: vt100::Parser,
    /// Set when the pty reports end of file (the child has gone).
    closed: bool,
}

/// The real `kiosk` binary running in a pseudo-terminal. Dropping it kills
/// and reaps the child.
pub struct PtyKiosk {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
    pid: u32,
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

impl PtyKiosk {
    /// Starts `kiosk <args>` in a `cols`×`rows` pseudo-terminal.
    pub fn spawn<I, S>(args: I, cols: u16, rows: u16) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        Self::spawn_program(kiosk_bin(), args, cols, rows)
    }

    /// Starts `program <args>` in a pseudo-terminal: the kiosk through a
    /// wrapper that `exec`s it (another user, a resource limit, a private
    /// mount), so that [`pid`](Self::pid) ends up being the kiosk's.
    pub fn spawn_program<I, S>(
        program: impl AsRef<std::ffi::OsStr>,
        args: I,
        cols: u16,
        rows: u16,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| panic!("cannot open a pseudo-terminal: {e}"));
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(manifest_dir());
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("cannot start the kiosk: {e}"));
        // Only the child may hold the terminal's other end, so that reading
        // sees end of file once the child is gone.
        drop(pair.slave);
        let pid = child
            .process_id()
            .unwrap_or_else(|| panic!("the kiosk has no process id"));
        let mut reader = pair
            .master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("cannot read the pseudo-terminal: {e}"));
        let writer = pair
            .master
            .take_writer()
            .unwrap_or_else(|e| panic!("cannot write to the pseudo-terminal: {e}"));
        let shared = Arc::new(Mutex::new(Shared {
            raw: Vec::new(),
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            closed: false,
        }));
        let sink = Arc::clone(&shared);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = lock(&sink);
                        s.raw.extend_from_slice(&buf[..n]);
                        s.parser.process(&buf[..n]);
                    }
                }
            }
            lock(&sink).closed = true;
        });
        Self {
            master: pair.master,
            writer,
            child,
            shared,
            reader: Some(reader),
            pid,
        }
    }

    /// Starts the kiosk with the bundled configuration: `kiosk --config
    /// <bundled kiosk.toml> <args>`.
    pub fn spawn_bundled(args: &[&str], cols: u16, rows: u16) -> Self {
        let mut all: Vec<OsString> = vec!["--config".into(), bundled_config().into()];
        all.extend(args.iter().map(OsString::from));
        Self::spawn(all, cols, rows)
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// The path of the kiosk's end of the pseudo-terminal (`/dev/pts/N`).
    pub fn tty_path(&self) -> PathBuf {
        self.master
            .tty_name()
            .unwrap_or_else(|| panic!("the pseudo-terminal has no name"))
    }

    /// The screen as plain text, one line per row.
    pub fn screen_text(&self) -> String {
        lock(&self.shared).parser.screen().contents()
    }

    /// The foreground and background colours of the cell at `row`, `col`
    /// (from 0) as the screen has them now, if there is such a cell.
    pub fn cell_colours(&self, row: u16, col: u16) -> Option<(vt100::Color, vt100::Color)> {
        let shared = lock(&self.shared);
        let cell = shared.parser.screen().cell(row, col)?;
        Some((cell.fgcolor(), cell.bgcolor()))
    }

    /// Everything the kiosk has written so far, escape sequences included.
    pub fn raw_output(&self) -> Vec<u8> {
        lock(&self.shared).raw.clone()
    }

    /// Whether the terminal is showing its alternate screen.
    pub fn in_alternate_screen(&self) -> bool {
        lock(&self.shared).parser.screen().alternate_screen()
    }

    /// Waits until `pred` holds for the screen text, or fails the test after
    /// [`DEADLINE`] with the screen shown.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) {
        self.wait_for_within(DEADLINE, what, pred);
    }

    /// Like [`wait_for`](Self::wait_for), failing after `timeout`.
    pub fn wait_for_within(&self, timeout: Duration, what: &str, pred: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen_text();
            if pred(&screen) {
                return;
            }
            let closed = lock(&self.shared).closed;
            if closed || start.elapsed() > timeout {
                let why = if closed {
                    "the kiosk's terminal closed (has it exited?)"
                } else {
                    "timed out"
                };
                panic!(
                    "{why} waiting for {what} after {:.1?}; the screen shows:\n{}\n---",
                    start.elapsed(),
                    framed(&screen)
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until `text` appears on the screen.
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} to appear"), |s| s.contains(text));
    }

    /// Waits until every one of `texts` is on the screen at once.
    pub fn wait_for_all(&self, texts: &[&str]) {
        self.wait_for(&format!("all of {texts:?} to appear"), |s| {
            texts.iter().all(|t| s.contains(t))
        });
    }

    /// Waits until `text` is gone from the screen.
    pub fn wait_for_no_text(&self, text: &str) {
        self.wait_for(&format!("{text:?} to disappear"), |s| !s.contains(text));
    }

    /// Types `bytes` as if on the keyboard.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer
            .write_all(bytes)
            .and_then(|()| self.writer.flush())
            .unwrap_or_else(|e| panic!("cannot type into the kiosk: {e}"));
    }

    /// Resizes the terminal (the kiosk receives SIGWINCH) and the screen the
    /// test reads.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.shared)
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
            .unwrap_or_else(|e| panic!("cannot resize the pseudo-terminal: {e}"));
    }

    /// Sends `signal` (a name such as `TERM`, `INT`, `HUP`) with `kill(1)`.
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid.to_string())
            .status()
            .unwrap_or_else(|e| panic!("cannot run kill: {e}"));
        assert!(status.success(), "kill -{signal} {} failed", self.pid);
    }

    /// Whether the child is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits up to `timeout` for the child to exit; its exit status, if it did.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<portable_pty::ExitStatus> {
        let start = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(status)) => return Some(status),
                Ok(None) if start.elapsed() < timeout => thread::sleep(POLL),
                Ok(None) | Err(_) => return None,
            }
        }
    }

    /// Waits until the reader has seen the end of the child's output, so
    /// [`raw_output`](Self::raw_output) is complete. Call after the child
    /// has exited.
    pub fn wait_output_closed(&mut self, timeout: Duration) -> bool {
        let start = Instant::now();
        while !lock(&self.shared).closed {
            if start.elapsed() > timeout {
                return false;
            }
            thread::sleep(POLL);
        }
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        true
    }

    /// Kills the child (SIGKILL) and reaps it.
    pub fn kill(&mut self) {
        if self.is_running() {
            let killed = Command::new("kill")
                .arg("-KILL")
                .arg(self.pid.to_string())
                .status()
                .is_ok_and(|s| s.success());
            if !killed {
                let _ = self.child.kill();
            }
        }
        let _ = self.child.wait();
    }
}

impl Drop for PtyKiosk {
    fn drop(&mut self) {
        self.kill();
        // The reader ends by itself once the terminal closes; it is not
        // joined here so that a stuck read can never hang a failing test.
    }
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A panic elsewhere must not hide the screen from the report.
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The screen with a frame around it, so trailing blanks are visible.
pub fn framed(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let mut out = format!("+{}+\n", "-".repeat(width));
    for line in lines {
        let pad = width - line.chars().count();
        let _ = writeln!(out, "|{line}{}|", " ".repeat(pad));
    }
    let _ = write!(out, "+{}+", "-".repeat(width));
    out
}
