//! GeoJSON: a `FeatureCollection` streamed feature by feature, visits as
//! lines along the great circle (as the map draws them, split in two where
//! they cross the antimeridian), events as points, every column as a
//! property.

use std::io::{self, Write};

use ::geojson::{Geometry, GeometryValue, Position};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{COLUMNS, Cell, Cited, Item, Selection, columns};
use crate::edit::Record;
use crate::scene::{ARC_SEGMENTS, GeoPoint, from_mercator, great_circle};

/// Writes `selection` as a GeoJSON `FeatureCollection`, the features
/// encoded on every core (see [`Selection::write_encoded`]).
pub(super) fn write(selection: &Selection<'_>, mut out: impl Write) -> io::Result<()> {
    out.write_all(br#"{"type":"FeatureCollection","features":["#)?;
    // Each feature comes with the comma before it; the first one's goes.
    let mut features = SkipFirstByte {
        out: &mut out,
        skipped: false,
    };
    selection.write_encoded(&mut features, &|item, cited, bytes| {
        bytes.extend_from_slice(b",\n");
        serde_json::to_writer(&mut *bytes, &FeatureOut::of(item, cited)).map_err(io::Error::other)
    })?;
    out.write_all(b"\n]}\n")?;
    out.flush()
}

/// A writer that drops the first byte written through it.
struct SkipFirstByte<W> {
    out: W,
    skipped: bool,
}

impl<W: Write> Write for SkipFirstByte<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.skipped && !bytes.is_empty() {
            self.skipped = true;
            return self.out.write(&bytes[1..]).map(|written| written + 1);
        }
        self.out.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One record as a GeoJSON `Feature`: its geometry (the `geojson` crate's
/// type), its id, and every column that has a value as a property,
/// serialised straight from the cells (no map of owned keys per record).
struct FeatureOut<'a> {
    id: &'a str,
    geometry: Option<Geometry>,
    cells: Vec<Cell>,
}

impl<'a> FeatureOut<'a> {
    fn of(item: &'a Item<'_>, cited: &mut Cited) -> Self {
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
struct Properties<'a>(&'a [Cell]);

impl Serialize for Properties<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut properties = serializer.serialize_map(None)?;
        for (name, cell) in COLUMNS.iter().zip(self.0) {
            match cell {
                Cell::Text(text) => properties.serialize_entry(name, text)?,
                Cell::Number(number) if number.is_finite() => {
                    properties.serialize_entry(name, number)?;
                }
                Cell::Flag(flag) => properties.serialize_entry(name, flag)?,
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
    let (points, split) = great_circle(from, to, ARC_SEGMENTS);
    let positions: Vec<Position> = points
        .into_iter()
        .map(|xy| position(from_mercator(xy)))
        .collect();
    if split < positions.len() {
        let (first, second) = positions.split_at(split);
        vec![first.to_vec(), second.to_vec()]
    } else {
        vec![positions]
    }
}

/// Longitude and latitude to a millionth of a degree (about 10 cm): more
/// digits say nothing about where a visit went.
pub(super) fn position(point: GeoPoint) -> Position {
    let round = |degrees: f64| (degrees * 1e6).round() / 1e6;
    Position::from([round(point.lon), round(point.lat)])
}
