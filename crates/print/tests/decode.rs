//! Round-trips of a receipt through `encode` and through a loopback "printer" on TCP, read
//! back by the test decoder (`kassa_print::testing`, written independently of the encoder).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_print::testing::{Decoded, Event, decode};
use kassa_print::{Align, Block, COLUMNS_80MM, Doc, NetworkPrinter, Raster, encode};
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;

/// A receipt like the app will print: logo, header, lines, VAT, total, footer, cut.
fn receipt(logo: Raster) -> Doc {
    Doc::new(COLUMNS_80MM)
        .push(Block::Logo(logo))
        .push(Block::styled(
            "Bageriet Ærø ApS",
            Align::Center,
            true,
            false,
        ))
        .push(Block::styled("CVR 12345678", Align::Center, false, false))
        .push(Block::styled(
            "Søndergade 5, 5970 Ærøskøbing",
            Align::Center,
            false,
            false,
        ))
        .push(Block::Rule)
        .push(Block::columns("Kvittering nr. 17", "2026-12-02 10:31"))
        .push(Block::columns("Wienerbrød", "35,00"))
        .push(Block::columns(
            "Rugbrød, økologisk, skåret (Grünkern & Müsli-blanding)",
            "42,50",
        ))
        .push(Block::Rule)
        .push(Block::styled("I ALT 77,50 kr.", Align::Right, true, true))
        .push(Block::columns("Moms 25 % af 62,00", "15,50"))
        .push(Block::Feed(1))
        .push(Block::styled(
            "Tak for besøget! Åbent hver dag. Café & smørrebrød €",
            Align::Center,
            false,
            false,
        ))
        .push(Block::Cut)
}

fn logo() -> Raster {
    // A checkerboard with a black frame, 20 dots wide (padded to 24).
    let gray: Vec<u8> = (0..20 * 12)
        .map(|i| {
            let (x, y) = (i % 20, i / 20);
            if x == 0 || y == 0 || x == 19 || y == 11 || (x + y) % 2 == 0 {
                0
            } else {
                255
            }
        })
        .collect();
    kassa_print::logo::dither(20, 12, &gray)
}

fn assert_is_the_receipt(decoded: &Decoded, doc: &Doc, logo: &Raster) {
    assert_eq!(decoded.inits, 1);
    assert_eq!(decoded.code_table, Some(16), "WPC1252");

    // The image comes first, with the raster's own size and bits.
    assert_eq!(
        decoded.events.first(),
        Some(&Event::Image {
            width: 24,
            height: 12,
            bits: logo.bits().to_vec(),
        })
    );
    // Exactly one cut, and it is the last thing.
    let cuts = decoded.events.iter().filter(|e| **e == Event::Cut).count();
    assert_eq!(cuts, 1);
    assert_eq!(decoded.events.last(), Some(&Event::Cut));

    let lines = decoded.lines();
    assert_eq!(lines[0], ("Bageriet Ærø ApS", Align::Center, true, false));
    assert_eq!(
        lines[2],
        ("Søndergade 5, 5970 Ærøskøbing", Align::Center, false, false)
    );
    assert_eq!(
        lines[3],
        ("-".repeat(48).as_str(), Align::Left, false, false)
    );
    assert_eq!(
        lines[5],
        (
            format!("Wienerbrød{}35,00", " ".repeat(48 - 10 - 5)).as_str(),
            Align::Left,
            false,
            false
        )
    );
    // The long line wraps at a word and keeps its amount on the right.
    assert_eq!(lines[6].0, "Rugbrød, økologisk, skåret (Grünkern &");
    assert!(lines[7].0.starts_with("Müsli-blanding) ") && lines[7].0.ends_with(" 42,50"));
    assert_eq!(lines[7].0.chars().count(), 48);
    assert_eq!(lines[9], ("I ALT 77,50 kr.", Align::Right, true, true));
    assert_eq!(lines[11], ("", Align::Left, false, false));
    assert_eq!(lines[12].0, "Tak for besøget! Åbent hver dag. Café &");
    assert_eq!(lines[13], ("smørrebrød €", Align::Center, false, false));
    assert_eq!(lines.len(), 14);

    // Every line fits the paper: 48 columns, 24 at double size.
    for (text, _, _, double) in &lines {
        let room = if *double { 24 } else { 48 };
        assert!(
            text.chars().count() <= room,
            "{text:?} is wider than {room}"
        );
    }

    // The printed lines, placed by their alignment, are the plain-text layout.
    let placed: String = lines
        .iter()
        .map(|(text, align, _, double)| {
            let room: usize = if *double { 24 } else { 48 };
            let spare = room.saturating_sub(text.chars().count());
            let pad = match align {
                Align::Left => 0,
                Align::Center => spare / 2,
                Align::Right => spare,
            };
            format!("{}{text}", " ".repeat(pad)).trim_end().to_string() + "\n"
        })
        .collect();
    assert_eq!(placed, doc.to_text(48));
}

#[test]
fn a_receipt_round_trips_through_escpos() {
    let logo = logo();
    let doc = receipt(logo.clone());
    let bytes = encode(&doc);
    assert_is_the_receipt(&decode(&bytes), &doc, &logo);
}

#[test]
fn characters_the_printer_lacks_arrive_as_question_marks() {
    let doc = Doc::new(48).push(Block::text("Kaffe ☕ og te 🍵 Привет"));
    let decoded = decode(&encode(&doc));
    assert_eq!(decoded.lines()[0].0, "Kaffe ? og te ? ??????");
}

#[test]
fn a_copy_prints_the_marker_twice_and_still_cuts_once() {
    let logo = logo();
    let doc = receipt(logo).as_copy();
    let decoded = decode(&encode(&doc));
    let markers: Vec<_> = decoded
        .lines()
        .into_iter()
        .filter(|l| l.0 == "*** COPY ***")
        .collect();
    assert_eq!(
        markers,
        vec![("*** COPY ***", Align::Center, true, true); 2]
    );
    assert!(matches!(decoded.events[0], Event::Image { .. }));
    assert!(matches!(&decoded.events[1], Event::Line { text, .. } if text == "*** COPY ***"));
    assert_eq!(
        decoded.events.iter().filter(|e| **e == Event::Cut).count(),
        1
    );
    assert_eq!(decoded.events.last(), Some(&Event::Cut));
}

#[tokio::test]
async fn a_receipt_sent_to_a_loopback_printer_arrives_whole() {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind a loopback port");
    let port = listener.local_addr().expect("local address").port();
    let printer_side = tokio::spawn(async move {
        let (mut stream, _) = listener.accept().await.expect("accept");
        let mut received = Vec::new();
        stream
            .read_to_end(&mut received)
            .await
            .expect("read the receipt");
        received
    });

    let logo = logo();
    let doc = receipt(logo.clone());
    let bytes = encode(&doc);
    let printer = NetworkPrinter::new(&format!("127.0.0.1:{port}"))
        .expect("a loopback address")
        .with_timeouts(Duration::from_secs(5), Duration::from_secs(5));
    printer
        .print(&bytes)
        .await
        .expect("the loopback printer takes the receipt");

    let received = printer_side.await.expect("the printer task");
    assert_eq!(received, bytes);
    assert_is_the_receipt(&decode(&received), &doc, &logo);
}
