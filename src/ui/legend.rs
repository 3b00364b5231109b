//! The legend: what the colours and symbols on the map mean, with counts for
//! the current time window.

use egui::{Align2, Color32, Rect, Sense, Stroke, Ui, vec2};

use super::palette;
use crate::gazetteer::Gazetteer;
use crate::model::{CountryCode, EventKind};
use crate::query::Field;
use crate::scene::View;

/// How many origins the legend lists before summing up the rest.
const MAX_ORIGINS: usize = 8;

/// An entry of the legend clicked: its field and value for the query,
/// and whether to add it (Ctrl+click) rather than show only it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendClick {
    /// `from` for a delegation's country, `kind` for an event kind.
    pub field: Field,
    /// The country's code or the kind's name.
    pub value: String,
    /// Ctrl+click: add it to the field's values, or take it out.
    pub add: bool,
}

const CLICK_HINT: &str = "Click: show only these · Ctrl+click: add to or take from the query";

/// A legend entry's label, clickable into the query.
fn entry(
    ui: &mut Ui,
    text: String,
    field: Field,
    value: String,
    clicked: &mut Option<LegendClick>,
) {
    let response = ui
        .add(egui::Label::new(text).sense(Sense::click()))
        .on_hover_text(CLICK_HINT);
    if response.clicked() {
        *clicked = Some(LegendClick {
            field,
            value,
            add: ui.input(|input| input.modifiers.command),
        });
    }
}

/// Shows the legend in the bottom-left corner of `map_rect`; the entry
/// clicked, if one was. `hidden_arcs` is how many routes the map left
/// undrawn (see [`crate::scene::MAX_DRAWN_ARCS`]).
pub fn ui(
    ui: &mut Ui,
    map_rect: Rect,
    view: &View,
    hidden_arcs: usize,
    origin_color: &dyn Fn(Option<CountryCode>) -> Color32,
) -> Option<LegendClick> {
    let origins = &view.origins;
    let kinds: Vec<(EventKind, usize)> = EventKind::ALL.iter().copied().zip(view.kinds).collect();
    if origins.is_empty() && kinds.iter().all(|&(_, count)| count == 0) {
        return None;
    }
    let mut clicked = None;
    egui::Area::new(egui::Id::unique("legend"))
        .fixed_pos(map_rect.left_bottom() + vec2(8.0, -8.0))
        .pivot(Align2::LEFT_BOTTOM)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(240.0);
                if !origins.is_empty() {
                    ui.strong("Delegations from");
                    let gazetteer = Gazetteer::bundled();
                    for &(origin, count) in origins.iter().take(MAX_ORIGINS) {
                        let name = origin
                            .and_then(|code| gazetteer.country(code))
                            .map_or("Unknown", |country| country.name);
                        ui.horizontal(|ui| {
                            swatch_line(ui, origin_color(origin));
                            match origin {
                                Some(code) => entry(
                                    ui,
                                    format!("{name} ({count})"),
                                    Field::From,
                                    code.to_string(),
                                    &mut clicked,
                                ),
                                None => {
                                    ui.label(format!("{name} ({count})"));
                                }
                            }
                        });
                    }
                    let rest: usize = origins.iter().skip(MAX_ORIGINS).map(|&(_, count)| count).sum();
                    if rest > 0 {
                        ui.weak(format!("and {rest} more visits"));
                    }
                    if hidden_arcs > 0 {
                        ui.weak(format!(
                            "{hidden_arcs} quieter routes not drawn: zoom in or narrow the window"
                        ));
                    }
                }
                if kinds.iter().any(|&(_, count)| count > 0) {
                    ui.add_space(4.0);
                    ui.strong("Events");
                    for &(kind, count) in kinds.iter().filter(|&&(_, count)| count > 0) {
                        ui.horizontal(|ui| {
                            let (rect, _) = ui.allocate_exact_size(vec2(18.0, 14.0), Sense::hover());
                            let (symbol, color) = palette::event_style(kind);
                            palette::paint_symbol(ui.painter(), rect.center(), 6.0, symbol, color);
                            entry(
                                ui,
                                format!("{} ({count})", kind.label()),
                                Field::Kind,
                                kind.as_str().to_owned(),
                                &mut clicked,
                            );
                        });
                    }
                }
                ui.add_space(4.0);
                ui.weak("Dashed or faint: date known only to the month or year.\nHollow ring: place known only by country.");
            });
        });
    clicked
}

fn swatch_line(ui: &mut Ui, color: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(18.0, 14.0), Sense::hover());
    ui.painter().line_segment(
        [rect.left_center(), rect.right_center()],
        Stroke::new(3.0, color),
    );
}
