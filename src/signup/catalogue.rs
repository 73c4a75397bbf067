//! The portal's own sentences: the few with no MediaWiki interface message
//! for the same purpose (its trouble pages, its notices), in Project
//! Fluent's format under `locales/`. English is built in and stands in for
//! any sentence a language lacks.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The catalogues, English first: compiled into the binary.
const SOURCES: [(&str, &str); 12] = [
    ("en", include_str!("../../locales/en.ftl")),
    ("th", include_str!("../../locales/th.ftl")),
    ("ar", include_str!("../../locales/ar.ftl")),
    ("de", include_str!("../../locales/de.ftl")),
    ("es", include_str!("../../locales/es.ftl")),
    ("fr", include_str!("../../locales/fr.ftl")),
    ("ja", include_str!("../../locales/ja.ftl")),
    ("hi", include_str!("../../locales/hi.ftl")),
    ("id", include_str!("../../locales/id.ftl")),
    ("pt", include_str!("../../locales/pt.ftl")),
    ("ru", include_str!("../../locales/ru.ftl")),
    ("zh", include_str!("../../locales/zh.ftl")),
];

/// The languages the organisers' pages (the console's `console-`
/// sentences, the report's `report-`) speak at least; in the others, their
/// sentences fall back to English.
#[cfg(test)]
const CONSOLE_LANGUAGES: [&str; 3] = ["en", "th", "ar"];

/// The catalogues' languages written right to left.
const RIGHT_TO_LEFT: [&str; 1] = ["ar"];

struct Catalogue {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
}

static CATALOGUES: LazyLock<Vec<Catalogue>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(code, source)| {
            // A broken catalogue is a build mistake, caught by the unit tests.
            let resource = FluentResource::try_new((*source).to_owned()).expect("the catalogue parses");
            let language: LanguageIdentifier = code.parse().expect("a catalogue is named by a language code");
            let mut bundle = FluentBundle::new_concurrent(vec![language]);
            // In a right-to-left language, a name written left to right
            // (a username, the wiki's name) is isolated (U+2068...U+2069),
            // so its characters and the punctuation around it keep their
            // order. Elsewhere the marks would only get in the way.
            bundle.set_use_isolating(RIGHT_TO_LEFT.contains(code));
            bundle.add_resource(resource).expect("each id once per catalogue");
            Catalogue { code, bundle }
        })
        .collect()
});

/// Whether the catalogue has `lang` (a language of its own), and whether
/// it is written right to left: a page can be drawn in it whatever the
/// wiki says, or when the wiki cannot say.
pub fn has(lang: &str) -> Option<bool> {
    SOURCES.iter().any(|(code, _)| *code == lang).then(|| RIGHT_TO_LEFT.contains(&lang))
}

/// Sentence `id` in `lang` (a MediaWiki code such as `th` or `pt-br`),
/// else in its primary language, else in English; `None` for an id no
/// catalogue has. `args` fill the sentence's `{ $name }` placeholders;
/// numbers choose the language's plural form.
pub fn say(lang: &str, id: &str, args: &[(String, String)]) -> Option<String> {
    let primary = lang.split('-').next().unwrap_or_default();
    let chain = [lang, primary, "en"];
    let catalogue =
        chain.iter().find_map(|code| CATALOGUES.iter().find(|c| c.code == *code && c.bundle.has_message(id)))?;
    let pattern = catalogue.bundle.get_message(id)?.value()?;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value.parse::<i64>() {
            Ok(number) => fluent_args.set(name.as_str(), number),
            Err(_) => fluent_args.set(name.as_str(), value.as_str()),
        }
    }
    let mut errors = Vec::new();
    let text = catalogue.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, lang = catalogue.code, ?errors, "a sentence of the catalogue did not format cleanly");
    }
    Some(text.into_owned())
}

/// Every id of the English catalogue: what a page may say.
#[cfg(test)]
pub fn english_ids() -> Vec<String> {
    let english = fluent_syntax::parser::parse(SOURCES[0].1).expect("parses");
    english
        .body
        .iter()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_catalogue_parses_and_says_only_what_english_says() {
        let english = english_ids();
        assert!(english.len() > 40, "{english:?}");
        for (code, source) in SOURCES {
            let parsed = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, e)| panic!("{code}: {e:?}"));
            for entry in parsed.body {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    let id = m.id.name;
                    // MediaWiki's own messages may stand in for old wikis.
                    let known = english.iter().any(|e| e == id) || id.starts_with("htmlform-");
                    assert!(known, "{code}.ftl has {id}, which en.ftl lacks");
                }
            }
        }
        assert!(CATALOGUES.len() == SOURCES.len());
    }

    /// Every language says everything English says (the console's
    /// sentences: each of its languages): a missing sentence fails here,
    /// naming the file and the id.
    #[test]
    fn every_catalogue_says_every_sentence_of_the_english_one() {
        for (code, source) in &SOURCES[1..] {
            let parsed = fluent_syntax::parser::parse(*source).unwrap_or_else(|(_, e)| panic!("{code}: {e:?}"));
            let ids: Vec<&str> = parsed
                .body
                .iter()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name),
                    _ => None,
                })
                .collect();
            let console = CONSOLE_LANGUAGES.contains(code);
            let organisers = |id: &str| id.starts_with("console-") || id.starts_with("report-");
            for id in english_ids().into_iter().filter(|id| console || !organisers(id)) {
                assert!(ids.contains(&id.as_str()), "locales/{code}.ftl lacks {id}");
            }
        }
    }

    #[test]
    fn a_language_falls_back_to_its_primary_then_english() {
        assert_eq!(say("th", "form-or", &[]).as_deref(), Some("หรือ"));
        assert_eq!(say("th-x-formal", "form-or", &[]).as_deref(), Some("หรือ"));
        assert_eq!(say("de-formal", "form-or", &[]).as_deref(), Some("oder"));
        assert_eq!(say("nl", "form-or", &[]).as_deref(), Some("or"));
        assert_eq!(say("th", "no-such-sentence", &[]), None);
        assert_eq!(say("en", "htmlform-optional-flag", &[]), None, "MediaWiki's English is the wiki's own");
    }

    #[test]
    fn numbers_choose_the_plural_form_of_each_language() {
        let once = say("en", "error-rate-limited", &args(&[("seconds", "1")])).unwrap();
        let often = say("en", "error-rate-limited", &args(&[("seconds", "30")])).unwrap();
        assert!(once.contains("one second,"), "{once}");
        assert!(often.contains("30 seconds,"), "{often}");
        let two = say("ar", "error-rate-limited", &args(&[("seconds", "2")])).unwrap();
        assert!(two.contains("ثانيتين"), "{two}");
        let named = say("th", "welcome-created", &args(&[("username", "Ada"), ("wiki", "วิกิ")])).unwrap();
        assert_eq!(named, "สร้างบัญชี Ada ของคุณบน วิกิ แล้ว");
        let isolated = say("ar", "welcome-created", &args(&[("username", "Ada 2"), ("wiki", "TestWiki")])).unwrap();
        assert!(isolated.contains("\u{2068}Ada 2\u{2069}"), "{isolated:?}");
    }
}
