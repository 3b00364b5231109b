//! What `read` and `extract` share: how the web is fetched, and how an
//! article's publication date is settled.

use legation::extract::publication_in_text;
use legation::model::Day;
use legation::read::{Article, DateSource, FetchOptions, Reader};

/// Arguments for reading from the web.
#[derive(Debug, clap::Args)]
pub struct WebArgs {
    /// Read addresses only from the cache of pages fetched before, never
    /// from the network.
    #[arg(long)]
    offline: bool,

    /// Fetch pages again even when the cache has them (feeds are always
    /// fetched again).
    #[arg(long, conflicts_with = "offline")]
    refresh: bool,

    /// Give up on an address after this many seconds (connecting gets at
    /// most 10).
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
}

impl WebArgs {
    /// A reader set up by these arguments.
    pub fn reader(&self) -> Reader {
        let defaults = FetchOptions::default();
        let timeout = std::time::Duration::from_secs(self.timeout);
        Reader::new(FetchOptions {
            offline: self.offline,
            refresh: self.refresh,
            timeout,
            connect_timeout: defaults.connect_timeout.min(timeout),
            ..defaults
        })
    }
}

/// The article's publication day and where it came from: the one `given`,
/// else the page's or feed's, else the text's own dateline or date line.
pub fn settle_date(article: &mut Article, given: Option<Day>) {
    if let Some(day) = given {
        article.published = Some(day);
        article.published_from = Some(DateSource::Given);
    } else if article.published.is_none()
        && let Some((day, from)) = publication_in_text(&article.text)
    {
        article.published = Some(day);
        article.published_from = Some(from);
    }
}
