//! The `view` a dataset may name: the part of the world an app opens it
//! on, as `window` names its days.

use serde::Serialize;

/// A box on the globe: `[west, south, east, north]` in degrees, as GeoJSON
/// writes a bounding box. `west` greater than `east` crosses the
/// antimeridian (`[170, -20, -170, 10]` is Fiji and Samoa).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(into = "[f64; 4]")]
pub struct ViewBox {
    /// The western edge's longitude.
    pub west: f64,
    /// The southern edge's latitude.
    pub south: f64,
    /// The eastern edge's longitude.
    pub east: f64,
    /// The northern edge's latitude.
    pub north: f64,
}

impl ViewBox {
    /// The box `[west, south, east, north]`, or what is wrong with it.
    ///
    /// # Errors
    /// A longitude outside -180..180, a latitude outside -90..90, or a
    /// south edge not below the north one.
    pub fn new([west, south, east, north]: [f64; 4]) -> Result<Self, String> {
        for (name, degrees, limit) in [
            ("west", west, 180.0),
            ("south", south, 90.0),
            ("east", east, 180.0),
            ("north", north, 90.0),
        ] {
            if !degrees.is_finite() || degrees.abs() > limit {
                return Err(format!(
                    "{name} edge {degrees} is outside -{limit}..{limit}; write [west, south, east, north] in degrees"
                ));
            }
        }
        if south >= north {
            return Err(format!(
                "the south edge ({south}) is not below the north edge ({north}); write [west, south, east, north]"
            ));
        }
        Ok(Self {
            west,
            south,
            east,
            north,
        })
    }

    /// The box's longitudes, east made greater than west when it crosses
    /// the antimeridian (so `east - west` is its width).
    pub fn unwrapped_longitudes(&self) -> (f64, f64) {
        let east = if self.east < self.west {
            self.east + 360.0
        } else {
            self.east
        };
        (self.west, east)
    }
}

impl From<ViewBox> for [f64; 4] {
    fn from(view: ViewBox) -> Self {
        [view.west, view.south, view.east, view.north]
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values, computed exactly
mod tests {
    use super::*;

    #[test]
    fn takes_a_box_and_says_what_is_wrong_with_a_bad_one() {
        let korea = ViewBox::new([124.0, 33.0, 131.0, 43.0]).unwrap();
        assert_eq!(<[f64; 4]>::from(korea), [124.0, 33.0, 131.0, 43.0]);
        assert_eq!(
            serde_json::to_string(&korea).unwrap(),
            "[124.0,33.0,131.0,43.0]"
        );
        let pacific = ViewBox::new([170.0, -20.0, -170.0, 10.0]).unwrap();
        assert_eq!(pacific.unwrapped_longitudes(), (170.0, 190.0));
        assert!(
            ViewBox::new([0.0, 50.0, 10.0, 40.0])
                .unwrap_err()
                .contains("south edge")
        );
        assert!(
            ViewBox::new([0.0, 40.0, 190.0, 50.0])
                .unwrap_err()
                .contains("east edge 190")
        );
    }
}
