//! Data labels: the data's own names for the places in the window
//! ("Washington", not the basemap's nearest big city), clear of every
//! marker and of each other, over the basemap's labels: a route's origin
//! is named on its point, covering the basemap's label of the same city;
//! destinations and markers' places beside their marks.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use egui::{Color32, FontId, Painter, Pos2, Rect};

use crate::scene::{Camera, Frame, LabelRequest, Scene, ScreenBox, View, mark_box, place_labels};

/// The most names one frame places: the busiest places; the others would
/// not find room anyway.
const MAX_LABELS: usize = 200;
/// The size of a label's text.
const TEXT_SIZE: f32 = 12.5;
/// How far a route's end mark reaches from its place.
const END_CLEARANCE: f32 = 5.0;

/// One name to draw.
struct Candidate<'a> {
    text: Cow<'a, str>,
    request: LabelRequest,
}

/// Paints the names of the places `frame` drew marks or arc ends at.
pub fn paint(painter: &Painter, scene: &Scene, view: &View, frame: &Frame, camera: &Camera) {
    let mut candidates = candidates(scene, view, frame, camera);
    candidates.sort_by_key(|candidate| std::cmp::Reverse(candidate.request.weight));
    candidates.truncate(MAX_LABELS);
    let visuals = painter.ctx().global_style().visuals.clone();
    let font = FontId::proportional(TEXT_SIZE);
    let galleys: Vec<_> = candidates
        .iter_mut()
        .map(|candidate| {
            let galley = painter.layout_no_wrap(
                std::mem::take(&mut candidate.text).into_owned(),
                font.clone(),
                visuals.strong_text_color(),
            );
            let size = galley.size() + egui::vec2(6.0, 2.0);
            candidate.request.size = [size.x, size.y];
            galley
        })
        .collect();
    let obstacles: Vec<ScreenBox> = frame
        .markers
        .iter()
        .map(|marker| mark_box(marker.center, marker.radius + 2.0))
        .collect();
    let requests: Vec<LabelRequest> = candidates
        .iter()
        .map(|candidate| candidate.request)
        .collect();
    let clip = painter.clip_rect();
    let bounds = [clip.min.x, clip.min.y, clip.max.x, clip.max.y];
    let background = visuals.panel_fill;
    for (spot, galley) in place_labels(&requests, &obstacles, bounds)
        .into_iter()
        .zip(galleys)
    {
        let Some([left, top, right, bottom]) = spot else {
            continue;
        };
        let rect = Rect::from_min_max(Pos2::new(left, top), Pos2::new(right, bottom));
        painter.rect_filled(rect, 3.0, background);
        painter.galley(
            rect.min + egui::vec2(3.0, 1.0),
            galley,
            Color32::PLACEHOLDER,
        );
    }
}

/// The places to name: each marker's (with how many more it gathers), and
/// each drawn arc's ends, once per name and spot (found by a map, not a
/// scan: a frame draws up to thousands of arc ends).
fn candidates<'a>(
    scene: &'a Scene,
    view: &View,
    frame: &Frame,
    camera: &Camera,
) -> Vec<Candidate<'a>> {
    let mut candidates: Vec<Candidate<'a>> = Vec::new();
    let mut seen: HashMap<(Cow<'a, str>, [i32; 2]), usize> = HashMap::new();
    let mut add = |text: Cow<'a, str>, anchor: [f32; 2], clearance: f32, weight: u32, on_point| {
        let spot = [anchor[0].round() as i32, anchor[1].round() as i32];
        match seen.entry((text, spot)) {
            Entry::Occupied(known) => {
                let same = &mut candidates[*known.get()].request;
                same.weight = same.weight.saturating_add(weight);
                same.clearance = same.clearance.max(clearance);
                same.on_point &= on_point;
            }
            Entry::Vacant(new) => {
                let text = new.key().0.clone();
                new.insert(candidates.len());
                candidates.push(Candidate {
                    text,
                    request: LabelRequest {
                        anchor,
                        clearance,
                        size: [0.0, 0.0],
                        weight,
                        on_point,
                    },
                });
            }
        }
    };
    for marker in &frame.markers {
        let places = frame.marker_places(marker);
        // A city's name before a country's drawn at its capital.
        let named = places
            .iter()
            .map(|&place| &scene.places[place as usize])
            .filter_map(|placed| Some((placed, scene.place_name(placed.point)?)));
        let Some((first, name)) = named.min_by_key(|(placed, _)| placed.approximate) else {
            continue;
        };
        // Places elsewhere in the cluster, not those drawn at the same point.
        let others = places
            .iter()
            .filter(|&&place| scene.places[place as usize].point != first.point)
            .count();
        let text = match others {
            0 => Cow::Borrowed(name),
            others => Cow::Owned(format!("{name} and {others} more")),
        };
        add(
            text,
            marker.center,
            marker.radius + 2.0,
            marker.count,
            false,
        );
    }
    for arc in &frame.arcs {
        let route = &scene.routes[arc.route as usize];
        let count = view.routes[arc.shown].count;
        // An origin is named on its point, over the basemap's label of the
        // city; a destination beside it, leaving its arrowhead in view.
        let ends = route
            .from
            .iter()
            .map(|from| (from, true))
            .chain([(&route.to, false)]);
        for (end, on_point) in ends {
            if let Some(name) = scene.place_name(end.point) {
                add(
                    Cow::Borrowed(name),
                    camera.project(end.point),
                    END_CLEARANCE,
                    count,
                    on_point,
                );
            }
        }
    }
    candidates
}
