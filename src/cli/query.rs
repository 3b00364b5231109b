//! `legation query`: the app's query on the command line, over the same
//! files the app opens; the matching records as text, a `legation/1`
//! dataset or CSV rows, and the counts on stderr.

use std::io::Write;
use std::path::PathBuf;

use legation::edit::Record;
use legation::export::{self, Format, Selection};
use legation::gazetteer::Gazetteer;
use legation::model::{FuzzyDate, PlaceRef};
use legation::query::{Compiled, Query};
use legation::scene::TimeWindow;
use legation::untrusted::visible_line;
use legation::workspace::Workspace;

use super::Exit;

/// Arguments of `legation query`.
#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// The query: `from:RU to:KP,CN person:Shoigu kind:parade -is:reviewed
    /// "victory day"` (see the README).
    #[arg(long, short, value_name = "QUERY", default_value = "")]
    query: String,

    /// Only records in this window: a date (`2023`, `2023-07`) or
    /// `START/END`.
    #[arg(long, value_name = "DATE|START/END")]
    window: Option<FuzzyDate>,

    /// Print a `legation/1` dataset of the matching records and the sources
    /// they cite.
    #[arg(long, conflicts_with = "csv")]
    json: bool,

    /// Print one CSV row per matching record.
    #[arg(long)]
    csv: bool,

    /// The files, as the app opens them: datasets, imports, articles.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: &QueryArgs) -> Exit {
    let (compiled, workspace, exit) = match compile_and_open("query", &args.query, &args.files) {
        Ok(opened) => opened,
        Err(exit) => return exit,
    };
    let window = args.window.as_ref().map(TimeWindow::from);
    let selection = Selection::new(&workspace, Some(&compiled), window);
    let mut out = std::io::stdout().lock();
    let written = if args.json {
        export::write(Format::Legation, &selection, &mut out)
    } else if args.csv {
        export::write(Format::Csv, &selection, &mut out)
    } else {
        write_lines(&selection, &mut out)
    }
    .and_then(|()| out.flush());
    if let Err(error) = written {
        eprintln!("legation query: cannot write the results: {error}");
        return Exit::Unreadable;
    }
    let (visits, events) = selection.counts();
    let (all_visits, all_events): (usize, usize) = workspace
        .files
        .iter()
        .map(|file| (file.visit_count(), file.event_count()))
        .fold((0, 0), |(v, e), (fv, fe)| (v + fv, e + fe));
    eprintln!("{visits} of {all_visits} visits and {events} of {all_events} events match");
    exit
}

/// `query` compiled and `files` opened, as `legation query` and `legation
/// export` take them, with how the command is to end so far (a file that
/// cannot be read is said on stderr, the others are still used).
///
/// # Errors
/// A wrong query, said on stderr pointing at the word.
pub(super) fn compile_and_open(
    command: &str,
    query: &str,
    files: &[PathBuf],
) -> Result<(Compiled, Workspace, Exit), Exit> {
    let compiled = Query::parse(query)
        .and_then(|parsed| parsed.compile(Gazetteer::bundled()))
        .map_err(|error| {
            eprintln!("legation {command}: {}", error.pointed(query));
            Exit::Invalid
        })?;
    let mut workspace = Workspace::default();
    for path in files {
        workspace.open(path);
    }
    let mut exit = Exit::Success;
    for file in &workspace.files {
        if let Some(failure) = &file.failure {
            eprintln!("legation {command}: {}", visible_line(failure));
            exit = Exit::Unreadable;
        }
    }
    Ok((compiled, workspace, exit))
}

/// One line per record, for people.
fn write_lines(selection: &Selection<'_>, out: &mut impl Write) -> std::io::Result<()> {
    let place = |place: &PlaceRef| {
        let country = place
            .country
            .map(|code| code.to_string())
            .unwrap_or_default();
        match &place.place {
            Some(name) => format!("{name} ({country})"),
            None => country,
        }
    };
    selection.for_each(|item| {
        let line = match &item.record {
            Record::Visit(visit) => format!(
                "{}  visit  {}: {} -> {}",
                visit.date,
                visit
                    .leader
                    .as_ref()
                    .map(|leader| leader.name.clone())
                    .or_else(|| visit.delegation.clone())
                    .unwrap_or_else(|| "a delegation".to_owned()),
                visit.from.as_ref().map_or_else(|| "?".to_owned(), place),
                place(&visit.to)
            ),
            Record::Event(event) => format!(
                "{}  {}  {} at {}",
                event.date,
                event.kind.as_str(),
                event.title.clone().unwrap_or_default(),
                place(&event.place)
            ),
        };
        writeln!(out, "{}", visible_line(&line))
    })
}
