//! Why the extractor took each record, and how sure it is: the rule that
//! fired and the words it fired on, quoted from the sentence, and a
//! confidence, so that a reviewer can take the doubtful records first.
//! Written as the record's `provenance` object:
//! `{"by": "extract", "version": "legation 0.1.0", "because": "arrival verb:
//! 'arrived in Pyongyang on Tuesday'", "confidence": "high"}`.

use std::fmt::Write as _;

use serde_json::Value;

use super::doc::Doc;
use super::events::EventMention;
use super::lexicon::Travel;
use super::visits::{Told, VisitMention};
use crate::model::{By, Confidence, Day, FuzzyDate, Provenance};

/// How many days before publication a trip or event may have happened and
/// still be the article's news; earlier, it is background.
const NEWS_DAYS: i32 = 45;

/// Tokens quoted before and after the word a rule fired on.
const QUOTE_BEFORE: usize = 2;
const QUOTE_AFTER: usize = 5;

/// The `provenance` of a visit told by `best` (and `mentions` sentences in
/// all), dated `date`, with its origin known or not.
pub(crate) fn visit(
    doc: &Doc<'_>,
    best: &VisitMention,
    mentions: usize,
    date: &FuzzyDate,
    from_known: bool,
    published: Option<Day>,
) -> Value {
    let (rule, strong) = match best.travel {
        Travel::Arrive => ("arrival verb", true),
        Travel::Go => ("travel verb", true),
        Travel::VisitVerb => ("visit verb", true),
        Travel::Welcomed => ("welcomed on arrival", true),
        Travel::VisitNoun => ("visit noun", false),
        Travel::Hosted => ("host received the traveller", false),
        Travel::Attend => ("attended abroad", false),
        Travel::Join => ("joined a group abroad", false),
        Travel::Meet => ("met abroad", false),
    };
    // A companion's visit is the traveller's, told by "accompanied by" or
    // "travelled with": never surer than the words that tie them.
    // So is one a delegation "includes", or who is "in the delegation".
    let sent = doc.sentence(best.sentence);
    let in_party = best.travel != Travel::Join
        && sent.is_any(
            best.at,
            &[
                "includes",
                "included",
                "including",
                "include",
                "delegation",
                "entourage",
                "party",
                "retinue",
                "team",
                "accompanying",
                "accompanies",
                "joined",
                "joins",
            ],
        );
    let companion = best.told == Told::AsCompanion || in_party;
    let rule = if companion {
        "travelled with the traveller"
    } else {
        rule
    };
    let mut because = format!("{rule}: '{}'", quote(doc, best.sentence, best.at));
    let mut confidence = if strong && best.explicit_date && from_known && !companion {
        Confidence::High
    } else {
        Confidence::Medium
    };
    if best.caption {
        because.push_str(", in a photo caption");
        confidence = confidence.min(Confidence::Medium);
    }
    if mentions > 1 {
        let _ = write!(because, " (told in {mentions} sentences)");
    }
    if is_background(date, published) {
        let _ = write!(because, ", background: dated {date}, before the news");
        confidence = Confidence::Low;
    }
    record(&because, confidence)
}

/// The `provenance` of an event.
pub(crate) fn event(doc: &Doc<'_>, mention: &EventMention, published: Option<Day>) -> Value {
    let word = if mention.trigger.nominal {
        "noun"
    } else {
        "verb"
    };
    let mut because = format!(
        "{} {word}: '{}'",
        mention.kind.as_str().replace('_', " "),
        quote(doc, mention.sentence, mention.trigger.at)
    );
    let mut confidence = if mention.explicit_date {
        Confidence::High
    } else {
        Confidence::Medium
    };
    if is_background(&mention.date, published) {
        let _ = write!(
            because,
            ", background: dated {}, before the news",
            mention.date
        );
        confidence = Confidence::Low;
    }
    record(&because, confidence)
}

fn record(because: &str, confidence: Confidence) -> Value {
    let mut provenance = Provenance::new(By::Extract);
    provenance.because = Some(because.to_owned());
    provenance.confidence = Some(confidence);
    provenance.to_value()
}

/// Whether a record dated `date` lies well before the article's news.
fn is_background(date: &FuzzyDate, published: Option<Day>) -> bool {
    published.is_some_and(|day| date.last_day() < day.add_days(-NEWS_DAYS))
}

/// The words around token `at` of sentence `sentence`, as written.
fn quote(doc: &Doc<'_>, sentence: usize, at: usize) -> String {
    let sent = doc.sentence(sentence);
    let first = at.saturating_sub(QUOTE_BEFORE);
    let last = (at + QUOTE_AFTER).min(sent.tokens.len().saturating_sub(1));
    let (Some(first), Some(last)) = (sent.tokens.get(first), sent.tokens.get(last)) else {
        return String::new();
    };
    let quoted = doc.text.get(first.start..last.end()).unwrap_or_default();
    quoted
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([',', ';', ':'])
        .to_owned()
}
