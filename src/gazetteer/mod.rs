//! Offline place lookup: countries, capitals and cities by name, alias and
//! demonym, and the coordinates a dataset's places are drawn at.
//!
//! The data (`GeoNames` cities of 5,000 people or more, all countries and
//! territories, plus hand-written names and demonyms that news uses) is
//! embedded in the binary from `assets/gazetteer/`, which
//! `scripts/build_gazetteer.py` rebuilds. Lookups fold case, diacritics and
//! punctuation ([`fold()`]); [`Gazetteer::resolve`] also tries simpler forms of
//! a name ([`name_variants`]).

mod fold;
mod index;
mod load;
mod nearby;
mod places;
mod variants;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::{CountryCode, PlacePrecision, PlaceRef};

pub use fold::{fold, fold_into};
pub use places::{City, CityId, Country, LatLon, Match, PlaceKind, Precision, Resolved};
pub use variants::name_variants;

use index::{NameIndex, Place, Target};

/// The bundled countries, one per line (see `scripts/build_gazetteer.py`).
const COUNTRIES_TSV: &str = include_str!("../../assets/gazetteer/countries.tsv");
/// The bundled cities, one per line.
const CITIES_TSV: &str = include_str!("../../assets/gazetteer/cities.tsv");

/// A line of the gazetteer's data that could not be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LoadProblem {
    /// The file the line is in, such as `cities.tsv`.
    pub file: &'static str,
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Countries and cities, searchable by name; immutable once loaded.
///
/// Use [`Gazetteer::bundled`] for the data shipped with Legation.
#[derive(Debug)]
pub struct Gazetteer {
    countries: Vec<Country>,
    by_code: HashMap<CountryCode, usize>,
    cities: Vec<City>,
    /// Country and city names, countries first, then cities by weighted population.
    names: NameIndex,
    /// Country demonyms, the most populous country first.
    demonyms: NameIndex,
    /// The cities by where they are, built when first asked.
    city_tree: OnceLock<rstar::RTree<nearby::CityPoint>>,
}

impl Gazetteer {
    /// The gazetteer shipped with Legation, parsed on first use.
    pub fn bundled() -> &'static Self {
        static BUNDLED: OnceLock<Gazetteer> = OnceLock::new();
        BUNDLED.get_or_init(|| {
            let (gazetteer, problems) = Self::from_tsv(COUNTRIES_TSV, CITIES_TSV);
            debug_assert!(problems.is_empty(), "bundled gazetteer: {problems:#?}");
            gazetteer
        })
    }

    /// Reads a gazetteer in the bundled asset's format (see
    /// `scripts/build_gazetteer.py`): the usable records, and a problem for
    /// each line that was skipped.
    ///
    /// The text must be `'static` because records borrow their names from it.
    pub fn from_tsv(
        countries_tsv: &'static str,
        cities_tsv: &'static str,
    ) -> (Self, Vec<LoadProblem>) {
        load::from_tsv(countries_tsv, cities_tsv)
    }

    /// The best place called `name` (in `country`, when given): a country or
    /// territory if one is called so, else the city ranked first (capitals
    /// by their own name first unless a namesake is a hundred times larger,
    /// then by population; alternate names count for less).
    ///
    /// Case, diacritics and punctuation do not matter; acronyms such as "US"
    /// only match when written in capitals.
    pub fn lookup(&self, name: &str, country: Option<CountryCode>) -> Option<Match<'_>> {
        self.matches(name, country).next()
    }

    /// Every place called `name` (in `country`, when given), best first
    /// (see [`Gazetteer::lookup`]).
    pub fn lookup_all(&self, name: &str, country: Option<CountryCode>) -> Vec<Match<'_>> {
        self.matches(name, country).collect()
    }

    /// The best city called `name` (in `country`, when given), ranked as in
    /// [`Gazetteer::lookup`] but never a country.
    pub fn city(&self, name: &str, country: Option<CountryCode>) -> Option<&City> {
        self.cities_named(name, country).next()
    }

    /// The city `id` stands for.
    ///
    /// Returns `None` for an id from another gazetteer that is out of range.
    pub fn city_by_id(&self, id: CityId) -> Option<&City> {
        self.cities.get(id.0 as usize)
    }

    /// The country with this code.
    pub fn country(&self, code: CountryCode) -> Option<&Country> {
        self.by_code.get(&code).map(|&index| &self.countries[index])
    }

    /// The country called `name`: its name, an alternate name ("Burma",
    /// "DPRK", "the United States"), an inverted name ("Korea, Republic
    /// of"), a name with a parenthetical ("Burma (Myanmar)"), or its
    /// alpha-3 code written in capitals ("PRK").
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        let name = name.trim();
        let find = |form: &str| {
            self.names_of(form).find_map(|target| match target.place() {
                Place::Country(index) => Some(&self.countries[index]),
                Place::City(_) => None,
            })
        };
        let inverted = || {
            let (head, tail) = name.split_once(',')?;
            find(&format!("{} {}", tail.trim(), head.trim()))
        };
        let parenthetical = || {
            let (outside, inside) = name.split_once('(')?;
            find(outside).or_else(|| find(inside.trim_end_matches(')')))
        };
        let alpha3 = || {
            let is_alpha3 = name.len() == 3 && name.bytes().all(|b| b.is_ascii_uppercase());
            is_alpha3
                .then(|| self.countries.iter().find(|country| country.iso3 == name))
                .flatten()
        };
        find(name)
            .or_else(inverted)
            .or_else(parenthetical)
            .or_else(alpha3)
    }

    /// The country whose people or things `word` describes: "Russian",
    /// "North Korean", "Emirati"; plurals too ("Americans"). A demonym two
    /// countries share goes to the more populous ("Dominican").
    pub fn country_by_demonym(&self, word: &str) -> Option<&Country> {
        let upper = !word.chars().any(char::is_lowercase);
        let find = |word: &str| {
            self.demonyms
                .get(&fold(word))
                .iter()
                .find(|target| upper || !target.is_acronym())
                .and_then(|target| match target.place() {
                    Place::Country(index) => Some(&self.countries[index]),
                    Place::City(_) => None,
                })
        };
        let word = word.trim();
        find(word).or_else(|| find(word.strip_suffix('s')?))
    }

    /// The capital of the country with this code, if it has one.
    pub fn capital(&self, code: CountryCode) -> Option<&City> {
        self.city_by_id(self.country(code)?.capital?)
    }

    /// Where `place` goes on the map, following the dataset format's rules:
    ///
    /// 1. explicit, valid `lat`/`lon` win (city precision);
    /// 2. else the `place` name, or a simpler form of it
    ///    ([`name_variants`]), looked up within `country`: a city gives city
    ///    precision; a country or territory ("Bermuda") gives country
    ///    precision at its capital (or centre), unless a city of that very
    ///    name is in it ("Singapore");
    /// 3. else, when `country` is given, the same in a territory filed
    ///    under it ([`Country::within`]: "Hong Kong" or "Hamilton, Bermuda"
    ///    under `GB`, "Belgrade" under `CS`), or else `country` itself:
    ///    country precision at its capital (or centre);
    /// 4. else unresolved.
    pub fn resolve(&self, place: &PlaceRef) -> Resolved {
        if let Some((lat, lon)) = place.coordinates()
            && (-90.0..=90.0).contains(&lat)
            && (-180.0..=180.0).contains(&lon)
        {
            // The record says how precisely its coordinates place it.
            return match place.precision {
                None | Some(PlacePrecision::City) => Resolved::city(lat, lon),
                Some(PlacePrecision::Region) => Resolved::region(lat, lon),
                Some(PlacePrecision::Country) => Resolved::country(lat, lon),
            };
        }
        let name = place.place.as_deref().map_or("", str::trim);
        if let Some(found) = self.lookup(name, place.country) {
            return self.resolve_match(found, name);
        }
        let variants = name_variants(name);
        for variant in variants.iter().skip(1) {
            if let Some(found) = self.lookup(variant, place.country) {
                return self.resolve_match(found, variant);
            }
        }
        let Some(code) = place.country else {
            return Resolved::UNRESOLVED;
        };
        for variant in &variants {
            let in_territory = self
                .matches(variant, None)
                .find(|found| self.is_within(found.country, code));
            if let Some(found) = in_territory {
                return self.resolve_match(found, variant);
            }
        }
        match self.country(code) {
            Some(country) => {
                let (lat, lon) = self.anchor(country);
                Resolved::country(lat, lon)
            }
            None => Resolved::UNRESOLVED,
        }
    }

    /// Whether records may file places of `inner` under `outer` (see
    /// [`Country::within`]).
    pub fn is_within(&self, inner: CountryCode, outer: CountryCode) -> bool {
        self.country(inner)
            .is_some_and(|country| country.within.contains(&outer))
    }

    /// The cities whose name (or another of their names) starts with
    /// `prefix`, case- and accent-insensitively, in `country` if given:
    /// the most populous first, at most `limit` of them. For completing a
    /// place as a person types it.
    pub fn complete(&self, prefix: &str, country: Option<CountryCode>, limit: usize) -> Vec<&City> {
        let prefix = fold(prefix.trim());
        if prefix.is_empty() {
            return Vec::new();
        }
        let mut key = String::new();
        let mut starts = |name: &str| {
            key.clear();
            fold_into(name, &mut key);
            key.starts_with(&prefix)
        };
        let mut found: Vec<&City> = self
            .cities
            .iter()
            .filter(|city| country.is_none_or(|code| city.country == code))
            .filter(|city| starts(city.name) || city.alt_names().any(&mut starts))
            .collect();
        found.sort_by(|a, b| b.population.cmp(&a.population).then(a.name.cmp(b.name)));
        found.truncate(limit);
        found
    }

    /// Every country and territory, by code.
    pub fn countries(&self) -> impl Iterator<Item = &Country> {
        self.countries.iter()
    }

    /// Every city, by country, then largest first.
    pub fn cities(&self) -> impl Iterator<Item = &City> {
        self.cities.iter()
    }

    /// Where a country is drawn: its capital, or its centre without one.
    pub fn anchor(&self, country: &Country) -> (f64, f64) {
        country
            .capital
            .and_then(|id| self.city_by_id(id))
            .map_or((country.lat, country.lon), |city| (city.lat, city.lon))
    }

    /// Index targets for `name`: folded, retried without a leading "the",
    /// acronyms only for text in capitals.
    fn names_of(&self, name: &str) -> impl Iterator<Item = Target> + '_ {
        let upper = !name.chars().any(char::is_lowercase);
        let key = fold(name);
        let mut targets = self.names.get(&key);
        if targets.is_empty()
            && let Some(rest) = key.strip_prefix("the ")
        {
            targets = self.names.get(rest);
        }
        targets
            .iter()
            .copied()
            .filter(move |target| upper || !target.is_acronym())
    }

    /// Matches for `name`, best first, within `country` when given.
    fn matches(
        &self,
        name: &str,
        country: Option<CountryCode>,
    ) -> impl Iterator<Item = Match<'_>> + '_ {
        self.names_of(name)
            .map(|target| self.match_of(target))
            .filter(move |found| country.is_none_or(|code| found.country == code))
    }

    /// Cities for `name`, best first, within `country` when given.
    fn cities_named(
        &self,
        name: &str,
        country: Option<CountryCode>,
    ) -> impl Iterator<Item = &City> + '_ {
        self.names_of(name)
            .filter_map(|target| match target.place() {
                Place::City(index) => Some(&self.cities[index]),
                Place::Country(_) => None,
            })
            .filter(move |city| country.is_none_or(|code| city.country == code))
    }

    /// The match an index target stands for.
    fn match_of(&self, target: Target) -> Match<'_> {
        match target.place() {
            Place::City(index) => {
                let city = &self.cities[index];
                Match {
                    name: city.name,
                    country: city.country,
                    lat: city.lat,
                    lon: city.lon,
                    kind: if city.is_capital {
                        PlaceKind::Capital
                    } else {
                        PlaceKind::City
                    },
                    population: city.population,
                }
            }
            Place::Country(index) => {
                let country = &self.countries[index];
                let (lat, lon) = self.anchor(country);
                Match {
                    name: country.name,
                    country: country.code,
                    lat,
                    lon,
                    kind: PlaceKind::Country,
                    population: country.population,
                }
            }
        }
    }

    /// The position for a match of `name`: a city's own, or a country's
    /// anchor unless a city in it has that very name ("Singapore").
    fn resolve_match(&self, found: Match<'_>, name: &str) -> Resolved {
        if found.kind != PlaceKind::Country {
            return Resolved::city(found.lat, found.lon);
        }
        let key = fold(name);
        let namesake = self
            .cities_named(name, Some(found.country))
            .find(|city| fold(city.name) == key);
        match namesake {
            Some(city) => Resolved::city(city.lat, city.lon),
            None => Resolved::country(found.lat, found.lon),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CountryCode {
        CountryCode::parse(text).unwrap()
    }

    fn gazetteer() -> &'static Gazetteer {
        Gazetteer::bundled()
    }

    /// Asserts that `name` finds a capital in `country` near `lat`, `lon`.
    fn assert_capital(name: &str, country: &str, lat: f64, lon: f64) {
        let found = gazetteer().lookup(name, None).unwrap();
        assert_eq!(found.kind, PlaceKind::Capital, "{name}: {found:?}");
        assert_eq!(found.country, code(country), "{name}: {found:?}");
        assert!(
            (found.lat - lat).abs() < 0.2 && (found.lon - lon).abs() < 0.2,
            "{name}: {found:?}"
        );
        let capital = gazetteer().capital(code(country)).unwrap();
        assert_eq!(capital.name, found.name);
    }

    #[test]
    fn the_bundled_data_loads_without_problems() {
        let (gazetteer, problems) = Gazetteer::from_tsv(COUNTRIES_TSV, CITIES_TSV);
        assert_eq!(problems, []);
        assert!(gazetteer.countries().count() >= 250);
        assert!(gazetteer.cities().count() > 60_000);
        // Every assigned code has a country, and every country a position.
        for code in CountryCode::all() {
            let country = gazetteer.country(code).unwrap();
            let (lat, lon) = gazetteer.anchor(country);
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        }
        let with_capital = gazetteer
            .countries()
            .filter(|c| c.capital.is_some())
            .count();
        assert!(
            with_capital > 230,
            "{with_capital} countries have a capital"
        );
    }

    #[test]
    fn no_two_bundled_names_share_a_hash() {
        let gazetteer = gazetteer();
        let mut keys: HashMap<u64, String> = HashMap::new();
        let city_names = gazetteer
            .cities()
            .flat_map(|city| std::iter::once(city.name).chain(city.alt_names()));
        let country_names = gazetteer.countries().flat_map(|country| {
            let names = std::iter::once(&country.name).chain(&country.alt_names);
            names.chain(&country.demonyms).copied()
        });
        for name in city_names.chain(country_names) {
            let key = fold(name);
            let hash = index::hash_key(&key);
            let previous = keys.entry(hash).or_insert_with(|| key.clone());
            assert_eq!(*previous, key, "hash collision");
        }
    }

    #[test]
    fn finds_capitals() {
        assert_capital("Moscow", "RU", 55.75, 37.62);
        assert_capital("Beijing", "CN", 39.91, 116.40);
        assert_capital("Pyongyang", "KP", 39.03, 125.75);
        assert_capital("Seoul", "KR", 37.57, 126.98);
        assert_capital("Washington", "US", 38.90, -77.04);
        assert_capital("Tokyo", "JP", 35.69, 139.69);
        assert_capital("Kyiv", "UA", 50.45, 30.52);
        assert_capital("Hanoi", "VN", 21.02, 105.84);
        assert_capital("Paris", "FR", 48.85, 2.35);
    }

    #[test]
    fn finds_cities_that_are_not_capitals() {
        let found = gazetteer().lookup("Vladivostok", None).unwrap();
        assert_eq!((found.country, found.kind), (code("RU"), PlaceKind::City));
        assert!((found.lat - 43.1).abs() < 0.2 && (found.lon - 131.9).abs() < 0.2);
        let city = gazetteer().city("Vladivostok", Some(code("RU"))).unwrap();
        assert!(city.population > 500_000 && !city.is_capital);
    }

    #[test]
    fn finds_cities_by_alternate_names() {
        for (alias, name) in [
            ("Kiev", "Kyiv"),
            ("Peking", "Beijing"),
            ("Bombay", "Mumbai"),
            ("Saigon", "Ho Chi Minh City"),
            ("Rangoon", "Yangon"),
            ("Canton", "Guangzhou"),
            ("Cheju", "Jeju City"),
        ] {
            let found = gazetteer().lookup(alias, None).unwrap();
            assert_eq!(found.name, name, "{alias}");
        }
    }

    #[test]
    fn capitals_outrank_namesakes_unless_these_dwarf_them() {
        let moscow = gazetteer().lookup_all("Moscow", None);
        assert_eq!(moscow[0].country, code("RU"));
        assert!(
            moscow.iter().any(|m| m.country == code("US")),
            "Moscow, Idaho"
        );
        // Montserrat's abandoned capital yields to Plymouth, England.
        assert_eq!(
            gazetteer().lookup("Plymouth", None).unwrap().country,
            code("GB")
        );
    }

    #[test]
    fn narrowing_by_country_restricts_to_it() {
        let paris = gazetteer().lookup("Paris", Some(code("US"))).unwrap();
        assert_eq!((paris.name, paris.kind), ("Paris", PlaceKind::City));
        // Paris, Texas: the largest Paris in the United States.
        assert!((33.0..34.0).contains(&paris.lat) && (-96.0..-95.0).contains(&paris.lon));
        let all = gazetteer().lookup_all("Paris", Some(code("US")));
        assert!(all.iter().all(|m| m.country == code("US")));
        // Cities called Paris by population, then those that GeoNames also
        // calls Paris (an alternate name counts for less).
        let named_paris = all.iter().take_while(|m| m.name == "Paris").count();
        assert!(named_paris >= 5 && named_paris < all.len(), "{all:#?}");
        let by_name = &all[..named_paris];
        assert!(
            by_name
                .windows(2)
                .all(|w| w[0].population >= w[1].population)
        );
        let moscow = gazetteer().city("Moscow", Some(code("US"))).unwrap();
        assert!(moscow.lon < -100.0, "Moscow, Idaho: {moscow:?}");
        assert!(gazetteer().lookup("Pyongyang", Some(code("KR"))).is_none());
    }

    #[test]
    fn completes_a_typed_place_biggest_first_within_a_country() {
        let gazetteer = Gazetteer::bundled();
        let names = |prefix, country| -> Vec<&str> {
            gazetteer
                .complete(prefix, country, 3)
                .iter()
                .map(|city| city.name)
                .collect()
        };
        assert_eq!(names("pyong", None)[0], "Pyongyang");
        let in_kp = names("p", CountryCode::parse("KP"));
        assert_eq!(in_kp[0], "Pyongyang", "{in_kp:?}");
        assert!(names("zurich", None).contains(&"Zürich"), "accents fold");
        assert!(names("", None).is_empty());
        assert!(names("xqzw", None).is_empty());
    }

    #[test]
    fn lookups_fold_case_accents_and_punctuation() {
        let sao_paulo = gazetteer().lookup("São Paulo", None).unwrap();
        assert_eq!(gazetteer().lookup("sao paulo", None), Some(sao_paulo));
        assert_eq!(gazetteer().lookup("SAO-PAULO", None), Some(sao_paulo));
        assert_eq!(sao_paulo.country, code("BR"));
        let hcmc = gazetteer().lookup("Hồ Chí Minh", None).unwrap();
        assert_eq!((hcmc.name, hcmc.country), ("Ho Chi Minh City", code("VN")));
        assert_eq!(gazetteer().lookup("Zurich", None).unwrap().name, "Zürich");
        assert_eq!(
            gazetteer().lookup("Krakow", None).unwrap().country,
            code("PL")
        );
        assert_eq!(
            gazetteer().lookup("Łódź", None).unwrap().country,
            code("PL")
        );
        let st_petersburg = gazetteer()
            .lookup("St. Petersburg", Some(code("RU")))
            .unwrap();
        assert_eq!(st_petersburg.name, "Saint Petersburg");
        assert!(gazetteer().lookup("Nowhere-upon-Nothing", None).is_none());
        assert!(gazetteer().lookup("", None).is_none());
    }

    #[test]
    fn countries_come_first_and_are_placed_at_their_capital() {
        let mexico = gazetteer().lookup("Mexico", None).unwrap();
        assert_eq!(
            (mexico.kind, mexico.country),
            (PlaceKind::Country, code("MX"))
        );
        let capital = gazetteer().capital(code("MX")).unwrap();
        assert_eq!((mexico.lat, mexico.lon), (capital.lat, capital.lon));
        let bermuda = gazetteer().lookup("Bermuda", None).unwrap();
        assert_eq!(
            (bermuda.kind, bermuda.country),
            (PlaceKind::Country, code("BM"))
        );
    }

    #[test]
    fn finds_countries_by_name() {
        for (name, expected) in [
            ("North Korea", "KP"),
            ("South Korea", "KR"),
            ("the United States", "US"),
            ("United States", "US"),
            ("America", "US"),
            ("U.S.", "US"),
            ("US", "US"),
            ("USA", "US"),
            ("Democratic People's Republic of Korea", "KP"),
            ("Democratic People’s Republic of Korea", "KP"),
            ("DPRK", "KP"),
            ("ROK", "KR"),
            ("Republic of Korea", "KR"),
            ("Korea, Republic of", "KR"),
            ("Korea, North", "KP"),
            ("China, People’s Republic of", "CN"),
            ("Russian Federation", "RU"),
            ("U.S.S.R.", "RU"),
            ("UK", "GB"),
            ("Britain", "GB"),
            ("Great Britain", "GB"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Czech Republic", "CZ"),
            ("Czechia", "CZ"),
            ("Ivory Coast", "CI"),
            ("Côte d'Ivoire", "CI"),
            ("Burma", "MM"),
            ("Burma (Myanmar)", "MM"),
            ("The Bahamas", "BS"),
            ("Netherlands", "NL"),
            ("Holy See", "VA"),
            ("PRK", "KP"),
        ] {
            let found = gazetteer().country_by_name(name).map(|c| c.code.as_str());
            assert_eq!(found, Some(expected), "{name}");
        }
    }

    #[test]
    fn acronyms_match_only_in_capitals() {
        assert!(gazetteer().country_by_name("us").is_none());
        assert!(gazetteer().country_by_name("prk").is_none());
        assert!(gazetteer().lookup("us", None).is_none());
        assert_eq!(gazetteer().lookup("US", None).unwrap().country, code("US"));
        // Cities are not countries.
        assert!(gazetteer().country_by_name("Paris").is_none());
    }

    #[test]
    fn finds_countries_by_demonym() {
        for (word, expected) in [
            ("Russian", "RU"),
            ("North Korean", "KP"),
            ("South Korean", "KR"),
            ("Chinese", "CN"),
            ("American", "US"),
            ("Americans", "US"),
            ("U.S.", "US"),
            ("British", "GB"),
            ("Emirati", "AE"),
            ("Saudi", "SA"),
            ("Iranian", "IR"),
            ("Syrian", "SY"),
            ("Vietnamese", "VN"),
            ("Turkish", "TR"),
            ("Congolese", "CD"),
            ("French", "FR"),
            ("Dominican", "DO"),
            ("Nigerian", "NG"),
            ("Nigerien", "NE"),
            ("Burmese", "MM"),
        ] {
            let found = gazetteer()
                .country_by_demonym(word)
                .map(|c| c.code.as_str());
            assert_eq!(found, Some(expected), "{word}");
        }
        assert!(gazetteer().country_by_demonym("Martian").is_none());
        assert!(gazetteer().country_by_demonym("us").is_none());
    }

    fn resolve(country: Option<&str>, place: &str) -> Resolved {
        let place = PlaceRef::named(country.map(code), place);
        gazetteer().resolve(&place)
    }

    fn assert_near(resolved: Resolved, precision: Precision, lat: f64, lon: f64) {
        assert_eq!(resolved.precision, precision, "{resolved:?}");
        let (found_lat, found_lon) = resolved.lat_lon().unwrap();
        assert!(
            (found_lat - lat).abs() < 0.3 && (found_lon - lon).abs() < 0.3,
            "{resolved:?} is not near {lat}, {lon}"
        );
    }

    #[test]
    fn resolve_prefers_explicit_coordinates() {
        let mut place = PlaceRef::named(Some(code("KP")), "Sohae Satellite Launching Station");
        place.lat = Some(39.66);
        place.lon = Some(124.71);
        assert_eq!(gazetteer().resolve(&place), Resolved::city(39.66, 124.71));
        // Coordinates off the globe are ignored: the country still draws.
        place.lat = Some(139.66);
        assert_near(
            gazetteer().resolve(&place),
            Precision::Country,
            39.03,
            125.75,
        );
    }

    #[test]
    fn resolve_finds_cities_within_the_country() {
        assert_near(
            resolve(Some("KP"), "Pyongyang"),
            Precision::City,
            39.03,
            125.75,
        );
        assert_near(resolve(None, "Pyongyang"), Precision::City, 39.03, 125.75);
        assert_near(resolve(Some("US"), "Paris"), Precision::City, 33.66, -95.56);
        assert_near(
            resolve(Some("SG"), "Singapore"),
            Precision::City,
            1.29,
            103.85,
        );
    }

    #[test]
    fn resolve_parses_names_that_do_not_match_outright() {
        assert_near(
            resolve(Some("CA"), "Halifax (Nova Scotia)"),
            Precision::City,
            44.64,
            -63.58,
        );
        assert_near(
            resolve(Some("IN"), "Mumbai (Bombay)"),
            Precision::City,
            19.07,
            72.88,
        );
        assert_near(
            resolve(Some("DE"), "West Berlin"),
            Precision::City,
            52.52,
            13.41,
        );
        assert_near(
            resolve(Some("DE"), "Ramstein Air Force Base"),
            Precision::City,
            49.44,
            7.56,
        );
        assert_near(
            resolve(Some("KR"), "Cheju Island"),
            Precision::City,
            33.51,
            126.52,
        );
        assert_near(
            resolve(Some("IL"), "Tel Aviv, Jerusalem"),
            Precision::City,
            32.08,
            34.78,
        );
    }

    #[test]
    fn resolve_places_countries_and_territories_at_their_capital() {
        // A territory named as a place, with or without its sovereign.
        assert_near(resolve(None, "Bermuda"), Precision::Country, 32.29, -64.78);
        assert_near(
            resolve(Some("GB"), "Bermuda"),
            Precision::Country,
            32.29,
            -64.78,
        );
        assert_near(
            resolve(Some("GB"), "Hong Kong"),
            Precision::City,
            22.28,
            114.16,
        );
        // Places of a retired code's successors.
        assert_near(
            resolve(Some("CS"), "Podgorica"),
            Precision::City,
            42.44,
            19.26,
        );
        // An unknown place in a known country: the country still draws.
        assert_near(
            resolve(Some("KP"), "Sohae"),
            Precision::Country,
            39.03,
            125.75,
        );
        // A US state is no visit to the Caucasus.
        assert_near(
            resolve(Some("US"), "Georgia"),
            Precision::Country,
            38.90,
            -77.04,
        );
        // The country alone.
        let place = PlaceRef::country(code("VN"));
        assert_near(
            gazetteer().resolve(&place),
            Precision::Country,
            21.02,
            105.84,
        );
        let place = PlaceRef::country(code("AQ"));
        assert_eq!(gazetteer().resolve(&place).precision, Precision::Country);
    }

    #[test]
    fn resolve_gives_up_without_place_or_country() {
        assert_eq!(resolve(None, "Nowhere-upon-Nothing"), Resolved::UNRESOLVED);
        assert_eq!(
            gazetteer().resolve(&PlaceRef::default()),
            Resolved::UNRESOLVED
        );
        assert_eq!(resolve(None, "  "), Resolved::UNRESOLVED);
    }

    /// The text between `open` and `close` in `text`.
    fn between<'t>(text: &'t str, open: &str, close: &str) -> Option<&'t str> {
        let start = text.find(open)? + open.len();
        let end = text[start..].find(close)? + start;
        Some(&text[start..end])
    }

    /// How many US travel locales resolve, and how: run with
    /// `cargo test --release --lib gazetteer -- --ignored --nocapture`
    /// next to the team's `../shared/data/us-travels/`.
    #[test]
    #[ignore = "needs ../shared/data/us-travels; prints coverage"]
    fn us_travels_coverage() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/us-travels");
        let mut locales = Vec::new();
        for dir in ["president-travels", "secretary-travels"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                eprintln!("no {}: skipped", root.display());
                return;
            };
            for entry in entries {
                let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
                for trip in text.split("<trip ").skip(1) {
                    let country = between(trip, "<country", "</country>")
                        .and_then(|country| country.split_once('>'))
                        .and_then(|(_, name)| gazetteer().country_by_name(name))
                        .map(|country| country.code);
                    let locale = between(trip, "<locale>", "</locale>").unwrap_or_default();
                    let locale = locale.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !locale.is_empty() {
                        locales.push((country, locale.replace("&amp;", "&")));
                    }
                }
            }
        }
        let total = locales.len() as f64;
        let share = |count: usize| format!("{count} ({:.1}%)", count as f64 * 100.0 / total);
        let exact = locales
            .iter()
            .filter(|(country, locale)| gazetteer().lookup(locale, *country).is_some())
            .count();
        let resolved: Vec<Resolved> = locales
            .iter()
            .map(|(country, locale)| resolve(country.map(|c| c.to_string()).as_deref(), locale))
            .collect();
        let cities = resolved
            .iter()
            .filter(|r| r.precision == Precision::City)
            .count();
        let countries = resolved
            .iter()
            .filter(|r| r.precision == Precision::Country)
            .count();
        println!(
            "{} locales, {} with a known country",
            locales.len(),
            share(locales.iter().filter(|(c, _)| c.is_some()).count())
        );
        println!("found as written (within the country): {}", share(exact));
        println!(
            "resolved to a city: {}; to the country only: {}",
            share(cities),
            share(countries)
        );
        assert!(cities as f64 > 0.95 * total);
    }

    /// Load time and lookup speed: run in release (see [`us_travels_coverage`]).
    #[test]
    #[ignore = "timing; meaningful in release only"]
    fn load_and_lookup_timings() {
        use std::time::Instant;
        let start = Instant::now();
        let (gazetteer, _) = Gazetteer::from_tsv(COUNTRIES_TSV, CITIES_TSV);
        println!("load: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
        let names: Vec<&str> = gazetteer
            .cities()
            .flat_map(|city| std::iter::once(city.name).chain(city.alt_names()))
            .collect();
        let count = 1_000_000;
        let start = Instant::now();
        let found = (0..count)
            .filter(|i| gazetteer.lookup(names[i % names.len()], None).is_some())
            .count();
        let lookups = start.elapsed().as_secs_f64();
        let places: Vec<PlaceRef> = names
            .iter()
            .step_by(7)
            .map(|&name| PlaceRef::named(None, name))
            .collect();
        let start = Instant::now();
        for i in 0..count {
            std::hint::black_box(gazetteer.resolve(&places[i % places.len()]));
        }
        let resolves = start.elapsed().as_secs_f64();
        println!("{count} lookups: {lookups:.2} s; {count} resolves: {resolves:.2} s");
        assert_eq!(found, count);
    }
}
