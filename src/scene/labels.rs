//! Where the names of the data's places go on screen: beside their marks,
//! clear of every mark and of each other, the busiest placed first; a
//! name that finds no room is left out rather than drawn over another.

/// A box on screen: `[left, top, right, bottom]`.
pub type ScreenBox = [f32; 4];

/// A name to place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    /// The point it names, on screen.
    pub anchor: [f32; 2],
    /// How far from the anchor the mark drawn there reaches.
    pub clearance: f32,
    /// The text's width and height.
    pub size: [f32; 2],
    /// How much it matters (records there): heavier names go first.
    pub weight: u32,
    /// Whether the name may sit on its point, hiding what is under it: a
    /// route's end, where the basemap's own label of the city would
    /// otherwise show beside ours.
    pub on_point: bool,
}

/// The gap between a mark and its name.
const GAP: f32 = 3.0;

/// Where each request's label goes (in request order), or `None` where
/// no spot beside its anchor is free of `obstacles`, of the labels placed
/// before it and of the edges of `bounds`.
pub fn place_labels(
    requests: &[LabelRequest],
    obstacles: &[ScreenBox],
    bounds: ScreenBox,
) -> Vec<Option<ScreenBox>> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(requests[index].weight));
    let mut placed: Vec<Option<ScreenBox>> = vec![None; requests.len()];
    let mut taken: Vec<ScreenBox> = Vec::with_capacity(requests.len());
    for index in order {
        let request = &requests[index];
        let on_point = request.on_point.then(|| {
            let [x, y] = request.anchor;
            let [width, height] = request.size;
            [
                x - width / 2.0,
                y - height / 2.0,
                x + width / 2.0,
                y + height / 2.0,
            ]
        });
        let spot = on_point
            .into_iter()
            .chain(candidates(request))
            .find(|spot| {
                inside(spot, &bounds)
                    && !obstacles.iter().any(|other| overlaps(spot, other))
                    && !taken.iter().any(|other| overlaps(spot, other))
            });
        if let Some(spot) = spot {
            taken.push(spot);
            placed[index] = Some(spot);
        }
    }
    placed
}

/// The spots tried for a label, best first: right of the mark (where
/// maps put names), left, above, below, then the corners.
fn candidates(request: &LabelRequest) -> [ScreenBox; 8] {
    let [x, y] = request.anchor;
    let [width, height] = request.size;
    let reach = request.clearance + GAP;
    let diagonal = reach * std::f32::consts::FRAC_1_SQRT_2;
    let at = |left: f32, top: f32| [left, top, left + width, top + height];
    [
        at(x + reach, y - height / 2.0),
        at(x - reach - width, y - height / 2.0),
        at(x - width / 2.0, y - reach - height),
        at(x - width / 2.0, y + reach),
        at(x + diagonal, y - diagonal - height),
        at(x + diagonal, y + diagonal),
        at(x - diagonal - width, y - diagonal - height),
        at(x - diagonal - width, y + diagonal),
    ]
}

fn overlaps(a: &ScreenBox, b: &ScreenBox) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn inside(a: &ScreenBox, bounds: &ScreenBox) -> bool {
    a[0] >= bounds[0] && a[1] >= bounds[1] && a[2] <= bounds[2] && a[3] <= bounds[3]
}

/// The box a round mark of `radius` at `center` covers.
pub fn mark_box(center: [f32; 2], radius: f32) -> ScreenBox {
    [
        center[0] - radius,
        center[1] - radius,
        center[0] + radius,
        center[1] + radius,
    ]
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values, computed exactly
mod tests {
    use super::*;

    const SCREEN: ScreenBox = [0.0, 0.0, 800.0, 600.0];

    fn request(anchor: [f32; 2], weight: u32) -> LabelRequest {
        LabelRequest {
            anchor,
            clearance: 6.0,
            size: [60.0, 14.0],
            weight,
            on_point: false,
        }
    }

    #[test]
    fn a_lone_name_goes_right_of_its_mark() {
        let placed = place_labels(&[request([100.0, 100.0], 1)], &[], SCREEN);
        assert_eq!(placed, [Some([109.0, 93.0, 169.0, 107.0])]);
    }

    #[test]
    fn names_side_by_side_never_overlap_and_the_busier_keeps_the_best_spot() {
        // Two places 20 points apart: both names would go right.
        let requests = [request([100.0, 100.0], 1), request([120.0, 100.0], 5)];
        let obstacles = [mark_box([100.0, 100.0], 6.0), mark_box([120.0, 100.0], 6.0)];
        let placed = place_labels(&requests, &obstacles, SCREEN);
        let (quiet, busy) = (placed[0].unwrap(), placed[1].unwrap());
        assert_eq!(busy[0], 129.0, "the busier name keeps the right side");
        assert!(!overlaps(&quiet, &busy));
        for label in [quiet, busy] {
            assert!(
                obstacles.iter().all(|mark| !overlaps(&label, mark)),
                "{label:?}"
            );
        }
    }

    #[test]
    fn a_routes_end_is_named_on_its_point_unless_a_marker_is_there() {
        let end = LabelRequest {
            on_point: true,
            ..request([300.0, 300.0], 1)
        };
        let placed = place_labels(&[end], &[], SCREEN);
        assert_eq!(placed, [Some([270.0, 293.0, 330.0, 307.0])]);
        let placed = place_labels(&[end], &[mark_box([300.0, 300.0], 6.0)], SCREEN);
        assert_eq!(placed, [Some([309.0, 293.0, 369.0, 307.0])]);
    }

    #[test]
    fn a_name_with_no_room_is_left_out_and_names_stay_on_screen() {
        // Surrounded by marks on every side.
        let mut obstacles = Vec::new();
        for dx in [-80.0, 0.0, 80.0] {
            for dy in [-30.0, 0.0, 30.0] {
                obstacles.push(mark_box([300.0 + dx, 300.0 + dy], 40.0));
            }
        }
        let placed = place_labels(&[request([300.0, 300.0], 1)], &obstacles, SCREEN);
        assert_eq!(placed, [None]);
        // At the right edge it goes left, not off the screen.
        let placed = place_labels(&[request([790.0, 300.0], 1)], &[], SCREEN);
        assert_eq!(placed[0].unwrap()[2], 790.0 - 9.0);
    }
}
