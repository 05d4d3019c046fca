//! `/` on the desk: which check-ins match what staff type, by name, ticket
//! or date of birth. Pure.

use crate::store::{CheckinRecord, fold};

use super::queue;

/// Whether `record` matches `query`: every word of the query is found in
/// the folded name (so `jose gar` finds José García), or the query is the
/// ticket (`7` or `#7`), or it is part of the date of birth as shown
/// (`04/17`, `1962`) or stored (`1962-04-17`), with `-` and `.` read as `/`;
/// a number of fewer than four digits is only ever a ticket.
/// An empty query matches everything.
pub fn matches(record: &CheckinRecord, query: &str, birth_key: Option<&str>) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    let ticket = query.trim_start_matches('#');
    if !ticket.is_empty()
        && ticket.chars().all(|c| c.is_ascii_digit())
        && ticket.parse::<u32>().ok() == Some(record.ticket)
    {
        return true;
    }
    let name = fold(&queue::display_name(record));
    let words = fold(query);
    if words.split(' ').all(|w| name.contains(w)) {
        return true;
    }
    // A short number is a ticket; a date needs a separator or a year.
    let born = birth_key.and_then(|k| record.field(k)).unwrap_or_default();
    let datelike = query.contains(['/', '-', '.']) || query.len() >= 4;
    if born.is_empty() || !datelike || !query.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let slashed = query.replace(['-', '.'], "/");
    born.contains(query)
        || queue::us_date(born).is_some_and(|shown| {
            shown.contains(&slashed) || trimmed_date(&shown).contains(&slashed)
        })
}

/// `04/07/1962` → `4/7/1962`, as people often type it.
fn trimmed_date(shown: &str) -> String {
    shown
        .split('/')
        .map(|part| part.trim_start_matches('0'))
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::desk::tests::record;
    use crate::store::Status;

    fn patient(ticket: u32, first: &str, last: &str, born: &str) -> CheckinRecord {
        let fields = [
            ("first_name", first),
            ("last_name", last),
            ("date_of_birth", born),
        ];
        record(ticket, "09:00", Status::Waiting, &fields)
    }

    #[test]
    fn names_tickets_and_birth_dates_match() {
        let jose = patient(7, "José", "García", "1962-04-07");
        let key = Some("date_of_birth");
        for query in [
            "",
            "jose",
            "JOSÉ gar",
            "garcia",
            "7",
            "#7",
            "1962",
            "04/07",
            "4/7/1962",
            "04-07-1962",
            "1962-04",
        ] {
            assert!(matches(&jose, query, key), "{query:?} should match");
        }
        for query in ["ana", "8", "#17", "1963", "05/07", "jose x"] {
            assert!(!matches(&jose, query, key), "{query:?} should not match");
        }
        assert!(
            !matches(&jose, "1962", None),
            "no birth field, no date match"
        );
        let li = patient(12, "李小龙", "Lee", "1940-11-27");
        assert!(matches(&li, "李", key));
        assert!(matches(&li, "11/27", key));
    }
}
