//! Records in words, the same in tooltips and panels; names and titles come
//! from the data, so they pass through [`visible_line`] (one line, no
//! bidirectional or control characters acting).

use std::borrow::Cow;

use crate::gazetteer::Gazetteer;
use crate::model::{Event, PlaceRef, Visit};
use crate::scene::ItemRef;
use crate::untrusted::visible_line;
use crate::workspace::Workspace;

/// The visit `item` refers to.
pub fn visit(workspace: &Workspace, item: ItemRef) -> Option<Cow<'_, Visit>> {
    workspace.files.get(item.dataset)?.visit(item.index)
}

/// The event `item` refers to.
pub fn event(workspace: &Workspace, item: ItemRef) -> Option<Cow<'_, Event>> {
    workspace.files.get(item.dataset)?.event(item.index)
}

/// Why `item` cannot be shown, when its file changed on disk since it was
/// opened (see [`crate::model::KeptFile`]).
pub fn unreadable(workspace: &Workspace, item: ItemRef) -> Option<String> {
    workspace.files.get(item.dataset)?.records.unreadable()
}

/// Who travelled: "Sergei Shoigu, Defence Minister", or the delegation.
pub fn who(visit: &Visit) -> String {
    let who = visit.leader.as_ref().map_or_else(
        || {
            visit
                .delegation
                .clone()
                .unwrap_or_else(|| "A delegation".to_owned())
        },
        |leader| match &leader.title {
            Some(title) => format!("{}, {title}", leader.name),
            None => leader.name.clone(),
        },
    );
    visible_line(&who).into_owned()
}

/// What happened: "Parade: Large-scale military parade", or the kind alone.
pub fn what(event: &Event) -> String {
    match &event.title {
        Some(title) => format!("{}: {}", event.kind.label(), visible_line(title)),
        None => event.kind.label().to_owned(),
    }
}

/// A place in words: "Pyongyang, North Korea", or "North Korea (country
/// only)".
pub fn place(place: &PlaceRef) -> String {
    let country = place
        .country
        .and_then(|code| Gazetteer::bundled().country(code))
        .map(|country| country.name);
    match (&place.place, country) {
        (Some(name), Some(country)) => format!("{}, {country}", visible_line(name)),
        (Some(name), None) => visible_line(name).into_owned(),
        (None, Some(country)) => format!("{country} (country only)"),
        (None, None) => "somewhere".to_owned(),
    }
}

/// A distance for people: `6,420 km`, `850 km`.
pub fn kilometres(km: f64) -> String {
    let whole = km.round() as u64;
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{grouped} km")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_in_whole_kilometres_with_thousands_separated() {
        assert_eq!(kilometres(6_419.6), "6,420 km");
        assert_eq!(kilometres(850.2), "850 km");
        assert_eq!(kilometres(19_994.0), "19,994 km");
        assert_eq!(kilometres(1_234_567.0), "1,234,567 km");
    }
}
