//! Being told when the files staff edit change, instead of looking every
//! couple of seconds: Linux's inotify, through `rustix` (already used for
//! the terminal), on the folder holding `kiosk.toml` and on the slide
//! folder.
//!
//! The folders are watched rather than the files, so an editor that saves
//! by writing a new file and renaming it over the old one is noticed too.
//! A thread waits for events and sends [`Msg::FilesChanged`] once for each
//! batch it reads; the loop then looks at the files a moment later, so a
//! burst of events (an editor's temporary files, a folder copied in) is
//! read once. Where inotify is missing or its watches run out, the loop
//! falls back to looking every so often ([`super::watch`]).

use std::collections::HashMap;
use std::ffi::OsString;
use std::io;
use std::mem::MaybeUninit;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use rustix::fs::inotify::{self, CreateFlags, ReadFlags, WatchFlags};
use rustix::io::Errno;

use crate::app::Msg;

/// What counts as a change: a file written and closed, created, removed,
/// renamed in or out, its permissions changed; the folder itself removed
/// or renamed.
fn flags() -> WatchFlags {
    WatchFlags::CLOSE_WRITE
        | WatchFlags::CREATE
        | WatchFlags::DELETE
        | WatchFlags::MOVED_FROM
        | WatchFlags::MOVED_TO
        | WatchFlags::ATTRIB
        | WatchFlags::DELETE_SELF
        | WatchFlags::MOVE_SELF
        | WatchFlags::ONLYDIR
}

/// Which names in a watched folder matter.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Only {
    All,
    Names(Vec<OsString>),
}

impl Only {
    fn merge(self, other: Self) -> Self {
        match (self, other) {
            (Self::Names(mut a), Self::Names(b)) => {
                a.extend(b);
                Self::Names(a)
            }
            _ => Self::All,
        }
    }
}

type Filters = Arc<Mutex<HashMap<i32, Only>>>;

/// A folder to watch: all of it, or one name in it.
#[derive(Debug)]
struct Entry {
    path: PathBuf,
    name: Option<OsString>,
    wd: Option<i32>,
    /// While a whole folder is missing, its parent is watched for the
    /// folder's name, so its arrival is noticed at once.
    stand_in: Option<i32>,
}

/// The inotify instance and its folders.
pub struct Notifier {
    fd: Arc<OwnedFd>,
    filters: Filters,
    entries: Vec<Entry>,
}

impl Notifier {
    /// Starts the thread that reads events and tells the loop through `tx`.
    /// Fails where the system has no inotify.
    pub fn start(tx: Sender<Msg>) -> io::Result<Self> {
        let fd = Arc::new(inotify::init(CreateFlags::CLOEXEC)?);
        let filters: Filters = Arc::default();
        let reader = Arc::clone(&fd);
        let seen = Arc::clone(&filters);
        thread::spawn(move || read_events(&reader, &seen, &tx));
        Ok(Self {
            fd,
            filters,
            entries: Vec::new(),
        })
    }

    /// Watches `config`'s folder (for `config` only) and the slide folder
    /// `content`, instead of whatever was watched before. Returns whether
    /// both are watched.
    pub fn watch(&mut self, config: &Path, content: &Path) -> bool {
        let wanted = [
            (parent(config), config.file_name().map(OsString::from)),
            (content.to_path_buf(), None),
        ];
        let same = self
            .entries
            .iter()
            .map(|e| (&e.path, &e.name))
            .eq(wanted.iter().map(|(p, n)| (p, n)));
        if !same {
            self.entries = wanted
                .into_iter()
                .map(|(path, name)| Entry {
                    path,
                    name,
                    wd: None,
                    stand_in: None,
                })
                .collect();
        }
        self.retry()
    }

    /// Adds the watches that are missing (a folder that did not exist, or
    /// was removed and made again). Returns whether all are in place.
    pub fn retry(&mut self) -> bool {
        let mut filters = self.filters.lock().unwrap_or_else(PoisonError::into_inner);
        let live = |wd: Option<i32>| wd.is_some_and(|wd| filters.contains_key(&wd));
        if self
            .entries
            .iter()
            .all(|e| live(e.wd) && e.stand_in.is_none())
        {
            return true;
        }
        for e in &mut self.entries {
            if live(e.wd) && e.stand_in.is_none() {
                continue;
            }
            e.wd = inotify::add_watch(&*self.fd, e.path.as_path(), flags()).ok();
            e.stand_in = match (e.wd, &e.name, e.path.file_name()) {
                (None, None, Some(name)) => {
                    tracing::debug!("{} cannot be watched yet", e.path.display());
                    inotify::add_watch(&*self.fd, parent(&e.path).as_path(), flags())
                        .ok()
                        .map(|wd| (wd, name.to_os_string()))
                }
                _ => None,
            }
            .map(|(wd, _)| wd);
        }
        let mut fresh: HashMap<i32, Only> = HashMap::new();
        for e in &self.entries {
            let only = e.name.clone().map_or(Only::All, |n| Only::Names(vec![n]));
            let stand_in = e.path.file_name().map(|n| Only::Names(vec![n.into()]));
            let pairs = [(e.wd, Some(only)), (e.stand_in, stand_in)];
            for (wd, only) in pairs {
                if let (Some(wd), Some(only)) = (wd, only) {
                    let merged = match fresh.remove(&wd) {
                        Some(old) => old.merge(only),
                        None => only,
                    };
                    fresh.insert(wd, merged);
                }
            }
        }
        for old in filters.keys().filter(|wd| !fresh.contains_key(wd)) {
            let _ = inotify::remove_watch(&*self.fd, *old);
        }
        *filters = fresh;
        self.entries.iter().all(|e| e.wd.is_some())
    }
}

/// The folder holding `path` (`.` for a bare name).
fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The thread: waits for events, and sends one message for each batch
/// that holds an event that matters.
fn read_events(fd: &OwnedFd, filters: &Filters, tx: &Sender<Msg>) {
    let mut buf = [MaybeUninit::<u8>::uninit(); 8192];
    let mut reader = inotify::Reader::new(fd, &mut buf);
    loop {
        let mut matters = false;
        loop {
            match reader.next() {
                Ok(event) => matters |= event_matters(&event, filters),
                Err(Errno::INTR) => continue,
                Err(e) => {
                    tracing::warn!(
                        "file notifications stopped ({e}); looking at the files now and then instead"
                    );
                    let _ = tx.send(Msg::FilesChanged { watching: false });
                    return;
                }
            }
            if reader.is_buffer_empty() {
                break;
            }
        }
        if matters && tx.send(Msg::FilesChanged { watching: true }).is_err() {
            return;
        }
    }
}

fn event_matters(event: &inotify::Event<'_>, filters: &Filters) -> bool {
    let mut filters = filters.lock().unwrap_or_else(PoisonError::into_inner);
    let flags = event.events();
    if flags.contains(ReadFlags::IGNORED) {
        // The folder went away: its watch is gone (added again later).
        filters.remove(&event.wd());
        return true;
    }
    if flags.contains(ReadFlags::QUEUE_OVERFLOW) {
        return true;
    }
    match (filters.get(&event.wd()), event.file_name()) {
        (None, _) => false,
        (Some(Only::All), _) | (Some(Only::Names(_)), None) => true,
        (Some(Only::Names(names)), Some(name)) => {
            names.iter().any(|n| n.as_bytes() == name.to_bytes())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::sync::mpsc::{self, Receiver};
    use std::time::Duration;

    /// Long enough for any machine; a passing test never waits this long.
    const LONG: Duration = Duration::from_secs(20);
    /// How long to listen for a message that should not come.
    const QUIET: Duration = Duration::from_millis(300);

    fn site() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("kiosk.toml");
        std::fs::write(&config, "x").unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir(&content).unwrap();
        (dir, config, content)
    }

    fn started(config: &Path, content: &Path) -> (Notifier, Receiver<Msg>) {
        let (tx, rx) = mpsc::channel();
        let mut n = Notifier::start(tx).unwrap();
        assert!(n.watch(config, content));
        (n, rx)
    }

    fn changed(rx: &Receiver<Msg>) -> bool {
        rx.recv_timeout(LONG) == Ok(Msg::FilesChanged { watching: true })
    }

    #[test]
    fn an_edit_a_rename_over_and_a_new_slide_are_each_told() {
        let (dir, config, content) = site();
        let (_n, rx) = started(&config, &content);
        std::fs::write(&config, "y").unwrap();
        assert!(changed(&rx), "written in place");
        let temp = dir.path().join(".kiosk.toml.new");
        std::fs::write(&temp, "z").unwrap();
        std::fs::rename(&temp, &config).unwrap();
        assert!(changed(&rx), "renamed over");
        std::fs::write(content.join("010-new.md"), "a").unwrap();
        assert!(changed(&rx), "a new slide");
    }

    #[test]
    fn other_files_beside_kiosk_toml_are_not_news() {
        let (dir, config, content) = site();
        let (_n, rx) = started(&config, &content);
        std::fs::write(dir.path().join("notes.txt"), "a").unwrap();
        assert!(rx.recv_timeout(QUIET).is_err());
        // The channel still works: a real edit comes through.
        std::fs::write(&config, "y").unwrap();
        assert!(changed(&rx));
    }

    #[test]
    fn a_slide_folder_removed_and_made_again_is_watched_again() {
        let (_dir, config, content) = site();
        let (mut n, rx) = started(&config, &content);
        std::fs::remove_dir(&content).unwrap();
        assert!(changed(&rx));
        assert!(!n.retry(), "nothing to watch while the folder is gone");
        // Its arrival is told, by the folder it appears in.
        std::fs::create_dir(&content).unwrap();
        assert!(changed(&rx));
        assert!(n.retry());
        std::fs::write(content.join("010-new.md"), "a").unwrap();
        assert!(changed(&rx));
    }
}
