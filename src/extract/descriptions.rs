//! Who a description stands for: "the prime minister", "the Chinese
//! leader", "the 78-year-old leftist", "the head of state" (the latest
//! person of that title, or the traveller of the news), and "the two
//! leaders" (the pair the story is about).

use super::cast::{PersonId, is_honorific};
use super::doc::Sent;
use super::lexicon::Flags;
use super::places::Places;
use super::story::{Actor, ActorMention, Story, is_object};
use crate::model::CountryCode;

/// A definite description's words: "the" at `start`, its title words
/// from `head_start` to the `head` noun, and the nationality it gives.
#[derive(Clone, Copy)]
struct Description {
    start: usize,
    head_start: usize,
    head: usize,
    nationality: Option<CountryCode>,
}

/// Words that describe a person known by title: "the ailing president".
const DESCRIBING: &[&str] = &[
    "ailing",
    "veteran",
    "embattled",
    "elderly",
    "outgoing",
    "incoming",
    "visiting",
    "beleaguered",
];

/// Whether a word gives an age: "75-year-old".
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|years| !years.is_empty() && years.chars().all(|c| c.is_ascii_digit()))
}

/// What a head of state travels in, named for the office: "the
/// presidential Airbus", "the royal yacht".
const VEHICLES: &[&str] = &[
    "plane",
    "jet",
    "aircraft",
    "airbus",
    "boeing",
    "ilyushin",
    "motorcade",
    "convoy",
    "train",
    "yacht",
    "airliner",
    "jetliner",
    "helicopter",
];

/// Titles of heads of state and government: who "the Chinese leader" is.
const HEAD_TITLES: &[&str] = &[
    "president",
    "prime",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "leader",
    "pope",
    "taoiseach",
    "emperor",
    "chairman",
];

impl Story {
    /// Definite descriptions of people met before: "the crown prince", "the
    /// Chinese leader", "the prime minister" are the latest person with
    /// that title (and nationality).
    pub(super) fn descriptions(
        &self,
        sent: &Sent<'_, '_>,
        places: &Places,
        found: &[ActorMention],
    ) -> Vec<ActorMention> {
        let mut described = Vec::new();
        for start in 0..sent.len() {
            if !sent.is(start, "the") || found.iter().any(|m| m.tokens.contains(&start)) {
                continue;
            }
            let mut at = start + 1;
            // "the 75-year-old president", "the ailing Nigerian leader".
            while at < start + 3 && (is_age(sent.word(at)) || sent.is_any(at, DESCRIBING)) {
                at += 1;
            }
            let nationality = places.nationality_at(at).map(|n| {
                at = n.tokens.end;
                n.country
            });
            let head_start = at;
            let part = |i: usize| sent.has(i, Flags::TITLE_PART) && !sent.has(i, Flags::FUNCTION);
            // "the prime minister arrived": "minister" heads the title
            // here, though it is a part of longer ones.
            let ends_title = |i: usize| sent.has(i, Flags::TITLE_HEAD) && !part(i + 1);
            while part(at) && at < start + 5 && !ends_title(at) {
                at += 1;
            }
            if !sent.has(at, Flags::TITLE_HEAD) {
                // "The 78-year-old leftist, accompanied by ...": an age
                // opening the sentence describes a traveller of the news,
                // the one in focus if he is one. "It is the 79-year-old's second trip": an age
                // with a possessive, anywhere.
                let aged = (start + 1..at).any(|i| is_age(sent.word(i)));
                let owner = sent
                    .tokens
                    .get(at)
                    .is_some_and(|t| t.kind == super::text::Kind::Possessive);
                let head = sent
                    .tokens
                    .get(at)
                    .is_some_and(super::text::Token::is_lowercase);
                let described_one = self
                    .focus
                    .filter(|focus| self.news_travellers.contains(focus))
                    .or_else(|| self.news_travellers.first().copied())
                    .or(self.focus);
                // "When the presidential Airbus touched down", "the royal
                // yacht docked": the craft of the traveller of the news.
                let carrier = sent
                    .is_any(at, VEHICLES)
                    .then(|| self.carried(sent, head_start..at))
                    .flatten();
                if let Some(focus) =
                    carrier.or(described_one.filter(|_| aged && (start == 0 && head || owner)))
                {
                    described.push(ActorMention {
                        tokens: start..at + 1,
                        actors: vec![focus],
                        object: false,
                        relative: false,
                    });
                }
                continue;
            }
            // "the president Xi Jinping" is a name, not a description.
            if sent.capitalized(at + 1) || found.iter().any(|m| m.tokens.contains(&(at + 1))) {
                continue;
            }
            let description = Description {
                start,
                head_start,
                head: at,
                nationality,
            };
            let person = self.described_person(sent, found, &description);
            if let Some(id) = person {
                described.push(ActorMention {
                    tokens: start..at + 1,
                    actors: vec![Actor::Person(id)],
                    object: is_object(sent, start),
                    relative: false,
                });
            }
        }
        described
    }

    /// The one a vehicle named for an office carries ("the presidential
    /// Airbus", "the royal yacht"): the latest person of that office, else
    /// the traveller of the news; none for a vehicle of no office ("the
    /// special train").
    fn carried(&self, sent: &Sent<'_, '_>, words: std::ops::Range<usize>) -> Option<Actor> {
        const OFFICES: &[(&str, &[&str])] = &[
            ("presidential", &["president"]),
            ("royal", &["king", "queen"]),
            ("papal", &["pope"]),
            ("imperial", &["emperor", "empress"]),
        ];
        let titles = words
            .into_iter()
            .find_map(|i| OFFICES.iter().find(|(word, _)| sent.is(i, word)))?
            .1;
        self.recent
            .iter()
            .rev()
            .find(|&&id| {
                let title = self.cast.people[id]
                    .title
                    .as_deref()
                    .unwrap_or_default()
                    .to_lowercase();
                titles.iter().any(|office| title.contains(office))
            })
            .map(|&id| Actor::Person(id))
            .or_else(|| self.news_travellers.first().copied())
    }

    /// The person a description ("the French president", "the Senegalese
    /// leader", "the head of state") stands for.
    fn described_person(
        &self,
        sent: &Sent<'_, '_>,
        found: &[ActorMention],
        description: &Description,
    ) -> Option<PersonId> {
        let Description {
            start,
            nationality,
            head: at,
            ..
        } = *description;
        let words: Vec<&str> = (description.head_start..=description.head)
            .map(|i| sent.word(i))
            .collect();
        let title_of = |id: PersonId| {
            self.cast.people[id]
                .title
                .as_deref()
                .map(str::to_lowercase)
                .unwrap_or_default()
        };
        let of_nationality =
            |id: PersonId| nationality.is_none_or(|c| self.cast.people[id].country == Some(c));
        let as_titled = |id: PersonId| {
            let title = title_of(id);
            words.iter().all(|w| title.contains(w)) && of_nationality(id)
        };
        // "the Senegalese leader": its head of state or government
        // before anyone else of the country named since.
        let loose = nationality.is_some() && matches!(sent.word(at), "leader" | "head");
        let as_head = |id: PersonId| {
            let title = title_of(id);
            let head = title.is_empty() || HEAD_TITLES.iter().any(|head| title.contains(head));
            loose && head && of_nationality(id)
        };
        // Not someone the sentence only names after the description.
        let named_later = |id: PersonId| {
            found
                .iter()
                .any(|m| m.tokens.start > start && m.actors.contains(&Actor::Person(id)))
        };
        let recent = || {
            self.recent
                .iter()
                .rev()
                .copied()
                .filter(|&id| !named_later(id))
        };
        // "the North Korean leader" is not the "then leader" named.
        let current = |id: &PersonId| !self.cast.people[*id].former;
        // "Emmanuel Macron ... Mr. Macron said ... The French
        // president": one named with no office, of the nationality,
        // for a head's title.
        let untitled_head = |id: PersonId| {
            nationality.is_some()
                && self.cast.people[id]
                    .title
                    .as_deref()
                    .is_none_or(is_honorific)
                && of_nationality(id)
                && words.iter().any(|w| HEAD_TITLES.contains(w))
        };
        // "the head of state was in Luanda": the person in focus, when
        // they lead a country.
        let head_of_state = nationality.is_none()
            && sent.is(at, "head")
            && sent.is(at + 1, "of")
            && sent.is_any(at + 2, &["state", "government"]);
        let leads = |id: PersonId| {
            let title = title_of(id);
            self.cast.people[id]
                .title
                .as_deref()
                .is_none_or(is_honorific)
                || HEAD_TITLES.iter().any(|head| title.contains(head))
        };
        let focus = match self.focus {
            Some(Actor::Person(id)) if head_of_state && leads(id) => Some(id),
            _ => None,
        };
        // "Indian Prime Minister Narendra Modi ... The prime minister had
        // been in New Delhi": the traveller of the news, of that title,
        // before a host named since.
        let traveller = || {
            self.news_travellers.iter().find_map(|actor| match actor {
                Actor::Person(id)
                    if nationality.is_none()
                        && as_titled(*id)
                        && current(id)
                        && !named_later(*id) =>
                {
                    Some(*id)
                }
                _ => None,
            })
        };
        focus
            .or_else(traveller)
            .or_else(|| {
                recent()
                    .filter(current)
                    .find(|&id| as_titled(id) || as_head(id))
            })
            .or_else(|| recent().find(|&id| loose && of_nationality(id)))
            .or_else(|| recent().filter(current).find(|&id| untitled_head(id)))
    }

    /// "The two leaders", "the three men": the latest people of as many
    /// countries, the pair or trio the story has been about.
    pub(super) fn counted(&self, sent: &Sent<'_, '_>, found: &[ActorMention]) -> Vec<ActorMention> {
        const PEOPLE: &[&str] = &[
            "leaders",
            "men",
            "women",
            "presidents",
            "premiers",
            "ministers",
            "heads",
            "statesmen",
            "monarchs",
            "kings",
        ];
        let mut counted = Vec::new();
        for start in 0..sent.len() {
            let count = match sent.word(start + 1) {
                "two" => 2,
                "three" => 3,
                _ => continue,
            };
            if !sent.is(start, "the") || found.iter().any(|m| m.tokens.contains(&start)) {
                continue;
            }
            // "the two leaders", "the two prime ministers".
            let Some(noun) = (start + 2..start + 4).find(|&i| sent.is_any(i, PEOPLE)) else {
                continue;
            };
            let mut countries = Vec::new();
            let mut actors = Vec::new();
            // Not people this sentence names after: "the three men met
            // again at Casablanca, where the King brought them together with
            // Nasser".
            let named_here = |id: PersonId| {
                found
                    .iter()
                    .any(|m| m.tokens.start > start && m.actors.contains(&Actor::Person(id)))
            };
            for &id in self.recent.iter().rev() {
                let person = &self.cast.people[id];
                let country = person.country;
                if country.is_none()
                    || countries.contains(&country)
                    || named_here(id)
                    || person.former
                {
                    continue;
                }
                countries.push(country);
                actors.push(Actor::Person(id));
                if actors.len() == count {
                    break;
                }
            }
            if actors.len() == count {
                counted.push(ActorMention {
                    tokens: start..noun + 1,
                    actors,
                    object: is_object(sent, start),
                    relative: false,
                });
            }
        }
        counted
    }
}
