//! Reading the web as users do, against a real HTTP server on 127.0.0.1:
//! pages with boilerplate, feeds, redirects, legacy charsets, and every way
//! a fetch goes wrong (404, PDF, a server that hangs, a body too big, a
//! redirect loop), each named with its address while the rest still read.

mod run_support;
mod web_support;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use legation::model::parse_dataset;
use run_support::{command, fixture, stderr, stdout, temp_path};
use serde_json::Value;
use web_support::{Reply, Server};

fn page(name: &str) -> Vec<u8> {
    std::fs::read(fixture(&format!("web/{name}"))).expect("a fixture page")
}

fn html(name: &str) -> Reply {
    Reply::ok("text/html; charset=utf-8", page(name))
}

/// A cache folder of this test's own, so that tests neither share pages
/// nor touch the user's.
fn cache(name: &str) -> PathBuf {
    let dir = temp_path(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// Runs `legation` with its cache in `cache`.
fn legation_cached(cache: &Path, args: &[&str]) -> Output {
    command(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("the legation binary runs")
}

/// The JSON lines `legation read --json` printed.
fn articles(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

fn rss(items: &[(&str, &str)]) -> Vec<u8> {
    let items: String = items.iter().fold(String::new(), |mut out, (title, link)| {
        let _ = write!(out, "<item><title>{title}</title><link>{link}</link><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>");
        out
    });
    format!(r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>World</title><link>http://example.org/</link><description>d</description>{items}</channel></rss>"#).into_bytes()
}

#[test]
fn a_news_page_reads_as_its_article_with_title_and_date() {
    let server = Server::start(vec![(
        "/world/boric-india",
        html("wire-reuters-style.html"),
    )]);
    let url = server.url("/world/boric-india");
    let output = legation_cached(&cache("page"), &["read", "--json", &url]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let articles = articles(&output);
    assert_eq!(articles.len(), 1);
    let article = &articles[0];
    assert_eq!(article["input"], url.as_str());
    assert_eq!(
        article["title"],
        "Chile's Boric arrives in India seeking lithium and trade deals"
    );
    assert_eq!(article["published"], "2024-03-04");
    assert_eq!(article["published_from"], "meta");
    assert_eq!(article["publisher"], "Reuters");
    let text = article["text"].as_str().unwrap();
    assert!(text.contains("NEW DELHI, March 4 (Reuters)"), "{text}");
    for boilerplate in ["Accept all", "We use cookies", "Privacy"] {
        assert!(
            !text.contains(boilerplate),
            "{boilerplate} kept in:\n{text}"
        );
    }
    let agents = server.user_agents();
    assert!(
        agents.iter().all(|agent| agent.starts_with("Legation/")),
        "{agents:?}"
    );
}

#[test]
fn a_feed_extracts_every_linked_article_with_its_pages_date() {
    let server = Server::start(vec![
        ("/a.html", html("wire-reuters-style.html")),
        ("/b.html", html("yonhap-style.html")),
        ("/c.html", html("ap-style.html")),
    ]);
    let feed = rss(&[
        ("A", &server.url("/a.html")),
        ("B", "/b.html"),
        ("C", &server.url("/c.html")),
    ]);
    let server_with_feed = Server::start(vec![
        ("/feed.xml", Reply::ok("application/rss+xml", feed)),
        ("/b.html", html("yonhap-style.html")),
    ]);
    let output = legation_cached(
        &cache("feed"),
        &["extract", &server_with_feed.url("/feed.xml")],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = parse_dataset(&output.stdout).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let published: Vec<String> = loaded
        .dataset
        .sources
        .iter()
        .map(|s| s.published.unwrap().to_string())
        .collect();
    assert_eq!(
        published,
        ["2024-03-04", "2023-09-05", "2023-11-14"],
        "in the feed's order, dates from the pages"
    );
    assert!(
        stderr(&output).contains("from the page's meta tags"),
        "{}",
        stderr(&output)
    );
    assert!(
        loaded
            .dataset
            .visits
            .iter()
            .any(|v| v.to.country.map(|c| c.to_string()).as_deref() == Some("IN")),
        "Boric's visit to India"
    );
    // Each page was fetched once, and the relative link resolved against the feed.
    assert_eq!(
        (
            server.requests("/a.html"),
            server_with_feed.requests("/b.html"),
            server.requests("/c.html")
        ),
        (1, 1, 1)
    );
}

#[test]
fn a_bad_item_in_a_feed_is_named_and_the_rest_still_extract() {
    let feed = rss(&[("A", "/a.html"), ("Gone", "/gone.html"), ("C", "/c.html")]);
    let server = Server::start(vec![
        ("/feed.xml", Reply::ok("application/rss+xml", feed)),
        ("/a.html", html("wire-reuters-style.html")),
        ("/c.html", html("ap-style.html")),
    ]);
    let output = legation_cached(&cache("feed-bad"), &["extract", &server.url("/feed.xml")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let gone = server.url("/gone.html");
    assert!(
        stderr(&output).contains(&format!("{gone}: HTTP 404")),
        "{}",
        stderr(&output)
    );
    let loaded = parse_dataset(&output.stdout).unwrap();
    assert_eq!(loaded.dataset.sources.len(), 2);
}

#[test]
fn a_feed_linking_itself_reads_its_articles_once() {
    let feed = rss(&[("Itself", "/feed.xml"), ("A", "/a.html")]);
    let server = Server::start(vec![
        ("/feed.xml", Reply::ok("application/rss+xml", feed)),
        ("/a.html", html("ap-style.html")),
    ]);
    let output = legation_cached(
        &cache("feed-loop"),
        &["read", "--json", &server.url("/feed.xml")],
    );
    assert_eq!(output.status.code(), Some(1));
    let feed_url = server.url("/feed.xml");
    assert!(
        stderr(&output).contains(&format!("{feed_url}: links a feed, not an article")),
        "{}",
        stderr(&output)
    );
    assert_eq!(articles(&output).len(), 1);
    assert_eq!(
        server.requests("/feed.xml"),
        2,
        "the feed, then its item once"
    );
}

#[test]
fn a_feed_that_cannot_be_fetched_again_is_read_from_the_cache() {
    let cache = cache("feed-offline");
    let feed_url;
    {
        let server = Server::start(vec![
            (
                "/feed.xml",
                Reply::ok("application/rss+xml", rss(&[("A", "/a.html")])),
            ),
            ("/a.html", html("ap-style.html")),
        ]);
        feed_url = server.url("/feed.xml");
        let first = legation_cached(&cache, &["read", "--json", &feed_url]);
        assert_eq!(articles(&first).len(), 1, "{}", stderr(&first));
    }
    // The server is gone: the feed and its page come from the cache.
    let again = legation_cached(&cache, &["read", "--json", &feed_url]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(articles(&again).len(), 1);
    assert!(
        stderr(&again).contains("read from the cache"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn redirects_are_followed_to_the_page() {
    let server = Server::start(vec![
        ("/short", Reply::Redirect("/hop1".to_owned())),
        ("/hop1", Reply::Redirect("/hop2".to_owned())),
        (
            "/hop2",
            Reply::Redirect("/2021/06/14/world/story.html".to_owned()),
        ),
        (
            "/2021/06/14/world/story.html",
            html("nested-divs-no-article-tag.html"),
        ),
    ]);
    let output = legation_cached(
        &cache("redirects"),
        &["read", "--json", &server.url("/short")],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let article = &articles(&output)[0];
    // The page names no canonical address: the one it was served from is its address.
    assert_eq!(
        article["url"],
        server.url("/2021/06/14/world/story.html").as_str()
    );
    assert_eq!(
        article["title"],
        "EU leaders visit Greek border as migrants gather at Turkish frontier"
    );
}

#[test]
fn a_redirect_loop_gives_up_with_a_message() {
    let server = Server::start(vec![
        ("/a", Reply::Redirect("/b".to_owned())),
        ("/b", Reply::Redirect("/a".to_owned())),
    ]);
    let output = legation_cached(&cache("loop"), &["read", &server.url("/a")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("more than 10 redirects"),
        "{}",
        stderr(&output)
    );
    assert!(server.requests("/a") + server.requests("/b") <= 12);
}

#[test]
fn a_windows_1251_page_without_a_declared_charset_decodes() {
    let server = Server::start(vec![(
        "/ru",
        Reply::ok("text/html", page("cp1251-no-meta.html")),
    )]);
    let output = legation_cached(&cache("cp1251"), &["read", "--json", &server.url("/ru")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let article = &articles(&output)[0];
    assert_eq!(article["title"], "Лавров прибыл с визитом в ЮАР");
    assert_eq!(article["language"], "ru");
    let expected = std::fs::read_to_string(fixture("web/cp1251-no-meta.txt")).unwrap();
    let third_line = expected.lines().filter(|l| !l.is_empty()).nth(2).unwrap();
    assert!(
        article["text"].as_str().unwrap().contains(third_line),
        "{}",
        article["text"]
    );
    assert!(
        stderr(&output).contains("windows-1251 (detected)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn compressed_pages_are_read() {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gzip.write_all(&page("yonhap-style.html")).unwrap();
    let body = gzip.finish().unwrap();
    let server = Server::start(vec![(
        "/gz",
        Reply::Body {
            status: 200,
            headers: vec![
                (
                    "Content-Type".to_owned(),
                    "text/html; charset=utf-8".to_owned(),
                ),
                ("Content-Encoding".to_owned(), "gzip".to_owned()),
            ],
            body,
        },
    )]);
    let output = legation_cached(&cache("gzip"), &["read", "--json", &server.url("/gz")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        articles(&output)[0]["title"],
        "Yoon departs for Jakarta to attend ASEAN-related summits"
    );
}

#[test]
fn what_is_no_article_is_named_with_what_to_do() {
    let server = Server::start(vec![
        (
            "/report.pdf",
            Reply::ok("application/pdf", b"%PDF-1.7\n%binary".to_vec()),
        ),
        (
            "/photo",
            Reply::ok("image/jpeg", vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0]),
        ),
        ("/forbidden", Reply::status(403)),
        ("/ok", html("yonhap-style.html")),
    ]);
    let urls: Vec<String> = ["/report.pdf", "/photo", "/missing", "/forbidden", "/ok"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let mut args = vec!["read", "--json"];
    args.extend(urls.iter().map(String::as_str));
    let output = legation_cached(&cache("refused"), &args);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    for expected in [
        format!("{}: is a PDF: save its text and open that", urls[0]),
        format!("{}: is an image (image/jpeg), not an article", urls[1]),
        format!("{}: HTTP 404 Not Found: the page is not there", urls[2]),
        format!(
            "{}: HTTP 403 Forbidden: the site refuses to serve it",
            urls[3]
        ),
    ] {
        assert!(err.contains(&expected), "missing `{expected}` in:\n{err}");
    }
    let read = articles(&output);
    assert_eq!(read.len(), 1, "the good page still reads");
    assert_eq!(read[0]["input"], urls[4].as_str());
}

#[test]
fn a_hanging_server_fails_within_the_timeout_naming_the_address() {
    let server = Server::start(vec![
        ("/hang", Reply::Hang),
        ("/ok", html("yonhap-style.html")),
    ]);
    let (hang, ok) = (server.url("/hang"), server.url("/ok"));
    let started = Instant::now();
    // The default whole-request timeout, 30 s: what users get.
    let output = legation_cached(&cache("hang"), &["extract", &hang, &ok]);
    let took = started.elapsed();
    assert!(took < Duration::from_secs(40), "took {took:?}");
    assert!(
        took >= Duration::from_secs(29),
        "gave up after {took:?}, before the 30 s timeout"
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("{hang}: no complete answer within 30 s")),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        parse_dataset(&output.stdout).unwrap().dataset.sources.len(),
        1,
        "the other page still extracts"
    );
}

#[test]
fn an_unreachable_address_fails_at_once() {
    // A port that was just free: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/page");
    let started = Instant::now();
    let output = legation_cached(&cache("unreachable"), &["read", &url]);
    assert!(started.elapsed() < Duration::from_secs(12));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("{url}: cannot connect")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_body_over_20_mb_is_cut_off() {
    let server = Server::start(vec![("/huge", Reply::Huge(50 * 1024 * 1024))]);
    let output = legation_cached(&cache("huge"), &["read", &server.url("/huge")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("bigger than 20 MB"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_page_read_once_reads_again_offline_from_the_cache() {
    let cache = cache("offline");
    let url;
    {
        let server = Server::start(vec![("/story", html("ap-style.html"))]);
        url = server.url("/story");
        let first = legation_cached(&cache, &["read", "--json", &url]);
        assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
        // Read again online: the cached copy stands in, the site is not asked twice.
        let again = legation_cached(&cache, &["read", "--json", &url]);
        assert_eq!(articles(&again), articles(&first));
        assert_eq!(server.requests("/story"), 1);
    }
    let offline = legation_cached(&cache, &["read", "--json", "--offline", &url]);
    assert_eq!(offline.status.code(), Some(0), "{}", stderr(&offline));
    assert_eq!(
        articles(&offline)[0]["title"],
        "Biden and Indonesia’s Widodo upgrade ties as leaders discuss Gaza and South China Sea"
    );
    let never = legation_cached(
        &cache,
        &["read", "--offline", "http://127.0.0.1:9/never-fetched"],
    );
    assert_eq!(never.status.code(), Some(1));
    assert!(
        stderr(&never).contains("not in the cache"),
        "{}",
        stderr(&never)
    );
}

#[test]
fn only_web_addresses_are_fetched() {
    let output = legation_cached(&cache("scheme"), &["read", "ftp://127.0.0.1/file.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("only http:// and https:// addresses"),
        "{}",
        stderr(&output)
    );
}
