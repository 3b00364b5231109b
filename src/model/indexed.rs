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
    KeptFile, PROVENANCE, PlaceId, RecordTable, Source, Trust, ViewBox, Visit, VisitRow,
};
use crate::hash_index::SortedHashIndex;
use crate::progress::{Progress, Stage};
use crate::threads::joined;

/// A dataset read by [`read_indexed`]: its bytes, and where each record is
/// in them.
#[derive(Clone, Debug)]
pub struct IndexedDataset {
    store: Store,
    window: Option<FuzzyDate>,
    view: Option<ViewBox>,
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
    positions: SortedHashIndex<u32>,
}

impl SourceIndex {
    /// The index of `entries` (an id's hash, the source's position).
    fn new(hasher: RandomState, entries: Vec<(u64, u32)>) -> Self {
        Self {
            hasher,
            positions: SortedHashIndex::sized(entries),
        }
    }

    /// The positions of the sources whose id may be `id` (its hash's).
    fn candidates(&self, id: &str) -> impl Iterator<Item = usize> + '_ {
        self.with_hash(self.hasher.hash_one(id))
    }

    /// The positions of the sources whose id hashes to `hash`.
    fn with_hash(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        self.positions
            .get(hash)
            .iter()
            .map(|&position| position as usize)
    }
}

impl IndexedDataset {
    /// The window the dataset asks to be opened on.
    pub fn window(&self) -> Option<FuzzyDate> {
        self.window
    }

    /// The part of the world the dataset asks to be opened on.
    pub fn view(&self) -> Option<ViewBox> {
        self.view
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
    view: Option<ViewBox>,
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
            view: self.view,
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

mod assemble;
mod citations;
mod part;

use assemble::{Citing, all_unique, assemble};
use citations::{Citations, Memo, TextCuts};
use part::Part;

#[cfg(test)]
mod tests;
