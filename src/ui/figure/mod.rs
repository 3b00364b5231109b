//! Figures: the map alone, drawn off screen by the same painters as the
//! window (basemap, arcs, markers, legend, attribution) with a caption,
//! at any size and scale: a PNG for a report, or the playback frame by
//! frame as a GIF or an MP4 for a briefing. No window and no display are
//! needed; a software graphics device will do.

mod animation;
mod gpu;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Align2, Color32, FontId, Rect, Ui, ViewportId, pos2, vec2};
use image::RgbaImage;

pub use self::animation::{AnimationFormat, write_animation};
use self::gpu::OffscreenRenderer;
use super::map::{MapView, RememberedView};
use crate::model::ViewBox;
use crate::scene::{Scene, SceneFilter, TimeWindow, View};

/// What a figure shows, and at what size.
pub struct FigureRequest<'a> {
    /// Everything placed on the map.
    pub scene: &'a Scene,
    /// What the query keeps; `None` keeps everything.
    pub filter: Option<Arc<SceneFilter>>,
    /// The query as typed, for the caption ("" for none).
    pub query: &'a str,
    /// The picture's width and height in pixels.
    pub size: [u32; 2],
    /// Pixels per point: 2 draws text and lines twice as big, for print.
    pub scale: f32,
    /// Where the map looks; `None` fits it to `view_box`, else to the data.
    pub camera: Option<FigureCamera>,
    /// The part of the world to show when there is no camera (a dataset's
    /// `view`); `None` fits the data shown.
    pub view_box: Option<ViewBox>,
    /// Dark basemap and panels, as the app in dark mode; light for print.
    pub dark: bool,
}

/// Where a figure's map looks, as the app's map did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureCamera {
    /// The centre's latitude, in degrees.
    pub lat: f64,
    /// The centre's longitude, in degrees.
    pub lon: f64,
    /// walkers' zoom level.
    pub zoom: f64,
}

/// How long a frame waits for the basemap's tiles before it is drawn
/// with what has arrived.
const TILE_DEADLINE: Duration = Duration::from_secs(20);
/// Passes of egui per frame at least: the first lays out and asks for
/// tiles, the next draws arcs that have finished fading in.
const MIN_PASSES: u32 = 2;
/// How far the clock moves between passes, in seconds: longer than any
/// fade, so that each frame shows its data whole.
const PASS_SECONDS: f64 = 5.0;

/// How a figure's map is framed.
#[derive(Clone, Copy, Debug)]
enum Framing {
    /// Where the camera given looks.
    Camera,
    /// A dataset's view.
    Box(ViewBox),
    /// Fitted to the data shown.
    Data,
}

/// Draws figures, one after another, on one graphics device and one map.
pub struct FigureDrawer {
    renderer: OffscreenRenderer,
    ctx: egui::Context,
    map: MapView,
    size: [u32; 2],
    scale: f32,
    /// How each scene is framed.
    framing: Framing,
    time: f64,
}

impl FigureDrawer {
    /// A drawer of the request's size, scale and theme, looking where its
    /// camera says, or fitting each scene to its data.
    ///
    /// # Errors
    /// When no graphics device is available, or the size is beyond it.
    pub fn new(request: &FigureRequest<'_>) -> Result<Self, String> {
        let (size, scale, camera) = (request.size, request.scale, request.camera);
        if !(0.25..=8.0).contains(&scale) {
            return Err(format!("--scale {scale}: give a scale between 0.25 and 8"));
        }
        let renderer = OffscreenRenderer::new()?;
        let largest = renderer.max_side();
        if size.iter().any(|&side| side == 0 || side > largest) {
            return Err(format!(
                "{}x{} pixels: this graphics device draws pictures of 1 to {largest} pixels a side",
                size[0], size[1]
            ));
        }
        let ctx = egui::Context::default();
        super::fonts::install(&ctx);
        ctx.set_theme(if request.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        let map = MapView::new(
            &ctx,
            camera.map(|camera| RememberedView {
                center_zoom: Some((camera.lat, camera.lon, camera.zoom)),
                // Figures draw the bundled basemap: no waiting on a network.
                ..RememberedView::default()
            }),
        );
        Ok(Self {
            renderer,
            ctx,
            map,
            size,
            scale,
            framing: match (camera, request.view_box) {
                (Some(_), _) => Framing::Camera,
                (None, Some(view_box)) => Framing::Box(view_box),
                (None, None) => Framing::Data,
            },
            time: 0.0,
        })
    }

    /// Takes a new scene: its colours, and, without a camera, its view
    /// box or a fit to its data on the next frame.
    pub fn set_scene(&mut self, scene: &Scene) {
        self.map.set_scene(scene);
        match self.framing {
            Framing::Box(view_box) => self.map.show_box_on_next_frame(view_box),
            Framing::Data => self.map.fit_on_next_frame(),
            Framing::Camera => {}
        }
    }

    /// Draws `view` of `scene`, fitted to `fit`, with `caption` on top.
    ///
    /// # Errors
    /// When the graphics device fails.
    pub fn draw(
        &mut self,
        scene: &Scene,
        view: &View,
        fit: &View,
        caption: &Caption,
    ) -> Result<RgbaImage, String> {
        let deadline = Instant::now() + TILE_DEADLINE;
        let mut passes = 0;
        loop {
            let mut output = self.ctx.run_ui(self.input(), |ui| {
                egui::CentralPanel::default()
                    .frame(egui::Frame::NONE)
                    .show(ui, |ui| {
                        let rect = ui.available_rect_before_wrap();
                        self.map.figure_ui(ui, scene, view, fit);
                        caption.ui(ui, rect);
                    });
            });
            self.renderer.take_textures(&mut output.textures_delta);
            self.time += PASS_SECONDS;
            passes += 1;
            let settled = self.map.settled();
            if passes >= MIN_PASSES && (settled || Instant::now() > deadline) {
                return self.renderer.draw(&self.ctx, output, self.size);
            }
            if !settled {
                // The tiles are read and decoded on walkers' threads.
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }

    /// The input of one pass: the picture's size and scale, and the clock.
    fn input(&self) -> egui::RawInput {
        let points = vec2(self.size[0] as f32, self.size[1] as f32) / self.scale;
        let mut input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), points)),
            time: Some(self.time),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(self.scale);
        }
        input
    }
}

/// The words at the top of a figure: the window it shows and the query.
#[derive(Clone, Debug, Default)]
pub struct Caption {
    /// The days shown, in words.
    pub when: String,
    /// The query, or "" for none.
    pub query: String,
}

impl Caption {
    /// The caption of `window` under `query`.
    pub fn new(window: TimeWindow, query: &str) -> Self {
        Self {
            when: window.describe(),
            query: query.trim().to_owned(),
        }
    }

    /// Draws the caption centred at the top of `rect`.
    fn ui(&self, ui: &Ui, rect: Rect) {
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals();
        let mut galleys = vec![painter.layout_no_wrap(
            self.when.clone(),
            FontId::proportional(20.0),
            visuals.strong_text_color(),
        )];
        if !self.query.is_empty() {
            galleys.push(painter.layout_no_wrap(
                format!("query: {}", self.query),
                FontId::proportional(13.0),
                visuals.text_color(),
            ));
        }
        let width = galleys
            .iter()
            .map(|galley| galley.size().x)
            .fold(0.0, f32::max);
        let height: f32 = galleys.iter().map(|galley| galley.size().y).sum();
        let background = Align2::CENTER_TOP.align_size_within_rect(
            vec2(width, height) + vec2(24.0, 12.0),
            rect.shrink2(vec2(0.0, 10.0)),
        );
        painter.rect_filled(background, 6.0, visuals.panel_fill.gamma_multiply(0.9));
        let mut top = background.top() + 6.0;
        for galley in galleys {
            let left = background.center().x - galley.size().x / 2.0;
            top += galley.size().y;
            painter.galley(
                pos2(left, top - galley.size().y),
                galley,
                Color32::PLACEHOLDER,
            );
        }
    }
}

/// Draws `window` of the request as a PNG at `path`, written whole or not
/// at all.
///
/// # Errors
/// When no graphics device is available, or `path` cannot be written.
pub fn write_png(
    request: &FigureRequest<'_>,
    window: TimeWindow,
    path: &Path,
) -> Result<(), String> {
    let mut drawer = FigureDrawer::new(request)?;
    drawer.set_scene(request.scene);
    let view = filtered_view(request, window);
    let image = drawer.draw(
        request.scene,
        &view,
        &view,
        &Caption::new(window, request.query),
    )?;
    crate::save::write_atomically(path, |out| {
        image
            .write_to(out, image::ImageFormat::Png)
            .map_err(std::io::Error::other)
    })
    .map_err(|err| format!("cannot write {}: {err}", path.display()))
}

/// What `window` shows of the request's scene, through its filter.
fn filtered_view(request: &FigureRequest<'_>, window: TimeWindow) -> View {
    let mut view = View::default();
    request
        .scene
        .view_filtered_into(window, request.filter.as_ref(), &mut view);
    view
}
