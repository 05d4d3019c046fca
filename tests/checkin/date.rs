//! Reading dates as people type them.

use kiosk::checkin::{DateProblem, parse_date};

use crate::{today, ymd};

#[test]
fn forms_people_type() {
    let want = Ok(ymd(1962, 4, 17));
    for typed in [
        "4/17/62",
        "04/17/62",
        "04/17/1962",
        "4/17/1962",
        "04-17-1962",
        "4.17.1962",
        "1962-04-17",
        "1962/4/17",
        "04171962",
        "041762",
        " 4 / 17 / 1962 ",
        "4 17 1962",
        "０４／１７／１９６２",
    ] {
        assert_eq!(parse_date(typed, today()), want, "{typed}");
    }
}

#[test]
fn two_digit_years_are_the_most_recent_past_year() {
    // Today is November 21, 2026.
    let cases = [
        ("4/17/62", ymd(1962, 4, 17)),
        ("1/1/05", ymd(2005, 1, 1)),
        ("1/1/00", ymd(2000, 1, 1)),
        ("11/21/26", ymd(2026, 11, 21)),
        ("11/20/26", ymd(2026, 11, 20)),
        ("11/22/26", ymd(1926, 11, 22)),
        ("12/31/26", ymd(1926, 12, 31)),
        ("1/1/27", ymd(1927, 1, 1)),
        ("12/31/99", ymd(1999, 12, 31)),
        ("112226", ymd(1926, 11, 22)),
    ];
    for (typed, want) in cases {
        assert_eq!(parse_date(typed, today()), Ok(want), "{typed}");
    }
}

#[test]
fn the_pivot_follows_today() {
    assert_eq!(parse_date("6/1/30", ymd(2030, 6, 1)), Ok(ymd(2030, 6, 1)));
    assert_eq!(parse_date("6/2/30", ymd(2030, 6, 1)), Ok(ymd(1930, 6, 2)));
    assert_eq!(parse_date("1/1/99", ymd(2099, 12, 31)), Ok(ymd(2099, 1, 1)));
}

#[test]
fn leap_days() {
    assert_eq!(parse_date("02/29/2000", today()), Ok(ymd(2000, 2, 29)));
    assert_eq!(parse_date("2/29/00", today()), Ok(ymd(2000, 2, 29)));
    assert_eq!(parse_date("02/29/1988", today()), Ok(ymd(1988, 2, 29)));
    assert_eq!(parse_date("2/29/24", today()), Ok(ymd(2024, 2, 29)));
    let no_such = |year, days| {
        Err(DateProblem::NoSuchDay {
            month: 2,
            year,
            days,
        })
    };
    assert_eq!(parse_date("02/29/1900", today()), no_such(1900, 28));
    assert_eq!(parse_date("02/29/1990", today()), no_such(1990, 28));
    assert_eq!(parse_date("02/30/2000", today()), no_such(2000, 29));
    assert_eq!(parse_date("2/29/25", today()), no_such(2025, 28));
}

#[test]
fn impossible_dates() {
    assert_eq!(
        parse_date("04/31/1990", today()),
        Err(DateProblem::NoSuchDay {
            month: 4,
            year: 1990,
            days: 30
        })
    );
    for typed in [
        "00/10/1990",
        "10/00/1990",
        "10/32/1990",
        "13/13/1990",
        "1990-13-01",
    ] {
        assert_eq!(
            parse_date(typed, today()),
            Err(DateProblem::Unreadable),
            "{typed}"
        );
    }
    assert_eq!(
        parse_date("17/04/1962", today()),
        Err(DateProblem::MonthFirst)
    );
}

#[test]
fn future_and_too_old() {
    assert_eq!(parse_date("11/22/2026", today()), Err(DateProblem::Future));
    assert_eq!(parse_date("11/21/2026", today()), Ok(today()));
    assert_eq!(parse_date("12/31/1899", today()), Err(DateProblem::TooOld));
    assert_eq!(parse_date("01/01/1900", today()), Ok(ymd(1900, 1, 1)));
}

#[test]
fn unreadable() {
    for typed in [
        "",
        "April 17, 1962",
        "4/17",
        "4/17/962",
        "4/17/19622",
        "123/4/1962",
        "1962",
        "0417196",
        "4/17/62/1",
        "4//17//62x",
        "٤/١٧/١٩٦٢",
    ] {
        assert_eq!(
            parse_date(typed, today()),
            Err(DateProblem::Unreadable),
            "{typed}"
        );
    }
}
