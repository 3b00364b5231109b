//! The problems panel: everything that did not load or could not be placed,
//! by file and JSON path; nothing is dropped silently.

use egui::{RichText, Ui};

use crate::scene::Scene;
use crate::untrusted::visible;
use crate::workspace::Workspace;

/// Whether the panel is open.
#[derive(Debug, Default)]
pub struct ProblemsPanel {
    /// Shown below the map.
    pub open: bool,
}

impl ProblemsPanel {
    /// The button in the menu bar that opens and closes the panel, with the
    /// number of problems.
    pub fn toggle_ui(&mut self, ui: &mut Ui, workspace: &Workspace, scene: &Scene) {
        let count = workspace.problem_count() + scene.unplaced.len();
        let label = if count == 0 {
            RichText::new("No problems")
        } else {
            RichText::new(format!(
                "{count} problem{}",
                if count == 1 { "" } else { "s" }
            ))
            .color(ui.visuals().warn_fg_color)
        };
        if ui.selectable_label(self.open, label).clicked() {
            self.open = !self.open;
        }
    }

    /// The list.
    pub fn ui(&mut self, ui: &mut Ui, workspace: &Workspace, scene: &Scene) {
        ui.horizontal(|ui| {
            ui.strong("Problems");
            if ui.small_button("Close").clicked() {
                self.open = false;
            }
        });
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let mut any = false;
                for (index, file) in workspace.files.iter().enumerate() {
                    let unplaced = scene
                        .unplaced
                        .iter()
                        .filter(|problem| problem.dataset == index);
                    let file_name = file.path.display().to_string();
                    if let Some(failure) = &file.failure {
                        any = true;
                        ui.label(
                            RichText::new(visible(failure)).color(ui.visuals().error_fg_color),
                        );
                    }
                    // Paths and messages quote the data: shown, never interpreted.
                    let problems = file
                        .problems
                        .iter()
                        .map(|problem| (&problem.path, &problem.message))
                        .chain(unplaced.map(|problem| (&problem.path, &problem.message)));
                    for (path, message) in problems {
                        any = true;
                        ui.label(visible(&format!("{file_name}: {path}: {message}")));
                    }
                    for note in &file.notes {
                        ui.weak(visible(&format!("{file_name}: {note}")));
                    }
                }
                if !any {
                    ui.weak("Everything loaded and every place was found.");
                }
            });
    }
}
