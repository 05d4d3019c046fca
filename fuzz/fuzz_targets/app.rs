//! The kiosk app driven by arbitrary events: keys (any key code, any
//! character, any modifiers), mouse anywhere, pastes, resizes up to
//! 500×200 (0×0 included), clock ticks and jumps, the runtime's answers to
//! effects, reloads of the slides and `kiosk.toml`, and staff mode. The
//! checks after every event are in `kiosk_fuzz::driver`.

#![no_main]

use kiosk_fuzz::driver;
use kiosk_fuzz::events::Script;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|script: Script| {
    driver::run(&script);
});
