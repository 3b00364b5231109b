//! `FuzzyDate::from_str` on any text: an error or a date whose first day
//! is not after its last and which reads back as itself once written.
#![no_main]

use legation::model::FuzzyDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(date) = text.parse::<FuzzyDate>() {
        assert!(date.first_day() <= date.last_day(), "{text:?}");
        let written = date.to_string();
        assert_eq!(written.parse::<FuzzyDate>().ok(), Some(date), "{text:?}");
    }
});
