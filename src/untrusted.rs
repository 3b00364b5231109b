//! Text from datasets, articles and imports is untrusted: it is shown, never
//! interpreted, and never allowed to make the screen (or the terminal, for
//! the command line's messages) say something else.
//!
//! Bidirectional formatting characters (U+202A-U+202E, U+2066-U+2069 and
//! the marks U+200E, U+200F, U+061C) can reorder what follows them, so that
//! a name reads differently from what it holds; control characters draw as
//! nothing or as boxes. Both are shown as visible markers (`[U+202E]`)
//! instead of being stripped: the user sees that the data holds them, and
//! nothing reorders, and no terminal escape sequence acts. Text keeps its line breaks and tabs; one-line labels
//! (names, titles) turn them into spaces.
//!
//! Links open only on an explicit click, only for `http` and `https`
//! addresses, and only when the address has no spaces, controls or
//! formatting characters that could hide where it leads.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is drawn as a marker rather than itself.
fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    ) || (c.is_control() && !matches!(c, '\n' | '\t'))
}

/// `text` as it may be drawn in a block of text: line breaks and tabs kept,
/// every other control or bidirectional formatting character shown as a
/// marker.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            // Writing to a String cannot fail.
            let _ = write!(shown, "[U+{:04X}]", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// `text` as it may be drawn on one line: as [`visible`], with line breaks
/// (and U+2028, U+2029) and tabs as spaces.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    let breaks = |c: char| matches!(c, '\n' | '\t' | '\u{2028}' | '\u{2029}');
    if !text.contains(breaks) {
        return visible(text);
    }
    Cow::Owned(visible(&text.replace(breaks, " ")).into_owned())
}

/// The address to open for `url`, if it may be opened: `http` or `https`,
/// with a host, and nothing in it (spaces, controls, bidirectional
/// formatting) that could make it look like somewhere else. `javascript:`,
/// `file:`, `data:` and every other scheme are never opened.
pub fn openable_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let sound = (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        && !host.is_empty()
        && !url.chars().any(|c| c.is_whitespace() || is_hidden(c));
    sound.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_open() {
        assert_eq!(
            openable_url(" https://example.com/a?b=c "),
            Some("https://example.com/a?b=c")
        );
        assert_eq!(
            openable_url("HTTP://example.com"),
            Some("HTTP://example.com")
        );
        for refused in [
            "javascript:alert(1)",
            "JavaScript://%0Aalert(1)",
            "file:///etc/passwd",
            "file://localhost/etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "ftp://example.com/",
            "mailto:someone@example.com",
            "//example.com/no-scheme",
            "example.com",
            "https://",
            "https:///path-without-host",
            "http:example.com",
            "",
        ] {
            assert_eq!(openable_url(refused), None, "{refused}");
        }
    }

    #[test]
    fn addresses_hiding_where_they_lead_do_not_open() {
        for refused in [
            "https://example.com/\u{202E}fdp.exe",
            "https://exa\u{2066}mple.com",
            "https://example.com/a b",
            "https://example.com/\nhttps://evil.example/",
            "https://example.com/\u{0}",
        ] {
            assert_eq!(openable_url(refused), None, "{refused:?}");
        }
    }

    #[test]
    fn bidi_overrides_and_controls_show_as_markers() {
        assert_eq!(
            visible("Sergei \u{202E}ugiohS\u{202C}"),
            "Sergei [U+202E]ugiohS[U+202C]"
        );
        assert_eq!(
            visible("bell\u{7} esc\u{1B}[31m nul\u{0}"),
            "bell[U+0007] esc[U+001B][31m nul[U+0000]"
        );
        assert_eq!(
            visible("a\u{2066}b\u{2069}\u{200F}"),
            "a[U+2066]b[U+2069][U+200F]"
        );
        assert_eq!(visible("line\nbreak\ttab"), "line\nbreak\ttab");
        assert!(matches!(
            visible("Pyongyang, 평양, Пхеньян"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn one_line_labels_have_no_breaks() {
        assert_eq!(
            visible_line("line\nbreak\r\ttab\u{2028}"),
            "line break[U+000D] tab "
        );
        assert!(matches!(visible_line("Kim Jong Un"), Cow::Borrowed(_)));
    }
}
