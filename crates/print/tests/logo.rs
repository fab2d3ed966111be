//! Logos from real PNG and JPEG files made here with the `image` crate, and bad files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Cursor;

use image::{ImageFormat, Rgba, RgbaImage};
use kassa_print::logo::{MAX_LOGO_FILE_BYTES, MAX_LOGO_HEIGHT_DOTS};
use kassa_print::{LogoError, MAX_DOTS_58MM, MAX_DOTS_80MM, Raster};

/// Left half black, right half white; the top-right quarter transparent black.
fn half_black(width: u32, height: u32) -> RgbaImage {
    RgbaImage::from_fn(width, height, |x, y| {
        if x < width / 2 {
            Rgba([0, 0, 0, 255])
        } else if y < height / 2 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([255, 255, 255, 255])
        }
    })
}

fn encoded(image: &RgbaImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => image::DynamicImage::ImageRgba8(image.clone())
            .to_rgb8()
            .write_to(&mut out, format),
        _ => image.write_to(&mut out, format),
    }
    .expect("encode the test image");
    out.into_inner()
}

#[test]
fn a_png_logo_is_dithered_with_transparency_as_paper() {
    let png = encoded(&half_black(100, 40), ImageFormat::Png);
    let raster = Raster::from_image_bytes(&png, MAX_DOTS_80MM).expect("a PNG logo");
    // Not enlarged; 100 dots padded to 104.
    assert_eq!((raster.width(), raster.height()), (104, 40));
    for y in 0..40 {
        for x in 0..104 {
            assert_eq!(raster.is_black(x, y), x < 50, "dot ({x}, {y})");
        }
    }
    assert_eq!(raster.black_dots(), 50 * 40);
}

#[test]
fn a_jpeg_logo_is_decoded_and_scaled_to_the_head() {
    // JPEG has no transparency: an opaque left-black, right-white image.
    let opaque = RgbaImage::from_fn(1200, 300, |x, _| {
        if x < 600 {
            Rgba([0, 0, 0, 255])
        } else {
            Rgba([255, 255, 255, 255])
        }
    });
    let jpeg = encoded(&opaque, ImageFormat::Jpeg);
    let raster = Raster::from_image_bytes(&jpeg, MAX_DOTS_80MM).expect("a JPEG logo");
    assert_eq!((raster.width(), raster.height()), (576, 144));
    // JPEG blurs the edge a little; away from it the halves are clean.
    for y in [0, 50, 143] {
        assert!(
            (0..270).all(|x| raster.is_black(x, y)),
            "left half of row {y}"
        );
        assert!(
            (306..576).all(|x| !raster.is_black(x, y)),
            "right half of row {y}"
        );
    }
}

#[test]
fn a_logo_for_58mm_paper_is_at_most_384_dots_and_not_too_tall() {
    let png = encoded(&half_black(800, 800), ImageFormat::Png);
    let raster = Raster::from_image_bytes(&png, MAX_DOTS_58MM).expect("a PNG logo");
    assert_eq!((raster.width(), raster.height()), (384, 384));
    let tall = encoded(&half_black(100, 1000), ImageFormat::Png);
    let raster = Raster::from_image_bytes(&tall, MAX_DOTS_80MM).expect("a tall logo");
    assert_eq!(raster.height(), MAX_LOGO_HEIGHT_DOTS);
    assert_eq!(raster.width(), 40);
}

#[test]
fn a_file_that_is_not_an_image_is_refused() {
    let err = Raster::from_image_bytes(b"%PDF-1.7 this is a pdf", MAX_DOTS_80MM)
        .expect_err("not an image");
    assert!(matches!(err, LogoError::NotAnImage));
    assert_eq!(
        err.to_string(),
        "The logo is not a PNG or JPEG image. Choose a .png or .jpg file."
    );
    // Another real image format is refused too.
    let gif_header = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;";
    assert!(matches!(
        Raster::from_image_bytes(gif_header, MAX_DOTS_80MM),
        Err(LogoError::NotAnImage)
    ));
}

#[test]
fn a_cut_off_png_is_reported_as_damaged() {
    let png = encoded(&half_black(100, 40), ImageFormat::Png);
    let err =
        Raster::from_image_bytes(&png[..png.len() / 2], MAX_DOTS_80MM).expect_err("half a file");
    assert!(matches!(err, LogoError::Damaged(_)), "{err:?}");
    assert!(err.to_string().starts_with("The logo file is damaged"));
}

#[test]
fn an_image_with_too_many_pixels_is_refused_before_decoding() {
    // 5000×10 compresses to almost nothing: the header's size is what is refused.
    let png = encoded(&RgbaImage::new(5000, 10), ImageFormat::Png);
    assert!(png.len() < MAX_LOGO_FILE_BYTES);
    let err = Raster::from_image_bytes(&png, MAX_DOTS_80MM).expect_err("too wide");
    assert!(
        matches!(
            err,
            LogoError::TooManyPixels {
                width: 5000,
                height: 10
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "The logo image is too large (5000×10 pixels; at most 4000×4000). Choose a smaller image."
    );
}

#[test]
fn a_file_over_5_mib_is_refused_unread() {
    let mut big = encoded(&half_black(10, 10), ImageFormat::Png);
    big.resize(MAX_LOGO_FILE_BYTES + 1, 0);
    let err = Raster::from_image_bytes(&big, MAX_DOTS_80MM).expect_err("too big");
    assert!(matches!(err, LogoError::FileTooLarge { size } if size == MAX_LOGO_FILE_BYTES + 1));
    assert!(err.to_string().starts_with("The logo file is too large"));
}
