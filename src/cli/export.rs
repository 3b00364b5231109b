//! `legation export`: what a query and window select of the files given,
//! written for another tool (GeoJSON, CSV, KML, `legation/1`).

use std::io::Write as _;
use std::path::PathBuf;

use legation::export::{Format, Selection, write};
use legation::model::FuzzyDate;
use legation::save::write_atomically;
use legation::scene::TimeWindow;

use super::Exit;
use super::query::compile_and_open;

/// The picture formats the app draws; not written by this command yet.
const PICTURES: &[&str] = &["png", "svg", "gif", "mp4"];

/// Arguments of `legation export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Where to write (`-`: stdout); its extension gives the format when
    /// --format is not given (.geojson, .csv, .kml, .json).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,

    /// The format: geojson, csv, kml or legation.
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,

    /// Only what this query finds: `to:KP`, `person:Shoigu kind:parade`
    /// (see the README).
    #[arg(long, short, value_name = "QUERY", default_value = "")]
    query: String,

    /// Only records in this window: a date (`2023`, `2023-07`) or
    /// `START/END`.
    #[arg(long, value_name = "DATE|START/END")]
    window: Option<FuzzyDate>,

    /// The files, as the app opens them: datasets, imports, articles.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: &ExportArgs) -> Exit {
    let format = match format_of(args) {
        Ok(format) => format,
        Err(message) => {
            eprintln!("legation export: {message}");
            return Exit::Invalid;
        }
    };
    let (compiled, workspace, exit) = match compile_and_open("export", &args.query, &args.files) {
        Ok(opened) => opened,
        Err(exit) => return exit,
    };
    let window = args.window.as_ref().map(TimeWindow::from);
    let selection = Selection::new(&workspace, Some(&compiled), window);
    let written = if args.output.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        write(format, &selection, &mut out).and_then(|()| out.flush())
    } else {
        write_atomically(&args.output, |out| write(format, &selection, out))
    };
    if let Err(error) = written {
        eprintln!(
            "legation export: cannot write {}: {error}; check the folder exists and is writable",
            args.output.display()
        );
        return Exit::Unreadable;
    }
    let (visits, events) = selection.counts();
    eprintln!(
        "wrote {visits} visits and {events} events to {}",
        args.output.display()
    );
    exit
}

/// The format asked for, or the one the output's extension implies.
fn format_of(args: &ExportArgs) -> Result<Format, String> {
    let names: Vec<&str> = Format::ALL.iter().map(|(_, name, _)| *name).collect();
    let picture = |name: &str| {
        format!(
            "{name} is not written by `legation export` yet: use `legation --screenshot OUT.png` \
             for a picture of the app's window, or one of {}",
            names.join(", ")
        )
    };
    if let Some(name) = &args.format {
        if PICTURES.contains(&name.to_lowercase().as_str()) {
            return Err(picture(name));
        }
        return Format::named(name)
            .ok_or_else(|| format!("unknown --format `{name}`: use one of {}", names.join(", ")));
    }
    if let Some(extension) = args
        .output
        .extension()
        .and_then(|extension| extension.to_str())
        && PICTURES.contains(&extension.to_lowercase().as_str())
    {
        return Err(picture(extension));
    }
    Format::of_path(&args.output).ok_or_else(|| {
        format!(
            "cannot tell the format of `{}`: give --format ({}) or end the name with .geojson, .csv, .kml or .json",
            args.output.display(),
            names.join(", ")
        )
    })
}
