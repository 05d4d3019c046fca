//! The showing slide's layout, kept between frames.
//!
//! Laying a slide out (Markdown, wrapping, pages, the QR code) costs far
//! more than drawing it, and the app needs the layout three times per
//! wake-up: to move the show on, to say when to wake next, and to draw.
//! The memo keeps the last one and hands it out again while the slide, the
//! placeholder values and the area are the same. It is a cache only: the
//! answer is always what [`SlideLayout::new`] would give.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::layout::Rect;

use crate::i18n::Words;
use crate::slides::{Slide, Vars};
use crate::ui::SlideLayout;

#[derive(Clone, Debug, Default)]
pub struct LayoutMemo(RefCell<Option<Entry>>);

#[derive(Clone, Debug)]
struct Entry {
    slide: Slide,
    vars: Vars,
    area: Rect,
    lang: String,
    layout: Rc<SlideLayout>,
}

// A panic while laying out leaves the previous entry in place (the new one
// is stored only once it is complete), so the memo is never seen half
// updated and the app stays safe to use after a caught panic.
impl std::panic::RefUnwindSafe for LayoutMemo {}
impl std::panic::UnwindSafe for LayoutMemo {}

impl LayoutMemo {
    /// The layout of `slide` with `vars` in `area`, made now only if the
    /// last one was for something else.
    pub fn get(&self, slide: &Slide, vars: Vars, area: Rect, w: Words<'_>) -> Rc<SlideLayout> {
        let mut memo = self.0.borrow_mut();
        if let Some(entry) = memo.as_ref()
            && entry.area == area
            && entry.lang == w.code()
            && entry.vars == vars
            && entry.slide == *slide
        {
            return Rc::clone(&entry.layout);
        }
        let layout = Rc::new(SlideLayout::new(slide, &vars, area, w));
        *memo = Some(Entry {
            slide: slide.clone(),
            vars,
            area,
            lang: w.code().to_string(),
            layout: Rc::clone(&layout),
        });
        layout
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::i18n::english;
    use crate::slides::parse_slide;

    fn slide(body: &str) -> Slide {
        let source = format!("+++\ntitle = \"A title\"\n+++\n{body}\n");
        parse_slide("a.md", "a.md", &source).expect("a valid slide")
    }

    fn vars(status: &str) -> Vars {
        Vars {
            clinic_name: "Clinic".into(),
            address: vec!["1 Main St".into()],
            phone: None,
            week: Vec::new(),
            status: status.into(),
        }
    }

    fn lines(layout: &SlideLayout) -> String {
        format!("{layout:?}")
    }

    #[test]
    fn the_same_inputs_give_the_same_layout_without_laying_out_again() {
        let memo = LayoutMemo::default();
        let s = slide("Some words.");
        let area = Rect::new(0, 0, 60, 20);
        let first = memo.get(&s, vars("Open"), area, english());
        let second = memo.get(&s, vars("Open"), area, english());
        assert!(Rc::ptr_eq(&first, &second));
    }

    #[test]
    fn any_change_lays_out_again_and_matches_a_fresh_layout() {
        let memo = LayoutMemo::default();
        let s = slide("Now {{status}}.");
        let area = Rect::new(0, 0, 60, 20);
        let first = memo.get(&s, vars("Open"), area, english());
        let cases = [
            (s.clone(), vars("Closed"), area),
            (s.clone(), vars("Closed"), Rect::new(0, 0, 30, 10)),
            (
                slide("Other words."),
                vars("Closed"),
                Rect::new(0, 0, 30, 10),
            ),
        ];
        let mut last = first;
        for (slide, vars, area) in cases {
            let got = memo.get(&slide, vars.clone(), area, english());
            assert!(!Rc::ptr_eq(&got, &last));
            assert_eq!(
                lines(&got),
                lines(&SlideLayout::new(&slide, &vars, area, english()))
            );
            last = got;
        }
    }
}
