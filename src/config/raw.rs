//! The shape of `kiosk.toml` exactly as written, with the location of every
//! value kept for error messages.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub clinic: Spanned<RawClinic>,
    #[serde(default)]
    pub hours: RawHours,
    #[serde(default)]
    pub closures: Vec<Spanned<RawClosure>>,
    #[serde(default)]
    pub special_hours: Vec<Spanned<RawSpecial>>,
    #[serde(default)]
    pub notices: Vec<Spanned<RawNotice>>,
    #[serde(default)]
    pub kiosk: RawKiosk,
    #[serde(default)]
    pub checkin: RawCheckin,
    #[serde(default)]
    pub desk: RawDesk,
    #[serde(default)]
    pub staff: RawStaff,
    #[serde(default)]
    pub store: RawStore,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStore {
    pub url: Option<Spanned<String>>,
    pub password_file: Option<Spanned<String>>,
    pub migrate: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClinic {
    pub name: Spanned<String>,
    #[serde(default)]
    pub address: Vec<Spanned<String>>,
    #[serde(default)]
    pub phone: Option<Spanned<String>>,
    pub timezone: Spanned<String>,
    #[serde(default)]
    pub site: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHours {
    pub monday: Option<Spanned<String>>,
    pub tuesday: Option<Spanned<String>>,
    pub wednesday: Option<Spanned<String>>,
    pub thursday: Option<Spanned<String>>,
    pub friday: Option<Spanned<String>>,
    pub saturday: Option<Spanned<String>>,
    pub sunday: Option<Spanned<String>>,
}

impl RawHours {
    /// The seven days, Monday first.
    pub fn days(&self) -> [&Option<Spanned<String>>; 7] {
        [
            &self.monday,
            &self.tuesday,
            &self.wednesday,
            &self.thursday,
            &self.friday,
            &self.saturday,
            &self.sunday,
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClosure {
    pub date: Option<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub to: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpecial {
    pub date: Spanned<String>,
    pub hours: Spanned<String>,
    pub reason: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKiosk {
    pub content_dir: Option<Spanned<String>>,
    pub slide_seconds: Option<Spanned<i64>>,
    pub closing_soon_minutes: Option<Spanned<i64>>,
    pub log_dir: Option<Spanned<String>>,
    pub heartbeat_file: Option<Spanned<String>>,
    pub now_serving: Option<bool>,
    pub chime: Option<bool>,
    pub review_after_months: Option<Spanned<i64>>,
    pub languages: Option<Spanned<Vec<Spanned<String>>>>,
    pub default_language: Option<Spanned<String>>,
    pub rotate_languages: Option<bool>,
    pub staff_language: Option<Spanned<String>>,
    pub clock: Option<Spanned<std::collections::BTreeMap<String, Spanned<String>>>>,
    pub screen_sleep: Option<RawScreenSleep>,
}

/// `screen_sleep = { after_closing_minutes = 30, before_opening_minutes = 30 }`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScreenSleep {
    pub after_closing_minutes: Option<Spanned<i64>>,
    pub before_opening_minutes: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCheckin {
    pub database: Option<Spanned<String>>,
    pub retention_days: Option<Spanned<i64>>,
    pub fields: Option<Spanned<Vec<Spanned<RawField>>>>,
    pub open_before_minutes: Option<Spanned<i64>>,
    pub idle_timeout_seconds: Option<Spanned<i64>>,
    pub duplicate_window_minutes: Option<Spanned<i64>>,
    pub duplicate_key: Option<Spanned<Vec<Spanned<String>>>>,
    pub touch_keyboard: Option<Spanned<String>>,
    pub confirmation_seconds: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDesk {
    pub desk_pin: Option<bool>,
    pub birth: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
}

/// One `[[checkin.fields]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    pub key: Spanned<String>,
    pub label: Spanned<String>,
    pub kind: Spanned<String>,
    pub required: Option<bool>,
    pub max_length: Option<Spanned<i64>>,
    pub choices: Option<Spanned<Vec<Spanned<String>>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStaff {
    pub pin_hash: Option<Spanned<String>>,
    pub chord: Option<Spanned<String>>,
    pub lock_file: Option<Spanned<String>>,
    pub idle_seconds: Option<Spanned<i64>>,
}

/// One `[[notices]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNotice {
    pub text: Spanned<String>,
    pub from: Spanned<String>,
    pub until: Spanned<String>,
    pub closes: Option<bool>,
}
