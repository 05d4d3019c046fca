//! The one place the kiosk learns the time.
//!
//! Normally that is the system clock. For demos and tests, `--at` starts the
//! clock at a chosen instant and `--speed` runs it faster than real time.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

#[derive(Clone, Debug)]
pub enum Clock {
    System,
    /// Starts at `origin` when the program started and runs `speed` times
    /// faster than real time.
    Shifted {
        origin: DateTime<Utc>,
        started: Instant,
        speed: f64,
    },
}

impl Clock {
    pub fn starting_at(origin: DateTime<Utc>, speed: f64) -> Self {
        Self::Shifted {
            origin,
            started: Instant::now(),
            speed: if speed.is_finite() && speed > 0.0 {
                speed
            } else {
                1.0
            },
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Self::System => Utc::now(),
            Self::Shifted {
                origin,
                started,
                speed,
            } => {
                let real = started.elapsed().as_secs_f64() * speed;
                let nanos = (real * 1e9).min(i64::MAX as f64) as i64;
                *origin + chrono::Duration::nanoseconds(nanos)
            }
        }
    }

    /// Real time to wait until the clock reads `at` (zero if it already has).
    pub fn real_until(&self, at: DateTime<Utc>) -> Duration {
        let ahead = (at - self.now()).to_std().unwrap_or(Duration::ZERO);
        match self {
            Self::System => ahead,
            Self::Shifted { speed, .. } => ahead.div_f64(*speed),
        }
    }
}
