//! The webhook listener faces the network: a slow client, a body that never ends, more idle
//! connections than it takes, a too large body or a flood of bad deliveries must not stop it
//! from serving a real delivery. Timeouts are small here (passed in); every test asserts what
//! happens (a connection is closed, a status is answered, a count is bounded), not how fast.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use kassa_aiia::Secret;
use kassa_aiia::webhook::{
    EVENT_ID_HEADER, EVENT_TYPE_HEADER, PAYMENT_UPDATED, SIGNATURE_HEADER, TIMESTAMP_HEADER,
    WebhookHeaders,
};
use kassa_boot::{ListenerLimits, WebhookListener, WebhookSettings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SECRET: &str = "limits-webhook-secret";
/// How long any one wait may last before the test fails (a hang guard, not a timing claim).
const GUARD: Duration = Duration::from_secs(30);

struct Rig {
    listener: WebhookListener,
    pokes: Arc<AtomicUsize>,
}

async fn rig(limits: ListenerLimits) -> Rig {
    let pokes = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&pokes);
    let listener = WebhookListener::bind_with(
        &WebhookSettings::new(
            SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            Secret::new(SECRET),
        ),
        limits,
        Arc::new(move |_| {
            counted.fetch_add(1, Ordering::SeqCst);
        }),
    )
    .await
    .unwrap();
    Rig { listener, pokes }
}

fn now_unix() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// Posts a rightly signed delivery about payment `p1`; its answer.
async fn real_delivery(r: &Rig, event_id: &str) -> reqwest::StatusCode {
    let body =
        r#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"p1"},"event":"PaymentUpdated"}}"#;
    let h = WebhookHeaders::signed(
        &Secret::new(SECRET),
        now_unix(),
        event_id,
        PAYMENT_UPDATED,
        body.as_bytes(),
    );
    post(r, &h, body.as_bytes().to_vec()).await
}

async fn post(r: &Rig, h: &WebhookHeaders, body: Vec<u8>) -> reqwest::StatusCode {
    reqwest::Client::new()
        .post(r.listener.url())
        .header("content-type", "application/json")
        .header(SIGNATURE_HEADER, &h.signature)
        .header(TIMESTAMP_HEADER, &h.timestamp)
        .header(EVENT_ID_HEADER, &h.event_id)
        .header(EVENT_TYPE_HEADER, &h.event_type)
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
}

/// Reads until the server closes the connection (end of stream or reset); what it sent.
async fn read_to_close(stream: &mut tokio::net::tcp::OwnedReadHalf) -> Vec<u8> {
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return got,
            Ok(n) => got.extend_from_slice(&buf[..n]),
        }
    }
}

/// Waits until `done` holds, checking every few milliseconds; fails after [`GUARD`].
async fn until(what: &str, done: impl Fn() -> bool) {
    tokio::time::timeout(GUARD, async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("never happened: {what}"));
}

fn small(header: u64, body: u64) -> ListenerLimits {
    ListenerLimits {
        header_timeout: Duration::from_millis(header),
        body_timeout: Duration::from_millis(body),
        ..ListenerLimits::default()
    }
}

#[tokio::test]
async fn a_client_sending_its_headers_byte_by_byte_is_cut_off() {
    let r = rig(small(400, 10_000)).await;
    let (mut read, mut write) = TcpStream::connect(r.listener.addr())
        .await
        .unwrap()
        .into_split();
    // A head that would take 100 s at this pace and never ends (no blank line).
    let head = format!(
        "POST /webhooks/aiia HTTP/1.1\r\nHost: x\r\nX-Pad: {}",
        "a".repeat(5000)
    );
    let closed = tokio::spawn(async move { read_to_close(&mut read).await });
    let mut sent = 0;
    tokio::time::timeout(GUARD, async {
        for byte in head.bytes() {
            if closed.is_finished() || write.write_all(&[byte]).await.is_err() {
                break;
            }
            sent += 1;
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the slow client was never cut off");
    assert!(closed.is_finished(), "the connection is still open");
    assert!(
        sent < head.len(),
        "the whole head went through ({sent} bytes)"
    );
    // Nothing was delivered, and the listener still serves a real delivery.
    assert_eq!(r.pokes.load(Ordering::SeqCst), 0);
    assert_eq!(real_delivery(&r, "e-after-slowloris").await, 200);
    assert_eq!(r.pokes.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_body_that_never_finishes_is_cut_off() {
    let r = rig(small(10_000, 400)).await;
    let (mut read, mut write) = TcpStream::connect(r.listener.addr())
        .await
        .unwrap()
        .into_split();
    write
        .write_all(
            b"POST /webhooks/aiia HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"accept",
        )
        .await
        .unwrap();
    // ...and nothing more.
    let answer = tokio::time::timeout(GUARD, read_to_close(&mut read))
        .await
        .expect("the unfinished body was never cut off");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert_eq!(r.listener.stats().rejected, 1);
    assert_eq!(real_delivery(&r, "e-after-slow-body").await, 200);
}

#[tokio::test]
async fn with_every_connection_taken_a_new_one_is_closed_and_served_once_they_time_out() {
    let limits = ListenerLimits {
        max_connections: 4,
        ..small(2_000, 2_000)
    };
    let r = rig(limits).await;
    // Four idle connections fill the listener.
    let mut idle = Vec::new();
    for _ in 0..4 {
        idle.push(
            TcpStream::connect(r.listener.addr())
                .await
                .unwrap()
                .into_split(),
        );
    }
    until("four connections open", || {
        r.listener.open_connections() == 4
    })
    .await;
    // A fifth is closed at once, without an answer.
    let (mut fifth, _keep) = TcpStream::connect(r.listener.addr())
        .await
        .unwrap()
        .into_split();
    let answer = tokio::time::timeout(GUARD, read_to_close(&mut fifth))
        .await
        .expect("the connection over the cap was kept open");
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    until("the fifth turned away", || {
        r.listener.stats().turned_away == 1
    })
    .await;
    // The idle ones are cut off by the header timeout...
    for (read, _) in &mut idle {
        tokio::time::timeout(GUARD, read_to_close(read))
            .await
            .expect("an idle connection was never closed");
    }
    until("the idle connections gone", || {
        r.listener.open_connections() == 0
    })
    .await;
    // ...and a real delivery is served.
    assert_eq!(real_delivery(&r, "e-after-the-crowd").await, 200);
    assert_eq!(r.pokes.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_kept_alive_connection_left_idle_is_closed() {
    let r = rig(small(400, 10_000)).await;
    let (mut read, mut write) = TcpStream::connect(r.listener.addr())
        .await
        .unwrap()
        .into_split();
    // One complete (unsigned, so refused) request on a kept-alive connection, then nothing.
    write
        .write_all(b"POST /webhooks/aiia HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}")
        .await
        .unwrap();
    let answer = tokio::time::timeout(GUARD, read_to_close(&mut read))
        .await
        .expect("the idle kept-alive connection was never closed");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    assert_eq!(r.listener.open_connections(), 0);
}

#[tokio::test]
async fn a_body_over_64_kib_is_refused_with_413() {
    let r = rig(ListenerLimits::default()).await;
    assert_eq!(ListenerLimits::default().max_body, 64 * 1024);
    let h = WebhookHeaders::signed(
        &Secret::new(SECRET),
        now_unix(),
        "e-big",
        PAYMENT_UPDATED,
        b"{}",
    );
    assert_eq!(post(&r, &h, vec![b' '; 64 * 1024 + 1]).await, 413);
    // At the cap the body is read (and this one, not matching its signature, refused).
    assert_eq!(post(&r, &h, vec![b' '; 64 * 1024]).await, 401);
    let stats = r.listener.stats();
    assert_eq!((stats.rejected, stats.accepted), (2, 0));
    assert_eq!(r.pokes.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_flood_of_bad_deliveries_logs_a_bounded_number_of_lines() {
    let limits = ListenerLimits {
        log_lines: 10,
        log_interval: Duration::from_secs(3600),
        ..ListenerLimits::default()
    };
    let r = rig(limits).await;
    let body =
        br#"{"acceptPaymentUpdatedWebhook":{"data":{"paymentId":"p1"},"event":"PaymentUpdated"}}"#;
    let forged = WebhookHeaders::signed(
        &Secret::new("guessed"),
        now_unix(),
        "e-forged",
        PAYMENT_UPDATED,
        body,
    );
    let http = reqwest::Client::new();
    for chunk in 0..100 {
        let sends = (0..10).map(|_| {
            http.post(r.listener.url())
                .header(SIGNATURE_HEADER, &forged.signature)
                .header(TIMESTAMP_HEADER, &forged.timestamp)
                .header(EVENT_ID_HEADER, &forged.event_id)
                .header(EVENT_TYPE_HEADER, &forged.event_type)
                .body(body.to_vec())
                .send()
        });
        for reply in futures_join(sends).await {
            assert_eq!(reply.unwrap().status(), 401, "chunk {chunk}");
        }
    }
    let stats = r.listener.stats();
    assert_eq!(stats.rejected, 1000);
    assert_eq!(stats.log_lines, 10, "{stats:?}");
    assert!(stats.log_suppressed >= 990, "{stats:?}");
    assert_eq!(r.pokes.load(Ordering::SeqCst), 0);
    // The flood did not stop a real delivery.
    assert_eq!(real_delivery(&r, "e-after-the-flood").await, 200);
    assert_eq!(r.pokes.load(Ordering::SeqCst), 1);
}

/// Awaits every future, in order (a tiny join_all, to keep the dev-dependencies as they are).
async fn futures_join<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
