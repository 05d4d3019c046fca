//! What the programs under `benches/` that start the real kiosk share:
//! where the repository and the release binary are, and two small helpers
//! for talking to it through a pseudo-terminal.
#![allow(dead_code)] // each program uses the part it needs

use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The repository's root: the bundled `kiosk.toml` and `content/`.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The release binary cargo builds: `target/release/kiosk`, or under
/// `CARGO_TARGET_DIR` when that is set.
pub fn release_kiosk() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir().join("target"))
        .join("release")
        .join("kiosk")
}

/// The yardstick of `scripts/measure.sh` (benches/peer.rs), as
/// `cargo build --release --example peer` builds it.
pub fn release_peer() -> PathBuf {
    release_kiosk().with_file_name("examples").join("peer")
}

/// A terminal dimension for the emulator, which needs at least 1.
pub fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// The screen shared with the reader thread, even if that thread panicked.
pub fn lock<T>(shared: &Mutex<T>) -> MutexGuard<'_, T> {
    shared
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
