//! Records in words, the same in tooltips and panels.

use std::borrow::Cow;

use crate::gazetteer::Gazetteer;
use crate::model::{Event, PlaceRef, Visit};
use crate::scene::ItemRef;
use crate::workspace::Workspace;

/// The visit `item` refers to.
pub fn visit(workspace: &Workspace, item: ItemRef) -> Option<Cow<'_, Visit>> {
    workspace.files.get(item.dataset)?.records.visit(item.index)
}

/// The event `item` refers to.
pub fn event(workspace: &Workspace, item: ItemRef) -> Option<Cow<'_, Event>> {
    workspace.files.get(item.dataset)?.records.event(item.index)
}

/// Who travelled: "Sergei Shoigu, Defence Minister", or the delegation.
pub fn who(visit: &Visit) -> String {
    visit.leader.as_ref().map_or_else(
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
    )
}

/// What happened: "Parade: Large-scale military parade", or the kind alone.
pub fn what(event: &Event) -> String {
    match &event.title {
        Some(title) => format!("{}: {title}", event.kind.label()),
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
        (Some(name), Some(country)) => format!("{name}, {country}"),
        (Some(name), None) => name.clone(),
        (None, Some(country)) => format!("{country} (country only)"),
        (None, None) => "somewhere".to_owned(),
    }
}
