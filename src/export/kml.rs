//! KML for Google Earth: a placemark per record with its time (a
//! `TimeStamp` for a known day, a `TimeSpan` for a month, year or
//! interval), so that Google Earth's own time slider plays it; visits as
//! their great-circle routes, events as points, every column as
//! `ExtendedData`.

use std::io::{self, Write};

use ::geojson::Position;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::geojson::{position, route_pieces};
use super::{COLUMNS, Cell, Cited, Item, Selection, columns, place_name};
use crate::edit::Record;

/// Writes `selection` as a KML document.
pub(super) fn write(selection: &Selection<'_>, out: impl Write) -> io::Result<()> {
    // Unindented: a million placemarks are big enough.
    let mut writer = Writer::new(out);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("kml")
        .with_attribute(("xmlns", "http://www.opengis.net/kml/2.2"))
        .write_inner_content(|writer| {
            writer
                .create_element("Document")
                .write_inner_content(|writer| {
                    text_element(writer, "name", "Legation export")?;
                    let mut cited = Cited::default();
                    selection.for_each(|item| placemark(writer, item, &mut cited))
                })?;
            Ok(())
        })?;
    writer.get_mut().flush()
}

fn text_element<W: Write>(writer: &mut Writer<W>, name: &str, text: &str) -> io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

fn placemark<W: Write>(
    writer: &mut Writer<W>,
    item: &Item<'_>,
    cited: &mut Cited,
) -> io::Result<()> {
    let cells = columns(item, cited);
    let cell = |name: &str| {
        COLUMNS
            .iter()
            .position(|column| *column == name)
            .map(|at| cells[at].to_text())
            .unwrap_or_default()
    };
    let (name, date) = match &item.record {
        Record::Visit(visit) => {
            let who = visit
                .leader
                .as_ref()
                .map(|leader| leader.name.clone())
                .or_else(|| visit.delegation.clone())
                .unwrap_or_else(|| "Visit".to_owned());
            (format!("{who} to {}", place_name(&visit.to)), &visit.date)
        }
        Record::Event(event) => (
            event
                .title
                .clone()
                .unwrap_or_else(|| event.kind.label().to_owned()),
            &event.date,
        ),
    };
    writer
        .create_element("Placemark")
        .write_inner_content(|writer| {
            text_element(writer, "name", &name)?;
            let description = [cell("passage"), cell("source_title"), cell("source_url")]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n");
            text_element(writer, "description", &description)?;
            if date.is_exact_day() {
                writer
                    .create_element("TimeStamp")
                    .write_inner_content(|writer| {
                        text_element(writer, "when", &date.first_day().to_string())
                    })?;
            } else {
                writer
                    .create_element("TimeSpan")
                    .write_inner_content(|writer| {
                        text_element(writer, "begin", &date.first_day().to_string())?;
                        text_element(writer, "end", &date.last_day().to_string())
                    })?;
            }
            writer
                .create_element("ExtendedData")
                .write_inner_content(|writer| {
                    for (column, value) in COLUMNS.iter().zip(&cells) {
                        if *value != Cell::Empty {
                            writer
                                .create_element("Data")
                                .with_attribute(("name", *column))
                                .write_inner_content(|writer| {
                                    text_element(writer, "value", &value.to_text())
                                })?;
                        }
                    }
                    Ok(())
                })?;
            geometry(writer, item)
        })?;
    Ok(())
}

/// A visit's route (a `MultiGeometry` of two lines when it crosses the
/// antimeridian), or the point where it happened.
fn geometry<W: Write>(writer: &mut Writer<W>, item: &Item<'_>) -> io::Result<()> {
    match (&item.record, item.from, item.at) {
        (Record::Visit(_), Some(from), Some(to)) => {
            let pieces = route_pieces(from, to);
            writer
                .create_element("MultiGeometry")
                .write_inner_content(|writer| {
                    for piece in &pieces {
                        writer
                            .create_element("LineString")
                            .write_inner_content(|writer| {
                                text_element(writer, "tessellate", "1")?;
                                text_element(writer, "coordinates", &coordinates(piece))
                            })?;
                    }
                    Ok(())
                })?;
        }
        (_, _, Some(at)) => {
            writer
                .create_element("Point")
                .write_inner_content(|writer| {
                    text_element(writer, "coordinates", &coordinates(&[position(at)]))
                })?;
        }
        _ => {}
    }
    Ok(())
}

/// KML's `lon,lat lon,lat …`.
fn coordinates(positions: &[Position]) -> String {
    positions
        .iter()
        .map(|position| format!("{},{}", position[0], position[1]))
        .collect::<Vec<_>>()
        .join(" ")
}
