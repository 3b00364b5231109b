//! Hit-testing: what a click on the map lands on, found through a grid
//! over the screen rather than by measuring every shape.

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

/// A uniform grid over part of the screen: which targets may lie under
/// each cell. Built from boxes, so that a query looks only at the shapes
/// near the pointer; rebuilt in place, so that a grid made every frame
/// allocates nothing once it has grown.
#[derive(Clone, Debug, Default)]
pub struct HitGrid {
    origin: [f32; 2],
    cell: f32,
    columns: usize,
    rows: usize,
    /// Cell `c`'s targets are `targets[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    targets: Vec<u32>,
    /// Each box's target and cells (first and last column, first and last
    /// row), found once for both passes of [`HitGrid::rebuild`].
    covers: Vec<(u32, [u16; 4])>,
}

impl HitGrid {
    /// Indexes targets by the boxes (`[min x, min y, max x, max y]`) they
    /// cover, over `area` (a box of the same form) in square cells of
    /// `cell` pixels. A target may come with several boxes (one per segment
    /// of a line).
    pub fn new(area: [f32; 4], cell: f32, boxes: &[(u32, [f32; 4])]) -> Self {
        let mut grid = Self::default();
        grid.rebuild(area, cell, boxes);
        grid
    }

    /// Indexes `boxes` as [`HitGrid::new`] does, in this grid's memory.
    pub fn rebuild(&mut self, area: [f32; 4], cell: f32, boxes: &[(u32, [f32; 4])]) {
        let cell = cell.max(1.0);
        // At most 65,535 cells a side, so that a box's cells fit in `u16`s.
        let side = |length: f32| ((length / cell).ceil().clamp(1.0, f32::from(u16::MAX))) as usize;
        self.origin = [area[0], area[1]];
        self.cell = cell;
        self.columns = side(area[2] - area[0]);
        self.rows = side(area[3] - area[1]);
        let cells = self.columns * self.rows;
        self.covers.clear();
        for &(target, [min_x, min_y, max_x, max_y]) in boxes {
            if let (Some((x0, x1)), Some((y0, y1))) = (
                self.span(min_x, max_x, 0, self.columns),
                self.span(min_y, max_y, 1, self.rows),
            ) {
                self.covers
                    .push((target, [x0, x1, y0, y1].map(|at| at as u16)));
            }
        }
        // Two passes, counting then filling, so that the cells share one
        // allocation.
        self.starts.clear();
        self.starts.resize(cells + 1, 0);
        for &(_, [x0, x1, y0, y1]) in &self.covers {
            for y in usize::from(y0)..=usize::from(y1) {
                let row = y * self.columns;
                for count in &mut self.starts[row + usize::from(x0) + 1..=row + usize::from(x1) + 1]
                {
                    *count += 1;
                }
            }
        }
        for index in 1..self.starts.len() {
            self.starts[index] += self.starts[index - 1];
        }
        self.targets.clear();
        self.targets.resize(self.starts[cells] as usize, 0);
        // Each cell's start moves on as it fills, to where the next cell
        // starts; shifted back by one cell afterwards.
        for &(target, [x0, x1, y0, y1]) in &self.covers {
            for y in usize::from(y0)..=usize::from(y1) {
                let row = y * self.columns;
                for next in &mut self.starts[row + usize::from(x0)..=row + usize::from(x1)] {
                    self.targets[*next as usize] = target;
                    *next += 1;
                }
            }
        }
        self.starts.copy_within(0..cells, 1);
        self.starts[0] = 0;
    }

    /// The cells from `min` to `max` along `axis`, if any is on the grid.
    fn span(&self, min: f32, max: f32, axis: usize, count: usize) -> Option<(usize, usize)> {
        // Counted from one cell before the edge, clamped to one cell beyond
        // each edge, so that truncating is flooring (and cheap).
        let cell = |at: f32| {
            (((at - self.origin[axis]) / self.cell).clamp(-1.0, count as f32) + 1.0) as isize
        };
        let first = cell(min);
        let last = cell(max);
        let count = count.cast_signed();
        (last >= 1 && first <= count && first <= last)
            .then(|| ((first.max(1) - 1) as usize, (last.min(count) - 1) as usize))
    }

    /// The targets whose boxes cover the cell under `point`, each once, in
    /// ascending order.
    pub fn near(&self, point: [f32; 2]) -> Vec<u32> {
        let (Some((x, _)), Some((y, _))) = (
            self.span(point[0], point[0], 0, self.columns),
            self.span(point[1], point[1], 1, self.rows),
        ) else {
            return Vec::new();
        };
        let cell = y * self.columns + x;
        let mut targets =
            self.targets[self.starts[cell] as usize..self.starts[cell + 1] as usize].to_vec();
        targets.sort_unstable();
        targets.dedup();
        targets
    }
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
    fn the_grid_finds_what_covers_a_cell_and_nothing_far_away() {
        let boxes = [
            (0, [0.0, 0.0, 10.0, 10.0]),
            // One line in two segments, and another target.
            (1, [20.0, 0.0, 60.0, 4.0]),
            (1, [60.0, 0.0, 100.0, 4.0]),
            (2, [90.0, 90.0, 99.0, 99.0]),
            // Off the grid entirely.
            (3, [-50.0, -50.0, -40.0, -40.0]),
        ];
        let grid = HitGrid::new([0.0, 0.0, 100.0, 100.0], 16.0, &boxes);
        assert_eq!(grid.near([5.0, 5.0]), [0]);
        assert_eq!(grid.near([70.0, 2.0]), [1]);
        assert_eq!(grid.near([95.0, 95.0]), [2]);
        assert!(grid.near([50.0, 50.0]).is_empty());
        assert!(grid.near([-45.0, -45.0]).is_empty(), "off the grid");
        // Boxes sharing a cell both come back.
        let grid = HitGrid::new([0.0, 0.0, 100.0, 100.0], 50.0, &boxes);
        assert_eq!(grid.near([5.0, 5.0]), [0, 1]);
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
