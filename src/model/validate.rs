//! Checks that span records: unique ids, citations of sources that exist,
//! and spans that lie inside their source's text on character boundaries.
//!
//! Field-level checks (types, dates, codes, coordinates) happen while
//! loading, in [`super::load`]; these need the whole dataset.

use std::collections::HashMap;

use super::{Dataset, Problem, SourceRef};

/// Where each loaded record stood in its array in the file, so that problems
/// name the right index even when records before it failed to load.
#[derive(Clone, Debug, Default)]
pub(super) struct Origins {
    pub sources: Vec<usize>,
    pub visits: Vec<usize>,
    pub events: Vec<usize>,
}

impl Origins {
    fn position(positions: &[usize], index: usize) -> usize {
        positions.get(index).copied().unwrap_or(index)
    }
}

/// Every cross-record problem of a dataset built in memory (by the
/// extractor, an importer or a test), with paths by position.
pub fn validate(dataset: &Dataset) -> Vec<Problem> {
    cross_references(dataset, &Origins::default())
}

/// Every cross-record problem, with paths at the records' places in the file.
pub(super) fn cross_references(dataset: &Dataset, origins: &Origins) -> Vec<Problem> {
    let mut problems = Vec::new();
    let source_ids = unique_ids(
        dataset.sources.iter().map(|source| source.id.as_str()),
        "$.sources",
        &origins.sources,
        &mut problems,
    );
    unique_ids(
        dataset.visits.iter().map(|visit| visit.id.as_str()),
        "$.visits",
        &origins.visits,
        &mut problems,
    );
    unique_ids(
        dataset.events.iter().map(|event| event.id.as_str()),
        "$.events",
        &origins.events,
        &mut problems,
    );

    let citations = dataset
        .visits
        .iter()
        .enumerate()
        .filter_map(|(index, visit)| {
            let at = Origins::position(&origins.visits, index);
            Some((format!("$.visits[{at}].source"), visit.source.as_ref()?))
        })
        .chain(
            dataset
                .events
                .iter()
                .enumerate()
                .filter_map(|(index, event)| {
                    let at = Origins::position(&origins.events, index);
                    Some((format!("$.events[{at}].source"), event.source.as_ref()?))
                }),
        );
    for (path, citation) in citations {
        check_citation(dataset, &source_ids, &path, citation, &mut problems);
    }
    problems
}

/// Reports ids used twice; returns each id's index (the first use).
fn unique_ids<'d>(
    ids: impl Iterator<Item = &'d str>,
    path: &str,
    positions: &[usize],
    problems: &mut Vec<Problem>,
) -> HashMap<&'d str, usize> {
    let mut first_use = HashMap::new();
    for (index, id) in ids.enumerate() {
        let at = Origins::position(positions, index);
        if let Some(&first) = first_use.get(id) {
            let first_at = Origins::position(positions, first);
            problems.push(Problem::new(
                format!("{path}[{at}].id"),
                format!("the id `{id}` is already used by {path}[{first_at}]; ids must be unique"),
            ));
        } else {
            first_use.insert(id, index);
        }
    }
    first_use
}

fn check_citation(
    dataset: &Dataset,
    source_ids: &HashMap<&str, usize>,
    path: &str,
    citation: &SourceRef,
    problems: &mut Vec<Problem>,
) {
    let Some(&source_index) = source_ids.get(citation.id.as_str()) else {
        problems.push(Problem::new(
            format!("{path}.id"),
            format!(
                "cites the source `{}`, which is not in $.sources; add it or fix the id",
                citation.id
            ),
        ));
        return;
    };
    let Some(span) = citation.span else { return };
    let text = &dataset.sources[source_index].text;
    let span_path = format!("{path}.span");
    if span.end > text.len() {
        problems.push(Problem::new(
            span_path,
            format!(
                "[{}, {}] runs past the end of the source text ({} bytes)",
                span.start,
                span.end,
                text.len()
            ),
        ));
    } else if span.slice(text).is_none() {
        let offset = if text.is_char_boundary(span.start) {
            span.end
        } else {
            span.start
        };
        problems.push(Problem::new(
            span_path,
            format!(
                "byte {offset} is inside a UTF-8 character of the source text; spans are byte offsets on character boundaries"
            ),
        ));
    }
}
