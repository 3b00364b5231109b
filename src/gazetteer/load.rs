//! Reading the gazetteer's tab-separated asset (`assets/gazetteer/*.tsv`,
//! written by `scripts/build_gazetteer.py`) and building its indexes.
//!
//! Strings are borrowed from the `'static` text, so loading allocates little
//! more than the records and the index. A bad line is reported and skipped.

use std::collections::HashMap;
use std::str::FromStr;

use crate::model::CountryCode;
use crate::threads::joined;

use super::index::{IndexBuilder, NameIndex, SortedNames, Target, is_acronym, rank};
use super::places::{City, CityId, Country};
use super::{Gazetteer, LoadProblem};

/// Capitals outrank namesakes unless these are this many times larger:
/// "Moscow" is Russia's, but "Plymouth" is not the deserted capital of
/// Montserrat.
const CAPITAL_WEIGHT: u64 = 100;
/// A city found by an alternate name counts as this many times smaller:
/// "Canton" is Canton, Ohio only if Guangzhou were tiny.
const ALT_NAME_DIVISOR: u64 = 10;

/// Tier of country names in the name index: before any city.
const COUNTRY_TIER: u32 = 0;
/// Tier of city names in the name index.
const CITY_TIER: u32 = 1;

/// Reads both files; see [`Gazetteer::from_tsv`].
///
/// The cities, nearly all the work, are read in two halves on two threads.
pub(super) fn from_tsv(
    countries_tsv: &'static str,
    cities_tsv: &'static str,
) -> (Gazetteer, Vec<LoadProblem>) {
    let codes = Codes::default();
    let mut problems = Vec::new();
    let mut countries = Vec::new();
    let mut capitals = Vec::new();
    for (line, text) in records(countries_tsv, 0) {
        match parse_country(text, &codes) {
            Ok((country, capital)) => {
                countries.push(country);
                capitals.push((line, capital));
            }
            Err(message) => problems.push(LoadProblem {
                file: "countries.tsv",
                line,
                message,
            }),
        }
    }

    // Country names go in with the first half of the cities.
    let mut country_names = IndexBuilder::with_capacity(countries.len() * 8);
    add_country_names(&mut country_names, &countries);

    let (first_half, second_half) = halves(cities_tsv);
    let lines_before_second = first_half.bytes().filter(|&b| b == b'\n').count();
    let (first, second) = std::thread::scope(|scope| {
        let second = std::thread::Builder::new()
            .name("gazetteer".to_owned())
            .spawn_scoped(scope, || {
                read_cities(
                    second_half,
                    lines_before_second,
                    &codes,
                    IndexBuilder::default(),
                )
            });
        let first = read_cities(first_half, 0, &codes, country_names);
        let second = match second {
            Ok(thread) => joined(thread),
            // No thread to be had: read it here.
            Err(_) => read_cities(
                second_half,
                lines_before_second,
                &codes,
                IndexBuilder::default(),
            ),
        };
        (first, second)
    });

    let mut cities = first.cities;
    let mut second_names = second.names;
    second_names.shift_cities(cities.len());
    let names = SortedNames::merge(vec![first.names, second_names]);
    cities.extend(second.cities);
    problems.extend(first.problems);
    problems.extend(second.problems);

    link_capitals(&mut countries, &capitals, &cities, &mut problems);

    let mut by_code = HashMap::with_capacity(countries.len());
    for (index, country) in countries.iter().enumerate() {
        by_code.entry(country.code).or_insert(index);
    }

    let gazetteer = Gazetteer {
        names,
        demonyms: demonym_index(&countries),
        countries,
        by_code,
        cities,
        city_tree: std::sync::OnceLock::new(),
    };
    (gazetteer, problems)
}

/// `text` cut in two at the line break nearest its middle.
fn halves(text: &'static str) -> (&'static str, &'static str) {
    let middle = text.len() / 2;
    let cut = text
        .get(middle..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |offset| middle + offset + 1);
    text.split_at_checked(cut).unwrap_or((text, ""))
}

/// Cities read from part of `cities.tsv`, with their names indexed under
/// their position in this part.
struct CityPart {
    cities: Vec<City>,
    names: SortedNames,
    problems: Vec<LoadProblem>,
}

/// Reads the cities in `text`, which starts after `lines_before` lines of
/// the file, adding their names to `names`.
fn read_cities(
    text: &'static str,
    lines_before: usize,
    codes: &Codes,
    mut names: IndexBuilder,
) -> CityPart {
    // About one city per 60 bytes, and one name per 20.
    let mut cities = Vec::with_capacity(text.len() / 48);
    names.reserve(text.len() / 16);
    let mut problems = Vec::new();
    for (line, text) in records(text, lines_before) {
        match parse_city(text, codes) {
            Ok(city) => {
                add_city_names(&mut names, &city, cities.len());
                cities.push(city);
            }
            Err(message) => problems.push(LoadProblem {
                file: "cities.tsv",
                line,
                message,
            }),
        }
    }
    CityPart {
        cities,
        names: names.sorted(),
        problems,
    }
}

/// The records of a TSV text with their 1-based line numbers (counting
/// `lines_before` lines before the text), without comments and blank lines.
fn records(text: &'static str, lines_before: usize) -> impl Iterator<Item = (usize, &'static str)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(index, line)| (lines_before + index + 1, line))
}

/// The `N` tab-separated fields of `line`.
///
/// One pass over the bytes: the fields are short, and searching each one
/// with `split` costs more than the search.
fn fields<const N: usize>(line: &'static str) -> Result<[&'static str; N], String> {
    let mut fields = [""; N];
    let mut count = 0;
    let mut start = 0;
    for (at, &byte) in line.as_bytes().iter().enumerate() {
        if byte == b'\t' {
            if let Some(field) = fields.get_mut(count) {
                *field = line.get(start..at).unwrap_or_default();
            }
            count += 1;
            start = at + 1;
        }
    }
    if let Some(field) = fields.get_mut(count) {
        *field = line.get(start..).unwrap_or_default();
    }
    count += 1;
    if count == N {
        Ok(fields)
    } else {
        Err(format!("expected {N} fields, found {count}"))
    }
}

/// Every assigned country code by its two letters: parsing each code anew
/// scans the list of assigned codes, which adds up over 70,000 cities.
struct Codes([Option<CountryCode>; 26 * 26]);

impl Default for Codes {
    fn default() -> Self {
        let mut table = [None; 26 * 26];
        for code in CountryCode::all() {
            if let Some(slot) = Self::slot(code.as_str()) {
                table[slot] = Some(code);
            }
        }
        Self(table)
    }
}

impl Codes {
    /// The table position of two capital letters.
    fn slot(text: &str) -> Option<usize> {
        match *text.as_bytes() {
            [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
                Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
            }
            _ => None,
        }
    }

    /// An assigned ISO 3166-1 alpha-2 code.
    fn parse(&self, text: &str) -> Result<CountryCode, String> {
        let parsed = match Self::slot(text) {
            Some(slot) => self.0[slot],
            None => CountryCode::parse(text),
        };
        parsed.ok_or_else(|| format!("unknown country code {text:?}"))
    }
}

/// A capital as a country's line gives it: the city's name and country.
type CapitalRef = (&'static str, CountryCode);

/// A country and its capital, from one line.
fn parse_country(
    line: &'static str,
    codes: &Codes,
) -> Result<(Country, Option<CapitalRef>), String> {
    let [
        code,
        iso3,
        name,
        lat,
        lon,
        population,
        capital,
        capital_code,
        demonyms,
        alt_names,
        within,
    ] = fields(line)?;
    let code = codes.parse(code)?;
    if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("bad alpha-3 code {iso3:?}"));
    }
    let capital = if capital.is_empty() {
        None
    } else {
        Some((capital, codes.parse(capital_code)?))
    };
    let (lat, lon) = coordinates(lat, lon)?;
    let country = Country {
        code,
        iso3,
        name: non_empty(name)?,
        demonyms: list(demonyms),
        alt_names: list(alt_names),
        capital: None,
        lat,
        lon,
        population: number(population)?,
        within: list(within)
            .iter()
            .map(|code| codes.parse(code))
            .collect::<Result<_, _>>()?,
    };
    Ok((country, capital))
}

/// A city from one line.
fn parse_city(line: &'static str, codes: &Codes) -> Result<City, String> {
    let [name, code, lat, lon, population, flags, alt_names] = fields(line)?;
    let (lat, lon) = coordinates(lat, lon)?;
    Ok(City {
        name: non_empty(name)?,
        country: codes.parse(code)?,
        lat,
        lon,
        population: number(population)?,
        is_capital: flags.contains('C'),
        alt_names,
    })
}

/// Points each country at its capital among the cities flagged as capitals.
fn link_capitals(
    countries: &mut [Country],
    capitals: &[(usize, Option<CapitalRef>)],
    cities: &[City],
    problems: &mut Vec<LoadProblem>,
) {
    let flagged: HashMap<(CountryCode, &str), usize> = cities
        .iter()
        .enumerate()
        .filter(|(_, city)| city.is_capital)
        .map(|(index, city)| ((city.country, city.name), index))
        .collect();
    for (country, &(line, capital)) in countries.iter_mut().zip(capitals) {
        let Some((name, code)) = capital else {
            continue;
        };
        match flagged.get(&(code, name)) {
            Some(&index) => country.capital = Some(CityId(index as u32)),
            None => problems.push(LoadProblem {
                file: "countries.tsv",
                line,
                message: format!("capital {name} ({code}) is not a city flagged C in cities.tsv"),
            }),
        }
    }
}

/// Indexes a country's name and alternate names, before any city.
fn add_country_names(names: &mut IndexBuilder, countries: &[Country]) {
    for (index, country) in countries.iter().enumerate() {
        let rank = rank(COUNTRY_TIER, country.population);
        let target = Target::country(index);
        for &name in std::iter::once(&country.name).chain(&country.alt_names) {
            names.add(name, rank, target.acronym_if(is_acronym(name)));
        }
    }
}

/// Indexes the city at position `index` by its name and alternate names,
/// ranked by population: weighted up for a capital's own name, down for
/// alternate names.
fn add_city_names(names: &mut IndexBuilder, city: &City, index: usize) {
    let target = Target::city(index);
    let weight = if city.is_capital { CAPITAL_WEIGHT } else { 1 };
    let primary = city.population.saturating_mul(weight);
    names.add(
        city.name,
        rank(CITY_TIER, primary),
        target.acronym_if(is_acronym(city.name)),
    );
    let alt_rank = rank(CITY_TIER, city.population / ALT_NAME_DIVISOR);
    for name in city.alt_names() {
        names.add(name, alt_rank, target.acronym_if(is_acronym(name)));
    }
}

/// Countries by demonym, the most populous first ("Dominican" is the
/// Dominican Republic before Dominica).
fn demonym_index(countries: &[Country]) -> NameIndex {
    let mut builder = IndexBuilder::with_capacity(countries.len() * 2);
    for (index, country) in countries.iter().enumerate() {
        let rank = rank(0, country.population);
        for &demonym in &country.demonyms {
            let target = Target::country(index).acronym_if(is_acronym(demonym));
            builder.add(demonym, rank, target);
        }
    }
    SortedNames::merge(vec![builder.sorted()])
}

/// A `|`-separated list, without empty entries.
fn list(text: &'static str) -> Box<[&'static str]> {
    text.split('|').filter(|item| !item.is_empty()).collect()
}

/// `text`, or an error when it is empty.
fn non_empty(text: &'static str) -> Result<&'static str, String> {
    if text.trim().is_empty() {
        Err("empty name".to_owned())
    } else {
        Ok(text)
    }
}

/// A number of the given type.
fn number<T: FromStr>(text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("expected a number, found {text:?}"))
}

/// Latitude and longitude in degrees, within their ranges.
fn coordinates(lat: &str, lon: &str) -> Result<(f64, f64), String> {
    let (lat, lon): (f64, f64) = (number(lat)?, number(lon)?);
    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
        Ok((lat, lon))
    } else {
        Err(format!("coordinates {lat}, {lon} are off the globe"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str = "\
# iso2\tiso3\tname\tlat\tlon\tpopulation\tcapital\tcapital_iso2\tdemonyms\talt_names\twithin
FR\tFRA\tFrance\t46.2\t2.2\t66987244\tParis\tFR\tFrench\tRépublique française\t
XX\tXXX\tNowhere\t0\t0\t1\t\t\t\t\t
AQ\tATA\tAntarctica\t-82.9\t135\t0\t\t\t\t\t
GB\tGBR\tUnited Kingdom\t55.4\t-3.4\t66488991\tLondon\tGB\tBritish|UK\tBritain\t
US\tUSA\tUnited States\t37.1\t-95.7\tmany\tWashington\tUS\tAmerican\t\t
";

    const CITIES: &str = "\
# name\tiso2\tlat\tlon\tpopulation\tflags\talt_names
Paris\tFR\t48.8534\t2.3488\t2138551\tC\tLutetia|Parigi

Paris\tUS\t33.6609\t-95.5555\t24782\t\t
Lyon\tFR\t45.75\t4.85\t472317
Nice\tFR\t43.7\t7.27\tabc\t\t
Atlantis\tFR\t95\t0\t1\t\t
";

    #[test]
    fn reads_good_lines_and_reports_bad_ones_with_their_line() {
        let (gazetteer, problems) = from_tsv(COUNTRIES, CITIES);
        let codes: Vec<&str> = gazetteer
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(codes, ["FR", "AQ", "GB"]);
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "countries.tsv:3: unknown country code \"XX\"",
                "countries.tsv:6: expected a number, found \"many\"",
                "cities.tsv:5: expected 7 fields, found 5",
                "cities.tsv:6: expected a number, found \"abc\"",
                "cities.tsv:7: coordinates 95, 0 are off the globe",
                "countries.tsv:5: capital London (GB) is not a city flagged C in cities.tsv",
            ],
        );
        assert_eq!(gazetteer.countries[2].capital, None);
    }

    #[test]
    fn links_capitals_and_indexes_names() {
        let (gazetteer, _) = from_tsv(COUNTRIES, CITIES);
        let france = &gazetteer.countries[0];
        let capital = france
            .capital
            .map(|id| gazetteer.cities[id.0 as usize].name);
        assert_eq!(capital, Some("Paris"));
        assert_eq!(&*france.demonyms, ["French"]);
        assert_eq!(gazetteer.cities.len(), 2);
        // Countries, then the capital, then its namesake.
        assert_eq!(gazetteer.names.get("france"), [Target::country(0)]);
        assert_eq!(
            gazetteer.names.get("paris"),
            [Target::city(0), Target::city(1)]
        );
        assert_eq!(gazetteer.names.get("parigi"), [Target::city(0)]);
        assert_eq!(gazetteer.demonyms.get("french"), [Target::country(0)]);
    }

    use std::fmt::Write as _;

    #[test]
    fn halves_cut_at_a_line_break() {
        assert_eq!(halves("ab\ncd\nef\n"), ("ab\ncd\n", "ef\n"));
        assert_eq!(halves("abcdef"), ("abcdef", ""));
        assert_eq!(halves(""), ("", ""));
        assert_eq!(halves("é\né"), ("é\n", "é"));
    }

    #[test]
    fn cities_of_both_halves_are_found_with_their_line_numbers() {
        let countries = "FR\tFRA\tFrance\t46.2\t2.2\t1\tParis\tFR\t\t\t\n";
        let mut cities = String::from("Paris\tFR\t48.85\t2.35\t2138551\tC\t\n");
        for i in 0..100 {
            writeln!(cities, "Town {i}\tFR\t45\t3\t{i}\t\tBourg {i}").unwrap();
        }
        cities.push_str("Lyon\tFR\t45.75\t4.85\t472317\t\tLugdunum\n");
        cities.push_str("Bad\tFR\n");
        let cities: &'static str = Box::leak(cities.into_boxed_str());
        let (gazetteer, problems) = from_tsv(countries, cities);
        assert_eq!(gazetteer.cities.len(), 102);
        let lugdunum = gazetteer.names.get("lugdunum");
        assert_eq!(lugdunum, [Target::city(101)]);
        assert_eq!(gazetteer.names.get("bourg 7"), [Target::city(8)]);
        assert_eq!(gazetteer.names.get("town 99"), [Target::city(100)]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 103);
    }

    #[test]
    fn a_missing_capital_is_a_problem_not_a_panic() {
        let countries = "FR\tFRA\tFrance\t46.2\t2.2\t1\tParis\tFR\t\t\t\n";
        let cities = "Paris\tFR\t48.85\t2.35\t2138551\t\t\n";
        let (gazetteer, problems) = from_tsv(countries, cities);
        assert_eq!(gazetteer.countries[0].capital, None);
        assert_eq!(gazetteer.cities.len(), 1);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("capital Paris (FR)"));
    }
}
