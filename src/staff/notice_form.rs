//! The staff screen's notice form: the notice's words, from when, until
//! when, and whether it closes the clinic. Pure: keys in, state out; times
//! are read as the next time that clock time comes, so the form can say
//! which day it means ("until 9:00 AM tomorrow").

use chrono::{Duration, NaiveDateTime, NaiveTime, Timelike};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::checkin::parse_time;
use crate::hours::{NOTICE_MAX_CHARS, Notice};
use crate::i18n::num;
use crate::sanitize::is_unsafe;

/// The form's parts, in the order Tab visits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Text,
    From,
    Until,
    Closes,
    Save,
}

impl Part {
    fn next(self) -> Self {
        match self {
            Self::Text => Self::From,
            Self::From => Self::Until,
            Self::Until => Self::Closes,
            Self::Closes => Self::Save,
            Self::Save => Self::Text,
        }
    }

    fn back(self) -> Self {
        match self {
            Self::Text => Self::Save,
            Self::From => Self::Text,
            Self::Until => Self::From,
            Self::Closes => Self::Until,
            Self::Save => Self::Closes,
        }
    }
}

/// What a key did to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormEvent {
    Ignored,
    Changed,
    /// A character was refused: the text is full.
    Full,
    Cancel,
    /// The notice as typed, ready to save.
    Save(Notice),
}

/// The form as typed so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeForm {
    pub text: String,
    pub from: String,
    pub until: String,
    pub closes: bool,
    pub focus: Part,
    /// Why the last attempt to save was refused, or that a key was.
    pub problem: Option<String>,
    /// The language staff read it in (`staff_language`).
    pub lang: String,
}

impl Default for NoticeForm {
    fn default() -> Self {
        Self {
            text: String::new(),
            from: String::new(),
            until: String::new(),
            closes: false,
            focus: Part::Text,
            problem: None,
            lang: crate::i18n::BASE.to_string(),
        }
    }
}

/// A typed clock time as the next moment at or after `now` that it shows
/// (a time already past today means tomorrow).
pub fn next_at(time: NaiveTime, now: NaiveDateTime) -> NaiveDateTime {
    let today = now.date().and_time(time);
    if today >= now.with_second(0).unwrap_or(now) {
        today
    } else {
        today + Duration::days(1)
    }
}

impl NoticeForm {
    /// Characters typed in the notice.
    /// A message in the form's language.
    fn say(&self, id: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        crate::i18n::built_in().words(&self.lang).f(id, args)
    }

    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }

    /// Applies a key, with the clinic's wall-clock time `now`.
    pub fn key(&mut self, key: KeyEvent, now: NaiveDateTime) -> FormEvent {
        if key.kind == KeyEventKind::Release {
            return FormEvent::Ignored;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return FormEvent::Cancel,
            KeyCode::Tab | KeyCode::Down => self.focus = self.focus.next(),
            KeyCode::BackTab | KeyCode::Up => self.focus = self.focus.back(),
            KeyCode::Enter if self.focus == Part::Save || self.focus == Part::Until => {
                return self.submit(now);
            }
            KeyCode::Enter => self.focus = self.focus.next(),
            KeyCode::Char(' ') if self.focus == Part::Closes => self.closes = !self.closes,
            KeyCode::Char('y' | 'Y') if self.focus == Part::Closes => self.closes = true,
            KeyCode::Char('n' | 'N') if self.focus == Part::Closes => self.closes = false,
            KeyCode::Backspace => {
                self.field_mut().map(String::pop);
            }
            KeyCode::Char(c) if !ctrl && !is_unsafe(c) => return self.type_char(c),
            _ => return FormEvent::Ignored,
        }
        self.problem = None;
        FormEvent::Changed
    }

    fn field_mut(&mut self) -> Option<&mut String> {
        match self.focus {
            Part::Text => Some(&mut self.text),
            Part::From => Some(&mut self.from),
            Part::Until => Some(&mut self.until),
            Part::Closes | Part::Save => None,
        }
    }

    fn type_char(&mut self, c: char) -> FormEvent {
        let full = match self.focus {
            Part::Text => self.chars() >= NOTICE_MAX_CHARS,
            Part::From | Part::Until => self.field_mut().is_some_and(|f| f.chars().count() >= 12),
            Part::Closes | Part::Save => return FormEvent::Ignored,
        };
        if full {
            self.problem = Some(self.say("notice-form-full", &[("max", num(NOTICE_MAX_CHARS))]));
            return FormEvent::Full;
        }
        if let Some(field) = self.field_mut() {
            field.push(c);
        }
        self.problem = None;
        FormEvent::Changed
    }

    /// When it starts and ends, as typed so far, or why that cannot be
    /// read. A blank `from` is now.
    pub fn span(&self, now: NaiveDateTime) -> Result<(NaiveDateTime, NaiveDateTime), String> {
        let from = match self.from.trim() {
            "" => now,
            text => next_at(
                parse_time(text).ok_or_else(|| self.say("notice-form-bad-time", &[]))?,
                now,
            ),
        };
        let until = match self.until.trim() {
            "" => return Err(self.say("notice-form-need-until", &[])),
            text => parse_time(text).ok_or_else(|| self.say("notice-form-bad-time", &[]))?,
        };
        let until = next_at(until, from);
        if until <= from {
            return Err(self.say("notice-form-ends-first", &[]));
        }
        Ok((from, until))
    }

    /// The span in words: `Shows from now until 9:00 AM tomorrow`.
    pub fn span_words(&self, now: NaiveDateTime) -> Result<String, String> {
        let (from, until) = self.span(now)?;
        let catalog = crate::i18n::built_in();
        let w = catalog.words(&self.lang);
        let words = |t: NaiveDateTime| {
            let tomorrow = if t.date() > now.date() { "yes" } else { "no" };
            w.f(
                "notice-form-time-day",
                &[
                    ("time", w.time(t.hour(), t.minute()).into()),
                    ("tomorrow", tomorrow.into()),
                ],
            )
        };
        let until = words(until);
        Ok(if self.from.trim().is_empty() {
            w.f("notice-form-span-now", &[("until", until.into())])
        } else {
            w.f(
                "notice-form-span",
                &[("from", words(from).into()), ("until", until.into())],
            )
        })
    }

    fn submit(&mut self, now: NaiveDateTime) -> FormEvent {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            self.problem = Some(self.say("notice-form-need-text", &[]));
            self.focus = Part::Text;
            return FormEvent::Changed;
        }
        match self.span(now) {
            Ok((from, until)) => FormEvent::Save(Notice {
                text,
                from,
                until,
                closes: self.closes,
            }),
            Err(problem) => {
                self.problem = Some(problem);
                FormEvent::Changed
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::english;
    use chrono::NaiveDate;

    fn wall(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn type_text(form: &mut NoticeForm, text: &str, now: NaiveDateTime) {
        for c in text.chars() {
            form.key(key(KeyCode::Char(c)), now);
        }
    }

    #[test]
    fn a_notice_is_typed_and_saved_with_the_day_it_means() {
        let now = wall(16, 30);
        let mut form = NoticeForm::default();
        type_text(&mut form, "Closed  due to snow", now);
        form.key(key(KeyCode::Tab), now);
        form.key(key(KeyCode::Tab), now);
        type_text(&mut form, "9:00", now);
        assert_eq!(
            form.span_words(now),
            Ok("Shows from now until 9:00 AM tomorrow".to_string())
        );
        form.key(key(KeyCode::Tab), now);
        form.key(key(KeyCode::Char(' ')), now);
        form.key(key(KeyCode::Tab), now);
        let saved = form.key(key(KeyCode::Enter), now);
        assert_eq!(
            saved,
            FormEvent::Save(Notice {
                text: "Closed due to snow".into(),
                from: now,
                until: wall(9, 0) + Duration::days(1),
                closes: true,
            })
        );
    }

    #[test]
    fn a_time_later_today_is_today_and_from_counts_too() {
        let now = wall(8, 0);
        let form = NoticeForm {
            text: "Late".into(),
            from: "9".into(),
            until: "11:30 am".into(),
            ..NoticeForm::default()
        };
        assert_eq!(
            form.span_words(now),
            Ok("Shows from 9:00 AM today until 11:30 AM today".to_string())
        );
        let night = NoticeForm {
            from: "10 pm".into(),
            until: "2:00".into(),
            ..form
        };
        assert_eq!(
            night.span_words(now),
            Ok("Shows from 10:00 PM today until 2:00 AM tomorrow".to_string())
        );
    }

    #[test]
    fn too_long_is_refused_with_the_limit_and_nothing_is_cut() {
        let now = wall(8, 0);
        let mut form = NoticeForm::default();
        type_text(&mut form, &"a".repeat(NOTICE_MAX_CHARS), now);
        assert_eq!(form.chars(), NOTICE_MAX_CHARS);
        assert_eq!(form.key(key(KeyCode::Char('b')), now), FormEvent::Full);
        assert_eq!(form.chars(), NOTICE_MAX_CHARS);
        assert_eq!(form.problem, Some("Full: 160 characters at most".into()));
    }

    #[test]
    fn control_and_direction_characters_are_never_typed() {
        let now = wall(8, 0);
        let mut form = NoticeForm::default();
        type_text(&mut form, "a\u{9b}\u{202e}\u{1b}b", now);
        assert_eq!(form.text, "ab");
    }

    #[test]
    fn saving_without_words_or_an_end_says_what_is_missing() {
        let now = wall(8, 0);
        let mut form = NoticeForm {
            focus: Part::Save,
            ..NoticeForm::default()
        };
        assert_eq!(form.key(key(KeyCode::Enter), now), FormEvent::Changed);
        assert_eq!(
            form.problem.as_deref(),
            Some(english().t("notice-form-need-text").as_str())
        );
        form.text = "Late".into();
        form.focus = Part::Save;
        form.key(key(KeyCode::Enter), now);
        assert_eq!(
            form.problem.as_deref(),
            Some(english().t("notice-form-need-until").as_str())
        );
        form.until = "25:00".into();
        form.key(key(KeyCode::Enter), now);
        assert_eq!(
            form.problem.as_deref(),
            Some(english().t("notice-form-bad-time").as_str())
        );
        assert_eq!(form.key(key(KeyCode::Esc), now), FormEvent::Cancel);
    }

    #[test]
    fn the_form_speaks_staff_language() {
        let now = wall(10, 0);
        let mut form = NoticeForm {
            lang: "es".into(),
            focus: Part::Save,
            ..NoticeForm::default()
        };
        form.key(key(KeyCode::Enter), now);
        assert_eq!(form.problem.as_deref(), Some("Escriba primero el aviso."));
        form.until = "11:00".into();
        assert_eq!(
            form.span_words(now).as_deref(),
            Ok("Se muestra desde ahora hasta 11:00 a. m. de hoy")
        );
    }
}
