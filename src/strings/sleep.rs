//! The words of screen sleep (`[kiosk] screen_sleep`), all in one place.

/// `kiosk timeline`: the screen goes dark at this moment.
pub const TIMELINE_SLEEPS: &str = "screen sleeps (dark until it wakes)";
/// `kiosk timeline`: the screen comes back at this moment.
pub const TIMELINE_WAKES: &str = "screen wakes";
