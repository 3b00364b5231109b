//! Reading big, well-formed `legation/1` files fast, in little memory.
//!
//! The detailed loader ([`super::load`]) builds a JSON tree of the whole
//! file and then records with owned strings: right for reporting every
//! problem, too slow and too big for millions of records. This reader:
//!
//! 1. scans the bytes once for the structure, finding where each record
//!    starts and ends (no allocation per value);
//! 2. parses each record in place, borrowing its strings from the bytes,
//!    into a [`RecordTable`] row (visits and events on two threads);
//! 3. keeps the bytes and each record's byte range, so that the one record
//!    a user clicks on is parsed again, in full, by the detailed loader.
//!
//! It checks everything the detailed loader checks, and at the first thing
//! that is not perfectly sound it gives up ([`read_indexed`] returns
//! `None`): the caller then loads the file the detailed way, which says
//! exactly what is wrong and where. So both ways agree on what a file
//! holds, and problems are worded in one place.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::load::{read_event, read_source, read_visit};
use super::table::{PlaceInterner, PlaceKey};
use super::{
    CountryCode, Days, Event, EventKind, EventRow, FORMAT, FuzzyDate, PlaceId, RecordTable, Source,
    Visit, VisitRow,
};
use crate::progress::{Progress, Stage};

/// A dataset read by [`read_indexed`]: its bytes, and where each record is
/// in them.
#[derive(Clone, Debug, Default)]
pub struct IndexedDataset {
    bytes: Vec<u8>,
    window: Option<FuzzyDate>,
    sources: Vec<Range<usize>>,
    source_ids: HashMap<String, usize>,
    visits: Vec<Range<usize>>,
    events: Vec<Range<usize>>,
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
        let range = self.visits.get(index)?.clone();
        read_visit(&self.bytes[range], &format!("$.visits[{index}]"))
    }

    /// The event at `index`, parsed in full.
    pub fn event(&self, index: usize) -> Option<Event> {
        let range = self.events.get(index)?.clone();
        read_event(&self.bytes[range], &format!("$.events[{index}]"))
    }

    /// The source with this id, parsed in full.
    pub fn source(&self, id: &str) -> Option<Source> {
        let index = *self.source_ids.get(id)?;
        let range = self.sources[index].clone();
        read_source(&self.bytes[range], &format!("$.sources[{index}]"))
    }
}

/// Reads a sound dataset fast; `Err` gives the bytes back when anything in
/// them is not perfectly sound (read those with [`super::parse_dataset`]).
///
/// # Errors
/// The bytes themselves, untouched, when the file has any problem.
pub fn read_indexed(
    bytes: Vec<u8>,
    progress: &Progress,
) -> Result<(IndexedDataset, RecordTable), Vec<u8>> {
    let Some(read) = read(&bytes, progress) else {
        return Err(bytes);
    };
    let Read {
        window,
        sources,
        source_ids,
        visits,
        events,
        table,
    } = read;
    let indexed = IndexedDataset {
        bytes,
        window,
        sources,
        source_ids,
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
    source_ids: HashMap<String, usize>,
    visits: Vec<Range<usize>>,
    events: Vec<Range<usize>>,
    table: RecordTable,
}

/// Deeper than this, a record is left to the detailed loader (whose JSON
/// parser stops at 128 levels): the fast way never accepts what the
/// detailed way refuses.
const MAX_DEPTH: usize = 100;

/// How many records a reading thread parses between progress reports.
const PROGRESS_STEP: usize = 4096;

fn read(bytes: &[u8], progress: &Progress) -> Option<Read> {
    progress.start(Stage::Scanning, bytes.len() as u64);
    // Checked once for the whole file, so that no value, not even one the
    // records ignore, hides invalid UTF-8, and records parse as `str`.
    let bytes = std::str::from_utf8(bytes).ok()?;
    if may_hold_exponent(bytes.as_bytes()) || may_hold_surrogate(bytes.as_bytes()) {
        return None;
    }
    let top = scan_document(bytes.as_bytes())?;
    progress.advance(bytes.len() as u64);

    let format: &str = serde_json::from_str(bytes.get(top.format.clone()?)?).ok()?;
    if format != FORMAT {
        return None;
    }
    let window = match top.window.clone() {
        Some(range) => match serde_json::from_str::<Option<Text<'_>>>(bytes.get(range)?).ok()? {
            Some(text) => Some(FuzzyDate::from_str(&text.0).ok()?),
            None => None,
        },
        None => None,
    };

    let total = top.sources.len() + top.visits.len() + top.events.len();
    progress.start(Stage::Parsing, total as u64);
    let texts = read_sources(bytes, &top.sources)?;
    progress.advance(top.sources.len() as u64);
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    // One key for all parts, so that equal ids hash equal.
    let id_hasher = IdHasher::default();
    let parts = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|part| {
                let (texts, top, id_hasher) = (&texts, &top, &id_hasher);
                scope.spawn(move || {
                    let mut reader = PartReader::new(texts, id_hasher, progress);
                    reader.visits(bytes, slice_part(&top.visits, part, threads))?;
                    reader.events(bytes, slice_part(&top.events, part, threads))?;
                    Some(reader)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().ok().flatten())
            .collect::<Option<Vec<_>>>()
    })?;
    let table = join_parts(parts)?;
    let source_ids = texts
        .ids
        .into_iter()
        .map(|(id, index)| (id.into_owned(), index))
        .collect();
    Some(Read {
        window,
        sources: top.sources,
        source_ids,
        visits: top.visits,
        events: top.events,
        table,
    })
}

/// The `part`th of `parts` nearly equal slices of `items`.
fn slice_part<T>(items: &[T], part: usize, parts: usize) -> &[T] {
    let size = items.len().div_ceil(parts);
    let start = (part * size).min(items.len());
    &items[start..(start + size).min(items.len())]
}

/// Something in the file the fast way leaves to the detailed loader.
struct Unsound;

/// One thread's share of the records: their rows, places and ids.
struct PartReader<'a, 's> {
    sources: &'s SourceTexts<'a>,
    progress: &'s Progress,
    ids: &'s IdHasher,
    places: PlaceInterner<'a>,
    /// What each distinct text of a nested object was found to be.
    known_places: HashMap<&'a str, PlaceId>,
    known_leaders: HashMap<&'a str, Option<CountryCode>>,
    known_sound: HashSet<&'a str>,
    /// The source the last citation named, and its index.
    last_source: Option<(String, usize)>,
    visits: Vec<VisitRow>,
    visit_ids: Vec<(u64, Cow<'a, str>)>,
    events: Vec<EventRow>,
    event_ids: Vec<(u64, Cow<'a, str>)>,
}

impl<'a, 's> PartReader<'a, 's> {
    fn new(sources: &'s SourceTexts<'a>, ids: &'s IdHasher, progress: &'s Progress) -> Self {
        Self {
            sources,
            progress,
            ids,
            places: PlaceInterner::default(),
            known_places: HashMap::new(),
            known_leaders: HashMap::new(),
            known_sound: HashSet::new(),
            last_source: None,
            visits: Vec::new(),
            visit_ids: Vec::new(),
            events: Vec::new(),
            event_ids: Vec::new(),
        }
    }

    fn visits(&mut self, bytes: &'a str, ranges: &[Range<usize>]) -> Option<()> {
        self.visits.reserve_exact(ranges.len());
        self.visit_ids.reserve_exact(ranges.len());
        for (index, range) in ranges.iter().enumerate() {
            let visit: RawVisit<'a> = serde_json::from_str(bytes.get(range.clone())?).ok()?;
            self.visit_ids.push(self.ids.keyed(visit.id?.0));
            let leader_country = match visit.leader {
                Some(leader) => self.leader_country(leader).ok()?,
                None => None,
            };
            let from = match visit.from {
                Some(from) => Some(self.place(from)?),
                None => None,
            };
            let to = self.place(visit.to?)?;
            self.visits.push(VisitRow {
                from,
                to,
                leader_country,
                days: days(&visit.date?)?,
            });
            self.check_citation(visit.source)?;
            report(self.progress, index, ranges.len());
        }
        Some(())
    }

    fn events(&mut self, bytes: &'a str, ranges: &[Range<usize>]) -> Option<()> {
        self.events.reserve_exact(ranges.len());
        self.event_ids.reserve_exact(ranges.len());
        for (index, range) in ranges.iter().enumerate() {
            let event: RawEvent<'a> = serde_json::from_str(bytes.get(range.clone())?).ok()?;
            self.event_ids.push(self.ids.keyed(event.id?.0));
            if let Some(actors) = event.actors {
                self.check_sound(actors, |actors| {
                    let actors: Option<Vec<Option<Text<'_>>>> =
                        serde_json::from_str(actors.get()).ok()?;
                    for actor in actors.into_iter().flatten().flatten() {
                        CountryCode::parse(&actor.0)?;
                    }
                    Some(())
                })?;
            }
            let place = self.place(event.place?)?;
            self.events.push(EventRow {
                place,
                kind: EventKind::parse(&event.kind?.0)?,
                days: days(&event.date?)?,
            });
            self.check_citation(event.source)?;
            report(self.progress, index, ranges.len());
        }
        Some(())
    }
}

impl<'a> PartReader<'a, '_> {
    /// The id of a sound place object.
    fn place(&mut self, raw: &'a RawValue) -> Option<PlaceId> {
        if let Some(&id) = self.known_places.get(raw.get()) {
            return Some(id);
        }
        let place: Option<RawPlace<'a>> = serde_json::from_str(raw.get()).ok()?;
        let id = self.places.intern_key(place_key(place?)?);
        self.known_places.insert(raw.get(), id);
        Some(id)
    }

    /// The country of a sound leader (a name, or an object with one).
    fn leader_country(&mut self, raw: &'a RawValue) -> Result<Option<CountryCode>, Unsound> {
        if let Some(&country) = self.known_leaders.get(raw.get()) {
            return Ok(country);
        }
        let leader: Option<RawPerson<'a>> = serde_json::from_str(raw.get()).map_err(|_| Unsound)?;
        let country = match leader.and_then(|leader| leader.country) {
            Some(code) => Some(CountryCode::parse(&code.0).ok_or(Unsound)?),
            None => None,
        };
        self.known_leaders.insert(raw.get(), country);
        Ok(country)
    }

    /// Whether a citation names a source there is, and its span lies in that
    /// source's text on character boundaries. Citations are nearly all
    /// different (each its own sentence), so they are checked each time,
    /// but consecutive records mostly cite one source: its index is kept.
    fn check_citation(&mut self, citation: Option<&'a RawValue>) -> Option<()> {
        let Some(citation) = citation else {
            return Some(());
        };
        let citation: Option<RawSourceRef<'_>> = serde_json::from_str(citation.get()).ok()?;
        let Some(citation) = citation else {
            return Some(());
        };
        let id = citation.id?.0;
        let index = match &self.last_source {
            Some((last, index)) if *last == *id => *index,
            _ => {
                let index = *self.sources.ids.get(id.as_ref())?;
                self.last_source = Some((id.into_owned(), index));
                index
            }
        };
        if let Some((start, end)) = citation.span {
            let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
            self.sources.texts[index].get(start..end)?;
        }
        Some(())
    }

    /// Runs `check` on a nested value's first appearance only.
    fn check_sound(
        &mut self,
        raw: &'a RawValue,
        check: impl FnOnce(&'a RawValue) -> Option<()>,
    ) -> Option<()> {
        if !self.known_sound.contains(raw.get()) {
            check(raw)?;
            self.known_sound.insert(raw.get());
        }
        Some(())
    }
}

/// The parts' rows in order, their places in one list; `None` if an id
/// is used twice.
fn join_parts(parts: Vec<PartReader<'_, '_>>) -> Option<RecordTable> {
    let mut table = RecordTable::default();
    let mut visit_ids = Vec::new();
    let mut event_ids = Vec::new();
    for part in parts {
        let offset = u32::try_from(table.places.len()).ok()?;
        let shift = |id: PlaceId| PlaceId(id.0 + offset);
        table
            .visits
            .extend(part.visits.into_iter().map(|row| VisitRow {
                from: row.from.map(shift),
                to: shift(row.to),
                ..row
            }));
        table
            .events
            .extend(part.events.into_iter().map(|row| EventRow {
                place: shift(row.place),
                ..row
            }));
        table.places.extend(part.places.into_places());
        visit_ids.extend(part.visit_ids);
        event_ids.extend(part.event_ids);
    }
    let unique = std::thread::scope(|scope| {
        let visits = scope.spawn(|| all_unique(&mut visit_ids));
        all_unique(&mut event_ids) && visits.join().unwrap_or(false)
    });
    unique.then_some(table)
}

/// Hashes ids with a key secret to this process, so that no file can be
/// made to collide on purpose.
#[derive(Default)]
struct IdHasher(std::hash::RandomState);

impl IdHasher {
    fn keyed<'a>(&self, id: Cow<'a, str>) -> (u64, Cow<'a, str>) {
        (std::hash::BuildHasher::hash_one(&self.0, &id), id)
    }
}

/// Whether no id is there twice: sorted by hash, then by text where hashes
/// are equal, so that equal ids end up side by side. A sort beats a hash
/// set here: a million inserts into a table bigger than the cache are a
/// million cache misses.
fn all_unique(ids: &mut [(u64, Cow<'_, str>)]) -> bool {
    ids.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

/// Where the parts of the document are.
#[derive(Default)]
struct TopLevel {
    format: Option<Range<usize>>,
    window: Option<Range<usize>>,
    sources: Vec<Range<usize>>,
    visits: Vec<Range<usize>>,
    events: Vec<Range<usize>>,
}

/// Finds the top-level fields and each record's bytes; `None` at anything
/// unexpected (the detailed loader then says what).
///
/// Big files are scanned by two threads: the second starts at a guessed
/// record boundary in the middle, and its work is used only if the first,
/// scanning from the start, lands on exactly that boundary as a record of
/// a top-level array; otherwise the first scans on alone.
fn scan_document(bytes: &[u8]) -> Option<TopLevel> {
    let handover = (bytes.len() >= PARALLEL_SCAN_BYTES)
        .then(|| guess_record_start(bytes, bytes.len() / 2))
        .flatten();
    let members = std::thread::scope(|scope| {
        let second_half = handover.map(|at| {
            scope.spawn(move || {
                let mut scan = Scanner { bytes, at };
                let (records, _) = scan.records_from_here(None)?;
                let mut members = vec![("", Member::Records(records))];
                scan.members_after_value(&mut members, None)?;
                scan.end_of_document().then_some(members)
            })
        });
        let mut scan = Scanner { bytes, at: 0 };
        let mut members = Vec::new();
        scan.skip_whitespace();
        scan.expect(b'{')?;
        scan.skip_whitespace();
        let handed_over = if scan.peek() == Some(b'}') {
            scan.at += 1;
            false
        } else {
            scan.member(&mut members, handover)?
                || scan.members_after_value(&mut members, handover)?
        };
        if !handed_over {
            return scan.end_of_document().then_some(members);
        }
        let mut rest = second_half?.join().ok()??.into_iter();
        let (_, Member::Records(continued)) = rest.next()? else {
            return None;
        };
        match members.last_mut() {
            Some((_, Member::Records(records))) => records.extend(continued),
            _ => return None,
        }
        members.extend(rest);
        Some(members)
    })?;
    top_level(bytes, members)
}

/// Whether a number with an exponent (`1e400`) may stand anywhere in the
/// bytes. Values this reader skips (unknown fields) are checked for syntax
/// only, and `1e400` is sound syntax that the detailed loader refuses as out
/// of range (found by fuzzing); such files, rare in practice, are left to
/// it. A candidate is digits (with a point or a minus) right after a JSON
/// delimiter, then `e`: `\u00e9` in an escaped string is none, "3e5" in an
/// article costs only speed.
fn may_hold_exponent(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'e', b'E', bytes).any(|at| {
        let mantissa = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b.is_ascii_digit() || b == b'.' || b == b'-')
            .count();
        let before = at.checked_sub(mantissa + 1).map(|index| bytes[index]);
        mantissa > 0
            && before
                .is_some_and(|b| matches!(b, b':' | b'[' | b',' | b' ' | b'\t' | b'\n' | b'\r'))
            && bytes
                .get(at + 1)
                .is_some_and(|&next| next.is_ascii_digit() || next == b'+' || next == b'-')
    })
}

/// Whether a `\uD800`-`\uDFFF` escape may stand anywhere in the bytes. A
/// lone surrogate is no character: the detailed loader refuses it, but
/// values this reader skips are checked for syntax only (found by
/// fuzzing). Files with such escapes (emoji written as surrogate pairs by
/// ASCII-only writers) are left to the detailed loader; it costs only speed.
fn may_hold_surrogate(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\\', bytes).any(|at| {
        matches!(
            bytes.get(at + 1..at + 4),
            Some([b'u', b'd' | b'D', b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'])
        )
    })
}

/// Files smaller than this are scanned by one thread.
const PARALLEL_SCAN_BYTES: usize = 8 << 20;

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

/// A top-level field's value: the records of an array, or any other value.
enum Member {
    Records(Vec<Range<usize>>),
    Value(Range<usize>),
}

/// The fields named in `members`, checked: keys plain and once each, the
/// arrays of records where they belong, other values valid JSON.
fn top_level(bytes: &[u8], members: Vec<(&str, Member)>) -> Option<TopLevel> {
    let mut top = TopLevel::default();
    let mut seen = HashSet::new();
    for (key, member) in members {
        // Escaped or repeated keys are rare enough to leave to the
        // detailed loader; a control character makes the key invalid JSON
        // (found by fuzzing), which the detailed loader reports.
        if key.contains('\\') || key.contains(char::is_control) || !seen.insert(key) {
            return None;
        }
        match (key, member) {
            ("sources", Member::Records(records)) => top.sources = records,
            ("visits", Member::Records(records)) => top.visits = records,
            ("events", Member::Records(records)) => top.events = records,
            (key, Member::Value(value)) => {
                // Unknown fields must still be JSON.
                serde_json::from_slice::<de::IgnoredAny>(bytes.get(value.clone())?).ok()?;
                match key {
                    "format" => top.format = Some(value),
                    "window" => top.window = Some(value),
                    _ => {}
                }
            }
            (_, Member::Records(_)) => return None,
        }
    }
    Some(top)
}

/// A cursor over JSON bytes that finds the extent of values without
/// building them.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string's contents (without quotes), the cursor after it.
    fn string(&mut self) -> Option<Range<usize>> {
        self.expect(b'"')?;
        let start = self.at;
        loop {
            match self.next()? {
                b'"' => return Some(start..self.at - 1),
                b'\\' => {
                    self.next()?;
                }
                _ => {}
            }
        }
    }

    /// The bytes of any value, the cursor after it.
    fn value(&mut self) -> Option<Range<usize>> {
        let start = self.at;
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => self.container()?,
            _ => {
                // A number or a literal: up to the next delimiter.
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
            }
        }
        Some(start..self.at)
    }

    /// Skips an object or array, however nested (up to [`MAX_DEPTH`]).
    fn container(&mut self) -> Option<()> {
        // The hottest loop of loading: a local cursor, and string bodies
        // skipped with memchr, which looks at many bytes at a time.
        let bytes = self.bytes;
        let mut at = self.at;
        let mut depth = 0usize;
        loop {
            let byte = *bytes.get(at)?;
            at += 1;
            match byte {
                b'"' => loop {
                    at += memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
                    if bytes[at] == b'"' {
                        at += 1;
                        break;
                    }
                    at += 2;
                },
                b'{' | b'[' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        self.at = at;
                        return Some(());
                    }
                }
                _ => {}
            }
        }
    }

    /// One `"key": value` member; `true` if the scan was handed over at
    /// `handover`, inside this member's records.
    fn member<'a>(
        &mut self,
        members: &mut Vec<(&'a str, Member)>,
        handover: Option<usize>,
    ) -> Option<bool>
    where
        Self: 'a,
    {
        let bytes = self.bytes;
        let key = std::str::from_utf8(bytes.get(self.string()?)?).ok()?;
        self.skip_whitespace();
        self.expect(b':')?;
        self.skip_whitespace();
        if matches!(key, "sources" | "visits" | "events") {
            let (records, handed_over) = self.records(handover)?;
            members.push((key, Member::Records(records)));
            Some(handed_over)
        } else {
            members.push((key, Member::Value(self.value()?)));
            Some(false)
        }
    }

    /// The members after one, up to the end of the object; `true` if the
    /// scan was handed over at `handover`.
    fn members_after_value<'a>(
        &mut self,
        members: &mut Vec<(&'a str, Member)>,
        handover: Option<usize>,
    ) -> Option<bool>
    where
        Self: 'a,
    {
        loop {
            self.skip_whitespace();
            match self.next()? {
                b',' => {}
                b'}' => return Some(false),
                _ => return None,
            }
            self.skip_whitespace();
            if self.member(members, handover)? {
                return Some(true);
            }
        }
    }

    /// Whether only whitespace is left.
    fn end_of_document(&mut self) -> bool {
        self.skip_whitespace();
        self.at == self.bytes.len()
    }

    /// The bytes of each object in an array of records (`null` is none),
    /// and whether the scan stopped at `handover`, a record's start.
    fn records(&mut self, handover: Option<usize>) -> Option<(Vec<Range<usize>>, bool)> {
        if self.bytes[self.at..].starts_with(b"null") {
            self.at += 4;
            return Some((Vec::new(), false));
        }
        self.expect(b'[')?;
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some((Vec::new(), false));
        }
        self.records_from_here(handover)
    }

    /// The records from here, at one's start, to the end of the array.
    fn records_from_here(&mut self, handover: Option<usize>) -> Option<(Vec<Range<usize>>, bool)> {
        let mut records = Vec::new();
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'{') {
                return None;
            }
            if Some(self.at) == handover {
                return Some((records, true));
            }
            let start = self.at;
            self.container()?;
            records.push(start..self.at);
            self.skip_whitespace();
            match self.next()? {
                b',' => {}
                b']' => return Some((records, false)),
                _ => return None,
            }
        }
    }
}

/// A string borrowed from the bytes where it has no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A string the reader checks is there but does not keep.
struct TextCheck;

impl<'de> Deserialize<'de> for TextCheck {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Text::deserialize(deserializer).map(|_| Self)
    }
}

/// A leader: a name, or an object with one.
struct RawPerson<'a> {
    country: Option<Text<'a>>,
}

#[derive(Deserialize)]
struct RawPersonFields<'a> {
    name: Option<TextCheck>,
    #[serde(rename = "title")]
    _title: Option<TextCheck>,
    #[serde(borrow)]
    country: Option<Text<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for RawPerson<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PersonVisitor;
        impl<'de> Visitor<'de> for PersonVisitor {
            type Value = RawPerson<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a name or a person object")
            }
            fn visit_str<E: de::Error>(self, _name: &str) -> Result<RawPerson<'de>, E> {
                Ok(RawPerson { country: None })
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<RawPerson<'de>, M::Error> {
                let fields =
                    RawPersonFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                // A person object must name someone.
                if fields.name.is_none() {
                    return Err(de::Error::missing_field("name"));
                }
                Ok(RawPerson {
                    country: fields.country,
                })
            }
        }
        deserializer.deserialize_any(PersonVisitor)
    }
}

#[derive(Deserialize)]
struct RawPlace<'a> {
    #[serde(borrow)]
    country: Option<Text<'a>>,
    #[serde(borrow)]
    place: Option<Text<'a>>,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Deserialize)]
struct RawSourceRef<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    span: Option<(u64, u64)>,
}

#[derive(Deserialize)]
struct RawSource<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(rename = "title")]
    _title: Option<TextCheck>,
    #[serde(rename = "publisher")]
    _publisher: Option<TextCheck>,
    #[serde(rename = "url")]
    _url: Option<TextCheck>,
    #[serde(borrow)]
    published: Option<Text<'a>>,
    #[serde(borrow)]
    text: Option<Text<'a>>,
}

// Nested objects come raw: a million records name a few hundred places,
// leaders and citations, each parsed and checked once and then known by
// its text.
#[derive(Deserialize)]
struct RawVisit<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow)]
    leader: Option<&'a RawValue>,
    #[serde(rename = "delegation")]
    _delegation: Option<TextCheck>,
    #[serde(borrow)]
    from: Option<&'a RawValue>,
    #[serde(borrow)]
    to: Option<&'a RawValue>,
    #[serde(borrow)]
    date: Option<Text<'a>>,
    #[serde(rename = "purpose")]
    _purpose: Option<TextCheck>,
    #[serde(borrow)]
    source: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawEvent<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(rename = "title")]
    _title: Option<TextCheck>,
    #[serde(borrow)]
    place: Option<&'a RawValue>,
    #[serde(borrow)]
    date: Option<Text<'a>>,
    #[serde(borrow)]
    actors: Option<&'a RawValue>,
    #[serde(borrow)]
    source: Option<&'a RawValue>,
}

/// The sources' texts by id, for checking citations.
struct SourceTexts<'a> {
    ids: HashMap<Cow<'a, str>, usize>,
    texts: Vec<Cow<'a, str>>,
}

fn read_sources<'a>(bytes: &'a str, ranges: &[Range<usize>]) -> Option<SourceTexts<'a>> {
    let mut texts = SourceTexts {
        ids: HashMap::with_capacity(ranges.len()),
        texts: Vec::with_capacity(ranges.len()),
    };
    for (index, range) in ranges.iter().enumerate() {
        let source: RawSource<'a> = serde_json::from_str(bytes.get(range.clone())?).ok()?;
        if let Some(published) = source.published {
            FuzzyDate::from_str(&published.0).ok()?;
        }
        if texts.ids.insert(source.id?.0, index).is_some() {
            return None;
        }
        texts
            .texts
            .push(source.text.map_or(Cow::Borrowed(""), |text| text.0));
    }
    Some(texts)
}

/// Reports progress every [`PROGRESS_STEP`] records, and the remainder at
/// the last.
fn report(progress: &Progress, index: usize, count: usize) {
    if (index + 1).is_multiple_of(PROGRESS_STEP) {
        progress.advance(PROGRESS_STEP as u64);
    } else if index + 1 == count {
        progress.advance((count % PROGRESS_STEP) as u64);
    }
}

fn days(date: &Text<'_>) -> Option<Days> {
    Some(Days::from(&FuzzyDate::from_str(&date.0).ok()?))
}

/// The place's key, if it is a sound place: valid country, both or neither
/// coordinate and in range, and something to place it by.
fn place_key(place: RawPlace<'_>) -> Option<PlaceKey<'_>> {
    let country = match place.country {
        Some(code) => Some(CountryCode::parse(&code.0)?),
        None => None,
    };
    let lat_lon = match (place.lat, place.lon) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Some((lat, lon))
        }
        (None, None) => None,
        _ => return None,
    };
    let name = place.place.map(|name| name.0);
    if country.is_none() && name.is_none() && lat_lon.is_none() {
        return None;
    }
    Some(PlaceKey::new(country, name, lat_lon))
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
        read_indexed(bytes.to_vec(), &Progress::default()).ok()
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
    fn big_files_scan_the_same_on_two_threads() {
        for purpose in ["talks", r#"x}, {\"id\": \"v0\"}, {"#] {
            let json = big_document(&purpose.repeat(3));
            assert!(json.len() >= PARALLEL_SCAN_BYTES, "{}", json.len());
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
