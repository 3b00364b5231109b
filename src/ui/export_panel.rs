//! File → Export…: the map as a picture or a film, or the records for
//! another tool, with the window, query and view in force as the
//! defaults. The work runs off the ui thread; a film shows its progress.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;

use egui::{RichText, Ui};

use super::figure::{
    AnimationFormat, Caption, FigureCamera, FigureRequest, write_animation, write_png,
};
use crate::export::{Format, Selection, write};
use crate::query::Compiled;
use crate::save::write_atomically;
use crate::scene::{Scene, SceneFilter, Step, TimeWindow, playback_windows};
use crate::workspace::Workspace;

/// What is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Png,
    Film(AnimationFormat),
    Records(Format),
}

impl Choice {
    const ALL: [(Self, &'static str, &'static str); 7] = [
        (Self::Png, "PNG", "png"),
        (Self::Film(AnimationFormat::Gif), "GIF film", "gif"),
        (Self::Film(AnimationFormat::Mp4), "MP4 film", "mp4"),
        (Self::Records(Format::GeoJson), "GeoJSON", "geojson"),
        (Self::Records(Format::Csv), "CSV", "csv"),
        (Self::Records(Format::Kml), "KML", "kml"),
        (Self::Records(Format::Legation), "Legation dataset", "json"),
    ];

    fn extension(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(choice, ..)| *choice == self)
            .map_or("png", |(_, _, extension)| extension)
    }
}

/// What the app has in force when the user exports.
pub struct InForce<'a> {
    /// The open files.
    pub workspace: &'a Workspace,
    /// Everything placed on the map.
    pub scene: &'a Arc<Scene>,
    /// What the query keeps of the scene.
    pub filter: Option<&'a Arc<SceneFilter>>,
    /// The query as typed and compiled, when one is in force.
    pub query: Option<(&'a str, &'a Compiled)>,
    /// The timeline's window.
    pub window: Option<TimeWindow>,
    /// Where the map looks, and its size in points.
    pub camera: (FigureCamera, [f32; 2]),
    /// Whether the app is in dark mode.
    pub dark: bool,
}

/// An export running on its own thread.
struct Job {
    frames_done: Arc<AtomicUsize>,
    frames: usize,
    handle: JoinHandle<Result<String, String>>,
}

/// The Export window's state.
pub struct ExportPanel {
    /// Whether the window is shown.
    pub open: bool,
    /// Whether the user set the size; until then it follows the map's.
    user_sized: bool,
    choice: Choice,
    path: String,
    size: [u32; 2],
    step: Step,
    fps: u32,
    job: Option<Job>,
    outcome: Option<Result<String, String>>,
}

impl Default for ExportPanel {
    fn default() -> Self {
        let folder = directories::UserDirs::new()
            .and_then(|dirs| dirs.picture_dir().map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        Self {
            open: false,
            user_sized: false,
            choice: Choice::Png,
            path: folder.join("legation.png").display().to_string(),
            size: [1600, 1000],
            step: Step::CHOICES[0],
            fps: 4,
            job: None,
            outcome: None,
        }
    }
}

impl ExportPanel {
    /// Whether an export is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// The Export window, when open.
    pub fn ui(&mut self, ctx: &egui::Context, in_force: &InForce<'_>) {
        self.poll();
        let [width, height] = in_force.camera.1;
        if !self.user_sized && width >= 100.0 && height >= 100.0 {
            // The map's shape at twice its points: sharp on a page.
            self.size = [(width * 2.0).round() as u32, (height * 2.0).round() as u32];
        }
        let mut open = self.open;
        egui::Window::new("Export")
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, |ui| self.contents_ui(ui, in_force));
        self.open = open;
    }

    fn contents_ui(&mut self, ui: &mut Ui, in_force: &InForce<'_>) {
        let running = self.job.is_some();
        ui.add_enabled_ui(!running, |ui| {
            ui.horizontal_wrapped(|ui| {
                for (choice, label, _) in Choice::ALL {
                    if ui.radio_value(&mut self.choice, choice, label).changed() {
                        self.path = PathBuf::from(&self.path)
                            .with_extension(choice.extension())
                            .display()
                            .to_string();
                    }
                }
            });
            ui.separator();
            let window = in_force.window;
            let shows = window.map_or_else(
                || "every day".to_owned(),
                |window| Caption::new(window, "").when,
            );
            let query = in_force.query.map_or("none", |(text, _)| text);
            ui.label(format!("Days: {shows} · query: {query}"));
            match self.choice {
                Choice::Png => {
                    self.size_ui(ui);
                    ui.weak("The map as it is on screen (twice its size unless you set one), with legend and caption");
                }
                Choice::Film(_) => {
                    self.size_ui(ui);
                    self.film_ui(ui, window);
                }
                Choice::Records(_) => {
                    ui.weak("Every record the window and query keep, with its passage and source");
                }
            }
            ui.horizontal(|ui| {
                let label = ui.label("Save to");
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(320.0))
                    .labelled_by(label.id);
                if ui.button("Browse…").clicked() {
                    self.browse();
                }
            });
        });
        ui.horizontal(|ui| {
            let export = ui.add_enabled(!running, egui::Button::new("Export"));
            if export.clicked() {
                self.start(ui.ctx(), in_force);
            }
            if let Some(job) = &self.job {
                let done = job.frames_done.load(Ordering::Relaxed);
                let bar = egui::ProgressBar::new(done as f32 / job.frames.max(1) as f32)
                    .text(format!("frame {done} of {}", job.frames))
                    .animate(true);
                ui.add(bar);
            }
        });
        match &self.outcome {
            Some(Ok(message)) => {
                ui.label(message);
            }
            Some(Err(message)) => {
                ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
            }
            None => {}
        }
    }

    fn size_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label("Size");
            let width = ui.add(egui::DragValue::new(&mut self.size[0]).range(100..=8192));
            ui.label("×");
            let height = ui.add(egui::DragValue::new(&mut self.size[1]).range(100..=8192));
            if width.changed() || height.changed() {
                self.user_sized = true;
            }
            ui.label("pixels");
        });
    }

    fn film_ui(&mut self, ui: &mut Ui, window: Option<TimeWindow>) {
        ui.horizontal(|ui| {
            ui.label("One frame a");
            for step in Step::CHOICES {
                ui.radio_value(&mut self.step, step, step.unit.name());
            }
        });
        ui.horizontal(|ui| {
            ui.add(egui::DragValue::new(&mut self.fps).range(1..=60));
            ui.label("frames a second");
            if let Some(window) = window {
                let frames = playback_windows(window.start, window.end, self.step, None).len();
                let plural = if frames == 1 { "" } else { "s" };
                ui.weak(format!("{frames} frame{plural} over the window"));
            }
        });
    }

    /// Asks where to save; the typed path stays when no dialog can open.
    fn browse(&mut self) {
        let path = PathBuf::from(&self.path);
        let mut dialog = rfd::FileDialog::new().add_filter(
            self.choice.extension().to_uppercase(),
            &[self.choice.extension()],
        );
        if let Some(name) = path.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        if let Some(folder) = path.parent().filter(|folder| folder.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        if let Some(chosen) = dialog.save_file() {
            self.path = chosen.display().to_string();
        }
    }

    /// Starts the export on its own thread.
    fn start(&mut self, ctx: &egui::Context, in_force: &InForce<'_>) {
        self.outcome = None;
        let path = PathBuf::from(self.path.trim());
        if path.as_os_str().is_empty() {
            self.outcome = Some(Err("Say where to save the export".to_owned()));
            return;
        }
        let Some(window) = in_force.window.or_else(|| in_force.scene.extent()) else {
            self.outcome = Some(Err("There is nothing on the map to export".to_owned()));
            return;
        };
        let windows = match self.choice {
            Choice::Film(_) => playback_windows(window.start, window.end, self.step, None),
            _ => vec![window],
        };
        let frames_done = Arc::new(AtomicUsize::new(0));
        let work = Work {
            choice: self.choice,
            path,
            workspace: in_force.workspace.clone(),
            scene: Arc::clone(in_force.scene),
            filter: in_force.filter.cloned(),
            query: in_force
                .query
                .map(|(text, compiled)| (text.to_owned(), compiled.clone())),
            windows,
            size: self.size,
            fps: self.fps,
            camera: in_force.camera,
            dark: in_force.dark,
        };
        let frames = work.windows.len();
        let done = Arc::clone(&frames_done);
        let repaint = ctx.clone();
        let handle = std::thread::spawn(move || {
            let outcome = work.run(&done, &repaint);
            repaint.request_repaint();
            outcome
        });
        self.job = Some(Job {
            frames_done,
            frames,
            handle,
        });
    }

    /// Takes a finished export's outcome.
    fn poll(&mut self) {
        if self
            .job
            .as_ref()
            .is_some_and(|job| job.handle.is_finished())
            && let Some(job) = self.job.take()
        {
            self.outcome = Some(job.handle.join().unwrap_or_else(|_| {
                Err("The export failed unexpectedly; nothing was written".to_owned())
            }));
        }
    }
}

/// Everything an export needs, owned by its thread.
struct Work {
    choice: Choice,
    path: PathBuf,
    workspace: Workspace,
    scene: Arc<Scene>,
    filter: Option<Arc<SceneFilter>>,
    query: Option<(String, Compiled)>,
    windows: Vec<TimeWindow>,
    size: [u32; 2],
    fps: u32,
    camera: (FigureCamera, [f32; 2]),
    dark: bool,
}

impl Work {
    fn run(self, frames_done: &AtomicUsize, ctx: &egui::Context) -> Result<String, String> {
        let (camera, [map_width, _]) = self.camera;
        let request = FigureRequest {
            scene: &self.scene,
            filter: self.filter.clone(),
            query: self.query.as_ref().map_or("", |(text, _)| text),
            size: self.size,
            // The picture shows what the screen shows, however big.
            scale: (self.size[0] as f32 / map_width.max(1.0)).clamp(0.25, 8.0),
            camera: Some(camera),
            view_box: None,
            dark: self.dark,
        };
        let path = &self.path;
        let wrote = |what: String| format!("Wrote {what} to {}", path.display());
        match self.choice {
            Choice::Png => {
                write_png(&request, self.windows[0], path)?;
                Ok(wrote("the map".to_owned()))
            }
            Choice::Film(format) => {
                let mut progress = |done: usize, _total: usize| {
                    frames_done.store(done, Ordering::Relaxed);
                    ctx.request_repaint();
                };
                write_animation(
                    &request,
                    &self.windows,
                    self.fps,
                    format,
                    path,
                    &mut progress,
                )?;
                Ok(wrote(format!("{} frames", self.windows.len())))
            }
            Choice::Records(format) => {
                let compiled = self.query.as_ref().map(|(_, compiled)| compiled);
                let selection = Selection::new(&self.workspace, compiled, Some(self.windows[0]));
                write_atomically(path, |out| write(format, &selection, out))
                    .map_err(|err| format!("Cannot write {}: {err}", path.display()))?;
                let (visits, events) = selection.counts();
                Ok(wrote(format!("{visits} visits and {events} events")))
            }
        }
    }
}
