//! The PDF read by an independent reader, poppler (`pdfinfo`, `pdftotext`, `pdfimages`,
//! `pdftoppm`; package poppler-utils, installed by scripts/setup-debian.sh).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use kassa_print::{Align, Block, COLUMNS_80MM, Doc, pdf};

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} cannot run ({e}): install poppler-utils (bash scripts/setup-debian.sh)")
    });
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn logo() -> kassa_print::Raster {
    // 40×20 dots: the left half black.
    let gray: Vec<u8> = (0..40 * 20)
        .map(|i| if i % 40 < 20 { 0 } else { 255 })
        .collect();
    kassa_print::logo::dither(40, 20, &gray)
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
        .push(Block::Rule)
        .push(Block::columns("Wienerbrød", "35,00"))
        .push(Block::columns("Smörgåstårta é ü õ š ž", "€ 4,50"))
        .push(Block::Rule)
        .push(Block::styled("TOTAL 39,50", Align::Center, true, true))
        .push(Block::text("Kaffe ☕ tak"))
        .push(Block::Cut)
}

fn written(dir: &Path) -> String {
    let path = dir.join("receipt.pdf");
    std::fs::write(&path, pdf::render(&receipt(), COLUMNS_80MM)).expect("write the pdf");
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn poppler_reads_an_80_mm_page_with_the_text_and_the_logo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = written(dir.path());

    let info = run("pdfinfo", &[&file]);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("a page size")
        .trim();
    assert!(size.starts_with("226.77 x "), "{size}");
    assert!(info.contains("Pages:           1"), "{info}");

    let text = run("pdftotext", &["-layout", "-enc", "UTF-8", &file, "-"]);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines[0], "Bageriet Ærø ApS", "{text}");
    assert!(
        lines[1].starts_with("Wienerbrød") && lines[1].ends_with("35,00"),
        "{text}"
    );
    assert!(
        lines[2].starts_with("Smörgåstårta é ü õ š ž") && lines[2].ends_with("€ 4,50"),
        "{text}"
    );
    assert_eq!(lines[3], "TOTAL 39,50", "{text}");
    assert_eq!(lines[4], "Kaffe ? tak", "{text}");

    let images = run("pdfimages", &["-list", &file]);
    let row = images.lines().nth(2).expect("one image listed");
    let cols: Vec<&str> = row.split_whitespace().collect();
    // page num type width height color comp bpc
    assert_eq!(
        &cols[2..8],
        ["image", "40", "20", "gray", "1", "1"],
        "{images}"
    );
}

#[test]
fn poppler_draws_the_logo_at_the_printers_resolution() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = written(dir.path());
    let out = dir.path().join("page");
    let out = out.to_str().expect("utf-8 path");
    run(
        "pdftoppm",
        &["-r", "203", "-gray", "-singlefile", &file, out],
    );
    let pgm = std::fs::read(format!("{out}.pgm")).expect("the rendered page");
    // P5 <width> <height> 255, then one byte a pixel.
    let header: Vec<&[u8]> = pgm.splitn(5, |b| b.is_ascii_whitespace()).collect();
    assert_eq!(header[0], b"P5");
    let num = |b: &[u8]| -> usize { std::str::from_utf8(b).expect("ascii").parse().expect("n") };
    let (w, h) = (num(header[1]), num(header[2]));
    let pixels = header[4];
    assert_eq!(pixels.len(), w * h);
    // 80 mm at 203 dpi.
    assert!((638..=640).contains(&w), "{w} pixels wide");
    let at = |x: usize, y: usize| pixels[y * w + x];
    // The logo: 40×20 dots, centred, below the 4 mm (32 dots) top margin; left half black.
    let left = (w - 40) / 2;
    assert!(at(left + 5, 32 + 10) < 64, "the black half is black");
    assert!(at(left + 30, 32 + 10) > 192, "the white half is white");
    // The margin above the logo is paper.
    assert!((0..w).all(|x| at(x, 10) > 192));
}
