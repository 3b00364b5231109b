//! Bytes of a page or text file to text, by the charset the HTTP header, a
//! byte-order mark or the page itself declares, else by detection: Russian
//! windows-1251, Korean EUC-KR, Chinese GBK and Japanese `Shift_JIS` pages
//! decode as their readers see them.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many bytes from the top a `<meta charset>` may sit in. The HTML
/// standard's prescan reads 1,024; real pages put long scripts and styles
/// first, so we look further.
const PRESCAN_BYTES: usize = 8 * 1024;

/// Why an encoding was chosen, for notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetFrom {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header.
    Header,
    /// A `<meta charset>` or `http-equiv` in the page.
    Meta,
    /// Guessed from the bytes (`chardetng`).
    Detected,
}

/// Decodes an HTML page: by a byte-order mark, then the charset `declared`
/// by the HTTP header, then one declared in the page, then the guess of a
/// detector that knows the languages' byte statistics. `tld` is the site's
/// top-level domain ("ru", "kr"), a hint for the guess.
pub fn decode(
    bytes: &[u8],
    declared: Option<&str>,
    tld: Option<&str>,
) -> (String, &'static Encoding, CharsetFrom) {
    let (encoding, from) = choose(bytes, declared, tld);
    // `decode` takes the BOM off, and replaces malformed bytes with U+FFFD.
    let (text, _, _) = encoding.decode(bytes);
    (text.into_owned(), encoding, from)
}

/// A text file decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    /// The text.
    pub text: String,
    /// What to tell the user about how it was read.
    pub note: Option<String>,
    /// Whether bytes that were not UTF-8 were replaced.
    pub lossy: bool,
}

/// Decodes a plain-text article: by a byte-order mark or a charset the
/// HTTP header declares, else as UTF-8, bytes that are not UTF-8 replaced
/// with U+FFFD and a note saying so. Text files are not guessed at: a
/// damaged UTF-8 file read as a legacy charset would garble every accented
/// letter, where replacing keeps all but the damaged ones.
pub fn decode_text(bytes: &[u8], declared: Option<&str>) -> DecodedText {
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared.and_then(label_encoding));
    if let Some(encoding) = encoding.filter(|&encoding| encoding != UTF_8) {
        let (text, _, _) = encoding.decode(bytes);
        return DecodedText {
            text: text.into_owned(),
            note: Some(format!("read as {}", encoding.name())),
            lossy: false,
        };
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => DecodedText {
            text: text.to_owned(),
            note: None,
            lossy: false,
        },
        Err(_) => DecodedText {
            text: String::from_utf8_lossy(bytes).into_owned(),
            note: Some("not UTF-8 text: invalid bytes replaced with U+FFFD".to_owned()),
            lossy: true,
        },
    }
}

fn choose(
    bytes: &[u8],
    declared: Option<&str>,
    tld: Option<&str>,
) -> (&'static Encoding, CharsetFrom) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return (encoding, CharsetFrom::Bom);
    }
    if let Some(encoding) = declared.and_then(label_encoding) {
        return (encoding, CharsetFrom::Header);
    }
    if let Some(encoding) = meta_charset(bytes) {
        return (encoding, CharsetFrom::Meta);
    }
    // We never run the page's scripts, so ISO-2022-JP is no risk here.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let tld = tld
        .map(str::as_bytes)
        .filter(|tld| tld.iter().all(u8::is_ascii_lowercase));
    (
        detector.guess(tld, chardetng::Utf8Detection::Allow),
        CharsetFrom::Detected,
    )
}

/// The encoding a label names, as browsers read labels: UTF-16 in a page
/// can only be a mistake (the page was decoded as ASCII to find it), and
/// `x-user-defined` is windows-1252.
fn label_encoding(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else if encoding == encoding_rs::X_USER_DEFINED {
            WINDOWS_1252
        } else {
            encoding
        },
    )
}

/// The charset a page declares near its top: `<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=...">`.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |end| start + end);
        if let Some(label) = charset_in(&lower[start..end]) {
            // Labels are ASCII, so the lowercased bytes name the same one.
            if let Some(encoding) = std::str::from_utf8(label).ok().and_then(label_encoding) {
                return Some(encoding);
            }
        }
        from = end;
    }
    None
}

/// The value after `charset=` in one tag, without quotes.
fn charset_in(tag: &[u8]) -> Option<&[u8]> {
    let at = find(tag, b"charset")? + b"charset".len();
    let rest = tag[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Some(&rest[..end]).filter(|label| !label.is_empty())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(charset_tag: &str, body: &str, encoding: &'static Encoding) -> Vec<u8> {
        let html = format!(
            "<html><head>{charset_tag}<title>t</title></head><body><p>{body}</p></body></html>"
        );
        encoding.encode(&html).0.into_owned()
    }

    const RUSSIAN: &str = "Министр иностранных дел России Сергей Лавров прибыл в Пхеньян, где проведёт переговоры с руководством страны о сотрудничестве и о подготовке визита.";
    const KOREAN: &str = "윤석열 대통령은 오늘 오전 공군 1호기를 타고 서울공항을 출발해 워싱턴에 도착했다고 대통령실이 밝혔다. 대통령은 정상회담을 갖는다.";
    const CHINESE: &str = "国务院总理李强当地时间十八日抵达柏林，开始对德国进行正式访问，并将同德国总理举行中德政府磋商。";
    const JAPANESE: &str = "岸田文雄首相は十九日午後、政府専用機で羽田空港を出発し、ワシントンに到着した。首相はバイデン大統領と会談する予定だ。";

    #[test]
    fn a_meta_charset_decides_when_the_header_is_silent() {
        let bytes = page(
            r#"<meta charset="windows-1251">"#,
            RUSSIAN,
            encoding_rs::WINDOWS_1251,
        );
        let (text, encoding, from) = decode(&bytes, None, None);
        assert_eq!(encoding, encoding_rs::WINDOWS_1251);
        assert_eq!(from, CharsetFrom::Meta);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn an_http_equiv_content_type_is_read_too() {
        let tag = r#"<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">"#;
        let bytes = page(tag, JAPANESE, encoding_rs::SHIFT_JIS);
        let (text, encoding, _) = decode(&bytes, None, None);
        assert_eq!(encoding, encoding_rs::SHIFT_JIS);
        assert!(text.contains(JAPANESE));
    }

    #[test]
    fn the_header_beats_the_page_and_a_bom_beats_both() {
        let bytes = page(r#"<meta charset="utf-8">"#, KOREAN, encoding_rs::EUC_KR);
        let (text, _, from) = decode(&bytes, Some("euc-kr"), None);
        assert_eq!(from, CharsetFrom::Header);
        assert!(text.contains(KOREAN));

        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend(page("", CHINESE, UTF_8));
        let (text, encoding, from) = decode(&with_bom, Some("gbk"), None);
        assert_eq!((encoding, from), (UTF_8, CharsetFrom::Bom));
        assert!(
            text.starts_with("<html>"),
            "the BOM is not part of the text"
        );
    }

    #[test]
    fn undeclared_legacy_pages_are_detected() {
        for (body, encoding) in [
            (RUSSIAN, encoding_rs::WINDOWS_1251),
            (KOREAN, encoding_rs::EUC_KR),
            (CHINESE, encoding_rs::GBK),
            (JAPANESE, encoding_rs::SHIFT_JIS),
        ] {
            let bytes = page("", body, encoding);
            let (text, _, from) = decode(&bytes, None, None);
            assert_eq!(from, CharsetFrom::Detected);
            assert!(
                text.contains(body),
                "{} page read as {text}",
                encoding.name()
            );
        }
    }

    #[test]
    fn undeclared_utf8_stays_utf8() {
        let bytes = page("", RUSSIAN, UTF_8);
        let (text, encoding, _) = decode(&bytes, None, None);
        assert_eq!(encoding, UTF_8);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn text_files_are_utf8_unless_declared_otherwise() {
        let plain = decode_text("Café".as_bytes(), None);
        assert_eq!(
            (plain.text.as_str(), plain.note, plain.lossy),
            ("Café", None, false)
        );
        let damaged = decode_text(b"Caf\xe9 talk", None);
        assert_eq!(damaged.text, "Caf\u{fffd} talk");
        assert!(damaged.lossy);
        assert!(damaged.note.unwrap().contains("not UTF-8"));
        let cp1251 = encoding_rs::WINDOWS_1251.encode(RUSSIAN).0;
        let declared = decode_text(&cp1251, Some("windows-1251"));
        assert_eq!(
            (declared.text.as_str(), declared.note.as_deref()),
            (RUSSIAN, Some("read as windows-1251"))
        );
    }

    #[test]
    fn a_page_claiming_utf16_in_its_meta_is_read_as_utf8() {
        let bytes = page(r#"<meta charset="utf-16">"#, RUSSIAN, UTF_8);
        let (text, encoding, _) = decode(&bytes, None, None);
        assert_eq!(encoding, UTF_8);
        assert!(text.contains(RUSSIAN));
    }
}
