//! Help → About Legation: the version, the licences, and the data that
//! ships with it, credited as its licences ask.

use egui::Ui;

/// The data and fonts that ship with Legation: what, whose, and under
/// which licence (the full text in `assets/ATTRIBUTION.md` and
/// `assets/fonts/OFL.txt`).
const CREDITS: [(&str, &str, &str); 6] = [
    (
        "Gazetteer of cities and countries",
        "GeoNames (geonames.org)",
        "CC BY 4.0",
    ),
    (
        "Country shapes of the offline basemap",
        "Natural Earth (naturalearthdata.com)",
        "public domain",
    ),
    (
        "US presidents' and secretaries' travels",
        "Office of the Historian, U.S. Department of State (history.state.gov)",
        "public domain, CC0 1.0",
    ),
    (
        "Demonyms and alternate country names",
        "the countries gem via the keshvar crate",
        "MIT, BSD-3-Clause",
    ),
    (
        "Noto Sans font",
        "the Noto project",
        "SIL Open Font License 1.1",
    ),
    (
        "Online map tiles (when chosen)",
        "© OpenStreetMap contributors",
        "ODbL 1.0",
    ),
];

/// The About window's state.
#[derive(Default)]
pub struct About {
    /// Whether the window is shown.
    pub open: bool,
}

impl About {
    /// The About window, when open.
    pub fn ui(&mut self, ctx: &egui::Context) {
        egui::Window::new("About Legation")
            .open(&mut self.open)
            .resizable(false)
            .collapsible(false)
            .show(ctx, contents_ui);
    }
}

fn contents_ui(ui: &mut Ui) {
    ui.heading(format!("Legation {}", env!("CARGO_PKG_VERSION")));
    ui.label(env!("CARGO_PKG_DESCRIPTION"));
    ui.label(format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
    ui.separator();
    ui.strong("Data and fonts shipped with it");
    egui::Grid::new("credits")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (what, whose, licence) in CREDITS {
                ui.label(what);
                ui.label(whose);
                ui.label(licence);
                ui.end_row();
            }
        });
    ui.weak("Sources, licences and changes: assets/ATTRIBUTION.md in the source.");
}
