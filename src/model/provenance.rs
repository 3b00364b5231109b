//! Where a record came from and what happened to it since: the optional
//! `provenance` object of a visit or event.
//!
//! ```json
//! "provenance": {"by": "extract", "version": "legation 0.2.0",
//!                "because": "arrival verb: 'arrived in Pyongyang'",
//!                "confidence": "high",
//!                "edited": [{"field": "date", "was": "2023-07", "at": "2026-12-07T10:00:00Z"}],
//!                "reviewed": true}
//! ```
//!
//! It stays a JSON object among the record's other fields (so that fields
//! a later version adds to it survive a save), read through
//! [`Provenance::of`] and written through [`Provenance::write_to`]; both
//! dataset readers check it with the same rules ([`check`] and the fast
//! reader's own walk, which agree on every file).

use serde_json::{Map, Value, json};

use super::ExtraFields;

/// The record field that holds the provenance.
pub const PROVENANCE: &str = "provenance";

/// Who made a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum By {
    /// The extractor, from an article's text.
    Extract,
    /// An importer, from another dataset's record.
    Import,
    /// A person, in the app or by hand.
    Hand,
}

impl By {
    /// Every maker, in the order counts are reported.
    pub const ALL: [Self; 3] = [Self::Extract, Self::Import, Self::Hand];

    /// The name in files: `extract`, `import`, `hand`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Extract => "extract",
            Self::Import => "import",
            Self::Hand => "hand",
        }
    }

    /// The maker a file names.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|by| by.as_str() == name)
    }
}

/// How sure whoever made a record was of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    /// Background, a caption, or a weak cue: check it first.
    Low,
    /// A clear cue missing a part (the origin, the day), or a cue that
    /// often means something else.
    Medium,
    /// A clear cue with every part stated.
    High,
}

impl Confidence {
    /// Every level, least sure first.
    pub const ALL: [Self; 3] = [Self::Low, Self::Medium, Self::High];

    /// The name in files: `low`, `medium`, `high`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }

    /// The level a file names.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|level| level.as_str() == name)
    }
}

/// What a record's provenance says, in brief: what the map, the review
/// and the counts need, small enough for a row of a million-record table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Trust {
    /// Who made it, when it says.
    pub by: Option<By>,
    /// How sure they were, when it says.
    pub confidence: Option<Confidence>,
    /// Whether a person has checked it.
    pub reviewed: bool,
    /// Whether a person has changed it.
    pub edited: bool,
}

impl Trust {
    /// The order a review takes records in: unreviewed before reviewed,
    /// then the least sure first (records that do not say come after
    /// `low`, before `medium`: nobody vouched for them).
    pub fn review_rank(self) -> (bool, u8) {
        let sureness = match self.confidence {
            Some(Confidence::Low) => 0,
            None => 1,
            Some(Confidence::Medium) => 2,
            Some(Confidence::High) => 3,
        };
        (self.reviewed, sureness)
    }
}

/// A record's provenance.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// Who made it.
    pub by: By,
    /// The program and version that made it.
    pub version: Option<String>,
    /// Why it was taken: the rule and the words it fired on.
    pub because: Option<String>,
    /// How sure its maker was.
    pub confidence: Option<Confidence>,
    /// Every change a person made, oldest first.
    pub edited: Vec<Edited>,
    /// Whether a person has checked it.
    pub reviewed: bool,
    /// Fields this version does not know, kept.
    pub extra: ExtraFields,
}

/// One change a person made to a field of a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Edited {
    /// The field, as named in the file: `date`, `to`, `leader`.
    pub field: String,
    /// Its value before (`null` when it had none).
    pub was: Value,
    /// When, in UTC: `2026-12-07T10:00:00Z`.
    pub at: String,
}

/// The version of Legation, as records name their maker.
pub const VERSION: &str = concat!("legation ", env!("CARGO_PKG_VERSION"));

impl Provenance {
    /// A provenance made by `by`, in this version.
    pub fn new(by: By) -> Self {
        Self {
            by,
            version: Some(VERSION.to_owned()),
            because: None,
            confidence: None,
            edited: Vec::new(),
            reviewed: false,
            extra: ExtraFields::new(),
        }
    }

    /// The provenance among a record's fields, if it has a sound one.
    pub fn of(fields: &ExtraFields) -> Option<Self> {
        Self::from_value(fields.get(PROVENANCE)?).ok()
    }

    /// Reads a `provenance` value.
    ///
    /// # Errors
    /// What is wrong with it, and where under `provenance` (`.by`,
    /// `.edited[0].at`), as [`check`] words it.
    pub fn from_value(value: &Value) -> Result<Self, (String, String)> {
        let Value::Object(fields) = value else {
            return Err((String::new(), format!("expected an object, found {value}")));
        };
        let mut extra = fields.clone();
        let by = match extra.remove("by") {
            Some(Value::String(name)) => By::parse(&name).ok_or_else(|| {
                (
                    ".by".to_owned(),
                    format!("unknown maker `{name}`: write extract, import or hand"),
                )
            })?,
            None | Some(Value::Null) => {
                return Err((
                    ".by".to_owned(),
                    "missing: say who made the record (extract, import or hand)".to_owned(),
                ));
            }
            Some(other) => return Err((".by".to_owned(), expected("a string", &other))),
        };
        let version = optional_string(&mut extra, "version")?;
        let because = optional_string(&mut extra, "because")?;
        let confidence = match optional_string(&mut extra, "confidence")? {
            None => None,
            Some(name) => Some(Confidence::parse(&name).ok_or_else(|| {
                (
                    ".confidence".to_owned(),
                    format!("unknown confidence `{name}`: write high, medium or low"),
                )
            })?),
        };
        let edited = match extra.remove("edited") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(index, item)| read_edited(item, index))
                .collect::<Result<_, _>>()?,
            Some(other) => return Err((".edited".to_owned(), expected("an array", &other))),
        };
        let reviewed = match extra.remove("reviewed") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(reviewed)) => reviewed,
            Some(other) => return Err((".reviewed".to_owned(), expected("true or false", &other))),
        };
        Ok(Self {
            by,
            version,
            because,
            confidence,
            edited,
            reviewed,
            extra,
        })
    }

    /// As a `provenance` value.
    pub fn to_value(&self) -> Value {
        let mut object = Map::new();
        object.insert("by".to_owned(), json!(self.by.as_str()));
        if let Some(version) = &self.version {
            object.insert("version".to_owned(), json!(version));
        }
        if let Some(because) = &self.because {
            object.insert("because".to_owned(), json!(because));
        }
        if let Some(confidence) = self.confidence {
            object.insert("confidence".to_owned(), json!(confidence.as_str()));
        }
        if !self.edited.is_empty() {
            let edited = self
                .edited
                .iter()
                .map(|edit| json!({"field": edit.field, "was": edit.was, "at": edit.at}))
                .collect();
            object.insert("edited".to_owned(), Value::Array(edited));
        }
        if self.reviewed {
            object.insert("reviewed".to_owned(), Value::Bool(true));
        }
        object.extend(self.extra.clone());
        Value::Object(object)
    }

    /// Puts it among a record's fields.
    pub fn write_to(&self, fields: &mut ExtraFields) {
        fields.insert(PROVENANCE.to_owned(), self.to_value());
    }

    /// In brief.
    pub fn trust(&self) -> Trust {
        Trust {
            by: Some(self.by),
            confidence: self.confidence,
            reviewed: self.reviewed,
            edited: !self.edited.is_empty(),
        }
    }
}

/// What a record's fields say of its provenance, in brief (all unknown
/// when it has none).
pub fn trust_of(fields: &ExtraFields) -> Trust {
    Provenance::of(fields)
        .map(|provenance| provenance.trust())
        .unwrap_or_default()
}

/// Checks the `provenance` among a record's fields: `None` when it is
/// absent or sound, else the path under it and what is wrong.
pub fn check(fields: &ExtraFields) -> Option<(String, String)> {
    match fields.get(PROVENANCE)? {
        Value::Null => None,
        value => Provenance::from_value(value).err(),
    }
}

fn read_edited(item: &Value, index: usize) -> Result<Edited, (String, String)> {
    let path = format!(".edited[{index}]");
    let Value::Object(fields) = item else {
        return Err((path, expected("an object", item)));
    };
    let text = |key: &str| match fields.get(key) {
        Some(Value::String(text)) => Ok(text.clone()),
        None | Some(Value::Null) => Err((format!("{path}.{key}"), "missing".to_owned())),
        Some(other) => Err((format!("{path}.{key}"), expected("a string", other))),
    };
    Ok(Edited {
        field: text("field")?,
        was: fields.get("was").cloned().unwrap_or(Value::Null),
        at: text("at")?,
    })
}

fn optional_string(
    fields: &mut ExtraFields,
    key: &str,
) -> Result<Option<String>, (String, String)> {
    match fields.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(other) => Err((format!(".{key}"), expected("a string", &other))),
    }
}

fn expected(what: &str, found: &Value) -> String {
    format!("expected {what}, found {}", super::load::kind_of(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(provenance: Value) -> ExtraFields {
        let mut fields = ExtraFields::new();
        fields.insert(PROVENANCE.to_owned(), provenance);
        fields
    }

    #[test]
    fn reads_and_writes_back_every_field_and_unknown_ones() {
        let value = json!({"by": "extract", "version": "legation 0.2.0", "because": "arrival verb",
            "confidence": "low", "edited": [{"field": "date", "was": "2023-07", "at": "2026-12-07T10:00:00Z"}],
            "reviewed": true, "checked_by": "ana"});
        let provenance = Provenance::of(&fields(value.clone())).unwrap();
        assert_eq!(provenance.by, By::Extract);
        assert_eq!(provenance.confidence, Some(Confidence::Low));
        assert_eq!(provenance.edited[0].was, json!("2023-07"));
        assert_eq!(
            provenance.trust(),
            Trust {
                by: Some(By::Extract),
                confidence: Some(Confidence::Low),
                reviewed: true,
                edited: true
            }
        );
        assert_eq!(provenance.to_value(), value);
    }

    #[test]
    fn wrong_values_are_named_with_their_path() {
        for (value, path, says) in [
            (json!({"by": "robot"}), ".by", "unknown maker `robot`"),
            (json!({"version": "x"}), ".by", "missing"),
            (
                json!({"by": "hand", "confidence": "sure"}),
                ".confidence",
                "write high",
            ),
            (
                json!({"by": "hand", "reviewed": "yes"}),
                ".reviewed",
                "true or false",
            ),
            (
                json!({"by": "hand", "edited": [{"field": "date"}]}),
                ".edited[0].at",
                "missing",
            ),
            (json!("extract"), "", "expected an object"),
        ] {
            let (at, message) = check(&fields(value.clone())).expect("a problem");
            assert_eq!(at, path, "{value}");
            assert!(message.contains(says), "{value}: {message}");
        }
        assert_eq!(check(&fields(json!({"by": "import"}))), None);
        assert_eq!(check(&ExtraFields::new()), None);
    }

    #[test]
    fn a_review_takes_the_unreviewed_and_least_sure_first() {
        let trust = |confidence, reviewed| Trust {
            confidence,
            reviewed,
            ..Trust::default()
        };
        let mut ranks = [
            trust(Some(Confidence::High), false),
            trust(Some(Confidence::Low), true),
            trust(None, false),
            trust(Some(Confidence::Low), false),
        ]
        .map(Trust::review_rank);
        ranks.sort_unstable();
        assert_eq!(
            ranks,
            [(false, 0), (false, 1), (false, 3), (true, 0)],
            "low, unknown, high, then the reviewed"
        );
    }
}
