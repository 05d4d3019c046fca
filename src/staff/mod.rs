//! Staff mode's security pieces: the PIN and its hash, and the lockout
//! after wrong PINs (and the file that keeps it across restarts).
//!
//! Everything is pure except [`lockfile`] and [`atomic`], which touch the
//! disk; times are always passed in.

pub mod atomic;
pub mod lockfile;
pub mod lockout;
pub mod pin;

pub use lockout::{Attempt, Lockout};
pub use pin::{Pin, PinError, hash_pin, verify};
