//! The search box above the map: the query language of `legation query`,
//! completions from the open data as it is typed (Tab or a click takes
//! one, Up and Down choose), its error pointed at the wrong word, and a
//! chip per term (click to remove it).

use egui::text::{CCursor, CCursorRange};
use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};

use crate::gazetteer::Gazetteer;
use crate::query::{Compiled, Completion, Field, Query, QueryError, Vocabulary};

/// How many completions the list shows.
const COMPLETIONS: usize = 8;

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
    /// The text box, once drawn: whether it has the focus decides whether
    /// completions are wanted.
    box_id: Option<egui::Id>,
    /// The completion Tab takes, by position in the list.
    highlighted: usize,
    /// The completions of the text they were worked out for: again only
    /// when the text or the data changes, not every frame.
    completions: Option<(String, Vec<Completion>)>,
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

    /// Whether the box has the focus, so that completions are wanted.
    pub fn is_focused(&self, ctx: &egui::Context) -> bool {
        self.box_id
            .is_some_and(|id| ctx.memory(|memory| memory.has_focus(id)))
    }

    /// The box and its chips, completing from `vocabulary` while it has
    /// the focus; `true` when the query in force changed.
    pub fn ui(&mut self, ui: &mut Ui, vocabulary: Option<&Vocabulary>) -> bool {
        let mut changed = false;
        let completions = match vocabulary {
            Some(vocabulary) if self.is_focused(ui.ctx()) => self.completions_of(vocabulary),
            _ => Vec::new(),
        };
        let mut chosen = self.completion_keys(ui, &completions);
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .id_salt("search box")
                        .hint_text(
                            r#"to:KP person:Shoigu kind:parade -from:US "victory day"   (Ctrl+F)"#,
                        )
                        // Tab takes a completion instead of leaving the box.
                        .lock_focus(true)
                        .desired_width(ui.available_width().min(560.0)),
                )
                .labelled_by(label.id);
            self.box_id = Some(response.id);
            if !completions.is_empty() {
                chosen = chosen.or(self.completions_ui(ui, &response, &completions));
            }
            if let Some(completion) = chosen {
                self.text = completion.apply(&self.text);
                self.highlighted = 0;
                let end = CCursor::new(self.text.chars().count());
                let mut state =
                    egui::TextEdit::load_state(ui.ctx(), response.id).unwrap_or_default();
                state.cursor.set_char_range(Some(CCursorRange::one(end)));
                state.store(ui.ctx(), response.id);
                response.request_focus();
                changed |= self.apply();
            }
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

    /// The completions of the text as typed, from `vocabulary`.
    fn completions_of(&mut self, vocabulary: &Vocabulary) -> Vec<Completion> {
        match &self.completions {
            Some((text, completions)) if *text == self.text => completions.clone(),
            _ => {
                let completions =
                    vocabulary.complete(&self.text, Gazetteer::bundled(), COMPLETIONS);
                self.completions = Some((self.text.clone(), completions.clone()));
                completions
            }
        }
    }

    /// Forgets the completions worked out: the data they came from changed.
    pub fn forget_completions(&mut self) {
        self.completions = None;
    }

    /// Up and Down move through `completions`; Tab takes the highlighted
    /// one.
    fn completion_keys(&mut self, ui: &Ui, completions: &[Completion]) -> Option<Completion> {
        if completions.is_empty() {
            self.highlighted = 0;
            return None;
        }
        let (tab, up, down) = ui.input_mut(|input| {
            (
                input.consume_key(Modifiers::NONE, Key::Tab),
                input.consume_key(Modifiers::NONE, Key::ArrowUp),
                input.consume_key(Modifiers::NONE, Key::ArrowDown),
            )
        });
        let last = completions.len() - 1;
        self.highlighted = self.highlighted.min(last);
        if up {
            self.highlighted = self.highlighted.checked_sub(1).unwrap_or(last);
        }
        if down {
            self.highlighted = if self.highlighted == last {
                0
            } else {
                self.highlighted + 1
            };
        }
        tab.then(|| completions[self.highlighted].clone())
    }

    /// The list of completions under the box; the one clicked.
    fn completions_ui(
        &self,
        ui: &Ui,
        text_box: &egui::Response,
        completions: &[Completion],
    ) -> Option<Completion> {
        let mut chosen = None;
        egui::Area::new(text_box.id.with("completions"))
            .order(egui::Order::Foreground)
            .fixed_pos(text_box.rect.left_bottom())
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(text_box.rect.width().min(320.0));
                    for (index, completion) in completions.iter().enumerate() {
                        if ui
                            .selectable_label(index == self.highlighted, &completion.label)
                            .clicked()
                        {
                            chosen = Some(completion.clone());
                        }
                    }
                    ui.weak("Tab takes the highlighted one");
                });
            });
        chosen
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
