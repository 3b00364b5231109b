//! `legation extract`: news articles to one `legation/1` dataset on stdout,
//! with what the reader should know (where dates came from) on stderr.

use std::path::{Path, PathBuf};

use legation::extract::{ArticleOptions, Extraction, extract_article, merge, read_article};
use legation::gazetteer::Gazetteer;
use legation::model::{Day, validate};
use legation::untrusted::visible_line;

use super::Exit;

/// Arguments of `legation extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The publication date, for relative dates ("on Tuesday"); found in the
    /// text (a "Published ..." line, a dateline) when not given.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_day)]
    date: Option<Day>,

    /// The headline; the first line of each article when not given.
    #[arg(long, value_name = "T")]
    title: Option<String>,

    /// Where the article was published.
    #[arg(long, value_name = "U")]
    url: Option<String>,

    /// Who published it.
    #[arg(long, value_name = "P")]
    publisher: Option<String>,

    /// The articles: plain UTF-8 text, headline on the first line.
    #[arg(value_name = "ARTICLE", required = true)]
    articles: Vec<PathBuf>,
}

/// Reads every article (all must be readable), extracts each, and prints
/// one dataset; notes go to stderr. An article that is empty or not UTF-8
/// text is still read as far as it goes, but makes the exit
/// [`Exit::Invalid`], so that scripts notice.
pub fn run(args: &ExtractArgs) -> Exit {
    let mut texts = Vec::with_capacity(args.articles.len());
    let mut unreadable = false;
    let mut invalid = false;
    for path in &args.articles {
        match read_article(path) {
            Ok((text, note)) => {
                if let Some(note) = note {
                    eprintln!("{}: {note}; save it as UTF-8 text", path.display());
                    invalid = true;
                }
                if text.trim().is_empty() {
                    eprintln!(
                        "{}: the article is empty; nothing to extract (is it the right file?)",
                        path.display()
                    );
                    invalid = true;
                }
                texts.push((path, text));
            }
            Err(err) => {
                eprintln!("legation: {err}");
                unreadable = true;
            }
        }
    }
    if unreadable {
        return Exit::Unreadable;
    }
    let gazetteer = Gazetteer::bundled();
    let extractions: Vec<Extraction> = texts
        .iter()
        .map(|(path, text)| {
            let options = ArticleOptions {
                id: Some(source_id(path)),
                title: args.title.clone(),
                url: args.url.clone(),
                publisher: args.publisher.clone(),
                published: args.date,
            };
            let extraction = extract_article(text, &options, gazetteer);
            for note in &extraction.notes {
                eprintln!("{}", visible_line(&format!("{}: {note}", path.display())));
            }
            eprintln!(
                "{}: {} visits, {} events",
                path.display(),
                extraction.visits.len(),
                extraction.events.len()
            );
            extraction
        })
        .collect();
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

/// A source id from a file name: its stem, in lowercase words and hyphens.
fn source_id(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-').to_owned();
    if id.is_empty() {
        "article".to_owned()
    } else {
        id
    }
}
