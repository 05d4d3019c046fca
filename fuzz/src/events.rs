//! What an `app` fuzz input is: where the kiosk starts, then a list of
//! events, each turned into what crossterm or the runtime would hand the
//! app.

use arbitrary::Arbitrary;
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MediaKeyCode, ModifierKeyCode,
    MouseButton, MouseEvent, MouseEventKind,
};

/// The widest and tallest terminal tried, so one frame stays small.
pub const MAX_WIDTH: u16 = 500;
pub const MAX_HEIGHT: u16 = 200;

/// One fuzz input.
#[derive(Arbitrary, Debug)]
pub struct Script {
    /// Which fixture configuration to start with; the high bit starts the
    /// kiosk in development mode.
    pub config: u8,
    /// Seconds from a Monday afternoon.
    pub start: i32,
    pub width: u16,
    pub height: u16,
    pub events: Vec<Event>,
}

#[derive(Arbitrary, Debug)]
pub enum Event {
    Key(Key),
    /// Each character typed as a key press.
    Type(String),
    Mouse {
        kind: Mouse,
        column: u16,
        row: u16,
        modifiers: u8,
    },
    Paste(String),
    Resize(u16, u16),
    /// The runtime's timer: a tick at the moment the app asked to be woken.
    Wake,
    /// Time passes before the next event (milliseconds).
    Wait(u32),
    /// The system clock is set forward or back by this many seconds, then
    /// the runtime ticks.
    Jump(i32),
    /// The runtime answers the oldest effect the app asked for.
    Answer(Answer),
    /// The front desk called this ticket (or nobody).
    NowServing(Option<u32>),
    /// Someone checked in elsewhere (another kiosk, the desk).
    External(Record),
    /// The content folder changed: which bundled slides are left (one bit
    /// each), and one more file, named like a bundled one or new.
    Deck {
        keep: u32,
        extra: Option<(u8, String)>,
    },
    /// `kiosk.toml` changed.
    Config(ConfigChange),
    /// The staff chord of the configuration.
    Chord,
    /// The staff PIN typed (right or with a wrong last digit), then Enter.
    Pin(bool),
    /// The chord, then the right PIN.
    Staff,
    /// Enter, then one of [`PATIENTS`]' answers, each followed by Enter.
    CheckIn(u8),
}

/// Answers that pass the check-in form (of the bundled configuration, and
/// the fixtures' longer form: names, date of birth, appointment time,
/// phone, the first letter of a visit type).
pub const PATIENTS: [[&str; 6]; 4] = [
    ["José", "García", "04/12/1961", "10:30", "7202429756", "N"],
    [
        "李小龙",
        "李",
        "11/27/1940",
        "9:05 AM",
        "(720) 242-9756",
        "R",
    ],
    [
        "Zoë",
        "O'Brien-Smith",
        "01/01/2000",
        "23:59",
        "720-242-9756",
        "F",
    ],
    ["Nguyễn Thị Minh Khai", "", "12/31/1999", "", "", "N"],
];

#[derive(Arbitrary, Debug)]
pub struct Key {
    pub code: Code,
    pub modifiers: u8,
    pub kind: u8,
}

#[derive(Arbitrary, Debug)]
pub enum Code {
    Backspace,
    Enter,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    Tab,
    BackTab,
    Delete,
    Insert,
    F(u8),
    Char(char),
    Ascii(u8),
    Null,
    Esc,
    CapsLock,
    ScrollLock,
    NumLock,
    PrintScreen,
    Pause,
    Menu,
    KeypadBegin,
    Media(u8),
    Modifier(u8),
}

#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Mouse {
    Down(u8),
    Up(u8),
    Drag(u8),
    Moved,
    ScrollDown,
    ScrollUp,
    ScrollLeft,
    ScrollRight,
}

/// How the runtime answers an effect.
#[derive(Arbitrary, Debug)]
pub struct Answer {
    /// 0: it worked; 1: it worked, but was a duplicate or changed by
    /// someone else; otherwise it failed with `problem`.
    pub result: u8,
    pub ticket: u32,
    pub problem: String,
}

/// A check-in in the fake database.
#[derive(Arbitrary, Debug)]
pub struct Record {
    pub minutes_ago: u16,
    pub status: u8,
    pub fields: Vec<(String, String)>,
}

#[derive(Arbitrary, Debug)]
pub enum ConfigChange {
    /// One of the fixture configurations.
    Fixture(u8),
    /// This text; with `header`, after a `[clinic]` table that makes the
    /// rest the only thing that can be wrong.
    Text { header: bool, text: String },
}

const MEDIA: [MediaKeyCode; 13] = [
    MediaKeyCode::Play,
    MediaKeyCode::Pause,
    MediaKeyCode::PlayPause,
    MediaKeyCode::Reverse,
    MediaKeyCode::Stop,
    MediaKeyCode::FastForward,
    MediaKeyCode::Rewind,
    MediaKeyCode::TrackNext,
    MediaKeyCode::TrackPrevious,
    MediaKeyCode::Record,
    MediaKeyCode::LowerVolume,
    MediaKeyCode::RaiseVolume,
    MediaKeyCode::MuteVolume,
];

const MODIFIER_KEYS: [ModifierKeyCode; 14] = [
    ModifierKeyCode::LeftShift,
    ModifierKeyCode::LeftControl,
    ModifierKeyCode::LeftAlt,
    ModifierKeyCode::LeftSuper,
    ModifierKeyCode::LeftHyper,
    ModifierKeyCode::LeftMeta,
    ModifierKeyCode::RightShift,
    ModifierKeyCode::RightControl,
    ModifierKeyCode::RightAlt,
    ModifierKeyCode::RightSuper,
    ModifierKeyCode::RightHyper,
    ModifierKeyCode::RightMeta,
    ModifierKeyCode::IsoLevel3Shift,
    ModifierKeyCode::IsoLevel5Shift,
];

fn pick<T: Copy>(items: &[T], i: u8) -> T {
    items[usize::from(i) % items.len()]
}

impl Code {
    pub fn key_code(&self) -> KeyCode {
        match *self {
            Self::Backspace => KeyCode::Backspace,
            Self::Enter => KeyCode::Enter,
            Self::Left => KeyCode::Left,
            Self::Right => KeyCode::Right,
            Self::Up => KeyCode::Up,
            Self::Down => KeyCode::Down,
            Self::Home => KeyCode::Home,
            Self::End => KeyCode::End,
            Self::PageUp => KeyCode::PageUp,
            Self::PageDown => KeyCode::PageDown,
            Self::Tab => KeyCode::Tab,
            Self::BackTab => KeyCode::BackTab,
            Self::Delete => KeyCode::Delete,
            Self::Insert => KeyCode::Insert,
            Self::F(n) => KeyCode::F(n),
            Self::Char(c) => KeyCode::Char(c),
            Self::Ascii(b) => KeyCode::Char(char::from(b & 0x7f)),
            Self::Null => KeyCode::Null,
            Self::Esc => KeyCode::Esc,
            Self::CapsLock => KeyCode::CapsLock,
            Self::ScrollLock => KeyCode::ScrollLock,
            Self::NumLock => KeyCode::NumLock,
            Self::PrintScreen => KeyCode::PrintScreen,
            Self::Pause => KeyCode::Pause,
            Self::Menu => KeyCode::Menu,
            Self::KeypadBegin => KeyCode::KeypadBegin,
            Self::Media(i) => KeyCode::Media(pick(&MEDIA, i)),
            Self::Modifier(i) => KeyCode::Modifier(pick(&MODIFIER_KEYS, i)),
        }
    }
}

impl Key {
    pub fn event(&self) -> KeyEvent {
        let kind = pick(
            &[
                KeyEventKind::Press,
                KeyEventKind::Press,
                KeyEventKind::Repeat,
                KeyEventKind::Release,
            ],
            self.kind,
        );
        KeyEvent::new_with_kind_and_state(
            self.code.key_code(),
            KeyModifiers::from_bits_truncate(self.modifiers),
            kind,
            KeyEventState::empty(),
        )
    }
}

/// A key press with no modifiers.
pub fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

impl Mouse {
    pub fn kind(self) -> MouseEventKind {
        let button = |b: u8| {
            pick(
                &[MouseButton::Left, MouseButton::Right, MouseButton::Middle],
                b,
            )
        };
        match self {
            Self::Down(b) => MouseEventKind::Down(button(b)),
            Self::Up(b) => MouseEventKind::Up(button(b)),
            Self::Drag(b) => MouseEventKind::Drag(button(b)),
            Self::Moved => MouseEventKind::Moved,
            Self::ScrollDown => MouseEventKind::ScrollDown,
            Self::ScrollUp => MouseEventKind::ScrollUp,
            Self::ScrollLeft => MouseEventKind::ScrollLeft,
            Self::ScrollRight => MouseEventKind::ScrollRight,
        }
    }
}

/// A mouse event; coordinates with the high bit clear land on the screen
/// (or just past its edge), the others anywhere.
pub fn mouse(kind: Mouse, column: u16, row: u16, modifiers: u8, size: (u16, u16)) -> MouseEvent {
    let place = |raw: u16, len: u16| {
        if raw & 0x8000 == 0 {
            raw % len.saturating_add(1).max(1)
        } else {
            raw
        }
    };
    MouseEvent {
        kind: kind.kind(),
        column: place(column, size.0),
        row: place(row, size.1),
        modifiers: KeyModifiers::from_bits_truncate(modifiers),
    }
}

/// A terminal size: with the high bit of a number set, anything up to the
/// limits (0×0 included); otherwise up to 160×50, the sizes screens have,
/// which keeps most frames small and the fuzzer fast.
pub fn size(width: u16, height: u16) -> (u16, u16) {
    let pick = |raw: u16, usual: u16, max: u16| {
        if raw & 0x8000 == 0 {
            raw % (usual + 1)
        } else {
            (raw & 0x7fff) % (max + 1)
        }
    };
    (pick(width, 160, MAX_WIDTH), pick(height, 50, MAX_HEIGHT))
}
