//! `legation export` read back by independent readers: GeoJSON through the
//! `geojson` crate, CSV through the `csv` crate, KML through `quick-xml`,
//! `legation/1` through `legation check`, each checked against the records
//! it was written from.

mod run_support;

use std::path::{Path, PathBuf};

use geojson::{FeatureCollection, GeoJson, GeometryValue};
use run_support::{fixture, legation, stderr, temp_path};
use serde_json::Value;

const PACIFIC: &str = "export-pacific.json";
const US_TRAVELS: &str = "data/us-travels.json";

/// Exports `files` to `name` in the scratch folder with `extra` arguments.
fn export(name: &str, extra: &[&str], files: &[&Path]) -> PathBuf {
    let out = temp_path(name);
    let mut args: Vec<&std::ffi::OsStr> = vec!["export".as_ref(), "-o".as_ref(), out.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    args.extend(files.iter().map(|file| file.as_os_str()));
    let output = legation(args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    out
}

fn dataset(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("the export reads back"))
        .expect("the export reads back")
}

fn features(path: &Path) -> FeatureCollection {
    let text = std::fs::read_to_string(path).expect("the export reads back");
    match text.parse::<GeoJson>().expect("valid GeoJSON") {
        GeoJson::FeatureCollection(collection) => collection,
        other => panic!("not a FeatureCollection: {other:?}"),
    }
}

fn property<'a>(feature: &'a geojson::Feature, name: &str) -> &'a Value {
    feature
        .property(name)
        .unwrap_or_else(|| panic!("{name} missing"))
}

fn by_id<'a>(collection: &'a FeatureCollection, id: &str) -> &'a geojson::Feature {
    collection
        .features
        .iter()
        .find(|feature| property(feature, "id") == id)
        .unwrap_or_else(|| panic!("{id} exported"))
}

/// The passage record `id` of `file` cites, cut from its source's text.
fn cited_passage(file: &Value, id: &str) -> String {
    let record = file["visits"]
        .as_array()
        .expect("the export reads back")
        .iter()
        .chain(file["events"].as_array().expect("the export reads back"))
        .find(|record| record["id"] == id)
        .expect("the export reads back");
    let span = &record["source"]["span"];
    let text = file["sources"][0]["text"]
        .as_str()
        .expect("the export reads back");
    let (start, end) = (
        span[0].as_u64().expect("the export reads back"),
        span[1].as_u64().expect("the export reads back"),
    );
    text[start as usize..end as usize].to_owned()
}

/// The great circle's midpoint between two places (latitude, longitude in
/// degrees), by the textbook formula.
fn midpoint(from: (f64, f64), to: (f64, f64)) -> (f64, f64) {
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let (bx, by) = (
        lat2.cos() * (lon2 - lon1).cos(),
        lat2.cos() * (lon2 - lon1).sin(),
    );
    let lat = (lat1.sin() + lat2.sin())
        .atan2(((lat1.cos() + bx).powi(2) + by.powi(2)).sqrt())
        .to_degrees();
    let lon = (lon1 + by.atan2(lat1.cos() + bx)).to_degrees();
    (lat, (lon + 540.0) % 360.0 - 180.0)
}

#[test]
fn geojson_draws_routes_along_the_great_circle_split_at_the_antimeridian() {
    let out = export("pacific.geojson", &[], &[&fixture(PACIFIC)]);
    let collection = features(&out);
    assert_eq!(collection.features.len(), 3);
    for feature in &collection.features {
        let geometry = feature.geometry.as_ref().expect("every record is placed");
        let positions: Vec<&geojson::Position> = match &geometry.value {
            GeometryValue::Point { coordinates } => vec![coordinates],
            GeometryValue::LineString { coordinates } => coordinates.iter().collect(),
            GeometryValue::MultiLineString { coordinates } => {
                coordinates.iter().flatten().collect()
            }
            other => panic!("unexpected geometry {other:?}"),
        };
        for position in positions {
            assert!(
                (-180.0..=180.0).contains(&position[0]) && (-90.0..=90.0).contains(&position[1])
            );
        }
    }

    // Tokyo to Honolulu crosses the antimeridian: two lines meeting there.
    let tokyo_honolulu = by_id(&collection, "v1");
    let GeometryValue::MultiLineString { coordinates } = &tokyo_honolulu
        .geometry
        .as_ref()
        .expect("the export reads back")
        .value
    else {
        panic!("Tokyo to Honolulu is split");
    };
    assert_eq!(coordinates.len(), 2);
    let (first, second) = (&coordinates[0], &coordinates[1]);
    assert!(
        (first[0][0] - 139.69).abs() < 0.1 && (first[0][1] - 35.69).abs() < 0.1,
        "starts at Tokyo"
    );
    assert!(
        (first.last().expect("the export reads back")[0] - 180.0).abs() < 1e-6,
        "first line ends on the antimeridian"
    );
    assert!(
        (second[0][0] + 180.0).abs() < 1e-6,
        "second line starts on it"
    );
    let end = second.last().expect("the export reads back");
    assert!(
        (end[0] + 157.86).abs() < 0.1 && (end[1] - 21.31).abs() < 0.1,
        "ends at Honolulu"
    );
    // It passes through the great circle's midpoint (evenly spaced points
    // put one there).
    let (mid_lat, mid_lon) = midpoint((35.6895, 139.6917), (21.3069, -157.8583));
    let nearest = first
        .iter()
        .chain(second)
        .map(|position| {
            (position[0] - mid_lon)
                .abs()
                .max((position[1] - mid_lat).abs())
        })
        .fold(f64::INFINITY, f64::min);
    assert!(
        nearest < 0.2,
        "{nearest} degrees from the midpoint {mid_lat}, {mid_lon}"
    );

    let beijing_moscow = by_id(&collection, "v2");
    assert!(matches!(
        beijing_moscow
            .geometry
            .as_ref()
            .expect("the export reads back")
            .value,
        GeometryValue::LineString { .. }
    ));
    assert_eq!(property(beijing_moscow, "precision"), "month");
    assert_eq!(property(beijing_moscow, "start"), "2023-05-01");
    assert_eq!(property(beijing_moscow, "end"), "2023-05-31");

    let talks = by_id(&collection, "e1");
    assert!(matches!(
        talks
            .geometry
            .as_ref()
            .expect("the export reads back")
            .value,
        GeometryValue::Point { .. }
    ));
    assert_eq!(property(talks, "kind"), "meeting");
    let file = dataset(&fixture(PACIFIC));
    assert_eq!(
        property(tokyo_honolulu, "passage"),
        cited_passage(&file, "v1").as_str()
    );
    assert_eq!(
        property(tokyo_honolulu, "source_url"),
        "https://example.org/pacific"
    );
}

#[test]
fn geojson_and_csv_of_the_us_record_hold_every_visit() {
    let visits = dataset(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(US_TRAVELS)
            .as_path(),
    )["visits"]
        .as_array()
        .expect("the export reads back")
        .len();
    assert_eq!(visits, 4944);
    let us = Path::new(US_TRAVELS);
    let collection = features(&export("us.geojson", &[], &[us]));
    assert_eq!(collection.features.len(), visits);
    assert!(
        collection
            .features
            .iter()
            .all(|feature| property(feature, "type") == "visit")
    );

    let mut reader =
        csv::Reader::from_path(export("us.csv", &[], &[us])).expect("the export reads back");
    assert_eq!(reader.records().count(), visits);
}

#[test]
fn csv_keeps_a_passage_with_quotes_and_line_breaks_in_one_cell() {
    let out = export("pacific.csv", &[], &[&fixture(PACIFIC)]);
    let mut reader = csv::Reader::from_path(&out).expect("the export reads back");
    let header = reader.headers().expect("the export reads back").clone();
    let column = |name: &str| {
        header
            .iter()
            .position(|known| known == name)
            .expect("the export reads back")
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "one row per record");
    let file = dataset(&fixture(PACIFIC));
    let abe = rows
        .iter()
        .find(|row| &row[column("id")] == "v1")
        .expect("the export reads back");
    let passage = cited_passage(&file, "v1");
    assert!(
        passage.contains('"') && passage.contains('\n'),
        "the fixture tests quoting"
    );
    assert_eq!(&abe[column("passage")], passage);
    assert_eq!(
        &abe[column("source_title")],
        r#"A "quoted" title, with a comma"#
    );
    assert_eq!(&abe[column("from_place")], "Tokyo");
    let latitude: f64 = abe[column("to_lat")]
        .parse()
        .expect("the export reads back");
    assert!((latitude - 21.31).abs() < 0.1, "Honolulu's latitude");
}

/// The time of each placemark: `(when, None)` or `(begin, Some(end))`, by
/// the record id in its `ExtendedData`.
fn kml_times(path: &Path) -> Vec<(String, String, Option<String>)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_file(path).expect("the export reads back");
    let mut buffer = Vec::new();
    let (mut element, mut data) = (String::new(), String::new());
    let mut times = Vec::new();
    let (mut id, mut begin, mut end) = (String::new(), String::new(), None);
    loop {
        match reader
            .read_event_into(&mut buffer)
            .expect("the export reads back")
        {
            Event::Start(start) => {
                element = String::from_utf8(start.local_name().as_ref().to_vec())
                    .expect("the export reads back");
                if element == "Data" {
                    let name = start
                        .try_get_attribute("name")
                        .expect("the export reads back")
                        .expect("the export reads back");
                    data = String::from_utf8(name.value.to_vec()).expect("the export reads back");
                }
            }
            Event::Text(text) => {
                let text = text.decode().expect("the export reads back").into_owned();
                match element.as_str() {
                    "when" | "begin" => begin = text,
                    "end" => end = Some(text),
                    "value" if data == "id" => id = text,
                    _ => {}
                }
            }
            Event::End(finished) if finished.local_name().as_ref() == b"Placemark" => {
                times.push((
                    std::mem::take(&mut id),
                    std::mem::take(&mut begin),
                    end.take(),
                ));
            }
            Event::End(_) => element.clear(),
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    times
}

#[test]
fn kml_gives_each_placemark_its_records_time() {
    let out = export("story.kml", &[], &[&fixture(PACIFIC)]);
    let mut times = kml_times(&out);
    times.sort();
    assert_eq!(
        times,
        [
            (
                "e1".to_owned(),
                "2023-07-01".to_owned(),
                Some("2023-07-31".to_owned())
            ),
            ("v1".to_owned(), "2016-12-26".to_owned(), None),
            (
                "v2".to_owned(),
                "2023-05-01".to_owned(),
                Some("2023-05-31".to_owned())
            ),
        ]
    );
}

#[test]
fn a_legation_subset_holds_the_matches_and_the_sources_they_cite() {
    let out = export(
        "talks.json",
        &["--query", "kind:meeting"],
        &[&fixture(PACIFIC)],
    );
    let subset = dataset(&out);
    assert_eq!(
        subset["visits"]
            .as_array()
            .expect("the export reads back")
            .len(),
        0
    );
    assert_eq!(subset["events"][0]["id"], "e1");
    assert_eq!(
        subset["sources"]
            .as_array()
            .expect("the export reads back")
            .len(),
        1
    );
    let check = legation(["check".as_ref(), out.as_os_str()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));

    let window = export("2016.json", &["--window", "2016"], &[&fixture(PACIFIC)]);
    let window = dataset(&window);
    let ids: Vec<&Value> = window["visits"]
        .as_array()
        .expect("the export reads back")
        .iter()
        .map(|visit| &visit["id"])
        .collect();
    assert_eq!(ids, ["v1"]);
}

#[test]
fn a_wrong_format_query_or_folder_says_what_to_do_and_writes_nothing() {
    let pacific = fixture(PACIFIC);
    let cases: [(&[&str], i32, &str); 4] = [
        (&["-o", "out.xyz"], 1, "cannot tell the format of `out.xyz`"),
        (
            &["-o", "out.txt", "--format", "shapefile"],
            1,
            "unknown --format `shapefile`",
        ),
        (
            &["-o", "out.csv", "--query", "form:RU"],
            1,
            "did you mean `from`",
        ),
        (
            &["-o", "no/such/folder/out.csv"],
            2,
            "cannot write no/such/folder/out.csv",
        ),
    ];
    for (args, code, message) in cases {
        let mut all: Vec<&std::ffi::OsStr> = vec!["export".as_ref()];
        all.extend(args.iter().map(std::ffi::OsStr::new));
        all.push(pacific.as_os_str());
        let output = legation(all);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(message),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("out.csv")
            .exists()
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_export_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let us_travels = Path::new(env!("CARGO_MANIFEST_DIR")).join(US_TRAVELS);
    let mut child = run_support::command([
        "export".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        "-".as_ref(),
        us_travels.as_os_str(),
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("legation starts");
    let mut header = String::new();
    let mut lines = BufReader::new(child.stdout.take().expect("piped"));
    lines.read_line(&mut header).expect("the header comes");
    assert!(header.starts_with("id,type,date"), "{header}");
    // As `| head -1` does: the reader goes away with thousands of rows unread.
    drop(lines);
    let output = child.wait_with_output().expect("legation ends");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stderr(&output), "", "no error for a closed pipe");
}
