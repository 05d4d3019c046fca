//! Drawing into a `TestBackend`, and the checks on what was drawn or
//! printed.

use std::cell::RefCell;
use std::collections::HashMap;

use kiosk::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// A character that must never reach the terminal: C0 controls, DEL and
/// C1 controls.
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// Panics if a cell of `buf` holds a control character.
pub fn assert_clean_buffer(buf: &Buffer, what: &str) {
    for (i, cell) in buf.content.iter().enumerate() {
        let symbol = cell.symbol();
        if symbol.chars().any(is_control) {
            let width = usize::from(buf.area.width.max(1));
            panic!(
                "{what}: a control character was drawn at column {}, row {}: {symbol:?}",
                i % width,
                i / width
            );
        }
    }
}

/// Panics if `text` (printed to a terminal by the CLI) holds a control
/// character other than the line feed.
pub fn assert_clean_text(text: &str, what: &str) {
    if let Some(c) = text.chars().find(|&c| c != '\n' && is_control(c)) {
        panic!("{what}: control character {c:?} in {text:?}");
    }
}

/// A terminal of `width`×`height` cells.
pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a TestBackend never fails")
}

/// Draws `app` on a terminal of `width`×`height` kept for the process,
/// one per size (so a target drawing at several sizes does not resize a
/// terminal back and forth), and checks what was drawn.
pub fn draw_at(app: &App, (width, height): (u16, u16)) {
    thread_local! {
        static TERMINALS: RefCell<HashMap<(u16, u16), Terminal<TestBackend>>> =
            RefCell::new(HashMap::new());
    }
    TERMINALS.with_borrow_mut(|terminals| {
        let terminal = terminals
            .entry((width, height))
            .or_insert_with(|| self::terminal(width, height));
        draw(terminal, app, (width, height));
    });
}

/// Draws `app` as the runtime does, on a terminal now `width`×`height`,
/// and checks what was drawn.
pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App, (width, height): (u16, u16)) {
    let size = terminal.backend().buffer().area;
    if (size.width, size.height) != (width, height) {
        terminal.backend_mut().resize(width, height);
    }
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("a TestBackend never fails");
    assert_clean_buffer(terminal.backend().buffer(), "the kiosk's screen");
}
