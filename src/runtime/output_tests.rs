use std::io::Read;

use super::*;

const LONG: Duration = Duration::from_secs(20);

fn frame(out: &mut Output, byte: u8, len: usize) -> io::Result<()> {
    out.write_all(&vec![byte; len])?;
    out.flush()
}

fn wait_until(what: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + LONG;
    while Instant::now() < deadline {
        if what() {
            return true;
        }
        thread::sleep(Duration::from_millis(5));
    }
    false
}

#[test]
fn frames_reach_the_terminal_in_order() -> io::Result<()> {
    let (mut reader, writer) = io::pipe()?;
    let mut out = Output::new(writer);
    frame(&mut out, b'a', 3)?;
    frame(&mut out, b'b', 2)?;
    assert!(out.control().drain(LONG));
    let mut got = [0u8; 5];
    reader.read_exact(&mut got)?;
    assert_eq!(&got, b"aaabb");
    assert!(!out.control().take_lost());
    Ok(())
}

#[test]
fn a_stuck_terminal_never_holds_up_drawing_and_frames_are_dropped() -> io::Result<()> {
    // Nobody reads the pipe: once its buffer is full, writes wait forever,
    // as they do on a terminal whose output is stopped.
    let (mut reader, writer) = io::pipe()?;
    let mut out = Output::new(writer);
    for _ in 0..40 {
        frame(&mut out, b'x', 64 * 1024)?;
    }
    assert!(wait_until(|| out.control().stuck_for().is_some()));
    assert!(
        out.control().take_lost(),
        "frames past the limit are dropped"
    );
    assert!(!out.control().take_lost(), "reported once");
    assert!(!out.control().drain(Duration::from_millis(50)));
    // Output resumes: whatever still waits is written.
    thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = reader.read_to_end(&mut sink);
    });
    assert!(out.control().drain(LONG));
    assert!(out.control().stuck_for().is_none());
    Ok(())
}

#[test]
fn a_closed_terminal_is_an_error_not_a_hang() -> io::Result<()> {
    let (reader, writer) = io::pipe()?;
    drop(reader);
    let mut out = Output::new(writer);
    frame(&mut out, b'a', 10)?;
    assert!(!out.control().drain(LONG), "a failed write is not written");
    assert!(frame(&mut out, b'a', 1).is_err());
    Ok(())
}

/// The pipe's writing end opened again, non-blocking, as the terminal is.
fn direct_to(writer: &io::PipeWriter) -> io::Result<File> {
    let fd = writer.as_fd().try_clone_to_owned()?;
    let path = format!("/proc/self/fd/{}", fd.as_raw_fd());
    let flags = rustix::fs::OFlags::WRONLY | rustix::fs::OFlags::NONBLOCK;
    let file = rustix::fs::open(path.as_str(), flags, rustix::fs::Mode::empty())?;
    Ok(File::from(file))
}

#[test]
fn frames_written_at_once_or_handed_over_reach_the_terminal_in_order() -> io::Result<()> {
    let (mut reader, writer) = io::pipe()?;
    let direct = direct_to(&writer)?;
    let mut out = Output::with_direct(writer, direct);
    // Small frames go straight out; the large ones fill the pipe's buffer
    // part way, and the writer thread writes the rest.
    let sizes = [3, 200 * 1024, 5, 7, 150 * 1024, 1];
    let expected: Vec<u8> = sizes
        .iter()
        .zip(b'a'..)
        .flat_map(|(&len, byte)| vec![byte; len])
        .collect();
    let total = expected.len();
    let read = thread::spawn(move || {
        let mut got = vec![0u8; total];
        reader.read_exact(&mut got).map(|()| got)
    });
    for (&len, byte) in sizes.iter().zip(b'a'..) {
        frame(&mut out, byte, len)?;
    }
    assert!(out.control().drain(LONG));
    let got = read
        .join()
        .map_err(|_| io::Error::other("the reader panicked"))??;
    assert!(got == expected, "bytes out of order or missing");
    assert!(!out.control().take_lost());
    Ok(())
}

#[test]
fn a_stuck_terminal_never_holds_up_the_direct_write() -> io::Result<()> {
    // Nobody reads: the non-blocking write takes what fits and returns; the
    // rest waits with the writer thread, and frames past the limit drop.
    let (mut reader, writer) = io::pipe()?;
    let direct = direct_to(&writer)?;
    let mut out = Output::with_direct(writer, direct);
    for _ in 0..40 {
        frame(&mut out, b'x', 64 * 1024)?;
    }
    assert!(wait_until(|| out.control().stuck_for().is_some()));
    assert!(
        out.control().take_lost(),
        "frames past the limit are dropped"
    );
    assert!(!out.control().drain(Duration::from_millis(50)));
    thread::spawn(move || {
        let mut sink = Vec::new();
        let _ = reader.read_to_end(&mut sink);
    });
    assert!(out.control().drain(LONG));
    // Output flows again: the next frame goes out at once.
    frame(&mut out, b'y', 10)?;
    assert!(out.control().drain(LONG));
    Ok(())
}
