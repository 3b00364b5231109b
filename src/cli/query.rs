//! `legation query`: the app's query on the command line, over the same
//! files the app opens; the matching records as text, a `legation/1`
//! dataset or CSV rows, and the counts on stderr.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::PathBuf;

use legation::edit::Record;
use legation::gazetteer::Gazetteer;
use legation::model::{Dataset, Days, FuzzyDate, PlaceRef};
use legation::query::{Compiled, Query};
use legation::scene::TimeWindow;
use legation::untrusted::visible_line;
use legation::workspace::{OpenFile, Workspace};

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

/// One matching record, with its file.
struct Found<'a>(&'a OpenFile, Record);

pub fn run(args: &QueryArgs) -> Exit {
    let gazetteer = Gazetteer::bundled();
    let compiled = match Query::parse(&args.query).and_then(|query| query.compile(gazetteer)) {
        Ok(compiled) => compiled,
        Err(error) => {
            eprintln!("legation query: {}", error.pointed(&args.query));
            return Exit::Invalid;
        }
    };
    let mut workspace = Workspace::default();
    for path in &args.files {
        workspace.open(path);
    }
    let mut exit = Exit::Success;
    for file in &workspace.files {
        if let Some(failure) = &file.failure {
            eprintln!("legation query: {}", visible_line(failure));
            exit = Exit::Unreadable;
        }
    }
    let window = args
        .window
        .map(|date| TimeWindow::new(date.first_day(), date.last_day()));
    let found = find(&workspace, &compiled, window);
    let written = if args.json {
        write_json(&found)
    } else if args.csv {
        write_csv(&found)
    } else {
        write_lines(&found)
    };
    if let Err(error) = written {
        eprintln!("legation query: cannot write the results: {error}");
        return Exit::Unreadable;
    }
    let visits = found
        .iter()
        .filter(|Found(_, record)| matches!(record, Record::Visit(_)))
        .count();
    let (all_visits, all_events): (usize, usize) = workspace
        .files
        .iter()
        .map(|file| (file.visit_count(), file.event_count()))
        .fold((0, 0), |(v, e), (fv, fe)| (v + fv, e + fe));
    eprintln!(
        "{visits} of {all_visits} visits and {} of {all_events} events match",
        found.len() - visits
    );
    exit
}

/// The matching records of every file, in file order, visits first.
fn find<'a>(
    workspace: &'a Workspace,
    query: &Compiled,
    window: Option<TimeWindow>,
) -> Vec<Found<'a>> {
    let within = |days: Days| window.is_none_or(|window| window.overlaps(days.first, days.last));
    let mut found = Vec::new();
    for file in &workspace.files {
        let matches = file.matches(query);
        for index in matches.visits.ones() {
            if within(file.table.visits[index].days)
                && let Some(visit) = file.visit(index)
            {
                found.push(Found(file, Record::Visit(visit.into_owned())));
            }
        }
        for index in matches.events.ones() {
            if within(file.table.events[index].days)
                && let Some(event) = file.event(index)
            {
                found.push(Found(file, Record::Event(event.into_owned())));
            }
        }
    }
    found
}

/// A `legation/1` dataset of the records and the sources they cite.
fn write_json(found: &[Found<'_>]) -> std::io::Result<()> {
    let mut dataset = Dataset::default();
    let mut cited = HashSet::new();
    for Found(file, record) in found {
        let citation = match record {
            Record::Visit(visit) => {
                dataset.visits.push(visit.clone());
                visit.source.as_ref()
            }
            Record::Event(event) => {
                dataset.events.push(event.clone());
                event.source.as_ref()
            }
        };
        if let Some(citation) = citation
            && cited.insert(citation.id.clone())
            && let Some(source) = file.records.source(&citation.id)
        {
            dataset.sources.push(source.into_owned());
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", dataset.to_json_pretty())
}

/// One CSV row per record.
fn write_csv(found: &[Found<'_>]) -> std::io::Result<()> {
    let mut out = csv::Writer::from_writer(std::io::stdout().lock());
    out.write_record([
        "id",
        "type",
        "date",
        "leader",
        "title",
        "delegation",
        "from_country",
        "from_place",
        "to_country",
        "to_place",
        "kind",
        "event_title",
        "source",
    ])?;
    let country = |place: Option<&PlaceRef>| {
        place
            .and_then(|place| place.country)
            .map(|code| code.to_string())
            .unwrap_or_default()
    };
    let name = |place: Option<&PlaceRef>| {
        place
            .and_then(|place| place.place.clone())
            .unwrap_or_default()
    };
    for Found(_, record) in found {
        match record {
            Record::Visit(visit) => out.write_record([
                visit.id.clone(),
                "visit".to_owned(),
                visit.date.to_string(),
                visit
                    .leader
                    .as_ref()
                    .map(|leader| leader.name.clone())
                    .unwrap_or_default(),
                visit
                    .leader
                    .as_ref()
                    .and_then(|leader| leader.title.clone())
                    .unwrap_or_default(),
                visit.delegation.clone().unwrap_or_default(),
                country(visit.from.as_ref()),
                name(visit.from.as_ref()),
                country(Some(&visit.to)),
                name(Some(&visit.to)),
                String::new(),
                String::new(),
                visit
                    .source
                    .as_ref()
                    .map(|source| source.id.clone())
                    .unwrap_or_default(),
            ])?,
            Record::Event(event) => out.write_record([
                event.id.clone(),
                "event".to_owned(),
                event.date.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                country(Some(&event.place)),
                name(Some(&event.place)),
                event.kind.as_str().to_owned(),
                event.title.clone().unwrap_or_default(),
                event
                    .source
                    .as_ref()
                    .map(|source| source.id.clone())
                    .unwrap_or_default(),
            ])?,
        }
    }
    out.flush()
}

/// One line per record, for people.
fn write_lines(found: &[Found<'_>]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
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
    for Found(_, record) in found {
        let line = match record {
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
        writeln!(out, "{}", visible_line(&line))?;
    }
    Ok(())
}
