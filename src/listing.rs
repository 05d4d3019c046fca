//! A day's check-ins as the front desk reads them: an aligned table, JSON,
//! or CSV for a spreadsheet. Pure: records in, text out.

use chrono::{DateTime, SecondsFormat, Timelike, Utc};
use chrono_tz::Tz;
use unicode_width::UnicodeWidthStr;

use crate::sanitize::printable;
use crate::store::CheckinRecord;

/// Keys every JSON object has. A field whose key is one of these is written
/// as `field:<key>` instead, so it can never hide the real value.
const RESERVED: [&str; 6] = [
    "id",
    "ticket",
    "checked_in_at",
    "status",
    "status_changed_at",
    "language",
];

/// Every field key, in the order keys first appear.
fn field_keys(records: &[CheckinRecord]) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    for (key, _) in records.iter().flat_map(|r| &r.fields) {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    keys
}

/// `9:41 AM` in the clinic's zone.
fn local_time(at: DateTime<Utc>, tz: Tz) -> String {
    let local = at.with_timezone(&tz);
    crate::i18n::english().time(local.hour(), local.minute())
}

fn rfc3339(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The cells of each record: ticket, time, status, then every field in
/// `keys` (empty where a record lacks it).
fn rows(records: &[CheckinRecord], keys: &[&str], tz: Tz) -> Vec<Vec<String>> {
    records
        .iter()
        .map(|r| {
            let mut row = vec![
                r.ticket.to_string(),
                local_time(r.checked_in_at, tz),
                r.status.as_str().replace('_', " "),
            ];
            row.extend(
                keys.iter()
                    .map(|k| printable(r.field(k).unwrap_or_default())),
            );
            row
        })
        .collect()
}

/// An aligned table with a header line; columns are measured in display
/// width, so 李小龙 lines up. Empty when there are no records.
pub fn table(records: &[CheckinRecord], tz: Tz) -> String {
    if records.is_empty() {
        return String::new();
    }
    let keys = field_keys(records);
    let mut lines = vec![
        ["Ticket", "Time", "Status"]
            .into_iter()
            .chain(keys.iter().copied())
            .map(printable)
            .collect::<Vec<_>>(),
    ];
    lines.extend(rows(records, &keys, tz));
    let columns = lines.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            lines
                .iter()
                .filter_map(|l| l.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for line in &lines {
        let mut text = String::new();
        for (c, (cell, width)) in line.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(width.saturating_sub(cell.width()));
            match c {
                0 => text.push_str(&format!("{pad}{cell}")),
                _ => text.push_str(&format!("  {cell}{pad}")),
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// A JSON array with one object per check-in: `id`, `ticket`,
/// `checked_in_at`, `status`, `status_changed_at` (times in RFC 3339 with
/// the clinic's offset), `language` (the patient's), then each field by its
/// key, in form order.
pub fn json(records: &[CheckinRecord], tz: Tz) -> String {
    if records.is_empty() {
        return "[]\n".into();
    }
    let objects: Vec<String> = records.iter().map(|r| json_object(r, tz)).collect();
    format!("[\n  {}\n]\n", objects.join(",\n  "))
}

fn json_object(r: &CheckinRecord, tz: Tz) -> String {
    let mut members: Vec<(String, String)> = vec![
        ("id".into(), r.id.0.to_string()),
        ("ticket".into(), r.ticket.to_string()),
        (
            "checked_in_at".into(),
            json_string(&rfc3339(r.checked_in_at, tz)),
        ),
        ("status".into(), json_string(r.status.as_str())),
        (
            "status_changed_at".into(),
            json_string(&rfc3339(r.status_changed_at, tz)),
        ),
        ("language".into(), json_string(&r.language)),
    ];
    for (key, value) in &r.fields {
        let key = if RESERVED.contains(&key.as_str()) {
            format!("field:{key}")
        } else {
            key.clone()
        };
        if !members.iter().any(|(k, _)| *k == key) {
            members.push((key, json_string(value)));
        }
    }
    let body: Vec<String> = members
        .iter()
        .map(|(k, v)| format!("{}:{v}", json_string(k)))
        .collect();
    format!("{{{}}}", body.join(","))
}

/// CSV (RFC 4180, CRLF line ends): a header row `ticket,date,time,status`
/// and the field keys, then one row per check-in.
pub fn csv(records: &[CheckinRecord], tz: Tz) -> String {
    let keys = field_keys(records);
    let header: Vec<String> = ["ticket", "date", "time", "status"]
        .into_iter()
        .chain(keys.iter().copied())
        .map(String::from)
        .collect();
    let mut lines = vec![header];
    for (r, mut row) in records.iter().zip(rows(records, &keys, tz)) {
        row.insert(1, r.local_date.to_string());
        if let Some(status) = row.get_mut(3) {
            *status = r.status.as_str().into();
        }
        lines.push(row);
    }
    lines
        .iter()
        .map(|l| l.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

/// One CSV cell: quoted when it holds a comma, quote, line break or edge
/// space; and a value a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-` or `@`) gets a `'` in front so it stays text.
pub fn csv_cell(text: &str) -> String {
    let text = printable(text);
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{CheckinId, Status};

    const DENVER: Tz = chrono_tz::America::Denver;

    fn record(ticket: u32, minute: i64, fields: &[(&str, &str)]) -> CheckinRecord {
        // 2026-11-23 09:00 in Denver is 16:00 UTC.
        let at = DateTime::from_timestamp(1_795_449_600 + minute * 60, 0).unwrap_or_default();
        CheckinRecord {
            language: "en".into(),
            id: CheckinId(i64::from(ticket) + 100),
            ticket,
            checked_in_at: at,
            local_date: at.with_timezone(&DENVER).date_naive(),
            status: Status::NoShow,
            status_changed_at: at,
            fields: fields
                .iter()
                .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
                .collect(),
            identity: String::new(),
            repeats: 0,
            last_repeat_at: None,
            source: crate::store::Source::Kiosk,
        }
    }

    fn sample() -> Vec<CheckinRecord> {
        vec![
            record(1, 41, &[("first_name", "李小龙"), ("last_name", "Li")]),
            record(12, 62, &[("first_name", "Zoë"), ("phone", "=HYPERLINK(1)")]),
        ]
    }

    #[test]
    fn the_table_lines_up_by_display_width() {
        assert_eq!(
            table(&sample(), DENVER),
            "Ticket  Time      Status   first_name  last_name  phone\n     \
             1  9:41 AM   no show  李小龙      Li\n    \
             12  10:02 AM  no show  Zoë                    =HYPERLINK(1)\n"
        );
        assert_eq!(table(&[], DENVER), "");
    }

    #[test]
    fn json_flattens_fields_beside_the_fixed_keys() -> Result<(), serde_json::Error> {
        let mut records = sample();
        records[0].fields.push(("status".into(), "fake".into()));
        let value: serde_json::Value = serde_json::from_str(&json(&records, DENVER))?;
        let first = &value[0];
        assert_eq!(first["ticket"], 1);
        assert_eq!(first["checked_in_at"], "2026-11-23T09:41:00-07:00");
        assert_eq!(first["status"], "no_show");
        assert_eq!(first["field:status"], "fake");
        assert_eq!(first["first_name"], "李小龙");
        assert_eq!(value[1]["phone"], "=HYPERLINK(1)");
        assert_eq!(json(&[], DENVER), "[]\n");
        Ok(())
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("O'Brien, Seán"), "\"O'Brien, Seán\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+2"), "'=1+2");
        assert_eq!(csv_cell("+1 720"), "'+1 720");
        assert_eq!(csv_cell("-5"), "'-5");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("=A1,B1"), "\"'=A1,B1\"");
        assert_eq!(csv_cell(" x"), "\" x\"");
        assert_eq!(csv_cell("a\u{1b}b"), "ab");
        assert_eq!(
            csv(&sample(), DENVER),
            "ticket,date,time,status,first_name,last_name,phone\r\n\
             1,2026-11-23,9:41 AM,no_show,李小龙,Li,\r\n\
             12,2026-11-23,10:02 AM,no_show,Zoë,,'=HYPERLINK(1)\r\n"
        );
        assert_eq!(csv(&[], DENVER), "ticket,date,time,status\r\n");
    }
}
