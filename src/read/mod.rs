//! Articles from what users have: a text file, a saved web page, a web
//! address, or a feed of them. Each gives the text the extractor reads (and
//! the source panel shows, so that cited spans index into it), with title,
//! publisher, address, language and publication date, and where that date
//! was found.
//!
//! Parts: `charset` (bytes to text by declared or detected charset), `meta`
//! (what a page says about itself), `page` (main text without boilerplate,
//! by `rs-trafilatura`), `feed` (RSS, Atom, JSON Feed, by `feed-rs`) and
//! `fetch` (HTTP with timeouts, caps and an on-disk cache, by `ureq`).

mod charset;
mod feed;
mod fetch;
mod meta;
mod page;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use charset::{CharsetFrom, DecodedText};
pub use feed::{FeedItem, parse_feed};
pub use fetch::{FetchError, FetchOptions, Fetched, Fetcher, Freshness, default_cache_dir};
pub use meta::{day_in_url, parse_day};

use crate::model::Day;

/// How many pages of a feed (or of a list of addresses) are fetched at
/// once: enough to hide the network's latency, few enough not to hammer a
/// site.
pub const CONCURRENT_FETCHES: usize = 4;

/// The most items of one feed read: a feed of thousands is an archive, not
/// the news, and would tie up the reader for an hour.
pub const MAX_FEED_ITEMS: usize = 100;

/// Whether `input` is an `http://` or `https://` address (in any case), as
/// opposed to a path.
pub fn is_web_address(input: &str) -> bool {
    let input = input.trim_start();
    ["http://", "https://"].iter().any(|scheme| {
        input
            .get(..scheme.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(scheme))
    })
}

/// One article, as the extractor will see it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// What the user gave: a path, an address, or the feed it came from.
    pub input: String,
    /// The article's address: the page's canonical one, else where it was
    /// fetched from.
    pub url: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The site or agency.
    pub publisher: Option<String>,
    /// The publication day, when the page or feed states it.
    pub published: Option<Day>,
    /// Where `published` was read.
    pub published_from: Option<DateSource>,
    /// The language tag the page declares.
    pub language: Option<String>,
    /// The main text: the headline on its first line, then the paragraphs,
    /// separated by blank lines.
    pub text: String,
    /// What the reader should know (a charset guessed, a page read from the
    /// cache).
    pub notes: Vec<String>,
    /// Whether bytes of a text file that were not UTF-8 were replaced with
    /// U+FFFD: the text is read, but is not what was written.
    pub lossy: bool,
}

/// Where a publication date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// A `<meta>` tag (`article:published_time`, `itemprop="datePublished"`, ...).
    Meta,
    /// JSON-LD `datePublished`.
    JsonLd,
    /// A `<time datetime>` element.
    TimeElement,
    /// A date in the page's address (`/2021/06/14/`).
    Url,
    /// The feed item's own date.
    Feed,
    /// A wire dateline in the text (`HANOI, February 26, 2019 -`).
    Dateline,
    /// A date line or the first full date of the text.
    Text,
    /// Given by the user (`--date`).
    Given,
}

impl DateSource {
    /// The name used in `legation read --json` (`"json-ld"`, `"time element"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Meta => "meta",
            Self::JsonLd => "json-ld",
            Self::TimeElement => "time element",
            Self::Url => "url",
            Self::Feed => "feed",
            Self::Dateline => "dateline",
            Self::Text => "text",
            Self::Given => "given",
        }
    }

    /// Words for notes: "the page's meta tags".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Meta => "the page's meta tags",
            Self::JsonLd => "the page's JSON-LD",
            Self::TimeElement => "the page's <time> element",
            Self::Url => "the date in the page's address",
            Self::Feed => "the feed item's date",
            Self::Dateline => "the dateline",
            Self::Text => "the text",
            Self::Given => "the date given",
        }
    }
}

impl fmt::Display for DateSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an input gave no article. Its display names the input first.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A file that cannot be read.
    #[error("{}: cannot read: {source}; check the path and its permissions", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// An address that could not be fetched.
    #[error("{url}: {source}")]
    Fetch {
        /// The address.
        url: String,
        /// Why.
        source: FetchError,
    },
    /// A page, file or feed that holds no article to read.
    #[error("{input}: {why}")]
    NoArticle {
        /// The path or address.
        input: String,
        /// Why, and what to do.
        why: String,
    },
}

/// Reads inputs into articles, fetching what is on the web.
#[derive(Clone, Debug)]
pub struct Reader {
    fetcher: Fetcher,
}

impl Reader {
    /// A reader that fetches as `options` say.
    pub fn new(options: FetchOptions) -> Self {
        Self {
            fetcher: Fetcher::new(options),
        }
    }

    /// Reads every input, [`CONCURRENT_FETCHES`] at a time, each into its
    /// articles (one, or one per feed item) or the errors that stopped
    /// them; in the order given.
    pub fn read_all(&self, inputs: &[String]) -> Vec<Result<Article, ReadError>> {
        self.read_each(inputs).into_iter().flatten().collect()
    }

    /// [`Self::read_all`], the results of each input kept apart.
    /// An input given twice is read once (its second place gives nothing):
    /// two threads never fetch, nor cache, one address at once.
    pub fn read_each(&self, inputs: &[String]) -> Vec<Vec<Result<Article, ReadError>>> {
        let unique: Vec<&String> = inputs
            .iter()
            .enumerate()
            .filter(|(index, input)| !inputs[..*index].contains(input))
            .map(|(_, input)| input)
            .collect();
        let mut read = in_parallel(&unique, |input| self.read(input)).into_iter();
        inputs
            .iter()
            .enumerate()
            .map(|(index, input)| {
                if inputs[..index].contains(input) {
                    Vec::new()
                } else {
                    read.next().unwrap_or_default()
                }
            })
            .collect()
    }

    /// Reads one input: a path (`.txt`, `.html`, a feed file) or an
    /// `http(s)://` address (a page or a feed). A feed gives one result per
    /// item; one bad item does not stop the others.
    pub fn read(&self, input: &str) -> Vec<Result<Article, ReadError>> {
        if is_web_address(input) || input.contains("://") {
            return self.read_url(input, Within::Input);
        }
        let path = Path::new(input);
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(source) => {
                return vec![Err(ReadError::Unreadable {
                    path: path.to_owned(),
                    source,
                })];
            }
        };
        let extension = path
            .extension()
            .map(|ext| ext.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let kind = match extension.as_str() {
            "txt" | "text" => Kind::Text,
            "html" | "htm" | "xhtml" | "shtml" => Kind::Html,
            _ => Kind::sniff(&bytes, None),
        };
        self.read_body(input, &bytes, kind, None, Within::Input)
    }

    fn read_url(&self, url: &str, within: Within) -> Vec<Result<Article, ReadError>> {
        let fetch_error = |source| {
            vec![Err(ReadError::Fetch {
                url: url.to_owned(),
                source,
            })]
        };
        let mut fetched = match self.fetcher.fetch(url, Freshness::Page) {
            Ok(fetched) => fetched,
            Err(source) => return fetch_error(source),
        };
        let mut kind = Kind::sniff(&fetched.body, fetched.media_type().as_deref());
        // A feed changes: a copy cached when it was first read is stale.
        // If it cannot be fetched now, the cached copy still serves.
        if kind == Kind::Feed
            && fetched.from_cache
            && !self.fetcher.options().offline
            && let Ok(fresh) = self.fetcher.fetch(url, Freshness::Feed)
        {
            fetched = fresh;
            kind = Kind::sniff(&fetched.body, fetched.media_type().as_deref());
        }
        let mut results = self.read_body(url, &fetched.body, kind, Some(&fetched), within);
        if fetched.from_cache {
            for article in results.iter_mut().flatten() {
                article
                    .notes
                    .push(format!("read from the cache ({url} was fetched before)"));
            }
        }
        results
    }

    /// Reads a body of a known kind; `fetched` is its response when it came
    /// from the web.
    fn read_body(
        &self,
        input: &str,
        bytes: &[u8],
        kind: Kind,
        fetched: Option<&Fetched>,
        within: Within,
    ) -> Vec<Result<Article, ReadError>> {
        let header_charset = fetched.and_then(Fetched::header_charset);
        let no_article = |why: String| {
            vec![Err(ReadError::NoArticle {
                input: input.to_owned(),
                why,
            })]
        };
        let page_url = fetched.map(|fetched| fetched.final_url.as_str());
        match kind {
            Kind::Refused(why) => no_article(why),
            // A feed's items are articles: one linking a feed (or the feed
            // itself) would read on without end.
            Kind::Feed if within == Within::Feed => no_article(
                "links a feed, not an article; give that feed's address on its own".to_owned(),
            ),
            Kind::Feed => match feed::parse_feed(bytes, page_url) {
                Ok(items) if items.is_empty() => no_article("the feed lists no items".to_owned()),
                Ok(items) => {
                    let mut results = self.read_feed_items(input, &items);
                    if items.len() > MAX_FEED_ITEMS {
                        results.push(Err(ReadError::NoArticle {
                            input: input.to_owned(),
                            why: format!(
                                "the feed lists {} items: the first {MAX_FEED_ITEMS} were read; give the others' addresses to read them",
                                items.len()
                            ),
                        }));
                    }
                    results
                }
                Err(why) => no_article(why),
            },
            Kind::Text => {
                let decoded = charset::decode_text(bytes, header_charset);
                let mut article = text_article(input, decoded.text, page_url);
                article.notes.extend(decoded.note);
                article.lossy = decoded.lossy;
                vec![Ok(article)]
            }
            Kind::Html => vec![read_html(input, bytes, page_url, header_charset)],
        }
    }

    /// The linked article of every feed item, fetched a few at a time; the
    /// item's title and date stand in where the page gives none.
    fn read_feed_items(&self, input: &str, items: &[FeedItem]) -> Vec<Result<Article, ReadError>> {
        let mut links: Vec<&str> = Vec::new();
        let items: Vec<&FeedItem> = items
            .iter()
            .take(MAX_FEED_ITEMS)
            // A story listed twice is read once.
            .filter(|item| match item.link.as_deref() {
                Some(link) if links.contains(&link) => false,
                Some(link) => {
                    links.push(link);
                    true
                }
                None => true,
            })
            .collect();
        let read_item = |item: &&FeedItem| -> Vec<Result<Article, ReadError>> {
            let title = item.title.as_deref().unwrap_or("untitled");
            let Some(link) = item.link.as_deref() else {
                return vec![Err(ReadError::NoArticle {
                    input: input.to_owned(),
                    why: format!("the item \"{title}\" links no article"),
                })];
            };
            if !is_web_address(link) {
                return vec![Err(ReadError::NoArticle {
                    input: input.to_owned(),
                    why: format!(
                        "the item \"{title}\" links `{link}`, which is no web address (a feed saved without its own address?); open the feed by its web address"
                    ),
                })];
            }
            let mut results = self.read_url(link, Within::Feed);
            for article in results.iter_mut().flatten() {
                input.clone_into(&mut article.input);
                if article.url.is_none() {
                    article.url = Some(link.to_owned());
                }
                if article.title.is_none() {
                    article.title.clone_from(&item.title);
                }
                if article.published.is_none() && item.published.is_some() {
                    article.published = item.published;
                    article.published_from = Some(DateSource::Feed);
                }
            }
            results
        };
        in_parallel(&items, read_item)
            .into_iter()
            .flatten()
            .collect()
    }
}

impl Default for Reader {
    fn default() -> Self {
        Self::new(FetchOptions::default())
    }
}

/// Where a body was found: given by the user, or linked by a feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Within {
    Input,
    Feed,
}

/// What a body holds.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Feed,
    /// Not an article at all, with what to say.
    Refused(String),
}

impl Kind {
    /// By media type and first bytes.
    fn sniff(bytes: &[u8], media_type: Option<&str>) -> Self {
        if bytes.starts_with(b"%PDF-") || media_type == Some("application/pdf") {
            return Self::Refused("is a PDF: save its text and open that".to_owned());
        }
        if let Some(media) = media_type
            && let Some(what) = ["image", "audio", "video", "font"]
                .iter()
                .find(|top| media.starts_with(&format!("{top}/")))
        {
            let what = if *what == "image" { "an image" } else { what };
            return Self::Refused(format!(
                "is {what} ({media}), not an article; give the article's page"
            ));
        }
        if feed::looks_like_feed(bytes, media_type) {
            return Self::Feed;
        }
        if matches!(media_type, Some("text/html" | "application/xhtml+xml"))
            || looks_like_html(bytes)
        {
            return Self::Html;
        }
        // NUL bytes are binary, unless a byte-order mark says UTF-16.
        let text_media = media_type.is_some_and(|media| media.starts_with("text/"));
        if !text_media && is_binary(bytes) && encoding_rs::Encoding::for_bom(bytes).is_none() {
            let what = media_type.map_or("binary data", |media| media);
            return Self::Refused(format!(
                "is {what}, not an article; give the article's text or page"
            ));
        }
        Self::Text
    }
}

/// Whether bytes are binary: NULs near the start, in what is no UTF-8
/// (a UTF-8 text may hold a stray NUL and is still text).
fn is_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(1024).any(|&b| b == 0) && std::str::from_utf8(bytes).is_err()
}

/// Whether a body starts as an HTML document does.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .trim_ascii_start();
    let lower = head.to_ascii_lowercase();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || { lower.starts_with(b"<!--") || lower.starts_with(b"<?xml") }
            && memchr::memmem::find(&lower, b"<html").is_some()
}

/// Reads a web page's bytes: decoded by its charset, its main text and
/// metadata found. `page_url` is where it was fetched from, `declared` the
/// charset its HTTP header named.
///
/// # Errors
/// [`ReadError::NoArticle`] when the page holds no article text.
pub fn read_html(
    input: &str,
    bytes: &[u8],
    page_url: Option<&str>,
    declared: Option<&str>,
) -> Result<Article, ReadError> {
    let (html, encoding, from) = charset::decode(bytes, declared, tld(page_url));
    let page = page::read_page(&html, page_url).map_err(|why| ReadError::NoArticle {
        input: input.to_owned(),
        why,
    })?;
    let mut notes = Vec::new();
    if from == CharsetFrom::Detected && encoding != encoding_rs::UTF_8 {
        notes.push(format!(
            "no charset declared: read as {} (detected)",
            encoding.name()
        ));
    }
    let (published, published_from) = page
        .meta
        .published
        .map_or((None, None), |(day, from)| (Some(day), Some(from)));
    Ok(Article {
        input: input.to_owned(),
        url: page.meta.url,
        title: page.meta.title,
        publisher: page.meta.publisher,
        published,
        published_from,
        language: page.meta.language,
        text: page.text,
        notes,
        lossy: false,
    })
}

/// An article from plain text: the headline is its first line.
fn text_article(input: &str, text: String, url: Option<&str>) -> Article {
    let title = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(str::to_owned);
    Article {
        input: input.to_owned(),
        url: url.map(str::to_owned),
        title,
        text,
        ..Article::default()
    }
}

/// The top-level domain of an address, a hint for charset detection.
fn tld(url: Option<&str>) -> Option<&str> {
    let host = url?
        .split_once("://")?
        .1
        .split(['/', ':', '?', '#'])
        .next()?;
    host.rsplit('.').next()
}

/// `work` over `items`, [`CONCURRENT_FETCHES`] at a time, results in the
/// items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() <= 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..CONCURRENT_FETCHES.min(items.len()) {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(index) else { break };
                    let result = work(item);
                    results
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)[index] = Some(result);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .map(|result| result.expect("every item was worked on"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_told_apart_by_type_and_first_bytes() {
        assert_eq!(
            Kind::sniff(b"%PDF-1.7 ...", Some("application/octet-stream")),
            Kind::Refused("is a PDF: save its text and open that".to_owned())
        );
        assert!(
            matches!(Kind::sniff(b"\x89PNG", Some("image/png")), Kind::Refused(why) if why.contains("an image (image/png)"))
        );
        assert_eq!(Kind::sniff(b"<!DOCTYPE html><html>", None), Kind::Html);
        assert!(
            matches!(Kind::sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None), Kind::Refused(why) if why.contains("binary data"))
        );
        assert_eq!(
            Kind::sniff(b"\xFF\xFEH\0i\0", None),
            Kind::Text,
            "UTF-16 with its mark is text"
        );
        assert_eq!(
            Kind::sniff(
                b"<?xml version=\"1.0\"?><rss version=\"2.0\">",
                Some("text/xml")
            ),
            Kind::Feed
        );
        assert_eq!(
            Kind::sniff(b"Lavrov arrives in Pyongyang\n\nMOSCOW, July 25 -", None),
            Kind::Text
        );
        assert_eq!(
            Kind::sniff(
                b"<p>fragment</p>",
                Some("text/html; charset=utf-8").map(|_| "text/html")
            ),
            Kind::Html
        );
    }

    #[test]
    fn work_in_parallel_keeps_the_order() {
        let items: Vec<u32> = (0..23).collect();
        assert_eq!(
            in_parallel(&items, |n| n * 2),
            items.iter().map(|n| n * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn web_addresses_are_told_from_paths_in_any_case() {
        assert!(is_web_address("HTTPS://example.org/a"));
        assert!(is_web_address("http://127.0.0.1:8080/feed.xml"));
        assert!(!is_web_address("ftp://example.org/a"));
        assert!(!is_web_address("data/articles/story.html"));
        assert!(!is_web_address("httpfiles/story.html"));
    }

    #[test]
    fn the_tld_hint_is_the_hosts_last_label() {
        assert_eq!(tld(Some("https://www.example.ru:8080/a.html")), Some("ru"));
        assert_eq!(tld(None), None);
    }
}
