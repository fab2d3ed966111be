//! The shop's logo as a 1-bit raster for a thermal printer.
//!
//! [`Raster::from_image_bytes`] decodes a PNG or JPEG (with the `image` crate), lays it on
//! white (transparent parts of a PNG print as paper), scales it down to fit the print head,
//! turns it to grayscale and dithers it to black and white (Floyd–Steinberg). Rows are packed
//! 8 dots a byte, most significant bit first, a set bit a black dot, each row padded with white
//! to a multiple of 8 dots: the layout of ESC/POS `GS v 0`.

use std::io::Cursor;

use image::imageops::FilterType;
use image::{ImageFormat, ImageReader, Limits};

/// Dots across 80 mm paper at 203 dpi.
pub const MAX_DOTS_80MM: u32 = 576;
/// Dots across 58 mm paper at 203 dpi.
pub const MAX_DOTS_58MM: u32 = 384;
/// The tallest logo printed, in dots (about 50 mm at 203 dpi); a taller one is scaled down.
pub const MAX_LOGO_HEIGHT_DOTS: u32 = 400;
/// The largest logo file read (5 MiB).
pub const MAX_LOGO_FILE_BYTES: usize = 5 * 1024 * 1024;
/// The largest logo image decoded, in pixels each way (a guard against decompression bombs).
pub const MAX_LOGO_PIXELS_EACH_WAY: u32 = 4000;

/// Why a logo could not be used. The messages are for the merchant choosing the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoError {
    #[error("The logo is not a PNG or JPEG image. Choose a .png or .jpg file.")]
    NotAnImage,
    #[error(
        "The logo file is too large ({size} bytes; at most {max} bytes). Choose a smaller image.",
        max = MAX_LOGO_FILE_BYTES
    )]
    FileTooLarge { size: usize },
    #[error(
        "The logo image is too large ({width}×{height} pixels; at most {max}×{max}). Choose a smaller image.",
        max = MAX_LOGO_PIXELS_EACH_WAY
    )]
    TooManyPixels { width: u32, height: u32 },
    #[error("The logo file is damaged and cannot be read as a PNG or JPEG image: {0}")]
    Damaged(String),
    #[error("The logo image is empty (it has no pixels).")]
    Empty,
    #[error("A raster {width} dots wide and {height} high needs {expected} bytes, not {actual}.")]
    BadRaster {
        width: u32,
        height: u32,
        expected: usize,
        actual: usize,
    },
}

/// A 1-bit image: `height` rows of `width / 8` bytes, MSB first, a set bit a black dot.
#[derive(Clone, PartialEq, Eq)]
pub struct Raster {
    width: u32,
    height: u32,
    bits: Vec<u8>,
}

impl std::fmt::Debug for Raster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Raster({}×{})", self.width, self.height)
    }
}

impl Raster {
    /// A raster from packed rows; `width` must be a multiple of 8 and `bits` exactly
    /// `width / 8 * height` bytes.
    pub fn new(width: u32, height: u32, bits: Vec<u8>) -> Result<Self, LogoError> {
        let expected = (width as usize / 8) * height as usize;
        if width == 0 || height == 0 || width % 8 != 0 || bits.len() != expected {
            return Err(LogoError::BadRaster {
                width,
                height,
                expected,
                actual: bits.len(),
            });
        }
        Ok(Raster {
            width,
            height,
            bits,
        })
    }

    /// Width in dots (a multiple of 8).
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height in dots.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// Bytes in one row (`width / 8`).
    pub fn bytes_per_row(&self) -> usize {
        self.width as usize / 8
    }

    /// The packed rows.
    pub fn bits(&self) -> &[u8] {
        &self.bits
    }

    /// Whether the dot at (`x`, `y`) is black; `false` outside the raster.
    pub fn is_black(&self, x: u32, y: u32) -> bool {
        if x >= self.width || y >= self.height {
            return false;
        }
        let byte = self.bits[y as usize * self.bytes_per_row() + x as usize / 8];
        byte & (0x80 >> (x % 8)) != 0
    }

    /// How many dots are black.
    pub fn black_dots(&self) -> usize {
        self.bits.iter().map(|b| b.count_ones() as usize).sum()
    }

    /// Decodes a PNG or JPEG logo and makes it a raster at most `max_width_dots` wide
    /// (clamped to 8..=[`MAX_DOTS_80MM`]; use [`MAX_DOTS_58MM`] for 58 mm paper) and at most
    /// [`MAX_LOGO_HEIGHT_DOTS`] high. A smaller image is not enlarged.
    pub fn from_image_bytes(bytes: &[u8], max_width_dots: u32) -> Result<Self, LogoError> {
        if bytes.len() > MAX_LOGO_FILE_BYTES {
            return Err(LogoError::FileTooLarge { size: bytes.len() });
        }
        let format = match image::guess_format(bytes) {
            Ok(f @ (ImageFormat::Png | ImageFormat::Jpeg)) => f,
            _ => return Err(LogoError::NotAnImage),
        };
        let reader = || ImageReader::with_format(Cursor::new(bytes), format);
        // The header alone first: refuse a huge image before decoding it.
        let (width, height) = reader()
            .into_dimensions()
            .map_err(|e| LogoError::Damaged(e.to_string()))?;
        check_pixels(width, height)?;
        let mut limits = Limits::default();
        limits.max_image_width = Some(MAX_LOGO_PIXELS_EACH_WAY);
        limits.max_image_height = Some(MAX_LOGO_PIXELS_EACH_WAY);
        limits.max_alloc = Some(128 * 1024 * 1024);
        let mut reader = reader();
        reader.limits(limits);
        let image = reader.decode().map_err(|e| match e {
            image::ImageError::Limits(_) => LogoError::TooManyPixels { width, height },
            other => LogoError::Damaged(other.to_string()),
        })?;

        // On white: a transparent pixel is paper, a half-transparent one a lighter gray.
        let rgba = image.to_rgba8();
        let gray = image::GrayImage::from_fn(rgba.width(), rgba.height(), |x, y| {
            let [r, g, b, a] = rgba.get_pixel(x, y).0;
            let luma = (299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b)) / 1000;
            let alpha = u32::from(a);
            let on_white = (luma * alpha + 255 * (255 - alpha)) / 255;
            image::Luma([on_white.min(255) as u8])
        });

        let (w, h) = fit(
            gray.width(),
            gray.height(),
            max_width_dots.clamp(8, MAX_DOTS_80MM),
            MAX_LOGO_HEIGHT_DOTS,
        );
        let gray = if (w, h) == (gray.width(), gray.height()) {
            gray
        } else {
            image::imageops::resize(&gray, w, h, FilterType::Triangle)
        };
        Ok(dither(w, h, gray.as_raw()))
    }
}

fn check_pixels(width: u32, height: u32) -> Result<(), LogoError> {
    if width == 0 || height == 0 {
        return Err(LogoError::Empty);
    }
    if width > MAX_LOGO_PIXELS_EACH_WAY || height > MAX_LOGO_PIXELS_EACH_WAY {
        return Err(LogoError::TooManyPixels { width, height });
    }
    Ok(())
}

/// The size that fits `max_w`×`max_h`, keeping the aspect ratio; never enlarged, never 0.
fn fit(width: u32, height: u32, max_w: u32, max_h: u32) -> (u32, u32) {
    let (w, h) = (u64::from(width), u64::from(height));
    let (mut nw, mut nh) = (w, h);
    if nw > u64::from(max_w) {
        nw = u64::from(max_w);
        nh = (h * nw + w / 2) / w;
    }
    if nh > u64::from(max_h) {
        nh = u64::from(max_h);
        nw = (w * nh + h / 2) / h;
    }
    (nw.max(1) as u32, nh.max(1) as u32)
}

/// Floyd–Steinberg dithering of an 8-bit grayscale image (`width * height` bytes, row by row)
/// to a raster: a dot is black where the (error-corrected) gray is below 128. The row is
/// padded with white to a multiple of 8 dots.
pub fn dither(width: u32, height: u32, gray: &[u8]) -> Raster {
    let (w, h) = (width as usize, height as usize);
    let padded = w.div_ceil(8) * 8;
    let row_bytes = padded / 8;
    let mut bits = vec![0u8; row_bytes * h];
    // Error-carrying values, two rows at a time.
    let mut current: Vec<i32> = vec![0; w + 2];
    let mut next: Vec<i32> = vec![0; w + 2];
    for y in 0..h {
        for x in 0..w {
            current[x + 1] += i32::from(gray.get(y * w + x).copied().unwrap_or(255));
        }
        for x in 0..w {
            let old = current[x + 1];
            let black = old < 128;
            let new = if black { 0 } else { 255 };
            if black {
                bits[y * row_bytes + x / 8] |= 0x80 >> (x % 8);
            }
            let err = old - new;
            current[x + 2] += err * 7 / 16;
            next[x] += err * 3 / 16;
            next[x + 1] += err * 5 / 16;
            next[x + 2] += err / 16;
        }
        std::mem::swap(&mut current, &mut next);
        next.iter_mut().for_each(|v| *v = 0);
    }
    Raster {
        width: padded as u32,
        height: height.max(1),
        bits: if h == 0 { vec![0; row_bytes] } else { bits },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_scales_down_keeping_the_aspect_ratio_and_never_up() {
        assert_eq!(fit(1152, 200, 576, 400), (576, 100));
        assert_eq!(fit(100, 50, 576, 400), (100, 50));
        assert_eq!(fit(500, 1000, 576, 400), (200, 400));
        assert_eq!(fit(4000, 1, 384, 400), (384, 1));
    }

    #[test]
    fn dither_of_black_and_white_is_exact_and_pads_with_white() {
        // 10 wide: 5 black, 5 white, two rows.
        let row = [0, 0, 0, 0, 0, 255, 255, 255, 255, 255];
        let gray: Vec<u8> = row.iter().chain(row.iter()).copied().collect();
        let r = dither(10, 2, &gray);
        assert_eq!((r.width(), r.height()), (16, 2));
        assert_eq!(r.bits(), &[0b1111_1000, 0, 0b1111_1000, 0]);
        assert!(r.is_black(4, 1));
        assert!(!r.is_black(5, 1));
        assert!(!r.is_black(15, 0));
    }

    #[test]
    fn dither_of_mid_gray_is_about_half_black() {
        let gray = vec![128u8; 64 * 64];
        let r = dither(64, 64, &gray);
        let black = r.black_dots();
        // Floyd–Steinberg keeps the average: close to 50 % of 4096 dots.
        assert!((1900..=2200).contains(&black), "{black} black dots");
    }

    #[test]
    fn a_raster_with_the_wrong_byte_count_is_refused() {
        assert!(matches!(
            Raster::new(16, 2, vec![0; 3]),
            Err(LogoError::BadRaster { expected: 4, .. })
        ));
        assert!(Raster::new(12, 1, vec![0; 1]).is_err());
        assert!(Raster::new(16, 2, vec![0; 4]).is_ok());
    }
}
