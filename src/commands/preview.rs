//! `kiosk preview FILE`: a slide drawn as the kiosk would, as plain text.

use std::path::Path;

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::buffer_text;
use crate::app::App;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::i18n::num;
use crate::slides::{Deck, Translation, parse_slide, read_slide, translation_of};

/// Every page of the slide in `file` on a `width`×`height` screen, or what
/// is wrong with the file.
pub fn preview(
    config: &Config,
    file: &Path,
    (width, height): (u16, u16),
    at: DateTime<Utc>,
    (catalog, lang): (std::sync::Arc<crate::i18n::Catalog>, &str),
) -> Result<String, Vec<Diagnostic>> {
    let label = file.display().to_string();
    // The kiosk's own reading: the same size limit and checks.
    let text = read_slide(file, &label).map_err(|d| vec![*d])?;
    let name = file
        .file_name()
        .map_or(label.clone(), |n| n.to_string_lossy().into_owned());
    let slide = parse_slide(&name, &label, &text)?;
    let translations = translation_beside(file, &name, lang)?;
    let deck = Deck {
        slides: vec![slide],
        translations,
        ..Deck::default()
    };
    let mut app = App::new(config.clone(), at, false)
        .with_catalog(catalog)
        .with_size(width, height);
    app.set_language(lang);
    app.deck = deck;
    app.show.slide = Some(0);
    let pages = app.slide_layout().map_or(1, |l| l.pages());
    let mut out = String::new();
    for page in 0..pages {
        app.show.page = page;
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        (&app).render(area, &mut buf);
        if pages > 1 {
            let page_of = app.words().f(
                "slides-page-of",
                &[("page", num(page + 1)), ("pages", num(pages))],
            );
            out.push_str(&format!("── {page_of} ──\n"));
        }
        out.push_str(&buffer_text(&buf));
    }
    Ok(out)
}

/// The translation of the slide `name` into `lang` from beside `file`
/// (`070-low-back-pain.es.md`), if there is one.
fn translation_beside(
    file: &Path,
    name: &str,
    lang: &str,
) -> Result<Vec<Translation>, Vec<Diagnostic>> {
    let Some(stem) = name.strip_suffix(".md") else {
        return Ok(Vec::new());
    };
    let path = file.with_file_name(format!("{stem}.{lang}.md"));
    if translation_of(name).is_some() || !path.is_file() {
        return Ok(Vec::new());
    }
    let label = path.display().to_string();
    let text = read_slide(&path, &label).map_err(|d| vec![*d])?;
    let slide = parse_slide(&format!("{stem}.{lang}.md"), &label, &text)?;
    Ok(vec![Translation {
        lang: lang.to_string(),
        of: name.to_string(),
        slide,
    }])
}
