//! Where a trip went: the place after a travel word (several: "visited
//! Japan and South Korea"), or before a travel noun ("Nixon's China
//! visit"), where it came from ("from Pyongyang"), and, when no place is
//! named, the host's country or the dateline's place.

use super::doc::Sent;
use super::lexicon::{Travel, is_weak_travel, travel};
use super::places::{PlaceHow, PlaceMention};
use super::story::{ActorMention, Parsed, Story, StoryPlace, opening_place, where_place};
use super::travellers::subject;
use super::visits::{Trigger, begins, came_then, flies_in};

/// How far after a travel word its destination may be, in tokens.
pub(crate) const DESTINATION_WINDOW: usize = 14;

/// How far after "attended" the place of what was attended may be.
const ATTEND_WINDOW: usize = 22;

/// The place that names a travel noun: see `visits::place_names_noun`.
pub(crate) fn place_before_noun<'p>(
    parsed: &'p Parsed<'_, '_>,
    at: usize,
) -> Option<&'p PlaceMention> {
    let sent = &parsed.sent;
    let mut before = at;
    while before > 0 && sent.is_any(before - 1, &["state", "official", "working", "historic"]) {
        before -= 1;
    }
    before
        .checked_sub(1)
        .and_then(|last| parsed.places.place_at(last))
        .filter(|p| p.tokens.end == before && p.how != PlaceHow::Demonym && !p.possessive)
}

/// Where a trip went, and where it came from when the sentence says
/// ("from Pyongyang").
struct Destination<'p> {
    place: &'p PlaceMention,
    more: Vec<&'p PlaceMention>,
    origin: Option<&'p PlaceMention>,
    end: usize,
}

/// The first place after a travel word, within its clause.
fn destination<'p>(
    parsed: &'p Parsed<'_, '_>,
    trigger: &Trigger,
    guest_end: usize,
) -> Option<Destination<'p>> {
    let sent = &parsed.sent;
    // "Obama's Chile visit", "Modi's US state visit", "the Istanbul
    // Conference on Somalia": the place before the noun.
    if matches!(trigger.travel, Travel::VisitNoun | Travel::Attend)
        && let Some(place) = place_before_noun(parsed, trigger.at)
    {
        return Some(Destination {
            place,
            more: Vec::new(),
            origin: None,
            end: trigger.at + 1,
        });
    }
    // "attended the swearing-in ceremony of Prime Minister Modi and his
    // council of ministers at the Rashtrapati Bhavan": what was attended
    // may take many words before its place.
    let window = if trigger.travel == Travel::Attend {
        ATTEND_WINDOW
    } else {
        DESTINATION_WINDOW
    };
    let limit = (trigger.at + window).min(sent.len());
    let mut origin = None;
    let mut at = guest_end.max(trigger.at + 1);
    // "his current trip, which began Thursday in Abu Dhabi": past the
    // comma to where it began.
    if trigger.travel == Travel::VisitNoun && begins(sent, trigger.at) {
        at = (at..limit)
            .find(|&i| sent.is_any(i, &["began", "begins", "started", "starts"]))
            .map_or(at, |began| began + 1);
    }
    // "left Tokyo on Saturday for Indonesia": the place left is the origin.
    let leaving = matches!(
        sent.word(trigger.at),
        "left" | "leaves" | "leaving" | "departed" | "departs" | "departing"
    );
    if leaving && let Some(place) = parsed.places.place_at(at).filter(|p| p.tokens.start == at) {
        origin = Some(place);
        at = place.tokens.end;
    }
    while at < limit {
        if sent.clause_break(at) && !sent.punct(at, ',') || sent.punct(at, ',') {
            break;
        }
        if at > trigger.at + 1
            && travel(sent.word(at)).is_some_and(|k| k != Travel::Welcomed)
            && !is_weak_travel(sent.word(at))
        {
            break;
        }
        // "met US President Richard Nixon in Moscow": a nationality inside
        // a name is no destination.
        let in_name = parsed
            .actor_at(at)
            .is_some_and(|mention| mention.tokens.start <= at && mention.tokens.end > at + 1);
        if in_name {
            at += 1;
            continue;
        }
        if let Some(place) = parsed.places.place_at(at).filter(|p| p.tokens.start == at) {
            // "from Pyongyang", "from the Burmese capital", "from
            // southeastern Poland".
            let from = at > 0 && sent.is(at - 1, "from")
                || at > 1 && sent.is(at - 2, "from") && sent.tokens[at - 1].is_lowercase();
            if from {
                origin = Some(place);
                at = place.tokens.end;
                continue;
            }
            // "the conference on Somalia in Istanbul": the topic is no
            // destination.
            let topic = trigger.travel == Travel::Attend
                && at > 0
                && sent.is_any(at - 1, &["on", "about", "over"]);
            if topic {
                at = place.tokens.end;
                continue;
            }
            let mut more = Vec::new();
            let mut next = place.tokens.end + usize::from(place.possessive);
            // "visited Japan and South Korea".
            while sent.is_any(next, &["and", ","]) {
                match parsed
                    .places
                    .place_at(next + 1)
                    .filter(|p| p.tokens.start == next + 1)
                {
                    Some(other) if other.how != PlaceHow::Demonym => {
                        more.push(other);
                        next = other.tokens.end;
                    }
                    _ => break,
                }
            }
            return Some(Destination {
                place,
                more,
                origin,
                end: next,
            });
        }
        at += 1;
    }
    None
}

/// Where a trip went (one place or several: "visited Japan and South
/// Korea"), where it came from when the sentence says, and the token after
/// the destination (where a purpose may follow).
pub(crate) fn destinations(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    trigger: &Trigger,
    guest_end: usize,
) -> Option<(Vec<StoryPlace>, Option<StoryPlace>, usize)> {
    match destination(parsed, trigger, guest_end) {
        Some(found) => {
            let mut places = vec![story_place(parsed, found.place, trigger.at)];
            places.extend(
                found
                    .more
                    .iter()
                    .map(|p| story_place(parsed, p, trigger.at)),
            );
            // "Blinken heads to Asia with stops in Tokyo, Seoul and New
            // Delhi", filed in Tokyo: the stops after it are still to come.
            let ongoing = parsed.sent.is_any(
                trigger.at,
                &["heads", "heading", "travels", "goes", "embarks"],
            );
            let here = story.dateline.as_ref().and_then(|dateline| {
                places
                    .iter()
                    .position(|p| p.city.is_some() && p.city == dateline.city)
            });
            if let Some(here) = here.filter(|_| ongoing) {
                places.truncate(here + 1);
            }
            let origin = found.origin.map(|o| StoryPlace {
                country: o.country,
                city: o.city.clone(),
            });
            Some((places, origin, found.end))
        }
        None => fallback_destination(parsed, story, trigger).map(|place| {
            // "flew in from Addis Ababa on Thursday": arrived here, from there.
            let sent = &parsed.sent;
            let origin = parsed
                .places
                .all
                .iter()
                .filter(|p| p.tokens.start > trigger.at + 1)
                .filter(|p| p.tokens.start <= trigger.at + DESTINATION_WINDOW)
                .find(|p| sent.is(p.tokens.start - 1, "from"))
                .map(|p| StoryPlace {
                    country: p.country,
                    city: p.city.clone(),
                });
            (vec![place], origin, trigger.at + 1)
        }),
    }
}

/// A place mention as a story place, with a city the sentence names in
/// that country when the mention is only the country ("visited Russia ...
/// in Vladivostok").
fn story_place(parsed: &Parsed<'_, '_>, place: &PlaceMention, after: usize) -> StoryPlace {
    let city = place.city.clone().or_else(|| {
        parsed
            .places
            .all
            .iter()
            .filter(|p| p.tokens.start > after && p.country == place.country)
            .find_map(|p| p.city.clone())
    });
    StoryPlace {
        country: place.country,
        city,
    }
}

/// How far after a travel word "here" or "this capital" may stand.
const HERE_WINDOW: usize = 5;

/// Whether the words after a travel word at `at` name the dateline's
/// place: "came here", "flew into this steaming capital", "arrived in
/// this city".
fn names_here(sent: &Sent<'_, '_>, at: usize) -> bool {
    let end = (at + HERE_WINDOW).min(sent.len());
    (at + 1..end).any(|i| {
        sent.is(i, "here")
            || sent.is(i, "this")
                && sent.is_any(i - 1, &["into", "in", "to", "at"])
                && (i + 1..(i + 3).min(sent.len()))
                    .any(|j| sent.is_any(j, &["capital", "city", "town", "port", "country"]))
    })
}

/// Whether a travel word with no destination says where the trip came
/// from, outside the dateline's country: "Macron, Merz and Starmer
/// travelled overnight on the same train from southeastern Poland" in a
/// story from Kyiv came to Kyiv.
fn from_abroad(parsed: &Parsed<'_, '_>, story: &Story, at: usize) -> bool {
    let sent = &parsed.sent;
    let Some(dateline) = &story.dateline else {
        return false;
    };
    let end = (at + DESTINATION_WINDOW).min(sent.len());
    (at + 1..end)
        .take_while(|&i| !sent.punct(i, ',') && !sent.punct(i, ';'))
        .filter(|&i| sent.is(i, "from"))
        .find_map(|i| {
            parsed
                .places
                .all
                .iter()
                .find(|p| p.tokens.start > i && p.tokens.start <= i + 3)
        })
        // "from Abu Dhabi, where he attended a forum on Saturday" is the
        // earlier leg's (see `where_legs`).
        .is_some_and(|origin| {
            origin.country != dateline.country && !sent.is(origin.tokens.end + 1, "where")
        })
}

/// The place named last before token `at`, in this sentence or before:
/// where "there" and "the country" are.
fn named_last(parsed: &Parsed<'_, '_>, story: &Story, at: usize) -> Option<StoryPlace> {
    parsed
        .places
        .last_named_before(Some(at))
        .or_else(|| story.last_place.clone())
}

/// Where a trip went when no place follows the travel word: the host's
/// country ("a summit hosted by US President Joe Biden", "was greeted by
/// Putin"), or the dateline's place for an arrival.
fn fallback_destination(
    parsed: &Parsed<'_, '_>,
    story: &Story,
    trigger: &Trigger,
) -> Option<StoryPlace> {
    let sent = &parsed.sent;
    // "Putin flew in from Pyongyang, where Kim had greeted him".
    if let Some(place) = where_place(parsed, trigger.at) {
        return Some(place);
    }
    // "Kim Dae-jung flew there in June 2000", "a trip there by Gabriel":
    // the place named last.
    if (trigger.at + 1..trigger.at + 3).any(|i| sent.is(i, "there")) {
        return named_last(parsed, story, trigger.at);
    }
    // "on his first visit to the country as prime minister": the country
    // named last.
    let the_country = (trigger.at + 2..trigger.at + 4).any(|i| {
        sent.is_any(i - 1, &["to", "in"]) && sent.is(i, "the") && sent.is(i + 1, "country")
    });
    if the_country {
        return named_last(parsed, story, trigger.at).map(|place| StoryPlace {
            country: place.country,
            city: None,
        });
    }
    let country_of = |mention: &ActorMention| story.country_of(*mention.actors.first()?);
    if trigger.travel == Travel::Hosted {
        // "While in Jakarta, Mr Lam also received Kao": where the host was.
        if let Some(place) = opening_place(parsed) {
            return Some(place);
        }
        // "Hanoi hosted Biden", "Kim hosted him": the host's place.
        let host_place = parsed
            .places
            .all
            .iter()
            .rfind(|p| p.tokens.end == trigger.at && p.how != PlaceHow::Demonym);
        if let Some(place) = host_place {
            return Some(StoryPlace {
                country: place.country,
                city: place.city.clone(),
            });
        }
        let (hosts, _) = subject(parsed, trigger.at);
        let country = hosts.first().and_then(|host| story.country_of(*host))?;
        return Some(StoryPlace {
            country,
            city: None,
        });
    }
    // "a summit hosted by US President Joe Biden", "was greeted by Putin".
    let host = (0..sent.len())
        .filter(|&i| {
            sent.is(i, "by")
                && i > 0
                && sent.is_any(i - 1, &["hosted", "welcomed", "greeted", "received"])
        })
        .filter(|&i| trigger.travel != Travel::Welcomed || i > trigger.at)
        .find_map(|i| parsed.actor_after(i, 2))
        .and_then(country_of);
    if matches!(
        trigger.travel,
        Travel::Arrive | Travel::Welcomed | Travel::Meet
    ) {
        // "In the Serbian capital he was greeted ...", "In Accra she held
        // talks with ...".
        if let Some(place) = opening_place(parsed).filter(|p| host.is_none_or(|c| c == p.country)) {
            return Some(place);
        }
    }
    if let Some(country) = host {
        return Some(StoryPlace {
            country,
            city: None,
        });
    }
    // "flew in on Saturday", "flew in from Addis Ababa", "flew into this
    // steaming capital": arrived here.
    let travel_here = !matches!(trigger.travel, Travel::Hosted) && names_here(sent, trigger.at)
        || trigger.travel == Travel::Go && from_abroad(parsed, story, trigger.at);
    // "It is the King's 20th visit to Canada. He last came in May 2022":
    // with no dateline, to where the story just was.
    let came = came_then(sent, trigger.at);
    if matches!(trigger.travel, Travel::Arrive | Travel::Welcomed)
        || flies_in(sent, trigger.at)
        || travel_here
        || came
    {
        return story
            .dateline
            .clone()
            .or_else(|| came.then(|| story.last_place.clone()).flatten());
    }
    None
}
