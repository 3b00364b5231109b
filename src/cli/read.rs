//! `legation read`: an article exactly as the extractor will see it, from
//! a text file, a saved page, an address or a feed.

use std::fmt::Write as _;
use std::io::Write as _;

use legation::model::Day;
use legation::read::{Article, DateSource, ReadError};
use legation::untrusted::{visible, visible_line};
use serde_json::json;

use super::Exit;
use super::web::{WebArgs, settle_date};

/// Arguments of `legation read`.
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// One JSON object per article, one per line: input, url, title,
    /// publisher, published, `published_from`, language, text.
    #[arg(long)]
    json: bool,

    /// The publication date, overriding what the page says.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_day)]
    date: Option<Day>,

    #[command(flatten)]
    web: WebArgs,

    /// Articles: `.txt` or `.html` files, `http(s)://` addresses, feeds
    /// (RSS, Atom, JSON Feed; files or addresses).
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<String>,
}

/// Reads every input and prints its articles; what failed goes to stderr
/// and makes the exit [`Exit::Invalid`] (a file that cannot be read:
/// [`Exit::Unreadable`]).
pub fn run(args: &ReadArgs) -> Exit {
    let reader = args.web.reader();
    let mut exit = Exit::Success;
    let mut stdout = std::io::stdout().lock();
    for result in reader.read_all(&args.inputs) {
        match result {
            Ok(mut article) => {
                settle_date(&mut article, args.date);
                for note in &article.notes {
                    eprintln!("{}", visible_line(&format!("{}: {note}", article.input)));
                }
                let shown = if args.json {
                    json_line(&article)
                } else {
                    readable(&article)
                };
                if writeln!(stdout, "{shown}").is_err() {
                    // A closed pipe (`| head`): nobody reads the rest.
                    return exit;
                }
            }
            Err(err) => {
                eprintln!("legation: {}", visible_line(&err.to_string()));
                let this = if matches!(err, ReadError::Unreadable { .. }) {
                    Exit::Unreadable
                } else {
                    Exit::Invalid
                };
                exit = exit.max(this);
            }
        }
    }
    exit
}

fn json_line(article: &Article) -> String {
    json!({
        "input": article.input,
        "url": article.url,
        "title": article.title,
        "publisher": article.publisher,
        "published": article.published.map(|day| day.to_string()),
        "published_from": article.published_from.map(DateSource::as_str),
        "language": article.language,
        "text": article.text,
    })
    .to_string()
}

fn readable(article: &Article) -> String {
    let unknown = "-";
    let published = match (article.published, article.published_from) {
        (Some(day), Some(from)) => format!("{day} (from {})", from.describe()),
        (Some(day), None) => day.to_string(),
        _ => "not found".to_owned(),
    };
    let header = [
        ("Input", Some(article.input.as_str())),
        ("Title", article.title.as_deref()),
        ("Publisher", article.publisher.as_deref()),
        ("URL", article.url.as_deref()),
        ("Published", Some(published.as_str())),
        ("Language", article.language.as_deref()),
    ];
    let mut out = String::new();
    for (name, value) in header {
        out.push_str(&visible_line(&format!(
            "{name:<10} {}",
            value.unwrap_or(unknown)
        )));
        out.push('\n');
    }
    let words = article.text.split_whitespace().count();
    let _ = write!(
        out,
        "{:<10} {words} words\n\n{}",
        "Text",
        visible(&article.text)
    );
    if !article.text.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("────────");
    out
}
