//! The extractor on whole articles, as users run it: every expected visit
//! is found, nothing else is, the output validates, and the seed article
//! gives the events of the hand-made dataset.
//!
//! Each `tests/fixtures/articles/NAME.txt` has a `NAME.expected.json` beside
//! it: `{"published", "required": [...], "optional": [...]}`, each visit as
//! `{"who", "from", "to", "date"}`; `tests/fixtures/eval/` holds the
//! development articles with their `gold.json` in the same form. A visit
//! matches when `who` is part of the leader's name, the countries agree
//! (`from` may list several), and the date fits: a gold day within a day,
//! a gold month or year anywhere in it, `null` any date. Optional visits
//! may be found or not.

use std::path::{Path, PathBuf};

use legation::extract::{ArticleOptions, Extraction, extract_article, merge};
use legation::gazetteer::Gazetteer;
use legation::model::{Day, EventKind, FuzzyDate, Precision, Visit, validate};
use serde_json::Value;

fn fixtures(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder)
}

/// The articles (`.txt`) of a fixture folder, in name order.
fn articles_in(folder: &str) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(fixtures(folder))
        .expect("the fixture folder is there")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
}

fn extract(path: &Path) -> Extraction {
    let text = std::fs::read_to_string(path).expect("a readable article");
    let options = ArticleOptions {
        id: Some("article".to_owned()),
        ..ArticleOptions::default()
    };
    extract_article(&text, &options, Gazetteer::bundled())
}

/// Whether a gold date fits a found one.
fn date_fits(gold: &Value, found: &FuzzyDate) -> bool {
    let Some(gold) = gold.as_str() else {
        return true;
    };
    let gold: FuzzyDate = gold.parse().expect("a gold date");
    let start = found.start().first_day();
    match gold.precision() {
        Precision::Day => {
            found.start().precision() == Precision::Day && (start.0 - gold.first_day().0).abs() <= 1
        }
        Precision::Month | Precision::Year => gold.first_day() <= start && start <= gold.last_day(),
    }
}

fn matches(gold: &Value, visit: &Visit) -> bool {
    let leader = visit
        .leader
        .as_ref()
        .map(|p| p.name.to_lowercase())
        .unwrap_or_default();
    let who = gold["who"].as_str().expect("a gold `who`").to_lowercase();
    let from = visit
        .from
        .as_ref()
        .and_then(|p| p.country)
        .map(|c| c.to_string())
        .unwrap_or_default();
    let to = visit.to.country.map(|c| c.to_string()).unwrap_or_default();
    let froms: Vec<&str> = match &gold["from"] {
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        other => other.as_str().into_iter().collect(),
    };
    leader.contains(&who)
        && froms.contains(&from.as_str())
        && gold["to"].as_str() == Some(to.as_str())
        && date_fits(&gold["date"], &visit.date)
}

fn describe(visit: &Visit) -> String {
    format!(
        "{} {}->{} {}",
        visit.leader.as_ref().map_or("?", |p| p.name.as_str()),
        visit
            .from
            .as_ref()
            .and_then(|p| p.country)
            .map_or("?".to_owned(), |c| c.to_string()),
        visit.to.country.map_or("?".to_owned(), |c| c.to_string()),
        visit.date
    )
}

/// Every problem of one article against its expectations.
fn check(name: &str, extraction: &Extraction, expected: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(published) = expected["published"].as_str() {
        let found = extraction.source.published.map(|d| d.to_string());
        if found.as_deref() != Some(published) {
            problems.push(format!("{name}: published {found:?}, expected {published}"));
        }
    }
    let mut left: Vec<&Visit> = extraction.visits.iter().collect();
    let required = expected["required"].as_array().expect("a `required` list");
    for want in required {
        match left.iter().position(|visit| matches(want, visit)) {
            Some(index) => {
                left.remove(index);
            }
            None => problems.push(format!("{name}: missed {want}")),
        }
    }
    let optional = expected["optional"].as_array().expect("an `optional` list");
    for visit in left {
        if !optional.iter().any(|want| matches(want, visit)) {
            problems.push(format!("{name}: unexpected {}", describe(visit)));
        }
    }
    let dataset = merge([extraction.clone()]);
    for problem in validate(&dataset) {
        problems.push(format!("{name}: invalid: {problem}"));
    }
    problems
}

#[test]
fn fixture_articles_give_their_expected_visits_and_no_others() {
    let names = articles_in("articles");
    assert!(names.len() >= 5, "too few fixture articles");
    let mut problems = Vec::new();
    for path in &names {
        let expected_path = path.with_extension("expected.json");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        problems.extend(check(&name, &extract(path), &expected));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn development_articles_give_their_gold_visits() {
    let folder = fixtures("eval");
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(folder.join("gold.json")).unwrap()).unwrap();
    let mut problems = Vec::new();
    for (name, expected) in gold.as_object().unwrap() {
        problems.extend(check(name, &extract(&folder.join(name)), expected));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The events of the bundled article, as `kind place date`.
#[test]
fn the_seed_article_gives_the_hand_made_events() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/2023-07-25-shoigu-pyongyang.txt");
    let extraction = extract(&path);
    let found: Vec<String> = extraction
        .events
        .iter()
        .map(|event| {
            format!(
                "{} {}/{} {}",
                event.kind.as_str(),
                event
                    .place
                    .country
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                event.place.place.as_deref().unwrap_or("-"),
                event.date
            )
        })
        .collect();
    for expected in [
        "ceremony KP/Pyongyang 2023-07-27",
        "parade KP/Pyongyang 2023-07-27",
        "missile_launch KP/- 2023-07-17/2023-07-25",
        "deployment KR/- 2023-07",
        "missile_launch KP/- 2022/2023-07-25",
        "statement CN/Beijing 2023-07-24",
        "statement CN/Beijing 2023-07",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "missing {expected} in {found:#?}"
        );
    }
    // The G7 letter names the Group of Seven's members as actors.
    let letter = extraction
        .events
        .iter()
        .find(|e| e.kind == EventKind::Statement && e.date.to_string() == "2023-07")
        .unwrap();
    assert_eq!(letter.actors.len(), 7);
    // Every event cites a sentence of the text.
    for event in &extraction.events {
        let span = event.source.as_ref().unwrap().span.unwrap();
        assert!(span.slice(&extraction.source.text).is_some());
    }
    let visits: Vec<String> = extraction
        .visits
        .iter()
        .map(|visit| {
            format!(
                "{} {}",
                describe(visit),
                visit.to.place.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        visits,
        [
            "Sergei Shoigu RU->KP 2023-07-25 Pyongyang",
            "Li Hongzhong CN->KP 2023-07-25 Pyongyang"
        ]
    );
}

#[test]
fn without_a_publication_date_relative_dates_stay_unresolved() {
    let text = "Putin visits Beijing\n\nRussian President Vladimir Putin arrived in Beijing on Thursday. He last visited China in October 2019.";
    let options = ArticleOptions::default();
    let extraction = extract_article(text, &options, Gazetteer::bundled());
    assert_eq!(extraction.source.published, None);
    // Only the visit with an absolute date is kept; the note says why.
    let dates: Vec<String> = extraction
        .visits
        .iter()
        .map(|v| v.date.to_string())
        .collect();
    assert_eq!(dates, ["2019-10"]);
    assert!(extraction.notes[0].message.contains("no publication date"));
    assert!(extraction.source.extra.contains_key("published_from"));

    // With the date given, "on Thursday" resolves.
    let options = ArticleOptions {
        published: Day::from_ymd(2024, 5, 16),
        ..ArticleOptions::default()
    };
    let extraction = extract_article(text, &options, Gazetteer::bundled());
    let dates: Vec<String> = extraction
        .visits
        .iter()
        .map(|v| v.date.to_string())
        .collect();
    assert_eq!(dates, ["2024-05-16", "2019-10"]);
}

#[test]
fn several_articles_merge_with_unique_ids() {
    let folder = fixtures("articles");
    let first = extract(&folder.join("putin-hanoi.txt"));
    let second = extract(&folder.join("xi-budapest.txt"));
    let visits = first.visits.len() + second.visits.len();
    let dataset = merge([first, second]);
    assert_eq!(dataset.sources.len(), 2);
    assert_ne!(dataset.sources[0].id, dataset.sources[1].id);
    assert_eq!(dataset.visits.len(), visits);
    let ids: std::collections::HashSet<_> = dataset.visits.iter().map(|v| &v.id).collect();
    assert_eq!(ids.len(), visits);
    assert!(validate(&dataset).is_empty());
    // Each record still cites its own article.
    let last = dataset.visits.last().unwrap();
    assert_eq!(last.source.as_ref().unwrap().id, dataset.sources[1].id);
}

/// The least F1 on the long articles of `tests/fixtures/articles-long/`
/// (450-900 words of wire and newspaper copy: background trips, several
/// travellers, tours, hosts as subjects, returns, cancelled trips), each
/// read with its publication date. What the rules reach today (0.885 over
/// 213 articles, 183 of them written blind to the rules), so that no change
/// loses ground.
const LONG_ARTICLES_F1: f64 = 0.87;

#[test]
fn long_articles_keep_their_score() {
    let names = articles_in("articles-long");
    assert!(names.len() >= 213, "{} long articles", names.len());
    let (mut found, mut right, mut wanted) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    for path in &names {
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("expected.json")).unwrap(),
        )
        .unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let published: FuzzyDate = expected["published"].as_str().unwrap().parse().unwrap();
        let options = ArticleOptions {
            published: Some(published.first_day()),
            ..ArticleOptions::default()
        };
        let extraction = extract_article(&text, &options, Gazetteer::bundled());
        let mut left: Vec<&Visit> = extraction.visits.iter().collect();
        let required = expected["required"].as_array().unwrap();
        let mut hits = 0;
        for want in required {
            if let Some(index) = left.iter().position(|visit| matches(want, visit)) {
                left.remove(index);
                hits += 1;
            }
        }
        let optional = expected["optional"].as_array().unwrap();
        left.retain(|visit| !optional.iter().any(|want| matches(want, visit)));
        found += hits + left.len();
        right += hits;
        wanted += required.len();
        report.push(format!(
            "{}: {hits}/{} found, {} wrong",
            path.file_name().unwrap().to_string_lossy(),
            required.len(),
            left.len()
        ));
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / wanted.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    eprintln!(
        "F1 {f1:.3} (P {precision:.3}, R {recall:.3})\n{}",
        report.join("\n")
    );
    assert!(
        f1 >= LONG_ARTICLES_F1,
        "F1 {f1:.3} < {LONG_ARTICLES_F1}:\n{}",
        report.join("\n")
    );
}

/// The visits of `text` published on `published`, as "Leader FROM->TO[ city] date".
fn visits_of(text: &str, published: &str) -> Vec<String> {
    let options = ArticleOptions {
        published: Some(published.parse::<FuzzyDate>().expect("a day").first_day()),
        ..ArticleOptions::default()
    };
    let extraction = extract_article(text, &options, Gazetteer::bundled());
    extraction
        .visits
        .iter()
        .map(|visit| {
            let city = visit
                .to
                .place
                .as_deref()
                .map(|city| format!(" {city}"))
                .unwrap_or_default();
            format!("{}{city}", describe(visit))
        })
        .collect()
}

#[test]
fn wire_copy_phrasings_without_travel_verbs_are_visits() {
    let text = "Talks in Cairo\n\n\
        CAIRO, March 9 (Reuters) - Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani and Jordan's Foreign Minister Ayman Safadi were in Cairo on Sunday for talks on the truce.\n\n\
        The talks build on US President Barack Obama's Chile visit in March 2011 and on US President Richard Nixon's China visit in February 1972.\n\n\
        During her visit to Moscow in 1987, British Prime Minister Margaret Thatcher met Mikhail Gorbachev.\n";
    assert_eq!(
        visits_of(text, "2025-03-09"),
        [
            "Mohammed bin Abdulrahman Al Thani QA->EG 2025-03-09 Cairo",
            "Ayman Safadi JO->EG 2025-03-09 Cairo",
            "Barack Obama US->CL 2011-03",
            "Richard Nixon US->CN 1972-02",
            "Margaret Thatcher GB->RU 1987 Moscow",
        ]
    );
}

#[test]
fn airports_name_their_city_and_officials_travel_from_their_seat() {
    let text = "Visits\n\n\
        NAIROBI, Aug 19 - Indonesian President Prabowo Subianto touched down at Jomo Kenyatta International Airport on Sunday.\n\n\
        NATO Secretary General Mark Rutte arrived in Ankara on Monday, and UN Secretary-General Antonio Guterres landed at Schiphol on Tuesday.\n";
    assert_eq!(
        visits_of(text, "2025-08-19"),
        [
            "Prabowo Subianto ID->KE 2025-08-17 Nairobi",
            "Mark Rutte BE->TR 2025-08-18 Ankara",
            "Antonio Guterres US->NL 2025-08-19 Amsterdam",
        ]
    );
}

#[test]
fn returns_home_side_trips_and_dates_since_are_no_new_visits() {
    let text = "Fidan in Baghdad\n\n\
        Turkish Foreign Minister Hakan Fidan arrived in Baghdad on Tuesday, his first visit to Iraq since he took office in June 2023.\n\n\
        On Wednesday Fidan traveled on to Erbil, before returning to Ankara late Wednesday.\n\n\
        The United States welcomed the talks. Thai Prime Minister Paetongtarn Shinawatra travelled to Lima in November for the APEC summit.\n";
    assert_eq!(
        visits_of(text, "2025-02-12"),
        [
            "Hakan Fidan TR->IQ 2025-02-11 Baghdad",
            "Paetongtarn Shinawatra TH->PE 2024-11 Lima",
        ]
    );
}

#[test]
fn companions_travel_with_the_traveller() {
    let text = "Albanese in Manila\n\n\
        Australian Prime Minister Anthony Albanese landed in Manila on Wednesday night. He was accompanied by Foreign Minister Penny Wong.\n\n\
        French President Emmanuel Macron has arrived in Beijing, accompanied by European Commission President Ursula von der Leyen.\n";
    assert_eq!(
        visits_of(text, "2025-08-14"),
        [
            "Anthony Albanese AU->PH 2025-08-13 Manila",
            "Penny Wong AU->PH 2025-08-13 Manila",
            "Emmanuel Macron FR->CN 2025-08-14 Beijing",
            "Ursula von der Leyen BE->CN 2025-08-14 Beijing",
        ]
    );
}

#[test]
fn a_trip_is_where_it_began_and_its_legs_start_from_it() {
    let text = "Macron in Chile\n\n\
        SANTIAGO, April 15 (AFP) - French President Emmanuel Macron's arrival in Santiago on Sunday opened the most important French presidential trip to South America's Pacific coast in a decade.\n\n\
        Macron travelled to Rio de Janeiro in November 2024 for the G20 summit.\n\n\
        On Tuesday the French president travelled to Valparaíso, an hour from the capital. Macron flew on to Lima on Tuesday evening.\n";
    assert_eq!(
        visits_of(text, "2025-04-15"),
        [
            "Emmanuel Macron FR->CL 2025-04-13 Santiago",
            "Emmanuel Macron FR->BR 2024-11 Rio de Janeiro",
            "Emmanuel Macron CL->PE 2025-04-15 Lima",
        ]
    );
}

#[test]
fn troops_are_no_delegation_and_long_demonyms_name_their_country() {
    let text = "Sarney in Luanda\n\n\
        Cuban President Fidel Castro, whose troops first arrived in Angola in 1975, sent a message.\n\n\
        Chinese President Xi Jinping held talks with visiting Papua New Guinean Prime Minister James Marape, who arrived in Beijing on Monday.\n";
    assert_eq!(
        visits_of(text, "2025-10-14"),
        ["James Marape PG->CN 2025-10-13 Beijing"]
    );
}

#[test]
fn an_invitation_that_was_taken_up_is_a_visit_and_a_schedule_is_not() {
    let text = "Echeverria in Tanzania\n\n\
        At President Julius Nyerere's invitation, Mexican President Luis Echeverria arrived in Dar es Salaam on Thursday.\n\n\
        From Dar es Salaam, Mr Echeverria flies to Cairo on Tuesday for talks with President Anwar Sadat.\n";
    assert_eq!(
        visits_of(text, "1975-07-11"),
        ["Luis Echeverria MX->TZ 1975-07-10 Dar es Salaam"]
    );
}

#[test]
fn background_trips_hosts_groups_returns_and_plans_read_as_news_writes_them() {
    let text = "Historic visits\n\n\
        BONN, June 5 (Reuters) - West German Chancellor Willy Brandt, who had visited Warsaw two years earlier, arrived in Moscow on Tuesday.\n\n\
        West German Chancellor Helmut Kohl, French President Francois Mitterrand and European Commission President Jacques Delors arrived in Dublin on Monday.\n\n\
        Soviet leader Leonid Brezhnev met US President Richard Nixon in Moscow on Wednesday.\n\n\
        Brandt flew home to Bonn on Thursday.\n\n\
        Israeli Prime Minister Menachem Begin arrived in Cairo on Tuesday at the invitation of Egyptian President Anwar Sadat.\n\n\
        Dutch Prime Minister Ruud Lubbers is expected to travel to Tokyo next month. He has been to Moscow a dozen times.\n";
    assert_eq!(
        visits_of(text, "1972-06-05"),
        [
            "Willy Brandt DE->PL 1970 Warsaw",
            "Willy Brandt DE->RU 1972-05-30 Moscow",
            "Helmut Kohl DE->IE 1972-06-05 Dublin",
            "Francois Mitterrand FR->IE 1972-06-05 Dublin",
            "Jacques Delors BE->IE 1972-06-05 Dublin",
            "Richard Nixon US->RU 1972-05-31 Moscow",
            "Menachem Begin IL->EG 1972-05-30 Cairo",
        ]
    );
}

#[test]
fn habits_headline_postponements_and_what_was_to_have_been_are_no_visits() {
    let text = "Mahama's state visit to Nigeria postponed as leaders agree on new date\n\n\
        The visit, which was to have been Ghanaian President John Dramani Mahama's first state visit to Nigeria, was put off.\n\n\
        Former Nigerian President Muhammadu Buhari repeatedly travelled to London for medical treatment.\n\n\
        South African President Nelson Mandela arrived in Tunis on Sunday.\n";
    assert_eq!(
        visits_of(text, "1994-06-13"),
        ["Nelson Mandela ZA->TN 1994-06-12 Tunis"]
    );
}
