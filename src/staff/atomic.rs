//! Replacing a file all at once: the new contents go to a temporary file in
//! the same folder, are flushed to disk, and the temporary file is renamed
//! over the old one. A crash leaves either the old file or the new one,
//! never half of each.

use std::fs::{self, DirBuilder, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Who owns a file, and its permission bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mode {
    /// Permission bits, e.g. `0o600`.
    pub bits: u32,
    /// Owner and group the new file must have, when known. If they cannot
    /// be given to it (only root, or the owner for a group it is in, may),
    /// the write is refused and the old file stays.
    pub owner: Option<(u32, u32)>,
}

impl Mode {
    /// `bits`, owned by whoever writes the file.
    pub fn private(bits: u32) -> Self {
        Self { bits, owner: None }
    }

    /// The permission bits and owner of the existing file at `path`.
    pub fn of(path: &Path) -> io::Result<Self> {
        let meta = fs::metadata(path)?;
        Ok(Self {
            bits: meta.permissions().mode() & 0o7777,
            owner: Some((meta.uid(), meta.gid())),
        })
    }
}

/// Replaces `path` with `bytes`, the new file having `mode`.
pub fn write_atomically(path: &Path, bytes: &[u8], mode: Mode) -> io::Result<()> {
    replace(path, bytes, mode, true)
}

/// Replaces `path` with `bytes` all at once, as [`write_atomically`] does,
/// but without waiting for the disk: a reader never sees half a file, but
/// after a power cut the file may be the old one (or, on some file systems,
/// empty). Only for a file whose loss costs nothing, such as the heartbeat.
pub fn replace_unsynced(path: &Path, bytes: &[u8], mode: Mode) -> io::Result<()> {
    replace(path, bytes, mode, false)
}

fn replace(path: &Path, bytes: &[u8], mode: Mode, sync: bool) -> io::Result<()> {
    let dir = folder_of(path);
    let temp = temp_name(path)?;
    // A leftover from a crash (or anything else by that name) goes first,
    // so the temporary file is always a new, regular file.
    match fs::remove_file(&temp) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let result = write_new(&temp, bytes, mode, sync).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
        return result;
    }
    if !sync {
        return Ok(());
    }
    // Make the rename itself durable. Some file systems cannot sync a
    // folder; the file's contents are already on disk either way.
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn write_new(temp: &Path, bytes: &[u8], mode: Mode, sync: bool) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode.bits & 0o777)
        .open(temp)?;
    if let Some((uid, gid)) = mode.owner {
        let _ = std::os::unix::fs::fchown(&file, Some(uid), Some(gid));
        // Refuse rather than hand the file to another owner or group: the
        // kiosk might then no longer be allowed to read it.
        let meta = file.metadata()?;
        if (meta.uid(), meta.gid()) != (uid, gid) {
            return Err(io::Error::other(format!(
                "the new file could not be given the old one's owner and group ({uid}:{gid}); run the command as root or as the file's owner"
            )));
        }
    }
    // Set after any change of owner, which may clear set-id bits, and so
    // that the umask does not matter.
    file.set_permissions(Permissions::from_mode(mode.bits))?;
    file.write_all(bytes)?;
    if sync { file.sync_all() } else { Ok(()) }
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// `.<name>.tmp-<pid>` beside `path`.
fn temp_name(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?;
    let mut temp = std::ffi::OsString::from(".");
    temp.push(name);
    temp.push(format!(".tmp-{}", std::process::id()));
    Ok(folder_of(path).join(temp))
}

/// Creates the missing folders of `dir`, outermost first, each 0700.
/// Folders that already exist are left as they are.
pub fn create_private_dirs(dir: &Path) -> io::Result<()> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .collect();
    for d in missing.into_iter().rev() {
        match DirBuilder::new().mode(0o700).create(d) {
            Ok(()) => fs::set_permissions(d, Permissions::from_mode(0o700))?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o7777)
    }

    #[test]
    fn replaces_the_file_with_the_mode_asked_for() -> io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("kiosk.toml");
        fs::write(&path, "old")?;
        fs::set_permissions(&path, Permissions::from_mode(0o640))?;
        let kept = Mode::of(&path)?;
        write_atomically(&path, b"new", kept)?;
        assert_eq!(fs::read_to_string(&path)?, "new");
        assert_eq!(mode(&path), 0o640);
        write_atomically(&path, b"newer", Mode::private(0o600))?;
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = fs::read_dir(tmp.path())?.filter_map(Result::ok).collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
        Ok(())
    }

    #[test]
    fn a_stale_temporary_file_is_replaced_not_followed() -> io::Result<()> {
        let tmp = tempfile::tempdir()?;
        let path = tmp.path().join("staff.lock");
        let elsewhere = tmp.path().join("elsewhere");
        fs::write(&elsewhere, "keep")?;
        std::os::unix::fs::symlink(&elsewhere, temp_name(&path)?)?;
        write_atomically(&path, b"{}", Mode::private(0o600))?;
        assert_eq!(fs::read_to_string(&elsewhere)?, "keep");
        assert_eq!(fs::read_to_string(&path)?, "{}");
        Ok(())
    }

    #[test]
    fn new_folders_are_private() -> io::Result<()> {
        let tmp = tempfile::tempdir()?;
        create_private_dirs(&tmp.path().join("a/b"))?;
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        assert_eq!(mode(&tmp.path().join("a/b")), 0o700);
        Ok(())
    }
}
