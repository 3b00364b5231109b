//! Command-line arguments and the commands behind them.
//!
//! Each command prints its results on stdout and what went wrong on stderr,
//! and exits with [`Exit::Success`], [`Exit::Invalid`] or [`Exit::Unreadable`].

mod check;
mod geocode;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Legation: a map of diplomatic visits and events, from news and records.
///
/// With no command, opens the desktop app on FILE... (datasets), or on the
/// bundled data when none is given.
#[derive(Debug, Parser)]
#[command(name = "legation", version, args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Datasets to open in the app (`legation/1` JSON).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

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
}

/// How a command ended, as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything worked.
    Success = 0,
    /// The input was read but is wrong (problems, not found).
    Invalid = 1,
    /// An input could not be read at all.
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
        None => open_app(&args.files),
    };
    exit.into()
}

fn open_app(_files: &[PathBuf]) -> Exit {
    eprintln!(
        "legation: the desktop app is not built yet; use `legation check`, or `legation --help` for the tools"
    );
    Exit::Invalid
}
