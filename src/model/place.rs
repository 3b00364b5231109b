//! Where something happened: a country, a named place, or explicit coordinates.

use serde::Serialize;
use serde_json::{Map, Value};

use super::CountryCode;

/// A reference to a place as a dataset writes it.
///
/// `country` alone means "somewhere in that country" (drawn at its capital,
/// marked as approximate); `place` names something the gazetteer knows, or
/// anything at all when `lat`/`lon` are given.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlaceRef {
    /// The country the place is in, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// A place name: a city, a site, an airport.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Explicit latitude in degrees, -90 to 90.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Explicit longitude in degrees, -180 to 180.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// How precisely `lat`/`lon` place it: a city's point (the default),
    /// or the middle of a region or country (drawn as approximate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<PlacePrecision>,
    /// Fields this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// How precisely a place's coordinates place it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacePrecision {
    /// A city or a site: the point itself.
    City,
    /// A state, province or region: its middle.
    Region,
    /// A country: its middle.
    Country,
}

impl PlacePrecision {
    /// The precision a dataset names: `city`, `region` or `country`.
    pub fn named(word: &str) -> Option<Self> {
        match word {
            "city" => Some(Self::City),
            "region" => Some(Self::Region),
            "country" => Some(Self::Country),
            _ => None,
        }
    }
}

impl PlaceRef {
    /// A place known only by its country.
    pub fn country(country: CountryCode) -> Self {
        Self {
            country: Some(country),
            ..Self::default()
        }
    }

    /// A named place in a country.
    pub fn named(country: Option<CountryCode>, place: impl Into<String>) -> Self {
        Self {
            country,
            place: Some(place.into()),
            ..Self::default()
        }
    }

    /// The explicit coordinates, when both are given.
    pub fn coordinates(&self) -> Option<(f64, f64)> {
        Some((self.lat?, self.lon?))
    }
}
