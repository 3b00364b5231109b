//! The GDELT importer on any bytes as one export, keeping every event code:
//! rows rejected with reasons, never a panic.
#![no_main]

use std::path::Path;

use legation::import::gdelt::{Options, import_reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import_reader(data, Path::new("fuzz.tsv"), Options { events: true });
});
