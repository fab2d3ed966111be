//! The network printer against loopback listeners: off, hanging up, and not reading.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_print::{NetworkPrinter, PrintError};
use tokio::net::TcpListener;

fn printer(port: u16) -> NetworkPrinter {
    NetworkPrinter::new(&format!("127.0.0.1:{port}"))
        .expect("a loopback address")
        .with_timeouts(Duration::from_secs(5), Duration::from_secs(5))
}

#[tokio::test]
async fn a_printer_that_is_off_does_not_answer() {
    // A port that was just free and is closed now: nothing listens there.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    drop(listener);

    let err = printer(port)
        .print(b"\x1b@hello\n")
        .await
        .expect_err("nobody listens");
    assert!(matches!(err, PrintError::NoAnswer { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "The printer at 127.0.0.1:{port} does not answer: is it switched on and on the network? The receipt is kept; print it again later."
        )
    );
}

#[tokio::test]
async fn a_printer_that_hangs_up_at_once_is_a_broken_connection() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    let hang_up = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.expect("accept");
        drop(stream);
    });

    // A receipt with a logo is a few kilobytes; this is more, so the hang-up is met mid-way.
    let bytes = vec![b'x'; 256 * 1024];
    let err = printer(port)
        .print(&bytes)
        .await
        .expect_err("the printer hung up");
    hang_up.await.expect("listener task");
    assert!(matches!(err, PrintError::ConnectionBroke { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&format!(
            "The connection to the printer at 127.0.0.1:{port} broke while printing"
        )),
        "{err}"
    );
    assert!(err.to_string().ends_with("The receipt is kept."));
}

#[tokio::test]
async fn a_printer_that_takes_nothing_is_too_slow() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    let (release, hold) = tokio::sync::oneshot::channel::<()>();
    let stuck = tokio::spawn(async move {
        // Accepts, never reads, keeps the connection open until the test is done.
        let (stream, _) = listener.accept().await.expect("accept");
        let _ = hold.await;
        drop(stream);
    });

    // Far more than the socket buffers hold, so the write cannot finish.
    let bytes = vec![b'x'; 64 * 1024 * 1024];
    let printer = NetworkPrinter::new(&format!("127.0.0.1:{port}"))
        .expect("a loopback address")
        .with_timeouts(Duration::from_secs(5), Duration::from_millis(300));
    let err = printer
        .print(&bytes)
        .await
        .expect_err("the printer reads nothing");
    let _ = release.send(());
    stuck.await.expect("listener task");
    assert!(matches!(err, PrintError::TooSlow { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "The printer at 127.0.0.1:{port} did not take the receipt in time: check that it has paper and its lid is closed, then print again. The receipt is kept."
        )
    );
}

#[test]
fn a_bad_printer_address_is_refused_with_an_example() {
    let err = NetworkPrinter::new("192.168.1.50:port").expect_err("not a port");
    assert_eq!(
        err.to_string(),
        "“192.168.1.50:port” is not a printer address. Write it as 192.168.1.50 or 192.168.1.50:9100 (or a name such as printer.local:9100)."
    );
}
