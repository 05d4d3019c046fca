//! A short run of the crash scenario (`crash.rs`) against the debug
//! binary: about 40 check-ins and 5 SIGKILLs. `scripts/crash.sh` runs the
//! full one (1,000 check-ins, 50 kills) against the release binary.

use crate::common::kiosk_bin;
use crate::crash::{Options, run};

#[test]
fn killed_during_check_ins_the_kiosk_loses_and_duplicates_nothing() {
    let options = Options {
        kiosk: kiosk_bin().to_path_buf(),
        checkins: 40,
        kills: 5,
        seed: 20_261_123,
    };
    let summary = run(&options).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{}", summary.report());
    assert_eq!(summary.kills, 5);
    assert_eq!(summary.attempted, 40);
    assert_eq!(
        summary.integrity_checks, 6,
        "after each kill and at the end"
    );
    assert!(summary.confirmed >= 30, "{}", summary.report());
    // Every row is a ticket shown, or a check-in saved just before a kill
    // whose patient had not seen it yet.
    assert!(summary.rows >= summary.confirmed, "{}", summary.report());
    assert!(summary.rows <= summary.confirmed + summary.saved_unseen);
}
