//! What the reader checks as it goes without keeping what it read: the
//! sources cited (hashed) and where their texts may be cut, and [`Memo`],
//! small objects read once by their exact text.

use super::*;

/// Source ids cited by consecutive records (most records cite the source
/// before them again), hashed, and each citation's span.
#[derive(Default)]
pub(super) struct Citations {
    pub(super) runs: Vec<(u64, Box<str>, u32)>,
    pub(super) spans: Vec<(u32, u32)>,
}

/// Marks a citation without a span (a real span never ends before it
/// starts).
pub(super) const NO_SPAN: (u32, u32) = (u32::MAX, 0);

impl Citations {
    pub(super) fn push(&mut self, id: &str, span: Option<(u32, u32)>, hasher: &RandomState) {
        match self.runs.last_mut() {
            Some((_, last, count)) if **last == *id => *count += 1,
            _ => self.runs.push((hasher.hash_one(id), id.into(), 1)),
        }
        self.spans.push(span.unwrap_or(NO_SPAN));
    }

    /// Whether every citation names a source there is, and its span lies
    /// in that source's text on character boundaries. Consumed, so that
    /// the thread that checks the citations also frees them.
    pub(super) fn hold(
        self,
        sources: &[(u64, Box<str>)],
        index: &SourceIndex,
        texts: &TextCuts,
    ) -> bool {
        let mut spans = self.spans.iter();
        self.runs.iter().all(|(hash, id, count)| {
            let found = index
                .with_hash(*hash)
                .find(|&position| sources[position].1 == *id);
            let Some(position) = found else {
                return false;
            };
            spans
                .by_ref()
                .take(*count as usize)
                .all(|&span| span == NO_SPAN || texts.allows(position, span))
        })
    }
}

/// Bit `i` set if byte `i` of `bytes` (at most eight) starts a character:
/// eight at a time, since every source text of the file passes through.
pub(super) fn char_starts(bytes: &[u8]) -> u8 {
    let word = if let Ok(word) = <[u8; 8]>::try_from(bytes) {
        u64::from_le_bytes(word)
    } else {
        // The end of a text, padded: only bytes within it are asked about.
        let mut word = [0; 8];
        word[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(word)
    };
    // Continuation bytes, 0b10xx_xxxx, start none: their high bit is set
    // and the next one clear.
    let continuing = word & !(word << 1) & u64::from_ne_bytes([0x80; 8]);
    // Each byte's flag gathered into the top byte, in byte order.
    let gathered = ((continuing >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8;
    !gathered
}

/// Where each source's text may be cut, in a bit per byte, so that spans
/// are checked without keeping the texts: a big file's texts pass through
/// a buffer that is read into again.
#[derive(Debug, Default)]
pub(super) struct TextCuts {
    /// Bit `i % 64` of word `first + i / 64` is set if byte `i` of a text
    /// starts a character.
    pub(super) bits: Vec<u64>,
    /// Each text's first word in `bits`, and its length.
    pub(super) texts: Vec<(usize, usize)>,
}

impl TextCuts {
    pub(super) fn push(&mut self, text: &str) {
        self.texts.push((self.bits.len(), text.len()));
        self.bits.extend(text.as_bytes().chunks(64).map(|chunk| {
            chunk.chunks(8).enumerate().fold(0, |word, (at, bytes)| {
                word | u64::from(char_starts(bytes)) << (8 * at)
            })
        }));
    }

    /// Whether `span` lies within text `source`, cut on characters (as
    /// `str::get` would take it).
    pub(super) fn allows(&self, source: usize, (start, end): (u32, u32)) -> bool {
        let (first, len) = self.texts[source];
        let starts_char = |at: u32| {
            let at = at as usize;
            at == len || (at < len && self.bits[first + at / 64] >> (at % 64) & 1 == 1)
        };
        start <= end && starts_char(start) && starts_char(end)
    }

    /// Takes in `other`'s texts after these.
    pub(super) fn append(&mut self, other: Self) {
        let shift = self.bits.len();
        self.texts.extend(
            other
                .texts
                .into_iter()
                .map(|(first, len)| (first + shift, len)),
        );
        self.bits.extend(other.bits);
    }
}

/// Most objects remembered by one [`Memo`]: past this many distinct ones,
/// a file's objects rarely repeat, and the rest are read in full.
pub(super) const MEMO_LIMIT: usize = 1 << 14;

/// Longer objects are not remembered: a place is a few dozen bytes, and
/// one that carries more is rarely seen twice.
pub(super) const MEMO_LONGEST: usize = 256;

/// What small objects read as, by their exact text. A big file names the
/// same few thousand places again and again, and the same bytes always
/// read the same, so each distinct object is read in full once: after
/// that, finding its `}` and one lookup stand for reading it.
pub(super) struct Memo<T> {
    pub(super) values: HashMap<Box<str>, T, RandomState>,
}

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Self {
            values: HashMap::default(),
        }
    }
}

impl<T: Copy> Memo<T> {
    /// The value at the cursor: remembered, or read by `read` (and
    /// remembered if the object held no `}` of its own).
    pub(super) fn read<'a>(
        &mut self,
        cursor: &mut Cursor<'a>,
        read: impl FnOnce(&mut Cursor<'a>) -> Step<T>,
    ) -> Step<T> {
        let Some(raw) = cursor
            .flat_object_ahead()
            .filter(|raw| raw.len() <= MEMO_LONGEST)
        else {
            return read(cursor);
        };
        if let Some(&value) = self.values.get(raw) {
            cursor.at += raw.len();
            return Ok(value);
        }
        let start = cursor.at;
        let value = read(cursor)?;
        if cursor.at == start + raw.len() && self.values.len() < MEMO_LIMIT {
            self.values.insert(raw.into(), value);
        }
        Ok(value)
    }
}
