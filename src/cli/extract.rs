//! `legation extract`: news articles (text files, saved pages, addresses,
//! feeds) to one `legation/1` dataset on stdout, with what the reader
//! should know (where dates came from, what could not be read) on stderr.

use std::path::Path;

use legation::extract::{Extraction, extract_read, merge, source_id_for};
use legation::gazetteer::Gazetteer;
use legation::model::{Day, validate};
use legation::read::{Article, ReadError, is_web_address};
use legation::untrusted::visible_line;

use super::Exit;
use super::web::WebArgs;

/// Arguments of `legation extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The publication date, for relative dates ("on Tuesday"); read from
    /// the page (meta tags, JSON-LD, `<time>`, its address) or the text (a
    /// "Published ..." line, a dateline) when not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_day)]
    date: Option<Day>,

    /// The headline; the page's, or the first line of a text, when not given.
    #[arg(long, value_name = "T")]
    title: Option<String>,

    /// Where the article was published.
    #[arg(long, value_name = "U")]
    url: Option<String>,

    /// Who published it.
    #[arg(long, value_name = "P")]
    publisher: Option<String>,

    #[command(flatten)]
    web: WebArgs,

    /// The articles: `.txt` files (headline on the first line), saved `.html`
    /// pages, `http(s)://` addresses of pages, or feeds (RSS, Atom, JSON
    /// Feed; files or addresses), whose every linked article is read.
    #[arg(value_name = "ARTICLE", required = true)]
    articles: Vec<String>,
}

/// Reads every input, extracts each article, and prints one dataset; notes
/// go to stderr. A file that cannot be read stops everything
/// ([`Exit::Unreadable`], nothing printed: a mistyped path is no partial
/// dataset); a page or address that fails is named and the rest still
/// extract ([`Exit::Invalid`]), as does an empty article or a text with
/// bytes that are not UTF-8 (read with those replaced).
pub fn run(args: &ExtractArgs) -> Exit {
    // Files first: a mistyped path stops everything before any address is
    // fetched.
    let unreadable: Vec<ReadError> = args
        .articles
        .iter()
        .filter(|input| !is_web_address(input))
        .filter_map(|input| {
            let path = Path::new(input);
            std::fs::File::open(path)
                .err()
                .map(|source| ReadError::Unreadable {
                    path: path.to_owned(),
                    source,
                })
        })
        .collect();
    if !unreadable.is_empty() {
        for err in unreadable {
            eprintln!("legation: {}", visible_line(&err.to_string()));
        }
        return Exit::Unreadable;
    }
    let read = args.web.reader().read_each(&args.articles);
    let gazetteer = Gazetteer::bundled();
    let mut invalid = false;
    let mut extractions: Vec<Extraction> = Vec::new();
    for results in &read {
        let single = results.len() == 1;
        for result in results {
            match result {
                Ok(article) => {
                    invalid |= article.text.trim().is_empty() || article.lossy;
                    extractions.push(extract_one(args, article, single, gazetteer));
                }
                Err(err) => {
                    eprintln!("legation: {}", visible_line(&err.to_string()));
                    invalid = true;
                }
            }
        }
    }
    let dataset = merge(extractions);
    for problem in validate(&dataset) {
        eprintln!("legation: extract made an invalid dataset (a bug): {problem}");
    }
    println!("{}", dataset.to_json_pretty());
    if invalid {
        Exit::Invalid
    } else {
        Exit::Success
    }
}

/// Extracts one article, with the options given on the command line
/// winning over what the page says. A file read as one article names its
/// source after the file; pages of feeds and addresses after their title.
fn extract_one(
    args: &ExtractArgs,
    article: &Article,
    single: bool,
    gazetteer: &Gazetteer,
) -> Extraction {
    let mut article = article.clone();
    // A file is named by its path; a page of the web, or of a feed, by
    // its address.
    let label = match &article.url {
        Some(url) if !single || is_web_address(&article.input) => url.clone(),
        _ => article.input.clone(),
    };
    if article.text.trim().is_empty() {
        eprintln!("{label}: the article is empty; nothing to extract (is it the right file?)");
    }
    article.title = args.title.clone().or(article.title);
    article.url = args.url.clone().or(article.url);
    article.publisher = args.publisher.clone().or(article.publisher);
    let id = source_id_for(&article, single);
    let extraction = extract_read(&article, id, args.date, gazetteer);
    for note in &extraction.notes {
        eprintln!("{}", visible_line(&format!("{label}: {note}")));
    }
    eprintln!(
        "{}",
        visible_line(&format!(
            "{label}: {} visits, {} events",
            extraction.visits.len(),
            extraction.events.len()
        ))
    );
    extraction
}
