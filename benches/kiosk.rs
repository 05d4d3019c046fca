//! What the kiosk's own work costs: reading the slides and `kiosk.toml`,
//! drawing one frame, one keystroke or clock tick through `update`, and
//! working out when to wake next.
//!
//! Run with `cargo bench --bench kiosk` (the figures are explained in
//! docs/performance.md). By default criterion times the wall clock; with
//! `KIOSK_BENCH_CPU=1` it counts the CPU time of the benchmark's thread
//! instead (from `/proc/thread-self/schedstat`), which other programs
//! running on the same machine disturb much less. Those results are named
//! `cpu/...`, so the two kinds are never compared with each other.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BatchSize, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use kiosk::app::{App, Msg};
use kiosk::config::Config;
use kiosk::slides::{ContentWatcher, Deck, load_deck};
use kiosk::ui::SlideLayout;
use kiosk::ui::console::Palette;
use kiosk::ui::qr::Qr;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use tui_big_text::{BigText, PixelSize};

/// A Monday morning: open, not closing soon.
const OPEN_MOMENT: &str = "2026-11-23T10:42:00-07:00";
/// A typical text slide.
const TYPICAL: &str = "010-what-is-acupuncture.md";
/// The slide with a QR code.
const VISIT: &str = "900-visit-us.md";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bundled_text() -> Option<String> {
    std::fs::read_to_string(manifest_dir().join("kiosk.toml")).ok()
}

fn bundled() -> Option<Config> {
    let text = bundled_text()?;
    Config::parse(Path::new("kiosk.toml"), &text, manifest_dir()).ok()
}

fn content_dir() -> PathBuf {
    manifest_dir().join("content")
}

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The app as the runtime builds it, showing `file` with a third of its
/// time gone (so the progress bar is partly drawn).
fn app_showing(config: &Config, deck: &Deck, file: &str, w: u16, h: u16) -> Option<App> {
    let now = at(OPEN_MOMENT);
    let mut app = App::new(config.clone(), now, false)
        .with_deck(deck.clone())
        .with_size(w, h);
    let index = app.deck.slides.iter().position(|s| s.file == file)?;
    if !app.eligible().contains(&index) {
        return None;
    }
    app.show.slide = Some(index);
    app.show.page = 0;
    app.show.page_started = now - Duration::seconds(6);
    Some(app)
}

fn parsing<M: Measurement + 'static>(c: &mut Criterion<M>, p: &str) {
    let dir = content_dir();
    c.bench_function(&format!("{p}load_deck/bundled content"), |b| {
        b.iter(|| black_box(load_deck(black_box(&dir))))
    });
    // What the runtime does every 2 seconds to notice edits (one
    // `read_dir` and one `metadata` per slide file), when nothing changed.
    let mut watcher = ContentWatcher::new(&dir);
    c.bench_function(&format!("{p}watch/content folder, no change"), |b| {
        b.iter(|| black_box(watcher.changed()))
    });
    let Some(text) = bundled_text() else {
        eprintln!("the bundled kiosk.toml could not be read");
        return;
    };
    let base = manifest_dir();
    c.bench_function(&format!("{p}config_parse/bundled kiosk.toml"), |b| {
        b.iter(|| {
            black_box(Config::parse(
                Path::new("kiosk.toml"),
                black_box(&text),
                base,
            ))
        })
    });
}

fn drawing<M: Measurement + 'static>(c: &mut Criterion<M>, p: &str) {
    let Some(config) = bundled() else {
        eprintln!("the bundled kiosk.toml did not load");
        return;
    };
    let deck = load_deck(&content_dir());
    for (w, h) in [(80u16, 24u16), (200, 60)] {
        for (name, file) in [("typical slide", TYPICAL), ("visit slide with QR", VISIT)] {
            let Some(app) = app_showing(&config, &deck, file, w, h) else {
                eprintln!("{file} is not showing at {OPEN_MOMENT}; skipped");
                continue;
            };
            let mut terminal = match Terminal::new(TestBackend::new(w, h)) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("no test terminal: {e}");
                    return;
                }
            };
            c.bench_function(&format!("{p}draw/{w}x{h} {name}"), |b| {
                b.iter(|| {
                    let done = terminal.draw(|f| f.render_widget(&app, f.area()));
                    black_box(done.is_ok())
                })
            });
            // Where a frame's time goes: the terminal's own work (diffing
            // against the last frame and clearing the spare buffer, which
            // grows with the screen) with nothing drawn, ...
            if file == TYPICAL {
                c.bench_function(&format!("{p}frame_part/terminal only {w}x{h}"), |b| {
                    b.iter(|| black_box(terminal.draw(|_| {}).is_ok()))
                });
            }
            // ... the kiosk's drawing into a bare buffer, no terminal, ...
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            c.bench_function(&format!("{p}frame_part/render {w}x{h} {name}"), |b| {
                b.iter(|| {
                    buf.reset();
                    black_box(&app).render(area, &mut buf);
                })
            });
            // ... the same followed, as on the Linux console (`TERM=linux`
            // only), by the pass that keeps every cell readable there ...
            c.bench_function(
                &format!("{p}frame_part/render and console pass {w}x{h} {name}"),
                |b| {
                    b.iter(|| {
                        buf.reset();
                        black_box(&app).render(area, &mut buf);
                        Palette::Console.adapt(&mut buf);
                    })
                },
            );
            // ... laying the slide out (Markdown, wrapping, pages, QR code),
            // done when the slide, its placeholder values or the size
            // change, and the kept layout handed out otherwise ...
            if let (Some(slide), Some(regions)) = (app.current_slide(), kiosk::ui::regions(area)) {
                let vars = app.vars();
                c.bench_function(&format!("{p}frame_part/slide_layout {w}x{h} {name}"), |b| {
                    b.iter(|| {
                        black_box(SlideLayout::new(
                            slide,
                            &vars,
                            regions.body,
                            kiosk::i18n::english(),
                        ))
                    })
                });
            }
            c.bench_function(
                &format!("{p}frame_part/slide_layout kept {w}x{h} {name}"),
                |b| b.iter(|| black_box(black_box(&app).slide_layout())),
            );
            // ... and which slides may show (the footer's "1 / 23").
            c.bench_function(&format!("{p}frame_part/eligible {w}x{h} {name}"), |b| {
                b.iter(|| black_box(black_box(&app).eligible()))
            });
        }
    }
}

/// The two pieces of a slide that cost most to draw, alone.
fn frame_pieces<M: Measurement + 'static>(c: &mut Criterion<M>, p: &str) {
    c.bench_function(
        &format!("{p}frame_part/qr code (encode tel: number)"),
        |b| b.iter(|| black_box(Qr::new(black_box("tel:+17202429756")))),
    );
    // A big two-line title as a 200x60 screen draws it: 76 columns, 4 rows
    // a line.
    let area = Rect::new(0, 0, 76, 8);
    let mut buf = Buffer::empty(area);
    c.bench_function(&format!("{p}frame_part/big title 2 lines"), |b| {
        b.iter(|| {
            buf.reset();
            BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .lines(vec![Line::raw("What is"), Line::raw("acupuncture?")])
                .build()
                .render(area, &mut buf);
            black_box(&buf);
        })
    });
}

fn updating<M: Measurement + 'static>(c: &mut Criterion<M>, p: &str) {
    let Some(config) = bundled() else {
        eprintln!("the bundled kiosk.toml did not load");
        return;
    };
    let deck = load_deck(&content_dir());
    let Some(app) = app_showing(&config, &deck, TYPICAL, 100, 30) else {
        eprintln!("{TYPICAL} is not showing at {OPEN_MOMENT}");
        return;
    };
    c.bench_function(&format!("{p}update/key right"), |b| {
        b.iter_batched_ref(
            || app.clone(),
            |app| black_box(app.update(key(KeyCode::Right))),
            BatchSize::SmallInput,
        )
    });
    c.bench_function(&format!("{p}update/key left"), |b| {
        b.iter_batched_ref(
            || app.clone(),
            |app| black_box(app.update(key(KeyCode::Left))),
            BatchSize::SmallInput,
        )
    });
    // Both ways on one app, so it ends where it started.
    let mut there_and_back = app.clone();
    c.bench_function(&format!("{p}update/key right then left"), |b| {
        b.iter(|| {
            black_box(there_and_back.update(key(KeyCode::Right)));
            black_box(there_and_back.update(key(KeyCode::Left)))
        })
    });
    // The tick the runtime sends when the progress bar moves one cell on.
    let wake = app.next_wake();
    c.bench_function(&format!("{p}update/tick"), |b| {
        b.iter_batched_ref(
            || app.clone(),
            |app| black_box(app.update(Msg::Tick(black_box(wake)))),
            BatchSize::SmallInput,
        )
    });
    c.bench_function(&format!("{p}next_wake"), |b| {
        b.iter(|| black_box(black_box(&app).next_wake()))
    });
}

/// Every benchmark, named with `prefix`.
fn all<M: Measurement + 'static>(c: &mut Criterion<M>, prefix: &str) {
    parsing(c, prefix);
    drawing(c, prefix);
    frame_pieces(c, prefix);
    updating(c, prefix);
}

/// CPU time used by the calling thread, in nanoseconds, as the scheduler
/// last accounted it (it lags by at most one scheduler tick).
struct ThreadCpu;

fn thread_cpu_nanos() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

static WALL: WallTime = WallTime;

impl Measurement for ThreadCpu {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_nanos()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_nanos().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        // Nanoseconds, shown as durations like the wall clock's.
        WALL.formatter()
    }
}

fn main() {
    let cpu = std::env::var_os("KIOSK_BENCH_CPU").is_some_and(|v| !v.is_empty() && v != "0");
    if cpu {
        // The scheduler's count lags by up to a tick (4 ms at 250 Hz), so
        // every sample must run far longer than that: 20 samples over 10 s
        // make the shortest one about 50 ms.
        let mut c = Criterion::default()
            .with_measurement(ThreadCpu)
            .sample_size(20)
            .measurement_time(std::time::Duration::from_secs(10))
            .configure_from_args();
        all(&mut c, "cpu/");
    } else {
        let mut c = Criterion::default().configure_from_args();
        all(&mut c, "");
    }
    Criterion::default().configure_from_args().final_summary();
}
