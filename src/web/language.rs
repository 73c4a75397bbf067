//! Which language each visitor gets (`?uselang=`, kept for the visit, then
//! the browser's `Accept-Language`, then `--language`), and the pages'
//! words in it. The words come with the form page's one request to the
//! wiki and are kept per language for a while; whether the wiki speaks a
//! language a visitor names is asked once an hour per language.

use std::time::Duration;

use actix_web::{FromRequest, HttpMessage, HttpRequest, dev::Payload, web};
use futures_util::future::LocalBoxFuture;

use super::AppState;
use super::errors::PageError;
use super::session::VisitorSession;
use crate::signup::{Words, candidates, choose_language};
use crate::wiki::types::LanguageInfo;
use crate::wiki::{SignupInfo, WikiClient};

/// How long what the wiki said of a language code is reused.
const LANGUAGE_TTL: Duration = Duration::from_secs(3600);
/// How long a language's words are reused (a wiki's local change shows
/// within this time).
const WORDS_TTL: Duration = Duration::from_secs(600);

pub struct Languages {
    /// What the wiki said of each code asked: `None` for one it does not speak.
    known: moka::sync::Cache<String, Option<LanguageInfo>>,
    words: moka::sync::Cache<String, Words>,
}

impl Default for Languages {
    fn default() -> Languages {
        Languages {
            known: moka::sync::Cache::builder().max_capacity(10_000).time_to_live(LANGUAGE_TTL).build(),
            words: moka::sync::Cache::builder().max_capacity(1000).time_to_live(WORDS_TTL).build(),
        }
    }
}

impl Languages {
    /// Learns which of `codes` the wiki speaks: one request for those not
    /// asked within [`LANGUAGE_TTL`], none when all were. If the wiki cannot
    /// say, the codes count as unknown until asked again.
    async fn ask_about(&self, wiki: &WikiClient, codes: &[String]) {
        let unasked: Vec<String> = codes.iter().filter(|c| !self.known.contains_key(*c)).cloned().collect();
        if unasked.is_empty() {
            return;
        }
        match wiki.languages(&unasked).await {
            Ok(spoken) => {
                for code in unasked {
                    let info = spoken.iter().find(|l| l.code == code).cloned();
                    self.known.insert(code, info);
                }
            }
            Err(e) => tracing::warn!(error = %e, "the wiki did not say which languages it speaks"),
        }
    }

    fn speaks(&self, code: &str) -> bool {
        self.known.get(code).flatten().is_some()
    }

    /// The switch between `offered` languages (those the wiki speaks), for
    /// a page in `current`: each named in its own language.
    pub fn switch(&self, offered: &[String], current: &str) -> Vec<LanguageChoice> {
        offered
            .iter()
            .filter_map(|code| self.known.get(code).flatten())
            .map(|known| LanguageChoice {
                current: known.code == current,
                code: known.code,
                lang: known.bcp47,
                name: known.autonym,
            })
            .collect()
    }

    /// What a form page's answer said in `language`: its words, kept.
    pub fn learn(&self, language: &str, info: &SignupInfo) {
        let (lang, rtl) = match self.known.get(language).flatten() {
            Some(known) => (known.bcp47, known.dir == "rtl"),
            // The portal's default: the wiki's own language, or as set.
            None => info.content_language.clone().unwrap_or_else(|| (language.to_owned(), false)),
        };
        self.words.insert(language.to_owned(), Words::new(language, &lang, rtl, info.messages.clone()));
    }

    /// The words of `language`, as last learnt; until then the portal's
    /// own in that language, with MediaWiki's English for the wiki's.
    pub fn words(&self, language: &str) -> Words {
        self.words.get(language).unwrap_or_else(|| match self.known.get(language).flatten() {
            Some(known) => Words::new(language, &known.bcp47, known.dir == "rtl", Vec::new()),
            None => Words::default(),
        })
    }
}

/// One language of the page's language switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageChoice {
    /// As the wiki codes it (`?uselang=`).
    pub code: String,
    /// BCP 47, for the link's `lang`.
    pub lang: String,
    /// Its own name for itself: "ไทย", "English".
    pub name: String,
    pub current: bool,
}

/// The language a request is served in (a `uselang` code, or the
/// portal's default).
#[derive(Clone)]
pub struct VisitorLanguage(pub String);

/// What a request itself asks: `?uselang=` and `Accept-Language`.
fn asked_by(req: &HttpRequest) -> (Option<String>, Option<String>) {
    let query = web::Query::<Vec<(String, String)>>::from_query(req.query_string()).ok();
    let uselang = query.and_then(|q| q.into_inner().into_iter().find(|(k, _)| k == "uselang").map(|(_, v)| v));
    let accept = req.headers().get("accept-language").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (uselang, accept)
}

/// The language `req` was served in, for its error page: as chosen by
/// [`VisitorLanguage`], or, where that never ran (a page that does not
/// exist), from the request alone and what is known already, with no
/// question to the wiki.
pub fn of_request(req: &HttpRequest, state: &AppState) -> String {
    if let Some(VisitorLanguage(chosen)) = req.extensions().get::<VisitorLanguage>() {
        return chosen.clone();
    }
    let (uselang, accept) = asked_by(req);
    let asked = uselang.or_else(|| VisitorSession::of(req).language());
    choose_language(asked.as_deref(), accept.as_deref(), |code| state.languages.speaks(code))
        .unwrap_or_else(|| state.wiki.language().to_owned())
}

impl FromRequest for VisitorLanguage {
    type Error = PageError;
    type Future = LocalBoxFuture<'static, Result<Self, PageError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let req = req.clone();
        let session = VisitorSession::from_request(&req, payload);
        Box::pin(async move {
            let state = req.app_data::<web::Data<AppState>>().cloned().ok_or(PageError::NotFound)?;
            let session = session.await.map_err(|_| PageError::NotFound)?;
            let chosen = choose(&req, &state, &session).await?;
            // Kept for the request's error page, if it comes to one.
            req.extensions_mut().insert(chosen.clone());
            Ok(chosen)
        })
    }
}

async fn choose(req: &HttpRequest, state: &AppState, session: &VisitorSession) -> Result<VisitorLanguage, PageError> {
    let default = state.wiki.language().to_owned();
    let (asked_now, accept) = asked_by(req);
    let asked = asked_now.clone().or_else(|| session.language());
    if asked.is_none() && accept.is_none() && state.language_switch.is_empty() {
        return Ok(VisitorLanguage(default));
    }
    let languages = &state.languages;
    // One question for the codes named and those of the switch.
    let mut codes = candidates(asked.as_deref(), accept.as_deref());
    codes.extend(state.language_switch.iter().cloned());
    languages.ask_about(&state.wiki, &codes).await;
    let chosen = choose_language(asked.as_deref(), accept.as_deref(), |code| languages.speaks(code));
    if let Some(asked) = asked_now.map(|a| a.to_lowercase()).filter(|a| languages.speaks(a)) {
        session.set_language(&asked)?;
    }
    Ok(VisitorLanguage(chosen.unwrap_or(default)))
}
