//! The visitor's language, chosen in one place, the same way for every
//! page (forms and error pages alike): `?uselang=` (now, or earlier in the
//! visit), then each language of the browser's `Accept-Language` by
//! preference, then the page's own (its `language` setting, or the wiki's
//! content language). Only codes the wiki speaks are chosen.

use std::str::FromStr;

/// A language code as the wiki spells it (`uselang`): lowercase ASCII
/// letters, digits and hyphens; or `content`, the wiki's own language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LanguageCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be a language code such as en, de or pt-br")]
pub struct LanguageCodeError;

/// The longest code taken: BCP 47 allows more, no wiki uses more.
const LONGEST: usize = 35;

impl FromStr for LanguageCode {
    type Err = LanguageCodeError;

    fn from_str(s: &str) -> Result<LanguageCode, LanguageCodeError> {
        let is_code = |c: char| c.is_ascii_alphanumeric() || c == '-';
        if s.is_empty() || s.len() > LONGEST || !s.chars().all(is_code) {
            return Err(LanguageCodeError);
        }
        Ok(LanguageCode(s.to_ascii_lowercase()))
    }
}

impl LanguageCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The wiki's content language, as `uselang` names it.
    pub fn content() -> LanguageCode {
        LanguageCode("content".to_owned())
    }

    /// The primary subtag: `pt` of `pt-br`.
    fn primary(&self) -> LanguageCode {
        LanguageCode(self.0.split('-').next().unwrap_or_default().to_owned())
    }
}

impl std::fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The part of `Accept-Language` read, and the most languages read from it.
const MOST_HEADER_BYTES: usize = 256;
const MOST_PREFERENCES: usize = 8;

/// What a visitor asked for: `?uselang=` now, the one kept from earlier in
/// the visit, and the browser's `Accept-Language` header.
#[derive(Debug, Default)]
pub struct Asked {
    pub uselang: Option<String>,
    pub earlier: Option<String>,
    pub accept_language: Option<String>,
}

impl Asked {
    /// The code asked for by name: now, else earlier in the visit.
    fn by_name(&self) -> Option<LanguageCode> {
        self.uselang.as_deref().or(self.earlier.as_deref()).and_then(|c| c.parse().ok())
    }

    /// Whether the visitor asked for anything at all.
    pub fn is_empty(&self) -> bool {
        self.uselang.is_none() && self.earlier.is_none() && self.accept_language.is_none()
    }

    /// `?uselang=` of this request, if it names a code.
    pub fn now(&self) -> Option<LanguageCode> {
        self.uselang.as_deref().and_then(|c| c.parse().ok())
    }

    /// The codes the visitor's request names, most wanted first: what to
    /// ask the wiki about before [`Asked::choose`]. At most a few.
    pub fn candidates(&self) -> Vec<LanguageCode> {
        let mut codes: Vec<LanguageCode> = self.by_name().into_iter().collect();
        for tag in self.preferences() {
            let primary = tag.primary();
            codes.extend([tag, primary]);
        }
        codes.dedup();
        codes.truncate(2 * MOST_PREFERENCES);
        codes
    }

    /// The languages of `Accept-Language` that are codes, most wanted
    /// first (equal preferences in the browser's order).
    fn preferences(&self) -> Vec<LanguageCode> {
        let header = self.accept_language.as_deref().unwrap_or_default();
        // A browser sends a few languages; more is not a browser.
        let header = header.get(..MOST_HEADER_BYTES).unwrap_or(header);
        let mut wanted: Vec<(f32, LanguageCode)> = header
            .split(',')
            .take(MOST_PREFERENCES)
            .filter_map(|entry| {
                let mut parts = entry.split(';');
                let tag = parts.next()?.trim().parse::<LanguageCode>().ok()?;
                let q =
                    parts.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        wanted.into_iter().map(|(_, tag)| tag).collect()
    }

    /// The language the visitor gets: the first of [`Asked::candidates`]
    /// the wiki speaks (`known`), else the page's `default`.
    pub fn choose(&self, known: impl Fn(&LanguageCode) -> bool, default: &LanguageCode) -> LanguageCode {
        self.candidates().into_iter().find(|code| known(code)).unwrap_or_else(|| default.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &LanguageCode) -> bool {
        ["en", "th", "ar", "pt", "pt-br", "de"].contains(&code.as_str())
    }

    fn asked(uselang: Option<&str>, accept: Option<&str>) -> Asked {
        Asked { uselang: uselang.map(str::to_owned), earlier: None, accept_language: accept.map(str::to_owned) }
    }

    fn chosen(uselang: Option<&str>, accept: Option<&str>) -> String {
        asked(uselang, accept).choose(known, &LanguageCode::content()).as_str().to_owned()
    }

    #[test]
    fn the_visitors_language_comes_from_uselang_then_the_browser_then_the_page() {
        assert_eq!(chosen(Some("AR"), Some("th")), "ar");
        assert_eq!(chosen(Some("xx-unknown"), Some("th")), "th");
        let browser = "fr-CH, fr;q=0.9, pt-BR;q=0.8, de;q=0.7, *;q=0.5";
        assert_eq!(chosen(None, Some(browser)), "pt-br");
        assert_eq!(chosen(None, Some("de-AT;q=0.5, th-TH")), "th");
        assert_eq!(chosen(None, Some("fr, th;q=0")), "content");
        assert_eq!(chosen(None, None), "content");
        let codes: Vec<String> =
            asked(Some("AR"), Some("pt-BR, th;q=0.5, <x>")).candidates().iter().map(|c| c.to_string()).collect();
        assert_eq!(codes, ["ar", "pt-br", "pt", "th"]);
    }

    #[test]
    fn a_language_asked_earlier_in_the_visit_counts_until_another_is_asked() {
        let earlier = Asked { earlier: Some("ar".into()), accept_language: Some("th".into()), ..Asked::default() };
        assert_eq!(earlier.choose(known, &LanguageCode::content()).as_str(), "ar");
        let now = Asked { uselang: Some("de".into()), ..earlier };
        assert_eq!(now.choose(known, &LanguageCode::content()).as_str(), "de");
    }

    #[test]
    fn a_code_is_short_plain_and_lowercase() {
        assert_eq!("pt-BR".parse::<LanguageCode>().unwrap().as_str(), "pt-br");
        for bad in ["", "en;drop", "<x>", &"a".repeat(36)] {
            assert!(bad.parse::<LanguageCode>().is_err(), "{bad}");
        }
    }
}
