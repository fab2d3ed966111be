//! A printable receipt document, independent of where it goes (thermal printer, print dialog, PDF).
//!
//! A [`Doc`] is a list of [`Block`]s and a paper width in character columns. [`Doc::layout`]
//! turns it into the exact lines a printer prints (wrapped at word boundaries, amounts
//! right-aligned); the ESC/POS encoder and [`Doc::to_text`] both use that one layout, so what the
//! print dialog shows and what the thermal printer prints wrap the same way.

use crate::logo::Raster;

/// Columns of Font A (12×24) on 80 mm paper (576 dots at 203 dpi): the usual receipt width.
pub const COLUMNS_80MM: usize = 48;
/// Columns on 80 mm printers that print 42 characters a line (Font A on a 512-dot head).
pub const COLUMNS_80MM_NARROW: usize = 42;
/// Columns of Font A on 58 mm paper (384 dots).
pub const COLUMNS_58MM: usize = 32;

/// The marker a reprint carries (see [`Doc::as_copy`]).
pub const COPY_LABEL: &str = "COPY";

/// Where a line of text sits on the paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// One piece of a receipt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A 1-bit image (the shop's logo), printed centred.
    Logo(Raster),
    /// Text, wrapped at word boundaries. `double` prints it at double width and height, so a
    /// line then holds half as many characters. A `'\n'` in `text` starts a new line.
    Text {
        text: String,
        align: Align,
        bold: bool,
        double: bool,
    },
    /// A line with text on the left and an amount on the right ("Coffee          35,00").
    /// A left text too long for the line wraps; the amount goes on its last line if it fits
    /// there, else on a line of its own, right-aligned.
    Columns { left: String, right: String },
    /// A full-width rule of dashes.
    Rule,
    /// `n` empty lines.
    Feed(u8),
    /// Cut the paper (a partial cut on a thermal printer; nothing in the text layout).
    Cut,
}

impl Block {
    /// Plain left-aligned text.
    pub fn text(text: impl Into<String>) -> Self {
        Block::Text {
            text: text.into(),
            align: Align::Left,
            bold: false,
            double: false,
        }
    }

    /// Text with an alignment and style.
    pub fn styled(text: impl Into<String>, align: Align, bold: bool, double: bool) -> Self {
        Block::Text {
            text: text.into(),
            align,
            bold,
            double,
        }
    }

    /// A text-and-amount line.
    pub fn columns(left: impl Into<String>, right: impl Into<String>) -> Self {
        Block::Columns {
            left: left.into(),
            right: right.into(),
        }
    }
}

/// One laid-out line of a document: what one printed line holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Laid<'a> {
    /// A line of text, at most `width` characters (`width / 2` when `double`), unpadded;
    /// the printer (or [`Doc::to_text`]) places it by `align`.
    Line {
        text: String,
        align: Align,
        bold: bool,
        double: bool,
    },
    /// The logo.
    Image(&'a Raster),
    /// A cut.
    Cut,
}

/// A printable document: blocks and the paper width in columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// Characters per line (Font A): [`COLUMNS_80MM`], [`COLUMNS_80MM_NARROW`] or [`COLUMNS_58MM`].
    pub width: usize,
    pub blocks: Vec<Block>,
}

impl Doc {
    /// An empty document for paper `width` columns wide (at least 8 are used).
    pub fn new(width: usize) -> Self {
        Doc {
            width,
            blocks: Vec::new(),
        }
    }

    /// Adds a block (builder style).
    pub fn push(mut self, block: Block) -> Self {
        self.blocks.push(block);
        self
    }

    /// The same document marked as a reprint: `*** COPY ***`, centred, bold and double, right
    /// after the logo (or at the top) and again before the final cut (or at the end).
    pub fn as_copy(&self) -> Doc {
        self.as_copy_labelled(COPY_LABEL)
    }

    /// [`Doc::as_copy`] with another word ("KOPI", "KOPIA") for the marker.
    pub fn as_copy_labelled(&self, label: &str) -> Doc {
        let marker = Block::styled(format!("*** {label} ***"), Align::Center, true, true);
        let mut blocks = self.blocks.clone();
        let top = usize::from(matches!(blocks.first(), Some(Block::Logo(_))));
        blocks.insert(top, marker.clone());
        let bottom = match blocks.last() {
            Some(Block::Cut) => blocks.len() - 1,
            _ => blocks.len(),
        };
        blocks.insert(bottom, marker);
        Doc {
            width: self.width,
            blocks,
        }
    }

    /// The lines as printed on paper `self.width` columns wide.
    pub fn layout(&self) -> Vec<Laid<'_>> {
        layout(&self.blocks, self.width.max(8))
    }

    /// A plain-text rendering `width` columns wide (for the print dialog, a PDF and tests):
    /// each line padded to its alignment, trailing spaces trimmed, lines ended by `'\n'`.
    /// The logo is left out (a text layout cannot show it) and a cut ends nothing.
    pub fn to_text(&self, width: usize) -> String {
        let width = width.max(8);
        let mut out = String::new();
        for laid in layout(&self.blocks, width) {
            if let Laid::Line {
                text,
                align,
                double,
                ..
            } = laid
            {
                let room = if double { width / 2 } else { width };
                let line = place(&text, align, room);
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
        out
    }
}

/// Pads `text` (at most `room` characters) to sit `align`ed in a line of `room` characters.
pub(crate) fn place(text: &str, align: Align, room: usize) -> String {
    let len = text.chars().count();
    let spare = room.saturating_sub(len);
    let before = match align {
        Align::Left => 0,
        Align::Center => spare / 2,
        Align::Right => spare,
    };
    let mut line = " ".repeat(before);
    line.push_str(text);
    line
}

pub(crate) fn layout(blocks: &[Block], width: usize) -> Vec<Laid<'_>> {
    let mut out = Vec::new();
    let plain = |text: String| Laid::Line {
        text,
        align: Align::Left,
        bold: false,
        double: false,
    };
    for block in blocks {
        match block {
            Block::Logo(raster) => out.push(Laid::Image(raster)),
            Block::Text {
                text,
                align,
                bold,
                double,
            } => {
                let room = if *double { width / 2 } else { width };
                for line in wrap(text, room) {
                    out.push(Laid::Line {
                        text: line,
                        align: *align,
                        bold: *bold,
                        double: *double,
                    });
                }
            }
            Block::Columns { left, right } => {
                for line in columns(left, right, width) {
                    out.push(plain(line));
                }
            }
            Block::Rule => out.push(plain("-".repeat(width))),
            Block::Feed(n) => {
                for _ in 0..*n {
                    out.push(plain(String::new()));
                }
            }
            Block::Cut => out.push(Laid::Cut),
        }
    }
    out
}

/// Wraps `text` into lines of at most `width` characters, breaking at whitespace; a word longer
/// than a whole line is split. Runs of whitespace become one space; `'\n'` forces a break;
/// an empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut len = 0;
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            // A word that fits on no line is cut into line-sized pieces.
            while word.len() > width {
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    len = 0;
                }
                let rest = word.split_off(width);
                lines.push(word.into_iter().collect());
                word = rest;
            }
            if word.is_empty() {
                continue;
            }
            let need = if len == 0 {
                word.len()
            } else {
                len + 1 + word.len()
            };
            if need > width {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if len > 0 {
                line.push(' ');
                len += 1;
            }
            line.extend(word.iter());
            len += word.len();
        }
        if len > 0 || lines.is_empty() || paragraph.trim().is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Lays out a text-and-amount line: the amount right-aligned on the last line of the text if
/// there is room for it and one space, else on a line of its own.
fn columns(left: &str, right: &str, width: usize) -> Vec<String> {
    let right = right.trim();
    let right_len = right.chars().count();
    if right_len == 0 {
        return wrap(left, width);
    }
    if right_len >= width {
        let mut lines = wrap(left, width);
        lines.extend(
            wrap(right, width)
                .into_iter()
                .map(|l| place(&l, Align::Right, width)),
        );
        return lines;
    }
    let mut lines = if left.trim().is_empty() {
        vec![String::new()]
    } else {
        wrap(left, width)
    };
    let last_len = lines.last().map_or(0, |l| l.chars().count());
    let joined = if last_len + 1 + right_len <= width {
        let last = lines.pop().unwrap_or_default();
        let gap = width - last_len - right_len;
        format!("{last}{}{right}", " ".repeat(gap))
    } else {
        place(right, Align::Right, width)
    };
    lines.push(joined);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_word_boundaries_within_48_columns() {
        let text = "Thank you for shopping with us today. Returns are accepted within thirty days with this receipt.";
        let lines = wrap(text, 48);
        assert_eq!(
            lines,
            vec![
                "Thank you for shopping with us today. Returns",
                "are accepted within thirty days with this",
                "receipt.",
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 48));
        // No word was cut: joining the lines gives the text back.
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wrap_splits_only_a_word_longer_than_the_line() {
        let long = "x".repeat(50);
        let lines = wrap(&format!("a {long} b"), 48);
        assert_eq!(
            lines,
            vec!["a".to_string(), "x".repeat(48), "xx b".to_string()]
        );
    }

    #[test]
    fn wrap_keeps_explicit_line_breaks_and_empty_lines() {
        assert_eq!(wrap("one\n\ntwo", 48), vec!["one", "", "two"]);
        assert_eq!(wrap("", 48), vec![""]);
    }

    #[test]
    fn wrap_counts_nordic_letters_as_one_column() {
        let lines = wrap("Smørrebrød på rugbrød og æblekage", 20);
        assert_eq!(lines, vec!["Smørrebrød på", "rugbrød og æblekage"]);
    }

    #[test]
    fn columns_right_align_the_amount() {
        let doc = Doc::new(48).push(Block::columns("Coffee", "35,00"));
        let text = doc.to_text(48);
        assert_eq!(text, format!("Coffee{}35,00\n", " ".repeat(48 - 6 - 5)));
        assert_eq!(text.trim_end_matches('\n').chars().count(), 48);
    }

    #[test]
    fn columns_with_long_left_text_wrap_and_keep_the_amount_whole() {
        let left = "Organic fair-trade single-origin Ethiopian coffee beans, 500 g bag";
        let doc = Doc::new(48).push(Block::columns(left, "129,00"));
        let text = doc.to_text(48);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "Organic fair-trade single-origin Ethiopian");
        assert!(lines[1].starts_with("coffee beans, 500 g bag "));
        assert!(lines[1].ends_with(" 129,00"));
        assert_eq!(lines[1].chars().count(), 48);
    }

    #[test]
    fn columns_put_the_amount_on_its_own_line_when_the_last_line_is_full() {
        // The left text fills the line exactly: the amount cannot share it.
        let left = "y".repeat(45);
        let doc = Doc::new(48).push(Block::columns(&left, "35,00"));
        let text = doc.to_text(48);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            vec![left.as_str(), &format!("{}35,00", " ".repeat(43))]
        );
    }

    #[test]
    fn text_is_placed_by_its_alignment_and_double_halves_the_room() {
        let doc = Doc::new(48)
            .push(Block::styled("Kassa", Align::Center, true, false))
            .push(Block::styled("right", Align::Right, false, false))
            .push(Block::styled("Big", Align::Center, true, true))
            .push(Block::Rule)
            .push(Block::Feed(2))
            .push(Block::Cut);
        let text = doc.to_text(48);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], format!("{}Kassa", " ".repeat(21)));
        assert_eq!(lines[1], format!("{}right", " ".repeat(43)));
        // Double size: 24 columns of room, "Big" centred in them.
        assert_eq!(lines[2], format!("{}Big", " ".repeat(10)));
        assert_eq!(lines[3], "-".repeat(48));
        assert_eq!(&lines[4..], ["", ""]);
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn a_copy_is_marked_at_the_top_and_before_the_cut() {
        let doc = Doc::new(48)
            .push(Block::text("Receipt 17"))
            .push(Block::Cut);
        let copy = doc.as_copy();
        assert_eq!(copy.blocks.len(), 4);
        let marker = Block::styled("*** COPY ***", Align::Center, true, true);
        assert_eq!(copy.blocks[0], marker);
        assert_eq!(copy.blocks[2], marker);
        assert_eq!(copy.blocks[3], Block::Cut);
        assert!(
            copy.to_text(48)
                .starts_with("      *** COPY ***\nReceipt 17\n")
        );
        // The original is unchanged.
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn a_copy_marker_goes_under_the_logo() {
        let logo = Raster::new(8, 1, vec![0xFF]).map(Block::Logo);
        let Ok(logo) = logo else {
            panic!("an 8×1 raster is valid");
        };
        let doc = Doc::new(48).push(logo.clone()).push(Block::text("x"));
        let copy = doc.as_copy_labelled("KOPI");
        assert_eq!(copy.blocks[0], logo);
        assert_eq!(
            copy.blocks[1],
            Block::styled("*** KOPI ***", Align::Center, true, true)
        );
        assert_eq!(copy.blocks.len(), 4);
    }
}
