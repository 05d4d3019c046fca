use chrono::Weekday;
use proptest::prelude::*;

use super::*;
use crate::diagnostic::Severity;
use crate::hours::weekday_index;

fn errors(source: &str) -> String {
    match parse_slide("s.md", "content/s.md", source) {
        Ok(slide) => format!("ok {slide:?}"),
        Err(problems) => crate::diagnostic::render_all(&problems),
    }
}

fn slide(source: &str) -> Option<Slide> {
    parse_slide("s.md", "content/s.md", source).ok()
}

#[test]
fn a_full_slide() {
    let src = "+++\ntitle = \" Late \\t hours \"\nduration = 30\nenabled = false\ndays = [\"Fri\", \"saturday\"]\ntime = \"22:00-02:00\"\nfrom = \"2026-12-01\"\nuntil = \"2026-12-31\"\nwhen = \"closing_soon\"\nsources = [\"Lancet, 2005\"]\nreview_by = \"2027-11-01\"\nqr = \"tel:+17202429756\"\n+++\nCall {{ phone }}.\u{1b}[31m\r\n\tIndented\n";
    let Some(s) = slide(src) else {
        unreachable!("{}", errors(src))
    };
    assert_eq!(s.file, "s.md");
    assert_eq!(s.title, "Late   hours");
    assert_eq!(s.duration, Some(Duration::from_secs(30)));
    assert!(!s.enabled);
    let days = s.window.days.unwrap_or_default();
    assert!(days[weekday_index(Weekday::Fri)] && days[weekday_index(Weekday::Sat)]);
    assert_eq!(days.iter().filter(|d| **d).count(), 2);
    assert_eq!(
        s.window.time.map(|t| t.to_string()),
        Some("22:00-02:00".into())
    );
    assert_eq!(
        s.window.from.map(|d| d.to_string()),
        Some("2026-12-01".into())
    );
    assert_eq!(
        s.window.until.map(|d| d.to_string()),
        Some("2026-12-31".into())
    );
    assert_eq!(s.when, When::ClosingSoon);
    assert_eq!(s.sources, ["Lancet, 2005"]);
    assert_eq!(s.qr.as_deref(), Some("tel:+17202429756"));
    assert_eq!(s.body, "Call {{ phone }}.[31m\n    Indented\n");
    let review = s.review_by.map(|r| (r.date.to_string(), r.warning));
    let Some((date, warning)) = review else {
        unreachable!("review_by is set")
    };
    assert_eq!(date, "2027-11-01");
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!((warning.line, warning.column), (11, 13));
}

#[test]
fn defaults() {
    let Some(s) = slide("+++\ntitle = \"A\"\n+++\n") else {
        unreachable!("a title is enough")
    };
    assert_eq!(
        (s.duration, s.enabled, s.when, s.window),
        (None, true, When::Any, Window::default())
    );
    assert!(s.sources.is_empty() && s.review_by.is_none() && s.qr.is_none());
}

#[test]
fn unknown_setting_suggests_the_nearest() {
    assert_eq!(
        errors("+++\ntitel = \"A\"\n+++\nHi\n"),
        "error: unknown setting titel\n --> content/s.md:2:1\n  |\n2 | titel = \"A\"\n  | ^^^^^\n  = help: did you mean title? A slide's settings are title, duration, enabled, days, time, from, until, when, sources, review_by, reviewed and qr\n"
    );
    assert!(errors("+++\ntitle = \"A\"\ncolour = 1\n+++\n").contains(
        "  = help: a slide's settings are title, duration, enabled, days, time, from, until, when, sources, review_by, reviewed and qr\n"
    ));
}

#[test]
fn missing_and_empty_title() {
    assert_eq!(
        errors("+++\nduration = 5\n+++\nHi\n"),
        "error: this slide has no title\n --> content/s.md:1:1\n  |\n1 | +++\n  | ^^^\n  = help: add a line such as title = \"Welcome\" between the +++ lines\n"
    );
    assert_eq!(
        errors("+++\ntitle = \"  \"\n+++\nHi\n"),
        "error: the title is empty\n --> content/s.md:2:9\n  |\n2 | title = \"  \"\n  |         ^^^^\n  = help: write the heading shown above the slide, e.g. title = \"Welcome\"\n"
    );
}

#[test]
fn bad_duration() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\nduration = 0\n+++\n"),
        "error: duration must be from 1 to 3600 seconds, not 0\n --> content/s.md:3:12\n  |\n3 | duration = 0\n  |            ^\n  = help: leave it out to use slide_seconds from kiosk.toml\n"
    );
    assert_eq!(
        errors("+++\ntitle = \"A\"\nduration = \"20\"\n+++\n"),
        "error: wrong kind of value: string \"20\", expected a whole number\n --> content/s.md:3:12\n  |\n3 | duration = \"20\"\n  |            ^^^^\n  = help: text and dates go in double quotes (title = \"Welcome\", from = \"2026-12-01\"); numbers and true/false do not (duration = 20, enabled = false); lists go in brackets (days = [\"mon\", \"fri\"])\n"
    );
}

#[test]
fn bad_dates() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\nfrom = \"2026-02-30\"\n+++\n"),
        "error: \"2026-02-30\" is not a date\n --> content/s.md:3:8\n  |\n3 | from = \"2026-02-30\"\n  |        ^^^^^^^^^^^^\n  = help: write dates as \"YYYY-MM-DD\" in quotes, e.g. \"2026-12-25\"\n"
    );
    assert_eq!(
        errors("+++\ntitle = \"A\"\nuntil = 2026-02-03\n+++\n"),
        "error: the date 2026-02-03 needs double quotes\n --> content/s.md:3:9\n  |\n3 | until = 2026-02-03\n  |         ^^^^^^^^^^\n  = help: write dates as \"YYYY-MM-DD\" in quotes, e.g. \"2026-12-25\"\n"
    );
    assert_eq!(
        errors("+++\ntitle = \"A\"\nfrom = \"2026-03-01\"\nuntil = \"2026-02-01\"\n+++\n"),
        "error: until (2026-02-01) is before from (2026-03-01)\n --> content/s.md:4:9\n  |\n4 | until = \"2026-02-01\"\n  |         ^^^^^^^^^^^^\n  = help: until is the last date the slide shows and must be on or after from\n"
    );
    assert!(
        errors("+++\ntitle = \"A\"\nreview_by = \"soon\"\n+++\n")
            .starts_with("error: \"soon\" is not a date\n --> content/s.md:3:13\n")
    );
}

#[test]
fn a_review_lasts_the_months_given_then_warns_at_the_date() {
    let src = "+++\ntitle = \"A\"\nreviewed = \"2025-11-23\"\n+++\n";
    let Some(reviewed) = slide(src).and_then(|s| s.reviewed) else {
        unreachable!("{}", errors(src))
    };
    let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    assert_eq!(reviewed.date, day("2025-11-23"));
    assert_eq!(reviewed.valid_until(12), day("2026-11-23"));
    assert_eq!(
        reviewed.stale(day("2025-11-23"), 12),
        None,
        "the day itself"
    );
    assert_eq!(
        reviewed.stale(day("2026-11-23"), 12),
        None,
        "12 months to the day"
    );
    let Some(warning) = reviewed.stale(day("2026-11-24"), 12) else {
        unreachable!("a day more than 12 months later")
    };
    assert_eq!(warning.severity, Severity::Warning);
    assert_eq!(
        warning.to_string(),
        "warning: health content last reviewed on 2025-11-23, more than 12 months ago\n --> content/s.md:3:12\n  |\n3 | reviewed = \"2025-11-23\"\n  |            ^^^^^^^^^^^^\n  = help: check this slide against the studies in its sources, then set reviewed to the date you did (review_after_months in kiosk.toml sets how long a review lasts)\n"
    );
    // A shorter time warns sooner, and one month is singular.
    assert_eq!(reviewed.stale(day("2026-05-23"), 6), None);
    assert!(reviewed.stale(day("2026-05-24"), 6).is_some());
    let one = reviewed.stale(day("2025-12-24"), 1).map(|w| w.message);
    assert_eq!(
        one.as_deref(),
        Some("health content last reviewed on 2025-11-23, more than 1 month ago")
    );
}

#[test]
fn a_review_at_the_end_of_a_long_month_lasts_to_the_end_of_a_short_one() {
    let src = "+++\ntitle = \"A\"\nreviewed = \"2026-01-31\"\n+++\n";
    let Some(reviewed) = slide(src).and_then(|s| s.reviewed) else {
        unreachable!("{}", errors(src))
    };
    let day = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    assert_eq!(reviewed.valid_until(1), day("2026-02-28"));
    assert_eq!(reviewed.stale(day("2026-02-28"), 1), None);
    assert!(reviewed.stale(day("2026-03-01"), 1).is_some());
}

#[test]
fn reviewed_must_be_a_quoted_date() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\nreviewed = \"last week\"\n+++\n"),
        "error: \"last week\" is not a date\n --> content/s.md:3:12\n  |\n3 | reviewed = \"last week\"\n  |            ^^^^^^^^^^^\n  = help: write dates as \"YYYY-MM-DD\" in quotes, e.g. \"2026-12-25\"\n"
    );
    assert!(
        errors("+++\ntitle = \"A\"\nreviewed = 2026-02-03\n+++\n").starts_with(
            "error: the date 2026-02-03 needs double quotes\n --> content/s.md:3:12\n"
        )
    );
    let Some(s) = slide("+++\ntitle = \"A\"\n+++\n") else {
        unreachable!("a title is enough")
    };
    assert!(s.reviewed.is_none());
}

#[test]
fn bad_time() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\ntime = \"22:00-25:00\"\n+++\n"),
        "error: \"25:00\" is not a time of day; hours go from 00 to 23\n --> content/s.md:3:15\n  |\n3 | time = \"22:00-25:00\"\n  |               ^^^^^\n  = help: write times in 24-hour form HH:MM, e.g. 09:00 or 18:00 (24:00 may end a range)\n"
    );
    assert_eq!(
        errors("+++\ntitle = \"A\"\ntime = \"09:00-10:00, 11:00-12:00\"\n+++\n"),
        "error: time takes one range, not several\n --> content/s.md:3:8\n  |\n3 | time = \"09:00-10:00, 11:00-12:00\"\n  |        ^^^^^^^^^^^^^^^^^^^^^^^^^^\n  = help: write one range, e.g. time = \"09:00-12:00\"; a range that ends at or before its start runs past midnight\n"
    );
    assert!(
        errors("+++\ntitle = \"A\"\ntime = \"closed\"\n+++\n")
            .starts_with("error: time needs a range of hours\n")
    );
}

#[test]
fn unknown_when() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\nwhen = \"opne\"\n+++\n"),
        "error: unknown when \"opne\"\n --> content/s.md:3:8\n  |\n3 | when = \"opne\"\n  |        ^^^^^^\n  = help: did you mean \"open\"? The choices are \"any\", \"open\", \"closed\" and \"closing_soon\"\n"
    );
}

#[test]
fn unknown_and_missing_days() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\ndays = [\"monday\", \"fryday\", \"xyz\"]\n+++\n"),
        "error: unknown day \"fryday\"\n --> content/s.md:3:19\n  |\n3 | days = [\"monday\", \"fryday\", \"xyz\"]\n  |                   ^^^^^^^^\n  = help: did you mean \"friday\"? Days are written monday … sunday, or mon … sun\n\n\
         error: unknown day \"xyz\"\n --> content/s.md:3:29\n  |\n3 | days = [\"monday\", \"fryday\", \"xyz\"]\n  |                             ^^^^^\n  = help: Days are written monday … sunday, or mon … sun\n"
    );
    assert!(
        errors("+++\ntitle = \"A\"\ndays = []\n+++\n")
            .starts_with("error: days is empty, so this slide would never show\n")
    );
}

#[test]
fn unknown_placeholders_are_located_in_the_whole_file() {
    assert_eq!(
        errors("+++\ntitle = \"A\"\n+++\nHello.\nCall {{phon}} or {{ clinic }}.\n"),
        "error: unknown placeholder {{phon}}\n --> content/s.md:5:6\n  |\n5 | Call {{phon}} or {{ clinic }}.\n  |      ^^^^^^^^\n  = help: did you mean {{phone}}? The placeholders are {{clinic_name}}, {{address}}, {{phone}}, {{week_hours}} and {{status}}\n\n\
         error: unknown placeholder {{ clinic }}\n --> content/s.md:5:18\n  |\n5 | Call {{phon}} or {{ clinic }}.\n  |                  ^^^^^^^^^^^^\n  = help: did you mean {{clinic_name}}? The placeholders are {{clinic_name}}, {{address}}, {{phone}}, {{week_hours}} and {{status}}\n"
    );
}

#[test]
fn empty_qr_and_sources_and_toml_syntax() {
    assert!(errors("+++\ntitle = \"A\"\nqr = \"\"\n+++\n").starts_with("error: qr is empty\n"));
    let long = format!("+++\ntitle = \"A\"\nqr = \"{}\"\n+++\n", "x".repeat(300));
    assert!(errors(&long).starts_with("error: qr is 300 bytes long;"));
    assert!(
        errors("+++\ntitle = \"A\"\nsources = [\"\"]\n+++\n")
            .starts_with("error: this source is empty\n --> content/s.md:3:12\n")
    );
    assert_eq!(
        errors("+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n"),
        "error: title is set twice\n --> content/s.md:3:1\n  |\n3 | title = \"B\"\n  | ^^^^^\n  = help: keep only one of them\n"
    );
    assert!(errors("+++\ntitle = \"A\n+++\n").contains(" --> content/s.md:2:11\n"));
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let src = "+++\ntitle = \"\"\nduration = 9999\nwhen = \"x\"\n+++\n{{nope}}\n";
    let Err(problems) = parse_slide("s.md", "s.md", src) else {
        unreachable!("the slide is broken")
    };
    assert_eq!(problems.len(), 4);
}

#[test]
fn control_characters_never_reach_the_slide() {
    let src = "+++\ntitle = \"Hi\\u001b]0;x\\u0007\"\nsources = [\"a\\u009bb\"]\nqr = \"\\u202eq\"\n+++\n\u{1b}[2Jbody\u{7}\n";
    let Some(s) = slide(src) else {
        unreachable!("{}", errors(src))
    };
    let body = s.body.replace('\n', "");
    let all = format!("{}{body}{}{:?}", s.title, s.sources.join(""), s.qr);
    assert!(!all.chars().any(crate::sanitize::is_unsafe), "{all:?}");
}

proptest! {
    #[test]
    fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_slide("s.md", "s.md", &text);
        let _ = parse_slide("s.md", "s.md", &format!("+++\n{text}\n+++\n{text}"));
    }

    #[test]
    fn never_panics_on_plausible_slides(
        front in "(title|days|time|when|from|duration|qr) = (\"[a-z0-9:, -]{0,12}\"|[0-9]{1,4}|\\[\"[a-z]{0,4}\"\\]|true)\n",
        body in "[a-z{} \n#*>-]{0,60}",
    ) {
        let _ = parse_slide("s.md", "s.md", &format!("+++\n{front}+++\n{body}"));
    }
}
