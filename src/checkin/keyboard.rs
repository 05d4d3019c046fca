//! The on-screen keyboard's own small state: whether it shows, which page
//! (letters, accented letters, numbers) and whether Shift is on.
//!
//! Pure: a key touched becomes the same [`FormInput`] the physical keyboard
//! produces, so the form never knows where a letter came from. The keys'
//! places on screen are worked out by `ui`, which draws them and tells the
//! app which one a touch landed on.

use super::input::FormInput;
use super::{Field, FieldKind};

/// `touch_keyboard` in `[checkin]`: when the keyboard shows with the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeyboardSetting {
    /// After the first touch (the one that opened the form counts).
    #[default]
    Auto,
    Always,
    Never,
}

impl KeyboardSetting {
    pub const ALL: [Self; 3] = [Self::Auto, Self::Always, Self::Never];

    /// The word used in `kiosk.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Always => "always",
            Self::Never => "never",
        }
    }
}

/// A set of keys shown together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Letters,
    /// á é í ó ú ñ ü and the other accented letters names need.
    Accents,
    /// A numeric pad, for dates, times and phone numbers.
    Numbers,
}

/// One key of the on-screen keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// Types this character (a letter in its lowercase form: Shift decides).
    Char(char),
    Space,
    Erase,
    Shift,
    /// Shows another page.
    Show(Page),
}

/// A row of keys, each with its width in units (a letter key is one).
pub type Row = &'static [(Key, u16)];

const fn c(ch: char) -> (Key, u16) {
    (Key::Char(ch), 1)
}

const LETTERS: [Row; 4] = [
    &[
        c('q'),
        c('w'),
        c('e'),
        c('r'),
        c('t'),
        c('y'),
        c('u'),
        c('i'),
        c('o'),
        c('p'),
    ],
    &[
        c('a'),
        c('s'),
        c('d'),
        c('f'),
        c('g'),
        c('h'),
        c('j'),
        c('k'),
        c('l'),
        c('\''),
    ],
    &[
        (Key::Shift, 2),
        c('z'),
        c('x'),
        c('c'),
        c('v'),
        c('b'),
        c('n'),
        c('m'),
        c('-'),
    ],
    &[
        (Key::Show(Page::Numbers), 2),
        (Key::Show(Page::Accents), 2),
        (Key::Space, 4),
        (Key::Erase, 2),
    ],
];

const ACCENTS: [Row; 4] = [
    &[
        c('á'),
        c('é'),
        c('í'),
        c('ó'),
        c('ú'),
        c('ñ'),
        c('ü'),
        c('ç'),
        c('à'),
        c('è'),
    ],
    &[
        c('ì'),
        c('ò'),
        c('ù'),
        c('â'),
        c('ê'),
        c('î'),
        c('ô'),
        c('û'),
        c('ä'),
        c('ë'),
    ],
    &[
        (Key::Shift, 2),
        c('ï'),
        c('ö'),
        c('ã'),
        c('õ'),
        c('å'),
        c('ø'),
        c('æ'),
        c('ß'),
    ],
    &[
        (Key::Show(Page::Numbers), 2),
        (Key::Show(Page::Letters), 2),
        (Key::Space, 4),
        (Key::Erase, 2),
    ],
];

/// The numeric pad: keys twice as wide as a letter's.
const NUMBERS: [Row; 4] = [
    &[
        (Key::Char('1'), 2),
        (Key::Char('2'), 2),
        (Key::Char('3'), 2),
        (Key::Erase, 2),
    ],
    &[
        (Key::Char('4'), 2),
        (Key::Char('5'), 2),
        (Key::Char('6'), 2),
        (Key::Char('/'), 2),
    ],
    &[
        (Key::Char('7'), 2),
        (Key::Char('8'), 2),
        (Key::Char('9'), 2),
        (Key::Char('-'), 2),
    ],
    &[
        (Key::Show(Page::Letters), 2),
        (Key::Char('0'), 2),
        (Key::Char(':'), 2),
        (Key::Space, 2),
    ],
];

impl Page {
    /// The rows of keys on this page, top first.
    pub fn rows(self) -> &'static [Row] {
        match self {
            Self::Letters => &LETTERS,
            Self::Accents => &ACCENTS,
            Self::Numbers => &NUMBERS,
        }
    }

    /// The page a field of `kind` starts on; `None`: the field needs no
    /// keyboard (its answers are touched directly).
    pub fn for_kind(kind: FieldKind) -> Option<Self> {
        match kind {
            FieldKind::Text => Some(Self::Letters),
            FieldKind::Date | FieldKind::Phone | FieldKind::Time => Some(Self::Numbers),
            FieldKind::Choice => None,
        }
    }
}

/// The keyboard's state, kept by the app beside the form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keyboard {
    shown: bool,
    /// A page the patient picked, and for which field.
    picked: Option<(usize, Page)>,
    /// The next letter is a capital (or, on an empty name, a small one).
    shift: bool,
}

impl Keyboard {
    /// The keyboard for a new form: shown at once with `always`, or with
    /// `auto` when the form was opened by a touch.
    pub fn new(setting: KeyboardSetting, opened_by_touch: bool) -> Self {
        let shown = match setting {
            KeyboardSetting::Always => true,
            KeyboardSetting::Auto => opened_by_touch,
            KeyboardSetting::Never => false,
        };
        Self {
            shown,
            ..Self::default()
        }
    }

    /// A touch on the form: with `auto`, the keyboard shows from now on.
    /// Returns whether it appeared.
    pub fn touched(&mut self, setting: KeyboardSetting) -> bool {
        let appears = setting == KeyboardSetting::Auto && !self.shown;
        self.shown |= appears;
        appears
    }

    pub fn is_shown(&self) -> bool {
        self.shown
    }

    /// Whether Shift was pressed for the next letter.
    pub fn shift(&self) -> bool {
        self.shift
    }

    /// The page showing while field `focus` (of `kind`) has focus, if the
    /// keyboard shows at all.
    pub fn page(&self, focus: usize, kind: FieldKind) -> Option<Page> {
        if !self.shown {
            return None;
        }
        let start = Page::for_kind(kind)?;
        match self.picked {
            Some((field, page)) if field == focus => Some(page),
            _ => Some(start),
        }
    }

    /// Whether letter keys type capitals now: a name starts with one by
    /// itself, and Shift turns the next letter the other way.
    pub fn capitals(&self, field: Option<&Field>) -> bool {
        let starting = field.is_some_and(|f| f.spec().kind == FieldKind::Text && f.is_empty());
        starting != self.shift
    }

    /// Presses `key` while field `focus` has focus: the form input it
    /// types, if any (page and Shift keys change only the keyboard).
    pub fn press(&mut self, key: Key, focus: usize, field: Option<&Field>) -> Option<FormInput> {
        match key {
            Key::Char(ch) => {
                let capital = self.capitals(field);
                self.shift = false;
                Some(FormInput::Char(if capital { upper(ch) } else { ch }))
            }
            Key::Space => Some(FormInput::Char(' ')),
            Key::Erase => Some(FormInput::Backspace),
            Key::Shift => {
                self.shift = !self.shift;
                None
            }
            Key::Show(page) => {
                self.picked = Some((focus, page));
                None
            }
        }
    }
}

/// The capital of `ch`, when it has a single-letter one (ß has none).
pub fn upper(ch: char) -> char {
    let mut up = ch.to_uppercase();
    match (up.next(), up.next()) {
        (Some(one), None) => one,
        _ => ch,
    }
}

#[cfg(test)]
#[path = "keyboard_tests.rs"]
mod tests;
