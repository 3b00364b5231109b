//! GeoJSON: a `FeatureCollection` streamed feature by feature, visits as
//! lines along the great circle (as the map draws them, split in two where
//! they cross the antimeridian), events as points, every column as a
//! property.

use std::io::{self, Write};

use ::geojson::{
    Feature, FeatureWriter, Geometry, GeometryValue, JsonObject, JsonValue, Position, feature::Id,
};

use super::{COLUMNS, Cell, Cited, Item, Selection, columns};
use crate::edit::Record;
use crate::scene::{ARC_SEGMENTS, GeoPoint, from_mercator, great_circle};

/// Writes `selection` as a GeoJSON `FeatureCollection`.
///
/// On one thread: handing features to a second core for writing was
/// measured slower (52 s against 39 s at 1M + 1M), as freeing memory
/// allocated on another thread costs more than the writing saved.
pub(super) fn write(selection: &Selection<'_>, out: impl Write) -> io::Result<()> {
    let mut writer = FeatureWriter::from_writer(out);
    let mut cited = Cited::default();
    selection.for_each(|item| {
        writer
            .write_feature(&feature(item, &mut cited))
            .map_err(io::Error::other)
    })?;
    writer.finish().map_err(io::Error::other)?;
    writer.flush().map_err(io::Error::other)
}

fn feature(item: &Item<'_>, cited: &mut Cited) -> Feature {
    let properties: JsonObject = COLUMNS
        .iter()
        .zip(columns(item, cited))
        .filter(|(_, cell)| *cell != Cell::Empty)
        .map(|(name, cell)| ((*name).to_owned(), json(cell)))
        .collect();
    Feature {
        geometry: geometry(item),
        id: Some(Id::String(item.id().to_owned())),
        properties: Some(properties),
        ..Feature::default()
    }
}

fn json(cell: Cell) -> JsonValue {
    match cell {
        Cell::Text(text) => JsonValue::String(text),
        Cell::Number(number) => {
            serde_json::Number::from_f64(number).map_or(JsonValue::Null, JsonValue::Number)
        }
        Cell::Flag(flag) => JsonValue::Bool(flag),
        Cell::Empty => JsonValue::Null,
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
