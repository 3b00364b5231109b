//! Event markers: a symbol and colour per kind, clustered with a count where
//! they would overlap, so that nothing is hidden.

use egui::{Align2, Color32, FontId, Response, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::projection::to_screen;
use crate::model::EventKind;
use crate::scene::{Scene, View, cluster};
use crate::ui::palette;

/// A marker as drawn this frame, for hit-testing.
pub struct DrawnMarker {
    /// Its events, as positions in [`Scene::events`].
    pub events: Vec<usize>,
    /// Its centre on screen.
    pub center: [f32; 2],
    /// Its radius.
    pub radius: f32,
}

/// The plugin: draws the events of a view and reports where they went.
pub struct MarkersLayer<'a> {
    /// The placed events.
    pub scene: &'a Scene,
    /// Which of them to draw.
    pub view: &'a View,
    /// The opacity of each of the view's events (they fade in).
    pub opacity: &'a [f32],
    /// The events selected, ringed.
    pub selected: &'a [usize],
    /// Filled with the markers drawn.
    pub drawn: &'a mut Vec<DrawnMarker>,
}

/// Markers closer than this, in points, are drawn as one.
const CLUSTER_RADIUS: f32 = 16.0;
/// The radius of a single event's symbol.
const SYMBOL_RADIUS: f32 = 7.0;

impl Plugin for MarkersLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter_at(projector.clip_rect());
        self.drawn.clear();
        let points: Vec<[f32; 2]> = self
            .view
            .events
            .iter()
            .map(|&event| to_screen(projector, self.scene.events[event].place.point).into())
            .collect();
        for group in cluster(&points, CLUSTER_RADIUS) {
            let events: Vec<usize> = group
                .members
                .iter()
                .map(|&member| self.view.events[member])
                .collect();
            let center = egui::Pos2::from(group.center);
            let kind = dominant_kind(events.iter().map(|&event| self.scene.events[event].kind));
            let (symbol, color) = palette::event_style(kind);
            let certain = events.iter().any(|&event| self.scene.events[event].exact);
            let opacity = group
                .members
                .iter()
                .map(|&member| self.opacity.get(member).copied().unwrap_or(1.0))
                .fold(0.0, f32::max);
            let color = if certain {
                color
            } else {
                color.gamma_multiply(0.55)
            }
            .gamma_multiply(opacity);
            let count = events.len();
            let radius = SYMBOL_RADIUS + if count > 1 { 2.0 } else { 0.0 };
            if events.iter().any(|event| self.selected.contains(event)) {
                painter.circle_stroke(
                    center,
                    radius + 4.0,
                    Stroke::new(3.0, Color32::from_white_alpha(220)),
                );
                painter.circle_stroke(center, radius + 6.0, Stroke::new(1.5, Color32::BLACK));
            }
            if events
                .iter()
                .all(|&event| self.scene.events[event].place.approximate)
            {
                // Placed by country only: a dashed halo says "somewhere here".
                let ring = (0..16)
                    .map(|step| {
                        let angle = std::f32::consts::TAU * step as f32 / 16.0;
                        center + egui::vec2(angle.cos(), angle.sin()) * (radius + 4.0)
                    })
                    .collect::<Vec<_>>();
                painter.extend(egui::Shape::dashed_line(
                    &ring,
                    Stroke::new(1.2, color),
                    3.0,
                    3.0,
                ));
            }
            palette::paint_symbol(&painter, center, radius, symbol, color);
            if count > 1 {
                let badge = center + egui::vec2(radius, -radius);
                painter.circle_filled(badge, 8.0, Color32::from_rgb(30, 30, 30));
                painter.text(
                    badge,
                    Align2::CENTER_CENTER,
                    count.to_string(),
                    FontId::proportional(10.0),
                    Color32::WHITE,
                );
            }
            self.drawn.push(DrawnMarker {
                events,
                center: group.center,
                radius: radius + 2.0,
            });
        }
    }
}

/// The kind most of `kinds` are (the first in legend order on a tie).
fn dominant_kind(kinds: impl Iterator<Item = EventKind>) -> EventKind {
    let mut counts = [0usize; EventKind::ALL.len()];
    for kind in kinds {
        if let Some(slot) = EventKind::ALL.iter().position(|&known| known == kind) {
            counts[slot] += 1;
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(slot, _)| slot);
    EventKind::ALL[best]
}
