//! Check-ins typed into the real kiosk, which is killed with SIGKILL at
//! random moments and started again, with the database checked after every
//! kill against what the screen confirmed. Used by the quick test in
//! `kill.rs` and by `benches/crash.rs` (`scripts/crash.sh`).
//!
//! Each check-in is a new patient with a name of their own. When the kiosk
//! is killed before a patient saw a result, that patient tries again after
//! the restart, as a real one would: the kiosk must then either give them a
//! new ticket (the first try was not saved) or say they are already checked
//! in with the ticket of the first try (it was), never store them twice.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};

use crate::common::{DEADLINE, PtyKiosk};
use crate::site::{BORN, CONTINUE, FORM_TITLE, Row, Site, integrity, rows_in, wait_for_slides};

/// The kiosk's clock at the first start: a Monday, open 9 AM to 6 PM. Each
/// restart starts the clock that much later, as if time had run on.
const START: &str = "2026-11-23T09:30:00-07:00";
/// Under 16 rows the ticket number is written as text, not drawn large.
const COLS: u16 = 100;
const ROWS: u16 = 15;

/// What to run.
pub struct Options {
    pub kiosk: PathBuf,
    /// Check-ins attempted (forms started), retries included.
    pub checkins: usize,
    /// SIGKILLs, spread at random over the check-ins.
    pub kills: usize,
    pub seed: u64,
}

/// Where in a check-in a kill lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// Part of the way through typing the answers.
    Typing,
    /// Right after the final Enter, before the result is read (0 to 3 ms
    /// later, plus the time `kill` takes to start).
    AfterEnter,
    /// While the confirmation is on screen.
    Confirmation,
}

/// What happened.
#[derive(Debug, Default)]
pub struct Summary {
    pub attempted: usize,
    /// "You're checked in" with a new ticket.
    pub confirmed: usize,
    /// "You may already be on today's list": a retry of a check-in that
    /// was saved.
    pub already: usize,
    pub kills: usize,
    pub kills_typing: usize,
    pub kills_after_enter: usize,
    pub kills_confirmation: usize,
    /// Kills after the final Enter whose screen never showed the result.
    pub kills_before_result: usize,
    /// Of those, the check-ins that had been saved all the same.
    pub saved_unseen: usize,
    pub rows: usize,
    /// `PRAGMA integrity_check` runs, all "ok" (any other answer is an error).
    pub integrity_checks: usize,
    pub wall: Duration,
}

/// A small xorshift generator: the run's choices follow from `--seed`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Patient `i`'s names: letters only, different for every `i`.
fn person(i: usize) -> (String, String) {
    let mut letters = String::new();
    let mut n = i;
    for _ in 0..4 {
        letters.push(char::from(b'a' + (n % 26) as u8));
        n /= 26;
    }
    (format!("Pat{letters}"), "Crashtest".to_string())
}

/// The attempts at which the kiosk is killed: `kills` of them, one in each
/// of `kills` equal stretches of the run.
fn kill_schedule(rng: &mut Rng, checkins: usize, kills: usize) -> BTreeSet<usize> {
    let stretch = (checkins / kills.max(1)).max(1);
    (0..kills)
        .map(|k| k * stretch + rng.below(stretch as u64) as usize)
        .collect()
}

fn moment(rng: &mut Rng) -> Moment {
    match rng.below(10) {
        0..=2 => Moment::Typing,
        3..=7 => Moment::AfterEnter,
        _ => Moment::Confirmation,
    }
}

/// The result on `screen`: whether the check-in is new, and its ticket
/// (a repeat shows none: it never tells whoever typed the name which
/// number that patient has).
fn result_on(screen: &str, first: &str) -> Option<(bool, Option<i64>)> {
    if screen.contains("You may already be on today's list.") {
        return Some((false, None));
    }
    if !screen.contains(&format!("You're checked in, {first}.")) {
        return None;
    }
    let rest = screen.split("Your number is ").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((true, Some(digits.parse().ok()?)))
}

/// The kiosk and everything the run has learnt.
struct Run {
    site: Site,
    options_kiosk: PathBuf,
    start: DateTime<FixedOffset>,
    began: Instant,
    kiosk: PtyKiosk,
    /// Ticket → patient, for every result shown on screen.
    shown: BTreeMap<i64, (String, String)>,
    /// Patients whose final Enter was sent.
    submitted: BTreeSet<(String, String)>,
    summary: Summary,
}

impl Run {
    fn start_kiosk(site: &Site, kiosk: &Path, at: DateTime<FixedOffset>) -> PtyKiosk {
        let at = at.to_rfc3339();
        let args: Vec<OsString> = site.args_at(&at, &[]);
        let kiosk = PtyKiosk::spawn_program(kiosk, args, COLS, ROWS);
        wait_for_slides(&kiosk);
        kiosk
    }

    fn restart(&mut self) {
        let elapsed = chrono::Duration::from_std(self.began.elapsed()).unwrap_or_default();
        self.kiosk = Self::start_kiosk(&self.site, &self.options_kiosk, self.start + elapsed);
    }

    /// Notes the result shown for `who`; a ticket shown for two patients,
    /// or a retry given someone else's ticket, is an error.
    fn note(
        &mut self,
        who: &(String, String),
        new: bool,
        ticket: Option<i64>,
    ) -> Result<(), String> {
        let Some(ticket) = ticket else {
            // A repeat: told to see the desk. `check` finds them stored
            // exactly once.
            self.summary.already += 1;
            return Ok(());
        };
        let how = if new {
            "as new"
        } else {
            "as already checked in"
        };
        if let Some(earlier) = self.shown.insert(ticket, who.clone())
            && (earlier != *who || new)
        {
            return Err(format!(
                "ticket {ticket} shown to {who:?} ({how}), earlier to {earlier:?}"
            ));
        }
        if new {
            self.summary.confirmed += 1;
        } else {
            self.summary.already += 1;
        }
        Ok(())
    }

    /// SIGKILL, then the final screen: a result drawn before the kill was
    /// shown to the patient, so it counts. Returns whether one was drawn.
    fn kill(&mut self, who: &(String, String), moment: Moment) -> Result<bool, String> {
        self.kiosk.kill();
        self.kiosk.wait_output_closed(DEADLINE);
        self.summary.kills += 1;
        match moment {
            Moment::Typing => self.summary.kills_typing += 1,
            Moment::AfterEnter => self.summary.kills_after_enter += 1,
            Moment::Confirmation => self.summary.kills_confirmation += 1,
        }
        let drawn = result_on(&self.kiosk.screen_text(), &who.0);
        if let (Some((new, ticket)), false) = (drawn, moment == Moment::Confirmation) {
            self.note(who, new, ticket)?;
        }
        Ok(drawn.is_some())
    }

    /// Everything the database must be after a kill (or at the end).
    fn check(&mut self) -> Result<Vec<Row>, String> {
        let db = self.site.database();
        let answer = integrity(&db);
        self.summary.integrity_checks += 1;
        if answer != "ok" {
            return Err(format!(
                "integrity_check after kill {}: {answer}",
                self.summary.kills
            ));
        }
        let rows = rows_in(&db);
        let tickets: Vec<i64> = rows.iter().map(|r| r.ticket).collect();
        let expected: Vec<i64> = (1..=rows.len() as i64).collect();
        if tickets != expected {
            return Err(format!("tickets are not 1..={}: {tickets:?}", rows.len()));
        }
        let mut people = BTreeSet::new();
        for row in &rows {
            let who = (row.first.clone(), row.last.clone());
            if !self.submitted.contains(&who) {
                return Err(format!(
                    "{who:?} is stored but never pressed the final Enter"
                ));
            }
            if !people.insert(who.clone()) {
                return Err(format!("{who:?} is stored twice"));
            }
        }
        for (ticket, who) in &self.shown {
            let row = rows.iter().find(|r| r.ticket == *ticket);
            if row.is_none_or(|r| (&r.first, &r.last) != (&who.0, &who.1)) {
                return Err(format!(
                    "ticket {ticket} was shown to {who:?}, stored: {row:?}"
                ));
            }
        }
        self.summary.rows = rows.len();
        Ok(rows)
    }

    /// One check-in by patient `who`, killed at `kill` if given.
    fn attempt(
        &mut self,
        who: &(String, String),
        kill: Option<Moment>,
        rng: &mut Rng,
    ) -> Result<Outcome, String> {
        self.summary.attempted += 1;
        self.kiosk.send(b"\r");
        self.kiosk.wait_for_text(FORM_TITLE);
        let typed = format!("{}\r{}\r{BORN}", who.0, who.1);
        if kill == Some(Moment::Typing) {
            let cut = rng.below(typed.len() as u64) as usize;
            self.kiosk.send(&typed.as_bytes()[..cut]);
            thread::sleep(Duration::from_micros(rng.below(20_000)));
            self.kill(who, Moment::Typing)?;
            return Ok(Outcome::TryAgain { submitted: false });
        }
        self.kiosk.send(format!("{typed}\r").as_bytes());
        self.submitted.insert(who.clone());
        if kill == Some(Moment::AfterEnter) {
            if rng.below(3) > 0 {
                thread::sleep(Duration::from_micros(rng.below(3_000)));
            }
            if self.kill(who, Moment::AfterEnter)? {
                return Ok(Outcome::Seen);
            }
            self.summary.kills_before_result += 1;
            return Ok(Outcome::TryAgain { submitted: true });
        }
        let first = who.0.clone();
        self.kiosk
            .wait_for(&format!("the result for {first}"), |s| {
                result_on(s, &first).is_some()
            });
        let (new, ticket) =
            result_on(&self.kiosk.screen_text(), &first).unwrap_or((false, Some(0)));
        self.note(who, new, ticket)?;
        if kill == Some(Moment::Confirmation) {
            self.kill(who, Moment::Confirmation)?;
        } else {
            // The result ignores keys for its first 2 seconds.
            self.kiosk.wait_for_text(CONTINUE);
            self.kiosk.send(b" ");
            wait_for_slides(&self.kiosk);
        }
        Ok(Outcome::Seen)
    }
}

/// How a check-in ended for the patient.
enum Outcome {
    /// They saw their result.
    Seen,
    /// The kiosk died before they saw one (`submitted`: after their final
    /// Enter); they try again.
    TryAgain { submitted: bool },
}

/// Runs the whole scenario; `Err` describes the first broken promise.
pub fn run(options: &Options) -> Result<Summary, String> {
    let began = Instant::now();
    let mut rng = Rng(options.seed.max(1));
    let schedule = kill_schedule(&mut rng, options.checkins, options.kills);
    let site = Site::new();
    let start = DateTime::parse_from_rfc3339(START).map_err(|e| e.to_string())?;
    let kiosk = Run::start_kiosk(&site, &options.kiosk, start);
    let mut run = Run {
        site,
        options_kiosk: options.kiosk.clone(),
        start,
        began,
        kiosk,
        shown: BTreeMap::new(),
        submitted: BTreeSet::new(),
        summary: Summary::default(),
    };
    let mut retry: Option<(String, String)> = None;
    let mut next = 0;
    for attempt in 0..options.checkins {
        let who = retry.take().unwrap_or_else(|| {
            next += 1;
            person(next - 1)
        });
        let kill = schedule.contains(&attempt).then(|| moment(&mut rng));
        let outcome = run.attempt(&who, kill, &mut rng)?;
        if kill.is_some() {
            let rows = run.check()?;
            if let Outcome::TryAgain { submitted: true } = outcome {
                let saved = rows.iter().any(|r| (&r.first, &r.last) == (&who.0, &who.1));
                run.summary.saved_unseen += usize::from(saved);
            }
            run.restart();
        }
        if let Outcome::TryAgain { .. } = outcome {
            retry = Some(who);
        }
    }
    run.kiosk.kill();
    run.check()?;
    run.summary.wall = began.elapsed();
    Ok(run.summary)
}

impl Summary {
    /// The figures, one per line, for people.
    pub fn report(&self) -> String {
        let lines = [
            ("check-ins attempted", self.attempted.to_string()),
            ("  confirmed with a new ticket", self.confirmed.to_string()),
            (
                "  told 'may already be on the list'",
                self.already.to_string(),
            ),
            ("SIGKILLs", self.kills.to_string()),
            ("  while typing", self.kills_typing.to_string()),
            (
                "  right after the final Enter",
                self.kills_after_enter.to_string(),
            ),
            (
                "  during the confirmation",
                self.kills_confirmation.to_string(),
            ),
            (
                "killed after Enter, no result drawn",
                format!(
                    "{} (saved all the same: {}, not saved: {})",
                    self.kills_before_result,
                    self.saved_unseen,
                    self.kills_before_result - self.saved_unseen
                ),
            ),
            ("rows in the database", self.rows.to_string()),
            (
                "integrity checks",
                format!("{} (all ok)", self.integrity_checks),
            ),
            ("wall time", format!("{:.1} s", self.wall.as_secs_f64())),
        ];
        lines
            .iter()
            .map(|(label, value)| format!("{label:<38}{value}"))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
