//! The US travels importer on any bytes as one trips file: problems, an
//! error or visits, never a panic.
#![no_main]

use std::path::Path;

use legation::gazetteer::Gazetteer;
use legation::import::us_travels::import_reader;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import_reader(data, Path::new("fuzz.xml"), Gazetteer::bundled());
});
