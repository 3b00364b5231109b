//! The dataset loader on any bytes: it returns a dataset with problems or
//! an error, never panics; what loads saves and loads again.
#![no_main]

use legation::model::parse_dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = parse_dataset(data) {
        let saved = serde_json::to_vec(&loaded.dataset).expect("a loaded dataset serializes");
        assert!(
            parse_dataset(&saved).is_ok(),
            "a saved dataset loads again: {}",
            String::from_utf8_lossy(&saved)
        );
    }
});
