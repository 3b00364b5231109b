//! The timeline: which span of days the map shows.

use egui::Ui;

use crate::model::Day;
use crate::scene::{TimeWindow, View};

/// The data's extent and the window shown within it.
#[derive(Debug, Default)]
pub struct Timeline {
    extent: Option<TimeWindow>,
    window: Option<TimeWindow>,
}

impl Timeline {
    /// Takes the extent of new data; the window becomes all of it.
    pub fn set_extent(&mut self, extent: Option<TimeWindow>) {
        self.extent = extent;
        self.window = extent;
    }

    /// Shows everything up to and including `day`.
    pub fn show_until(&mut self, day: Day) {
        let start = self.extent.map_or(day, |extent| extent.start.min(day));
        self.window = Some(TimeWindow::new(start, day));
    }

    /// The window shown, if there is any data.
    pub fn window(&self) -> Option<TimeWindow> {
        self.window
    }

    /// The window in words and two sliders to move its ends; returns whether
    /// the window changed.
    pub fn ui(&mut self, ui: &mut Ui, view: &View) -> bool {
        let (Some(extent), Some(window)) = (self.extent, self.window) else {
            ui.weak("No dated visits or events: open a dataset (File, Open dataset…, or drop a file here).");
            return false;
        };
        let mut start = window.start.0;
        let mut end = window.end.0;
        let mut changed = false;
        ui.horizontal(|ui| {
            ui.strong(format!(
                "{} – {}",
                window.start.describe(),
                window.end.describe()
            ));
            ui.label(format!(
                "{} visit{}, {} event{}",
                view.visit_count(),
                if view.visit_count() == 1 { "" } else { "s" },
                view.events.len(),
                if view.events.len() == 1 { "" } else { "s" },
            ));
            if ui
                .button("All")
                .on_hover_text("Show the whole extent of the data")
                .clicked()
            {
                start = extent.start.0;
                end = extent.end.0;
                changed = true;
            }
        });
        let describe =
            |value: f64, _: std::ops::RangeInclusive<usize>| Day(value as i32).describe();
        let range = extent.start.0..=extent.end.0;
        ui.horizontal(|ui| {
            // Each slider leaves room for its label and its date.
            ui.spacing_mut().slider_width = ((ui.available_width() - 300.0) / 2.0).max(60.0);
            changed |= ui
                .add(
                    egui::Slider::new(&mut start, range.clone())
                        .custom_formatter(describe)
                        .text("from"),
                )
                .changed();
            changed |= ui
                .add(
                    egui::Slider::new(&mut end, range)
                        .custom_formatter(describe)
                        .text("to"),
                )
                .changed();
        });
        if changed {
            self.window = Some(TimeWindow::new(Day(start), Day(end)));
        }
        changed
    }
}
