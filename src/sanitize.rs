//! Keeping control characters away from the terminal.
//!
//! Text typed by a patient or read from a file may contain escape sequences.
//! Everything shown or stored passes through here first.

/// Whether `c` is a control character that must never reach a terminal:
/// C0 controls (including ESC and BEL), DEL, C1 controls, and the
/// bidirectional overrides that can disguise text.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// `text` with every unsafe character removed; tabs become a space.
pub fn printable(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_and_c1_and_bidi() {
        assert_eq!(printable("a\u{1b}]52;c;ZZ\u{7}b"), "a]52;c;ZZb");
        assert_eq!(printable("x\u{9b}31my"), "x31my");
        assert_eq!(printable("evil\u{202e}txt"), "eviltxt");
        assert_eq!(printable("tab\there"), "tab here");
    }

    #[test]
    fn keeps_letters_from_every_script() {
        for name in [
            "José",
            "Nguyễn Thị Minh Khai",
            "李小龙",
            "O'Brien-Smith",
            "Zoë",
        ] {
            assert_eq!(printable(name), name);
        }
    }
}
