//! The query language the app's search box, `--query`, `legation query`
//! and `legation export` share, in the style of GitHub and Gmail search:
//! `from:RU to:KP,CN person:Shoigu kind:parade,missile_launch
//! source:"Al Jazeera" is:extracted is:unreviewed confidence:low
//! precision:day "victory day"`.
//!
//! [`Query::parse`] reads it (errors point at the wrong word and say what
//! to write), [`Query::compile`] checks its values against the gazetteer
//! and the format's lists once, and [`Compiled::matches`] evaluates it over
//! a file's rows as a bitset: field terms from the rows alone, text terms
//! from the file's folded words ([`FileText`]), built once. [`Vocabulary`]
//! completes a query as it is typed from the open data.

mod complete;
mod eval;
mod parse;
mod text;

pub use complete::{Completion, Vocabulary};
pub use eval::{BitSet, Compiled, Matches};
pub use parse::{Field, Query, QueryError, Term};
pub use text::{FileText, Words};
