//! File, Open URL…: addresses of news pages or feeds, pasted one per line,
//! checked before anything is fetched.

use egui::Ui;

/// The dialog's state: open or not, and what has been typed.
#[derive(Debug, Default)]
pub struct OpenUrlDialog {
    /// Whether the dialog shows.
    pub open: bool,
    /// The addresses, one per line.
    pub text: String,
    /// What is wrong with them, after Open was pressed.
    error: Option<String>,
}

impl OpenUrlDialog {
    /// Shows the dialog while it is open; `Some(addresses)` when the user
    /// asks to open them.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Vec<String>> {
        if !self.open {
            return None;
        }
        let mut chosen = None;
        // Only Cancel and Escape close it: a click outside would throw away
        // a list of addresses being pasted together.
        egui::Modal::new(egui::Id::unique("open-url")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Open web pages or feeds");
            ui.label("Addresses of news pages or feeds (RSS, Atom, JSON Feed), one per line. Each page is fetched, its article read and extracted; a feed brings every article it links. Pages are kept in the cache, so opening them again works offline.");
            let edit = ui.add(
                egui::TextEdit::multiline(&mut self.text)
                    .id(egui::Id::unique("open-url-text"))
                    .hint_text("https://www.example.org/news/2023/07/25/story.html")
                    .desired_rows(5)
                    .desired_width(f32::INFINITY),
            );
            edit.request_focus();
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.horizontal(|ui| chosen = self.buttons_ui(ui));
        });
        if ctx.input(|input| input.key_pressed(egui::Key::Escape)) {
            self.close();
        }
        chosen
    }

    fn buttons_ui(&mut self, ui: &mut Ui) -> Option<Vec<String>> {
        if ui.button("Open").clicked() {
            match addresses(&self.text) {
                Ok(addresses) if addresses.is_empty() => {
                    self.error = Some("Type or paste at least one address".to_owned());
                }
                Ok(addresses) => {
                    self.close();
                    return Some(addresses);
                }
                Err(error) => self.error = Some(error),
            }
        }
        if ui.button("Cancel").clicked() {
            self.close();
        }
        None
    }

    fn close(&mut self) {
        self.open = false;
        self.error = None;
    }
}

/// The addresses in `text`, one per line (blank lines skipped); an error
/// naming the first line that is no `http(s)://` address.
pub fn addresses(text: &str) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let parsed = url::Url::parse(line)
            .ok()
            .filter(|url| matches!(url.scheme(), "http" | "https") && url.host().is_some());
        let Some(url) = parsed else {
            let shown: String = line.chars().take(60).collect();
            return Err(format!(
                "Line {}: `{}` is no web address; give addresses that start with http:// or https:// (files open with File, Open…)",
                number + 1,
                crate::untrusted::visible_line(&shown)
            ));
        };
        // As parsed: "HTTPS://Example.org" reads as https://example.org.
        found.push(url.to_string());
    }
    Ok(found)
}

/// The web addresses in pasted text, when every non-blank line is one.
pub fn pasted_addresses(text: &str) -> Option<Vec<String>> {
    addresses(text)
        .ok()
        .filter(|addresses| !addresses.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_line_by_line() {
        let text = "https://example.org/a.html\n\n  http://127.0.0.1:8080/feed.xml  \n";
        assert_eq!(
            addresses(text).unwrap(),
            [
                "https://example.org/a.html",
                "http://127.0.0.1:8080/feed.xml"
            ]
        );
        let err = addresses("https://example.org/a\nexample.org/b").unwrap_err();
        assert!(
            err.starts_with("Line 2: `example.org/b` is no web address"),
            "{err}"
        );
        assert!(addresses("ftp://example.org/x").is_err());
        assert_eq!(
            addresses("HTTPS://Example.ORG/a").unwrap(),
            ["https://example.org/a"]
        );
        assert_eq!(pasted_addresses("just some text"), None);
        assert_eq!(pasted_addresses("https://example.org/x").unwrap().len(), 1);
    }
}
