//! The extractor on any text: it never panics, and every span it cites is
//! inside the text on character boundaries.
#![no_main]

use legation::extract::{ArticleOptions, extract_article};
use legation::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let extraction = extract_article(text, &ArticleOptions::default(), Gazetteer::bundled());
    let spans = extraction
        .visits
        .iter()
        .filter_map(|visit| visit.source.as_ref())
        .chain(extraction.events.iter().filter_map(|event| event.source.as_ref()))
        .filter_map(|cited| cited.span)
        .chain(extraction.notes.iter().filter_map(|note| note.span));
    for span in spans {
        assert!(
            text.get(span.start..span.end).is_some(),
            "span {span:?} is off the text or off a character boundary"
        );
    }
});
