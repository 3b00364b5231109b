//! The extractor on any text: it never panics, and every span it cites is
//! inside the text on character boundaries.
#![no_main]

use legation::extract::{ArticleOptions, extract_article, merge};
use legation::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let extraction = extract_article(text, &ArticleOptions::default(), Gazetteer::bundled());
    let notes: Vec<_> = extraction
        .notes
        .iter()
        .filter_map(|note| note.span)
        .collect();
    let dataset = merge([extraction]);
    let cited = dataset.citations().filter_map(|cited| cited.span);
    for span in cited.chain(notes) {
        assert!(
            text.get(span.start..span.end).is_some(),
            "span {span:?} is off the text or off a character boundary"
        );
    }
});
