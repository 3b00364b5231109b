//! A strict JSON cursor for the fast reader ([`super::indexed`]): it walks
//! a document in place, hands out strings borrowed from it, and refuses
//! everything the detailed loader's JSON parser would refuse, so that a
//! file the fast way accepts is one the detailed way reads without a
//! problem.
//!
//! Where matching `serde_json` exactly would take effort for no real file
//! (numbers with exponents or hundreds of digits, escaped keys), the cursor
//! refuses too: the file then goes to the detailed loader, which costs
//! only speed.

use std::borrow::Cow;

/// Something the fast way leaves to the detailed loader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Unsound;

/// What the cursor's steps return.
pub(super) type Step<T> = Result<T, Unsound>;

/// Deeper than this, a value is left to the detailed loader (whose JSON
/// parser stops at 128 levels).
pub(super) const MAX_DEPTH: usize = 100;

/// A JSON string as it stands in the document, between its quotes.
#[derive(Clone, Copy, Debug)]
pub(super) struct RawString<'a> {
    raw: &'a str,
    escaped: bool,
}

impl<'a> RawString<'a> {
    /// The string's text: borrowed when it holds no escape.
    pub(super) fn text(self) -> Cow<'a, str> {
        if self.escaped {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }

    /// The string as written, if it holds no escape (for keys).
    pub(super) fn plain(self) -> Step<&'a str> {
        if self.escaped {
            Err(Unsound)
        } else {
            Ok(self.raw)
        }
    }
}

/// A position in a document.
pub(super) struct Cursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    pub(super) at: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at byte `at` of `text`.
    pub(super) fn new(text: &'a str, at: usize) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at,
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte that is not whitespace, not consumed.
    pub(super) fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.at).copied()
    }

    /// Consumes `byte`, after any whitespace.
    pub(super) fn expect(&mut self, byte: u8) -> Step<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(Unsound)
        }
    }

    /// The object that comes next, up to the first `}` after its `{`:
    /// the whole object when nothing in it holds a `}` (no object nested,
    /// no brace in a string). `None` if no object comes next.
    pub(super) fn flat_object_ahead(&mut self) -> Option<&'a str> {
        if self.peek() != Some(b'{') {
            return None;
        }
        let close = memchr::memchr(b'}', &self.bytes[self.at..])?;
        Some(&self.text[self.at..=self.at + close])
    }

    /// Consumes `null` if that is what comes next.
    pub(super) fn null(&mut self) -> Step<bool> {
        if self.peek() != Some(b'n') {
            return Ok(false);
        }
        self.literal(b"null")?;
        Ok(true)
    }

    /// Whether only whitespace is left.
    pub(super) fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    fn literal(&mut self, word: &[u8]) -> Step<()> {
        if self.bytes[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(())
        } else {
            Err(Unsound)
        }
    }

    /// A string; escapes and control characters are checked, and escapes
    /// are undone only when [`RawString::text`] asks.
    pub(super) fn string(&mut self) -> Step<RawString<'a>> {
        self.expect(b'"')?;
        let start = self.at;
        let mut escaped = false;
        loop {
            let end = self.at + special_byte(&self.bytes[self.at..]).ok_or(Unsound)?;
            match self.bytes[end] {
                b'"' => {
                    self.at = end + 1;
                    return Ok(RawString {
                        raw: &self.text[start..end],
                        escaped,
                    });
                }
                b'\\' => {
                    escaped = true;
                    self.at = end + 1;
                    self.escape()?;
                }
                // JSON strings hold no raw control characters.
                _ => return Err(Unsound),
            }
        }
    }

    /// The rest of an escape, after its backslash.
    fn escape(&mut self) -> Step<()> {
        let byte = *self.bytes.get(self.at).ok_or(Unsound)?;
        self.at += 1;
        match byte {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Ok(()),
            b'u' => {
                let unit = self.hex4()?;
                match unit {
                    // A high surrogate must be followed by a low one, or
                    // the string is no text (`serde_json` refuses it).
                    0xD800..=0xDBFF => {
                        self.literal(b"\\u")?;
                        match self.hex4()? {
                            0xDC00..=0xDFFF => Ok(()),
                            _ => Err(Unsound),
                        }
                    }
                    0xDC00..=0xDFFF => Err(Unsound),
                    _ => Ok(()),
                }
            }
            _ => Err(Unsound),
        }
    }

    fn hex4(&mut self) -> Step<u16> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or(Unsound)?;
        let mut unit = 0u16;
        for &digit in digits {
            let value = char::from(digit).to_digit(16).ok_or(Unsound)?;
            unit = unit * 16 + value as u16;
        }
        self.at += 4;
        Ok(unit)
    }

    /// A number as written. Refused: anything `serde_json` could read
    /// differently or not at all, which is an exponent or more than 300
    /// digits (a value beyond `f64`).
    pub(super) fn number(&mut self) -> Step<&'a str> {
        self.skip_whitespace();
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let integer_start = self.at;
        let integer = self.digits();
        if integer == 0 || (integer > 1 && self.bytes[integer_start] == b'0') {
            return Err(Unsound);
        }
        let mut fraction = 0;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            fraction = self.digits();
            if fraction == 0 {
                return Err(Unsound);
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) || integer + fraction > 300 {
            return Err(Unsound);
        }
        Ok(&self.text[start..self.at])
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - start
    }

    /// A whole number that fits in `u32`, written plainly.
    pub(super) fn small_count(&mut self) -> Step<u32> {
        let number = self.number()?;
        number.parse().map_err(|_| Unsound)
    }

    /// Any value, checked and skipped; `depth` is the nesting it is at.
    pub(super) fn skip_value(&mut self, depth: usize) -> Step<()> {
        match self.peek().ok_or(Unsound)? {
            b'"' => self.string().map(drop),
            b'{' => self.object(depth + 1, |cursor, _| cursor.skip_value(depth + 1)),
            b'[' => self.array(depth + 1, |cursor| cursor.skip_value(depth + 1)),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => self.number().map(drop),
        }
    }

    /// An object at nesting `depth`: `member` reads each value, given its
    /// key. Keys with escapes are refused.
    pub(super) fn object(
        &mut self,
        depth: usize,
        mut member: impl FnMut(&mut Self, &'a str) -> Step<()>,
    ) -> Step<()> {
        if self.open(depth, b'{', b'}')? {
            return Ok(());
        }
        loop {
            let key = self.string()?.plain()?;
            self.expect(b':')?;
            member(self, key)?;
            if self.comma_or(b'}')? {
                return Ok(());
            }
        }
    }

    /// An array at nesting `depth`: `item` reads each value.
    pub(super) fn array(
        &mut self,
        depth: usize,
        mut item: impl FnMut(&mut Self) -> Step<()>,
    ) -> Step<()> {
        if self.open(depth, b'[', b']')? {
            return Ok(());
        }
        self.items_from_here(&mut item)
    }

    /// Consumes the `open` of an object or array at nesting `depth`, and
    /// its `close` too if it is empty (`true`).
    pub(super) fn open(&mut self, depth: usize, open: u8, close: u8) -> Step<bool> {
        if depth > MAX_DEPTH {
            return Err(Unsound);
        }
        self.expect(open)?;
        if self.peek() == Some(close) {
            self.at += 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// The rest of an array, from the start of an item to its `]`.
    pub(super) fn items_from_here(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Step<()>,
    ) -> Step<()> {
        loop {
            item(self)?;
            if self.comma_or(b']')? {
                return Ok(());
            }
        }
    }

    /// After a member or an item: consumes a `,` (`false`: more follow) or
    /// the `close` of the object or array (`true`).
    pub(super) fn comma_or(&mut self, close: u8) -> Step<bool> {
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(byte) if byte == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(Unsound),
        }
    }
}

/// Where the first byte that ends or interrupts a string's plain run is:
/// a quote, a backslash or a control character.
///
/// Eight bytes at a time, by the bit tricks of "Bit Twiddling Hacks": a
/// byte's high bit is set in `found` if it is zero after the XOR (a quote
/// or a backslash) or below 0x20. Borrows can set bits above the first
/// match, never below it, so the lowest set bit is the answer. Every string
/// of the file passes through here, the long texts of sources included.
fn special_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    let zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let mut words = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in words.by_ref() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let found = zero_byte(word ^ QUOTES)
            | zero_byte(word ^ BACKSLASHES)
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS);
        if found != 0 {
            return Some(offset + found.trailing_zeros() as usize / 8);
        }
        offset += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
        .map(|position| offset + position)
}

/// The text of a string whose escapes [`Cursor::string`] checked.
fn unescape(raw: &str) -> String {
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        text.push_str(&rest[..at]);
        let escape = &rest[at + 1..];
        let (decoded, used) = match escape.as_bytes().first() {
            Some(b'b') => ('\u{8}', 1),
            Some(b'f') => ('\u{c}', 1),
            Some(b'n') => ('\n', 1),
            Some(b'r') => ('\r', 1),
            Some(b't') => ('\t', 1),
            Some(b'u') => {
                let unit = |at: usize| u32::from_str_radix(&escape[at..at + 4], 16).unwrap_or(0);
                let high = unit(1);
                if (0xD800..0xDC00).contains(&high) {
                    let low = unit(7);
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(code).unwrap_or('\u{FFFD}'), 11)
                } else {
                    (char::from_u32(high).unwrap_or('\u{FFFD}'), 5)
                }
            }
            Some(&other) => (char::from(other), 1),
            None => break,
        };
        text.push(decoded);
        rest = &escape[used..];
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `serde_json` makes of `json`, as a value the cursor must agree
    /// with: `Some` only when it parses.
    fn serde_accepts(json: &str) -> bool {
        serde_json::from_str::<serde_json::Value>(json).is_ok()
    }

    fn cursor_accepts(json: &str) -> bool {
        let mut cursor = Cursor::new(json, 0);
        cursor.skip_value(0).is_ok() && cursor.at_end()
    }

    #[test]
    fn never_accepts_what_serde_json_refuses() {
        let cases = [
            r#"{"a": [1, 2.5, -0, true, false, null, "x"]}"#,
            r#""tab	inside""#,
            r#""bell\u0007 escaped""#,
            "\"nul\u{0} raw\"",
            r#""\ud83d\ude00 pair""#,
            r#""\ud83d lone high""#,
            r#""\ude00 lone low""#,
            r#""\x bad escape""#,
            r#""\u12 short""#,
            "01",
            "1.",
            ".5",
            "-",
            "1e400",
            "1E5",
            &"9".repeat(310),
            "[1,]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "[1 2]",
            "tru",
            "nul",
            &format!("{}{}", "[".repeat(150), "]".repeat(150)),
        ];
        for json in cases {
            if cursor_accepts(json) {
                assert!(serde_accepts(json), "accepted {json:?}");
            }
        }
        assert!(cursor_accepts(cases[0]));
        assert!(
            cursor_accepts(cases[4]),
            "a surrogate pair is one character"
        );
        assert!(!cursor_accepts(cases[1]), "a raw tab in a string");
    }

    #[test]
    fn strings_read_as_serde_json_reads_them() {
        for json in [
            r#""plain""#,
            r#""Caf\u00e9 \"quoted\" \\ \/ \b\f\n\r\t""#,
            r#""\ud83d\ude00 and \u4e2d""#,
            r#""São Paulo""#,
        ] {
            let mut cursor = Cursor::new(json, 0);
            let text = cursor.string().unwrap().text();
            let expected: String = serde_json::from_str(json).unwrap();
            assert_eq!(text, expected, "{json}");
        }
    }

    #[test]
    fn finds_the_first_special_byte_at_every_position() {
        for length in 0..20 {
            for at in 0..length {
                for special in [b'"', b'\\', b'\n', 0x1F, 0] {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = special;
                    // Specials after the first, and bytes just above the
                    // limits, must not move the answer.
                    if at + 2 < length {
                        bytes[at + 2] = b'"';
                    }
                    if at > 0 {
                        bytes[at - 1] = 0x20;
                    }
                    assert_eq!(special_byte(&bytes), Some(at), "{bytes:?}");
                }
            }
            let plain: Vec<u8> = (0..length)
                .map(|index| 0x20 + (index as u8 % 0x5F))
                .collect();
            let plain: Vec<u8> = plain
                .into_iter()
                .map(|byte| {
                    if byte == b'"' || byte == b'\\' {
                        b'x'
                    } else {
                        byte
                    }
                })
                .collect();
            assert_eq!(special_byte(&plain), None, "{plain:?}");
        }
        assert_eq!(special_byte("Zürich — 🛬\"".as_bytes()), Some(16));
    }

    #[test]
    fn numbers_keep_their_text_and_counts_fit() {
        let mut cursor = Cursor::new("[-12.50, 7, 4294967296]", 1);
        assert_eq!(cursor.number(), Ok("-12.50"));
        cursor.expect(b',').unwrap();
        assert_eq!(cursor.small_count(), Ok(7));
        cursor.expect(b',').unwrap();
        assert_eq!(cursor.small_count(), Err(Unsound), "beyond u32");
    }
}
