//! How fast the extractor reads: a 5 MB article of real news paragraphs
//! (the fixture articles over and over), with line breaks and without.
//!
//! Run with `cargo bench --bench extract`; it prints MB/s. The target is at
//! least 1 MB/s on one core, and time linear in the length of the text.

use std::path::Path;
use std::time::Instant;

use legation::extract::{ArticleOptions, extract_article};
use legation::gazetteer::Gazetteer;

fn long_article(size: usize, separator: &str) -> String {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut names: Vec<_> = std::fs::read_dir(folder)
        .expect("the fixture articles are there")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut paragraphs = String::new();
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

fn main() {
    // Load the gazetteer first: its one-off cost is not the extractor's.
    let gazetteer = Gazetteer::bundled();
    for size in [1_000_000, 5_000_000] {
        for (separator, shape) in [("\n", "paragraphs"), (" ", "one line")] {
            let text = long_article(size, separator);
            let start = Instant::now();
            let extraction = extract_article(&text, &ArticleOptions::default(), gazetteer);
            let seconds = start.elapsed().as_secs_f64();
            println!(
                "extract {:>9} bytes ({shape:>10}): {seconds:6.2} s, {:5.2} MB/s, {} visits",
                text.len(),
                text.len() as f64 / seconds / 1e6,
                extraction.visits.len()
            );
        }
    }
}
