//! Fresh form pages, rendered once. Before anyone types, the sign-up form
//! is the same page for every visitor who got the same field descriptions
//! in the same words, but for the visitor's CSRF token; building and
//! rendering it took a third of a form page's time. A page is kept with
//! everything it was made from, and shown again only when all of it is the
//! same: the wiki's description and the kept words (the same values, not
//! just equal ones, so a refresh of either makes a new page), the language,
//! the links, the wiki's name and the language switch. Each sign-up page
//! (`AppState`) has its own, so an edited event starts afresh.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::value::RawValue;

use super::languages::LanguageChoice;
#[cfg(doc)]
use crate::signup::FormSpec;
use crate::signup::{LanguageCode, Words};
use crate::wiki::types::AuthManagerInfo;

/// Pages kept: a few per language. Past this, all are forgotten together.
const KEPT: usize = 32;

/// What a fresh form page is made of, besides the page's own settings.
pub struct FormPageKey {
    pub form: Arc<AuthManagerInfo>,
    pub words: Arc<Words>,
    pub language: LanguageCode,
    pub campaign: Option<String>,
    pub cookie_check: bool,
    pub login_url: String,
    pub wiki_signup_url: String,
    pub wiki_name: String,
    pub switch: Vec<LanguageChoice>,
}

impl PartialEq for FormPageKey {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.form, &other.form)
            && Arc::ptr_eq(&self.words, &other.words)
            && self.language == other.language
            && self.campaign == other.campaign
            && self.cookie_check == other.cookie_check
            && self.login_url == other.login_url
            && self.wiki_signup_url == other.wiki_signup_url
            && self.wiki_name == other.wiki_name
            && self.switch == other.switch
    }
}

/// A rendered page, cut where the CSRF token goes, and its form as the
/// session saves it.
struct KeptPage {
    before_token: String,
    after_token: String,
    spec: Arc<RawValue>,
}

#[derive(Default)]
pub struct FormPages {
    kept: Mutex<Vec<(FormPageKey, Arc<KeptPage>)>>,
}

impl FormPages {
    /// The page made of `key`, with `csrf` in it, and its form as written
    /// ([`FormSpec::written`]), if one is kept.
    pub fn page(&self, key: &FormPageKey, csrf: &str) -> Option<(String, Arc<RawValue>)> {
        let kept = self.lock().iter().find(|(k, _)| k == key).map(|(_, page)| page.clone())?;
        Some(([kept.before_token.as_str(), csrf, kept.after_token.as_str()].concat(), kept.spec.clone()))
    }

    /// Keeps `html`, rendered from `key` with `csrf`, which it holds once,
    /// and its form `spec` as written.
    pub fn keep(&self, key: FormPageKey, html: &str, csrf: &str, spec: Arc<RawValue>) {
        let mut parts = html.split(csrf);
        let (Some(before), Some(after), None) = (parts.next(), parts.next(), parts.next()) else {
            return;
        };
        let page = Arc::new(KeptPage { before_token: before.to_owned(), after_token: after.to_owned(), spec });
        let mut kept = self.lock();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.retain(|(k, _)| *k != key);
        kept.push((key, page));
    }

    fn lock(&self) -> MutexGuard<'_, Vec<(FormPageKey, Arc<KeptPage>)>> {
        // Holds nothing a panic could leave half-changed.
        self.kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(form: &Arc<AuthManagerInfo>, words: &Arc<Words>, language: &str) -> FormPageKey {
        FormPageKey {
            form: form.clone(),
            words: words.clone(),
            language: language.parse().unwrap(),
            campaign: None,
            cookie_check: false,
            login_url: "https://wiki.example/login".into(),
            wiki_signup_url: "https://wiki.example/signup".into(),
            wiki_name: "Wiki".into(),
            switch: Vec::new(),
        }
    }

    fn spec() -> Arc<RawValue> {
        Arc::from(RawValue::from_string(r#"{"requests":[]}"#.to_owned()).unwrap())
    }

    fn form() -> Arc<AuthManagerInfo> {
        Arc::new(serde_json::from_str(r#"{"cancreateaccounts":true,"requests":[]}"#).unwrap())
    }

    #[test]
    fn a_kept_page_gets_each_visitors_own_token() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        pages.keep(key(&form, &words, "en"), "<form><input value=\"TOKEN1\"></form>", "TOKEN1", spec());
        let (page, spec) = pages.page(&key(&form, &words, "en"), "TOKEN2").unwrap();
        assert_eq!(page, "<form><input value=\"TOKEN2\"></form>");
        assert_eq!(spec.get(), r#"{"requests":[]}"#);
    }

    #[test]
    fn a_page_is_kept_only_for_the_same_description_words_and_language() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        pages.keep(key(&form, &words, "en"), "<p>T</p>", "T", spec());
        // Equal but not the same: a new answer or refreshed words.
        assert!(pages.page(&key(&self::form(), &words, "en"), "U").is_none());
        assert!(pages.page(&key(&form, &Arc::new(Words::default()), "en"), "U").is_none());
        assert!(pages.page(&key(&form, &words, "th"), "U").is_none());
        let mut other_name = key(&form, &words, "en");
        other_name.wiki_name = "Other".into();
        assert!(pages.page(&other_name, "U").is_none());
    }

    #[test]
    fn a_page_that_holds_the_token_twice_or_not_at_all_is_not_kept() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        pages.keep(key(&form, &words, "en"), "<p>T T</p>", "T", spec());
        pages.keep(key(&form, &words, "en"), "<p></p>", "T", spec());
        assert!(pages.page(&key(&form, &words, "en"), "U").is_none());
    }

    #[test]
    fn the_pages_kept_are_bounded() {
        let pages = FormPages::default();
        let words = Arc::new(Words::default());
        for _ in 0..(3 * KEPT) {
            pages.keep(key(&form(), &words, "en"), "<p>T</p>", "T", spec());
        }
        assert!(pages.lock().len() <= KEPT);
    }
}
