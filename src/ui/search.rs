//! The search box above the map: the query language of `legation query`,
//! its error pointed at the wrong word, and a chip per term (click to
//! remove it).

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::gazetteer::Gazetteer;
use crate::query::{Compiled, Field, Query, QueryError};

/// Ctrl+F focuses the box, as `/` does when nothing else has the focus.
const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// What the search box holds.
#[derive(Debug, Default)]
pub struct SearchBar {
    /// The query as typed.
    pub text: String,
    /// The query as last applied.
    applied: String,
    /// The terms of the query as last applied (for the chips).
    query: Query,
    compiled: Option<Compiled>,
    error: Option<QueryError>,
}

impl SearchBar {
    /// The query in force, if one is (none: everything shows).
    pub fn compiled(&self) -> Option<&Compiled> {
        self.compiled
            .as_ref()
            .filter(|compiled| !compiled.is_empty())
    }

    /// The query in force, as it was typed.
    pub fn applied(&self) -> Option<&str> {
        self.compiled().map(|_| self.applied.as_str())
    }

    /// Why the typed query cannot apply, if it cannot.
    pub fn error(&self) -> Option<&QueryError> {
        self.error.as_ref()
    }

    /// Sets the query (from the command line, the session, the legend);
    /// `true` if what applies changed.
    pub fn set(&mut self, text: &str) -> bool {
        text.clone_into(&mut self.text);
        self.apply()
    }

    /// Compiles the typed query; `true` if what applies changed. A wrong
    /// query keeps the last one in force, and says why.
    fn apply(&mut self) -> bool {
        if self.text == self.applied && self.error.is_none() {
            return false;
        }
        match Query::parse(&self.text).and_then(|query| {
            let compiled = query.compile(Gazetteer::bundled())?;
            Ok((query, compiled))
        }) {
            Ok((query, compiled)) => {
                self.error = None;
                self.applied.clone_from(&self.text);
                self.query = query;
                self.compiled = Some(compiled);
                true
            }
            Err(error) => {
                self.error = Some(error);
                false
            }
        }
    }

    /// The box and its chips; `true` when the query in force changed.
    pub fn ui(&mut self, ui: &mut Ui) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .id_salt("search box")
                        .hint_text(
                            r#"to:KP person:Shoigu kind:parade -from:US "victory day"   (Ctrl+F)"#,
                        )
                        .desired_width(ui.available_width().min(560.0)),
                )
                .labelled_by(label.id);
            let nothing_focused = ui.memory(|memory| memory.focused().is_none());
            let slash = nothing_focused && ui.input(|input| input.key_pressed(Key::Slash));
            if ui.input_mut(|input| input.consume_shortcut(&FIND)) || slash {
                response.request_focus();
            }
            if response.changed() {
                changed |= self.apply();
            }
            if !self.text.is_empty() && ui.small_button("Clear").clicked() {
                changed |= self.set("");
            }
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, &error.message)
                    .on_hover_text(error.pointed(&self.text));
            }
        });
        if !self.query.terms.is_empty() {
            changed |= self.chips_ui(ui);
        }
        changed
    }

    /// A chip per term of the query in force; a click takes it out.
    fn chips_ui(&mut self, ui: &mut Ui) -> bool {
        let mut removed = None;
        ui.horizontal_wrapped(|ui| {
            for (index, term) in self.query.terms.iter().enumerate() {
                let values = term.values.join(", ");
                let label = match term.field {
                    Field::Text => format!("“{values}”"),
                    field => format!("{}: {values}", field.name()),
                };
                let label = if term.negated {
                    format!("not {label}")
                } else {
                    label
                };
                if ui
                    .small_button(RichText::new(format!("{label}  ×")))
                    .on_hover_text("Remove this term")
                    .clicked()
                {
                    removed = Some(index);
                }
            }
        });
        let Some(index) = removed else {
            return false;
        };
        let at = self.query.terms[index].at.clone();
        let mut text = self.applied.clone();
        text.replace_range(at, "");
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        self.set(&text)
    }

    /// Makes `field:value` the only value of its field (`add`: adds it to
    /// the field's values, or takes it out if there), as a legend click
    /// does; `true` when the query in force changed.
    pub fn toggle(&mut self, field: Field, value: &str, add: bool) -> bool {
        let mut values: Vec<String> = self
            .query
            .terms
            .iter()
            .filter(|term| term.field == field && !term.negated)
            .flat_map(|term| term.values.clone())
            .collect();
        if add {
            if let Some(at) = values
                .iter()
                .position(|known| known.eq_ignore_ascii_case(value))
            {
                values.remove(at);
            } else {
                values.push(value.to_owned());
            }
        } else {
            values = vec![value.to_owned()];
        }
        let mut kept: Vec<String> = self
            .query
            .terms
            .iter()
            .filter(|term| term.field != field || term.negated)
            .map(|term| self.applied[term.at.clone()].to_owned())
            .collect();
        if !values.is_empty() {
            kept.push(format!("{}:{}", field.name(), values.join(",")));
        }
        self.set(&kept.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_query_keeps_the_last_one_and_says_why() {
        let mut bar = SearchBar::default();
        assert!(bar.set("to:KP"));
        assert!(bar.compiled().is_some());
        assert!(!bar.set("form:RU"), "nothing new applies");
        assert!(
            bar.error()
                .is_some_and(|error| error.message.contains("did you mean `from`"))
        );
        assert!(bar.compiled().is_some(), "to:KP still applies");
        assert!(bar.set(""));
        assert!(bar.compiled().is_none(), "an empty query shows everything");
    }

    #[test]
    fn legend_clicks_set_or_toggle_a_fields_values() {
        let mut bar = SearchBar::default();
        bar.set("person:Shoigu kind:parade");
        bar.toggle(Field::Kind, "missile_launch", true);
        assert_eq!(bar.text, "person:Shoigu kind:parade,missile_launch");
        bar.toggle(Field::Kind, "parade", true);
        assert_eq!(bar.text, "person:Shoigu kind:missile_launch");
        bar.toggle(Field::From, "RU", false);
        assert_eq!(bar.text, "person:Shoigu kind:missile_launch from:RU");
        bar.toggle(Field::From, "RU", true);
        assert_eq!(bar.text, "person:Shoigu kind:missile_launch");
    }
}
