//! The article's cast: everyone it names, found again by any part of
//! their name ("Shoigu" for "Sergei Shoigu", "L. I. Brezhnev" for "Leonid
//! Brezhnev", "Jokowi" for "Joko Widodo (Jokowi)").

use std::collections::HashMap;

use super::known::{known_country, known_regnal_country, known_surname_country};
use super::people::NameMention;
use crate::model::CountryCode;

/// Titles only one country gives.
const TITLE_COUNTRIES: &[(&str, &str)] = &[
    ("secretary of state", "US"),
    ("pope", "VA"),
    ("pontiff", "VA"),
    ("taoiseach", "IE"),
];

/// A person of the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Person {
    /// The fullest name the article gives.
    pub name: String,
    /// The name's words, folded to lowercase.
    pub parts: Vec<String>,
    /// The first title the article gives.
    pub title: Option<String>,
    /// Their country, from the article or the list of known people.
    pub country: Option<CountryCode>,
    /// The sentence that first names them.
    pub introduced: usize,
    /// Other names they go by, folded: "Jokowi" for "Joko Widodo (Jokowi)".
    pub aliases: Vec<Vec<String>>,
    /// Whether the article names them as a distant relative ("his
    /// step-grandmother, Mama Sarah Obama"): a leader's surname says
    /// nothing of their country.
    pub distant_kin: bool,
    /// Whether the article gives them a title that no longer holds ("then
    /// leader Kim Jong-il"): "the North Korean leader" is someone else.
    pub former: bool,
}

/// The index of a [`Person`] in the [`Cast`].
pub(crate) type PersonId = usize;

/// The people of one article, found by any part of their name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cast {
    /// Everyone, in order of first mention.
    pub people: Vec<Person>,
    /// Each lowercase name part, and who has it.
    by_part: HashMap<String, Vec<PersonId>>,
}

impl Cast {
    /// The person a name's words refer to in sentence `at`: the same
    /// name, or one whose name holds these words in this order ("Kim" for
    /// "Kim Jong Un"); or, for a fuller name, a person known by part of it
    /// ("Sergei Shoigu" for "Shoigu"). Among several, the one named first
    /// of those already named by then: a story names its subject first and
    /// calls them by surname after, while a namesake ("Kallas, 48, is the
    /// daughter of Siim Kallas") keeps their full name.
    pub fn find(&self, parts: &[String], at: usize) -> Option<PersonId> {
        let contains = |id: &PersonId| {
            let name = &self.people[*id].parts;
            self.people[*id].aliases.iter().any(|alias| alias == parts)
                || initials_agree(parts, name)
                || initials_agree(name, parts)
                || name.windows(parts.len()).any(|window| window == parts)
                || parts
                    .windows(name.len())
                    .any(|window| window == name.as_slice())
        };
        let exact = |id: &PersonId| {
            let person = &self.people[*id];
            person.parts == parts || person.aliases.iter().any(|alias| alias == parts)
        };
        // By any of its words ("Echeverria" is known when "Luis Echeverria
        // Alvarez" is added).
        let candidates: Vec<PersonId> = parts
            .iter()
            .filter_map(|part| self.by_part.get(part))
            .flatten()
            .copied()
            .filter(contains)
            .collect();
        let named_by_then = |id: &PersonId| self.people[*id].introduced <= at;
        candidates
            .iter()
            .copied()
            .find(exact)
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .filter(named_by_then)
                    .min_by_key(|id| self.people[*id].introduced)
            })
            .or_else(|| candidates.first().copied())
    }

    /// Adds a person, or completes the one already known by that name
    /// (fuller name, first title, country); returns their id.
    pub fn add(
        &mut self,
        name: &str,
        title: Option<&str>,
        country: Option<CountryCode>,
        at: usize,
    ) -> PersonId {
        let parts = name_parts(name);
        if let Some(id) = self.find(&parts, at) {
            let person = &mut self.people[id];
            // A fuller name, or the first one not shouted in a headline.
            let shouted = |name: &str| !name.chars().any(char::is_lowercase);
            if parts.len() > person.parts.len() || shouted(&person.name) && !shouted(name) {
                name.clone_into(&mut person.name);
                person.parts.clone_from(&parts);
                self.index(id, &parts);
            }
            let person = &mut self.people[id];
            // "Mr. Macron said" gives no office; "the French president"
            // may still be him.
            if person.title.as_deref().is_none_or(is_honorific) && title.is_some() {
                person.title = title.map(str::to_owned);
            }
            if person.country.is_none() {
                person.country = country;
            }
            return id;
        }
        self.add_distinct(name, title, country, at)
    }

    /// Adds someone named as a relative, who shares no one's identity even
    /// if their name holds another's: "his son, John Eisenhower" is not the
    /// President. A `distant` relative takes no country from their surname.
    pub fn add_relative(
        &mut self,
        name: &NameMention,
        written: &str,
        distant: bool,
        at: usize,
    ) -> PersonId {
        let id = self.add_distinct(written, name.title.as_deref(), name.country, at);
        self.people[id].distant_kin = distant;
        id
    }

    /// Adds a new person.
    fn add_distinct(
        &mut self,
        name: &str,
        title: Option<&str>,
        country: Option<CountryCode>,
        at: usize,
    ) -> PersonId {
        let parts = name_parts(name);
        let id = self.people.len();
        self.people.push(Person {
            name: name.to_owned(),
            parts: parts.clone(),
            title: title.map(str::to_owned),
            country,
            introduced: at,
            aliases: Vec::new(),
            distant_kin: false,
            former: false,
        });
        self.index(id, &parts);
        id
    }

    /// Records another name a person goes by.
    pub fn add_alias(&mut self, id: PersonId, alias: &str) {
        let parts = name_parts(alias);
        if self.people[id].parts != parts && !self.people[id].aliases.contains(&parts) {
            self.index(id, &parts);
            self.people[id].aliases.push(parts);
        }
    }

    fn index(&mut self, id: PersonId, parts: &[String]) {
        for part in parts {
            let ids = self.by_part.entry(part.clone()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// Gives everyone still without a country the one the list of known
    /// leaders has for them, or the one their title implies.
    pub fn fill_countries(&mut self) {
        for id in 0..self.people.len() {
            self.fill_country(id);
        }
    }

    /// Gives one person without a country the one the list of known leaders
    /// has for them, or the one their title implies.
    pub fn fill_country(&mut self, id: PersonId) {
        let Some(person) = self.people.get_mut(id) else {
            return;
        };
        if person.country.is_some() {
            return;
        }
        if person.distant_kin {
            return;
        }
        let titled = person.title.is_some();
        person.country = known_country(&person.parts)
            .or_else(|| {
                titled
                    .then(|| {
                        known_surname_country(&person.parts)
                            .or_else(|| known_regnal_country(&person.parts))
                    })
                    .flatten()
            })
            .or_else(|| {
                let title = person.title.as_deref()?.to_lowercase();
                TITLE_COUNTRIES
                    .iter()
                    .find(|(words, _)| title.contains(words))
                    .and_then(|(_, code)| CountryCode::parse(code))
            });
    }
}

/// Whether a title is only a form of address ("Mr.", "Mrs", "Dr"), no
/// office.
pub(crate) fn is_honorific(title: &str) -> bool {
    matches!(
        title.trim_end_matches('.').to_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "madame" | "monsieur" | "m"
    )
}

/// A name's words, folded (lowercase, no accents, no dots) and split at
/// hyphens: "George W. Bush" gives "george", "w", "bush"; "Bashar
/// al-Assad" gives "bashar", "al", "assad", so that "Assad" finds him;
/// "Erdoğan" is "erdogan".
pub(crate) fn name_parts(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '‑')
        .map(crate::gazetteer::fold)
        .filter(|part| !part.is_empty())
        .collect()
}

/// Whether a folded name word is an initial: "l", "l.".
pub(crate) fn is_initial(part: &str) -> bool {
    part.trim_end_matches('.').chars().count() == 1
}

/// Whether a name with initials is a fuller one's: "L. I. Brezhnev" and
/// "Leonid Brezhnev", "N. S. Khrushchev" and "Nikita S. Khrushchev".
fn initials_agree(short: &[String], full: &[String]) -> bool {
    let is_initial = |part: &&String| is_initial(part);
    let Some(initial) = short.iter().find(is_initial).and_then(|p| p.chars().next()) else {
        return false;
    };
    let rest: Vec<&String> = short.iter().filter(|p| !is_initial(p)).collect();
    let full_rest: Vec<&String> = full.iter().filter(|p| !is_initial(p)).collect();
    !rest.is_empty()
        && full_rest.len() > rest.len()
        && full_rest.ends_with(&rest)
        && full_rest[0].starts_with(initial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cast_joins_short_and_full_names() {
        let mut cast = Cast::default();
        let short = cast.add("Shoigu", None, CountryCode::parse("RU"), 0);
        let full = cast.add("Sergei Shoigu", Some("Defence Minister"), None, 0);
        assert_eq!(short, full);
        assert_eq!(cast.people[0].name, "Sergei Shoigu");
        assert_eq!(cast.people[0].country, CountryCode::parse("RU"));
        let kim = cast.add("Kim Jong Un", None, None, 0);
        assert_eq!(cast.find(&name_parts("Kim"), 0), Some(kim));
        assert_eq!(cast.find(&name_parts("Jong Un"), 0), Some(kim));
        assert_eq!(cast.find(&name_parts("Putin"), 0), None);
    }

    #[test]
    fn known_leaders_fill_missing_countries() {
        let mut cast = Cast::default();
        cast.add("Donald Trump", Some("President"), None, 0);
        cast.add("Hu Jintao", None, None, 0);
        cast.add("Antony Blinken", None, None, 0);
        cast.add("Mike Smith", Some("Secretary of State"), None, 0);
        cast.add("Jane Doe", None, None, 0);
        cast.fill_countries();
        let codes: Vec<_> = cast
            .people
            .iter()
            .map(|p| p.country.map(|c| c.to_string()))
            .collect();
        assert_eq!(
            codes,
            [
                Some("US".to_owned()),
                Some("CN".to_owned()),
                Some("US".to_owned()),
                Some("US".to_owned()),
                None
            ]
        );
    }

    #[test]
    fn initials_name_the_same_person() {
        let mut cast = Cast::default();
        let short = cast.add("L. I. Brezhnev", None, None, 0);
        let full = cast.add("Leonid Brezhnev", None, None, 1);
        assert_eq!(short, full, "{:?}", cast.people);
        // A headline's capitals yield to the text's spelling.
        let shouted = cast.add("N. S. KHRUSHCHEV", None, None, 0);
        let written = cast.add("Nikita Khrushchev", None, None, 1);
        assert_eq!(shouted, written, "{:?}", cast.people);
        assert_eq!(cast.people[written].name, "Nikita Khrushchev");
    }
}
