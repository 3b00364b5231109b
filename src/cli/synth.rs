//! `legation synth`: deterministic synthetic datasets of any size, for
//! measuring load and frame times (see [`legation::synth`]).

use std::path::PathBuf;

use legation::save::write_atomically;
use legation::synth::{SynthOptions, write_dataset};

use super::Exit;

/// Arguments of `legation synth`.
#[derive(Debug, clap::Args)]
pub struct SynthArgs {
    /// How many visits.
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    visits: usize,

    /// How many events.
    #[arg(long, value_name = "M", default_value_t = 10_000)]
    events: usize,

    /// The seed: the same seed and sizes give the same file.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,

    /// Where to write the dataset (compact `legation/1` JSON).
    #[arg(short, long, value_name = "OUT.json")]
    output: PathBuf,
}

/// Writes the dataset; exits 2 when it cannot be written.
pub fn run(args: &SynthArgs) -> Exit {
    let options = SynthOptions {
        visits: args.visits,
        events: args.events,
        seed: args.seed,
    };
    if let Err(error) = write_atomically(&args.output, |out| write_dataset(out, &options)) {
        eprintln!(
            "legation synth: {}: cannot write it: {error}; check that its directory exists and is writable",
            args.output.display()
        );
        return Exit::Unreadable;
    }
    eprintln!(
        "wrote {}: {} visits, {} events (seed {})",
        args.output.display(),
        args.visits,
        args.events,
        args.seed
    );
    Exit::Success
}
