//! Places named in a sentence, found through the gazetteer: countries by
//! name ("North Korea", "the US"), cities where the wording makes them
//! places ("in Pyongyang", "Pyongyang's airport", "the city of Harbin"),
//! demonyms ("Russian") and what they stand for ("the Vietnamese capital"),
//! landmarks ("the Kremlin") and groups of countries ("the Group of Seven").

use std::collections::HashSet;
use std::ops::Range;

use super::doc::Sent;
use super::lexicon::{COUNTRY_GROUPS, Flags, LANDMARKS, REGIONS};
use super::text::Kind;
use crate::gazetteer::{Gazetteer, Match, PlaceKind};
use crate::model::CountryCode;

/// The longest capitalised run looked up as one name.
const MAX_RUN: usize = 6;
/// Cities this large (or capitals) count as places wherever they appear.
const BIG_CITY: u64 = 1_000_000;
/// A city this large outranks a town five times smaller in a country the
/// article names.
const NOTED_CITY: u64 = 100_000;
/// A city in a country the article never names must be this large (or a
/// capital) to be taken: "at the Khasan station" is no Hassan, India.
const FOREIGN_CITY: u64 = 500_000;
/// A city in a country the article never names is taken at this size when
/// it goes by its own name and no other city of that name comes near it:
/// "arrived in Bonn", "in Geneva", "in Strasbourg" (but not "Portsmouth",
/// which is also a town of 96,000 in Virginia).
const UNRIVALLED_CITY: u64 = 150_000;

/// How a place was named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlaceHow {
    /// By the country's name: "North Korea", "the US".
    Country,
    /// By a city's name: "Pyongyang".
    City,
    /// By a demonym and a place noun: "the Vietnamese capital".
    Demonym,
    /// By a building or site: "the Kremlin", "Camp David".
    Landmark,
}

/// A place named in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlaceMention {
    /// Its tokens, relative to the sentence.
    pub tokens: Range<usize>,
    /// The country it is in (or is).
    pub country: CountryCode,
    /// The city, as the gazetteer names it, when one is named.
    pub city: Option<String>,
    /// How it was named.
    pub how: PlaceHow,
    /// Whether a possessive follows: "Russia's", "Pyongyang's".
    pub possessive: bool,
}

/// A demonym or country name used as an adjective: "Russian", "US" in "US
/// President".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Nationality {
    /// Its tokens, relative to the sentence.
    pub tokens: Range<usize>,
    /// The country.
    pub country: CountryCode,
}

/// A group of countries named as one actor: "the Group of Seven".
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CountryGroup {
    /// Its tokens, relative to the sentence.
    pub tokens: Range<usize>,
    /// Its members.
    pub members: Vec<CountryCode>,
}

/// The places, nationalities and country groups of one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Places {
    /// Places, left to right.
    pub all: Vec<PlaceMention>,
    /// Demonyms, left to right.
    pub nationalities: Vec<Nationality>,
    /// Groups of countries, left to right.
    pub groups: Vec<CountryGroup>,
    /// Regions of no one country ("Latin America", "Central Asia"), left
    /// to right: no one's name.
    pub regions: Vec<Range<usize>>,
}

impl Places {
    /// The place mention covering token `at`.
    pub fn place_at(&self, at: usize) -> Option<&PlaceMention> {
        self.all.iter().find(|p| p.tokens.contains(&at))
    }

    /// The nationality covering token `at`.
    pub fn nationality_at(&self, at: usize) -> Option<&Nationality> {
        self.nationalities.iter().find(|n| n.tokens.contains(&at))
    }

    /// The last city or country named before token `before` (all of them
    /// when `None`), as a story place: what "there" refers to.
    pub fn last_named_before(&self, before: Option<usize>) -> Option<super::story::StoryPlace> {
        self.all
            .iter()
            .filter(|p| p.how != PlaceHow::Demonym)
            .filter(|p| before.is_none_or(|at| p.tokens.end <= at))
            .max_by_key(|p| p.tokens.start)
            .map(|p| super::story::StoryPlace {
                country: p.country,
                city: p.city.clone(),
            })
    }

    /// Whether token `at` belongs to any place, nationality or group.
    pub fn covers(&self, at: usize) -> bool {
        self.place_at(at).is_some()
            || self.nationality_at(at).is_some()
            || self.groups.iter().any(|g| g.tokens.contains(&at))
            || self.regions.iter().any(|r| r.contains(&at))
    }
}

/// Finds the places of one sentence. `dateline` is the token range of the
/// article's dateline place when it lies in this sentence; `named` holds
/// the countries the article names anywhere (cities are only looked for
/// when it is given: a first pass finds the countries).
pub(crate) fn find_places(
    sent: &Sent<'_, '_>,
    text: &str,
    dateline: Option<&Range<usize>>,
    named: Option<&HashSet<CountryCode>>,
    gazetteer: &Gazetteer,
) -> Places {
    let mut found = Places::default();
    let mut at = 0;
    while at < sent.len() {
        if !sent.capitalized(at) || sent.in_date(at) {
            at += 1;
            continue;
        }
        let run = run_end(sent, at);
        let step = region(sent, at, run, &mut found)
            .or_else(|| landmark(sent, text, at, run, &mut found))
            .or_else(|| country_group(sent, at, run, &mut found))
            .or_else(|| country(sent, text, at, run, gazetteer, &mut found))
            .or_else(|| demonym(sent, text, at, run, gazetteer, &mut found))
            .or_else(|| {
                let in_dateline = dateline.is_some_and(|d| d.contains(&at));
                let context = CityContext {
                    in_dateline,
                    named: named?,
                };
                city(sent, text, at, run, &context, gazetteer, &mut found)
            });
        at += step.unwrap_or(1);
    }
    found
}

/// Where the capitalised run starting at `at` ends: capitalised words, with
/// "of", "the", "and" inside ("Great Hall of the People").
fn run_end(sent: &Sent<'_, '_>, at: usize) -> usize {
    let mut end = at;
    while end < sent.len() && end - at < MAX_RUN {
        let word =
            (sent.capitalized(end) || end > at && particle_joined(sent, end)) && !sent.in_date(end);
        let glue = end > at
            && sent.is_any(
                end,
                &[
                    "of", "the", "and", "on", "de", "del", "al", "es", "el", "la", "da", "do",
                ],
            )
            && (sent.capitalized(end + 1) || sent.is(end + 1, "the") && sent.capitalized(end + 2));
        // "the Democratic People's Republic of Korea", "the People's
        // Republic of China".
        let peoples = end > at
            && sent.tokens[end].kind == Kind::Possessive
            && sent.is(end - 1, "people")
            && sent.capitalized(end + 1);
        if !(word || glue || peoples) {
            break;
        }
        end += 1;
    }
    // A run never ends on glue.
    while end > at + 1 && !sent.capitalized(end - 1) && !particle_joined(sent, end - 1) {
        end -= 1;
    }
    end
}

/// Whether token `at` is an Arabic article joined to a name, as inside
/// "Sharm el-Sheikh" or "Ras al-Khaimah": lowercase, yet part of the name.
fn particle_joined(sent: &Sent<'_, '_>, at: usize) -> bool {
    sent.tokens.get(at).is_some_and(|token| {
        token.is_lowercase()
            && token
                .text
                .split_once(['-', '‑', '‐'])
                .is_some_and(|(article, name)| {
                    article.len() <= 3 && name.chars().next().is_some_and(char::is_uppercase)
                })
    })
}

/// Whether a possessive ending follows token `at`.
fn possessive_after(sent: &Sent<'_, '_>, at: usize) -> bool {
    sent.tokens
        .get(at)
        .is_some_and(|t| t.kind == Kind::Possessive)
}

fn landmark(
    sent: &Sent<'_, '_>,
    text: &str,
    at: usize,
    run: usize,
    found: &mut Places,
) -> Option<usize> {
    for end in (at + 1..=run).rev() {
        let name = sent.text(text, at..end).to_lowercase();
        let name = name.replace(" international airport", " airport");
        // "Haneda airport", "Jomo Kenyatta international airport": the
        // airport word after the capitalised run.
        let (name, end) = if sent.is(end, "airport") {
            (format!("{name} airport"), end + 1)
        } else if sent.is(end, "international") && sent.is(end + 1, "airport") {
            (format!("{name} airport"), end + 2)
        } else {
            (name, end)
        };
        let bare = name.strip_suffix(" airport").unwrap_or(&name);
        let Some(landmark) = LANDMARKS.iter().find(|l| l.name == name || l.name == bare) else {
            continue;
        };
        let country = CountryCode::parse(landmark.country)?;
        found.all.push(PlaceMention {
            tokens: at..end,
            country,
            city: landmark.city.map(str::to_owned),
            how: PlaceHow::Landmark,
            possessive: possessive_after(sent, end),
        });
        return Some(end - at);
    }
    None
}

/// A region's name ("South America", "the Middle East"): skipped whole, so
/// that none of its words is taken for a country.
fn region(sent: &Sent<'_, '_>, at: usize, run: usize, found: &mut Places) -> Option<usize> {
    let end = (at + 1..=run)
        .rev()
        .find(|&end| REGIONS.contains(&sent.lower[at..end].join(" ").as_str()))?;
    found.regions.push(at..end);
    Some(end - at)
}

fn country_group(sent: &Sent<'_, '_>, at: usize, run: usize, found: &mut Places) -> Option<usize> {
    for end in (at + 1..=run).rev() {
        let name = sent.lower[at..end].join(" ");
        let Some((_, members)) = COUNTRY_GROUPS.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        found.groups.push(CountryGroup {
            tokens: at..end,
            members: members
                .iter()
                .filter_map(|c| CountryCode::parse(c))
                .collect(),
        });
        return Some(end - at);
    }
    None
}

fn country(
    sent: &Sent<'_, '_>,
    text: &str,
    at: usize,
    run: usize,
    gazetteer: &Gazetteer,
    found: &mut Places,
) -> Option<usize> {
    // "Bank of China", "University of Tokyo": part of a name.
    if at >= 2 && sent.is(at - 1, "of") && sent.capitalized(at - 2) && sent.has(at - 2, Flags::ORG)
    {
        return None;
    }
    for end in (at + 1..=run).rev() {
        let name = sent.text(text, at..end);
        let Some(country) = gazetteer.country_by_name(name) else {
            continue;
        };
        // "China Daily", "Korea Herald", "South China Sea": an organisation
        // or a feature named after the country.
        if sent.capitalized(end) && sent.has(end, Flags::ORG) && !sent.has(end, Flags::TITLE_HEAD) {
            return Some(run - at);
        }
        // "Singapore", "Kuwait", "Monaco": a country that is its capital.
        // "the capital of the Democratic People's Republic of Korea": its
        // capital city.
        let the = usize::from(at > 0 && sent.is(at - 1, "the"));
        let its_capital =
            at >= 2 + the && sent.is(at - 1 - the, "of") && sent.is(at - 2 - the, "capital");
        let city_state = gazetteer
            .capital(country.code)
            .filter(|capital| its_capital || capital.name.eq_ignore_ascii_case(name))
            .map(|capital| capital.name.to_owned());
        found.all.push(PlaceMention {
            tokens: at..end,
            country: country.code,
            city: city_state,
            how: PlaceHow::Country,
            possessive: possessive_after(sent, end),
        });
        return Some(end - at);
    }
    None
}

fn demonym(
    sent: &Sent<'_, '_>,
    text: &str,
    at: usize,
    run: usize,
    gazetteer: &Gazetteer,
    found: &mut Places,
) -> Option<usize> {
    // Demonyms run to three words: "Papua New Guinean".
    let max = (at + 3).min(run);
    for end in (at + 1..=max).rev() {
        let word = sent.text(text, at..end);
        let Some(country) = gazetteer.country_by_demonym(word) else {
            continue;
        };
        let code = country.code;
        // "the Vietnamese capital", "the Vietnamese border town of Dong
        // Dang", "the Russian Far East": a place in that country.
        let mut noun = end;
        while noun < sent.len() && noun < end + 3 && !sent.has(noun, Flags::PLACE_NOUN) {
            if !(sent.tokens[noun].is_lowercase() || sent.capitalized(noun)) {
                break;
            }
            noun += 1;
        }
        if noun < end + 3 && sent.has(noun, Flags::PLACE_NOUN) {
            let capital = sent.is(noun, "capital") && !sent.is(noun + 1, "of");
            let city = if capital {
                gazetteer.capital(code).map(|city| city.name.to_owned())
            } else {
                None
            };
            found.all.push(PlaceMention {
                tokens: at..noun + 1,
                country: code,
                city,
                how: PlaceHow::Demonym,
                possessive: possessive_after(sent, noun + 1),
            });
            return Some(end - at);
        }
        found.nationalities.push(Nationality {
            tokens: at..end,
            country: code,
        });
        return Some(end - at);
    }
    None
}

/// What decides whether a name is a city here.
struct CityContext<'a> {
    /// The name is the dateline's.
    in_dateline: bool,
    /// The countries the article names.
    named: &'a HashSet<CountryCode>,
}

/// The city of [`UNRIVALLED_CITY`] size or more that goes by `name` itself
/// when no other city of the name comes within a fifth of it.
fn unrivalled<'c, 'g>(name: &str, candidates: &'c [Match<'g>]) -> Option<&'c Match<'g>> {
    let cities = || candidates.iter().filter(|m| m.kind != PlaceKind::Country);
    let largest = cities().max_by_key(|m| m.population)?;
    let own_name = [largest.name, largest.name.trim_start_matches("The ")]
        .iter()
        .any(|own| own.eq_ignore_ascii_case(name));
    let alone = cities()
        .all(|m| std::ptr::eq(m, largest) || m.population.saturating_mul(5) < largest.population);
    (largest.population >= UNRIVALLED_CITY && own_name && alone).then_some(largest)
}

fn city(
    sent: &Sent<'_, '_>,
    text: &str,
    at: usize,
    run: usize,
    context: &CityContext<'_>,
    gazetteer: &Gazetteer,
    found: &mut Places,
) -> Option<usize> {
    // "New" opens a sentence's news as often as New York or New Orleans.
    let new_place = sent.is(at, "new") && run > at + 1;
    if (sent.has(at, Flags::FUNCTION) && !new_place) || sent.has(at, Flags::TITLE_HEAD) {
        return None;
    }
    // "in Pyongyang", "to Beijing", "the city of Harbin", "at the Khasan".
    let mut before = at;
    if before > 0 && sent.is(before - 1, "the") {
        before -= 1;
    }
    let after_preposition = before > 0
        && (sent.is_any(
            before - 1,
            &[
                "in", "at", "to", "from", "into", "near", "outside", "via", "toward", "towards",
                "for", "through", "reached", "visited", "visit", "visiting", "left", "reach",
                "leave", "toured", "across", "around",
            ],
        ) || (sent.is(before - 1, "of")
            && before >= 2
            && sent.has(before - 2, Flags::PLACE_NOUN)));
    for end in (at + 1..=run).rev() {
        // "Jakarta Post" is a paper, but "Port Moresby" a city: an
        // organisation's word may open a name of several words.
        let org_word = |i: usize| sent.has(i, Flags::ORG) && (i > at || end == at + 1);
        if (at..end).any(|i| org_word(i) || sent.has(i, Flags::TITLE_HEAD)) {
            continue;
        }
        let name = sent.text(text, at..end);
        // "Pyongyang, North Korea": the country after the comma decides.
        let mut comma_country = sent
            .punct(end, ',')
            .then(|| {
                let next_end = run_end(sent, end + 1);
                (end + 1 < next_end)
                    .then(|| gazetteer.country_by_name(sent.text(text, end + 1..next_end)))
                    .flatten()
            })
            .flatten()
            .map(|country| country.code);
        let mut candidates = gazetteer.lookup_all(name, comma_country);
        // "Atlanta, Georgia": no city of the name in the country after the
        // comma, so that names a state or province of the same name; the
        // city stands alone, and the state is read with it.
        let mut step_end = end;
        if comma_country.is_some() && candidates.iter().all(|m| m.kind == PlaceKind::Country) {
            comma_country = None;
            candidates = gazetteer.lookup_all(name, None);
            step_end = run_end(sent, end + 1);
        }
        let cities = || candidates.iter().filter(|m| m.kind != PlaceKind::Country);
        let by_comma = cities().find(|m| comma_country == Some(m.country));
        let in_named = cities().find(|m| context.named.contains(&m.country));
        let prominent = cities().find(|m| m.kind == PlaceKind::Capital || m.population >= BIG_CITY);
        // A small town of a country the article names yields to a capital
        // or a big city of the same name: "Lima" in a story that names the
        // United States is Peru's capital, not Lima, Ohio.
        // Nor to a city five times its size: "Geneva" in a story naming the
        // United States is not Geneva, Illinois.
        let largest = cities().max_by_key(|m| m.population);
        let prominent = prominent.or(largest.filter(|big| {
            end == run
                && big.population >= NOTED_CITY
                && in_named.is_some_and(|town| town.population.saturating_mul(5) < big.population)
        }));
        let in_named = match (in_named, prominent) {
            (Some(town), Some(big))
                if town.kind != PlaceKind::Capital && town.population < FOREIGN_CITY =>
            {
                Some(big)
            }
            (named, _) => named,
        };
        let Some(city) = by_comma.or(in_named).or_else(|| {
            cities()
                .find(|m| m.kind == PlaceKind::Capital || m.population >= FOREIGN_CITY)
                .or_else(|| unrivalled(name, &candidates))
        }) else {
            continue;
        };
        // "Niamey and Addis Ababa": a name ends where a list goes on.
        let whole = end == run || sent.is(end, "and");
        let possessive = possessive_after(sent, end);
        // "the Istanbul Conference": a big city naming an event.
        let names_event = sent.capitalized(end) && sent.has(end, Flags::ORG);
        let prominent = city.kind == PlaceKind::Capital || city.population >= BIG_CITY;
        let big = (whole || names_event) && prominent;
        // "at Lansdowne Park", "at Hyderabad House", "in the St. Andrew's
        // Hall": a small town's name opening a longer one names something
        // else.
        let opens_longer = !whole && sent.capitalized(end)
            || possessive_after(sent, end) && sent.capitalized(end + 1);
        if opens_longer && !prominent {
            continue;
        }
        if !(after_preposition
            || possessive
            || comma_country.is_some()
            || context.in_dateline
            || big)
        {
            continue;
        }
        // The name as the text writes it, unless shouted in a dateline.
        let written = if sent.tokens[at].is_all_caps() {
            city.name
        } else {
            name
        };
        found.all.push(PlaceMention {
            tokens: at..end,
            country: city.country,
            city: Some(written.to_owned()),
            how: PlaceHow::City,
            possessive,
        });
        return Some(step_end - at);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::doc::Doc;
    use super::*;

    /// (words, country, city) of each place in the first sentence of `text`.
    fn places(text: &str) -> Vec<(String, String, Option<String>)> {
        let doc = Doc::new(text);
        let sent = doc.sentence(0);
        let named = HashSet::from([CountryCode::parse("KP").unwrap()]);
        let found = find_places(&sent, text, None, Some(&named), Gazetteer::bundled());
        found
            .all
            .iter()
            .map(|p| {
                (
                    sent.text(text, p.tokens.clone()).to_owned(),
                    p.country.to_string(),
                    p.city.clone(),
                )
            })
            .collect()
    }

    fn place(words: &str, country: &str, city: Option<&str>) -> (String, String, Option<String>) {
        (
            words.to_owned(),
            country.to_owned(),
            city.map(str::to_owned),
        )
    }

    #[test]
    fn finds_countries_and_cities_in_context() {
        assert_eq!(
            places("Shoigu is welcomed at an airport in Pyongyang, North Korea, on Tuesday."),
            [
                place("Pyongyang", "KP", Some("Pyongyang")),
                place("North Korea", "KP", None)
            ]
        );
        assert_eq!(
            places("Kim arrived in Russia's Far East after Putin visited the US."),
            [place("Russia", "RU", None), place("US", "US", None)]
        );
        // An Arabic article joined to a name belongs to it.
        assert_eq!(
            places("They met in Sharm el-Sheikh, Egypt, in November."),
            [
                place("Sharm el-Sheikh", "EG", Some("Sharm el-Sheikh")),
                place("Egypt", "EG", None)
            ]
        );
    }

    #[test]
    fn reads_demonyms_with_place_nouns() {
        let found = places("Trump landed in the Vietnamese capital late on Tuesday.");
        assert_eq!(found, [place("Vietnamese capital", "VN", Some("Hanoi"))]);
        let found = places("He travelled to the northeastern city of Harbin.");
        assert_eq!(found, [place("Harbin", "CN", Some("Harbin"))]);
    }

    #[test]
    fn names_in_passing_need_context_to_be_cities() {
        // Capitals count anywhere; a small town only after a preposition.
        assert_eq!(
            places("She went to Bamako, Niamey and Addis Ababa."),
            [
                place("Bamako", "ML", Some("Bamako")),
                place("Niamey", "NE", Some("Niamey")),
                place("Addis Ababa", "ET", Some("Addis Ababa"))
            ]
        );
        assert_eq!(
            places("Beijing has long been committed to it."),
            [place("Beijing", "CN", Some("Beijing"))]
        );
        assert!(places("Victory Day and the Korean War.").is_empty());
    }

    #[test]
    fn small_towns_need_their_country_named_in_the_article() {
        // Maryland, Australia and Hassan, India are no places in a story on Korea.
        assert!(places("The talks at the presidential retreat in Maryland ended.").is_empty());
        assert!(places("It crossed the border at the Khasan station.").is_empty());
        assert_eq!(
            places("The Vietnamese border town of Dong Dang"),
            [place("Vietnamese border", "VN", None)],
        );
    }

    #[test]
    fn a_city_no_other_of_its_name_rivals_needs_no_country_named() {
        assert_eq!(
            places("The chancellor arrived in Bonn on Tuesday."),
            [place("Bonn", "DE", Some("Bonn"))]
        );
        assert_eq!(
            places("The talks in Geneva ended."),
            [place("Geneva", "CH", Some("Geneva"))]
        );
        // "Atlanta, Georgia" is in the state, not the country.
        assert_eq!(
            places("They landed in Atlanta, Georgia, on Monday."),
            [place("Atlanta", "US", Some("Atlanta"))]
        );
        // Portsmouth, England is barely twice Portsmouth, Virginia.
        assert!(places("The yacht docked in Portsmouth on Monday.").is_empty());
    }

    #[test]
    fn knows_landmarks_and_country_groups() {
        let text =
            "They met at the Great Hall of the People after a letter from the Group of Seven.";
        assert_eq!(
            places(text),
            [place("Great Hall of the People", "CN", Some("Beijing"))]
        );
        let doc = Doc::new(text);
        let found = find_places(&doc.sentence(0), text, None, None, Gazetteer::bundled());
        assert_eq!(found.groups.len(), 1);
        assert_eq!(found.groups[0].members.len(), 7);
    }

    #[test]
    fn demonyms_are_nationalities() {
        let text = "Russian Defence Minister Sergei Shoigu met North Korean officials.";
        let doc = Doc::new(text);
        let found = find_places(&doc.sentence(0), text, None, None, Gazetteer::bundled());
        let codes: Vec<_> = found
            .nationalities
            .iter()
            .map(|n| n.country.to_string())
            .collect();
        assert_eq!(codes, ["RU", "KP"]);
    }
}
