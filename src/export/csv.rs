//! CSV: one row per record, [`super::COLUMNS`] as the header, quoted by
//! the `csv` crate (a passage with quotes and line breaks stays one cell),
//! the rows encoded on every core (see [`Selection::write_encoded`]).

use std::borrow::Cow;
use std::io::{self, Write};

use super::chunked::Rows;
use super::{COLUMNS, Cell, Selection, columns};

/// The `csv` writer's own buffer for one row, which it writes on to the
/// chunk's bytes: a row is rarely longer (a buffer of nothing never empties).
const ROW_BUFFER: usize = 1024;

/// Writes `selection` as CSV.
pub(super) fn write(selection: &Selection<'_>, mut out: impl Write) -> io::Result<()> {
    let mut header = ::csv::Writer::from_writer(&mut out);
    header.write_record(COLUMNS)?;
    header.flush()?;
    drop(header);
    selection.write_encoded(Rows::All, &mut out, &|item, cited, bytes| {
        let cells = columns(item, cited);
        let mut row = ::csv::WriterBuilder::new()
            .buffer_capacity(ROW_BUFFER)
            .from_writer(bytes);
        row.write_record(cells.iter().map(bytes_of))?;
        row.flush()
    })?;
    out.flush()
}

/// A cell's text as the bytes the `csv` crate writes.
fn bytes_of<'a>(cell: &'a Cell<'_>) -> Cow<'a, [u8]> {
    match cell.to_text() {
        Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
        Cow::Owned(text) => Cow::Owned(text.into_bytes()),
    }
}
