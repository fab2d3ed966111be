//! A small ESC/POS decoder, written from the command reference independently of the encoder,
//! that turns the bytes back into lines, images and cuts; and round-trips of a receipt through
//! `encode` and through a loopback "printer" on TCP.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use kassa_print::{Align, Block, COLUMNS_80MM, Doc, NetworkPrinter, Raster, encode};
use tokio::io::AsyncReadExt;
use tokio::net::TcpListener;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Event {
    Line {
        text: String,
        align: Align,
        bold: bool,
        double: bool,
    },
    Image {
        width: u32,
        height: u32,
        bits: Vec<u8>,
    },
    Cut,
}

#[derive(Debug, Default)]
struct Decoded {
    inits: usize,
    code_table: Option<u8>,
    events: Vec<Event>,
}

impl Decoded {
    fn lines(&self) -> Vec<(&str, Align, bool, bool)> {
        self.events
            .iter()
            .filter_map(|e| match e {
                Event::Line {
                    text,
                    align,
                    bold,
                    double,
                } => Some((text.as_str(), *align, *bold, *double)),
                _ => None,
            })
            .collect()
    }
}

/// WPC1252 to Unicode, for the bytes the tests use (ASCII, Latin-1 and €).
fn from_wpc1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x20..=0x7E | 0xA0..=0xFF => char::from(b),
        other => panic!("byte {other:#04x} is not printable text in these tests"),
    }
}

fn decode(bytes: &[u8]) -> Decoded {
    let mut d = Decoded::default();
    let (mut align, mut bold, mut double) = (Align::Left, false, false);
    let mut text = String::new();
    let mut i = 0;
    let arg = |i: usize| -> u8 {
        *bytes
            .get(i)
            .unwrap_or_else(|| panic!("command cut short at byte {i}"))
    };
    while i < bytes.len() {
        match bytes[i] {
            0x1B => {
                match arg(i + 1) {
                    b'@' => {
                        d.inits += 1;
                        (align, bold, double) = (Align::Left, false, false);
                        i += 2;
                        continue;
                    }
                    b't' => d.code_table = Some(arg(i + 2)),
                    b'a' => {
                        align = match arg(i + 2) {
                            0 | b'0' => Align::Left,
                            1 | b'1' => Align::Center,
                            2 | b'2' => Align::Right,
                            n => panic!("ESC a {n}"),
                        }
                    }
                    b'E' => bold = arg(i + 2) & 1 == 1,
                    b'd' => {
                        assert!(text.is_empty(), "ESC d in the middle of a line");
                        for _ in 0..arg(i + 2) {
                            d.events.push(Event::Line {
                                text: String::new(),
                                align,
                                bold,
                                double,
                            });
                        }
                    }
                    c => panic!("unknown ESC {c:#04x} at {i}"),
                }
                i += 3;
            }
            0x1D => match arg(i + 1) {
                b'!' => {
                    let n = arg(i + 2);
                    assert!(n == 0x00 || n == 0x11, "GS ! {n:#04x}");
                    double = n == 0x11;
                    i += 3;
                }
                b'v' => {
                    assert_eq!(arg(i + 2), b'0', "GS v 0");
                    assert_eq!(arg(i + 3), 0, "normal density");
                    let x = usize::from(arg(i + 4)) | usize::from(arg(i + 5)) << 8;
                    let y = usize::from(arg(i + 6)) | usize::from(arg(i + 7)) << 8;
                    let start = i + 8;
                    let end = start + x * y;
                    assert!(end <= bytes.len(), "raster data cut short");
                    d.events.push(Event::Image {
                        width: (x * 8) as u32,
                        height: y as u32,
                        bits: bytes[start..end].to_vec(),
                    });
                    i = end;
                }
                b'V' => {
                    match arg(i + 2) {
                        65 | 66 => i += 4,
                        0 | 1 | 48 | 49 => i += 3,
                        n => panic!("GS V {n}"),
                    }
                    d.events.push(Event::Cut);
                }
                c => panic!("unknown GS {c:#04x} at {i}"),
            },
            0x0A => {
                d.events.push(Event::Line {
                    text: std::mem::take(&mut text),
                    align,
                    bold,
                    double,
                });
                i += 1;
            }
            b => {
                text.push(from_wpc1252(b));
                i += 1;
            }
        }
    }
    assert!(text.is_empty(), "text after the last line feed: {text:?}");
    d
}

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
