//! What the kiosk writes to its terminal goes out from a thread of its own,
//! so that drawing never holds up the main loop.
//!
//! A terminal's output can be stopped: the Linux console's Scroll Lock key
//! does it, and so does flow control (XOFF) on a serial or SSH line. A
//! write to a stopped terminal waits until output resumes. Here only the
//! writer thread waits: the loop goes on answering signals, beating the
//! heartbeat and storing check-ins. Frames drawn meanwhile queue up to a
//! limit; past it they are dropped and the next frame is drawn whole. A
//! second thread restarts output stopped for more than a moment
//! ([`restart`]), since nobody should be able to freeze the waiting-room
//! screen from its keyboard. That thread sleeps until a frame is handed
//! over while the last one is still being written (the only sign of a
//! stopped terminal), so a terminal that keeps up costs it no wake-ups.
//!
//! When the writer thread has nothing in hand, the loop writes a frame
//! itself through a second, non-blocking opening of the same terminal: the
//! terminal takes what it can at once, and only what it cannot take goes
//! to the writer thread. A non-blocking write returns at once even when
//! output is stopped, so the loop still never waits, and the writer thread
//! wakes only when the terminal is slow or stopped.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use rustix::termios::{Action, InputModes, OptionalActions, tcflow, tcgetattr, tcsetattr};

/// The most bytes waiting for the terminal; past this, frames are dropped.
pub const MAX_PENDING: usize = 512 * 1024;
/// Output stuck this long is restarted.
const RESTART_AFTER: Duration = Duration::from_secs(1);

/// The writer's state, shared with the threads.
#[derive(Default)]
struct State {
    /// Bytes handed over and not yet taken by the writer thread.
    pending: Vec<u8>,
    /// When the write in progress began, if one is.
    writing_since: Option<Instant>,
    /// Frames were dropped: the next one must be drawn whole.
    lost: bool,
    /// The writer failed for good (the terminal is gone).
    failed: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    /// Rung for the restarting thread only: a frame arrived while a write
    /// was still in progress.
    behind: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A [`Write`] that collects a frame and hands it to the writer thread on
/// `flush`, never waiting for the terminal.
pub struct Output {
    frame: Vec<u8>,
    shared: Arc<Shared>,
    /// The same terminal opened non-blocking, for writing at once when the
    /// writer thread is idle.
    direct: Option<File>,
}

impl Output {
    /// Output to this process's standard output, with output restarted
    /// when it has been stopped for a moment.
    pub fn to_terminal() -> io::Result<Self> {
        let fd = io::stdout().as_fd().try_clone_to_owned()?;
        let nudge = fd.try_clone()?;
        let direct = reopen_nonblocking(&fd);
        let mut output = Self::new(File::from(fd));
        output.direct = direct;
        let shared = Arc::clone(&output.shared);
        thread::spawn(move || restart_when_stuck(&shared, &nudge));
        Ok(output)
    }

    /// Output to `sink`, written from a thread of its own.
    pub fn new(sink: impl Write + Send + 'static) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            behind: Condvar::new(),
        });
        let writer = Arc::clone(&shared);
        thread::spawn(move || write_out(&writer, sink));
        Self {
            frame: Vec::new(),
            shared,
            direct: None,
        }
    }

    /// Output to `sink` from a thread of its own, and through `direct`
    /// (the same file opened non-blocking) at once when that thread is idle.
    #[cfg(test)]
    pub fn with_direct(sink: impl Write + Send + 'static, direct: File) -> Self {
        let mut output = Self::new(sink);
        output.direct = Some(direct);
        output
    }

    /// A handle that watches this output from the loop.
    pub fn control(&self) -> Control {
        Control {
            shared: Arc::clone(&self.shared),
        }
    }
}

/// Watches an [`Output`] (which ratatui owns) from the loop.
pub struct Control {
    shared: Arc<Shared>,
}

impl Control {
    /// Whether frames were dropped since the last call (the next frame
    /// must then be drawn whole).
    pub fn take_lost(&self) -> bool {
        std::mem::take(&mut self.shared.lock().lost)
    }

    /// How long the write in progress has been waiting, if one is.
    #[cfg(test)]
    pub fn stuck_for(&self) -> Option<Duration> {
        self.shared.lock().writing_since.map(|t| t.elapsed())
    }

    /// Waits up to `timeout` for everything handed over to be written.
    /// Returns whether it was.
    pub fn drain(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.lock();
        loop {
            if state.failed {
                return false;
            }
            if state.pending.is_empty() && state.writing_since.is_none() {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            state = match self.shared.changed.wait_timeout(state, left) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(buf);
        Ok(buf.len())
    }

    /// Hands the frame over; drops it (and whatever still waits) when too
    /// much is waiting already.
    fn flush(&mut self) -> io::Result<()> {
        let mut state = self.shared.lock();
        if state.failed {
            self.frame.clear();
            return Err(io::Error::new(
                io::ErrorKind::BrokenPipe,
                "the terminal cannot be written to",
            ));
        }
        if state.pending.is_empty()
            && state.writing_since.is_none()
            && let Some(direct) = &mut self.direct
        {
            let written = write_now(direct, &self.frame);
            self.frame.drain(..written);
            if self.frame.is_empty() {
                return Ok(());
            }
        }
        if state.pending.len() + self.frame.len() > MAX_PENDING {
            state.pending.clear();
            state.lost = true;
            self.frame.clear();
        } else {
            state.pending.append(&mut self.frame);
        }
        self.shared.changed.notify_all();
        if state.writing_since.is_some() {
            self.shared.behind.notify_all();
        }
        Ok(())
    }
}

/// A second opening of the terminal `fd`, non-blocking (its own open file
/// description, so the writer thread's writes still wait as before). `None`
/// when `fd` is not a terminal (a file would get an offset of its own) or
/// cannot be opened again; then every frame goes through the writer thread.
fn reopen_nonblocking(fd: &OwnedFd) -> Option<File> {
    use rustix::fs::{Mode, OFlags, open};
    if !rustix::termios::isatty(fd) {
        return None;
    }
    let flags = OFlags::WRONLY | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let path = format!("/proc/self/fd/{}", fd.as_raw_fd());
    open(path.as_str(), flags, Mode::empty())
        .ok()
        .map(File::from)
}

/// Writes as much of `bytes` as `direct` takes without waiting; returns
/// how much that was. Whatever is left (a full or stopped terminal, or an
/// error, which the writer thread then meets and reports) is not written.
fn write_now(direct: &mut File, bytes: &[u8]) -> usize {
    let mut done = 0;
    while done < bytes.len() {
        match direct.write(&bytes[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    done
}

/// The writer thread: writes whatever is handed over, in order.
fn write_out(shared: &Shared, mut sink: impl Write) {
    loop {
        let bytes = {
            let mut state = shared.lock();
            while state.pending.is_empty() {
                state = match shared.changed.wait(state) {
                    Ok(state) => state,
                    Err(poisoned) => poisoned.into_inner(),
                };
            }
            state.writing_since = Some(Instant::now());
            std::mem::take(&mut state.pending)
        };
        let result = sink.write_all(&bytes).and_then(|()| sink.flush());
        let mut state = shared.lock();
        state.writing_since = None;
        state.failed = result.is_err();
        shared.changed.notify_all();
        if state.failed {
            shared.behind.notify_all();
            return;
        }
    }
}

/// The second thread: restarts output that has been stuck for a moment.
/// It sleeps until a frame arrives while a write is in progress, then
/// gives that write [`RESTART_AFTER`] to finish.
fn restart_when_stuck(shared: &Shared, terminal: &OwnedFd) {
    let mut state = shared.lock();
    loop {
        if state.failed {
            return;
        }
        let Some(since) = state.writing_since else {
            state = match shared.behind.wait(state) {
                Ok(state) => state,
                Err(poisoned) => poisoned.into_inner(),
            };
            continue;
        };
        let left = RESTART_AFTER.saturating_sub(since.elapsed());
        if !left.is_zero() {
            state = match shared.behind.wait_timeout(state, left) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
            continue;
        }
        drop(state);
        restart(terminal);
        // Give the terminal a moment to take the write before looking again.
        thread::sleep(RESTART_AFTER / 2);
        state = shared.lock();
    }
}

/// Restarts stopped output on `terminal`: `tcflow(TCOON)` undoes a
/// `tcflow(TCOOFF)`, and turning XON/XOFF flow control off (on first, if
/// it was off) makes Linux restart output stopped by a stop character or
/// by Scroll Lock. Flow control stays off, as raw mode wants it. Errors are
/// ignored: this is a best effort.
pub fn restart(terminal: impl AsFd) {
    let _ = tcflow(&terminal, Action::OOn);
    let Ok(modes) = tcgetattr(&terminal) else {
        return;
    };
    let mut on = modes.clone();
    on.input_modes.insert(InputModes::IXON);
    let mut off = modes.clone();
    off.input_modes.remove(InputModes::IXON);
    if !modes.input_modes.contains(InputModes::IXON)
        && tcsetattr(&terminal, OptionalActions::Now, &on).is_err()
    {
        return;
    }
    let _ = tcsetattr(&terminal, OptionalActions::Now, &off);
}

#[cfg(test)]
#[path = "output_tests.rs"]
mod tests;
