//! The `legation` command: opens the app, or runs one of its tools.

mod cli;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    cli::run(args)
}
