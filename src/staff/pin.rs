//! The staff PIN: 4 to 8 digits, kept only as an Argon2id hash in the PHC
//! string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
//!
//! The PIN itself is never stored, printed or logged: [`Pin`]'s `Debug`
//! hides the digits, and nothing here writes anything anywhere.

use std::fmt;

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params};

/// The fewest digits a PIN may have.
pub const MIN_DIGITS: usize = 4;
/// The most digits a PIN may have.
pub const MAX_DIGITS: usize = 8;

/// The most memory (KiB) a stored hash may ask Argon2 to use: a typo such
/// as `m=1945600` must not make every PIN check take gigabytes.
const MAX_MEMORY_KIB: u32 = 262_144;
/// The most passes a stored hash may ask for.
const MAX_PASSES: u32 = 16;

/// A PIN of 4 to 8 ASCII digits. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Pin(String);

/// Why some text is not a PIN.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinError {
    /// Something other than 0–9 was typed.
    NotDigits,
    /// Fewer than [`MIN_DIGITS`] or more than [`MAX_DIGITS`] characters.
    WrongLength(usize),
}

impl Pin {
    /// Checks that `text` is 4 to 8 ASCII digits.
    pub fn parse(text: &str) -> Result<Self, PinError> {
        if !text.chars().all(|c| c.is_ascii_digit()) {
            return Err(PinError::NotDigits);
        }
        let len = text.len();
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&len) {
            return Err(PinError::WrongLength(len));
        }
        Ok(Self(text.to_string()))
    }

    /// The digits, for hashing or checking. Do not print them.
    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Pin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pin(<hidden>)")
    }
}

/// Hashing failed: the system's random number source or Argon2 itself
/// refused. The message never contains the PIN.
#[derive(Debug)]
pub struct HashError(String);

impl fmt::Display for HashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot hash the PIN: {}", self.0)
    }
}

impl std::error::Error for HashError {}

/// Hashes `pin` with Argon2id (the crate's default parameters) and a fresh
/// random 16-byte salt from the operating system, as a PHC string.
///
/// argon2 0.6 draws the salt itself (`password_hash::try_generate_salt`,
/// via `getrandom`) and reports a failing random source as an error instead
/// of panicking, which is why this does not call `SaltString::generate`.
pub fn hash_pin(pin: &Pin) -> Result<String, HashError> {
    Argon2::default()
        .hash_password(pin.digits().as_bytes())
        .map(|hash: PasswordHash| hash.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `pin` matches the PHC string `hash`. Argon2 recomputes the hash
/// with the stored salt and parameters and compares in constant time. A
/// hash that cannot be read matches nothing.
pub fn verify(pin: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(pin.as_bytes(), hash)
        .is_ok()
}

/// Why a `pin_hash` value cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HashProblem {
    /// Not a PHC string at all.
    NotPhc,
    /// A PHC string for another algorithm (named here).
    NotArgon2(String),
    /// Argon2, but its settings cannot be used.
    BadSettings(String),
    /// The salt or the hash itself is missing.
    Incomplete,
}

/// Checks that `hash` is an Argon2 PHC string the kiosk can verify against.
pub fn check_hash(hash: &str) -> Result<(), HashProblem> {
    let parsed = PasswordHash::new(hash.trim()).map_err(|_| HashProblem::NotPhc)?;
    let name = parsed.algorithm.as_str();
    if Algorithm::new(name).is_err() {
        return Err(HashProblem::NotArgon2(name.to_string()));
    }
    let params = Params::try_from(&parsed).map_err(|e| HashProblem::BadSettings(e.to_string()))?;
    if params.m_cost() > MAX_MEMORY_KIB || params.t_cost() > MAX_PASSES {
        return Err(HashProblem::BadSettings(format!(
            "m={} and t={} would make checking a PIN too slow for the kiosk (at most m={MAX_MEMORY_KIB}, t={MAX_PASSES})",
            params.m_cost(),
            params.t_cost()
        )));
    }
    if parsed.salt.is_none() || parsed.hash.is_none() {
        return Err(HashProblem::Incomplete);
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    fn pin(text: &str) -> Pin {
        Pin::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
    }

    #[test]
    fn pins_are_four_to_eight_digits() {
        assert_eq!(Pin::parse("123"), Err(PinError::WrongLength(3)));
        assert_eq!(Pin::parse("123456789"), Err(PinError::WrongLength(9)));
        assert_eq!(Pin::parse(""), Err(PinError::WrongLength(0)));
        assert_eq!(Pin::parse("12a4"), Err(PinError::NotDigits));
        assert_eq!(Pin::parse("1234 "), Err(PinError::NotDigits));
        assert_eq!(Pin::parse("١٢٣٤"), Err(PinError::NotDigits), "ASCII only");
        assert_eq!(pin("0000").digits(), "0000");
        assert_eq!(pin("12345678").digits(), "12345678");
        assert_eq!(format!("{:?}", pin("73915")), "Pin(<hidden>)");
    }

    #[test]
    fn the_right_pin_verifies_and_a_wrong_one_does_not() -> Result<(), HashError> {
        let hash = hash_pin(&pin("73915"))?;
        assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
        assert_eq!(check_hash(&hash), Ok(()));
        assert!(verify("73915", &hash));
        assert!(!verify("73916", &hash));
        assert!(!verify("7391", &hash));
        assert!(!verify("", &hash));
        assert!(!verify("73915", "not a hash"));
        assert!(!hash.contains("73915"), "{hash}");
        Ok(())
    }

    #[test]
    fn two_hashes_of_one_pin_differ_by_their_salt() -> Result<(), HashError> {
        let (a, b) = (hash_pin(&pin("4821"))?, hash_pin(&pin("4821"))?);
        assert_ne!(a, b);
        assert!(verify("4821", &a) && verify("4821", &b));
        Ok(())
    }

    #[test]
    fn hashes_that_cannot_be_used_are_named() {
        assert_eq!(check_hash("1234"), Err(HashProblem::NotPhc));
        assert_eq!(check_hash(""), Err(HashProblem::NotPhc));
        assert_eq!(
            check_hash("$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"),
            Err(HashProblem::NotArgon2("pbkdf2-sha256".into()))
        );
        assert!(matches!(
            check_hash("$argon2id$v=19$m=1,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"),
            Err(HashProblem::BadSettings(_))
        ));
        assert!(matches!(
            check_hash("$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"),
            Err(HashProblem::BadSettings(_))
        ));
        assert_eq!(
            check_hash("$argon2id$v=19$m=19456,t=2,p=1"),
            Err(HashProblem::Incomplete)
        );
    }
}
