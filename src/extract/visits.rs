//! Visits: the travel patterns ("arrived in", "flew on to", "visit to ...
//! by", "was welcomed at ... in", "X hosted Y", "is joining a group headed
//! by"), from where, to where, when and why; domestic trips kept out.
//! Whether a trip is real at all is `unreal`'s; who travelled is
//! `travellers`'; one visit per trip, `merge`'s.

use super::dates::DateExpr;
use super::destination::{DESTINATION_WINDOW, destinations, place_before_noun};
use super::doc::Sent;
use super::leg_dates::{chained_date, same_event_date, tour_legs, way_back_date};
use super::legs::Legs;
use super::lexicon::{Travel, is_weak_travel, travel};
use super::phrases::noun_phrase_trigger;
use super::places::PlaceHow;
use super::story::{Actor, Parsed, Story, StoryPlace, clause_around, names_event, opening_place};
use super::text::Kind;
use super::travellers::travellers;
use super::unreal::is_hypothetical;
use crate::gazetteer::Gazetteer;
use crate::model::{CountryCode, FuzzyDate, PlaceRef, Span};

/// Adverbs that make a trip a habit: "repeatedly travelled to London".
const HABITUAL: &[&str] = &[
    "repeatedly",
    "regularly",
    "often",
    "frequently",
    "routinely",
    "usually",
];

/// A travel word in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// Its token.
    pub at: usize,
    /// What it says.
    pub travel: Travel,
}

/// One sentence's account of a trip, before merging.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct VisitMention {
    /// The sentence it came from.
    pub sentence: usize,
    /// That sentence's bytes.
    pub span: Span,
    /// Whether that sentence is a photo caption.
    pub caption: bool,
    /// The travel word's token in that sentence.
    pub at: usize,
    /// How the sentence tells of the trip.
    pub travel: Travel,
    /// Who travelled.
    pub actor: Actor,
    /// Where to.
    pub to: StoryPlace,
    /// Where from, when known.
    pub from: Option<StoryPlace>,
    /// When.
    pub date: FuzzyDate,
    /// Whether the sentence gave the date (rather than the publication date
    /// standing in).
    pub explicit_date: bool,
    /// Why, as stated.
    pub purpose: Option<String>,
    /// How the sentence tells of it.
    pub told: Told,
}

/// How a sentence tells of a trip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Told {
    /// As its news or as a trip of its own.
    Plainly,
    /// In passing, in a clause about the traveller (", who was in Peking
    /// on his way to Hanoi, ...").
    InPassing,
    /// As a companion's of the traveller ("accompanied by Y", "X arrived
    /// with Y"): the trip is Y's only as surely as the words that tie Y
    /// to X.
    AsCompanion,
}

/// The travel words of a sentence, with the forms that do not count (a
/// "visiting delegation", "headed by", an active "met") left out.
pub(crate) fn triggers(parsed: &Parsed<'_, '_>) -> Vec<Trigger> {
    (0..parsed.sent.len())
        .filter_map(|at| {
            let word = parsed.sent.word(at);
            let travel = match travel(word) {
                Some(kind) => classify(parsed, at, kind),
                None => noun_phrase_trigger(parsed, at),
            };
            travel.map(|travel| Trigger { at, travel })
        })
        .collect()
}

/// What a travel word at `at` tells here, if it counts: "touched" only
/// before "down", "headed" not before "by", "visit" as a noun, "welcomed"
/// in the passive (or, active, as hosting), ...
fn classify(parsed: &Parsed<'_, '_>, at: usize, kind: Travel) -> Option<Travel> {
    const STAYS: &[&str] = &[
        "day", "days", "nights", "night", "hours", "weeks", "week", "weekend", "months",
    ];
    const TOWARDS: &[&str] = &["to", "into", "for", "toward", "towards"];
    let sent = &parsed.sent;
    let word = sent.word(at);
    let next = sent.word(at + 1);
    let passive = (1..=3).any(|back| {
        at >= back
            && sent.is_any(
                at - back,
                &["is", "was", "were", "are", "been", "be", "being"],
            )
    });
    let within = |words: &[&str], reach: usize| (1..=reach).any(|k| sent.is_any(at + k, words));
    let keep = match kind {
        Travel::Arrive => match word {
            "touched" => next == "down",
            // "stopped in Nairobi in May", and by sea: "stepped ashore at
            // Portsmouth", "disembarked at Le Havre", "docked in Lisbon".
            "gathered" | "gather" | "converged" | "assembled" | "stopped" | "ashore"
            | "disembarked" | "disembarks" | "docked" | "docks" => {
                place_follows(parsed, at, &["in", "at"], 3)
            }
            // "spent two days in Paris".
            "spent" | "spends" | "spending" => {
                within(STAYS, 4) && place_follows(parsed, at, &["in"], 6)
            }
            _ => true,
        },
        Travel::Go => match word {
            // "flew in on Saturday", "flew in from Addis Ababa": arrived
            // where the story is; but in "flew in from Minsk, where he held
            // talks on Tuesday" the dates are Minsk's.
            _ if flies_in(sent, at) => {
                !(at + 2..sent.len().min(at + 8)).any(|i| sent.is(i, "where"))
            }
            "left" | "leaves" | "leaving" | "departed" | "departs" | "departing" | "headed"
            | "heads" | "heading" => within(&["for", "to", "toward", "towards"], 4) && next != "by",
            "crossed" | "crosses" | "crossing" => within(&["into"], 3),
            // "travelled overnight on the same train from southeastern
            // Poland": to where the story is (see `destinations`).
            // "flew there in June 2000", "He last came in May 2022".
            _ => {
                within(TOWARDS, 4) || within(&["from"], 8) || next == "there" || came_then(sent, at)
            }
        },
        // "Nixon's China visit", "Modi's US trip": the place names the noun.
        Travel::VisitVerb | Travel::VisitNoun
            if matches!(word, "visit" | "visits" | "trip" | "tour")
                && place_names_noun(parsed, at) =>
        {
            return Some(Travel::VisitNoun);
        }
        Travel::VisitVerb if matches!(word, "visit" | "visits") && is_noun_use(parsed, at) => {
            return (matches!(next, "to" | "of" | "through" | "in") || paid_by(parsed, at))
                .then_some(Travel::VisitNoun);
        }
        Travel::VisitVerb => word != "visiting" || place_follows(parsed, at, &[], 3),
        Travel::VisitNoun if matches!(word, "stop" | "stopover") => is_a_stop(sent, at),
        // "his first known trip abroad as leader to Beijing", "his first
        // overseas trip as prime minister to Jakarta".
        Travel::VisitNoun
            if matches!(next, "abroad" | "overseas" | "as")
                && (at + 2..(at + 6).min(sent.len())).any(|i| sent.is(i, "to")) =>
        {
            true
        }
        // "The tour began on Monday in Accra", "a regional tour that began
        // in Qatar on Sunday": where it began is a visit.
        // "Blinken's trip began on Thursday in Tel Aviv".
        Travel::VisitNoun if begins(sent, at) => (at.saturating_sub(3)..at).any(|i| {
            sent.is_any(i, &["the", "his", "her", "their", "a", "an"])
                || sent.tokens[i].kind == Kind::Possessive
        }),
        // "a trip in November during which ...", but in "visited Cairo on
        // a Middle East tour in August" the tour and its date are the
        // verb's.
        Travel::VisitNoun => {
            let verb_before = (clause_around(sent, at).start..at)
                .any(|i| travel(sent.word(i)).is_some_and(|k| k != Travel::VisitNoun));
            // "a trip there by Gabriel", "his first overseas trip was to
            // Indonesia".
            matches!(next, "to" | "of" | "through" | "there")
                || next == "was" && sent.is(at + 2, "to")
                || paid_by(parsed, at)
                || next == "in" && !(sent.in_date(at + 2) && verb_before)
        }
        // Active "Kim welcomed Xi to Pyongyang": Xi is the guest; "Lavrov
        // met Wang in Beijing": Lavrov was there.
        Travel::Welcomed if !passive && word != "met" && parsed.actor_after(at, 3).is_some() => {
            return Some(Travel::Hosted);
        }
        // "In Bangkok on Saturday, he met Prime Minister Paetongtarn".
        Travel::Welcomed
            if !passive
                && word == "met"
                && (meeting_place_follows(parsed, at)
                    || opening_place(parsed).is_some_and(|place| place.city.is_some())) =>
        {
            return Some(Travel::Meet);
        }
        Travel::Welcomed => passive,
        Travel::Hosted => !passive && next != "by",
        Travel::Attend | Travel::Meet => true,
        Travel::Join => parsed.actor_after(at, 4).is_some(),
    };
    keep.then_some(kind)
}

/// Whether "stop" or "stopover" at `at` tells of a stay: "a brief stop in
/// Pyongyang", "a 2009 stop in Accra", "a brief unscheduled stop in
/// Managua", "after a stopover at Shannon airport", "a stopover in Doha"; but "a refuelling stop
/// in Tashkent" is no visit.
fn is_a_stop(sent: &Sent<'_, '_>, at: usize) -> bool {
    let next = sent.word(at + 1);
    if at == 0 || sent.is_any(at - 1, &["refueling", "refuelling", "technical"]) {
        return false;
    }
    if sent.is(at, "stopover") {
        return matches!(next, "at" | "in");
    }
    let described = (at.saturating_sub(3)..at).any(|i| {
        sent.is_any(i, &["a", "an", "his", "her", "their"])
            && (i + 1..at).all(|j| sent.tokens[j].is_lowercase() || sent.in_date(j))
    });
    next == "in"
        && (sent.is_any(at - 1, &["brief", "short", "first", "final", "last"])
            || sent.in_date(at - 1)
            || described)
}

/// Whether the one who made the trip named at `at` follows it: "a state
/// visit Prabowo paid to Brasilia".
fn paid_by(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    let sent = &parsed.sent;
    parsed.actor_after(at, 1).is_some_and(|m| {
        sent.is_any(m.tokens.end, &["paid", "made"]) && sent.is(m.tokens.end + 1, "to")
    })
}

/// Whether a place stands right before the travel noun at `at` (across
/// "state", "official"): "Obama's Chile visit", "the US state visit".
pub(super) fn place_names_noun(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    place_before_noun(parsed, at).is_some()
}

/// Whether "visit" at `at` is a noun: "a visit", "his visit", "state
/// visit to", "Xi's visit".
fn is_noun_use(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    let sent = &parsed.sent;
    if sent.is(at + 1, "to") {
        return true;
    }
    at > 0
        && (sent.is_any(
            at - 1,
            &[
                "a",
                "an",
                "the",
                "his",
                "her",
                "their",
                "its",
                "this",
                "that",
                "state",
                "official",
                "working",
                "first",
                "surprise",
                "rare",
                "landmark",
                "historic",
                "ongoing",
                "recent",
                "last",
                "previous",
                "planned",
                "possible",
                "upcoming",
                "reciprocal",
                "return",
                "unannounced",
                "two-day",
                "three-day",
                "four-day",
                "five-day",
                "one-day",
                "week-long",
                "day-long",
            ],
        ) || sent.tokens[at - 1].kind == Kind::Possessive)
}

/// Whether a city or site follows a meeting word within its clause, after
/// "in" or "at": "met Xi at the Great Hall in Beijing".
pub(super) fn meeting_place_follows(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    let sent = &parsed.sent;
    let clause = clause_around(sent, at);
    (at + 1..clause.end.min(at + DESTINATION_WINDOW)).any(|i| {
        let before = if sent.is(i.saturating_sub(1), "the") {
            i.saturating_sub(2)
        } else {
            i.saturating_sub(1)
        };
        sent.is_any(before, &["in", "at"])
            && parsed.places.place_at(i).is_some_and(|p| {
                p.tokens.start == i
                    && (matches!(p.how, PlaceHow::City | PlaceHow::Landmark)
                        // "met in Singapore": a city-state.
                        || p.how == PlaceHow::Country && p.city.is_some())
            })
    })
}

/// Whether a place follows within `window` tokens, after one of `words`
/// when given.
pub(super) fn place_follows(
    parsed: &Parsed<'_, '_>,
    at: usize,
    words: &[&str],
    window: usize,
) -> bool {
    (at + 1..=at + window).any(|i| {
        let preposition_ok = words.is_empty() || (i > 0 && parsed.sent.is_any(i - 1, words));
        preposition_ok
            && parsed
                .places
                .place_at(i)
                .is_some_and(|p| p.tokens.start == i)
    })
}

/// "He first came to Dhaka in 2006": coming, straight to a place, is a
/// trip ("came to power", "came to an end" are not); so is coming at a
/// time, last or first ("He last came in May 2022": where the story is).
fn came_to_a_place(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    let sent = &parsed.sent;
    let to_a_place = sent.is(at + 1, "to")
        && parsed
            .places
            .place_at(at + 2)
            .is_some_and(|place| place.tokens.start == at + 2);
    sent.is_any(at, &["came", "comes", "coming"]) && (to_a_place || came_then(sent, at))
}

/// "He last came in May 2022", "she first came in 1998": a coming dated,
/// with no place of its own.
pub(super) fn came_then(sent: &Sent<'_, '_>, at: usize) -> bool {
    at > 0
        && sent.is(at, "came")
        && sent.is_any(at - 1, &["last", "first"])
        && (sent.in_date(at + 1) || sent.is(at + 1, "in") && sent.in_date(at + 2))
}

/// Whether a travel noun at `at` is told beginning: "the tour began",
/// "a tour that began", "a trip which started".
pub(crate) fn begins(sent: &Sent<'_, '_>, at: usize) -> bool {
    let starts = |i: usize| sent.is_any(i, &["began", "begins", "started", "starts"]);
    // "his current trip, which began Thursday in Abu Dhabi".
    let comma = usize::from(sent.punct(at + 1, ','));
    starts(at + 1) || sent.is_any(at + 1 + comma, &["that", "which"]) && starts(at + 2 + comma)
}

/// The dates joined to a trip's first one: "in 2019 and again in 2022".
fn more_dates(parsed: &Parsed<'_, '_>, story: &Story, first: usize) -> Vec<(FuzzyDate, bool)> {
    let sent = &parsed.sent;
    let mut found = Vec::new();
    let mut previous = first;
    for index in first + 1..sent.dates.len() {
        let gap = sent.dates[previous].tokens.end..sent.dates[index].tokens.start;
        let joined = gap.len() <= 3
            && gap.clone().any(|i| sent.is(i, "and"))
            && gap
                .clone()
                .all(|i| sent.is_any(i, &["and", "again", "in", "on", "also", ","]));
        if !joined {
            break;
        }
        if let Some(date) = story.resolve_date(sent, parsed.text, index) {
            found.push((date, true));
        }
        previous = index;
    }
    found
}

/// Whether a trigger continues a journey: "fly on to", "then flew to",
/// "before flying to", "onward to".
pub(super) fn is_chained(parsed: &Parsed<'_, '_>, trigger: &Trigger) -> bool {
    let sent = &parsed.sent;
    let after_on = sent.is(trigger.at + 1, "on") && sent.is_any(trigger.at + 2, &["to", "for"]);
    let onward = sent.is_any(trigger.at + 1, &["onward", "onwards"]);
    let before = (1..=2).any(|back| {
        trigger.at >= back
            && sent.is_any(
                trigger.at - back,
                &["then", "later", "before", "next", "subsequently"],
            )
    });
    after_on || onward || before
}

/// The purpose after a destination: "to attend the 70th anniversary ...",
/// "for talks with ...", up to the end of the clause.
fn purpose(parsed: &Parsed<'_, '_>, from: usize) -> Option<String> {
    let sent = &parsed.sent;
    let end = clause_around(sent, from).end.min(from + 30);
    let mut at = from;
    while at < end {
        let start = if sent.is(at, "to")
            && sent.is_any(
                at + 1,
                &["attend", "mark", "celebrate", "commemorate", "join"],
            ) {
            Some(at + 2)
        } else if sent.is(at, "to")
            && sent.is(at + 1, "take")
            && sent.is(at + 2, "part")
            && sent.is(at + 3, "in")
        {
            Some(at + 4)
        } else if sent.is(at, "for") && sent.is_any(at + 1, &["a", "an", "the", "talks"]) {
            Some(at + 1)
        } else {
            None
        };
        if let Some(mut start) = start {
            while start < end && sent.is_any(start, &["the", "a", "an"]) {
                start += 1;
            }
            let mut stop = end;
            while stop > start && (sent.tokens[stop - 1].kind == Kind::Punct) {
                stop -= 1;
            }
            let text = sent.text(parsed.text, start..stop);
            return (!text.is_empty()).then(|| text.to_owned());
        }
        at += 1;
    }
    None
}

/// The visits of one sentence.
///
/// `dates` holds the date mention assigned to each trigger.
pub(crate) fn visits(
    parsed: &Parsed<'_, '_>,
    story: &mut Story,
    triggers: &[Trigger],
    dates: &[Option<usize>],
    legs: &mut Legs,
    gazetteer: &Gazetteer,
) -> Vec<VisitMention> {
    let mut found: Vec<VisitMention> = Vec::new();
    let mut previous: Option<Vec<Actor>> = None;
    for (trigger, date) in triggers.iter().zip(dates) {
        let (actors, guest_end) = travellers_or_latest(parsed, trigger, previous.as_deref(), legs);
        if actors.is_empty() {
            continue;
        }
        previous = Some(actors.clone());
        story.focus = actors.first().copied();
        if trigger.travel == Travel::Join {
            found.extend(companions(
                parsed, story, gazetteer, trigger, &actors, &found,
            ));
            continue;
        }
        if is_weak_travel(parsed.sent.word(trigger.at)) && !came_to_a_place(parsed, trigger.at)
            || is_hypothetical(parsed, trigger)
        {
            continue;
        }
        let guest_end = if trigger.travel == Travel::Hosted {
            guest_end
        } else {
            0
        };
        let Some((mut places, origin, after)) = destinations(parsed, story, trigger, guest_end)
        else {
            continue;
        };
        let Some(actors) = guests_of_hosts(parsed, story, gazetteer, trigger, actors, &places)
        else {
            continue;
        };
        let Some(dates) = trip_dates(parsed, story, trigger, *date) else {
            continue;
        };
        let told = actors.first().and_then(|actor| legs.last_visit(*actor));
        let dates = tour_legs(parsed, trigger, found.last(), told, &mut places, dates);
        let purpose = purpose(parsed, after);
        let chained = is_chained(parsed, trigger);
        let aside = is_aside(parsed, trigger.at);
        for actor in &actors {
            if story.leader_of(*actor).is_none() {
                continue;
            }
            let home = travelling_home(story, gazetteer, *actor, &actors);
            for (to, (date, explicit)) in places
                .iter()
                .flat_map(|to| dates.iter().map(move |d| (to, *d)))
            {
                let (date, explicit) = chained
                    .then(|| chained_date(legs, story, parsed, *actor, explicit))
                    .flatten()
                    .or_else(|| participle_date(parsed, trigger, &found, *actor, explicit))
                    .or_else(|| way_back_date(legs, parsed, trigger, *actor, explicit))
                    .unwrap_or((date, explicit));
                let leg_before = || legs.leg_before(*actor, date, explicit).filter(|_| chained);
                // "Muizzu made his first overseas trip as president to
                // Turkey", told after the news of another trip: when, the
                // text does not say.
                let recalled_undated = || {
                    !explicit
                        && ordinal_trip(parsed, trigger)
                        && legs
                            .last_visit(*actor)
                            .is_some_and(|news| news.to.country != to.country)
                };
                let from = origin.clone().or_else(leg_before).or_else(|| home.clone());
                let Some(from) = from else { continue };
                // Travel at home is no visit: a return ("before returning
                // to Ankara", "flew home"), or a side trip inside the
                // country being visited ("flew on to Erbil" from Baghdad).
                let at_home = home.as_ref().is_some_and(|home| home.country == to.country);
                let side_trip = trigger.travel == Travel::Go
                    && origin.is_none()
                    && legs.inside(*actor, to.country, date);
                if from.country == to.country || at_home || side_trip || recalled_undated() {
                    continue;
                }
                let (date, explicit) = legs.retold(*actor, to.country, date, explicit);
                let (date, explicit) = same_event_date(legs, trigger, to, (date, explicit));
                legs.last.insert(*actor, to.clone());
                found.push(VisitMention {
                    sentence: parsed.sent.index,
                    span: parsed.sent.span,
                    caption: parsed.caption,
                    at: trigger.at,
                    travel: trigger.travel,
                    actor: *actor,
                    to: to.clone(),
                    from: Some(from),
                    date,
                    explicit_date: explicit,
                    purpose: purpose.clone(),
                    told: if aside {
                        Told::InPassing
                    } else {
                        Told::Plainly
                    },
                });
            }
        }
    }
    date_by_siblings(&mut found);
    found
}

/// "Erdogan visited Athens in December, his first trip to Greece": the
/// undated mention is dated by the sentence's other one.
fn date_by_siblings(found: &mut [VisitMention]) {
    let abroad = |m: &VisitMention| m.from.as_ref().is_some_and(|f| f.country != m.to.country);
    let dated: Vec<(Actor, CountryCode, FuzzyDate)> = found
        .iter()
        .filter(|m| m.explicit_date && abroad(m))
        .map(|m| (m.actor, m.to.country, m.date))
        .collect();
    for mention in found.iter_mut().filter(|m| !m.explicit_date) {
        let same = dated
            .iter()
            .find(|(actor, country, _)| *actor == mention.actor && *country == mention.to.country);
        if let Some((_, _, date)) = same {
            mention.date = *date;
            mention.explicit_date = true;
        }
    }
}

/// Whether a travel noun counts its trip: "his first overseas trip", "her
/// previous visit".
fn ordinal_trip(parsed: &Parsed<'_, '_>, trigger: &Trigger) -> bool {
    trigger.travel == Travel::VisitNoun
        && (trigger.at.saturating_sub(3)..trigger.at).any(|i| {
            parsed
                .sent
                .is_any(i, &["first", "previous", "earlier", "maiden"])
        })
}

/// The travellers of a trigger; "The stop in Damascus was the third leg
/// of a tour that began in Cairo", "The tour began Saturday in Hanoi,
/// where Koizumi ...": a tour whose sentence names no one before it is the
/// latest traveller's.
fn travellers_or_latest(
    parsed: &Parsed<'_, '_>,
    trigger: &Trigger,
    previous: Option<&[Actor]>,
    legs: &Legs,
) -> (Vec<Actor>, usize) {
    let (mut actors, guest_end) = travellers(parsed, trigger, previous);
    let tour = trigger.travel == Travel::VisitNoun && begins(&parsed.sent, trigger.at);
    let named_before = parsed.actors.iter().any(|m| m.tokens.start < trigger.at);
    if actors.is_empty() && tour && !named_before {
        actors.extend(legs.latest().map(|visit| visit.actor));
    }
    (actors, guest_end)
}

/// "Brezhnev met Nixon in Moscow": a host who meets at home did not
/// travel; the one met did. The travellers of a trip, with hosts meeting at
/// home replaced by their guest; `None` when there is no guest to take.
fn guests_of_hosts(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    gazetteer: &Gazetteer,
    trigger: &Trigger,
    actors: Vec<Actor>,
    places: &[StoryPlace],
) -> Option<Vec<Actor>> {
    let at_home = |actor: &Actor| {
        home_of(story, gazetteer, *actor)
            .is_some_and(|home| places.iter().all(|p| p.country == home.country))
    };
    if trigger.travel == Travel::Meet && actors.iter().all(at_home) {
        return parsed
            .actor_after(trigger.at, 5)
            .map(|guest| guest.actors.clone());
    }
    Some(actors)
}

/// Where an actor comes from: their country, at its capital.
pub(crate) fn home_of(story: &Story, gazetteer: &Gazetteer, actor: Actor) -> Option<StoryPlace> {
    let country = story.country_of(actor)?;
    Some(StoryPlace {
        country,
        city: gazetteer.capital(country).map(|city| city.name.to_owned()),
    })
}

/// The date of a trip told by a participle after a comma, from the
/// clause it goes on: "John Paul II visited Indonesia in 1989, traveling
/// from Jakarta to Dili" was in 1989 too.
fn participle_date(
    parsed: &Parsed<'_, '_>,
    trigger: &Trigger,
    found: &[VisitMention],
    actor: Actor,
    explicit: bool,
) -> Option<(FuzzyDate, bool)> {
    let sent = &parsed.sent;
    let participle =
        trigger.at > 0 && sent.punct(trigger.at - 1, ',') && sent.word(trigger.at).ends_with("ing");
    if explicit || !participle {
        return None;
    }
    found
        .iter()
        .rev()
        .find(|visit| visit.actor == actor && visit.explicit_date)
        .map(|visit| (visit.date, true))
}

/// Whether a date mention at `tokens` dates something other than a trip's
/// start: "for last week's Iranian missile barrage" (the barrage's), "on a
/// state visit until Wednesday" (its end).
fn dates_something_else(sent: &Sent<'_, '_>, tokens: &std::ops::Range<usize>) -> bool {
    let owned = sent
        .tokens
        .get(tokens.end)
        .is_some_and(|t| t.kind == Kind::Possessive);
    let until = tokens.start > 0 && sent.is_any(tokens.start - 1, &["until", "till", "through"]);
    owned || until
}

/// Whether a trip is told in the perfect: "has visited", "has made one
/// trip".
fn is_perfect(sent: &Sent<'_, '_>, trigger: &Trigger) -> bool {
    trigger.at > 0 && sent.is_any(trigger.at - 1, &["has", "have"])
        || trigger.travel == Travel::VisitNoun
            && (trigger.at.saturating_sub(4)..trigger.at)
                .any(|i| sent.is_any(i, &["has", "have"]) && sent.is_any(i + 1, &["made", "paid"]))
}

/// When a trip happened: the trigger's date (not a "since" date; for "has
/// arrived" only one of its own clause), else the publication date standing
/// in; with the dates joined to it ("in 2019 and again in 2022"). `None`
/// when the trip is undatable, plural and undated ("twelve trips"), or
/// still to come.
fn trip_dates(
    parsed: &Parsed<'_, '_>,
    story: &mut Story,
    trigger: &Trigger,
    date: Option<usize>,
) -> Option<Vec<(FuzzyDate, bool)>> {
    let sent = &parsed.sent;
    let clause = clause_around(sent, trigger.at);
    let perfect = is_perfect(sent, trigger);
    // "has made one trip to Kyiv since the invasion, in June 2022": the
    // date set off just after the clause is still the trip's.
    let set_off = |start: usize| {
        start > clause.end
            && (clause.end..start).all(|i| sent.punct(i, ',') || sent.is_any(i, &["in", "on"]))
    };
    // "his first trip to Mexico since December 1988, when he travelled to
    // the capital": the when-clause's trip is on the date "since" names.
    let since_when = |index: usize| {
        let mention = &sent.dates[index];
        matches!(mention.expr, DateExpr::Since(_))
            && sent.is(clause.start, "when")
            && mention.tokens.end <= clause.start
    };
    let date_index = date.filter(|&index| {
        let mention = &sent.dates[index];
        if dates_something_else(sent, &mention.tokens) {
            return false;
        }
        // "his first visit to Britain since he took office in May 2023":
        // the date is the office's, not the trip's.
        let between = trigger.at.min(mention.tokens.start)..trigger.at.max(mention.tokens.start);
        let since_between = between.clone().any(|i| sent.is(i, "since"));
        since_when(index)
            || !matches!(mention.expr, DateExpr::Since(_))
                && !since_between
                && (!perfect
                    || clause.contains(&mention.tokens.start)
                    || set_off(mention.tokens.start))
    });
    // "Mr Prabowo flies to Dar es Salaam on Tuesday": the present tense
    // with a weekday is a schedule, still to come.
    let scheduled = matches!(
        sent.word(trigger.at),
        "flies"
            | "travels"
            | "heads"
            | "leaves"
            | "goes"
            | "departs"
            | "arrives"
            | "visits"
            | "returns"
    ) && (date_index
        .is_some_and(|index| matches!(sent.dates[index].expr, DateExpr::Weekday { .. }))
        // "..., then goes on to Athens": the itinerary's next stop.
        || is_chained(parsed, trigger));
    if scheduled {
        return None;
    }
    let resolved = date_index.and_then(|index| {
        let date = story.resolve_date(sent, parsed.text, index)?;
        Some(if since_when(index) {
            FuzzyDate::point(date.start())
        } else {
            date
        })
    });
    let resolved = resolved.map(|date| {
        let Some(index) = date_index else {
            return date;
        };
        let date = day_within_event_year(parsed, story, index, &date).unwrap_or(date);
        match days_after(sent, trigger.at, sent.dates[index].tokens.end) {
            Some(days) if date.is_exact_day() => FuzzyDate::day(date.first_day().add_days(-days)),
            _ => date,
        }
    });
    // "... before travelling on to Beijing": the next stop, undated, is
    // still ahead when the story is filed.
    let onward = trigger.at > 0
        && sent.is(trigger.at - 1, "before")
        && sent.word(trigger.at).ends_with("ing");
    if onward && resolved.is_none() {
        return None;
    }
    // "Assad had also held talks with Carter in Geneva": long before, on
    // a day the text does not give.
    let pluperfect = (1..=3).any(|back| trigger.at >= back && sent.is(trigger.at - back, "had"));
    // "who has visited China 40 times": experience, not a trip of today.
    let experience = perfect && resolved.is_none() && !matches!(trigger.travel, Travel::Arrive)
        || pluperfect && resolved.is_none()
        || (trigger.at + 1..clause.end).any(|i| sent.is_any(i, &["times", "twice"]))
        // "Buhari repeatedly travelled to London": habit, not one trip.
        || (clause.start..trigger.at).any(|i| sent.is_any(i, HABITUAL));
    if experience {
        return None;
    }
    let (date, explicit) = match (resolved, story.published) {
        (Some(date), _) => (date, true),
        (None, Some(day)) => (FuzzyDate::day(day), false),
        (None, None) => {
            story.undated.push(sent.span);
            return None;
        }
    };
    let plural = matches!(sent.word(trigger.at), "trips" | "visits" | "tours");
    let future = story
        .published
        .is_some_and(|day| date.first_day() > day.add_days(1));
    if plural && !explicit || future {
        return None;
    }
    let mut dates = vec![(date, explicit)];
    if let Some(first) = date_index {
        dates.extend(more_dates(parsed, story, first));
    }
    Some(dates)
}

/// "... is joining a Chinese Communist Party group headed by Li
/// Hongzhong": the joined travel to where the joiner is.
fn companions(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    gazetteer: &Gazetteer,
    trigger: &Trigger,
    joiners: &[Actor],
    so_far: &[VisitMention],
) -> Vec<VisitMention> {
    let Some(object) = parsed.actor_after(trigger.at, 4) else {
        return Vec::new();
    };
    let Some(base) = so_far.iter().rev().find(|v| joiners.contains(&v.actor)) else {
        return Vec::new();
    };
    object
        .actors
        .iter()
        .filter(|actor| story.leader_of(**actor).is_some() && !joiners.contains(actor))
        .filter_map(|actor| {
            let home = home_of(story, gazetteer, *actor)?;
            (home.country != base.to.country).then(|| VisitMention {
                actor: *actor,
                from: Some(home),
                purpose: None,
                ..base.clone()
            })
        })
        .collect()
}

/// Whether the travel word at `at` is in a relative clause just after a
/// comma (", who was in Peking", ", who had visited Warsaw"): something
/// said of the traveller in passing.
fn is_aside(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    (at.saturating_sub(4).max(1)..at)
        .any(|i| parsed.sent.is_any(i, &["who", "whose"]) && parsed.sent.is(i - 1, ","))
}

/// How many days before the clause's date a trip came when it is told
/// as "a day after" or "two days after" ("pressed Vietnam on Wednesday, a
/// day after he arrived in Hanoi"); `date_end` is where the date the
/// trigger took ends.
fn days_after(sent: &Sent<'_, '_>, at: usize, date_end: usize) -> Option<i32> {
    let after = (at.saturating_sub(3)..at)
        .rev()
        .find(|&i| sent.is(i, "after"))?;
    if after < 2 || date_end > after {
        return None;
    }
    let count = sent.word(after - 2);
    match sent.word(after - 1) {
        "day" if matches!(count, "a" | "one") => Some(1),
        "days" => match count {
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "five" => Some(5),
            digits => digits.parse().ok().filter(|&n: &i32| (1..=31).contains(&n)),
        },
        _ => None,
    }
}

/// "Tinubu, who is in Beijing for the 2024 Summit of the Forum ... on
/// Tuesday": a year that names an event ("the 2024 Summit", "the 2018
/// World Cup") yields to the day the sentence gives within it.
fn day_within_event_year(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    index: usize,
    date: &FuzzyDate,
) -> Option<FuzzyDate> {
    let sent = &parsed.sent;
    if !names_event(sent, index, date) {
        return None;
    }
    (0..sent.dates.len())
        .filter(|&other| other != index)
        .filter_map(|other| story.resolve_date(sent, parsed.text, other))
        .find(|day| {
            day.is_exact_day()
                && day.first_day() >= date.first_day()
                && day.last_day() <= date.last_day()
        })
}

/// Where `actor` set out from: their country's capital; or, for a
/// minister the article gives no country ("Boric and Foreign Minister
/// Alberto van Klaveren arrived") or one of a couple ("Charles and
/// Camilla"), the home of the one travelling with them.
fn travelling_home(
    story: &Story,
    gazetteer: &Gazetteer,
    actor: Actor,
    together: &[Actor],
) -> Option<StoryPlace> {
    if let Some(home) = home_of(story, gazetteer, actor) {
        return Some(home);
    }
    let title = story
        .leader_of(actor)
        .and_then(|id| story.cast.people.get(id))?
        .title
        .as_deref()
        .map(str::to_lowercase);
    // "Charles and Camilla arrived": a pair, one of no title nor country,
    // travel as a couple.
    let couple = title.is_none()
        && together.len() == 2
        && together.iter().all(|a| matches!(a, Actor::Person(_)));
    let minister = title.is_some_and(|t| t.contains("minister") || t.contains("secretary"));
    if !(couple || minister) {
        return None;
    }
    together
        .iter()
        .find_map(|other| home_of(story, gazetteer, *other))
}

/// "flew in", "flown in": arrived, where the story is unless a place
/// follows.
pub(crate) fn flies_in(sent: &Sent<'_, '_>, at: usize) -> bool {
    sent.is_any(at, &["flew", "flown", "flies", "fly", "flying"]) && sent.is(at + 1, "in")
}

/// A place reference from a country and maybe a city.
pub(crate) fn place_ref(country: CountryCode, city: Option<String>) -> PlaceRef {
    match city {
        Some(city) => PlaceRef::named(Some(country), city),
        None => PlaceRef::country(country),
    }
}
