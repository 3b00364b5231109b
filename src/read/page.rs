//! A web page to an article: its main text (headline and paragraphs, in
//! order, without navigation, related links, captions, comments, cookie and
//! subscription banners) found by `rs-trafilatura`, and its metadata.
//!
//! Why `rs-trafilatura`: measured against the readability port
//! `dom_smoothie` and the other trafilatura port on this project's own
//! pages (`tests/fixtures/web/`), it kept the most article text and the
//! least boilerplate; the README gives the figures.

use dom_query::Document;

use super::meta::{PageMeta, read_meta};

/// Fewer words than this is no article: a front page, a login wall, or a
/// page that draws its text with scripts.
const MIN_ARTICLE_WORDS: usize = 25;

/// A page read: its metadata and the text the extractor will see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageText {
    /// Title, publisher, address, language, date.
    pub meta: PageMeta,
    /// The headline on the first line, then each paragraph, separated by
    /// blank lines.
    pub text: String,
}

/// Reads the main text and metadata of `html`, fetched from `page_url`
/// when it was fetched.
///
/// # Errors
/// A sentence saying why the page holds no article text.
pub fn read_page(html: &str, page_url: Option<&str>) -> Result<PageText, String> {
    let doc = Document::from(html);
    let meta = read_meta(&doc, page_url);
    drop(doc);
    let options = rs_trafilatura::Options {
        url: page_url.map(str::to_owned),
        ..rs_trafilatura::Options::default()
    };
    let extracted = rs_trafilatura::extract_with_options(html, &options)
        .map_err(|err| format!("no article text found in the page ({err})"))?;
    let paragraphs: Vec<String> = extracted
        .content_text
        .lines()
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|line| !line.is_empty())
        .collect();
    let words: usize = paragraphs
        .iter()
        .map(|p| p.split_whitespace().count())
        .sum();
    let cjk = paragraphs
        .iter()
        .flat_map(|p| p.chars())
        .filter(|&c| is_cjk(c))
        .count();
    // CJK text has no spaces: count its characters as words, roughly.
    if words + cjk / 2 < MIN_ARTICLE_WORDS {
        return Err(if looks_like_login(html) {
            "the page asks for a login instead of showing the article; save the article from your browser and open the .html".to_owned()
        } else {
            "no article text found in the page (a front page, a login wall, or text drawn by scripts?); save the article's text and open that".to_owned()
        });
    }
    let mut text = String::with_capacity(extracted.content_text.len() + 256);
    if let Some(title) = meta.title.as_deref()
        && paragraphs
            .first()
            .is_none_or(|first| !same_words(first, title))
    {
        text.push_str(title);
        text.push_str("\n\n");
    }
    text.push_str(&paragraphs.join("\n\n"));
    text.push('\n');
    Ok(PageText { meta, text })
}

/// Whether two lines hold the same words, whatever their spacing and case.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// Whether a page is a login form: a password field.
fn looks_like_login(html: &str) -> bool {
    let lower = html.to_ascii_lowercase();
    lower.contains("type=\"password\"")
        || lower.contains("type='password'")
        || lower.contains("type=password")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARAGRAPHS: [&str; 3] = [
        "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Tuesday for talks with his North Korean counterpart, the foreign ministry in Moscow said.",
        "The visit, his first since 2018, comes weeks after a summit between the two countries' leaders in the Russian Far East, officials said on Monday.",
        "Lavrov is expected to travel on to Beijing later in the week, where he will meet Chinese Foreign Minister Wang Yi, according to the ministry.",
    ];

    fn news_page() -> String {
        let nav: String = (0..20)
            .map(|i| format!("<li><a href=\"/s{i}\">Section {i}</a></li>"))
            .collect();
        let related: String = (0..8)
            .map(|i| {
                format!(
                    "<li><a href=\"/r{i}\">Related headline number {i} about other news</a></li>"
                )
            })
            .collect();
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><title>Lavrov arrives in Pyongyang | Wire</title>
<meta property="og:title" content="Lavrov arrives in Pyongyang"><meta property="og:site_name" content="Wire">
<meta property="article:published_time" content="2023-07-25T09:00:00Z"><script>var analytics = {{"page": "article"}};</script></head>
<body><header><nav><ul>{nav}</ul></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies or manage settings.</div>
<main><article><h1>Lavrov arrives in Pyongyang</h1>
<figure><img src="a.jpg"><figcaption>Lavrov at the airport. Photo: Agency</figcaption></figure>
<p>{}</p><p>{}</p><p>{}</p></article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer><p>© 2023 Wire. All rights reserved. Terms of use. Privacy policy.</p></footer></body></html>"#,
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
        )
    }

    #[test]
    fn a_news_page_gives_its_headline_and_paragraphs_in_order() {
        let page = read_page(&news_page(), Some("https://wire.example/world/lavrov")).unwrap();
        let expected = format!(
            "Lavrov arrives in Pyongyang\n\n{}\n\n{}\n\n{}\n",
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
        );
        assert_eq!(page.text, expected);
        assert_eq!(
            page.meta.title.as_deref(),
            Some("Lavrov arrives in Pyongyang")
        );
        assert_eq!(page.meta.publisher.as_deref(), Some("Wire"));
    }

    #[test]
    fn a_login_wall_is_no_article() {
        let html = r#"<html><body><form><p>Sign in to read this article</p><input type="email"><input type="password"><button>Log in</button></form></body></html>"#;
        let err = read_page(html, None).unwrap_err();
        assert!(err.contains("login"), "{err}");
    }

    #[test]
    fn a_script_only_page_is_no_article() {
        let html = r#"<html><head><script src="app.js"></script></head><body><div id="root"></div><noscript>Enable JavaScript</noscript></body></html>"#;
        let err = read_page(html, None).unwrap_err();
        assert!(err.contains("no article text"), "{err}");
    }
}
