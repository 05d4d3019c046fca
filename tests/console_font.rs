//! Every character the kiosk can draw is in the console font its unit
//! loads. The Linux console shows a character its font lacks as a diamond
//! or a blank, so a missing block shape ruins a QR code or a large title.
//!
//! The font is the one `deploy/kiosk.service` names on its `setfont` line
//! (a PSF2 or PSF1 file, gzip-compressed or not); its unicode table is
//! read. The characters are gathered from:
//! - every snapshot of a whole screen (`tests/**/snapshots/*.snap`), at
//!   every size and in every language snapshotted;
//! - every bundled slide (`content/*.md`), the bundled `kiosk.toml`'s
//!   words, and the message files (`locales/**/*.ftl`) if there are any;
//! - every string and character literal in the program's own code
//!   (`src/`, tests left out): symbols, keyboard letters, words;
//! - what the drawing crates draw for the program: the large letters at
//!   every pixel size `src/` uses, the frame of every border type it uses,
//!   and a QR code.
//!
//! Characters two cells wide (Chinese, Japanese, Korean) fit in no console
//! font: they may reach the screen only from what a person types (a name,
//! in the snapshots' test data), never from the kiosk's own words, slides,
//! settings or code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use kiosk::ui::qr::Qr;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Widget};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthChar;

/// The most glyphs a console font can have.
const CONSOLE_MAX_GLYPHS: usize = 512;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The font file `deploy/kiosk.service` loads, in this repository.
fn unit_font() -> PathBuf {
    let unit = std::fs::read_to_string(root().join("deploy/kiosk.service")).unwrap();
    let line = unit
        .lines()
        .find(|l| l.starts_with("ExecStartPre=") && l.contains("/setfont "))
        .expect("kiosk.service loads no console font");
    let font = line.split_whitespace().last().unwrap();
    let file = font
        .strip_prefix("/opt/kiosk/")
        .unwrap_or_else(|| panic!("{font} is not a file the kiosk ships (/opt/kiosk/…)"));
    root().join("deploy").join(file)
}

/// A console font: how many glyphs, their size, and the characters its
/// unicode table maps to them.
struct Font {
    glyphs: usize,
    width: u32,
    height: u32,
    chars: BTreeSet<char>,
}

fn read_font(path: &Path) -> Font {
    let raw = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let data = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        raw
    };
    parse_psf(&data).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_psf(data: &[u8]) -> Result<Font, String> {
    let u32_at = |i: usize| -> Result<u32, String> {
        data.get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .ok_or_else(|| "cut short".to_string())
    };
    if data.starts_with(&[0x72, 0xb5, 0x4a, 0x86]) {
        let (header, flags, count, size) = (u32_at(8)?, u32_at(12)?, u32_at(16)?, u32_at(20)?);
        let (height, width) = (u32_at(24)?, u32_at(28)?);
        if flags & 1 == 0 {
            return Err("a PSF2 font without a unicode table".into());
        }
        let start = header as usize + count as usize * size as usize;
        let table = data.get(start..).ok_or("cut short")?;
        let mut chars = BTreeSet::new();
        let entries: Vec<&[u8]> = table.split(|&b| b == 0xff).collect();
        if entries.len() <= count as usize {
            return Err(format!(
                "{} table entries for {count} glyphs",
                entries.len() - 1
            ));
        }
        for entry in &entries[..count as usize] {
            // Single characters come before the first 0xFE; after it,
            // sequences (a letter with combining marks), which the kiosk
            // never sends.
            let singles = entry.split(|&b| b == 0xfe).next().unwrap_or(&[]);
            let text = std::str::from_utf8(singles).map_err(|e| e.to_string())?;
            chars.extend(text.chars());
        }
        Ok(Font {
            glyphs: count as usize,
            width,
            height,
            chars,
        })
    } else if data.starts_with(&[0x36, 0x04]) {
        let (mode, height) = (data[2], data[3]);
        let count = if mode & 1 != 0 { 512 } else { 256 };
        if mode & 2 == 0 {
            return Err("a PSF1 font without a unicode table".into());
        }
        let start = 4 + count * usize::from(height);
        let table = data.get(start..).ok_or("cut short")?;
        let mut chars = BTreeSet::new();
        let mut in_sequence = false;
        for pair in table.chunks_exact(2) {
            match u16::from_le_bytes([pair[0], pair[1]]) {
                0xffff => in_sequence = false,
                0xfffe => in_sequence = true,
                v if !in_sequence => chars.extend(char::from_u32(u32::from(v))),
                _ => {}
            }
        }
        Ok(Font {
            glyphs: count,
            width: 8,
            height: u32::from(height),
            chars,
        })
    } else {
        Err("not a PSF font".into())
    }
}

/// Every character to check, with the places it was found.
#[derive(Default)]
struct Found(BTreeMap<char, Vec<String>>);

impl Found {
    fn add(&mut self, text: &str, place: &str) {
        for c in text.chars().filter(|c| !c.is_control()) {
            let places = self.0.entry(c).or_default();
            if places.last().is_none_or(|p| p != place) {
                places.push(place.to_string());
            }
        }
    }
}

fn files(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, keep, out);
        } else if keep(&path) {
            out.push(path);
        }
    }
}

fn ends_with(suffix: &'static str) -> impl Fn(&Path) -> bool {
    move |p: &Path| p.to_string_lossy().ends_with(suffix)
}

/// The screens, without insta's header.
fn gather_snapshots(found: &mut Found) -> usize {
    let mut snaps = Vec::new();
    files(&root().join("tests"), &ends_with(".snap"), &mut snaps);
    for path in &snaps {
        let text = std::fs::read_to_string(path).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        found.add(body, &relative(path));
    }
    snaps.len()
}

fn gather_words(found: &mut Found) -> usize {
    let mut paths = Vec::new();
    files(&root().join("content"), &ends_with(".md"), &mut paths);
    files(&root().join("locales"), &ends_with(".ftl"), &mut paths);
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        // A message file's comments (lines starting with #) are notes for
        // translators, never drawn.
        let drawn: String = if path.extension().is_some_and(|e| e == "ftl") {
            text.lines()
                .filter(|l| !l.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            text
        };
        found.add(&drawn, &relative(path));
    }
    // The clinic's name, address, notices… as the bundled settings have them.
    fn strings(value: &toml::Value, out: &mut Vec<String>) {
        match value {
            toml::Value::String(s) => out.push(s.clone()),
            toml::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            toml::Value::Table(t) => t.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let settings: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("kiosk.toml")).unwrap()).unwrap();
    let mut words = Vec::new();
    strings(&settings, &mut words);
    found.add(&words.join(" "), "kiosk.toml");
    paths.len()
}

/// The string and character literals of Rust source, comments left out.
fn literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let at = |k: usize| chars.get(k).copied().unwrap_or('\0');
        match chars[i] {
            '/' if at(i + 1) == '/' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if at(i + 1) == '*' => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' if (at(i + 1) == '"' || at(i + 1) == '#')
                && !at(i.wrapping_sub(1)).is_alphanumeric() =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while at(j) == '#' {
                    hashes += 1;
                    j += 1;
                }
                if at(j) != '"' {
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[j + 1..].iter().collect();
                let end = rest.find(&close).unwrap_or(rest.len());
                out.push_str(&rest[..end]);
                out.push('\n');
                i = j + 1 + rest[..end].chars().count() + close.chars().count();
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    } else {
                        out.push(chars[i]);
                    }
                    i += 1;
                }
                out.push('\n');
                i += 1;
            }
            '\'' if at(i + 1) == '\\' => {
                // An escaped character literal: '\n', '\'', '\u{301}'.
                let mut j = i + 3;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
            }
            '\'' if at(i + 2) == '\'' => {
                out.push(at(i + 1));
                i += 3;
            }
            _ => i += 1,
        }
    }
    out
}

/// Where the file's inline test module (`#[cfg(test)] mod tests {`, last
/// by custom) begins, or its end.
fn test_module_start(text: &str) -> usize {
    text.match_indices("#[cfg(test)]")
        .map(|(i, attr)| i + attr.len())
        .find(|&after| {
            let mut rest = text[after..].trim_start();
            // Other attributes may come between: #[allow(…)].
            while rest.starts_with("#[") {
                rest = rest.split_once(']').map_or("", |(_, r)| r).trim_start();
            }
            rest.strip_prefix("mod ").is_some_and(|r| {
                r.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_')
                    .trim_start()
                    .starts_with('{')
            })
        })
        .map_or(text.len(), |after| after - "#[cfg(test)]".len())
}

/// The literals of the program's own code: test modules and test files
/// left out.
fn gather_code(found: &mut Found) -> String {
    let mut sources = Vec::new();
    files(&root().join("src"), &ends_with(".rs"), &mut sources);
    let mut code = String::new();
    for path in &sources {
        let name = path.file_name().unwrap().to_string_lossy();
        // tests.rs, tests_day.rs, markdown_tests.rs…: test modules.
        if name.starts_with("tests") || name.ends_with("_tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let program = &text[..test_module_start(&text)];
        found.add(&literals(program), &relative(path));
        code.push_str(program);
    }
    code
}

/// The names after `prefix` (`PixelSize::`) in `code`.
fn variants(code: &str, prefix: &str) -> BTreeSet<String> {
    code.match_indices(prefix)
        .map(|(i, _)| {
            code[i + prefix.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect()
        })
        .collect()
}

fn symbols(buf: &Buffer) -> String {
    buf.content.iter().map(|c| c.symbol()).collect()
}

/// What the drawing crates draw for the kiosk, drawn here.
fn gather_widgets(found: &mut Found, code: &str) {
    // Every letter the large titles, signs and digits could be asked for.
    let sample: String = (' '..='~').chain('¡'..='ÿ').collect();
    for name in variants(code, "PixelSize::") {
        let size = match name.as_str() {
            "Full" => PixelSize::Full,
            "HalfHeight" => PixelSize::HalfHeight,
            "HalfWidth" => PixelSize::HalfWidth,
            "Quadrant" => PixelSize::Quadrant,
            "ThirdHeight" => PixelSize::ThirdHeight,
            "Sextant" => PixelSize::Sextant,
            "QuarterHeight" => PixelSize::QuarterHeight,
            "Octant" => PixelSize::Octant,
            other => panic!("src/ uses PixelSize::{other}: add it here"),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 8 * 200, 8));
        BigText::builder()
            .pixel_size(size)
            .lines(vec![Line::raw(sample.clone())])
            .build()
            .render(buf.area, &mut buf);
        found.add(&symbols(&buf), &format!("large letters, PixelSize::{name}"));
    }
    let mut kinds = variants(code, "BorderType::");
    kinds.insert("Plain".into()); // the default of Block::bordered()
    for name in kinds {
        let kind = match name.as_str() {
            "Plain" => BorderType::Plain,
            "Rounded" => BorderType::Rounded,
            "Double" => BorderType::Double,
            "Thick" => BorderType::Thick,
            "QuadrantInside" => BorderType::QuadrantInside,
            "QuadrantOutside" => BorderType::QuadrantOutside,
            other => panic!("src/ uses BorderType::{other}: add it here"),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 4));
        Block::default()
            .borders(Borders::ALL)
            .border_type(kind)
            .render(buf.area, &mut buf);
        found.add(&symbols(&buf), &format!("frames, BorderType::{name}"));
    }
    let qr = Qr::new("tel:+17202429756").unwrap();
    let mut buf = Buffer::empty(Rect::new(0, 0, 40, 20));
    (&qr).render(buf.area, &mut buf);
    found.add(&symbols(&buf), "QR code");
}

/// Everything the kiosk can draw, and how many files were read.
fn everything() -> (Found, usize, usize) {
    let mut found = Found::default();
    let snapshots = gather_snapshots(&mut found);
    let words = gather_words(&mut found);
    let code = gather_code(&mut found);
    gather_widgets(&mut found, &code);
    (found, snapshots, words)
}

/// Found only on screens, where it came from a name typed in the test.
fn typed_only(places: &[String]) -> bool {
    places.iter().all(|p| p.ends_with(".snap"))
}

/// The characters `font` lacks, each with where it was found.
fn missing(found: &Found, font: &BTreeSet<char>) -> Vec<String> {
    found
        .0
        .iter()
        .filter(|(c, _)| **c != ' ' && !font.contains(c))
        .filter(|(c, places)| !(c.width() == Some(2) && typed_only(places)))
        .map(|(c, places)| {
            let more = places.len().saturating_sub(3);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!(
                "  U+{:04X} {c:?} in {}{more}",
                u32::from(*c),
                places[..places.len().min(3)].join(", ")
            )
        })
        .collect()
}

#[test]
fn the_unit_loads_a_console_font_that_fits_the_console() {
    let path = unit_font();
    let font = read_font(&path);
    // The kernel's framebuffer console takes exactly 256 or 512 glyphs.
    assert!(
        font.glyphs == 256 || font.glyphs == CONSOLE_MAX_GLYPHS,
        "{}: {} glyphs, the console takes 256 or {CONSOLE_MAX_GLYPHS}",
        path.display(),
        font.glyphs
    );
    // Large: 16x32 gives 120x33 cells on a 1920x1080 screen.
    assert_eq!((font.width, font.height), (16, 32));
    // The replacement sign, for whatever a patient's name brings.
    assert!(font.chars.contains(&'\u{FFFD}'));
    // The package installs the same file.
    let packaged =
        std::fs::read_to_string(root().join("deploy/debian/systemd/kiosk.service")).unwrap();
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(packaged.contains(&format!("setfont -C /dev/tty1 /usr/share/kiosk/{name}")));
}

#[test]
fn every_character_the_kiosk_draws_is_in_the_console_font() {
    let path = unit_font();
    let font = read_font(&path);
    let (found, snapshots, words) = everything();
    // The gathering itself found what it must: screens, slides, the QR
    // code's and large letters' blocks, the symbols in the code.
    assert!(snapshots >= 100, "only {snapshots} snapshots read");
    assert!(words >= 20, "only {words} slide and message files read");
    for c in [
        '▀', '▄', '█', '▘', '▟', '━', '┏', '─', '○', '●', '✓', 'ñ', 'é', '–',
    ] {
        assert!(found.0.contains_key(&c), "{c:?} was not gathered");
    }
    let lacking = missing(&found, &font.chars);
    assert!(
        lacking.is_empty(),
        "the console font {} lacks {} characters the kiosk draws:\n{}",
        relative(&path),
        lacking.len(),
        lacking.join("\n")
    );
}

#[test]
fn the_console_font_has_all_spanish_needs() {
    let font = read_font(&unit_font());
    let spanish = "áéíóúüñÁÉÍÓÚÜÑ¿¡«»“”‘’–—…·€";
    let lacking: String = spanish
        .chars()
        .filter(|c| !font.chars.contains(c))
        .collect();
    assert!(lacking.is_empty(), "lacks {lacking}");
}

#[test]
fn the_check_names_what_a_font_lacks_and_where() {
    let (found, ..) = everything();
    let mut font: BTreeSet<char> = found.0.keys().copied().collect();
    font.remove(&'▀');
    font.remove(&'李');
    let lacking = missing(&found, &font);
    assert_eq!(lacking.len(), 1, "{lacking:?}");
    assert!(
        lacking[0].starts_with("  U+2580 '▀' in tests/") && lacking[0].contains(" more"),
        "{lacking:?}"
    );
    // A wide character in the kiosk's own words is not let off.
    let mut found = found;
    found.add("李", "content/000-welcome.md");
    assert_eq!(missing(&found, &font).len(), 2);
}

#[test]
fn literals_are_read_without_comments() {
    let code = "let a = \"▀ x\"; // ○ not this\n/* ● nor this */ let b = '✓'; let c = r#\"é\"#; \
                fn f<'a>() {} let q = '\\''; let d = '\\\"'; /// ● \"not\" 李\n let e = \"ñ\";";
    assert_eq!(literals(code), "▀ x\n✓é\nñ\n");
}

#[test]
fn only_inline_test_modules_are_left_out() {
    let text = "#[cfg(test)]\nmod tests_day;\nconst A: &str = \"○\";\n#[cfg(test)]\n#[allow(x)]\nmod tests {\n const B: &str = \"李\"; }";
    assert_eq!(literals(&text[..test_module_start(text)]), "○\n");
    assert_eq!(test_module_start("no tests"), 8);
}

#[test]
fn psf1_fonts_are_read_too() {
    let mut data = vec![0x36, 0x04, 0x02, 1];
    data.extend(std::iter::repeat_n(0u8, 256));
    for glyph in 0..256u16 {
        if glyph == 65 {
            data.extend_from_slice(&0x41u16.to_le_bytes());
            data.extend_from_slice(&0x2580u16.to_le_bytes());
        }
        data.extend_from_slice(&0xffffu16.to_le_bytes());
    }
    let font = parse_psf(&data).unwrap();
    assert_eq!((font.glyphs, font.width, font.height), (256, 8, 1));
    assert_eq!(font.chars, BTreeSet::from(['A', '▀']));
}
