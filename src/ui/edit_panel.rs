//! The edit panel: every field of a visit or event, each problem marked at
//! its field in the loader's own words, places completed from the
//! gazetteer as they are typed; Apply only when the whole record is sound.

use egui::{RichText, Ui};

use crate::edit::Record;
use crate::edit::Target;
use crate::edit::form::{FormKind, PlaceFields, RecordForm};
use crate::gazetteer::Gazetteer;
use crate::model::{CountryCode, EventKind, FuzzyDate, Precision, Problem};

/// How many completions a place box offers.
const COMPLETIONS: usize = 6;

/// A record being edited, or a new one being made.
#[derive(Clone, Debug)]
pub struct EditPanel {
    /// The file it is in (or goes to).
    pub file: usize,
    /// The record edited; `None` for a new one.
    pub target: Option<Target>,
    form: RecordForm,
    /// What the form gives now, worked out when a field changes.
    checked: Result<Record, Vec<Problem>>,
}

/// What the person did with the panel.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "made once, when the person applies or cancels"
)]
pub enum EditOutcome {
    /// Apply this record.
    Apply(Record),
    /// Close the panel without changing anything.
    Cancel,
}

impl EditPanel {
    /// A panel editing `record` of file `file` (`target`: `None` for a new
    /// record).
    pub fn new(file: usize, target: Option<Target>, record: &Record) -> Self {
        let form = RecordForm::of(record);
        let checked = form.to_record();
        Self {
            file,
            target,
            form,
            checked,
        }
    }

    /// Shows the form; what the person decided, once they did.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<EditOutcome> {
        let heading = match (&self.form.kind, self.target) {
            (FormKind::Visit, Some(_)) => "Edit visit",
            (FormKind::Visit, None) => "New visit",
            (FormKind::Event, Some(_)) => "Edit event",
            (FormKind::Event, None) => "New event",
        };
        ui.heading(heading);
        let before = self.form.clone();
        let problems = self.checked.as_ref().err().cloned().unwrap_or_default();
        egui::ScrollArea::vertical()
            .id_salt("edit form")
            .max_height(ui.available_height() - 40.0)
            .show(ui, |ui| match self.form.kind {
                FormKind::Visit => visit_fields(ui, &mut self.form, &problems),
                FormKind::Event => event_fields(ui, &mut self.form, &problems),
            });
        if self.form != before {
            self.checked = self.form.to_record();
        }
        let mut outcome = None;
        ui.separator();
        ui.horizontal(|ui| {
            let apply = ui
                .add_enabled(self.checked.is_ok(), egui::Button::new("Apply"))
                .on_hover_text("Ctrl+Enter")
                .on_disabled_hover_text("Fix the fields marked in red first");
            let ctrl_enter =
                ui.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, egui::Key::Enter));
            if (apply.clicked() || ctrl_enter)
                && let Ok(record) = &self.checked
            {
                outcome = Some(EditOutcome::Apply(record.clone()));
            }
            if ui.button("Cancel").clicked() {
                outcome = Some(EditOutcome::Cancel);
            }
            if let Err(problems) = &self.checked {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} to fix", plural(problems.len(), "problem")),
                );
            }
        });
        outcome
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

fn visit_fields(ui: &mut Ui, form: &mut RecordForm, problems: &[Problem]) {
    section(ui, "Leader");
    text_field(
        ui,
        "Name",
        &mut form.leader_name,
        "Sergei Shoigu",
        problems,
        "leader.name",
    );
    text_field(
        ui,
        "Title",
        &mut form.leader_title,
        "Defence Minister",
        problems,
        "leader.title",
    );
    country_field(
        ui,
        "Serves",
        &mut form.leader_country,
        problems,
        "leader.country",
    );
    text_field(
        ui,
        "Delegation",
        &mut form.delegation,
        "Russian delegation",
        problems,
        "delegation",
    );
    section(ui, "From (leave empty when unknown)");
    place_fields(ui, "from", &mut form.from, problems);
    section(ui, "To");
    place_fields(ui, "to", &mut form.to, problems);
    section(ui, "When and why");
    date_field(ui, &mut form.date, problems);
    text_field(
        ui,
        "Purpose",
        &mut form.purpose,
        "70th anniversary of the armistice",
        problems,
        "purpose",
    );
}

fn event_fields(ui: &mut Ui, form: &mut RecordForm, problems: &[Problem]) {
    section(ui, "What");
    ui.horizontal(|ui| {
        ui.label("Kind");
        egui::ComboBox::from_id_salt("event kind")
            .selected_text(form.event_kind.label())
            .show_ui(ui, |ui| {
                for &kind in EventKind::ALL {
                    ui.selectable_value(&mut form.event_kind, kind, kind.label());
                }
            });
    });
    text_field(
        ui,
        "Title",
        &mut form.title,
        "Victory Day parade",
        problems,
        "title",
    );
    text_field(
        ui,
        "Actors",
        &mut form.actors,
        "KP, RU, CN",
        problems,
        "actors",
    );
    section(ui, "Where");
    place_fields(ui, "place", &mut form.place, problems);
    section(ui, "When");
    date_field(ui, &mut form.date, problems);
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong());
}

/// A labelled text box, with the problems at `path` (or under it) beneath.
fn text_field(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    hint: &str,
    problems: &[Problem],
    path: &str,
) -> egui::Response {
    let response = ui
        .horizontal(|ui| {
            let label = ui.label(label);
            ui.add(
                egui::TextEdit::singleline(text)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
        })
        .inner;
    problems_at(ui, problems, path);
    response
}

/// The problems at `path` or under it (`actors` takes `actors[1]`).
fn problems_at(ui: &mut Ui, problems: &[Problem], path: &str) {
    for problem in problems {
        let rest = problem.path.strip_prefix(path);
        if rest.is_some_and(|rest| rest.is_empty() || rest.starts_with('[')) {
            ui.colored_label(ui.visuals().error_fg_color, &problem.message);
        }
    }
}

fn date_field(ui: &mut Ui, date: &mut String, problems: &[Problem]) {
    text_field(
        ui,
        "Date",
        date,
        "2023-07-25, 2023-07, 2023 or 2023-07-18/2023-07-25",
        problems,
        "date",
    );
    if let Ok(parsed) = date.trim().parse::<FuzzyDate>() {
        ui.weak(format!(
            "{} ({})",
            parsed.describe(),
            precision_word(&parsed)
        ));
    }
}

fn precision_word(date: &FuzzyDate) -> &'static str {
    if date.to_string().contains('/') {
        return "an interval";
    }
    match date.precision() {
        Precision::Day => "a day",
        Precision::Month => "a month",
        Precision::Year => "a year",
    }
}

/// A country code box, with the country's name beside it.
fn country_field(ui: &mut Ui, label: &str, code: &mut String, problems: &[Problem], path: &str) {
    ui.horizontal(|ui| {
        let label = ui.label(label);
        ui.add(
            egui::TextEdit::singleline(code)
                .hint_text("KP")
                .desired_width(36.0)
                .char_limit(2),
        )
        .labelled_by(label.id);
        let country = CountryCode::parse(&code.trim().to_uppercase())
            .and_then(|code| Gazetteer::bundled().country(code));
        if let Some(country) = country {
            ui.weak(country.name);
        } else if code.trim().is_empty() {
            ui.weak("ISO code: KP, RU, US");
        }
    });
    problems_at(ui, problems, path);
}

/// A place: its name with completions, its country, and coordinates for
/// a name the gazetteer does not know.
fn place_fields(ui: &mut Ui, path: &str, place: &mut PlaceFields, problems: &[Problem]) {
    let name = text_field(
        ui,
        "Place",
        &mut place.place,
        "Pyongyang",
        problems,
        &format!("{path}.place"),
    );
    // Pressing a completion takes the focus from the box: the list stays
    // until the press ends, so that the click lands.
    let shown_id = name.id.with("completions shown");
    let was_shown = ui.data(|data| data.get_temp::<bool>(shown_id).unwrap_or(false));
    let pressing = ui.input(|input| input.pointer.any_down() || input.pointer.any_released());
    let show = name.has_focus() || (was_shown && pressing);
    ui.data_mut(|data| data.insert_temp(shown_id, show));
    if show {
        completions_ui(ui, path, place);
    }
    country_field(
        ui,
        "Country",
        &mut place.country,
        problems,
        &format!("{path}.country"),
    );
    ui.horizontal(|ui| {
        for (name, value) in [("Lat", &mut place.lat), ("Lon", &mut place.lon)] {
            let label = ui.label(name);
            ui.add(
                egui::TextEdit::singleline(value)
                    .hint_text("—")
                    .desired_width(70.0),
            )
            .labelled_by(label.id);
        }
        ui.weak("only for places the gazetteer lacks");
    });
    problems_at(ui, problems, &format!("{path}.lat"));
    problems_at(ui, problems, &format!("{path}.lon"));
    problems_at(ui, problems, path);
}

/// The gazetteer's cities that start with what was typed: a click takes
/// one, its country with it.
fn completions_ui(ui: &mut Ui, path: &str, place: &mut PlaceFields) {
    let gazetteer = Gazetteer::bundled();
    let typed = place.place.trim();
    if typed.chars().count() < 2 {
        return;
    }
    let country = CountryCode::parse(&place.country.trim().to_uppercase());
    let mut found = gazetteer.complete(typed, country, COMPLETIONS);
    if found.is_empty() && country.is_some() {
        found = gazetteer.complete(typed, None, COMPLETIONS);
    }
    // Once a completion is taken the box holds its name: nothing to offer.
    if found
        .first()
        .is_some_and(|city| city.name == typed && Some(city.country) == country)
    {
        return;
    }
    ui.push_id(("completions", path), |ui| {
        ui.indent("completions", |ui| {
            for city in found {
                let country_name = gazetteer
                    .country(city.country)
                    .map_or("", |country| country.name);
                let label = format!(
                    "{}, {country_name} · {}",
                    city.name,
                    population(city.population)
                );
                if ui.small_button(label).clicked() {
                    city.name.clone_into(&mut place.place);
                    place.country = city.country.to_string();
                    place.lat.clear();
                    place.lon.clear();
                }
            }
        });
    });
}

fn population(people: u64) -> String {
    match people {
        0 => "population unknown".to_owned(),
        1..1_000 => format!("{people} people"),
        1_000..1_000_000 => format!("{:.0}k people", people as f64 / 1e3),
        _ => format!("{:.1}M people", people as f64 / 1e6),
    }
}
