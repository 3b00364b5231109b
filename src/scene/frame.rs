//! One frame's preparation: a [`View`] (what the time window shows) and a
//! [`Camera`](super::Camera) (where the map looks) become what the ui paints, in screen
//! pixels, with a spatial index for hit-testing. The map layers call
//! [`Frame::prepare`] every frame, and `legation bench` times that same
//! call.
//!
//! What keeps it fast at a million records:
//! - a route's great circle does not depend on the window: it is computed
//!   once, the first time the route is drawn, and cached by route id in
//!   Web Mercator units, so a frame only scales and shifts it;
//! - while the camera stays put (as in playback), an arc drawn last frame
//!   in the same lane is copied from last frame's points, not projected
//!   again from its path;
//! - routes whose bounds miss the screen are culled before any projection;
//! - at most [`MAX_DRAWN_ARCS`](super::MAX_DRAWN_ARCS) arcs are drawn, the busiest (plus any
//!   selected); the rest are counted in [`Frame::hidden_arcs`], since
//!   thousands of thin overlapping arcs read as one blur anyway;
//! - an arc gets as many straight pieces as its length on screen needs (at
//!   most 48), so zoomed out, short arcs cost a few points;
//! - markers are clustered per place with events (the view has already
//!   counted them by place and kind), not per record;
//! - fading and bows use tables by id and by point count, not hashing or
//!   trigonometry per point;
//! - the hit-testing grid is built only when a hit is asked for, in place,
//!   from boxes of a few segments each, so that a hit measures only the
//!   segments near the pointer.

use std::cmp::Reverse;

use super::{
    ARC_SEGMENTS, ArcBudget, Camera, Fade, GeoPoint, HitGrid, HitTarget, KINDS, Scene, ShownRoute,
    View, bow, bow_profile, cluster, great_circle, nearest_hit,
};
use crate::model::EventKind;

/// The piece counts an arc may be drawn with, fewest first.
const SEGMENT_COUNTS: [usize; 7] = [4, 6, 8, 12, 16, 24, 48];
/// About how long, in pixels, one straight piece of an arc may be.
const PIXELS_PER_SEGMENT: f32 = 4.0;
/// How far, in pixels, each lane bows out from the straight line.
const LANE_BOW: f32 = 18.0;
/// Markers closer than this, in pixels, are drawn as one.
const CLUSTER_RADIUS: f32 = 16.0;
/// The radius of a single event's symbol.
pub const SYMBOL_RADIUS: f32 = 7.0;
/// How near, in pixels, the pointer must come to a shape to hit it.
const HIT_TOLERANCE: f32 = 4.0;
/// The hit-testing grid's cell size, in pixels.
const HIT_CELL: f32 = 128.0;
/// How many segments of an arc one box of the hit-testing grid covers.
const HIT_CHUNK: usize = 8;
/// The most great circles one frame computes; routes beyond wait for the
/// next frame (new routes fade in from transparent, so a frame's wait does
/// not show), keeping a frame's time bounded when thousands appear at once.
const NEW_PATHS_PER_FRAME: usize = 120;
/// Room left around the screen when culling, for arrowheads and end marks.
const CULL_MARGIN: f32 = 24.0;

/// What the user selected, as the frame marks it: route ids and place ids,
/// each sorted.
#[derive(Clone, Copy, Debug, Default)]
pub struct Selected<'a> {
    /// Routes carrying a selected visit.
    pub routes: &'a [u32],
    /// Places of selected events.
    pub places: &'a [u32],
}

/// The stroke width of an arc of `count` visits.
pub fn arc_width(count: u32) -> f32 {
    (1.5 + 1.4 * (count as f32).ln()).min(8.0)
}

/// The radius of the ring of an arrival of unknown origin of `count`
/// visits.
pub fn arrival_radius(count: u32) -> f32 {
    5.0 + arc_width(count)
}

/// An arc to draw: one route of the view.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnArc {
    /// The route, as a position in [`View::routes`].
    pub shown: usize,
    /// The route's id (a position in [`Scene::routes`]).
    pub route: u32,
    /// Its stroke width; for an arrival of unknown origin, the radius of
    /// its ring.
    pub width: f32,
    /// How far it has faded in, 0 to 1.
    pub opacity: f32,
    /// Whether it carries a selected visit (drawn last, with a halo).
    pub selected: bool,
    start: u32,
    split: u32,
    end: u32,
}

/// A marker to draw: the events at one or more places close on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DrawnMarker {
    /// Its centre on screen.
    pub center: [f32; 2],
    /// Its symbol's radius.
    pub radius: f32,
    /// How many events it stands for.
    pub count: u32,
    /// The kind most of them are (the first in legend order on a tie).
    pub kind: EventKind,
    /// Whether any of them is dated to a known day.
    pub certain: bool,
    /// Whether all its places are known only by country.
    pub approximate: bool,
    /// How far it has faded in, 0 to 1.
    pub opacity: f32,
    /// Whether it holds a selected event.
    pub selected: bool,
    places: (u32, u32),
}

/// What a point on screen hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameHit {
    /// A route, as a position in [`View::routes`].
    Route(usize),
    /// A marker, as a position in [`Frame::markers`].
    Marker(usize),
}

/// The routes' great circles on the Web Mercator square, made when first
/// drawn and kept. All in one buffer, in the order they were made: the
/// arcs of one frame are mostly those of the last, so reading them walks
/// memory in order instead of jumping between a box per route.
#[derive(Clone, Debug, Default)]
struct Paths {
    /// Per route: where its path is in `points`; empty while not made.
    spans: Vec<PathSpan>,
    points: Vec<[f64; 2]>,
}

/// Where a path is in [`Paths::points`]: split at the antimeridian, its
/// second piece starts `split` points in (`len` when whole).
#[derive(Clone, Copy, Debug, Default)]
struct PathSpan {
    start: u32,
    len: u16,
    split: u16,
}

impl Paths {
    /// No paths, for a scene of `routes` routes.
    fn for_routes(routes: usize) -> Self {
        Self {
            spans: vec![PathSpan::default(); routes],
            points: Vec::new(),
        }
    }

    fn has(&self, route: u32) -> bool {
        self.spans[route as usize].len > 0
    }

    /// Route `route`'s path and where it splits, made between its `ends`
    /// if not yet.
    fn get_or_make(
        &mut self,
        route: u32,
        ends: impl FnOnce() -> (GeoPoint, GeoPoint),
    ) -> (&[[f64; 2]], usize) {
        let span = &mut self.spans[route as usize];
        if span.len == 0 {
            let (from, to) = ends();
            let (points, split) = great_circle(from, to, ARC_SEGMENTS);
            *span = PathSpan {
                start: self.points.len() as u32,
                len: points.len() as u16,
                split: split as u16,
            };
            self.points.extend(points);
        }
        let start = span.start as usize;
        (
            &self.points[start..start + usize::from(span.len)],
            usize::from(span.split),
        )
    }
}

/// One frame's shapes, and what carries over between frames (cached
/// geometry, fading); reused from frame to frame.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    /// The arcs, in drawing order (selected ones last).
    pub arcs: Vec<DrawnArc>,
    /// The markers, in drawing order.
    pub markers: Vec<DrawnMarker>,
    /// How many routes on screen were left undrawn by the cap.
    pub hidden_arcs: usize,
    /// How many routes wait for their great circle (a frame makes at most
    /// 120); drawn in the next frames.
    pub waiting_arcs: usize,
    /// Whether anything is still fading in (the ui asks for another frame).
    pub fading: bool,
    /// How many arcs may be drawn.
    pub budget: ArcBudget,
    points: Vec<[f32; 2]>,
    marker_places: Vec<u32>,
    paths: Paths,
    profiles: Vec<Vec<f32>>,
    route_fade: Fade,
    place_fade: Fade,
    route_opacity: Vec<f32>,
    place_opacity: Vec<f32>,
    area: [f32; 4],
    /// The hit-testing grid, once built this frame (`grid_built`).
    grid: HitGrid,
    grid_built: bool,
    hit_chunks: Vec<HitChunk>,
    hit_boxes: Vec<(u32, [f32; 4])>,
    last: LastArcs,
}

/// The last frame's arcs on screen, copied into the next frame while the
/// camera stays put: in playback, most arcs of a frame are those of the
/// last, and copying their points costs less than projecting them again
/// from their scattered paths.
#[derive(Clone, Debug, Default)]
struct LastArcs {
    /// The camera they were projected through.
    camera: Option<Camera>,
    /// Sorted by route; emptied when a frame's camera is another.
    arcs: Vec<LastArc>,
    points: Vec<[f32; 2]>,
}

/// One of [`LastArcs`]: a route drawn in its lane, and its points.
#[derive(Clone, Copy, Debug)]
struct LastArc {
    route: u32,
    lane: u32,
    start: u32,
    split: u32,
    end: u32,
}

impl LastArcs {
    /// Keeps the arcs only if they were projected through `camera`.
    fn keep_if_seen_through(&mut self, camera: &Camera) {
        if self.camera.as_ref() != Some(camera) {
            self.arcs.clear();
        }
    }

    /// Where `shown` was drawn last frame in the same lane (a lane bows it
    /// differently), if it was.
    fn find(&self, shown: &ShownRoute) -> Option<LastArc> {
        let at = self
            .arcs
            .binary_search_by_key(&shown.route, |arc| arc.route)
            .ok()?;
        Some(self.arcs[at]).filter(|arc| arc.lane == shown.lane)
    }
}

/// A few segments of an arc, as the hit-testing grid holds them.
#[derive(Clone, Copy, Debug)]
struct HitChunk {
    /// The arc, as a position in [`Frame::arcs`].
    arc: u32,
    /// Its points, as a range of the frame's points.
    points: (u32, u32),
}

impl Frame {
    /// Prepares the shapes of `view` seen through `camera` at `now`
    /// (seconds, for fading in), marking `selected`.
    pub fn prepare(
        &mut self,
        scene: &Scene,
        view: &View,
        camera: &Camera,
        selected: Selected<'_>,
        now: f64,
    ) {
        // The last frame's points, kept to copy from.
        std::mem::swap(&mut self.points, &mut self.last.points);
        self.arcs.clear();
        self.points.clear();
        self.markers.clear();
        self.marker_places.clear();
        self.grid_built = false;
        self.area = camera.rect;
        if self.paths.spans.len() != scene.routes.len() {
            self.forget_scene();
            self.paths = Paths::for_routes(scene.routes.len());
        }
        self.last.keep_if_seen_through(camera);
        self.waiting_arcs = 0;
        self.prepare_arcs(scene, view, camera, selected.routes);
        // Only what is drawn fades in: an arc fades in whenever it starts
        // being drawn, whether it entered the window, came on screen or
        // made the cap, rather than popping in.
        self.route_fade.update(
            self.arcs.iter().map(|arc| arc.route),
            now,
            &mut self.route_opacity,
        );
        for (arc, &opacity) in self.arcs.iter_mut().zip(&self.route_opacity) {
            arc.opacity = opacity;
        }
        self.keep_arcs(view, camera);
        self.prepare_markers(scene, view, camera, selected.places, now);
        self.fading = self.waiting_arcs > 0
            || self
                .route_opacity
                .iter()
                .chain(&self.place_opacity)
                .any(|&opacity| opacity < 1.0);
    }

    /// Forgets what it kept of the scene it drew: the next scene's route
    /// and place ids mean other routes and places (files opened or closed,
    /// records edited), even when there are as many.
    pub fn forget_scene(&mut self) {
        self.paths = Paths::for_routes(self.paths.spans.len());
        self.last = LastArcs::default();
        self.route_fade = Fade::default();
        self.place_fade = Fade::default();
    }

    /// Culls, caps and projects the view's routes.
    fn prepare_arcs(&mut self, scene: &Scene, view: &View, camera: &Camera, selected: &[u32]) {
        let [west, north, east, south] = super::widened_to_f32(camera.visible(CULL_MARGIN));
        let scale = camera.scale as f32;
        let (marked, mut rest): (Vec<usize>, Vec<usize>) = (0..view.routes.len())
            .filter(|&index| {
                let shown = &view.routes[index];
                let bow = LANE_BOW * shown.lane as f32 / scale;
                let bounds = shown.bounds;
                bounds[0] - bow <= east
                    && bounds[2] + bow >= west
                    && bounds[1] - bow <= south
                    && bounds[3] + bow >= north
            })
            .partition(|&index| selected.binary_search(&view.routes[index].route).is_ok());
        let cap = self.budget.arcs();
        self.hidden_arcs = rest.len().saturating_sub(cap);
        if self.hidden_arcs > 0 {
            rest.select_nth_unstable_by_key(cap - 1, |&index| {
                (Reverse(view.routes[index].count), index)
            });
            rest.truncate(cap);
            rest.sort_unstable();
        }
        let mut budget = NEW_PATHS_PER_FRAME;
        for (index, selected) in rest
            .into_iter()
            .map(|index| (index, false))
            .chain(marked.into_iter().map(|index| (index, true)))
        {
            let shown = &view.routes[index];
            if let Some(last) = self.last.find(shown) {
                self.push_copied_arc(view, index, selected, last);
                continue;
            }
            let needs_path = shown.has_start && !self.paths.has(shown.route);
            if needs_path {
                if budget == 0 {
                    self.waiting_arcs += 1;
                    continue;
                }
                budget -= 1;
            }
            self.push_arc(scene, view, camera, index, selected);
        }
    }

    /// Records this frame's arcs for the next to copy.
    fn keep_arcs(&mut self, view: &View, camera: &Camera) {
        self.last.camera = Some(*camera);
        self.last.arcs.clear();
        self.last.arcs.extend(self.arcs.iter().map(|arc| LastArc {
            route: arc.route,
            lane: view.routes[arc.shown].lane,
            start: arc.start,
            split: arc.split,
            end: arc.end,
        }));
        self.last.arcs.sort_unstable_by_key(|arc| arc.route);
    }

    /// Copies route `index` of the view from where it was drawn last frame.
    fn push_copied_arc(&mut self, view: &View, index: usize, selected: bool, last: LastArc) {
        let start = self.points.len();
        self.points
            .extend_from_slice(&self.last.points[last.start as usize..last.end as usize]);
        let split = start + (last.split - last.start) as usize;
        self.push_drawn(view, index, selected, start, split);
    }

    /// Adds route `index` of the view, whose points are those from `start`
    /// to the end of the point buffer, split at `split`.
    fn push_drawn(
        &mut self,
        view: &View,
        index: usize,
        selected: bool,
        start: usize,
        split: usize,
    ) {
        let shown = view.routes[index];
        self.arcs.push(DrawnArc {
            shown: index,
            route: shown.route,
            width: if shown.has_start {
                arc_width(shown.count)
            } else {
                arrival_radius(shown.count)
            },
            // Set once every arc is known.
            opacity: 1.0,
            selected,
            start: start as u32,
            split: split as u32,
            end: self.points.len() as u32,
        });
    }

    /// Projects route `index` of the view into the point buffer.
    fn push_arc(
        &mut self,
        scene: &Scene,
        view: &View,
        camera: &Camera,
        index: usize,
        selected: bool,
    ) {
        let shown = view.routes[index];
        let start = self.points.len();
        // The route itself is read only when its path is not made yet: a
        // hundred-byte record per arc is a cache miss per arc.
        let route = || &scene.routes[shown.route as usize];
        let split = if shown.has_start {
            let (path, split) = self.paths.get_or_make(shown.route, || {
                let route = route();
                let from = route.from.map_or(route.to.point, |from| from.point);
                (from, route.to.point)
            });
            if split == path.len() {
                // Whole: as many pieces as its length on screen needs,
                // bowed out by its lane.
                let first = camera.project_mercator(path[0]);
                let last = camera.project_mercator(path[path.len() - 1]);
                let bow_offset = LANE_BOW * shown.lane as f32;
                let length = (last[0] - first[0]).hypot(last[1] - first[1]) + 2.0 * bow_offset;
                let needed = (length / PIXELS_PER_SEGMENT).ceil() as usize;
                let slot = SEGMENT_COUNTS
                    .iter()
                    .position(|&count| count >= needed)
                    .unwrap_or(SEGMENT_COUNTS.len() - 1);
                let step = ARC_SEGMENTS / SEGMENT_COUNTS[slot];
                self.points.extend(
                    path.iter()
                        .step_by(step)
                        .map(|&xy| camera.project_mercator(xy)),
                );
                if self.profiles.is_empty() {
                    self.profiles = SEGMENT_COUNTS
                        .iter()
                        .map(|&count| bow_profile(count + 1))
                        .collect();
                }
                bow(&mut self.points[start..], bow_offset, &self.profiles[slot]);
                self.points.len()
            } else {
                // Split at the antimeridian: it stays on its great circle.
                self.points
                    .extend(path.iter().map(|&xy| camera.project_mercator(xy)));
                start + split
            }
        } else {
            self.points.push(camera.project(route().to.point));
            self.points.len()
        };
        self.push_drawn(view, index, selected, start, split);
    }

    /// Projects the view's event places, clusters those on screen and fades
    /// them in as of `now`.
    fn prepare_markers(
        &mut self,
        scene: &Scene,
        view: &View,
        camera: &Camera,
        selected: &[u32],
        now: f64,
    ) {
        let reach = CLUSTER_RADIUS + SYMBOL_RADIUS;
        let rect = camera.rect;
        let mut points = Vec::new();
        let mut shown_places = Vec::new();
        for (index, shown) in view.places.iter().enumerate() {
            let point = camera.project(scene.places[shown.place as usize].point);
            if point[0] >= rect[0] - reach
                && point[0] <= rect[2] + reach
                && point[1] >= rect[1] - reach
                && point[1] <= rect[3] + reach
            {
                points.push(point);
                shown_places.push(index);
            }
        }
        self.place_fade.update(
            shown_places.iter().map(|&index| view.places[index].place),
            now,
            &mut self.place_opacity,
        );
        for group in cluster(&points, CLUSTER_RADIUS) {
            let start = self.marker_places.len() as u32;
            let mut kinds = [0u32; KINDS];
            let (mut certain, mut approximate, mut opacity, mut marked) = (false, true, 0.0, false);
            for &member in &group.members {
                let index = shown_places[member];
                let shown = &view.places[index];
                for (total, count) in kinds.iter_mut().zip(shown.kinds) {
                    *total += count;
                }
                certain |= shown.exact;
                approximate &= scene.places[shown.place as usize].approximate;
                opacity = f32::max(opacity, self.place_opacity[member]);
                marked |= selected.binary_search(&shown.place).is_ok();
                self.marker_places.push(shown.place);
            }
            let count: u32 = kinds.iter().sum();
            self.markers.push(DrawnMarker {
                center: group.center,
                radius: SYMBOL_RADIUS + if count > 1 { 2.0 } else { 0.0 },
                count,
                kind: dominant_kind(&kinds),
                certain,
                approximate,
                opacity,
                selected: marked,
                places: (start, self.marker_places.len() as u32),
            });
        }
    }

    /// The pieces of `arc` on screen (two when it crosses the antimeridian;
    /// one point for an arrival of unknown origin).
    pub fn pieces(&self, arc: &DrawnArc) -> impl Iterator<Item = &[[f32; 2]]> {
        [
            &self.points[arc.start as usize..arc.split as usize],
            &self.points[arc.split as usize..arc.end as usize],
        ]
        .into_iter()
        .filter(|piece| !piece.is_empty())
    }

    /// The places (positions in [`Scene::places`]) of `marker`.
    pub fn marker_places(&self, marker: &DrawnMarker) -> &[u32] {
        &self.marker_places[marker.places.0 as usize..marker.places.1 as usize]
    }

    /// What is under `point`: markers first, as they are drawn on top, then
    /// the nearest arc; through a grid built on the first call per frame.
    pub fn hit(&mut self, point: [f32; 2]) -> Option<FrameHit> {
        if !self.grid_built {
            self.build_grid();
            self.grid_built = true;
        }
        let markers = self.markers.len();
        let candidates = self.grid.near(point);
        let targets = candidates
            .iter()
            .map(|&id| match (id as usize).checked_sub(markers) {
                None => {
                    let marker = &self.markers[id as usize];
                    HitTarget::Marker {
                        center: marker.center,
                        radius: marker.radius + 2.0,
                    }
                }
                Some(chunk) => {
                    let chunk = self.hit_chunks[chunk];
                    let width = self.arcs[chunk.arc as usize].width;
                    let polyline = &self.points[chunk.points.0 as usize..chunk.points.1 as usize];
                    HitTarget::Arc {
                        polyline,
                        // A lone point is a ring, and its width its radius.
                        half_width: if polyline.len() == 1 {
                            width
                        } else {
                            width / 2.0
                        },
                    }
                }
            });
        let hit = nearest_hit(point, targets, HIT_TOLERANCE)?;
        let id = candidates[hit.0] as usize;
        Some(match id.checked_sub(markers) {
            None => FrameHit::Marker(id),
            Some(chunk) => FrameHit::Route(self.arcs[self.hit_chunks[chunk].arc as usize].shown),
        })
    }

    /// The grid of every marker and every few segments of an arc, each box
    /// widened by its reach and the tolerance. A grid entry is a marker's
    /// position in [`Frame::markers`], or after those, a position in
    /// `hit_chunks`: so a hit measures only the segments near the pointer.
    fn build_grid(&mut self) {
        let boxes = &mut self.hit_boxes;
        boxes.clear();
        self.hit_chunks.clear();
        boxes.extend(self.markers.iter().zip(0..).map(|(marker, id)| {
            let reach = marker.radius + 2.0 + HIT_TOLERANCE;
            let [x, y] = marker.center;
            (id, [x - reach, y - reach, x + reach, y + reach])
        }));
        let mut id = self.markers.len() as u32;
        for (arc, index) in self.arcs.iter().zip(0..) {
            let reach = arc.width + HIT_TOLERANCE;
            for (start, end) in [(arc.start, arc.split), (arc.split, arc.end)] {
                // A box per few segments: tight enough along a curve, few
                // enough to build every frame.
                let mut first = start;
                while first < end {
                    let last = end.min(first + HIT_CHUNK as u32 + 1);
                    let mut bounds = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
                    for point in &self.points[first as usize..last as usize] {
                        bounds[0] = bounds[0].min(point[0]);
                        bounds[1] = bounds[1].min(point[1]);
                        bounds[2] = bounds[2].max(point[0]);
                        bounds[3] = bounds[3].max(point[1]);
                    }
                    boxes.push((
                        id,
                        [
                            bounds[0] - reach,
                            bounds[1] - reach,
                            bounds[2] + reach,
                            bounds[3] + reach,
                        ],
                    ));
                    self.hit_chunks.push(HitChunk {
                        arc: index,
                        points: (first, last),
                    });
                    id += 1;
                    if last == end {
                        break;
                    }
                    first = last - 1;
                }
            }
        }
        self.grid.rebuild(self.area, HIT_CELL, boxes);
    }
}

/// The kind with the most events (the first in legend order on a tie).
fn dominant_kind(kinds: &[u32; KINDS]) -> EventKind {
    let best = kinds
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(slot, _)| slot);
    EventKind::ALL[best]
}

#[cfg(test)]
mod tests;
