//! The source panel: the selected visits and events, and the text each came
//! from with its passage highlighted and scrolled into view.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, FontId, RichText, ScrollArea, Sense, Ui};

use super::{Selection, describe, palette};
use crate::model::{Records, Source, SourceRef};
use crate::scene::{ItemRef, Scene};
use crate::untrusted::{openable_url, visible, visible_line};
use crate::workspace::Workspace;

/// What the panel remembers between frames.
#[derive(Debug, Default)]
pub struct SourcePanel {
    /// The item whose passage was last scrolled to; a new one scrolls again.
    scrolled_to: Option<Shown>,
}

/// An item shown in the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Visit(ItemRef),
    Event(ItemRef),
}

impl Shown {
    fn item(self) -> ItemRef {
        match self {
            Self::Visit(item) | Self::Event(item) => item,
        }
    }
}

/// How many selected items are listed; the rest are counted.
const MAX_LISTED: usize = 200;

impl SourcePanel {
    /// Shows the selection and the focused item's source.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workspace: &Workspace,
        _scene: &Scene,
        selection: &mut Selection,
    ) {
        ui.horizontal(|ui| {
            ui.heading(match selection.len() {
                1 => "1 item".to_owned(),
                count => format!("{count} items"),
            });
            if ui.small_button("Clear").on_hover_text("Escape").clicked() {
                *selection = Selection::default();
            }
        });
        if selection.is_empty() {
            return;
        }
        let items: Vec<Shown> = selection
            .visits
            .iter()
            .map(|&item| Shown::Visit(item))
            .chain(selection.events.iter().map(|&item| Shown::Event(item)))
            .collect();
        // A file changed on disk makes all its records unreadable: said
        // once, above them, rather than for each.
        let changed = changed_files(workspace, &items);
        for (_, why) in &changed {
            ui.colored_label(ui.visuals().warn_fg_color, why);
        }
        ScrollArea::vertical()
            .id_salt("selected items")
            .max_height(ui.available_height() * 0.35)
            .show(ui, |ui| {
                for (index, &item) in items.iter().enumerate().take(MAX_LISTED) {
                    let focused = index == selection.focus;
                    let response = egui::Frame::group(ui.style())
                        .fill(if focused {
                            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
                        } else {
                            ui.visuals().panel_fill
                        })
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            let file_changed = changed
                                .iter()
                                .any(|&(dataset, _)| dataset == item.item().dataset);
                            item_ui(ui, workspace, item, file_changed);
                        })
                        .response
                        .interact(Sense::click());
                    if response.clicked() {
                        selection.focus = index;
                    }
                }
                if items.len() > MAX_LISTED {
                    ui.weak(format!("and {} more", items.len() - MAX_LISTED));
                }
            });
        ui.separator();
        let Some(&focused) = items.get(selection.focus) else {
            return;
        };
        // Unreadable records were explained above the list.
        let Some((records, citation)) = citation_of(workspace, focused) else {
            if describe::unreadable(workspace, focused.item()).is_none() {
                ui.weak("No source is cited for this item.");
            }
            return;
        };
        let Some(source) = records.source(&citation.id) else {
            if records.unreadable().is_none() {
                ui.weak(format!(
                    "The cited source `{}` is not in the file.",
                    citation.id
                ));
            }
            return;
        };
        let scroll = self.scrolled_to != Some(focused);
        self.scrolled_to = Some(focused);
        source_ui(ui, &source, &citation, scroll);
    }
}

/// The records holding an item, and its citation.
fn citation_of(workspace: &Workspace, item: Shown) -> Option<(&Records, SourceRef)> {
    match item {
        Shown::Visit(item) => {
            let file = workspace.files.get(item.dataset)?;
            Some((&file.records, file.visit(item.index)?.source.clone()?))
        }
        Shown::Event(item) => {
            let file = workspace.files.get(item.dataset)?;
            Some((&file.records, file.event(item.index)?.source.clone()?))
        }
    }
}

/// The files of `items` that cannot be read any more, once each, with why.
fn changed_files(workspace: &Workspace, items: &[Shown]) -> Vec<(usize, String)> {
    let mut datasets: Vec<usize> = Vec::new();
    for item in items {
        let dataset = item.item().dataset;
        if !datasets.contains(&dataset) {
            datasets.push(dataset);
        }
    }
    datasets
        .into_iter()
        .filter_map(|dataset| Some((dataset, workspace.files.get(dataset)?.records.unreadable()?)))
        .collect()
}

/// In place of a record that cannot be read because its file changed:
/// why, briefly (the file's message stands once above the list).
fn unreadable_ui(ui: &mut Ui, file_changed: bool) {
    if file_changed {
        ui.weak("Cannot be read: its file changed (see above)");
    }
}

/// One selected visit or event, in words; `file_changed` if its file
/// changed on disk since it was opened.
fn item_ui(ui: &mut Ui, workspace: &Workspace, item: Shown, file_changed: bool) {
    match item {
        Shown::Visit(item) => {
            let Some(visit) = describe::visit(workspace, item) else {
                unreadable_ui(ui, file_changed);
                return;
            };
            ui.strong(describe::who(&visit));
            let from = visit
                .from
                .as_ref()
                .map_or_else(|| "unknown origin".to_owned(), describe::place);
            ui.label(format!("{from} to {}", describe::place(&visit.to)));
            ui.label(visit.date.describe());
            if let Some(purpose) = &visit.purpose {
                ui.weak(visible_line(purpose));
            }
        }
        Shown::Event(item) => {
            let Some(event) = describe::event(workspace, item) else {
                unreadable_ui(ui, file_changed);
                return;
            };
            ui.horizontal(|ui| {
                let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), Sense::hover());
                let (symbol, color) = palette::event_style(event.kind);
                palette::paint_symbol(ui.painter(), rect.center(), 6.0, symbol, color);
                ui.strong(event.kind.label());
            });
            if let Some(title) = &event.title {
                ui.label(visible_line(title));
            }
            ui.label(format!(
                "{} · {}",
                describe::place(&event.place),
                event.date.describe()
            ));
        }
    }
}

/// The source's details and its text, the cited passage highlighted.
fn source_ui(ui: &mut Ui, source: &Source, citation: &SourceRef, scroll: bool) {
    if let Some(title) = &source.title {
        ui.label(RichText::new(visible_line(title)).strong());
    }
    let details: Vec<String> = [
        source.publisher.clone(),
        source.published.map(|date| date.describe()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !details.is_empty() {
        ui.weak(visible_line(&details.join(" · ")));
    }
    if let Some(url) = &source.url {
        url_ui(ui, url);
    }
    let span = citation
        .span
        .filter(|span| span.slice(&source.text).is_some());
    if let Some(passage) = span.and_then(|span| span.slice(&source.text)) {
        ui.add_space(4.0);
        ui.label(RichText::new("Cited passage").small().weak());
        egui::Frame::group(ui.style())
            .fill(palette::highlight(ui.visuals().dark_mode).gamma_multiply(0.5))
            .show(ui, |ui| {
                ui.add(egui::Label::new(visible(passage)).wrap());
            });
    }
    ui.add_space(4.0);
    ScrollArea::vertical()
        .id_salt("source text")
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = ui.available_width();
            let (before, cited, after) = match span {
                Some(span) => (
                    &source.text[..span.start],
                    &source.text[span.start..span.end],
                    &source.text[span.end..],
                ),
                None => (source.text.as_str(), "", ""),
            };
            // Each part made visible on its own, so the highlight stays on
            // the cited passage.
            let (before, cited, after) = (visible(before), visible(cited), visible(after));
            let text_color = ui.visuals().text_color();
            let plain = TextFormat::simple(FontId::proportional(14.0), text_color);
            let marked = TextFormat {
                background: palette::highlight(ui.visuals().dark_mode),
                ..plain.clone()
            };
            let mut job = LayoutJob::default();
            job.wrap.max_width = width;
            // Source text is shown as plain text, never interpreted.
            job.append(&before, 0.0, plain.clone());
            job.append(&cited, 0.0, marked);
            job.append(&after, 0.0, plain);
            let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            let (rect, _) = ui.allocate_exact_size(galley.size(), Sense::hover());
            if scroll && !cited.is_empty() {
                let start = galley.pos_from_cursor(CCursor::new(before.chars().count()));
                let end = galley
                    .pos_from_cursor(CCursor::new(before.chars().count() + cited.chars().count()));
                let passage = start.union(end).translate(rect.min.to_vec2());
                ui.scroll_to_rect(passage, Some(Align::Center));
            }
            ui.painter().galley(rect.min, galley, text_color);
        });
}

/// A link that opens in the browser on an explicit click, and only for
/// http(s) addresses ([`openable_url`]); anything else is shown as plain
/// text.
fn url_ui(ui: &mut Ui, url: &str) {
    if let Some(address) = openable_url(url) {
        if ui
            .link(address)
            .on_hover_text("Open in the browser")
            .clicked()
        {
            ui.ctx().open_url(egui::OpenUrl::new_tab(address));
        }
    } else {
        ui.weak(visible_line(url))
            .on_hover_text("Not a plain http(s) address: not opened");
    }
}
