//! The words of touch check-in: the on-screen keyboard, the form's
//! buttons, the date questions, the confirmation's button, and the notice
//! that check-in is not open.

// The on-screen keyboard.

pub const KEY_SHIFT: &str = "Shift";
pub const KEY_SPACE: &str = "space";
pub const KEY_ERASE: &str = "← Erase";
/// The keys that show the letters, the accented letters and the numbers.
pub const KEY_LETTERS: &str = "abc";
pub const KEY_ACCENTS: &str = "áéñ";
pub const KEY_NUMBERS: &str = "123";

// The form's buttons, on every question.

pub const BACK: &str = "Back";
pub const CANCEL: &str = "Cancel";
pub const NEXT: &str = "Next";
pub const CLEAR_ASK: &str = "Clear your answers?";
pub const CLEAR_YES: &str = "Yes, clear them";
pub const CLEAR_NO: &str = "No, keep them";

// Dates of birth.

/// A date of birth typed as today's date.
pub fn date_today(label: &str) -> String {
    format!("{label}: that is today's date. Please check the day and the year.")
}

/// A two-digit year both of whose centuries make a plausible age.
pub fn date_which_century(label: &str, recent: &str, older: &str) -> String {
    format!("{label}: {recent} or {older}? Touch one, or type the year in full.")
}

// The confirmation.

pub const DONE: &str = "Done";

// Check-in is not open (a key or a touch on the slides).

pub const NOT_OPEN_TITLE: &str = "Check-in is not open";
/// Why, when no closure or special hours say more.
pub const NOT_OPEN_CLINIC_CLOSED: &str = "The clinic is closed now.";
/// Why, when the clinic has no opening hours ahead.
pub const NOT_OPEN_NO_HOURS: &str = "Please see the front desk or call us.";
/// `Check-in opens` above the big time.
pub const NOT_OPEN_OPENS: &str = "Check-in opens";
