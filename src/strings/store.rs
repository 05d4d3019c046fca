//! Words about where check-ins are kept: `[store]` and `[clinic] site` in
//! kiosk.toml, and `kiosk store`. For staff and IT, never patients.

pub const URL_SCHEME: &str = "the store's url must start with postgresql:// (or postgres://)";
pub const URL_HELP: &str = "for example url = \"postgresql://kiosk@db.clinic.lan/clinic\"; leave it out to keep check-ins in the SQLite file of [checkin] database";
pub const URL_PASSWORD: &str =
    "the store's url holds a password, and kiosk.toml is no place for one";
pub const URL_PASSWORD_HELP: &str = "remove it from the url and put it in the file named by password_file (owner-only, chmod 600) or in ~/.pgpass of the kiosk's user";
pub const SITE_INVALID: &str = "a site name is 1 to 40 letters, digits, '-' or '_'";
pub const SITE_HELP: &str =
    "for example site = \"lakewood\"; each site has its own tickets and lists";

/// `kiosk store migrate`'s report.
pub fn migrated(shown: &str, from: i64, to: i64) -> String {
    if from == to {
        format!("{shown}: the schema is up to date (version {to}).\n")
    } else {
        format!("{shown}: the schema went from version {from} to {to}.\n")
    }
}

/// `kiosk store copy`'s report.
pub fn copied(copied: usize, already: usize, total_there: usize) -> String {
    format!(
        "Copied {copied} check-ins ({already} were already there); the server now holds all {total_there} of this file's check-ins, each checked.\n"
    )
}

/// Staff, when the shared store cannot be reached.
pub fn unreachable(detail: &str) -> String {
    format!("the shared check-in store cannot be reached: {detail}")
}
