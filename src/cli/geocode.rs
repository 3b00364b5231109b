//! `legation geocode`: look a name up in the offline gazetteer.

use legation::gazetteer::{Gazetteer, Match};
use legation::model::CountryCode;
use serde::Serialize;

use super::Exit;

/// Arguments of `legation geocode`.
#[derive(Debug, clap::Args)]
pub struct GeocodeArgs {
    /// Print JSON: {"name", "country", "lat", "lon", "kind"}.
    #[arg(long)]
    json: bool,

    /// Only look in this country (ISO 3166-1 alpha-2, such as KP).
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    country: Option<CountryCode>,

    /// Print every match, best first, instead of the best one.
    #[arg(long)]
    all: bool,

    /// The place: a city, a capital or a country ("Kiev", "São Paulo", "North Korea").
    #[arg(value_name = "NAME", required = true, num_args = 1..)]
    name: Vec<String>,
}

fn parse_country(text: &str) -> Result<CountryCode, String> {
    CountryCode::parse(text).ok_or_else(|| {
        format!("`{text}` is not an ISO 3166-1 alpha-2 country code (such as KP or US)")
    })
}

#[derive(Debug, Serialize)]
struct Found<'a> {
    name: &'a str,
    country: CountryCode,
    lat: f64,
    lon: f64,
    kind: &'static str,
}

impl<'a> From<&Match<'a>> for Found<'a> {
    fn from(found: &Match<'a>) -> Self {
        Self {
            name: found.name,
            country: found.country,
            lat: found.lat,
            lon: found.lon,
            kind: found.kind.as_str(),
        }
    }
}

pub fn run(args: &GeocodeArgs) -> Exit {
    let gazetteer = Gazetteer::bundled();
    // A name with spaces may come unquoted: `legation geocode New York`.
    let name = args.name.join(" ");
    let matches = if args.all {
        gazetteer.lookup_all(&name, args.country)
    } else {
        gazetteer.lookup(&name, args.country).into_iter().collect()
    };
    if matches.is_empty() {
        let within = args
            .country
            .map(|country| format!(" in {country}"))
            .unwrap_or_default();
        eprintln!(
            "legation geocode: no place named `{name}`{within} in the offline gazetteer; check the spelling{}",
            if args.country.is_some() {
                " or drop --country"
            } else {
                ""
            }
        );
        return Exit::Invalid;
    }
    let found: Vec<Found<'_>> = matches.iter().map(Found::from).collect();
    if args.json {
        let json = if args.all {
            serde_json::to_string(&found)
        } else {
            serde_json::to_string(&found[0])
        };
        println!("{}", json.unwrap_or_default());
    } else {
        for place in &found {
            println!(
                "{}, {} ({}): {:.4}, {:.4}",
                place.name, place.country, place.kind, place.lat, place.lon
            );
        }
    }
    Exit::Success
}
