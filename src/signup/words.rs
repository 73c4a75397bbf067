//! The visitor's language, and the portal's words in it: the wiki's own
//! interface messages, those Special:CreateAccount shows for the same
//! purpose, so that every language the wiki speaks works with no
//! translation files here. English (MediaWiki's own English) when the wiki
//! has not said them yet.

use std::collections::HashMap;

use super::form::FormView;

/// The interface messages the pages show, and MediaWiki's English for each.
const MESSAGES: [(&str, &str); 10] = [
    ("createaccount", "Create account"),
    ("createacct-submit", "Create your account"),
    ("login", "Log in"),
    ("welcomeuser", "Welcome, $1!"),
    ("userlogin-yourname-ph", "Enter your username"),
    ("createacct-yourpassword-ph", "Enter a password"),
    ("createacct-yourpasswordagain-ph", "Enter password again"),
    ("createacct-email-ph", "Enter your email address"),
    (
        "createacct-useuniquepass",
        "It is recommended to use a unique password that you are not using on any other website.",
    ),
    (
        "prefs-help-realname",
        "Real name is optional.\nIf provided, it may be used to give you attribution for your work.",
    ),
];

/// The keys of [`MESSAGES`], as the wiki is asked for them.
pub const INTERFACE_MESSAGES: [&str; MESSAGES.len()] = {
    let mut keys = [""; MESSAGES.len()];
    let mut i = 0;
    while i < MESSAGES.len() {
        keys[i] = MESSAGES[i].0;
        i += 1;
    }
    keys
};

/// The pages' words in one language, with how that language is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The language's BCP 47 tag, for `<html lang>`.
    pub lang: String,
    /// Written right to left (Arabic, Hebrew...).
    pub rtl: bool,
    messages: HashMap<String, String>,
}

impl Default for Words {
    fn default() -> Words {
        Words::new("en", false, Vec::new())
    }
}

impl Words {
    /// The wiki's `messages` for the language `lang`, which is written
    /// right to left when `rtl`.
    pub fn new(lang: &str, rtl: bool, messages: Vec<(String, String)>) -> Words {
        let messages = messages.into_iter().filter(|(key, text)| is_ours(key) && !text.trim().is_empty()).collect();
        Words { lang: lang.to_owned(), rtl, messages }
    }

    /// Whether the wiki said its words: `false` for English fallbacks only.
    pub fn from_wiki(&self) -> bool {
        !self.messages.is_empty()
    }

    /// The message `key`: the wiki's, or MediaWiki's English.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        match self.messages.get(key) {
            Some(text) => text,
            None => MESSAGES.iter().find(|(k, _)| *k == key).map_or(key, |(_, english)| english),
        }
    }

    /// "Welcome, NAME!" in the visitor's language.
    pub fn welcome(&self, name: &str) -> String {
        self.get("welcomeuser").replace("$1", name)
    }

    pub fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }
}

fn is_ours(key: &str) -> bool {
    MESSAGES.iter().any(|(k, _)| *k == key)
}

impl FormView {
    /// Placeholders and help as Special:CreateAccount gives them, in the
    /// visitor's language, instead of the API's help written for programs
    /// ("Username for authentication.").
    pub fn in_words(&mut self, words: &Words) {
        for field in self.all_fields_mut() {
            let (placeholder, help) = match field.name.as_str() {
                "username" => ("userlogin-yourname-ph", None),
                "password" => ("createacct-yourpassword-ph", Some("createacct-useuniquepass")),
                "retype" => ("createacct-yourpasswordagain-ph", None),
                "email" => ("createacct-email-ph", None),
                "realname" => ("", Some("prefs-help-realname")),
                _ => continue,
            };
            if !placeholder.is_empty() {
                field.placeholder = words.get(placeholder).to_owned();
            }
            field.help = match help {
                Some(key) => super::SafeHtml::from_text(words.get(key)),
                None => super::SafeHtml::default(),
            };
        }
    }
}

/// The language codes a visitor's request names, as the wiki spells codes:
/// what to ask the wiki about before [`choose_language`].
pub fn candidates(asked: Option<&str>, accept_language: Option<&str>) -> Vec<String> {
    let mut codes: Vec<String> = asked.into_iter().map(str::to_lowercase).collect();
    for (_, tag) in preferences(accept_language) {
        let primary = tag.split('-').next().unwrap_or_default().to_owned();
        codes.extend([tag, primary]);
    }
    codes.retain(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'));
    codes.dedup();
    codes.truncate(16);
    codes
}

/// The languages of an `Accept-Language` header, lowercase, most wanted
/// first (equal preferences in the browser's order).
fn preferences(accept_language: Option<&str>) -> Vec<(f32, String)> {
    let mut wanted: Vec<(f32, String)> = accept_language
        .unwrap_or_default()
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim().to_lowercase();
            let q = parts.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
            (!tag.is_empty() && tag != "*" && q > 0.0).then_some((q, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted
}

/// The language a visitor gets, from what they asked for, in order:
/// `?uselang=` (now or earlier in the visit), then each language of their
/// browser's `Accept-Language` by preference, as the wiki has it or by its
/// primary subtag (`pt-BR` as `pt-br`, else `pt`); `None` leaves the
/// portal's default. `known` says whether the wiki speaks a code.
pub fn choose_language(
    asked: Option<&str>,
    accept_language: Option<&str>,
    known: impl Fn(&str) -> bool,
) -> Option<String> {
    if let Some(code) = asked.map(str::to_lowercase).filter(|c| known(c)) {
        return Some(code);
    }
    preferences(accept_language).into_iter().find_map(|(_, tag)| {
        let primary = tag.split('-').next().unwrap_or_default().to_owned();
        [tag, primary].into_iter().find(|code| known(code))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(code: &str) -> bool {
        ["en", "th", "ar", "pt", "pt-br", "de"].contains(&code)
    }

    #[test]
    fn the_visitors_language_comes_from_uselang_then_the_browser() {
        assert_eq!(choose_language(Some("AR"), Some("th"), known).as_deref(), Some("ar"));
        assert_eq!(choose_language(Some("xx-unknown"), Some("th"), known).as_deref(), Some("th"));
        let browser = "fr-CH, fr;q=0.9, pt-BR;q=0.8, de;q=0.7, *;q=0.5";
        assert_eq!(choose_language(None, Some(browser), known).as_deref(), Some("pt-br"));
        assert_eq!(choose_language(None, Some("de-AT;q=0.5, th-TH"), known).as_deref(), Some("th"));
        assert_eq!(choose_language(None, Some("fr, th;q=0"), known), None);
        assert_eq!(choose_language(None, None, known), None);
        assert_eq!(candidates(Some("AR"), Some("pt-BR, th;q=0.5, <x>")), ["ar", "pt-br", "pt", "th"]);
    }

    #[test]
    fn the_wikis_words_win_and_english_stands_in() {
        let words = Words::new("th", false, vec![("createacct-submit".into(), "สร้างบัญชีของคุณ".into())]);
        assert_eq!(words.get("createacct-submit"), "สร้างบัญชีของคุณ");
        assert_eq!(words.get("login"), "Log in");
        assert_eq!(Words::default().welcome("Ada"), "Welcome, Ada!");
        assert_eq!(Words::new("ar", true, Vec::new()).dir(), "rtl");
        assert_eq!(INTERFACE_MESSAGES[0], "createaccount");
    }
}
