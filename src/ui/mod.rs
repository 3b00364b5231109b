//! The desktop app: the map with its layers, the timeline, and the panels.
//!
//! The only module that knows egui, eframe and walkers. Each panel and each
//! map layer has a file of its own; the data they draw comes ready-made
//! from [`crate::scene`].

mod about;
mod app;
mod describe;
mod edit_panel;
mod export_panel;
pub mod figure;
mod file_chooser;
mod fonts;
mod legend;
mod loading;
mod map;
mod open_url;
mod palette;
mod problems_panel;
mod screenshot;
mod search;
mod selection;
mod session;
mod source_panel;
mod summary_panel;
mod table_panel;
mod timeline;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use app::LegationApp;
pub use file_chooser::Picking;
pub use selection::Selection;
pub use source_panel::SOURCE_TEXT;

use crate::model::Day;
use crate::scene::WindowSpec;

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    /// Datasets to open; none opens the last session's, or the bundled data.
    pub files: Vec<PathBuf>,
    /// Save a PNG of the window here once everything is drawn, then quit.
    pub screenshot: Option<PathBuf>,
    /// Show the data up to this day (or a window ending on it).
    pub date: Option<Day>,
    /// The window to show: a length ending at `date`, or explicit days.
    pub window: Option<WindowSpec>,
    /// The window's inner size, in points.
    pub size: Option<[f32; 2]>,
    /// Ask before opening files bigger than this many megabytes (0: never);
    /// `None` keeps the user's setting.
    pub ask_above_mb: Option<u64>,
    /// Keep unsaved edits in this folder rather than the user's data
    /// folder (where they are kept only when the session is remembered).
    pub autosave: Option<PathBuf>,
    /// The query to open with (the search box's language); `None` keeps
    /// the last session's.
    pub query: Option<String>,
}

/// The icon in the title bar and task switcher (the desktop entry's, at
/// 256 pixels).
fn window_icon() -> egui::IconData {
    const ICON: &[u8] = include_bytes!("../../packaging/legation-256.png");
    image::load_from_memory(ICON).map_or_else(
        |_| egui::IconData::default(),
        |icon| {
            let icon = icon.to_rgba8();
            egui::IconData {
                width: icon.width(),
                height: icon.height(),
                rgba: icon.into_raw(),
            }
        },
    )
}

/// Opens the app's window and runs it until it closes.
///
/// # Errors
/// When no window can be opened, or a requested screenshot could not be
/// taken or saved.
pub fn run(startup: Startup) -> Result<(), String> {
    let size = startup.size.unwrap_or([1280.0, 800.0]);
    let screenshot_outcome: screenshot::Outcome = Arc::new(Mutex::new(None));
    let taking_screenshot = startup.screenshot.is_some();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Legation")
            .with_inner_size(size)
            .with_min_inner_size([480.0, 320.0])
            .with_drag_and_drop(true)
            // Matches the desktop entry, so docks show its icon.
            .with_app_id("legation")
            .with_icon(window_icon()),
        // A screenshot shows what the arguments ask for, not the last session.
        persist_window: !taking_screenshot,
        ..eframe::NativeOptions::default()
    };
    let outcome = Arc::clone(&screenshot_outcome);
    eframe::run_native(
        "Legation",
        options,
        Box::new(move |cc| {
            walkers::install_renderer(cc.wgpu_render_state.as_ref());
            Ok(Box::new(LegationApp::new(cc, startup, outcome)))
        }),
    )
    .map_err(|err| format!("cannot open the window: {err}"))?;
    if taking_screenshot {
        let taken = screenshot_outcome
            .lock()
            .map_err(|_| "the screenshot was lost".to_owned())?
            .take();
        taken.unwrap_or_else(|| {
            Err("the window closed before the screenshot was taken".to_owned())
        })?;
    }
    Ok(())
}
