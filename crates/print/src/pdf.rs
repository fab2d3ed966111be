//! A [`Doc`] as a PDF receipt: one page 80 mm wide, as tall as the receipt.
//!
//! Written here rather than with a PDF crate: a receipt needs one page, two fonts, text lines,
//! rules and a 1-bit image, a few hundred bytes of structure (the `pdf-writer` crate states no
//! minimum Rust version, so it cannot be shown to build on this project's 1.85).
//!
//! The page:
//!
//! * **Size**: 80 mm wide ([`PAGE_WIDTH_PT`] = 226.77 pt); the height is the content's plus a
//!   4 mm margin at the top and the bottom ([`MARGIN_PT`]), so a viewer or a roll printer
//!   shows the receipt without blank paper.
//! * **Text**: the same lines as the thermal printer prints ([`Doc::layout`] for `width`
//!   columns), in the base-14 fonts Courier and Courier-Bold (no font is embedded; every PDF
//!   reader has them), so the columns line up as on paper. `width` columns fill the 72 mm
//!   between the side margins (the print area of an 80 mm thermal printer): 48 columns is
//!   Courier at 7.09 pt. Double size is twice the font size (half the columns, twice the line
//!   height); bold is Courier-Bold.
//! * **Characters**: the fonts use WinAnsiEncoding (Windows code page 1252), which has every
//!   Nordic letter (æ ø å ä ö Æ Ø Å Ä Ö é ü õ š ž) and €. Each character is looked up in that
//!   table ([`crate::escpos::cp1252`], the same one the thermal printer uses); a character it
//!   lacks (an emoji, a Cyrillic letter) is written as `?`, plainly, as the printer prints it.
//!   The content stream is plain ASCII: other bytes are written as octal escapes.
//! * **Rules**: a drawn line across the print area. **Feeds**: empty lines. **Cut**: nothing.
//! * **Logo**: the raster as a 1-bit DeviceGray image (`/Decode [1 0]`: a set bit is black),
//!   its pixels at the thermal printer's 203 dpi (576 dots = 72 mm), centred.
//!
//! Lengths and positions are in PDF points (1/72 inch), written with two decimals.

use std::fmt::Write as _;

use crate::doc::{Block, Doc, Laid, layout, place};
use crate::escpos::cp1252;
use crate::logo::Raster;

/// The page width: 80 mm in points.
pub const PAGE_WIDTH_PT: f64 = 80.0 / 25.4 * 72.0;
/// The margin on every side: 4 mm, leaving 72 mm across, the print area of 80 mm paper.
pub const MARGIN_PT: f64 = 4.0 / 25.4 * 72.0;
/// The thermal printer's resolution, at which the logo's dots are shown.
pub const DOTS_PER_INCH: f64 = 203.0;
/// Courier's glyph width, as a fraction of the font size (every glyph is 600/1000 em).
const COURIER_ADVANCE: f64 = 0.6;
/// The line width of a rule.
const RULE_WIDTH_PT: f64 = 0.6;

/// The PDF of `doc`, laid out `width` columns across (48 for 80 mm paper; at least 8).
pub fn render(doc: &Doc, width: usize) -> Vec<u8> {
    let width = width.max(8);
    let across = PAGE_WIDTH_PT - 2.0 * MARGIN_PT;
    let cell = across / width as f64;
    let size = cell / COURIER_ADVANCE;
    // A line is twice as tall as a character is wide, as Font A's 12×24 dots.
    let line = 2.0 * cell;

    // Everything placed from the top of the print area down (y grows downwards here).
    let mut marks: Vec<Mark<'_>> = Vec::new();
    let mut y = 0.0;
    for block in &doc.blocks {
        if let Block::Rule = block {
            marks.push(Mark::Rule { y: y + line / 2.0 });
            y += line;
            continue;
        }
        for laid in layout(std::slice::from_ref(block), width) {
            match laid {
                Laid::Line {
                    text,
                    align,
                    bold,
                    double,
                } => {
                    let (scale, room) = if double {
                        (2.0, width / 2)
                    } else {
                        (1.0, width)
                    };
                    let height = line * scale;
                    let placed = place(&text, align, room);
                    let lead = placed.chars().take_while(|c| *c == ' ').count();
                    let text = &placed[lead..];
                    if !text.is_empty() {
                        marks.push(Mark::Text {
                            x: MARGIN_PT + lead as f64 * cell * scale,
                            // The baseline a quarter em above the line's foot (room for
                            // the descenders), the ascenders within the line's 1.2 em.
                            baseline: y + height - 0.25 * size * scale,
                            size: size * scale,
                            bold,
                            text: text.to_string(),
                        });
                    }
                    y += height;
                }
                Laid::Image(raster) => {
                    let mut w = f64::from(raster.width()) / DOTS_PER_INCH * 72.0;
                    let mut h = f64::from(raster.height()) / DOTS_PER_INCH * 72.0;
                    if w > across {
                        h *= across / w;
                        w = across;
                    }
                    // The logo is centred, as the thermal printer prints it.
                    let x = MARGIN_PT + (across - w) / 2.0;
                    marks.push(Mark::Image {
                        raster,
                        x,
                        top: y,
                        w,
                        h,
                    });
                    y += h;
                }
                Laid::Cut => {}
            }
        }
    }
    let page_height = y + 2.0 * MARGIN_PT;
    // From the top of the print area to PDF's y (upwards from the foot of the page).
    let up = |y: f64| page_height - MARGIN_PT - y;

    let mut content = String::new();
    let mut images: Vec<&Raster> = Vec::new();
    for mark in &marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                size,
                bold,
                text,
            } => {
                let font = if *bold { "F2" } else { "F1" };
                let _ = writeln!(
                    content,
                    "BT /{font} {} Tf {} {} Td ({}) Tj ET",
                    num(*size),
                    num(*x),
                    num(up(*baseline)),
                    literal(text)
                );
            }
            Mark::Rule { y } => {
                let _ = writeln!(
                    content,
                    "{} w {} {} m {} {} l S",
                    num(RULE_WIDTH_PT),
                    num(MARGIN_PT),
                    num(up(*y)),
                    num(PAGE_WIDTH_PT - MARGIN_PT),
                    num(up(*y))
                );
            }
            Mark::Image {
                raster,
                x,
                top,
                w,
                h,
            } => {
                images.push(raster);
                let _ = writeln!(
                    content,
                    "q {} 0 0 {} {} {} cm /Im{} Do Q",
                    num(*w),
                    num(*h),
                    num(*x),
                    num(up(*top + *h)),
                    images.len()
                );
            }
        }
    }

    let mut pdf = Writer::new();
    // 1 catalog, 2 pages, 3 page, 4 and 5 fonts, 6 content, 7… images.
    pdf.object("<< /Type /Catalog /Pages 2 0 R >>".as_bytes());
    pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".as_bytes());
    let xobjects: String = (1..=images.len())
        .map(|n| format!(" /Im{n} {} 0 R", 6 + n))
        .collect();
    pdf.object(
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] \
             /Resources << /Font << /F1 4 0 R /F2 5 0 R >> /XObject <<{xobjects} >> >> \
             /Contents 6 0 R >>",
            num(PAGE_WIDTH_PT),
            num(page_height)
        )
        .as_bytes(),
    );
    for font in ["Courier", "Courier-Bold"] {
        pdf.object(
            format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
            )
            .as_bytes(),
        );
    }
    pdf.stream("", content.as_bytes());
    for raster in images {
        pdf.stream(
            &format!(
                "/Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray \
                 /BitsPerComponent 1 /Decode [1 0] ",
                raster.width(),
                raster.height()
            ),
            raster.bits(),
        );
    }
    pdf.finish()
}

/// One thing on the page, placed from the top of the print area.
enum Mark<'a> {
    Text {
        x: f64,
        baseline: f64,
        size: f64,
        bold: bool,
        text: String,
    },
    Rule {
        y: f64,
    },
    Image {
        raster: &'a Raster,
        x: f64,
        top: f64,
        w: f64,
        h: f64,
    },
}

/// A number as PDF writes it: at most two decimals, no trailing zeros (`226.77`, `8.5`, `0`).
fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "" | "-" | "-0" => "0".to_string(),
        s => s.to_string(),
    }
}

/// `text` as the inside of a PDF literal string in WinAnsiEncoding: each character its
/// code-page-1252 byte (`?` where it has none); `(`, `)` and `\` escaped; bytes outside
/// printable ASCII as octal escapes, so the content stream stays ASCII.
fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for byte in text.chars().map(cp1252) {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(byte));
            }
            0x20..=0x7E => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "\\{byte:03o}");
            }
        }
    }
    out
}

/// Numbered objects, their byte offsets, and the cross-reference table at the end.
struct Writer {
    out: Vec<u8>,
    offsets: Vec<usize>,
}

impl Writer {
    fn new() -> Writer {
        let mut out = Vec::with_capacity(4096);
        // The comment of four bytes above 127 tells tools the file holds binary data.
        out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
        Writer {
            out,
            offsets: Vec::new(),
        }
    }

    fn begin(&mut self) {
        self.offsets.push(self.out.len());
        let n = self.offsets.len();
        self.out
            .extend_from_slice(format!("{n} 0 obj\n").as_bytes());
    }

    fn object(&mut self, body: &[u8]) {
        self.begin();
        self.out.extend_from_slice(body);
        self.out.extend_from_slice(b"\nendobj\n");
    }

    /// A stream object: `dict` is the dictionary's entries besides `/Length`.
    fn stream(&mut self, dict: &str, data: &[u8]) {
        self.begin();
        self.out
            .extend_from_slice(format!("<< {dict}/Length {} >>\nstream\n", data.len()).as_bytes());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    fn finish(mut self) -> Vec<u8> {
        let xref = self.out.len();
        let size = self.offsets.len() + 1;
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
        for offset in &self.offsets {
            // Each entry is 20 bytes: offset, generation, `n`, a space and the line feed.
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        );
        self.out.extend_from_slice(table.as_bytes());
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Align, COLUMNS_80MM};

    /// What the tests read back from the bytes: every object by number, checked against
    /// the cross-reference table.
    struct Parsed {
        objects: Vec<Vec<u8>>,
    }

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).rposition(|w| w == needle)
    }

    /// Parses the file the way a reader does: header, `startxref` at the end, the table it
    /// points at, each entry's offset at `n 0 obj`, the trailer's `/Size` and `/Root`.
    fn parse(pdf: &[u8]) -> Parsed {
        assert!(pdf.starts_with(b"%PDF-1.4\n"), "header");
        assert!(pdf.ends_with(b"%%EOF\n"), "end marker");
        let sx = rfind(pdf, b"startxref\n").expect("startxref");
        let tail = std::str::from_utf8(&pdf[sx + 10..]).expect("ascii tail");
        let xref: usize = tail
            .lines()
            .next()
            .expect("offset")
            .parse()
            .expect("number");
        assert!(
            pdf[xref..].starts_with(b"xref\n"),
            "startxref points at xref"
        );
        let table = std::str::from_utf8(&pdf[xref..sx]).expect("ascii table");
        let mut lines = table.lines();
        assert_eq!(lines.next(), Some("xref"));
        let sub = lines.next().expect("subsection");
        let size: usize = sub
            .strip_prefix("0 ")
            .expect("from 0")
            .parse()
            .expect("size");
        // Entries are exactly 20 bytes each.
        let entries_start = xref + "xref\n".len() + sub.len() + 1;
        let entries = &pdf[entries_start..entries_start + 20 * size];
        assert!(pdf[entries_start + 20 * size..].starts_with(b"trailer\n"));
        assert_eq!(&entries[..20], b"0000000000 65535 f \n");
        let mut objects = Vec::new();
        for n in 1..size {
            let e = std::str::from_utf8(&entries[20 * n..20 * n + 20]).expect("entry");
            assert!(e.ends_with(" 00000 n \n"), "{e:?}");
            let at: usize = e[..10].parse().expect("offset");
            let head = format!("{n} 0 obj\n");
            assert!(
                pdf[at..].starts_with(head.as_bytes()),
                "object {n} is not at {at}"
            );
            let end = at + find(&pdf[at..], b"endobj\n").expect("endobj");
            objects.push(pdf[at + head.len()..end].to_vec());
        }
        let trailer = std::str::from_utf8(&pdf[entries_start + 20 * size..sx]).expect("trailer");
        assert!(trailer.contains(&format!("/Size {size} ")), "{trailer}");
        assert!(trailer.contains("/Root 1 0 R"), "{trailer}");
        Parsed { objects }
    }

    impl Parsed {
        fn object(&self, n: usize) -> &[u8] {
            &self.objects[n - 1]
        }

        fn text(&self, n: usize) -> String {
            String::from_utf8_lossy(self.object(n)).into_owned()
        }

        /// The data of stream object `n`, its `/Length` checked.
        fn stream(&self, n: usize) -> &[u8] {
            let obj = self.object(n);
            let dict_end = find(obj, b">>\nstream\n").expect("a stream");
            let dict = std::str::from_utf8(&obj[..dict_end]).expect("dict");
            let len: usize = dict
                .split("/Length ")
                .nth(1)
                .and_then(|s| s.split_whitespace().next())
                .expect("length")
                .parse()
                .expect("number");
            let data = &obj[dict_end + 10..];
            assert_eq!(&data[len..], b"\nendstream\n", "/Length is the data's");
            &data[..len]
        }

        /// The strings shown (`Tj`) in the content stream, decoded from WinAnsi, with
        /// their font.
        fn shown(&self) -> Vec<(String, String)> {
            let content = std::str::from_utf8(self.stream(6)).expect("ascii content");
            content
                .lines()
                .filter(|l| l.starts_with("BT "))
                .map(|l| {
                    let font = l[4..6].to_string();
                    let open = l.find('(').expect("(");
                    let close = l.rfind(") Tj").expect(")");
                    (font, unescape(&l[open + 1..close]))
                })
                .collect()
        }
    }

    fn unescape(s: &str) -> String {
        let b = s.as_bytes();
        let mut out = String::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\\' {
                if b[i + 1].is_ascii_digit() {
                    let code = u8::from_str_radix(&s[i + 1..i + 4], 8).expect("octal");
                    out.push(from_winansi(code));
                    i += 4;
                } else {
                    out.push(char::from(b[i + 1]));
                    i += 2;
                }
            } else {
                out.push(char::from(b[i]));
                i += 1;
            }
        }
        out
    }

    /// WinAnsiEncoding to Unicode for the bytes these tests use.
    fn from_winansi(b: u8) -> char {
        match b {
            0x80 => '€',
            0x97 => '—',
            0xA0..=0xFF => char::from(b),
            other => panic!("byte {other:#04x} not expected here"),
        }
    }

    fn logo() -> Raster {
        // 20×12 dots, padded to 24: a frame.
        let gray: Vec<u8> = (0..20 * 12)
            .map(|i| {
                let (x, y) = (i % 20, i / 20);
                if x == 0 || y == 0 || x == 19 || y == 11 {
                    0
                } else {
                    255
                }
            })
            .collect();
        crate::logo::dither(20, 12, &gray)
    }

    fn receipt() -> Doc {
        Doc::new(COLUMNS_80MM)
            .push(Block::Logo(logo()))
            .push(Block::styled(
                "Bageriet Ærø ApS",
                Align::Center,
                true,
                false,
            ))
            .push(Block::styled(
                "Søndergade 5, Ærøskøbing",
                Align::Center,
                false,
                false,
            ))
            .push(Block::Rule)
            .push(Block::columns("Wienerbrød (2 × 17,50)", "35,00"))
            .push(Block::columns("Smörgåstårta, é, ü", "€ 4,50"))
            .push(Block::Rule)
            .push(Block::styled(
                "TOTAL kr\u{a0}39,50",
                Align::Center,
                true,
                true,
            ))
            .push(Block::Feed(1))
            .push(Block::text("Kaffe ☕ Привет — tak"))
            .push(Block::Cut)
    }

    #[test]
    fn the_bytes_parse_with_right_offsets_and_an_80_mm_page() {
        let pdf = render(&receipt(), COLUMNS_80MM);
        let p = parse(&pdf);
        // Catalog, pages, page, two fonts, content, one image.
        assert_eq!(p.objects.len(), 7);
        assert!(p.text(1).contains("/Type /Catalog /Pages 2 0 R"));
        assert!(p.text(2).contains("/Kids [3 0 R] /Count 1"));
        let page = p.text(3);
        assert!(page.contains("/MediaBox [0 0 226.77 "), "{page}");
        assert!(page.contains("/Contents 6 0 R"));
        assert!(page.contains("/XObject << /Im1 7 0 R >>"));
        for (n, font) in [(4, "Courier"), (5, "Courier-Bold")] {
            assert!(
                p.text(n)
                    .contains(&format!("/BaseFont /{font} /Encoding /WinAnsiEncoding")),
                "{}",
                p.text(n)
            );
        }
    }

    #[test]
    fn the_page_is_as_tall_as_the_content() {
        let height = |doc: &Doc| -> f64 {
            let p = parse(&render(doc, COLUMNS_80MM));
            let page = p.text(3);
            let rest = page.split("/MediaBox [0 0 226.77 ").nth(1).expect("box");
            rest.split(']').next().expect("]").parse().expect("height")
        };
        let one = height(&Doc::new(48).push(Block::text("a")));
        let two = height(&Doc::new(48).push(Block::text("a")).push(Block::text("b")));
        let line = 2.0 * (PAGE_WIDTH_PT - 2.0 * MARGIN_PT) / 48.0;
        assert!((one - (2.0 * MARGIN_PT + line)).abs() < 0.01, "{one}");
        assert!((two - one - line).abs() < 0.02, "{two} − {one}");
        // A double line is twice as tall; the logo adds its height at 203 dpi.
        let big = height(&Doc::new(48).push(Block::styled("a", Align::Left, false, true)));
        assert!((big - one - line).abs() < 0.02, "{big}");
        let with_logo = height(
            &Doc::new(48)
                .push(Block::Logo(logo()))
                .push(Block::text("a")),
        );
        assert!((with_logo - one - 12.0 / 203.0 * 72.0).abs() < 0.02);
    }

    #[test]
    fn the_text_is_in_the_content_stream_in_winansi() {
        let p = parse(&render(&receipt(), COLUMNS_80MM));
        let shown = p.shown();
        let texts: Vec<&str> = shown.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Bageriet Ærø ApS",
                "Søndergade 5, Ærøskøbing",
                &format!("Wienerbrød (2 × 17,50){}35,00", " ".repeat(48 - 22 - 5)),
                &format!("Smörgåstårta, é, ü{}€ 4,50", " ".repeat(48 - 18 - 6)),
                // The layout wraps at any whitespace, the no-break space too.
                "TOTAL kr 39,50",
                // What WinAnsi lacks is a plain '?', one per character.
                "Kaffe ? ?????? — tak",
            ]
        );
        // Bold lines in Courier-Bold, the rest in Courier.
        let fonts: Vec<&str> = shown.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fonts, ["F2", "F1", "F1", "F1", "F2", "F1"]);
        // The content stream is ASCII; the Nordic letters are octal escapes of their bytes.
        let content = std::str::from_utf8(p.stream(6)).expect("ascii");
        assert!(
            content.contains("(Bageriet \\306r\\370 ApS) Tj"),
            "{content}"
        );
        // Double size: twice the font size of a plain line.
        assert!(content.contains("BT /F1 7.09 Tf"), "{content}");
        assert!(content.contains("BT /F2 14.17 Tf"), "{content}");
        // Two rules, drawn across the print area.
        assert_eq!(content.matches(" l S").count(), 2);
    }

    #[test]
    fn alignment_moves_the_text_not_pads_it() {
        let doc = Doc::new(48)
            .push(Block::styled("ab", Align::Center, false, false))
            .push(Block::styled("ab", Align::Right, false, false));
        let p = parse(&render(&doc, 48));
        let content = std::str::from_utf8(p.stream(6)).expect("ascii");
        let cell = (PAGE_WIDTH_PT - 2.0 * MARGIN_PT) / 48.0;
        let xs: Vec<String> = content
            .lines()
            .map(|l| {
                l.split(" Tf ")
                    .nth(1)
                    .expect("Td")
                    .split(' ')
                    .next()
                    .expect("x")
                    .to_string()
            })
            .collect();
        assert_eq!(
            xs,
            [num(MARGIN_PT + 23.0 * cell), num(MARGIN_PT + 46.0 * cell)]
        );
        assert!(content.contains("(ab) Tj"));
    }

    #[test]
    fn the_image_has_the_rasters_size_and_bits() {
        let logo = logo();
        let p = parse(&render(&receipt(), COLUMNS_80MM));
        let image = p.text(7);
        assert!(
            image.contains("/Subtype /Image /Width 24 /Height 12 /ColorSpace /DeviceGray /BitsPerComponent 1 /Decode [1 0]"),
            "{image}"
        );
        assert_eq!(p.stream(7), logo.bits());
        // Drawn at 203 dpi: 24 dots = 8.51 pt wide, 12 dots = 4.26 pt high, centred.
        let content = std::str::from_utf8(p.stream(6)).expect("ascii");
        let x = num((PAGE_WIDTH_PT - 24.0 / 203.0 * 72.0) / 2.0);
        assert!(
            content.contains(&format!("q 8.51 0 0 4.26 {x} ")),
            "{content}"
        );
        assert!(content.contains(" cm /Im1 Do Q"));
    }

    #[test]
    fn a_document_without_a_logo_has_no_image() {
        let p = parse(&render(&Doc::new(48).push(Block::text("x")), 48));
        assert_eq!(p.objects.len(), 6);
        assert!(p.text(3).contains("/XObject << >>"));
    }

    #[test]
    fn special_characters_are_escaped_in_strings() {
        assert_eq!(literal("a(b)c\\d"), "a\\(b\\)c\\\\d");
        assert_eq!(literal("æ€\u{7}"), "\\346\\200?");
        assert_eq!(num(226.771_653), "226.77");
        assert_eq!(num(8.5), "8.5");
        assert_eq!(num(0.001), "0");
    }
}
