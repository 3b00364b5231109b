//! Writing files so that an interrupted write never loses the old one.
//!
//! Every file Legation writes (datasets, imports, synthetic data, the
//! unpacked basemap) goes to a temporary file in the same folder, is flushed
//! to disk, and only then renamed over the target: a crash, a full disk or a
//! kill mid-write leaves the previous file as it was.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

/// Writes `path` through `write`, atomically: readers see the old file or
/// the whole new one, never a part.
///
/// # Errors
/// When the folder cannot be written, or `write` fails; the temporary file
/// is removed and `path` is untouched.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let temporary = temporary_path(path);
    let result = (|| {
        let mut writer = BufWriter::new(File::create(&temporary)?);
        write(&mut writer)?;
        let file = writer
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        file.sync_all()
    })()
    .and_then(|()| std::fs::rename(&temporary, path));
    if result.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// A name beside `path`, unique to this process, hidden on Unix.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "legation".into(), |name| name.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("legation-save-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        folder.join("data.json")
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let path = scratch("replace");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the target remains: {left:?}");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let path = scratch("fail");
        std::fs::write(&path, "old").unwrap();
        let result = write_atomically(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed: {left:?}");
    }
}
