//! Cities near a point: an R-tree (`rstar`) of the gazetteer's cities as
//! points on the unit sphere, so that its nearest neighbours are the
//! nearest on the globe; built the first time it is asked.

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::{City, Gazetteer, fold};
use crate::model::CountryCode;
use crate::model::{PlacePrecision, PlaceRef};

/// The mean radius of the Earth, in kilometres.
const EARTH_RADIUS_KM: f64 = 6_371.0;

/// A city's point on the unit sphere, with its position in the gazetteer.
pub(super) type CityPoint = GeomWithData<[f64; 3], u32>;

/// The cities as an R-tree.
pub(super) fn city_tree(cities: &[City]) -> RTree<CityPoint> {
    RTree::bulk_load(
        (0u32..)
            .zip(cities)
            .map(|(index, city)| CityPoint::new(unit(city.lat, city.lon), index))
            .collect(),
    )
}

/// `lat`, `lon` as a point on the unit sphere.
fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The great-circle distance, in kilometres, of points `chord` apart on the
/// unit sphere.
fn chord_km(chord: f64) -> f64 {
    2.0 * (chord / 2.0).clamp(0.0, 1.0).asin() * EARTH_RADIUS_KM
}

impl Gazetteer {
    /// The city a record's point `lat`, `lon` most likely means, with its
    /// distance in kilometres: of the cities within `km` kilometres (in
    /// `country` when one is given), the nearest called `name` (by its
    /// name or another), else the nearest. `GeoNames` lists a capital's
    /// districts too: GDELT's "London" point is nearer to Lambeth.
    pub fn nearest_city(
        &self,
        lat: f64,
        lon: f64,
        country: Option<CountryCode>,
        name: Option<&str>,
        km: f64,
    ) -> Option<(&City, f64)> {
        let tree = self.city_tree.get_or_init(|| city_tree(&self.cities));
        let near: Vec<(&City, f64)> = tree
            .nearest_neighbor_iter_with_distance_2(&unit(lat, lon))
            .map(|(point, chord_2)| (&self.cities[point.data as usize], chord_km(chord_2.sqrt())))
            .take_while(|&(_, distance)| distance <= km)
            .filter(|(city, _)| country.is_none_or(|country| city.country == country))
            .collect();
        let called = |city: &City, name: &str| {
            let name = fold(name);
            fold(city.name) == name || city.alt_names().any(|other| fold(other) == name)
        };
        name.and_then(|name| near.iter().find(|(city, _)| called(city, name)).copied())
            .or_else(|| near.first().copied())
    }
}

impl Gazetteer {
    /// For a place given as a named city with coordinates, the gazetteer's
    /// city of that name and country when every one of that name lies
    /// more than `km` kilometres from the coordinates, with the distance:
    /// likely swapped latitude and longitude, or a dropped minus sign.
    /// `None` when one is near, or the gazetteer has no such city.
    pub fn misplaced(&self, place: &PlaceRef, km: f64) -> Option<(&City, f64)> {
        if place
            .precision
            .is_some_and(|precision| precision != PlacePrecision::City)
        {
            return None;
        }
        let (lat, lon) = place.coordinates()?;
        let name = place.place.as_deref()?;
        let given = geo::Point::new(lon, lat);
        let km_to = |city: &City| {
            use geo::Distance as _;
            geo::Geodesic.distance(given, geo::Point::new(city.lon, city.lat)) / 1000.0
        };
        self.cities_named(name, Some(place.country?))
            .map(|city| (city, km_to(city)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|&(_, distance)| distance > km)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_city_a_nearby_point_means() {
        let gazetteer = Gazetteer::bundled();
        // GDELT's London (51.5, -0.1167) is the gazetteer's London.
        let gb = CountryCode::parse("GB");
        let (london, km) = gazetteer
            .nearest_city(51.5, -0.1167, gb, Some("London"), 10.0)
            .unwrap();
        assert_eq!(london.name, "London");
        assert!(km < 1.5, "{km} km");
        // Unnamed, the nearest: one of its districts.
        let (nearest, _) = gazetteer
            .nearest_city(51.5, -0.1167, gb, None, 10.0)
            .unwrap();
        assert_eq!(nearest.country, gb.unwrap());
        // Nothing within 10 km of the middle of the North Sea.
        assert!(
            gazetteer
                .nearest_city(56.0, 3.0, None, None, 10.0)
                .is_none()
        );
        // Only a city of the country asked for: Strasbourg's neighbour
        // across the Rhine is German, the city itself French.
        let de = CountryCode::parse("DE");
        let (kehl, _) = gazetteer
            .nearest_city(48.5734, 7.7521, de, None, 10.0)
            .unwrap();
        assert_eq!(kehl.country, de.unwrap());
        let fr = CountryCode::parse("FR");
        let (strasbourg, _) = gazetteer
            .nearest_city(48.5734, 7.7521, fr, None, 10.0)
            .unwrap();
        assert_eq!(strasbourg.name, "Strasbourg");
    }

    #[test]
    fn says_when_a_citys_coordinates_are_far_from_it() {
        let gazetteer = Gazetteer::bundled();
        let london = |lat, lon| PlaceRef {
            lat: Some(lat),
            lon: Some(lon),
            ..PlaceRef::named(CountryCode::parse("GB"), "London")
        };
        assert!(gazetteer.misplaced(&london(51.5, -0.1167), 50.0).is_none());
        // Latitude and longitude swapped: thousands of kilometres off.
        let (city, km) = gazetteer.misplaced(&london(-0.1167, 51.5), 50.0).unwrap();
        assert!(city.name.contains("London"), "{}", city.name);
        assert!(km > 5_000.0, "{km}");
        // A region's middle is not the city's point.
        let region = PlaceRef {
            precision: Some(PlacePrecision::Region),
            ..london(53.0, -2.0)
        };
        assert!(gazetteer.misplaced(&region, 50.0).is_none());
    }

    #[test]
    fn measures_distances_as_the_great_circle() {
        // A degree of latitude is 111.2 km on the mean sphere.
        let a = unit(10.0, 20.0);
        let b = unit(11.0, 20.0);
        let chord = (0..3).map(|i| (a[i] - b[i]).powi(2)).sum::<f64>().sqrt();
        assert!(
            (chord_km(chord) - 111.19).abs() < 0.01,
            "{}",
            chord_km(chord)
        );
    }
}
