//! The QR code the customer scans, rendered in Rust as SVG: crisp at any size.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code for `text` that scales to its container (no fixed pixel size).
pub fn svg(text: &str) -> Result<String, qrcode::types::QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let image = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .min_dimensions(256, 256)
        .dark_color(svg::Color("#0b1320"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Let CSS size it: keep the viewBox, drop the fixed width and height.
    Ok(strip_fixed_size(&image))
}

fn strip_fixed_size(svg: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_owned();
    };
    let Some(end) = svg[start..].find('>').map(|e| start + e) else {
        return svg.to_owned();
    };
    let head: String = svg[start..end]
        .split(' ')
        .filter(|attr| !attr.starts_with("width=") && !attr.starts_with("height="))
        .collect::<Vec<_>>()
        .join(" ");
    format!("{}{head}{}", &svg[..start], &svg[end..])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn renders_a_scalable_deterministic_svg() {
        let url = "http://127.0.0.1:4010/sandbox/authorize/0b8f0e0c-1111-4222-8333-944445555666";
        let s = svg(url).unwrap();
        assert!(s.contains("<svg"), "{s}");
        assert!(
            s.contains("viewBox"),
            "the SVG must keep its viewBox to scale"
        );
        let head = &s[s.find("<svg").unwrap()..];
        let head = &head[..head.find('>').unwrap()];
        assert!(!head.contains(" width="), "fixed size left in {head}");
        // Same data, same code: the render is deterministic.
        assert_eq!(s, svg(url).unwrap());
        assert_ne!(s, svg("http://other").unwrap());
    }
}
