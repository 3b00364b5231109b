//! Between the globe and the screen: the one place the app converts, through
//! walkers' projector.

use egui::Pos2;
use walkers::{Projector, lat_lon};

use crate::scene::GeoPoint;

/// Where `point` is on screen.
pub fn to_screen(projector: &Projector<'_>, point: GeoPoint) -> Pos2 {
    projector.project(lat_lon(point.lat, point.lon)).to_pos2()
}
