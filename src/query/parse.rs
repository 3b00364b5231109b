//! Reading a query: `from:RU to:KP,CN -kind:statement "victory day"`.
//!
//! Terms are separated by spaces; a term is `field:values` or a bare word or
//! quoted phrase; `-` before a term negates it; commas separate values of
//! one field, any of which may match; quotes keep spaces inside a value
//! (`to:"North Korea"`). Every error says where, and what to write.

use std::ops::Range;

/// A field a term can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A visit's origin: its delegation's country or where it came from.
    From,
    /// A visit's destination: a country or a place.
    To,
    /// A visit's destination or an event's place.
    At,
    /// A visit's leader or delegation.
    Person,
    /// An event's kind.
    Kind,
    /// The source's title, publisher or id.
    Source,
    /// Who made the record, whether it was reviewed or edited, and whether
    /// it is a visit or an event.
    Is,
    /// The confidence its maker gave.
    Confidence,
    /// How precisely its date is known.
    Precision,
    /// Words anywhere in the record's text: leader, delegation, purpose,
    /// event title and the cited passage.
    Text,
}

impl Field {
    /// Every field a term may name, as written.
    pub const NAMED: &'static [(&'static str, Self)] = &[
        ("from", Self::From),
        ("to", Self::To),
        ("at", Self::At),
        ("person", Self::Person),
        ("kind", Self::Kind),
        ("source", Self::Source),
        ("is", Self::Is),
        ("confidence", Self::Confidence),
        ("precision", Self::Precision),
    ];

    /// The name written before the colon.
    pub fn name(self) -> &'static str {
        Self::NAMED
            .iter()
            .find(|(_, field)| *field == self)
            .map_or("text", |(name, _)| name)
    }
}

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Whether a record must *not* match it.
    pub negated: bool,
    /// What it looks at.
    pub field: Field,
    /// The values, any of which may match.
    pub values: Vec<String>,
    /// Where it is in the query, in bytes.
    pub at: Range<usize>,
}

/// A query: every term must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, in the order written.
    pub terms: Vec<Term>,
}

/// Why a query could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What is wrong, and what to write instead.
    pub message: String,
    /// Where, in bytes of the query.
    pub at: Range<usize>,
}

impl QueryError {
    pub(super) fn new(message: impl Into<String>, at: Range<usize>) -> Self {
        Self {
            message: message.into(),
            at,
        }
    }

    /// The query with the wrong part marked under it, for a terminal.
    pub fn pointed(&self, query: &str) -> String {
        let before = query
            .get(..self.at.start)
            .unwrap_or_default()
            .chars()
            .count();
        let width = query
            .get(self.at.clone())
            .unwrap_or_default()
            .chars()
            .count()
            .max(1);
        format!(
            "{}\n  {query}\n  {}{}",
            self.message,
            " ".repeat(before),
            "^".repeat(width)
        )
    }
}

impl Query {
    /// Reads `text`.
    ///
    /// # Errors
    /// An unknown field (with the nearest known one), an empty value, an
    /// unclosed quote.
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        let mut terms = Vec::new();
        let mut rest = Cursor { text, at: 0 };
        while let Some(start) = rest.skip_spaces() {
            terms.push(rest.term(start)?);
        }
        Ok(Self { terms })
    }

    /// Whether it has no terms (everything matches).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Reads a query from left to right.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    /// Skips spaces; the start of the next term, if any.
    fn skip_spaces(&mut self) -> Option<usize> {
        let rest = &self.text[self.at..];
        self.at += rest.len() - rest.trim_start().len();
        (self.at < self.text.len()).then_some(self.at)
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn term(&mut self, start: usize) -> Result<Term, QueryError> {
        let negated = self.peek() == Some('-');
        if negated {
            self.at += 1;
        }
        if self.peek() == Some('"') {
            let phrase = self.quoted()?;
            return Ok(Term {
                negated,
                field: Field::Text,
                values: vec![phrase],
                at: start..self.at,
            });
        }
        let word_start = self.at;
        let word_end = self.text[self.at..]
            .find(|c: char| c.is_whitespace() || c == ':' || c == '"')
            .map_or(self.text.len(), |end| self.at + end);
        let word = &self.text[word_start..word_end];
        self.at = word_end;
        if self.peek() != Some(':') {
            if word.is_empty() {
                return Err(QueryError::new(
                    "a lone `-`: write a term after it, such as `-from:US`",
                    start..self.at.max(start + 1),
                ));
            }
            return Ok(Term {
                negated,
                field: Field::Text,
                values: vec![word.to_owned()],
                at: start..self.at,
            });
        }
        let field = field_named(word, word_start..word_end)?;
        self.at += 1;
        let values = self.values(field)?;
        Ok(Term {
            negated,
            field,
            values,
            at: start..self.at,
        })
    }

    /// The comma-separated values after a field's colon.
    fn values(&mut self, field: Field) -> Result<Vec<String>, QueryError> {
        let mut values = Vec::new();
        loop {
            let start = self.at;
            let value = if self.peek() == Some('"') {
                self.quoted()?
            } else {
                let end = self.text[self.at..]
                    .find(|c: char| c.is_whitespace() || c == ',')
                    .map_or(self.text.len(), |end| self.at + end);
                let value = self.text[self.at..end].to_owned();
                self.at = end;
                value
            };
            if value.trim().is_empty() {
                return Err(QueryError::new(
                    format!(
                        "`{}:` needs a value, such as `{}`",
                        field.name(),
                        example(field)
                    ),
                    start.saturating_sub(1)..self.at.max(start),
                ));
            }
            values.push(value);
            if self.peek() == Some(',') {
                self.at += 1;
            } else {
                return Ok(values);
            }
        }
    }

    /// A quoted value, the quotes consumed.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let start = self.at;
        self.at += 1;
        match self.text[self.at..].find('"') {
            Some(end) => {
                let value = self.text[self.at..self.at + end].to_owned();
                self.at += end + 1;
                Ok(value)
            }
            None => Err(QueryError::new(
                "a quote is not closed: add the closing `\"`",
                start..self.text.len(),
            )),
        }
    }
}

/// The field named `word`, or an error naming the nearest.
fn field_named(word: &str, at: Range<usize>) -> Result<Field, QueryError> {
    let lower = word.to_lowercase();
    if let Some((_, field)) = Field::NAMED.iter().find(|(name, _)| *name == lower) {
        return Ok(*field);
    }
    let nearest = Field::NAMED
        .iter()
        .map(|(name, _)| (edit_distance(&lower, name), *name))
        .min()
        .filter(|&(distance, _)| distance <= 2);
    let known: Vec<&str> = Field::NAMED.iter().map(|(name, _)| *name).collect();
    let message = match nearest {
        Some((_, name)) => format!("unknown field `{word}`: did you mean `{name}`?"),
        None => format!(
            "unknown field `{word}`: the fields are {}; to search for the word, quote it (\"{word}:\")",
            known.join(", ")
        ),
    };
    Err(QueryError::new(message, at))
}

/// A value to show in a message about `field`.
fn example(field: Field) -> &'static str {
    match field {
        Field::From | Field::To => "KP or \"North Korea\"",
        Field::At => "Pyongyang",
        Field::Person => "Shoigu",
        Field::Kind => "missile_launch",
        Field::Source => "\"Al Jazeera\"",
        Field::Is => "unreviewed",
        Field::Confidence => "low",
        Field::Precision => "day",
        Field::Text => "\"victory day\"",
    }
}

/// How many single-character changes make `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(negated: bool, field: Field, values: &[&str]) -> (bool, Field, Vec<String>) {
        (
            negated,
            field,
            values.iter().map(|value| (*value).to_owned()).collect(),
        )
    }

    fn terms(text: &str) -> Vec<(bool, Field, Vec<String>)> {
        Query::parse(text)
            .unwrap()
            .terms
            .into_iter()
            .map(|term| (term.negated, term.field, term.values))
            .collect()
    }

    #[test]
    fn reads_every_field_negation_or_and_quotes() {
        assert_eq!(
            terms(r#"from:RU to:KP,CN -kind:statement person:Shoigu "victory day" parade"#),
            [
                term(false, Field::From, &["RU"]),
                term(false, Field::To, &["KP", "CN"]),
                term(true, Field::Kind, &["statement"]),
                term(false, Field::Person, &["Shoigu"]),
                term(false, Field::Text, &["victory day"]),
                term(false, Field::Text, &["parade"]),
            ]
        );
        assert_eq!(
            terms(
                r#"to:"North Korea",CN source:"Al Jazeera" is:unreviewed confidence:low precision:day at:Pyongyang"#
            ),
            [
                term(false, Field::To, &["North Korea", "CN"]),
                term(false, Field::Source, &["Al Jazeera"]),
                term(false, Field::Is, &["unreviewed"]),
                term(false, Field::Confidence, &["low"]),
                term(false, Field::Precision, &["day"]),
                term(false, Field::At, &["Pyongyang"]),
            ]
        );
        assert_eq!(terms("  FROM:us  "), [term(false, Field::From, &["us"])]);
        assert!(Query::parse("   ").unwrap().is_empty());
        let query = Query::parse("to:KP -from:US").unwrap();
        assert_eq!(query.terms[1].at, 6..14);
    }

    #[test]
    fn errors_point_at_the_wrong_word_and_say_what_to_write() {
        let error = Query::parse("to:KP form:RU").unwrap_err();
        assert_eq!(error.message, "unknown field `form`: did you mean `from`?");
        assert_eq!(error.at, 6..10);
        assert!(error.pointed("to:KP form:RU").ends_with("        ^^^^"));
        let error = Query::parse("colour:red").unwrap_err();
        assert!(
            error.message.contains("the fields are from, to"),
            "{}",
            error.message
        );
        let error = Query::parse("to: KP").unwrap_err();
        assert!(
            error.message.contains("`to:` needs a value"),
            "{}",
            error.message
        );
        let error = Query::parse(r#"to:"North Korea"#).unwrap_err();
        assert!(error.message.contains("not closed"), "{}", error.message);
        assert!(Query::parse("to:KP,").is_err(), "a trailing comma");
        assert!(Query::parse("-").is_err());
    }
}
