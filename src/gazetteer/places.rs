//! The gazetteer's records (countries and cities) and what its lookups
//! return (matches, resolved positions).

use serde::Serialize;

use crate::model::CountryCode;

/// A country or territory, one per ISO 3166-1 code.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// Its ISO 3166-1 alpha-2 code.
    pub code: CountryCode,
    /// Its ISO 3166-1 alpha-3 code, such as `PRK`.
    pub iso3: &'static str,
    /// Its short English name, such as "North Korea".
    pub name: &'static str,
    /// Words for its people or things, such as "North Korean".
    pub demonyms: Box<[&'static str]>,
    /// Other names in Latin script: official, former, foreign and short
    /// ones ("Democratic People's Republic of Korea", "DPRK").
    pub alt_names: Box<[&'static str]>,
    /// Its capital, when it has one; see [`Gazetteer::capital`](super::Gazetteer::capital).
    pub capital: Option<CityId>,
    /// Latitude of its centre in degrees.
    pub lat: f64,
    /// Longitude of its centre in degrees.
    pub lon: f64,
    /// Its population.
    pub population: u64,
    /// Countries whose records may file this one's places: its sovereign
    /// (`GB` for Bermuda), a former one (`GB` for Hong Kong), or a retired
    /// code that covered it (`CS` for Serbia).
    pub within: Box<[CountryCode]>,
}

/// A city: every `GeoNames` place of 5,000 people or more, and all capitals.
#[derive(Clone, Debug, PartialEq)]
pub struct City {
    /// Its name in `GeoNames` (usually the English or local name in Latin script).
    pub name: &'static str,
    /// The country it is in.
    pub country: CountryCode,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Its population.
    pub population: u64,
    /// Whether it is the capital of a country.
    pub is_capital: bool,
    /// Other names, separated by `|`.
    pub(super) alt_names: &'static str,
}

impl City {
    /// Other names of the city in Latin script ("Kiev" for Kyiv).
    pub fn alt_names(&self) -> impl Iterator<Item = &'static str> {
        self.alt_names.split('|').filter(|name| !name.is_empty())
    }
}

/// Where a city sits in its gazetteer: a handle valid for that gazetteer only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CityId(pub(super) u32);

/// What kind of place a [`Match`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A country's capital city.
    Capital,
    /// Any other city.
    City,
    /// A country or territory, found by one of its names.
    Country,
}

/// A place found by name.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Match<'a> {
    /// The place's own name (which may differ from the name looked up:
    /// "Kiev" finds "Kyiv").
    pub name: &'a str,
    /// The country it is in, or the country itself.
    pub country: CountryCode,
    /// Latitude in degrees; for a country, its capital's (or, without a
    /// capital, its centre's).
    pub lat: f64,
    /// Longitude in degrees, like `lat`.
    pub lon: f64,
    /// Capital, city or country.
    pub kind: PlaceKind,
    /// The place's population.
    pub population: u64,
}

/// How exactly a [`Resolved`] position places something.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// At a known city, or at explicit coordinates.
    City,
    /// Somewhere in a state, province or region: drawn at the middle its
    /// record gives.
    Region,
    /// Somewhere in a country: drawn at its capital (or centre).
    Country,
    /// Nowhere the gazetteer knows.
    Unresolved,
}

impl Precision {
    /// The precision as a lowercase word: `city`, `region`, `country` or
    /// `unresolved`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Region => "region",
            Self::Country => "country",
            Self::Unresolved => "unresolved",
        }
    }
}

impl PlaceKind {
    /// The kind as a lowercase word: `capital`, `city` or `country`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Capital => "capital",
            Self::City => "city",
            Self::Country => "country",
        }
    }
}

/// A point on the globe in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LatLon {
    /// Latitude in degrees, -90 to 90.
    pub lat: f64,
    /// Longitude in degrees, -180 to 180.
    pub lon: f64,
}

/// Where a [`PlaceRef`](crate::model::PlaceRef) goes on the map, and how
/// precisely. Serializes as `{"precision": "city", "lat": …, "lon": …}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Resolved {
    /// City, country or unresolved.
    pub precision: Precision,
    /// The position: `None` exactly when the precision is
    /// [`Precision::Unresolved`] (use the constructors to keep it so).
    #[serde(flatten)]
    pub position: Option<LatLon>,
}

impl Resolved {
    /// Nowhere the gazetteer knows.
    pub const UNRESOLVED: Self = Self {
        precision: Precision::Unresolved,
        position: None,
    };

    /// At a city, or at explicit coordinates.
    pub fn city(lat: f64, lon: f64) -> Self {
        Self {
            precision: Precision::City,
            position: Some(LatLon { lat, lon }),
        }
    }

    /// Somewhere in a region, drawn at `lat`, `lon` (its middle).
    pub fn region(lat: f64, lon: f64) -> Self {
        Self {
            precision: Precision::Region,
            position: Some(LatLon { lat, lon }),
        }
    }

    /// Somewhere in a country, drawn at `lat`, `lon` (its capital or centre).
    pub fn country(lat: f64, lon: f64) -> Self {
        Self {
            precision: Precision::Country,
            position: Some(LatLon { lat, lon }),
        }
    }

    /// Latitude and longitude in degrees, unless unresolved.
    pub fn lat_lon(&self) -> Option<(f64, f64)> {
        self.position.map(|LatLon { lat, lon }| (lat, lon))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_precisions_serialize_lowercase_as_their_names() {
        let kinds = [PlaceKind::Capital, PlaceKind::City, PlaceKind::Country];
        let json = serde_json::to_string(&kinds).unwrap();
        assert_eq!(json, r#"["capital","city","country"]"#);
        for kind in kinds {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
        for precision in [
            Precision::City,
            Precision::Region,
            Precision::Country,
            Precision::Unresolved,
        ] {
            let json = serde_json::to_string(&precision).unwrap();
            assert_eq!(json, format!("\"{}\"", precision.as_str()));
        }
    }

    #[test]
    fn resolved_serializes_with_its_precision() {
        let json = serde_json::to_string(&Resolved::country(1.5, -2.0)).unwrap();
        assert_eq!(json, r#"{"precision":"country","lat":1.5,"lon":-2.0}"#);
        let json = serde_json::to_string(&Resolved::UNRESOLVED).unwrap();
        assert_eq!(json, r#"{"precision":"unresolved"}"#);
    }

    #[test]
    fn resolved_gives_precision_and_position() {
        let city = Resolved::city(39.0, 125.7);
        assert_eq!(city.precision, Precision::City);
        assert_eq!(city.lat_lon(), Some((39.0, 125.7)));
        assert_eq!(Resolved::UNRESOLVED.precision, Precision::Unresolved);
        assert_eq!(Resolved::UNRESOLVED.lat_lon(), None);
    }

    #[test]
    fn city_alt_names_skip_empty_entries() {
        let city = City {
            name: "Kyiv",
            country: CountryCode::parse("UA").unwrap(),
            lat: 50.45,
            lon: 30.52,
            population: 2_952_301,
            is_capital: true,
            alt_names: "Kiev|Kyjiv",
        };
        assert_eq!(city.alt_names().collect::<Vec<_>>(), ["Kiev", "Kyjiv"]);
        let none = City {
            alt_names: "",
            ..city
        };
        assert_eq!(none.alt_names().count(), 0);
    }
}
