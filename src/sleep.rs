//! When the screen sleeps: from a while after the clinic closes until a
//! while before it opens (`[kiosk] screen_sleep`). Pure, like the status:
//! the runtime asks whether the screen is asleep now and when that next
//! changes; `kiosk timeline` asks for the periods between two times.
//!
//! The screen is asleep at `t` when the clinic is closed at `t`, has been
//! closed since at least `after_closing` before `t`, and opens more than
//! `before_opening` after `t` (or not at all). A closed spell too short for
//! both margins is slept through awake. Closures, special days and closing
//! notices count as closed, exactly as the sign says.

use chrono::{DateTime, Utc};

use crate::config::ScreenSleep;
use crate::hours::Schedule;

/// The most changes of open and closed looked through for the next
/// change of sleep (about a year of a clinic open twice a day).
const MAX_CHANGES: usize = 1000;

/// One stretch of time with the screen asleep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SleepPeriod {
    pub from: DateTime<Utc>,
    /// The moment it wakes.
    pub until: DateTime<Utc>,
}

/// Whether the screen is asleep at `t`.
pub fn asleep_at(schedule: &Schedule, rule: &ScreenSleep, t: DateTime<Utc>) -> bool {
    let state = schedule.state_at(t);
    if state.open {
        return false;
    }
    if state
        .next_change
        .is_some_and(|opens| t + rule.before_opening >= opens)
    {
        return false;
    }
    // Closed all along since `after_closing` ago: the state then was closed,
    // and the clinic did not open in between.
    let then = schedule.state_at(t - rule.after_closing);
    !then.open && then.next_change.is_none_or(|opens| opens > t)
}

/// The first moment after `t` at which [`asleep_at`] differs from its
/// value at `t`, if there is one within the schedule's horizon.
///
/// Sleep can only begin `after_closing` after the clinic closes and end
/// `before_opening` before it opens, so those moments (and the changes
/// themselves) are the only ones looked at.
pub fn next_change(
    schedule: &Schedule,
    rule: &ScreenSleep,
    t: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let now = asleep_at(schedule, rule, t);
    let mut x = t - rule.after_closing;
    for _ in 0..MAX_CHANGES {
        let change = schedule.state_at(x).next_change?;
        let moments = [
            change - rule.before_opening,
            change,
            change + rule.after_closing,
        ];
        for m in moments {
            if m > t && asleep_at(schedule, rule, m) != now {
                return Some(m);
            }
        }
        x = change;
    }
    None
}

/// The periods of sleep that overlap `from..until`, clipped to it.
pub fn periods(
    schedule: &Schedule,
    rule: &ScreenSleep,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Vec<SleepPeriod> {
    let mut out = Vec::new();
    let mut asleep = asleep_at(schedule, rule, from);
    let mut start = from;
    let mut t = from;
    while t < until {
        let change = next_change(schedule, rule, t).filter(|c| *c < until);
        let Some(change) = change else { break };
        if asleep {
            out.push(SleepPeriod {
                from: start,
                until: change,
            });
        }
        start = change;
        asleep = !asleep;
        t = change;
    }
    if asleep && start < until {
        out.push(SleepPeriod { from: start, until });
    }
    out
}

#[cfg(test)]
#[path = "sleep_tests.rs"]
mod tests;
