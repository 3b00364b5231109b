//! Legation: diplomatic visits and events, from text and records to a map.
//!
//! The layers, each using only those above it: [`model`] (the data and its
//! format), [`gazetteer`] (offline place lookup), [`extract`] and [`import`]
//! (text and records into datasets), [`query`] (the search language,
//! as bitsets over the rows), [`edit`] (a person's corrections,
//! with undo and provenance), [`scene`] (what to draw for a time
//! window, and each frame's shapes), [`workspace`] (the files open at
//! once), and `ui` (the desktop app, the only layer that knows egui, behind
//! the default `gui` feature); beside them [`save`] (files written whole or
//! not at all), [`untrusted`] (text from the data, safe to show),
//! [`hash_index`] (values by hash, for names and ids) and [`synth`]
//! (synthetic data for measuring at scale).

pub mod edit;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod hash_index;
pub mod import;
pub mod model;
pub mod progress;
pub mod query;
pub mod read;
pub mod save;
pub mod scene;
pub mod synth;
pub mod threads;
#[cfg(feature = "gui")]
pub mod ui;
pub mod untrusted;
pub mod workspace;
