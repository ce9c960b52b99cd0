//! LSP positions and byte offsets: the one place that knows UTF-16 (and
//! UTF-8 and UTF-32) columns.

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, PositionEncodingKind, Range};

/// How `Position::character` counts, as negotiated in `initialize`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum PositionEncoding {
    Utf8,
    /// The protocol's default.
    #[default]
    Utf16,
    Utf32,
}

impl PositionEncoding {
    /// The first encoding in the client's list (ordered by its preference) that
    /// the server speaks; UTF-16 when the client names none.
    pub(crate) fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|k| match k.as_str() {
                "utf-8" => Some(Self::Utf8),
                "utf-16" => Some(Self::Utf16),
                "utf-32" => Some(Self::Utf32),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub(crate) fn kind(self) -> PositionEncodingKind {
        match self {
            Self::Utf8 => PositionEncodingKind::UTF8,
            Self::Utf16 => PositionEncodingKind::UTF16,
            Self::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    /// The char index of `pos` in `rope`. A line past the end maps to the end of
    /// the text, a column past the end of its line to the line's end, and a
    /// column inside a character to that character's start (as the protocol
    /// asks servers to be lenient).
    pub(crate) fn char_index(self, rope: &Rope, pos: Position) -> usize {
        let line = pos.line as usize;
        if line >= rope.len_lines() {
            return rope.len_chars();
        }
        let start = rope.line_to_char(line);
        let slice = rope.line(line);
        // Columns never reach past the line break.
        let content = line_content_chars(&slice);
        let col = pos.character as usize;
        let chars = match self {
            Self::Utf32 => col.min(content),
            Self::Utf16 => {
                let units = slice.char_to_utf16_cu(content);
                let col = col.min(units);
                let c = slice.utf16_cu_to_char(col);
                // Inside a surrogate pair: back to the pair's start.
                if slice.char_to_utf16_cu(c) > col {
                    c.saturating_sub(1)
                } else {
                    c
                }
            }
            Self::Utf8 => {
                let bytes = slice.char_to_byte(content);
                // `byte_to_char` rounds down to the containing char.
                slice.byte_to_char(col.min(bytes))
            }
        };
        start + chars
    }

    /// The position of char index `c` in `rope`.
    pub(crate) fn position(self, rope: &Rope, c: usize) -> Position {
        let c = c.min(rope.len_chars());
        let line = rope.char_to_line(c);
        let start = rope.line_to_char(line);
        let col = match self {
            Self::Utf32 => c - start,
            Self::Utf16 => rope.char_to_utf16_cu(c) - rope.char_to_utf16_cu(start),
            Self::Utf8 => rope.char_to_byte(c) - rope.line_to_byte(line),
        };
        Position::new(line as u32, col as u32)
    }

    /// The range of the byte span `start..end` of `rope`.
    pub(crate) fn range(self, rope: &Rope, start: usize, end: usize) -> Range {
        Range::new(
            self.position(rope, rope.byte_to_char(start)),
            self.position(rope, rope.byte_to_char(end)),
        )
    }

    /// The char range of `range`, ordered.
    pub(crate) fn char_range(self, rope: &Rope, range: Range) -> (usize, usize) {
        let a = self.char_index(rope, range.start);
        let b = self.char_index(rope, range.end);
        (a.min(b), a.max(b))
    }
}

/// Chars on a line before its line break (`\n`, `\r\n` or `\r`).
fn line_content_chars(line: &ropey::RopeSlice<'_>) -> usize {
    let n = line.len_chars();
    let mut end = n;
    if end > 0 && line.char(end - 1) == '\n' {
        end -= 1;
    }
    if end > 0 && line.char(end - 1) == '\r' {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn columns_in_each_encoding() {
        // "é" is 2 bytes, "😀" 4 bytes / 2 UTF-16 units / 1 code point,
        // "e\u{301}" a combining mark (two code points).
        let rope = Rope::from_str("ab\né😀e\u{301}x\r\nlast");
        let x = rope.to_string().find('x').unwrap();
        let x = rope.byte_to_char(x);
        assert_eq!(PositionEncoding::Utf8.position(&rope, x), pos(1, 9));
        assert_eq!(PositionEncoding::Utf16.position(&rope, x), pos(1, 5));
        assert_eq!(PositionEncoding::Utf32.position(&rope, x), pos(1, 4));
        for enc in [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ] {
            for c in 0..=rope.len_chars() {
                // Round trip for every char boundary except the inside of "\r\n".
                if c > 0 && c < rope.len_chars() && rope.char(c - 1) == '\r' {
                    continue;
                }
                assert_eq!(
                    enc.char_index(&rope, enc.position(&rope, c)),
                    c,
                    "{enc:?} {c}"
                );
            }
        }
    }

    #[test]
    fn lenient_with_bad_positions() {
        let rope = Rope::from_str("😀z\nab");
        // Inside the surrogate pair / inside the 4-byte sequence: the emoji's start.
        assert_eq!(PositionEncoding::Utf16.char_index(&rope, pos(0, 1)), 0);
        assert_eq!(PositionEncoding::Utf8.char_index(&rope, pos(0, 3)), 0);
        // Past the line's end: the line's end, not the next line.
        assert_eq!(PositionEncoding::Utf16.char_index(&rope, pos(0, 99)), 2);
        // Past the last line: the text's end.
        assert_eq!(PositionEncoding::Utf32.char_index(&rope, pos(9, 0)), 5);
    }

    #[test]
    fn negotiates_the_clients_first_known_encoding() {
        let offered = [
            PositionEncodingKind::new("utf-7"),
            PositionEncodingKind::UTF32,
            PositionEncodingKind::UTF8,
        ];
        assert_eq!(
            PositionEncoding::negotiate(Some(&offered)),
            PositionEncoding::Utf32
        );
        assert_eq!(PositionEncoding::negotiate(None), PositionEncoding::Utf16);
    }
}
