//! What a page says about itself: title, site name, canonical address,
//! language, and the publication date with where it was found (meta tags,
//! JSON-LD, a `<time>` element, the address), in that order of trust.

use serde_json::Value;
use trafilatura::dom::{Document, NodeId};

use super::DateSource;
use crate::model::{Day, month_named};

/// A page's metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline.
    pub title: Option<String>,
    /// The site or publisher.
    pub publisher: Option<String>,
    /// The canonical address, else the page's own.
    pub url: Option<String>,
    /// The language tag, as the page gives it ("en", "ru", "en-GB").
    pub language: Option<String>,
    /// The publication day and where it was read.
    pub published: Option<(Day, DateSource)>,
}

/// `<meta>` names and properties that carry the publication date, in
/// lowercase. Modification dates are never taken: an article updated a
/// week later still tells of the week it was written in.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "dcterms.date",
    "date",
    "originalpublicationdate",
    "og:pubdate",
    "cxenseparse:recs:publishtime",
];

/// JSON-LD types whose `datePublished` is the article's.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "WebPage",
];

/// Reads the metadata of a parsed page; `page_url` is where it was fetched
/// from (relative canonical links are resolved against it, and it is the
/// address when the page names none).
pub fn read_meta(doc: &Document, page_url: Option<&str>) -> PageMeta {
    let metas = Metas::of(doc);
    let json_ld = json_ld(doc);
    let base = page_url.and_then(|url| url::Url::parse(url).ok());

    let url = first(doc, "link[rel~=canonical]")
        .and_then(|link| doc.get_attribute(link, "href"))
        .or_else(|| metas.get("og:url"))
        .and_then(|href| absolute(&href, base.as_ref()))
        .or_else(|| page_url.map(str::to_owned));

    let site_name = metas
        .get("og:site_name")
        .or_else(|| {
            json_ld
                .iter()
                .find_map(|object| name_of(object.get("publisher")?))
        })
        .or_else(|| metas.get("application-name"));
    let text_of = |selector: &str| {
        first(doc, selector)
            .map(|node| clean(&doc.text_content(node)))
            .unwrap_or_default()
    };
    let document_title = text_of("title");
    // The first `<h1>` with words: some sites put their logo in one.
    let h1 = doc
        .query_selector_all(doc.root(), "h1")
        .into_iter()
        .map(|h1| clean(&doc.text_content(h1)))
        .find(|text| !text.is_empty());
    let title = metas
        .get("og:title")
        .or_else(|| {
            json_ld
                .iter()
                .find_map(|object| Some(clean(object.get("headline")?.as_str()?)))
        })
        .or_else(|| metas.get("twitter:title"))
        .or_else(|| h1.clone())
        .filter(|title| !title.is_empty())
        .or_else(|| Some(document_title.clone()))
        .filter(|title| !title.is_empty())
        .map(|title| without_site_suffix(&title, site_name.as_deref()))
        .map(|title| headline_without_suffix(title, h1.as_deref()));
    let publisher = site_name
        .or_else(|| title_suffix(&document_title))
        .or_else(|| url.as_deref().and_then(host_of));

    let language = first(doc, "html")
        .and_then(|html| doc.get_attribute(html, "lang"))
        .map(|lang| lang.trim().to_owned())
        .filter(|lang| !lang.is_empty())
        .or_else(|| metas.get("content-language"))
        .or_else(|| {
            json_ld
                .iter()
                .find_map(|object| Some(object.get("inLanguage")?.as_str()?.to_owned()))
        })
        .or_else(|| {
            metas
                .get("og:locale")
                .map(|locale| locale.replace('_', "-"))
        });

    let published = DATE_META
        .iter()
        .find_map(|name| parse_day(&metas.get(name)?))
        .map(|day| (day, DateSource::Meta))
        .or_else(|| json_ld_date(&json_ld).map(|day| (day, DateSource::JsonLd)))
        .or_else(|| time_element_date(doc).map(|day| (day, DateSource::TimeElement)))
        .or_else(|| {
            [url.as_deref(), metas.get("og:url").as_deref(), page_url]
                .into_iter()
                .flatten()
                .find_map(day_in_url)
                .map(|day| (day, DateSource::Url))
        })
        .or_else(|| byline_date(doc).map(|day| (day, DateSource::Text)));

    PageMeta {
        title,
        publisher,
        url,
        language,
        published,
    }
}

/// The `<meta>` tags by lowercase name, property or itemprop, first wins.
struct Metas(Vec<(String, String)>);

impl Metas {
    fn of(doc: &Document) -> Self {
        let mut pairs = Vec::new();
        for node in doc.query_selector_all(doc.root(), "meta") {
            let Some(content) = doc.get_attribute(node, "content") else {
                continue;
            };
            let content = clean(&content);
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(name) = doc.get_attribute(node, key) {
                    pairs.push((name.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        Self(pairs)
    }

    fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    }
}

/// Every JSON object of the page's JSON-LD blocks, depth first (`@graph`
/// arrays and nested objects included). Blocks that are not JSON are
/// skipped: pages get them wrong often, and the rest of the page still
/// counts.
fn json_ld(doc: &Document) -> Vec<serde_json::Map<String, Value>> {
    fn walk(value: Value, out: &mut Vec<serde_json::Map<String, Value>>) {
        match value {
            Value::Array(items) => items.into_iter().for_each(|item| walk(item, out)),
            Value::Object(object) => {
                let children: Vec<Value> = object
                    .iter()
                    .filter(|(key, _)| {
                        matches!(key.as_str(), "@graph" | "mainEntity" | "itemListElement")
                    })
                    .map(|(_, value)| value.clone())
                    .collect();
                out.push(object);
                for child in children {
                    walk(child, out);
                }
            }
            _ => {}
        }
    }
    let mut objects = Vec::new();
    for node in doc.query_selector_all(doc.root(), r#"script[type="application/ld+json"]"#) {
        if let Ok(value) = serde_json::from_str::<Value>(doc.text_content(node).trim()) {
            walk(value, &mut objects);
        }
    }
    objects
}

/// The `datePublished` of the page's article object, else of any object.
fn json_ld_date(objects: &[serde_json::Map<String, Value>]) -> Option<Day> {
    let is_article = |object: &&serde_json::Map<String, Value>| {
        let types = match object.get("@type") {
            Some(Value::String(kind)) => vec![kind.as_str()],
            Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        types.iter().any(|kind| ARTICLE_TYPES.contains(kind))
    };
    let date =
        |object: &serde_json::Map<String, Value>| parse_day(object.get("datePublished")?.as_str()?);
    objects
        .iter()
        .filter(is_article)
        .find_map(date)
        .or_else(|| objects.iter().find_map(date))
}

/// A publisher's `name`, whether it is given as an object or a string.
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => Some(clean(name)),
        Value::Object(object) => Some(clean(object.get("name")?.as_str()?)),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
    .filter(|name| !name.is_empty())
}

/// The day of the page's own `<time>`: one marked as the publication
/// (`itemprop="datePublished"`, `pubdate`, a class naming it), else the
/// first inside the article, else the first of the page. Times in sidebars
/// and lists of other stories come after the article's own in real pages.
fn time_element_date(doc: &Document) -> Option<Day> {
    let times = doc.query_selector_all(doc.root(), "time[datetime]");
    let day = |node: &NodeId| parse_day(&doc.get_attribute(*node, "datetime")?);
    let marked = |node: &&NodeId| {
        doc.get_attribute(**node, "itemprop")
            .is_some_and(|prop| prop.eq_ignore_ascii_case("datePublished"))
            || doc.get_attribute(**node, "pubdate").is_some()
            || doc
                .class_name(**node)
                .to_ascii_lowercase()
                .contains("publish")
    };
    let in_article = |node: &&NodeId| {
        std::iter::successors(doc.parent(**node), |&parent| doc.parent(parent)).any(|ancestor| {
            doc.is_element(ancestor) && matches!(doc.tag_name(ancestor), "article" | "main")
        })
    };
    times
        .iter()
        .filter(marked)
        .find_map(day)
        .or_else(|| times.iter().filter(in_article).find_map(day))
        .or_else(|| times.iter().find_map(day))
}

/// Words in a class or id that mark a byline or date stamp.
const BYLINE_MARKS: &[&str] = &[
    "date",
    "time",
    "byline",
    "posted",
    "published",
    "stamp",
    "meta",
];

/// Whether a word of a class or id marks a byline or date stamp: one of
/// [`BYLINE_MARKS`], one starting with them ("dateline", "timestamp",
/// "publishedon"), or a date of the story ("postdate", "storydate") but not
/// "candidate" or "mandate".
fn is_byline_word(word: &str) -> bool {
    const DATE_OF: &[&str] = &[
        "post",
        "pub",
        "story",
        "article",
        "news",
        "entry",
        "publish",
        "published",
        "created",
    ];
    BYLINE_MARKS.iter().any(|mark| word.starts_with(mark))
        || word
            .strip_suffix("date")
            .is_some_and(|prefix| DATE_OF.contains(&prefix))
}

/// The longest text taken for a byline: longer is a paragraph, whose dates
/// are the story's, not the page's.
const BYLINE_CHARS: usize = 160;

/// The day a visible byline or date stamp states ("Posted on: Tuesday, 03
/// March 2020", "Published: 12 Jan 2024, 06:45 PM", `<p class="date">24 May
/// 2022</p>`): the first short element whose class or id says it is one.
fn byline_date(doc: &Document) -> Option<Day> {
    // Whole words of the class and id ("post-date", "byline"), not parts
    // ("updated", "candidate", "timeline"): modification stamps never date
    // a page.
    let marked = |node: NodeId| {
        let names = format!("{} {}", doc.class_name(node), doc.id_attr(node)).to_ascii_lowercase();
        let words: Vec<&str> = names.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        let updated = words
            .iter()
            .any(|word| word.starts_with("update") || word.starts_with("modif"));
        !updated && (words.iter().any(|word| is_byline_word(word)) || doc.tag_name(node) == "time")
    };
    doc.query_selector_all(doc.root(), "body *")
        .into_iter()
        .filter(|&node| marked(node))
        .map(|node| clean(&doc.text_content(node)))
        .filter(|text| text.chars().count() <= BYLINE_CHARS)
        .filter(|text| {
            let lower = text.to_lowercase();
            !lower.starts_with("updated")
                && !lower.starts_with("last updated")
                && !lower.starts_with("modified")
        })
        .find_map(|text| written_day(&text))
}

/// The first day written out in `text`: "03 March 2020", "March 3, 2020",
/// "12 Jan 2024", "Jan. 12, 2024", or `2024-01-12`.
pub fn written_day(text: &str) -> Option<Day> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .collect();
    let number = |word: &str| word.parse::<u32>().ok();
    let year = |word: &str| {
        number(word)
            .filter(|year| (1800..=2200).contains(year))
            .and_then(|year| i32::try_from(year).ok())
    };
    words.iter().enumerate().find_map(|(at, word)| {
        if let Some(day) = parse_day(word) {
            return Some(day);
        }
        let month = month_named(word)?;
        // "03 March 2020"
        let before = at
            .checked_sub(1)
            .and_then(|i| words.get(i))
            .and_then(|w| number(w));
        if let (Some(day), Some(year)) = (before, words.get(at + 1).and_then(|w| year(w))) {
            return Day::from_ymd(year, month, day);
        }
        // "March 3, 2020"
        let after = words.get(at + 1).and_then(|w| number(w));
        let year_after = words.get(at + 2).and_then(|w| year(w));
        Day::from_ymd(year_after?, month, after?)
    })
}

/// The first element `selector` matches.
fn first(doc: &Document, selector: &str) -> Option<NodeId> {
    doc.query_selector(doc.root(), selector)
}

/// The day at the start of a machine-readable date: `2024-03-04`,
/// `2024-03-04T08:12:00Z`, `2023-10-18 21:04:33`, `2024/03/04`, `20240304`.
/// The day is the one written, in the page's own time zone: "on Tuesday" in
/// the article means the writer's Tuesday.
pub fn parse_day(text: &str) -> Option<Day> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = bytes.get(range)?;
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(digits).ok()?.parse().ok())?
    };
    let (year, month, day, end) = if matches!(bytes.get(4), Some(b'-' | b'/' | b'.')) {
        let separator = bytes[4];
        if bytes.get(7) != Some(&separator) {
            return None;
        }
        (number(0..4)?, number(5..7)?, number(8..10)?, 10)
    } else {
        (number(0..4)?, number(4..6)?, number(6..8)?, 8)
    };
    // "2024-03-045" or "202403041" are not days.
    if bytes.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Day::from_ymd(i32::try_from(year).ok()?, month, day).filter(|_| (1800..=2200).contains(&year))
}

/// A day in an address's path: `/2021/06/14/`, `/2021-06-14-`, `/20210614/`.
pub fn day_in_url(url: &str) -> Option<Day> {
    let path = url::Url::parse(url).map_or_else(|_| url.to_owned(), |url| url.path().to_owned());
    let bytes = path.as_bytes();
    (0..bytes.len()).find_map(|start| {
        if start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            return None;
        }
        if !bytes[start].is_ascii_digit() {
            return None;
        }
        let day = parse_day(&path[start..])?;
        // The date must stand as a path or slug part of its own.
        let written = if bytes.get(start + 4).is_some_and(u8::is_ascii_digit) {
            8
        } else {
            10
        };
        let after = bytes.get(start + written);
        after
            .is_none_or(|b| !b.is_ascii_alphanumeric())
            .then_some(day)
    })
}

/// Whitespace collapsed, ends trimmed.
pub(super) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// " | Site", " - Site", " — Site" taken off a title that ends with the
/// site's name.
fn without_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site.filter(|site| !site.is_empty()) {
        for separator in [" | ", " - ", " — ", " – ", " :: ", " · "] {
            if let Some(head) = title
                .strip_suffix(site)
                .and_then(|head| head.strip_suffix(separator))
            {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// The page's `<h1>` when a title is that headline with a section or site
/// after it ("Headline | India News", "Headline – Site – 05/05/2023").
fn headline_without_suffix(title: String, h1: Option<&str>) -> String {
    let Some(h1) = h1.filter(|h1| h1.split_whitespace().count() >= 3) else {
        return title;
    };
    let rest = title.strip_prefix(h1).map(str::trim_start);
    match rest {
        Some(rest) if rest.starts_with(['|', '–', '—', '-', ':', '·']) => h1.to_owned(),
        _ => title,
    }
}

/// The site name at the end of a document title ("Headline | Site").
fn title_suffix(title: &str) -> Option<String> {
    [" | ", " — ", " – ", " - "].iter().find_map(|separator| {
        let (_, site) = title.rsplit_once(separator)?;
        let site = site.trim();
        (!site.is_empty() && site.split_whitespace().count() <= 8).then(|| site.to_owned())
    })
}

/// The host of an address, without `www.`.
fn host_of(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_owned();
    Some(
        host.strip_prefix("www.")
            .map_or(host.clone(), str::to_owned),
    )
}

fn absolute(href: &str, base: Option<&url::Url>) -> Option<String> {
    let href = href.trim();
    match base {
        Some(base) => base.join(href).ok().map(|url| url.to_string()),
        None => url::Url::parse(href).ok().map(|url| url.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str, url: Option<&str>) -> PageMeta {
        read_meta(&Document::parse(html), url)
    }

    fn day(y: i32, m: u32, d: u32) -> Option<Day> {
        Day::from_ymd(y, m, d)
    }

    #[test]
    fn machine_dates_give_the_day_as_written() {
        assert_eq!(parse_day("2024-03-04T23:12:00-05:00"), day(2024, 3, 4));
        assert_eq!(parse_day(" 2023-10-18 21:04:33"), day(2023, 10, 18));
        assert_eq!(parse_day("2024/03/04"), day(2024, 3, 4));
        assert_eq!(parse_day("20240304"), day(2024, 3, 4));
        for wrong in [
            "2024-13-01",
            "2024-02-30",
            "March 4, 2024",
            "1234567890",
            "2024-3-4",
            "",
        ] {
            assert_eq!(parse_day(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn days_in_addresses_stand_as_path_parts() {
        assert_eq!(
            day_in_url("https://example.org/2021/06/14/world/visit.html"),
            day(2021, 6, 14)
        );
        assert_eq!(
            day_in_url("https://example.org/news/2021-06-14-lavrov-visit"),
            day(2021, 6, 14)
        );
        assert_eq!(
            day_in_url("https://example.org/a/20210614/visit.html"),
            day(2021, 6, 14)
        );
        assert_eq!(day_in_url("https://example.org/story/123202106145/"), None);
        assert_eq!(
            day_in_url("https://example.org/world/visit?date=2021-06-14"),
            None,
            "the query is not the path"
        );
    }

    #[test]
    fn meta_beats_json_ld_beats_time_beats_the_address() {
        let page = |head: &str, body: &str| {
            format!(
                "<html lang=\"en\"><head>{head}</head><body><article>{body}<p>Text.</p></article></body></html>"
            )
        };
        let meta = r#"<meta property="article:published_time" content="2024-03-04T08:12:00Z">
            <meta property="article:modified_time" content="2024-03-09T08:12:00Z">"#;
        let ld = r#"<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "W"}, {"@type": "NewsArticle", "datePublished": "2024-03-05T07:00:00+02:00", "headline": "LD headline", "publisher": {"@type": "Organization", "name": "LD News"}}]}</script>"#;
        let time = r#"<time datetime="2024-03-06T10:30:00-05:00">March 6</time>"#;
        let canonical = r#"<link rel="canonical" href="/2024/03/07/world/story.html">"#;
        let url = Some("https://example.org/amp/story");

        let all = meta_of(&page(&format!("{meta}{ld}{canonical}"), time), url);
        assert_eq!(
            all.published,
            Some((Day::from_ymd(2024, 3, 4).unwrap(), DateSource::Meta))
        );
        let no_meta = meta_of(&page(&format!("{ld}{canonical}"), time), url);
        assert_eq!(
            no_meta.published,
            Some((Day::from_ymd(2024, 3, 5).unwrap(), DateSource::JsonLd))
        );
        assert_eq!(no_meta.title.as_deref(), Some("LD headline"));
        assert_eq!(no_meta.publisher.as_deref(), Some("LD News"));
        let time_only = meta_of(&page(canonical, time), url);
        assert_eq!(
            time_only.published,
            Some((Day::from_ymd(2024, 3, 6).unwrap(), DateSource::TimeElement))
        );
        let address_only = meta_of(&page(canonical, ""), url);
        assert_eq!(
            address_only.published,
            Some((Day::from_ymd(2024, 3, 7).unwrap(), DateSource::Url))
        );
        assert_eq!(
            address_only.url.as_deref(),
            Some("https://example.org/2024/03/07/world/story.html")
        );
        assert_eq!(meta_of(&page("", ""), None).published, None);
    }

    #[test]
    fn written_days_are_read_in_either_order() {
        assert_eq!(
            written_day("Posted on: Tuesday, 03 March 2020"),
            day(2020, 3, 3)
        );
        assert_eq!(
            written_day("Published: 12 Jan 2024, 06:45 PM"),
            day(2024, 1, 12)
        );
        assert_eq!(written_day("By Jane Roe | Sept. 5, 2023"), day(2023, 9, 5));
        assert_eq!(written_day("Updated 2023-11-14 10:30"), day(2023, 11, 14));
        assert_eq!(written_day("Marches in May drew crowds"), None);
        assert_eq!(written_day("31 February 2020"), None);
    }

    #[test]
    fn an_update_stamp_never_dates_a_page() {
        let html = r#"<html><body><span class="updated">Updated 14 March 2024</span>
            <div class="candidate-list">Candidates of 2 May 2019</div></body></html>"#;
        assert_eq!(meta_of(html, None).published, None);
        let compound = r#"<html><body><div class="postdate">Posted on: Tuesday, 03 March 2020</div></body></html>"#;
        assert_eq!(
            meta_of(compound, None).published.map(|(d, _)| d),
            day(2020, 3, 3)
        );
    }

    #[test]
    fn a_byline_date_is_read_when_nothing_else_dates_the_page() {
        let html = r#"<html><body><div class="post-meta">Posted on: Tuesday, 03 March 2020</div>
            <p>The summit of 12 May 2019 was recalled.</p></body></html>"#;
        assert_eq!(
            meta_of(html, None).published,
            Some((Day::from_ymd(2020, 3, 3).unwrap(), DateSource::Text))
        );
        let story_only = r#"<html><body><p class="lead">The summit of 12 May 2019 was recalled.</p></body></html>"#;
        assert_eq!(meta_of(story_only, None).published, None);
    }

    #[test]
    fn a_marked_time_beats_the_sidebars_times() {
        let html = r#"<html><body><aside><time datetime="2020-01-01">old</time></aside>
            <div class="byline"><time class="published-date" datetime="2023-11-14">Nov 14</time></div></body></html>"#;
        assert_eq!(
            meta_of(html, None).published.map(|(d, _)| d),
            day(2023, 11, 14)
        );
        let html = r#"<html><body><aside><time datetime="2020-01-01">old</time></aside>
            <article><time datetime="2023-11-15">Nov 15</time></article></body></html>"#;
        assert_eq!(
            meta_of(html, None).published.map(|(d, _)| d),
            day(2023, 11, 15)
        );
    }

    #[test]
    fn title_publisher_and_language_come_from_the_best_tag() {
        let html = r#"<html lang="en-GB"><head><title>Modi lands in Washington | The Daily Example</title>
            <meta property="og:title" content="Modi lands in Washington | The Daily Example">
            <meta property="og:site_name" content="The Daily Example"></head><body></body></html>"#;
        let meta = meta_of(html, Some("https://www.example.org/a"));
        assert_eq!(meta.title.as_deref(), Some("Modi lands in Washington"));
        assert_eq!(meta.publisher.as_deref(), Some("The Daily Example"));
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
        assert_eq!(meta.url.as_deref(), Some("https://www.example.org/a"));

        let bare = meta_of(
            "<html><head><title>Lavrov in Pyongyang - Wire Today</title></head><body><h1>Lavrov in Pyongyang</h1></body></html>",
            Some("https://www.wire.example/x"),
        );
        assert_eq!(bare.title.as_deref(), Some("Lavrov in Pyongyang"));
        assert_eq!(bare.publisher.as_deref(), Some("Wire Today"));
        let hostonly = meta_of(
            "<html><body><h1>Headline</h1></body></html>",
            Some("https://www.wire.example/x"),
        );
        assert_eq!(hostonly.publisher.as_deref(), Some("wire.example"));
    }
}
