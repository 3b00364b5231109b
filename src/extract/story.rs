//! Reading an article sentence by sentence: who each sentence speaks of
//! ("He", "the delegation", "Kim"), which date each rule's words go with,
//! and what the story carries from one sentence to the next (the person in
//! focus, the delegations so far, the date last spoken of).

use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use super::cast::{Cast, PersonId, name_parts};
use super::dates::{Anchor, DateExpr, is_future, resolve};
use super::doc::Sent;
use super::groups::{Group, GroupMention};
use super::lexicon::Flags;
use super::people::{NameMention, is_known_word};
use super::places::Places;
use crate::model::{CountryCode, Day, FuzzyDate, Precision};

/// How many people "the crown prince" may look back over.
const RECENT_PEOPLE: usize = 64;
/// How many delegations "the delegations" may mean.
const RECENT_GROUPS: usize = 8;
/// How many dated things "the same day as X" may look back over.
pub(crate) const RECENT_DATED: usize = 256;

/// Someone who travels or acts: a person, or a delegation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Actor {
    /// A person of the cast.
    Person(PersonId),
    /// A delegation, by its index in [`Story::groups`].
    Group(usize),
}

/// An actor named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ActorMention {
    /// Its tokens.
    pub tokens: Range<usize>,
    /// Who.
    pub actors: Vec<Actor>,
    /// Whether a preposition or a verb comes right before it ("with Xi",
    /// "met Putin"): then it is no subject.
    pub object: bool,
    /// Whether it is the relative "who".
    pub relative: bool,
}

/// One sentence read: its places and actors.
pub(crate) struct Parsed<'d, 't> {
    /// The sentence.
    pub sent: Sent<'d, 't>,
    /// The article's whole text.
    pub text: &'t str,
    /// Its places.
    pub places: Places,
    /// Its actors (names, delegations, pronouns), left to right.
    pub actors: Vec<ActorMention>,
    /// Whether it is a photo caption.
    pub caption: bool,
}

impl Parsed<'_, '_> {
    /// The widest actor mention covering token `at`.
    pub fn actor_at(&self, at: usize) -> Option<&ActorMention> {
        self.actors
            .iter()
            .filter(|m| m.tokens.contains(&at))
            .max_by_key(|m| m.tokens.len())
    }

    /// The actor mention starting within `window` tokens after `at`
    /// (skipping articles), if any.
    pub fn actor_after(&self, at: usize, window: usize) -> Option<&ActorMention> {
        self.actors
            .iter()
            .filter(|m| m.tokens.start > at && m.tokens.start <= at + window && !m.relative)
            .min_by_key(|m| m.tokens.start)
    }
}

/// The place a story is at, for rules that need a fallback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoryPlace {
    /// The country.
    pub country: CountryCode,
    /// The city, when known.
    pub city: Option<String>,
}

/// What the story carries from sentence to sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Story {
    /// The people.
    pub cast: Cast,
    /// The delegations, in order of first mention.
    pub groups: Vec<Group>,
    /// The publication date.
    pub published: Option<Day>,
    /// The dateline's place.
    pub dateline: Option<StoryPlace>,
    /// People whose country is only assumed: officials a national agency
    /// names without nationality, taken for its own country's.
    pub house_assumed: Vec<PersonId>,
    /// The person (or group) the story is about just now: "he", "they".
    pub focus: Option<Actor>,
    /// The latest delegation: "the delegation".
    pub last_group: Option<usize>,
    /// People by their latest mention, the latest last: "the crown prince"
    /// is the latest crown prince.
    pub recent: Vec<PersonId>,
    /// The delegation each leader leads.
    pub group_led_by: HashMap<PersonId, usize>,
    /// The last day-precise date the text spoke of.
    pub discourse: Option<FuzzyDate>,
    /// Dated things, for "the same day as X": their words and dates, the
    /// latest [`RECENT_DATED`].
    pub dated: VecDeque<(Vec<String>, FuzzyDate)>,
    /// Sentences whose visits or events were left out because only a
    /// publication date could have dated them.
    pub undated: Vec<crate::model::Span>,
    /// The latest event told as still to come: its date, place and
    /// sentence ("the celebration ... on Thursday in Pyongyang").
    pub upcoming: Option<(FuzzyDate, StoryPlace, usize)>,
    /// The last place the sentences so far named: where "flew there" went.
    pub last_place: Option<StoryPlace>,
    /// Who made the trips of the days around publication, the first
    /// first: the news, whom "the 54-year-old former airline executive"
    /// describes.
    pub news_travellers: Vec<Actor>,
}

impl Story {
    /// The country an actor belongs to.
    pub fn country_of(&self, actor: Actor) -> Option<CountryCode> {
        match actor {
            Actor::Person(id) => self.cast.people.get(id)?.country,
            Actor::Group(index) => {
                let group = self.groups.get(index)?;
                group
                    .country
                    .or_else(|| self.country_of(Actor::Person(group.leader?)))
            }
        }
    }

    /// The person who leads an actor: the person, or the group's leader.
    pub fn leader_of(&self, actor: Actor) -> Option<PersonId> {
        match actor {
            Actor::Person(id) => Some(id),
            Actor::Group(index) => self.groups.get(index)?.leader,
        }
    }

    /// The actors a sentence names, resolving names to the cast, pronouns
    /// to the focus and "the delegation" to the latest one.
    pub fn actors(
        &mut self,
        sent: &Sent<'_, '_>,
        text: &str,
        places: &Places,
        names: &[NameMention],
        groups: &[GroupMention],
    ) -> Vec<ActorMention> {
        let person_of: Vec<Option<PersonId>> = names
            .iter()
            .map(|name| self.person_named(sent, text, name))
            .collect();
        let mut found: Vec<ActorMention> = groups
            .iter()
            .filter_map(|group| self.group_mention(sent, group, &person_of))
            .collect();
        for (name, id) in names.iter().zip(person_of) {
            let Some(id) = id else { continue };
            self.recent.retain(|&other| other != id);
            self.recent.push(id);
            if self.recent.len() > RECENT_PEOPLE {
                self.recent.remove(0);
            }
            if found.iter().any(|m| m.tokens.contains(&name.core.start)) {
                continue;
            }
            found.push(ActorMention {
                tokens: name.tokens.clone(),
                actors: vec![Actor::Person(id)],
                object: is_object(sent, name.tokens.start),
                relative: false,
            });
        }
        found.extend(self.descriptions(sent, places, &found));
        found.extend(self.counted(sent, &found));
        let pronouns = self.pronouns(sent, &found);
        found.extend(pronouns);
        found.sort_by_key(|m| m.tokens.start);
        // "with Macron and von der Leyen": both are objects.
        for index in 1..found.len() {
            let start = found[index].tokens.start;
            let joined = start >= 1
                && sent.is_any(start - 1, &["and", ","])
                && found[index - 1].tokens.end + 1 == start;
            if joined && found[index - 1].object {
                found[index].object = true;
            }
        }
        found
    }

    /// The person a name is: one of the cast, or a new one when the name is
    /// surely a person's (titled, two words or more, a known leader's).
    fn person_named(
        &mut self,
        sent: &Sent<'_, '_>,
        text: &str,
        name: &NameMention,
    ) -> Option<PersonId> {
        let core = sent.text(text, name.core.clone());
        let parts = name_parts(core);
        let found = self.cast.find(&parts, sent.index);
        // "his son, John Eisenhower": a relative who shares the surname is
        // someone else, unless named exactly so before, or named by first
        // name as one of the family is named in full elsewhere ("his wife,
        // Raisa" is the "Raisa Gorbachev" of a later paragraph).
        let family_member = |id: PersonId| {
            let person = &self.cast.people[id];
            parts.len() == 1
                && person.parts.len() > 1
                && person.parts.first() == parts.first()
                && person.parts.last().is_some_and(|surname| {
                    self.cast.people.iter().any(|other| {
                        other.name != person.name && other.parts.last() == Some(surname)
                    })
                })
        };
        if let Some(id) = found.filter(|&id| name.is_kin(sent) && family_member(id)) {
            return Some(id);
        }
        if name.is_kin(sent) && found.is_none_or(|id| self.cast.people[id].parts != parts) {
            let id = self
                .cast
                .add_relative(name, core, name.is_distant_kin(sent), sent.index);
            self.cast.fill_country(id);
            return Some(id);
        }
        if let Some(id) = found {
            return Some(id);
        }
        let surely =
            name.titled || parts.len() >= 2 || parts.first().is_some_and(|p| is_known_word(p));
        surely.then(|| {
            let id = self
                .cast
                .add(core, name.title.as_deref(), name.country, sent.index);
            self.cast.fill_country(id);
            id
        })
    }

    /// A delegation mention as actors: a new delegation (or the one its
    /// leader already leads), "the delegation" before, or "the two
    /// delegations".
    fn group_mention(
        &mut self,
        sent: &Sent<'_, '_>,
        group: &GroupMention,
        person_of: &[Option<PersonId>],
    ) -> Option<ActorMention> {
        let actors = if group.all {
            // "the two delegations": the latest ones.
            let count = if sent.is_any(group.tokens.start + 1, &["two", "both"]) {
                2
            } else {
                RECENT_GROUPS
            };
            (self.groups.len().saturating_sub(count)..self.groups.len())
                .map(Actor::Group)
                .collect()
        } else if group.anaphoric {
            self.last_group.map(Actor::Group).into_iter().collect()
        } else {
            let leader = group.leader.and_then(|index| person_of[index]);
            let known = leader.and_then(|leader| self.group_led_by.get(&leader).copied());
            let index = known.unwrap_or_else(|| {
                self.groups.push(Group {
                    label: group.label.clone(),
                    country: group.country,
                    leader,
                });
                let index = self.groups.len() - 1;
                if let Some(leader) = leader {
                    self.group_led_by.insert(leader, index);
                }
                index
            });
            self.last_group = Some(index);
            vec![Actor::Group(index)]
        };
        (!actors.is_empty()).then(|| ActorMention {
            tokens: group.tokens.clone(),
            actors,
            object: is_object(sent, group.tokens.start),
            relative: false,
        })
    }

    /// The pronouns of a sentence as actors: "he" the sentence's own
    /// subject before it or the focus, "they" the latest delegation, "who"
    /// a relative to resolve later.
    fn pronouns(&self, sent: &Sent<'_, '_>, found: &[ActorMention]) -> Vec<ActorMention> {
        let mut pronouns = Vec::new();
        for at in 0..sent.len() {
            if !sent.has(at, Flags::PRONOUN) || found.iter().any(|m| m.tokens.contains(&at)) {
                continue;
            }
            let (actors, relative) = match sent.word(at) {
                "who" => (Vec::new(), true),
                // "Kissinger returned ..., when he met Xi": the sentence's
                // own subject before the focus of the sentences before;
                // "began her trip": "her" before a noun is "his".
                word @ ("he" | "she" | "his" | "her")
                    if word != "her" || possessive_her(sent, at) =>
                {
                    let subject = found
                        .iter()
                        .rfind(|m| {
                            m.tokens.end <= at
                                && !m.object
                                && matches!(m.actors.as_slice(), [Actor::Person(_)])
                        })
                        .map(|m| m.actors[0]);
                    (subject.or(self.focus).into_iter().collect(), false)
                }
                // "von der Leyen arrived ..., and Michel joined her": the
                // subject of a clause before, not of its own.
                "her" | "him" => {
                    let subjects = subjects_before(found, at);
                    let earlier = subjects.len().checked_sub(2).map(|i| subjects[i]);
                    (earlier.or(self.focus).into_iter().collect(), false)
                }
                // "Khrushchev and Bulganin drew crowds when they toured
                // India": the people the sentence has as its subjects.
                "they" | "their" if subjects_before(found, at).len() >= 2 => {
                    (subjects_before(found, at), false)
                }
                _ => (
                    self.last_group
                        .map(Actor::Group)
                        .or(self.focus)
                        .into_iter()
                        .collect(),
                    false,
                ),
            };
            if actors.is_empty() && !relative {
                continue;
            }
            pronouns.push(ActorMention {
                tokens: at..at + 1,
                actors,
                object: sent.is_any(at, &["him", "her", "his", "their", "its"])
                    || is_object(sent, at),
                relative,
            });
        }
        pronouns
    }

    /// The anchor for a date at tokens `range`: the future counts when the
    /// clause says so before the date or just after it ("On Friday Putin is
    /// scheduled to"), not in a later aside ("... during which he will").
    pub fn anchor(&self, sent: &Sent<'_, '_>, range: Range<usize>) -> Anchor {
        let mut clause = clause_around(sent, range.start);
        // "..., where he will attend ..., before travelling to Beijing on
        // Monday": a clause that continues another shares its tense.
        if clause.start >= 2 && sent.is_any(clause.start, &["before", "then", "and", "after"]) {
            clause.start = clause_around(sent, clause.start - 2).start;
        }
        let start = range.start.clamp(clause.start, clause.end);
        let end = (range.end + 4).clamp(start, clause.end.max(start));
        let after = range.end.min(end);
        Anchor {
            published: self.published,
            future: is_future(&sent.tokens[clause.start..start], true)
                || is_future(&sent.tokens[after..end], false),
            discourse: self.discourse,
        }
    }

    /// The date mention `index` of a sentence, resolved.
    pub fn resolve_date(&self, sent: &Sent<'_, '_>, text: &str, index: usize) -> Option<FuzzyDate> {
        let mention = sent.dates.get(index)?;
        if let DateExpr::SameDayAs(range) = &mention.expr {
            let words = name_parts(sent.text(text, range.clone()));
            return self
                .dated
                .iter()
                .find(|(keys, _)| words.iter().any(|w| w.len() > 3 && keys.contains(w)))
                .map(|(_, date)| *date);
        }
        let mut anchor = self.anchor(sent, mention.tokens.clone());
        // "in July 1971 ... the following year": the date just before.
        if matches!(
            mention.expr,
            DateExpr::Discourse(_)
                | DateExpr::DiscourseYears(_)
                | DateExpr::DiscourseMonths(_)
                | DateExpr::OfDiscourseYear { .. }
        ) && let Some(earlier) = index.checked_sub(1)
            && let Some(date) = self.resolve_date(sent, text, earlier)
            && !date.is_interval()
        {
            anchor.discourse = Some(date);
        }
        resolve(&mention.expr, &anchor)
    }

    /// Remembers the last date a sentence spoke of.
    pub fn note_dates(&mut self, sent: &Sent<'_, '_>, text: &str) {
        for index in 0..sent.dates.len() {
            if let Some(date) = self.resolve_date(sent, text, index)
                && !names_event(sent, index, &date)
            {
                // "since February 2022. On May 10 of that year": a span's
                // start is the time talked of.
                self.discourse = Some(FuzzyDate::point(date.start()));
            }
        }
    }
}

/// Whether a year names an event rather than a time ("the 2024 Summit of
/// the Forum", "the 2018 World Cup").
pub(crate) fn names_event(sent: &Sent<'_, '_>, index: usize, date: &FuzzyDate) -> bool {
    date.precision() == Precision::Year && sent.capitalized(sent.dates[index].tokens.end)
}

/// Whether the token before `at` makes a mention there an object.
pub(super) fn is_object(sent: &Sent<'_, '_>, at: usize) -> bool {
    if at == 0 {
        return false;
    }
    let prev = at - 1;
    // "led by X" names a leader: a subject for the delegation it heads.
    let led_by = sent.is(prev, "by") && prev > 0 && sent.is_any(prev - 1, &["led", "headed"]);
    !led_by && (sent.has(prev, Flags::PREPOSITION) || sent.has(prev, Flags::OBJECT_VERB))
}

/// The first date mention inside the where-clause whose "where" is at
/// `where_at`: "from Abu Dhabi, where he held talks on Sunday".
pub(crate) fn where_clause_date(sent: &Sent<'_, '_>, where_at: usize) -> Option<usize> {
    let clause = clause_around(sent, where_at + 1);
    sent.dates
        .iter()
        .position(|d| d.tokens.start > where_at && d.tokens.start < clause.end)
}

/// The place named just before a clause that starts with "where"
/// ("Putin flew in from Pyongyang, where Kim had greeted him").
pub(crate) fn where_place(parsed: &Parsed<'_, '_>, at: usize) -> Option<StoryPlace> {
    let sent = &parsed.sent;
    let clause = clause_around(sent, at);
    if !sent.is(clause.start, "where") || clause.start < 2 {
        return None;
    }
    let place = parsed
        .places
        .all
        .iter()
        .rfind(|p| p.tokens.end < clause.start && p.tokens.end + 2 >= clause.start)?;
    Some(StoryPlace {
        country: place.country,
        city: place.city.clone(),
    })
}

/// The place a clause opens with ("In the Serbian capital he was
/// greeted"), when the clause is the sentence's first.
pub(crate) fn opening_place(parsed: &Parsed<'_, '_>) -> Option<StoryPlace> {
    let sent = &parsed.sent;
    // "While in Jakarta, ...", "When in Rome, ...".
    let skip = usize::from(sent.is_any(0, &["while", "when"]) && sent.is(1, "in"));
    if !sent.is_any(skip, &["in", "at"]) {
        return None;
    }
    let place = parsed.places.all.iter().find(|p| {
        p.tokens.start <= 2 + skip && p.how != super::places::PlaceHow::Country
            || p.tokens.start == 1 + skip
    })?;
    Some(StoryPlace {
        country: place.country,
        city: place.city.clone(),
    })
}

/// The clause around token `at`: between the clause breaks on either side.
pub(crate) fn clause_around(sent: &Sent<'_, '_>, at: usize) -> Range<usize> {
    let mut start = at.min(sent.len());
    while start > 0 && !sent.clause_break(start - 1) {
        start -= 1;
    }
    let mut end = at.min(sent.len());
    while end < sent.len() && !sent.clause_break(end) {
        end += 1;
    }
    start..end
}

/// Whether a date is a dateline's: right after the comma that ends the
/// place at the start of the sentence, and followed by the agency in
/// brackets or the dateline's dash ("SANTIAGO, April 15 (AFP) -").
fn is_dateline_date(sent: &Sent<'_, '_>, date: &Range<usize>) -> bool {
    // The place: a word or three (after an agency's tag), then the comma
    // the date follows at once. "Xi, who landed in Paris on May 5 (local
    // time)" has its date far from its comma.
    const PLACE_WORDS: usize = 7;
    let first_comma = (0..PLACE_WORDS.min(sent.len())).find(|&i| sent.punct(i, ','));
    let closes = (date.end..date.end + 2).any(|i| {
        sent.punct(i, '(') || sent.punct(i, '-') || sent.punct(i, '—') || sent.punct(i, '–')
    });
    first_comma.is_some_and(|comma| date.start == comma + 1) && closes
}

/// Whether "her" at `at` is the possessive: "her trip", not "met her on".
fn possessive_her(sent: &Sent<'_, '_>, at: usize) -> bool {
    sent.tokens.get(at + 1).is_some_and(|next| {
        next.kind == super::text::Kind::Word && !sent.has(at + 1, Flags::FUNCTION)
    })
}

/// The people named as subjects before token `at`, in order.
fn subjects_before(found: &[ActorMention], at: usize) -> Vec<Actor> {
    found
        .iter()
        .filter(|m| m.tokens.end <= at && !m.object && !m.relative)
        .flat_map(|m| m.actors.iter().copied())
        .filter(|actor| matches!(actor, Actor::Person(_)))
        .collect()
}

/// How many words a place left ("from Bangkok") may take before the
/// comma of its where-clause.
const FROM_BEFORE_WHERE: usize = 4;

/// Whether an "after" or "before" with an -ing verb stands between a
/// trigger and a date: "flew in from Nouakchott after holding talks there
/// on Monday" gives Monday to the talks.
fn earlier_act(sent: &Sent<'_, '_>, trigger: usize, date: usize) -> bool {
    (trigger + 1..date)
        .any(|i| sent.is_any(i, &["after", "before"]) && sent.word(i + 1).ends_with("ing"))
}

/// Assigns the sentence's dates to rule triggers: each trigger takes the
/// nearest date of its own clause (after it first, up to the next trigger
/// of its family: visits or events), else a date opening the sentence
/// ("On Friday, ..."), else the nearest date no other trigger's clause
/// holds. `triggers` are (token, family) pairs; returns a date mention
/// index per trigger.
pub(crate) fn assign_dates(sent: &Sent<'_, '_>, triggers: &[(usize, u8)]) -> Vec<Option<usize>> {
    let families: Vec<u8> = triggers.iter().map(|&(_, family)| family).collect();
    let triggers: Vec<usize> = triggers.iter().map(|&(at, _)| at).collect();
    let clauses: Vec<Range<usize>> = triggers.iter().map(|&t| clause_around(sent, t)).collect();
    let mut assigned = vec![None; triggers.len()];
    // A wire dateline's day ("SANTIAGO, April 15 (AFP) -") is when the
    // story was filed, not when anything in it happened.
    let dateline: Vec<bool> = sent
        .dates
        .iter()
        .map(|d| is_dateline_date(sent, &d.tokens))
        .collect();
    let mut claimed = dateline.clone();
    for (slot, (&trigger, clause)) in triggers.iter().zip(&clauses).enumerate() {
        let next_trigger = triggers
            .iter()
            .zip(&families)
            .filter(|&(&t, &family)| t > trigger && family == families[slot])
            .map(|(&t, _)| t)
            .min()
            .unwrap_or(usize::MAX);
        let in_clause = |range: &Range<usize>| clause.contains(&range.start);
        let after = sent
            .dates
            .iter()
            .enumerate()
            .filter(|(index, d)| {
                !dateline[*index]
                    && in_clause(&d.tokens)
                    && d.tokens.start > trigger
                    && d.tokens.start < next_trigger
                    && !earlier_act(sent, trigger, d.tokens.start)
            })
            .min_by_key(|(_, d)| d.tokens.start - trigger);
        let before = || {
            sent.dates
                .iter()
                .enumerate()
                .filter(|(index, d)| {
                    !dateline[*index] && in_clause(&d.tokens) && d.tokens.end <= trigger
                })
                .max_by_key(|(_, d)| d.tokens.start)
        };
        // "..., when he met Putin": the time of the clause before.
        let when = || {
            sent.is_any(clause.start, &["when", "where"])
                .then(|| {
                    sent.dates
                        .iter()
                        .enumerate()
                        .filter(|(index, d)| !dateline[*index] && d.tokens.end <= clause.start)
                        .max_by_key(|(_, d)| d.tokens.start)
                })
                .flatten()
        };
        // "Xi spent two days in Paris, where he held talks ... on Monday";
        // but "after a flight from Bangkok, where his trip began on
        // Saturday" is Bangkok's day.
        let following = || {
            let next = clause.end + 1;
            let left = (clause.end.saturating_sub(FROM_BEFORE_WHERE)..clause.end)
                .any(|i| sent.is(i, "from"));
            (!left && sent.is_any(next, &["where", "when"]))
                .then(|| {
                    let next_clause = clause_around(sent, next);
                    sent.dates
                        .iter()
                        .enumerate()
                        .find(|(_, d)| next_clause.contains(&d.tokens.start))
                })
                .flatten()
        };
        if let Some((index, _)) = after.or_else(before) {
            assigned[slot] = Some(index);
            claimed[index] = true;
        } else if let Some((index, _)) = when().or_else(following) {
            // Shared with the clause it leans on, not taken from it.
            assigned[slot] = Some(index);
        }
    }
    for (slot, &trigger) in triggers.iter().enumerate() {
        if assigned[slot].is_some() {
            continue;
        }
        let opening = sent.dates.iter().position(|d| {
            d.tokens.start <= 1 || (d.tokens.start == 2 && sent.is_any(0, &["early", "late"]))
        });
        let free = || {
            sent.dates
                .iter()
                .enumerate()
                .filter(|(index, d)| {
                    // ", who took office in September,", ", a former
                    // protest leader who took office in March 2022,": an
                    // aside's date.
                    let aside = (clause_around(sent, d.tokens.start).start..d.tokens.start)
                        .any(|i| sent.is_any(i, &["who", "which", "whose", "whom"]));
                    !claimed[*index]
                        && !aside
                        && !clauses
                            .iter()
                            .enumerate()
                            .any(|(other, c)| other != slot && c.contains(&d.tokens.start))
                })
                .min_by_key(|(_, d)| d.tokens.start.abs_diff(trigger))
                .map(|(index, _)| index)
        };
        assigned[slot] = opening.or_else(free);
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::super::doc::Doc;
    use super::*;

    fn assigned(text: &str, words: &[&str]) -> Vec<Option<String>> {
        let doc = Doc::new(text);
        let sent = doc.sentence(0);
        let triggers: Vec<(usize, u8)> = words
            .iter()
            .map(|w| (sent.lower.iter().position(|l| l == w).unwrap(), 0))
            .collect();
        assign_dates(&sent, &triggers)
            .into_iter()
            .map(|index| index.map(|i| sent.text(text, sent.dates[i].tokens.clone()).to_owned()))
            .collect()
    }

    #[test]
    fn triggers_take_their_clause_dates() {
        assert_eq!(
            assigned(
                "Lula landed in Shanghai on Wednesday, where he attended a swearing-in, before flying to the capital on Thursday.",
                &["landed", "flying"]
            ),
            [Some("Wednesday".to_owned()), Some("Thursday".to_owned())]
        );
        assert_eq!(
            assigned(
                "North Korea has conducted missile firings since last week, in protest of the US sending vessels to South Korea.",
                &["firings", "sending"]
            ),
            [Some("since last week".to_owned()), None]
        );
    }

    #[test]
    fn opening_and_free_dates_go_to_the_rest() {
        assert_eq!(
            assigned(
                "Since the start of 2022, North Korea has test-fired 100 missiles.",
                &["test-fired"]
            ),
            [Some("Since the start of 2022".to_owned())]
        );
        assert_eq!(
            assigned(
                "Shoigu is welcomed at an airport in Pyongyang, North Korea, July 25, 2023, in this image.",
                &["welcomed"]
            ),
            [Some("July 25, 2023".to_owned())]
        );
    }
}
