//! Writing an indexed dataset back with some of its records changed,
//! dropped or added, streaming: every byte outside the changed records is
//! copied as it was (formatting, key order, unknown fields), a few
//! megabytes at a time, so that saving one edit to a file of millions of
//! records costs a copy of the file, not a parse of it or its size in
//! memory.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use super::IndexedDataset;
use super::indexed::Kind;

/// What to change in one array of records.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArrayEdits {
    /// Records by position: `Some(json)` replaces the record with that
    /// JSON object, `None` drops it.
    pub changed: BTreeMap<usize, Option<String>>,
    /// JSON objects to append, in order.
    pub added: Vec<String>,
}

impl ArrayEdits {
    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty()
    }
}

/// What to change in a dataset's visits and events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetEdits {
    /// The visits' changes.
    pub visits: ArrayEdits,
    /// The events' changes.
    pub events: ArrayEdits,
}

/// How much of the document is copied at a time.
const COPY_BYTES: usize = 8 << 20;

/// One change to the document's bytes: `range` gives way to `text`.
struct Splice {
    range: Range<usize>,
    text: String,
}

impl IndexedDataset {
    /// Writes the document with `edits` made to it.
    ///
    /// # Errors
    /// When `out` fails, or the file the records are read from changed on
    /// disk since it was read (saying so).
    pub fn write_edited(&self, edits: &DatasetEdits, out: &mut impl Write) -> io::Result<()> {
        let mut splices = Vec::new();
        for (kind, name, array) in [
            (Kind::Visits, "visits", &edits.visits),
            (Kind::Events, "events", &edits.events),
        ] {
            if !array.is_empty() {
                self.splices(kind, name, array, &mut splices)?;
            }
        }
        splices.sort_by_key(|splice| (splice.range.start, splice.range.end));
        let mut at = 0;
        for splice in splices {
            self.copy(at..splice.range.start, out)?;
            out.write_all(splice.text.as_bytes())?;
            at = splice.range.end;
        }
        self.copy(at..self.len(), out)
    }

    /// The splices that make `array`'s changes to the records of `kind`.
    fn splices(
        &self,
        kind: Kind,
        name: &str,
        array: &ArrayEdits,
        splices: &mut Vec<Splice>,
    ) -> io::Result<()> {
        let ranges = self.ranges(kind);
        let Some(last) = ranges.len().checked_sub(1) else {
            return self.first_records(kind, name, &array.added, splices);
        };
        let indent = self.indent_before(ranges[0].start)?;
        let pretty = self.read(ranges[0].clone())?.contains(&b'\n');
        let layout = |json: &str| lay_out(json, pretty, &indent);
        // The records dropped at the end, with the separator before them:
        // a dropped record elsewhere takes its separator after it.
        let trailing = (0..=last)
            .rev()
            .take_while(|index| matches!(array.changed.get(index), Some(None)))
            .last();
        for (&index, change) in array.changed.range(..ranges.len()) {
            let range = ranges[index].clone();
            match change {
                Some(json) => splices.push(Splice {
                    range,
                    text: layout(json),
                }),
                None if trailing.is_some_and(|first| index >= first) => {}
                None => splices.push(Splice {
                    range: range.start..ranges[index + 1].start,
                    text: String::new(),
                }),
            }
        }
        let end = ranges[last].end;
        let kept = match trailing {
            Some(0) => {
                splices.push(Splice {
                    range: ranges[0].start..end,
                    text: String::new(),
                });
                false
            }
            Some(first) => {
                splices.push(Splice {
                    range: ranges[first - 1].end..end,
                    text: String::new(),
                });
                true
            }
            None => true,
        };
        if !array.added.is_empty() {
            let separator = format!(",\n{indent}");
            let mut text = String::new();
            for (count, json) in array.added.iter().enumerate() {
                if kept || count > 0 {
                    text.push_str(if pretty { &separator } else { "," });
                }
                text.push_str(&layout(json));
            }
            splices.push(Splice {
                range: end..end,
                text,
            });
        }
        Ok(())
    }

    /// The splice that gives an array with no records its first ones:
    /// in place of `[]` or `null`, or as a new member before the
    /// document's closing brace.
    fn first_records(
        &self,
        kind: Kind,
        name: &str,
        added: &[String],
        splices: &mut Vec<Splice>,
    ) -> io::Result<()> {
        if added.is_empty() {
            return Ok(());
        }
        let records: Vec<String> = added
            .iter()
            .map(|json| format!("    {}", lay_out(json, true, "    ")))
            .collect();
        let array = format!("[\n{}\n  ]", records.join(",\n"));
        if let Some(range) = self.empty_array(kind) {
            splices.push(Splice { range, text: array });
            return Ok(());
        }
        // After the last value, before the closing brace.
        let len = self.len();
        let tail_start = len.saturating_sub(4096);
        let tail = self.read(tail_start..len)?;
        let brace = tail.iter().rposition(|&byte| byte == b'}');
        let last_value = brace.and_then(|brace| {
            tail[..brace]
                .iter()
                .rposition(|byte| !byte.is_ascii_whitespace())
        });
        let Some(at) = last_value.map(|at| tail_start + at + 1) else {
            return Err(io::Error::other("the document does not end in `}`"));
        };
        splices.push(Splice {
            range: at..at,
            text: format!(",\n  \"{name}\": {array}"),
        });
        Ok(())
    }

    /// The whitespace the line holding byte `at` starts with.
    fn indent_before(&self, at: usize) -> io::Result<String> {
        let before = self.read(at.saturating_sub(256)..at)?;
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |newline| newline + 1);
        let indent = before[line_start..]
            .iter()
            .take_while(|&&byte| byte == b' ' || byte == b'\t')
            .map(|&byte| byte as char)
            .collect();
        Ok(indent)
    }

    fn read(&self, range: Range<usize>) -> io::Result<std::borrow::Cow<'_, [u8]>> {
        self.bytes_or_why(range).map_err(io::Error::other)
    }

    /// Copies `range` of the document to `out`, a few megabytes at a time.
    fn copy(&self, range: Range<usize>, out: &mut impl Write) -> io::Result<()> {
        let mut at = range.start;
        while at < range.end {
            let end = (at + COPY_BYTES).min(range.end);
            out.write_all(&self.read(at..end)?)?;
            at = end;
        }
        Ok(())
    }
}

/// A record's JSON laid out as its neighbours are: pretty, each line after
/// the first indented by `indent` more, or on one line.
fn lay_out(json: &str, pretty: bool, indent: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    if pretty {
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        text.replace('\n', &format!("\n{indent}"))
    } else {
        serde_json::to_string(&value).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse_dataset, read_indexed};
    use crate::progress::Progress;

    fn indexed(json: &str) -> IndexedDataset {
        read_indexed(json.as_bytes().to_vec().into(), &Progress::default())
            .expect("sound")
            .0
    }

    fn rewritten(json: &str, edits: &DatasetEdits) -> String {
        let mut out = Vec::new();
        indexed(json).write_edited(edits, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let loaded = parse_dataset(text.as_bytes()).unwrap();
        assert!(loaded.problems.is_empty(), "{text}: {:?}", loaded.problems);
        text
    }

    fn visit(id: &str) -> String {
        format!(r#"{{"id": "{id}", "to": {{"country": "KP"}}, "date": "2023"}}"#)
    }

    const PRETTY: &str = r#"{
  "format": "legation/1",
  "mine": {"kept": [1, 2]},
  "visits": [
    {
      "id": "a",
      "to": {"country": "KP"},
      "date": "2023",
      "note": "x"
    },
    {"id": "b", "to": {"country": "CN"}, "date": "2023"},
    {"id": "c", "to": {"country": "RU"}, "date": "2023"}
  ],
  "events": []
}
"#;

    #[test]
    fn nothing_changed_copies_every_byte() {
        assert_eq!(rewritten(PRETTY, &DatasetEdits::default()), PRETTY);
    }

    #[test]
    fn replaces_drops_and_adds_records_and_leaves_the_rest_as_it_was() {
        let mut edits = DatasetEdits::default();
        edits.visits.changed.insert(0, Some(visit("a2")));
        edits.visits.changed.insert(1, None);
        edits.visits.added.push(visit("d"));
        edits.events.added.push(
            r#"{"id": "e", "kind": "parade", "place": {"country": "KP"}, "date": "2023"}"#
                .to_owned(),
        );
        let text = rewritten(PRETTY, &edits);
        let dataset = parse_dataset(text.as_bytes()).unwrap().dataset;
        let ids: Vec<&str> = dataset
            .visits
            .iter()
            .map(|visit| visit.id.as_str())
            .collect();
        assert_eq!(ids, ["a2", "c", "d"]);
        assert_eq!(dataset.events[0].id, "e");
        assert!(text.contains(r#""mine": {"kept": [1, 2]}"#), "{text}");
        assert!(
            text.contains(r#"{"id": "c", "to": {"country": "RU"}, "date": "2023"}"#),
            "untouched records keep their bytes: {text}"
        );
    }

    #[test]
    fn dropping_the_last_records_or_all_of_them_stays_valid() {
        for dropped in [vec![2], vec![1, 2], vec![0, 1, 2], vec![0, 2]] {
            let mut edits = DatasetEdits::default();
            for index in &dropped {
                edits.visits.changed.insert(*index, None);
            }
            let text = rewritten(PRETTY, &edits);
            let count = parse_dataset(text.as_bytes()).unwrap().dataset.visits.len();
            assert_eq!(count, 3 - dropped.len(), "{dropped:?}: {text}");
        }
        let mut edits = DatasetEdits::default();
        edits
            .visits
            .changed
            .extend([(0, None), (1, None), (2, None)]);
        edits.visits.added.push(visit("z"));
        let text = rewritten(PRETTY, &edits);
        let dataset = parse_dataset(text.as_bytes()).unwrap().dataset;
        assert_eq!(dataset.visits.len(), 1, "{text}");
    }

    #[test]
    fn first_records_go_where_the_array_is_or_would_be() {
        let compact =
            r#"{"format":"legation/1","visits":[{"id":"a","to":{"country":"KP"},"date":"2023"}]}"#;
        let mut edits = DatasetEdits::default();
        edits.visits.added.push(visit("b"));
        edits.events.added.push(
            r#"{"id": "e", "kind": "parade", "place": {"country": "KP"}, "date": "2023"}"#
                .to_owned(),
        );
        let text = rewritten(compact, &edits);
        assert!(
            text.starts_with(r#"{"format":"legation/1","visits":[{"id":"a","to":{"country":"KP"},"date":"2023"},{"id":"b""#),
            "a compact file stays compact: {text}"
        );
        let dataset = parse_dataset(text.as_bytes()).unwrap().dataset;
        assert_eq!((dataset.visits.len(), dataset.events.len()), (2, 1));

        let null = r#"{"format": "legation/1", "events": null}"#;
        let text = rewritten(null, &edits);
        let dataset = parse_dataset(text.as_bytes()).unwrap().dataset;
        assert_eq!(
            (dataset.visits.len(), dataset.events.len()),
            (1, 1),
            "{text}"
        );
    }
}
