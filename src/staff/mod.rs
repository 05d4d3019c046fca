//! Staff mode's security pieces: the PIN and its hash, the lockout after
//! wrong PINs (and the file that keeps it across restarts), the PIN prompt,
//! the key chord and the long press that open it, and writing `pin_hash`
//! into `kiosk.toml` for `kiosk staff set-pin`.
//!
//! Everything is pure except [`lockfile`], [`shared`] and [`atomic`], which
//! touch the disk; times are always passed in.

pub mod atomic;
pub mod chord;
pub mod config_edit;
pub mod lockfile;
pub mod lockout;
mod matcher;
pub mod notice_edit;
pub mod notice_form;
pub mod pin;
pub mod prompt;
pub mod shared;
pub mod touch;

pub use chord::{Chord, ChordError, ChordMatcher, ChordProgress};
pub use lockout::{Attempt, Lockout};
pub use pin::{Pin, PinError, hash_pin, verify};
pub use prompt::{PinPrompt, PromptEvent};
pub use shared::SharedLock;
pub use touch::{Touch, long_press};
