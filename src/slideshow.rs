//! Which slide and page is showing, and when it moves on.
//!
//! Pure: the caller says which slides are eligible right now, how many pages
//! the current one has at this screen size, and what time it is.

use chrono::{DateTime, Duration, Utc};

/// How long a touch or key holds the slideshow still.
pub const PAUSE: Duration = Duration::seconds(60);

/// How often the progress bar under a slide moves on. It moves in whole
/// steps, not cell by cell: each step is a wake-up, a redraw and a write to
/// the terminal, and a kiosk that runs all year should do as few of those
/// as it can while still showing how long the page has left.
pub const BAR_STEP: Duration = Duration::seconds(5);

/// The slideshow's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slideshow {
    /// Index of the showing slide in the deck; `None` shows the clinic slide
    /// (used when no slide is eligible, so the screen is never blank).
    pub slide: Option<usize>,
    pub page: usize,
    /// When the current page's time began. A touch moves this into the
    /// future, which is how a pause works: until then the page holds still.
    pub page_started: DateTime<Utc>,
}

impl Slideshow {
    pub fn new(eligible: &[usize], now: DateTime<Utc>) -> Self {
        Self {
            slide: eligible.first().copied(),
            page: 0,
            page_started: now,
        }
    }

    /// When the current page should give way, for a page shown `duration`.
    pub fn page_end(&self, duration: Duration) -> DateTime<Utc> {
        self.page_started + duration
    }

    /// Whether a touch is holding the slideshow still.
    pub fn is_paused(&self, now: DateTime<Utc>) -> bool {
        self.page_started > now
    }

    /// The share of the current page's time that has passed, 0.0 to 1.0,
    /// counted in whole [`BAR_STEP`]s.
    pub fn progress(&self, duration: Duration, now: DateTime<Utc>) -> f64 {
        let total = duration.num_milliseconds().max(1);
        let step = BAR_STEP.num_milliseconds();
        let done = (now - self.page_started).num_milliseconds().max(0);
        let done = done / step * step;
        (done as f64 / total as f64).clamp(0.0, 1.0)
    }

    /// When the progress bar next moves on: the next whole [`BAR_STEP`]
    /// after `now`, or the page's end if that comes first.
    pub fn next_step(&self, duration: Duration, now: DateTime<Utc>) -> DateTime<Utc> {
        let end = self.page_end(duration);
        if self.is_paused(now) {
            return self.page_started;
        }
        let step = BAR_STEP.num_milliseconds();
        let steps_done = (now - self.page_started).num_milliseconds() / step;
        let next = self.page_started + Duration::milliseconds(step.saturating_mul(steps_done + 1));
        next.min(end)
    }

    /// Holds the current page for [`PAUSE`], then gives it its full time.
    pub fn hold(&mut self, now: DateTime<Utc>) {
        self.page_started = now + PAUSE;
    }

    /// The next page, or the first page of the next eligible slide.
    pub fn forward(&mut self, eligible: &[usize], pages: usize, now: DateTime<Utc>) {
        self.page_started = now;
        if self.slide.is_some() && self.page + 1 < pages {
            self.page += 1;
            return;
        }
        self.page = 0;
        self.slide = match self.slide {
            Some(current) => eligible.iter().copied().find(|&i| i > current),
            None => None,
        }
        .or_else(|| eligible.first().copied());
    }

    /// The previous page, or the first page of the previous eligible slide.
    pub fn back(&mut self, eligible: &[usize], now: DateTime<Utc>) {
        self.page_started = now;
        if self.page > 0 {
            self.page -= 1;
            return;
        }
        self.slide = match self.slide {
            Some(current) => eligible.iter().rev().copied().find(|&i| i < current),
            None => None,
        }
        .or_else(|| eligible.last().copied());
    }

    /// Makes sure the position is still valid: the slide still eligible and
    /// the page within the slide. Returns whether anything changed.
    pub fn settle(&mut self, eligible: &[usize], pages: usize, now: DateTime<Utc>) -> bool {
        let valid = match self.slide {
            Some(i) => eligible.contains(&i),
            None => eligible.is_empty(),
        };
        if !valid {
            self.forward(eligible, 0, now);
            return true;
        }
        if self.page >= pages.max(1) {
            self.page = pages.max(1) - 1;
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_790_000_000 + s, 0).unwrap_or_default()
    }

    #[test]
    fn forward_goes_through_pages_then_slides_and_wraps() {
        let eligible = [0, 2, 5];
        let mut s = Slideshow::new(&eligible, t(0));
        assert_eq!((s.slide, s.page), (Some(0), 0));
        s.forward(&eligible, 2, t(10));
        assert_eq!((s.slide, s.page, s.page_started), (Some(0), 1, t(10)));
        s.forward(&eligible, 2, t(20));
        assert_eq!((s.slide, s.page), (Some(2), 0));
        s.forward(&eligible, 1, t(30));
        s.forward(&eligible, 1, t(40));
        assert_eq!((s.slide, s.page), (Some(0), 0));
    }

    #[test]
    fn back_goes_to_the_previous_page_then_slide_and_wraps() {
        let eligible = [1, 3];
        let mut s = Slideshow::new(&eligible, t(0));
        s.back(&eligible, t(1));
        assert_eq!(s.slide, Some(3));
        s.forward(&eligible, 3, t(2));
        assert_eq!((s.slide, s.page), (Some(3), 1));
        s.back(&eligible, t(3));
        assert_eq!((s.slide, s.page), (Some(3), 0));
        s.back(&eligible, t(4));
        assert_eq!((s.slide, s.page), (Some(1), 0));
    }

    #[test]
    fn nothing_eligible_shows_the_clinic_slide() {
        let mut s = Slideshow::new(&[], t(0));
        assert_eq!(s.slide, None);
        s.forward(&[], 1, t(1));
        assert_eq!(s.slide, None);
        assert!(s.settle(&[4], 1, t(2)));
        assert_eq!(s.slide, Some(4));
        assert!(s.settle(&[], 1, t(3)));
        assert_eq!(s.slide, None);
    }

    #[test]
    fn a_slide_that_stops_being_eligible_gives_way() {
        let mut s = Slideshow::new(&[2, 7], t(0));
        assert!(!s.settle(&[2, 7], 1, t(1)));
        assert!(s.settle(&[7], 1, t(2)));
        assert_eq!((s.slide, s.page_started), (Some(7), t(2)));
    }

    #[test]
    fn a_shrunk_slide_keeps_a_valid_page() {
        let mut s = Slideshow::new(&[0], t(0));
        s.forward(&[0], 3, t(1));
        s.forward(&[0], 3, t(2));
        assert!(s.settle(&[0], 1, t(3)));
        assert_eq!(s.page, 0);
    }

    #[test]
    fn the_bar_moves_in_whole_steps_and_wakes_only_for_them() {
        let s = Slideshow::new(&[0], t(0));
        let d = Duration::seconds(12);
        assert_eq!(s.progress(d, t(4)), 0.0);
        assert!((s.progress(d, t(5)) - 5.0 / 12.0).abs() < 1e-9);
        assert!((s.progress(d, t(9)) - 5.0 / 12.0).abs() < 1e-9);
        assert!((s.progress(d, t(11)) - 10.0 / 12.0).abs() < 1e-9);
        assert_eq!(s.next_step(d, t(0)), t(5));
        assert_eq!(s.next_step(d, t(5)), t(10));
        assert_eq!(s.next_step(d, t(7)), t(10));
        // The page's end comes before the next whole step.
        assert_eq!(s.next_step(d, t(10)), t(12));
    }

    #[test]
    fn a_paused_show_wakes_when_the_pause_ends() {
        let mut s = Slideshow::new(&[0], t(0));
        s.hold(t(3));
        let d = Duration::seconds(20);
        assert_eq!(s.next_step(d, t(10)), t(63));
        assert_eq!(s.next_step(d, t(63)), t(68));
    }

    #[test]
    fn hold_pauses_then_gives_the_page_its_full_time() {
        let mut s = Slideshow::new(&[0], t(0));
        let d = Duration::seconds(20);
        assert!((s.progress(d, t(10)) - 0.5).abs() < 1e-9);
        s.hold(t(10));
        assert!(s.is_paused(t(30)));
        assert_eq!(s.progress(d, t(30)), 0.0);
        assert_eq!(s.page_end(d), t(10 + 60 + 20));
        assert!(!s.is_paused(t(71)));
    }
}
