//! The configurations and slides the targets start from: the bundled
//! `kiosk.toml` and `content/`, read once per process, and a few variants
//! of the configuration that reach the rest of the kiosk (staff mode, a
//! custom check-in form, a clinic always open or always closed).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use argon2::password_hash::PasswordHasher;
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Utc};
use kiosk::config::Config;
use kiosk::slides::{Deck, load_deck};

/// The staff PIN of every variant with staff mode.
pub const PIN: &str = "2468";

/// The bundled `kiosk.toml`.
pub const BUNDLED: &str = include_str!("../../kiosk.toml");

/// The kiosk's own folder (the parent of `fuzz/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A Monday afternoon, 5:42 PM in Denver: open, closing soon.
pub fn monday_afternoon() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T17:42:00-07:00")
        .expect("a valid RFC 3339 time")
        .to_utc()
}

/// `text` checked as the kiosk checks `kiosk.toml` in its own folder.
pub fn parse_config(text: &str) -> Result<Config, Vec<kiosk::diagnostic::Diagnostic>> {
    Config::parse(Path::new("kiosk.toml"), text, &root())
}

/// An Argon2id hash of [`PIN`] with the smallest settings Argon2 allows,
/// so that checking a PIN costs microseconds instead of the default's
/// tens of milliseconds. The kiosk reads the settings from the hash.
fn cheap_pin_hash() -> String {
    let params = Params::new(8, 1, 1, None).expect("8 KiB, 1 pass, 1 lane are valid");
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    argon2
        .hash_password_with_salt(PIN.as_bytes(), b"kiosk-fuzz-salt!")
        .expect("hashing with a 16-byte salt works")
        .to_string()
}

/// A configuration for a clinic with the same hours every day.
fn every_day(hours: &str, pin_hash: &str) -> String {
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday"]
        .iter()
        .chain(&["saturday", "sunday"])
        .map(|d| format!("{d} = \"{hours}\"\n"))
        .collect::<String>();
    format!(
        "[clinic]\nname = \"Fuzz Clinic · 李小龙\"\naddress = [\"1 Main St\"]\n\
         phone = \"(720) 242-9756\"\ntimezone = \"America/Denver\"\n\
         [hours]\n{days}\
         [kiosk]\nnow_serving = true\nslide_seconds = 5\n\
         [checkin]\nidle_timeout_seconds = 15\nopen_before_minutes = 0\n\
         {FIELDS}\
         [staff]\npin_hash = \"{pin_hash}\"\nchord = \"f2 x\"\n"
    )
}

/// Every kind of check-in question.
const FIELDS: &str = "\
[[checkin.fields]]\nkey = \"first_name\"\nlabel = \"First name\"\nkind = \"text\"\nmax_length = 200\n\
[[checkin.fields]]\nkey = \"last_name\"\nlabel = \"Last name\"\nkind = \"text\"\nrequired = false\n\
[[checkin.fields]]\nkey = \"date_of_birth\"\nlabel = \"Date of birth\"\nkind = \"date\"\n\
[[checkin.fields]]\nkey = \"arrived\"\nlabel = \"Appointment time\"\nkind = \"time\"\nrequired = false\n\
[[checkin.fields]]\nkey = \"phone\"\nlabel = \"Phone\"\nkind = \"phone\"\nrequired = false\n\
[[checkin.fields]]\nkey = \"visit\"\nlabel = \"Visit type\"\nkind = \"choice\"\n\
choices = [\"New patient\", \"Returning patient\", \"Follow-up\"]\n";

/// The configurations an `app` script can start with or reload to.
pub struct Fixtures {
    pub configs: Vec<Config>,
    pub deck: Deck,
}

/// Loaded once per process.
pub fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let hash = cheap_pin_hash();
        let with_pin = BUNDLED
            .replace(
                "lock_file = \"data/staff.lock\"",
                &format!("lock_file = \"data/staff.lock\"\npin_hash = \"{hash}\""),
            )
            .replace("now_serving = false", "now_serving = true");
        let texts = [
            BUNDLED.to_string(),
            with_pin,
            every_day("00:00-24:00", &hash),
            every_day("closed", &hash),
            every_day("22:00-02:00", &hash),
        ];
        let configs = texts
            .iter()
            .map(|t| parse_config(t).expect("every fixture configuration is valid"))
            .collect();
        let deck = load_deck(&root().join("content"));
        assert!(
            deck.problems.is_empty() && !deck.slides.is_empty(),
            "the bundled slides load without problems"
        );
        Fixtures { configs, deck }
    })
}
