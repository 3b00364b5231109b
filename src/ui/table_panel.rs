//! The records table: the visits and events of the current window and
//! query, a row each, sortable by any column, drawn a screenful at a time
//! (a million rows scroll as smoothly as ten), and one selection with the
//! map: a row clicked selects its record there, a record selected there
//! scrolls the table to it, Up and Down move along the rows.

use egui::{Key, RichText, ScrollArea, Sense, Ui};

use super::{Selection, describe};
use crate::edit::Target;
use crate::gazetteer::Gazetteer;
use crate::model::Day;
use crate::scene::{ItemRef, Scene, View};
use crate::untrusted::visible_line;
use crate::workspace::Workspace;

/// A row's height, in points.
const ROW_HEIGHT: f32 = 20.0;

/// The columns, in order.
const COLUMNS: [Column; 6] = [
    Column::Date,
    Column::Kind,
    Column::Who,
    Column::From,
    Column::Where,
    Column::Source,
];

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// When.
    Date,
    /// Visit, or the event's kind.
    Kind,
    /// The leader (or delegation), or the event's title.
    Who,
    /// Where a visit came from.
    From,
    /// Where it went, or where the event was.
    Where,
    /// The source's id.
    Source,
}

impl Column {
    fn title(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::Kind => "Kind",
            Self::Who => "Leader or title",
            Self::From => "From",
            Self::Where => "To or place",
            Self::Source => "Source",
        }
    }

    fn width(self) -> f32 {
        match self {
            Self::Kind => 110.0,
            Self::Who => 230.0,
            Self::Date | Self::From | Self::Where => 150.0,
            Self::Source => 160.0,
        }
    }
}

/// A row: a record of the scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Row {
    item: ItemRef,
    visit: bool,
    first_day: Day,
}

impl Row {
    fn target(self) -> (usize, Target) {
        let target = if self.visit {
            Target::Visit(self.item.index)
        } else {
            Target::Event(self.item.index)
        };
        (self.item.dataset, target)
    }
}

/// What the table keeps between frames.
#[derive(Debug, Default)]
pub struct TablePanel {
    /// Whether it is shown.
    pub open: bool,
    rows: Vec<Row>,
    /// The view the rows were listed for: its window and how many records.
    listed_for: Option<(crate::scene::TimeWindow, usize, usize, bool)>,
    sort: Option<(Column, bool)>,
    /// The record last scrolled to.
    scrolled_to: Option<(usize, Target)>,
}

impl TablePanel {
    /// How many rows it lists.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// Lists the rows of `view` again if it changed.
    fn list(&mut self, workspace: &Workspace, scene: &Scene, view: &View) {
        let key = (
            view.window,
            view.visit_count(),
            view.event_count(),
            view.filter.is_some(),
        );
        if self.listed_for == Some(key) {
            return;
        }
        self.listed_for = Some(key);
        let window = view.window;
        self.rows.clear();
        for (position, visit) in scene.visits.iter().enumerate() {
            if window.overlaps(visit.first_day, visit.last_day) && view.keeps_visit(position) {
                self.rows.push(Row {
                    item: visit.item,
                    visit: true,
                    first_day: visit.first_day,
                });
            }
        }
        for (position, event) in scene.events.iter().enumerate() {
            if window.overlaps(event.first_day, event.last_day) && view.keeps_event(position) {
                self.rows.push(Row {
                    item: event.item,
                    visit: false,
                    first_day: event.first_day,
                });
            }
        }
        self.sort_rows(workspace);
    }

    fn sort_rows(&mut self, workspace: &Workspace) {
        let (column, descending) = self.sort.unwrap_or((Column::Date, false));
        let text = |row: &Row| cell(workspace, *row, column).to_lowercase();
        match column {
            Column::Date => self.rows.sort_by_key(|row| (row.first_day, row.item)),
            Column::Kind => self
                .rows
                .sort_by_cached_key(|row| (text(row), row.first_day)),
            _ => self
                .rows
                .sort_by_cached_key(|row| (text(row), row.first_day)),
        }
        if descending {
            self.rows.reverse();
        }
    }

    /// The table; selecting a row selects its record.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        workspace: &Workspace,
        scene: &Scene,
        view: &View,
        selection: &mut Selection,
    ) {
        self.list(workspace, scene, view);
        ui.horizontal(|ui| {
            ui.strong(format!("{} records", self.rows.len()));
            ui.weak("in the window and query · click a header to sort · Up/Down move");
        });
        let selected = selection.focused();
        if self.header_ui(ui) {
            self.sort_rows(workspace);
        }
        let at =
            selected.and_then(|selected| self.rows.iter().position(|row| row.target() == selected));
        let moved = self.keys(ui, at);
        if let Some(row) = moved {
            let (file, target) = self.rows[row].target();
            if let Some(chosen) = Selection::of_record(scene, file, target) {
                *selection = chosen;
            }
        }
        let scroll_to = match (selection.focused(), moved) {
            (_, Some(row)) => Some(row),
            (Some(focused), None) if self.scrolled_to != Some(focused) => {
                self.rows.iter().position(|row| row.target() == focused)
            }
            _ => None,
        };
        self.scrolled_to = selection.focused();
        let mut area = ScrollArea::vertical()
            .id_salt("records table")
            .auto_shrink(false);
        if let Some(row) = scroll_to {
            area =
                area.vertical_scroll_offset((row as f32 * ROW_HEIGHT - 2.0 * ROW_HEIGHT).max(0.0));
        }
        let focused = selection.focused();
        let mut clicked = None;
        area.show_rows(ui, ROW_HEIGHT, self.rows.len(), |ui, range| {
            for index in range {
                let row = self.rows[index];
                let chosen = focused == Some(row.target());
                let mut cell_clicked = false;
                let response = ui
                    .horizontal(|ui| {
                        ui.set_height(ROW_HEIGHT);
                        for column in COLUMNS {
                            let text = cell(workspace, row, column);
                            let text = RichText::new(visible_line(&text).into_owned());
                            let text = if chosen { text.strong() } else { text };
                            cell_clicked |= ui
                                .add_sized(
                                    [column.width(), ROW_HEIGHT],
                                    egui::Label::new(text).truncate().sense(Sense::click()),
                                )
                                .clicked();
                        }
                    })
                    .response;
                if chosen {
                    ui.painter().rect_filled(
                        response.rect,
                        0.0,
                        ui.visuals().selection.bg_fill.gamma_multiply(0.25),
                    );
                }
                if cell_clicked {
                    clicked = Some(index);
                }
            }
        });
        if let Some(index) = clicked {
            let (file, target) = self.rows[index].target();
            if let Some(chosen) = Selection::of_record(scene, file, target) {
                *selection = chosen;
                self.scrolled_to = selection.focused();
            }
        }
    }

    /// The headers; `true` when the sort changed.
    fn header_ui(&mut self, ui: &mut Ui) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            for column in COLUMNS {
                let arrow = match self.sort {
                    Some((sorted, false)) if sorted == column => " ^",
                    Some((sorted, true)) if sorted == column => " v",
                    _ => "",
                };
                let header =
                    egui::Button::new(RichText::new(format!("{}{arrow}", column.title())).strong())
                        .frame(false);
                if ui.add_sized([column.width(), ROW_HEIGHT], header).clicked() {
                    let descending = self.sort == Some((column, false));
                    self.sort = Some((column, descending));
                    changed = true;
                }
            }
        });
        changed
    }

    /// Up and Down: the row before or after `at`, when no text box has
    /// the focus.
    fn keys(&self, ui: &Ui, at: Option<usize>) -> Option<usize> {
        if self.rows.is_empty() || ui.memory(|memory| memory.focused().is_some()) {
            return None;
        }
        let (up, down) = ui.input(|input| {
            (
                input.key_pressed(Key::ArrowUp),
                input.key_pressed(Key::ArrowDown),
            )
        });
        match (at, up, down) {
            (Some(at), true, _) => Some(at.saturating_sub(1)),
            (Some(at), _, true) => Some((at + 1).min(self.rows.len() - 1)),
            (None, _, true) => Some(0),
            _ => None,
        }
    }
}

/// A cell's text.
fn cell(workspace: &Workspace, row: Row, column: Column) -> String {
    let gazetteer = Gazetteer::bundled();
    let country = |code: Option<crate::model::CountryCode>| {
        code.and_then(|code| gazetteer.country(code))
            .map_or(String::new(), |country| country.name.to_owned())
    };
    let place = |place: &crate::model::PlaceRef| match &place.place {
        Some(name) => name.clone(),
        None => country(place.country),
    };
    if row.visit {
        let Some(visit) = describe::visit(workspace, row.item) else {
            return String::new();
        };
        match column {
            Column::Date => visit.date.to_string(),
            Column::Kind => "Visit".to_owned(),
            Column::Who => describe::who(&visit),
            Column::From => visit.from.as_ref().map(place).unwrap_or_default(),
            Column::Where => place(&visit.to),
            Column::Source => visit
                .source
                .as_ref()
                .map(|source| source.id.clone())
                .unwrap_or_default(),
        }
    } else {
        let Some(event) = describe::event(workspace, row.item) else {
            return String::new();
        };
        match column {
            Column::Date => event.date.to_string(),
            Column::Kind => event.kind.label().to_owned(),
            Column::Who => event.title.clone().unwrap_or_default(),
            Column::From => String::new(),
            Column::Where => place(&event.place),
            Column::Source => event
                .source
                .as_ref()
                .map(|source| source.id.clone())
                .unwrap_or_default(),
        }
    }
}
