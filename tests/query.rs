//! `legation query` as scripts use it, checked against counts made here
//! from the JSON itself: the same language as the app's search box.

mod run_support;

use run_support::{legation, stderr, stdout};
use serde_json::Value;

fn dataset(path: &str) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("the dataset reads")).expect("it is JSON")
}

/// The records `query` finds in `file`, as a `legation/1` document.
fn query(query: &str, file: &str) -> Value {
    let output = legation(["query", "--json", "--query", query, file]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{query}: {}",
        stderr(&output)
    );
    serde_json::from_str(&stdout(&output)).expect("--json prints a dataset")
}

fn ids(records: &Value) -> Vec<String> {
    records
        .as_array()
        .expect("records are a list")
        .iter()
        .map(|record| record["id"].as_str().expect("records have ids").to_owned())
        .collect()
}

/// The visits of `file` for which `keep` holds, by id.
fn visits_where(file: &str, keep: impl Fn(&Value) -> bool) -> Vec<String> {
    let all = dataset(file);
    let kept: Vec<Value> = all["visits"]
        .as_array()
        .expect("the dataset has visits")
        .iter()
        .filter(|visit| keep(visit))
        .cloned()
        .collect();
    ids(&Value::Array(kept))
}

#[test]
fn finds_exactly_blinkens_visits_to_china_in_the_record() {
    let found = query("to:CN person:Blinken", "data/us-travels.json");
    let expected = visits_where("data/us-travels.json", |visit| {
        visit["to"]["country"] == "CN"
            && visit["leader"]["name"]
                .as_str()
                .is_some_and(|name| name.contains("Blinken"))
    });
    assert!(!expected.is_empty());
    assert_eq!(ids(&found["visits"]), expected);
    assert_eq!(found["events"], Value::Array(Vec::new()));
    // Every cited source comes along, and nothing else.
    let cited: Vec<&str> = found["visits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|visit| visit["source"]["id"].as_str().unwrap())
        .collect();
    for source in found["sources"].as_array().unwrap() {
        assert!(cited.contains(&source["id"].as_str().unwrap()));
    }
}

#[test]
fn counts_secretaries_of_state_in_china_and_everyone_else_with_negation() {
    let secretaries = query(r#"to:China "secretary of state""#, "data/us-travels.json");
    let expected = visits_where("data/us-travels.json", |visit| {
        visit["to"]["country"] == "CN" && visit["leader"]["title"] == "Secretary of State"
    });
    assert_eq!(ids(&secretaries["visits"]), expected);
    let others = query(r#"to:CN -"secretary of state""#, "data/us-travels.json");
    let all_china = visits_where("data/us-travels.json", |visit| {
        visit["to"]["country"] == "CN"
    });
    assert_eq!(
        secretaries["visits"].as_array().unwrap().len()
            + others["visits"].as_array().unwrap().len(),
        all_china.len()
    );
    let either = query("to:CN,JP", "data/us-travels.json");
    let expected = visits_where("data/us-travels.json", |visit| {
        visit["to"]["country"] == "CN" || visit["to"]["country"] == "JP"
    });
    assert_eq!(ids(&either["visits"]), expected, "commas are OR");
}

#[test]
fn finds_the_two_missile_launches_and_a_phrase_in_the_cited_passages() {
    let launches = query("kind:missile_launch", "data/shoigu-pyongyang.json");
    assert_eq!(launches["visits"], Value::Array(Vec::new()));
    assert_eq!(launches["events"].as_array().map(Vec::len), Some(2));
    assert!(
        launches["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|event| event["kind"] == "missile_launch")
    );
    let phrase = query(
        r#""victory day" at:Pyongyang"#,
        "data/shoigu-pyongyang.json",
    );
    let all = dataset("data/shoigu-pyongyang.json");
    let text = all["sources"][0]["text"].as_str().unwrap();
    for record in phrase["visits"]
        .as_array()
        .unwrap()
        .iter()
        .chain(phrase["events"].as_array().unwrap())
    {
        let span = &record["source"]["span"];
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let cited = text[start..end].to_lowercase();
        let said = record.to_string().to_lowercase();
        assert!(
            cited.contains("victory day") || said.contains("victory day"),
            "{record}"
        );
    }
    assert!(!phrase["events"].as_array().unwrap().is_empty());
}

#[test]
fn a_wrong_query_exits_1_naming_the_word() {
    let output = legation(["query", "--query", "form:RU", "data/shoigu-pyongyang.json"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("unknown field `form`: did you mean `from`?"),
        "{message}"
    );
    assert!(stdout(&output).is_empty());
    let output = legation([
        "query",
        "--query",
        "kind:paradise",
        "data/shoigu-pyongyang.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("`kind:paradise`: not one of visit, meeting"));
}

#[test]
fn csv_rows_are_the_matching_records_and_a_window_narrows_them() {
    let output = legation([
        "query",
        "--csv",
        "--query",
        "to:JP",
        "--window",
        "2023",
        "data/us-travels.json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|known| known == name).unwrap();
    let (kind, to_country) = (column("type"), column("to_country"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let expected = visits_where("data/us-travels.json", |visit| {
        let date = visit["date"].as_str().unwrap();
        visit["to"]["country"] == "JP" && (date.starts_with("2023") || date.contains("/2023"))
    });
    assert_eq!(rows.len(), expected.len());
    assert!(
        rows.iter()
            .all(|row| &row[kind] == "visit" && &row[to_country] == "JP")
    );
    assert!(stderr(&output).contains(&format!("{} of 4944 visits", expected.len())));
}
