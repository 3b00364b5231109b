//! The dataset readers on any bytes: the fast reader (which every file
//! meets first) and the detailed loader return records with problems or an
//! error, never panic, and agree: what the fast reader accepts the detailed
//! loader loads without a problem, record for record; what loads saves and
//! loads again.
#![no_main]

use legation::model::{RecordTable, open_dataset, parse_dataset};
use legation::progress::Progress;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let detailed = parse_dataset(data);
    let opened = open_dataset(data.to_vec(), &Progress::default());
    match (&opened, &detailed) {
        (Ok(opened), Ok(loaded)) => {
            assert_eq!(opened.problems, loaded.problems);
            let dataset = &loaded.dataset;
            assert_eq!(
                placed_rows(&opened.table),
                placed_rows(&RecordTable::from_dataset(dataset))
            );
            assert_eq!(opened.records.visit_count(), dataset.visits.len());
            assert_eq!(opened.records.event_count(), dataset.events.len());
            for (index, visit) in dataset.visits.iter().enumerate() {
                assert_eq!(opened.records.visit(index).as_deref(), Some(visit));
            }
            for (index, event) in dataset.events.iter().enumerate() {
                assert_eq!(opened.records.event(index).as_deref(), Some(event));
            }
        }
        (Err(_), Err(_)) => {}
        _ => panic!("the readers disagree on whether this is a dataset"),
    }
    if let Ok(loaded) = detailed {
        let saved = serde_json::to_vec(&loaded.dataset).expect("a loaded dataset serializes");
        assert!(
            parse_dataset(&saved).is_ok(),
            "a saved dataset loads again: {}",
            String::from_utf8_lossy(&saved)
        );
    }
});

/// A table's rows with their places written out, so that tables that
/// number their places in another order compare equal.
fn placed_rows(table: &RecordTable) -> String {
    let mut rows = String::new();
    for visit in &table.visits {
        let from = visit.from.map(|from| table.place(from));
        rows += &format!(
            "{from:?} {:?} {:?} {:?}\n",
            table.place(visit.to),
            visit.leader_country,
            visit.days
        );
    }
    for event in &table.events {
        rows += &format!("{:?} {:?} {:?}\n", table.place(event.place), event.kind, event.days);
    }
    rows
}
