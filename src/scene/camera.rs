//! Where the map looks: the one conversion from the globe to the screen,
//! used by every frame and checked against walkers' projector by the ui.

use super::{GeoPoint, mercator};

/// Where the map looks: the one conversion from the globe to the screen.
///
/// Web Mercator, zoom 0 showing the world in 256 pixels, as walkers'
/// projector (the ui checks that the two agree).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    /// The map's centre on the Web Mercator square (see [`mercator`]).
    pub(super) center: [f64; 2],
    /// The zoom level.
    pub(super) zoom: f64,
    /// Pixels per unit of the Web Mercator square: `256 * 2^zoom`.
    pub(super) scale: f64,
    /// The map's area on screen: `[min x, min y, max x, max y]`.
    pub(super) rect: [f32; 4],
}

impl Camera {
    /// A camera centred on `center` at `zoom`, for a map filling `rect`
    /// (`[min x, min y, max x, max y]` in pixels).
    pub fn new(center: GeoPoint, zoom: f64, rect: [f32; 4]) -> Self {
        Self {
            center: mercator(center),
            zoom,
            scale: 256.0 * 2f64.powf(zoom),
            rect,
        }
    }

    /// The zoom level.
    pub fn zoom(&self) -> f64 {
        self.zoom
    }

    /// The map's area on screen.
    pub fn rect(&self) -> [f32; 4] {
        self.rect
    }

    /// Where `point` is on screen.
    pub fn project(&self, point: GeoPoint) -> [f32; 2] {
        self.project_mercator(mercator(point))
    }

    /// Where a point of the Web Mercator square is on screen.
    pub(super) fn project_mercator(&self, xy: [f64; 2]) -> [f32; 2] {
        let middle_x = f64::from(self.rect[0].midpoint(self.rect[2]));
        let middle_y = f64::from(self.rect[1].midpoint(self.rect[3]));
        [
            (middle_x + (xy[0] - self.center[0]) * self.scale) as f32,
            (middle_y + (xy[1] - self.center[1]) * self.scale) as f32,
        ]
    }

    /// The part of the Web Mercator square on screen, `margin` pixels
    /// wider on each side, as `[west, north, east, south]`.
    pub(super) fn visible(&self, margin: f32) -> [f64; 4] {
        let half_width = f64::from((self.rect[2] - self.rect[0]) / 2.0 + margin) / self.scale;
        let half_height = f64::from((self.rect[3] - self.rect[1]) / 2.0 + margin) / self.scale;
        [
            self.center[0] - half_width,
            self.center[1] - half_height,
            self.center[0] + half_width,
            self.center[1] + half_height,
        ]
    }
}
