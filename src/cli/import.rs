//! `legation import`: public records and event exports into a `legation/1`
//! dataset, with an account on stderr of every record left out and why.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Subcommand;
use legation::gazetteer::Gazetteer;
use legation::import::{EXAMPLES_PER_REASON, ImportError, Imported, Report, gdelt, us_travels};
use legation::model::validate;
use legation::save::write_atomically;
use legation::untrusted::visible_line;

use super::Exit;

/// Arguments of `legation import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    format: Format,
}

/// The formats `legation import` reads.
#[derive(Debug, Subcommand)]
enum Format {
    /// The travels of US presidents and secretaries of state, from the
    /// Office of the Historian (a checkout of HistoryAtState/travels).
    ///
    /// Each trip becomes a visit from Washington, or an itinerary of visits
    /// when its locale names several places; trips recorded twice are merged.
    UsTravels(UsTravelsArgs),
    /// GDELT 1.0 daily or 2.0 15-minute event exports (.CSV, .tsv, .CSV.zip).
    ///
    /// CAMEO 042 and 043 become visits, 044 meetings; --events keeps every
    /// other code as an event too.
    Gdelt(GdeltArgs),
}

/// Arguments of `legation import us-travels`.
#[derive(Debug, clap::Args)]
struct UsTravelsArgs {
    /// The travels repository, or directories or .xml files of <trips>.
    #[arg(value_name = "DIR", required = true)]
    paths: Vec<PathBuf>,

    /// Where to write the dataset; stdout when not given.
    #[arg(short, long, value_name = "OUT.json")]
    output: Option<PathBuf>,
}

/// Arguments of `legation import gdelt`.
#[derive(Debug, clap::Args)]
struct GdeltArgs {
    /// Event export files, plain or zipped.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,

    /// Where to write the dataset; stdout when not given.
    #[arg(short, long, value_name = "OUT.json")]
    output: Option<PathBuf>,

    /// Keep every CAMEO code as an event (statements, force posture,
    /// sanctions...), not only visits and meetings.
    #[arg(long)]
    events: bool,
}

/// Runs `legation import`.
pub fn run(args: &ImportArgs) -> Exit {
    let started = Instant::now();
    let (imported, output) = match &args.format {
        Format::UsTravels(args) => (
            us_travels::import_paths(&args.paths, Gazetteer::bundled()),
            &args.output,
        ),
        Format::Gdelt(args) => (
            gdelt::import_files(
                &args.files,
                gdelt::Options {
                    events: args.events,
                },
            ),
            &args.output,
        ),
    };
    let imported = match imported {
        Ok(imported) => imported,
        Err(error) => {
            eprintln!("legation import: {}", visible_line(&error.to_string()));
            return if error.is_unreadable() {
                Exit::Unreadable
            } else {
                Exit::Invalid
            };
        }
    };
    let Imported { dataset, report } = imported;
    let import_secs = started.elapsed().as_secs_f64();
    print_report(&report, import_secs);
    let invalid = validate(&dataset);
    for problem in &invalid {
        eprintln!("legation import: the imported dataset is inconsistent (a bug): {problem}");
    }
    let written = match output {
        Some(path) => write_atomically(path, |out| write_json(out, &dataset)),
        None => write_json(io::stdout().lock(), &dataset),
    };
    let shown = output.as_deref().unwrap_or(Path::new("stdout"));
    if let Err(error) = written {
        eprintln!(
            "legation import: {}: cannot write it: {error}; check that its directory exists and is writable",
            shown.display()
        );
        return Exit::Unreadable;
    }
    eprintln!(
        "wrote {}: {} visits, {} events, {} sources",
        shown.display(),
        dataset.visits.len(),
        dataset.events.len(),
        dataset.sources.len()
    );
    if report.problems.iter().any(ImportError::is_unreadable) {
        Exit::Unreadable
    } else if report.is_clean() && invalid.is_empty() {
        Exit::Success
    } else {
        Exit::Invalid
    }
}

/// Writes `dataset` as pretty-printed `legation/1` JSON, streaming.
fn write_json(mut out: impl io::Write, dataset: &legation::model::Dataset) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut out, dataset)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes the report on stderr: counts, reasons, notes, then problems.
fn print_report(report: &Report, secs: f64) {
    eprintln!(
        "read {} records from {} files in {secs:.2} s ({:.0} records/s); skipped {}, rejected {}",
        report.records,
        report.files,
        report.records as f64 / secs.max(1e-9),
        report.skipped_total(),
        report.rejected_total()
    );
    for (reason, count) in &report.skipped {
        eprintln!("  skipped {count}: {reason}");
    }
    for (reason, count) in &report.rejected {
        eprintln!("  rejected {count}: {reason}");
    }
    for note in &report.notes {
        eprintln!("  note: {}", visible_line(note));
    }
    for problem in &report.problems {
        eprintln!("{}", visible_line(&problem.to_string()));
    }
    let unlisted: usize = report
        .rejected
        .values()
        .map(|&count| count.saturating_sub(EXAMPLES_PER_REASON))
        .sum();
    if unlisted > 0 {
        eprintln!(
            "({unlisted} more rejected records not listed: the first {EXAMPLES_PER_REASON} of each reason are shown)"
        );
    }
}
