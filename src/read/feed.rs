//! Feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed) to the articles they link,
//! through `feed-rs`: each item's link, title and date.

use crate::model::Day;

/// One item of a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    /// The article's address, made absolute against the feed's.
    pub link: Option<String>,
    /// The item's title.
    pub title: Option<String>,
    /// When the item was published (or last updated), as the feed says.
    pub published: Option<Day>,
}

/// Whether a body is a feed: by its media type, else by its first markup.
pub fn looks_like_feed(body: &[u8], media_type: Option<&str>) -> bool {
    if let Some(media) = media_type
        && matches!(
            media,
            "application/rss+xml"
                | "application/atom+xml"
                | "application/rdf+xml"
                | "application/feed+json"
        )
    {
        return true;
    }
    let head = &body[..body.len().min(2048)];
    let head = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .trim_ascii_start();
    if head.starts_with(b"{") {
        return memchr::memmem::find(head, b"jsonfeed.org/version").is_some();
    }
    if !head.starts_with(b"<") {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    let before_html = memchr::memmem::find(&lower, b"<html").unwrap_or(lower.len());
    [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
        .iter()
        .any(|tag| memchr::memmem::find(&lower[..before_html], tag).is_some())
}

/// The items of a feed, in the feed's order. `base` is the feed's own
/// address, against which relative links are resolved.
///
/// # Errors
/// A sentence on what is wrong with the feed.
pub fn parse_feed(body: &[u8], base: Option<&str>) -> Result<Vec<FeedItem>, String> {
    let parser = feed_rs::parser::Builder::new().base_uri(base).build();
    let feed = parser
        .parse(body)
        .map_err(|err| format!("not a feed this reader understands ({err})"))?;
    let base = base.and_then(|base| url::Url::parse(base).ok());
    Ok(feed
        .entries
        .into_iter()
        .map(|entry| {
            let link = entry
                .links
                .iter()
                .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
                .or_else(|| entry.links.first())
                .map(|link| absolute(&link.href, base.as_ref()))
                // RSS items often carry their address only as a `guid`.
                .or_else(|| entry.id.starts_with("http").then(|| entry.id.clone()));
            let published = entry
                .published
                .or(entry.updated)
                .and_then(|time| super::meta::parse_day(&time.date_naive().to_string()));
            FeedItem {
                link,
                title: entry.title.map(|title| title.content.trim().to_owned()),
                published,
            }
        })
        .collect())
}

fn absolute(href: &str, base: Option<&url::Url>) -> String {
    base.and_then(|base| base.join(href.trim()).ok())
        .map_or_else(|| href.trim().to_owned(), |url| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>http://example.org/</link>
<item><title>Lavrov arrives in Pyongyang</title><link>/world/lavrov.html</link>
<pubDate>Tue, 25 Jul 2023 09:00:00 GMT</pubDate></item>
<item><title>Guid only</title><guid>http://example.org/guid.html</guid></item>
</channel></rss>"#;

    #[test]
    fn rss_items_give_absolute_links_titles_and_days() {
        assert!(looks_like_feed(RSS.as_bytes(), Some("text/xml")));
        let items = parse_feed(RSS.as_bytes(), Some("http://example.org/feeds/world.xml")).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].link.as_deref(),
            Some("http://example.org/world/lavrov.html")
        );
        assert_eq!(
            items[0].title.as_deref(),
            Some("Lavrov arrives in Pyongyang")
        );
        assert_eq!(items[0].published, Day::from_ymd(2023, 7, 25));
        assert_eq!(
            items[1].link.as_deref(),
            Some("http://example.org/guid.html")
        );
    }

    #[test]
    fn atom_rdf_and_json_feeds_are_read() {
        let atom = r#"<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title>One</title><id>urn:1</id><link rel="alternate" href="https://example.org/one"/><published>2024-01-02T08:00:00Z</published><updated>2024-01-03T08:00:00Z</updated></entry></feed>"#;
        let rdf = r#"<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>R</title><link>https://example.org/</link><description>d</description></channel>
<item rdf:about="https://example.org/two"><title>Two</title><link>https://example.org/two</link><dc:date>2024-02-03</dc:date></item></rdf:RDF>"#;
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "3", "url": "https://example.org/three", "title": "Three", "date_published": "2024-03-04T10:00:00Z"}]}"#;
        for (feed, link, day) in [
            (atom, "https://example.org/one", (2024, 1, 2)),
            (rdf, "https://example.org/two", (2024, 2, 3)),
            (json, "https://example.org/three", (2024, 3, 4)),
        ] {
            assert!(looks_like_feed(feed.as_bytes(), None), "{feed}");
            let items = parse_feed(feed.as_bytes(), None).unwrap();
            assert_eq!(items.len(), 1, "{feed}");
            assert_eq!(items[0].link.as_deref(), Some(link));
            assert_eq!(
                items[0].published,
                Day::from_ymd(day.0, day.1, day.2),
                "{link}"
            );
        }
    }

    #[test]
    fn pages_and_json_datasets_are_not_feeds() {
        assert!(!looks_like_feed(b"<!DOCTYPE html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head>", None));
        assert!(!looks_like_feed(
            br#"{"format": "legation/1", "visits": []}"#,
            None
        ));
        assert!(!looks_like_feed(
            b"Plain text that mentions <rss> later.",
            None
        ));
        let err = parse_feed(b"<html><body><p>No feed.</p></body></html>", None).unwrap_err();
        assert!(err.contains("not a feed"), "{err}");
    }
}
