//! `kiosk.toml`: reading it, checking every value, and turning it into the
//! plain settings the rest of the kiosk uses.

mod check;
pub mod last_good;
mod raw;
pub(crate) mod toml_errors;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::checkin::{FieldSpec, KeyboardSetting};
use crate::diagnostic::{Diagnostic, render_all};
use crate::hours::Schedule;
use crate::staff::Chord;

/// The clinic's details shown to patients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clinic {
    pub name: String,
    pub address: Vec<String>,
    pub phone: Option<String>,
    /// The site this machine belongs to (`[clinic] site`, `main` unless
    /// set): with a shared store, each site has its own tickets and lists.
    pub site: String,
}

/// The site of a machine whose `[clinic]` names none.
pub const DEFAULT_SITE: &str = "main";

/// Where check-ins are kept when several machines share them (`[store]`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoreSettings {
    /// A PostgreSQL server (libpq-style URL, never with a password); `None`
    /// keeps check-ins in the SQLite file of `[checkin] database`.
    pub url: Option<String>,
    /// A file holding the password (owner-only), resolved against the
    /// config file's folder; without it, `PGPASSFILE` or `~/.pgpass`.
    pub password_file: Option<PathBuf>,
    /// Bring the server's schema up to date at start (the role must own
    /// the tables); otherwise `kiosk store migrate` does it.
    pub migrate: bool,
}

/// How the kiosk behaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskSettings {
    /// Folder of slide files, resolved against the config file's folder.
    pub content_dir: PathBuf,
    /// How long a slide stays up unless it says otherwise.
    pub slide_duration: Duration,
    /// "Closing soon" starts this long before closing.
    pub closing_soon: Duration,
    /// Folder for the kiosk's log files (one per day, two weeks kept).
    pub log_dir: PathBuf,
    /// File the running kiosk rewrites every minute with the time, so a
    /// watchdog can tell it is alive.
    pub heartbeat: PathBuf,
    /// Show the ticket number most recently called (never a name).
    pub now_serving: bool,
    /// Ring the terminal bell when the number called changes.
    pub chime: bool,
    /// `kiosk check` warns about a slide whose `reviewed` date is more than
    /// this many months ago.
    pub review_after_months: u32,
    /// The languages patients can choose, the clinic's default first
    /// in the button's order (`languages`).
    pub languages: Vec<String>,
    /// What patients read until they choose, and again after.
    pub default_language: String,
    /// The slideshow shows each slide in the next language in turn.
    pub rotate_languages: bool,
    /// What the staff screen and the desk read.
    pub staff_language: String,
    /// A 12- or 24-hour clock for some languages, over their own default.
    pub clocks: Vec<(String, crate::i18n::Clock)>,
    /// The folder of message files that add or override messages
    /// (`locales/` beside kiosk.toml).
    pub locales_dir: PathBuf,
    /// When the screen goes dark outside opening hours; `None`: never.
    pub screen_sleep: Option<ScreenSleep>,
}

/// The screen sleeps from `after_closing` after the clinic closes until
/// `before_opening` before it opens (see [`crate::sleep`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScreenSleep {
    pub after_closing: chrono::Duration,
    pub before_opening: chrono::Duration,
}

/// Where check-ins are kept, and for how long.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckinSettings {
    /// The SQLite database file, resolved against the config file's folder.
    pub database: PathBuf,
    /// Check-ins from more than this many days ago are purged.
    pub retention_days: u32,
    /// The questions, in order; [`FieldSpec::defaults`] unless the file
    /// lists its own.
    pub fields: Vec<FieldSpec>,
    /// Check-in opens this long before the clinic does.
    pub open_before: Duration,
    /// An untouched form is cleared after this long.
    pub idle_timeout: Duration,
    /// A second check-in by the same patient within this long is a
    /// duplicate.
    pub duplicate_window: Duration,
    /// Which answers tell one patient from another for duplicate detection.
    pub duplicate_key: DuplicateKey,
    /// When the on-screen keyboard shows with the form.
    pub touch_keyboard: KeyboardSetting,
    /// How long the ticket number stays up unless "Done" is touched.
    pub confirmation: Duration,
}

/// The fields whose answers, together, identify a patient for duplicate
/// detection (`duplicate_key` in `[checkin]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateKey {
    /// These field keys, in the order given (never empty).
    Fields(Vec<String>),
    /// `duplicate_key = []`: the clinic turned duplicate detection off.
    Off,
    /// `duplicate_key` was left out and the form lacks a first name, last
    /// name or date of birth to build the default from: detection is off,
    /// and `kiosk check` warns.
    NoIdentifyingFields,
}

impl DuplicateKey {
    /// The default key: first name, last name and date of birth.
    pub const DEFAULT: [&str; 3] = ["first_name", "last_name", "date_of_birth"];

    /// The field keys, or none when detection is off.
    pub fn fields(&self) -> &[String] {
        match self {
            Self::Fields(keys) => keys,
            Self::Off | Self::NoIdentifyingFields => &[],
        }
    }
}

/// Staff mode: the PIN's hash, what opens the prompt, and where the
/// lockout is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffSettings {
    /// The staff PIN's Argon2 hash as a PHC string; `None` when none is set,
    /// and then staff mode cannot be opened (the chord does nothing).
    pub pin_hash: Option<String>,
    /// The keys that open the PIN prompt.
    pub chord: Chord,
    /// Where wrong PINs and any lock are kept, resolved against the config
    /// file's folder.
    pub lock_file: PathBuf,
    /// The staff screen closes after this long without a key.
    pub idle: Duration,
}

/// The front desk's live queue (`kiosk desk`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DeskSettings {
    /// Whether `kiosk desk` asks for the staff PIN before showing the queue.
    pub desk_pin: bool,
    /// How the queue tells namesakes apart: the date of birth or the age.
    pub birth: BirthShown,
    /// The desk's name in the audit trail; `None`: the computer's name and
    /// "desk".
    pub name: Option<String>,
}

/// What the desk's queue shows of a patient's date of birth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BirthShown {
    /// `04/17/1962`.
    #[default]
    Date,
    /// `64`: the age in whole years today.
    Age,
}

/// A complete, checked configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The config file as named on the command line.
    pub path: PathBuf,
    pub clinic: Clinic,
    pub schedule: Schedule,
    pub kiosk: KioskSettings,
    pub checkin: CheckinSettings,
    pub desk: DeskSettings,
    pub staff: StaffSettings,
    pub store: StoreSettings,
    /// Set by [`Config::for_demonstration`]: the clock is not the real one,
    /// and check-ins and the staff lock go to files of their own.
    pub demo: bool,
}

/// Why a configuration could not be used.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read at all.
    Unreadable {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The file was read but has mistakes.
    Invalid(Vec<Diagnostic>),
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unreadable { path, error } => {
                let d = Diagnostic::whole_file(
                    &path.display().to_string(),
                    format!("cannot read the configuration file: {}", io_reason(error)),
                )
                .with_help("check the path given with --config (the default is kiosk.toml in the current folder)");
                write!(f, "{d}")
            }
            Self::Invalid(diagnostics) => {
                f.write_str(&render_all(diagnostics))?;
                match diagnostics.len() {
                    1 => writeln!(
                        f,
                        "\n1 problem found; the kiosk will not start until it is fixed."
                    ),
                    n => writeln!(
                        f,
                        "\n{n} problems found; the kiosk will not start until they are fixed."
                    ),
                }
            }
        }
    }
}

/// An I/O error in plain words, without the operating system's error number.
pub fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        }
    }
}

/// The file a demonstration uses instead of `path`: `checkins.db` →
/// `checkins.demo.db`, `staff.lock` → `staff.demo.lock`, beside it.
pub fn demo_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let name = match (stem, path.extension()) {
        (Some(stem), Some(ext)) => format!("{stem}.demo.{}", ext.to_string_lossy()),
        (Some(stem), None) => format!("{stem}.demo"),
        (None, _) => "demo".to_string(),
    };
    path.with_file_name(name)
}

impl Config {
    /// The settings for a run whose clock is not the clinic's (`--at`,
    /// `--speed`): check-ins and the staff lock go to files of their own
    /// ([`demo_path`]), so a demonstration dated next year can neither
    /// purge nor add to the clinic's real list, nor lock staff out of the
    /// real kiosk. Applying it twice changes nothing more.
    pub fn for_demonstration(mut self) -> Self {
        if !self.demo {
            self.checkin.database = demo_path(&self.checkin.database);
            self.staff.lock_file = demo_path(&self.staff.lock_file);
            // A demonstration never writes to the shared server.
            self.store = StoreSettings::default();
            self.demo = true;
        }
        self
    }

    /// Makes `new`, read again from the file while the kiosk runs, keep the
    /// settings that only take effect at a restart (the files the running
    /// kiosk has open or set up at start), so that everything in this run
    /// goes on using one value. Returns the names of those that the file
    /// changed, for staff.
    /// The messages of every language: the compiled-in ones with the
    /// folder beside kiosk.toml read over them, and the clocks it sets.
    pub fn catalog(&self) -> crate::i18n::Catalog {
        let mut catalog = crate::i18n::Catalog::with_folder(&self.kiosk.locales_dir);
        for (code, clock) in &self.kiosk.clocks {
            catalog.set_clock(code, *clock);
        }
        catalog
    }

    pub fn keep_for_restart(&self, new: &mut Config) -> Vec<&'static str> {
        if self.demo {
            *new = new.clone().for_demonstration();
        }
        let mut changed = Vec::new();
        let mut keep = |name, running: &PathBuf, new: &mut PathBuf| {
            if running != new {
                changed.push(name);
                new.clone_from(running);
            }
        };
        keep(
            "database",
            &self.checkin.database,
            &mut new.checkin.database,
        );
        keep("lock_file", &self.staff.lock_file, &mut new.staff.lock_file);
        keep("log_dir", &self.kiosk.log_dir, &mut new.kiosk.log_dir);
        keep(
            "heartbeat_file",
            &self.kiosk.heartbeat,
            &mut new.kiosk.heartbeat,
        );
        if self.store != new.store {
            changed.push("store");
            new.store.clone_from(&self.store);
        }
        if self.clinic.site != new.clinic.site {
            changed.push("site");
            new.clinic.site.clone_from(&self.clinic.site);
        }
        changed
    }

    /// Reads and checks the file at `path`. Relative paths inside it resolve
    /// against its folder.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let source = std::fs::read(path).map_err(|error| ConfigError::Unreadable {
            path: path.to_path_buf(),
            error,
        })?;
        let label = path.display().to_string();
        let text = String::from_utf8(source).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            ConfigError::Invalid(vec![
                Diagnostic::new(
                    &label,
                    &text,
                    valid..valid + 1,
                    "this file is not UTF-8 text",
                )
                .with_help("save the file as UTF-8 in your text editor"),
            ])
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Self::parse(path, &text, base).map_err(ConfigError::Invalid)
    }

    /// Checks `source`, the text of the file at `path`, whose relative paths
    /// resolve against `base_dir`.
    pub fn parse(path: &Path, source: &str, base_dir: &Path) -> Result<Self, Vec<Diagnostic>> {
        check::check(path, source, base_dir)
    }
}

#[cfg(test)]
mod tests;
