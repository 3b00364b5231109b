//! Event markers: a symbol and colour per kind, clustered with a count where
//! they would overlap, so that nothing is hidden. Painted from the frame
//! the scene prepared (see [`crate::scene::Frame`]).

use egui::{Align2, Color32, FontId, Painter, Stroke};

use crate::scene::Frame;
use crate::ui::palette;

/// Paints every marker of `frame`.
pub fn paint(painter: &Painter, frame: &Frame) {
    for marker in &frame.markers {
        let center = egui::Pos2::from(marker.center);
        let radius = marker.radius;
        let (symbol, color) = palette::event_style(marker.kind);
        let color = if marker.certain {
            color
        } else {
            color.gamma_multiply(0.55)
        }
        .gamma_multiply(marker.opacity);
        if marker.selected {
            painter.circle_stroke(
                center,
                radius + 4.0,
                Stroke::new(3.0, Color32::from_white_alpha(220)),
            );
            painter.circle_stroke(center, radius + 6.0, Stroke::new(1.5, Color32::BLACK));
        }
        if marker.approximate {
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
        palette::paint_symbol(painter, center, radius, symbol, color);
        if marker.count > 1 {
            let badge = center + egui::vec2(radius, -radius);
            painter.circle_filled(badge, 8.0, Color32::from_rgb(30, 30, 30));
            painter.text(
                badge,
                Align2::CENTER_CENTER,
                marker.count.to_string(),
                FontId::proportional(10.0),
                Color32::WHITE,
            );
        }
    }
}
