//! The visitor's language, and the portal's words in it: the wiki's own
//! interface messages, those Special:CreateAccount shows for the same
//! purpose, so that every language the wiki speaks works with no
//! translation files here. English (MediaWiki's own English) when the wiki
//! has not said them yet.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use url::Url;

use super::catalogue;
use super::form::FormView;
use super::html::SafeHtml;

/// The interface messages the pages show, and MediaWiki's English for each.
const MESSAGES: [(&str, &str); 29] = [
    ("createaccount", "Create account"),
    ("createacct-submit", "Create your account"),
    ("createacct-continue-submit", "Continue account creation"),
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
    // MediaWiki 1.41 and later; older wikis get the catalogue's.
    ("htmlform-optional-flag", "(optional)"),
    ("show", "Show"),
    ("hide", "Hide"),
    ("pagelang-language", "Language"),
    // ConfirmEdit's instructions for account creation (the API labels the
    // CAPTCHA with the one for edits).
    (
        "fancycaptcha-accountcreate",
        "To protect the wiki against automated account creation, we kindly ask you to enter the words that appear \
         below in the box ([[Special:Captcha/help|more info]]):",
    ),
    (
        "captcha-createaccount",
        "To protect the wiki against automated account creation, we kindly ask you to solve the following task \
         below and enter the answer in the box ([[Special:Captcha/help|more info]]):",
    ),
    ("fancycaptcha-reload-text", "Refresh"),
    ("sessionfailure-title", "Session failure"),
    (
        "sessionfailure",
        "There seems to be a problem with your login session;\nthis action has been canceled as a precaution \
         against session hijacking.\nPlease resubmit the form.",
    ),
    ("readonly", "Database locked"),
    (
        "readonlytext",
        "The database is currently locked to new entries and other modifications, probably for routine database \
         maintenance, after which it will be back to normal.\n\nThe system administrator who locked it offered this \
         explanation: $1",
    ),
    ("createacct-error", "Account creation error"),
    ("authmanager-create-disabled", "Account creation is disabled."),
    ("actionthrottled", "Action throttled"),
    ("userexists", "Username entered already in use.\nPlease choose a different name."),
    ("noname", "You have not specified a valid username."),
    ("accountcreated", "Account created"),
    // The live check of the retyped password.
    ("badretype", "The passwords you entered do not match."),
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

/// Something a page says: the portal's words, chosen now and put in the
/// visitor's language when the page is drawn, or the wiki's, which came in
/// that language already. Kept in a sign-up's session as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Said {
    /// A wiki interface message (`$1`, `$2`... filled from `args` in
    /// order) or a sentence of the portal's catalogue (`{ $name }`).
    Portal { id: String, args: Vec<(String, String)> },
    /// The wiki's own answer, as HTML.
    Wiki(SafeHtml),
    /// The wiki's own answer, as plain text.
    WikiText(String),
}

impl Said {
    pub fn portal(id: &str) -> Said {
        Said::Portal { id: id.to_owned(), args: Vec::new() }
    }

    /// Fills the placeholder `name` (or the next `$n` of a wiki message).
    pub fn with(mut self, name: &str, value: impl ToString) -> Said {
        if let Said::Portal { args, .. } = &mut self {
            args.push((name.to_owned(), value.to_string()));
        }
        self
    }

    /// The wiki's answer, in plain text.
    pub fn wiki_text(text: &str) -> Said {
        Said::WikiText(text.trim().to_owned())
    }
}

/// The pages' words in one language, with how that language is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The language's BCP 47 tag, for `<html lang>`.
    pub lang: String,
    /// Written right to left (Arabic, Hebrew...).
    pub rtl: bool,
    /// The wiki's code for the language, which names its catalogue.
    code: String,
    messages: HashMap<String, String>,
}

impl Default for Words {
    fn default() -> Words {
        Words::new("en", "en", false, Vec::new())
    }
}

impl Words {
    /// The wiki's `messages` for the language the wiki codes `code`, whose
    /// BCP 47 tag is `lang`, written right to left when `rtl`.
    pub fn new(code: &str, lang: &str, rtl: bool, messages: Vec<(String, String)>) -> Words {
        let messages = messages.into_iter().filter(|(key, text)| is_ours(key) && !text.trim().is_empty()).collect();
        Words { lang: lang.to_owned(), rtl, code: code.to_lowercase(), messages }
    }

    /// Whether the wiki said its words: `false` for the portal's fallbacks only.
    pub fn from_wiki(&self) -> bool {
        !self.messages.is_empty()
    }

    /// The message `key`: the wiki's interface message, else the portal's
    /// catalogue in this language, else MediaWiki's English.
    pub fn get(&self, key: &str) -> String {
        self.text(key, &[])
    }

    fn text(&self, key: &str, args: &[(String, String)]) -> String {
        let wikis = |text: &str| {
            // `$1`, `$2`... in order; from the last, so `$1` never eats `$10`.
            args.iter()
                .enumerate()
                .rev()
                .fold(text.to_owned(), |text, (i, (_, value))| text.replace(&format!("${}", i + 1), value))
        };
        if let Some(text) = self.messages.get(key) {
            return wikis(text);
        }
        if let Some(text) = catalogue::say(&self.code, key, args) {
            return text;
        }
        MESSAGES.iter().find(|(k, _)| *k == key).map_or_else(|| key.to_owned(), |(_, english)| wikis(english))
    }

    /// What was said, in plain text (the wiki's HTML as its markup).
    pub fn say(&self, said: &Said) -> String {
        match said {
            Said::Portal { id, args } => self.text(id, args),
            Said::Wiki(html) => html.as_str().to_owned(),
            Said::WikiText(text) => text.clone(),
        }
    }

    /// Several things said, as one paragraph of HTML.
    pub fn html(&self, said: &[Said]) -> SafeHtml {
        let parts: Vec<String> = said
            .iter()
            .map(|s| match s {
                Said::Wiki(html) => html.as_str().to_owned(),
                _ => SafeHtml::from_text(&self.say(s)).as_str().to_owned(),
            })
            .collect();
        SafeHtml::trusted(parts.join(" "))
    }

    /// "Welcome, NAME!" in the visitor's language.
    pub fn welcome(&self, name: &str) -> String {
        self.sentence("welcomeuser", &[("1", name)])
    }

    /// `text` as HTML with each of `names` in it isolated (`<bdi>`): a
    /// username or a wiki's name of another direction than the sentence
    /// keeps its own, and the punctuation around it stays in place.
    pub fn with_names(&self, text: &str, names: &[&str]) -> SafeHtml {
        let mut html = SafeHtml::from_text(text).as_str().to_owned();
        let mut from = 0;
        for name in names.iter().filter(|n| !n.is_empty()) {
            let escaped = SafeHtml::from_text(name).as_str().to_owned();
            if let Some(at) = html[from..].find(&escaped).map(|i| i + from) {
                let isolated = format!("<bdi>{escaped}</bdi>");
                html.replace_range(at..at + escaped.len(), &isolated);
                from = at + isolated.len();
            }
        }
        SafeHtml::trusted(html)
    }

    /// A sentence of the catalogue with its placeholders filled.
    pub fn sentence(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(String, String)> = args.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        self.text(id, &args)
    }

    pub fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }
}

fn is_ours(key: &str) -> bool {
    MESSAGES.iter().any(|(k, _)| *k == key)
}

/// A wiki message's `[[Target|text]]` and `[[Target]]` links as HTML links
/// to the wiki's `index` page, the rest escaped: enough for the short
/// interface messages shown here, which have no other markup.
fn wikitext_links(text: &str, index: &Url) -> String {
    let mut html = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[[") {
        let Some(len) = rest[start..].find("]]") else { break };
        html.push_str(SafeHtml::from_text(&rest[..start]).as_str());
        let inner = &rest[start + 2..start + len];
        let (target, shown) = inner.split_once('|').unwrap_or((inner, inner));
        let mut link = index.clone();
        link.query_pairs_mut().append_pair("title", target.trim());
        html.push_str(&format!(
            "<a href=\"{}\">{}</a>",
            SafeHtml::from_text(link.as_str()),
            SafeHtml::from_text(shown)
        ));
        rest = &rest[start + len + 2..];
    }
    html.push_str(SafeHtml::from_text(rest).as_str());
    html
}

impl FormView {
    /// Placeholders and help as Special:CreateAccount gives them, in the
    /// visitor's language, instead of the API's help written for programs
    /// ("Username for authentication."), and the CAPTCHA's instruction for
    /// account creation where the API gives the one for edits. `index` is
    /// the wiki's `index.php`, for the instruction's links.
    pub fn in_words(&mut self, words: &Words, index: &Url) {
        let image_captcha = self.has_image_captcha();
        for field in self.all_fields_mut() {
            let (placeholder, help) = match field.name.as_str() {
                "username" => ("userlogin-yourname-ph", None),
                "password" => ("createacct-yourpassword-ph", Some("createacct-useuniquepass")),
                "retype" => ("createacct-yourpasswordagain-ph", None),
                "email" => ("createacct-email-ph", None),
                "realname" => ("", Some("prefs-help-realname")),
                "captchaInfo" => {
                    let key = if image_captcha { "fancycaptcha-accountcreate" } else { "captcha-createaccount" };
                    field.label = SafeHtml::sanitize(&wikitext_links(&words.get(key), index), index);
                    // The image cannot be described in words; the
                    // instruction above it says what to do with it.
                    field.help = SafeHtml::default();
                    continue;
                }
                // Described by the instruction, not by the API's "Solution
                // of the CAPTCHA.".
                "captchaWord" => {
                    field.help = SafeHtml::default();
                    field.described_by = "captcha-instruction".to_owned();
                    continue;
                }
                _ => continue,
            };
            if !placeholder.is_empty() {
                field.placeholder = words.get(placeholder);
            }
            field.help = match help {
                Some(key) => SafeHtml::from_text(&words.get(key)),
                None => SafeHtml::default(),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wikis_words_win_and_english_stands_in() {
        let words = Words::new("th", "th", false, vec![("createacct-submit".into(), "สร้างบัญชีของคุณ".into())]);
        assert_eq!(words.get("createacct-submit"), "สร้างบัญชีของคุณ");
        assert_eq!(words.get("login"), "Log in");
        // MediaWiki before 1.41 has no "(optional)": the catalogue's Thai.
        assert_eq!(words.get("htmlform-optional-flag"), "(ไม่บังคับ)");
        assert_eq!(Words::default().get("htmlform-optional-flag"), "(optional)");
        assert_eq!(words.get("form-or"), "หรือ");
        assert_eq!(Words::default().welcome("Ada"), "Welcome, Ada!");
        assert_eq!(Words::new("ar", "ar", true, Vec::new()).dir(), "rtl");
        assert_eq!(INTERFACE_MESSAGES[0], "createaccount");
    }

    #[test]
    fn names_in_a_sentence_are_isolated_and_escaped() {
        let words = Words::default();
        let html = words.with_names(&words.welcome("<Ada> 2"), &["<Ada> 2"]);
        assert_eq!(html.as_str(), "Welcome, <bdi>&lt;Ada&gt; 2</bdi>!");
        let created = words.sentence("welcome-created", &[("username", "Ada"), ("wiki", "วิกิ")]);
        let html = words.with_names(&created, &["Ada", "วิกิ"]);
        assert_eq!(html.as_str(), "Your account <bdi>Ada</bdi> has been created on <bdi>วิกิ</bdi>.");
    }

    #[test]
    fn said_things_are_put_in_words_when_shown() {
        let english = Words::default();
        let readonly = Said::portal("readonlytext").with("1", "Upgrade");
        assert!(english.say(&readonly).ends_with("offered this explanation: Upgrade"));
        let thai = Words::new("th", "th", false, Vec::new());
        let notice = [Said::wiki_text("ชื่อนี้ <มี> แล้ว"), Said::portal("notice-answers-kept")];
        let html = thai.html(&notice);
        assert!(html.as_str().starts_with("ชื่อนี้ &lt;มี&gt; แล้ว คำตอบของคุณ"), "{html}");
        assert_eq!(thai.say(&Said::portal("error-rate-limited-title")), "พยายามหลายครั้งเกินไป");
    }

    #[test]
    fn a_captcha_instruction_keeps_its_link_to_the_wiki() {
        let index = Url::parse("https://wiki.example/w/index.php").unwrap();
        let html = wikitext_links("Type the words <below> ([[Special:Captcha/help|more info]]):", &index);
        assert_eq!(
            html,
            "Type the words &lt;below&gt; (<a href=\"https://wiki.example/w/index.php?title=Special%3ACaptcha%2Fhelp\">\
             more info</a>):"
        );
        assert_eq!(wikitext_links("No [[link", &index), "No [[link");
    }
}
