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
/// near the pointer.
#[derive(Clone, Debug, Default)]
pub struct HitGrid {
    origin: [f32; 2],
    cell: f32,
    columns: usize,
    rows: usize,
    /// Cell `c`'s targets are `targets[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    targets: Vec<u32>,
}

impl HitGrid {
    /// Indexes targets by the boxes (`[min x, min y, max x, max y]`) they
    /// cover, over `area` (a box of the same form) in square cells of
    /// `cell` pixels. A target may come with several boxes (one per segment
    /// of a line); consecutive boxes of one target count once per cell.
    pub fn new(area: [f32; 4], cell: f32, boxes: &[(u32, [f32; 4])]) -> Self {
        let cell = cell.max(1.0);
        let columns = (((area[2] - area[0]) / cell).ceil().max(1.0)) as usize;
        let rows = (((area[3] - area[1]) / cell).ceil().max(1.0)) as usize;
        let mut grid = Self {
            origin: [area[0], area[1]],
            cell,
            columns,
            rows,
            starts: vec![0; columns * rows + 1],
            targets: Vec::new(),
        };
        // Two passes, counting then filling, so that the cells share one
        // allocation.
        let mut last = vec![u32::MAX; columns * rows];
        grid.for_each_cell(boxes, &mut last, |grid, cell, _| grid.starts[cell + 1] += 1);
        for index in 1..grid.starts.len() {
            grid.starts[index] += grid.starts[index - 1];
        }
        grid.targets = vec![0; grid.starts[columns * rows] as usize];
        let mut next = grid.starts.clone();
        last.fill(u32::MAX);
        grid.for_each_cell(boxes, &mut last, |grid, cell, target| {
            grid.targets[next[cell] as usize] = target;
            next[cell] += 1;
        });
        grid
    }

    /// Calls `visit` with each (cell, target) the boxes cover, skipping a
    /// target already listed last in that cell.
    fn for_each_cell(
        &mut self,
        boxes: &[(u32, [f32; 4])],
        last: &mut [u32],
        mut visit: impl FnMut(&mut Self, usize, u32),
    ) {
        for &(target, [min_x, min_y, max_x, max_y]) in boxes {
            let (Some((x0, x1)), Some((y0, y1))) = (
                self.span(min_x, max_x, 0, self.columns),
                self.span(min_y, max_y, 1, self.rows),
            ) else {
                continue;
            };
            for y in y0..=y1 {
                for x in x0..=x1 {
                    let cell = y * self.columns + x;
                    if last[cell] != target {
                        last[cell] = target;
                        visit(self, cell, target);
                    }
                }
            }
        }
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
