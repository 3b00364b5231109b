//! Command-line arguments and the commands behind them.
//!
//! Each command prints its results on stdout and what went wrong on stderr,
//! and exits with [`Exit::Success`], [`Exit::Invalid`] or [`Exit::Unreadable`].

mod bench;
mod bench_query;
mod check;
mod export;
mod extract;
mod figure;
mod geocode;
mod import;
mod query;
mod read;
mod synth;
mod web;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use legation::model::{Day, FuzzyDate};
use legation::scene::WindowSpec;

/// Legation: a map of diplomatic visits and events, from news and records.
///
/// With no command, opens the desktop app on FILE... (datasets), or on the
/// last session's files, or on the bundled data.
#[derive(Debug, Parser)]
#[command(name = "legation", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Datasets to open in the app (`legation/1` JSON).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Save a PNG of the app's window once the map is drawn, then quit.
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,

    /// Show the data up to this day (YYYY-MM-DD); with --window, the
    /// window ends on it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub date: Option<Day>,

    /// The time window: a length ending at --date (7d, 2w, 1m, 1y) or
    /// START/END (2023-07-18/2023-07-27, 1866/2026).
    #[arg(long, value_name = "7d|1m|1y|START/END")]
    pub window: Option<WindowSpec>,

    /// The window's size in points, such as 1280x800.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,

    /// Ask before opening files bigger than this many megabytes (0: never
    /// ask); the app remembers the setting.
    #[arg(long, value_name = "MB")]
    pub ask_above_mb: Option<u64>,

    /// Show only what this query finds: `to:KP`, `person:Shoigu
    /// kind:parade` (see the README); the app remembers it.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The tools.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate datasets and report every problem with its JSON path.
    ///
    /// Exits 0 when every file is sound, 1 when any has problems or is not a
    /// dataset, 2 when a file cannot be read.
    Check(check::CheckArgs),
    /// Look up a place name in the offline gazetteer.
    ///
    /// Finds countries (by name, code or demonym), capitals and cities, case-
    /// and accent-insensitively; the best match is the capital, then the
    /// most populous place.
    Geocode(geocode::GeocodeArgs),
    /// Read news articles into one `legation/1` dataset on stdout: the
    /// visits and events found, each citing its sentence.
    ///
    /// Articles are text files, saved web pages, addresses of pages, or
    /// feeds. Exits 0 even when nothing is found; 1 when an article is empty
    /// or not UTF-8 text, or a page or address fails (the rest are still
    /// printed); 2 when a file cannot be read.
    Extract(extract::ExtractArgs),
    /// Show articles exactly as `extract` reads them: the main text of a
    /// page without its menus and banners, its title, publisher, address,
    /// language, and publication date with where it was found.
    ///
    /// Exits 0 when every input was read; 1 when a page, feed or address
    /// gave no article (the others are still printed); 2 when a file cannot
    /// be read.
    Read(read::ReadArgs),
    /// Turn public records or event exports into a dataset.
    ///
    /// Writes `legation/1` JSON; what was left out, and why, goes to stderr.
    /// Exits 0 when every record was usable, 1 when some were not, 2 when
    /// an input could not be read.
    Import(import::ImportArgs),
    /// Find records: the app's query language over the files given (see
    /// the README), printing the matches as lines, a `legation/1` dataset
    /// (--json) or CSV (--csv), and the counts on stderr.
    ///
    /// Exits 0 when the query ran, 1 when it is wrong (the message points
    /// at the word), 2 when a file cannot be read.
    Query(query::QueryArgs),
    /// Write what a query and window select for another tool: GeoJSON
    /// (visits as great-circle lines, events as points), CSV (one row per
    /// record), KML (with time spans for Google Earth's slider) or a
    /// `legation/1` subset with the sources it cites; or draw it, off
    /// screen, as a PNG of the map or a GIF or MP4 of its playback.
    ///
    /// Exits 0 when written, 1 when the query or format is wrong, 2 when a
    /// file cannot be read, the output cannot be written or a picture
    /// cannot be drawn (no graphics device, no ffmpeg for MP4).
    Export(export::ExportArgs),
    /// Write a deterministic synthetic dataset of any size, shaped like
    /// real records, for measuring the app at scale.
    ///
    /// Exits 0 when written, 2 when the file cannot be written.
    Synth(synth::SynthArgs),
    /// Load a dataset as the app does, then time the app's own per-frame
    /// preparation over a scripted playback; print load time, frame times
    /// (p50, p99) and peak memory.
    ///
    /// Exits 0 when measured, 1 when the file is no usable dataset, 2 when
    /// it cannot be read.
    Bench(bench::BenchArgs),
}

/// How a command ended, as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything worked.
    Success = 0,
    /// The input was read but is wrong (problems, not found).
    Invalid = 1,
    /// An input could not be read at all (or the window could not open).
    Unreadable = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        Self::from(exit as u8)
    }
}

/// Runs what the arguments ask for.
pub fn run(args: Args) -> ExitCode {
    let exit = match args.command {
        Some(Command::Check(check)) => check::run(&check),
        Some(Command::Geocode(geocode)) => geocode::run(&geocode),
        Some(Command::Extract(extract)) => extract::run(&extract),
        Some(Command::Read(read)) => read::run(&read),
        Some(Command::Import(import)) => import::run(&import),
        Some(Command::Query(query)) => query::run(&query),
        Some(Command::Export(export)) => export::run(&export),
        Some(Command::Synth(synth)) => synth::run(&synth),
        Some(Command::Bench(bench)) => bench::run(&bench),
        None => open_app(args),
    };
    exit.into()
}

#[cfg(feature = "gui")]
fn open_app(args: Args) -> Exit {
    let startup = legation::ui::Startup {
        files: args.files,
        screenshot: args.screenshot,
        date: args.date,
        window: args.window,
        size: args.size,
        ask_above_mb: args.ask_above_mb,
        autosave: None,
        query: args.query,
    };
    match legation::ui::run(startup) {
        Ok(()) => Exit::Success,
        Err(message) => {
            eprintln!("legation: {message}");
            Exit::Unreadable
        }
    }
}

/// Without the `gui` feature only the tools are built; the app's arguments
/// still parse, so the message can say what to do instead of a usage error.
#[cfg(not(feature = "gui"))]
fn open_app(_args: Args) -> Exit {
    eprintln!(
        "legation: this build has no app (built without the `gui` feature); \
         run a command such as `legation check FILE`, or rebuild with default features"
    );
    Exit::Unreadable
}

fn parse_day(text: &str) -> Result<Day, String> {
    let date: FuzzyDate = text.parse().map_err(|err| format!("{err}"))?;
    if !date.is_exact_day() {
        return Err(format!("`{text}`: give a day, as YYYY-MM-DD"));
    }
    Ok(date.first_day())
}

fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let invalid = || format!("`{text}` is not a size: write WIDTHxHEIGHT, such as 1280x800");
    let (width, height) = text.split_once(['x', 'X']).ok_or_else(invalid)?;
    let width: f32 = width.trim().parse().map_err(|_| invalid())?;
    let height: f32 = height.trim().parse().map_err(|_| invalid())?;
    if !(100.0..=10_000.0).contains(&width) || !(100.0..=10_000.0).contains(&height) {
        return Err(format!("`{text}`: each side must be between 100 and 10000"));
    }
    Ok([width, height])
}
