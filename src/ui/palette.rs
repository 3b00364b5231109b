//! Colours and symbols: the one place the app's look is decided.

use egui::{Color32, Painter, Pos2, Shape, Stroke, vec2};

use crate::model::EventKind;

/// Colours for delegations' countries, most active first; distinct on the
/// light and the dark basemap.
const ORIGIN_COLORS: [Color32; 10] = [
    Color32::from_rgb(214, 39, 40),
    Color32::from_rgb(31, 119, 180),
    Color32::from_rgb(44, 160, 44),
    Color32::from_rgb(255, 127, 14),
    Color32::from_rgb(148, 103, 189),
    Color32::from_rgb(23, 190, 207),
    Color32::from_rgb(227, 119, 194),
    Color32::from_rgb(140, 86, 75),
    Color32::from_rgb(188, 189, 34),
    Color32::from_rgb(31, 70, 120),
];

/// The tick of a record a person has checked.
pub const REVIEWED: Color32 = Color32::from_rgb(60, 160, 90);

/// The colour of arcs whose origin is unknown or beyond the palette.
pub const OTHER_ORIGIN: Color32 = Color32::from_rgb(120, 120, 120);

/// The colour of the `rank`-th most active origin (0 is the most active).
pub fn origin_color(rank: Option<usize>) -> Color32 {
    rank.and_then(|rank| ORIGIN_COLORS.get(rank).copied())
        .unwrap_or(OTHER_ORIGIN)
}

/// The background of the cited span in a source text.
pub fn highlight(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(110, 90, 20)
    } else {
        Color32::from_rgb(255, 236, 140)
    }
}

/// How an event kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    /// A disc.
    Circle,
    /// A square.
    Square,
    /// A triangle pointing up.
    Triangle,
    /// A square on its corner.
    Diamond,
    /// A five-pointed star.
    Star,
    /// A plus sign on a disc.
    Cross,
    /// A triangle pointing down.
    TriangleDown,
    /// A hexagon.
    Hexagon,
}

/// The symbol and colour of an event kind.
pub fn event_style(kind: EventKind) -> (Symbol, Color32) {
    match kind {
        EventKind::Meeting => (Symbol::Circle, Color32::from_rgb(31, 119, 180)),
        EventKind::Ceremony => (Symbol::Star, Color32::from_rgb(188, 150, 20)),
        EventKind::Parade => (Symbol::Hexagon, Color32::from_rgb(230, 120, 20)),
        EventKind::MissileLaunch => (Symbol::Triangle, Color32::from_rgb(200, 30, 30)),
        EventKind::MilitaryExercise => (Symbol::TriangleDown, Color32::from_rgb(130, 70, 40)),
        EventKind::Deployment => (Symbol::Diamond, Color32::from_rgb(90, 60, 170)),
        EventKind::Statement => (Symbol::Square, Color32::from_rgb(60, 140, 140)),
        EventKind::Sanctions => (Symbol::Cross, Color32::from_rgb(90, 90, 90)),
        EventKind::Agreement => (Symbol::Circle, Color32::from_rgb(40, 150, 60)),
        EventKind::Other => (Symbol::Square, Color32::from_rgb(150, 150, 150)),
    }
}

/// Paints `symbol` centred on `center`, `radius` from centre to edge.
pub fn paint_symbol(painter: &Painter, center: Pos2, radius: f32, symbol: Symbol, fill: Color32) {
    let outline = Stroke::new(1.5, Color32::WHITE);
    let polygon = |corners: &[(f32, f32)]| {
        let points = corners
            .iter()
            .map(|&(x, y)| center + vec2(x, y) * radius)
            .collect();
        Shape::convex_polygon(points, fill, outline)
    };
    let regular = |sides: usize, turn: f32| -> Vec<(f32, f32)> {
        (0..sides)
            .map(|side| {
                let angle = turn + std::f32::consts::TAU * side as f32 / sides as f32;
                (angle.cos(), angle.sin())
            })
            .collect()
    };
    let up = -std::f32::consts::FRAC_PI_2;
    let shape = match symbol {
        Symbol::Circle => Shape::circle_filled(center, radius, fill),
        Symbol::Square => polygon(&[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]),
        Symbol::Triangle => polygon(&regular(3, up)),
        Symbol::TriangleDown => polygon(&regular(3, -up)),
        Symbol::Diamond => polygon(&regular(4, up)),
        Symbol::Hexagon => polygon(&regular(6, 0.0)),
        Symbol::Star => {
            let points = (0..10)
                .map(|corner| {
                    let angle = up + std::f32::consts::TAU * corner as f32 / 10.0;
                    let reach = if corner % 2 == 0 {
                        radius * 1.15
                    } else {
                        radius * 0.5
                    };
                    center + vec2(angle.cos(), angle.sin()) * reach
                })
                .collect();
            // A star is not convex: draw its outline as a closed path over
            // a filled core.
            painter.circle_filled(center, radius * 0.55, fill);
            Shape::closed_line(points, Stroke::new(2.5, fill))
        }
        Symbol::Cross => {
            painter.circle_filled(center, radius, fill);
            let arm = radius * 0.6;
            Shape::Vec(vec![
                Shape::line_segment(
                    [center - vec2(arm, 0.0), center + vec2(arm, 0.0)],
                    Stroke::new(2.0, Color32::WHITE),
                ),
                Shape::line_segment(
                    [center - vec2(0.0, arm), center + vec2(0.0, arm)],
                    Stroke::new(2.0, Color32::WHITE),
                ),
            ])
        }
    };
    painter.add(shape);
    if matches!(symbol, Symbol::Circle | Symbol::Cross) {
        painter.circle_stroke(center, radius, outline);
    }
}

/// The three corners of an arrowhead whose tip is `tip`, pointing along
/// the direction from `behind` to `tip`.
pub fn arrowhead(behind: Pos2, tip: Pos2, length: f32) -> [Pos2; 3] {
    let direction = (tip - behind).normalized();
    let side = vec2(-direction.y, direction.x) * length * 0.5;
    let base = tip - direction * length;
    [tip, base + side, base - side]
}

/// A tick, the mark of a record a person has checked, in a box of `size`
/// points laid out in `ui`.
pub fn tick(ui: &mut egui::Ui, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    let stroke = egui::Stroke::new(size / 6.0, REVIEWED);
    let at = |x: f32, y: f32| rect.min + egui::vec2(x * size, y * size);
    ui.painter()
        .line(vec![at(0.15, 0.55), at(0.4, 0.8), at(0.85, 0.2)], stroke);
    response
}
