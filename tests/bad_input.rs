//! Bad input never crashes Legation or hides good data: every file of the
//! corpus in `tests/fixtures/bad/` gives exactly the errors and problems its
//! `.expected` sidecar lists, and a sound file opened beside it still loads.
//! Inputs too big to commit (a 300 000-deep nesting, a 1 MB line, a 5 MB
//! article) are made here.
//!
//! The sidecar is one fact a line (`#` starts a comment): `error: syntax
//! LINE:COLUMN` or `error: not-an-object KIND` (the file fails as a whole),
//! `problem: WHERE` (a JSON path, or `line N` in an imported file),
//! `rejected: N REASON` (records an importer left out), `note: TEXT`, and
//! `loads: V visits, E events`. Run with `LEGATION_BLESS=1` to rewrite the
//! sidecars from what the code does now, then review the diff by hand.

mod run_support;

use std::path::{Path, PathBuf};

use legation::extract::{ArticleOptions, extract_article};
use legation::gazetteer::Gazetteer;
use legation::import::us_travels::{self, xml};
use legation::import::{ImportError, Imported, gdelt};
use legation::model::{Dataset, LoadError, ParseError, load_dataset, open_dataset, parse_dataset};
use legation::progress::Progress;
use legation::read::Reader;
use legation::workspace::Workspace;
use run_support::fixture;

/// The files of one corpus folder, in name order, without their sidecars.
fn corpus(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture(&format!("bad/{folder}")))
        .expect("the corpus folder exists")
        .map(|entry| entry.expect("the corpus folder lists").path())
        .filter(|path| path.extension().is_none_or(|ext| ext != "expected"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "bad/{folder} holds inputs");
    files
}

/// Compares what `path` gave with its sidecar (or rewrites the sidecar when
/// blessing), keeping the sidecar's comments.
fn assert_expected(path: &Path, found: &[String]) {
    let sidecar = path.with_extension("expected");
    let written = std::fs::read_to_string(&sidecar).unwrap_or_default();
    let (comments, expected): (Vec<&str>, Vec<&str>) = written
        .lines()
        .filter(|line| !line.trim().is_empty())
        .partition(|line| line.starts_with('#'));
    if std::env::var_os("LEGATION_BLESS").is_some() {
        let mut text = String::new();
        for line in comments
            .iter()
            .copied()
            .chain(found.iter().map(String::as_str))
        {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&sidecar, text).expect("the sidecar is writable");
        return;
    }
    assert!(
        !expected.is_empty(),
        "{} has no sidecar {}",
        path.display(),
        sidecar.display()
    );
    assert_eq!(found, expected, "{}", path.display());
}

fn loads(dataset: &Dataset) -> String {
    format!(
        "loads: {} visits, {} events",
        dataset.visits.len(),
        dataset.events.len()
    )
}

/// Every span a dataset cites lies on its source's text, on character
/// boundaries: what the source panel slices.
fn assert_spans_on_text(dataset: &Dataset, what: &Path) {
    for citation in dataset.citations() {
        let source = dataset.source(&citation.id).expect("cited sources exist");
        if let Some(span) = citation.span {
            assert!(
                span.slice(&source.text).is_some(),
                "{}: {span:?} is off its text",
                what.display()
            );
        }
    }
}

/// What opening a dataset's bytes gave (the fast reader, else the detailed
/// loader, as the app and `legation check` open files), as sidecar lines.
fn describe_dataset(bytes: &[u8]) -> Vec<String> {
    let opened = open_dataset(bytes.to_vec(), &Progress::default());
    // Both readers agree, whichever answered.
    match (&opened, parse_dataset(bytes)) {
        (Ok(opened), Ok(loaded)) => {
            assert_eq!(opened.problems, loaded.problems);
            assert_eq!(opened.records.visit_count(), loaded.dataset.visits.len());
            assert_eq!(opened.records.event_count(), loaded.dataset.events.len());
        }
        (Err(_), Err(_)) => {}
        (opened, loaded) => panic!("the readers disagree: {opened:?} / {loaded:?}"),
    }
    match opened {
        Ok(opened) => opened
            .problems
            .iter()
            .map(|problem| format!("problem: {}", problem.path))
            .chain([format!(
                "loads: {} visits, {} events",
                opened.records.visit_count(),
                opened.records.event_count()
            )])
            .collect(),
        Err(ParseError::Syntax { line, column, .. }) => {
            vec![format!("error: syntax {line}:{column}")]
        }
        Err(ParseError::NotAnObject { found }) => vec![format!("error: not-an-object {found}")],
    }
}

/// Where an importer's problem is, or what kind it is.
fn describe_import_error(error: &ImportError) -> String {
    match error {
        ImportError::Line { line, .. } => format!("line {line}"),
        ImportError::Empty { .. } => "empty".to_owned(),
        ImportError::Read { .. } => "read".to_owned(),
        ImportError::NotThisFormat { .. } => "not this format".to_owned(),
        ImportError::Zip { .. } => "zip".to_owned(),
    }
}

/// What an import gave, as sidecar lines.
fn describe_import(imported: &Imported) -> Vec<String> {
    let report = &imported.report;
    report
        .problems
        .iter()
        .map(|problem| format!("problem: {}", describe_import_error(problem)))
        .chain(report.notes.iter().map(|note| format!("note: {note}")))
        .chain(
            report
                .rejected
                .iter()
                .map(|(reason, count)| format!("rejected: {count} {reason}")),
        )
        .chain([loads(&imported.dataset)])
        .collect()
}

/// What importing a trips file gave, as sidecar lines: its problems, or
/// the error that refused it.
fn describe_us_travels(path: &Path) -> (Vec<String>, Option<Imported>) {
    let bytes = std::fs::read(path).expect("the corpus reads");
    match us_travels::import_reader(bytes.as_slice(), path, Gazetteer::bundled()) {
        Ok(imported) => (describe_import(&imported), Some(imported)),
        Err(error) => (
            vec![format!("error: {}", describe_import_error(&error))],
            None,
        ),
    }
}

fn import_gdelt(bytes: &[u8], path: &Path) -> Imported {
    gdelt::import_reader(bytes, path, gdelt::Options { events: true })
}

/// A workspace with the bad file and a sound `legation/1` file opened
/// together: the sound one loads whole, whatever the bad one did.
fn assert_sound_file_still_loads(bad: &Path) {
    let good = fixture("valid-minimal.json");
    let mut workspace = Workspace::default();
    workspace.open(bad);
    workspace.open(&good);
    let bad_file = &workspace.files[0];
    assert_eq!(bad_file.path, bad);
    let good_file = &workspace.files[1];
    assert_eq!(good_file.failure, None);
    assert!(good_file.problems.is_empty(), "{:?}", good_file.problems);
    let records = &good_file.records;
    assert_eq!(records.visit_count(), 1, "beside {}", bad.display());
    assert_eq!(records.visit(0).expect("one visit").id, "v1");
    assert_eq!(records.event_count(), 1);
    // The bad file's failure names it, so the problems panel can.
    if let Some(failure) = &bad_file.failure {
        assert!(failure.contains(&*bad.display().to_string()), "{failure}");
    }
}

#[test]
fn bad_datasets_give_their_exact_errors_and_problems() {
    for path in corpus("dataset") {
        let bytes = std::fs::read(&path).unwrap();
        assert_expected(&path, &describe_dataset(&bytes));
        // Spans off their text are kept as problems (the sidecar lists
        // them); the source panel draws only those on the text.
        match load_dataset(&path) {
            Ok(_) => {}
            Err(LoadError::Parse { path: named, .. }) => assert_eq!(named, path),
            Err(LoadError::Read { .. }) => panic!("{} is readable", path.display()),
        }
        assert_sound_file_still_loads(&path);
    }
}

#[test]
fn bad_us_travels_files_give_their_exact_problems() {
    for path in corpus("us-travels") {
        let (found, imported) = describe_us_travels(&path);
        assert_expected(&path, &found);
        if let Some(imported) = imported {
            assert_spans_on_text(&imported.dataset, &path);
        }
        assert_sound_file_still_loads(&path);
    }
}

#[test]
fn bad_gdelt_exports_give_their_exact_rejections() {
    for path in corpus("gdelt") {
        let imported = import_gdelt(&std::fs::read(&path).unwrap(), &path);
        assert_expected(&path, &describe_import(&imported));
        assert_spans_on_text(&imported.dataset, &path);
        assert_sound_file_still_loads(&path);
    }
}

#[test]
fn bad_articles_extract_without_failing() {
    for path in corpus("articles") {
        let mut read = Reader::default().read(&path.to_string_lossy());
        assert_eq!(read.len(), 1, "{}: one text, one article", path.display());
        let article = read.remove(0).unwrap();
        let text = article.text;
        let note = article
            .notes
            .first()
            .map(|message| legation::extract::Note {
                span: None,
                message: message.clone(),
            });
        let extraction = extract_article(&text, &ArticleOptions::default(), Gazetteer::bundled());
        for span in extraction.notes.iter().filter_map(|note| note.span) {
            assert!(span.slice(&text).is_some(), "{}: {span:?}", path.display());
        }
        let dataset = legation::extract::merge([extraction]);
        assert_spans_on_text(&dataset, &path);
        let found: Vec<String> = note
            .iter()
            .map(|note| format!("note: {}", note.message))
            .chain([loads(&dataset)])
            .collect();
        assert_expected(&path, &found);
        assert_sound_file_still_loads(&path);
        // The app reads articles as the command line does, notes and all.
        let mut workspace = Workspace::default();
        workspace.open(&path);
        if let Some(note) = &note {
            let notes = &workspace.files[0].notes;
            assert!(
                notes.iter().any(|shown| shown.contains(&note.message)),
                "{}: {notes:?}",
                path.display()
            );
        }
    }
}

/// `depth` opening brackets, then as many closing ones.
fn nested(depth: usize, open: &str, close: &str) -> String {
    let mut text = String::with_capacity(depth * (open.len() + close.len()));
    for _ in 0..depth {
        text.push_str(open);
    }
    for _ in 0..depth {
        text.push_str(close);
    }
    text
}

#[test]
fn nesting_300_000_deep_is_refused_without_overflowing_the_stack() {
    let json = format!(
        r#"{{"format": "legation/1", "extra": {}}}"#,
        nested(300_000, "[", "]")
    );
    match parse_dataset(json.as_bytes()) {
        Err(ParseError::Syntax {
            line: 1, message, ..
        }) => assert!(message.contains("recursion limit"), "{message}"),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    // The fast reader, first in line for every file, refuses it as well.
    let deep_visit = format!(
        r#"{{"format": "legation/1", "visits": [{{"id": "v", "to": {{"country": "KP"}}, "date": "2023", "x": {}}}]}}"#,
        nested(300_000, "[", "]")
    );
    for document in [json, deep_visit] {
        assert!(matches!(
            open_dataset(document.into_bytes(), &Progress::default()),
            Err(ParseError::Syntax { .. })
        ));
    }

    let trips = format!(
        "<trips><trip><id>1</id>{}</trip></trips>",
        nested(300_000, "<remarks>", "</remarks>")
    );
    let parsed = xml::parse_reader(trips.as_bytes(), Path::new("deep.xml")).unwrap();
    assert!(parsed.trips.len() <= 1);

    let text = format!("Visit\n\n{}", nested(300_000, "(\"", "\")"));
    let extraction = extract_article(&text, &ArticleOptions::default(), Gazetteer::bundled());
    assert!(extraction.visits.is_empty());
}

#[test]
fn a_one_megabyte_line_loads_or_is_named() {
    let long = "x".repeat(1 << 20);
    // One line of JSON holding a 1 MB text: a sound dataset.
    let json = format!(
        r#"{{"format": "legation/1", "sources": [{{"id": "s1", "text": "{long}"}}], "visits": [{{"id": "v1", "to": {{"country": "KP"}}, "date": "2023", "source": {{"id": "s1", "span": [0, 5]}}}}]}}"#
    );
    let loaded = parse_dataset(json.as_bytes()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.dataset.sources[0].text.len(), 1 << 20);

    // A 1 MB line of no JSON: an error at its column.
    match parse_dataset(long.as_bytes()) {
        Err(ParseError::Syntax {
            line: 1, column, ..
        }) => assert_eq!(column, 1),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    let mut unfinished = format!(r#"{{"format": "legation/1", "title": "{long}"#);
    unfinished.push('\n');
    match parse_dataset(unfinished.as_bytes()) {
        Err(ParseError::Syntax { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }

    // A GDELT row 1 MB long is rejected unread, the next row kept.
    let row = std::fs::read_to_string(fixture("bad/gdelt/wrong-width.tsv")).unwrap();
    let good_row = row.lines().next().unwrap();
    let export = format!("{long}\t{long}\n{good_row}\n");
    let imported = import_gdelt(export.as_bytes(), Path::new("long.tsv"));
    assert_eq!(imported.report.rejected[gdelt::reasons::TOO_LONG], 1);
    assert_eq!(imported.dataset.visits.len(), 1);

    // A trip whose remarks are a 1 MB line.
    let trips =
        std::fs::read_to_string(fixture("us-travels/secretary-travels/blinken-antony-j.xml"))
            .unwrap()
            .replacen("<remarks>", &format!("<remarks>{long} "), 1);
    let parsed = xml::parse_reader(trips.as_bytes(), Path::new("long.xml")).unwrap();
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert!(parsed.trips[0].remarks.len() > 1 << 20);

    // An article of one 1 MB line, without a sentence end.
    let extraction = extract_article(&long, &ArticleOptions::default(), Gazetteer::bundled());
    assert!(extraction.visits.is_empty());
}

#[test]
fn a_five_megabyte_article_is_read_whole() {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/2023-07-25-shoigu-pyongyang.txt"),
    )
    .unwrap();
    let mut text = String::with_capacity(5 << 20);
    while text.len() < 5 << 20 {
        text.push_str(&seed);
        text.push('\n');
    }
    let extraction = extract_article(&text, &ArticleOptions::default(), Gazetteer::bundled());
    assert!(!extraction.visits.is_empty());
    assert_eq!(extraction.source.text.len(), text.len());
}
