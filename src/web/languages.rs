//! What the wiki said of the languages visitors asked for, and the pages'
//! words in each: kept for a while, so that a language costs the wiki one
//! question an hour, and its words (the same for every visitor) are asked
//! once per `--wiki-cache-ttl` and language, in the background once kept:
//! a visitor's form page asks the wiki only for what is theirs.
//! Only codes of the wiki's own list of languages (asked once a day) are
//! ever sent to it: whatever codes visitors make up, the wiki is asked
//! about a few hundred languages an hour at most.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{Duration, Instant};

use crate::signup::{LanguageCode, Words, catalogue};
use crate::wiki::WikiClient;
use crate::wiki::types::LanguageInfo;

/// How long what the wiki said of a language code is reused.
const LANGUAGE_TTL: Duration = Duration::from_secs(3600);
/// How long the wiki's list of languages is reused, and how soon it is
/// asked again after the wiki could not give it.
const LIST_TTL: Duration = Duration::from_secs(24 * 3600);
const LIST_RETRY: Duration = Duration::from_secs(60);
/// The most languages one request may make the portal ask the wiki about.
const MOST_ASKED: usize = 4;
/// How soon a language's words are asked again after the wiki could not
/// give them (the old ones serve meanwhile).
const WORDS_RETRY: Duration = Duration::from_secs(60);
/// The most languages whose words are kept.
const MOST_KEPT: usize = 1000;

pub struct Languages {
    /// The codes of the wiki's list of languages, and when it was asked
    /// (whether it answered).
    list: tokio::sync::Mutex<LanguageList>,
    /// What the wiki said of each code asked: `None` for one it does not speak.
    known: moka::sync::Cache<LanguageCode, Option<LanguageInfo>>,
    /// Read by every page: a plain map, which costs a page a fraction of
    /// what a general-purpose cache does.
    words: Arc<RwLock<HashMap<LanguageCode, Kept>>>,
    /// The languages whose words are being asked again: one question at a
    /// time each.
    refreshing: Arc<std::sync::Mutex<HashSet<LanguageCode>>>,
    /// How long kept words count as fresh (a change on the wiki shows
    /// within this time).
    words_ttl: Duration,
}

/// A language's words as the wiki last said them.
#[derive(Clone)]
struct Kept {
    /// Shared by every page drawn in the language (never copied per page).
    words: Arc<Words>,
    /// The administrators' reason, when the wiki said it was read-only.
    readonly: Option<String>,
    /// When to ask the wiki again.
    next_ask: Instant,
}

#[derive(Default)]
struct LanguageList {
    codes: Arc<HashSet<LanguageCode>>,
    asked: Option<(Instant, bool)>,
}

impl Languages {
    /// Languages whose words count as fresh for `words_ttl`.
    pub fn new(words_ttl: Duration) -> Languages {
        Languages {
            list: Default::default(),
            known: moka::sync::Cache::builder().max_capacity(1000).time_to_live(LANGUAGE_TTL).build(),
            words: Default::default(),
            refreshing: Default::default(),
            words_ttl,
        }
    }

    /// The codes of every language the wiki speaks: asked once a day (one
    /// request, however many visitors ask at once); kept when the wiki
    /// cannot say, and asked again a minute later.
    async fn spoken(&self, wiki: &WikiClient) -> Arc<HashSet<LanguageCode>> {
        let mut list = self.list.lock().await;
        let fresh = list.asked.is_some_and(|(at, ok)| at.elapsed() < if ok { LIST_TTL } else { LIST_RETRY });
        if !fresh {
            let answered = match wiki.language_codes().await {
                Ok(codes) => {
                    list.codes = Arc::new(codes.iter().filter_map(|code| code.parse().ok()).collect());
                    true
                }
                Err(e) => {
                    tracing::warn!(error = %e, "the wiki did not say which languages it speaks");
                    false
                }
            };
            list.asked = Some((Instant::now(), answered));
        }
        list.codes.clone()
    }

    /// Of `codes`, those the wiki lists and was not asked about within
    /// [`LANGUAGE_TTL`]: at most a few, most wanted first. Empty when
    /// [`Languages::learn_about`] has nothing to ask.
    pub async fn unasked(&self, wiki: &WikiClient, codes: &[LanguageCode]) -> Vec<LanguageCode> {
        let mut unasked: Vec<LanguageCode> = codes.iter().filter(|c| !self.known.contains_key(*c)).cloned().collect();
        // Most requests name only languages asked about already: no need
        // to take the list's lock for them.
        if unasked.is_empty() {
            return unasked;
        }
        let spoken = self.spoken(wiki).await;
        unasked.retain(|c| spoken.contains(c));
        unasked.dedup();
        unasked.truncate(MOST_ASKED);
        unasked
    }

    /// Asks the wiki about `codes` (from [`Languages::unasked`]): one
    /// request. If the wiki cannot say, they count as unknown until asked
    /// again.
    pub async fn learn_about(&self, wiki: &WikiClient, codes: &[LanguageCode]) {
        if codes.is_empty() {
            return;
        }
        let asked: Vec<String> = codes.iter().map(|c| c.as_str().to_owned()).collect();
        match wiki.languages(&asked).await {
            Ok(spoken) => {
                for code in codes {
                    let info = spoken.iter().find(|l| l.code == code.as_str()).cloned();
                    self.known.insert(code.clone(), info);
                }
            }
            Err(e) => tracing::warn!(error = %e, "the wiki did not say which languages it speaks"),
        }
    }

    /// Whether a page can be drawn in `code`: the wiki speaks it, or the
    /// portal's catalogue does (when the wiki is down, its words too).
    pub fn speaks(&self, code: &LanguageCode) -> bool {
        self.known.get(code).flatten().is_some() || catalogue::has(code.as_str()).is_some()
    }

    /// The switch between `offered` languages (those the wiki speaks), for
    /// a page in `current`: each named in its own language.
    pub fn switch(&self, offered: &[LanguageCode], current: &LanguageCode) -> Vec<LanguageChoice> {
        offered
            .iter()
            .filter_map(|code| self.known.get(code).flatten())
            .map(|known| LanguageChoice {
                current: known.code == current.as_str(),
                code: known.code,
                lang: known.bcp47,
                name: known.autonym,
            })
            .collect()
    }

    /// Makes sure the words of `language` are kept: asked of the wiki now
    /// when there are none, and again in the background once they are
    /// older than the lifetime (visitors meanwhile get the kept ones; when
    /// the wiki cannot say, they are kept, and asked again a minute later).
    /// The wiki's reason, when it said it is read-only.
    pub async fn keep_words(&self, wiki: &WikiClient, language: &LanguageCode) -> Option<String> {
        let Some(kept) = self.kept(language) else {
            // When the wiki cannot say, the portal's own words serve for a
            // minute: a wiki in trouble is not asked again by every visitor.
            let kept = Self::ask(wiki, language, self.known.get(language).flatten(), self.words_ttl)
                .await
                .unwrap_or_else(|| Kept {
                    words: self.words(language),
                    readonly: None,
                    next_ask: Instant::now() + WORDS_RETRY.min(self.words_ttl),
                });
            let readonly = kept.readonly.clone();
            keep(&self.words, language.clone(), kept);
            return readonly;
        };
        let readonly = kept.readonly.clone();
        let stale = Instant::now() >= kept.next_ask;
        if stale && self.refreshing.lock().expect("refreshing lock").insert(language.clone()) {
            let (words, refreshing, wiki, language) =
                (self.words.clone(), self.refreshing.clone(), wiki.clone(), language.clone());
            let (known, ttl) = (self.known.get(&language).flatten(), self.words_ttl);
            tokio::spawn(async move {
                let fresh = Self::ask(&wiki, &language, known, ttl).await;
                let retry = || Kept { next_ask: Instant::now() + WORDS_RETRY.min(ttl), ..kept };
                keep(&words, language.clone(), fresh.unwrap_or_else(retry));
                refreshing.lock().expect("refreshing lock").remove(&language);
            });
        }
        readonly
    }

    fn kept(&self, language: &LanguageCode) -> Option<Kept> {
        self.words.read().unwrap_or_else(PoisonError::into_inner).get(language).cloned()
    }

    /// The words of `language` as the wiki says them now.
    async fn ask(
        wiki: &WikiClient,
        language: &LanguageCode,
        known: Option<LanguageInfo>,
        ttl: Duration,
    ) -> Option<Kept> {
        let site = match wiki.site_words(language.as_str()).await {
            Ok(site) => site,
            Err(e) => {
                tracing::warn!(error = %e, language = language.as_str(), "the wiki did not give the pages' words");
                return None;
            }
        };
        // Else the portal's default: the wiki's own language, or as set.
        let (lang, rtl) = written(language, known)
            .or_else(|| site.content_language.clone())
            .unwrap_or_else(|| (language.to_string(), false));
        let words = Arc::new(Words::new(language.as_str(), &lang, rtl, site.messages));
        Some(Kept { words, readonly: site.readonly, next_ask: Instant::now() + ttl })
    }

    /// The words of `language`, as last learnt; until then the portal's
    /// own in that language, with MediaWiki's English for the wiki's.
    pub fn words(&self, language: &LanguageCode) -> Arc<Words> {
        if let Some(kept) = self.kept(language) {
            return kept.words;
        }
        Arc::new(match written(language, self.known.get(language).flatten()) {
            Some((lang, rtl)) => Words::new(language.as_str(), &lang, rtl, Vec::new()),
            None => Words::default(),
        })
    }
}

/// Keeps `kept` as the words of `language`. Only languages the wiki or
/// the portal speaks get here, a few hundred at most; past
/// [`MOST_KEPT`] the map starts afresh rather than grow.
fn keep(words: &RwLock<HashMap<LanguageCode, Kept>>, language: LanguageCode, kept: Kept) {
    let mut words = words.write().unwrap_or_else(PoisonError::into_inner);
    if words.len() >= MOST_KEPT && !words.contains_key(&language) {
        words.clear();
    }
    words.insert(language, kept);
}

/// How `language` is written (its BCP 47 tag, and whether right to left):
/// as the wiki said of it (`known`), else as the portal's catalogue writes
/// it, if it has it.
fn written(language: &LanguageCode, known: Option<LanguageInfo>) -> Option<(String, bool)> {
    match (known, catalogue::has(language.as_str())) {
        (Some(known), _) => Some((known.bcp47, known.dir == "rtl")),
        (None, Some(rtl)) => Some((language.to_string(), rtl)),
        (None, None) => None,
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
