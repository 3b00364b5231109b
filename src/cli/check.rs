//! `legation check`: validate datasets, in words or as JSON lines.

use std::path::{Path, PathBuf};

use legation::gazetteer::{Gazetteer, Precision};
use legation::model::{
    By, Confidence, LoadError, Opened, ParseError, Problem, RecordTable, open_dataset_file,
};
use legation::progress::Progress;
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
    provenance: ProvenanceCounts,
    problems: Vec<ProblemReport>,
    /// What may be wrong though the file is valid: coordinates far from
    /// the city they name.
    warnings: Vec<ProblemReport>,
}

/// Who made a dataset's visits and events, and what people did to them.
#[derive(Debug, Default, Serialize)]
struct ProvenanceCounts {
    extract: usize,
    import: usize,
    hand: usize,
    /// Records with no provenance.
    unknown: usize,
    edited: usize,
    reviewed: usize,
    /// Records by the confidence their maker gave: low, medium, high.
    low: usize,
    medium: usize,
    high: usize,
}

impl ProvenanceCounts {
    fn of(table: &RecordTable) -> Self {
        let mut counts = Self::default();
        let trusts = table.visits.iter().map(|row| row.trust);
        for trust in trusts.chain(table.events.iter().map(|row| row.trust)) {
            *match trust.by {
                Some(By::Extract) => &mut counts.extract,
                Some(By::Import) => &mut counts.import,
                Some(By::Hand) => &mut counts.hand,
                None => &mut counts.unknown,
            } += 1;
            counts.edited += usize::from(trust.edited);
            counts.reviewed += usize::from(trust.reviewed);
            if let Some(confidence) = trust.confidence {
                *match confidence {
                    Confidence::Low => &mut counts.low,
                    Confidence::Medium => &mut counts.medium,
                    Confidence::High => &mut counts.high,
                } += 1;
            }
        }
        counts
    }
}

/// How precisely the place references of a dataset resolved.
#[derive(Debug, Default, Serialize)]
struct PlaceCounts {
    city: usize,
    region: usize,
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
    let (report, exit) = match open_dataset_file(path, &Progress::default()) {
        Ok(Opened {
            records,
            table,
            problems,
        }) => {
            let exit = if problems.is_empty() {
                Exit::Success
            } else {
                Exit::Invalid
            };
            let report = Report {
                file: &file,
                visits: records.visit_count(),
                events: records.event_count(),
                sources: records.source_count(),
                places: count_places(&table, gazetteer),
                provenance: ProvenanceCounts::of(&table),
                problems: problems.into_iter().map(ProblemReport::from).collect(),
                warnings: misplaced(&table, gazetteer),
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
                provenance: ProvenanceCounts::default(),
                problems: vec![problem],
                warnings: Vec::new(),
            };
            (report, exit)
        }
    };
    if json {
        println!("{}", serde_json::to_string(&report).unwrap_or_default());
        return exit;
    }
    for warning in &report.warnings {
        let line = format!("{file}: {}: warning: {}", warning.path, warning.message);
        eprintln!("{}", visible_line(&line));
    }
    if report.problems.is_empty() {
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

/// How far a city's coordinates may be from the gazetteer's city of that
/// name before `check` asks about them.
const MISPLACED_KM: f64 = 50.0;

/// A warning for each place whose coordinates are far from every city of
/// its name and country, at the first record that names it.
fn misplaced(table: &RecordTable, gazetteer: &Gazetteer) -> Vec<ProblemReport> {
    let mut first_use = vec![None; table.places.len()];
    let uses = table.visits.iter().enumerate().flat_map(|(index, visit)| {
        let from = visit
            .from
            .map(|from| (from, format!("$.visits[{index}].from")));
        from.into_iter()
            .chain([(visit.to, format!("$.visits[{index}].to"))])
    });
    let uses = uses.chain(
        table
            .events
            .iter()
            .enumerate()
            .map(|(index, event)| (event.place, format!("$.events[{index}].place"))),
    );
    for (place, path) in uses {
        first_use[place.index()].get_or_insert(path);
    }
    table
        .places
        .iter()
        .zip(first_use)
        .filter_map(|(place, path)| {
            let (city, km) = gazetteer.misplaced(place, MISPLACED_KM)?;
            let (lat, lon) = place.coordinates()?;
            Some(ProblemReport {
                path: path?,
                line: None,
                column: None,
                message: format!(
                    "`{}` at {lat}, {lon} is {km:.0} km from the gazetteer's {} ({}, {}): \
                     are latitude and longitude swapped, or a minus sign lost?",
                    place.place.as_deref().unwrap_or_default(),
                    city.name,
                    city.lat,
                    city.lon
                ),
            })
        })
        .collect()
}

/// Counts every place reference (visit from, visit to, event place) by how
/// precisely it resolves, asking the gazetteer once per distinct place.
fn count_places(table: &RecordTable, gazetteer: &Gazetteer) -> PlaceCounts {
    let mut uses = vec![0usize; table.places.len()];
    let places = table
        .visits
        .iter()
        .flat_map(|visit| visit.from.into_iter().chain([visit.to]))
        .chain(table.events.iter().map(|event| event.place));
    for place in places {
        uses[place.index()] += 1;
    }
    let mut counts = PlaceCounts::default();
    for (place, uses) in table.places.iter().zip(uses) {
        match gazetteer.resolve(place).precision {
            Precision::City => counts.city += uses,
            Precision::Region => counts.region += uses,
            Precision::Country => counts.country += uses,
            Precision::Unresolved => counts.unresolved += uses,
        }
    }
    counts
}
