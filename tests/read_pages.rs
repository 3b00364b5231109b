//! Saved news pages, in the shapes real sites use (`tests/fixtures/web/`),
//! read as `legation read` reads them: the main text against the article
//! as written (word 4-gram F1, the measure main-text extractors are compared
//! by), and the metadata against what each page states.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use legation::read::{Article, DateSource, FetchOptions, Reader};
use serde_json::Value;

/// The least mean F1 over all pages: the best open-source extractors reach
/// 0.95-0.97 on real news pages.
const MEAN_F1: f64 = 0.95;
/// The least F1 of any one page: no page may lose its article.
const PAGE_F1: f64 = 0.80;

fn web_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web")
}

/// Tokens: runs of letters and digits, lowercased; each CJK ideograph or
/// kana is a token of its own (those scripts put no spaces between words).
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let cjk = matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
        if cjk || !c.is_alphanumeric() {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            if cjk {
                tokens.push(c.to_string());
            }
        } else {
            word.extend(c.to_lowercase());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

/// Word 4-gram F1 of `found` against `expected`, with precision and recall.
fn four_gram_f1(found: &str, expected: &str) -> (f64, f64, f64) {
    fn grams(text: &str) -> HashMap<Vec<String>, usize> {
        let mut counts = HashMap::new();
        for gram in tokens(text).windows(4) {
            *counts.entry(gram.to_vec()).or_insert(0) += 1;
        }
        counts
    }
    let (found, expected) = (grams(found), grams(expected));
    let total = |counts: &HashMap<Vec<String>, usize>| counts.values().sum::<usize>() as f64;
    let overlap: usize = found
        .iter()
        .map(|(gram, n)| (*n).min(expected.get(gram).copied().unwrap_or(0)))
        .sum();
    let (precision, recall) = (
        overlap as f64 / total(&found).max(1.0),
        overlap as f64 / total(&expected).max(1.0),
    );
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    (f1, precision, recall)
}

fn offline_reader() -> Reader {
    Reader::new(FetchOptions {
        cache_dir: None,
        offline: true,
        ..FetchOptions::default()
    })
}

fn read_page(path: &Path) -> Article {
    let mut results = offline_reader().read(&path.to_string_lossy());
    assert_eq!(results.len(), 1, "{}", path.display());
    results.remove(0).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn the_metric_counts_shared_four_word_runs() {
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(four_gram_f1("a b c d e", "a b c d e").0, 1.0));
    assert!(close(four_gram_f1("a b c d", "e f g h").0, 0.0));
    let (f1, precision, recall) = four_gram_f1("a b c d e", "a b c d x");
    assert!(close(precision, 0.5) && close(recall, 0.5) && close(f1, 0.5));
    assert_eq!(
        tokens("Xi's 3rd «visit» 習近平"),
        ["xi", "s", "3rd", "visit", "習", "近", "平"]
    );
}

#[test]
fn saved_news_pages_give_their_article_text() {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(web_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    pages.sort();
    assert!(
        pages.len() >= 20,
        "at least 20 pages, found {}",
        pages.len()
    );
    let mut report = Vec::new();
    let mut sum = 0.0;
    for page in &pages {
        let expected = std::fs::read_to_string(page.with_extension("txt")).unwrap();
        let article = read_page(page);
        let (f1, precision, recall) = four_gram_f1(&article.text, &expected);
        sum += f1;
        report.push((
            f1,
            format!(
                "{:.3} (P {precision:.3}, R {recall:.3}) {}",
                f1,
                page.file_name().unwrap().to_string_lossy()
            ),
        ));
    }
    let mean = sum / pages.len() as f64;
    report.sort_by(|a, b| a.0.total_cmp(&b.0));
    let shown: Vec<&str> = report.iter().map(|(_, line)| line.as_str()).collect();
    eprintln!("mean F1 {mean:.3}\n{}", shown.join("\n"));
    assert!(
        mean >= MEAN_F1,
        "mean F1 {mean:.3} < {MEAN_F1}:\n{}",
        shown.join("\n")
    );
    assert!(
        report[0].0 >= PAGE_F1,
        "a page lost its article:\n{}",
        shown.join("\n")
    );
}

#[test]
fn saved_news_pages_give_their_metadata() {
    let mut checked = 0;
    for list in ["pages-a.json", "pages-b.json"] {
        let pages: Vec<Value> =
            serde_json::from_str(&std::fs::read_to_string(web_dir().join(list)).unwrap()).unwrap();
        for page in pages {
            let file = page["file"].as_str().unwrap();
            let article = read_page(&web_dir().join(file));
            let mut article = article;
            if article.published.is_none()
                && let Some((day, from)) = legation::extract::publication_in_text(&article.text)
            {
                article.published = Some(day);
                article.published_from = Some(from);
            }
            assert_eq!(
                article.title.as_deref(),
                page["title"].as_str(),
                "{file}: title"
            );
            assert_eq!(
                article.published.map(|d| d.to_string()).as_deref(),
                page["published"].as_str(),
                "{file}: published"
            );
            assert_eq!(
                article.published_from.map(DateSource::as_str),
                page["published_from"].as_str(),
                "{file}: published_from"
            );
            if let Some(publisher) = page["publisher"].as_str() {
                assert_eq!(
                    article.publisher.as_deref(),
                    Some(publisher),
                    "{file}: publisher"
                );
            }
            if let Some(url) = page["url"].as_str() {
                assert_eq!(article.url.as_deref(), Some(url), "{file}: url");
            }
            let language = article
                .language
                .as_deref()
                .map(|tag| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase());
            assert_eq!(
                language.as_deref(),
                page["language"].as_str(),
                "{file}: language"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "{checked} pages checked");
}
