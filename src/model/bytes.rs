//! A whole file's bytes in memory, read as fast as this machine allows,
//! for the detailed loader and small files (a sound big file is read a
//! segment at a time instead, [`super::read_indexed_file`]); and a file
//! kept open to read records from again.
//!
//! Reading a big cached file is mostly the kernel handing out and filling
//! fresh 4 KiB pages: for a 590 MB file, 144,000 page faults. On Unix the
//! bytes go into an anonymous mapping that asks for huge pages (Linux's
//! transparent huge pages, where enabled), which takes about 300 faults
//! and leaves fewer TLB misses for the parser that walks the bytes next;
//! and two threads read its two halves at once. Elsewhere, or for small
//! files, the bytes are a plain `Vec`.

use std::fs::File;
use std::ops::{Deref, Range};
use std::path::Path;
use std::time::SystemTime;

/// Files at least this big are read into huge pages by two threads.
const BIG_FILE_BYTES: u64 = 32 << 20;

/// A file's bytes, owned.
#[derive(Debug)]
pub struct Bytes(Storage);

#[derive(Debug)]
enum Storage {
    Vec(Vec<u8>),
    #[cfg(unix)]
    Mapped(memmap2::MmapMut),
}

/// Reads the whole file at `path`.
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_file(path: &Path) -> std::io::Result<Bytes> {
    let mut file = File::open(path)?;
    let stamp = Stamp::of(&file)?;
    #[cfg(unix)]
    if stamp.len >= BIG_FILE_BYTES {
        let bytes = read_big(&file, stamp.len)?;
        // A file that changed while it was read is read again whole, as
        // the one-thread way would see it.
        if Stamp::of(&file)? != stamp {
            return Ok(std::fs::read(path)?.into());
        }
        return Ok(Bytes(Storage::Mapped(bytes)));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(stamp.len).unwrap_or(0));
    std::io::Read::read_to_end(&mut file, &mut bytes)?;
    Ok(bytes.into())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// An open file whose records are read again when shown: for a big file,
/// that costs a read of a few hundred bytes per record shown, where keeping
/// its bytes would cost memory the size of the file for as long as it is
/// open.
///
/// A file replaced by another (saved whole under its name, as editors and
/// Legation do) stays readable: the open file is the old one. A file changed
/// in place is noticed by its size and time, and its records are then
/// refused rather than read from the wrong bytes.
#[derive(Debug)]
pub struct KeptFile {
    name: String,
    file: File,
    stamp: Stamp,
}

/// What tells whether a file changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    fn of(file: &File) -> std::io::Result<Self> {
        let metadata = file.metadata()?;
        Ok(Self {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

impl KeptFile {
    /// Opens the file at `path` to read records from, as it is now.
    ///
    /// # Errors
    /// When the file cannot be opened.
    pub fn open(path: &Path) -> std::io::Result<Self> {
        let file = File::open(path)?;
        let stamp = Stamp::of(&file)?;
        Ok(Self {
            name: file_name(path),
            file,
            stamp,
        })
    }

    /// How many bytes the file had when opened.
    pub fn size(&self) -> u64 {
        self.stamp.len
    }

    /// The whole file as it is now, read from its start.
    ///
    /// # Errors
    /// When the file cannot be read from its start.
    pub fn contents(&self) -> std::io::Result<impl std::io::Read + Send + '_> {
        let mut file = &self.file;
        std::io::Seek::rewind(&mut file)?;
        Ok(file)
    }

    /// Bytes `range` of the file, if it is as it was when opened.
    ///
    /// # Errors
    /// Why not, in words for the user ([`KeptFile::changed`], or the error
    /// reading).
    pub fn read(&self, range: Range<usize>) -> Result<Vec<u8>, String> {
        if let Some(changed) = self.changed() {
            return Err(changed);
        }
        let mut bytes = vec![0; range.len()];
        read_at(&self.file, &mut bytes, range.start as u64)
            .map_err(|error| format!("{}: cannot read it again: {error}", self.name))?;
        Ok(bytes)
    }

    /// Why its records cannot be read any more, if it changed on disk.
    pub fn changed(&self) -> Option<String> {
        match Stamp::of(&self.file) {
            Ok(stamp) if stamp == self.stamp => None,
            Ok(_) => Some(format!(
                "{} changed on disk since it was opened: open it again to see its records",
                self.name
            )),
            Err(error) => Some(format!("{}: cannot read it again: {error}", self.name)),
        }
    }
}

#[cfg(unix)]
fn read_at(file: &File, bytes: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, offset)
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(windows)]
fn read_at(file: &File, mut bytes: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        match file.seek_read(bytes, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            read => {
                bytes = &mut bytes[read..];
                offset += read as u64;
            }
        }
    }
    Ok(())
}

/// The first `len` bytes of `file`, in a mapping advised to use huge
/// pages, each half read by its own thread.
#[cfg(unix)]
fn read_big(file: &std::fs::File, len: u64) -> std::io::Result<memmap2::MmapMut> {
    use std::os::unix::fs::FileExt;
    let len = usize::try_from(len).map_err(std::io::Error::other)?;
    let mut bytes = memmap2::MmapMut::map_anon(len)?;
    // Only advice: where huge pages are off, this is a no-op or an error
    // that changes nothing, so it is not reported.
    #[cfg(target_os = "linux")]
    let _ = bytes.advise(memmap2::Advice::HugePage);
    let (first, second) = bytes.split_at_mut(len / 2);
    std::thread::scope(|scope| {
        let second_half = scope.spawn(move || file.read_exact_at(second, (len / 2) as u64));
        file.read_exact_at(first, 0)?;
        second_half
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the reading thread stopped")))
    })?;
    Ok(bytes)
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Self {
        Self(Storage::Vec(bytes))
    }
}

impl Default for Bytes {
    fn default() -> Self {
        Self::from(Vec::new())
    }
}

impl Clone for Bytes {
    fn clone(&self) -> Self {
        Self::from(self.to_vec())
    }
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.0 {
            Storage::Vec(bytes) => bytes,
            #[cfg(unix)]
            Storage::Mapped(bytes) => bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_and_small_files_read_whole() {
        let folder = std::env::temp_dir().join(format!("legation-bytes-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        for len in [0, 5, BIG_FILE_BYTES as usize + 3] {
            let path = folder.join(format!("{len}.bin"));
            let written: Vec<u8> = (0..len).map(|at| (at % 251) as u8).collect();
            std::fs::write(&path, &written).unwrap();
            let read = read_file(&path).unwrap();
            assert!(*read == written[..], "{len} bytes");
        }
        std::fs::remove_dir_all(&folder).unwrap();
        assert!(read_file(&folder.join("gone.bin")).is_err());
    }

    #[test]
    fn a_kept_file_reads_ranges_until_it_changes_in_place_but_not_when_replaced() {
        let folder = std::env::temp_dir().join(format!("legation-kept-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let path = folder.join("records.json");
        std::fs::write(&path, "0123456789").unwrap();
        let kept = KeptFile::open(&path).unwrap();
        assert_eq!(kept.read(2..5).unwrap(), b"234");
        assert!(kept.changed().is_none());

        // Saved whole under its name: the kept file is the old one.
        let replacement = folder.join("records.json.new");
        std::fs::write(&replacement, "abcdefghijklmnop").unwrap();
        std::fs::rename(&replacement, &path).unwrap();
        assert_eq!(kept.read(2..5).unwrap(), b"234");

        // Changed in place: refused, with the file named and what to do.
        let kept = KeptFile::open(&path).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .and_then(|mut file| std::io::Write::write_all(&mut file, b"more"))
            .unwrap();
        let refused = kept.read(2..5).unwrap_err();
        assert!(
            refused.contains("records.json changed on disk"),
            "{refused}"
        );
        assert!(refused.contains("open it again"), "{refused}");
        assert_eq!(kept.changed(), Some(refused));
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
