//! Writing a notice from the staff screen into `kiosk.toml`, the way the
//! PIN hash is written: only a table added at the end, the file replaced
//! atomically with its owner and permissions kept.

use std::path::Path;

use crate::config::io_reason;
use crate::hours::Notice;
use crate::i18n::english;
use crate::staff::atomic::{Mode, write_atomically};
use crate::staff::config_edit::EditError;
use crate::staff::notice_edit::with_notice;

/// Adds `notice` to the file at `path`; or why it could not, in words.
pub fn save(path: &Path, notice: &Notice) -> Result<(), String> {
    let source = std::fs::read_to_string(path).map_err(|e| io_reason(&e))?;
    let edited = with_notice(&source, notice).map_err(|e| match e {
        EditError::NotToml(_) => english().t("notice-save-not-toml"),
        EditError::NoSafePlace => english().t("notice-save-no-place"),
    })?;
    let mode = Mode::of(path).map_err(|e| io_reason(&e))?;
    write_atomically(path, edited.as_bytes(), mode).map_err(|e| io_reason(&e))?;
    tracing::info!(
        "a notice was added to {} from the staff screen",
        path.display()
    );
    Ok(())
}
