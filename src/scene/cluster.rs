//! Clustering markers that would overlap on screen, in linear time.

use std::collections::HashMap;

/// Markers drawn as one: where, and which.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The centre of its members, in the same units as the input.
    pub center: [f32; 2],
    /// The members, as positions in the input.
    pub members: Vec<usize>,
}

/// Groups `points` so that no two clusters' seeds are closer than `radius`:
/// each point joins the first cluster whose seed is within `radius`,
/// looking only in the neighbouring grid cells, or starts a new one.
pub fn cluster(points: &[[f32; 2]], radius: f32) -> Vec<Cluster> {
    let radius = radius.max(f32::EPSILON);
    let cell_of = |point: [f32; 2]| {
        (
            (point[0] / radius).floor() as i64,
            (point[1] / radius).floor() as i64,
        )
    };
    let mut seeds: Vec<[f32; 2]> = Vec::new();
    let mut clusters: Vec<Cluster> = Vec::new();
    // Cells come from screen positions, never from a file: a fast hash.
    let mut grid: HashMap<(i64, i64), Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
    for (position, &point) in points.iter().enumerate() {
        let (cx, cy) = cell_of(point);
        let near = (cx - 1..=cx + 1)
            .flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y)))
            .filter_map(|cell| grid.get(&cell))
            .flatten()
            .copied()
            .filter(|&index| {
                let seed = seeds[index];
                let (dx, dy) = (seed[0] - point[0], seed[1] - point[1]);
                dx * dx + dy * dy <= radius * radius
            })
            .min();
        if let Some(index) = near {
            clusters[index].members.push(position);
        } else {
            grid.entry((cx, cy)).or_default().push(clusters.len());
            seeds.push(point);
            clusters.push(Cluster {
                center: point,
                members: vec![position],
            });
        }
    }
    for cluster in &mut clusters {
        let count = cluster.members.len() as f32;
        let sum = cluster.members.iter().fold([0.0, 0.0], |sum, &member| {
            [sum[0] + points[member][0], sum[1] + points[member][1]]
        });
        cluster.center = [sum[0] / count, sum[1] / count];
    }
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_points_cluster_and_far_ones_do_not() {
        let points = [[0.0, 0.0], [3.0, 4.0], [100.0, 100.0], [1.0, 0.0]];
        let clusters = cluster(&points, 10.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, vec![0, 1, 3]);
        assert_eq!(clusters[1].members, vec![2]);
        assert!((clusters[0].center[0] - 4.0 / 3.0).abs() < 1e-5);
    }

    #[test]
    fn every_point_lands_in_exactly_one_cluster() {
        let points: Vec<[f32; 2]> = (0..500)
            .map(|i| [(i * 37 % 101) as f32, (i * 53 % 97) as f32])
            .collect();
        let clusters = cluster(&points, 7.5);
        let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..500).collect::<Vec<_>>());
    }

    #[test]
    fn points_on_one_spot_make_one_cluster() {
        let clusters = cluster(&[[5.0, 5.0]; 4], 1.0);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].members.len(), 4);
    }
}
