//! The summary: for the current window and query, the top destinations,
//! origins, travellers, routes and event kinds as small bar charts with
//! counts; a bar clicked joins the query ("who went to Pyongyang most
//! since 2018?" is one query and one glance).

use std::collections::HashMap;

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::{describe, palette};
use crate::gazetteer::Gazetteer;
use crate::model::{CountryCode, EventKind};
use crate::query::Field;
use crate::scene::{Scene, View};
use crate::untrusted::visible_line;
use crate::workspace::Workspace;

/// How many bars each chart shows.
const TOP: usize = 8;
/// Up to how many visits travellers are counted by name (each is read).
const MAX_NAMED: usize = 50_000;
/// The longest bar, in points.
const BAR_WIDTH: f32 = 120.0;

/// A bar clicked: the term it adds to the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryClick {
    /// The field.
    pub field: Field,
    /// Its value.
    pub value: String,
}

/// What the summary shows, counted once per view.
#[derive(Debug, Default)]
pub struct SummaryPanel {
    /// Whether it is shown.
    pub open: bool,
    counted_for: Option<(crate::scene::TimeWindow, usize, usize, bool)>,
    destinations: Vec<(CountryCode, usize)>,
    origins: Vec<(CountryCode, usize)>,
    travellers: Option<Vec<(String, usize)>>,
    routes: Vec<(String, usize)>,
}

impl SummaryPanel {
    fn count(&mut self, workspace: &Workspace, scene: &Scene, view: &View) {
        let key = (
            view.window,
            view.visit_count(),
            view.event_count(),
            view.filter.is_some(),
        );
        if self.counted_for == Some(key) {
            return;
        }
        self.counted_for = Some(key);
        let mut destinations: HashMap<CountryCode, usize> = HashMap::new();
        let mut origins: HashMap<CountryCode, usize> = HashMap::new();
        let mut routes: HashMap<String, usize> = HashMap::new();
        let mut kept = Vec::new();
        for (position, visit) in scene.visits.iter().enumerate() {
            if !view.window.overlaps(visit.first_day, visit.last_day) || !view.keeps_visit(position)
            {
                continue;
            }
            kept.push(visit.item);
            let Some(file) = workspace.files.get(visit.item.dataset) else {
                continue;
            };
            let row = &file.table.visits[visit.item.index];
            if let Some(country) = file.table.place(row.to).country {
                *destinations.entry(country).or_default() += 1;
            }
            let origin = row
                .leader_country
                .or_else(|| row.from.and_then(|from| file.table.place(from).country));
            if let Some(country) = origin {
                *origins.entry(country).or_default() += 1;
            }
            let from = row.from.map_or_else(
                || "?".to_owned(),
                |from| place_label(file.table.place(from)),
            );
            let to = place_label(file.table.place(row.to));
            *routes.entry(format!("{from} - {to}")).or_default() += 1;
        }
        self.routes = top(routes);
        self.destinations = top(destinations);
        self.origins = top(origins);
        self.travellers = (kept.len() <= MAX_NAMED).then(|| {
            let mut names: HashMap<String, usize> = HashMap::new();
            for item in &kept {
                if let Some(visit) = describe::visit(workspace, *item)
                    && let Some(leader) = &visit.leader
                {
                    *names.entry(leader.name.clone()).or_default() += 1;
                }
            }
            top(names)
        });
    }

    /// The charts; the bar clicked, if one was.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workspace: &Workspace,
        scene: &Scene,
        view: &View,
    ) -> Option<SummaryClick> {
        self.count(workspace, scene, view);
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("summary")
            .show(ui, |ui| {
                let gazetteer = Gazetteer::bundled();
                let country = |code: CountryCode| {
                    gazetteer
                        .country(code)
                        .map_or_else(|| code.to_string(), |country| country.name.to_owned())
                };
                ui.heading("Summary");
                ui.weak(format!(
                    "{} visits and {} events in the window{}",
                    view.visit_count(),
                    view.event_count(),
                    if view.filter.is_some() {
                        " and query"
                    } else {
                        ""
                    }
                ));
                let bars = |counts: &[(CountryCode, usize)], field: Field| -> Vec<Bar> {
                    counts
                        .iter()
                        .map(|&(code, count)| {
                            (country(code), count, Some((field, code.to_string())))
                        })
                        .collect()
                };
                let destinations = bars(&self.destinations, Field::To);
                chart(ui, "Top destinations", 0, destinations, &mut clicked);
                let origins = bars(&self.origins, Field::From);
                chart(ui, "Top origins", 1, origins, &mut clicked);
                if let Some(travellers) = &self.travellers {
                    let travellers = travellers
                        .iter()
                        .map(|(name, count)| {
                            let term = (Field::Person, format!("\"{name}\""));
                            (name.clone(), *count, Some(term))
                        })
                        .collect();
                    chart(ui, "Top travellers", 2, travellers, &mut clicked);
                } else {
                    ui.add_space(6.0);
                    ui.strong("Top travellers");
                    ui.weak(format!(
                    "Over {MAX_NAMED} visits: narrow the window or the query to count them by name."
                ));
                }
                let routes = self
                    .routes
                    .iter()
                    .map(|(name, count)| (name.clone(), *count, None))
                    .collect();
                chart(ui, "Top routes", 3, routes, &mut clicked);
                let mut kinds: Vec<Bar> = EventKind::ALL
                    .iter()
                    .zip(view.kinds)
                    .filter(|&(_, count)| count > 0)
                    .map(|(&kind, count)| {
                        let term = (Field::Kind, kind.as_str().to_owned());
                        (kind.label().to_owned(), count, Some(term))
                    })
                    .collect();
                kinds.sort_by_key(|bar| std::cmp::Reverse(bar.1));
                chart(ui, "Event kinds", 4, kinds, &mut clicked);
            });
        clicked
    }
}

/// A place in a route's name: its own name, or its country's code.
fn place_label(place: &crate::model::PlaceRef) -> String {
    match (&place.place, place.country) {
        (Some(name), _) => name.clone(),
        (None, Some(country)) => country.to_string(),
        (None, None) => "?".to_owned(),
    }
}

/// The `TOP` largest counts, largest first (ties by key).
fn top<K: Ord + Clone>(counts: HashMap<K, usize>) -> Vec<(K, usize)> {
    let mut counts: Vec<(K, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.truncate(TOP);
    counts
}

/// A bar: its label, its count, and the query term a click adds.
type Bar = (String, usize, Option<(Field, String)>);

/// A chart of bars, in colour `shade` of the palette.
fn chart(
    ui: &mut Ui,
    title: &str,
    shade: usize,
    bars: Vec<Bar>,
    clicked: &mut Option<SummaryClick>,
) {
    let color: Color32 = palette::origin_color(Some(shade));
    ui.add_space(6.0);
    ui.strong(title);
    if bars.is_empty() {
        ui.weak("none");
        return;
    }
    let most = bars
        .iter()
        .map(|(_, count, _)| *count)
        .max()
        .unwrap_or(1)
        .max(1);
    for (label, count, term) in bars {
        ui.horizontal(|ui| {
            let sense = if term.is_some() {
                Sense::click()
            } else {
                Sense::hover()
            };
            let (rect, bar_response) = ui.allocate_exact_size(vec2(BAR_WIDTH, 12.0), sense);
            let width = BAR_WIDTH * count as f32 / most as f32;
            let bar = egui::Rect::from_min_size(rect.min, vec2(width.max(1.0), rect.height()));
            ui.painter()
                .rect_filled(bar, 2.0, color.gamma_multiply(0.8));
            let text = RichText::new(format!("{} ({count})", visible_line(&label)));
            let label_response = ui.add(egui::Label::new(text).sense(sense));
            if let Some((field, value)) = term {
                let hint = "Click: add to the query";
                if bar_response.on_hover_text(hint).clicked()
                    || label_response.on_hover_text(hint).clicked()
                {
                    *clicked = Some(SummaryClick { field, value });
                }
            }
        });
    }
}
