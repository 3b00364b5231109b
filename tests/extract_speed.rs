//! The extractor stays linear in the length of the text: a long article
//! (5 MB in release builds, 1 MB in debug builds) of real news paragraphs,
//! and one with no line breaks at all, finish in time.
//!
//! The bounds are loose (a tenth of the 1 MB/s target in release, so that a
//! busy machine does not fail the test); `legation extract` on a 5 MB
//! article measures the real speed.

use std::path::Path;
use std::time::{Duration, Instant};

use legation::extract::{ArticleOptions, extract_article};
use legation::gazetteer::Gazetteer;

/// Bytes per second the test insists on.
const FLOOR_BYTES_PER_SEC: f64 = if cfg!(debug_assertions) {
    20_000.0
} else {
    100_000.0
};

fn long_article(size: usize, separator: &str) -> String {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut paragraphs = String::new();
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .expect("the fixture articles are there")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(path).expect("a readable fixture");
        paragraphs.push_str(&text.replace('\n', separator));
        paragraphs.push_str(separator);
    }
    let mut article = String::from("A long article\n\nPublished On 18 Jun 2023\n\n");
    while article.len() < size {
        article.push_str(&paragraphs);
    }
    article
}

fn time_it(text: &str) -> Duration {
    let gazetteer = Gazetteer::bundled();
    let start = Instant::now();
    let extraction = extract_article(text, &ArticleOptions::default(), gazetteer);
    let elapsed = start.elapsed();
    assert!(!extraction.visits.is_empty());
    elapsed
}

#[test]
fn long_articles_are_read_in_linear_time() {
    let size = if cfg!(debug_assertions) {
        1_000_000
    } else {
        5_000_000
    };
    // Load the gazetteer first: its one-off cost is not the extractor's.
    let _ = Gazetteer::bundled();
    for separator in ["\n", " "] {
        let text = long_article(size, separator);
        let elapsed = time_it(&text);
        let limit = Duration::from_secs_f64(text.len() as f64 / FLOOR_BYTES_PER_SEC);
        assert!(
            elapsed < limit,
            "{} bytes took {elapsed:?} (limit {limit:?})",
            text.len()
        );
    }
}
