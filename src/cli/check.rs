//! `legation check`: validate datasets, in words or as JSON lines.

use std::path::{Path, PathBuf};

use legation::gazetteer::{Gazetteer, Precision};
use legation::model::{Dataset, LoadError, Loaded, ParseError, Problem, load_dataset};
use legation::untrusted::visible_line;
use serde::Serialize;

use super::Exit;

/// Arguments of `legation check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Print one JSON object per file (counts, place resolution, problems)
    /// instead of one line per problem.
    #[arg(long)]
    json: bool,

    /// The datasets to check.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// The `--json` report of one file.
#[derive(Debug, Serialize)]
struct Report<'a> {
    file: &'a str,
    visits: usize,
    events: usize,
    sources: usize,
    places: PlaceCounts,
    problems: Vec<ProblemReport>,
}

/// How precisely the place references of a dataset resolved.
#[derive(Debug, Default, Serialize)]
struct PlaceCounts {
    city: usize,
    country: usize,
    unresolved: usize,
}

#[derive(Debug, Serialize)]
struct ProblemReport {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    message: String,
}

impl From<Problem> for ProblemReport {
    fn from(problem: Problem) -> Self {
        Self {
            path: problem.path,
            line: None,
            column: None,
            message: problem.message,
        }
    }
}

pub fn run(args: &CheckArgs) -> Exit {
    let gazetteer = Gazetteer::bundled();
    args.files
        .iter()
        .map(|path| check_file(path, args.json, gazetteer))
        .max()
        .unwrap_or(Exit::Success)
}

fn check_file(path: &Path, json: bool, gazetteer: &Gazetteer) -> Exit {
    let file = path.display().to_string();
    let (report, exit) = match load_dataset(path) {
        Ok(Loaded { dataset, problems }) => {
            let exit = if problems.is_empty() {
                Exit::Success
            } else {
                Exit::Invalid
            };
            let report = Report {
                file: &file,
                visits: dataset.visits.len(),
                events: dataset.events.len(),
                sources: dataset.sources.len(),
                places: count_places(&dataset, gazetteer),
                problems: problems.into_iter().map(ProblemReport::from).collect(),
            };
            (report, exit)
        }
        Err(error) => {
            let (problem, exit) = error_report(&error);
            if !json {
                eprintln!("legation check: {}", visible_line(&error.to_string()));
                return exit;
            }
            let report = Report {
                file: &file,
                visits: 0,
                events: 0,
                sources: 0,
                places: PlaceCounts::default(),
                problems: vec![problem],
            };
            (report, exit)
        }
    };
    if json {
        println!("{}", serde_json::to_string(&report).unwrap_or_default());
    } else if report.problems.is_empty() {
        println!(
            "{file}: ok ({} visits, {} events, {} sources)",
            report.visits, report.events, report.sources
        );
    } else {
        for problem in &report.problems {
            // The path and message quote the data: no escape sequence may act.
            let line = format!("{file}: {}: {}", problem.path, problem.message);
            println!("{}", visible_line(&line));
        }
        eprintln!(
            "{file}: {} problems; fix them at the paths shown (the rest of the file is usable)",
            report.problems.len()
        );
    }
    exit
}

fn error_report(error: &LoadError) -> (ProblemReport, Exit) {
    match error {
        LoadError::Read { source, .. } => (
            ProblemReport {
                path: "$".to_owned(),
                line: None,
                column: None,
                message: format!("cannot read the file: {source}"),
            },
            Exit::Unreadable,
        ),
        LoadError::Parse { source, .. } => {
            let (line, column) = match source {
                ParseError::Syntax { line, column, .. } => (Some(*line), Some(*column)),
                ParseError::NotAnObject { .. } => (None, None),
            };
            (
                ProblemReport {
                    path: "$".to_owned(),
                    line,
                    column,
                    message: source.to_string(),
                },
                Exit::Invalid,
            )
        }
    }
}

/// Counts every place reference (visit from, visit to, event place) by how
/// precisely it resolves.
fn count_places(dataset: &Dataset, gazetteer: &Gazetteer) -> PlaceCounts {
    let places = dataset
        .visits
        .iter()
        .flat_map(|visit| visit.from.iter().chain([&visit.to]))
        .chain(dataset.events.iter().map(|event| &event.place));
    let mut counts = PlaceCounts::default();
    for place in places {
        match gazetteer.resolve(place).precision {
            Precision::City => counts.city += 1,
            Precision::Country => counts.country += 1,
            Precision::Unresolved => counts.unresolved += 1,
        }
    }
    counts
}
