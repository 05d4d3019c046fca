//! The last configuration (and slides) that loaded cleanly, kept in the
//! kiosk's data folder, so that a bad edit of `kiosk.toml` found at start
//! never blanks the waiting room: the kiosk runs on the copy and tells
//! staff, until the file is fixed.
//!
//! The copy sits in `last-good/` beside the check-in database (by default
//! `data/last-good/` beside `kiosk.toml`): `kiosk.toml` and one file per
//! slide that loaded cleanly, readable only by the kiosk's user (folder
//! 0700, files 0600). A file whose copy already holds the same bytes is not
//! written again; the copy of `kiosk.toml` then only gets the time, since
//! its modification time tells staff when the copy was last found good.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Config;
use crate::slides::Deck;
use crate::staff::atomic::{Mode, create_private_dirs, write_atomically};

/// The copy's folder, inside the data folder.
pub const FOLDER: &str = "last-good";
/// The slides' folder inside it.
const CONTENT: &str = "content";
/// The configuration inside it.
const CONFIG: &str = "kiosk.toml";

/// Where the copy of a clean configuration goes.
pub fn folder(config: &Config) -> PathBuf {
    let data = config
        .checkin
        .database
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    data.join(FOLDER)
}

/// Where the copy for the file at `path` is, when that file does not load:
/// beside the database its `[checkin]` table names, if that much can be
/// read, else in `data/` beside the file (the default).
pub fn folder_for(path: &Path) -> PathBuf {
    let base = path.parent().unwrap_or(Path::new("."));
    let named = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.parse::<toml::Table>().ok())
        .and_then(|table| {
            let db = table
                .get("checkin")?
                .get("database")?
                .as_str()?
                .trim()
                .to_string();
            (!db.is_empty()).then(|| base.join(db))
        });
    let data = named
        .and_then(|db| db.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| base.join("data"));
    data.join(FOLDER)
}

/// Keeps `config`'s file and `deck`'s clean slides as the last good copy.
/// A slide with a problem now keeps its earlier copy; a slide whose file is
/// gone is dropped.
pub fn save(config: &Config, deck: &Deck) -> io::Result<()> {
    let folder = folder(config);
    let content = folder.join(CONTENT);
    create_private_dirs(&content)?;
    let text = std::fs::read(&config.path)?;
    let copy = folder.join(CONFIG);
    if already_kept(&copy, &text) {
        // When the copy was last found good: a time, not the file's bytes,
        // so it is not worth waiting for the disk.
        std::fs::File::options()
            .write(true)
            .open(&copy)?
            .set_modified(SystemTime::now())?;
    } else {
        write_atomically(&copy, &text, Mode::private(0o600))?;
    }
    let translated = deck.translations.iter().map(|t| &t.slide);
    for slide in deck.slides.iter().chain(translated) {
        let from = config.kiosk.content_dir.join(&slide.file);
        if let Ok(bytes) = std::fs::read(&from) {
            keep_file(&content.join(&slide.file), &bytes)?;
        }
    }
    for entry in std::fs::read_dir(&content)?.flatten() {
        let name = entry.file_name();
        if !config.kiosk.content_dir.join(&name).exists() {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Keeps `bytes` at `path` (owner-only), unless the copy there already
/// holds exactly these bytes with those permissions: then it is left as it
/// is, already on disk, and the start costs no `fsync` per slide. Anything
/// else (another size, other bytes, other permissions, an unreadable or
/// missing file) is replaced all at once, as before.
fn keep_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if already_kept(path, bytes) {
        return Ok(());
    }
    write_atomically(path, bytes, Mode::private(0o600))
}

/// Whether the regular file at `path` holds `bytes` and is owner-only.
fn already_kept(path: &Path, bytes: &[u8]) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    let private = meta.permissions().mode() & 0o7777 == 0o600;
    if !meta.is_file() || !private || meta.len() != bytes.len() as u64 {
        return false;
    }
    std::fs::read(path).is_ok_and(|kept| kept == bytes)
}

/// The last good copy for the file at `path`, read as if it were that file
/// (its relative paths from the file's own folder, so the database, logs
/// and slides are the same ones), with when it was saved. `None` when there
/// is no copy or it no longer loads.
pub fn load(path: &Path) -> Option<(Config, SystemTime)> {
    let copy = folder_for(path).join(CONFIG);
    let text = std::fs::read_to_string(&copy).ok()?;
    let saved = std::fs::metadata(&copy).and_then(|m| m.modified()).ok()?;
    let base = path.parent().unwrap_or(Path::new("."));
    let config = Config::parse(path, &text, base).ok()?;
    Some((config, saved))
}

/// Whether a copy exists for the file at `path`, and where.
pub fn exists_for(path: &Path) -> Option<PathBuf> {
    let copy = folder_for(path).join(CONFIG);
    copy.is_file().then_some(copy)
}

/// The folder of the slides' copies.
pub fn content_folder(config: &Config) -> PathBuf {
    folder(config).join(CONTENT)
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    use crate::slides::load_deck;

    const GOOD: &str = "[clinic]\nname = \"C\"\ntimezone = \"America/Denver\"\n[hours]\nmonday = \"09:00-18:00\"\n";

    fn setup() -> (tempfile::TempDir, Config) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kiosk.toml");
        let write = |p: &Path, t: &str| std::fs::write(p, t).unwrap_or_else(|e| panic!("{e}"));
        write(&path, GOOD);
        std::fs::create_dir(dir.path().join("content")).unwrap_or_else(|e| panic!("{e}"));
        write(
            &dir.path().join("content/010-a.md"),
            "+++\ntitle = \"A\"\n+++\nHello.\n",
        );
        let config = Config::load(&path).unwrap_or_else(|e| panic!("{e}"));
        (dir, config)
    }

    #[test]
    fn a_clean_load_is_kept_privately_and_read_back_for_a_broken_file() {
        let (dir, config) = setup();
        let deck = load_deck(&config.kiosk.content_dir);
        assert!(save(&config, &deck).is_ok());
        let folder = dir.path().join("data/last-good");
        let mode = |p: &Path| std::fs::metadata(p).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode(&folder).ok(), Some(0o700));
        assert_eq!(mode(&folder.join("kiosk.toml")).ok(), Some(0o600));
        assert_eq!(mode(&folder.join("content/010-a.md")).ok(), Some(0o600));
        std::fs::write(&config.path, "[clinic\n").unwrap_or_else(|e| panic!("{e}"));
        assert!(Config::load(&config.path).is_err());
        let (copy, _) = load(&config.path).unwrap_or_else(|| panic!("no copy"));
        assert_eq!(copy.clinic.name, "C");
        assert_eq!(copy.path, config.path);
        assert_eq!(copy.checkin.database, config.checkin.database);
        assert_eq!(exists_for(&config.path), Some(folder.join("kiosk.toml")));
    }

    #[test]
    fn an_unchanged_copy_is_left_alone_and_a_changed_one_replaced() {
        use std::os::unix::fs::MetadataExt;
        let (dir, config) = setup();
        let deck = load_deck(&config.kiosk.content_dir);
        assert!(save(&config, &deck).is_ok());
        let folder = dir.path().join("data/last-good");
        let slide = folder.join("content/010-a.md");
        let toml = folder.join("kiosk.toml");
        let inode = |p: &Path| std::fs::metadata(p).map(|m| m.ino()).ok();
        let (slide_before, toml_before) = (inode(&slide), inode(&toml));
        assert!(slide_before.is_some() && toml_before.is_some());
        // The same bytes again: nothing is rewritten (a rewrite is a new
        // file), but the copy of kiosk.toml says when it was last found good.
        let old = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
        std::fs::File::options()
            .write(true)
            .open(&toml)
            .and_then(|f| f.set_modified(old))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(save(&config, &deck).is_ok());
        let (_, saved) = load(&config.path).unwrap_or_else(|| panic!("no copy"));
        assert!(saved > old, "the copy's time is renewed");
        assert_eq!(inode(&slide), slide_before);
        assert_eq!(inode(&toml), toml_before);
        // Same length, other bytes: replaced.
        let write = |p: &Path, t: &str| std::fs::write(p, t).unwrap_or_else(|e| panic!("{e}"));
        write(
            &dir.path().join("content/010-a.md"),
            "+++\ntitle = \"B\"\n+++\nHello.\n",
        );
        let deck = load_deck(&config.kiosk.content_dir);
        assert!(save(&config, &deck).is_ok());
        assert_ne!(inode(&slide), slide_before);
        let kept = std::fs::read_to_string(&slide).unwrap_or_else(|e| panic!("{e}"));
        assert!(kept.contains("title = \"B\""), "{kept}");
        // The same bytes but readable by others: replaced, owner-only again.
        let perm = std::fs::Permissions::from_mode(0o644);
        std::fs::set_permissions(&toml, perm).unwrap_or_else(|e| panic!("{e}"));
        assert!(save(&config, &deck).is_ok());
        assert_ne!(inode(&toml), toml_before);
        let mode = std::fs::metadata(&toml).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o600));
    }

    #[test]
    fn without_a_copy_there_is_nothing_to_run_on() {
        let (_dir, config) = setup();
        assert!(load(&config.path).is_none());
        assert!(exists_for(&config.path).is_none());
    }
}
