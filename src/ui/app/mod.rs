//! The app: its state, and how a frame is laid out.

mod editing;

use std::path::PathBuf;

use egui::{Key, Ui};

use super::about::About;
use super::export_panel::{ExportPanel, InForce};
use super::file_chooser::{FileChooser, Picking};
use super::loading::{Loading, Poll};
use super::map::MapView;
use super::open_url::{OpenUrlDialog, pasted_addresses};
use super::problems_panel::ProblemsPanel;
use super::screenshot::{Outcome, ScreenshotJob};
use super::search::SearchBar;
use super::session::{Remembered, SessionFile};
use super::source_panel::SourcePanel;
use super::summary_panel::SummaryPanel;
use super::table_panel::TablePanel;
use super::timeline::Timeline;
use super::{Selection, Startup, fonts};
use crate::edit::save::Autosave;
use crate::model::Day;
use crate::scene::SceneFilter;
use crate::scene::{Scene, TimeWindow, View, WindowSpec};
use crate::workspace::{FileKind, Workspace, bundled_data_dir, json_files_in};
use editing::EditState;
use std::sync::Arc;

/// Files bigger than this many megabytes are opened only when the user says
/// so, unless they set another limit: a mistaken click on a 20 GB export
/// should not tie up the machine.
pub const DEFAULT_ASK_ABOVE_MB: u64 = 1024;

/// The key under which earlier versions kept [`Remembered`] in eframe's
/// storage; read once when there is no session file yet.
const STORAGE_KEY: &str = "legation";

/// The whole app.
pub struct LegationApp {
    /// The open files.
    pub workspace: Workspace,
    /// Their records, placed.
    pub scene: Arc<Scene>,
    /// What the time window shows.
    pub view: View,
    /// What the user clicked.
    pub selection: Selection,
    timeline: Timeline,
    map: MapView,
    source_panel: SourcePanel,
    problems_panel: ProblemsPanel,
    open_url: OpenUrlDialog,
    /// File → Export….
    export: ExportPanel,
    /// Help → About Legation.
    about: About,
    /// Legation's own file chooser, where the system's dialog cannot open.
    file_chooser: Option<FileChooser>,
    screenshot: Option<ScreenshotJob>,
    /// A message for the user, shown until dismissed.
    notice: Option<String>,
    /// The files being opened, if any.
    loading: Option<Loading>,
    /// Files asked for while others load, opened next.
    queued: Vec<PathBuf>,
    /// Files, with their sizes, of which one is over the size limit,
    /// waiting for the user to say yes.
    oversized: Option<Vec<(PathBuf, u64)>>,
    /// The size limit, in megabytes.
    ask_above_mb: u64,
    /// The day and window asked for on the command line, applied once the
    /// first files have loaded.
    startup_time: Option<(Option<Day>, Option<WindowSpec>)>,
    /// Where the session is remembered; `None` when eframe persists nothing
    /// (tests, screenshots) or the system has no configuration folder.
    session: Option<SessionFile>,
    /// Editing records: the panel, saving, the autosave.
    editing: EditState,
    /// Close the window on the next frame (saving is done, or the person
    /// said not to).
    close_window: bool,
    /// For jobs started outside a frame's drawing (a file closed after a
    /// question was answered), which repaint when done.
    ctx: egui::Context,
    /// The search box.
    search: SearchBar,
    /// What the open files hold, to complete queries from: gathered when
    /// the search box first has the focus after the records changed.
    vocabulary: Option<crate::query::Vocabulary>,
    /// What its query keeps of the scene, when one is in force.
    filter: Option<Arc<SceneFilter>>,
    /// The records table.
    table: TablePanel,
    /// The summary charts.
    summary: SummaryPanel,
}

/// The file types File, Open… offers.
const OPENABLE: &[&str] = &["json", "xml", "csv", "tsv", "zip", "txt", "html", "htm"];

/// What File, Open… reads, for its tooltip.
const OPENS: &str = "legation/1 datasets (.json), US travels XML, GDELT exports (.CSV, .tsv, .CSV.zip), news articles (.txt) and saved news pages (.html), read and extracted";

/// A file dialog that returns sooner than this never opened.
const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(250);

impl LegationApp {
    /// Opens what `startup` asks for (or the last session's files, or the
    /// bundled data).
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup, outcome: Outcome) -> Self {
        fonts::install(&cc.egui_ctx);
        // eframe hands out storage only when it persists: not under test,
        // not for a screenshot.
        let mut session = cc
            .storage
            .filter(|_| startup.screenshot.is_none())
            .and_then(|_| SessionFile::in_config_dir());
        let remembered: Remembered = session
            .as_mut()
            .and_then(SessionFile::read)
            .or_else(|| {
                let storage = cc.storage.filter(|_| startup.screenshot.is_none())?;
                eframe::get_value(storage, STORAGE_KEY)
            })
            .unwrap_or_default();
        let mut files = if startup.files.is_empty() {
            remembered.files.clone()
        } else {
            startup.files.clone()
        };
        if files.is_empty()
            && let Some(folder) = bundled_data_dir()
        {
            // Listing a folder found a moment ago only fails if it vanished.
            files = json_files_in(&folder).unwrap_or_default();
        }
        let keep_view = startup.files.is_empty() && startup.screenshot.is_none();
        let mut map = MapView::new(&cc.egui_ctx, keep_view.then_some(remembered.map));
        // A screenshot shows the data, not whatever the pointer happens to hover.
        map.tooltips = startup.screenshot.is_none();
        let startup_time = (startup.date.is_some() || startup.window.is_some())
            .then_some((startup.date, startup.window));
        let mut app = Self {
            workspace: Workspace::default(),
            scene: Arc::default(),
            view: View::default(),
            selection: Selection::default(),
            timeline: Timeline::default(),
            map,
            source_panel: SourcePanel::default(),
            problems_panel: ProblemsPanel::default(),
            open_url: OpenUrlDialog::default(),
            export: ExportPanel::default(),
            about: About::default(),
            file_chooser: None,
            screenshot: startup
                .screenshot
                .map(|path| ScreenshotJob::new(path, outcome)),
            notice: None,
            loading: None,
            queued: Vec::new(),
            oversized: None,
            ask_above_mb: startup
                .ask_above_mb
                .or(remembered.ask_above_mb)
                .unwrap_or(DEFAULT_ASK_ABOVE_MB),
            editing: EditState::default(),
            close_window: false,
            ctx: cc.egui_ctx.clone(),
            search: SearchBar::default(),
            vocabulary: None,
            filter: None,
            table: TablePanel::default(),
            summary: SummaryPanel::default(),
            startup_time,
            session,
        };
        // Unsaved edits are kept where the session is: not for tests or
        // screenshots, which must leave the person's folders alone.
        let query = startup
            .query
            .clone()
            .unwrap_or_else(|| remembered.query.clone());
        app.search.set(&query);
        if let Some(error) = app.search.error() {
            app.notice = Some(format!(
                "The query `{query}` cannot apply: {}",
                error.message
            ));
        }
        app.editing.autosave = match startup.autosave.clone() {
            Some(folder) => Some(Autosave::at(folder)),
            None if app.session.is_some() => Autosave::in_data_dir(),
            None => None,
        };
        if app.screenshot.is_some() {
            // Nobody is there to answer a question.
            app.load(&cc.egui_ctx, files);
        } else {
            app.open_files(&cc.egui_ctx, files);
        }
        app
    }

    /// Shows what a finished job loaded: the timeline's extent and window,
    /// the colours, the map's fit.
    fn show_loaded(&mut self) {
        self.timeline.set_extent(self.scene.extent());
        // A dataset may name the days its story is about; open on those.
        if let Some(window) = self.workspace.window() {
            let days = TimeWindow::from(&window);
            self.timeline.apply(None, Some(WindowSpec::Range(days)));
        }
        if let Some((date, window)) = self.startup_time.take() {
            self.timeline.apply(date, window);
        }
        self.map.set_scene(&self.scene);
        self.selection = Selection::default();
        self.forget_vocabulary();
        self.apply_query();
        // A dataset may name the part of the world its story is in.
        match self.workspace.view() {
            Some(view_box) => self.map.show_box_on_next_frame(view_box),
            None => self.map.fit_on_next_frame(),
        }
    }

    /// Drops what completes queries: the records changed, and it is
    /// gathered again when the search box next has the focus.
    fn forget_vocabulary(&mut self) {
        self.vocabulary = None;
        self.search.forget_completions();
    }

    /// Prepares what the current window shows.
    fn refresh_view(&mut self) {
        let window = self.timeline.window().unwrap_or_default();
        self.scene
            .view_filtered_into(window, self.filter.as_ref(), &mut self.view);
        self.selection.retain_visible(&self.scene, &self.view);
    }

    /// Runs the search box's query over every file, and shows what it
    /// keeps.
    fn apply_query(&mut self) {
        self.filter = self.search.compiled().map(|query| {
            let matches: Vec<_> = self
                .workspace
                .files
                .iter()
                .map(|file| file.matches(query))
                .collect();
            Arc::new(self.scene.filter(&matches))
        });
        self.refresh_view();
    }

    /// The Export window, given what is in force.
    fn export_ui(&mut self, ctx: &egui::Context) {
        if !self.export.open && !self.export.is_running() {
            return;
        }
        let query = self.search.applied().zip(self.search.compiled());
        let in_force = InForce {
            workspace: &self.workspace,
            scene: &self.scene,
            filter: self.filter.as_ref(),
            query,
            window: self.timeline.window(),
            camera: self.map.figure_camera(),
            dark: ctx.theme() == egui::Theme::Dark,
        };
        self.export.ui(ctx, &in_force);
    }

    /// How many rows the records table lists (for tests and automation).
    pub fn table_rows(&self) -> usize {
        self.table.row_count()
    }

    /// The query in force (for tests and automation).
    pub fn query(&self) -> Option<&str> {
        self.search.applied()
    }

    /// Opens more files and shows them with the rest; files over the size
    /// limit wait for the user to say yes.
    pub fn open_files(&mut self, ctx: &egui::Context, paths: impl IntoIterator<Item = PathBuf>) {
        // Sizes are read once here, not by the question every frame.
        let sized: Vec<(PathBuf, u64)> = paths
            .into_iter()
            .map(|path| {
                let size = std::fs::metadata(&path)
                    .ok()
                    .filter(std::fs::Metadata::is_file)
                    .map_or(0, |meta| meta.len());
                (path, size)
            })
            .collect();
        let limit = self.ask_above_mb.saturating_mul(1 << 20);
        if self.ask_above_mb > 0 && sized.iter().any(|&(_, size)| size > limit) {
            self.oversized = Some(sized);
        } else {
            self.load(ctx, sized.into_iter().map(|(path, _)| path).collect());
        }
    }

    /// Starts opening `paths` (none: rebuilding the map), or queues them
    /// behind the files being opened.
    fn load(&mut self, ctx: &egui::Context, paths: Vec<PathBuf>) {
        if self.loading.is_some() {
            self.queued.extend(paths);
            return;
        }
        self.loading = Some(Loading::start(ctx, self.workspace.clone(), paths));
    }

    /// Takes in what a finished job loaded, and starts the next.
    fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else {
            return;
        };
        match loading.poll() {
            Poll::Running => return,
            Poll::Done(done) => {
                if let Some(revision) = loading.rebuild_of {
                    // The workspace stays: edits may have come meanwhile.
                    let (_, scene) = *done;
                    self.take_rebuilt(ctx, scene, revision);
                } else {
                    let (workspace, scene) = *done;
                    self.workspace = workspace;
                    self.scene = Arc::new(scene);
                    self.show_loaded();
                    self.find_autosaved();
                }
            }
            Poll::Failed => {
                self.notice =
                    Some("Opening the files failed unexpectedly; what was open is kept".to_owned());
            }
        }
        self.loading = None;
        if !self.queued.is_empty() {
            let queued = std::mem::take(&mut self.queued);
            self.load(ctx, queued);
        }
    }

    /// Whether files are being opened.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// Asks whether to open files over the size limit.
    fn oversized_ui(&mut self, ctx: &egui::Context) {
        let Some(sized) = &self.oversized else {
            return;
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("oversized")).show(ctx, |ui| {
            ui.heading("Open a large file?");
            for (path, size) in sized {
                ui.label(format!(
                    "{}: {:.0} MB",
                    path.display(),
                    *size as f64 / f64::from(1 << 20)
                ));
            }
            ui.label(format!(
                "Files over {} MB can take a while and a lot of memory (about twice their size).",
                self.ask_above_mb
            ));
            ui.horizontal(|ui| {
                if ui.button("Open").clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                let sized = self.oversized.take().unwrap_or_default();
                self.load(ctx, sized.into_iter().map(|(path, _)| path).collect());
            }
            Some(false) => self.oversized = None,
            None => {}
        }
    }

    /// The window the map shows.
    pub fn window(&self) -> Option<TimeWindow> {
        self.timeline.window()
    }

    /// Where the timeline's window handles (start, end) were drawn last
    /// frame, for tests and automation.
    pub fn timeline_handles(&self) -> Option<(egui::Pos2, egui::Pos2)> {
        self.timeline.handles()
    }

    /// Whether the basemap has drawn all it will draw for now (for tests and
    /// screenshots, which wait for it).
    pub fn basemap_settled(&self) -> bool {
        self.map.settled()
    }

    /// Where the map looks, once it has been placed: the latitude and
    /// longitude of its centre, and its zoom (for tests and automation).
    pub fn map_center_zoom(&self) -> Option<(f64, f64, f64)> {
        self.map.remembered().center_zoom
    }

    /// Where on screen route `route` of [`Self::view`] was drawn last frame
    /// (the middle of its arc), for tests and automation.
    pub fn drawn_route_middle(&self, route: usize) -> Option<egui::Pos2> {
        self.map.drawn_route_middle(route)
    }

    /// Where on screen the marker of event `event` (a position in
    /// `scene.events`) was drawn last frame.
    pub fn drawn_event_marker(&self, event: usize) -> Option<egui::Pos2> {
        self.map.drawn_event_marker(&self.scene, event)
    }

    fn handle_input(&mut self, ui: &Ui) {
        let dropped: Vec<PathBuf> = ui.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .collect()
        });
        if !dropped.is_empty() {
            self.open_files(ui.ctx(), dropped);
        }
        // Addresses pasted on the map (no text field has the focus) open as
        // File, Open URL… would: browsers cannot drop links on a window.
        let pasted = ui.input(|input| {
            input.events.iter().find_map(|event| match event {
                egui::Event::Paste(text) => pasted_addresses(text),
                _ => None,
            })
        });
        if let Some(addresses) = pasted
            && ui.memory(|memory| memory.focused().is_none())
        {
            self.open_addresses(ui.ctx(), addresses);
        }
        let typing = ui.memory(|memory| memory.focused().is_some());
        if !typing && ui.input(|input| input.key_pressed(Key::T) && input.modifiers.is_none()) {
            self.table.open = !self.table.open;
        }
        if !typing && ui.input(|input| input.key_pressed(Key::S) && input.modifiers.is_none()) {
            self.summary.open = !self.summary.open;
        }
        if ui.input(|input| input.key_pressed(Key::Escape)) && self.editing.panel.take().is_none() {
            self.selection = Selection::default();
        }
    }

    /// Fetches, reads and extracts web pages or feeds, as files are opened
    /// (off the ui thread, behind the progress bar); each failure shows in
    /// the problems panel under its address.
    pub fn open_addresses(&mut self, ctx: &egui::Context, addresses: Vec<String>) {
        self.load(ctx, addresses.into_iter().map(PathBuf::from).collect());
    }

    /// Shows the system's file dialog and opens what the user picks; where
    /// no dialog can open here, Legation's own chooser.
    fn ask(
        &mut self,
        ctx: &egui::Context,
        picking: Picking,
        dialog: impl FnOnce() -> Option<Vec<PathBuf>>,
    ) {
        let asked = std::time::Instant::now();
        match dialog() {
            Some(paths) => self.open_files(ctx, paths),
            // No person cancels a dialog this fast: there was none.
            None if asked.elapsed() < NO_DIALOG_WITHIN => self.choose(picking, None),
            None => {}
        }
    }

    /// Opens Legation's own file chooser in `folder` (the home folder if
    /// `None`).
    pub fn choose(&mut self, picking: Picking, folder: Option<PathBuf>) {
        self.file_chooser = Some(FileChooser::new(picking, folder, OPENABLE));
    }

    /// The chooser, while open; opens what it picks.
    fn file_chooser_ui(&mut self, ctx: &egui::Context) {
        let Some(chooser) = &mut self.file_chooser else {
            return;
        };
        let (picked, close) = chooser.ui(ctx);
        if close {
            self.file_chooser = None;
        }
        if let Some(paths) = picked {
            self.open_files(ctx, paths);
        }
    }

    /// The open files, each with a button to close it.
    fn open_files_ui(&mut self, ui: &mut Ui) {
        let mut close = None;
        let loading = self.loading.is_some();
        for (index, file) in self.workspace.files.iter().enumerate() {
            ui.horizontal(|ui| {
                let button = ui.add_enabled(!loading, egui::Button::new("Close").small());
                if button.clicked() {
                    close = Some(index);
                }
                let name = file.path.file_name().map_or_else(
                    || file.path.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                let how = match file.kind {
                    FileKind::Dataset => String::new(),
                    FileKind::Imported(format) => format!(" (imported, {})", format.as_str()),
                    FileKind::Extracted => " (extracted from the text)".to_owned(),
                };
                ui.label(format!(
                    "{name}{how}: {} visits, {} events",
                    file.visit_count(),
                    file.event_count()
                ))
                .on_hover_text(file.path.display().to_string());
            });
        }
        if let Some(index) = close {
            self.ask_close_file(index);
        }
    }

    /// Closes file `index` and redraws the map without it.
    fn close_file(&mut self, index: usize) {
        if self.loading.is_some() {
            self.notice = Some("Wait until the map is drawn, then close the file".to_owned());
            return;
        }
        let mut workspace = self.workspace.clone();
        workspace.close(index);
        self.editing.panel = None;
        self.loading = Some(Loading::start(&self.ctx, workspace, Vec::new()));
    }

    fn menu_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…").on_hover_text(OPENS).clicked() {
                    ui.close();
                    let dialog = rfd::FileDialog::new()
                        .add_filter("Everything Legation opens", OPENABLE)
                        .add_filter("Legation dataset", &["json"]);
                    self.ask(ui.ctx(), Picking::Files, || dialog.pick_files());
                }
                if ui
                    .button("Open URL…")
                    .on_hover_text("Web pages or feeds of news, read and extracted (or paste addresses on the map)")
                    .clicked()
                {
                    ui.close();
                    self.open_url.open = true;
                }
                if ui
                    .button("Open folder…")
                    .on_hover_text("A folder of the US travels record (its XML files)")
                    .clicked()
                {
                    ui.close();
                    self.ask(ui.ctx(), Picking::Folder, || {
                        rfd::FileDialog::new().pick_folders()
                    });
                }
                ui.separator();
                self.save_menu_ui(ui);
                if ui
                    .button("Export…")
                    .on_hover_text("The map as a PNG or a film (GIF, MP4), or the records as GeoJSON, CSV, KML")
                    .clicked()
                {
                    ui.close();
                    self.export.open = true;
                }
                if !self.workspace.files.is_empty() {
                    ui.separator();
                    self.open_files_ui(ui);
                }
            });
            self.edit_menu_ui(ui);
            if ui
                .button("Fit to data")
                .on_hover_text(
                    "Show every place in the time window, or the whole world when it has none",
                )
                .clicked()
            {
                self.map.fit_on_next_frame();
            }
            ui.menu_button("View", |ui| {
                ui.checkbox(&mut self.table.open, "Records table (T)");
                ui.checkbox(&mut self.summary.open, "Summary (S)");
                ui.separator();
                self.map.basemap_choice_ui(ui);
                ui.separator();
                theme_ui(ui);
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label("Ask before opening files over");
                    ui.add(
                        egui::DragValue::new(&mut self.ask_above_mb)
                            .range(0..=1_000_000)
                            .suffix(" MB"),
                    )
                    .on_hover_text("0: never ask");
                });
            });
            ui.menu_button("Help", |ui| {
                if ui.button("About Legation").clicked() {
                    ui.close();
                    self.about.open = true;
                }
            });
            self.map.online_status_ui(ui);
            if let Some(loading) = &self.loading {
                ui.separator();
                loading.ui(ui);
            }
            ui.separator();
            self.problems_panel
                .toggle_ui(ui, &self.workspace, &self.scene);
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, notice);
                if ui.small_button("OK").clicked() {
                    self.notice = None;
                }
            }
        });
    }

    /// The panels around the map: the summary, the records table, the
    /// problems, and the source or edit panel.
    fn side_panels_ui(&mut self, ui: &mut Ui) {
        if self.summary.open {
            let clicked = egui::Panel::left("summary")
                .resizable(true)
                .default_size(300.0)
                .show(ui, |ui| {
                    self.summary
                        .ui(ui, &self.workspace, &self.scene, &self.view)
                })
                .inner;
            if let Some(click) = clicked
                && self.search.toggle(click.field, &click.value, true)
            {
                self.apply_query();
            }
        }
        if self.table.open {
            egui::Panel::bottom("records table")
                .resizable(true)
                .default_size(220.0)
                .show(ui, |ui| {
                    self.table.ui(
                        ui,
                        &self.workspace,
                        &self.scene,
                        &self.view,
                        &mut self.selection,
                    );
                });
        }
        if self.problems_panel.open {
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(140.0)
                .show(ui, |ui| {
                    self.problems_panel.ui(ui, &self.workspace, &self.scene);
                });
        }
        if self.editing.panel.is_some() {
            egui::Panel::right("source")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| self.edit_panel_ui(ui));
        } else if !self.selection.is_empty() {
            let action = egui::Panel::right("source")
                .resizable(true)
                .default_size(420.0)
                .show(ui, |ui| {
                    self.source_panel
                        .ui(ui, &self.workspace, &self.scene, &mut self.selection)
                })
                .inner;
            if let Some(action) = action {
                self.panel_action(ui.ctx(), action);
            }
        }
    }
}

/// Light, dark, or as the system says; the basemap follows.
fn theme_ui(ui: &mut Ui) {
    let mut preference = ui.ctx().options(|options| options.theme_preference);
    let before = preference;
    ui.label("Theme");
    ui.radio_value(
        &mut preference,
        egui::ThemePreference::System,
        "As the system",
    );
    ui.radio_value(&mut preference, egui::ThemePreference::Light, "Light");
    ui.radio_value(&mut preference, egui::ThemePreference::Dark, "Dark");
    if preference != before {
        ui.ctx().set_theme(preference);
    }
}

impl eframe::App for LegationApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.poll_loading(ui.ctx());
        self.guard_close(ui.ctx());
        self.handle_input(ui);
        self.edit_keys(ui);
        self.oversized_ui(ui.ctx());
        self.edit_dialogs_ui(ui.ctx());
        self.autosave_tick(ui.ctx());
        self.update_title(ui.ctx());
        if let Some(addresses) = self.open_url.ui(ui.ctx()) {
            self.open_addresses(ui.ctx(), addresses);
        }
        self.export_ui(ui.ctx());
        self.about.ui(ui.ctx());
        self.file_chooser_ui(ui.ctx());
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::top("search").show(ui, |ui| {
            if self.search.is_focused(ui.ctx()) && self.vocabulary.is_none() {
                self.vocabulary = Some(self.workspace.vocabulary());
            }
            if self.search.ui(ui, self.vocabulary.as_ref()) {
                self.apply_query();
            }
        });
        egui::Panel::bottom("timeline").show(ui, |ui| {
            let frames_per_second = self.map.frames_per_second();
            if self.loading.is_some() && self.timeline.window().is_none() {
                // Not "no data, open a file": a file is being opened.
                ui.weak("The timeline appears once the records are read.");
            } else if self.timeline.ui(
                ui,
                &self.scene,
                &self.view,
                self.filter.as_deref(),
                frames_per_second,
            ) {
                self.refresh_view();
            }
            // Only while playing does every frame follow the last at once,
            // so that the time between them (measured, except just after
            // a pause) is the time a frame takes.
            if self.timeline.playing() {
                self.map
                    .adapt_to_frame_time(ui.input(|input| input.stable_dt));
            }
        });
        self.side_panels_ui(ui);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.map.ui(
                    ui,
                    &self.workspace,
                    &self.scene,
                    &self.view,
                    &mut self.selection,
                );
            });
        if let Some(click) = self.map.take_legend_click()
            && self.search.toggle(click.field, &click.value, click.add)
        {
            self.apply_query();
        }
        if let Some(job) = &mut self.screenshot {
            job.step(ui.ctx(), self.map.settled() && self.loading.is_none());
        }
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        let Some(session) = &mut self.session else {
            return;
        };
        let remembered = Remembered {
            files: self
                .workspace
                .files
                .iter()
                .map(|file| file.path.clone())
                .collect(),
            map: self.map.remembered(),
            ask_above_mb: Some(self.ask_above_mb),
            query: self.search.text.clone(),
        };
        if let Err(error) = session.write(&remembered) {
            self.notice = Some(format!(
                "{}: cannot remember this session: {error}; check that the folder is writable",
                session.path().display()
            ));
        }
    }
}
