//! ESC/POS encoding of a [`Doc`] for an Epson-compatible thermal printer.
//!
//! The bytes, in order:
//!
//! * `ESC @` (initialise), then `ESC t 16`: character code table 16, **WPC1252** (Windows
//!   Latin 1). It holds every letter of the Nordic languages (æ ø å ä ö Æ Ø Å Ä Ö é ü, plus
//!   õ š ž for Estonian and Finnish names) **and €**, which PC865 (Nordic) lacks; Finland
//!   prices in euro. Epson TM printers and the common compatibles number it 16.
//! * Text through [`cp1252`]: each character becomes its WPC1252 byte; a character the table
//!   does not have (an emoji, a Cyrillic letter, a control character) prints as `?`.
//! * `ESC a n` (alignment 0/1/2), `ESC E n` (bold), `GS ! n` (`0x11` double width and height,
//!   `0x00` normal), each sent only when it changes; a line ends with `LF`.
//! * A logo: centred, `GS v 0 0 xL xH yL yH` and the raster's rows (see [`crate::logo`]).
//! * `Block::Feed(n)`: `ESC d n`. A cut: `GS V 66 0` (feed to the cutter, partial cut).

use crate::doc::{Align, Doc, Laid};

const ESC: u8 = 0x1B;
const GS: u8 = 0x1D;
const LF: u8 = 0x0A;

/// The code table selected with `ESC t`: 16 = WPC1252.
pub const CODE_TABLE_WPC1252: u8 = 16;

/// The ESC/POS bytes that print `doc`.
pub fn encode(doc: &Doc) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    out.extend_from_slice(&[ESC, b'@', ESC, b't', CODE_TABLE_WPC1252]);
    let mut state = Style::default();
    let mut feed_run = 0u8;
    let flush_feeds = |out: &mut Vec<u8>, run: &mut u8| {
        if *run > 0 {
            out.extend_from_slice(&[ESC, b'd', *run]);
            *run = 0;
        }
    };
    for laid in doc.layout() {
        match laid {
            Laid::Line {
                text,
                align,
                bold,
                double,
            } => {
                if text.is_empty() && !double {
                    // Empty lines (feeds) go as one `ESC d n`.
                    if feed_run == u8::MAX {
                        flush_feeds(&mut out, &mut feed_run);
                    }
                    feed_run += 1;
                    continue;
                }
                flush_feeds(&mut out, &mut feed_run);
                state.set(
                    &mut out,
                    Style {
                        align,
                        bold,
                        double,
                    },
                );
                out.extend(text.chars().map(cp1252));
                out.push(LF);
            }
            Laid::Image(raster) => {
                flush_feeds(&mut out, &mut feed_run);
                state.set(
                    &mut out,
                    Style {
                        align: Align::Center,
                        ..state
                    },
                );
                let x = raster.bytes_per_row();
                let y = raster.height() as usize;
                out.extend_from_slice(&[
                    GS,
                    b'v',
                    b'0',
                    0,
                    (x & 0xFF) as u8,
                    (x >> 8) as u8,
                    (y & 0xFF) as u8,
                    (y >> 8) as u8,
                ]);
                out.extend_from_slice(raster.bits());
            }
            Laid::Cut => {
                flush_feeds(&mut out, &mut feed_run);
                out.extend_from_slice(&[GS, b'V', 66, 0]);
            }
        }
    }
    flush_feeds(&mut out, &mut feed_run);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Style {
    align: Align,
    bold: bool,
    double: bool,
}

impl Style {
    /// Sends the commands that change the printer's style from `self` to `to`.
    fn set(&mut self, out: &mut Vec<u8>, to: Style) {
        if self.align != to.align {
            let n = match to.align {
                Align::Left => 0,
                Align::Center => 1,
                Align::Right => 2,
            };
            out.extend_from_slice(&[ESC, b'a', n]);
        }
        if self.bold != to.bold {
            out.extend_from_slice(&[ESC, b'E', u8::from(to.bold)]);
        }
        if self.double != to.double {
            out.extend_from_slice(&[GS, b'!', if to.double { 0x11 } else { 0x00 }]);
        }
        *self = to;
    }
}

/// The WPC1252 byte of `c`, or `b'?'` when the table has no such character.
pub fn cp1252(c: char) -> u8 {
    let code = u32::from(c);
    match code {
        0x20..=0x7E => code as u8,
        // Latin-1 Supplement: the same byte in Windows-1252.
        0xA0..=0xFF => code as u8,
        _ => match c {
            // The narrow no-break space between digit groups (sv, nb, fi amounts): the
            // code page has none, its no-break space is the nearest.
            '\u{202F}' => 0xA0,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201C}' => 0x93,
            '\u{201D}' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => b'?',
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Block;

    #[test]
    fn nordic_letters_and_the_euro_map_to_wpc1252() {
        let bytes: Vec<u8> = "æøåäöÆØÅÄÖéü€".chars().map(cp1252).collect();
        assert_eq!(
            bytes,
            [
                0xE6, 0xF8, 0xE5, 0xE4, 0xF6, 0xC6, 0xD8, 0xC5, 0xC4, 0xD6, 0xE9, 0xFC, 0x80
            ]
        );
    }

    #[test]
    fn the_narrow_no_break_space_of_nordic_amounts_prints_as_a_no_break_space() {
        let bytes: Vec<u8> = "1\u{202f}234,50\u{a0}€".chars().map(cp1252).collect();
        assert_eq!(
            bytes,
            [b'1', 0xA0, b'2', b'3', b'4', b',', b'5', b'0', 0xA0, 0x80]
        );
    }

    #[test]
    fn characters_outside_the_table_print_as_a_question_mark() {
        let bytes: Vec<u8> = "a☕Жb\u{7}".chars().map(cp1252).collect();
        assert_eq!(bytes, b"a??b?");
    }

    #[test]
    fn styles_are_sent_only_when_they_change_and_feeds_are_grouped() {
        let doc = Doc::new(48)
            .push(Block::styled("A", Align::Center, true, false))
            .push(Block::styled("B", Align::Center, true, false))
            .push(Block::Feed(3))
            .push(Block::text("C"))
            .push(Block::Cut);
        let bytes = encode(&doc);
        let expected: Vec<u8> = [
            &[ESC, b'@', ESC, b't', 16][..],
            &[ESC, b'a', 1, ESC, b'E', 1],
            b"A\n",
            b"B\n",
            &[ESC, b'd', 3],
            &[ESC, b'a', 0, ESC, b'E', 0],
            b"C\n",
            &[GS, b'V', 66, 0],
        ]
        .concat();
        assert_eq!(bytes, expected);
    }
}
