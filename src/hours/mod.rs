//! Opening hours: parsing ranges, the schedule, and the open/closed state at
//! any instant. Pure: nothing here reads the clock.

mod next;
mod notice;
pub mod range;
mod schedule;
mod week;

pub use next::{HORIZON, OpenState};
pub use notice::{NOTICE_MAX_CHARS, Notice};
pub use range::{DAY_MINUTES, RangeError, TimeRange, parse_ranges};
pub use schedule::{Closure, MergedPeriods, Period, Schedule, SpecialDay, weekday_index};
pub use week::{DayHours, week_from};
