//! A folder's contents as a file chooser lists them: sub-folders first,
//! then the files Legation opens, each by name; hidden entries left out.
//! The app's own chooser reads it when the system's dialog cannot open.

use std::path::{Path, PathBuf};

/// One entry of a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderEntry {
    /// Its name.
    pub name: String,
    /// Its full path.
    pub path: PathBuf,
    /// Whether it is a folder (or a link to one).
    pub is_folder: bool,
    /// Its size in bytes (0 for folders).
    pub bytes: u64,
}

/// The sub-folders of `folder`, then its files whose extension is one of
/// `extensions` (any case; a `.CSV.zip` counts as `zip`), each group by
/// name without regard to case. Entries whose names start with a dot are
/// hidden, as file managers hide them.
///
/// # Errors
/// When `folder` cannot be read (it is gone, or not ours to read).
pub fn list_folder(folder: &Path, extensions: &[&str]) -> std::io::Result<Vec<FolderEntry>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follows links, so that a link to a folder opens as one.
        let Ok(metadata) = std::fs::metadata(&path) else {
            continue;
        };
        let is_folder = metadata.is_dir();
        let wanted = is_folder
            || path
                .extension()
                .and_then(|extension| extension.to_str())
                .is_some_and(|extension| {
                    extensions
                        .iter()
                        .any(|wanted| wanted.eq_ignore_ascii_case(extension))
                });
        if wanted {
            entries.push(FolderEntry {
                name,
                path,
                is_folder,
                bytes: if is_folder { 0 } else { metadata.len() },
            });
        }
    }
    entries.sort_by_cached_key(|entry| (!entry.is_folder, entry.name.to_lowercase()));
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_folders_first_then_the_files_it_opens_by_name() {
        let root = std::env::temp_dir().join(format!("legation-folder-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for folder in ["travels", "Archive", ".cache"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        for file in [
            "b.json",
            "A.JSON",
            "notes.odt",
            ".hidden.json",
            "gdelt.CSV.zip",
        ] {
            std::fs::write(root.join(file), b"{}").unwrap();
        }
        let listed = list_folder(&root, &["json", "zip"]).unwrap();
        let names: Vec<(&str, bool)> = listed
            .iter()
            .map(|entry| (entry.name.as_str(), entry.is_folder))
            .collect();
        assert_eq!(
            names,
            [
                ("Archive", true),
                ("travels", true),
                ("A.JSON", false),
                ("b.json", false),
                ("gdelt.CSV.zip", false),
            ]
        );
        assert_eq!(listed[2].bytes, 2);
        assert!(list_folder(&root.join("gone"), &["json"]).is_err());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
