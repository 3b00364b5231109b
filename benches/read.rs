//! How long reading a saved news page takes: charset, metadata and main
//! text, as `legation read` does it, for each page of `tests/fixtures/web/`
//! and for a typical 100 KB page (one of them grown with the inline scripts
//! and link lists real pages carry).
//!
//! Run with `cargo bench --bench read`. The target is at most 20 ms for a
//! 100 KB page.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use legation::read::read_html;

fn pages() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the fixture pages are there")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    pages.sort();
    pages
}

/// A page grown to `size` bytes with what real pages pad their articles
/// with: a big inline state script before the article, and more links
/// after it.
fn grown(page: &[u8], size: usize) -> Vec<u8> {
    let page = String::from_utf8_lossy(page);
    let mut script = String::from("<script>window.__STATE__ = {\"items\": [");
    let mut links = String::from("<aside class=\"more\"><ul>");
    let mut n = 0;
    while page.len() + script.len() + links.len() < size {
        let _ = write!(
            script,
            "{{\"id\": {n}, \"headline\": \"Story number {n} of the day\", \"url\": \"/news/{n}\"}},"
        );
        let _ = write!(
            links,
            "<li><a href=\"/news/{n}\">Story number {n} of the day, with a longer headline</a></li>"
        );
        n += 1;
    }
    script.push_str("]};</script>");
    links.push_str("</ul></aside>");
    page.replacen("</head>", &format!("{script}</head>"), 1)
        .replacen("</body>", &format!("{links}</body>"), 1)
        .into_bytes()
}

fn read(c: &mut Criterion) {
    let pages: Vec<(String, Vec<u8>)> = pages()
        .into_iter()
        .map(|path| {
            let name = path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read(&path).expect("a readable page"))
        })
        .collect();
    let mut group = c.benchmark_group("read_page");
    let typical = grown(
        &pages
            .iter()
            .find(|(name, _)| name == "wire-reuters-style")
            .expect("the wire page")
            .1,
        100_000,
    );
    group.throughput(Throughput::Bytes(typical.len() as u64));
    group.bench_function("typical_100KB", |b| {
        b.iter(|| read_html("page.html", &typical, None, None).expect("an article"));
    });
    for (name, bytes) in &pages {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| read_html("page.html", bytes, None, None).expect("an article"));
        });
    }
    group.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
