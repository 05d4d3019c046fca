//! The kiosk on the shared PostgreSQL store (`[store] url`), the real
//! binary in a pseudo-terminal on the real clock (a demonstration never
//! touches the server), open around the clock: a check-in lands on the
//! server; a connection cut by the server is opened again by itself; with
//! no server the slides keep running, the patient is sent to the front desk
//! and staff see why.

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt;

use chrono::Utc;

use crate::common::{PtyKiosk, framed};
use crate::pg_support::{self, Scratch};
use crate::site::{
    Site, check_in_ok, check_in_refused, open_staff, wait_for_slides, wait_for_slides_to_turn,
};

/// `site`'s kiosk.toml open all week, all day, on the store at `url` with
/// `password`.
fn on_server(site: &Site, url: &str, password: &str) {
    let config = fs::read_to_string(site.config()).expect("kiosk.toml");
    let always = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .map(|day| format!("{day} = \"00:00-24:00\"\n"))
    .concat();
    let config = config.replace("monday = \"09:00-18:00\"\n", &always);
    let secret = site.root().join("state-db-password");
    fs::write(&secret, format!("{password}\n")).expect("written");
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o600)).expect("owner-only");
    let config =
        format!("{config}[store]\nurl = \"{url}\"\npassword_file = \"state-db-password\"\n");
    fs::write(site.config(), config).expect("kiosk.toml written");
}

fn run(site: &Site) -> PtyKiosk {
    let args: Vec<OsString> = vec!["--config".into(), site.config().into(), "run".into()];
    PtyKiosk::spawn(args, 100, 30)
}

fn today() -> chrono::NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::America::Denver)
        .date_naive()
}

#[test]
fn a_check_in_lands_on_the_server_and_survives_a_cut_connection() {
    let scratch = Scratch::new();
    let site = Site::new();
    let (url, password) = pg_support::split_password(&scratch.url());
    on_server(&site, &url, &password);
    let mut kiosk = run(&site);
    wait_for_slides(&kiosk);
    check_in_ok(&mut kiosk, "Ana", "Ruiz");
    let mut server = scratch.store("main");
    let names: Vec<String> = server
        .list(today())
        .expect("listed")
        .iter()
        .filter_map(|r| r.field("first_name").map(str::to_string))
        .collect();
    assert_eq!(names, ["Ana"]);
    // The server ends the kiosk's connection (a restart, a network cut):
    // the next patient is checked in all the same.
    let mut admin = pg_support::admin();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
            &[&scratch.schema],
        )
        .expect("terminated");
    check_in_ok(&mut kiosk, "Ben", "Ruiz");
    let mut server = scratch.store("main");
    assert_eq!(server.list(today()).expect("listed").len(), 2);
}

#[test]
fn with_no_server_the_patient_is_sent_to_the_desk_and_staff_see_why() {
    let site = Site::new();
    on_server(
        &site,
        "postgresql://kiosk@127.0.0.1:9/clinic?sslmode=disable",
        "x",
    );
    let mut kiosk = run(&site);
    wait_for_slides(&kiosk);
    wait_for_slides_to_turn(&kiosk);
    check_in_refused(&mut kiosk, "Ana", "Ruiz");
    // The slides still run.
    wait_for_slides_to_turn(&kiosk);
    open_staff(&mut kiosk);
    kiosk.wait_for("the problem on the staff screen", |s| {
        s.contains("cannot be reached")
    });
    let screen = kiosk.screen_text();
    assert!(
        !screen.contains(":x@"),
        "never the password:\n{}",
        framed(&screen)
    );
}

#[test]
fn a_server_that_does_not_answer_never_stops_the_screen() {
    let scratch = Scratch::new();
    let site = Site::new();
    let (url, password) = pg_support::split_password(&scratch.url());
    on_server(&site, &url, &password);
    let mut kiosk = run(&site);
    wait_for_slides(&kiosk);
    check_in_ok(&mut kiosk, "Ana", "Ruiz");
    // Another session holds the day's ticket counter: the server does not
    // answer the next check-in until its time limit.
    let mut holder = scratch.client();
    let mut hold = holder.transaction().expect("begin");
    hold.execute("SELECT last FROM ticket_counter FOR UPDATE", &[])
        .expect("locked");
    crate::site::check_in(&mut kiosk, "Ben", "Ruiz");
    // The screen is drawn meanwhile: "One moment…" while the server is
    // silent, then the desk, never a ticket.
    kiosk.wait_for_text("One moment");
    kiosk.wait_for_all(&[crate::site::SORRY, crate::site::SEE_DESK]);
    kiosk.wait_for_text(crate::site::CONTINUE);
    kiosk.send(b" ");
    wait_for_slides(&kiosk);
    hold.rollback().expect("released");
    // The server answers again: the next patient gets the next number.
    check_in_ok(&mut kiosk, "Cy", "Ruiz");
    let mut server = scratch.store("main");
    let tickets: Vec<u32> = server
        .list(today())
        .expect("listed")
        .iter()
        .map(|r| r.ticket)
        .collect();
    assert_eq!(tickets, [1, 2], "no gap, nothing half-stored");
}
