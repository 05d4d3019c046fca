//! Checking `[staff]`: the PIN's hash, the chord that opens the prompt, and
//! the lock file.

use std::path::Path;

use toml::Spanned;

use super::Checker;
use crate::config::StaffSettings;
use crate::config::raw::RawStaff;
use crate::i18n::{english, num};
use crate::sanitize::printable;
use crate::staff::Chord;
use crate::staff::pin::{HashProblem, check_hash};

/// Where the lockout is kept unless `lock_file` says otherwise.
const DEFAULT_LOCK_FILE: &str = "data/staff.lock";
const SET_PIN_HELP: &str = "set it with `kiosk staff set-pin`, which writes this line for you; without the line, staff mode stays off";

impl Checker<'_> {
    pub(super) fn staff(&mut self, raw: &RawStaff, base_dir: &Path) -> StaffSettings {
        let pin_hash = raw.pin_hash.as_ref().and_then(|v| self.pin_hash(v));
        let chord = match &raw.chord {
            Some(value) => self.chord(value).unwrap_or_default(),
            None => Chord::default(),
        };
        let lock_file = match &raw.lock_file {
            Some(value) if value.get_ref().trim().is_empty() => {
                self.error(
                    value.span(),
                    "`lock_file` is empty",
                    "name the file that keeps wrong PINs across restarts, e.g. \"data/staff.lock\", or leave the key out to use that",
                );
                DEFAULT_LOCK_FILE
            }
            Some(value) => value.get_ref().trim(),
            None => DEFAULT_LOCK_FILE,
        };
        let idle = match &raw.idle_seconds {
            Some(value) if !(10..=600).contains(value.get_ref()) => {
                let n = *value.get_ref();
                self.error(
                    value.span(),
                    english().f("idle-out-of-range", &[("n", num(n))]),
                    "leave it out to use 30",
                );
                30
            }
            Some(value) => *value.get_ref(),
            None => 30,
        };
        StaffSettings {
            pin_hash,
            chord,
            lock_file: base_dir.join(lock_file),
            idle: std::time::Duration::from_secs(idle.unsigned_abs()),
        }
    }

    fn pin_hash(&mut self, value: &Spanned<String>) -> Option<String> {
        let text = value.get_ref().trim();
        let problem = match check_hash(text) {
            Ok(()) => return Some(text.to_string()),
            Err(_) if text.is_empty() => "`pin_hash` is empty".to_string(),
            Err(_) if text.chars().all(|c| c.is_ascii_digit()) => {
                self.error(
                    value.span(),
                    "`pin_hash` holds a PIN, not the hash of one",
                    "never write the PIN in this file: remove the line, then run `kiosk staff set-pin`",
                );
                // Keep the PIN itself out of the message, which may be
                // logged: show the line with the digits hidden.
                if let Some(d) = self.problems.last_mut() {
                    d.source_line = d.source_line.replace(|c: char| c.is_ascii_digit(), "*");
                }
                return None;
            }
            Err(HashProblem::NotPhc) => {
                "`pin_hash` is not a PIN hash (it should look like \"$argon2id$v=19$…\")"
                    .to_string()
            }
            Err(HashProblem::NotArgon2(name)) => {
                format!("`pin_hash` is a {name} hash; the kiosk reads Argon2 hashes only")
            }
            Err(HashProblem::BadSettings(why)) => {
                format!("`pin_hash` has Argon2 settings the kiosk cannot use: {why}")
            }
            Err(HashProblem::Incomplete) => "`pin_hash` has no salt or no hash part".to_string(),
        };
        self.error(value.span(), problem, SET_PIN_HELP);
        None
    }

    fn chord(&mut self, value: &Spanned<String>) -> Option<Chord> {
        match Chord::parse(value.get_ref()) {
            Ok(chord) => Some(chord),
            Err(e) => {
                let span = match self.content_start(value) {
                    Some(at) if !e.span.is_empty() => at + e.span.start..at + e.span.end,
                    _ => value.span(),
                };
                let help = format!("{}; the default is \"ctrl-a s\"", e.help);
                self.error(span, printable(&e.message), &help);
                None
            }
        }
    }
}
