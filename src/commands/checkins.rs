//! `kiosk checkins list`, `summary` and `history`: what the front desk
//! prints about a day (or, for `list`, a range of days).

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use chrono_tz::Tz;
use clap::{Args, Subcommand};

use crate::cli::{parse_date, parse_instant};
use crate::desk::summary::summarize;
use crate::desk::words;
use crate::i18n::english;
use crate::listing;
use crate::store::{Checkins, StoreError};

#[derive(Debug, Subcommand)]
pub enum CheckinsCommand {
    /// List one day's check-ins by ticket number (or, with --from and
    /// --to, those of a range of days).
    List(ListArgs),
    /// One day in numbers: check-ins by status and by source, the average
    /// and longest wait, check-ins per hour.
    Summary(DayArgs),
    /// Every change made to one day's check-ins (added, called, seen,
    /// no-show, undone, corrected, removed), with when and which desk or
    /// kiosk made it.
    History(DayArgs),
    /// Delete the check-ins of every day more than DAYS days ago.
    Purge(PurgeArgs),
}

#[derive(Debug, Args)]
pub struct DayArgs {
    /// The day, in the clinic's time zone; default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Take "today" from this moment (RFC 3339) instead of the clock.
    #[arg(long, hide = true, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// Read the check-ins of demonstration runs (`--at`, `--speed`).
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The day to list, in the clinic's time zone; default today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, conflicts_with_all = ["from", "to"])]
    pub date: Option<NaiveDate>,
    /// The first day of a range to list (with --to; each day by ticket).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "to")]
    pub from: Option<NaiveDate>,
    /// The last day of the range, included.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "from")]
    pub to: Option<NaiveDate>,
    /// Print a JSON array, one object per check-in.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV with a header row, for a spreadsheet.
    #[arg(long)]
    pub csv: bool,
    /// Take "today" from this moment (RFC 3339) instead of the clock.
    #[arg(long, hide = true, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// List the check-ins of demonstration runs (`kiosk run --at` or
    /// `--speed`), which are kept apart from the clinic's.
    #[arg(long)]
    pub demo: bool,
    /// With a shared store: the site to list; default `[clinic] site`.
    #[arg(long, value_name = "NAME", conflicts_with = "all_sites")]
    pub site: Option<String>,
    /// With a shared store: every site's check-ins, site by site.
    #[arg(long, conflicts_with_all = ["json", "csv", "demo"])]
    pub all_sites: bool,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Keep today and the DAYS days before it; default `retention_days` from
    /// kiosk.toml. 0 deletes everything before today.
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub older_than: Option<u32>,
    /// Take "today" from this moment (RFC 3339) instead of the clock.
    #[arg(long, hide = true, value_name = "TIME", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,
    /// Purge even if that deletes every check-in, the newest included, and
    /// it is more than a week older than the cutoff (normally taken for a
    /// computer clock set ahead, and refused).
    #[arg(long)]
    pub trust_clock: bool,
}

/// The most days one `list --from --to` covers.
pub const MAX_RANGE_DAYS: i64 = 3660;

/// The byte-order mark that starts `--csv`, so spreadsheets read UTF-8 and
/// show accents and other scripts as typed.
pub const CSV_BOM: &str = "\u{feff}";

/// "Today" in the clinic, at `at` or now.
pub fn today(tz: Tz, at: Option<DateTime<Utc>>) -> NaiveDate {
    at.unwrap_or_else(Utc::now).with_timezone(&tz).date_naive()
}

/// The days asked for: `--from`..=`--to`, or `--date`, or today.
fn days(args: &ListArgs, tz: Tz) -> Vec<NaiveDate> {
    match (args.from, args.to) {
        (Some(from), Some(to)) => from
            .iter_days()
            .take_while(|d| *d <= to)
            .take(usize::try_from(MAX_RANGE_DAYS).unwrap_or(usize::MAX))
            .collect(),
        _ => vec![args.date.unwrap_or_else(|| today(tz, args.at))],
    }
}

/// Every site's check-ins of the day (or days) asked for, site by site.
pub fn list_all_sites(
    store: &mut crate::store::PgStore,
    tz: Tz,
    args: &ListArgs,
) -> Result<String, StoreError> {
    let mut by_site: std::collections::BTreeMap<String, Vec<_>> = Default::default();
    for day in days(args, tz) {
        for (site, record) in store.list_all_sites(day)? {
            by_site.entry(site).or_default().push(record);
        }
    }
    if by_site.is_empty() {
        let day = args
            .date
            .or(args.from)
            .unwrap_or_else(|| today(tz, args.at));
        return Ok(format!(
            "{}\n",
            english().f("checkins-none-on", &[("day", day.to_string().into())])
        ));
    }
    Ok(by_site
        .iter()
        .map(|(site, records)| {
            format!(
                "{}\n{}\n",
                english().f("checkins-site-heading", &[("site", site.as_str().into())]),
                listing::table(records, tz)
            )
        })
        .collect())
}

pub fn list(store: &mut dyn Checkins, tz: Tz, args: &ListArgs) -> Result<String, StoreError> {
    let days = days(args, tz);
    let mut records = Vec::new();
    for day in &days {
        records.extend(store.list(*day)?);
    }
    Ok(if args.json {
        listing::json(&records, tz)
    } else if args.csv {
        format!("{CSV_BOM}{}", listing::csv(&records, tz))
    } else if records.is_empty() {
        match (days.first(), days.last()) {
            (Some(first), Some(last)) if first != last => format!(
                "{}\n",
                english().f(
                    "checkins-none-between",
                    &[
                        ("first", first.to_string().into()),
                        ("last", last.to_string().into()),
                    ],
                )
            ),
            _ => format!(
                "{}\n",
                english().f(
                    "checkins-none-on",
                    &[(
                        "day",
                        days.first().copied().unwrap_or_default().to_string().into()
                    )],
                )
            ),
        }
    } else if days.len() == 1 {
        listing::table(&records, tz)
    } else {
        let mut out = String::new();
        for day in days {
            let of_day: Vec<_> = records
                .iter()
                .filter(|r| r.local_date == day)
                .cloned()
                .collect();
            if !of_day.is_empty() {
                out.push_str(&format!("{day}\n{}\n", listing::table(&of_day, tz)));
            }
        }
        out
    })
}

/// The day's summary as text or JSON; the waits as at the end of the day
/// (or now, for today).
pub fn summary(store: &mut dyn Checkins, tz: Tz, args: &DayArgs) -> Result<String, StoreError> {
    let now = args.at.unwrap_or_else(Utc::now);
    let day = args.date.unwrap_or_else(|| today(tz, args.at));
    let records = store.list(day)?;
    let removed = store.removed(day)?.len();
    let end = day
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|t| t.and_local_timezone(tz).earliest())
        .map_or(now, |t| t.with_timezone(&Utc));
    let summary = summarize(day, &records, removed, tz, now.min(end));
    Ok(if args.json {
        format!("{}\n", summary.json())
    } else {
        let w = english();
        let mut out = format!(
            "{}\n",
            w.f("summary-heading", &[("day", day.to_string().into())])
        );
        for line in summary.lines(40, w) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    })
}

/// Every change to the day's check-ins, oldest first: time, ticket, what
/// happened and who did it.
pub fn history(store: &mut dyn Checkins, tz: Tz, args: &DayArgs) -> Result<String, StoreError> {
    let day = args.date.unwrap_or_else(|| today(tz, args.at));
    let entries = store.history(day)?;
    if args.json {
        let items: Vec<serde_json::Value> = entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "at": e.at.with_timezone(&tz).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    "ticket": e.ticket,
                    "change": words::history_action(english(), &e.action, e.undo),
                    "by": e.actor,
                })
            })
            .collect();
        return Ok(format!("{}\n", serde_json::Value::Array(items)));
    }
    if entries.is_empty() {
        return Ok(format!(
            "{}\n",
            english().f("history-none", &[("day", day.to_string().into())])
        ));
    }
    let mut out = String::new();
    for e in &entries {
        let local = e.at.with_timezone(&tz);
        let time = english().time(local.hour(), local.minute());
        let what = crate::sanitize::printable(&words::history_action(english(), &e.action, e.undo));
        out.push_str(&format!(
            "{time:>8}  #{:<4} {what}  · {}\n",
            e.ticket,
            crate::sanitize::printable(&e.actor)
        ));
    }
    Ok(out)
}
