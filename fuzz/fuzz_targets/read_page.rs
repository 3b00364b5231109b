//! Reading any bytes as a saved web page or a feed: it never panics, and a
//! page that gives an article gives text the extractor can cite into.
#![no_main]

use legation::read::{parse_feed, read_html};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(article) = read_html(
        "fuzz.html",
        bytes,
        Some("https://example.org/2024/01/02/a"),
        None,
    ) {
        assert!(!article.text.trim().is_empty(), "an article without text");
    }
    let _ = parse_feed(bytes, Some("https://example.org/feed"));
});
