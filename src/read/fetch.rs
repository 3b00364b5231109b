//! Fetching pages and feeds over HTTP, done the way a polite, careful
//! client does it: only `http`/`https`, a 10 s connect and 30 s whole-request
//! timeout, at most 10 redirects, bodies capped at 20 MB, gzip and brotli,
//! an identifying User-Agent; and an on-disk cache, so that reading an
//! article again is offline and gives the same text.
//!
//! `ureq` rather than the `reqwest` that the map's tiles use: reading is
//! synchronous work on the caller's thread (a loading thread in the app, the
//! main thread in the CLI), which `ureq` does without an async runtime, and
//! it is also built without the app (`--no-default-features`).

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use ureq::ResponseExt as _;

/// How a fetch is set up. [`FetchOptions::default`] is what the CLI and the
/// app use.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// Where fetched pages are kept (`<cache>/pages`); none: no cache.
    pub cache_dir: Option<PathBuf>,
    /// Read only the cache, never the network.
    pub offline: bool,
    /// Fetch pages again even when the cache has them.
    pub refresh: bool,
    /// How long connecting may take.
    pub connect_timeout: Duration,
    /// How long a whole request may take, redirects and body included.
    pub timeout: Duration,
    /// The most redirects followed.
    pub max_redirects: u32,
    /// The biggest body read, in bytes.
    pub max_body_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        Self {
            cache_dir: default_cache_dir(),
            offline: false,
            refresh: false,
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_redirects: 10,
            max_body_bytes: 20 * 1024 * 1024,
        }
    }
}

/// The platform's cache folder for Legation (`~/.cache/legation` on Linux),
/// the one the map's tiles are kept in too.
pub fn default_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Legation", "legation")
        .map(|dirs| dirs.cache_dir().to_owned())
}

/// Whether a cached copy may stand for the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// An article page: it does not change, so the cached copy is read
    /// first (reproducible, and no second request to the site).
    Page,
    /// A feed: it lists what is new, so it is always fetched, and the
    /// cached copy read only offline.
    Feed,
}

/// A body fetched, or read back from the cache.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetched {
    /// The address asked for.
    pub url: String,
    /// The address it came from, after redirects.
    pub final_url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// Whether it came from the cache.
    pub from_cache: bool,
}

impl Fetched {
    /// The charset the `Content-Type` header names, if any.
    pub fn header_charset(&self) -> Option<&str> {
        let content_type = self.content_type.as_deref()?;
        content_type.split(';').skip(1).find_map(|param| {
            let (name, value) = param.split_once('=')?;
            name.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| value.trim().trim_matches('"'))
        })
    }

    /// The media type of the `Content-Type` header, lowercase, without
    /// parameters.
    pub fn media_type(&self) -> Option<String> {
        let content_type = self.content_type.as_deref()?;
        let media = content_type.split(';').next()?.trim().to_ascii_lowercase();
        (!media.is_empty()).then_some(media)
    }
}

/// Fetches bodies: one agent (its connections reused) and the cache.
#[derive(Clone, Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    options: FetchOptions,
}

impl Fetcher {
    /// A fetcher set up by `options`.
    pub fn new(options: FetchOptions) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(options.connect_timeout))
            .timeout_global(Some(options.timeout))
            .max_redirects(options.max_redirects)
            .http_status_as_error(false)
            .user_agent(concat!(
                "Legation/",
                env!("CARGO_PKG_VERSION"),
                " (news reader of a desktop map of diplomatic visits)"
            ))
            .accept(
                "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
                 application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            )
            .build();
        Self {
            agent: config.into(),
            options,
        }
    }

    /// The options it was made with.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// The body at `url`: from the cache when `freshness` allows, else from
    /// the network (then kept in the cache).
    ///
    /// # Errors
    /// A [`FetchError`] naming what went wrong and what to do.
    pub fn fetch(&self, url: &str, freshness: Freshness) -> Result<Fetched, FetchError> {
        check_scheme(url)?;
        let cached = self
            .options
            .cache_dir
            .as_deref()
            .map(|dir| CacheEntry::path(dir, url));
        let cache_first =
            self.options.offline || (freshness == Freshness::Page && !self.options.refresh);
        if cache_first
            && let Some(fetched) = cached
                .as_deref()
                .and_then(|path| CacheEntry::read(path, url))
        {
            return Ok(fetched);
        }
        if self.options.offline {
            return Err(FetchError::NotCached);
        }
        let fetched = self.fetch_online(url)?;
        if let Some(path) = cached {
            // The cache only saves a second request: a page that cannot be
            // kept (a full disk, a read-only folder) is still read.
            let _ = CacheEntry::write(&path, &fetched);
        }
        Ok(fetched)
    }

    fn fetch_online(&self, url: &str) -> Result<Fetched, FetchError> {
        let mut response = self
            .agent
            .get(url)
            .call()
            .map_err(|err| FetchError::from_ureq(err, &self.options))?;
        let final_url = response.get_uri().to_string();
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status {
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_owned(),
            });
        }
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let body = response
            .body_mut()
            .with_config()
            .limit(self.options.max_body_bytes)
            .read_to_vec()
            .map_err(|err| FetchError::from_ureq(err, &self.options))?;
        Ok(Fetched {
            url: url.to_owned(),
            final_url,
            content_type,
            body,
            from_cache: false,
        })
    }
}

/// Only web addresses are fetched: `file:`, `ftp:` or a typo would
/// otherwise reach ureq as a confusing "bad uri".
fn check_scheme(url: &str) -> Result<(), FetchError> {
    if super::is_web_address(url) {
        Ok(())
    } else {
        Err(FetchError::Scheme)
    }
}

/// Why a fetch failed. Shown after the address, as `https://...: why`.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an `http`/`https` address.
    #[error(
        "only http:// and https:// addresses can be read; for a file on this computer give its path"
    )]
    Scheme,
    /// Offline, and not in the cache.
    #[error("not in the cache, and --offline forbids fetching it; read it once without --offline")]
    NotCached,
    /// The host name does not resolve.
    #[error("host not found: check the address, or your network")]
    HostNotFound,
    /// No connection could be made.
    #[error(
        "cannot connect ({0}): check the address, or your network; --offline reads what was fetched before"
    )]
    Connect(String),
    /// A timeout ran out.
    #[error(
        "no complete answer within {0} s (the server hangs or is too slow); try again later, or save the page from your browser and open the .html"
    )]
    Timeout(u64),
    /// More redirects than allowed.
    #[error(
        "more than {0} redirects (a redirect loop?); open the address in a browser and give the one it ends at"
    )]
    Redirects(u32),
    /// A body over the cap.
    #[error("bigger than {0} MB, which no article page is; save the article's text and open that")]
    TooBig(u64),
    /// The server answered with an error status.
    #[error("{}", status_message(*.code, .reason))]
    Status {
        /// The HTTP status code.
        code: u16,
        /// Its reason phrase.
        reason: String,
    },
    /// Anything else the connection did wrong.
    #[error(
        "the transfer failed ({0}); try again, or save the page from your browser and open the .html"
    )]
    Transfer(String),
}

fn status_message(code: u16, reason: &str) -> String {
    let what = match code {
        401 | 403 => {
            "the site refuses to serve it (a login or paywall?); save the page from your browser and open the .html"
        }
        404 | 410 => "the page is not there; check the link",
        429 => "the site asks for fewer requests; try again later",
        500..=599 => "the site failed; try again later",
        _ => "the site did not serve the page",
    };
    format!("HTTP {code} {reason}: {what}").replace("  ", " ")
}

impl FetchError {
    fn from_ureq(err: ureq::Error, options: &FetchOptions) -> Self {
        match err {
            ureq::Error::Timeout(which) => {
                let limit = match which {
                    ureq::Timeout::Connect => options.connect_timeout,
                    _ => options.timeout,
                };
                Self::Timeout(limit.as_secs())
            }
            ureq::Error::HostNotFound => Self::HostNotFound,
            ureq::Error::TooManyRedirects => Self::Redirects(options.max_redirects),
            ureq::Error::BodyExceedsLimit(_) => {
                Self::TooBig(options.max_body_bytes / (1024 * 1024))
            }
            ureq::Error::BadUri(uri) => Self::Transfer(format!("bad address: {uri}")),
            ureq::Error::ConnectionFailed => Self::Connect("connection failed".to_owned()),
            ureq::Error::Io(io) if is_connect_error(&io) => Self::Connect(io.to_string()),
            ureq::Error::Io(io) if io.kind() == io::ErrorKind::TimedOut => {
                Self::Timeout(options.timeout.as_secs())
            }
            other => Self::Transfer(other.to_string()),
        }
    }
}

fn is_connect_error(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::HostUnreachable
            | io::ErrorKind::NetworkUnreachable
            | io::ErrorKind::AddrNotAvailable
    )
}

/// One cached response: a small JSON file of what the response was, beside
/// its body.
#[derive(Debug, Serialize, Deserialize)]
struct CacheEntry {
    url: String,
    final_url: String,
    content_type: Option<String>,
    fetched_unix_secs: u64,
}

impl CacheEntry {
    /// The cache path of `url`, without extension: a stable hash of the
    /// address (FNV-1a, the same in every build).
    fn path(dir: &Path, url: &str) -> PathBuf {
        let hash = url.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
        dir.join("pages").join(format!("{hash:016x}"))
    }

    fn read(path: &Path, url: &str) -> Option<Fetched> {
        let meta = std::fs::read(path.with_extension("json")).ok()?;
        let entry: Self = serde_json::from_slice(&meta).ok()?;
        // Two addresses with one hash: this is the other one's page.
        if entry.url != url {
            return None;
        }
        let body = std::fs::read(path.with_extension("body")).ok()?;
        Some(Fetched {
            url: entry.url,
            final_url: entry.final_url,
            content_type: entry.content_type,
            body,
            from_cache: true,
        })
    }

    /// Writes the body, then the entry that points at it, each atomically:
    /// an entry is never read beside a half-written body.
    fn write(path: &Path, fetched: &Fetched) -> io::Result<()> {
        use std::io::Write as _;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::save::write_atomically(&path.with_extension("body"), |out| {
            out.write_all(&fetched.body)
        })?;
        let entry = Self {
            url: fetched.url.clone(),
            final_url: fetched.final_url.clone(),
            content_type: fetched.content_type.clone(),
            fetched_unix_secs: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        };
        crate::save::write_atomically(&path.with_extension("json"), |out| {
            serde_json::to_writer_pretty(&mut *out, &entry).map_err(io::Error::other)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_fetched() {
        let fetcher = Fetcher::new(FetchOptions {
            cache_dir: None,
            ..FetchOptions::default()
        });
        for url in [
            "file:///etc/passwd",
            "ftp://example.org/a",
            "example.org/page",
            "javascript:alert(1)",
        ] {
            let err = fetcher.fetch(url, Freshness::Page).expect_err(url);
            assert!(matches!(err, FetchError::Scheme), "{url}: {err}");
        }
    }

    #[test]
    fn offline_without_a_cached_copy_says_so() {
        let dir =
            std::env::temp_dir().join(format!("legation-fetch-offline-{}", std::process::id()));
        let fetcher = Fetcher::new(FetchOptions {
            cache_dir: Some(dir.clone()),
            offline: true,
            ..FetchOptions::default()
        });
        let err = fetcher
            .fetch("https://example.org/never", Freshness::Page)
            .expect_err("not cached");
        assert!(matches!(err, FetchError::NotCached));
        assert!(err.to_string().contains("--offline"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn header_charset_and_media_type_are_read_from_content_type() {
        let fetched = Fetched {
            url: String::new(),
            final_url: String::new(),
            content_type: Some("Text/HTML; Charset=\"windows-1251\"".to_owned()),
            body: Vec::new(),
            from_cache: false,
        };
        assert_eq!(fetched.header_charset(), Some("windows-1251"));
        assert_eq!(fetched.media_type().as_deref(), Some("text/html"));
    }
}
