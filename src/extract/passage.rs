//! What the extractor makes of a passage a person selected: the visits and
//! events it finds there, read with the whole article around it (so that
//! "the minister" and "on Tuesday" resolve as they would), to fill in a
//! form the person then corrects.

use super::{ArticleOptions, extract_article};
use crate::gazetteer::Gazetteer;
use crate::model::{Event, FuzzyDate, Source, SourceRef, Span, Visit};

/// The visits and events the extractor finds in `span` of `source`: those
/// it takes from sentences overlapping the passage (visits whose traveller
/// the passage names first, then those citing most of it), or, when it
/// takes none there, those it finds in the passage read alone.
pub fn records_in_passage(
    source: &Source,
    span: Span,
    gazetteer: &Gazetteer,
) -> (Vec<Visit>, Vec<Event>) {
    let options = ArticleOptions {
        id: Some(source.id.clone()),
        title: source.title.clone(),
        url: source.url.clone(),
        publisher: source.publisher.clone(),
        published: source
            .published
            .filter(FuzzyDate::is_exact_day)
            .map(|date| date.first_day()),
        published_from: None,
    };
    let Some(passage) = span.slice(&source.text) else {
        return (Vec::new(), Vec::new());
    };
    // How much of the passage a record's citation covers.
    let overlap = |cited: Option<&SourceRef>| {
        cited.and_then(|cited| cited.span).map_or(0, |cited| {
            cited
                .end
                .min(span.end)
                .saturating_sub(cited.start.max(span.start))
        })
    };
    let whole = extract_article(&source.text, &options, gazetteer);
    let mut visits: Vec<(bool, usize, Visit)> = whole
        .visits
        .into_iter()
        .map(|visit| {
            let named = visit
                .leader
                .as_ref()
                .is_some_and(|leader| passage.contains(&leader.name));
            (named, overlap(visit.source.as_ref()), visit)
        })
        .filter(|&(_, overlap, _)| overlap > 0)
        .collect();
    visits.sort_by_key(|&(named, overlap, _)| std::cmp::Reverse((named, overlap)));
    let visits: Vec<Visit> = visits.into_iter().map(|(_, _, visit)| visit).collect();
    let mut events: Vec<(usize, Event)> = whole
        .events
        .into_iter()
        .map(|event| (overlap(event.source.as_ref()), event))
        .filter(|&(overlap, _)| overlap > 0)
        .collect();
    events.sort_by_key(|&(overlap, _)| std::cmp::Reverse(overlap));
    let events: Vec<Event> = events.into_iter().map(|(_, event)| event).collect();
    if !visits.is_empty() || !events.is_empty() {
        return (visits, events);
    }
    let alone = extract_article(passage, &options, gazetteer);
    (alone.visits, alone.events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_visit_told_in_the_passage_with_the_article_around_it() {
        let text = "North Korea hosts its allies\n\nPYONGYANG, July 25 (Reuters) - Russian Defence Minister Sergei Shoigu arrived in Pyongyang on Tuesday. Analysts in Seoul said the visit mattered. Chinese Politburo member Li Hongzhong arrived in Pyongyang on Wednesday.";
        let source = Source {
            id: "s".to_owned(),
            published: Some("2023-07-25".parse::<FuzzyDate>().unwrap()),
            text: text.to_owned(),
            ..Source::default()
        };
        let start = text.find("Chinese").unwrap();
        let span = Span {
            start,
            end: text.len(),
        };
        let (visits, events) = records_in_passage(&source, span, Gazetteer::bundled());
        assert!(events.is_empty());
        assert_eq!(visits.len(), 1, "{visits:?}");
        assert_eq!(visits[0].leader.as_ref().unwrap().name, "Li Hongzhong");
        assert_eq!(visits[0].to.place.as_deref(), Some("Pyongyang"));

        let quiet = text.find("Analysts").unwrap();
        let span = Span {
            start: quiet,
            end: quiet + "Analysts in Seoul said the visit mattered.".len(),
        };
        let (visits, _) = records_in_passage(&source, span, Gazetteer::bundled());
        assert!(
            visits.is_empty(),
            "a place named in passing is no visit: {visits:?}"
        );
    }
}
