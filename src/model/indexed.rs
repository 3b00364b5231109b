//! Reading big, well-formed `legation/1` files fast, in little memory.
//!
//! The detailed loader ([`super::load`]) builds a JSON tree of the whole
//! file and then records with owned strings: right for reporting every
//! problem, too slow and too big for millions of records. This reader:
//!
//! 1. reads the file a segment at a time into one buffer, read into
//!    again and again, so that a big file costs memory for its records,
//!    not its bytes ([`read_indexed_file`]);
//! 2. checks each segment is UTF-8 with a SIMD validator, and walks it with
//!    a strict cursor ([`super::cursor`]), reading each record in place
//!    into a [`RecordTable`] row. Every core reads a share of a segment:
//!    each share starts at a guessed record, and its work is used only if
//!    the share before it, read from a start known for sure, lands exactly
//!    there;
//! 3. keeps each record's byte range, so that the one record a user clicks
//!    on is parsed again, in full, by the detailed loader: from the bytes in
//!    memory for a small file, from the file itself for a big one.
//!
//! It checks everything the detailed loader checks, and at the first thing
//! that is not perfectly sound it gives up ([`read_indexed`] returns
//! `Err`): the caller then loads the file the detailed way, which says
//! exactly what is wrong and where. So both ways agree on what a file
//! holds, and problems are worded in one place.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::io::Read as _;

use foldhash::fast::RandomState;
use std::ops::Range;
use std::str::FromStr;

use super::cursor::{Cursor, RawString, Step, Unsound};
use super::load::{read_event, read_source, read_visit};
use super::table::{PlaceInterner, PlaceKey};
use super::{
    By, Bytes, Confidence, CountryCode, Days, Event, EventKind, EventRow, FORMAT, FuzzyDate,
    KeptFile, PROVENANCE, PlaceId, RecordTable, Source, Trust, Visit, VisitRow,
};
use crate::progress::{Progress, Stage};
use crate::threads::joined;

/// A dataset read by [`read_indexed`]: its bytes, and where each record is
/// in them.
#[derive(Clone, Debug)]
pub struct IndexedDataset {
    store: Store,
    window: Option<FuzzyDate>,
    /// The record arrays written `[]` or `null`, and where.
    empty_arrays: Vec<(Kind, Range<usize>)>,
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

    /// Why its records cannot be shown any more, if they cannot: its file
    /// changed on disk.
    pub fn unreadable(&self) -> Option<String> {
        match &self.store {
            Store::File(file) => file.changed(),
            Store::Memory(_) => None,
        }
    }

    /// Where the records of `kind` are, in order.
    pub(super) fn ranges(&self, kind: Kind) -> &[Range<usize>] {
        match kind {
            Kind::Sources => &self.sources,
            Kind::Visits => &self.visits,
            Kind::Events => &self.events,
        }
    }

    /// Where the array of `kind` is written `[]` or `null`, if it is.
    pub(super) fn empty_array(&self, kind: Kind) -> Option<Range<usize>> {
        self.empty_arrays
            .iter()
            .find(|(empty, _)| *empty == kind)
            .map(|(_, range)| range.clone())
    }

    /// How long the whole document is, in bytes.
    pub(super) fn len(&self) -> usize {
        match &self.store {
            Store::Memory(bytes) => bytes.len(),
            Store::File(file) => usize::try_from(file.size()).unwrap_or(usize::MAX),
        }
    }

    /// The bytes of `range` of the document, or why they cannot be read.
    pub(super) fn bytes_or_why(&self, range: Range<usize>) -> Result<Cow<'_, [u8]>, String> {
        match &self.store {
            Store::Memory(bytes) => bytes
                .get(range)
                .map(Cow::Borrowed)
                .ok_or_else(|| "a range past the end of the document".to_owned()),
            Store::File(file) => file.read(range).map(Cow::Owned),
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
    let whole = Cow::Borrowed(&bytes[..]);
    match read(whole, None::<std::io::Empty>, bytes.len(), progress) {
        Some(read) => Ok(read.into_indexed(Store::Memory(bytes))),
        None => Err(bytes),
    }
}

/// Reads a sound dataset fast from `file`, a segment at a time, in memory
/// for its records only: they are read again from the file when shown.
/// `None` when anything in it is not perfectly sound, or it changed while
/// it was read (read it with [`super::parse_dataset`]).
pub fn read_indexed_file(
    file: KeptFile,
    progress: &Progress,
) -> Option<(IndexedDataset, RecordTable)> {
    let len = usize::try_from(file.size()).ok()?;
    let read = read(
        Cow::Owned(Vec::new()),
        Some(file.contents().ok()?),
        len,
        progress,
    )?;
    if file.changed().is_some() {
        return None;
    }
    Some(read.into_indexed(Store::File(std::sync::Arc::new(file))))
}

/// Everything [`read`] finds; the strings it borrows from the bytes are
/// copied out so that the bytes can move into the [`IndexedDataset`].
struct Read {
    window: Option<FuzzyDate>,
    empty_arrays: Vec<(Kind, Range<usize>)>,
    sources: Vec<Range<usize>>,
    source_index: SourceIndex,
    visits: Vec<Range<usize>>,
    events: Vec<Range<usize>>,
    table: RecordTable,
}

impl Read {
    fn into_indexed(self, store: Store) -> (IndexedDataset, RecordTable) {
        let indexed = IndexedDataset {
            store,
            window: self.window,
            empty_arrays: self.empty_arrays,
            sources: self.sources,
            source_index: self.source_index,
            visits: self.visits,
            events: self.events,
        };
        (indexed, self.table)
    }
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

/// Reads the document that starts with `start` and goes on in `more`
/// ([`read_segments`]); `len` bytes in all.
fn read(
    start: Cow<'_, [u8]>,
    more: Option<impl std::io::Read + Send>,
    len: usize,
    progress: &Progress,
) -> Option<Read> {
    progress.start(Stage::Parsing, len as u64);
    let ids = RandomState::default();
    let parts = read_segments(start, more, SEGMENT_BYTES, progress, &ids).ok()?;
    assemble(parts, &ids).ok()
}

/// How much of a file is read at a time. The buffer is read into again
/// and again, so that a big file costs memory for its records only, not
/// its bytes: on many machines, fresh memory costs more to touch than the
/// file takes to read.
const SEGMENT_BYTES: usize = 32 << 20;

/// The document in parts: what `buffer` holds, then what `more` holds,
/// read `segment` bytes at a time into `buffer`, each segment by every core
/// at once while the next one is read into another buffer. A document
/// already in memory comes whole, borrowed, with nothing `more`.
///
/// Each round reads the text from the last place known to start a record
/// (or the document) to a guessed record start near the buffer's end, and
/// keeps what it read up to where it last knew for sure where it was. The
/// rest, and what follows it, is read in the next round; a round that
/// knows nothing more for sure reads twice as much, so that every file is
/// read in time linear in its size.
fn read_segments<'a>(
    mut buffer: Cow<'_, [u8]>,
    mut more: Option<impl std::io::Read + Send>,
    segment: usize,
    progress: &'a Progress,
    ids: &'a RandomState,
) -> Step<Vec<Part<'a>>> {
    let mut ahead = Vec::new();
    if more.is_some() {
        // A short first segment, since no core can start before it is in:
        // one core reads it while the other reads on.
        read_more(&mut more, buffer.to_mut(), (segment / 4).max(1))?;
    }
    // Where `buffer` starts in the file, and where the next round starts
    // in `buffer`.
    let (mut base, mut from) = (0, ChunkStart::Document(0));
    let (mut want, mut alone) = (segment, false);
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let mut parts = Vec::new();
    loop {
        let ended = more.is_none();
        let text = utf8(&buffer[..whole_chars(&buffer, ended)]).ok_or(Unsound)?;
        if base == 0 && from == ChunkStart::Document(0) && text.starts_with('\u{feff}') {
            // Editors on Windows often start files with a byte-order mark,
            // which the detailed loader skips too.
            from = ChunkStart::Document(3);
        }
        let end = if ended {
            None
        } else {
            let Some(end) = last_record_start(text, from.at()) else {
                // One record fills the buffer: more of it is needed.
                want = want.saturating_mul(2);
                read_more(&mut more, buffer.to_mut(), want)?;
                continue;
            };
            Some(end)
        };
        let chunks = if alone || text.len() < PARALLEL_BYTES {
            1
        } else {
            threads
        };
        // The next round's text is what follows `end`, then more: it is
        // read meanwhile, after room for the first.
        let keep = end.map_or(0, |end| buffer.len() - end);
        ahead.clear();
        let (round, read_ahead) = std::thread::scope(|scope| {
            let reader = end.is_some().then(|| {
                scope.spawn(|| {
                    ahead.resize(keep, 0);
                    read_more(&mut more, &mut ahead, want)
                })
            });
            let round = read_round(text, base, from, end, chunks, progress, ids);
            let read_ahead = reader.map(joined);
            (round, read_ahead)
        });
        let (read, next) = round;
        parts.extend(read);
        read_ahead.unwrap_or(Ok(()))?;
        let Some(next) = next else {
            // The document ended: only whitespace may follow it.
            let mut rest = buffer[text.len()..].to_vec();
            rest.extend_from_slice(ahead.get(keep..).unwrap_or_default());
            if let Some(source) = &mut more {
                source.read_to_end(&mut rest).map_err(|_| Unsound)?;
            }
            return if rest.iter().all(u8::is_ascii_whitespace) {
                Ok(parts)
            } else {
                Err(Unsound)
            };
        };
        if next == from {
            // Nothing more known for sure: the one record being read goes
            // on past the buffer, or a guess was wrong, or it is a flaw.
            if ended {
                if alone {
                    return Err(Unsound);
                }
                alone = true;
            }
            want = want.saturating_mul(2);
        } else {
            want = segment;
        }
        let at = next.at();
        match &mut buffer {
            // As guessed: the next text is already in place after its start.
            Cow::Owned(owned) if Some(at) == end => {
                ahead[..keep].copy_from_slice(&owned[at..]);
                std::mem::swap(owned, &mut ahead);
            }
            Cow::Owned(owned) => {
                owned.drain(..at);
                owned.extend_from_slice(ahead.get(keep..).unwrap_or_default());
            }
            Cow::Borrowed(whole) => *whole = &whole[at..],
        }
        base += at;
        from = next.shifted(at);
    }
}

/// Reads up to `want` more bytes of `more` onto the end of `buffer`, and
/// lets `more` go once it ends.
fn read_more(more: &mut Option<impl std::io::Read>, buffer: &mut Vec<u8>, want: usize) -> Step<()> {
    let Some(source) = more else {
        return Ok(());
    };
    buffer.reserve(want);
    let read = source
        .take(want as u64)
        .read_to_end(buffer)
        .map_err(|_| Unsound)?;
    if read < want {
        *more = None;
    }
    Ok(())
}

/// How much of `bytes` holds whole characters: all of it at the end of the
/// file, else all but a character the buffer's end may have cut.
fn whole_chars(bytes: &[u8], ended: bool) -> usize {
    if ended {
        return bytes.len();
    }
    let tail = bytes.len().saturating_sub(4);
    (tail..bytes.len())
        .rev()
        .find(|&at| !(0x80..0xC0).contains(&bytes[at]))
        .unwrap_or(tail)
}

/// The bytes as text, if they are valid UTF-8: checked by a SIMD
/// validator, several times faster than the standard library's on text
/// that is not all ASCII.
fn utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// One round of [`read_segments`]: the text from `from` read in `chunks`
/// parts at once, to the record start `end` if given, else to its end.
/// Returns the parts read for sure, in order, and where the next round
/// starts (`None` if the document ended).
///
/// The text is cut at guessed record starts into chunks, each read on its
/// own, assuming the array its first record looks like it stands in. A
/// chunk's part is kept only if the chunk before it stopped exactly at its
/// start, in that array: then it holds just what one reader going through
/// the whole text would have read there. Where a guess was wrong, the next
/// round starts from the last start known for sure.
fn read_round<'a>(
    text: &str,
    base: usize,
    from: ChunkStart,
    end: Option<usize>,
    chunks: usize,
    progress: &'a Progress,
    ids: &'a RandomState,
) -> (Vec<Part<'a>>, Option<ChunkStart>) {
    let last = end.unwrap_or(text.len());
    let mut starts = vec![from];
    for at in chunk_cuts(from.at(), last, chunks) {
        let Some(at) = guess_record_start(text.as_bytes(), at).filter(|&at| at < last) else {
            continue;
        };
        let after_last = starts.last().is_none_or(|last| at > last.at());
        if let (true, Ok(kind)) = (after_last, guess_kind(text, at)) {
            starts.push(ChunkStart::Record(at, kind));
        }
    }
    let stops: Vec<Option<usize>> = starts
        .iter()
        .skip(1)
        .map(|start| Some(start.at()))
        .chain([end])
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, Step<Chunk<'a>>)> = if starts.len() == 1 {
        vec![(0, read_chunk(text, base, from, stops[0], progress, ids))]
    } else {
        std::thread::scope(|scope| {
            let threads = chunks.min(starts.len());
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    let (starts, stops, next) = (&starts, &stops, &next);
                    scope.spawn(move || {
                        let mut done = Vec::new();
                        loop {
                            let index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(&from) = starts.get(index) else {
                                return done;
                            };
                            let chunk = read_chunk(text, base, from, stops[index], progress, ids);
                            done.push((index, chunk));
                        }
                    })
                })
                .collect();
            workers.into_iter().flat_map(joined).collect()
        })
    };
    results.sort_by_key(|(index, _)| *index);
    let mut parts = Vec::with_capacity(results.len());
    // The start of the chunk at hand, as one reader from `from` finds it.
    let mut known = from;
    for ((index, result), stop) in results.into_iter().zip(&stops) {
        let chunk = match result {
            Ok(chunk) if starts[index] == known => chunk,
            _ => return (parts, Some(known)),
        };
        parts.push(chunk.part);
        match (chunk.stopped_in, stop) {
            (Some(kind), Some(stop)) => known = ChunkStart::Record(*stop, kind),
            _ => return (parts, None),
        }
    }
    (parts, Some(known))
}

/// Where to cut the text between `from` and `end` for `threads` cores:
/// halves of what is left, each shared out, so that the last chunks are
/// small and no core waits long for another at the end of a round.
fn chunk_cuts(from: usize, end: usize, threads: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    if threads < 2 {
        return cuts;
    }
    let mut at = from;
    while end - at >= 2 * SMALLEST_CHUNK * threads {
        let share = (end - at) / 2 / threads;
        for _ in 0..threads {
            at += share;
            cuts.push(at);
        }
    }
    cuts
}

/// Chunks are not cut smaller than this: each costs a part of its own.
const SMALLEST_CHUNK: usize = 256 << 10;

/// A record start near the end of `text`, after `from`.
fn last_record_start(text: &str, from: usize) -> Option<usize> {
    [1 << 16, 1 << 20, text.len() / 2]
        .into_iter()
        .find_map(|back| {
            let at = text.len().saturating_sub(back).max(from + 1);
            guess_record_start(text.as_bytes(), at)
        })
}

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

    /// The same start, in a text `by` bytes shorter at its front.
    fn shifted(self, by: usize) -> Self {
        match self {
            Self::Document(at) => Self::Document(at - by),
            Self::Record(at, kind) => Self::Record(at - by, kind),
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
    text: &str,
    base: usize,
    from: ChunkStart,
    stop: Option<usize>,
    progress: &'a Progress,
    ids: &'a RandomState,
) -> Step<Chunk<'a>> {
    let mut part = Part::new(progress, ids, base, stop.unwrap_or(text.len()) - from.at());
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
pub(super) enum Kind {
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
    /// in that source's text on character boundaries. Consumed, so that
    /// the thread that checks the citations also frees them.
    fn hold(self, sources: &[(u64, Box<str>)], index: &SourceIndex, texts: &TextCuts) -> bool {
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

/// Most objects remembered by one [`Memo`]: past this many distinct ones,
/// a file's objects rarely repeat, and the rest are read in full.
const MEMO_LIMIT: usize = 1 << 14;

/// Longer objects are not remembered: a place is a few dozen bytes, and
/// one that carries more is rarely seen twice.
const MEMO_LONGEST: usize = 256;

/// What small objects read as, by their exact text. A big file names the
/// same few thousand places again and again, and the same bytes always
/// read the same, so each distinct object is read in full once: after
/// that, finding its `}` and one lookup stand for reading it.
struct Memo<T> {
    values: HashMap<Box<str>, T, RandomState>,
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
    fn read<'a>(
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
    /// The record arrays written `[]` or `null`, and where.
    empty_arrays: Vec<(Kind, Range<usize>)>,
    window: Option<FuzzyDate>,
    sources: Vec<Range<usize>>,
    citing: Citing,
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
    places: PlaceInterner,
    /// The places read so far, by their objects' text.
    place_memo: Memo<PlaceId>,
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
            empty_arrays: Vec::new(),
            window: None,
            sources: Vec::new(),
            visits: Vec::with_capacity(room),
            visit_rows: Vec::with_capacity(room),
            visit_ids: Vec::with_capacity(room),
            events: Vec::with_capacity(room),
            event_rows: Vec::with_capacity(room),
            event_ids: Vec::with_capacity(room),
            citing: Citing {
                source_ids: Vec::new(),
                source_texts: TextCuts::default(),
                citations: Citations {
                    runs: Vec::new(),
                    spans: Vec::with_capacity(room),
                },
            },
            places: PlaceInterner::default(),
            place_memo: Memo::default(),
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
            cursor.peek();
            let start = cursor.at;
            if cursor.null()? || cursor.open(MEMBER_DEPTH + 1, b'[', b']')? {
                let range = self.base + start..self.base + cursor.at;
                self.empty_arrays.push((kind, range));
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
        let citing = &mut self.citing;
        citing.source_ids.push((self.ids.hash_one(&id), id.into()));
        citing
            .source_texts
            .push(text.as_deref().unwrap_or_default());
        Ok(())
    }

    fn visit(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let mut seen = 0;
        let mut trust = Trust::default();
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
                PROVENANCE => {
                    once(&mut seen, 8)?;
                    trust = read_trust(cursor)?;
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
            trust,
        });
        Ok(())
    }

    fn event(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let mut seen = 0;
        let mut trust = Trust::default();
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
                PROVENANCE => {
                    once(&mut seen, 7)?;
                    trust = read_trust(cursor)?;
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
            trust,
        });
        Ok(())
    }

    /// A sound place object, interned: a valid country, both coordinates
    /// or neither and in range, and something to place it by.
    fn place(&mut self, cursor: &mut Cursor<'_>) -> Step<PlaceId> {
        let places = &mut self.places;
        self.place_memo
            .read(cursor, |cursor| read_place(cursor, places))
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
        self.citing
            .citations
            .push(&id.ok_or(Unsound)?, span, self.ids);
        Ok(())
    }

    /// Reports the rest of the progress, lets the place memo go, and
    /// checks that no id is used twice within the part.
    fn finish(&mut self) -> Step<()> {
        self.report();
        // Its places are interned: the texts that found them can go.
        self.place_memo = Memo::default();
        if all_unique(&mut self.visit_ids) && all_unique(&mut self.event_ids) {
            Ok(())
        } else {
            Err(Unsound)
        }
    }
}

/// A sound place object (see [`Part::place`]), interned in `places`.
fn read_place(cursor: &mut Cursor<'_>, places: &mut PlaceInterner) -> Step<PlaceId> {
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
    Ok(places.intern_key(PlaceKey::new(country, name, lat_lon)))
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

/// A record's `provenance`, checked as [`super::check_provenance`] checks
/// it, in brief.
fn read_trust(cursor: &mut Cursor<'_>) -> Step<Trust> {
    let mut trust = Trust::default();
    if cursor.null()? {
        return Ok(trust);
    }
    let mut seen = 0;
    cursor.object(RECORD_DEPTH + 1, |cursor, key| {
        match key {
            "by" => {
                once(&mut seen, 0)?;
                trust.by = Some(By::parse(&cursor.string()?.text()).ok_or(Unsound)?);
            }
            "version" | "because" => {
                once(&mut seen, if key == "version" { 1 } else { 2 })?;
                optional_string(cursor)?;
            }
            "confidence" => {
                once(&mut seen, 3)?;
                if let Some(name) = optional_string(cursor)? {
                    trust.confidence = Some(Confidence::parse(&name.text()).ok_or(Unsound)?);
                }
            }
            "edited" => {
                once(&mut seen, 4)?;
                if !cursor.null()? {
                    cursor.array(RECORD_DEPTH + 2, |cursor| {
                        trust.edited = true;
                        read_edited(cursor)
                    })?;
                }
            }
            "reviewed" => {
                once(&mut seen, 5)?;
                trust.reviewed = match cursor.peek() {
                    Some(b't') => true,
                    Some(b'f' | b'n') => false,
                    _ => return Err(Unsound),
                };
                cursor.skip_value(RECORD_DEPTH + 1)?;
            }
            _ => cursor.skip_value(RECORD_DEPTH + 1)?,
        }
        Ok(())
    })?;
    // A provenance must say who made the record.
    trust.by.ok_or(Unsound)?;
    Ok(trust)
}

/// One entry of `provenance.edited`: its field and when, both strings.
fn read_edited(cursor: &mut Cursor<'_>) -> Step<()> {
    let (mut seen, mut field, mut at) = (0, false, false);
    cursor.object(RECORD_DEPTH + 3, |cursor, key| {
        match key {
            "field" | "at" => {
                once(&mut seen, u16::from(key != "field"))?;
                if cursor.null()? {
                    return Err(Unsound);
                }
                cursor.string()?;
                if key == "field" {
                    field = true;
                } else {
                    at = true;
                }
            }
            _ => cursor.skip_value(RECORD_DEPTH + 3)?,
        }
        Ok(())
    })?;
    if field && at { Ok(()) } else { Err(Unsound) }
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
    let (visit_ids, event_ids): (Vec<_>, Vec<_>) = parts
        .iter_mut()
        .map(|part| {
            (
                std::mem::take(&mut part.visit_ids),
                std::mem::take(&mut part.event_ids),
            )
        })
        .unzip();
    let citing: Vec<Citing> = parts
        .iter_mut()
        .map(|part| std::mem::take(&mut part.citing))
        .collect();
    // The ids, the sources and citations, and the records need nothing of
    // one another: each is checked or joined on a thread of its own, and
    // the cores take turns, none idle while another's work waits.
    std::thread::scope(|scope| {
        let ids_unique = scope
            .spawn(|| unique_across(visit_ids.into_iter()) && unique_across(event_ids.into_iter()));
        let source_index = scope.spawn(|| check_sources(citing, ids));
        let mut read = join(parts);
        read.source_index = joined(source_index)?;
        if joined(ids_unique) {
            Ok(read)
        } else {
            Err(Unsound)
        }
    })
}

/// What a part holds of the sources and the citations: checked apart from
/// the rows, once every part is read ([`check_sources`]).
#[derive(Default)]
struct Citing {
    source_ids: Vec<(u64, Box<str>)>,
    source_texts: TextCuts,
    citations: Citations,
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

/// The sources' index, once their ids are found unique and every citation
/// sound.
fn check_sources(mut parts: Vec<Citing>, ids: &RandomState) -> Step<SourceIndex> {
    let mut source_ids = Vec::new();
    let mut texts = TextCuts::default();
    for part in &mut parts {
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
    let hold = |parts: &mut [Citing]| {
        parts.iter_mut().all(|part| {
            std::mem::take(&mut part.citations).hold(&source_ids, &source_index, &texts)
        })
    };
    let half = parts.len() / 2;
    let (first, second) = parts.split_at_mut(half);
    let citations_hold = std::thread::scope(|scope| {
        let second = scope.spawn(|| hold(second));
        hold(first) && joined(second)
    });
    if citations_hold {
        Ok(source_index)
    } else {
        Err(Unsound)
    }
}

/// The parts' records in order, with one list of places: each part
/// numbered its own from 0, and many parts meet the same places. The
/// sources' index is left empty, for [`assemble`] to fill.
fn join(mut parts: Vec<Part<'_>>) -> Read {
    let source_count = parts.iter().map(|part| part.sources.len()).sum();
    let mut places = PlaceInterner::default();
    let renumbered: Vec<Vec<PlaceId>> = parts
        .iter_mut()
        .map(|part| {
            let own = std::mem::take(&mut part.places).into_places();
            own.iter().map(|place| places.intern(place)).collect()
        })
        .collect();
    let visit_parts: Vec<_> = parts
        .iter_mut()
        .zip(&renumbered)
        .map(|(part, ids)| {
            let rows = std::mem::take(&mut part.visit_rows);
            (ids.as_slice(), rows, std::mem::take(&mut part.visits))
        })
        .collect();
    // Visits joined on one core, everything else on the other.
    let ((visit_rows, visits), mut read) = std::thread::scope(|scope| {
        let visit_side = scope.spawn(move || join_visits(visit_parts));
        let mut read = Read {
            window: parts.iter().find_map(|part| part.window),
            empty_arrays: parts
                .iter_mut()
                .flat_map(|part| std::mem::take(&mut part.empty_arrays))
                .collect(),
            sources: Vec::with_capacity(source_count),
            source_index: SourceIndex::default(),
            visits: Vec::new(),
            events: Vec::new(),
            table: RecordTable::default(),
        };
        let events = parts.iter().map(|part| part.events.len()).sum();
        read.events.reserve_exact(events);
        read.table.events.reserve_exact(events);
        for (part, ids) in parts.into_iter().zip(&renumbered) {
            read.table
                .events
                .extend(part.event_rows.into_iter().map(|row| EventRow {
                    place: ids[row.place.index()],
                    ..row
                }));
            read.sources.extend(part.sources);
            read.events.extend(part.events);
        }
        let visit_side = joined(visit_side);
        (visit_side, read)
    });
    read.table.places = places.into_places();
    read.table.visits = visit_rows;
    read.visits = visits;
    read
}

/// A part's visits: its places' numbers in the joined list, its rows and
/// their byte ranges.
type VisitPart<'a> = (&'a [PlaceId], Vec<VisitRow>, Vec<Range<usize>>);

/// The parts' visit rows, their places renumbered by each part's list,
/// and their byte ranges, in order.
fn join_visits(parts: Vec<VisitPart<'_>>) -> (Vec<VisitRow>, Vec<Range<usize>>) {
    let count = parts.iter().map(|(_, rows, _)| rows.len()).sum();
    let mut rows = Vec::with_capacity(count);
    let mut ranges = Vec::with_capacity(count);
    for (ids, part_rows, part_ranges) in parts {
        let renumber = |id: PlaceId| ids[id.index()];
        rows.extend(part_rows.into_iter().map(|row| VisitRow {
            from: row.from.map(renumber),
            to: renumber(row.to),
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
        // nested object. Objects alike up to that `}` and not after it
        // must not be taken for one another.
        let record = |id: &str, from_country: &str| {
            format!(
                r#"{{"id":"{id}","leader":{{"name":"Kim","country":"KP"}},
                "from":{{"place":"Brace }} City","country":"{from_country}"}},
                "to":{{"country":"RU","note":{{"x":1}}}},"date":"2023"}}"#
            )
        };
        let json = format!(
            r#"{{"format":"legation/1","visits":[{},{},{{"id":"c","to":{{"country":"RU","note":{{"x":1}}}},"date":"2023","leader":{{"name":"Kim","country":"KR"}}}},{}]}}"#,
            record("a", "KP"),
            record("b", "KP"),
            record("d", "CN"),
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
        let from_country = |row: &VisitRow| row.from.and_then(|from| table.place(from).country);
        assert_eq!(from_country(&table.visits[1]), CountryCode::parse("KP"));
        assert_eq!(from_country(&table.visits[3]), CountryCode::parse("CN"));
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

    /// `json` read `segment` bytes at a time.
    fn read_in_segments(json: &[u8], segment: usize) -> Option<(IndexedDataset, RecordTable)> {
        let (ids, progress) = (RandomState::default(), Progress::default());
        let parts =
            read_segments(Cow::Owned(Vec::new()), Some(json), segment, &progress, &ids).ok()?;
        let read = assemble(parts, &ids).ok()?;
        Some(read.into_indexed(Store::Memory(json.to_vec().into())))
    }

    /// Reading `json` a segment at a time finds what reading it at once
    /// finds: the same records at the same places in the file.
    fn assert_segments_agree(json: &[u8], segment: usize, name: &str) {
        match (read_fast(json), read_in_segments(json, segment)) {
            (Some((whole, whole_table)), Some((segmented, table))) => {
                assert_eq!(segmented.sources, whole.sources, "{name}, {segment}");
                assert_eq!(segmented.visits, whole.visits, "{name}, {segment}");
                assert_eq!(segmented.events, whole.events, "{name}, {segment}");
                assert_eq!(segmented.window, whole.window, "{name}, {segment}");
                assert_eq!(
                    rows_by_place(&table),
                    rows_by_place(&whole_table),
                    "{name}, {segment}"
                );
            }
            (None, None) => {}
            (whole, segmented) => panic!(
                "{name}, {segment}-byte segments: read at once: {}, in segments: {}",
                whole.is_some(),
                segmented.is_some()
            ),
        }
    }

    #[test]
    fn files_read_in_small_segments_read_as_at_once() {
        let mut documents: Vec<(String, Vec<u8>)> = fixtures("")
            .into_iter()
            .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
            .collect();
        let visit = r#"{"id":"v","to":{"country":"KP"},"date":"2023"}"#;
        let fooling = r#"{"id":"w","to":{"country":"KP"},"date":"2023","purpose":"a},{}"}"#;
        for (name, json) in [
            (
                "mark",
                format!("\u{feff}{{\"format\":\"legation/1\",\"visits\":[{visit}]}}"),
            ),
            (
                "space after",
                format!("{{\"format\":\"legation/1\",\"visits\":[{visit}]}}\n  \n"),
            ),
            (
                "junk after",
                format!("{{\"format\":\"legation/1\",\"visits\":[{visit}]}}  x"),
            ),
            (
                "cut short",
                format!("{{\"format\":\"legation/1\",\"visits\":[{visit},{visit}"),
            ),
            ("empty", String::new()),
            // The last record holds what looks like the start of another,
            // and the buffer's end may fall in the spaces after it.
            (
                "junk far after",
                format!(
                    "{{\"format\":\"legation/1\",\"visits\":[{visit},{fooling}]}}{}x",
                    " ".repeat(5000)
                ),
            ),
            (
                "é far after",
                format!(
                    "{{\"format\":\"legation/1\",\"visits\":[{visit},{fooling}]}}{}é",
                    " ".repeat(4093)
                ),
            ),
            (
                "spaces far after",
                format!(
                    "{{\"format\":\"legation/1\",\"visits\":[{visit},{fooling}]}}{}",
                    " ".repeat(5000)
                ),
            ),
        ] {
            documents.push((name.to_owned(), json.into_bytes()));
        }
        for (name, json) in &documents {
            for segment in [1, 2, 3, 7, 64, 4096] {
                assert_segments_agree(json, segment, name);
            }
        }
        for path in fixtures("../../data") {
            let json = std::fs::read(&path).unwrap();
            let name = path.display().to_string();
            assert!(read_in_segments(&json, 4096).is_some(), "{name}");
            assert_segments_agree(&json, 4096, &name);
        }
    }

    #[test]
    fn records_that_look_like_another_kind_are_read_as_what_they_are() {
        // Sources with every field a visit needs: a chunk that starts among
        // them takes them for visits, until the chunk before it says.
        let sources: Vec<String> = (0..100_000)
            .map(|index| {
                format!(
                    r#"{{"id":"s{index}","text":"Talks in Pyongyang and beyond","to":{{"country":"KP"}},"date":"2023"}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"format":"legation/1","sources":[{}],"visits":[{{"id":"v","to":{{"country":"KP"}},"date":"2023","source":{{"id":"s1","span":[0,5]}}}}]}}"#,
            sources.join(",")
        );
        assert!(json.len() >= PARALLEL_BYTES, "{}", json.len());
        assert_agrees(json.as_bytes(), "sources like visits");
        for segment in [SEGMENT_BYTES, PARALLEL_BYTES + 12_345, 3 << 20] {
            let (indexed, _) = read_in_segments(json.as_bytes(), segment).expect("sound");
            assert_eq!(indexed.counts(), (100_000, 1, 0), "{segment}");
        }
    }

    #[test]
    fn big_files_read_in_segments_as_at_once() {
        for purpose in ["talks", r#"x}, {\"id\": \"v0\"}, {"#] {
            let json = big_document(&purpose.repeat(3));
            // Segments read by two threads each, and by one.
            for segment in [PARALLEL_BYTES + 12_345, 3 << 20] {
                let (indexed, _) = read_in_segments(json.as_bytes(), segment).expect("sound");
                assert_eq!(indexed.visit(67_999).unwrap().id, "v67999");
                assert_segments_agree(json.as_bytes(), segment, purpose);
                let broken = json.replacen(r#"{"id":"v50000""#, r#"{"id":"v50000",,"#, 1);
                assert!(read_in_segments(broken.as_bytes(), segment).is_none());
                let repeated = json.replacen(r#""id":"v60000""#, r#""id":"v3""#, 1);
                assert!(read_in_segments(repeated.as_bytes(), segment).is_none());
            }
        }
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
