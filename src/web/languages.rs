//! What the wiki said of the languages visitors asked for, and the pages'
//! words in each: kept for a while, so that a language costs the wiki one
//! question an hour, and its words come with the form page's one request.

use std::time::Duration;

use crate::signup::{LanguageCode, Words};
use crate::wiki::types::LanguageInfo;
use crate::wiki::{FormPageInfo, WikiClient};

/// How long what the wiki said of a language code is reused.
const LANGUAGE_TTL: Duration = Duration::from_secs(3600);
/// How long a language's words are reused (a wiki's local change shows
/// within this time).
const WORDS_TTL: Duration = Duration::from_secs(600);

pub struct Languages {
    /// What the wiki said of each code asked: `None` for one it does not speak.
    known: moka::sync::Cache<LanguageCode, Option<LanguageInfo>>,
    words: moka::sync::Cache<LanguageCode, Words>,
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
    pub async fn ask_about(&self, wiki: &WikiClient, codes: &[LanguageCode]) {
        let unasked: Vec<LanguageCode> = codes.iter().filter(|c| !self.known.contains_key(*c)).cloned().collect();
        if unasked.is_empty() {
            return;
        }
        let asked: Vec<String> = unasked.iter().map(|c| c.as_str().to_owned()).collect();
        match wiki.languages(&asked).await {
            Ok(spoken) => {
                for code in unasked {
                    let info = spoken.iter().find(|l| l.code == code.as_str()).cloned();
                    self.known.insert(code, info);
                }
            }
            Err(e) => tracing::warn!(error = %e, "the wiki did not say which languages it speaks"),
        }
    }

    pub fn speaks(&self, code: &LanguageCode) -> bool {
        self.known.get(code).flatten().is_some()
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

    /// What a form page's answer said in `language`: its words, kept.
    pub fn learn(&self, language: &LanguageCode, info: &FormPageInfo) {
        let (lang, rtl) = match self.known.get(language).flatten() {
            Some(known) => (known.bcp47, known.dir == "rtl"),
            // The portal's default: the wiki's own language, or as set.
            None => info.content_language.clone().unwrap_or_else(|| (language.to_string(), false)),
        };
        self.words.insert(language.clone(), Words::new(language.as_str(), &lang, rtl, info.messages.clone()));
    }

    /// The words of `language`, as last learnt; until then the portal's
    /// own in that language, with MediaWiki's English for the wiki's.
    pub fn words(&self, language: &LanguageCode) -> Words {
        self.words.get(language).unwrap_or_else(|| match self.known.get(language).flatten() {
            Some(known) => Words::new(language.as_str(), &known.bcp47, known.dir == "rtl", Vec::new()),
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
