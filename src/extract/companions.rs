//! Who travelled with a traveller: "He was accompanied by the foreign
//! minister, Penny Wong, and the trade minister, Don Farrell", "who
//! travelled with Foreign Minister Sugiono", "Dar and Aurangzeb arrived
//! with the premier". Each companion's visit is the traveller's (same
//! place, same day), from the companion's own country, or the
//! traveller's when the article gives the companion none.

use super::doc::Sent;
use super::legs::{LEG_DAYS, Legs};
use super::story::{Actor, ActorMention, Parsed, Story};
use super::text::Kind;
use super::travellers::subject;
use super::visits::{Told, VisitMention, home_of};
use crate::gazetteer::Gazetteer;
use crate::model::CountryCode;

/// How far after "accompanied by" or "with" the companions may be named.
const LIST_WINDOW: usize = 30;
/// How many words ("the foreign affairs minister,", "his wife,") may come
/// before the first companion's name is reached.
const LIST_START: usize = 6;
/// Words that end a list of companions.
const LIST_STOPS: &[&str] = &[
    "was", "were", "is", "are", "will", "who", "after", "before", "for", "to", "in", "on", "at",
    "from", "that", "which", "where", "when", "said", "says", "during", "since", "flew", "arrived",
    "met", "held", "had",
];

/// What a traveller's companions are called together.
const PARTIES: &[&str] = &["delegation", "entourage", "party", "team", "retinue"];

/// Offices by which a story calls its traveller ("the premier").
const LEADER_OFFICES: &[&str] = &[
    "premier",
    "president",
    "prime",
    "chancellor",
    "king",
    "queen",
    "emir",
    "pope",
    "minister",
];

/// Whether the participle at `at` follows a form of "be": "was
/// accompanied", "are accompanying".
fn passive(sent: &Sent<'_, '_>, at: usize) -> bool {
    at > 0 && sent.is_any(at - 1, &["was", "were", "is", "are", "be", "been", "being"])
}

/// Where "with" is after a travel verb at `at`: "travelled with
/// Sugiono", "travelled to Tunis with von der Leyen", "flew into Port
/// Moresby on Tuesday with Pacific Minister Pat Conroy".
fn travelled_with(parsed: &Parsed<'_, '_>, at: usize) -> Option<usize> {
    let sent = &parsed.sent;
    let travelled = matches!(
        sent.word(at),
        "travelled" | "traveled" | "travelling" | "traveling" | "flew" | "arrived" | "landed"
    );
    // "told reporters travelling with him": the participle is the
    // reporters', who are nobody's companions by name.
    let participle = sent.word(at).ends_with("ing");
    let of_a_noun = at > 0
        && sent.tokens[at - 1].kind == Kind::Word
        && sent.tokens[at - 1].is_lowercase()
        && !sent.is_any(
            at - 1,
            &["is", "are", "was", "were", "been", "be", "who", "and"],
        );
    if !travelled || participle && of_a_noun && parsed.actor_at(at - 1).is_none() {
        return None;
    }
    let mut next = at + 1;
    if sent.is_any(next, &["to", "into", "in"]) {
        let place = parsed
            .places
            .place_at(next + 1)
            .filter(|place| place.tokens.start == next + 1)?;
        next = place.tokens.end;
    }
    if sent.is(next, "on") && sent.in_date(next + 1) {
        next += 1;
    }
    while sent.in_date(next) {
        next += 1;
    }
    sent.is(next, "with").then_some(next)
}

/// How far after the one joined the place where they were joined may be
/// named: "joined the prime minister in the Indian capital".
const JOINED_IN_WINDOW: usize = 8;

/// The country of the place named with "in" soon after `from`.
fn place_after(parsed: &Parsed<'_, '_>, from: usize) -> Option<CountryCode> {
    let sent = &parsed.sent;
    (from..(from + JOINED_IN_WINDOW).min(sent.len()))
        .take_while(|&i| !sent.punct(i, ',') && !sent.punct(i, ';'))
        .filter(|&i| sent.is(i, "in"))
        .find_map(|i| {
            let at = if sent.is(i + 1, "the") { i + 2 } else { i + 1 };
            parsed.places.place_at(at).map(|place| place.country)
        })
}

/// How far after "those travelling with" its "are" (or "is") may stand.
const AMONG_REACH: usize = 20;

/// Where "are" stands in "Among those travelling (accompanying) with the
/// President are ..." or "Accompanying the President are ...", when the
/// word at `at` opens such a list.
fn among_those(sent: &Sent<'_, '_>, at: usize) -> Option<usize> {
    // "Also in the delegation is Foreign Minister Mohamad Hasan".
    let in_party = sent.is_any(at, PARTIES)
        && at >= 2
        && sent.is(at - 1, "the")
        && sent.is(at - 2, "in")
        && (0..at - 2).all(|i| sent.is_any(i, &["also", "among"]));
    if in_party && sent.is_any(at + 1, &["are", "were", "is", "was"]) {
        return Some(at + 1);
    }
    let verb = matches!(
        sent.word(at),
        "travelling" | "traveling" | "accompanying" | "travelled" | "traveled"
    );
    // "Among those travelling with ...", and opening a sentence:
    // "Accompanying the President are ...".
    let opens = at == 0 || (at.saturating_sub(2)..at).any(|i| sent.is(i, "those"));
    if !verb || !opens {
        return None;
    }
    (at + 1..(at + AMONG_REACH).min(sent.len()))
        .find(|&i| sent.is_any(i, &["are", "were", "is", "was"]))
}

/// How many words a companion's office may take before the name: "by
/// Senegal's Minister of African Integration and Foreign Affairs, Dr
/// Yassine Fall".
const OFFICE_WORDS: usize = 14;

/// Whether the first companion, named at `first`, opens the list that
/// starts at `list_start`: within a few words ("the foreign minister,"),
/// or after an office in capitals.
fn opens_list(sent: &Sent<'_, '_>, list_start: usize, first: usize) -> bool {
    let office = || {
        (list_start..first).all(|i| {
            sent.capitalized(i)
                || sent.is_any(i, &["of", "and", "for", "the"])
                || sent.punct(i, ',')
                || sent.tokens[i].kind == super::text::Kind::Possessive
        })
    };
    first <= list_start + LIST_START || first <= list_start + OFFICE_WORDS && office()
}

/// The people a list of companions starting at `list_start` names: up to
/// the clause's next verb or preposition ("accompanied by aides, flew to
/// Kyiv after talks with Duda" names no companion Duda), though not one
/// inside a title ("Minister of State for Foreign Affairs").
fn listed_from<'p>(parsed: &'p Parsed<'_, '_>, list_start: usize) -> Vec<&'p ActorMention> {
    let sent = &parsed.sent;
    let in_title = |i: usize| {
        sent.is_any(i, &["for", "of", "to"])
            && sent
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.text.starts_with(char::is_uppercase))
    };
    let list_end = (list_start..(list_start + LIST_WINDOW).min(sent.len()))
        // "Mr Adam Malik; the Minister of State Secretary, ...; and ...":
        // a semicolon that goes on with the list does not end it.
        .find(|&i| {
            sent.is_any(i, LIST_STOPS) && !in_title(i)
                || sent.punct(i, ';') && !sent.is_any(i + 1, &["and", "the"])
        })
        .unwrap_or_else(|| (list_start + LIST_WINDOW).min(sent.len()));
    // "..., regional governors, Presidential Aide Yury Ushakov told
    // reporters": a name followed by its own verb is the sentence's
    // source, not one of the list.
    let speaks = |m: &&ActorMention| sent.is_any(m.tokens.end, &["told", "said", "says", "tells"]);
    parsed
        .actors
        .iter()
        .filter(|m| m.tokens.start >= list_start && m.tokens.start < list_end && !m.relative)
        .filter(|m| !speaks(m))
        .collect()
}

/// How many sentences open a story with its news: headline, deck, byline
/// and lede.
const NEWS_SENTENCES: usize = 6;

/// The leg of `actor`'s latest journey that the story is datelined at:
/// "Anwar's plane touched down ... after a flight from Bangkok, where his
/// trip began on Saturday. He was accompanied by ..." went to Jakarta; of
/// several sentences about that stay, the one of its first day ("arrived
/// late Tuesday", not "received on Wednesday").
fn news_leg<'l>(story: &Story, legs: &'l Legs, actor: Actor) -> Option<&'l VisitMention> {
    let latest = legs.last_visit(actor)?;
    let of_these_days = |visit: &&VisitMention| {
        (latest.date.first_day().0 - visit.date.first_day().0).abs() <= LEG_DAYS
    };
    let Some(dateline) = &story.dateline else {
        // No dateline: the trip the lede told, when it is of these days.
        return legs
            .first_visit(actor)
            .filter(|first| first.sentence < NEWS_SENTENCES && of_these_days(first));
    };
    legs.visits_to(actor, dateline.country)
        .filter(of_these_days)
        // A headline's "ARRIVES IN INDIA" names less than "arrived in New
        // Delhi today".
        .min_by_key(|news| (news.date.first_day(), news.to.city.is_none()))
}

/// The visits of `party`, who went along on `base`: each from their own
/// country, or (a minister the article names with no country of their
/// own) from the traveller's. `told` holds the visits the sentence
/// already gave.
#[allow(clippy::too_many_arguments)]
fn party_visits(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    gazetteer: &Gazetteer,
    at: usize,
    base: &VisitMention,
    party: &[Actor],
    travellers: &[Actor],
    found: &[VisitMention],
) -> Vec<VisitMention> {
    let mut visits: Vec<VisitMention> = Vec::new();
    for &actor in party {
        // Known from the sentence already, unless only undated ("Wong, who
        // travelled separately from Canberra, joined the prime minister
        // ... on Wednesday": the joining gives the day).
        let known = found
            .iter()
            .filter(|visit| visit.explicit_date || !base.explicit_date)
            .chain(&visits)
            .any(|visit| visit.actor == actor);
        if known || travellers.contains(&actor) || story.leader_of(actor).is_none() {
            continue;
        }
        // A minister the agency only assumed to be its own who travels
        // with a visitor is the visitor's ("TOKYO (Kyodo) ... He was
        // accompanied by Foreign Secretary Enrique Manalo").
        let assumed = story
            .leader_of(actor)
            .is_some_and(|id| story.house_assumed.contains(&id));
        let own = if assumed {
            None
        } else {
            home_of(story, gazetteer, actor)
        };
        // One the article gives no country is of the traveller's, not of the
        // tour's previous stop the trip set out from.
        let Some(home) = own
            .or_else(|| home_of(story, gazetteer, base.actor))
            .or_else(|| base.from.clone())
        else {
            continue;
        };
        if home.country == base.to.country {
            continue;
        }
        visits.push(VisitMention {
            sentence: parsed.sent.index,
            span: parsed.sent.span,
            caption: parsed.caption,
            at,
            actor,
            from: Some(home),
            purpose: None,
            told: Told::AsCompanion,
            ..base.clone()
        });
    }
    visits
}

/// The traveller's trip that companions share: for "joined X in Y", X's
/// own trip to Y; else the sentence's (`own_trip`, as "flew into Port
/// Moresby on Tuesday with Conroy" tells it, whatever else the sentence
/// tells), or the news of the latest sentence before the legs it recalls
/// ("arrived in Hanoi ..., following a state visit to Japan").
fn base_trip<'v>(
    story: &Story,
    legs: &'v Legs,
    found: &'v [VisitMention],
    actor: Actor,
    own_trip: Option<&'v VisitMention>,
    joined_in: Option<CountryCode>,
) -> Option<&'v VisitMention> {
    let told = own_trip.or_else(|| found.iter().rev().find(|visit| visit.actor == actor));
    match joined_in {
        // The one joined got there before, on a trip of their own.
        Some(country) => legs
            .visit_to(actor, country)
            .or_else(|| told.filter(|visit| visit.to.country == country)),
        None => told
            .or_else(|| news_leg(story, legs, actor))
            .or_else(|| legs.latest().filter(|visit| visit.actor == actor))
            .or_else(|| legs.last_visit(actor)),
    }
}

/// The visits of the companions a sentence names. `found` holds the
/// sentence's own visits; the traveller's last visit in `legs` stands in
/// when the sentence has none ("He was accompanied by ...").
pub(crate) fn companions(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    gazetteer: &Gazetteer,
    legs: &Legs,
    found: &[VisitMention],
) -> Vec<VisitMention> {
    let sent = &parsed.sent;
    let mut visits: Vec<VisitMention> = Vec::new();
    for at in 0..sent.len() {
        let word = sent.word(at);
        // "accompanied by", "accompanied in Nairobi by".
        let by_at = (at + 1..(at + 5).min(sent.len())).find(|&i| sent.is(i, "by"));
        let accompanied = word == "accompanied"
            && by_at.is_some_and(|by| (at + 1..by).all(|i| !sent.punct(i, ',')));
        let with_at = travelled_with(parsed, at);
        let along = with_at.is_some();
        // "Dar and Aurangzeb arrived with the premier": the subjects came
        // along with the one named after "with".
        // But "arrived with his wife, Nancy": hers is the companion's trip.
        let came = matches!(word, "arrived" | "came")
            && sent.is(at + 1, "with")
            && !sent.is_any(at + 2, &["his", "her", "their"]);
        // "Wong and Farrell joined the prime minister in the Indian
        // capital", "Jaishankar and Doval are accompanying the prime
        // minister", "Cooper accompanied Starmer in Cairo": the subjects
        // went along with the one named after the verb.
        // ("the ministers accompanying the prime minister" names none).
        let joined = matches!(word, "joined" | "joins" | "accompanies")
            || word == "accompanying" && passive(sent, at)
            || word == "accompanied" && by_at.is_none() && !passive(sent, at);
        let came = came || joined;
        // "The Malaysian delegation includes Foreign Minister Zambry",
        // "Members of Haitham's entourage, including ...".
        let includes = matches!(word, "includes" | "included" | "including" | "include")
            && (at.saturating_sub(4)..at).any(|i| sent.is_any(i, PARTIES));
        // "Among those travelling with the President are Foreign Minister
        // Hakan Fidan and ...": the party follows "are".
        let among = among_those(sent, at);
        if !(accompanied || along || came || includes || among.is_some()) {
            continue;
        }
        let list_start = match (among, with_at, by_at) {
            (Some(are), _, _) => are + 1,
            (None, Some(with), _) => with + 1,
            (None, None, Some(by)) if accompanied => by + 1,
            _ if includes || joined => at + 1,
            _ => at + 2,
        };
        let listed = listed_from(parsed, list_start);
        // "arrived with the premier": the story's traveller, by office.
        let by_office = listed.is_empty()
            && sent.is(list_start, "the")
            && sent.is_any(list_start + 1, LEADER_OFFICES);
        if !by_office
            && listed
                .first()
                .is_none_or(|first| !opens_list(sent, list_start, first.tokens.start))
        {
            continue;
        }
        // The latest trip's traveller: the focus may be this sentence's own
        // subjects by now.
        let latest_traveller = || legs.latest().map(|visit| visit.actor).into_iter().collect();
        let named_after: Vec<Actor> = if by_office {
            latest_traveller()
        } else {
            listed
                .iter()
                .flat_map(|m| m.actors.iter().copied())
                .collect()
        };
        let (subjects, _) = subject(parsed, at);
        // "The former army general, who travelled with ...": a subject
        // not named, described, is the story's traveller ("an aide
        // travelling with Kallas" is not).
        let unnamed = subjects.is_empty() && at > 0 && sent.is(at - 1, "who");
        // "The veteran leftist was accompanied by ...": described, not
        // named, the traveller is the latest one.
        let described = subjects.is_empty() && accompanied || includes || among.is_some();
        let subjects = if unnamed {
            story.focus.into_iter().collect()
        } else if described {
            latest_traveller()
        } else {
            subjects
        };
        let (travellers, party) = if came {
            (named_after, subjects)
        } else {
            (subjects, named_after)
        };
        // "joined the prime minister in the Indian capital": the leg
        // there, not the traveller's latest.
        let joined_in = joined.then(|| place_after(parsed, list_start)).flatten();
        let own_trip = |actor: Actor| {
            found
                .iter()
                .find(|visit| along && visit.actor == actor && visit.at == at)
        };
        let base = travellers
            .iter()
            .find_map(|&actor| base_trip(story, legs, found, actor, own_trip(actor), joined_in));
        let Some(base) = base.or_else(|| {
            if unnamed && !came {
                legs.latest()
            } else {
                None
            }
        }) else {
            continue;
        };
        visits.extend(party_visits(
            parsed,
            story,
            gazetteer,
            at,
            base,
            &party,
            &travellers,
            found,
        ));
    }
    visits
}
