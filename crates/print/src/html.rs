//! A [`Doc`] as an HTML fragment: the receipt on screen (the window's receipt panel) and
//! through the system print dialog.
//!
//! The lines are the thermal printer's ([`Doc::layout`], `doc.width` columns), each a
//! `<div class="line">` whose text keeps its spaces, so a monospace font with
//! `white-space: pre` shows the columns as on paper. Every text is HTML-escaped: a line
//! reading `<script>` shows those characters and runs nothing.
//!
//! ```html
//! <div class="receipt" data-columns="48">
//!   <img class="logo" alt="" width="272" height="47" src="data:image/png;base64,…">
//!   <div class="line center bold">Bageriet Ærø ApS</div>
//!   <hr class="rule">
//!   <div class="line">Coffee                                     35,00</div>
//!   <div class="line center bold double">TOTAL kr 35,00</div>
//!   <div class="line"></div>                  <!-- a feed: an empty line -->
//!   <div class="cut"></div>
//! </div>
//! ```
//!
//! Classes: `receipt` (the whole, `data-columns` its width in characters), `line` (one printed
//! line; `center`/`right` its alignment, `bold`, `double` for double width and height: half
//! the columns, twice the font size), `rule` (a full-width rule), `logo` (the logo: a PNG of
//! the 1-bit raster in a `data:` URL, its `width`/`height` in CSS pixels at the thermal
//! printer's 203 dpi, so 576 dots print 72 mm wide), `cut` (where the paper is cut). The
//! style, and `@page { size: 80mm auto }` for printing, are the window's.

use std::fmt::Write as _;
use std::io::Cursor;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::doc::{Align, Block, Doc, Laid, layout};
use crate::logo::Raster;
use crate::pdf::DOTS_PER_INCH;

/// CSS pixels per inch.
const CSS_PX_PER_INCH: f64 = 96.0;

/// The receipt as an HTML fragment (see the module documentation for its classes).
pub fn render(doc: &Doc) -> String {
    let width = doc.width.max(8);
    let mut out = String::with_capacity(64 * doc.blocks.len() + 64);
    let _ = writeln!(out, "<div class=\"receipt\" data-columns=\"{width}\">");
    for block in &doc.blocks {
        if let Block::Rule = block {
            out.push_str("<hr class=\"rule\">\n");
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
                    out.push_str("<div class=\"line");
                    match align {
                        Align::Left => {}
                        Align::Center => out.push_str(" center"),
                        Align::Right => out.push_str(" right"),
                    }
                    if bold {
                        out.push_str(" bold");
                    }
                    if double {
                        out.push_str(" double");
                    }
                    out.push_str("\">");
                    escape_into(&mut out, &text);
                    out.push_str("</div>\n");
                }
                Laid::Image(raster) => {
                    if let Some(url) = png_data_url(raster) {
                        let css_px = |dots: u32| {
                            (f64::from(dots) * CSS_PX_PER_INCH / DOTS_PER_INCH).round() as u32
                        };
                        let _ = writeln!(
                            out,
                            "<img class=\"logo\" alt=\"\" width=\"{}\" height=\"{}\" src=\"{url}\">",
                            css_px(raster.width()).max(1),
                            css_px(raster.height()).max(1)
                        );
                    }
                }
                Laid::Cut => out.push_str("<div class=\"cut\"></div>\n"),
            }
        }
    }
    out.push_str("</div>\n");
    out
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` as character references.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `text` HTML-escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// The raster as a grayscale PNG (black dots 0, paper 255) in a `data:` URL; `None` if the
/// encoder fails (it writes to memory, so it does not; the receipt then goes without logo).
pub fn png_data_url(raster: &Raster) -> Option<String> {
    let image = image::GrayImage::from_fn(raster.width(), raster.height(), |x, y| {
        image::Luma([if raster.is_black(x, y) { 0 } else { 255 }])
    });
    let mut png = Cursor::new(Vec::new());
    image.write_to(&mut png, image::ImageFormat::Png).ok()?;
    Some(format!(
        "data:image/png;base64,{}",
        STANDARD.encode(png.into_inner())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logo() -> Raster {
        // 16×4 dots: the left 8 columns black.
        let Ok(r) = Raster::new(16, 4, vec![0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00]) else {
            panic!("a 16×4 raster is valid");
        };
        r
    }

    #[test]
    fn lines_carry_their_style_as_classes() {
        let doc = Doc::new(48)
            .push(Block::styled(
                "Bageriet Ærø ApS",
                Align::Center,
                true,
                false,
            ))
            .push(Block::Rule)
            .push(Block::columns("Coffee", "35,00"))
            .push(Block::styled("TOTAL", Align::Right, true, true))
            .push(Block::Feed(1))
            .push(Block::Cut);
        let html = render(&doc);
        assert_eq!(
            html,
            format!(
                "<div class=\"receipt\" data-columns=\"48\">\n\
                 <div class=\"line center bold\">Bageriet Ærø ApS</div>\n\
                 <hr class=\"rule\">\n\
                 <div class=\"line\">Coffee{}35,00</div>\n\
                 <div class=\"line right bold double\">TOTAL</div>\n\
                 <div class=\"line\"></div>\n\
                 <div class=\"cut\"></div>\n\
                 </div>\n",
                " ".repeat(48 - 6 - 5)
            )
        );
    }

    #[test]
    fn a_script_in_a_line_stays_text() {
        let doc = Doc::new(48)
            .push(Block::text("<script>alert('x')</script> & \"more\""))
            .push(Block::columns("<b>", "<i>"));
        let html = render(&doc);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
        );
        assert!(html.contains("&lt;b&gt;"));
        assert!(html.contains("&lt;i&gt;</div>"));
        // Only the markup render writes is markup: every '<' starts one of its tags.
        let tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .map(|t| t.split([' ', '>']).next().unwrap_or_default())
            .collect();
        assert!(tags.iter().all(|t| ["div", "/div"].contains(t)), "{tags:?}");
    }

    #[test]
    fn long_text_wraps_as_on_paper() {
        let doc = Doc::new(32).push(Block::text(
            "Thank you for shopping with us today, see you soon",
        ));
        let html = render(&doc);
        assert!(html.contains("data-columns=\"32\""));
        assert!(html.contains("<div class=\"line\">Thank you for shopping with us</div>"));
        assert!(html.contains("<div class=\"line\">today, see you soon</div>"));
    }

    #[test]
    fn the_logo_is_a_png_data_url_of_the_raster() {
        let doc = Doc::new(48).push(Block::Logo(logo()));
        let html = render(&doc);
        let src = html
            .split("src=\"data:image/png;base64,")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default();
        // 16 × 4 dots at 203 dpi in CSS pixels (96 a inch): 7.6 → 8 and 1.9 → 2.
        assert!(
            html.contains("<img class=\"logo\" alt=\"\" width=\"8\" height=\"2\" src="),
            "{html}"
        );
        let Ok(png) = STANDARD.decode(src) else {
            panic!("base64: {src}");
        };
        let Ok(image) = image::load_from_memory_with_format(&png, image::ImageFormat::Png) else {
            panic!("a PNG");
        };
        let gray = image.to_luma8();
        assert_eq!(gray.dimensions(), (16, 4));
        for y in 0..4 {
            for x in 0..16 {
                let expect = if x < 8 { 0 } else { 255 };
                assert_eq!(gray.get_pixel(x, y).0[0], expect, "({x}, {y})");
            }
        }
    }
}
