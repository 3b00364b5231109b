//! The data Legation shows: sources, visits, events, places and fuzzy dates,
//! with the `legation/1` JSON format and its validation.

mod country;
mod place;

pub use country::CountryCode;
pub use place::PlaceRef;
