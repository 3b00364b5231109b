//! The map: basemap, arcs and markers, and what a click or hover on them
//! means.

mod arcs;
mod basemap;
mod labels;
mod markers;
mod projection;

use egui::{Color32, Key, Pos2, Rect, Response, RichText, Ui};
use walkers::{Map, MapMemory, Plugin, Projector, lat_lon};

use self::basemap::{Basemap, BasemapChoice, OFFLINE_ATTRIBUTION, OnlineStatus};
use super::figure::FigureCamera;
use super::{Selection, describe, legend, palette};
use crate::model::{CountryCode, ViewBox};
use crate::scene::{
    DrawnArc, Frame, FrameHit, GeoPoint, Scene, Selected, View, fit_view, from_mercator,
    keep_world_covering, mercator, world_zoom,
};
use crate::workspace::Workspace;

/// The view remembered between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct RememberedView {
    /// Centre latitude, longitude and zoom; `None` to fit to the data.
    pub center_zoom: Option<(f64, f64, f64)>,
    /// The basemap chosen.
    pub basemap: BasemapChoice,
}

/// Where the map is looking, and what it drew last frame.
#[allow(clippy::struct_excessive_bools)] // independent switches, not a state machine
pub struct MapView {
    memory: MapMemory,
    basemap: Option<Basemap>,
    basemap_error: Option<String>,
    choice: BasemapChoice,
    fit_pending: bool,
    /// A box to show at the next fit instead of the data (a dataset's
    /// `view`).
    frame_box: Option<ViewBox>,
    origins: Vec<CountryCode>,
    /// What was drawn last frame, for hit-testing; reused every frame.
    frame: Frame,
    dark: bool,
    /// Whether hovering shows tooltips (not in screenshots).
    pub tooltips: bool,
    /// The legend entry clicked this frame, for the query.
    legend_click: Option<legend::LegendClick>,
    /// Where the map was drawn last frame, in points.
    drawn_rect: Rect,
}

/// Where walkers centres the map until it is moved: latitude, longitude.
const DEFAULT_CENTER: (f64, f64) = (20.0, 60.0);
/// Zoom steps of the + and - keys.
const KEY_ZOOM_STEP: f64 = 1.0;
/// The deepest zoom "fit to data" goes to, so a single place keeps context.
const FIT_MAX_ZOOM: f64 = 6.0;
/// How many routes a view shows before they are drawn lighter.
const DENSE_ROUTES: f32 = 60.0;
/// Room left around the data when fitting, in points.
const FIT_MARGIN: f32 = 70.0;
/// The latitude the world view centres on: the map is wider than tall, so
/// the far south (Antarctica) is cut rather than the north.
const WORLD_CENTER_LAT: f64 = 25.0;
/// The width the legend takes on the left of the map, kept free of data
/// when fitting.
const LEGEND_ALLOWANCE: f32 = 250.0;

impl MapView {
    /// A map on the bundled basemap, at `remembered`'s view if given.
    pub fn new(ctx: &egui::Context, remembered: Option<RememberedView>) -> Self {
        let (basemap, basemap_error) = match Basemap::new(ctx) {
            Ok(basemap) => (Some(basemap), None),
            Err(err) => (
                None,
                Some(format!("the offline basemap could not be unpacked: {err}")),
            ),
        };
        let mut memory = MapMemory::default();
        let mut fit_pending = true;
        let remembered = remembered.unwrap_or_default();
        if let Some((lat, lon, zoom)) = remembered.center_zoom {
            memory.center_at(lat_lon(lat, lon));
            fit_pending = memory.set_zoom(zoom).is_err();
        }
        Self {
            memory,
            basemap,
            basemap_error,
            choice: remembered.basemap,
            fit_pending,
            frame_box: None,
            origins: Vec::new(),
            frame: Frame::default(),
            dark: false,
            tooltips: true,
            legend_click: None,
            drawn_rect: Rect::NOTHING,
        }
    }

    /// Where the map looks and how big it was drawn last frame, in
    /// points: what a figure of "the current view" starts from.
    pub fn figure_camera(&self) -> (FigureCamera, [f32; 2]) {
        let center = self
            .memory
            .detached()
            .unwrap_or_else(|| lat_lon(DEFAULT_CENTER.0, DEFAULT_CENTER.1));
        let camera = FigureCamera {
            lat: center.y(),
            lon: center.x(),
            zoom: self.memory.zoom(),
        };
        (camera, [self.drawn_rect.width(), self.drawn_rect.height()])
    }

    /// What to remember of this view.
    pub fn remembered(&self) -> RememberedView {
        let center = self.memory.detached();
        RememberedView {
            center_zoom: center.map(|position| (position.y(), position.x(), self.memory.zoom())),
            basemap: self.choice,
        }
    }

    /// Draws fewer arcs while frames come slowly, more when they come fast
    /// again (see [`crate::scene::ArcBudget`]); `frame_seconds` is how long
    /// the last frame took.
    pub fn adapt_to_frame_time(&mut self, frame_seconds: f32) {
        self.frame.budget.adapt(frame_seconds);
    }

    /// How many frames a second the map has drawn lately while playing.
    pub fn frames_per_second(&self) -> Option<f32> {
        self.frame.budget.frames_per_second()
    }

    /// The legend entry clicked this frame, if one was.
    pub fn take_legend_click(&mut self) -> Option<legend::LegendClick> {
        self.legend_click.take()
    }

    /// Centres the view on a point, keeping the zoom.
    pub fn center_on(&mut self, point: GeoPoint) {
        self.fit_pending = false;
        self.memory.center_at(lat_lon(point.lat, point.lon));
    }

    /// Fits the view to the data when next drawn.
    pub fn fit_on_next_frame(&mut self) {
        self.fit_pending = true;
        self.frame_box = None;
    }

    /// Shows `view_box` when next drawn (a dataset's `view`).
    pub fn show_box_on_next_frame(&mut self, view_box: ViewBox) {
        self.fit_pending = true;
        self.frame_box = Some(view_box);
    }

    /// Takes a new scene: the order in which delegations' countries get
    /// colours, and nothing kept of the last one's shapes.
    pub fn set_scene(&mut self, scene: &Scene) {
        self.origins = scene.origins_by_activity().to_vec();
        self.frame.forget_scene();
    }

    /// The colour of a delegation's country.
    fn origin_color(&self, origin: Option<CountryCode>) -> Color32 {
        palette::origin_color(
            origin.and_then(|origin| self.origins.iter().position(|&o| o == origin)),
        )
    }

    /// Whether the basemap has drawn all it will draw for now and nothing
    /// is fading in.
    pub fn settled(&self) -> bool {
        !self.frame.fading
            && self
                .basemap
                .as_ref()
                .is_none_or(|basemap| basemap.settled(self.dark))
    }

    /// The middle of the arc of route `route` (a position in
    /// [`View::routes`]) as drawn last frame.
    pub fn drawn_route_middle(&self, route: usize) -> Option<Pos2> {
        let arc = self.frame.arcs.iter().find(|arc| arc.shown == route)?;
        let points: Vec<[f32; 2]> = self.frame.pieces(arc).flatten().copied().collect();
        points.get(points.len() / 2).map(|&point| Pos2::from(point))
    }

    /// The centre of the marker that drew event `event` (a position in
    /// `scene.events`) last frame.
    pub fn drawn_event_marker(&self, scene: &Scene, event: usize) -> Option<Pos2> {
        let place = scene.events.get(event)?.place;
        let marker = self
            .frame
            .markers
            .iter()
            .find(|marker| self.frame.marker_places(marker).contains(&place))?;
        Some(Pos2::from(marker.center))
    }

    /// The basemap switch.
    pub fn basemap_choice_ui(&mut self, ui: &mut Ui) {
        ui.label("Basemap");
        ui.radio_value(
            &mut self.choice,
            BasemapChoice::Offline,
            "Offline (bundled)",
        );
        ui.radio_value(
            &mut self.choice,
            BasemapChoice::OpenStreetMap,
            "OpenStreetMap (online)",
        );
    }

    /// Whether online tiles arrive, when they are asked for.
    pub fn online_status_ui(&self, ui: &mut Ui) {
        if self.choice != BasemapChoice::OpenStreetMap {
            return;
        }
        match self
            .basemap
            .as_ref()
            .map_or(OnlineStatus::Off, Basemap::online_status)
        {
            OnlineStatus::Offline => {
                ui.label(RichText::new("offline").color(ui.visuals().warn_fg_color))
                    .on_hover_text("OpenStreetMap tiles do not arrive; the offline basemap stays");
            }
            OnlineStatus::Waiting => {
                ui.weak("loading tiles…");
            }
            OnlineStatus::Online | OnlineStatus::Off => {}
        }
    }

    /// Draws the map and handles clicks, hovers and keys on it.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workspace: &Workspace,
        scene: &Scene,
        view: &View,
        selection: &mut Selection,
    ) {
        let rect = ui.available_rect_before_wrap();
        self.drawn_rect = rect;
        if self.fit_pending {
            self.fit(scene, view, rect);
        }
        self.zoom_keys(ui);
        let response = self.draw(ui, scene, view, selection.marked());
        let hovered = response
            .hover_pos()
            .and_then(|pos| self.frame.hit(pos.into()));
        if response.clicked() {
            let clicked = response
                .interact_pointer_pos()
                .and_then(|pos| self.frame.hit(pos.into()));
            *selection = match clicked {
                Some(FrameHit::Route(route)) => Selection::of_route(scene, view, route),
                Some(FrameHit::Marker(marker)) => {
                    Selection::of_events(scene, &self.marker_events(scene, view, marker))
                }
                None => Selection::default(),
            };
        }
        if let Some(target) = hovered.filter(|_| self.tooltips) {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .on_hover_ui_at_pointer(|ui| self.tooltip_ui(ui, workspace, scene, view, target));
        }
        self.legend_click = legend::ui(ui, rect, view, self.frame.hidden_arcs, &|origin| {
            self.origin_color(origin)
        });
        self.attribution_ui(ui, rect);
    }

    /// Draws the map alone, as a figure shows it: the data over the
    /// basemap, the legend and the attribution; nothing reacts to the
    /// pointer. The view is fitted to `fit` (a wider view than `view`,
    /// such as an animation's whole span) the first time.
    pub fn figure_ui(&mut self, ui: &mut Ui, scene: &Scene, view: &View, fit: &View) {
        let rect = ui.available_rect_before_wrap();
        if self.fit_pending {
            self.fit(scene, fit, rect);
        }
        self.tooltips = false;
        self.draw(ui, scene, view, Selected::default());
        legend::ui(ui, rect, view, self.frame.hidden_arcs, &|origin| {
            self.origin_color(origin)
        });
        self.attribution_ui(ui, rect);
    }

    /// Draws the basemap and, over it, `view`'s arcs and markers.
    fn draw(
        &mut self,
        ui: &mut Ui,
        scene: &Scene,
        view: &View,
        selected: Selected<'_>,
    ) -> Response {
        self.dark = ui.visuals().dark_mode;
        self.keep_world_covering(ui.available_rect_before_wrap());
        let now = ui.input(|input| input.time);
        // Many arcs at once are drawn lighter, so that where they overlap
        // reads as more, not as a solid block.
        let density = (DENSE_ROUTES / view.routes.len().max(1) as f32)
            .sqrt()
            .clamp(0.3, 1.0);
        let arc_color = |arc: &DrawnArc| {
            palette::origin_color(scene.origin_rank(arc.route))
                .gamma_multiply(arc.opacity * density)
        };
        let center = lat_lon(DEFAULT_CENTER.0, DEFAULT_CENTER.1);
        let online = self.choice == BasemapChoice::OpenStreetMap;
        let response = {
            let (offline, online) = match &mut self.basemap {
                Some(basemap) => {
                    let (offline, online) = basemap.layers(self.dark, online);
                    (Some(offline), online)
                }
                None => (None, None),
            };
            let mut map = Map::new(
                offline.map(|tiles| tiles as &mut dyn walkers::Tiles),
                &mut self.memory,
                center,
            )
            .double_click_to_zoom(true)
            .zoom_with_ctrl(false);
            if let Some(online) = online {
                map = map.with_layer(online, 1.0);
            }
            map = map.with_plugin(DataLayer {
                scene,
                view,
                frame: &mut self.frame,
                selected,
                now,
                arc_color: &arc_color,
            });
            ui.add(map)
        };
        if self.frame.fading {
            ui.ctx().request_repaint();
        }
        response
    }

    /// The events of marker `marker` drawn last frame, as positions in
    /// `scene.events`.
    fn marker_events(&self, scene: &Scene, view: &View, marker: usize) -> Vec<usize> {
        let places = self.frame.marker_places(&self.frame.markers[marker]);
        let mut events = scene.events_at(places, view.window);
        events.retain(|&event| view.keeps_event(event));
        events
    }

    fn tooltip_ui(
        &self,
        ui: &mut Ui,
        workspace: &Workspace,
        scene: &Scene,
        view: &View,
        target: FrameHit,
    ) {
        const LISTED: usize = 6;
        // Each listed record in words, or why its file cannot show it.
        let (count, noun, mut lines): (usize, &str, Vec<Result<String, String>>) = match target {
            FrameHit::Route(route) => {
                let shown = &view.routes[route];
                let lines = scene
                    .visits_of(shown.route, view.window)
                    .filter(|&visit| view.keeps_visit(visit))
                    .take(LISTED)
                    .filter_map(|visit| {
                        let placed = &scene.visits[visit];
                        let Some(record) = describe::visit(workspace, placed.item) else {
                            return describe::unreadable(workspace, placed.item).map(Err);
                        };
                        Some(Ok(format!(
                            "{} · {} to {} · {}",
                            describe::who(&record),
                            record
                                .from
                                .as_ref()
                                .map_or_else(|| "unknown origin".to_owned(), describe::place),
                            describe::place(&record.to),
                            record.date.describe()
                        )))
                    })
                    .collect();
                (shown.count as usize, "visit", lines)
            }
            FrameHit::Marker(marker) => {
                let events = self.marker_events(scene, view, marker);
                let lines = events
                    .iter()
                    .take(LISTED)
                    .filter_map(|&event| {
                        let item = scene.events[event].item;
                        let Some(record) = describe::event(workspace, item) else {
                            return describe::unreadable(workspace, item).map(Err);
                        };
                        Some(Ok(format!(
                            "{} · {} · {}",
                            describe::what(&record),
                            describe::place(&record.place),
                            record.date.describe()
                        )))
                    })
                    .collect();
                (events.len(), "event", lines)
            }
        };
        // Records of a file that changed on disk all say so, once.
        lines.dedup();
        ui.strong(format!(
            "{count} {noun}{}",
            if count == 1 { "" } else { "s" }
        ));
        if let FrameHit::Route(route) = target {
            let route = view.routes[route].route;
            if let Some(line) = route_line(scene, route) {
                ui.label(line);
            }
        }
        let readable = lines.iter().all(Result::is_ok);
        for line in lines {
            match line {
                Ok(line) => ui.label(line),
                Err(why) => ui.colored_label(ui.visuals().warn_fg_color, why),
            };
        }
        if count > LISTED {
            ui.weak(format!("and {} more", count - LISTED));
        }
        if readable {
            ui.weak("Click to read the source text");
        }
    }

    fn attribution_ui(&self, ui: &mut Ui, rect: Rect) {
        let mut text = OFFLINE_ATTRIBUTION.to_owned();
        if self.choice == BasemapChoice::OpenStreetMap {
            text.push_str(" · © OpenStreetMap contributors");
        }
        if let Some(error) = &self.basemap_error {
            text.clone_from(error);
        }
        let pos = rect.right_bottom() - egui::vec2(4.0, 2.0);
        let painter = ui.painter_at(rect);
        let galley = painter.layout_no_wrap(
            text,
            egui::FontId::proportional(11.0),
            ui.visuals().text_color(),
        );
        let background = Rect::from_min_size(
            pos - galley.size() - egui::vec2(6.0, 2.0),
            galley.size() + egui::vec2(8.0, 4.0),
        );
        painter.rect_filled(
            background,
            2.0,
            ui.visuals().panel_fill.gamma_multiply(0.85),
        );
        painter.galley(
            background.min + egui::vec2(4.0, 2.0),
            galley,
            Color32::PLACEHOLDER,
        );
    }

    fn zoom_keys(&mut self, ui: &Ui) {
        if ui.memory(|memory| memory.focused().is_some()) {
            return;
        }
        let (zoom_in, zoom_out) = ui.input(|input| {
            (
                input.key_pressed(Key::Plus) || input.key_pressed(Key::Equals),
                input.key_pressed(Key::Minus),
            )
        });
        let zoom = self.memory.zoom();
        if zoom_in {
            let _ = self.memory.set_zoom(zoom + KEY_ZOOM_STEP);
        }
        if zoom_out {
            let _ = self.memory.set_zoom((zoom - KEY_ZOOM_STEP).max(0.0));
        }
    }

    fn fit(&mut self, scene: &Scene, view: &View, rect: Rect) {
        self.fit_pending = false;
        if let Some(view_box) = self.frame_box.take() {
            let (west, east) = view_box.unwrapped_longitudes();
            self.fit_bounds(
                GeoPoint::new(view_box.south, west),
                GeoPoint::new(view_box.north, east),
                rect,
            );
            return;
        }
        let Some((south_west, north_east)) = view.bounds(scene) else {
            // Nothing to fit, as while a first file opens: the whole world,
            // not walkers' default of a few streets of open sea.
            self.memory.center_at(lat_lon(WORLD_CENTER_LAT, 0.0));
            let _ = self.memory.set_zoom(world_zoom(rect.width()));
            return;
        };
        self.fit_bounds(south_west, north_east, rect);
    }

    /// Shows the box from `south_west` to `north_east` in the part of the
    /// map the legend leaves free.
    fn fit_bounds(&mut self, south_west: GeoPoint, north_east: GeoPoint, rect: Rect) {
        // Fit into the part of the map the legend leaves free, then move
        // the centre so that part is the one centred on the data.
        let free = [
            (rect.width() - LEGEND_ALLOWANCE).max(rect.width() / 2.0),
            rect.height(),
        ];
        let (center, zoom) = fit_view(south_west, north_east, free, FIT_MARGIN, FIT_MAX_ZOOM);
        let shift_x = f64::from(rect.width() - free[0]) / 2.0 / (256.0 * 2f64.powf(zoom));
        let [x, y] = mercator(center);
        let center: GeoPoint = from_mercator([x - shift_x, y]);
        self.memory.center_at(lat_lon(center.lat, center.lon));
        let _ = self.memory.set_zoom(zoom);
    }

    /// Keeps one copy of the world over the whole map (see
    /// [`keep_world_covering`]): walkers draws no second copy, so beyond
    /// the world's edge would be an empty band.
    fn keep_world_covering(&mut self, rect: Rect) {
        let center = self
            .memory
            .detached()
            .unwrap_or_else(|| lat_lon(DEFAULT_CENTER.0, DEFAULT_CENTER.1));
        let center = GeoPoint::new(center.y(), center.x());
        let zoom = self.memory.zoom();
        let (kept, kept_zoom) = keep_world_covering(center, zoom, [rect.width(), rect.height()]);
        if kept_zoom > zoom {
            let _ = self.memory.set_zoom(kept_zoom);
        }
        if kept != center {
            self.memory.center_at(lat_lon(kept.lat, kept.lon));
        }
    }
}

/// A route in words, with its length: "Moscow to Pyongyang, 6,420 km".
fn route_line(scene: &Scene, route: u32) -> Option<String> {
    let ends = &scene.routes[route as usize];
    let from = scene.place_name(ends.from?.point)?;
    let to = scene.place_name(ends.to.point)?;
    let km = scene.route_length_km(route)?;
    Some(format!("{from} to {to}, {}", describe::kilometres(km)))
}

/// The map's data as a walkers plugin: prepares the frame through the
/// map's projector, then paints its arcs and markers.
struct DataLayer<'a> {
    scene: &'a Scene,
    view: &'a View,
    frame: &'a mut Frame,
    selected: Selected<'a>,
    /// The time, in seconds, for fading in.
    now: f64,
    arc_color: &'a dyn Fn(&DrawnArc) -> Color32,
}

impl Plugin for DataLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        let camera = projection::camera(projector);
        self.frame
            .prepare(self.scene, self.view, &camera, self.selected, self.now);
        let painter = ui.painter_at(projector.clip_rect());
        arcs::paint(&painter, self.scene, self.view, self.frame, self.arc_color);
        markers::paint(&painter, self.frame);
        labels::paint(&painter, self.scene, self.view, self.frame, &camera);
    }
}
