//! Never a blank waiting room: the last good copy of the configuration and
//! slides is kept up to date while the kiosk runs; a broken `kiosk.toml` at
//! start runs on that copy; and with no copy at all, a calm set-up screen
//! shows until the file is fixed.

use std::io;
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{listen_for_input, listen_for_signals, terminal};
use crate::app::{App, Msg, merge_reload};
use crate::config::{Config, last_good};
use crate::diagnostic::Diagnostic;
use crate::i18n::english;
use crate::slides::{Deck, load_deck};
use crate::ui::theme;

/// How often the set-up screen looks at `kiosk.toml` again.
const RETRY_EVERY: Duration = Duration::from_secs(2);

/// The slides at start: those that load, and for each that has a problem,
/// its last good copy.
pub fn deck_with_copies(config: &Config, deck: Deck) -> Deck {
    if deck.problems.is_empty() {
        return deck;
    }
    let copies = load_deck(&last_good::content_folder(config));
    let kept = Deck {
        slides: copies.slides,
        problems: Vec::new(),
        translations: copies.translations,
    };
    merge_reload(&kept, deck)
}

/// Keeps the configuration and slides the app runs on as the last good
/// copy; a failure only goes to the log (the kiosk runs on regardless).
pub fn keep(config: &Config, deck: &Deck) {
    if let Err(e) = last_good::save(config, deck) {
        let folder = last_good::folder(config);
        tracing::warn!(
            "the last good copy could not be kept in {}: {e}",
            folder.display()
        );
    }
}

/// At start: on the last good copy, tell staff (log and staff screen)
/// what is wrong with the file; on a clean file, keep it as the copy.
pub fn at_start(app: &mut App, on_last_good: Option<(Vec<Diagnostic>, String)>) {
    let Some((problems, saved)) = on_last_good else {
        return keep(&app.config, &app.deck);
    };
    let note = english().f("staff-running-on-last-good", &[("saved", saved.into())]);
    tracing::warn!("{note}");
    for problem in &problems {
        tracing::warn!("{problem}");
    }
    app.problems.config = problems;
    app.problems.last_good = Some(note);
}

/// The clinic's name and phone, as far as a broken file gives them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SetUp {
    pub name: Option<String>,
    pub phone: Option<String>,
}

impl SetUp {
    /// What can be read of the file at `path`: a line that sets `name` or
    /// `phone` under `[clinic]`, even when the rest cannot be read.
    pub fn read(path: &Path) -> Self {
        let text = std::fs::read(path).unwrap_or_default();
        let text = String::from_utf8_lossy(&text);
        let mut out = Self::default();
        let mut in_clinic = false;
        for line in text.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                in_clinic = line == "[clinic]";
                continue;
            }
            let Some((key, value)) = line.split_once('=').filter(|_| in_clinic) else {
                continue;
            };
            let value = value.trim().trim_matches('"').trim();
            let value = (!value.is_empty()).then(|| crate::sanitize::printable(value));
            match key.trim() {
                "name" => out.name = out.name.take().or(value),
                "phone" => out.phone = out.phone.take().or(value),
                _ => {}
            }
        }
        out
    }
}

impl Widget for &SetUp {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut lines = Vec::new();
        if let Some(name) = &self.name {
            lines.push(Line::styled(name.clone(), theme::title()));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(english().t("setup-title"), theme::heading()));
        lines.push(Line::raw(english().t("setup-ask")));
        if let Some(phone) = &self.phone {
            lines.push(Line::raw(""));
            lines.push(Line::raw(phone.clone()));
        }
        let paragraph = Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true });
        let rows = u16::try_from(paragraph.line_count(area.width)).unwrap_or(u16::MAX);
        let [middle] = Layout::vertical([Constraint::Length(rows.min(area.height))])
            .flex(Flex::Center)
            .areas(area);
        paragraph.render(middle, buf);
    }
}

/// Shows the set-up screen until `kiosk.toml` at `path` loads (then returns
/// it) or the kiosk is told to stop (then `None`).
pub fn set_up_screen(path: &Path, dev: bool) -> io::Result<Option<Config>> {
    let (tx, rx) = mpsc::channel();
    listen_for_signals(tx.clone(), dev)?;
    terminal::install_panic_hook();
    let (mut term, output) = terminal::enter()?;
    let result = terminal::enable_input(&mut term).and_then(|()| {
        listen_for_input(tx);
        let mut shown = SetUp::read(path);
        let palette = terminal::palette();
        let draw = |f: &mut ratatui::Frame, shown: &SetUp| {
            f.render_widget(shown, f.area());
            palette.adapt(f.buffer_mut());
        };
        term.draw(|f| draw(f, &shown))?;
        loop {
            match rx.recv_timeout(RETRY_EVERY) {
                Ok(Msg::Shutdown) | Err(RecvTimeoutError::Disconnected) => return Ok(None),
                Ok(Msg::Resize(..)) => {}
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => {
                    if let Ok(config) = Config::load(path) {
                        return Ok(Some(config));
                    }
                    let now = SetUp::read(path);
                    if now == shown {
                        continue;
                    }
                    shown = now;
                }
            }
            term.draw(|f| draw(f, &shown))?;
        }
    });
    terminal::leave(&mut term, &output);
    result
}

#[cfg(test)]
#[allow(clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_name_and_phone_are_read_from_a_broken_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kiosk.toml");
        let text = "# ours\n[clinic]\nname = \"Lakewood Acupuncture\"\nphone = \"(720) 242-9756\"\n\
                    timezone = \"America/Denvr\n[hours]\nname = \"x\"\n";
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            SetUp::read(&path),
            SetUp {
                name: Some("Lakewood Acupuncture".into()),
                phone: Some("(720) 242-9756".into()),
            }
        );
        assert_eq!(SetUp::read(&dir.path().join("none.toml")), SetUp::default());
    }
}
