//! Fonts: Noto Sans before egui's defaults, so that place names in Latin
//! Extended and Vietnamese ("Tōkch'ŏn", "Hồ Chí Minh") draw as letters, not
//! boxes.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans Regular (SIL Open Font License 1.1, `assets/fonts/OFL.txt`).
const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// Adds Noto Sans as the first proportional font.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".to_owned(),
        Arc::new(FontData::from_static(NOTO_SANS)),
    );
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "noto-sans".to_owned());
    }
    if let Some(family) = fonts.families.get_mut(&FontFamily::Monospace) {
        family.push("noto-sans".to_owned());
    }
    ctx.set_fonts(fonts);
}
