//! The records of a `legation/1` dataset: sources, visits and events.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{CountryCode, FuzzyDate, PlaceRef, ViewBox};

/// The format tag every `legation/1` document carries.
pub const FORMAT: &str = "legation/1";

/// Fields a version of Legation does not know, kept so that saving writes
/// them back unchanged.
pub type ExtraFields = Map<String, Value>;

/// A whole dataset: the texts, and the visits and events drawn from them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dataset {
    /// Always [`FORMAT`] when written.
    pub format: FormatTag,
    /// The time window an app opens this dataset on (the story's days),
    /// when the whole extent would say less.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<FuzzyDate>,
    /// The part of the world an app opens this dataset on, when fitting
    /// to every record would say less.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<ViewBox>,
    /// The texts visits and events cite.
    pub sources: Vec<Source>,
    /// Who travelled where, when.
    pub visits: Vec<Visit>,
    /// What happened where, when.
    pub events: Vec<Event>,
    /// Unknown top-level fields.
    #[serde(flatten)]
    pub extra: ExtraFields,
}

/// The `format` field: serializes as [`FORMAT`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FormatTag;

impl Serialize for FormatTag {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(FORMAT)
    }
}

/// A text visits and events come from: an article, a record's remarks.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Source {
    /// Unique among the dataset's sources.
    pub id: String,
    /// The headline or record title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where it can be read; only http(s) links are ever opened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<FuzzyDate>,
    /// The whole text; [`Span`]s are byte offsets into it.
    pub text: String,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: ExtraFields,
}

/// A person, usually the leader of a delegation.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Person {
    /// The name as the source writes it.
    pub name: String,
    /// The office: "Defence Minister", "Secretary of State".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The country the person serves, and so their delegation's: it
    /// colours every leg of a trip the same, wherever the leg starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: ExtraFields,
}

/// A byte range `[start, end)` of a source's text, on character boundaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The text this span covers, if it lies within `text` on character
    /// boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

/// Where in which source a record was found.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SourceRef {
    /// The id of a [`Source`] in the same dataset.
    pub id: String,
    /// The passage the record came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: ExtraFields,
}

/// A delegation's journey from one place to another.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Visit {
    /// Unique among the dataset's visits.
    pub id: String,
    /// Who led it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leader: Option<Person>,
    /// The delegation as the source names it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegation: Option<String>,
    /// Where it came from; unknown for many records (drawn as an arrival).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<PlaceRef>,
    /// Where it went.
    pub to: PlaceRef,
    /// When.
    pub date: FuzzyDate,
    /// Why, as stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// The text it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: ExtraFields,
}

/// Something that happened at a place: a parade, a launch, a statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Unique among the dataset's events.
    pub id: String,
    /// What kind of thing happened.
    pub kind: EventKind,
    /// A short description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where.
    pub place: PlaceRef,
    /// When.
    pub date: FuzzyDate,
    /// The countries taking part.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<CountryCode>,
    /// The text it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
    /// Unknown fields.
    #[serde(flatten)]
    pub extra: ExtraFields,
}

macro_rules! event_kinds {
    ($($variant:ident => $name:literal, $label:literal;)+) => {
        /// The kinds of event; the one list the format, the extractor and
        /// the legend share.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum EventKind {
            $(
                #[doc = $label]
                $variant,
            )+
        }

        impl EventKind {
            /// Every kind, in legend order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The name in `legation/1` files: `missile_launch`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }

            /// A label for people: "Missile launch".
            pub fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            /// The kind a file names, if it is one of [`Self::ALL`].
            pub fn parse(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

event_kinds! {
    Meeting => "meeting", "Meeting";
    Ceremony => "ceremony", "Ceremony";
    Parade => "parade", "Parade";
    MissileLaunch => "missile_launch", "Missile launch";
    MilitaryExercise => "military_exercise", "Military exercise";
    Deployment => "deployment", "Deployment";
    Statement => "statement", "Statement";
    Sanctions => "sanctions", "Sanctions";
    Agreement => "agreement", "Agreement";
    Other => "other", "Other";
}

impl Serialize for EventKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Dataset {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// Every citation of a source, visits' first, then events'.
    pub fn citations(&self) -> impl Iterator<Item = &SourceRef> {
        let visits = self.visits.iter().filter_map(|visit| visit.source.as_ref());
        visits.chain(self.events.iter().filter_map(|event| event.source.as_ref()))
    }

    /// Writes the dataset as pretty-printed `legation/1` JSON.
    pub fn to_json_pretty(&self) -> String {
        // Serializing plain data with string keys into a String cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Whether it holds no records at all.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty() && self.visits.is_empty() && self.events.is_empty()
    }
}
