//! A receipt (or report) out of the till: to the network thermal printer over ESC/POS, or
//! into a PDF file. The receipt itself is already in the journal; every failure here is a
//! sentence for the cashier that says so and what to check, and nothing is lost.
//!
//! * [`print_escpos`]: encodes the [`Doc`] ([`kassa_print::encode`]) and sends it to the
//!   printer at `addr` (`host` or `host:port`, port 9100 by default) over raw TCP, all of it
//!   (connect, send, the printer's close) within `deadline`.
//! * [`save_pdf`]: writes [`kassa_print::pdf::render`] to a file through a temporary file
//!   beside it ([`kassa_journal::files::replace_file`]): the file is there whole, or what
//!   was there before stays as it was.

use std::io;
use std::path::Path;
use std::time::Duration;

use kassa_journal::JournalError;
use kassa_journal::files::{replace_file, write_private};
use kassa_print::printer::DEFAULT_CLOSE_WAIT;
use kassa_print::{Block, Doc, NetworkPrinter, Raster};

/// Why a receipt did not reach the printer. Each message is for the cashier.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(
        "“{input}” is not a printer address: set the printer in Settings → Shop as 192.168.1.50 or 192.168.1.50:9100. The receipt is kept; print it again from the sale."
    )]
    BadAddress { input: String },
    #[error(
        "The printer name {addr} is not known on this network: check the printer in Settings → Shop. The receipt is kept; print it again from the sale."
    )]
    UnknownHost { addr: String },
    #[error(
        "The printer at {addr} does not answer: is it on? The receipt is kept; print it again from the sale."
    )]
    NoAnswer { addr: String },
    #[error(
        "The printer at {addr} does not answer: is it on, with paper in and its lid closed? The receipt is kept; print it again from the sale."
    )]
    NotTaking { addr: String },
    #[error(
        "The connection to the printer at {addr} broke while printing: check its paper, lid and cable. The receipt is kept; print it again from the sale."
    )]
    ConnectionBroke { addr: String },
}

impl From<kassa_print::PrintError> for PrintError {
    fn from(e: kassa_print::PrintError) -> PrintError {
        use kassa_print::PrintError as P;
        match e {
            P::BadAddress { input } => PrintError::BadAddress { input },
            P::UnknownHost { addr, .. } => PrintError::UnknownHost { addr },
            P::NoAnswer { addr, .. } => PrintError::NoAnswer { addr },
            P::ConnectionBroke { addr, .. } => PrintError::ConnectionBroke { addr },
            P::TooSlow { addr } => PrintError::NotTaking { addr },
        }
    }
}

/// Prints `doc` on the ESC/POS printer at `addr`, within `deadline` in all.
///
/// `logo`, when given and `doc` does not already begin with a logo, is printed at the top.
/// A printer that does not accept the connection in time, or does not take the whole receipt
/// in time, is [`PrintError::NoAnswer`] / [`PrintError::NotTaking`], returned by the
/// deadline.
pub async fn print_escpos(
    addr: &str,
    doc: &Doc,
    logo: Option<&Raster>,
    deadline: Duration,
) -> Result<(), PrintError> {
    let mut printer = NetworkPrinter::new(addr)?.with_timeouts(deadline, deadline);
    printer.close_wait = DEFAULT_CLOSE_WAIT.min(deadline);
    let bytes = match logo {
        Some(logo) if !matches!(doc.blocks.first(), Some(Block::Logo(_))) => {
            let mut with_logo = doc.clone();
            with_logo.blocks.insert(0, Block::Logo(logo.clone()));
            kassa_print::encode(&with_logo)
        }
        _ => kassa_print::encode(doc),
    };
    match tokio::time::timeout(deadline, printer.print(&bytes)).await {
        Ok(result) => Ok(result?),
        Err(_) => Err(PrintError::NotTaking {
            addr: printer.address(),
        }),
    }
}

/// Why a PDF could not be saved. Each message is for the cashier.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(
        "{path} is a folder: choose a file name for the PDF (such as receipt-1042.pdf). The receipt is kept."
    )]
    IsAFolder { path: String },
    #[error(
        "The folder {folder} does not exist: choose another place to save the PDF. The receipt is kept."
    )]
    NoFolder { folder: String },
    #[error(
        "Kassa may not write in {folder}: choose another folder for the PDF. The receipt is kept."
    )]
    NotAllowed { folder: String },
    #[error(
        "The disk is full: the PDF could not be saved as {path}. Free some space or choose another place. The receipt is kept."
    )]
    DiskFull { path: String },
    #[error("The PDF could not be saved as {path} ({reason}). The receipt is kept.")]
    Other { path: String, reason: String },
}

/// What went wrong writing the temporary file or moving it into place.
enum WriteFailed {
    Io(io::Error),
    Journal(JournalError),
}

impl From<JournalError> for WriteFailed {
    fn from(e: JournalError) -> WriteFailed {
        match e {
            JournalError::Io { source, .. } => WriteFailed::Io(source),
            other => WriteFailed::Journal(other),
        }
    }
}

/// Saves `doc` as a PDF `width` columns across ([`kassa_print::pdf::render`]) at `path`,
/// replacing a file there only once the new one is written whole (readable by its user
/// only, as the journal's copies are).
pub fn save_pdf(path: &Path, doc: &Doc, width: usize) -> Result<(), PdfError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(PdfError::IsAFolder { path: shown });
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let bytes = kassa_print::pdf::render(doc, width);
    let written = replace_file(path, |tmp| {
        write_private(tmp, &bytes).map_err(WriteFailed::Io)
    });
    let source = match written {
        Ok(()) => return Ok(()),
        Err(WriteFailed::Io(source)) => source,
        Err(WriteFailed::Journal(e)) => {
            return Err(PdfError::Other {
                path: shown,
                reason: e.to_string(),
            });
        }
    };
    Err(pdf_error(shown, &folder, &source))
}

/// The cashier's sentence for a failed write of the PDF `path` in `folder`.
fn pdf_error(path: String, folder: &Path, source: &io::Error) -> PdfError {
    let folder = folder.display().to_string();
    match source.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => PdfError::NoFolder { folder },
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            PdfError::NotAllowed { folder }
        }
        io::ErrorKind::StorageFull => PdfError::DiskFull { path },
        _ => PdfError::Other {
            path,
            reason: source.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use kassa_print::testing::{Event, decode};
    use kassa_print::{Align, COLUMNS_80MM};
    use tokio::io::AsyncReadExt;
    use tokio::net::{TcpListener, TcpSocket};

    fn logo() -> Raster {
        let gray: Vec<u8> = (0..24 * 8)
            .map(|i| if i % 3 == 0 { 0 } else { 255 })
            .collect();
        kassa_print::logo::dither(24, 8, &gray)
    }

    fn receipt() -> Doc {
        Doc::new(COLUMNS_80MM)
            .push(Block::styled(
                "Bakeriet Grünerløkka AS",
                Align::Center,
                true,
                false,
            ))
            .push(Block::columns("Skolebolle", "kr 35,00"))
            .push(Block::styled("TOTAL kr 35,00", Align::Center, true, true))
            .push(Block::Cut)
    }

    /// A bound the test holds the call to, far beyond its deadline: a call that hung would
    /// fail here instead of hanging the test run.
    async fn bounded<T>(f: impl std::future::Future<Output = T>) -> T {
        tokio::time::timeout(Duration::from_secs(30), f)
            .await
            .expect("print_escpos came back (by its deadline)")
    }

    #[tokio::test]
    async fn a_receipt_reaches_a_loopback_printer_with_its_text_logo_and_cut() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let printer = tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.expect("accept");
            let mut bytes = Vec::new();
            stream.read_to_end(&mut bytes).await.expect("read");
            bytes
        });
        let logo = logo();
        bounded(print_escpos(
            &format!("127.0.0.1:{port}"),
            &receipt(),
            Some(&logo),
            Duration::from_secs(10),
        ))
        .await
        .expect("printed");
        let decoded = decode(&printer.await.expect("printer task"));
        assert_eq!(decoded.code_table, Some(16), "WPC1252");
        assert_eq!(
            decoded.events.first(),
            Some(&Event::Image {
                width: 24,
                height: 8,
                bits: logo.bits().to_vec(),
            })
        );
        let lines = decoded.lines();
        assert_eq!(
            lines[0],
            ("Bakeriet Grünerløkka AS", Align::Center, true, false)
        );
        assert_eq!(
            lines[1].0,
            format!("Skolebolle{}kr 35,00", " ".repeat(48 - 10 - 8))
        );
        assert_eq!(lines[2], ("TOTAL kr 35,00", Align::Center, true, true));
        assert_eq!(decoded.events.last(), Some(&Event::Cut));
        assert_eq!(
            decoded.events.iter().filter(|e| **e == Event::Cut).count(),
            1
        );
    }

    #[tokio::test]
    async fn a_doc_that_has_its_logo_does_not_get_a_second() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let printer = tokio::spawn(async move {
            let (mut stream, _) = listener.accept().await.expect("accept");
            let mut bytes = Vec::new();
            stream.read_to_end(&mut bytes).await.expect("read");
            bytes
        });
        let logo = logo();
        let mut doc = receipt();
        doc.blocks.insert(0, Block::Logo(logo.clone()));
        bounded(print_escpos(
            &format!("127.0.0.1:{port}"),
            &doc,
            Some(&logo),
            Duration::from_secs(10),
        ))
        .await
        .expect("printed");
        let decoded = decode(&printer.await.expect("printer task"));
        let images = decoded
            .events
            .iter()
            .filter(|e| matches!(e, Event::Image { .. }))
            .count();
        assert_eq!(images, 1);
    }

    #[tokio::test]
    async fn a_printer_that_is_off_does_not_answer() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        drop(listener);
        let err = bounded(print_escpos(
            &format!("127.0.0.1:{port}"),
            &receipt(),
            None,
            Duration::from_secs(2),
        ))
        .await
        .expect_err("nobody listens");
        assert_eq!(
            err.to_string(),
            format!(
                "The printer at 127.0.0.1:{port} does not answer: is it on? The receipt is kept; print it again from the sale."
            )
        );
    }

    #[tokio::test]
    async fn a_printer_that_never_reads_does_not_answer_by_the_deadline() {
        // A listener with a small receive buffer that accepts and never reads.
        let socket = TcpSocket::new_v4().expect("socket");
        socket.set_recv_buffer_size(4096).expect("buffer size");
        socket
            .bind("127.0.0.1:0".parse().expect("addr"))
            .expect("bind");
        let port = socket.local_addr().expect("address").port();
        let listener = socket.listen(1).expect("listen");
        let (release, hold) = tokio::sync::oneshot::channel::<()>();
        let stuck = tokio::spawn(async move {
            let (stream, _) = listener.accept().await.expect("accept");
            let _ = hold.await;
            drop(stream);
        });
        // Far more than the socket buffers hold: 320 full-width logos of 400 rows, 9.2 MB,
        // over twice Linux's largest TCP send buffer (tcp_wmem's 4 MiB) with the receiver's
        // kept at 4 KiB. (64 logos, 1.8 MB, could all fit in an autotuned send buffer: the
        // print then went through and the test failed.)
        let big = Raster::new(576, 400, vec![0xAA; 72 * 400]).expect("a raster");
        let mut doc = receipt();
        for _ in 0..320 {
            doc.blocks.insert(0, Block::Logo(big.clone()));
        }
        let err = bounded(print_escpos(
            &format!("127.0.0.1:{port}"),
            &doc,
            None,
            Duration::from_secs(2),
        ))
        .await
        .expect_err("the printer takes nothing");
        let _ = release.send(());
        stuck.await.expect("listener task");
        assert_eq!(
            err.to_string(),
            format!(
                "The printer at 127.0.0.1:{port} does not answer: is it on, with paper in and its lid closed? The receipt is kept; print it again from the sale."
            )
        );
    }

    #[tokio::test]
    async fn a_bad_address_says_where_to_set_the_printer() {
        let err = print_escpos("10.0.0.5:port", &receipt(), None, Duration::from_secs(1))
            .await
            .expect_err("not an address");
        assert_eq!(
            err.to_string(),
            "“10.0.0.5:port” is not a printer address: set the printer in Settings → Shop as 192.168.1.50 or 192.168.1.50:9100. The receipt is kept; print it again from the sale."
        );
    }

    #[test]
    fn the_cashier_sentence_for_a_printer_that_is_off() {
        let e = PrintError::from(kassa_print::PrintError::NoAnswer {
            addr: "10.0.0.5:9100".into(),
            source: io::Error::from(io::ErrorKind::ConnectionRefused),
        });
        assert_eq!(
            e.to_string(),
            "The printer at 10.0.0.5:9100 does not answer: is it on? The receipt is kept; print it again from the sale."
        );
    }

    #[test]
    fn a_pdf_is_saved_whole_and_replaces_an_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("receipt-1042.pdf");
        std::fs::write(&path, b"old").expect("an old file");
        save_pdf(&path, &receipt(), COLUMNS_80MM).expect("saved");
        let bytes = std::fs::read(&path).expect("the pdf");
        assert_eq!(bytes, kassa_print::pdf::render(&receipt(), COLUMNS_80MM));
        assert!(bytes.starts_with(b"%PDF-1.4"));
        // Nothing else is left in the folder (no temporary file).
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, [std::ffi::OsString::from("receipt-1042.pdf")]);
    }

    #[test]
    fn a_pdf_into_a_missing_folder_or_onto_a_folder_is_refused_plainly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("no-such-folder");
        let err = save_pdf(&missing.join("r.pdf"), &receipt(), 48).expect_err("no folder");
        assert_eq!(
            err.to_string(),
            format!(
                "The folder {} does not exist: choose another place to save the PDF. The receipt is kept.",
                missing.display()
            )
        );
        let err = save_pdf(dir.path(), &receipt(), 48).expect_err("a folder");
        assert!(matches!(err, PdfError::IsAFolder { .. }), "{err}");
    }

    #[test]
    fn a_pdf_under_a_file_is_a_missing_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, b"x").expect("a file");
        let err = save_pdf(&file.join("r.pdf"), &receipt(), 48).expect_err("not a folder");
        assert!(matches!(err, PdfError::NoFolder { .. }), "{err}");
    }

    #[test]
    fn an_unwritable_folder_and_a_full_disk_are_said_plainly() {
        let folder = Path::new("/media/usb");
        let path = || "/media/usb/r.pdf".to_string();
        let said =
            |kind: io::ErrorKind| pdf_error(path(), folder, &io::Error::from(kind)).to_string();
        let not_allowed = "Kassa may not write in /media/usb: choose another folder for the PDF. The receipt is kept.";
        assert_eq!(said(io::ErrorKind::PermissionDenied), not_allowed);
        assert_eq!(said(io::ErrorKind::ReadOnlyFilesystem), not_allowed);
        assert_eq!(
            said(io::ErrorKind::StorageFull),
            "The disk is full: the PDF could not be saved as /media/usb/r.pdf. Free some space or choose another place. The receipt is kept."
        );
        // ENOSPC as the OS reports it is the same full disk.
        #[cfg(target_os = "linux")]
        assert_eq!(
            pdf_error(path(), folder, &io::Error::from_raw_os_error(28)).to_string(),
            said(io::ErrorKind::StorageFull)
        );
        assert!(
            said(io::ErrorKind::Interrupted)
                .starts_with("The PDF could not be saved as /media/usb/r.pdf (")
        );
    }
}
