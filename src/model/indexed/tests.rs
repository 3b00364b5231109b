use super::*;
use crate::model::parse_dataset;

fn fixtures(folder: &str) -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
}

fn read_fast(bytes: &[u8]) -> Option<(IndexedDataset, RecordTable)> {
    read_indexed(bytes.to_vec().into(), &Progress::default()).ok()
}

/// The rows with their places written out, as the scene sees them
/// (place ids differ between ways of reading: each thread interns its
/// own).
fn rows_by_place(table: &RecordTable) -> Vec<String> {
    let visits = table.visits.iter().map(|row| {
        let from = row.from.map(|from| table.place(from));
        format!(
            "{from:?} {:?} {:?} {:?}",
            table.place(row.to),
            row.leader_country,
            row.days
        )
    });
    let events = table
        .events
        .iter()
        .map(|row| format!("{:?} {:?} {:?}", table.place(row.place), row.kind, row.days));
    visits.chain(events).collect()
}

/// The fast way and the detailed way agree on every file: the fast way
/// takes only files with no problem, and then reads the same records.
fn assert_agrees(bytes: &[u8], name: &str) {
    let detailed = parse_dataset(bytes);
    let fast = read_fast(bytes);
    match (&detailed, fast) {
        (Ok(loaded), Some((indexed, table))) => {
            assert!(
                loaded.problems.is_empty(),
                "{name}: the fast way took a file with problems: {:?}",
                loaded.problems
            );
            assert_eq!(
                rows_by_place(&table),
                rows_by_place(&RecordTable::from_dataset(&loaded.dataset)),
                "{name}: rows differ"
            );
            assert_eq!(indexed.window(), loaded.dataset.window, "{name}");
            assert_eq!(indexed.view(), loaded.dataset.view, "{name}");
            for (index, visit) in loaded.dataset.visits.iter().enumerate() {
                assert_eq!(indexed.visit(index).as_ref(), Some(visit), "{name}");
            }
            for (index, event) in loaded.dataset.events.iter().enumerate() {
                assert_eq!(indexed.event(index).as_ref(), Some(event), "{name}");
            }
            for source in &loaded.dataset.sources {
                assert_eq!(indexed.source(&source.id).as_ref(), Some(source), "{name}");
            }
        }
        (Err(_), Some(_)) => panic!("{name}: the fast way took a file that is not JSON"),
        (Ok(_) | Err(_), None) => {}
    }
}

#[test]
fn text_cuts_allow_the_spans_str_get_allows() {
    let texts = [
        String::new(),
        "Pyongyang".to_owned(),
        "Café — 中国 🛬 São Paulo, Zürich. ".repeat(5),
        "é".repeat(70),
    ];
    let mut cuts = TextCuts::default();
    // Two parts' texts, joined.
    let mut second = TextCuts::default();
    for text in &texts[..2] {
        cuts.push(text);
    }
    for text in &texts[2..] {
        second.push(text);
    }
    cuts.append(second);
    for (source, text) in texts.iter().enumerate() {
        for start in 0..=text.len() as u32 + 1 {
            for end in 0..=text.len() as u32 + 1 {
                assert_eq!(
                    cuts.allows(source, (start, end)),
                    text.get(start as usize..end as usize).is_some(),
                    "{text:?} {start}..{end}"
                );
            }
        }
    }
}

#[test]
fn the_source_index_finds_every_id_and_no_other() {
    for count in [0, 1, 2, 3, 1000, 1025] {
        let hasher = RandomState::default();
        let ids: Vec<String> = (0..count).map(|n| format!("s{n}")).collect();
        let mut entries: Vec<(u64, u32)> = (0..)
            .zip(&ids)
            .map(|(position, id)| (hasher.hash_one(id.as_str()), position))
            .collect();
        entries.sort_unstable();
        let index = SourceIndex::new(hasher, entries);
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(index.candidates(id).collect::<Vec<_>>(), [position]);
        }
        assert_eq!(index.candidates("absent").count(), 0, "{count} ids");
    }
}

#[test]
fn reads_sound_files_exactly_as_the_detailed_loader() {
    let mut read = 0;
    for path in fixtures("").into_iter().chain(fixtures("../../data")) {
        let bytes = std::fs::read(&path).unwrap();
        assert_agrees(&bytes, &path.display().to_string());
        let loaded = parse_dataset(&bytes);
        if loaded.is_ok_and(|loaded| loaded.problems.is_empty()) {
            assert!(
                read_fast(&bytes).is_some(),
                "{}: sound but refused",
                path.display()
            );
            read += 1;
        }
    }
    assert!(
        read >= 3,
        "the sound fixtures and the bundled data read fast"
    );
}

#[test]
fn leaves_every_invalid_file_to_the_detailed_loader() {
    let invalid = fixtures("invalid");
    assert!(invalid.len() > 10);
    for path in invalid {
        let bytes = std::fs::read(&path).unwrap();
        assert!(read_fast(&bytes).is_none(), "{}", path.display());
        assert_agrees(&bytes, &path.display().to_string());
    }
}

#[test]
fn refuses_each_kind_of_flaw_the_detailed_loader_reports() {
    let sound = r#"{"format": "legation/1",
        "sources": [{"id": "s", "text": "Shoigu arrived in Pyongyang. Café"}],
        "visits": [{"id": "v", "leader": {"name": "Shoigu", "country": "RU"},
                    "from": {"country": "RU", "place": "Moscow"},
                    "to": {"country": "KP", "place": "Pyongyang", "lat": 39.0, "lon": 125.7},
                    "date": "2023-07-25", "source": {"id": "s", "span": [0, 6]}}],
        "events": [{"id": "e", "kind": "parade", "place": {"country": "KP"},
                    "date": "2023-07-27", "actors": ["KP", null],
                    "source": {"id": "s", "span": [29, 34]}}]}"#;
    assert_agrees(sound.as_bytes(), "sound");
    assert!(read_fast(sound.as_bytes()).is_some());
    let flaws = [
        ("\"legation/1\"", "\"legation/2\""),
        ("\"2023-07-25\"", "\"2023-02-30\""),
        ("\"RU\"}", "\"XX\"}"),
        ("\"lat\": 39.0, ", ""),
        ("\"lat\": 39.0", "\"lat\": 91.0"),
        ("\"parade\"", "\"picnic\""),
        ("[29, 34]", "[29, 33]"),
        ("[29, 34]", "[29, 99]"),
        ("[29, 34]", "[34, 29]"),
        ("\"id\": \"e\"", "\"id\": 5"),
        ("\"id\": \"e\"", "\"ref\": \"e\""),
        ("{\"id\": \"s\", \"span\": [0, 6]}", "{\"id\": \"t\"}"),
        ("\"actors\": [\"KP\", null]", "\"actors\": \"KP\""),
        (
            "{\"name\": \"Shoigu\", \"country\": \"RU\"}",
            "{\"country\": \"RU\"}",
        ),
        ("\"place\": {\"country\": \"KP\"}", "\"place\": {}"),
        ("\"id\": \"v\"", "\"id\": \"v\", \"id\": \"w\""),
        ("\"events\": [", "\"visits\": [], \"events\": ["),
        ("\"visits\": [", "\"visits\": [1, "),
    ];
    for (from, to) in flaws {
        assert!(sound.contains(from), "{from}");
        let flawed = sound.replacen(from, to, 1);
        assert!(read_fast(flawed.as_bytes()).is_none(), "took {to:?}");
        assert_agrees(flawed.as_bytes(), to);
    }
}

#[test]
fn refuses_broken_json_anywhere() {
    let sound =
        br#"{"format":"legation/1","visits":[{"id":"v","to":{"country":"KP"},"date":"2023"}]}"#;
    assert!(read_fast(sound).is_some());
    for cut in 0..sound.len() {
        assert!(read_fast(&sound[..cut]).is_none(), "took {cut} bytes");
    }
    let mut trailing = sound.to_vec();
    trailing.extend_from_slice(b" x");
    assert!(read_fast(&trailing).is_none());
    let deep = format!(
        r#"{{"format":"legation/1","visits":[{{"id":"v","to":{{"country":"KP"}},"date":"2023","x":{}{}}}]}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    assert!(read_fast(deep.as_bytes()).is_none());
    assert_agrees(deep.as_bytes(), "deep");
}

#[test]
fn escaped_strings_read_the_same() {
    let json =
        br#"{"format":"legation/1","sources":[{"id":"s\u0031","text":"Caf\u00e9 \"quoted\""}],
        "visits":[{"id":"v\n","to":{"place":"Pyongy\u0061ng","country":"KP"},"date":"2023",
                   "source":{"id":"s1","span":[0,5]}}]}"#;
    let (indexed, table) = read_fast(json).expect("escapes are sound");
    assert_eq!(table.places[0].place.as_deref(), Some("Pyongyang"));
    assert_eq!(indexed.source("s1").unwrap().text, "Café \"quoted\"");
    assert_agrees(json, "escapes");
}

#[test]
fn objects_with_braces_inside_read_the_same() {
    // Objects whose first `}` is not their end: in a name, and after a
    // nested object. Objects alike up to that `}` and not after it
    // must not be taken for one another.
    let record = |id: &str, from_country: &str| {
        format!(
            r#"{{"id":"{id}","leader":{{"name":"Kim","country":"KP"}},
            "from":{{"place":"Brace }} City","country":"{from_country}"}},
            "to":{{"country":"RU","note":{{"x":1}}}},"date":"2023"}}"#
        )
    };
    let json = format!(
        r#"{{"format":"legation/1","visits":[{},{},{{"id":"c","to":{{"country":"RU","note":{{"x":1}}}},"date":"2023","leader":{{"name":"Kim","country":"KR"}}}},{}]}}"#,
        record("a", "KP"),
        record("b", "KP"),
        record("d", "CN"),
    );
    let (_, table) = read_fast(json.as_bytes()).expect("sound");
    let rows: Vec<_> = table
        .visits
        .iter()
        .map(|row| {
            (
                row.from.map(|from| table.place(from).place.clone()),
                table.place(row.to).country,
                row.leader_country,
            )
        })
        .collect();
    let brace = Some(Some("Brace } City".to_owned()));
    assert_eq!(
        rows[0],
        (
            brace.clone(),
            CountryCode::parse("RU"),
            CountryCode::parse("KP")
        )
    );
    assert_eq!(rows[1], rows[0]);
    assert_eq!(
        rows[2],
        (None, CountryCode::parse("RU"), CountryCode::parse("KR"))
    );
    let from_country = |row: &VisitRow| row.from.and_then(|from| table.place(from).country);
    assert_eq!(from_country(&table.visits[1]), CountryCode::parse("KP"));
    assert_eq!(from_country(&table.visits[3]), CountryCode::parse("CN"));
    assert_agrees(json.as_bytes(), "known objects");
}

/// A document big enough to be scanned by two threads, whose records
/// may hold text that looks like a record boundary.
fn big_document(purpose: &str) -> String {
    let visits: Vec<String> = (0..68_000)
        .map(|index| {
            format!(
                r#"{{"id":"v{index}","to":{{"country":"KP","place":"Pyongyang"}},"date":"2023-07","purpose":"{purpose}"}}"#
            )
        })
        .collect();
    let events: Vec<String> = (0..30_000)
        .map(|index| {
            format!(
                r#"{{"id":"e{index}","kind":"parade","place":{{"country":"KP"}},"date":"2023-07-27"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"format":"legation/1","visits":[{}],"events":[{}],"note":"end"}}"#,
        visits.join(","),
        events.join(",")
    )
}

#[test]
fn a_byte_order_mark_is_skipped_as_the_detailed_loader_skips_it() {
    let json = "\u{feff}{\"format\":\"legation/1\",\"visits\":[{\"id\":\"v\",\"to\":{\"country\":\"KP\"},\"date\":\"2023\"}]}";
    let (indexed, _) = read_fast(json.as_bytes()).expect("sound after its mark");
    assert_eq!(indexed.visit(0).unwrap().id, "v");
    assert_agrees(json.as_bytes(), "byte-order mark");
}

#[test]
fn big_files_check_citations_of_sources_that_come_last() {
    // Citations in every chunk, their sources at the very end.
    let visits: Vec<String> = (0..70_000)
        .map(|index| {
            format!(
                r#"{{"id":"v{index}","to":{{"country":"KP"}},"date":"2023-07","source":{{"id":"s{}","span":[0,5]}},"purpose":"a long purpose to make the file big enough"}}"#,
                index % 100
            )
        })
        .collect();
    let sources: Vec<String> = (0..100)
        .map(|index| format!(r#"{{"id":"s{index}","text":"Café society"}}"#))
        .collect();
    let json = format!(
        r#"{{"format":"legation/1","visits":[{}],"sources":[{}]}}"#,
        visits.join(","),
        sources.join(",")
    );
    assert!(json.len() >= PARALLEL_BYTES, "{}", json.len());
    let (indexed, table) = read_fast(json.as_bytes()).expect("sound");
    assert_eq!(table.visits.len(), 70_000);
    assert_eq!(indexed.source("s99").unwrap().text, "Café society");
    assert!(indexed.source("s100").is_none());
    // "Caf" and half of "é", far from the sources; and a source cited
    // but never given.
    let mid_char = json.replacen(
        r#""id":"v69999","to":{"country":"KP"},"date":"2023-07","source":{"id":"s99","span":[0,5]}"#,
        r#""id":"v69999","to":{"country":"KP"},"date":"2023-07","source":{"id":"s99","span":[0,4]}"#,
        1,
    );
    assert_ne!(mid_char, json);
    assert!(
        read_fast(mid_char.as_bytes()).is_none(),
        "a span ending inside é"
    );
    let missing = json.replacen(r#""id":"s7","span""#, r#""id":"s100","span""#, 1);
    assert_ne!(missing, json);
    assert!(
        read_fast(missing.as_bytes()).is_none(),
        "a source never given"
    );
}

/// `json` read `segment` bytes at a time.
fn read_in_segments(json: &[u8], segment: usize) -> Option<(IndexedDataset, RecordTable)> {
    let (ids, progress) = (RandomState::default(), Progress::default());
    let parts = read_segments(Cow::Owned(Vec::new()), Some(json), segment, &progress, &ids).ok()?;
    let read = assemble(parts, &ids).ok()?;
    Some(read.into_indexed(Store::Memory(json.to_vec().into())))
}

/// Reading `json` a segment at a time finds what reading it at once
/// finds: the same records at the same places in the file.
fn assert_segments_agree(json: &[u8], segment: usize, name: &str) {
    match (read_fast(json), read_in_segments(json, segment)) {
        (Some((whole, whole_table)), Some((segmented, table))) => {
            assert_eq!(segmented.sources, whole.sources, "{name}, {segment}");
            assert_eq!(segmented.visits, whole.visits, "{name}, {segment}");
            assert_eq!(segmented.events, whole.events, "{name}, {segment}");
            assert_eq!(segmented.window, whole.window, "{name}, {segment}");
            assert_eq!(
                rows_by_place(&table),
                rows_by_place(&whole_table),
                "{name}, {segment}"
            );
        }
        (None, None) => {}
        (whole, segmented) => panic!(
            "{name}, {segment}-byte segments: read at once: {}, in segments: {}",
            whole.is_some(),
            segmented.is_some()
        ),
    }
}

#[test]
fn files_read_in_small_segments_read_as_at_once() {
    let mut documents: Vec<(String, Vec<u8>)> = fixtures("")
        .into_iter()
        .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
        .collect();
    let visit = r#"{"id":"v","to":{"country":"KP"},"date":"2023"}"#;
    let fooling = r#"{"id":"w","to":{"country":"KP"},"date":"2023","purpose":"a},{}"}"#;
    for (name, json) in [
        (
            "mark",
            format!("\u{feff}{{\"format\":\"legation/1\",\"visits\":[{visit}]}}"),
        ),
        (
            "space after",
            format!("{{\"format\":\"legation/1\",\"visits\":[{visit}]}}\n  \n"),
        ),
        (
            "junk after",
            format!("{{\"format\":\"legation/1\",\"visits\":[{visit}]}}  x"),
        ),
        (
            "cut short",
            format!("{{\"format\":\"legation/1\",\"visits\":[{visit},{visit}"),
        ),
        ("empty", String::new()),
        // The last record holds what looks like the start of another,
        // and the buffer's end may fall in the spaces after it.
        (
            "junk far after",
            format!(
                "{{\"format\":\"legation/1\",\"visits\":[{visit},{fooling}]}}{}x",
                " ".repeat(5000)
            ),
        ),
        (
            "é far after",
            format!(
                "{{\"format\":\"legation/1\",\"visits\":[{visit},{fooling}]}}{}é",
                " ".repeat(4093)
            ),
        ),
        (
            "spaces far after",
            format!(
                "{{\"format\":\"legation/1\",\"visits\":[{visit},{fooling}]}}{}",
                " ".repeat(5000)
            ),
        ),
    ] {
        documents.push((name.to_owned(), json.into_bytes()));
    }
    for (name, json) in &documents {
        for segment in [1, 2, 3, 7, 64, 4096] {
            assert_segments_agree(json, segment, name);
        }
    }
    for path in fixtures("../../data") {
        let json = std::fs::read(&path).unwrap();
        let name = path.display().to_string();
        assert!(read_in_segments(&json, 4096).is_some(), "{name}");
        assert_segments_agree(&json, 4096, &name);
    }
}

#[test]
fn records_that_look_like_another_kind_are_read_as_what_they_are() {
    // Sources with every field a visit needs: a chunk that starts among
    // them takes them for visits, until the chunk before it says.
    let sources: Vec<String> = (0..100_000)
        .map(|index| {
            format!(
                r#"{{"id":"s{index}","text":"Talks in Pyongyang and beyond","to":{{"country":"KP"}},"date":"2023"}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"format":"legation/1","sources":[{}],"visits":[{{"id":"v","to":{{"country":"KP"}},"date":"2023","source":{{"id":"s1","span":[0,5]}}}}]}}"#,
        sources.join(",")
    );
    assert!(json.len() >= PARALLEL_BYTES, "{}", json.len());
    assert_agrees(json.as_bytes(), "sources like visits");
    for segment in [SEGMENT_BYTES, PARALLEL_BYTES + 12_345, 3 << 20] {
        let (indexed, _) = read_in_segments(json.as_bytes(), segment).expect("sound");
        assert_eq!(indexed.counts(), (100_000, 1, 0), "{segment}");
    }
}

#[test]
fn big_files_read_in_segments_as_at_once() {
    for purpose in ["talks", r#"x}, {\"id\": \"v0\"}, {"#] {
        let json = big_document(&purpose.repeat(3));
        // Segments read by two threads each, and by one.
        for segment in [PARALLEL_BYTES + 12_345, 3 << 20] {
            let (indexed, _) = read_in_segments(json.as_bytes(), segment).expect("sound");
            assert_eq!(indexed.visit(67_999).unwrap().id, "v67999");
            assert_segments_agree(json.as_bytes(), segment, purpose);
            let broken = json.replacen(r#"{"id":"v50000""#, r#"{"id":"v50000",,"#, 1);
            assert!(read_in_segments(broken.as_bytes(), segment).is_none());
            let repeated = json.replacen(r#""id":"v60000""#, r#""id":"v3""#, 1);
            assert!(read_in_segments(repeated.as_bytes(), segment).is_none());
        }
    }
}

#[test]
fn big_files_scan_the_same_on_two_threads() {
    for purpose in ["talks", r#"x}, {\"id\": \"v0\"}, {"#] {
        let json = big_document(&purpose.repeat(3));
        assert!(json.len() >= PARALLEL_BYTES, "{}", json.len());
        let (indexed, table) = read_fast(json.as_bytes()).expect("sound");
        assert_eq!(indexed.counts(), (0, 68_000, 30_000));
        assert_eq!(table.visits.len(), 68_000);
        assert_eq!(indexed.visit(67_999).unwrap().id, "v67999");
        assert_eq!(indexed.event(29_999).unwrap().id, "e29999");
        let broken = json.replacen(r#"{"id":"v50000""#, r#"{"id":"v50000",,"#, 1);
        assert!(
            read_fast(broken.as_bytes()).is_none(),
            "a flaw past the middle"
        );
        let repeated = json.replacen(r#""id":"v60000""#, r#""id":"v3""#, 1);
        assert!(
            read_fast(repeated.as_bytes()).is_none(),
            "an id used in both halves"
        );
    }
}
