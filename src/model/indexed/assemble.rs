//! The threads' shares put together: ids unique across them, every
//! citation checked against the sources, and the rows joined in order.

use super::{
    Citations, EventRow, HashSet, Part, PlaceId, PlaceInterner, RandomState, Range, Read,
    RecordTable, SourceIndex, Step, TextCuts, Unsound, VisitRow, joined,
};

/// Whether no id hash is there twice: sorted, so that equal ones end up
/// side by side. A sort beats a hash set here: a million inserts into a
/// table bigger than the cache are a million cache misses.
pub(super) fn all_unique(ids: &mut [u64]) -> bool {
    ids.sort_unstable();
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

/// Whether no id hash is there twice across parts whose ids [`all_unique`]
/// sorted: a stable sort of the joined lists merges their sorted runs.
// The stable sort finds the sorted runs and merges them, which the
// unstable one would sort all over again.
#[allow(clippy::stable_sort_primitive)]
pub(super) fn unique_across(lists: impl Iterator<Item = Vec<u64>>) -> bool {
    let mut ids: Vec<_> = lists.flatten().collect();
    ids.sort();
    ids.windows(2).all(|pair| pair[0] != pair[1])
}

/// The parts joined in order: the document's shape checked across them
/// (each top-level key once, the format given), ids unique, citations
/// sound, and places in one list.
pub(super) fn assemble(mut parts: Vec<Part<'_>>, ids: &RandomState) -> Step<Read> {
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
pub(super) struct Citing {
    pub(super) source_ids: Vec<(u64, Box<str>)>,
    pub(super) source_texts: TextCuts,
    pub(super) citations: Citations,
}

/// Each top-level key is there once, `format` among them.
pub(super) fn check_shape(parts: &[Part<'_>]) -> Step<()> {
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
pub(super) fn check_sources(mut parts: Vec<Citing>, ids: &RandomState) -> Step<SourceIndex> {
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
pub(super) fn join(mut parts: Vec<Part<'_>>) -> Read {
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
            view: parts.iter().find_map(|part| part.view),
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
pub(super) type VisitPart<'a> = (&'a [PlaceId], Vec<VisitRow>, Vec<Range<usize>>);

/// The parts' visit rows, their places renumbered by each part's list,
/// and their byte ranges, in order.
pub(super) fn join_visits(parts: Vec<VisitPart<'_>>) -> (Vec<VisitRow>, Vec<Range<usize>>) {
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
