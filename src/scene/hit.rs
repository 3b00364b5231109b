//! Hit-testing: what a click on the map lands on.

use super::distance_to_polyline;

/// Something clickable on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HitTarget<'a> {
    /// A marker (or cluster of markers), round, drawn on top of arcs.
    Marker {
        /// Its centre.
        center: [f32; 2],
        /// Its radius.
        radius: f32,
    },
    /// An arc drawn as a polyline.
    Arc {
        /// Its points.
        polyline: &'a [[f32; 2]],
        /// Half its stroke width.
        half_width: f32,
    },
}

/// What was hit: a position in the list of targets given to [`nearest_hit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit(pub usize);

/// The target under `point`, within `tolerance` of its edge: markers before
/// arcs (they are drawn on top), and the nearest of each kind.
pub fn nearest_hit<'a>(
    point: [f32; 2],
    targets: impl IntoIterator<Item = HitTarget<'a>>,
    tolerance: f32,
) -> Option<Hit> {
    let mut best_marker: Option<(f32, usize)> = None;
    let mut best_arc: Option<(f32, usize)> = None;
    for (index, target) in targets.into_iter().enumerate() {
        let (distance, best) = match target {
            HitTarget::Marker { center, radius } => {
                let (dx, dy) = (center[0] - point[0], center[1] - point[1]);
                ((dx * dx + dy * dy).sqrt() - radius, &mut best_marker)
            }
            HitTarget::Arc {
                polyline,
                half_width,
            } => (
                distance_to_polyline(point, polyline) - half_width,
                &mut best_arc,
            ),
        };
        if distance <= tolerance && best.is_none_or(|(nearest, _)| distance < nearest) {
            *best = Some((distance, index));
        }
    }
    best_marker.or(best_arc).map(|(_, index)| Hit(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_the_arc_under_the_pointer() {
        let east = [[0.0, 0.0], [100.0, 0.0]];
        let north = [[50.0, -50.0], [50.0, -10.0]];
        let targets = [
            HitTarget::Arc {
                polyline: &east,
                half_width: 2.0,
            },
            HitTarget::Arc {
                polyline: &north,
                half_width: 2.0,
            },
        ];
        assert_eq!(nearest_hit([30.0, 4.0], targets, 3.0), Some(Hit(0)));
        assert_eq!(nearest_hit([52.0, -30.0], targets, 3.0), Some(Hit(1)));
        assert_eq!(nearest_hit([30.0, 20.0], targets, 3.0), None);
    }

    #[test]
    fn a_marker_wins_over_an_arc_beneath_it() {
        let line = [[0.0, 0.0], [100.0, 0.0]];
        let targets = [
            HitTarget::Arc {
                polyline: &line,
                half_width: 2.0,
            },
            HitTarget::Marker {
                center: [100.0, 0.0],
                radius: 6.0,
            },
        ];
        assert_eq!(nearest_hit([98.0, 0.0], targets, 3.0), Some(Hit(1)));
        assert_eq!(nearest_hit([50.0, 0.0], targets, 3.0), Some(Hit(0)));
    }

    #[test]
    fn the_nearest_of_overlapping_markers_wins() {
        let targets = [
            HitTarget::Marker {
                center: [0.0, 0.0],
                radius: 8.0,
            },
            HitTarget::Marker {
                center: [6.0, 0.0],
                radius: 8.0,
            },
        ];
        assert_eq!(nearest_hit([5.0, 0.0], targets, 0.0), Some(Hit(1)));
    }
}
