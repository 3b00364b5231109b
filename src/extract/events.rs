//! Events: missile launches, parades, ceremonies and anniversaries,
//! military exercises, deployments, statements, sanctions, agreements and
//! talks; each with its place, date and actors. Generic mentions ("data
//! on missile launches") are left out: an event needs a verb that makes it
//! happen, a light verb before it ("held talks", "take part in the
//! celebration") or a date of its own.

use std::collections::HashMap;

use super::lexicon::{Flags, Travel, is_weak_travel, travel};
use super::places::PlaceHow;
use super::story::{Parsed, Story, StoryPlace, clause_around, where_place};
use super::travellers::{coordinated, subject};
use super::visits::{VisitMention, place_ref};
use crate::gazetteer::Gazetteer;
use crate::model::{CountryCode, DatePoint, EventKind, FuzzyDate, PlaceRef, Span};

/// How many earlier events of a kind and country a new one is compared
/// with: merging stays linear in the length of the text.
const MERGE_WINDOW: usize = 64;
/// How far around a trigger its supporting words may be, in tokens.
const WINDOW: usize = 8;
/// The longest event title, in characters.
const TITLE_CHARS: usize = 140;

/// A word that names an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EventTrigger {
    /// Its token.
    pub at: usize,
    /// The kind of event.
    pub kind: EventKind,
    /// Whether it is a noun ("parade") rather than a verb ("test-fired"):
    /// nouns need support to count.
    pub nominal: bool,
}

#[rustfmt::skip]
const MISSILE_WORDS: &[&str] = &[
    "missile", "missiles", "rocket", "rockets", "icbm", "icbms", "projectile", "projectiles",
    "ballistic", "hypersonic",
];
#[rustfmt::skip]
const MILITARY_NOUNS: &[&str] = &[
    "troops", "soldiers", "vessels", "warships", "warship", "ships", "submarine", "submarines",
    "carrier", "carriers", "destroyer", "destroyers", "bombers", "bomber", "jets", "fighters",
    "aircraft", "forces", "battalion", "brigade", "thaad", "frigate", "frigates", "troop",
];
#[rustfmt::skip]
const AGREEMENT_NOUNS: &[&str] = &[
    "agreement", "agreements", "deal", "deals", "treaty", "pact", "accord", "accords",
    "memorandum", "memorandums", "memoranda", "mou", "mous", "statement", "declaration",
    "contracts", "contract", "documents", "protocol",
];
#[rustfmt::skip]
const LIGHT_VERBS: &[&str] = &[
    "held", "hold", "holds", "holding", "staged", "stage", "stages", "conducted", "conduct",
    "conducts", "conducting", "carried", "carry", "part", "attend", "attended", "attends",
    "attending", "preparing", "prepare", "prepares", "prepared", "mark", "marked", "marks",
    "marking", "celebrate", "celebrated", "watched", "watch", "oversaw", "oversee", "organised",
    "organized", "hosted", "hosts", "host", "began", "begin", "begins", "launched", "joined",
    "join", "joins", "kicked", "presided", "inspected", "reviewed", "during", "resumed",
    "completed",
];
#[rustfmt::skip]
const STATEMENT_VERBS: &[&str] = &[
    "said", "says", "asserted", "asserts", "announced", "announces", "stated", "declared",
    "warned", "warns", "condemned", "condemns", "denounced", "insisted", "insists", "accused",
    "accuses", "vowed", "pledged", "urged", "urges", "claimed", "reiterated", "confirmed", "told",
    "called",
];
#[rustfmt::skip]
const SANCTION_VERBS: &[&str] = &[
    "imposed", "imposes", "announced", "announces", "slapped", "unveiled", "approved", "adopted",
    "expanded", "extended", "tightened", "levied", "introduced", "issued",
];
/// Words that make an event only a possibility.
#[rustfmt::skip]
const MAYBE: &[&str] = &[
    "could", "would", "might", "may", "possible", "possibly", "potential", "if", "whether",
    "unless", "not", "never", "threatened", "threatens", "agreed", "agree", "plans", "plan",
    "proposed", "hopes", "wants", "considering", "no", "without", "urged", "efforts", "effort",
    "attempt", "calls", "called", "cancelled", "canceled", "cancels", "postponed", "postpones",
    "scrapped", "shelved", "suspended", "planned", "expected", "hope", "hoped",
];
/// Words that mark an undated event as still to come.
#[rustfmt::skip]
const UPCOMING: &[&str] = &[
    "preparing", "prepare", "prepares", "ahead", "upcoming", "will",
];

/// The event words of a sentence.
pub(crate) fn triggers(parsed: &Parsed<'_, '_>) -> Vec<EventTrigger> {
    let sent = &parsed.sent;
    let near = |at: usize, words: &[&str], before: usize, after: usize| {
        let start = at.saturating_sub(before);
        let end = (at + after + 1).min(sent.len());
        (start..end).any(|i| i != at && sent.is_any(i, words))
    };
    let mut found = Vec::new();
    for at in 0..sent.len() {
        let word = sent.word(at);
        let trigger = |kind, nominal| Some(EventTrigger { at, kind, nominal });
        let found_here = match word {
            "test-fired" | "test-fires" | "test-firing" | "test-launched" | "test-fire" => {
                trigger(EventKind::MissileLaunch, false)
            }
            "launched" | "launches" | "launching" | "fired" | "fires" | "firing"
                if near(at, MISSILE_WORDS, 0, 5) =>
            {
                trigger(EventKind::MissileLaunch, false)
            }
            "firings" | "launches" | "launch" | "tests" | "test" | "firing"
                if near(at, MISSILE_WORDS, 2, 0) =>
            {
                trigger(EventKind::MissileLaunch, true)
            }
            "parade" | "parades" => trigger(EventKind::Parade, true),
            "ceremony" | "ceremonies" | "celebration" | "celebrations" | "anniversary"
            | "commemoration" | "commemorations" | "inauguration" | "swearing-in" | "funeral"
            | "wreath-laying" => trigger(EventKind::Ceremony, true),
            "exercises" | "exercise" | "drills" | "drill" | "manoeuvres" | "maneuvers"
            | "wargames"
                if near(
                    at,
                    &[
                        "military",
                        "joint",
                        "naval",
                        "live-fire",
                        "war",
                        "large-scale",
                        "annual",
                        "air",
                        "combined",
                        "nuclear",
                    ],
                    3,
                    0,
                ) || matches!(word, "drills" | "manoeuvres" | "maneuvers" | "wargames") =>
            {
                trigger(EventKind::MilitaryExercise, true)
            }
            "deployed" | "deploys" | "deploying" | "deploy" | "sent" | "sending" | "sends"
            | "dispatched" | "dispatching" | "dispatches" | "stationed"
                if near(at, MILITARY_NOUNS, 0, 6) =>
            {
                trigger(EventKind::Deployment, false)
            }
            "deployment" | "deployments" => trigger(EventKind::Deployment, true),
            "letter" | "communique" | "communiqué" => trigger(EventKind::Statement, true),
            "statement" if !near(at, &["signed", "signs", "signing", "inked"], 4, 0) => {
                trigger(EventKind::Statement, true)
            }
            "sanctions" if near(at, SANCTION_VERBS, 4, 0) => trigger(EventKind::Sanctions, false),
            "sanctioned" => trigger(EventKind::Sanctions, false),
            "signed" | "signs" | "signing" | "inked" if near(at, AGREEMENT_NOUNS, 0, 6) => {
                trigger(EventKind::Agreement, false)
            }
            "talks" if near(at, &["held", "hold", "holds", "holding"], 2, 0) => {
                trigger(EventKind::Meeting, false)
            }
            "met" | "meets" if parsed.actor_after(at, 3).is_some() || sent.is(at + 1, "with") => {
                trigger(EventKind::Meeting, false)
            }
            "summit" | "summits" | "meeting" => trigger(EventKind::Meeting, true),
            _ if STATEMENT_VERBS.contains(&word) => trigger(EventKind::Statement, false),
            _ => None,
        };
        found.extend(found_here);
    }
    found
}

/// One sentence's account of an event, before merging.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EventMention {
    /// The sentence it came from.
    pub sentence: usize,
    /// That sentence's bytes.
    pub span: Span,
    /// What happened.
    pub kind: EventKind,
    /// A short description: the clause it is told in.
    pub title: String,
    /// Where.
    pub place: StoryPlace,
    /// When.
    pub date: FuzzyDate,
    /// Whether the sentence (or the story around it) gave the date, rather
    /// than the publication month standing in.
    pub explicit_date: bool,
    /// Who took part.
    pub actors: Vec<CountryCode>,
    /// The word that told of it, as a token of its sentence.
    pub trigger: EventTrigger,
}

/// The events of one sentence. `dates` holds each trigger's date mention;
/// `visits` the sentence's visits and `before` where the story was before
/// it (the latest visit's destination): an event with no place of its own
/// happens where the story is.
pub(crate) fn events(
    parsed: &Parsed<'_, '_>,
    story: &mut Story,
    triggers: &[EventTrigger],
    dates: &[Option<usize>],
    visits: &[VisitMention],
    before: Option<&StoryPlace>,
    gazetteer: &Gazetteer,
) -> Vec<EventMention> {
    let sent = &parsed.sent;
    let mut found: Vec<EventMention> = Vec::new();
    for (trigger, date) in triggers.iter().zip(dates) {
        let clause = clause_around(sent, trigger.at);
        let maybe = (clause.start..clause.end).any(|i| {
            sent.is_any(i, MAYBE) && !(sent.is(i, "called") && trigger.kind == EventKind::Statement)
        });
        if maybe {
            continue;
        }
        let date_index = *date;
        let supported = !trigger.nominal
            || date_index.is_some_and(|index| clause.contains(&sent.dates[index].tokens.start))
            || light_verb_before(parsed, trigger.at)
            || sent.is(trigger.at + 1, "from")
            || (sent.is_any(trigger.at + 1, &["hosted", "released", "issued", "sent"]))
            || trigger.kind == EventKind::Statement
                && sent.is_any(trigger.at.saturating_sub(1), &["joint"]);
        if !supported {
            continue;
        }
        // A statement verb needs a date and a speaker to be an event.
        let speakers = speakers(parsed, story, trigger);
        if trigger.kind == EventKind::Statement
            && !trigger.nominal
            && (date_index.is_none_or(|index| !clause.contains(&sent.dates[index].tokens.start))
                || speakers.is_empty())
        {
            continue;
        }
        let here = visits
            .iter()
            .rfind(|v| v.at < trigger.at)
            .map(|v| &v.to)
            .or(before);
        let Some(place) = place_of(parsed, gazetteer, trigger, &speakers, here) else {
            continue;
        };
        let resolved = date_index.and_then(|index| story.resolve_date(sent, parsed.text, index));
        let (date, explicit, place) = match resolved {
            Some(date) => (date, true, place),
            None => {
                if let Some((date, place)) = inherited(parsed, story, trigger, &place) {
                    (date, true, place)
                } else {
                    // The publication month stands in for an undated event.
                    let Some(published) = story.published else {
                        story.undated.push(sent.span);
                        continue;
                    };
                    let (year, month, _) = published.ymd();
                    let Some(point) = DatePoint::month(year, month) else {
                        continue;
                    };
                    (FuzzyDate::point(point), false, place)
                }
            }
        };
        let mut actors = speakers;
        let joins_place = !matches!(
            trigger.kind,
            EventKind::Statement | EventKind::MissileLaunch | EventKind::Sanctions
        );
        if joins_place {
            for mention in parsed.actors.iter().filter(|m| {
                m.object && m.tokens.start > trigger.at && m.tokens.start <= trigger.at + WINDOW
            }) {
                actors.extend(mention.actors.iter().filter_map(|a| story.country_of(*a)));
            }
            actors.push(place.country);
        }
        let mut unique = Vec::new();
        for actor in actors {
            if !unique.contains(&actor) {
                unique.push(actor);
            }
        }
        if story.published.is_some_and(|day| date.first_day() > day) {
            story.upcoming = Some((date, place.clone(), sent.index));
        }
        found.push(EventMention {
            sentence: sent.index,
            span: sent.span,
            kind: trigger.kind,
            title: title(parsed, trigger),
            place,
            date,
            explicit_date: explicit,
            actors: unique,
            trigger: *trigger,
        });
    }
    found
}

/// Whether a light verb ("held", "take part in", "preparing for")
/// governs a noun trigger from before it, within its clause.
fn light_verb_before(parsed: &Parsed<'_, '_>, at: usize) -> bool {
    let sent = &parsed.sent;
    let clause = clause_around(sent, at);
    let start = at.saturating_sub(WINDOW).max(clause.start);
    (start..at).any(|i| sent.is_any(i, LIGHT_VERBS))
}

/// The countries behind an event: the subject before the trigger (an
/// actor, or a country such as "North Korea has conducted"), or those
/// after "from" ("a letter from the Group of Seven").
fn speakers(parsed: &Parsed<'_, '_>, story: &Story, trigger: &EventTrigger) -> Vec<CountryCode> {
    let sent = &parsed.sent;
    if sent.is(trigger.at + 1, "from") {
        let mut countries = Vec::new();
        let end = clause_around(sent, trigger.at + 2).end.max(trigger.at + 2);
        for group in parsed
            .places
            .groups
            .iter()
            .filter(|g| g.tokens.start > trigger.at && g.tokens.start < end + 8)
        {
            countries.extend(group.members.iter().copied());
        }
        if let Some(place) = parsed
            .places
            .place_at(trigger.at + 2)
            .or_else(|| parsed.places.place_at(trigger.at + 3))
        {
            countries.push(place.country);
        }
        if !countries.is_empty() {
            return countries;
        }
    }
    let floor = trigger.at.saturating_sub(20);
    let mut at = trigger.at;
    while at > floor {
        at -= 1;
        if sent.punct(at, ';') {
            break;
        }
        if let Some(mention) = parsed.actor_at(at)
            && !mention.relative
        {
            if mention.object && trigger.kind != EventKind::Deployment {
                at = mention.tokens.start;
                continue;
            }
            return coordinated(parsed, mention)
                .iter()
                .filter_map(|a| story.country_of(*a))
                .collect();
        }
        if let Some(group) = parsed.places.groups.iter().find(|g| g.tokens.contains(&at)) {
            return group.members.clone();
        }
        if let Some(place) = parsed.places.place_at(at)
            && matches!(place.how, PlaceHow::Country | PlaceHow::City)
        {
            let start = place.tokens.start;
            let locative = start > 0
                && (sent.is_any(
                    start - 1,
                    &[
                        "in", "at", "to", "from", "into", "on", "across", "over", "against",
                    ],
                ) || start > 1
                    && sent.is(start - 1, "the")
                    && sent.is_any(start - 2, &["in", "at", "to", "from", "into", "against"]));
            if locative {
                at = start;
                continue;
            }
            // "The United States and South Korea began ...".
            let mut countries = vec![place.country];
            let mut first = start;
            while first >= 2 && sent.is_any(first - 1, &["and", ","]) {
                match parsed.places.place_at(first - 2) {
                    Some(other) if other.how == PlaceHow::Country => {
                        countries.insert(0, other.country);
                        first = other.tokens.start;
                    }
                    _ => break,
                }
            }
            return countries;
        }
    }
    let (actors, _) = subject(parsed, trigger.at);
    actors.iter().filter_map(|a| story.country_of(*a)).collect()
}

/// Where an event happened, by its kind: a launch or a statement where its
/// subject is, a deployment where it goes, anything else where the
/// sentence says (or where the story is).
fn place_of(
    parsed: &Parsed<'_, '_>,
    gazetteer: &Gazetteer,
    trigger: &EventTrigger,
    speakers: &[CountryCode],
    here: Option<&StoryPlace>,
) -> Option<StoryPlace> {
    let sent = &parsed.sent;
    let clause = clause_around(sent, trigger.at);
    let home = |country: CountryCode, capital: bool| StoryPlace {
        country,
        city: if capital {
            gazetteer.capital(country).map(|city| city.name.to_owned())
        } else {
            None
        },
    };
    let after = |allow_commas: bool| {
        let end = if allow_commas {
            (trigger.at + 16).min(sent.len())
        } else {
            clause.end
        };
        let mut at = trigger.at + 1;
        // "talks with Japan and South Korea": participants, not places.
        let mut with = false;
        while at < end {
            if !allow_commas && sent.clause_break(at) || sent.punct(at, ';') || sent.punct(at, '(')
            {
                break;
            }
            // "will hold talks on Thursday and then travel to Guangzhou".
            if travel(sent.word(at)).is_some_and(|t| t != Travel::VisitNoun)
                && !is_weak_travel(sent.word(at))
            {
                break;
            }
            if sent.is(at, "with") {
                with = true;
            } else if sent.is_any(at, &["in", "at", "to", "into", "on"]) {
                with = false;
            }
            if let Some(place) = parsed.places.place_at(at).filter(|p| p.tokens.start == at) {
                let from = sent.is(at.saturating_sub(1), "from")
                    || at > 1 && sent.is(at - 1, "the") && sent.is(at - 2, "from");
                if !from && !with && !speakers_only(place.country, speakers, trigger) {
                    return Some(StoryPlace {
                        country: place.country,
                        city: place.city.clone(),
                    });
                }
                at = place.tokens.end;
                continue;
            }
            at += 1;
        }
        None
    };
    let before = || {
        parsed
            .places
            .all
            .iter()
            .rfind(|p| p.tokens.start >= clause.start && p.tokens.end <= trigger.at)
            .map(|p| StoryPlace {
                country: p.country,
                city: p.city.clone(),
            })
    };
    let single_speaker = (speakers.len() == 1).then(|| speakers[0]);
    match trigger.kind {
        EventKind::MissileLaunch | EventKind::Sanctions => single_speaker
            .map(|c| home(c, false))
            .or_else(|| after(false)),
        EventKind::Statement => single_speaker
            .map(|c| home(c, true))
            .or_else(|| after(true)),
        // A deployment is to somewhere, or it is no event.
        EventKind::Deployment => after(true),
        // "..., when he met Kim": where the trip of the clause before went.
        _ if sent.is_any(clause.start, &["when", "where"]) && here.is_some() => after(false)
            .filter(|place| here.is_some_and(|h| h.country == place.country))
            .or_else(|| where_place(parsed, trigger.at))
            .or_else(|| here.cloned()),
        _ => after(false)
            .or_else(before)
            .or_else(|| where_place(parsed, trigger.at))
            .or_else(|| here.cloned())
            .or_else(|| single_speaker.map(|c| home(c, false))),
    }
}

/// Whether a place after a statement is only its speaker again.
fn speakers_only(country: CountryCode, speakers: &[CountryCode], trigger: &EventTrigger) -> bool {
    trigger.kind == EventKind::Statement && speakers.contains(&country)
}

/// An undated event still to come ("preparing for ... parade") takes the
/// date (and city) of the upcoming event told just before.
fn inherited(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    trigger: &EventTrigger,
    place: &StoryPlace,
) -> Option<(FuzzyDate, StoryPlace)> {
    let sent = &parsed.sent;
    let (date, upcoming_place, sentence) = story.upcoming.as_ref()?;
    if sent.index > sentence + 2 || *sentence == sent.index {
        return None;
    }
    let clause = clause_around(sent, trigger.at);
    let upcoming = (clause.start..trigger.at).any(|i| sent.is_any(i, UPCOMING));
    if !upcoming || upcoming_place.country != place.country {
        return None;
    }
    let city = place.city.clone().or_else(|| upcoming_place.city.clone());
    Some((
        *date,
        StoryPlace {
            country: place.country,
            city,
        },
    ))
}

/// Words after an event that start another thought: the title ends there.
#[rustfmt::skip]
const TITLE_STOPS: &[&str] = &[
    "as", "while", "which", "who", "because", "although", "when", "where", "after", "before",
    "amid", "following",
];

/// The clause an event is told in, as its title: from its subject (when
/// the clause holds it) to the end of the clause, or to the destination
/// of a deployment.
fn title(parsed: &Parsed<'_, '_>, trigger: &EventTrigger) -> String {
    let sent = &parsed.sent;
    let at = trigger.at;
    let clause = clause_around(sent, at);
    let subject = (clause.start..at).find(|&i| {
        parsed.actor_at(i).is_some_and(|m| !m.object && !m.relative)
            || parsed
                .places
                .place_at(i)
                .is_some_and(|p| p.how == PlaceHow::Country && p.tokens.start == i)
    });
    let mut start = match subject {
        Some(i) if i > 0 && sent.is(i - 1, "the") => i - 1,
        Some(i) => i,
        None => clause.start,
    };
    while subject.is_none()
        && start < at
        && !sent.capitalized(start)
        && (sent.has(start, Flags::FUNCTION) || sent.is_any(start, &["apparently", "protest"]))
    {
        start += 1;
    }
    let mut end = (at + 1..clause.end)
        .find(|&i| sent.is_any(i, TITLE_STOPS) && !sent.in_date(i))
        .unwrap_or(clause.end);
    if trigger.kind == EventKind::Deployment {
        let destination = (at + 1..(at + 16).min(sent.len()))
            .find(|&i| sent.is(i, "to") && parsed.places.place_at(i + 1).is_some());
        if let Some(place) = destination.and_then(|i| parsed.places.place_at(i + 1)) {
            end = end.max(place.tokens.end);
        }
    }
    // "... parade with" reads badly: end on a word that ends something.
    while end > at + 1 && (sent.has(end - 1, Flags::FUNCTION) || sent.tokens[end - 1].is_punct(','))
    {
        end -= 1;
    }
    let text = sent.text(parsed.text, start..end);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut title: String = text.chars().take(TITLE_CHARS).collect();
    if title.len() < text.len() {
        title.push('…');
    }
    let mut chars = title.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Merges the mentions of one event: same kind, same country, dates that
/// agree (a publication-month stand-in agrees with any date in it).
pub(crate) fn merge(mentions: Vec<EventMention>) -> Vec<EventMention> {
    let mut merged: Vec<EventMention> = Vec::new();
    let mut by_kind: HashMap<(EventKind, CountryCode), Vec<usize>> = HashMap::new();
    for mention in mentions {
        let candidates = by_kind
            .entry((mention.kind, mention.place.country))
            .or_default();
        let same = candidates
            .iter()
            .rev()
            .take(MERGE_WINDOW)
            .copied()
            .find(|&index| {
                let event = &merged[index];
                let shared_actor = event.actors.is_empty()
                    || mention.actors.is_empty()
                    || event.actors.iter().any(|a| mention.actors.contains(a));
                shared_actor
                    && (event.sentence == mention.sentence && event.date == mention.date
                        || !event.explicit_date && contains(&event.date, &mention.date)
                        || !mention.explicit_date && contains(&mention.date, &event.date))
            });
        let Some(index) = same else {
            candidates.push(merged.len());
            merged.push(mention);
            continue;
        };
        let event = &mut merged[index];
        for actor in &mention.actors {
            if !event.actors.contains(actor) {
                event.actors.push(*actor);
            }
        }
        if mention.explicit_date && !event.explicit_date {
            event.date = mention.date;
            event.explicit_date = true;
            event.span = mention.span;
            event.sentence = mention.sentence;
            event.title = mention.title;
        }
        if event.place.city.is_none() {
            event.place.city = mention.place.city;
        }
    }
    merged
}

fn contains(outer: &FuzzyDate, inner: &FuzzyDate) -> bool {
    outer.first_day() <= inner.first_day() && inner.last_day() <= outer.last_day()
}

impl StoryPlace {
    /// As a dataset place.
    pub fn to_place_ref(&self) -> PlaceRef {
        place_ref(self.country, self.city.clone())
    }
}
