//! Article text to visits and events, each tied to the sentence it came from.

mod dates;
mod published;
mod text;
