//! The `legation` command as scripts use it: exit codes, what it prints, and
//! that bad input is named, never a panic.

mod run_support;

use run_support::{legation, stderr, stdout, temp_path};
use serde_json::Value;

/// A fixture as the command line names it, relative to the source tree.
fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

#[test]
fn check_accepts_the_bundled_data() {
    let output = legation(["check", "data/shoigu-pyongyang.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("data/shoigu-pyongyang.json: ok"));
}

#[test]
fn check_json_counts_records_and_place_precision() {
    let output = legation(["check", "--json", "data/shoigu-pyongyang.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(report["file"], "data/shoigu-pyongyang.json");
    assert!(report["visits"].as_u64().unwrap() >= 2);
    assert!(report["events"].as_u64().unwrap() >= 5);
    assert_eq!(report["sources"], 1);
    // Moscow, Beijing and Pyongyang are cities; events placed by country only are not.
    let places = &report["places"];
    assert!(places["city"].as_u64().unwrap() >= 4, "{places}");
    assert!(places["country"].as_u64().unwrap() >= 1, "{places}");
    assert_eq!(places["unresolved"], 0);
    assert_eq!(report["problems"], serde_json::json!([]));
}

#[test]
fn check_warns_of_coordinates_far_from_the_city_they_name_and_still_accepts_the_file() {
    let file = fixture("sign-flipped.json");
    let output = legation(["check", &file]);
    assert_eq!(output.status.code(), Some(0), "a warning is no problem");
    let warning = stderr(&output);
    assert!(
        warning.contains("$.visits[0].to: warning: `Pyongyang` at 39.03, -125.75 is")
            && warning.contains("a minus sign lost?"),
        "{warning}"
    );
    let output = legation(["check", "--json", &file]);
    let report: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(report["warnings"][0]["path"], "$.visits[0].to");
    // The bundled data has none.
    let output = legation(["check", "--json", "data/us-travels.json"]);
    let report: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(report["warnings"], serde_json::json!([]));
}

#[test]
fn check_json_counts_who_made_the_records_and_what_people_did_to_them() {
    let output = legation([
        "check",
        "--json",
        "data/shoigu-pyongyang.json",
        "data/us-travels.json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reports: Vec<Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let story = &reports[0];
    let records = story["visits"].as_u64().unwrap() + story["events"].as_u64().unwrap();
    let provenance = &story["provenance"];
    assert_eq!(provenance["hand"].as_u64(), Some(records), "{provenance}");
    assert_eq!(
        provenance["reviewed"].as_u64(),
        Some(records),
        "{provenance}"
    );
    assert_eq!(provenance["unknown"], 0);
    let travels = &reports[1]["provenance"];
    assert_eq!(travels["import"], reports[1]["visits"], "{travels}");

    let extracted = temp_path("extracted-provenance.json");
    let output = legation(["extract", "data/articles/2023-07-25-shoigu-pyongyang.txt"]);
    std::fs::write(&extracted, &output.stdout).unwrap();
    let output = legation(["check", "--json", extracted.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let report: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    let provenance = &report["provenance"];
    let records = report["visits"].as_u64().unwrap() + report["events"].as_u64().unwrap();
    assert_eq!(
        provenance["extract"].as_u64(),
        Some(records),
        "{provenance}"
    );
    let rated: u64 = ["low", "medium", "high"]
        .iter()
        .map(|level| provenance[level].as_u64().unwrap())
        .sum();
    assert_eq!(
        rated, records,
        "every extracted record says how sure: {provenance}"
    );
}

#[test]
fn check_lists_each_problem_with_file_and_path() {
    let file = fixture("invalid/several-problems.json");
    let output = legation(["check", &file]);
    assert_eq!(output.status.code(), Some(1));
    let printed = stdout(&output);
    assert!(
        printed.contains(&format!("{file}: $.visits[0].to.country: `ZZ`")),
        "{printed}"
    );
    assert!(printed.lines().count() >= 6, "{printed}");
}

#[test]
fn check_names_the_file_and_line_of_a_syntax_error() {
    let file = fixture("invalid/truncated.json");
    let output = legation(["check", &file]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains(&format!("{file}:")), "{message}");
    assert!(message.contains("not valid JSON"), "{message}");

    let output = legation(["check", "--json", &file]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert!(report["problems"][0]["line"].as_u64().unwrap() > 1);
}

#[test]
fn check_exits_2_for_a_file_it_cannot_read_and_goes_on_with_the_others() {
    let output = legation(["check", "no-such-file.json", "data/shoigu-pyongyang.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no-such-file.json: cannot read"));
    assert!(stdout(&output).contains("data/shoigu-pyongyang.json: ok"));
}

#[test]
fn check_survives_binary_garbage() {
    let garbage = temp_path("garbage.json");
    std::fs::write(&garbage, [0xff, 0x00, 0xfe, b'{', 0x80]).unwrap();
    let output = legation(["check", garbage.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("garbage.json:1:"));
}

fn geocode(args: &[&str]) -> Value {
    let mut all = vec!["geocode", "--json"];
    all.extend_from_slice(args);
    let output = legation(&all);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    serde_json::from_str(stdout(&output).trim()).expect("geocode --json prints JSON")
}

#[test]
fn geocode_finds_capitals_with_their_coordinates() {
    let pyongyang = geocode(&["Pyongyang"]);
    assert_eq!(pyongyang["country"], "KP");
    assert_eq!(pyongyang["kind"], "capital");
    assert!((pyongyang["lat"].as_f64().unwrap() - 39.03).abs() < 0.01);
    assert!((pyongyang["lon"].as_f64().unwrap() - 125.75).abs() < 0.01);
    for (name, country) in [
        ("Moscow", "RU"),
        ("Beijing", "CN"),
        ("Seoul", "KR"),
        ("Washington", "US"),
        ("Tokyo", "JP"),
        ("Kyiv", "UA"),
        ("Hanoi", "VN"),
    ] {
        let found = geocode(&[name]);
        assert_eq!(found["country"], country, "{name}");
        assert_eq!(found["kind"], "capital", "{name}");
    }
    let vladivostok = geocode(&["Vladivostok"]);
    assert_eq!(
        (
            vladivostok["country"].as_str(),
            vladivostok["kind"].as_str()
        ),
        (Some("RU"), Some("city"))
    );
}

#[test]
fn geocode_narrows_by_country_and_lists_all() {
    let paris_texas = geocode(&["--country", "US", "Paris"]);
    assert_eq!(paris_texas["country"], "US");
    let all = geocode(&["--all", "Paris"]);
    let all = all.as_array().unwrap();
    assert!(all.len() > 1);
    assert_eq!(all[0]["country"], "FR");
}

#[test]
fn geocode_says_when_nothing_is_found() {
    let output = legation(["geocode", "Xqzzyville"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no place named `Xqzzyville`"));
    let output = legation(["geocode", "--country", "QQ", "Paris"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "clap rejects a bad --country"
    );
}
