//! The delegations' arcs: one great circle per route, as wide as its visits
//! are many, coloured by the delegation's country, with an arrowhead at the
//! destination.

use egui::{Color32, Pos2, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::projection::to_screen;
use crate::scene::{Route, View, bow};
use crate::ui::palette;

/// An arc as drawn this frame, for hit-testing.
pub struct DrawnArc {
    /// The route, as a position in [`View::routes`].
    pub route: usize,
    /// The arc on screen (for arrivals: the point they arrive at).
    pub polyline: Vec<[f32; 2]>,
    /// Half its stroke width.
    pub half_width: f32,
}

/// The plugin: draws the routes of a view and reports where they went.
pub struct ArcsLayer<'a> {
    /// What to draw.
    pub view: &'a View,
    /// The colour of each route.
    pub colors: &'a [Color32],
    /// The routes selected, drawn on top with a halo.
    pub selected: &'a [usize],
    /// Filled with the arcs drawn.
    pub drawn: &'a mut Vec<DrawnArc>,
}

/// How far, in points, each lane bows out from the straight line.
const LANE_BOW: f32 = 18.0;

impl Plugin for ArcsLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector<'_>,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter_at(projector.clip_rect());
        self.drawn.clear();
        let order = (0..self.view.routes.len())
            .filter(|index| !self.selected.contains(index))
            .chain(self.selected.iter().copied());
        for index in order {
            let route = &self.view.routes[index];
            let color = self
                .colors
                .get(index)
                .copied()
                .unwrap_or(palette::OTHER_ORIGIN);
            let selected = self.selected.contains(&index);
            let (polyline, half_width) = match route.from {
                Some(_) => draw_arc(
                    &painter,
                    projector,
                    route,
                    &self.view.paths[index],
                    color,
                    selected,
                ),
                None => draw_arrival(&painter, projector, route, color, selected),
            };
            self.drawn.push(DrawnArc {
                route: index,
                polyline,
                half_width,
            });
        }
    }
}

/// The stroke width of a route of `count` visits.
fn width(count: usize) -> f32 {
    (1.5 + 1.4 * (count as f32).ln()).min(8.0)
}

fn draw_arc(
    painter: &egui::Painter,
    projector: &Projector<'_>,
    route: &Route,
    pieces: &[Vec<crate::scene::GeoPoint>],
    color: Color32,
    selected: bool,
) -> (Vec<[f32; 2]>, f32) {
    let width = width(route.count());
    let color = if route.uncertain {
        color.gamma_multiply(0.6)
    } else {
        color
    };
    let mut screen: Vec<Vec<[f32; 2]>> = pieces
        .iter()
        .map(|piece| {
            piece
                .iter()
                .map(|&point| to_screen(projector, point).into())
                .collect()
        })
        .collect();
    // A split arc (across the antimeridian) stays on its great circle.
    if let [whole] = screen.as_mut_slice() {
        *whole = bow(whole, LANE_BOW * route.lane as f32);
    }
    for piece in &screen {
        let points: Vec<Pos2> = piece.iter().map(|&p| Pos2::from(p)).collect();
        if selected {
            painter.add(Shape::line(
                points.clone(),
                Stroke::new(width + 5.0, Color32::from_white_alpha(200)),
            ));
        }
        if route.uncertain {
            painter.extend(Shape::dashed_line(
                &points,
                Stroke::new(width, color),
                8.0,
                5.0,
            ));
        } else {
            painter.add(Shape::line(points, Stroke::new(width, color)));
        }
    }
    if let Some([.., behind, tip]) = screen.last().map(Vec::as_slice) {
        let head = palette::arrowhead(Pos2::from(*behind), Pos2::from(*tip), 8.0 + width * 1.5);
        painter.add(Shape::convex_polygon(head.to_vec(), color, Stroke::NONE));
    }
    if let (Some(from), Some(first)) = (route.from, screen.first().and_then(|piece| piece.first()))
    {
        mark_end(painter, Pos2::from(*first), from.approximate, color);
    }
    if let Some(tip) = screen.last().and_then(|piece| piece.last()) {
        mark_end(painter, Pos2::from(*tip), route.to.approximate, color);
    }
    (screen.into_iter().flatten().collect(), width / 2.0)
}

/// A dot where an arc starts or ends; a hollow ring when the place is known
/// only by country (drawn at its capital).
fn mark_end(painter: &egui::Painter, at: Pos2, approximate: bool, color: Color32) {
    if approximate {
        painter.circle_stroke(at, 6.0, Stroke::new(1.5, color));
    } else {
        painter.circle_filled(at, 2.5, color);
    }
}

/// An arrival of unknown origin: a ring with a short drop onto the place.
fn draw_arrival(
    painter: &egui::Painter,
    projector: &Projector<'_>,
    route: &Route,
    color: Color32,
    selected: bool,
) -> (Vec<[f32; 2]>, f32) {
    let at = to_screen(projector, route.to.point);
    let radius = 5.0 + width(route.count());
    if selected {
        painter.circle_stroke(
            at,
            radius + 3.0,
            Stroke::new(3.0, Color32::from_white_alpha(200)),
        );
    }
    painter.circle_stroke(at, radius, Stroke::new(2.0, color));
    let head = palette::arrowhead(
        at - egui::vec2(0.0, radius + 12.0),
        at - egui::vec2(0.0, radius - 2.0),
        8.0,
    );
    painter.add(Shape::convex_polygon(head.to_vec(), color, Stroke::NONE));
    (vec![at.into()], radius)
}
