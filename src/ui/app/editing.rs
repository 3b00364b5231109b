//! The app's side of correcting records: the edit panel, the keys, undo
//! and redo, review mode, saving (with the questions saving asks), the
//! autosave and what it offers back after a crash, and the window title.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::LegationApp;
use crate::edit::save::{Autosave, Restorable};
use crate::edit::{Record, Target, now_utc};
use crate::extract::records_in_passage;
use crate::gazetteer::Gazetteer;
use crate::model::{Event, EventKind, FuzzyDate, PlaceRef, Row, SourceRef, Span, Visit};
use crate::scene::{GeoPoint, ItemRef, Scene, TimeWindow, WindowSpec};
use crate::ui::Selection;
use crate::ui::edit_panel::{EditOutcome, EditPanel};
use crate::ui::loading::Loading;
use crate::ui::source_panel::PanelAction;

/// How often unsaved changes are written to the autosave.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(30);

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);

/// What the app's editing remembers between frames.
#[derive(Default)]
pub struct EditState {
    /// The record being edited or made, if any.
    pub panel: Option<EditPanel>,
    /// Save As, asking where.
    save_as: Option<SaveAs>,
    /// A question before something that would lose or overwrite work.
    question: Option<Question>,
    /// Unsaved edits an autosave kept, offered back.
    offers: Vec<(PathBuf, Restorable)>,
    /// Where unsaved edits are kept; `None` in tests and screenshots.
    pub autosave: Option<Autosave>,
    last_autosave: Option<Instant>,
    /// Counts changes, so that a map rebuilt for an older one is redone.
    revision: u64,
    /// The record to select once the map shows it.
    select: Option<(usize, Target)>,
    /// The title last given to the window.
    title: String,
    /// The person said the window may close with unsaved changes.
    may_close: bool,
}

/// Save As, asking for a path.
struct SaveAs {
    file: usize,
    path: String,
    then: Then,
    error: Option<String>,
}

/// What to do once the files are saved (or not).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    Nothing,
    CloseWindow,
    CloseFile(usize),
}

/// What the app asks before going on.
enum Question {
    /// Unsaved changes, and the window or a file is about to close.
    Unsaved(Then),
    /// The file changed on disk since it was read: overwrite it?
    Overwrite(usize),
    /// The file had problems: saving writes only what loaded.
    Problems(usize),
}

impl LegationApp {
    /// Whether any open file has unsaved changes (for tests and the title).
    pub fn has_unsaved_changes(&self) -> bool {
        self.workspace.is_edited()
    }

    /// Writes unsaved changes to the autosave now.
    pub fn autosave_now(&mut self) {
        let Some(autosave) = &self.editing.autosave else {
            return;
        };
        self.editing.last_autosave = Some(Instant::now());
        if let Err(error) = self.workspace.autosave(autosave) {
            self.notice = Some(format!(
                "cannot keep unsaved edits safe: {error}; save them soon (Ctrl+S)"
            ));
        }
    }

    /// Whether files are being opened: their job took a copy of the
    /// workspace, and will hand it back, so no change may be made
    /// meanwhile (a map being redrawn takes nothing back).
    fn opening(&mut self) -> bool {
        let opening = self
            .loading
            .as_ref()
            .is_some_and(|loading| loading.rebuild_of.is_none());
        if opening {
            self.notice = Some("Files are being opened: edit once they are".to_owned());
        }
        opening
    }

    /// Does what the source panel asked.
    pub(super) fn panel_action(&mut self, ctx: &egui::Context, action: PanelAction) {
        if self.opening() {
            return;
        }
        match action {
            PanelAction::Edit(file, target) => self.start_edit(file, target),
            PanelAction::Delete(file, target) => {
                if self.workspace.delete(file, target) {
                    self.changed(ctx, None);
                }
            }
            PanelAction::Review(file, target, reviewed) => {
                if self.workspace.set_reviewed(file, target, reviewed) {
                    self.changed(ctx, Some((file, target)));
                }
            }
            PanelAction::FromPassage {
                file,
                visit,
                source,
                span,
            } => self.new_record(file, visit, Some((source, span))),
        }
    }

    /// Opens the edit panel on a record.
    fn start_edit(&mut self, file: usize, target: Target) {
        if let Some(record) = self
            .workspace
            .files
            .get(file)
            .and_then(|open| open.record(target))
        {
            self.editing.panel = Some(EditPanel::new(file, Some(target), &record));
        }
    }

    /// Opens the edit panel on a new record for file `file`, filled in by
    /// the extractor from `passage` (a source's id and span) when given.
    pub(super) fn new_record(&mut self, file: usize, visit: bool, passage: Option<(String, Span)>) {
        let Some(open) = self.workspace.files.get(file) else {
            self.notice = Some("Open a file first: a new record goes into one".to_owned());
            return;
        };
        let source = passage.as_ref().and_then(|(id, _)| open.records.source(id));
        let citation = passage.as_ref().map(|(id, span)| SourceRef {
            id: id.clone(),
            span: Some(*span),
            extra: serde_json::Map::new(),
        });
        let (mut visits, mut events) = match (&source, &passage) {
            (Some(source), Some((_, span))) => {
                records_in_passage(source, *span, Gazetteer::bundled())
            }
            _ => (Vec::new(), Vec::new()),
        };
        let date = source
            .as_ref()
            .and_then(|source| source.published)
            .unwrap_or_else(today);
        let id = format!("hand-{}", now_utc().replace([':', '-'], ""));
        let record = match (visit, visits.is_empty(), events.is_empty()) {
            (true, true, _) => Record::Visit(blank_visit(date)),
            (true, false, _) => Record::Visit(visits.remove(0)),
            (false, _, true) => Record::Event(blank_event(date)),
            (false, _, false) => Record::Event(events.remove(0)),
        };
        let record = record.anew(id, citation);
        let because = passage.map(|_| "made from a passage selected by hand".to_owned());
        self.editing.panel = Some(EditPanel::new(file, None, &record.made_by_hand(because)));
    }

    /// The edit panel, in the side panel's place.
    pub(super) fn edit_panel_ui(&mut self, ui: &mut Ui) {
        let Some(panel) = &mut self.editing.panel else {
            return;
        };
        let Some(outcome) = panel.ui(ui) else {
            return;
        };
        let (file, target) = (panel.file, panel.target);
        let EditOutcome::Apply(record) = outcome else {
            self.editing.panel = None;
            return;
        };
        if self.opening() {
            return;
        }
        self.editing.panel = None;
        let changed = match target {
            Some(target) => self.workspace.edit(file, target, record).then_some(target),
            None => self.workspace.add(file, record),
        };
        if let Some(target) = changed {
            self.changed(ui.ctx(), Some((file, target)));
        }
    }

    /// Takes back the last change.
    pub fn undo(&mut self, ctx: &egui::Context) {
        if self.opening() {
            return;
        }
        if let Some(changed) = self.workspace.undo() {
            self.editing.panel = None;
            self.changed(ctx, Some(changed));
        }
    }

    /// Makes the last change undone again.
    pub fn redo(&mut self, ctx: &egui::Context) {
        if self.opening() {
            return;
        }
        if let Some(changed) = self.workspace.redo() {
            self.editing.panel = None;
            self.changed(ctx, Some(changed));
        }
    }

    /// After a change: the map redrawn, and the changed record selected
    /// once it shows.
    fn changed(&mut self, ctx: &egui::Context, select: Option<(usize, Target)>) {
        self.editing.revision += 1;
        self.editing.select = select;
        self.rebuild(ctx);
    }

    /// Starts redrawing the map for the latest change, unless a job is
    /// running (it is redone when that one ends).
    fn rebuild(&mut self, ctx: &egui::Context) {
        if self.loading.is_none() {
            self.loading = Some(Loading::rebuild(
                ctx,
                self.workspace.clone(),
                self.editing.revision,
            ));
        }
    }

    /// Takes a map rebuilt after edit `revision`, or starts again when
    /// more changes came since.
    pub(super) fn take_rebuilt(&mut self, ctx: &egui::Context, scene: Scene, revision: u64) {
        self.loading = None;
        if revision != self.editing.revision {
            self.rebuild(ctx);
            return;
        }
        self.scene = Arc::new(scene);
        self.forget_vocabulary();
        self.timeline.update_extent(self.scene.extent());
        self.map.set_scene(&self.scene);
        if let Some((file, target)) = self.editing.select.take() {
            self.show_record(file, target);
        }
        self.apply_query();
    }

    /// Selects a record, moving the time window to it if it is outside.
    fn show_record(&mut self, file: usize, target: Target) {
        let Some(selection) = Selection::of_record(&self.scene, file, target) else {
            return;
        };
        if let Some(days) = record_days(&self.scene, file, target) {
            let window = self.timeline.window();
            if !window.is_some_and(|window| window.overlaps(days.start, days.end)) {
                self.timeline.apply(None, Some(WindowSpec::Range(days)));
            }
        }
        self.selection = selection;
    }

    /// Review mode: the next (or previous) record nobody has checked, the
    /// least sure first; the map and source panel go to it.
    pub fn review_step(&mut self, forward: bool) {
        let mut order: Vec<((bool, u8), usize, Row)> = Vec::new();
        for (file, open) in self.workspace.files.iter().enumerate() {
            let table = &open.table;
            let visits = table
                .visits
                .iter()
                .enumerate()
                .map(|(index, row)| (row.trust, Row::Visit(index)));
            let events = table
                .events
                .iter()
                .enumerate()
                .map(|(index, row)| (row.trust, Row::Event(index)));
            for (trust, row) in visits.chain(events) {
                if !trust.reviewed && !table.is_removed(row) {
                    order.push((trust.review_rank(), file, row));
                }
            }
        }
        if order.is_empty() {
            self.notice = Some("Every record has been reviewed".to_owned());
            return;
        }
        order.sort_unstable();
        let current = self.selection.focused().and_then(|(file, target)| {
            order
                .iter()
                .position(|&(_, f, row)| f == file && row == row_of(target))
        });
        let next = match (current, forward) {
            (Some(at), true) => (at + 1) % order.len(),
            (Some(at), false) => (at + order.len() - 1) % order.len(),
            (None, true) => 0,
            (None, false) => order.len() - 1,
        };
        let (_, file, row) = order[next];
        let target = match row {
            Row::Visit(index) => Target::Visit(index),
            Row::Event(index) => Target::Event(index),
        };
        self.show_record(file, target);
        self.refresh_view();
        if let Some(point) = record_point(&self.scene, file, target) {
            self.map.center_on(point);
        }
    }

    /// The keys of editing: undo, redo, save; E, R, N, P and Delete when no
    /// text box has the focus.
    pub(super) fn edit_keys(&mut self, ui: &Ui) {
        let ctx = ui.ctx().clone();
        let pressed =
            |shortcut: KeyboardShortcut| ui.input_mut(|input| input.consume_shortcut(&shortcut));
        // Longest shortcuts first: Ctrl+Shift+Z is not Ctrl+Z.
        if pressed(REDO) || pressed(REDO_Y) {
            self.redo(&ctx);
        } else if pressed(UNDO) {
            self.undo(&ctx);
        }
        if pressed(SAVE_AS) {
            self.ask_save_as(0, Then::Nothing);
        } else if pressed(SAVE) {
            self.save_all(Then::Nothing);
        }
        let typing = ui.memory(|memory| memory.focused().is_some());
        if typing || self.editing.panel.is_some() {
            return;
        }
        let key = |key: Key| ui.input(|input| input.key_pressed(key) && input.modifiers.is_none());
        if key(Key::N) {
            self.review_step(true);
        } else if key(Key::P) {
            self.review_step(false);
        }
        let Some((file, target)) = self.selection.focused() else {
            return;
        };
        if key(Key::E) {
            self.start_edit(file, target);
        } else if key(Key::R) {
            let reviewed = self.workspace.files[file]
                .record(target)
                .and_then(|record| record.provenance())
                .is_some_and(|provenance| provenance.reviewed);
            self.panel_action(&ctx, PanelAction::Review(file, target, !reviewed));
        } else if key(Key::Delete) {
            self.panel_action(&ctx, PanelAction::Delete(file, target));
        }
    }

    /// The Edit menu.
    pub(super) fn edit_menu_ui(&mut self, ui: &mut Ui) {
        ui.menu_button("Edit", |ui| {
            let ctx = ui.ctx().clone();
            if ui
                .add_enabled(
                    self.workspace.history.can_undo(),
                    egui::Button::new("Undo").shortcut_text(ctx.format_shortcut(&UNDO)),
                )
                .clicked()
            {
                self.undo(&ctx);
            }
            if ui
                .add_enabled(
                    self.workspace.history.can_redo(),
                    egui::Button::new("Redo").shortcut_text(ctx.format_shortcut(&REDO)),
                )
                .clicked()
            {
                self.redo(&ctx);
            }
            ui.separator();
            let file = self.selection.focused().map_or(0, |(file, _)| file);
            let has_file = !self.workspace.files.is_empty();
            if ui
                .add_enabled(has_file, egui::Button::new("New visit"))
                .clicked()
            {
                self.new_record(file, true, None);
            }
            if ui
                .add_enabled(has_file, egui::Button::new("New event"))
                .clicked()
            {
                self.new_record(file, false, None);
            }
            ui.separator();
            if ui
                .add_enabled(
                    has_file,
                    egui::Button::new("Next unreviewed").shortcut_text("N"),
                )
                .on_hover_text("The least sure record nobody has checked yet")
                .clicked()
            {
                self.review_step(true);
            }
            if ui
                .add_enabled(
                    has_file,
                    egui::Button::new("Previous unreviewed").shortcut_text("P"),
                )
                .clicked()
            {
                self.review_step(false);
            }
        });
    }

    /// Save and Save As in the File menu.
    pub(super) fn save_menu_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let edited = self.workspace.is_edited();
        if ui
            .add_enabled(
                edited,
                egui::Button::new("Save").shortcut_text(ctx.format_shortcut(&SAVE)),
            )
            .on_hover_text(
                "Save every file with changes; an article or import is saved as a new dataset",
            )
            .clicked()
        {
            ui.close();
            self.save_all(Then::Nothing);
        }
        let file = self.selection.focused().map_or(0, |(file, _)| file);
        if ui
            .add_enabled(
                !self.workspace.files.is_empty(),
                egui::Button::new("Save As…").shortcut_text(ctx.format_shortcut(&SAVE_AS)),
            )
            .clicked()
        {
            ui.close();
            self.ask_save_as(file, Then::Nothing);
        }
    }

    /// Saves every file with changes, asking where for those that cannot
    /// be saved in place, then does `then`.
    fn save_all(&mut self, then: Then) {
        let edited: Vec<usize> = (0..self.workspace.files.len())
            .filter(|&file| self.workspace.files[file].is_edited())
            .collect();
        for file in edited {
            let open = &self.workspace.files[file];
            if !open.saves_in_place() {
                self.ask_save_as(file, then);
                return;
            }
            if open.changed_on_disk() {
                self.editing.question = Some(Question::Overwrite(file));
                return;
            }
            if !open.problems.is_empty() {
                self.editing.question = Some(Question::Problems(file));
                return;
            }
            if !self.save_file(file, None) {
                return;
            }
        }
        self.finish(then);
    }

    /// Saves one file; says why not when it cannot.
    fn save_file(&mut self, file: usize, to: Option<&Path>) -> bool {
        match self
            .workspace
            .save(file, to, self.editing.autosave.as_ref())
        {
            Ok(()) => true,
            Err(error) => {
                self.notice = Some(error.to_string());
                false
            }
        }
    }

    fn finish(&mut self, then: Then) {
        match then {
            Then::Nothing => {}
            Then::CloseWindow => {
                self.editing.may_close = true;
                self.close_window = true;
            }
            Then::CloseFile(file) => self.close_file(file),
        }
    }

    /// Asks where to save file `file`, suggesting a `.json` beside it.
    fn ask_save_as(&mut self, file: usize, then: Then) {
        let Some(open) = self.workspace.files.get(file) else {
            return;
        };
        let suggested = if open.saves_in_place() {
            open.path.clone()
        } else {
            suggested_dataset_path(&open.path)
        };
        self.editing.save_as = Some(SaveAs {
            file,
            path: suggested.display().to_string(),
            then,
            error: None,
        });
    }

    /// Closes file `file`, asking first when it has unsaved changes.
    pub(super) fn ask_close_file(&mut self, file: usize) {
        if self
            .workspace
            .files
            .get(file)
            .is_some_and(crate::workspace::OpenFile::is_edited)
        {
            self.editing.question = Some(Question::Unsaved(Then::CloseFile(file)));
        } else {
            self.close_file(file);
        }
    }

    /// Stops the window closing while there are unsaved changes, and asks.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        let asked = ctx.input(|input| input.viewport().close_requested());
        if asked && self.workspace.is_edited() && !self.editing.may_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.editing.question = Some(Question::Unsaved(Then::CloseWindow));
        }
        if self.close_window {
            self.close_window = false;
            if let Some(autosave) = &self.editing.autosave {
                for open in &self.workspace.files {
                    autosave.remove(&open.path);
                }
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The dialogs of editing: Save As, questions, autosave offers.
    pub(super) fn edit_dialogs_ui(&mut self, ctx: &egui::Context) {
        self.save_as_ui(ctx);
        self.question_ui(ctx);
        self.offers_ui(ctx);
    }

    fn save_as_ui(&mut self, ctx: &egui::Context) {
        let Some(save_as) = &mut self.editing.save_as else {
            return;
        };
        let name = self
            .workspace
            .files
            .get(save_as.file)
            .map(|open| open.path.display().to_string())
            .unwrap_or_default();
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("save as")).show(ctx, |ui| {
            ui.heading("Save as a dataset");
            ui.label(format!("Save {name} as:"));
            ui.add(egui::TextEdit::singleline(&mut save_as.path).desired_width(420.0));
            if let Some(error) = &save_as.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    answer = Some(true);
                }
                if ui.button("Browse…").clicked()
                    && let Some(path) = rfd::FileDialog::new()
                        .add_filter("Legation dataset", &["json"])
                        .set_file_name(
                            Path::new(&save_as.path)
                                .file_name()
                                .map_or_else(String::new, |name| {
                                    name.to_string_lossy().into_owned()
                                }),
                        )
                        .save_file()
                {
                    save_as.path = path.display().to_string();
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                let Some(save_as) = self.editing.save_as.take() else {
                    return;
                };
                let path = PathBuf::from(save_as.path.trim());
                if let Some(error) = check_save_path(&path) {
                    self.editing.save_as = Some(SaveAs {
                        error: Some(error),
                        ..save_as
                    });
                } else if self.save_file(save_as.file, Some(&path)) {
                    // Other files with changes, if any, are saved next.
                    self.save_all(save_as.then);
                }
            }
            Some(false) => self.editing.save_as = None,
            None => {}
        }
    }

    fn question_ui(&mut self, ctx: &egui::Context) {
        let Some(question) = &self.editing.question else {
            return;
        };
        let (heading, text, yes, no) = match question {
            Question::Unsaved(_) => {
                let files: Vec<String> = self
                    .workspace
                    .files
                    .iter()
                    .filter(|open| open.is_edited())
                    .map(|open| {
                        format!(
                            "{} ({} records)",
                            file_name(&open.path),
                            open.unsaved_count()
                        )
                    })
                    .collect();
                (
                    "Save changes?",
                    format!("Unsaved changes to {}.", files.join(", ")),
                    "Save",
                    Some("Don't save"),
                )
            }
            Question::Overwrite(file) => (
                "The file changed on disk",
                format!(
                    "{} was changed by another program since it was opened. Saving overwrites those changes.",
                    self.workspace
                        .files
                        .get(*file)
                        .map(|open| open.path.display().to_string())
                        .unwrap_or_default()
                ),
                "Overwrite",
                None,
            ),
            Question::Problems(file) => (
                "Save a file with problems?",
                format!(
                    "{} had {} problems when opened (see the problems panel): saving writes what loaded, without the values that did not. Save As keeps the original.",
                    self.workspace
                        .files
                        .get(*file)
                        .map(|open| open.path.display().to_string())
                        .unwrap_or_default(),
                    self.workspace
                        .files
                        .get(*file)
                        .map_or(0, |open| open.problems.len())
                ),
                "Save anyway",
                None,
            ),
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("edit question")).show(ctx, |ui| {
            ui.heading(heading);
            ui.label(text);
            ui.horizontal(|ui| {
                if ui.button(yes).clicked() {
                    answer = Some(Some(true));
                }
                if let Some(no) = no
                    && ui.button(no).clicked()
                {
                    answer = Some(Some(false));
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(None);
                }
            });
        });
        let Some(answer) = answer else {
            return;
        };
        let Some(question) = self.editing.question.take() else {
            return;
        };
        match (question, answer) {
            (_, None) => {}
            (Question::Unsaved(then), Some(true)) => self.save_all(then),
            (Question::Unsaved(then), Some(false)) => {
                if let Then::CloseFile(file) = then
                    && let Some(autosave) = &self.editing.autosave
                    && let Some(open) = self.workspace.files.get(file)
                {
                    autosave.remove(&open.path);
                }
                self.finish(then);
            }
            (Question::Overwrite(file) | Question::Problems(file), Some(_)) => {
                if self.save_file(file, None) {
                    self.save_all(Then::Nothing);
                }
            }
        }
    }

    /// After files open: offers back the unsaved edits an autosave kept
    /// for them.
    pub(super) fn find_autosaved(&mut self) {
        let Some(autosave) = &self.editing.autosave else {
            return;
        };
        for open in &self.workspace.files {
            if open.is_edited()
                || self
                    .editing
                    .offers
                    .iter()
                    .any(|(path, _)| *path == open.path)
            {
                continue;
            }
            match autosave.read(&open.path, open.base_counts()) {
                Some(Ok(restorable)) => self.editing.offers.push((open.path.clone(), restorable)),
                Some(Err(why)) => self.notice = Some(why),
                None => {}
            }
        }
    }

    fn offers_ui(&mut self, ctx: &egui::Context) {
        let Some((path, restorable)) = self.editing.offers.first() else {
            return;
        };
        let count = restorable.slots.len();
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("restore")).show(ctx, |ui| {
            ui.heading("Unsaved edits found");
            ui.label(format!(
                "Restore {} to {}?",
                if count == 1 {
                    "1 unsaved edit".to_owned()
                } else {
                    format!("{count} unsaved edits")
                },
                file_name(path)
            ));
            ui.weak("They were kept when Legation last closed without saving them.");
            ui.horizontal(|ui| {
                if ui.button("Restore").clicked() {
                    answer = Some(true);
                }
                if ui.button("Discard").clicked() {
                    answer = Some(false);
                }
            });
        });
        let Some(restore) = answer else {
            return;
        };
        if restore && self.opening() {
            return;
        }
        let (path, restorable) = self.editing.offers.remove(0);
        if restore {
            if let Some(file) = self
                .workspace
                .files
                .iter()
                .position(|open| open.path == path)
            {
                self.workspace.restore(file, restorable);
                self.changed(ctx, None);
            }
        } else if let Some(autosave) = &self.editing.autosave {
            autosave.remove(&path);
        }
    }

    /// Autosaves every [`AUTOSAVE_EVERY`] while there are unsaved changes.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
        if self.editing.autosave.is_none() || !self.workspace.is_edited() {
            self.editing.last_autosave = None;
            return;
        }
        match self.editing.last_autosave {
            Some(last) if last.elapsed() < AUTOSAVE_EVERY => {
                ctx.request_repaint_after(AUTOSAVE_EVERY.saturating_sub(last.elapsed()));
            }
            // The first change starts the clock; the next tick saves.
            None => {
                self.editing.last_autosave = Some(Instant::now());
                ctx.request_repaint_after(AUTOSAVE_EVERY);
            }
            Some(_) => self.autosave_now(),
        }
    }

    /// The window's title: the files, and a dot while changes are unsaved.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let names: Vec<String> = self
            .workspace
            .files
            .iter()
            .map(|open| file_name(&open.path))
            .collect();
        let mut title = match names.as_slice() {
            [] => "Legation".to_owned(),
            [one] => format!("{one} — Legation"),
            [first, rest @ ..] => format!("{first} and {} more — Legation", rest.len()),
        };
        if self.workspace.is_edited() {
            title.insert_str(0, "● ");
        }
        if title != self.editing.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.editing.title = title;
        }
    }

    /// The title the window was given last (for tests).
    pub fn title(&self) -> &str {
        &self.editing.title
    }
}

/// Why a file cannot be saved at `path`, if it cannot.
fn check_save_path(path: &Path) -> Option<String> {
    if path.as_os_str().is_empty() {
        return Some("Type a file name ending in .json".to_owned());
    }
    if path.is_dir() {
        return Some(format!("{} is a folder: add a file name", path.display()));
    }
    let folder = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty());
    if folder.is_some_and(|folder| !folder.is_dir()) {
        return Some(format!(
            "there is no folder {}: create it, or choose another",
            folder
                .map(Path::display)
                .map(|shown| shown.to_string())
                .unwrap_or_default()
        ));
    }
    None
}

/// Where an article or import is saved by default: beside it, as `.json`
/// (`.edited.json` when that would overwrite a file it did not come from).
fn suggested_dataset_path(path: &Path) -> PathBuf {
    if crate::read::is_web_address(&path.to_string_lossy()) {
        return PathBuf::from("article.json");
    }
    let json = path.with_extension("json");
    if json.exists() {
        path.with_extension("edited.json")
    } else {
        json
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A table row's name for a record.
fn row_of(target: Target) -> Row {
    match target {
        Target::Visit(index) => Row::Visit(index),
        Target::Event(index) => Row::Event(index),
    }
}

/// The days a placed record covers.
fn record_days(scene: &Scene, file: usize, target: Target) -> Option<TimeWindow> {
    match target {
        Target::Visit(index) => {
            let visit = &scene.visits[scene.visit_position(ItemRef {
                dataset: file,
                index,
            })?];
            Some(TimeWindow::new(visit.first_day, visit.last_day))
        }
        Target::Event(index) => {
            let event = &scene.events[scene.event_position(ItemRef {
                dataset: file,
                index,
            })?];
            Some(TimeWindow::new(event.first_day, event.last_day))
        }
    }
}

/// Where a placed record is drawn: a visit's destination, an event's place.
fn record_point(scene: &Scene, file: usize, target: Target) -> Option<GeoPoint> {
    match target {
        Target::Visit(index) => {
            let visit = &scene.visits[scene.visit_position(ItemRef {
                dataset: file,
                index,
            })?];
            Some(scene.routes[visit.route as usize].to.point)
        }
        Target::Event(index) => {
            let event = &scene.events[scene.event_position(ItemRef {
                dataset: file,
                index,
            })?];
            Some(scene.places[event.place as usize].point)
        }
    }
}

/// Today, for a new record with no source to date it.
fn today() -> FuzzyDate {
    now_utc()
        .get(..10)
        .and_then(|day| day.parse().ok())
        .unwrap_or_else(|| FuzzyDate::day(crate::model::Day(0)))
}

fn blank_visit(date: FuzzyDate) -> Visit {
    Visit {
        id: String::new(),
        leader: None,
        delegation: None,
        from: None,
        to: PlaceRef::default(),
        date,
        purpose: None,
        source: None,
        extra: serde_json::Map::new(),
    }
}

fn blank_event(date: FuzzyDate) -> Event {
    Event {
        id: String::new(),
        kind: EventKind::Other,
        title: None,
        place: PlaceRef::default(),
        date,
        actors: Vec::new(),
        source: None,
        extra: serde_json::Map::new(),
    }
}
