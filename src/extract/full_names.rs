//! Full names for people an article calls only by surname or initials
//! ("President Reagan", "Dr S. Jaishankar"): the one leader of the list of
//! office-holders who fits, in office in the article's year, so that a
//! record names the same person the same way whichever article it came
//! from.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cast::{Cast, is_honorific, is_initial, name_parts};
use super::known::listed_leaders;
use crate::model::CountryCode;

/// One line of the list: the name as written, its words folded, the
/// country, and the years of each office held (an open term runs on).
struct Listed {
    name: &'static str,
    parts: Vec<String>,
    country: CountryCode,
    offices: &'static str,
    terms: Vec<(i32, i32)>,
}

/// The listed people by the last word of their name.
fn by_surname() -> &'static HashMap<String, Vec<Listed>> {
    static INDEX: OnceLock<HashMap<String, Vec<Listed>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<String, Vec<Listed>> = HashMap::new();
        for (name, country, offices) in listed_leaders() {
            let parts = name_parts(name);
            let Some(surname) = parts.last().cloned() else {
                continue;
            };
            index.entry(surname).or_default().push(Listed {
                name,
                parts,
                country,
                offices,
                terms: terms(offices),
            });
        }
        index
    })
}

/// The year spans of an offices field: "President 1981-1989; VP
/// 1981-1989", "FM 2025-" (still in office).
fn terms(offices: &str) -> Vec<(i32, i32)> {
    offices
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter_map(|span| {
            let (from, to) = span.split_once('-')?;
            let from: i32 = from.parse().ok()?;
            let to = if to.is_empty() {
                i32::MAX
            } else {
                to.parse().ok()?
            };
            (from >= 1000).then_some((from, to))
        })
        .collect()
}

/// Styles that open a listed name or a person's title: monarchs, popes
/// and princes go by a given name, which is no surname to complete.
const STYLES: &[&str] = &[
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "empress",
    "sultan",
    "emir",
    "sheikh",
    "crown",
    "grand",
    "sir",
    "dame",
    "lord",
    "lady",
    "archbishop",
    "cardinal",
];

/// Whether a name's given words, initials or none ("Reagan", "S.
/// Jaishankar", "N. S. Khrushchev"), fit a listed full name.
fn fits(short: &[String], listed: &[String]) -> bool {
    let Some((surname, given)) = short.split_last() else {
        return false;
    };
    // A fuller name: given names written out where the short one has
    // initials or none.
    let spelled_out = listed[..listed.len().saturating_sub(1)]
        .iter()
        .any(|word| !is_initial(word));
    if listed.len() < short.len() || listed.last() != Some(surname) || !spelled_out {
        return false;
    }
    given.iter().all(|part| is_initial(part))
        && given
            .iter()
            .zip(listed)
            .all(|(initial, word)| word.starts_with(initial.trim_end_matches('.')))
}

/// The one listed person `parts` may name, of `country`, in office in
/// `year` when it is known.
fn listed_full_name(
    parts: &[String],
    country: CountryCode,
    year: Option<i32>,
) -> Option<&'static str> {
    let candidates = by_surname().get(parts.last()?)?;
    let mut fitting = candidates.iter().filter(|listed| {
        !listed
            .parts
            .first()
            .is_some_and(|word| STYLES.contains(&word.as_str()))
            && listed.country == country
            && fits(parts, &listed.parts)
            && year.is_none_or(|year| {
                listed
                    .terms
                    .iter()
                    .any(|&(from, to)| (from..=to).contains(&year))
            })
    });
    let first = fitting.next()?;
    // The list spells some people several ways ("George H. W. Bush",
    // "George Bush"): one person, one set of offices.
    fitting
        .all(|other| other.offices == first.offices)
        .then_some(first.name)
}

/// Gives each person of the cast whom the article names only by surname
/// or initials, with an office, the full name of the one listed leader who
/// fits, in office in `year`.
pub(crate) fn complete(cast: &mut Cast, year: Option<i32>) {
    for person in &mut cast.people {
        let titled = person.title.as_deref().is_some_and(|title| {
            let styled = name_parts(title)
                .iter()
                .any(|word| STYLES.contains(&word.as_str()));
            !is_honorific(title) && !styled
        });
        let Some(country) = person.country.filter(|_| titled) else {
            continue;
        };
        if let Some(full) = listed_full_name(&person.parts, country, year) {
            full.clone_into(&mut person.name);
            person.parts = name_parts(full);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(name: &str, country: &str, year: i32) -> Option<&'static str> {
        listed_full_name(&name_parts(name), CountryCode::parse(country)?, Some(year))
    }

    #[test]
    fn a_surname_or_initials_take_the_one_listed_leader_in_office() {
        assert_eq!(full("Reagan", "US", 1985), Some("Ronald Reagan"));
        assert_eq!(
            full("S. Jaishankar", "IN", 2024),
            Some("Subrahmanyam Jaishankar")
        );
        // Two presidents Bush: the year decides.
        assert_eq!(full("Bush", "US", 2003), Some("George W. Bush"));
        assert_eq!(full("Bush", "US", 1990), Some("George H. W. Bush"));
        // Out of office, of another country, or with given names that
        // do not fit: no one.
        assert_eq!(full("Reagan", "US", 1975), None);
        assert_eq!(full("Reagan", "GB", 1985), None);
        assert_eq!(full("Nancy Reagan", "US", 1985), None);
        // A monarch's given name is no surname.
        assert_eq!(full("Charles", "GB", 2024), None);
    }

    #[test]
    fn terms_read_open_and_several_spans() {
        assert_eq!(
            terms("President 1981-1989; VP 1977-1981"),
            [(1981, 1989), (1977, 1981)]
        );
        assert_eq!(terms("FM 2025-"), [(2025, i32::MAX)]);
    }
}
