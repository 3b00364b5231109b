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
    // The file replaced keeps its permissions (a dataset shared with the
    // group stays shared).
    let permissions = std::fs::metadata(path).ok().map(|old| old.permissions());
    let result = (|| {
        let mut writer = BufWriter::new(File::create(&temporary)?);
        write(&mut writer)?;
        let file = writer
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.sync_all()
    })()
    .and_then(|()| std::fs::rename(&temporary, path))
    .and_then(|()| sync_folder_of(path));
    if result.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = std::fs::remove_file(&temporary);
    } else {
        remove_stale_temporaries(path);
    }
    result
}

/// Makes the rename that put `path` in place survive a power cut: the
/// folder's entry is flushed too. Where folders cannot be opened (Windows),
/// the rename is as durable as the system makes it.
fn sync_folder_of(path: &Path) -> io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    match File::open(folder) {
        Ok(folder) => folder.sync_all(),
        Err(_) if cfg!(windows) => Ok(()),
        Err(error) => Err(error),
    }
}

/// Removes the temporary files of `path` that writers killed mid-write
/// left behind (their process is gone), so that crashes do not pile them
/// up beside the user's files. Another live writer's file is left alone.
fn remove_stale_temporaries(path: &Path) {
    let Some(name) = path.file_name() else {
        return;
    };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let writer = file_name
            .to_string_lossy()
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok());
        if let Some(pid) = writer
            && pid != std::process::id()
            && process_is_gone(pid)
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether no process `pid` runs; `false` where that cannot be told.
fn process_is_gone(pid: u32) -> bool {
    cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists()
}

/// A name beside `path`, unique to this process, hidden on Unix.
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "legation".into(), |name| name.to_string_lossy());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::*;

    /// `data.json` in a scratch folder removed when the guard drops.
    fn scratch() -> (tempfile::TempDir, PathBuf) {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("data.json");
        (folder, path)
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let (_folder, path) = scratch();
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1, "only the target remains: {left:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn temporaries_of_killed_writers_are_cleared_and_live_ones_kept() {
        let (_folder, path) = scratch();
        let folder = path.parent().unwrap();
        // No process has this id (Linux's limit is 2^22); process 1 always runs.
        let stale = folder.join(".data.json.999999999.tmp");
        let live = folder.join(".data.json.1.tmp");
        let other = folder.join(".other.json.999999999.tmp");
        for file in [&stale, &live, &other] {
            std::fs::write(file, "half").unwrap();
        }
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        assert!(!stale.exists(), "a killed writer's temporary is removed");
        assert!(live.exists(), "a live writer's temporary is kept");
        assert!(
            other.exists(),
            "another file's temporary is not ours to touch"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn the_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let (_folder, path) = scratch();
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, |out| out.write_all(b"new")).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
        // A relative path in the current folder writes too (its folder is ".").
        assert!(sync_folder_of(Path::new("data.json")).is_ok());
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let (_folder, path) = scratch();
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
