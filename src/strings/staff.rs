//! The words of staff mode: the PIN prompt on the kiosk, and
//! `kiosk staff set-pin` on the command line.

use super::clock_time;

/// The PIN prompt's title.
pub const PROMPT_TITLE: &str = "Staff";
pub const PROMPT_ASK: &str = "Enter the staff PIN";
pub const PROMPT_HELP: &str = "Enter: OK  ·  Esc: cancel";
pub const PROMPT_HELP_SHORT: &str = "Esc: cancel";
pub const PROMPT_TOO_SHORT: &str = "The PIN has 4 to 8 digits";

/// `Wrong PIN — 3 tries left`.
pub fn wrong_pin(left: u32) -> String {
    let tries = if left == 1 { "try" } else { "tries" };
    format!("Wrong PIN — {left} {tries} left")
}

/// `Locked until 3:42 PM`.
pub fn locked_until(hour: u32, minute: u32) -> String {
    format!("Locked until {}", clock_time(hour, minute))
}

// `kiosk staff set-pin`.

pub const SET_PIN_FIRST: &str = "New staff PIN (4 to 8 digits): ";
pub const SET_PIN_AGAIN: &str = "The same PIN again: ";
pub const SET_PIN_NOT_DIGITS: &str =
    "error: the PIN must be digits only (0 to 9); nothing was changed";
pub const SET_PIN_MISMATCH: &str = "error: the two PINs differ; nothing was changed";
pub const SET_PIN_CANCELLED: &str = "cancelled; nothing was changed";
pub const SET_PIN_STDIN: &str =
    "error: give the PIN twice on standard input, one per line; nothing was changed";

/// The PIN has the wrong number of digits.
pub fn set_pin_length(len: usize) -> String {
    format!("error: the PIN must have 4 to 8 digits, not {len}; nothing was changed")
}

/// The PIN was written.
pub fn set_pin_done(file: &str) -> String {
    format!(
        "The staff PIN is set: its hash is in {file}, under [staff].\nA running kiosk picks it up within a few seconds."
    )
}

/// The file changed while the PIN was being typed.
pub fn set_pin_file_changed(file: &str) -> String {
    format!(
        "error: {file} changed while the PIN was being typed; nothing was changed. Run the command again."
    )
}

/// No safe place for the line was found.
pub fn set_pin_by_hand(file: &str, hash: &str) -> String {
    format!(
        "error: {file} writes its [staff] table in a way this command does not edit (a dotted key or an inline table, say); nothing was changed.\nAdd this line to the [staff] table yourself:\n\npin_hash = \"{hash}\""
    )
}

// Problems with the check-in database, on the staff screen and in the log.

/// The database's files were replaced and every check-in was put back.
pub fn files_recovered(what: &str) -> String {
    format!("{what}. Every check-in was put back; check-in goes on.")
}

/// The database's files were replaced and some check-ins are only in the
/// rescue copy.
pub fn files_rescued(what: &str, missing: u64, copy: &str) -> String {
    let them = if missing == 1 {
        "1 check-in is".to_string()
    } else {
        format!("{missing} check-ins are")
    };
    format!(
        "{what}. {them} only in the copy {copy}; check-in goes on in the database at its usual place (docs/deploy.md says how to merge them)."
    )
}

/// The database's files were replaced and recovering failed.
pub fn files_unrecovered(what: &str, why: &str) -> String {
    format!("{what}; recovering failed: {why}")
}

/// A committed check-in that could not be found again after recovering.
pub fn unconfirmed(ticket: u32) -> String {
    format!(
        "check-in number {ticket} could not be confirmed as saved; the patient was sent to the front desk"
    )
}

/// Settings edited in kiosk.toml that wait for a restart.
pub fn needs_restart(names: &[&str]) -> String {
    format!(
        "kiosk.toml changed {}: restart the kiosk to use the new value (until then it keeps the old one)",
        names.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tries_and_times() {
        assert_eq!(wrong_pin(1), "Wrong PIN — 1 try left");
        assert_eq!(wrong_pin(4), "Wrong PIN — 4 tries left");
        assert_eq!(locked_until(15, 42), "Locked until 3:42 PM");
    }
}
