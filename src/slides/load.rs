//! Reading the content folder into a deck. A file that cannot be used
//! becomes a problem naming it; the rest of the deck still loads.

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use chrono::NaiveDate;

use super::{Slide, parse_slide};
use crate::diagnostic::Diagnostic;
use crate::i18n::english;

/// The largest slide file read; a slide is a screenful of text.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// The slides that loaded, in file-name order, and every problem found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deck {
    pub slides: Vec<Slide>,
    pub problems: Vec<Diagnostic>,
    /// Slides in other languages, each beside its slide:
    /// `070-low-back-pain.es.md` translates `070-low-back-pain.md`.
    pub translations: Vec<Translation>,
}

/// One slide's text in another language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Translation {
    /// The language code, e.g. `es`.
    pub lang: String,
    /// The file name of the slide it translates.
    pub of: String,
    /// The translated slide (its title, text, sources and QR code are
    /// shown; when and how long it shows come from the slide it translates).
    pub slide: Slide,
}

/// The slide file a translation's file name belongs to, and the language:
/// `070-low-back-pain.es.md` is (`070-low-back-pain.md`, `es`). A name is a
/// translation when the part before `.md` ends in a dot and a language code
/// of two or three lowercase letters.
pub fn translation_of(name: &str) -> Option<(String, String)> {
    let stem = name.strip_suffix(".md")?;
    let (base, lang) = stem.rsplit_once('.')?;
    let is_code = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
    (is_code && !base.is_empty()).then(|| (format!("{base}.md"), lang.to_string()))
}

impl Deck {
    /// The slide `file` in `lang`, if it has a translation.
    pub fn translation(&self, file: &str, lang: &str) -> Option<&Slide> {
        self.translations
            .iter()
            .find(|t| t.of == file && t.lang == lang)
            .map(|t| &t.slide)
    }

    /// The languages `file` is translated into.
    pub fn languages_of(&self, file: &str) -> Vec<&str> {
        self.translations
            .iter()
            .filter(|t| t.of == file)
            .map(|t| t.lang.as_str())
            .collect()
    }

    /// A warning for each slide whose `review_by` date is before `today`.
    pub fn warnings(&self, today: NaiveDate) -> Vec<Diagnostic> {
        self.slides
            .iter()
            .filter_map(|s| s.review_by.as_ref())
            .filter(|r| r.date < today)
            .map(|r| r.warning.clone())
            .collect()
    }

    /// A warning for each slide whose `reviewed` date is more than
    /// `months` months before `today`.
    pub fn stale_reviews(&self, today: NaiveDate, months: u32) -> Vec<Diagnostic> {
        self.slides
            .iter()
            .filter_map(|s| s.reviewed.as_ref()?.stale(today, months))
            .collect()
    }
}

/// The names of the slide files in `dir`: those ending in `.md` and not
/// hidden, in byte order.
pub(super) fn slide_names(dir: &Path) -> io::Result<Vec<OsString>> {
    let mut names: Vec<OsString> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name())
        .filter(|name| {
            let bytes = name.as_encoded_bytes();
            !bytes.starts_with(b".") && bytes.ends_with(b".md")
        })
        .collect();
    names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    Ok(names)
}

/// Loads every slide in `dir`.
pub fn load_deck(dir: &Path) -> Deck {
    let mut deck = Deck::default();
    let names = match slide_names(dir) {
        Ok(names) => names,
        Err(e) => {
            let label = dir.display().to_string();
            let message = format!("cannot read the slides folder: {e}");
            let help = "create the folder, or set content_dir in kiosk.toml to the folder that holds the slide files";
            deck.problems
                .push(Diagnostic::whole_file(&label, message).with_help(help));
            return deck;
        }
    };
    let inside = fs::canonicalize(dir).ok();
    for name in names {
        let path = dir.join(&name);
        let label = path.display().to_string();
        let parsed = stays_inside(&path, &label, inside.as_deref())
            .and_then(|()| read_slide(&path, &label))
            .map_err(|d| vec![*d])
            .and_then(|text| parse_slide(&name.to_string_lossy(), &label, &text));
        let translated = translation_of(&name.to_string_lossy());
        match (parsed, translated) {
            (Ok(slide), Some((of, lang))) => {
                deck.translations.push(Translation { lang, of, slide })
            }
            (Ok(slide), None) => deck.slides.push(slide),
            (Err(problems), _) => deck.problems.extend(problems),
        }
    }
    deck.problems.extend(orphans(&deck, dir));
    deck
}

/// A warning for each translation whose slide is not in the folder: it is
/// never shown.
fn orphans(deck: &Deck, dir: &Path) -> Vec<Diagnostic> {
    deck.translations
        .iter()
        .filter(|t| !deck.slides.iter().any(|s| s.file == t.of))
        .map(|t| {
            let label = dir.join(&t.slide.file).display().to_string();
            Diagnostic::whole_file(&label, format!("this translates {}, which is not in the folder", t.of))
                .with_help("a translation is shown in place of its slide: name it after the slide, e.g. 070-low-back-pain.es.md beside 070-low-back-pain.md")
                .warning()
        })
        .collect()
}

/// Refuses a link that leads out of the slides folder (`dir`, resolved):
/// the kiosk must never show, or echo in a problem, a file it was not
/// given as a slide. Links within the folder are followed.
fn stays_inside(path: &Path, label: &str, dir: Option<&Path>) -> Result<(), Box<Diagnostic>> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    match (fs::canonicalize(path), dir) {
        (Ok(target), Some(dir)) if target.starts_with(dir) => Ok(()),
        // A link to nothing is reported by read_slide.
        (Err(_), _) => Ok(()),
        _ => Err(Box::new(
            Diagnostic::whole_file(label, english().t("link-leads-out"))
                .with_help(english().t("link-leads-out-help")),
        )),
    }
}

/// The text of the slide file at `path`, or why it cannot be used: the
/// same checks and size limit for the kiosk, `kiosk check` and `kiosk
/// preview`.
pub fn read_slide(path: &Path, label: &str) -> Result<String, Box<Diagnostic>> {
    let problem = |message: String, help: &str| {
        Box::new(Diagnostic::whole_file(label, message).with_help(help))
    };
    let meta = fs::metadata(path).map_err(|e| Box::new(unreadable(path, label, &e)))?;
    if !meta.is_file() {
        return Err(problem(
            "this is not a slide file but a folder or device".into(),
            "slides are text files whose names end in .md; rename it or move it out of the folder",
        ));
    }
    let too_big = |len: u64| {
        problem(
            format!(
                "this slide file is {} KiB; a slide may be at most {} KiB",
                len.div_ceil(1024),
                MAX_FILE_BYTES / 1024
            ),
            "a slide is one screenful of text: shorten it or split it into several files",
        )
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Box::new(unreadable(path, label, &e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    check_text(label, bytes)
}

fn check_text(label: &str, bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        let help =
            "write the settings between +++ lines and then the slide's text, or delete the file";
        return Err(Box::new(
            Diagnostic::whole_file(label, "this slide file is empty").with_help(help),
        ));
    }
    if bytes.contains(&0) {
        let help =
            "slides are plain text saved as UTF-8; was a picture or document given a .md name?";
        return Err(Box::new(
            Diagnostic::whole_file(label, "this is not a text file").with_help(help),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        // Where the bad byte is, without echoing a file that may not be
        // text meant for anyone.
        Box::new(
            Diagnostic::new(
                label,
                &text,
                valid..valid + 1,
                "this file is not UTF-8 text",
            )
            .hiding_source()
            .with_help("save the file as UTF-8 in your text editor"),
        )
    })
}

fn unreadable(path: &Path, label: &str, e: &io::Error) -> Diagnostic {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        Diagnostic::whole_file(label, format!("this link leads nowhere: {e}")).with_help(
            "it may point at itself or at a missing file; remove it or point it at a slide file",
        )
    } else {
        Diagnostic::whole_file(label, format!("cannot read this slide: {e}"))
            .with_help("check that the kiosk's user may read the file")
    }
}
