//! A trip's `locale` as places: split into the stops of an itinerary
//! ("Paris, Colleville, Arromanches, Caen"), each parsed ("Halifax (Nova
//! Scotia)", "Mumbai (Bombay)") and found in the gazetteer within the
//! record's country, its successor states, or the territories filed under it.
//!
//! What the gazetteer knows is written under its canonical name; what it
//! does not is kept as written, with its country (country precision), and
//! never given invented coordinates.

use crate::gazetteer::{City, Gazetteer, Match, PlaceKind, Precision, name_variants};
use crate::import::codes::TravelCountry;
use crate::model::{CountryCode, PlaceRef};

/// Stops the gazetteer cannot find as the records write them, with the
/// name of the city it knows them by. Matched ignoring case. Three kinds,
/// and only these, so that no place is moved to a city it is not in:
/// misspellings and former names; districts, ports and sites that lie within
/// a city (Balboa is in Panama City, Goree in Dakar, Yongsan in Seoul); and
/// islands or municipalities visited through the one town named for or
/// serving them (Bali through Denpasar, Sal through Espargos, Los Cabos
/// through San José del Cabo).
const KNOWN_AS: &[(&str, &str)] = &[
    // Misspellings and former names.
    ("Mexico, D.F.", "Mexico City"),
    ("Al Alamein", "El Alamein"),
    ("Al-Bireh", "Al Bīrah"),
    ("Beersheva", "Beersheba"),
    ("Camau", "Cà Mau"),
    ("Castel Ventrano", "Castelvetrano"),
    ("Chelyabinsk-70", "Snezhinsk"),
    ("Guelin", "Guilin"),
    ("Hafr al-Batin", "Hafar Al-Batin"),
    ("Hodinin", "Hodonín"),
    ("Karmeil", "Karmiel"),
    ("Kasame", "Kasane"),
    ("Kishenev", "Chisinau"),
    ("Palma de Majorca", "Palma"),
    ("Porto Cabello", "Puerto Cabello"),
    ("Raratonga", "Avarua"),
    ("Torrejon", "Torrejón de Ardoz"),
    ("Vina de Lar", "Viña del Mar"),
    // Districts, ports and sites within a city.
    ("Auschwitz-Birkenau", "Oświęcim"),
    ("Balboa", "Panama City"),
    ("Chapultepec", "Mexico City"),
    ("Cristobal", "Colón"),
    ("Farmleigh", "Dublin"),
    ("Goree", "Dakar"),
    ("Goree Island", "Dakar"),
    ("Hambach Castle", "Neustadt an der Weinstraße"),
    ("Heiligen-damm", "Bad Doberan"),
    ("Incirlik", "Adana"),
    ("Kastrup", "Tårnby"),
    ("Lajes", "Praia da Vitória"),
    ("Murray Town", "Freetown"),
    ("Oggersheim", "Ludwigshafen am Rhein"),
    ("Oreanda", "Yalta"),
    ("Savelletri", "Fasano"),
    ("Wiesbaden-Erbenheim", "Wiesbaden"),
    ("Yongsan", "Seoul"),
    // Islands and municipalities, through their town.
    ("Bali", "Denpasar"),
    ("Los Cabos", "San José del Cabo"),
    ("Sal", "Espargos"),
];

/// Regions the records name, alone or as a qualifier, that lie in another
/// country than the one the record files them under: "Argentia
/// (Newfoundland)" under the United Kingdom before 1949, "St. Croix (Virgin
/// Islands)" under Denmark before 1917.
const REGIONS: &[(&str, &str)] = &[
    ("Labrador", "CA"),
    ("Newfoundland", "CA"),
    ("Virgin Islands", "VI"),
];

/// Items of a locale list that qualify the item before them rather than
/// name a stop ("Martinique, West Indies", "Birch Grove, Sussex").
const QUALIFIER_ITEMS: &[&str] = &["West Indies", "French West Indies", "Sussex"];

/// One stop of a locale, as written and parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// The item as the record writes it: `Halifax (Nova Scotia)`.
    pub written: String,
    /// The place name: `Halifax`.
    pub name: String,
    /// A region or country qualifying it: `Nova Scotia`; for a list, the
    /// last item's qualifier applies to the items that have none ("St.
    /// Thomas, St. Croix (Virgin Islands)").
    pub qualifier: Option<String>,
}

/// Splits a locale into its stops, in the order visited.
///
/// Commas separate stops, except inside brackets and in the few names that
/// contain one ("Mexico, D.F."); items that only qualify the one before them
/// ("West Indies") are folded into it; a trailing bracket is the item's
/// qualifier. An empty locale has no stops.
pub fn split_locale(locale: &str) -> Vec<Item> {
    let mut locale = locale.to_owned();
    for (written, known) in KNOWN_AS.iter().filter(|(written, _)| written.contains(',')) {
        if let Some(at) = find_ignore_case(&locale, written) {
            locale.replace_range(at..at + written.len(), known);
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for piece in split_outside_brackets(&locale) {
        let written = tidy(piece);
        if written.is_empty() {
            continue;
        }
        if let Some(last) = items.last_mut()
            && QUALIFIER_ITEMS
                .iter()
                .any(|qualifier| qualifier.eq_ignore_ascii_case(&written))
        {
            last.written = format!("{}, {written}", last.written);
            last.qualifier.get_or_insert(written);
            continue;
        }
        let (name, qualifier) = match written.rsplit_once('(') {
            Some((name, inside)) if written.ends_with(')') && !name.trim().is_empty() => (
                name.trim().to_owned(),
                Some(inside.trim_end_matches(')').trim().to_owned()),
            ),
            _ => (written.clone(), None),
        };
        items.push(Item {
            written,
            name,
            qualifier: qualifier.filter(|q| !q.is_empty()),
        });
    }
    if items.len() > 1
        && let Some(shared) = items.last().and_then(|last| last.qualifier.clone())
    {
        for item in &mut items {
            item.qualifier.get_or_insert_with(|| shared.clone());
        }
    }
    items
}

/// Splits at commas that are not inside brackets.
fn split_outside_brackets(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut depth = 0_usize;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                pieces.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// Trims an item and repairs typing slips: spaces around hyphens
/// ("St. Mere- Eglise"), runs of spaces.
fn tidy(piece: &str) -> String {
    let folded = piece.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.replace("- ", "-").replace(" -", "-")
}

/// Where `needle` starts in `haystack`, ignoring ASCII case.
fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .to_ascii_lowercase()
        .find(&needle.to_ascii_lowercase())
}

/// The name the gazetteer knows a stop by, when it does not know the
/// record's (see [`KNOWN_AS`]).
fn known_as(name: &str) -> Option<&'static str> {
    KNOWN_AS
        .iter()
        .find(|(written, _)| written.eq_ignore_ascii_case(name))
        .map(|&(_, known)| known)
}

/// The country of a region in [`REGIONS`].
fn region_country(name: &str) -> Option<CountryCode> {
    REGIONS
        .iter()
        .find(|(region, _)| region.eq_ignore_ascii_case(name))
        .and_then(|(_, code)| CountryCode::parse(code))
}

/// A stop found (or not) in the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Stop {
    /// The item as written in the record.
    pub written: String,
    /// The place as the dataset writes it.
    pub place: PlaceRef,
    /// How precisely it resolves.
    pub precision: Precision,
}

/// Finds the stops of locales in a gazetteer.
#[derive(Clone, Debug)]
pub struct Geocoder<'g> {
    gazetteer: &'g Gazetteer,
}

impl<'g> Geocoder<'g> {
    /// A geocoder over `gazetteer`.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Self { gazetteer }
    }

    /// The stops of `locale` in a record filed under `country`, consecutive
    /// repeats removed; without a locale, the country alone (or the capital
    /// of a city-state: the Holy See's trips are to Vatican City).
    pub fn itinerary(&self, locale: &str, country: &TravelCountry) -> Vec<Stop> {
        let items = split_locale(locale);
        let found: Vec<Option<Found<'g>>> =
            items.iter().map(|item| self.find(item, country)).collect();
        let mut stops: Vec<Stop> = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let place = match &found[index] {
                Some(found) => self.write(found),
                None => PlaceRef::named(
                    Some(self.unknown_stop_country(item, country, &found, index)),
                    item.name.clone(),
                ),
            };
            if stops.last().is_some_and(|last| last.place == place) {
                continue;
            }
            let precision = self.gazetteer.resolve(&place).precision;
            stops.push(Stop {
                written: item.written.clone(),
                place,
                precision,
            });
        }
        if stops.is_empty() {
            let place = self.without_locale(country.code);
            let precision = self.gazetteer.resolve(&place).precision;
            stops.push(Stop {
                written: String::new(),
                place,
                precision,
            });
        }
        stops
    }

    /// Where a trip without a locale went: the country, or the capital of a
    /// city-state (a capital holding most of its country's people).
    fn without_locale(&self, code: CountryCode) -> PlaceRef {
        let gazetteer = self.gazetteer;
        let city_state = gazetteer.capital(code).filter(|capital| {
            gazetteer
                .country(code)
                .is_some_and(|country| capital.population * 5 >= country.population * 4)
        });
        city_state.map_or_else(
            || PlaceRef::country(code),
            |capital| PlaceRef::named(Some(capital.country), capital.name),
        )
    }

    /// The country of a stop the gazetteer does not know: the region it
    /// names or is qualified by ("Argentia (Newfoundland)"), else the
    /// country of the nearest stop found when that is a successor or a
    /// territory of the record's ("Pula, Brioni" under Yugoslavia), else the
    /// record's.
    fn unknown_stop_country(
        &self,
        item: &Item,
        country: &TravelCountry,
        found: &[Option<Found<'g>>],
        index: usize,
    ) -> CountryCode {
        let named = std::iter::once(item.name.as_str())
            .chain(item.qualifier.as_deref())
            .find_map(region_country);
        if let Some(code) = named {
            return code;
        }
        let before = found[..index].iter().rev().flatten();
        let after = found[index + 1..].iter().flatten();
        before
            .chain(after)
            .map(|found| found.country)
            .find(|&code| {
                code != country.code
                    && (country.also.contains(&code)
                        || self.gazetteer.is_within(code, country.code))
            })
            .unwrap_or(country.code)
    }

    /// The place a stop names: a city in the countries it may lie in, else
    /// in a territory filed under them, else a country or territory by name
    /// ("Bermuda", "Malta", "The Bahamas").
    fn find(&self, item: &Item, country: &TravelCountry) -> Option<Found<'g>> {
        let gazetteer = self.gazetteer;
        let countries = self.countries(item, country);
        let variants = name_variants(&item.name);
        let mut names: Vec<String> = variants
            .iter()
            .filter_map(|variant| known_as(variant))
            .map(str::to_owned)
            .collect();
        names.extend(variants);
        // "Mumbai (Bombay)": the bracket may be another name of the place.
        if let Some(qualifier) = &item.qualifier {
            names.push(qualifier.clone());
        }
        let mut country_level = None;
        for name in &names {
            for &code in &countries {
                let Some(found) = gazetteer.lookup(name, Some(code)) else {
                    continue;
                };
                if found.kind != PlaceKind::Country {
                    return Some(found.into());
                }
                // A country's name may also be its city's: "Luxembourg".
                if let Some(city) = gazetteer.city(name, Some(code)) {
                    return Some(city.into());
                }
                country_level.get_or_insert(Found::from(found));
            }
        }
        for name in &names {
            let in_territory = gazetteer.lookup_all(name, None).into_iter().find(|found| {
                countries
                    .iter()
                    .any(|&code| gazetteer.is_within(found.country, code))
            });
            if let Some(found) = in_territory {
                return Some(found.into());
            }
        }
        country_level.or_else(|| {
            names.iter().find_map(|name| {
                let found = gazetteer.country_by_name(name)?;
                gazetteer
                    .lookup(found.name, Some(found.code))
                    .map(Found::from)
            })
        })
    }

    /// The countries a stop may lie in, most likely first: the one its
    /// qualifier names ("Kingston (Jamaica)"), the record's, then the
    /// successors of a former state.
    fn countries(&self, item: &Item, country: &TravelCountry) -> Vec<CountryCode> {
        let named = item.qualifier.as_deref().and_then(|qualifier| {
            region_country(qualifier).or_else(|| {
                self.gazetteer
                    .country_by_name(qualifier)
                    .map(|found| found.code)
            })
        });
        let mut countries: Vec<CountryCode> = named.into_iter().collect();
        for &code in std::iter::once(&country.code).chain(&country.also) {
            if !countries.contains(&code) {
                countries.push(code);
            }
        }
        countries
    }

    /// The place as the dataset writes it: the gazetteer's own name and
    /// country, with the coordinates only when that name alone would find
    /// another place (a smaller namesake found through a qualifier).
    fn write(&self, found: &Found<'_>) -> PlaceRef {
        let mut place = PlaceRef::named(Some(found.country), found.name);
        let resolved = self.gazetteer.resolve(&place);
        let same = resolved.lat_lon().is_some_and(|(lat, lon)| {
            (lat - found.lat).abs() < 1e-6 && (lon - found.lon).abs() < 1e-6
        });
        if !same && !found.is_country {
            place.lat = Some(found.lat);
            place.lon = Some(found.lon);
        }
        place
    }
}

/// A place found for a stop: a city, or a country or territory.
#[derive(Clone, Copy, Debug)]
struct Found<'g> {
    name: &'g str,
    country: CountryCode,
    lat: f64,
    lon: f64,
    is_country: bool,
}

impl<'g> From<Match<'g>> for Found<'g> {
    fn from(found: Match<'g>) -> Self {
        Self {
            name: found.name,
            country: found.country,
            lat: found.lat,
            lon: found.lon,
            is_country: found.kind == PlaceKind::Country,
        }
    }
}

impl<'g> From<&'g City> for Found<'g> {
    fn from(city: &'g City) -> Self {
        Self {
            name: city.name,
            country: city.country,
            lat: city.lat,
            lon: city.lon,
            is_country: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn names(locale: &str) -> Vec<(String, Option<String>)> {
        split_locale(locale)
            .into_iter()
            .map(|item| (item.name, item.qualifier))
            .collect()
    }

    fn plain(items: &[&str]) -> Vec<(String, Option<String>)> {
        items
            .iter()
            .map(|name| ((*name).to_owned(), None))
            .collect()
    }

    #[test]
    fn lists_split_into_stops_in_order() {
        assert_eq!(
            names("Tel Aviv, Jerusalem"),
            plain(&["Tel Aviv", "Jerusalem"])
        );
        assert_eq!(
            names("Paris, Colleville, Arromanches, Caen"),
            plain(&["Paris", "Colleville", "Arromanches", "Caen"])
        );
        assert_eq!(
            names("Rome, Anagni , Fiuggi"),
            plain(&["Rome", "Anagni", "Fiuggi"])
        );
        assert_eq!(names("Tokyo"), plain(&["Tokyo"]));
        assert!(names("").is_empty());
        assert!(names(" , ").is_empty());
    }

    #[test]
    fn names_with_a_comma_stay_whole() {
        assert_eq!(names("Mexico, D.F."), plain(&["Mexico City"]));
        assert_eq!(
            names("Acapulco, Mexico, D.F."),
            plain(&["Acapulco", "Mexico City"])
        );
    }

    #[test]
    fn brackets_are_qualifiers() {
        assert_eq!(
            names("Halifax (Nova Scotia)"),
            vec![("Halifax".to_owned(), Some("Nova Scotia".to_owned()))]
        );
        assert_eq!(
            names("Sydney (Nova Scotia), Campobello Island (New Brunswick)"),
            vec![
                ("Sydney".to_owned(), Some("Nova Scotia".to_owned())),
                (
                    "Campobello Island".to_owned(),
                    Some("New Brunswick".to_owned())
                ),
            ]
        );
        let item = &split_locale("Mumbai (Bombay)")[0];
        assert_eq!(item.written, "Mumbai (Bombay)");
        assert_eq!(item.qualifier.as_deref(), Some("Bombay"));
    }

    #[test]
    fn a_last_qualifier_covers_the_list() {
        assert_eq!(
            names("St. Thomas, St. Croix (Virgin Islands)"),
            vec![
                ("St. Thomas".to_owned(), Some("Virgin Islands".to_owned())),
                ("St. Croix".to_owned(), Some("Virgin Islands".to_owned())),
            ]
        );
    }

    #[test]
    fn qualifying_items_join_the_one_before() {
        let items = split_locale("Martinique, West Indies");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "Martinique");
        assert_eq!(items[0].qualifier.as_deref(), Some("West Indies"));
        assert_eq!(items[0].written, "Martinique, West Indies");
    }

    fn geocode(locale: &str, country_id: &str) -> Vec<String> {
        let country = crate::import::codes::travel_country(country_id).unwrap();
        Geocoder::new(Gazetteer::bundled())
            .itinerary(locale, &country)
            .into_iter()
            .map(|stop| {
                format!(
                    "{} {} {}",
                    stop.place
                        .country
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    stop.place.place.unwrap_or_default(),
                    stop.precision.as_str()
                )
            })
            .collect()
    }

    #[test]
    fn stops_are_found_under_the_gazetteer_names() {
        assert_eq!(geocode("Peking", "china"), ["CN Beijing city"]);
        assert_eq!(
            geocode("Halifax (Nova Scotia)", "canada"),
            ["CA Halifax city"]
        );
        assert_eq!(
            geocode("Kingston (Jamaica)", "united-kingdom"),
            ["JM Kingston city"]
        );
        assert_eq!(geocode("Luxembourg", "luxembourg"), ["LU Luxembourg city"]);
    }

    #[test]
    fn known_names_islands_and_districts_are_cities() {
        assert_eq!(geocode("Kishenev", "moldova"), ["MD Chisinau city"]);
        assert_eq!(geocode("Bali", "indonesia"), ["ID Denpasar city"]);
        assert_eq!(geocode("Seoul, Yongsan", "korea-south"), ["KR Seoul city"]);
        assert_eq!(geocode("Mexico, D.F.", "mexico"), ["MX Mexico City city"]);
    }

    #[test]
    fn unknown_stops_keep_their_name_in_the_likeliest_country() {
        // Not a Canadian city called Cornwall: the county, in Britain.
        assert_eq!(
            geocode("London, Cornwall", "united-kingdom"),
            ["GB London city", "GB Cornwall country"]
        );
        // Brioni is off Pula, in today's Croatia.
        assert_eq!(
            geocode("Pula, Brioni", "yugoslavia"),
            ["HR Pula city", "HR Brioni country"]
        );
        // Newfoundland was British until 1949.
        assert_eq!(
            geocode("Argentia (Newfoundland)", "united-kingdom"),
            ["CA Argentia country"]
        );
        assert_eq!(geocode("", "japan"), ["JP  country"]);
        assert_eq!(geocode("", "holy-see"), ["VA Vatican City city"]);
    }

    #[test]
    fn repeated_stops_are_one() {
        assert_eq!(geocode("Peking, Beijing", "china"), ["CN Beijing city"]);
    }

    #[test]
    fn typing_slips_are_repaired() {
        assert_eq!(
            names("Paris, St. Mere- Eglise"),
            plain(&["Paris", "St. Mere-Eglise"])
        );
        assert_eq!(
            names("Frankfurt, Ramstein Air Force Base,\n   Bonn"),
            plain(&["Frankfurt", "Ramstein Air Force Base", "Bonn"])
        );
    }
}
