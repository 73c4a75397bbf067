//! What makes a sign-up page recognisably an event's, and says whose it is:
//! the event's name and a few words about it, its logo and colour, who runs
//! the page and their privacy notice. Parsed and checked at start-up.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use url::Url;

/// A page's look and the words on who runs it; all optional.
#[derive(Debug, Clone, Default)]
pub struct Look {
    /// The event's name, shown above the form.
    pub title: Option<String>,
    /// A paragraph or two of plain text above the form.
    pub intro: Vec<String>,
    /// What to do next, on the welcome page (the intro where it is empty).
    pub next_steps: Vec<String>,
    pub logo: Option<Logo>,
    pub accent: Option<AccentColor>,
    /// Who runs the page, and where to read about them.
    pub operator: Option<String>,
    pub operator_url: Option<Url>,
    pub privacy_url: Option<Url>,
}

impl Look {
    /// The intro as paragraphs: split at blank lines, each trimmed.
    pub fn paragraphs(text: &str) -> Vec<String> {
        text.replace("\r\n", "\n")
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The style sheet that puts the accent colour on buttons, links and
    /// the header, with text colours that stay readable on it.
    pub fn theme_css(&self) -> String {
        match &self.accent {
            None => String::new(),
            Some(accent) => format!(
                ":root {{ --accent: {accent}; --on-accent: {on}; --link: {link}; }}\n",
                on = accent.text_on_it(),
                link = accent.as_link_on_white().map_or("#36c".to_owned(), |c| c.to_string()),
            ),
        }
    }
}

/// A colour given as `#rgb` or `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccentColor([u8; 3]);

#[derive(Debug, thiserror::Error)]
#[error("must be a colour written #rgb or #rrggbb, e.g. #990000")]
pub struct ColorError;

impl FromStr for AccentColor {
    type Err = ColorError;

    fn from_str(raw: &str) -> Result<AccentColor, ColorError> {
        let hex = raw.trim().strip_prefix('#').ok_or(ColorError)?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(ColorError);
        }
        let digits: Vec<u8> = hex.chars().map(|c| c.to_digit(16).unwrap_or(0) as u8).collect();
        match digits.as_slice() {
            [r, g, b] => Ok(AccentColor([r * 17, g * 17, b * 17])),
            [r1, r2, g1, g2, b1, b2] => Ok(AccentColor([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2])),
            _ => Err(ColorError),
        }
    }
}

impl fmt::Display for AccentColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

/// WCAG 2 contrast needed for text: 4.5 to 1.
const READABLE: f64 = 4.5;

impl AccentColor {
    const WHITE: AccentColor = AccentColor([255, 255, 255]);
    const BLACK: AccentColor = AccentColor([0, 0, 0]);

    /// WCAG 2's relative luminance.
    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        let [r, g, b] = self.0;
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG 2's contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: AccentColor) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// The text colour for a button of this colour: white or black,
    /// whichever reads better (one of them always reaches 4.5 to 1).
    pub fn text_on_it(self) -> AccentColor {
        if self.contrast(AccentColor::WHITE) >= self.contrast(AccentColor::BLACK) {
            AccentColor::WHITE
        } else {
            AccentColor::BLACK
        }
    }

    /// This colour for links on the white card, if it is readable there.
    pub fn as_link_on_white(self) -> Option<AccentColor> {
        (self.contrast(AccentColor::WHITE) >= READABLE).then_some(self)
    }
}

/// A logo the portal serves itself, read once at start-up.
#[derive(Clone)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

impl fmt::Debug for Logo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Logo({}, {} bytes)", self.content_type, self.bytes.len())
    }
}

/// The largest logo taken: it is sent with every page view.
const MAX_LOGO_BYTES: usize = 512 * 1024;

impl Logo {
    /// Reads the image at `path`: PNG, JPEG, GIF, WebP or SVG (by its
    /// content, not its name), at most 512 KiB.
    pub fn read(path: &Path) -> Result<Logo, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if bytes.len() > MAX_LOGO_BYTES {
            return Err(format!("{} is larger than 512 KiB", path.display()));
        }
        let content_type = image_type(&bytes)
            .ok_or_else(|| format!("{} is not a PNG, JPEG, GIF, WebP or SVG image", path.display()))?;
        Ok(Logo { bytes, content_type })
    }

    /// An image uploaded in the console: PNG, JPEG, GIF or WebP (no SVG,
    /// which may carry script), at most 512 KiB.
    pub fn from_upload(bytes: &[u8]) -> Result<Logo, String> {
        if bytes.len() > MAX_LOGO_BYTES {
            return Err("is larger than 512 KiB".into());
        }
        match image_type(bytes) {
            Some(content_type) if content_type != "image/svg+xml" => Ok(Logo { bytes: bytes.to_vec(), content_type }),
            _ => Err("is not a PNG, JPEG, GIF or WebP image".into()),
        }
    }
}

fn image_type(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if starts(b"\xff\xd8\xff") {
        Some("image/jpeg")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("image/gif")
    } else if starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        Some("image/webp")
    } else {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
        head.contains("<svg").then_some("image/svg+xml")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_in_both_spellings_and_nothing_else() {
        assert_eq!("#900".parse::<AccentColor>().unwrap().to_string(), "#990000");
        assert_eq!("#1A2b3C".parse::<AccentColor>().unwrap().to_string(), "#1a2b3c");
        for bad in ["990000", "#99000", "#ggg", "red", "#12345678", ""] {
            assert!(bad.parse::<AccentColor>().is_err(), "{bad}");
        }
    }

    #[test]
    fn button_text_and_links_stay_readable_whatever_the_colour() {
        let ratio = |a: &str, b: &str| a.parse::<AccentColor>().unwrap().contrast(b.parse().unwrap());
        assert!((ratio("#000", "#fff") - 21.0).abs() < 0.01);
        assert!((ratio("#36c", "#fff") - 5.37).abs() < 0.01, "{}", ratio("#36c", "#fff"));
        for colour in ["#ffcc00", "#990000", "#36c", "#777777", "#00ff00", "#fff", "#000"] {
            let accent: AccentColor = colour.parse().unwrap();
            assert!(accent.contrast(accent.text_on_it()) >= READABLE, "{colour}");
        }
        assert_eq!("#ffcc00".parse::<AccentColor>().unwrap().text_on_it().to_string(), "#000000");
        assert_eq!("#990000".parse::<AccentColor>().unwrap().text_on_it().to_string(), "#ffffff");
        // A pale colour is no link colour on white: the default stays.
        let pale = Look { accent: Some("#ffcc00".parse().unwrap()), ..Look::default() };
        assert!(pale.theme_css().contains("--link: #36c"), "{}", pale.theme_css());
        assert!(pale.theme_css().contains("--on-accent: #000000"));
        assert_eq!(Look::default().theme_css(), "");
    }

    #[test]
    fn the_intro_is_paragraphs_of_plain_text() {
        let text = "Welcome to the\n  edit-a-thon!\r\n\r\nBring a laptop.\n\n\n";
        assert_eq!(Look::paragraphs(text), ["Welcome to the edit-a-thon!", "Bring a laptop."]);
    }

    #[test]
    fn a_logo_is_an_image_by_its_content() {
        let dir = std::env::temp_dir().join(format!("wikisignup-logo-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let png = dir.join("logo.png");
        std::fs::write(&png, b"\x89PNG\r\n\x1a\nrest").unwrap();
        assert_eq!(Logo::read(&png).unwrap().content_type, "image/png");
        let svg = dir.join("logo.svg");
        std::fs::write(&svg, "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
        assert_eq!(Logo::read(&svg).unwrap().content_type, "image/svg+xml");
        let text = dir.join("notes.png");
        std::fs::write(&text, "not an image").unwrap();
        assert!(Logo::read(&text).unwrap_err().contains("not a PNG"));
        assert!(Logo::read(&dir.join("missing.png")).unwrap_err().contains("cannot read"));
        std::fs::write(&png, vec![0x89; MAX_LOGO_BYTES + 1]).unwrap();
        assert!(Logo::read(&png).unwrap_err().contains("512 KiB"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
