//! The timeline: a histogram of the data over time, the window the map
//! shows as a range with two handles, playback, and the window in words.
//!
//! The timeline zooms (wheel) and pans (drag outside the window) on its own,
//! from decades down to days; the window is dragged by a handle or whole.

use egui::{Align2, Color32, FontId, Key, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::palette;
use crate::model::{Day, EventKind, FuzzyDate, month_abbreviation};
use crate::scene::{BinSize, HistogramBin, Scene, SceneFilter, TimeWindow, View, WindowSpec};

/// Whether the map shows a moving window or everything up to the cursor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Only what falls inside the window.
    #[default]
    Window,
    /// Everything from the start of the data up to the window's end.
    Cumulative,
}

/// The time state: data extent, window, the timeline's own view, playback.
#[derive(Debug)]
pub struct Timeline {
    extent: Option<TimeWindow>,
    window: Option<TimeWindow>,
    /// The days the timeline strip spans, as fractional day numbers.
    strip: (f64, f64),
    mode: Mode,
    playing: bool,
    /// Playback speed: one of these units per second.
    speed: BinSize,
    looping: bool,
    /// Days of playback not yet applied (playback moves by whole days).
    pending_days: f64,
    typed: String,
    typed_error: Option<String>,
    drag: Option<Grab>,
    /// Where the window's handles were drawn last frame.
    handles: Option<(Pos2, Pos2)>,
    /// Whether the strip follows the window while playing: until the user
    /// pans or zooms the strip, as a video editor's timeline does.
    follow: bool,
}

impl Default for Timeline {
    fn default() -> Self {
        Self {
            extent: None,
            window: None,
            strip: (0.0, 1.0),
            mode: Mode::default(),
            playing: false,
            speed: BinSize::Day,
            looping: true,
            pending_days: 0.0,
            typed: String::new(),
            typed_error: None,
            drag: None,
            handles: None,
            follow: true,
        }
    }
}

/// What a drag on the strip holds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Grab {
    Start,
    End,
    /// The whole window, grabbed this many days after its start.
    Whole(f64),
    /// The strip itself.
    Strip,
}

/// The strip's height, in points.
const STRIP_HEIGHT: f32 = 64.0;
/// How near a handle a press grabs it, in points.
const HANDLE_REACH: f32 = 6.0;

impl Timeline {
    /// Takes the extent of new data; the window becomes all of it.
    pub fn set_extent(&mut self, extent: Option<TimeWindow>) {
        self.extent = extent;
        self.window = extent;
        self.playing = false;
        if let Some(extent) = extent {
            self.show_on_strip(extent);
        }
        self.sync_typed();
    }

    /// Takes the extent of data that was edited: the window stays where
    /// it is, as the person left it.
    pub fn update_extent(&mut self, extent: Option<TimeWindow>) {
        if self.window.is_none() {
            self.set_extent(extent);
        } else {
            self.extent = extent;
            self.sync_typed();
        }
    }

    /// Applies the command line's `--date` and `--window`: a window ending
    /// at the date (or at the end of the data), or, with only a date,
    /// everything up to it.
    pub fn apply(&mut self, date: Option<Day>, window: Option<WindowSpec>) {
        let Some(extent) = self
            .extent
            .or_else(|| date.map(|day| TimeWindow::new(day, day)))
        else {
            return;
        };
        let end = date.unwrap_or(extent.end);
        match (window, date) {
            (Some(spec), _) => {
                self.mode = Mode::Window;
                self.window = Some(spec.ending_at(end));
            }
            (None, Some(day)) => {
                self.mode = Mode::Cumulative;
                self.window = Some(TimeWindow::new(extent.start.min(day), day));
            }
            (None, None) => {}
        }
        if let Some(window) = self.window {
            self.show_on_strip(TimeWindow::new(
                window.start.min(extent.start),
                window.end.max(extent.end),
            ));
        }
        self.sync_typed();
    }

    /// The window the map shows, if there is any data.
    pub fn window(&self) -> Option<TimeWindow> {
        let window = self.window?;
        Some(match (self.mode, self.extent) {
            (Mode::Cumulative, Some(extent)) => {
                TimeWindow::new(extent.start.min(window.end), window.end)
            }
            _ => window,
        })
    }

    /// Where the window's start and end handles were drawn last frame.
    pub fn handles(&self) -> Option<(Pos2, Pos2)> {
        self.handles
    }

    /// Starts or stops playback.
    pub fn toggle_playback(&mut self) {
        self.playing = !self.playing;
        self.pending_days = 0.0;
        // Pressing Play brings the window back into view.
        self.follow = true;
    }

    fn show_on_strip(&mut self, days: TimeWindow) {
        let span = f64::from(days.days()).max(7.0);
        let margin = span * 0.03;
        self.strip = (
            f64::from(days.start.0) - margin,
            f64::from(days.end.0) + 1.0 + margin,
        );
    }

    fn sync_typed(&mut self) {
        self.typed = self
            .window
            .map(|window| window.to_string())
            .unwrap_or_default();
        self.typed_error = None;
    }

    /// Moves the window by `days`, both ends, keeping it inside the data.
    fn shift(&mut self, days: i32) {
        let (Some(window), Some(extent)) = (self.window, self.extent) else {
            return;
        };
        let length = window.days() - 1;
        let latest_start = (extent.end.0 - length).max(extent.start.0);
        let start = (window.start.0 + days).clamp(extent.start.0.min(latest_start), latest_start);
        self.window = Some(TimeWindow::new(Day(start), Day(start + length)));
        self.sync_typed();
    }

    /// Moves the window by `count` units of the playback speed.
    fn step(&mut self, count: i32) {
        if let Some(window) = self.window {
            let moved = self.speed.step(window.start, count);
            self.shift(moved.0 - window.start.0);
        }
    }

    /// Moves the window to the start or end of the data.
    fn jump(&mut self, to_end: bool) {
        let (Some(window), Some(extent)) = (self.window, self.extent) else {
            return;
        };
        let target = if to_end {
            extent.end.0 - (window.days() - 1)
        } else {
            extent.start.0
        };
        self.shift(target - window.start.0);
    }

    /// Advances playback by the time since the last frame; returns whether
    /// the window moved.
    fn play(&mut self, seconds: f64) -> bool {
        let (Some(window), Some(extent)) = (self.window, self.extent) else {
            self.playing = false;
            return false;
        };
        self.pending_days += seconds * self.speed.typical_days();
        let whole = self.pending_days.floor();
        if whole < 1.0 {
            return false;
        }
        self.pending_days -= whole;
        if window.end >= extent.end {
            if self.looping {
                self.jump(false);
            } else {
                self.playing = false;
            }
        } else {
            self.shift(whole as i32);
        }
        if self.follow
            && let Some(window) = self.window
        {
            self.strip = following(self.strip, window);
        }
        true
    }

    /// Space, arrows, Home and End, unless a text field has the keyboard.
    fn keys(&mut self, ui: &Ui) -> bool {
        if ui.memory(|memory| memory.focused().is_some()) {
            return false;
        }
        let (space, left, right, shift, home, end) = ui.input(|input| {
            (
                input.key_pressed(Key::Space),
                input.key_pressed(Key::ArrowLeft),
                input.key_pressed(Key::ArrowRight),
                input.modifiers.shift,
                input.key_pressed(Key::Home),
                input.key_pressed(Key::End),
            )
        });
        if space {
            self.toggle_playback();
        }
        // Shift steps by a whole window.
        let big = self.window.map_or(1, |window| window.days());
        let before = self.window;
        match (left, right, shift) {
            (true, _, false) => self.step(-1),
            (_, true, false) => self.step(1),
            (true, _, true) => self.shift(-big),
            (_, true, true) => self.shift(big),
            _ => {}
        }
        if home {
            self.jump(false);
        }
        if end {
            self.jump(true);
        }
        self.window != before
    }

    /// Whether playback is running.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// The panel: controls, the strip, the window in words, and while
    /// playing how many `frames_per_second` the map draws. Returns whether
    /// the window changed.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        scene: &Scene,
        view: &View,
        filter: Option<&SceneFilter>,
        frames_per_second: Option<f32>,
    ) -> bool {
        if self.extent.is_none() {
            ui.weak("No dated visits or events: open a dataset (File, Open dataset…, or drop a file here).");
            return false;
        }
        let before = self.window();
        self.keys(ui);
        if self.playing {
            let seconds = f64::from(ui.input(|input| input.stable_dt).min(0.1));
            self.play(seconds);
            ui.ctx().request_repaint();
        }
        self.controls_ui(ui, view, frames_per_second);
        self.strip_ui(ui, scene, filter);
        self.window() != before
    }

    fn controls_ui(&mut self, ui: &mut Ui, view: &View, frames_per_second: Option<f32>) {
        ui.horizontal(|ui| {
            if ui
                .button(if self.playing { "Pause" } else { "Play" })
                .on_hover_text("Space")
                .clicked()
            {
                self.toggle_playback();
            }
            if ui.button("<").on_hover_text("Step back (Left; Shift+Left: a whole window)").clicked() {
                self.step(-1);
            }
            if ui.button(">").on_hover_text("Step forward (Right; Shift+Right: a whole window)").clicked() {
                self.step(1);
            }
            egui::ComboBox::from_id_salt("speed")
                .selected_text(format!("1 {} / s", self.speed.name()))
                .show_ui(ui, |ui| {
                    for unit in [BinSize::Day, BinSize::Week, BinSize::Month, BinSize::Year] {
                        ui.selectable_value(&mut self.speed, unit, format!("1 {} per second", unit.name()));
                    }
                })
                .response
                .on_hover_text("Playback speed, and the step of the arrows");
            ui.checkbox(&mut self.looping, "Loop");
            ui.separator();
            ui.radio_value(&mut self.mode, Mode::Window, "Window")
                .on_hover_text("Show only what falls inside the window");
            ui.radio_value(&mut self.mode, Mode::Cumulative, "Cumulative")
                .on_hover_text("Show everything up to the window's end");
            ui.separator();
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.typed)
                    .desired_width(190.0)
                    .hint_text("2023-07-18/2023-07-27"),
            );
            let edit = edit.on_hover_text("Type a window: START/END (2023-07-18/2023-07-27), a month (2023-07) or a year; Enter applies");
            if edit.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter)) {
                self.apply_typed();
            }
            if let Some(error) = &self.typed_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            if ui.button("All").on_hover_text("The whole extent of the data").clicked()
                && let Some(extent) = self.extent
            {
                self.window = Some(extent);
                self.show_on_strip(extent);
                self.sync_typed();
            }
            if let Some(window) = self.window() {
                ui.strong(format!("{} – {}", window.start.describe(), window.end.describe()));
            }
            ui.label(format!(
                "{} visit{}, {} event{}",
                view.visit_count(),
                if view.visit_count() == 1 { "" } else { "s" },
                view.event_count(),
                if view.event_count() == 1 { "" } else { "s" },
            ));
            if let Some(rate) = frames_per_second.filter(|_| self.playing) {
                ui.weak(format!("· {rate:.0} frames a second"))
                    .on_hover_text(
                        "How fast playback draws. Below 20 a second, fewer of the quieter \
                         routes are drawn, so that it stays smooth",
                    );
            }
        });
    }

    fn apply_typed(&mut self) {
        match self.typed.trim().parse::<FuzzyDate>() {
            Ok(date) => {
                let window = TimeWindow::from(&date);
                self.window = Some(window);
                if let Some(extent) = self.extent {
                    self.show_on_strip(TimeWindow::new(
                        window.start.min(extent.start),
                        window.end.max(extent.end),
                    ));
                }
                self.sync_typed();
            }
            Err(err) => self.typed_error = Some(err.to_string()),
        }
    }

    fn strip_ui(&mut self, ui: &mut Ui, scene: &Scene, filter: Option<&SceneFilter>) {
        let width = ui.available_width();
        let (rect, response) =
            ui.allocate_exact_size(vec2(width, STRIP_HEIGHT), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Slider, true, "Timeline"));
        let scale = Scale::new(rect, self.strip);
        self.zoom_and_drag(ui, &response, &scale);
        let scale = Scale::new(rect, self.strip);
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
        let unit = BinSize::fitting(scale.days_per_point(), 4.0);
        let edges = unit.edges(
            Day(scale.days.0.floor() as i32),
            Day(scale.days.1.ceil() as i32),
        );
        let bins = scene.histogram(&edges);
        match filter {
            // What the query keeps, drawn over the whole in full colour,
            // so that the rest still shows where it lies.
            Some(filter) => {
                let tallest = tallest(&bins);
                histogram_ui(&painter, &bins, &scale, tallest, 0.2);
                histogram_ui(
                    &painter,
                    &scene.filtered_histogram(&edges, filter),
                    &scale,
                    tallest,
                    0.8,
                );
            }
            None => histogram_ui(&painter, &bins, &scale, tallest(&bins), 0.8),
        }
        if let Some(window) = self.window() {
            let start = scale.x(f64::from(window.start.0));
            let end = scale.x(f64::from(window.end.0 + 1));
            let shown = Rect::from_x_y_ranges(start..=end, rect.y_range());
            painter.rect_filled(
                shown,
                0.0,
                ui.visuals().selection.bg_fill.gamma_multiply(0.25),
            );
            let handle = Stroke::new(3.0, ui.visuals().selection.stroke.color);
            painter.line_segment(
                [pos2(start, rect.top()), pos2(start, rect.bottom())],
                handle,
            );
            painter.line_segment([pos2(end, rect.top()), pos2(end, rect.bottom())], handle);
            self.handles = Some((pos2(start, rect.center().y), pos2(end, rect.center().y)));
        }
        ticks_ui(&painter, &scale, ui.visuals().text_color());
    }

    fn zoom_and_drag(&mut self, ui: &Ui, response: &egui::Response, scale: &Scale) {
        if response.hovered() {
            let scroll =
                ui.input(|input| input.smooth_scroll_delta.y + input.smooth_scroll_delta.x);
            if scroll != 0.0
                && let Some(pointer) = response.hover_pos()
            {
                let factor = (-f64::from(scroll) * 0.004).exp();
                let anchor = scale.day(pointer.x);
                let (from, to) = self.strip;
                let new = (
                    (anchor - (anchor - from) * factor),
                    (anchor + (to - anchor) * factor),
                );
                // From a week to a few centuries.
                if new.1 - new.0 >= 7.0 && new.1 - new.0 <= 400.0 * 365.25 {
                    self.strip = new;
                    self.follow = false;
                }
            }
        }
        // What a drag holds is decided where the button went down, not
        // where the pointer is once the drag is recognised.
        if response.drag_started()
            && let Some(origin) = ui
                .input(|input| input.pointer.press_origin())
                .or_else(|| response.interact_pointer_pos())
        {
            self.drag = Some(self.grab_at(scale, origin));
        }
        if response.dragged()
            && let (Some(grab), Some(pointer)) = (self.drag, response.interact_pointer_pos())
        {
            self.drag_to(grab, scale, pointer, response.drag_delta().x);
        }
        if response.drag_stopped() {
            self.drag = None;
        }
        if response.clicked()
            && let Some(pointer) = response.interact_pointer_pos()
            && let Some(window) = self.window
        {
            // A click centres the window there.
            let day = scale.day(pointer.x).floor() as i32;
            self.shift(day - (window.start.0 + window.days() / 2));
        }
    }

    fn grab_at(&self, scale: &Scale, pointer: Pos2) -> Grab {
        let Some(window) = self.window() else {
            return Grab::Strip;
        };
        let start = scale.x(f64::from(window.start.0));
        let end = scale.x(f64::from(window.end.0 + 1));
        if (pointer.x - end).abs() <= HANDLE_REACH {
            Grab::End
        } else if (pointer.x - start).abs() <= HANDLE_REACH && self.mode == Mode::Window {
            Grab::Start
        } else if (start..=end).contains(&pointer.x) {
            Grab::Whole(scale.day(pointer.x) - f64::from(window.start.0))
        } else {
            Grab::Strip
        }
    }

    fn drag_to(&mut self, grab: Grab, scale: &Scale, pointer: Pos2, delta_x: f32) {
        let Some(window) = self.window else { return };
        let day = scale.day(pointer.x).round() as i32;
        match grab {
            Grab::Start => {
                self.window = Some(TimeWindow::new(Day(day.min(window.end.0)), window.end));
            }
            Grab::End => {
                self.window = Some(TimeWindow::new(
                    window.start,
                    Day((day - 1).max(window.start.0)),
                ));
            }
            Grab::Whole(offset) => {
                let start = (scale.day(pointer.x) - offset).round() as i32;
                self.shift(start - window.start.0);
            }
            Grab::Strip => {
                let days = f64::from(delta_x) * scale.days_per_point();
                self.strip = (self.strip.0 - days, self.strip.1 - days);
                self.follow = false;
            }
        }
        self.sync_typed();
    }
}

/// How many records start in the fullest bin (at least one).
fn tallest(bins: &[HistogramBin]) -> usize {
    bins.iter()
        .map(|bin| bin.visits + bin.events.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1)
}

/// Bars of how many records start in each bin, stacked: visits, then
/// events by kind; `tallest` records fill the strip, drawn at `opacity`.
fn histogram_ui(
    painter: &egui::Painter,
    bins: &[HistogramBin],
    scale: &Scale,
    tallest: usize,
    opacity: f32,
) {
    let bar_room = scale.rect.height() - 16.0;
    let per_item = bar_room / tallest as f32;
    for bin in bins {
        let left = scale.x(f64::from(bin.start.0));
        let right = scale.x(f64::from(bin.end.0)) - 1.0;
        let mut bottom = scale.rect.bottom() - 14.0;
        let layers = std::iter::once((bin.visits, palette::origin_color(Some(1)))).chain(
            bin.events
                .iter()
                .zip(EventKind::ALL)
                .map(|(&count, &kind)| (count, palette::event_style(kind).1)),
        );
        for (count, color) in layers {
            if count == 0 {
                continue;
            }
            let height = (count as f32 * per_item).max(1.0);
            let bar = Rect::from_min_max(
                pos2(left, bottom - height),
                pos2(right.max(left + 1.0), bottom),
            );
            painter.rect_filled(bar, 0.0, color.gamma_multiply(opacity));
            bottom -= height;
        }
    }
}

/// The strip's days moved (or widened) so that `window` is inside them:
/// unchanged while it is, else paged on so the window starts a tenth of
/// the way in, as a video editor's timeline follows its playhead.
fn following(strip: (f64, f64), window: TimeWindow) -> (f64, f64) {
    let (start, end) = (f64::from(window.start.0), f64::from(window.end.0) + 1.0);
    if start >= strip.0 && end <= strip.1 {
        return strip;
    }
    let width = strip.1 - strip.0;
    if end - start > width * 0.8 {
        // Wider than the strip shows: show all of it, with a margin.
        let margin = (end - start) * 0.1;
        return (start - margin, end + margin);
    }
    let from = start - width * 0.1;
    (from, from + width)
}

/// Between days and points on the strip.
struct Scale {
    rect: Rect,
    days: (f64, f64),
}

impl Scale {
    fn new(rect: Rect, days: (f64, f64)) -> Self {
        Self { rect, days }
    }

    fn days_per_point(&self) -> f64 {
        (self.days.1 - self.days.0) / f64::from(self.rect.width().max(1.0))
    }

    fn x(&self, day: f64) -> f32 {
        self.rect.left() + ((day - self.days.0) / self.days_per_point()) as f32
    }

    fn day(&self, x: f32) -> f64 {
        self.days.0 + f64::from(x - self.rect.left()) * self.days_per_point()
    }
}

/// Labels along the bottom of the strip, at a unit that leaves them room.
fn ticks_ui(painter: &egui::Painter, scale: &Scale, color: Color32) {
    let unit = BinSize::fitting(scale.days_per_point(), 70.0);
    let first = Day(scale.days.0.floor() as i32);
    let last = Day(scale.days.1.ceil() as i32);
    for edge in unit.edges(first, last) {
        let x = scale.x(f64::from(edge.0));
        if x < scale.rect.left() || x > scale.rect.right() - 30.0 {
            continue;
        }
        let (year, month, day) = edge.ymd();
        let label = match unit {
            BinSize::Day | BinSize::Week => format!("{day} {}", month_abbreviation(month)),
            BinSize::Month => format!("{} {year}", month_abbreviation(month)),
            BinSize::Year | BinSize::Decade => year.to_string(),
        };
        painter.line_segment(
            [
                pos2(x, scale.rect.bottom() - 12.0),
                pos2(x, scale.rect.bottom()),
            ],
            Stroke::new(1.0, color.gamma_multiply(0.5)),
        );
        painter.text(
            pos2(x + 2.0, scale.rect.bottom() - 1.0),
            Align2::LEFT_BOTTOM,
            label,
            FontId::proportional(10.0),
            color.gamma_multiply(0.8),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(start: i32, end: i32) -> TimeWindow {
        TimeWindow::new(Day(start), Day(end))
    }

    #[test]
    fn the_strip_follows_a_playing_window_off_its_edge() {
        let strip = (1000.0, 1100.0);
        // Inside: the strip stays.
        assert_eq!(following(strip, window(1050, 1059)), strip);
        // Past the right edge: paged on, the window a tenth of the way in.
        assert_eq!(following(strip, window(1095, 1104)), (1085.0, 1185.0));
        // Wider than the strip: all of it shows.
        let (from, to) = following(strip, window(900, 1299));
        assert!(from < 900.0 && to > 1300.0);
    }

    #[test]
    fn playback_keeps_the_window_on_the_strip_until_the_user_pans_it() {
        let mut timeline = Timeline::default();
        timeline.set_extent(Some(window(0, 20_000)));
        timeline.apply(None, Some(WindowSpec::Range(window(100, 106))));
        // The user zooms the strip to another decade, then presses Play.
        timeline.strip = (15_000.0, 18_650.0);
        timeline.toggle_playback();
        timeline.play(1.0);
        let shown = timeline.window().unwrap();
        assert!(
            timeline.strip.0 <= f64::from(shown.start.0)
                && f64::from(shown.end.0) < timeline.strip.1,
            "{:?} off {:?}",
            shown,
            timeline.strip
        );
        // Panned while playing, the strip stays where the user put it.
        timeline.follow = false;
        timeline.strip = (15_000.0, 18_650.0);
        timeline.play(1.0);
        assert_eq!(timeline.strip, (15_000.0, 18_650.0));
    }
}
