//! Characters, their display widths, and where a cursor may stop.
//!
//! Text is kept as `char`s, so it can never be split inside a character. A
//! cursor stop is any position not directly before a zero-width character
//! (a combining mark), so "e\u{301}" moves and deletes as one letter.

use unicode_width::UnicodeWidthChar;

use crate::sanitize::{is_unsafe, printable};

/// Terminal columns `c` takes: 2 for wide (CJK) characters, 0 for combining
/// marks, 1 otherwise. Halfwidth sound marks take a column of their own, as
/// terminals (and ratatui) draw them.
pub fn char_columns(c: char) -> usize {
    if matches!(c, '\u{FF9E}' | '\u{FF9F}') {
        return 1;
    }
    c.width().unwrap_or(0)
}

/// Terminal columns `chars` take.
pub fn columns(chars: &[char]) -> usize {
    chars.iter().map(|&c| char_columns(c)).sum()
}

/// Whether `c` may be stored in a field: nothing that could steer a
/// terminal, and no line or paragraph separators.
pub fn is_storable(c: char) -> bool {
    !is_unsafe(c) && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Pasted text as it may be stored: line breaks and tabs become spaces and
/// every other control character is dropped.
pub fn clean_paste(text: &str) -> Vec<char> {
    let spaced: String = text
        .replace("\r\n", " ")
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect();
    printable(&spaced)
        .chars()
        .filter(|&c| is_storable(c))
        .collect()
}

/// `text` with fullwidth forms (`０４／１７`, as some keyboards type them)
/// read as their plain ASCII equivalents.
pub fn narrow(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

/// Whether a cursor may stand before `chars[at]`: not inside a letter and
/// its marks, and not between leading marks and the first letter.
fn is_stop(chars: &[char], at: usize) -> bool {
    match chars.get(at) {
        None => true,
        Some(_) if at == 0 => true,
        Some(&c) => char_columns(c) > 0 && chars[..at].iter().any(|&b| char_columns(b) > 0),
    }
}

/// The cursor stop before `at` (0 stays 0).
pub fn prev_stop(chars: &[char], at: usize) -> usize {
    let mut i = at.min(chars.len()).saturating_sub(1);
    while !is_stop(chars, i) {
        i -= 1;
    }
    i
}

/// The cursor stop after `at` (the end stays the end).
pub fn next_stop(chars: &[char], at: usize) -> usize {
    let mut i = (at + 1).min(chars.len());
    while !is_stop(chars, i) {
        i += 1;
    }
    i
}

/// The visible pieces of `chars`: each letter with the zero-width marks
/// around it (marks before the first letter join it), and the display
/// column it starts at. Cursor stops fall between pieces.
pub fn clusters(chars: &[char]) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut column = 0;
    for (i, &c) in chars.iter().enumerate() {
        match out.last_mut() {
            Some((_, cluster)) if !is_stop(chars, i) => cluster.push(c),
            _ => out.push((column, c.to_string())),
        }
        column += char_columns(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn widths() {
        assert_eq!(columns(&chars("李小龙")), 6);
        assert_eq!(columns(&chars("Nguyễn")), 6);
        assert_eq!(columns(&chars("e\u{301}")), 1);
        assert_eq!(columns(&chars("ｶﾞ")), 2);
    }

    #[test]
    fn stops_skip_combining_marks() {
        let text = chars("ae\u{301}b");
        assert_eq!(next_stop(&text, 0), 1);
        assert_eq!(next_stop(&text, 1), 3);
        assert_eq!(prev_stop(&text, 3), 1);
        assert_eq!(prev_stop(&text, 0), 0);
        assert_eq!(next_stop(&text, 4), 4);
    }

    #[test]
    fn leading_marks_join_the_first_letter() {
        let text = chars("\u{301}\u{302}ab");
        assert_eq!(next_stop(&text, 0), 3);
        assert_eq!(prev_stop(&text, 3), 0);
        assert_eq!(clusters(&text)[0], (0, "\u{301}\u{302}a".to_string()));
        assert_eq!(next_stop(&chars("\u{301}"), 0), 1);
    }

    #[test]
    fn clusters_keep_marks_with_their_letter() {
        assert_eq!(
            clusters(&chars("e\u{301}李x")),
            vec![
                (0, "e\u{301}".to_string()),
                (1, "李".to_string()),
                (3, "x".to_string())
            ]
        );
    }

    #[test]
    fn fullwidth_digits_read_as_digits() {
        assert_eq!(narrow("０４／１７　ab"), "04/17 ab");
    }

    #[test]
    fn paste_turns_breaks_into_spaces_and_drops_controls() {
        let cleaned: String = clean_paste("a\r\nb\tc\u{1b}[31md\u{7}e\u{202e}f")
            .into_iter()
            .collect();
        assert_eq!(cleaned, "a b c[31mdef");
    }
}
