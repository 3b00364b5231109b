//! The delegations' arcs: one great circle per route, as wide as its visits
//! are many, coloured by the delegation's country, with an arrowhead at the
//! destination. Painted from the frame the scene prepared (see
//! [`crate::scene::Frame`]).

use egui::{Color32, Painter, Pos2, Shape, Stroke};

use crate::scene::{DrawnArc, Frame, Scene, View};
use crate::ui::palette;

/// Paints every arc of `frame`, each in `color(arc)` (its origin's colour,
/// faded in and thinned for density).
pub fn paint(
    painter: &Painter,
    scene: &Scene,
    view: &View,
    frame: &Frame,
    color: &dyn Fn(&DrawnArc) -> Color32,
) {
    for arc in &frame.arcs {
        let shown = &view.routes[arc.shown];
        let route = &scene.routes[arc.route as usize];
        let color = color(arc);
        if route.from.is_none() {
            let at = frame
                .pieces(arc)
                .next()
                .map_or(Pos2::ZERO, |piece| Pos2::from(piece[0]));
            paint_arrival(painter, at, arc, color);
            continue;
        }
        let color = if shown.uncertain {
            color.gamma_multiply(0.6)
        } else {
            color
        };
        for piece in frame.pieces(arc) {
            let points: Vec<Pos2> = piece.iter().map(|&point| Pos2::from(point)).collect();
            if arc.selected {
                painter.add(Shape::line(
                    points.clone(),
                    Stroke::new(arc.width + 5.0, Color32::from_white_alpha(200)),
                ));
            }
            if shown.uncertain {
                painter.extend(Shape::dashed_line(
                    &points,
                    Stroke::new(arc.width, color),
                    8.0,
                    5.0,
                ));
            } else {
                painter.add(Shape::line(points, Stroke::new(arc.width, color)));
            }
        }
        let first = frame.pieces(arc).next().and_then(|piece| piece.first());
        let last = frame.pieces(arc).last();
        if let Some([.., behind, tip]) = last {
            let head =
                palette::arrowhead(Pos2::from(*behind), Pos2::from(*tip), 8.0 + arc.width * 1.5);
            painter.add(Shape::convex_polygon(head.to_vec(), color, Stroke::NONE));
        }
        if let (Some(from), Some(first)) = (route.from, first) {
            mark_end(painter, Pos2::from(*first), from.approximate, color);
        }
        if let Some(tip) = last.and_then(|piece| piece.last()) {
            mark_end(painter, Pos2::from(*tip), route.to.approximate, color);
        }
    }
}

/// A dot where an arc starts or ends; a hollow ring when the place is known
/// only by country (drawn at its capital).
fn mark_end(painter: &Painter, at: Pos2, approximate: bool, color: Color32) {
    if approximate {
        painter.circle_stroke(at, 6.0, Stroke::new(1.5, color));
    } else {
        painter.circle_filled(at, 2.5, color);
    }
}

/// An arrival of unknown origin: a ring with a short drop onto the place.
fn paint_arrival(painter: &Painter, at: Pos2, arc: &DrawnArc, color: Color32) {
    let radius = arc.width;
    if arc.selected {
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
}
