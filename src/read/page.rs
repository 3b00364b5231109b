//! A web page to an article: its main text (headline and paragraphs, in
//! order, without navigation, related links, captions, comments, cookie and
//! subscription banners) found by `trafilatura`, and its metadata.
//!
//! Why `trafilatura` (the port of Go's go-trafilatura): measured against
//! `rs-trafilatura` and the readability port `dom_smoothie` on this
//! project's own pages (`tests/fixtures/web/`), it kept the most article
//! text and the least boilerplate; the README gives the figures. The page
//! is parsed once: its metadata is read from the same tree.

use trafilatura::dom::Document;

use super::meta::{PageMeta, clean, read_meta};

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
    let doc = Document::parse(html);
    let meta = read_meta(&doc, page_url);
    let mut options = trafilatura::Options::default().with_fallback(true);
    // Our own reading of the date says where it came from; theirs would
    // only cost time.
    options.html_date_mode = trafilatura::HtmlDateMode::Disabled;
    options.original_url = page_url.and_then(|url| url::Url::parse(url).ok());
    let extracted = match trafilatura::extract_document(doc, &options) {
        Ok(extracted) => extracted,
        Err(err) if looks_like_login(html) => return Err(login_wall(&err)),
        Err(err) => return Err(no_text(&err)),
    };
    // The extracted HTML keeps paragraph breaks that its flat text loses
    // (pages that break paragraphs with `<br><br>`).
    let paragraphs = without_furniture(paragraphs(&extracted.content_html));
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
        let few = format!("{words} words");
        return Err(if looks_like_login(html) {
            login_wall(&few)
        } else {
            no_text(&few)
        });
    }
    let mut text = String::with_capacity(extracted.content_html.len());
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

fn login_wall(found: &dyn std::fmt::Display) -> String {
    format!(
        "the page asks for a login instead of showing the article ({found}); save the article from your browser and open the .html"
    )
}

fn no_text(found: &dyn std::fmt::Display) -> String {
    format!(
        "no article text found in the page ({found}): a front page, a login wall, or text drawn by scripts? Save the article's text and open that"
    )
}

/// Elements that start a paragraph of their own.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "header",
    "footer",
    "br",
    "hr",
];

/// The paragraphs of an HTML fragment: the text between block boundaries,
/// whitespace collapsed, empty ones dropped.
fn paragraphs(html: &str) -> Vec<String> {
    fn walk(doc: &Document, node: trafilatura::dom::NodeId, out: &mut String, depth: usize) {
        if depth > 200 {
            return;
        }
        for child in doc.child_nodes(node) {
            if doc.is_text(child) {
                out.push_str(&doc.text_content(child));
            } else if doc.is_element(child) {
                let block = BLOCKS.contains(&doc.tag_name(child));
                if block {
                    out.push('\n');
                }
                walk(doc, child, out, depth + 1);
                if block {
                    out.push('\n');
                }
            }
        }
    }
    let doc = Document::parse(html);
    let mut text = String::with_capacity(html.len());
    walk(&doc, doc.root(), &mut text, 0);
    text.lines()
        .map(clean)
        .filter(|line| !line.is_empty())
        .collect()
}

/// Short lines that are page furniture wherever they stand: ad slots,
/// newsletter and paywall prompts, live-blog labels, "read more" links.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertisement scroll to continue",
    "ad",
    "sponsored",
    "key event",
    "key events",
    "pinned post",
    "skip past newsletter promotion",
    "after newsletter promotion",
    "read more",
    "read also",
    "read next",
    "see also",
    "related",
    "related coverage",
    "related stories",
    "related articles",
    "more on this story",
    "share",
    "share this article",
    "share this",
    "already a subscriber log in",
    "subscribe",
    "sign up",
    "реклама",
    "читайте также",
];

/// How short lines that only point elsewhere start: "Read more: ...",
/// "See also ...", "Sign up to ...", and editors' sign-offs.
const POINTERS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related:",
    "watch:",
    "sign up here",
    "sign up to",
    "editor:",
    "edited by:",
    "see more on:",
    "a version of this article appears in print",
    "【编辑",
    "(编辑",
];

/// Headings of lists of other stories that sites put inside the article:
/// they and the short lines after them go.
const STORY_LISTS: &[&str] = &[
    "related",
    "related content",
    "related coverage",
    "related stories",
    "related articles",
    "recommended",
    "recommended stories",
    "also see",
    "see also",
    "more on this story",
    "more on this",
    "explore more",
    "read more",
    "read next",
    "most read",
    "most viewed",
    "latest",
];

/// The most words a line of a story list has (a headline, or a headline
/// and its one-line summary).
const STORY_LIST_WORDS: usize = 16;

/// The paragraphs without page furniture: each [`is_boilerplate`] line,
/// and each list of other stories (a [`STORY_LISTS`] heading and the short
/// lines after it, up to the next line of prose).
fn without_furniture(paragraphs: Vec<String>) -> Vec<String> {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut in_story_list = false;
    for paragraph in paragraphs {
        let words = words_of(&paragraph);
        if in_story_list && words.len() <= STORY_LIST_WORDS {
            continue;
        }
        in_story_list = words.len() <= 4 && STORY_LISTS.contains(&words.join(" ").as_str());
        if !in_story_list && !is_boilerplate(&paragraph) {
            kept.push(paragraph);
        }
    }
    kept
}

/// A paragraph's words, lowercase, without punctuation.
fn words_of(paragraph: &str) -> Vec<String> {
    paragraph
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The most words a pointer line has: longer, it is prose that happens to
/// start so.
const POINTER_WORDS: usize = 25;

/// Whether a paragraph is page furniture rather than the article's: one of
/// the [`FURNITURE`] lines, a short line that points elsewhere
/// ([`POINTERS`]), a live blog's "Updated at 14:32 GMT" stamp, or a
/// cookie-consent or newsletter notice.
fn is_boilerplate(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    let words = words_of(paragraph);
    if words.len() <= 6 && FURNITURE.contains(&words.join(" ").as_str()) {
        return true;
    }
    // Screen-reader labels of story lists ("list of 4 items", "list 1 of
    // 4...", "end of list").
    let list_label = matches!(words.first().map(String::as_str), Some("list"))
        && words
            .get(1)
            .is_some_and(|w| w == "of" || w.chars().all(|c| c.is_ascii_digit()))
        || words.join(" ") == "end of list";
    if list_label && words.len() <= STORY_LIST_WORDS {
        return true;
    }
    if words.len() <= POINTER_WORDS && POINTERS.iter().any(|start| lower.starts_with(start)) {
        return true;
    }
    let newsletter = lower.contains("newsletter")
        && [
            "sign up",
            "subscribe",
            "privacy notice",
            "privacy policy",
            "inbox",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase));
    let is_time = |word: &&String| word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 2;
    let stamp = words.len() <= 6
        && matches!(
            words.first().map(String::as_str),
            Some("updated" | "posted" | "published")
        )
        && words.iter().filter(is_time).count() >= 2;
    let cookies = lower.contains("cookie")
        && [
            "accept",
            "consent",
            "your choice",
            "privacy settings",
            "manage settings",
            "preferences",
        ]
        .iter()
        .any(|phrase| lower.contains(phrase));
    stamp || cookies || newsletter
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
        let nav = "<li><a href=\"/section\">A section of the site</a></li>".repeat(20);
        let related =
            "<li><a href=\"/related\">A related headline about other news</a></li>".repeat(8);
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
    fn paragraphs_break_at_blocks_and_line_breaks() {
        let html = "<h1>Title</h1><p>One <b>bold</b> line.<br><br>Second  line.</p><blockquote><p>Quoted.</p></blockquote>";
        assert_eq!(
            paragraphs(html),
            ["Title", "One bold line.", "Second line.", "Quoted."]
        );
    }

    #[test]
    fn furniture_lines_go_and_article_lines_stay() {
        for furniture in [
            "Advertisement",
            "ADVERTISEMENT",
            "Key event",
            "Updated at 21:48 GMT",
            "skip past newsletter promotion",
            "Already a subscriber? Log in",
            "We use cookies to improve your experience. Accept all cookies or manage settings.",
            "Read moreMacron opens a new museum in Villers-Cotterêts",
            "Sign up to Global Dispatch",
            "Privacy Notice: Newsletters may contain info about charities. See our Privacy Policy.",
            "【编辑：王丽】",
        ] {
            assert!(is_boilerplate(furniture), "{furniture}");
        }
        for article in [
            "Related talks are expected next week in Brussels, officials said.",
            "The advertisement campaign was launched in Moscow on Tuesday.",
            "Updated figures showed 14 missiles were fired at 11:05 and 11:40.",
            "Sign up for military service rose after the visit, the ministry said.",
            "Read more widely, the statement also covered trade, energy, the war in Ukraine, migration, the climate, and a dozen other matters that the two leaders discussed over dinner.",
        ] {
            assert!(!is_boilerplate(article), "{article}");
        }
    }

    #[test]
    fn lists_of_other_stories_go_up_to_the_next_prose() {
        let lines = [
            "The prime minister arrived in Warsaw on Wednesday for talks on trade and security with his Polish counterpart.",
            "Related Content",
            "Modi's Moscow trip draws rebuke from Kyiv",
            "The Indian leader embraced Vladimir Putin on the day a missile struck a hospital.",
            "Officials said the two sides would sign agreements on defence, technology and agriculture before the visit ends on Thursday.",
            "list of 4 items",
            "list 1 of 4Egypt building walled zone on border",
            "end of list",
        ];
        let kept = without_furniture(lines.iter().map(|line| (*line).to_owned()).collect());
        assert_eq!(kept, [lines[0], lines[4]]);
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
