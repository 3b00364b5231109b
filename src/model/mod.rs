//! The data Legation shows: sources, visits, events, places and fuzzy dates,
//! with the `legation/1` JSON format, its loading and its validation.
//!
//! Nothing here knows about places on a map or about the app: resolving
//! names to coordinates is the gazetteer's job, drawing the ui's.

mod bytes;
mod country;
mod cursor;
mod dataset;
mod date;
mod indexed;
mod load;
mod place;
mod provenance;
mod records;
mod rewrite;
mod table;
mod trusted;
mod validate;
mod view_box;

pub use bytes::{Bytes, KeptFile, read_file};
pub use country::CountryCode;
pub use dataset::{
    Dataset, Event, EventKind, ExtraFields, FORMAT, FormatTag, Person, Source, SourceRef, Span,
    Visit,
};
pub use date::{
    DateError, DatePoint, Day, FuzzyDate, Precision, days_in_month, is_leap_year,
    month_abbreviation, month_named,
};
pub use indexed::{IndexedDataset, read_indexed, read_indexed_file};
pub use load::{
    LoadError, Loaded, ParseError, Problem, check_event, check_visit, load_dataset, parse_dataset,
};
pub use place::{PlacePrecision, PlaceRef};
pub use provenance::{
    By, Confidence, Edited, PROVENANCE, Provenance, Trust, VERSION, check as check_provenance,
    trust_of,
};
pub use records::{Opened, Records, open_dataset, open_dataset_file};
pub use rewrite::{ArrayEdits, DatasetEdits};
pub use table::{Days, EventRow, PlaceId, RecordTable, Row, VisitRow};
pub use validate::validate;
pub use view_box::ViewBox;
