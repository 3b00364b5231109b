//! Importing GDELT event exports: the 1.0 daily (58 columns) and backfile
//! (57) layouts and the 2.0 one (61), zipped or not; visits, meetings and
//! events; and every row left out counted by reason.
//!
//! The 1.0 fixtures are real rows of GDELT's public sample; the 2.0 rows are
//! those rows laid out as 2.0 with made-up `ADM2Code` values, so that a
//! column read one off shows.

mod run_support;

use std::ffi::OsStr;
use std::fs::File;
use std::io::Write as _;

use legation::gazetteer::Gazetteer;
use legation::import::gdelt::{self, Options, reasons};
use legation::import::{Format, ImportError, Imported, detect};
use legation::model::{
    CountryCode, Dataset, EventKind, PlacePrecision, PlaceRef, RecordTable, Visit, validate,
};
use legation::scene::Scene;
use serde_json::Value;

use run_support::{fixture, legation, temp_path};

const VISITS_ONLY: Options = Options { events: false };
const WITH_EVENTS: Options = Options { events: true };

fn import(name: &str, options: Options) -> Imported {
    gdelt::import_files(&[fixture(name)], options).expect("the fixture imports")
}

fn visit<'d>(dataset: &'d Dataset, id: &str) -> &'d Visit {
    let id = format!("gdelt-{id}");
    dataset
        .visits
        .iter()
        .find(|visit| visit.id == id)
        .unwrap_or_else(|| panic!("no visit {id} in {:#?}", dataset.visits))
}

fn country(place: Option<&PlaceRef>) -> Option<&str> {
    place?.country.as_ref().map(CountryCode::as_str)
}

#[test]
fn make_and_host_a_visit_go_from_the_visitor_to_the_action() {
    let Imported { dataset, report } = import("gdelt/v1-daily.tsv", VISITS_ONLY);
    assert!(report.is_clean(), "{report:#?}");
    assert_eq!(dataset.visits.len(), 4);

    // 042: Actor1 (Germany) visits, in London.
    let made = visit(&dataset, "564160576");
    assert_eq!(country(made.from.as_ref()), Some("DE"));
    assert_eq!(made.from.as_ref().unwrap().place, None);
    assert_eq!(made.delegation.as_deref(), Some("Germany"));
    assert_eq!(made.extra["host"], "France");
    assert_eq!(country(Some(&made.to)), Some("GB"), "FIPS UK is ISO GB");
    // GDELT's London is the gazetteer's, its own name kept as an alias.
    let london = Gazetteer::bundled()
        .city("London", CountryCode::parse("GB"))
        .expect("the gazetteer knows London");
    assert_eq!(made.to.coordinates(), Some((london.lat, london.lon)));
    assert_eq!(made.to.place.as_deref(), Some("London"));
    assert_eq!(
        made.to.extra["alias"],
        "London, London, City of, United Kingdom"
    );
    assert_eq!(made.date.to_string(), "2016-07-28");
    assert_eq!(made.extra["cameo"], "042");
    assert_eq!(made.extra["goldstein"], 1.9);
    assert_eq!(made.extra["mentions"], 2);

    // 043: Actor1 (Paris) hosts, Actor2 (Germany) is the visitor.
    let hosted = visit(&dataset, "564160686");
    assert_eq!(country(hosted.from.as_ref()), Some("DE"));
    assert_eq!(hosted.delegation.as_deref(), Some("Germany"));
    assert_eq!(hosted.extra["host"], "Paris");

    // No country coded for the visitor: an arrival without origin.
    let arrival = visit(&dataset, "564137988");
    assert_eq!(arrival.from, None);
    assert_eq!(country(Some(&arrival.to)), Some("DE"), "FIPS GM is ISO DE");

    // A country-level ActionGeo is a country, not a point passing for a city.
    let france = visit(&dataset, "564160736");
    assert_eq!(country(Some(&france.to)), Some("FR"));
    assert_eq!(france.to.coordinates(), None);
}

#[test]
fn each_row_has_a_source_with_its_url_and_a_text_to_cite() {
    let dataset = import("gdelt/v1-daily.tsv", VISITS_ONLY).dataset;
    let source = dataset.source("gdelt-564160576").unwrap();
    assert_eq!(
        source.url.as_deref(),
        Some("http://buglenewspapers.com/plainfield-central-north-band-students-perform-in-europe")
    );
    assert_eq!(source.publisher.as_deref(), Some("buglenewspapers.com"));
    assert_eq!(source.published.unwrap().to_string(), "2016-07-28");
    assert!(source.text.contains("Germany"), "{}", source.text);
    assert!(source.text.contains("make a visit"), "{}", source.text);
    let span = visit(&dataset, "564160576")
        .source
        .as_ref()
        .unwrap()
        .span
        .unwrap();
    assert_eq!((span.start, span.end), (0, source.text.len()));
    assert_eq!(validate(&dataset), vec![]);
}

#[test]
fn meetings_always_and_other_codes_only_with_events() {
    let Imported { dataset, report } = import("gdelt/v1-daily.tsv", VISITS_ONLY);
    assert_eq!(dataset.events.len(), 1);
    let meeting = &dataset.events[0];
    assert_eq!(meeting.id, "gdelt-564160176");
    assert_eq!(meeting.kind, EventKind::Meeting);
    assert_eq!(
        country(Some(&meeting.place)),
        Some("TM"),
        "FIPS TX is ISO TM"
    );
    assert_eq!(meeting.actors.len(), 1);
    assert_eq!(meeting.actors[0].as_str(), "AZ");
    assert_eq!(report.skipped.get(reasons::NOT_A_VISIT), Some(&4));

    let dataset = import("gdelt/v1-daily.tsv", WITH_EVENTS).dataset;
    let kinds: Vec<(String, EventKind)> = dataset
        .events
        .iter()
        .map(|event| (event.id.clone(), event.kind))
        .collect();
    for (id, kind) in [
        ("gdelt-564111644", EventKind::Statement),
        ("gdelt-564137568", EventKind::Deployment),
        ("gdelt-564442322", EventKind::Agreement),
        ("gdelt-564443032", EventKind::Sanctions),
    ] {
        assert!(kinds.contains(&(id.to_owned(), kind)), "{id}: {kinds:?}");
    }
    let sanctions = dataset
        .events
        .iter()
        .find(|event| event.id == "gdelt-564443032")
        .unwrap();
    let actors: Vec<&str> = sanctions.actors.iter().map(CountryCode::as_str).collect();
    assert_eq!(actors, ["US", "RU"]);
    assert_eq!(
        country(Some(&sanctions.place)),
        Some("RU"),
        "FIPS RS is ISO RU"
    );
    assert_eq!(validate(&dataset), vec![]);
}

#[test]
fn backfile_rows_have_no_url_and_rows_without_a_place_are_counted() {
    let Imported { dataset, report } = import("gdelt/v1-backfile.tsv", VISITS_ONLY);
    assert_eq!(report.records, 5);
    assert_eq!(report.skipped.get(reasons::NO_LOCATION), Some(&1));
    assert_eq!(report.skipped.get(reasons::NOT_A_VISIT), Some(&1));
    assert_eq!(dataset.visits.len(), 3);
    let london = visit(&dataset, "1552989");
    assert_eq!(country(london.from.as_ref()), Some("GB"));
    assert_eq!(london.date.to_string(), "1982-01-02");
    let source = dataset.source("gdelt-1552989").unwrap();
    assert_eq!(source.url, None);
    assert_eq!(source.published.unwrap().to_string(), "2013-02-03");
    let korea = visit(&dataset, "1553339");
    assert_eq!(country(Some(&korea.to)), Some("KR"), "FIPS KS is ISO KR");
}

#[test]
fn version_2_rows_read_the_shifted_columns() {
    let v1 = import("gdelt/v1-daily.tsv", VISITS_ONLY).dataset;
    let Imported { dataset, report } = import("gdelt/v2-15min.CSV", VISITS_ONLY);
    assert!(report.is_clean(), "{report:#?}");
    assert_eq!(dataset.visits.len(), 4);
    assert_eq!(dataset.events.len(), 1);
    // Row 800000005 is row 564160576 laid out as 2.0.
    let v2_visit = visit(&dataset, "800000005");
    let v1_visit = visit(&v1, "564160576");
    assert_eq!(v2_visit.to, v1_visit.to);
    assert_eq!(v2_visit.from, v1_visit.from);
    assert_eq!(v2_visit.extra["goldstein"], v1_visit.extra["goldstein"]);
    let source = dataset.source("gdelt-800000005").unwrap();
    assert_eq!(source.url, v1.source("gdelt-564160576").unwrap().url);
    assert_eq!(source.published.unwrap().to_string(), "2015-02-18");
    assert_eq!(
        country(Some(&visit(&dataset, "800000007").to)),
        Some("FR"),
        "{:?}",
        visit(&dataset, "800000007").to
    );
}

#[test]
fn zipped_exports_read_like_plain_ones() {
    let zipped = temp_path("20150218230000.export.CSV.zip");
    let mut writer = zip::ZipWriter::new(File::create(&zipped).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer
        .start_file("20150218230000.export.CSV", options)
        .unwrap();
    writer
        .write_all(&std::fs::read(fixture("gdelt/v2-15min.CSV")).unwrap())
        .unwrap();
    writer.finish().unwrap();

    assert_eq!(detect(&zipped), Some(Format::Gdelt));
    let from_zip = gdelt::import_files(&[&zipped], VISITS_ONLY).unwrap();
    let plain = import("gdelt/v2-15min.CSV", VISITS_ONLY);
    assert!(from_zip.report.is_clean(), "{:#?}", from_zip.report);
    assert_eq!(from_zip.dataset, plain.dataset);
    let _ = std::fs::remove_file(zipped);
}

#[test]
fn bad_rows_are_counted_by_reason_with_their_lines() {
    let Imported { dataset, report } = import("gdelt/bad-rows.tsv", VISITS_ONLY);
    assert_eq!(dataset.visits.len(), 1, "{report:#?}");
    assert_eq!(report.records, 8, "the blank line is no record");
    for (reason, count) in [
        (reasons::WIDTH, 1),
        (reasons::UTF8, 1),
        (reasons::DATE, 1),
        (reasons::CODE, 1),
    ] {
        assert_eq!(
            report.rejected.get(reason),
            Some(&count),
            "{reason}: {report:#?}"
        );
    }
    for reason in [reasons::HEADER, reasons::DUPLICATE, reasons::NO_LOCATION] {
        assert_eq!(
            report.skipped.get(reason),
            Some(&1),
            "{reason}: {report:#?}"
        );
    }
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    for (line, words) in [
        (2, "10 tab-separated columns"),
        (3, "not UTF-8"),
        (4, "20151340"),
        (5, "`abc`"),
    ] {
        let prefix = format!("bad-rows.tsv:{line}: ");
        assert!(
            problems
                .iter()
                .any(|problem| problem.contains(&prefix) && problem.contains(words)),
            "line {line}: {problems:#?}"
        );
    }
}

#[test]
fn empty_and_missing_files_are_named() {
    let empty = temp_path("empty.tsv");
    File::create(&empty).unwrap();
    let Imported { dataset, report } = gdelt::import_files(&[&empty], VISITS_ONLY).unwrap();
    assert!(dataset.is_empty());
    assert!(matches!(report.problems[..], [ImportError::Empty { .. }]));

    let missing = fixture("gdelt/no-such-file.CSV");
    let error = gdelt::import_files(&[&missing], VISITS_ONLY).unwrap_err();
    assert!(error.to_string().contains("no-such-file.CSV"), "{error}");
    assert!(error.is_unreadable());

    // Among readable files, a missing one is a problem, not the end.
    let Imported { dataset, report } =
        gdelt::import_files(&[missing, fixture("gdelt/v1-daily.tsv")], VISITS_ONLY).unwrap();
    assert_eq!(dataset.visits.len(), 4);
    assert!(report.problems.iter().any(ImportError::is_unreadable));
    let _ = std::fs::remove_file(empty);
}

#[test]
fn detect_tells_exports_apart() {
    assert_eq!(detect(&fixture("gdelt/v1-daily.tsv")), Some(Format::Gdelt));
    assert_eq!(
        detect(&fixture("gdelt/v1-backfile.tsv")),
        Some(Format::Gdelt)
    );
    assert_eq!(detect(&fixture("gdelt/v2-15min.CSV")), Some(Format::Gdelt));
    assert_eq!(detect(&fixture("valid-minimal.json")), None);
}

#[test]
fn the_command_writes_a_dataset_that_check_accepts() {
    let out = temp_path("gdelt.json");
    let output = legation([
        OsStr::new("import"),
        OsStr::new("gdelt"),
        fixture("gdelt/v1-daily.tsv").as_os_str(),
        fixture("gdelt/v1-backfile.tsv").as_os_str(),
        OsStr::new("--events"),
        OsStr::new("-o"),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains(reasons::NO_LOCATION), "{stderr}");

    let output = legation([OsStr::new("check"), OsStr::new("--json"), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["visits"], 7, "{report}");
    assert_eq!(report["places"]["unresolved"], 0, "{report}");
    let _ = std::fs::remove_file(out);

    let output = legation([
        OsStr::new("import"),
        OsStr::new("gdelt"),
        fixture("gdelt/bad-rows.tsv").as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "rejected rows make exit 1");
    let dataset: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(dataset["format"], "legation/1");
}

#[test]
fn states_and_countries_are_not_cities_and_london_is_one_place() {
    let Imported { dataset, report } = import("gdelt/places.tsv", WITH_EVENTS);
    assert!(report.is_clean(), "{report:#?}");
    // Geo type 2 (a US state) and 5 (a province elsewhere, here a meeting
    // held there): GDELT's middle, at region precision.
    let meeting = dataset
        .events
        .iter()
        .find(|event| event.id == "gdelt-564442572")
        .expect("the meeting in North Yorkshire");
    for (place, name) in [
        (&visit(&dataset, "564137418").to, "Arizona, United States"),
        (
            &meeting.place,
            "North Yorkshire, North Yorkshire, United Kingdom",
        ),
    ] {
        assert_eq!(place.place.as_deref(), Some(name));
        assert_eq!(place.precision, Some(PlacePrecision::Region), "{name}");
        assert!(place.coordinates().is_some(), "{name}");
    }
    // Geo type 1: the country alone, drawn as country precision.
    let iraq = &visit(&dataset, "564137588").to;
    assert_eq!(
        (country(Some(iraq)), iraq.place.as_ref()),
        (Some("IQ"), None)
    );

    // With another dataset's London, one place: one point, one route end.
    let theirs = Dataset {
        visits: vec![Visit {
            id: "v1".to_owned(),
            to: PlaceRef::named(CountryCode::parse("GB"), "London"),
            date: "2016-07-28".parse().expect("a date"),
            ..visit(&dataset, "564160576").clone()
        }],
        ..Dataset::default()
    };
    let tables = [
        RecordTable::from_dataset(&dataset),
        RecordTable::from_dataset(&theirs),
    ];
    let scene = Scene::build(&tables, Gazetteer::bundled());
    let londons: std::collections::HashSet<(u64, u64)> = scene
        .routes
        .iter()
        .filter(|route| scene.place_name(route.to.point) == Some("London"))
        .map(|route| (route.to.point.lat.to_bits(), route.to.point.lon.to_bits()))
        .collect();
    assert_eq!(londons.len(), 1, "{londons:?}");
    // The state is drawn as approximate (a hollow ring), not as a city.
    let arizona = &visit(&dataset, "564137418").to;
    let resolved = Gazetteer::bundled().resolve(arizona);
    assert_eq!(resolved.precision, legation::gazetteer::Precision::Region);
}
