//! The source panel: the selected visits and events, and the text each came
//! from with its passage highlighted and scrolled into view.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, FontId, RichText, ScrollArea, Sense, Ui};

use super::{Selection, describe, palette};
use crate::edit::Target;
use crate::model::{By, Records, Source, SourceRef, Span, trust_of};
use crate::scene::{ItemRef, Scene};
use crate::untrusted::{openable_url, visible, visible_line};
use crate::workspace::Workspace;

/// What the panel remembers between frames.
#[derive(Debug, Default)]
pub struct SourcePanel {
    /// The item whose passage was last scrolled to; a new one scrolls again.
    scrolled_to: Option<Shown>,
    /// The passage of its source the person selected last: kept when the
    /// text loses the focus (and its selection) to a button.
    passage: Option<Span>,
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

    /// The file it is in, and the record.
    fn target(self) -> (usize, Target) {
        match self {
            Self::Visit(item) => (item.dataset, Target::Visit(item.index)),
            Self::Event(item) => (item.dataset, Target::Event(item.index)),
        }
    }
}

/// What the person asked of the panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelAction {
    /// Edit this record.
    Edit(usize, Target),
    /// Delete it.
    Delete(usize, Target),
    /// Mark it checked (`true`) or not.
    Review(usize, Target, bool),
    /// Make a new visit (`true`) or event from a passage of a source
    /// cited in file `file`.
    FromPassage {
        /// The file the new record goes to.
        file: usize,
        /// A visit, or an event.
        visit: bool,
        /// The source's id.
        source: String,
        /// The passage.
        span: Span,
    },
}

/// How many selected items are listed; the rest are counted.
const MAX_LISTED: usize = 200;

impl SourcePanel {
    /// Shows the selection and the focused item's source; what the person
    /// asked to do with them, if anything.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workspace: &Workspace,
        scene: &Scene,
        selection: &mut Selection,
    ) -> Option<PanelAction> {
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
            return None;
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
                            item_ui(ui, workspace, scene, item, file_changed);
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
        let &focused = items.get(selection.focus)?;
        let mut action = actions_ui(ui, workspace, focused);
        // Unreadable records were explained above the list.
        let Some((records, citation)) = citation_of(workspace, focused) else {
            if describe::unreadable(workspace, focused.item()).is_none() {
                ui.weak("No source is cited for this item.");
            }
            return action;
        };
        let Some(source) = records.source(&citation.id) else {
            if records.unreadable().is_none() {
                ui.weak(format!(
                    "The cited source `{}` is not in the file.",
                    citation.id
                ));
            }
            return action;
        };
        let scroll = self.scrolled_to != Some(focused);
        if scroll {
            self.passage = None;
        }
        self.scrolled_to = Some(focused);
        if let Some((visit, span)) = source_ui(ui, &source, &citation, scroll, &mut self.passage) {
            action = Some(PanelAction::FromPassage {
                file: focused.item().dataset,
                visit,
                source: source.id.clone(),
                span,
            });
        }
        action
    }
}

/// The focused record's provenance, and what can be done with it.
fn actions_ui(ui: &mut Ui, workspace: &Workspace, focused: Shown) -> Option<PanelAction> {
    let (file, target) = focused.target();
    let record = workspace.files.get(file)?.record(target)?;
    let provenance = record.provenance();
    if let Some(provenance) = &provenance {
        ui.horizontal_wrapped(|ui| {
            if provenance.reviewed {
                palette::tick(ui, 14.0);
                ui.label(RichText::new("reviewed").color(palette::REVIEWED));
            }
            let mut said = vec![match provenance.by {
                By::Extract => "extracted".to_owned(),
                By::Import => "imported".to_owned(),
                By::Hand => "made by hand".to_owned(),
            }];
            if let Some(confidence) = provenance.confidence {
                said.push(format!("{} confidence", confidence.as_str()));
            }
            if !provenance.edited.is_empty() {
                let fields: Vec<&str> = provenance
                    .edited
                    .iter()
                    .map(|edit| edit.field.as_str())
                    .collect();
                said.push(format!("edited: {}", fields.join(", ")));
            }
            ui.weak(said.join(" · "));
        });
        if let Some(because) = &provenance.because {
            ui.weak(format!("Why: {}", visible_line(because)));
        }
    }
    let reviewed = provenance.is_some_and(|provenance| provenance.reviewed);
    let mut action = None;
    ui.horizontal(|ui| {
        if ui.button("Edit record").on_hover_text("E").clicked() {
            action = Some(PanelAction::Edit(file, target));
        }
        let review = if reviewed {
            "Unmark reviewed"
        } else {
            "Mark reviewed"
        };
        if ui.button(review).on_hover_text("R").clicked() {
            action = Some(PanelAction::Review(file, target, !reviewed));
        }
        if ui
            .button("Delete")
            .on_hover_text("Delete (Ctrl+Z undoes)")
            .clicked()
        {
            action = Some(PanelAction::Delete(file, target));
        }
    });
    action
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
fn item_ui(ui: &mut Ui, workspace: &Workspace, scene: &Scene, item: Shown, file_changed: bool) {
    match item {
        Shown::Visit(item) => {
            let Some(visit) = describe::visit(workspace, item) else {
                unreadable_ui(ui, file_changed);
                return;
            };
            ui.horizontal(|ui| {
                ui.strong(describe::who(&visit));
                reviewed_tick(ui, &visit.extra);
            });
            let from = visit
                .from
                .as_ref()
                .map_or_else(|| "unknown origin".to_owned(), describe::place);
            let length = scene
                .visit_length_km(item)
                .map(|km| format!(", {}", describe::kilometres(km)))
                .unwrap_or_default();
            ui.label(format!("{from} to {}{length}", describe::place(&visit.to)));
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
                reviewed_tick(ui, &event.extra);
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

/// The id of the source text's box, whose selection makes new records.
pub const SOURCE_TEXT: &str = "source text";

/// A tick after a record a person has checked.
fn reviewed_tick(ui: &mut Ui, fields: &crate::model::ExtraFields) {
    if trust_of(fields).reviewed {
        palette::tick(ui, 12.0).on_hover_text("Reviewed");
    }
}

/// The source's details and its text, the cited passage highlighted; a
/// passage the person selected (kept in `passage`) and asked to make a
/// visit (`true`) or event of.
fn source_ui(
    ui: &mut Ui,
    source: &Source,
    citation: &SourceRef,
    scroll: bool,
    passage: &mut Option<Span>,
) -> Option<(bool, Span)> {
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
    let asked = passage_buttons_ui(ui, source, *passage);
    ScrollArea::vertical()
        .id_salt("source text")
        .auto_shrink(false)
        .show(ui, |ui| {
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
            let shown = format!("{before}{cited}{after}");
            let text_color = ui.visuals().text_color();
            let plain = TextFormat::simple(FontId::proportional(14.0), text_color);
            let marked = TextFormat {
                background: palette::highlight(ui.visuals().dark_mode),
                ..plain.clone()
            };
            let mut layouter = |ui: &Ui, _: &dyn egui::TextBuffer, width: f32| {
                let mut job = LayoutJob::default();
                job.wrap.max_width = width;
                // Source text is shown as plain text, never interpreted.
                job.append(&before, 0.0, plain.clone());
                job.append(&cited, 0.0, marked.clone());
                job.append(&after, 0.0, plain.clone());
                ui.fonts_mut(|fonts| fonts.layout_job(job))
            };
            // Read-only: a `&str` buffer can be selected, never changed.
            let mut text: &str = &shown;
            let output = egui::TextEdit::multiline(&mut text)
                .id(egui::Id::unique(SOURCE_TEXT))
                .frame(egui::Frame::NONE)
                .desired_width(f32::INFINITY)
                .layouter(&mut layouter)
                .show(ui);
            // Kept while the text has the focus; a click elsewhere (on a
            // button) takes the focus and the selection with it.
            let focused = ui.memory(|memory| memory.has_focus(egui::Id::unique(SOURCE_TEXT)));
            if focused && let Some(range) = output.state.cursor.char_range() {
                let range = range.as_sorted_char_range();
                let selected = passage_of(&source.text, range.start.0..range.end.0);
                if selected != *passage {
                    // The buttons above the text show it on the next frame.
                    *passage = selected;
                    ui.ctx().request_repaint();
                }
            }
            if scroll && !cited.is_empty() {
                let galley = &output.galley;
                let start = galley.pos_from_cursor(CCursor::new(before.chars().count()));
                let end = galley
                    .pos_from_cursor(CCursor::new(before.chars().count() + cited.chars().count()));
                let passage = start.union(end).translate(output.galley_pos.to_vec2());
                ui.scroll_to_rect(passage, Some(Align::Center));
            }
        });
    asked
}

/// The passage selected in the source text and the buttons that make a
/// visit (`true`) or event of it; what was asked.
fn passage_buttons_ui(ui: &mut Ui, source: &Source, passage: Option<Span>) -> Option<(bool, Span)> {
    // The same rows whether or not a passage is selected, so that the
    // text below never moves under a selecting pointer.
    let mut asked = None;
    let selected = passage.and_then(|span| Some((span, span.slice(&source.text)?)));
    let said = match selected {
        Some((_, words)) => format!("Selected: “{}”", ellipsis(&visible_line(words), 60)),
        None => "Select a passage of the text to make a visit or event of it.".to_owned(),
    };
    ui.add(egui::Label::new(RichText::new(said).weak()).truncate());
    ui.horizontal(|ui| {
        ui.add_enabled_ui(selected.is_some(), |ui| {
            for (visit, label) in [
                (true, "New visit from this passage"),
                (false, "New event from this passage"),
            ] {
                if ui.button(label).clicked()
                    && let Some((span, _)) = selected
                {
                    asked = Some((visit, span));
                }
            }
        });
    });
    asked
}

/// `text`, cut to `most` characters with an ellipsis.
fn ellipsis(text: &str, most: usize) -> String {
    match text.char_indices().nth(most) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The span of `text` that characters `shown` of its shown form
/// ([`visible`]) cover, without the whitespace at either end.
fn passage_of(text: &str, shown: std::ops::Range<usize>) -> Option<Span> {
    // Where each shown character comes from: a hidden character is shown
    // as a marker of several.
    let mut starts = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let width = visible(c.encode_utf8(&mut [0; 4])).chars().count();
        starts.extend(std::iter::repeat_n(at, width));
    }
    starts.push(text.len());
    let start = *starts.get(shown.start)?;
    let end = starts.get(shown.end).copied().unwrap_or(text.len());
    let selected = text.get(start..end)?;
    let trimmed = selected.trim();
    if trimmed.is_empty() {
        return None;
    }
    let start = start + (selected.len() - selected.trim_start().len());
    Some(Span {
        start,
        end: start + trimmed.len(),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_of_the_shown_text_is_a_span_of_the_source() {
        let text = "Shoigu arrived.\u{202E} Li came too.";
        let shown = visible(text).into_owned();
        let from = shown.find("Li").unwrap();
        let chars = |bytes: usize| shown[..bytes].chars().count();
        let span = passage_of(text, chars(from - 1)..chars(shown.len())).unwrap();
        assert_eq!(span.slice(text), Some("Li came too."));
        assert_eq!(passage_of(text, 0..1).unwrap().slice(text), Some("S"));
        assert_eq!(passage_of(text, 15..16), None, "only whitespace");
    }
}
