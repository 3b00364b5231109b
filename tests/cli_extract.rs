//! `legation extract` as scripts use it: one valid dataset on stdout that
//! `legation check` accepts, notes on stderr, exit 0 even when nothing is
//! found, and a clear error naming a file that cannot be read.

mod run_support;

use std::path::Path;

use legation::model::{parse_dataset, validate};
use run_support::{legation, stderr, stdout, temp_path};
use serde_json::Value;

const SEED: &str = "data/articles/2023-07-25-shoigu-pyongyang.txt";

#[test]
fn extracts_the_seed_article_into_a_valid_dataset() {
    let output = legation(["extract", SEED]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json = stdout(&output);
    let loaded = parse_dataset(json.as_bytes()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(validate(&loaded.dataset).is_empty());
    let dataset = &loaded.dataset;
    assert_eq!(dataset.sources.len(), 1);
    let source = &dataset.sources[0];
    assert_eq!(source.id, "2023-07-25-shoigu-pyongyang");
    assert_eq!(
        source.title.as_deref(),
        Some("Russia’s Shoigu to join Chinese officials in North Korea visit")
    );
    assert_eq!(source.published.unwrap().to_string(), "2023-07-25");
    // The whole text is kept, so that spans point into it.
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap();
    assert_eq!(source.text, text);
    assert_eq!(dataset.visits.len(), 2);
    assert!(dataset.events.len() >= 6);
    // stderr says where the publication date came from.
    assert!(stderr(&output).contains("publication date 2023-07-25"));
}

/// A dataset's visits and events without their ids, spans and provenance
/// (the page has no photo captions to count as mentions): what a page and
/// its text must both give.
fn records(json: &Value) -> (Vec<String>, Vec<String>) {
    let strip = |records: &Value| -> Vec<String> {
        records
            .as_array()
            .expect("a list of records")
            .iter()
            .map(|record| {
                let mut record = record.clone();
                let object = record.as_object_mut().expect("a record object");
                object.remove("id");
                object.remove("source");
                object.remove("provenance");
                record.to_string()
            })
            .collect()
    };
    (strip(&json["visits"]), strip(&json["events"]))
}

#[test]
fn the_seed_article_saved_as_a_web_page_gives_the_same_records() {
    let page = legation(["extract", "data/articles/2023-07-25-shoigu-pyongyang.html"]);
    assert_eq!(page.status.code(), Some(0), "{}", stderr(&page));
    let text = legation(["extract", SEED]);
    let (page_json, text_json): (Value, Value) = (
        serde_json::from_str(&stdout(&page)).unwrap(),
        serde_json::from_str(&stdout(&text)).unwrap(),
    );
    let (visits, events) = records(&page_json);
    assert_eq!((visits.len(), events.len()), (2, 7));
    assert_eq!(records(&page_json), records(&text_json));
    let source = &page_json["sources"][0];
    assert_eq!(source["publisher"], "Al Jazeera");
    assert_eq!(source["published"], "2023-07-25");
    assert!(
        source["url"]
            .as_str()
            .unwrap()
            .starts_with("https://www.aljazeera.com/news/2023/7/25/")
    );
    assert!(
        stderr(&page).contains("publication date 2023-07-25 from the page's meta tags"),
        "{}",
        stderr(&page)
    );
    // The cited spans index into the cleaned text, which holds no page furniture.
    let cleaned = source["text"].as_str().unwrap();
    assert!(
        !cleaned.contains("Accept all") && !cleaned.contains("Most Read"),
        "{cleaned}"
    );
    for visit in page_json["visits"].as_array().unwrap() {
        let span = &visit["source"]["span"];
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert!(
            cleaned[start..end].contains("Shoigu") || cleaned[start..end].contains("delegation"),
            "{}",
            &cleaned[start..end]
        );
    }
}

#[test]
fn every_extracted_record_says_why_and_how_sure() {
    let output = legation(["extract", SEED, "tests/fixtures/articles/putin-hanoi.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let mut confidences = Vec::new();
    for record in json["visits"]
        .as_array()
        .unwrap()
        .iter()
        .chain(json["events"].as_array().unwrap())
    {
        let provenance = &record["provenance"];
        assert_eq!(provenance["by"], "extract", "{record}");
        assert!(
            provenance["version"]
                .as_str()
                .unwrap()
                .starts_with("legation ")
        );
        let because = provenance["because"].as_str().unwrap();
        assert!(
            because.contains(": '"),
            "a rule and the words it fired on: {because}"
        );
        confidences.push(provenance["confidence"].as_str().unwrap().to_owned());
    }
    assert!(
        confidences
            .iter()
            .all(|c| ["high", "medium", "low"].contains(&c.as_str()))
    );
    // Putin's visit of July 2000 is background in a 2024 article: checked first.
    let background = json["visits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|visit| visit["date"] == "2000-07")
        .expect("the 2000 visit");
    assert_eq!(background["provenance"]["confidence"], "low");
    assert!(
        background["provenance"]["because"]
            .as_str()
            .unwrap()
            .contains("background")
    );
    let arrival = &json["visits"][0]["provenance"];
    assert_eq!(arrival["confidence"], "high");
    assert!(
        arrival["because"]
            .as_str()
            .unwrap()
            .starts_with("arrival verb: 'The delegation arrived in Pyongyang"),
        "{arrival}"
    );
}

#[test]
fn check_accepts_what_extract_writes() {
    let output = legation(["extract", SEED]);
    let out = temp_path("extracted.json");
    std::fs::write(&out, stdout(&output)).unwrap();
    let checked = legation(["check", out.to_str().unwrap()]);
    assert_eq!(
        checked.status.code(),
        Some(0),
        "{}{}",
        stdout(&checked),
        stderr(&checked)
    );
}

#[test]
fn options_set_date_title_and_url() {
    let output = legation([
        "extract",
        "--date",
        "2023-07-26",
        "--title",
        "Shoigu in Pyongyang",
        "--url",
        "https://example.org/a",
        SEED,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let source = &json["sources"][0];
    assert_eq!(source["title"], "Shoigu in Pyongyang");
    assert_eq!(source["url"], "https://example.org/a");
    assert_eq!(source["published"], "2023-07-26");
    // "on Tuesday" now looks back from Wednesday 26 July.
    assert_eq!(json["visits"][0]["date"], "2023-07-25");
    assert!(stderr(&output).contains("as given"));
}

#[test]
fn several_articles_make_one_dataset() {
    let output = legation(["extract", SEED, "tests/fixtures/articles/putin-hanoi.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let loaded = parse_dataset(&output.stdout).unwrap();
    assert_eq!(loaded.dataset.sources.len(), 2);
    assert!(validate(&loaded.dataset).is_empty());
}

#[test]
fn an_article_without_visits_still_exits_zero() {
    let output = legation(["extract", "tests/fixtures/articles/seoul-missiles.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["visits"].as_array().unwrap().len(), 0);
    assert_eq!(json["format"], "legation/1");
}

#[test]
fn an_unreadable_article_is_named_and_exits_two() {
    let output = legation(["extract", SEED, "no/such/article.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/article.txt"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn a_bad_date_is_refused_with_a_hint() {
    let output = legation(["extract", "--date", "2023-13-01", SEED]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("2023-13-01"),
        "{}",
        stderr(&output)
    );
}
