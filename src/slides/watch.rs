//! Noticing edits to the content folder cheaply, by polling.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::load::slide_names;

/// One slide file's name, size and modification time (`None` if it cannot
/// be read).
type Entry = (OsString, Option<(u64, Option<SystemTime>)>);

/// Says when the slide files in a folder were added, edited or removed.
///
/// Each check costs one `read_dir` and one `metadata` per slide file, so it
/// can run every couple of seconds.
#[derive(Clone, Debug)]
pub struct ContentWatcher {
    dir: PathBuf,
    /// `None` while the folder cannot be read.
    last: Option<Vec<Entry>>,
}

impl ContentWatcher {
    /// Starts watching `dir` as it is now.
    pub fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
            last: fingerprint(dir),
        }
    }

    /// Whether anything changed since the last call (or since `new`).
    pub fn changed(&mut self) -> bool {
        let now = fingerprint(&self.dir);
        let changed = now != self.last;
        self.last = now;
        changed
    }
}

fn fingerprint(dir: &Path) -> Option<Vec<Entry>> {
    let names = slide_names(dir).ok()?;
    Some(
        names
            .into_iter()
            .map(|name| {
                let meta = fs::metadata(dir.join(&name)).ok();
                let stamp = meta.map(|m| (m.len(), m.modified().ok()));
                (name, stamp)
            })
            .collect(),
    )
}
