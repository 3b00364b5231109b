//! Legation's own file chooser, for File → Open… and Open folder… where
//! the system's dialog cannot open (no xdg-desktop-portal, as on many
//! tiling window managers and plain X sessions): a folder at a time, a
//! typed path, folders to step into, files to tick and open.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use crate::workspace::{FolderEntry, list_folder};

/// What the chooser picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picking {
    /// Files to open.
    Files,
    /// A folder (of the US travels record).
    Folder,
}

/// The chooser's state; `None` in the app while it is closed.
pub struct FileChooser {
    picking: Picking,
    folder: PathBuf,
    typed: String,
    entries: Result<Vec<FolderEntry>, String>,
    ticked: Vec<PathBuf>,
    extensions: &'static [&'static str],
}

impl FileChooser {
    /// A chooser of `picking` in `folder` (the home folder if `None`),
    /// listing files with one of `extensions`.
    pub fn new(
        picking: Picking,
        folder: Option<PathBuf>,
        extensions: &'static [&'static str],
    ) -> Self {
        let folder = folder
            .or_else(|| directories::UserDirs::new().map(|dirs| dirs.home_dir().to_owned()))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"));
        let mut chooser = Self {
            picking,
            folder: PathBuf::new(),
            typed: String::new(),
            entries: Ok(Vec::new()),
            ticked: Vec::new(),
            extensions,
        };
        chooser.go_to(&folder);
        chooser
    }

    /// Lists `folder`; says why when it cannot be read.
    fn go_to(&mut self, folder: &Path) {
        folder.clone_into(&mut self.folder);
        self.typed = folder.display().to_string();
        self.ticked.clear();
        self.entries = list_folder(folder, self.extensions)
            .map_err(|err| format!("Cannot read {}: {err}", folder.display()));
    }

    /// The window; returns what was picked once Open is pressed, and
    /// whether the window is to close.
    pub fn ui(&mut self, ctx: &egui::Context) -> (Option<Vec<PathBuf>>, bool) {
        let mut picked = None;
        let mut open = true;
        let title = match self.picking {
            Picking::Files => "Open files",
            Picking::Folder => "Open folder",
        };
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .default_size([560.0, 420.0])
            .show(ctx, |ui| picked = self.contents_ui(ui));
        let close = !open || picked.is_some();
        (picked, close)
    }

    fn contents_ui(&mut self, ui: &mut Ui) -> Option<Vec<PathBuf>> {
        ui.horizontal(|ui| {
            if ui.button("Up").clicked()
                && let Some(parent) = self.folder.parent().map(Path::to_owned)
            {
                self.go_to(&parent);
            }
            let label = ui.label("Folder");
            let typed = ui
                .add(egui::TextEdit::singleline(&mut self.typed).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if typed.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
                let typed = PathBuf::from(self.typed.trim());
                if typed.is_dir() {
                    self.go_to(&typed);
                } else if typed.is_file() && self.picking == Picking::Files {
                    return Some(vec![typed]);
                } else {
                    self.entries = Err(format!("{} is not a folder", typed.display()));
                }
            }
            None
        })
        .inner
        .or_else(|| self.entries_ui(ui))
        .or_else(|| self.buttons_ui(ui))
    }

    /// The folder's entries: folders step in, files tick (a double click
    /// opens one at once).
    fn entries_ui(&mut self, ui: &mut Ui) -> Option<Vec<PathBuf>> {
        let entries = match &self.entries {
            Ok(entries) => entries,
            Err(why) => {
                ui.label(RichText::new(why).color(ui.visuals().error_fg_color));
                return None;
            }
        };
        let mut step_into = None;
        let mut opened = None;
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if entries.is_empty() {
                    ui.weak("Nothing here Legation opens");
                }
                for entry in entries {
                    if entry.is_folder {
                        let folder = ui.selectable_label(false, format!("{}/", entry.name));
                        if folder.double_clicked()
                            || (folder.clicked() && self.picking == Picking::Files)
                        {
                            step_into = Some(entry.path.clone());
                        }
                    } else {
                        let mut ticked = self.ticked.contains(&entry.path);
                        let label = format!("{}  ({} kB)", entry.name, entry.bytes.div_ceil(1000));
                        let tick = ui.checkbox(&mut ticked, label);
                        if tick.changed() {
                            if ticked {
                                self.ticked.push(entry.path.clone());
                            } else {
                                self.ticked.retain(|path| path != &entry.path);
                            }
                        }
                        if tick.double_clicked() {
                            opened = Some(vec![entry.path.clone()]);
                        }
                    }
                }
            });
        if let Some(folder) = step_into {
            self.go_to(&folder);
        }
        opened
    }

    fn buttons_ui(&mut self, ui: &mut Ui) -> Option<Vec<PathBuf>> {
        ui.separator();
        ui.horizontal(|ui| match self.picking {
            Picking::Files => {
                let open = ui.add_enabled(
                    !self.ticked.is_empty(),
                    egui::Button::new(format!("Open {} ticked", self.ticked.len())),
                );
                open.clicked().then(|| self.ticked.clone())
            }
            Picking::Folder => ui
                .button("Open this folder")
                .clicked()
                .then(|| vec![self.folder.clone()]),
        })
        .inner
    }
}
