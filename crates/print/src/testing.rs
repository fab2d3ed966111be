//! A small ESC/POS decoder for tests (this crate's and kassa-boot's; the app never calls it),
//! written from the command reference independently of the encoder: it turns the bytes back
//! into lines (with alignment, bold, double size), images and cuts, and panics on anything
//! it does not know, so a test fails at the first unexpected byte.

use crate::doc::Align;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
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
pub struct Decoded {
    /// How many `ESC @` (initialise) the bytes hold.
    pub inits: usize,
    /// The code table last selected with `ESC t`.
    pub code_table: Option<u8>,
    /// Lines, images and cuts in order.
    pub events: Vec<Event>,
}

impl Decoded {
    /// The text lines: (text, alignment, bold, double).
    pub fn lines(&self) -> Vec<(&str, Align, bool, bool)> {
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

/// WPC1252 to Unicode, for the bytes the tests use (ASCII, Latin-1, €, – and —).
pub fn from_wpc1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x96 => '–',
        0x97 => '—',
        0x20..=0x7E | 0xA0..=0xFF => char::from(b),
        other => panic!("byte {other:#04x} is not printable text in these tests"),
    }
}

/// Decodes ESC/POS bytes as the printer would read them; panics on a command it does not
/// know or one cut short (a test failure, with where).
pub fn decode(bytes: &[u8]) -> Decoded {
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
