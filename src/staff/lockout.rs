//! Five wrong PINs lock staff mode for five minutes.
//!
//! Pure: the time is always passed in. [`super::lockfile`] keeps the state
//! on disk so that restarting the kiosk does not lift a lock.

use chrono::{DateTime, TimeDelta, Utc};

/// Wrong PINs in a row that lock staff mode.
pub const MAX_FAILURES: u32 = 5;
/// How long staff mode stays locked.
pub const LOCK_FOR: TimeDelta = TimeDelta::minutes(5);

/// Wrong PINs so far, and the end of the current lock, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lockout {
    /// Wrong PINs since the last right one (or since the last lock ended).
    pub failures: u32,
    /// Staff mode is locked until this instant.
    pub locked_until: Option<DateTime<Utc>>,
}

/// What became of one PIN entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt {
    /// The PIN was right: staff mode opens.
    Accepted,
    /// The PIN was wrong; `left` more wrong PINs lock staff mode.
    Rejected { left: u32 },
    /// Staff mode is locked until `until` (by this attempt or an earlier
    /// one); the PIN was not looked at.
    Locked { until: DateTime<Utc> },
}

impl Lockout {
    /// Whether staff mode is locked at `now`.
    pub fn is_locked(&self, now: DateTime<Utc>) -> bool {
        self.locked_until.is_some_and(|until| now < until)
    }

    /// Brings the state up to `now`: a lock that has ended is lifted (and
    /// the count starts again), and a lock ending more than [`LOCK_FOR`]
    /// after `now` (the clock was set back, or the file says so) is
    /// shortened to end [`LOCK_FOR`] from now. Returns whether it changed.
    pub fn settle(&mut self, now: DateTime<Utc>) -> bool {
        let before = *self;
        match self.locked_until {
            Some(until) if now >= until => *self = Self::default(),
            Some(until) if until - now > LOCK_FOR => self.locked_until = Some(now + LOCK_FOR),
            _ => {}
        }
        *self != before
    }

    /// Records one PIN entered at `now`, `ok` saying whether it was right.
    /// While locked, every attempt is refused, a right PIN included.
    pub fn attempt(&mut self, ok: bool, now: DateTime<Utc>) -> Attempt {
        self.settle(now);
        if let Some(until) = self.locked_until {
            return Attempt::Locked { until };
        }
        if ok {
            self.failures = 0;
            return Attempt::Accepted;
        }
        self.failures = self.failures.saturating_add(1);
        if self.failures >= MAX_FAILURES {
            let until = now + LOCK_FOR;
            self.locked_until = Some(until);
            return Attempt::Locked { until };
        }
        Attempt::Rejected {
            left: MAX_FAILURES - self.failures,
        }
    }

    /// Two views of the same lockout (this process's and another's, or
    /// the file's before and after), both brought up to `now`, combined so
    /// that neither lowers the other: the most wrong PINs and the later
    /// lock. Only a right PIN lowers the count, and that is not a merge.
    pub fn merged(mut self, mut other: Lockout, now: DateTime<Utc>) -> Lockout {
        self.settle(now);
        other.settle(now);
        Lockout {
            failures: self.failures.max(other.failures),
            locked_until: self.locked_until.max(other.locked_until),
        }
    }

    /// Like [`Lockout::attempt`], but `check` (which compares the PIN with
    /// its hash) is only called when staff mode is not locked.
    pub fn try_pin(&mut self, now: DateTime<Utc>, check: impl FnOnce() -> bool) -> Attempt {
        self.settle(now);
        if let Some(until) = self.locked_until {
            return Attempt::Locked { until };
        }
        let ok = check();
        self.attempt(ok, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> DateTime<Utc> {
        DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
    }

    fn secs(n: i64) -> TimeDelta {
        TimeDelta::seconds(n)
    }

    #[test]
    fn five_wrong_pins_lock_for_five_minutes() {
        let mut lock = Lockout::default();
        for left in (1..=4).rev() {
            assert_eq!(lock.attempt(false, t0()), Attempt::Rejected { left });
        }
        let until = t0() + secs(300);
        assert_eq!(lock.attempt(false, t0()), Attempt::Locked { until });
        assert!(lock.is_locked(t0()));
        assert!(lock.is_locked(until - secs(1)));
        assert!(!lock.is_locked(until));
        assert_eq!(lock.locked_until, Some(until));
    }

    #[test]
    fn a_right_pin_before_the_fifth_resets_the_count() {
        let mut lock = Lockout::default();
        for _ in 0..4 {
            lock.attempt(false, t0());
        }
        assert_eq!(lock.attempt(true, t0()), Attempt::Accepted);
        assert_eq!(lock, Lockout::default());
        assert_eq!(lock.attempt(false, t0()), Attempt::Rejected { left: 4 });
    }

    #[test]
    fn while_locked_nothing_is_checked_and_a_right_pin_is_refused() {
        let mut lock = Lockout::default();
        for _ in 0..5 {
            lock.attempt(false, t0());
        }
        let until = t0() + LOCK_FOR;
        let at = t0() + secs(299);
        let mut checked = false;
        let result = lock.try_pin(at, || {
            checked = true;
            true
        });
        assert_eq!(result, Attempt::Locked { until });
        assert!(!checked, "the PIN must not be compared while locked");
        assert_eq!(lock.attempt(true, at), Attempt::Locked { until });
        assert_eq!(lock.locked_until, Some(until), "refusals do not extend it");
    }

    #[test]
    fn after_five_minutes_it_unlocks_with_five_fresh_tries() {
        let mut lock = Lockout::default();
        for _ in 0..5 {
            lock.attempt(false, t0());
        }
        let later = t0() + LOCK_FOR;
        assert!(!lock.is_locked(later));
        assert_eq!(lock.attempt(false, later), Attempt::Rejected { left: 4 });
        let mut checked = false;
        let result = lock.try_pin(later, || {
            checked = true;
            true
        });
        assert_eq!((result, checked), (Attempt::Accepted, true));
    }

    #[test]
    fn merging_keeps_the_most_failures_and_the_later_lock() {
        let two = Lockout {
            failures: 2,
            locked_until: None,
        };
        let four = Lockout {
            failures: 4,
            locked_until: None,
        };
        assert_eq!(two.merged(four, t0()), four);
        assert_eq!(four.merged(two, t0()), four, "order does not matter");
        let locked = Lockout {
            failures: 5,
            locked_until: Some(t0() + secs(200)),
        };
        let later = Lockout {
            failures: 5,
            locked_until: Some(t0() + secs(250)),
        };
        assert_eq!(four.merged(locked, t0()), locked, "a lock is never lifted");
        assert_eq!(locked.merged(later, t0()), later);
        assert_eq!(later.merged(locked, t0()), later);
    }

    #[test]
    fn merging_forgets_a_lock_that_has_ended_but_not_newer_failures() {
        let ended = Lockout {
            failures: 5,
            locked_until: Some(t0()),
        };
        let one = Lockout {
            failures: 1,
            locked_until: None,
        };
        let now = t0() + secs(1);
        assert_eq!(ended.merged(one, now), one);
        assert_eq!(one.merged(ended, now), one);
        let far = Lockout {
            failures: 5,
            locked_until: Some(t0() + TimeDelta::days(1)),
        };
        let merged = one.merged(far, t0());
        assert_eq!(merged.locked_until, Some(t0() + LOCK_FOR), "settled first");
    }

    #[test]
    fn a_lock_never_lasts_longer_than_five_minutes_from_now() {
        let mut lock = Lockout {
            failures: 5,
            locked_until: Some(t0() + TimeDelta::days(365)),
        };
        assert!(lock.settle(t0()));
        assert_eq!(lock.locked_until, Some(t0() + LOCK_FOR));
        assert!(!lock.settle(t0() + secs(10)), "settled state is stable");
        let mut ended = lock;
        assert!(ended.settle(t0() + LOCK_FOR));
        assert_eq!(ended, Lockout::default());
    }
}
