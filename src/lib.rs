//! The clinic kiosk: a pure core (hours, configuration, app state, drawing)
//! and a thin shell (`runtime`) that owns the terminal, input and clock.

pub mod app;
pub mod checkin;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod desk;
pub mod diagnostic;
pub mod hours;
pub mod i18n;
pub mod listing;
pub mod runtime;
pub mod sanitize;
pub mod sleep;
pub mod slides;
pub mod slideshow;
pub mod staff;
pub mod status;
pub mod store;
pub mod store_choice;
pub mod ui;
