//! Importing the Office of the Historian's travels records: field mapping,
//! itineraries, merged duplicates, locale parsing and geocoding, and what
//! happens to broken files.
//!
//! `tests/fixtures/us-travels/` holds real records (public domain) copied
//! from HistoryAtState/travels, one or two of each quirk.

mod run_support;

use std::ffi::OsStr;

use legation::gazetteer::{Gazetteer, Precision};
use legation::import::us_travels::{self, reasons};
use legation::import::{Format, ImportError, Imported, detect};
use legation::model::{Dataset, Visit, validate};
use serde_json::Value;

use run_support::{fixture, legation, temp_path};

fn import() -> Imported {
    us_travels::import_dir(&fixture("us-travels"), Gazetteer::bundled())
        .expect("the fixtures import")
}

/// The visits citing record `id`, in leg order.
fn visits<'d>(dataset: &'d Dataset, id: &str) -> Vec<&'d Visit> {
    let source = format!("us-trip-{id}");
    dataset
        .visits
        .iter()
        .filter(|visit| visit.source.as_ref().is_some_and(|s| s.id == source))
        .collect()
}

/// The one visit of a single-place trip.
fn visit<'d>(dataset: &'d Dataset, id: &str) -> &'d Visit {
    match visits(dataset, id)[..] {
        [visit] => visit,
        ref other => panic!("trip {id}: expected one visit, got {other:#?}"),
    }
}

/// `country place` of where a visit went.
fn to(visit: &Visit) -> String {
    format!(
        "{} {}",
        visit.to.country.map(|c| c.to_string()).unwrap_or_default(),
        visit.to.place.as_deref().unwrap_or("")
    )
}

fn precision(visit: &Visit) -> Precision {
    Gazetteer::bundled().resolve(&visit.to).precision
}

#[test]
fn a_trip_is_a_visit_from_washington_citing_its_remarks() {
    let Imported { dataset, report } = import();
    assert!(report.is_clean(), "{report:#?}");
    let seoul = visit(&dataset, "3993");
    assert_eq!(seoul.id, "us-trip-3993");
    let leader = seoul.leader.as_ref().unwrap();
    assert_eq!(leader.name, "Antony John Blinken");
    assert_eq!(leader.title.as_deref(), Some("Secretary of State"));
    let from = seoul.from.as_ref().unwrap();
    assert_eq!(from.country.unwrap().as_str(), "US");
    assert_eq!(
        Gazetteer::bundled().resolve(from).precision,
        Precision::City,
        "{from:?}"
    );
    assert_eq!(to(seoul), "KR Seoul");
    assert_eq!(seoul.date.to_string(), "2021-03-17/2021-03-18");
    assert!(!seoul.extra.contains_key("trip"));

    let source = dataset.source("us-trip-3993").unwrap();
    assert_eq!(
        source.title.as_deref(),
        Some("Trip of Secretary Blinken to South Korea, 2021-03-17/2021-03-18")
    );
    assert_eq!(
        source.text,
        "Attended a U.S.-ROK Foreign and Defense Ministerial and met with Foreign Minister Chung Eui-yong."
    );
    assert_eq!(
        source.url.as_deref(),
        Some("https://history.state.gov/departmenthistory/travels/secretary/blinken-antony-j")
    );
    assert_eq!(source.publisher.as_deref(), Some(us_travels::PUBLISHER));
    assert_eq!(source.extra["record"], "3993");
    let span = seoul.source.as_ref().unwrap().span.unwrap();
    assert_eq!((span.start, span.end), (0, source.text.len()));
}

#[test]
fn a_one_day_trip_has_a_one_day_date_and_presidents_their_office() {
    let dataset = import().dataset;
    let berlin = visit(&dataset, "2895");
    assert!(berlin.date.is_exact_day(), "{}", berlin.date);
    let leader = berlin.leader.as_ref().unwrap();
    assert_eq!(leader.title.as_deref(), Some("President"));
    let source = dataset.source("us-trip-2895").unwrap();
    assert!(
        source
            .title
            .as_deref()
            .unwrap()
            .starts_with("Trip of President "),
        "{source:?}"
    );
}

#[test]
fn trips_recorded_twice_are_merged() {
    let Imported { dataset, report } = import();
    assert_eq!(
        report.skipped.get(reasons::DUPLICATE),
        Some(&2),
        "{report:#?}"
    );
    assert!(dataset.source("us-trip-4019").is_none());
    assert!(visits(&dataset, "4019").is_empty());
    let tokyo = dataset.source("us-trip-3992").unwrap();
    assert_eq!(tokyo.extra["merged"], serde_json::json!(["4019"]));
    assert_eq!(visits(&dataset, "3992").len(), 1);

    // The second Brussels record corrects the end and says more: both kept.
    let brussels = visit(&dataset, "3994");
    assert_eq!(brussels.date.to_string(), "2021-03-22/2021-03-25");
    let text = &dataset.source("us-trip-3994").unwrap().text;
    assert!(
        text.starts_with("Attended the NATO Foreign Ministerial, met with"),
        "{text}"
    );
    assert!(!text.contains("\n\n"), "{text}");
}

#[test]
fn several_places_become_an_itinerary_of_legs() {
    let dataset = import().dataset;
    let legs = visits(&dataset, "1407");
    let places: Vec<String> = legs.iter().map(|visit| to(visit)).collect();
    assert_eq!(places.len(), 4, "{places:?}");
    assert_eq!(places[0], "FR Paris");
    assert!(places[3].ends_with("Caen"), "{places:?}");
    for (index, leg) in legs.iter().enumerate() {
        assert_eq!(leg.id, format!("us-trip-1407-{}", index + 1));
        assert_eq!(leg.extra["trip"], "us-trip-1407");
        assert_eq!(leg.extra["leg"], index + 1);
        assert_eq!(leg.extra["locale"], "Paris, Colleville, Arromanches, Caen");
        // Each leg starts where the one before ended.
        if index > 0 {
            assert_eq!(leg.from.as_ref(), Some(&legs[index - 1].to));
        }
    }
    assert_eq!(
        legs[0].from.as_ref().unwrap().country.unwrap().as_str(),
        "US"
    );

    let israel: Vec<String> = visits(&dataset, "2489").iter().map(|v| to(v)).collect();
    assert_eq!(israel, ["IL Tel Aviv", "IL Jerusalem"]);

    // A locale wrapped across lines in the XML; the gazetteer does not know
    // Spangdahlem, which stays a named stop in Germany.
    let germany = visits(&dataset, "2614");
    let precisions: Vec<Precision> = germany.iter().map(|leg| precision(leg)).collect();
    assert_eq!(
        precisions,
        [
            Precision::City,
            Precision::City,
            Precision::Country,
            Precision::City,
            Precision::City
        ]
    );
    assert_eq!(to(germany[2]), "DE Spangdahlem Air Force Base");
}

#[test]
fn locales_are_parsed_and_written_under_the_gazetteer_names() {
    let dataset = import().dataset;
    for (id, expected) in [
        ("2552", "CA Halifax"),
        ("2732", "DZ Algiers"),
        ("213", "IN Mumbai"),
        ("2895", "DE Berlin"),
        ("2898", "MX Mexico City"),
        ("2668", "JM Kingston"),
    ] {
        let visit = visit(&dataset, id);
        assert_eq!(to(visit), expected, "trip {id}");
        assert_eq!(precision(visit), Precision::City, "trip {id}");
    }
    for id in ["3415", "2565", "102", "2369"] {
        // Ramstein Air Force Base, Cheju Island, Luxembourg, Singapore.
        assert_eq!(precision(visit(&dataset, id)), Precision::City, "trip {id}");
    }
    assert_eq!(visit(&dataset, "3415").to.country.unwrap().as_str(), "DE");
    assert_eq!(visit(&dataset, "2565").to.country.unwrap().as_str(), "KR");
    assert_eq!(
        visit(&dataset, "3415").extra["locale"],
        "Ramstein Air Force Base"
    );
}

#[test]
fn places_of_former_states_are_found_in_their_successors() {
    let dataset = import().dataset;
    let soviet: Vec<String> = visits(&dataset, "2363").iter().map(|v| to(v)).collect();
    assert_eq!(soviet, ["RU Moscow", "UA Kyiv"]);
    let yugoslav: Vec<String> = visits(&dataset, "1716").iter().map(|v| to(v)).collect();
    assert_eq!(yugoslav, ["RS Belgrade", "HR Zagreb"]);
}

#[test]
fn countries_and_territories_resolve_at_country_level() {
    let dataset = import().dataset;
    for (id, country) in [("2340", "BM"), ("2725", "MT"), ("2681", "BS")] {
        let visit = visit(&dataset, id);
        assert_eq!(visit.to.country.unwrap().as_str(), country, "trip {id}");
        assert_eq!(precision(visit), Precision::Country, "trip {id}");
    }
}

#[test]
fn a_trip_without_locale_to_a_city_state_goes_to_its_capital() {
    let dataset = import().dataset;
    let holy_see = visit(&dataset, "4116");
    assert_eq!(to(holy_see), "VA Vatican City");
    assert_eq!(precision(holy_see), Precision::City);
    assert!(!holy_see.extra.contains_key("locale"));
}

#[test]
fn the_dataset_is_valid_and_every_place_resolves() {
    let dataset = import().dataset;
    assert_eq!(validate(&dataset), vec![]);
    let gazetteer = Gazetteer::bundled();
    for visit in &dataset.visits {
        for place in visit.from.iter().chain([&visit.to]) {
            assert_ne!(
                gazetteer.resolve(place).precision,
                Precision::Unresolved,
                "{}: {place:?}",
                visit.id
            );
        }
    }
}

#[test]
fn broken_files_cost_only_what_is_broken_and_say_where() {
    let Imported { dataset, report } =
        us_travels::import_dir(&fixture("us-travels-broken"), Gazetteer::bundled()).unwrap();
    assert_eq!(dataset.sources.len(), 1, "{dataset:#?}");
    assert_eq!(dataset.visits[0].id, "us-trip-3");
    assert_eq!(report.rejected.get(reasons::DATE), Some(&1));
    assert_eq!(report.rejected.get(reasons::COUNTRY), Some(&1));
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    let has = |prefix: &str, words: &str| {
        problems
            .iter()
            .any(|problem| problem.contains(prefix) && problem.contains(words))
    };
    assert!(has("empty.xml: ", "empty"), "{problems:#?}");
    assert!(has("trips.xml:3: ", "1990-13-01"), "{problems:#?}");
    assert!(has("trips.xml:13: ", "atlantis"), "{problems:#?}");
    assert!(has("trips.xml:36: ", "malformed XML"), "{problems:#?}");
}

#[test]
fn a_directory_without_trips_is_an_error_that_says_what_to_do() {
    let error = us_travels::import_dir(&fixture("gdelt"), Gazetteer::bundled()).unwrap_err();
    assert!(matches!(error, ImportError::NotThisFormat { .. }));
    assert!(
        error.to_string().contains("HistoryAtState/travels"),
        "{error}"
    );
    let error = us_travels::import_dir(&fixture("no-such-dir"), Gazetteer::bundled()).unwrap_err();
    assert!(error.is_unreadable(), "{error}");
}

#[test]
fn detect_tells_trips_apart() {
    assert_eq!(detect(&fixture("us-travels")), Some(Format::UsTravels));
    assert_eq!(
        detect(&fixture(
            "us-travels/secretary-travels/blinken-antony-j.xml"
        )),
        Some(Format::UsTravels)
    );
    assert_eq!(detect(&fixture("valid-minimal.json")), None);
    assert_eq!(detect(&fixture("no-such-file.xml")), None);
}

#[test]
fn the_command_writes_a_dataset_that_check_accepts() {
    let out = temp_path("us-travels.json");
    let output = legation([
        OsStr::new("import"),
        OsStr::new("us-travels"),
        fixture("us-travels").as_os_str(),
        OsStr::new("-o"),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("merged 2 records"), "{stderr}");

    let output = legation([OsStr::new("check"), OsStr::new("--json"), out.as_os_str()]);
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["places"]["unresolved"], 0, "{report}");
    assert!(report["visits"].as_u64().unwrap() >= 25, "{report}");
    let _ = std::fs::remove_file(out);
}
