//! The check-in database going wrong under the real binary in a
//! pseudo-terminal: a disk that fills up, a database that cannot be
//! written (from the start, or from some moment on), a damaged file at
//! start, and the kiosk killed with SIGKILL in the middle of check-ins.
//!
//! In every case the slides keep running, a patient whose check-in could
//! not be saved is sent to the front desk without a ticket, the failure is
//! in the log and on the staff screen, and the database holds exactly what
//! the kiosk confirmed. docs/robustness.md describes each fault.
//!
//! Some faults need powers the test may not have (mounting a filesystem,
//! marking a file immutable); those parts print why they were skipped.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;

mod corrupt;
mod crash;
mod demo;
mod full;
mod kill;
mod read_only;
mod shared;
mod site;

#[path = "../pg_support/mod.rs"]
mod pg_support;
