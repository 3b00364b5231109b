//! Opening files off the ui thread: the job, and the progress bar that
//! shows it, so that a million records never freeze the window.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Instant;

use egui::Ui;

use crate::progress::Progress;
use crate::scene::Scene;
use crate::workspace::{Workspace, open_and_place};

/// How often the progress bar is drawn again while the job runs.
const REFRESH: std::time::Duration = std::time::Duration::from_millis(250);

/// Files being opened (or the map being rebuilt after a file closed).
pub struct Loading {
    /// The edit revision whose map this job rebuilds, when it only
    /// rebuilds the map after an edit (its workspace is then not taken
    /// back: the person may have edited on meanwhile).
    pub rebuild_of: Option<u64>,
    progress: Arc<Progress>,
    done: Receiver<(Workspace, Scene)>,
    what: String,
    started: Instant,
}

impl Loading {
    /// Starts opening `paths` into a copy of `workspace` (cheap: records
    /// are shared) on another thread; with no paths, rebuilds the map.
    pub fn start(ctx: &egui::Context, workspace: Workspace, paths: Vec<PathBuf>) -> Self {
        let progress = Arc::new(Progress::default());
        let (send, done) = std::sync::mpsc::channel();
        let what = match paths.as_slice() {
            [] => "the map".to_owned(),
            [path] => path.file_name().map_or_else(
                || path.display().to_string(),
                |name| name.to_string_lossy().into_owned(),
            ),
            many => format!("{} files", many.len()),
        };
        let ctx = ctx.clone();
        let job_progress = Arc::clone(&progress);
        std::thread::spawn(move || {
            let result = open_and_place(workspace, &paths, &job_progress);
            // The app may have quit meanwhile; then nobody wants the result.
            let _ = send.send(result);
            ctx.request_repaint();
        });
        Self {
            rebuild_of: None,
            progress,
            done,
            what,
            started: Instant::now(),
        }
    }

    /// Rebuilds the map of `workspace` after edit `revision`.
    pub fn rebuild(ctx: &egui::Context, workspace: Workspace, revision: u64) -> Self {
        Self {
            rebuild_of: Some(revision),
            what: "the edited map".to_owned(),
            ..Self::start(ctx, workspace, Vec::new())
        }
    }

    /// The result, once the job is done; a job that died (it never should)
    /// gives back nothing, leaving what was open as it was.
    pub fn poll(&self) -> Poll {
        match self.done.try_recv() {
            Ok(result) => Poll::Done(Box::new(result)),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Failed,
        }
    }

    /// A progress bar: what is being opened, the stage and how far it is.
    pub fn ui(&self, ui: &mut Ui) {
        let stage = self.progress.stage();
        let fraction = self.progress.fraction();
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(320.0)
                .text(format!(
                    "{} {}: {} {:.0}%",
                    if self.rebuild_of.is_some() {
                        "Drawing"
                    } else {
                        "Opening"
                    },
                    self.what,
                    stage.label().to_lowercase(),
                    fraction * 100.0
                )),
        )
        .on_hover_text(format!(
            "{:.1} s so far; the map shows what was open before until this is done",
            self.started.elapsed().as_secs_f32()
        ));
        // A few frames a second keep the bar moving. Not every frame (as an
        // animated bar asks), nor ten a second: on a software renderer a
        // frame of the world map costs tens of milliseconds of the cores
        // the job reads on. Under Xvfb, 1M visits + 1M events took
        // 2.5-4.0 s to open at ten frames a second and 2.0-2.5 s at four.
        ui.ctx().request_repaint_after(REFRESH);
    }
}

/// Where a [`Loading`] job is.
pub enum Poll {
    /// Still working.
    Running,
    /// Finished: the new workspace and its scene.
    Done(Box<(Workspace, Scene)>),
    /// The job stopped without a result.
    Failed,
}
