//! Reading big, well-formed `legation/1` files fast, in little memory.
//!
//! The detailed loader ([`super::load`]) builds a JSON tree of the whole
//! file and then records with owned strings: right for reporting every
//! problem, too slow and too big for millions of records. This reader:
//!
//! 1. checks the bytes are UTF-8 once, with a SIMD validator;
//! 2. walks the document once with a strict cursor ([`super::cursor`]),
//!    reading each record in place into a [`RecordTable`] row, with its
//!    strings borrowed from the bytes. Big files are read by two threads:
//!    the second starts at a guessed record in the middle, and its work is
//!    used only if the first, reading from the start, lands exactly there;
//! 3. keeps each record's byte range, so that the one record a user clicks
//!    on is parsed again, in full, by the detailed loader: from the bytes in
//!    memory, or for a big file from the file itself
//!    ([`IndexedDataset::keep_on_disk`]), which spares memory the size of
//!    the file.
//!
//! It checks everything the detailed loader checks, and at the first thing
//! that is not perfectly sound it gives up ([`read_indexed`] returns
//! `Err`): the caller then loads the file the detailed way, which says
//! exactly what is wrong and where. So both ways agree on what a file
//! holds, and problems are worded in one place.

use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::BuildHasher;

use foldhash::fast::RandomState;
use std::ops::Range;
use std::str::FromStr;

use super::cursor::{Cursor, RawString, Step, Unsound};
use super::load::{read_event, read_source, read_visit};
use super::table::{PlaceInterner, PlaceKey};
use super::{
    Bytes, CountryCode, Days, Event, EventKind, EventRow, FORMAT, FuzzyDate, KeptFile, PlaceId,
    RecordTable, Source, Visit, VisitRow,
};
use crate::progress::{Progress, Stage};

/// A dataset read by [`read_indexed`]: its bytes, and where each record is
/// in them.
#[derive(Clone, Debug)]
pub struct IndexedDataset {
    store: Store,
    window: Option<FuzzyDate>,
    sources: Vec<Range<usize>>,
    source_index: SourceIndex,
    visits: Vec<Range<usize>>,
    events: Vec<Range<usize>>,
}

/// Where the records' bytes are.
#[derive(Clone, Debug)]
enum Store {
    /// In memory.
    Memory(Bytes),
    /// In the file, read again when a record is shown.
    File(std::sync::Arc<KeptFile>),
}

/// Sources by the hash of their id: a sorted list of `(hash, position)`,
/// small and built without copying a single id; and where each run of
/// hashes with the same top bits starts, so that a lookup goes straight to
/// its hash (hashes are uniform) instead of binary-searching: a million
/// citations are checked against it.
#[derive(Clone, Debug, Default)]
struct SourceIndex {
    hasher: RandomState,
    entries: Vec<(u64, u32)>,
    /// `entries[starts[b]..starts[b + 1]]` are those whose hash's top
    /// `bits` bits are `b`.
    starts: Vec<u32>,
    bits: u32,
}

impl SourceIndex {
    /// The index of `entries`, sorted.
    fn new(hasher: RandomState, entries: Vec<(u64, u32)>) -> Self {
        // About one entry per run.
        let bits = entries.len().next_power_of_two().trailing_zeros();
        let mut index = Self {
            hasher,
            entries,
            starts: Vec::new(),
            bits,
        };
        let runs = 1usize << bits;
        index.starts = Vec::with_capacity(runs + 1);
        let mut next = 0;
        for run in 0..=runs {
            while next < index.entries.len() && index.run(index.entries[next].0) < run {
                next += 1;
            }
            index.starts.push(next as u32);
        }
        index
    }

    /// The run of entries `hash` would be in.
    fn run(&self, hash: u64) -> usize {
        hash.checked_shr(64 - self.bits).unwrap_or(0) as usize
    }

    /// The positions of the sources whose id may be `id` (its hash's).
    fn candidates(&self, id: &str) -> impl Iterator<Item = usize> + '_ {
        self.with_hash(self.hasher.hash_one(id))
    }

    /// The positions of the sources whose id hashes to `hash`.
    fn with_hash(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        let run = self.run(hash);
        let (start, end) = match self.starts.get(run..run + 2) {
            Some(&[start, end]) => (start as usize, end as usize),
            _ => (0, 0),
        };
        self.entries[start..end]
            .iter()
            .filter(move |&&(other, _)| other == hash)
            .map(|&(_, index)| index as usize)
    }
}

impl IndexedDataset {
    /// The window the dataset asks to be opened on.
    pub fn window(&self) -> Option<FuzzyDate> {
        self.window
    }

    /// How many sources, visits and events it holds.
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.sources.len(), self.visits.len(), self.events.len())
    }

    /// The visit at `index`, parsed in full.
    pub fn visit(&self, index: usize) -> Option<Visit> {
        let bytes = self.bytes(self.visits.get(index)?.clone())?;
        read_visit(&bytes, &format!("$.visits[{index}]"))
    }

    /// The event at `index`, parsed in full.
    pub fn event(&self, index: usize) -> Option<Event> {
        let bytes = self.bytes(self.events.get(index)?.clone())?;
        read_event(&bytes, &format!("$.events[{index}]"))
    }

    /// The source with this id, parsed in full.
    pub fn source(&self, id: &str) -> Option<Source> {
        self.source_index.candidates(id).find_map(|index| {
            let bytes = self.bytes(self.sources.get(index)?.clone())?;
            read_source(&bytes, &format!("$.sources[{index}]")).filter(|source| source.id == id)
        })
    }

    /// Reads records from `file` when they are shown, instead of from the
    /// bytes in memory, which are let go. `file` must be the file the
    /// bytes were read from; if it changed since, the bytes are kept.
    pub fn keep_on_disk(&mut self, file: KeptFile) {
        if file.changed().is_none() {
            self.store = Store::File(std::sync::Arc::new(file));
        }
    }

    /// Why its records cannot be shown any more, if they cannot: its file
    /// changed on disk.
    pub fn unreadable(&self) -> Option<String> {
        match &self.store {
            Store::File(file) => file.changed(),
            Store::Memory(_) => None,
        }
    }

    fn bytes(&self, range: Range<usize>) -> Option<Cow<'_, [u8]>> {
        match &self.store {
            Store::Memory(bytes) => bytes.get(range).map(Cow::Borrowed),
            Store::File(file) => file.read(range).ok().map(Cow::Owned),
        }
    }
}

/// Reads a sound dataset fast; `Err` gives the bytes back when anything in
/// them is not perfectly sound (read those with [`super::parse_dataset`]).
///
/// # Errors
/// The bytes themselves, untouched, when the file has any problem.
pub fn read_indexed(
    bytes: Bytes,
    progress: &Progress,
) -> Result<(IndexedDataset, RecordTable), Bytes> {
    let Some(read) = read(&bytes, progress) else {
        return Err(bytes);
    };
    let Read {
        window,
        sources,
        source_index,
        visits,
        events,
        table,
    } = read;
    let indexed = IndexedDataset {
        store: Store::Memory(bytes),
        window,
        sources,
        source_index,
        visits,
        events,
    };
    Ok((indexed, table))
}

/// Everything [`read`] finds; the strings it borrows from the bytes are
/// copied out so that the bytes can move into the [`IndexedDataset`].
struct Read {
    window: Option<FuzzyDate>,
    sources: Vec<Range<usize>>,
    source_index: SourceIndex,
    visits: Vec<Range<usize>>,
    events: Vec<Range<usize>>,
    table: RecordTable,
}

/// How many records a reading thread reads between progress reports.
const PROGRESS_STEP: usize = 4096;

/// Files smaller than this are read by one thread.
const PARALLEL_BYTES: usize = 8 << 20;

/// Fewer bytes than any sound visit or event takes
/// (`{"id":"","to":{"country":"KP"},"date":"2023"}`).
const SMALLEST_RECORD: usize = 40;

/// Nesting of the top-level object's members, and of records.
const MEMBER_DEPTH: usize = 1;
const RECORD_DEPTH: usize = 3;

fn read(bytes: &[u8], progress: &Progress) -> Option<Read> {
    progress.start(Stage::Scanning, 1);
    // Checked once for the whole file, so that no value, not even one the
    // records ignore, hides invalid UTF-8, and records are read as `str`.
    let text = utf8(bytes)?;
    progress.advance(1);
    progress.start(Stage::Parsing, text.len() as u64);
    // Editors on Windows often start files with a byte-order mark, which
    // the detailed loader skips too.
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let ids = RandomState::default();
    let parts = read_parts(text, start, progress, &ids).ok()?;
    assemble(parts, &ids).ok()
}

/// The bytes as text, if they are valid UTF-8: checked by a SIMD
/// validator, several times faster than the standard library's on text
/// that is not all ASCII.
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// The document in parts, read at once by every core for big files.
///
/// A big file is cut at guessed record starts into a few chunks per core,
/// and each chunk is read on its own, assuming the array its first record
/// looks like it stands in. A chunk's part is used only if the chunk before
/// it stopped exactly at its start, in that array: then it holds just what
/// one reader going through the whole file would have read there. Where a
/// guess was wrong, the file is read on from there by one thread.
fn read_parts<'a>(
    text: &'a str,
    start: usize,
    progress: &'a Progress,
    ids: &'a RandomState,
) -> Step<Vec<Part<'a>>> {
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let chunks = if text.len() >= PARALLEL_BYTES {
        threads * CHUNKS_PER_THREAD
    } else {
        1
    };
    let mut starts = vec![ChunkStart::Document(start)];
    for chunk in 1..chunks {
        let from = text.len() / chunks * chunk;
        let Some(at) = guess_record_start(text.as_bytes(), from) else {
            continue;
        };
        let after_last = starts.last().is_none_or(|last| at > last.at());
        if let (true, Ok(kind)) = (after_last, guess_kind(text, at)) {
            starts.push(ChunkStart::Record(at, kind));
        }
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Step<Chunk<'a>>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(starts.len()))
            .map(|_| {
                let (starts, next) = (&starts, &next);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&from) = starts.get(index) else {
                            return done;
                        };
                        let stop = starts.get(index + 1).map(ChunkStart::at);
                        done.push((index, read_chunk(text, from, stop, progress, ids)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(index, _)| *index);
    let mut parts = Vec::with_capacity(results.len());
    let mut results = results.into_iter().map(|(_, result)| result);
    let mut chunk = results.next().ok_or(Unsound)??;
    for (from, result) in starts[1..].iter().zip(results) {
        let Some(stopped) = chunk.stopped_in else {
            // The chunk read to the end: the guess after it was no record.
            break;
        };
        let next = match result {
            Ok(next) if *from == ChunkStart::Record(from.at(), stopped) => next,
            // A wrong guess, or a flaw: read on from here alone.
            _ => read_chunk(
                text,
                ChunkStart::Record(from.at(), stopped),
                None,
                progress,
                ids,
            )?,
        };
        parts.push(std::mem::replace(&mut chunk, next).part);
    }
    if chunk.stopped_in.is_some() {
        return Err(Unsound);
    }
    parts.push(chunk.part);
    Ok(parts)
}

/// How many chunks each core gets, so that one slow chunk (texts and
/// records cost differently per byte) leaves little idle time.
const CHUNKS_PER_THREAD: usize = 4;

/// Where a chunk starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChunkStart {
    /// At the start of the document.
    Document(usize),
    /// At a record of an array of this kind (guessed, until checked).
    Record(usize, Kind),
}

impl ChunkStart {
    fn at(&self) -> usize {
        match *self {
            Self::Document(at) | Self::Record(at, _) => at,
        }
    }
}

/// What one chunk read, and the array it stopped in, at the next chunk's
/// start (`None` if it read to the end of the document).
struct Chunk<'a> {
    part: Part<'a>,
    stopped_in: Option<Kind>,
}

/// Reads from `from` to the record that starts at `stop`, or else to the
/// end of the document.
fn read_chunk<'a>(
    text: &'a str,
    from: ChunkStart,
    stop: Option<usize>,
    progress: &'a Progress,
    ids: &'a RandomState,
) -> Step<Chunk<'a>> {
    let mut part = Part::new(progress, ids, 0, stop.unwrap_or(text.len()) - from.at());
    let mut cursor = Cursor::new(text, from.at());
    let stopped_in = match from {
        ChunkStart::Document(_) => {
            if cursor.open(MEMBER_DEPTH, b'{', b'}')? {
                None
            } else {
                part.members(&mut cursor, stop)?
            }
        }
        ChunkStart::Record(_, kind) => match part.records_from_here(&mut cursor, kind, stop)? {
            Some(kind) => Some(kind),
            None => part.members_after_value(&mut cursor, stop)?,
        },
    };
    if stopped_in.is_none() && !cursor.at_end() {
        return Err(Unsound);
    }
    part.finish()?;
    Ok(Chunk { part, stopped_in })
}

/// The three arrays of records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Sources,
    Visits,
    Events,
}

impl Kind {
    fn of_key(key: &str) -> Option<Self> {
        match key {
            "sources" => Some(Self::Sources),
            "visits" => Some(Self::Visits),
            "events" => Some(Self::Events),
            _ => None,
        }
    }
}

/// Which array the record at `at` likely stands in, by its fields: every
/// visit has a destination, every event a kind and a place. Only a guess,
/// checked when the first thread gets there.
fn guess_kind(text: &str, at: usize) -> Step<Kind> {
    let (mut to, mut kind, mut place) = (false, false, false);
    Cursor::new(text, at).object(RECORD_DEPTH, |cursor, key| {
        match key {
            "to" => to = true,
            "kind" => kind = true,
            "place" => place = true,
            _ => {}
        }
        cursor.skip_value(RECORD_DEPTH)
    })?;
    Ok(if to {
        Kind::Visits
    } else if kind && place {
        Kind::Events
    } else {
        Kind::Sources
    })
}

/// The first `{` after `from` that follows `}` and `,` (with whitespace
/// between): likely the start of a record in an array of records.
fn guess_record_start(bytes: &[u8], from: usize) -> Option<usize> {
    let window = bytes.get(from..(from + (1 << 20)).min(bytes.len()))?;
    let mut last_significant = [0u8; 2];
    for (offset, &byte) in window.iter().enumerate() {
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        if byte == b'{' && last_significant == [b'}', b','] {
            return Some(from + offset);
        }
        last_significant = [last_significant[1], byte];
    }
    None
}

/// Source ids cited by consecutive records (most records cite the source
/// before them again), hashed, and each citation's span.
#[derive(Default)]
struct Citations {
    runs: Vec<(u64, Box<str>, u32)>,
    spans: Vec<(u32, u32)>,
}

/// Marks a citation without a span (a real span never ends before it
/// starts).
const NO_SPAN: (u32, u32) = (u32::MAX, 0);

impl Citations {
    fn push(&mut self, id: &str, span: Option<(u32, u32)>, hasher: &RandomState) {
        match self.runs.last_mut() {
            Some((_, last, count)) if **last == *id => *count += 1,
            _ => self.runs.push((hasher.hash_one(id), id.into(), 1)),
        }
        self.spans.push(span.unwrap_or(NO_SPAN));
    }

    /// Whether every citation names a source there is, and its span lies
    /// in that source's text on character boundaries.
    fn hold(&self, sources: &[(u64, Box<str>)], index: &SourceIndex, texts: &TextCuts) -> bool {
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
fn char_starts(bytes: &[u8]) -> u8 {
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
struct TextCuts {
    /// Bit `i % 64` of word `first + i / 64` is set if byte `i` of a text
    /// starts a character.
    bits: Vec<u64>,
    /// Each text's first word in `bits`, and its length.
    texts: Vec<(usize, usize)>,
}

impl TextCuts {
    fn push(&mut self, text: &str) {
        self.texts.push((self.bits.len(), text.len()));
        self.bits.extend(text.as_bytes().chunks(64).map(|chunk| {
            chunk.chunks(8).enumerate().fold(0, |word, (at, bytes)| {
                word | u64::from(char_starts(bytes)) << (8 * at)
            })
        }));
    }

    /// Whether `span` lies within text `source`, cut on characters (as
    /// `str::get` would take it).
    fn allows(&self, source: usize, (start, end): (u32, u32)) -> bool {
        let (first, len) = self.texts[source];
        let starts_char = |at: u32| {
            let at = at as usize;
            at == len || (at < len && self.bits[first + at / 64] >> (at % 64) & 1 == 1)
        };
        start <= end && starts_char(start) && starts_char(end)
    }

    /// Takes in `other`'s texts after these.
    fn append(&mut self, other: Self) {
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

/// One thread's share of the document: the records it read, in order,
/// with their places interned and their ids hashed.
struct Part<'a> {
    progress: &'a Progress,
    /// Progress not yet reported, in bytes.
    unreported: usize,
    /// Where in the file the text it reads starts: its records' ranges are
    /// the file's.
    base: usize,
    /// The top-level keys read, in order.
    keys: Vec<String>,
    window: Option<FuzzyDate>,
    sources: Vec<Range<usize>>,
    source_ids: Vec<(u64, Box<str>)>,
    source_texts: TextCuts,
    visits: Vec<Range<usize>>,
    visit_rows: Vec<VisitRow>,
    /// The visits' ids, hashed: two alike are taken for the same id, and
    /// the file is left to the detailed loader, which tells. With 64-bit
    /// keyed hashes, two different ids of a million collide about once in
    /// ten million files.
    visit_ids: Vec<u64>,
    events: Vec<Range<usize>>,
    event_rows: Vec<EventRow>,
    /// The events' ids, hashed, as the visits' are.
    event_ids: Vec<u64>,
    citations: Citations,
    places: PlaceInterner,
    /// Hashes ids with a key secret to this process (one for all parts),
    /// so that no file can be made to collide them on purpose.
    ids: &'a RandomState,
}

/// Marks a field of a record as read, refusing it a second time (the
/// detailed loader would silently keep the last).
fn once(seen: &mut u16, field: u16) -> Step<()> {
    if *seen & (1 << field) != 0 {
        return Err(Unsound);
    }
    *seen |= 1 << field;
    Ok(())
}

impl<'a> Part<'a> {
    /// A part for about `bytes` of the document, read from a text that
    /// starts at byte `base` of the file.
    fn new(progress: &'a Progress, ids: &'a RandomState, base: usize, bytes: usize) -> Self {
        // Room for as many records as could fit, which costs address space
        // only: it spares the big chunks many copies while they grow.
        let room = bytes / SMALLEST_RECORD;
        Self {
            progress,
            unreported: 0,
            base,
            keys: Vec::new(),
            window: None,
            sources: Vec::new(),
            source_ids: Vec::new(),
            source_texts: TextCuts::default(),
            visits: Vec::with_capacity(room),
            visit_rows: Vec::with_capacity(room),
            visit_ids: Vec::with_capacity(room),
            events: Vec::with_capacity(room),
            event_rows: Vec::with_capacity(room),
            event_ids: Vec::with_capacity(room),
            citations: Citations::default(),
            places: PlaceInterner::default(),
            ids,
        }
    }

    /// The members of the top-level object, from the first key to its
    /// `}`; the kind of array if reading stopped at `handover`.
    fn members(&mut self, cursor: &mut Cursor<'_>, handover: Option<usize>) -> Step<Option<Kind>> {
        if let Some(kind) = self.member(cursor, handover)? {
            return Ok(Some(kind));
        }
        self.members_after_value(cursor, handover)
    }

    /// The members after one, to the end of the top-level object.
    fn members_after_value(
        &mut self,
        cursor: &mut Cursor<'_>,
        handover: Option<usize>,
    ) -> Step<Option<Kind>> {
        loop {
            if cursor.comma_or(b'}')? {
                return Ok(None);
            }
            if let Some(kind) = self.member(cursor, handover)? {
                return Ok(Some(kind));
            }
        }
    }

    fn member(&mut self, cursor: &mut Cursor<'_>, handover: Option<usize>) -> Step<Option<Kind>> {
        let key = cursor.string()?.plain()?;
        cursor.expect(b':')?;
        self.keys.push(key.to_owned());
        if let Some(kind) = Kind::of_key(key) {
            if cursor.null()? {
                return Ok(None);
            }
            if cursor.open(MEMBER_DEPTH + 1, b'[', b']')? {
                return Ok(None);
            }
            return self.records_from_here(cursor, kind, handover);
        }
        match key {
            "format" => {
                if cursor.string()?.text() != FORMAT {
                    return Err(Unsound);
                }
            }
            "window" => self.window = optional_date(cursor)?.map(|(date, _)| date),
            _ => cursor.skip_value(MEMBER_DEPTH)?,
        }
        Ok(None)
    }

    /// The records of an array, from one's start to the `]`; stops at
    /// `handover` if it is one's start.
    fn records_from_here(
        &mut self,
        cursor: &mut Cursor<'_>,
        kind: Kind,
        handover: Option<usize>,
    ) -> Step<Option<Kind>> {
        let mut count = 0usize;
        loop {
            if cursor.peek() != Some(b'{') {
                return Err(Unsound);
            }
            let start = cursor.at;
            if Some(start) == handover {
                return Ok(Some(kind));
            }
            match kind {
                Kind::Sources => self.source(cursor)?,
                Kind::Visits => self.visit(cursor)?,
                Kind::Events => self.event(cursor)?,
            }
            let range = self.base + start..self.base + cursor.at;
            self.unreported += range.len();
            match kind {
                Kind::Sources => self.sources.push(range),
                Kind::Visits => self.visits.push(range),
                Kind::Events => self.events.push(range),
            }
            count += 1;
            if count.is_multiple_of(PROGRESS_STEP) {
                self.report();
            }
            if cursor.comma_or(b']')? {
                return Ok(None);
            }
        }
    }

    fn report(&mut self) {
        self.progress.advance(self.unreported as u64);
        self.unreported = 0;
    }

    fn source(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let (mut seen, mut id, mut text) = (0, None, None);
        cursor.object(RECORD_DEPTH, |cursor, key| match key {
            "id" => {
                once(&mut seen, 0)?;
                id = Some(cursor.string()?.text());
                Ok(())
            }
            "title" => {
                once(&mut seen, 1)?;
                optional_string(cursor).map(drop)
            }
            "publisher" => {
                once(&mut seen, 2)?;
                optional_string(cursor).map(drop)
            }
            "url" => {
                once(&mut seen, 3)?;
                optional_string(cursor).map(drop)
            }
            "published" => {
                once(&mut seen, 4)?;
                optional_date(cursor).map(drop)
            }
            "text" => {
                once(&mut seen, 5)?;
                text = optional_string(cursor)?.map(RawString::text);
                Ok(())
            }
            _ => cursor.skip_value(RECORD_DEPTH),
        })?;
        let id = id.ok_or(Unsound)?;
        self.source_ids.push((self.ids.hash_one(&id), id.into()));
        self.source_texts.push(text.as_deref().unwrap_or_default());
        Ok(())
    }

    fn visit(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let mut seen = 0;
        let (mut id, mut leader_country, mut from, mut to, mut days) =
            (None, None, None, None, None);
        cursor.object(RECORD_DEPTH, |cursor, key| {
            match key {
                "id" => {
                    once(&mut seen, 0)?;
                    id = Some(cursor.string()?.text());
                }
                "leader" => {
                    once(&mut seen, 1)?;
                    leader_country = leader(cursor)?;
                }
                "delegation" => {
                    once(&mut seen, 2)?;
                    optional_string(cursor)?;
                }
                "from" => {
                    once(&mut seen, 3)?;
                    if !cursor.null()? {
                        from = Some(self.place(cursor)?);
                    }
                }
                "to" => {
                    once(&mut seen, 4)?;
                    to = Some(self.place(cursor)?);
                }
                "date" => {
                    once(&mut seen, 5)?;
                    days = Some(required_days(cursor)?);
                }
                "purpose" => {
                    once(&mut seen, 6)?;
                    optional_string(cursor)?;
                }
                "source" => {
                    once(&mut seen, 7)?;
                    self.citation(cursor)?;
                }
                _ => cursor.skip_value(RECORD_DEPTH)?,
            }
            Ok(())
        })?;
        let id = id.ok_or(Unsound)?;
        self.visit_ids.push(self.ids.hash_one(&id));
        self.visit_rows.push(VisitRow {
            from,
            to: to.ok_or(Unsound)?,
            leader_country,
            days: days.ok_or(Unsound)?,
        });
        Ok(())
    }

    fn event(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let mut seen = 0;
        let (mut id, mut kind, mut place, mut days) = (None, None, None, None);
        cursor.object(RECORD_DEPTH, |cursor, key| {
            match key {
                "id" => {
                    once(&mut seen, 0)?;
                    id = Some(cursor.string()?.text());
                }
                "kind" => {
                    once(&mut seen, 1)?;
                    kind = Some(EventKind::parse(&cursor.string()?.text()).ok_or(Unsound)?);
                }
                "title" => {
                    once(&mut seen, 2)?;
                    optional_string(cursor)?;
                }
                "place" => {
                    once(&mut seen, 3)?;
                    place = Some(self.place(cursor)?);
                }
                "date" => {
                    once(&mut seen, 4)?;
                    days = Some(required_days(cursor)?);
                }
                "actors" => {
                    once(&mut seen, 5)?;
                    if !cursor.null()? {
                        cursor.array(RECORD_DEPTH + 1, |cursor| optional_code(cursor).map(drop))?;
                    }
                }
                "source" => {
                    once(&mut seen, 6)?;
                    self.citation(cursor)?;
                }
                _ => cursor.skip_value(RECORD_DEPTH)?,
            }
            Ok(())
        })?;
        let id = id.ok_or(Unsound)?;
        self.event_ids.push(self.ids.hash_one(&id));
        self.event_rows.push(EventRow {
            place: place.ok_or(Unsound)?,
            kind: kind.ok_or(Unsound)?,
            days: days.ok_or(Unsound)?,
        });
        Ok(())
    }

    /// A sound place object, interned: a valid country, both coordinates
    /// or neither and in range, and something to place it by.
    fn place(&mut self, cursor: &mut Cursor<'_>) -> Step<PlaceId> {
        let mut seen = 0;
        let (mut country, mut name, mut lat, mut lon) = (None, None, None, None);
        cursor.object(RECORD_DEPTH + 1, |cursor, key| {
            match key {
                "country" => {
                    once(&mut seen, 0)?;
                    country = optional_code(cursor)?;
                }
                "place" => {
                    once(&mut seen, 1)?;
                    name = optional_string(cursor)?.map(RawString::text);
                }
                "lat" => {
                    once(&mut seen, 2)?;
                    lat = coordinate(cursor, 90.0)?;
                }
                "lon" => {
                    once(&mut seen, 3)?;
                    lon = coordinate(cursor, 180.0)?;
                }
                _ => cursor.skip_value(RECORD_DEPTH + 1)?,
            }
            Ok(())
        })?;
        let lat_lon = match (lat, lon) {
            (Some(lat), Some(lon)) => Some((lat, lon)),
            (None, None) => None,
            _ => return Err(Unsound),
        };
        if country.is_none() && name.is_none() && lat_lon.is_none() {
            return Err(Unsound);
        }
        Ok(self
            .places
            .intern_key(PlaceKey::new(country, name, lat_lon)))
    }

    /// A citation: checked once every source is known ([`Citations::hold`]).
    fn citation(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        if cursor.null()? {
            return Ok(());
        }
        let (mut seen, mut id, mut span) = (0, None, None);
        cursor.object(RECORD_DEPTH + 1, |cursor, key| {
            match key {
                "id" => {
                    once(&mut seen, 0)?;
                    id = Some(cursor.string()?.text());
                }
                "span" => {
                    once(&mut seen, 1)?;
                    if !cursor.null()? {
                        cursor.expect(b'[')?;
                        let start = cursor.small_count()?;
                        cursor.expect(b',')?;
                        let end = cursor.small_count()?;
                        cursor.expect(b']')?;
                        if start > end {
                            return Err(Unsound);
                        }
                        span = Some((start, end));
                    }
                }
                _ => cursor.skip_value(RECORD_DEPTH + 1)?,
            }
            Ok(())
        })?;
        self.citations.push(&id.ok_or(Unsound)?, span, self.ids);
        Ok(())
    }

    /// Reports the rest of the progress, and checks that no id is used
    /// twice within the part.
    fn finish(&mut self) -> Step<()> {
        self.report();
        if all_unique(&mut self.visit_ids) && all_unique(&mut self.event_ids) {
            Ok(())
        } else {
            Err(Unsound)
        }
    }
}

/// A leader (a name, or an object with one) and its country.
fn leader(cursor: &mut Cursor<'_>) -> Step<Option<CountryCode>> {
    match cursor.peek() {
        Some(b'n') => cursor.null().map(|_| None),
        Some(b'"') => cursor.string().map(|_| None),
        Some(b'{') => {
            let (mut seen, mut named, mut country) = (0, false, None);
            cursor.object(RECORD_DEPTH + 1, |cursor, key| {
                match key {
                    "name" => {
                        once(&mut seen, 0)?;
                        cursor.string()?;
                        named = true;
                    }
                    "title" => {
                        once(&mut seen, 1)?;
                        optional_string(cursor)?;
                    }
                    "country" => {
                        once(&mut seen, 2)?;
                        country = optional_code(cursor)?;
                    }
                    _ => cursor.skip_value(RECORD_DEPTH + 1)?,
                }
                Ok(())
            })?;
            // A person object must name someone.
            if named { Ok(country) } else { Err(Unsound) }
        }
        _ => Err(Unsound),
    }
}

/// A string or `null`.
fn optional_string<'a>(cursor: &mut Cursor<'a>) -> Step<Option<RawString<'a>>> {
    if cursor.null()? {
        return Ok(None);
    }
    cursor.string().map(Some)
}

/// A country code or `null`.
fn optional_code(cursor: &mut Cursor<'_>) -> Step<Option<CountryCode>> {
    match optional_string(cursor)? {
        Some(code) => CountryCode::parse(&code.text()).map(Some).ok_or(Unsound),
        None => Ok(None),
    }
}

/// A date or `null`, with the days it covers.
fn optional_date(cursor: &mut Cursor<'_>) -> Step<Option<(FuzzyDate, Days)>> {
    let Some(text) = optional_string(cursor)? else {
        return Ok(None);
    };
    let date = FuzzyDate::from_str(&text.text()).map_err(|_| Unsound)?;
    Ok(Some((date, Days::from(&date))))
}

/// The days a required date covers.
fn required_days(cursor: &mut Cursor<'_>) -> Step<Days> {
    optional_date(cursor)?.map(|(_, days)| days).ok_or(Unsound)
}

/// A coordinate or `null`, within `limit` degrees either way. Read by
/// `serde_json` itself, so that it is the very `f64` the detailed loader
/// reads.
fn coordinate(cursor: &mut Cursor<'_>, limit: f64) -> Step<Option<f64>> {
    if cursor.null()? {
        return Ok(None);
    }
    let degrees: f64 = serde_json::from_str(cursor.number()?).map_err(|_| Unsound)?;
    if degrees.is_finite() && (-limit..=limit).contains(&degrees) {
        Ok(Some(degrees))
    } else {
        Err(Unsound)
    }
}

/// Whether no id hash is there twice: sorted, so that equal ones end up
/// side by side. A sort beats a hash set here: a million inserts into a
/// table bigger than the cache are a million cache misses.
fn all_unique(ids: &mut [u64]) -> bool {
    ids.sort_unstable();
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

/// Whether no id hash is there twice across parts whose ids [`all_unique`]
/// sorted: a stable sort of the joined lists merges their sorted runs.
// The stable sort finds the sorted runs and merges them, which the
// unstable one would sort all over again.
#[allow(clippy::stable_sort_primitive)]
fn unique_across(lists: impl Iterator<Item = Vec<u64>>) -> bool {
    let mut ids: Vec<_> = lists.flatten().collect();
    ids.sort();
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

/// The parts joined in order: the document's shape checked across them
/// (each top-level key once, the format given), ids unique, citations
/// sound, and places in one list.
fn assemble(mut parts: Vec<Part<'_>>, ids: &RandomState) -> Step<Read> {
    check_shape(&parts)?;
    check_ids(&mut parts)?;
    let source_index = check_sources(&mut parts, ids)?;
    Ok(join(parts, source_index))
}

/// Each top-level key is there once, `format` among them.
fn check_shape(parts: &[Part<'_>]) -> Step<()> {
    let mut keys = HashSet::new();
    let mut has_format = false;
    for key in parts.iter().flat_map(|part| &part.keys) {
        // A control character in a key is invalid JSON, which the cursor
        // refuses already; a repeated key is left to the detailed loader.
        if !keys.insert(key) {
            return Err(Unsound);
        }
        has_format |= key == "format";
    }
    if has_format { Ok(()) } else { Err(Unsound) }
}

/// No visit id, and no event id, is used twice across the parts.
fn check_ids(parts: &mut [Part<'_>]) -> Step<()> {
    let (visit_ids, event_ids): (Vec<_>, Vec<_>) = parts
        .iter_mut()
        .map(|part| {
            (
                std::mem::take(&mut part.visit_ids),
                std::mem::take(&mut part.event_ids),
            )
        })
        .unzip();
    let ids_unique = std::thread::scope(|scope| {
        let visits = scope.spawn(|| unique_across(visit_ids.into_iter()));
        unique_across(event_ids.into_iter()) && visits.join().unwrap_or(false)
    });
    if ids_unique { Ok(()) } else { Err(Unsound) }
}

/// The sources' index, once their ids are found unique and every citation
/// sound; the sources' texts are taken out of the parts.
fn check_sources(parts: &mut [Part<'_>], ids: &RandomState) -> Step<SourceIndex> {
    let mut source_ids = Vec::new();
    let mut texts = TextCuts::default();
    for part in parts.iter_mut() {
        source_ids.append(&mut part.source_ids);
        texts.append(std::mem::take(&mut part.source_texts));
    }
    let mut entries: Vec<(u64, u32)> = (0..source_ids.len())
        .map(|position| {
            Ok((
                source_ids[position].0,
                u32::try_from(position).map_err(|_| Unsound)?,
            ))
        })
        .collect::<Step<_>>()?;
    entries.sort_unstable();
    // Ids sharing a hash sit side by side: each such run is checked whole.
    let repeated = entries
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .any(|run| {
            let mut ids: Vec<&str> = run
                .iter()
                .map(|&(_, position)| &*source_ids[position as usize].1)
                .collect();
            ids.sort_unstable();
            ids.windows(2).any(|pair| pair[0] == pair[1])
        });
    if repeated {
        return Err(Unsound);
    }
    let source_index = SourceIndex::new(ids.clone(), entries);
    // Each half of the parts on its own core.
    let hold = |parts: &[Part<'_>]| {
        parts
            .iter()
            .all(|part| part.citations.hold(&source_ids, &source_index, &texts))
    };
    let (first, second) = parts.split_at(parts.len() / 2);
    let citations_hold = std::thread::scope(|scope| {
        let second = scope.spawn(|| hold(second));
        hold(first) && second.join().unwrap_or(false)
    });
    if citations_hold {
        Ok(source_index)
    } else {
        Err(Unsound)
    }
}

/// The parts' records in order, each part's places shifted after the
/// places of the parts before it.
fn join(mut parts: Vec<Part<'_>>, source_index: SourceIndex) -> Read {
    let source_count = source_index.entries.len();
    // Each part numbered its places from 0: they follow one another.
    let mut offsets = Vec::with_capacity(parts.len());
    let mut places = 0usize;
    for part in &parts {
        // Fewer places than records, and records are counted in u32.
        offsets.push(places as u32);
        places += part.places.len();
    }
    let visit_parts: Vec<_> = parts
        .iter_mut()
        .zip(&offsets)
        .map(|(part, &offset)| {
            let rows = std::mem::take(&mut part.visit_rows);
            (offset, rows, std::mem::take(&mut part.visits))
        })
        .collect();
    // Visits joined on one core, everything else on the other.
    let ((visit_rows, visits), read) = std::thread::scope(|scope| {
        let visit_side = scope.spawn(move || join_visits(visit_parts));
        let mut read = Read {
            window: parts.iter().find_map(|part| part.window),
            sources: Vec::with_capacity(source_count),
            source_index,
            visits: Vec::new(),
            events: Vec::new(),
            table: RecordTable {
                places: Vec::with_capacity(places),
                visits: Vec::new(),
                events: Vec::new(),
            },
        };
        let events = parts.iter().map(|part| part.events.len()).sum();
        read.events.reserve_exact(events);
        read.table.events.reserve_exact(events);
        for (part, offset) in parts.into_iter().zip(offsets) {
            read.table
                .events
                .extend(part.event_rows.into_iter().map(|row| EventRow {
                    place: PlaceId(row.place.0 + offset),
                    ..row
                }));
            read.table.places.extend(part.places.into_places());
            read.sources.extend(part.sources);
            read.events.extend(part.events);
        }
        let visit_side = visit_side
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (visit_side, read)
    });
    let mut read = read;
    read.table.visits = visit_rows;
    read.visits = visits;
    read
}

/// The parts' visit rows, their places shifted by each part's offset, and
/// their byte ranges, in order.
fn join_visits(
    parts: Vec<(u32, Vec<VisitRow>, Vec<Range<usize>>)>,
) -> (Vec<VisitRow>, Vec<Range<usize>>) {
    let count = parts.iter().map(|(_, rows, _)| rows.len()).sum();
    let mut rows = Vec::with_capacity(count);
    let mut ranges = Vec::with_capacity(count);
    for (offset, part_rows, part_ranges) in parts {
        let shift = |id: PlaceId| PlaceId(id.0 + offset);
        rows.extend(part_rows.into_iter().map(|row| VisitRow {
            from: row.from.map(shift),
            to: shift(row.to),
            ..row
        }));
        ranges.extend(part_ranges);
    }
    (rows, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_dataset;

    fn fixtures(folder: &str) -> Vec<std::path::PathBuf> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(folder);
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        paths.sort();
        paths
    }

    fn read_fast(bytes: &[u8]) -> Option<(IndexedDataset, RecordTable)> {
        read_indexed(bytes.to_vec().into(), &Progress::default()).ok()
    }

    /// The rows with their places written out, as the scene sees them
    /// (place ids differ between ways of reading: each thread interns its
    /// own).
    fn rows_by_place(table: &RecordTable) -> Vec<String> {
        let visits = table.visits.iter().map(|row| {
            let from = row.from.map(|from| table.place(from));
            format!(
                "{from:?} {:?} {:?} {:?}",
                table.place(row.to),
                row.leader_country,
                row.days
            )
        });
        let events = table
            .events
            .iter()
            .map(|row| format!("{:?} {:?} {:?}", table.place(row.place), row.kind, row.days));
        visits.chain(events).collect()
    }

    /// The fast way and the detailed way agree on every file: the fast way
    /// takes only files with no problem, and then reads the same records.
    fn assert_agrees(bytes: &[u8], name: &str) {
        let detailed = parse_dataset(bytes);
        let fast = read_fast(bytes);
        match (&detailed, fast) {
            (Ok(loaded), Some((indexed, table))) => {
                assert!(
                    loaded.problems.is_empty(),
                    "{name}: the fast way took a file with problems: {:?}",
                    loaded.problems
                );
                assert_eq!(
                    rows_by_place(&table),
                    rows_by_place(&RecordTable::from_dataset(&loaded.dataset)),
                    "{name}: rows differ"
                );
                assert_eq!(indexed.window(), loaded.dataset.window, "{name}");
                for (index, visit) in loaded.dataset.visits.iter().enumerate() {
                    assert_eq!(indexed.visit(index).as_ref(), Some(visit), "{name}");
                }
                for (index, event) in loaded.dataset.events.iter().enumerate() {
                    assert_eq!(indexed.event(index).as_ref(), Some(event), "{name}");
                }
                for source in &loaded.dataset.sources {
                    assert_eq!(indexed.source(&source.id).as_ref(), Some(source), "{name}");
                }
            }
            (Err(_), Some(_)) => panic!("{name}: the fast way took a file that is not JSON"),
            (Ok(_) | Err(_), None) => {}
        }
    }

    #[test]
    fn text_cuts_allow_the_spans_str_get_allows() {
        let texts = [
            String::new(),
            "Pyongyang".to_owned(),
            "Café — 中国 🛬 São Paulo, Zürich. ".repeat(5),
            "é".repeat(70),
        ];
        let mut cuts = TextCuts::default();
        // Two parts' texts, joined.
        let mut second = TextCuts::default();
        for text in &texts[..2] {
            cuts.push(text);
        }
        for text in &texts[2..] {
            second.push(text);
        }
        cuts.append(second);
        for (source, text) in texts.iter().enumerate() {
            for start in 0..=text.len() as u32 + 1 {
                for end in 0..=text.len() as u32 + 1 {
                    assert_eq!(
                        cuts.allows(source, (start, end)),
                        text.get(start as usize..end as usize).is_some(),
                        "{text:?} {start}..{end}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_source_index_finds_every_id_and_no_other() {
        for count in [0, 1, 2, 3, 1000, 1025] {
            let hasher = RandomState::default();
            let ids: Vec<String> = (0..count).map(|n| format!("s{n}")).collect();
            let mut entries: Vec<(u64, u32)> = (0..)
                .zip(&ids)
                .map(|(position, id)| (hasher.hash_one(id.as_str()), position))
                .collect();
            entries.sort_unstable();
            let index = SourceIndex::new(hasher, entries);
            for (position, id) in ids.iter().enumerate() {
                assert_eq!(index.candidates(id).collect::<Vec<_>>(), [position]);
            }
            assert_eq!(index.candidates("absent").count(), 0, "{count} ids");
        }
    }

    #[test]
    fn reads_sound_files_exactly_as_the_detailed_loader() {
        let mut read = 0;
        for path in fixtures("").into_iter().chain(fixtures("../../data")) {
            let bytes = std::fs::read(&path).unwrap();
            assert_agrees(&bytes, &path.display().to_string());
            let loaded = parse_dataset(&bytes);
            if loaded.is_ok_and(|loaded| loaded.problems.is_empty()) {
                assert!(
                    read_fast(&bytes).is_some(),
                    "{}: sound but refused",
                    path.display()
                );
                read += 1;
            }
        }
        assert!(
            read >= 3,
            "the sound fixtures and the bundled data read fast"
        );
    }

    #[test]
    fn leaves_every_invalid_file_to_the_detailed_loader() {
        let invalid = fixtures("invalid");
        assert!(invalid.len() > 10);
        for path in invalid {
            let bytes = std::fs::read(&path).unwrap();
            assert!(read_fast(&bytes).is_none(), "{}", path.display());
            assert_agrees(&bytes, &path.display().to_string());
        }
    }

    #[test]
    fn refuses_each_kind_of_flaw_the_detailed_loader_reports() {
        let sound = r#"{"format": "legation/1",
            "sources": [{"id": "s", "text": "Shoigu arrived in Pyongyang. Café"}],
            "visits": [{"id": "v", "leader": {"name": "Shoigu", "country": "RU"},
                        "from": {"country": "RU", "place": "Moscow"},
                        "to": {"country": "KP", "place": "Pyongyang", "lat": 39.0, "lon": 125.7},
                        "date": "2023-07-25", "source": {"id": "s", "span": [0, 6]}}],
            "events": [{"id": "e", "kind": "parade", "place": {"country": "KP"},
                        "date": "2023-07-27", "actors": ["KP", null],
                        "source": {"id": "s", "span": [29, 34]}}]}"#;
        assert_agrees(sound.as_bytes(), "sound");
        assert!(read_fast(sound.as_bytes()).is_some());
        let flaws = [
            ("\"legation/1\"", "\"legation/2\""),
            ("\"2023-07-25\"", "\"2023-02-30\""),
            ("\"RU\"}", "\"XX\"}"),
            ("\"lat\": 39.0, ", ""),
            ("\"lat\": 39.0", "\"lat\": 91.0"),
            ("\"parade\"", "\"picnic\""),
            ("[29, 34]", "[29, 33]"),
            ("[29, 34]", "[29, 99]"),
            ("[29, 34]", "[34, 29]"),
            ("\"id\": \"e\"", "\"id\": 5"),
            ("\"id\": \"e\"", "\"ref\": \"e\""),
            ("{\"id\": \"s\", \"span\": [0, 6]}", "{\"id\": \"t\"}"),
            ("\"actors\": [\"KP\", null]", "\"actors\": \"KP\""),
            (
                "{\"name\": \"Shoigu\", \"country\": \"RU\"}",
                "{\"country\": \"RU\"}",
            ),
            ("\"place\": {\"country\": \"KP\"}", "\"place\": {}"),
            ("\"id\": \"v\"", "\"id\": \"v\", \"id\": \"w\""),
            ("\"events\": [", "\"visits\": [], \"events\": ["),
            ("\"visits\": [", "\"visits\": [1, "),
        ];
        for (from, to) in flaws {
            assert!(sound.contains(from), "{from}");
            let flawed = sound.replacen(from, to, 1);
            assert!(read_fast(flawed.as_bytes()).is_none(), "took {to:?}");
            assert_agrees(flawed.as_bytes(), to);
        }
    }

    #[test]
    fn refuses_broken_json_anywhere() {
        let sound =
            br#"{"format":"legation/1","visits":[{"id":"v","to":{"country":"KP"},"date":"2023"}]}"#;
        assert!(read_fast(sound).is_some());
        for cut in 0..sound.len() {
            assert!(read_fast(&sound[..cut]).is_none(), "took {cut} bytes");
        }
        let mut trailing = sound.to_vec();
        trailing.extend_from_slice(b" x");
        assert!(read_fast(&trailing).is_none());
        let deep = format!(
            r#"{{"format":"legation/1","visits":[{{"id":"v","to":{{"country":"KP"}},"date":"2023","x":{}{}}}]}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert!(read_fast(deep.as_bytes()).is_none());
        assert_agrees(deep.as_bytes(), "deep");
    }

    #[test]
    fn escaped_strings_read_the_same() {
        let json =
            br#"{"format":"legation/1","sources":[{"id":"s\u0031","text":"Caf\u00e9 \"quoted\""}],
            "visits":[{"id":"v\n","to":{"place":"Pyongy\u0061ng","country":"KP"},"date":"2023",
                       "source":{"id":"s1","span":[0,5]}}]}"#;
        let (indexed, table) = read_fast(json).expect("escapes are sound");
        assert_eq!(table.places[0].place.as_deref(), Some("Pyongyang"));
        assert_eq!(indexed.source("s1").unwrap().text, "Café \"quoted\"");
        assert_agrees(json, "escapes");
    }

    #[test]
    fn objects_with_braces_inside_read_the_same() {
        // Objects whose first `}` is not their end: in a name, and after a
        // nested object.
        let record = |id: &str| {
            format!(
                r#"{{"id":"{id}","leader":{{"name":"Kim","country":"KP"}},
                "from":{{"place":"Brace }} City","country":"KP"}},
                "to":{{"country":"RU","note":{{"x":1}}}},"date":"2023"}}"#
            )
        };
        let json = format!(
            r#"{{"format":"legation/1","visits":[{},{},{{"id":"c","to":{{"country":"RU","note":{{"x":1}}}},"date":"2023","leader":{{"name":"Kim","country":"KR"}}}}]}}"#,
            record("a"),
            record("b")
        );
        let (_, table) = read_fast(json.as_bytes()).expect("sound");
        let rows: Vec<_> = table
            .visits
            .iter()
            .map(|row| {
                (
                    row.from.map(|from| table.place(from).place.clone()),
                    table.place(row.to).country,
                    row.leader_country,
                )
            })
            .collect();
        let brace = Some(Some("Brace } City".to_owned()));
        assert_eq!(
            rows[0],
            (
                brace.clone(),
                CountryCode::parse("RU"),
                CountryCode::parse("KP")
            )
        );
        assert_eq!(rows[1], rows[0]);
        assert_eq!(
            rows[2],
            (None, CountryCode::parse("RU"), CountryCode::parse("KR"))
        );
        assert_agrees(json.as_bytes(), "known objects");
    }

    /// A document big enough to be scanned by two threads, whose records
    /// may hold text that looks like a record boundary.
    fn big_document(purpose: &str) -> String {
        let visits: Vec<String> = (0..68_000)
            .map(|index| {
                format!(
                    r#"{{"id":"v{index}","to":{{"country":"KP","place":"Pyongyang"}},"date":"2023-07","purpose":"{purpose}"}}"#
                )
            })
            .collect();
        let events: Vec<String> = (0..30_000)
            .map(|index| {
                format!(
                    r#"{{"id":"e{index}","kind":"parade","place":{{"country":"KP"}},"date":"2023-07-27"}}"#
                )
            })
            .collect();
        format!(
            r#"{{"format":"legation/1","visits":[{}],"events":[{}],"note":"end"}}"#,
            visits.join(","),
            events.join(",")
        )
    }

    #[test]
    fn a_byte_order_mark_is_skipped_as_the_detailed_loader_skips_it() {
        let json = "\u{feff}{\"format\":\"legation/1\",\"visits\":[{\"id\":\"v\",\"to\":{\"country\":\"KP\"},\"date\":\"2023\"}]}";
        let (indexed, _) = read_fast(json.as_bytes()).expect("sound after its mark");
        assert_eq!(indexed.visit(0).unwrap().id, "v");
        assert_agrees(json.as_bytes(), "byte-order mark");
    }

    #[test]
    fn big_files_check_citations_of_sources_that_come_last() {
        // Citations in every chunk, their sources at the very end.
        let visits: Vec<String> = (0..70_000)
            .map(|index| {
                format!(
                    r#"{{"id":"v{index}","to":{{"country":"KP"}},"date":"2023-07","source":{{"id":"s{}","span":[0,5]}},"purpose":"a long purpose to make the file big enough"}}"#,
                    index % 100
                )
            })
            .collect();
        let sources: Vec<String> = (0..100)
            .map(|index| format!(r#"{{"id":"s{index}","text":"Café society"}}"#))
            .collect();
        let json = format!(
            r#"{{"format":"legation/1","visits":[{}],"sources":[{}]}}"#,
            visits.join(","),
            sources.join(",")
        );
        assert!(json.len() >= PARALLEL_BYTES, "{}", json.len());
        let (indexed, table) = read_fast(json.as_bytes()).expect("sound");
        assert_eq!(table.visits.len(), 70_000);
        assert_eq!(indexed.source("s99").unwrap().text, "Café society");
        assert!(indexed.source("s100").is_none());
        // "Caf" and half of "é", far from the sources; and a source cited
        // but never given.
        let mid_char = json.replacen(
            r#""id":"v69999","to":{"country":"KP"},"date":"2023-07","source":{"id":"s99","span":[0,5]}"#,
            r#""id":"v69999","to":{"country":"KP"},"date":"2023-07","source":{"id":"s99","span":[0,4]}"#,
            1,
        );
        assert_ne!(mid_char, json);
        assert!(
            read_fast(mid_char.as_bytes()).is_none(),
            "a span ending inside é"
        );
        let missing = json.replacen(r#""id":"s7","span""#, r#""id":"s100","span""#, 1);
        assert_ne!(missing, json);
        assert!(
            read_fast(missing.as_bytes()).is_none(),
            "a source never given"
        );
    }

    #[test]
    fn big_files_scan_the_same_on_two_threads() {
        for purpose in ["talks", r#"x}, {\"id\": \"v0\"}, {"#] {
            let json = big_document(&purpose.repeat(3));
            assert!(json.len() >= PARALLEL_BYTES, "{}", json.len());
            let (indexed, table) = read_fast(json.as_bytes()).expect("sound");
            assert_eq!(indexed.counts(), (0, 68_000, 30_000));
            assert_eq!(table.visits.len(), 68_000);
            assert_eq!(indexed.visit(67_999).unwrap().id, "v67999");
            assert_eq!(indexed.event(29_999).unwrap().id, "e29999");
            let broken = json.replacen(r#"{"id":"v50000""#, r#"{"id":"v50000",,"#, 1);
            assert!(
                read_fast(broken.as_bytes()).is_none(),
                "a flaw past the middle"
            );
            let repeated = json.replacen(r#""id":"v60000""#, r#""id":"v3""#, 1);
            assert!(
                read_fast(repeated.as_bytes()).is_none(),
                "an id used in both halves"
            );
        }
    }
}
