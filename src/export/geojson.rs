//! GeoJSON: a `FeatureCollection` streamed feature by feature, visits as
//! lines along the great circle (as the map draws them, split in two where
//! they cross the antimeridian), events as points, every column as a
//! property.

use std::io::{self, Write};

use ::geojson::{Geometry, GeometryValue, Position};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::chunked::{Rows, SkipFirstByte};
use super::{COLUMNS, Cell, Cited, Item, Selection, columns};
use crate::edit::Record;
use crate::scene::{ARC_SEGMENTS, GeoPoint, great_circle_degrees};

/// Writes `selection` as a GeoJSON `FeatureCollection`, the features
/// encoded on every core (see [`Selection::write_encoded`]).
pub(super) fn write(selection: &Selection<'_>, mut out: impl Write) -> io::Result<()> {
    out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
    // Each feature comes with the comma before it; the first one's goes.
    let mut features = SkipFirstByte::new(&mut out);
    selection.write_encoded(Rows::All, &mut features, &|item, cited, bytes| {
        bytes.extend_from_slice(b",\n");
        serde_json::to_writer(&mut *bytes, &FeatureOut::of(item, cited)).map_err(io::Error::other)
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()
}

/// One record as a GeoJSON `Feature`: its geometry (the `geojson` crate's
/// type), its id, and every column that has a value as a property,
/// serialised straight from the cells (no map of owned keys per record).
struct FeatureOut<'a> {
    id: &'a str,
    geometry: Option<Geometry>,
    cells: Vec<Cell<'a>>,
}

impl<'a> FeatureOut<'a> {
    fn of(item: &'a Item<'_>, cited: &'a mut Cited) -> Self {
        Self {
            id: item.id(),
            geometry: geometry(item),
            cells: columns(item, cited),
        }
    }
}

impl Serialize for FeatureOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut feature = serializer.serialize_map(Some(4))?;
        feature.serialize_entry("type", "Feature")?;
        feature.serialize_entry("id", self.id)?;
        feature.serialize_entry("geometry", &self.geometry)?;
        feature.serialize_entry("properties", &Properties(&self.cells))?;
        feature.end()
    }
}

/// The cells that have a value, by column name.
struct Properties<'a>(&'a [Cell<'a>]);

impl Serialize for Properties<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut properties = serializer.serialize_map(None)?;
        for (name, cell) in COLUMNS.iter().zip(self.0) {
            match *cell {
                Cell::Text(ref text) => properties.serialize_entry(name, text)?,
                Cell::Number(number) if number.is_finite() => {
                    properties.serialize_entry(name, &number)?;
                }
                Cell::Flag(flag) => properties.serialize_entry(name, &flag)?,
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        properties.end()
    }
}

/// A visit with both ends placed is its route; anything else placed is a
/// point where it happened (a visit from nowhere known: its destination).
fn geometry(item: &Item<'_>) -> Option<Geometry> {
    let value = match (&item.record, item.from, item.at) {
        (Record::Visit(_), Some(from), Some(to)) => route(from, to),
        (_, _, Some(at)) => GeometryValue::Point {
            coordinates: position(at),
        },
        _ => return None,
    };
    Some(Geometry::new(value))
}

/// The great circle from `from` to `to` as drawn, in longitude and
/// latitude: two lines when it crosses the antimeridian.
pub(super) fn route(from: GeoPoint, to: GeoPoint) -> GeometryValue {
    let pieces = route_pieces(from, to);
    if pieces.len() == 1 {
        GeometryValue::LineString {
            coordinates: pieces.into_iter().flatten().collect(),
        }
    } else {
        GeometryValue::MultiLineString {
            coordinates: pieces,
        }
    }
}

/// The pieces of the great circle from `from` to `to`, in longitude and
/// latitude (one, or two split at the antimeridian).
pub(super) fn route_pieces(from: GeoPoint, to: GeoPoint) -> Vec<Vec<Position>> {
    let (points, split) = great_circle_degrees(from, to, ARC_SEGMENTS);
    let mut pieces = vec![Vec::with_capacity(split)];
    for (index, [lon, lat]) in points.into_iter().enumerate() {
        if index == split {
            pieces.push(Vec::new());
        }
        pieces
            .last_mut()
            .expect("there is always a piece")
            .push(position(GeoPoint::new(lat, lon)));
    }
    pieces
}

/// Longitude and latitude to a millionth of a degree (about 10 cm): more
/// digits say nothing about where a visit went.
pub(super) fn position(point: GeoPoint) -> Position {
    let round = |degrees: f64| (degrees * 1e6).round() / 1e6;
    Position::from([round(point.lon), round(point.lat)])
}
