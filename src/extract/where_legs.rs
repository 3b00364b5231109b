//! A tour's earlier leg told by the place it was left: "Ruto flew in from
//! Abu Dhabi, where he had held talks with Sheikh Mohamed on Sunday",
//! "Anwar came to Moscow from Astana, where on Monday he held talks with
//! Tokayev", "flew in from Nouakchott after holding talks there on
//! Monday". The traveller was in that place on the where-clause's day.

use super::lexicon::{Travel, travel};
use super::story::{Parsed, Story, StoryPlace, clause_around, where_clause_date};
use super::travellers::subject;
use super::visits::{Told, VisitMention, home_of};
use crate::gazetteer::Gazetteer;

/// How many words may stand between the travel word and "from" ("flew
/// in from", "came to Moscow from", "arrived in Addis Ababa on Friday
/// from").
const VERB_BEFORE_FROM: usize = 8;

/// Words that say the traveller did something in the place left (not
/// "where he was born").
const DONE_THERE: &[&str] = &[
    "held",
    "met",
    "signed",
    "attended",
    "spent",
    "visited",
    "opened",
    "addressed",
    "talks",
    "holding",
    "meeting",
];

/// How far after "after" its "there" may stand: "after holding talks
/// there".
const AFTER_THERE: usize = 6;

/// The earlier legs a sentence tells by "from PLACE, where ... DAY".
pub(crate) fn where_legs(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    gazetteer: &Gazetteer,
) -> Vec<VisitMention> {
    let sent = &parsed.sent;
    let mut legs = Vec::new();
    let left = parsed
        .places
        .all
        .iter()
        .filter(|p| p.tokens.start > 0 && sent.is(p.tokens.start - 1, "from"));
    for place in left {
        // ", where he held talks on Sunday", "after holding talks there on
        // Monday".
        let end = place.tokens.end;
        let where_at = if sent.punct(end, ',') && sent.is(end + 1, "where") {
            end + 1
        } else if let Some(where_at) = where_after_apposition(parsed, end) {
            where_at
        } else if sent.is(end, "after")
            && (end + 1..(end + AFTER_THERE).min(sent.len())).any(|i| sent.is(i, "there"))
        {
            end
        } else {
            continue;
        };
        let from_at = place.tokens.start - 1;
        let Some(verb) = (from_at.saturating_sub(VERB_BEFORE_FROM)..from_at)
            .rev()
            .take_while(|&i| !sent.punct(i, ','))
            .find(|&i| {
                travel(sent.word(i)).is_some_and(|kind| matches!(kind, Travel::Go | Travel::Arrive))
            })
        else {
            continue;
        };
        let clause = clause_around(sent, where_at + 1);
        if !(where_at + 1..clause.end).any(|i| sent.is_any(i, DONE_THERE)) {
            continue;
        }
        let Some(date) = where_clause_date(sent, where_at)
            .and_then(|index| story.resolve_date(sent, parsed.text, index))
        else {
            continue;
        };
        let (actors, _) = subject(parsed, verb);
        for actor in actors {
            let Some(home) = home_of(story, gazetteer, actor) else {
                continue;
            };
            if home.country == place.country || story.leader_of(actor).is_none() {
                continue;
            }
            legs.push(VisitMention {
                sentence: sent.index,
                span: sent.span,
                caption: parsed.caption,
                at: where_at,
                travel: Travel::Go,
                actor,
                to: StoryPlace {
                    country: place.country,
                    city: place.city.clone(),
                },
                from: Some(home),
                date,
                explicit_date: true,
                purpose: None,
                told: Told::Plainly,
            });
        }
    }
    legs
}

/// How many words an apposition between a place and its "where" may take:
/// "from Jakarta, the first stop of a two-nation tour, where".
const APPOSITION_WORDS: usize = 10;

/// The "where" after an apposition to the place that ends at `end`:
/// "flew in from Jakarta, the first stop of a two-nation tour, where he
/// held talks ... on March 10".
fn where_after_apposition(parsed: &Parsed<'_, '_>, end: usize) -> Option<usize> {
    let sent = &parsed.sent;
    if !(sent.punct(end, ',') && sent.is_any(end + 1, &["the", "a", "an", "his", "her"])) {
        return None;
    }
    let comma =
        (end + 2..(end + 2 + APPOSITION_WORDS).min(sent.len())).find(|&i| sent.punct(i, ','))?;
    let another_place = parsed
        .places
        .all
        .iter()
        .any(|p| p.tokens.start > end && p.tokens.start < comma);
    (!another_place && sent.is(comma + 1, "where")).then_some(comma + 1)
}
