//! The `legation/1` format as users rely on it: files load, save and load
//! again unchanged, unknown fields survive, and every kind of mistake in a
//! file is reported at its JSON path while the sound records still load.

use std::path::{Path, PathBuf};

use legation::model::{EventKind, Loaded, ParseError, Precision, load_dataset, parse_dataset};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn load(name: &str) -> Loaded {
    load_dataset(&fixture(name)).unwrap_or_else(|err| panic!("{name}: {err}"))
}

/// The problems of an invalid fixture, as `path: message` lines.
fn problems(name: &str) -> Vec<String> {
    load(&format!("invalid/{name}.json"))
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Asserts that exactly one problem was found, at `path`, mentioning `words`.
fn assert_single_problem(name: &str, path: &str, words: &str) {
    let found = problems(name);
    assert_eq!(found.len(), 1, "{name}: {found:#?}");
    assert!(
        found[0].starts_with(&format!("{path}: ")) && found[0].contains(words),
        "{name}: expected a problem at {path} mentioning {words:?}, got {found:#?}"
    );
}

#[test]
fn the_bundled_dataset_is_valid() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shoigu-pyongyang.json");
    let loaded = load_dataset(&path).unwrap();
    assert_eq!(loaded.problems, vec![]);
    assert!(loaded.dataset.visits.len() >= 2);
    assert!(loaded.dataset.events.len() >= 5);
}

#[test]
fn every_cited_span_of_the_bundled_dataset_is_a_sentence_of_its_source() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shoigu-pyongyang.json");
    let dataset = load_dataset(&path).unwrap().dataset;
    for citation in dataset.citations() {
        let text = &dataset.source(&citation.id).unwrap().text;
        let cited = citation.span.unwrap().slice(text).unwrap();
        assert!(cited.starts_with(char::is_uppercase), "{cited:?}");
        assert!(cited.ends_with(['.', '”']), "{cited:?}");
    }
}

#[test]
fn saving_and_loading_again_changes_nothing() {
    for name in ["valid-minimal.json", "unknown-fields.json"] {
        let first = load(name);
        assert_eq!(first.problems, vec![], "{name}");
        let saved = first.dataset.to_json_pretty();
        let second = parse_dataset(saved.as_bytes()).unwrap();
        assert_eq!(second.problems, vec![], "{name}");
        assert_eq!(second.dataset, first.dataset, "{name}");
        assert_eq!(
            second.dataset.to_json_pretty(),
            saved,
            "{name}: saving is not stable"
        );
    }
}

#[test]
fn saving_writes_back_the_json_it_read() {
    // Same document, whatever the formatting: compare as JSON values.
    for name in ["valid-minimal.json", "unknown-fields.json"] {
        let original: serde_json::Value =
            serde_json::from_slice(&std::fs::read(fixture(name)).unwrap()).unwrap();
        let saved: serde_json::Value =
            serde_json::from_str(&load(name).dataset.to_json_pretty()).unwrap();
        assert_eq!(saved, original, "{name}");
    }
}

#[test]
fn unknown_fields_are_kept_at_every_level() {
    let dataset = load("unknown-fields.json").dataset;
    assert_eq!(dataset.extra["x-project"]["owner"], "desk 4");
    assert_eq!(dataset.sources[0].extra["x-language"], "en");
    let visit = &dataset.visits[0];
    assert_eq!(visit.extra["x-confidence"], 0.8);
    assert_eq!(
        visit.leader.as_ref().unwrap().extra["x-wikidata"],
        "Q312749"
    );
    assert_eq!(visit.to.extra["x-note"], "airport");
    assert_eq!(visit.source.as_ref().unwrap().extra["x-checked-by"], "rk");
    assert!(dataset.events[0].extra["x-casualties"].is_null());
}

#[test]
fn dates_keep_their_precision() {
    let dataset = load("valid-minimal.json").dataset;
    assert_eq!(dataset.visits[0].date.precision(), Precision::Day);
    assert_eq!(dataset.events[0].kind, EventKind::Parade);
}

#[test]
fn reports_an_unknown_country_code() {
    assert_single_problem(
        "unknown-country",
        "$.visits[0].to.country",
        "`ZZ` is not an ISO 3166-1",
    );
}

#[test]
fn reports_latitude_and_longitude_out_of_range() {
    assert_single_problem(
        "latitude-out-of-range",
        "$.events[0].place.lat",
        "between -90 and 90",
    );
    assert_single_problem(
        "longitude-out-of-range",
        "$.visits[0].to.lon",
        "between -180 and 180",
    );
}

#[test]
fn reports_a_place_precision_it_does_not_know() {
    assert_single_problem(
        "unknown-place-precision",
        "$.visits[0].to.precision",
        "`street` is not a precision: write city, region or country",
    );
}

#[test]
fn reports_a_view_whose_edges_are_out_of_order() {
    assert_single_problem(
        "view-upside-down",
        "$.view",
        "the south edge (40) is not below the north edge (30)",
    );
}

#[test]
fn the_bundled_story_names_the_part_of_the_world_it_is_about() {
    let loaded = legation::model::load_dataset(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shoigu-pyongyang.json"),
    )
    .expect("the bundled story loads");
    let view = loaded.dataset.view.expect("the story names its view");
    // Moscow, Beijing, Pyongyang and Seoul are inside it.
    for (lat, lon) in [
        (55.75, 37.62),
        (39.91, 116.40),
        (39.03, 125.75),
        (37.57, 126.98),
    ] {
        assert!(
            (view.west..=view.east).contains(&lon) && (view.south..=view.north).contains(&lat),
            "{lat}, {lon} outside {view:?}"
        );
    }
}

#[test]
fn reports_spans_off_the_text_or_inside_a_character() {
    assert_single_problem(
        "span-off-text",
        "$.visits[0].source.span",
        "past the end of the source text",
    );
    assert_single_problem(
        "span-off-char-boundary",
        "$.events[0].source.span",
        "inside a UTF-8 character",
    );
}

#[test]
fn reports_reversed_intervals_and_impossible_dates() {
    assert_single_problem(
        "reversed-interval",
        "$.visits[0].date",
        "ends before it starts",
    );
    assert_single_problem("impossible-date", "$.events[0].date", "only 28 days");
}

#[test]
fn reports_duplicate_ids_and_missing_sources() {
    assert_single_problem(
        "duplicate-ids",
        "$.visits[1].id",
        "already used by $.visits[0]",
    );
    assert_single_problem(
        "missing-source",
        "$.events[0].source.id",
        "`no-such-source`",
    );
}

#[test]
fn reports_wrong_types_each_at_its_path() {
    let found = problems("wrong-types");
    let paths: Vec<&str> = found
        .iter()
        .map(|p| p.split(": ").next().unwrap())
        .collect();
    assert_eq!(
        paths,
        [
            "$.visits[0].leader",
            "$.events[0].title",
            "$.events[0].actors"
        ],
        "{found:#?}"
    );
    assert!(found.iter().all(|p| p.contains("expected")), "{found:#?}");
    // The records themselves still load, less the bad fields.
    let dataset = load("invalid/wrong-types.json").dataset;
    assert_eq!(dataset.visits.len(), 1);
    assert!(dataset.visits[0].leader.is_none());
    assert_eq!(dataset.events.len(), 1);
}

#[test]
fn finds_every_problem_in_a_file_and_keeps_the_sound_records() {
    let loaded = load("invalid/several-problems.json");
    let found: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    for expected in [
        "$.visits[0].to.country: `ZZ`",
        "$.visits[1].to.lat: 120 is out of range",
        "$.visits[1].date: `2023-13-01`: the month",
        "$.events[0].kind: `picnic` is not an event kind",
        "$.events[1].id: the id `e1` is already used by $.events[0]",
        "$.events[1].source.id: cites the source `s9`",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "missing {expected:?} in {found:#?}"
        );
    }
    // v2 has no usable place or date and is dropped; v1 and v3 load.
    let ids: Vec<&str> = loaded
        .dataset
        .visits
        .iter()
        .map(|v| v.id.as_str())
        .collect();
    assert_eq!(ids, ["v1", "v3"]);
    assert_eq!(loaded.dataset.events.len(), 2);
    assert_eq!(loaded.dataset.events[0].kind, EventKind::Other);
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let err = load_dataset(&fixture("invalid/truncated.json")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("invalid/truncated.json:"), "{message}");
    let legation::model::LoadError::Parse {
        source: ParseError::Syntax { line, column, .. },
        ..
    } = err
    else {
        panic!("expected a syntax error, got {message}");
    };
    assert!(line > 10 && column >= 1, "{line}:{column}");
}

#[test]
fn a_document_that_is_not_an_object_is_refused_clearly() {
    let err = parse_dataset(b"[1, 2, 3]").unwrap_err();
    assert!(
        matches!(err, ParseError::NotAnObject { found: "an array" }),
        "{err}"
    );
}

#[test]
fn an_unreadable_file_is_named() {
    let err = load_dataset(Path::new("/no/such/dir/data.json")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/no/such/dir/data.json: cannot read"),
        "{err}"
    );
}

#[test]
fn a_dataset_may_name_the_window_it_opens_on() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/shoigu-pyongyang.json");
    let dataset = load_dataset(&path).unwrap().dataset;
    assert_eq!(dataset.window.unwrap().to_string(), "2023-07");
    let bad = parse_dataset(br#"{"format": "legation/1", "window": "July"}"#).unwrap();
    assert_eq!(bad.problems.len(), 1);
    assert_eq!(bad.problems[0].path, "$.window");
}
