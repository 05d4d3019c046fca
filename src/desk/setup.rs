//! What the desk takes from the settings: the form's fields for adding and
//! correcting, the duplicate key, how dates of birth show, and its name in
//! the audit trail.

use crate::checkin::FieldSpec;
use crate::config::{BirthShown, Config};
use crate::i18n::english;

/// What the desk needs of the settings besides the clinic's name and zone.
#[derive(Clone, Debug)]
pub struct DeskSetup {
    /// The check-in form's fields, for adding and correcting.
    pub fields: Vec<FieldSpec>,
    /// The fields that tell one patient from another.
    pub duplicate_key: Vec<String>,
    /// The date or the age.
    pub birth: BirthShown,
    /// The field holding the date of birth: `date_of_birth`, or the form's
    /// first date field.
    pub birth_key: Option<String>,
}

impl DeskSetup {
    pub fn of(config: &Config) -> Self {
        let fields = config.checkin.fields.clone();
        let dates = || {
            fields
                .iter()
                .filter(|f| f.kind == crate::checkin::FieldKind::Date)
        };
        let birth_key = dates()
            .find(|f| f.key == "date_of_birth")
            .or_else(|| dates().next())
            .map(|f| f.key.clone());
        Self {
            duplicate_key: config
                .checkin
                .duplicate_key
                .fields()
                .iter()
                .map(|k| k.to_string())
                .collect(),
            fields,
            birth: config.desk.birth,
            birth_key,
        }
    }
}

/// The name this program's changes go by in the audit trail: `[desk] name`
/// for a desk if set, otherwise the computer's name and `role` ("desk",
/// "kiosk").
pub fn station(config: &Config, role: &str) -> String {
    if role == english().t("role-desk")
        && let Some(name) = &config.desk.name
    {
        return name.clone();
    }
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .unwrap_or_default();
    super::words::station(english(), &crate::sanitize::printable(host.trim()), role)
}
