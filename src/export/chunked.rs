//! Writing a selection on every core: records are read and encoded in
//! chunks of rows, each chunk by one worker into bytes of its own, and the
//! chunks written in order by the calling thread. Reading a record back
//! from a big file's index is most of an export's time, and it shares
//! nothing, so two cores nearly halve it; each worker frees what it
//! allocates (handing single records across threads was slower).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{Cited, Item, Selection};
use crate::edit::Target;

/// Rows per chunk: big enough that handing a chunk over costs nothing,
/// small enough that a few in flight stay a few megabytes.
const CHUNK_ROWS: usize = 8192;

/// Appends one record's bytes to the buffer, with the worker's cache of
/// cited sources.
pub(super) type Encode<'e> =
    dyn Fn(&Item<'_>, &mut Cited, &mut Vec<u8>) -> io::Result<()> + Sync + 'e;

/// Which of the selected records a pass writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rows {
    /// Visits and events, file by file, visits first.
    All,
    /// Only the visits.
    Visits,
    /// Only the events.
    Events,
}

impl Rows {
    fn takes(self, visits: bool) -> bool {
        match self {
            Self::All => true,
            Self::Visits => visits,
            Self::Events => !visits,
        }
    }
}

/// A run of rows of one file: visits or events `rows`.
#[derive(Clone, Debug)]
pub(super) struct Chunk {
    file: usize,
    visits: bool,
    rows: std::ops::Range<usize>,
}

impl Selection<'_> {
    /// Encodes the selected records `rows` names with `encode` (which
    /// appends its bytes to the buffer it is given) on as many threads as
    /// there are cores, and writes the bytes to `out` in the order
    /// [`Selection::for_each`] visits the records.
    ///
    /// # Errors
    /// The first error `encode` or `out` returns.
    pub(super) fn write_encoded(
        &self,
        rows: Rows,
        out: &mut impl Write,
        encode: &Encode<'_>,
    ) -> io::Result<()> {
        self.write_encoded_in(rows, CHUNK_ROWS, out, encode)
    }

    /// [`Selection::write_encoded`] in chunks of `chunk_rows` rows.
    fn write_encoded_in(
        &self,
        rows: Rows,
        chunk_rows: usize,
        out: &mut impl Write,
        encode: &Encode<'_>,
    ) -> io::Result<()> {
        let chunks = self.chunks(rows, chunk_rows);
        let next = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism().map_or(2, |cores| cores.get().min(8));
        // Bounded, so that workers far ahead of the writer wait.
        let (send, receive) = mpsc::sync_channel::<(usize, io::Result<Vec<u8>>)>(workers * 2);
        std::thread::scope(|scope| {
            for _ in 0..workers {
                let send = send.clone();
                let (next, written, chunks) = (&next, &written, &chunks);
                scope.spawn(move || {
                    let mut cited = Cited::default();
                    // The last chunk's size, so that the next one's bytes
                    // grow once, not by doubling.
                    let mut capacity = 0;
                    loop {
                        // Never more than a few chunks ahead of the writer
                        // (which, on an error, sends every worker home).
                        while next.load(Ordering::Relaxed) < chunks.len()
                            && next.load(Ordering::Relaxed)
                                > written.load(Ordering::Relaxed) + 4 * workers
                        {
                            std::thread::sleep(std::time::Duration::from_micros(200));
                        }
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(chunk) = chunks.get(index) else {
                            break;
                        };
                        let mut bytes = Vec::with_capacity(capacity + capacity / 8);
                        let encoded = self
                            .for_each_in(chunk, |item| encode(item, &mut cited, &mut bytes))
                            .map(|()| bytes);
                        capacity = encoded.as_ref().map_or(0, Vec::len);
                        let failed = encoded.is_err();
                        if send.send((index, encoded)).is_err() || failed {
                            break;
                        }
                    }
                });
            }
            drop(send);
            write_in_order(out, &receive, &next, &written, chunks.len())
        })
    }

    /// The selection's rows of the kinds `rows` names in chunks of
    /// `chunk_rows`, file by file, visits first.
    pub(super) fn chunks(&self, rows: Rows, chunk_rows: usize) -> Vec<Chunk> {
        let mut chunks = Vec::new();
        for (file, matches) in self.matches.iter().enumerate() {
            for (visits, count) in [(true, matches.visits.len()), (false, matches.events.len())] {
                if !rows.takes(visits) {
                    continue;
                }
                for start in (0..count).step_by(chunk_rows) {
                    chunks.push(Chunk {
                        file,
                        visits,
                        rows: start..start.saturating_add(chunk_rows).min(count),
                    });
                }
            }
        }
        chunks
    }

    /// Calls `write` with each selected record of `chunk`.
    pub(super) fn for_each_in(
        &self,
        chunk: &Chunk,
        mut write: impl FnMut(&Item<'_>) -> io::Result<()>,
    ) -> io::Result<()> {
        let file = &self.workspace.files[chunk.file];
        let (matches, placed) = (&self.matches[chunk.file], &self.placed[chunk.file]);
        let table = &file.table;
        for row in chunk.rows.clone() {
            let item = if chunk.visits {
                if !matches.visits.contains(row) {
                    continue;
                }
                let visit = table.visits[row];
                file.record(Target::Visit(row)).map(|record| Item {
                    file,
                    record,
                    from: visit.from.and_then(|from| placed[from.index()]),
                    at: placed[visit.to.index()],
                    trust: visit.trust,
                })
            } else {
                if !matches.events.contains(row) {
                    continue;
                }
                let event = table.events[row];
                file.record(Target::Event(row)).map(|record| Item {
                    file,
                    record,
                    from: None,
                    at: placed[event.place.index()],
                    trust: event.trust,
                })
            };
            if let Some(item) = item {
                write(&item)?;
            }
        }
        Ok(())
    }
}

/// A writer that drops the first byte written through it: records are
/// encoded each with the comma before it, and the first one's goes.
pub(super) struct SkipFirstByte<W> {
    out: W,
    skipped: bool,
}

impl<W> SkipFirstByte<W> {
    pub(super) fn new(out: W) -> Self {
        Self {
            out,
            skipped: false,
        }
    }
}

impl<W: Write> Write for SkipFirstByte<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if !self.skipped && !bytes.is_empty() {
            self.skipped = true;
            return self.out.write(&bytes[1..]).map(|written| written + 1);
        }
        self.out.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// Writes the chunks as they come, each once every chunk before it is
/// written; on an error, makes the workers stop taking chunks.
fn write_in_order(
    out: &mut impl Write,
    receive: &mpsc::Receiver<(usize, io::Result<Vec<u8>>)>,
    next: &AtomicUsize,
    written: &AtomicUsize,
    count: usize,
) -> io::Result<()> {
    let mut waiting: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
    let outcome = (|| {
        let mut done = 0;
        while done < count {
            let Ok((index, bytes)) = receive.recv() else {
                return Err(io::Error::other("an export worker stopped unexpectedly"));
            };
            waiting.insert(index, bytes?);
            while let Some(bytes) = waiting.remove(&done) {
                out.write_all(&bytes)?;
                done += 1;
                written.store(done, Ordering::Relaxed);
            }
        }
        Ok(())
    })();
    if outcome.is_err() {
        next.store(usize::MAX / 2, Ordering::Relaxed);
        // Let workers blocked on a full channel finish.
        while receive.recv().is_ok() {}
    }
    outcome
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::workspace::Workspace;

    #[test]
    fn chunks_encoded_on_several_threads_come_out_in_the_records_order() {
        let mut workspace = Workspace::default();
        for name in ["data/shoigu-pyongyang.json", "data/us-travels.json"] {
            workspace.open(&Path::new(env!("CARGO_MANIFEST_DIR")).join(name));
        }
        let selection = Selection::new(&workspace, None, None);
        let mut in_order = Vec::new();
        selection
            .for_each(|item| {
                in_order.extend_from_slice(item.id().as_bytes());
                in_order.push(b'\n');
                Ok(())
            })
            .unwrap();
        // Chunks of 7 rows: hundreds of them, taken by two threads at once.
        let mut chunked = Vec::new();
        selection
            .write_encoded_in(Rows::All, 7, &mut chunked, &|item, _, bytes| {
                bytes.extend_from_slice(item.id().as_bytes());
                bytes.push(b'\n');
                Ok(())
            })
            .unwrap();
        assert_eq!(in_order.len(), chunked.len());
        assert!(in_order == chunked, "the order changed");
        let (visits, events) = selection.counts();
        assert_eq!(
            memchr::memchr_iter(b'\n', &in_order).count(),
            visits + events
        );
    }

    #[test]
    fn an_encoding_error_stops_the_export_and_is_returned() {
        let mut workspace = Workspace::default();
        workspace.open(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/us-travels.json"));
        let selection = Selection::new(&workspace, None, None);
        let failed = selection.write_encoded_in(Rows::All, 5, &mut Vec::new(), &|item, _, _| {
            if item.id().ends_with('7') {
                Err(io::Error::other("no sevens"))
            } else {
                Ok(())
            }
        });
        assert_eq!(failed.unwrap_err().to_string(), "no sevens");
    }
}
