//! Between the globe and the screen: walkers' projector, as the scene's
//! [`Camera`] (which does the arithmetic, egui-free, for every shape).

use walkers::Projector;

use crate::scene::{Camera, GeoPoint};

/// The camera that sees what `projector` shows.
pub fn camera(projector: &Projector<'_>) -> Camera {
    let rect = projector.clip_rect();
    let center = projector.unproject(rect.center().to_vec2());
    Camera::new(
        GeoPoint::new(center.y(), center.x()),
        projector.zoom(),
        [rect.min.x, rect.min.y, rect.max.x, rect.max.y],
    )
}

#[cfg(test)]
mod tests {
    use egui::{Pos2, Rect, vec2};
    use walkers::{MapMemory, MercatorProjection, lat_lon};

    use super::*;

    #[test]
    fn the_camera_agrees_with_walkers_projector() {
        let places = [
            GeoPoint::new(39.03, 125.75),
            GeoPoint::new(55.75, 37.62),
            GeoPoint::new(-33.87, 151.21),
            GeoPoint::new(21.31, -157.86),
            GeoPoint::new(0.0, 0.0),
        ];
        let rect = Rect::from_min_size(Pos2::new(40.0, 60.0), vec2(1200.0, 700.0));
        for (center, zoom) in [
            (lat_lon(20.0, 60.0), 2.3),
            (lat_lon(35.0, 120.0), 4.5),
            (lat_lon(39.0, 125.7), 9.0),
        ] {
            let mut memory = MapMemory::default();
            memory.set_zoom(zoom).unwrap();
            memory.center_at(center);
            let projector = Projector::new(rect, &MercatorProjection, &memory, center);
            let camera = camera(&projector);
            for place in places {
                let theirs = projector.project(lat_lon(place.lat, place.lon));
                let ours = camera.project(place);
                assert!(
                    (theirs.x - ours[0]).abs() < 0.05 && (theirs.y - ours[1]).abs() < 0.05,
                    "zoom {zoom}, {place:?}: walkers {theirs:?}, ours {ours:?}"
                );
            }
        }
    }
}
