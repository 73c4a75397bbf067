//! Fresh form pages, rendered once. Before anyone types, the sign-up form
//! is the same page for every visitor who got the same field descriptions
//! in the same words, but for the visitor's CSRF token and the form's own
//! values (a CAPTCHA's id and image link, [`OwnValue`]); building and
//! rendering it took a third of a form page's time, two thirds with a
//! CAPTCHA. A page is kept with everything it was made from, and shown
//! again only when all of it is the same: a description alike but for its
//! own values ([`alike`]), the kept words (the same value, not just an equal
//! one, so a refresh makes a new page), the language, the links, the wiki's
//! name and the language switch. Each sign-up page (`AppState`) has its
//! own, so an edited event starts afresh.

use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::value::RawValue;

use super::languages::LanguageChoice;
#[cfg(doc)]
use crate::signup::{Flow, FormSpec, OwnValue};
use crate::signup::{LanguageCode, PageTitle, Words, alike};
use crate::wiki::types::AuthManagerInfo;

/// Pages kept: a few per language. Past this, all are forgotten together.
const KEPT: usize = 32;

/// An own value shorter than this is not cut out of a kept page: it could
/// be found in the page where it is not the value. A CAPTCHA's id is long.
const SHORTEST_CUT: usize = 8;

/// What a fresh form page is made of, besides the page's own settings.
pub struct FormPageKey {
    pub form: Arc<AuthManagerInfo>,
    pub words: Arc<Words>,
    pub language: LanguageCode,
    pub campaign: Option<String>,
    pub cookie_check: bool,
    /// The wiki page the visit leads to after logging in: the page's links
    /// to the wiki's log-in and sign-up pages carry it (with the campaign
    /// and the language, both above).
    pub returnto: Option<PageTitle>,
    pub wiki_name: String,
    pub switch: Vec<LanguageChoice>,
}

impl PartialEq for FormPageKey {
    fn eq(&self, other: &Self) -> bool {
        (Arc::ptr_eq(&self.form, &other.form) || alike(&self.form, &other.form))
            && Arc::ptr_eq(&self.words, &other.words)
            && self.language == other.language
            && self.campaign == other.campaign
            && self.cookie_check == other.cookie_check
            && self.returnto == other.returnto
            && self.wiki_name == other.wiki_name
            && self.switch == other.switch
    }
}

/// What each visitor has of their own on a form page.
pub struct OwnParts<'a> {
    pub csrf: &'a str,
    /// The form's own values as the page shows them ([`Flow::own_values`]).
    pub values: &'a [String],
}

/// Where a kept page is cut for a visitor's own part.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cut {
    Csrf,
    Value(usize),
}

/// A rendered page, cut where each visitor's own parts go, and its form as
/// the session saves it.
struct KeptPage {
    /// One more than `cuts`: the page around them.
    pieces: Vec<String>,
    cuts: Vec<Cut>,
    /// The own values of the page as kept. One that is not cut out (short,
    /// or not found once in the page) is the same for every visitor shown
    /// this page.
    values: Vec<String>,
    spec: Arc<RawValue>,
}

impl KeptPage {
    fn cut(html: &str, own: &OwnParts, spec: Arc<RawValue>) -> Option<KeptPage> {
        // Where each own part is, if it is there once; the CSRF token must be.
        let once = |part: &str| {
            let mut found = html.match_indices(part);
            match (found.next(), found.next()) {
                (Some((at, _)), None) => Some(at),
                _ => None,
            }
        };
        let mut at = vec![(once(own.csrf)?, own.csrf.len(), Cut::Csrf)];
        for (index, value) in own.values.iter().enumerate() {
            if let Some(start) = Some(value).filter(|v| cuttable(v)).and_then(|v| once(v)) {
                at.push((start, value.len(), Cut::Value(index)));
            }
        }
        at.sort_by_key(|(start, _, _)| *start);
        let mut pieces = Vec::with_capacity(at.len() + 1);
        let mut from = 0;
        for (start, len, _) in &at {
            pieces.push(html.get(from..*start)?.to_owned()); // `None`: two overlap
            from = start + len;
        }
        pieces.push(html[from..].to_owned());
        let cuts = at.into_iter().map(|(_, _, cut)| cut).collect();
        Some(KeptPage { pieces, cuts, values: own.values.to_vec(), spec })
    }

    /// The page with `own`'s parts, if they fit it.
    fn with(&self, own: &OwnParts) -> Option<String> {
        // A value cut out takes the visitor's, one that is not must be the
        // page's own.
        let fits = |(index, (value, kept)): (usize, (&String, &String))| {
            if self.cuts.contains(&Cut::Value(index)) { cuttable(value) } else { value == kept }
        };
        if own.values.len() != self.values.len() || !own.values.iter().zip(&self.values).enumerate().all(fits) {
            return None;
        }
        let mut page = String::with_capacity(self.pieces.iter().map(String::len).sum::<usize>() + 256);
        for (piece, cut) in self.pieces.iter().zip(&self.cuts) {
            page.push_str(piece);
            page.push_str(match cut {
                Cut::Csrf => own.csrf,
                Cut::Value(index) => &own.values[*index],
            });
        }
        page.push_str(self.pieces.last().expect("one more piece than cuts"));
        Some(page)
    }
}

/// A value that can be put in a page as it is (nothing to escape) and is
/// long enough to be found only where it is.
fn cuttable(value: &str) -> bool {
    value.len() >= SHORTEST_CUT && !value.contains(['&', '<', '>', '"', '\''])
}

#[derive(Default)]
pub struct FormPages {
    kept: Mutex<Vec<(FormPageKey, Arc<KeptPage>)>>,
}

impl FormPages {
    /// The page made of `key`, with `own`'s parts in it, if one is kept;
    /// and its form as written ([`FormSpec::written`]) if it was made of
    /// the very same description.
    pub fn page(&self, key: &FormPageKey, own: &OwnParts) -> Option<(String, Option<Arc<RawValue>>)> {
        let (same, kept) = self
            .lock()
            .iter()
            .find(|(k, _)| k == key)
            .map(|(k, page)| (Arc::ptr_eq(&k.form, &key.form), page.clone()))?;
        Some((kept.with(own)?, same.then(|| kept.spec.clone())))
    }

    /// Keeps `html`, rendered from `key` with `own`'s parts, and its form
    /// `spec` as written; not if the CSRF token is not in it once.
    pub fn keep(&self, key: FormPageKey, html: &str, own: &OwnParts, spec: Arc<RawValue>) {
        let Some(page) = KeptPage::cut(html, own, spec) else {
            return;
        };
        let page = Arc::new(page);
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
            returnto: None,
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

    /// A CAPTCHA form, as FancyCaptcha describes it, with `id`.
    fn captcha_form(id: &str, label: &str) -> Arc<AuthManagerInfo> {
        let answer = serde_json::json!({"cancreateaccounts": true, "requests": [{
            "id": "CaptchaAuthenticationRequest",
            "metadata": {"type": "image", "mime": "image/png"},
            "required": "required",
            "fields": {
                "captchaId": {"type": "hidden", "value": id, "label": "CAPTCHA ID"},
                "captchaInfo": {"type": "null", "value": format!("/index.php?wpCaptchaId={id}"), "label": label},
                "captchaWord": {"type": "string", "label": "CAPTCHA"},
            },
        }]});
        Arc::new(serde_json::from_value(answer).unwrap())
    }

    fn own<'a>(csrf: &'a str, values: &'a [String]) -> OwnParts<'a> {
        OwnParts { csrf, values }
    }

    #[test]
    fn a_kept_page_gets_each_visitors_own_token() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        pages.keep(key(&form, &words, "en"), "<form><input value=\"TOKEN1\"></form>", &own("TOKEN1", &[]), spec());
        let (page, spec) = pages.page(&key(&form, &words, "en"), &own("TOKEN2", &[])).unwrap();
        assert_eq!(page, "<form><input value=\"TOKEN2\"></form>");
        assert_eq!(spec.unwrap().get(), r#"{"requests":[]}"#);
    }

    #[test]
    fn a_captcha_page_is_kept_with_each_visitors_own_id_and_image() {
        let pages = FormPages::default();
        let words = Arc::new(Words::default());
        let first = ["1813520527175560282".to_owned(), "/captcha/3804c1f8/0".to_owned()];
        let html = r#"<input name="csrf" value="T1"><input type="hidden" name="captchaId" value="1813520527175560282"><img src="/captcha/3804c1f8/0">"#;
        pages.keep(key(&captcha_form(&first[0], "Type"), &words, "en"), html, &own("T1", &first), spec());
        // Another visitor's answer: another id, the same form otherwise.
        let second = ["2938475610293847561".to_owned(), "/captcha/0badf00d/0".to_owned()];
        let (page, spec) =
            pages.page(&key(&captcha_form(&second[0], "Type"), &words, "en"), &own("T2", &second)).unwrap();
        assert_eq!(
            page,
            r#"<input name="csrf" value="T2"><input type="hidden" name="captchaId" value="2938475610293847561"><img src="/captcha/0badf00d/0">"#
        );
        // Not the same description: that visitor's form is saved as theirs.
        assert!(spec.is_none());
        // A form that differs in more than its own values is another page.
        assert!(
            pages.page(&key(&captcha_form(&second[0], "Type the words"), &words, "en"), &own("T2", &second)).is_none()
        );
    }

    #[test]
    fn an_own_value_not_cut_out_must_be_the_same() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        // Short, so not cut out: the page holds it as it is.
        pages.keep(key(&form, &words, "en"), r#"<p>T</p><input value="ab">"#, &own("T", &["ab".to_owned()]), spec());
        assert!(pages.page(&key(&form, &words, "en"), &own("U", &["cd".to_owned()])).is_none());
        let (page, _) = pages.page(&key(&form, &words, "en"), &own("U", &["ab".to_owned()])).unwrap();
        assert_eq!(page, r#"<p>U</p><input value="ab">"#);
        // One to escape is not put in as it is.
        let values = ["12345678".to_owned()];
        pages.keep(key(&form, &words, "en"), r#"<p>T</p><input value="12345678">"#, &own("T", &values), spec());
        assert!(pages.page(&key(&form, &words, "en"), &own("U", &["1234\"<b>".to_owned()])).is_none());
    }

    #[test]
    fn a_page_is_kept_only_for_the_same_description_words_and_language() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        pages.keep(key(&form, &words, "en"), "<p>T</p>", &own("T", &[]), spec());
        let other_form: Arc<AuthManagerInfo> =
            Arc::new(serde_json::from_str(r#"{"cancreateaccounts":true,"haspreservedstate":true}"#).unwrap());
        assert!(pages.page(&key(&other_form, &words, "en"), &own("U", &[])).is_none());
        // Equal but not the same: refreshed words.
        assert!(pages.page(&key(&form, &Arc::new(Words::default()), "en"), &own("U", &[])).is_none());
        assert!(pages.page(&key(&form, &words, "th"), &own("U", &[])).is_none());
        let mut other_name = key(&form, &words, "en");
        other_name.wiki_name = "Other".into();
        assert!(pages.page(&other_name, &own("U", &[])).is_none());
        // Its links to the wiki's log-in and sign-up pages lead elsewhere.
        let mut other_page = key(&form, &words, "en");
        other_page.returnto = Some("Event:Paris".parse().unwrap());
        assert!(pages.page(&other_page, &own("U", &[])).is_none());
        assert!(pages.page(&key(&form, &words, "en"), &own("U", &[])).is_some());
    }

    #[test]
    fn a_page_that_holds_the_token_twice_or_not_at_all_is_not_kept() {
        let pages = FormPages::default();
        let (form, words) = (form(), Arc::new(Words::default()));
        pages.keep(key(&form, &words, "en"), "<p>T T</p>", &own("T", &[]), spec());
        pages.keep(key(&form, &words, "en"), "<p></p>", &own("T", &[]), spec());
        assert!(pages.page(&key(&form, &words, "en"), &own("U", &[])).is_none());
    }

    #[test]
    fn the_pages_kept_are_bounded() {
        let pages = FormPages::default();
        let words = Arc::new(Words::default());
        for i in 0..(3 * KEPT) {
            let mut key = key(&form(), &words, "en");
            key.wiki_name = format!("Wiki {i}");
            pages.keep(key, "<p>T</p>", &own("T", &[]), spec());
        }
        let kept = pages.lock().len();
        assert!((1..=KEPT).contains(&kept), "{kept}");
    }
}
