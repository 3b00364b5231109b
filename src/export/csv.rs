//! CSV: one row per record, [`super::COLUMNS`] as the header, quoted by
//! the `csv` crate (a passage with quotes and line breaks stays one cell).

use std::io::{self, Write};

use super::{COLUMNS, Cell, Cited, Selection, columns};

/// Writes `selection` as CSV.
pub(super) fn write(selection: &Selection<'_>, out: impl Write) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut cited = Cited::default();
    selection.for_each(|item| {
        let cells = columns(item, &mut cited);
        writer.write_record(cells.iter().map(Cell::to_text))?;
        Ok(())
    })?;
    writer.flush()
}
