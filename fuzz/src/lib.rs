//! Shared pieces of the kiosk's fuzz targets: the bundled configuration and
//! slides loaded once, drawing into a `TestBackend` with the checks every
//! frame must pass, and the event scripts the `app` target replays.

pub mod driver;
pub mod events;
pub mod fixtures;
pub mod screen;
pub mod store;
pub mod timers;
