use std::sync::{Arc, Barrier};

use chrono::TimeDelta;

use super::*;
use crate::staff::lockout::{LOCK_FOR, MAX_FAILURES};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn t0() -> DateTime<Utc> {
    DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default()
}

#[test]
fn a_lock_made_by_one_process_holds_in_another() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let path = tmp.path().join("data/staff.lock");
    // The kiosk starts first and knows of no lock.
    let mut kiosk = SharedLock::default();
    assert_eq!(kiosk.read(&path, t0()), Lockout::default());
    // Five wrong PINs at the desk.
    let mut desk = SharedLock::default();
    for _ in 0..MAX_FAILURES {
        desk.try_pin(&path, t0(), || false);
    }
    // The right PIN on the kiosk is refused, and not even compared.
    let at = t0() + TimeDelta::minutes(1);
    let mut compared = false;
    let (attempt, stored) = kiosk.try_pin(&path, at, || {
        compared = true;
        true
    });
    let until = t0() + LOCK_FOR;
    assert_eq!(attempt, Attempt::Locked { until });
    assert!(!compared, "the PIN is not compared while locked");
    assert_eq!(stored.locked_until, Some(until));
    assert_eq!(lockfile::load(&path, at).lockout.locked_until, Some(until));
    Ok(())
}

#[test]
fn no_process_lowers_another_ones_count() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let path = tmp.path().join("staff.lock");
    let mut kiosk = SharedLock::default();
    let mut desk = SharedLock::default();
    kiosk.try_pin(&path, t0(), || false);
    desk.try_pin(&path, t0(), || false);
    desk.try_pin(&path, t0(), || false);
    let (attempt, stored) = kiosk.try_pin(&path, t0(), || false);
    assert_eq!(attempt, Attempt::Rejected { left: 1 });
    assert_eq!(stored.failures, 4);
    // A right PIN anywhere starts the count again for everyone.
    let (attempt, _) = desk.try_pin(&path, t0(), || true);
    assert_eq!(attempt, Attempt::Accepted);
    let (attempt, _) = kiosk.try_pin(&path, t0(), || false);
    assert_eq!(attempt, Attempt::Rejected { left: 4 });
    Ok(())
}

#[test]
fn attempts_at_the_same_moment_are_all_counted() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let path = Arc::new(tmp.path().join("staff.lock"));
    let start = Arc::new(Barrier::new(4));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (path, start) = (Arc::clone(&path), Arc::clone(&start));
            thread::spawn(move || {
                let mut process = SharedLock::default();
                start.wait();
                // Slow checks, so the attempts overlap.
                process.try_pin(&path, t0(), || {
                    thread::sleep(Duration::from_millis(30));
                    false
                })
            })
        })
        .collect();
    for worker in workers {
        assert!(worker.join().is_ok());
    }
    assert_eq!(lockfile::load(&path, t0()).lockout.failures, 4);
    Ok(())
}

#[test]
fn a_damaged_file_does_not_lift_a_lock_this_process_saw() -> TestResult {
    let tmp = tempfile::tempdir()?;
    let path = tmp.path().join("staff.lock");
    let mut kiosk = SharedLock::default();
    for _ in 0..MAX_FAILURES {
        kiosk.try_pin(&path, t0(), || false);
    }
    std::fs::write(&path, "garbage")?;
    let (attempt, _) = kiosk.try_pin(&path, t0(), || true);
    assert_eq!(
        attempt,
        Attempt::Locked {
            until: t0() + LOCK_FOR
        }
    );
    Ok(())
}

#[test]
fn the_guard_sits_beside_the_lock_file_and_is_private() -> TestResult {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir()?;
    let path = tmp.path().join("data/staff.lock");
    SharedLock::default().try_pin(&path, t0(), || false);
    let guard = guard_path(&path);
    assert_eq!(guard, tmp.path().join("data/staff.lock.guard"));
    let mode = std::fs::metadata(&guard)?.permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    Ok(())
}
