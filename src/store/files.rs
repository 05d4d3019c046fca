//! The database file on disk: a private folder (0700) and private files
//! (0600), set explicitly so the umask does not matter; and moving a damaged
//! file aside.

use std::ffi::OsString;
use std::fs::{self, DirBuilder, OpenOptions, Permissions};
use std::io::{self, Read};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::error::StoreError;

/// SQLite's companion files next to the database.
pub const SIDE_SUFFIXES: [&str; 2] = ["-wal", "-shm"];

/// `path` with `suffix` appended to its file name: `checkins.db-wal`.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates any missing folders above `path` (0700) and the file itself
/// (0600); an existing file loses any group and other permissions.
pub fn prepare(path: &Path) -> Result<(), StoreError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dirs(parent)?;
    }
    let created = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path);
    match created {
        Ok(_) => set_mode(path, 0o600),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            if !path.is_file() {
                return Err(StoreError::CannotOpen {
                    path: path.to_path_buf(),
                    detail: "something other than a file is already there".into(),
                });
            }
            tighten(path)
        }
        Err(e) => Err(StoreError::io(path, e)),
    }
}

/// Creates the missing folders of `dir`, outermost first, each 0700. Folders
/// that already exist are not touched.
fn create_private_dirs(dir: &Path) -> Result<(), StoreError> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
        .collect();
    for d in missing.into_iter().rev() {
        match DirBuilder::new().mode(0o700).create(d) {
            Ok(()) => set_mode(d, 0o700)?,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(StoreError::io(d, e)),
        }
    }
    Ok(())
}

fn set_mode(path: &Path, mode: u32) -> Result<(), StoreError> {
    fs::set_permissions(path, Permissions::from_mode(mode)).map_err(|e| StoreError::io(path, e))
}

/// Removes group and other permissions from `path`, leaving the owner's
/// (a file the owner made read-only stays read-only).
pub fn tighten(path: &Path) -> Result<(), StoreError> {
    let mode = fs::metadata(path)
        .map_err(|e| StoreError::io(path, e))?
        .permissions()
        .mode()
        & 0o7777;
    if mode & !0o600 == 0 {
        return Ok(());
    }
    set_mode(path, mode & 0o600)
}

/// Tightens the `-wal` and `-shm` files, if they exist.
pub fn tighten_side_files(path: &Path) -> Result<(), StoreError> {
    for suffix in SIDE_SUFFIXES {
        let side = with_suffix(path, suffix);
        match tighten(&side) {
            Err(StoreError::CannotCreate { error, .. })
                if error.kind() == io::ErrorKind::NotFound => {}
            other => other?,
        }
    }
    Ok(())
}

/// Renames the damaged database at `path` to
/// `<name>.corrupt-<UTC time>` (adding `-2`, `-3` … if that is taken), its
/// `-wal` and `-shm` files alongside with the same new name plus their
/// suffix. The side files move first, so a fresh database can never pick up
/// the old journal. Nothing is deleted. Returns the new name of the file.
pub fn quarantine(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let target = unused_name(path, "corrupt", now);
    for suffix in SIDE_SUFFIXES {
        let side = with_suffix(path, suffix);
        if fs::symlink_metadata(&side).is_ok() {
            fs::rename(&side, with_suffix(&target, suffix))
                .map_err(|e| StoreError::io(&side, e))?;
        }
    }
    fs::rename(path, &target).map_err(|e| StoreError::io(path, e))?;
    Ok(target)
}

/// Renames only the `-wal` file of the database at `path`, to
/// `<name>.corrupt-<UTC time>-wal` (numbered like [`quarantine`]), and
/// returns its new name. The database itself stays where it is.
pub fn quarantine_wal(path: &Path, now: DateTime<Utc>) -> Result<PathBuf, StoreError> {
    let wal = with_suffix(path, "-wal");
    let target = with_suffix(&unused_name(path, "corrupt", now), "-wal");
    fs::rename(&wal, &target).map_err(|e| StoreError::io(&wal, e))?;
    Ok(target)
}

/// `<name>.<label>-<UTC time>`, with `-2`, `-3` … added until neither it
/// nor its `-wal` and `-shm` exist.
pub fn unused_name(path: &Path, label: &str, now: DateTime<Utc>) -> PathBuf {
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    let base = with_suffix(path, &format!(".{label}-{stamp}"));
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => with_suffix(&base, &format!("-{n}")),
        })
        .find(|candidate| {
            std::iter::once(candidate.clone())
                .chain(SIDE_SUFFIXES.map(|s| with_suffix(candidate, s)))
                .all(|p| fs::symlink_metadata(p).is_err())
        })
        .unwrap_or(base)
}

/// The first bytes of a write-ahead log: magic number (the last bit says
/// which byte order the checksums use), format version, page size,
/// checkpoint number, two salts, and a checksum of the 24 bytes before it.
const WAL_HEADER: usize = 32;
const WAL_MAGIC: u32 = 0x377f_0682;
const WAL_VERSION: u32 = 3_007_000;

/// What is wrong with the `-wal` file beside `path`, if SQLite would throw
/// it away unread: a file of at least a header's length whose header is not
/// a write-ahead log's (wrong magic number or version, or a checksum that
/// does not match). A missing or shorter file, or one whose frames are torn
/// (what a crash leaves behind), is normal and not reported.
pub fn damaged_wal(path: &Path) -> Option<String> {
    let mut header = [0_u8; WAL_HEADER];
    let mut file = fs::File::open(with_suffix(path, "-wal")).ok()?;
    file.read_exact(&mut header).ok()?;
    let word = |i: usize| {
        let b = header.get(i * 4..i * 4 + 4).unwrap_or(&[0; 4]);
        u32::from_be_bytes([b[0], b[1], b[2], b[3]])
    };
    if word(0) & !1 != WAL_MAGIC {
        return Some(format!(
            "it does not start like a write-ahead log ({:#010x})",
            word(0)
        ));
    }
    if word(1) != WAL_VERSION {
        return Some(format!("unknown write-ahead log version {}", word(1)));
    }
    let big_endian = word(0) & 1 == 1;
    if wal_checksum(&header[..24], big_endian) != (word(6), word(7)) {
        return Some("its header's checksum does not match".into());
    }
    None
}

/// SQLite's WAL checksum over `data` (a multiple of 8 bytes), reading each
/// 32-bit word in the byte order the header's magic number names.
fn wal_checksum(data: &[u8], big_endian: bool) -> (u32, u32) {
    let read = |b: &[u8]| {
        let w = [b[0], b[1], b[2], b[3]];
        if big_endian {
            u32::from_be_bytes(w)
        } else {
            u32::from_le_bytes(w)
        }
    };
    let (mut s1, mut s2) = (0_u32, 0_u32);
    for pair in data.chunks_exact(8) {
        s1 = s1.wrapping_add(read(&pair[..4])).wrapping_add(s2);
        s2 = s2.wrapping_add(read(&pair[4..])).wrapping_add(s1);
    }
    (s1, s2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).map_or(0, |m| m.permissions().mode() & 0o7777)
    }

    #[test]
    fn folders_and_file_are_private_whatever_the_umask() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let db = tmp.path().join("a/b/checkins.db");
        prepare(&db)?;
        assert_eq!(mode(&tmp.path().join("a")), 0o700);
        assert_eq!(mode(&tmp.path().join("a/b")), 0o700);
        assert_eq!(mode(&db), 0o600);
        fs::set_permissions(&db, Permissions::from_mode(0o664))?;
        prepare(&db)?;
        assert_eq!(mode(&db), 0o600, "an existing file is tightened");
        fs::set_permissions(&db, Permissions::from_mode(0o444))?;
        prepare(&db)?;
        assert_eq!(mode(&db), 0o400, "never loosened");
        Ok(())
    }

    #[test]
    fn an_existing_folder_keeps_its_mode() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        fs::set_permissions(tmp.path(), Permissions::from_mode(0o755))?;
        prepare(&tmp.path().join("checkins.db"))?;
        assert_eq!(mode(tmp.path()), 0o755);
        Ok(())
    }

    #[test]
    fn quarantine_never_overwrites() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let db = tmp.path().join("checkins.db");
        let now = DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
        fs::write(&db, "first")?;
        fs::write(with_suffix(&db, "-wal"), "wal")?;
        let one = quarantine(&db, now)?;
        fs::write(&db, "second")?;
        let two = quarantine(&db, now)?;
        assert_ne!(one, two);
        assert_eq!(fs::read_to_string(&one)?, "first");
        assert_eq!(fs::read_to_string(with_suffix(&one, "-wal"))?, "wal");
        assert_eq!(fs::read_to_string(&two)?, "second");
        assert!(!db.exists() && !with_suffix(&db, "-wal").exists());
        assert!(
            one.to_string_lossy()
                .ends_with("checkins.db.corrupt-20261118T110640Z")
        );
        Ok(())
    }
}
