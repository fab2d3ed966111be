//! Every Aiia reply is read with a size cap and a deadline, and a live client speaks only
//! HTTPS (issue 10, part 7). Tiny raw TCP servers play the misbehaving service.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_aiia::retry::RetryPolicy;
use kassa_aiia::{AiiaError, Client, Config, MAX_REPLY_BYTES, Secret};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Serves every connection with `head`, then `body` in `pieces` pieces `gap` apart.
async fn serve(head: String, body: Vec<u8>, pieces: usize, gap: Duration) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let (head, body) = (head.clone(), body.clone());
            tokio::spawn(async move {
                let mut buf = vec![0u8; 8192];
                let _ = sock.read(&mut buf).await;
                if sock.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let size = body.len().div_ceil(pieces.max(1)).max(1);
                for piece in body.chunks(size) {
                    if sock.write_all(piece).await.is_err() {
                        return;
                    }
                    tokio::time::sleep(gap).await;
                }
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

fn client(url: &str, timeout: Duration) -> Client {
    let mut config = Config::new(url, "id", Secret::new("secret"));
    config.timeout = timeout;
    config.retry = RetryPolicy {
        token_tries: 1,
        status_tries: 1,
        ..RetryPolicy::default()
    };
    Client::new(config).unwrap()
}

/// A valid status reply padded with spaces to `size` bytes.
fn padded_reply(size: usize) -> Vec<u8> {
    let mut body = br#"{"paymentId":"p1","status":"Executed"}"#.to_vec();
    body.resize(size, b' ');
    body
}

async fn status_of(client: &Client) -> Result<kassa_aiia::wire::PaymentStatusResponse, AiiaError> {
    tokio::time::timeout(Duration::from_secs(20), client.payment_status("p1"))
        .await
        .expect("the read ended by itself")
}

#[tokio::test]
async fn a_reply_larger_than_1_mib_is_refused_whether_announced_or_not() {
    let body = padded_reply(2 * MAX_REPLY_BYTES);
    let announced = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // Without a length the body runs until the connection closes.
    let unannounced =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n".to_owned();
    for head in [announced, unannounced] {
        let url = serve(head, body.clone(), 64, Duration::ZERO).await;
        match status_of(&client(&url, Duration::from_secs(10))).await {
            Err(e @ AiiaError::Malformed { .. }) => {
                assert!(e.to_string().contains("larger than 1024 KiB"), "{e}");
            }
            other => panic!("expected a too-large refusal, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn an_error_reply_larger_than_1_mib_is_not_read_whole() {
    let mut body = br#"{"code":"Oops","message":"m"}"#.to_vec();
    body.resize(2 * MAX_REPLY_BYTES, b' ');
    let head =
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
            .to_owned();
    let url = serve(head, body, 64, Duration::ZERO).await;
    match status_of(&client(&url, Duration::from_secs(10))).await {
        // The status alone is kept: the body was too large to be believed.
        Err(AiiaError::Rejected {
            status: 400, code, ..
        }) => assert_eq!(code, "400"),
        other => panic!("expected a 400 refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn an_oauth_error_reply_larger_than_1_mib_is_not_read_whole() {
    // The Connect code exchange reads OAuth's error body under the same cap as the API's.
    let mut body = br#"{"error":"invalid_grant","error_description":"d"}"#.to_vec();
    body.resize(2 * MAX_REPLY_BYTES, b' ');
    let head =
        "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
            .to_owned();
    let url = serve(head, body, 64, Duration::ZERO).await;
    let pkce = kassa_aiia::connect::Pkce::from_random([7; 32]);
    let e = client(&url, Duration::from_secs(10))
        .exchange_code("c", "http://127.0.0.1:1/cb", &pkce)
        .await
        .unwrap_err();
    let text = e.to_string();
    // Only the status is kept: the body's error code was never parsed out of 2 MiB.
    assert!(text.contains("400"), "{text}");
    assert!(!text.contains("invalid_grant"), "{text}");
}

#[tokio::test]
async fn a_reply_of_exactly_1_mib_is_read() {
    let body = padded_reply(MAX_REPLY_BYTES);
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let url = serve(head, body, 16, Duration::ZERO).await;
    let s = status_of(&client(&url, Duration::from_secs(10)))
        .await
        .unwrap();
    assert_eq!(s.payment_id, "p1");
}

#[tokio::test]
async fn a_reply_dripped_slower_than_the_deadline_ends_as_a_timeout() {
    // Headers at once, then a byte every 200 ms: 80 bytes would take 16 s.
    let body = padded_reply(80);
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    let url = serve(head, body, 80, Duration::from_millis(200)).await;
    match status_of(&client(&url, Duration::from_millis(800))).await {
        Err(AiiaError::Timeout { .. }) => {}
        other => panic!("expected a timeout, got {other:?}"),
    }
}

#[test]
fn a_live_client_refuses_plain_http_and_a_loopback_address_is_told_apart() {
    let mut config = Config::new("http://api.example.test", "id", Secret::new("s"));
    config.https_only = true;
    match Client::new(config) {
        Err(e @ AiiaError::Config(_)) => assert!(e.to_string().contains("https://"), "{e}"),
        Err(other) => panic!("expected a settings error, got {other:?}"),
        Ok(_) => panic!("a live client took a plain-http address"),
    }
    let mut config = Config::new("https://api.aiia.eu", "id", Secret::new("s"));
    config.https_only = true;
    assert!(Client::new(config).is_ok());
    for loopback in [
        "http://127.0.0.1:4010",
        "http://localhost/",
        "http://[::1]:80",
        "http://127.8.9.1",
    ] {
        assert!(kassa_aiia::is_loopback_http(loopback), "{loopback}");
    }
    for not in [
        "https://127.0.0.1",
        "http://127.0.0.1.evil.test",
        "http://localhost@evil.test",
        "http://api.aiia.eu",
        "http://10.0.0.1",
    ] {
        assert!(!kassa_aiia::is_loopback_http(not), "{not}");
    }
}

#[tokio::test]
async fn an_https_only_client_does_not_follow_anything_to_plain_http() {
    // The request itself is refused by the HTTP client, not only the settings.
    let url = serve(
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n".to_owned(),
        b"{}".to_vec(),
        1,
        Duration::ZERO,
    )
    .await;
    let mut config = Config::new(url.replace("http://", "https://"), "id", Secret::new("s"));
    config.https_only = true;
    config.timeout = Duration::from_secs(2);
    config.retry = RetryPolicy {
        token_tries: 1,
        status_tries: 1,
        ..RetryPolicy::default()
    };
    let client = Client::new(config).unwrap();
    // TLS against a plain server fails: nothing is read as a reply.
    assert!(status_of(&client).await.is_err());
}

#[tokio::test]
async fn unknown_extra_fields_in_either_status_shape_are_ignored_over_http() {
    let object = r#"{"id":"20200710.cys5ihh856sw7btuoimya551nh","schemeId":"DanishDomesticCreditTransfer",
        "amount":12.50,"currency":"DKK","createdAt":"2020-07-10T10:00:00Z","payer":{"name":"x"},
        "status":{"code":"Failed","lastUpdated":"2020-07-10T10:00:09Z","somethingNew":1,
                  "details":{"reason":"ExecutionFailed","description":"the bank could not execute the payment",
                             "messageToPayer":"m","more":[1]},
                  "events":[{"code":"Initiated","timestamp":"2020-07-10T10:00:00Z"}]}}"#;
    let flat = r#"{"paymentId":"p1","status":"Executed","amount":12.50,"currency":"DKK",
        "updatedAt":"2020-07-10T10:00:09Z","newField":{"deep":[true]}}"#;
    for (body, id, status) in [
        (object, "20200710.cys5ihh856sw7btuoimya551nh", "Failed"),
        (flat, "p1", "Executed"),
    ] {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let url = serve(head, body.as_bytes().to_vec(), 1, Duration::ZERO).await;
        let s = status_of(&client(&url, Duration::from_secs(5)))
            .await
            .unwrap();
        assert_eq!((s.payment_id.as_str(), s.status.as_str()), (id, status));
        assert_eq!(s.updated_at.as_deref(), Some("2020-07-10T10:00:09Z"));
        if status == "Failed" {
            assert_eq!(s.reason.as_deref(), Some("ExecutionFailed"));
        }
    }
}
