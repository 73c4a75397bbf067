//! The wiki's labels and messages arrive as HTML. They are shown only after
//! sanitizing: basic formatting and links survive, links are made absolute
//! to the wiki and open safely; scripts, styles and handlers do not.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use url::Url;

fn builder(wiki_base: &Url) -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "a", "b", "strong", "i", "em", "code", "kbd", "br", "p", "span", "ul", "ol", "li", "small", "sub", "sup", "s",
        "u", "tt", "dl", "dt", "dd", "div", "bdi",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::default();
    builder
        .tags(tags)
        .link_rel(Some("noopener noreferrer"))
        // The wiki refuses to be framed: inside an event site's frame a
        // link followed in place would show an error and lose the form.
        .set_tag_attribute_value("a", "target", "_blank")
        .url_relative(ammonia::UrlRelative::RewriteWithBase(wiki_base.clone()))
        .url_schemes(["http", "https", "mailto"].into_iter().collect());
    builder
}

thread_local! {
    static SANITIZERS: RefCell<Sanitizers> = RefCell::new(Sanitizers::default());
}

/// Bases a thread keeps a builder for: the API's and `index.php`'s (labels
/// from the API and from the kept words), and a spare.
const BASES: usize = 3;
/// Texts cleaned per base that a thread remembers. Past this, all are
/// forgotten together.
const REMEMBERED: usize = 256;

/// A builder costs more than the cleaning it does (it fills sets of tags
/// and attributes), and the cleaning costs more than the rest of a form
/// page: every visitor gets the same few labels and help texts. Each thread
/// keeps a builder per base and what it cleaned.
#[derive(Default)]
struct Sanitizers {
    bases: Vec<(Url, ammonia::Builder<'static>, HashMap<Box<str>, SafeHtml>)>,
}

impl Sanitizers {
    fn clean(&mut self, html: &str, wiki_base: &Url) -> SafeHtml {
        let at = match self.bases.iter().position(|(base, _, _)| base == wiki_base) {
            Some(at) => at,
            None => {
                if self.bases.len() >= BASES {
                    self.bases.clear();
                }
                self.bases.push((wiki_base.clone(), builder(wiki_base), HashMap::new()));
                self.bases.len() - 1
            }
        };
        let (_, builder, cleaned) = &mut self.bases[at];
        if let Some(safe) = cleaned.get(html) {
            return safe.clone();
        }
        let safe = SafeHtml(builder.clean(html).to_string().trim().to_owned());
        if cleaned.len() >= REMEMBERED {
            cleaned.clear();
        }
        cleaned.insert(html.into(), safe.clone());
        safe
    }
}

/// Sanitized HTML, safe to put in a page as it is. It is (de)serialized only
/// to and from the portal's own server-side session store.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn sanitize(html: &str, wiki_base: &Url) -> SafeHtml {
        // Plain text (most labels) needs no parser, only escaping.
        if !html.contains(['<', '>', '&']) {
            return SafeHtml::from_text(html.trim());
        }
        SANITIZERS.with_borrow_mut(|sanitizers| sanitizers.clean(html, wiki_base))
    }

    /// Pieces already made safe, joined (see `Words::html`).
    pub(super) fn trusted(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    /// Plain text, escaped.
    pub fn from_text(text: &str) -> SafeHtml {
        let mut html = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '"' => html.push_str("&quot;"),
                '\'' => html.push_str("&#39;"),
                c => html.push(c),
            }
        }
        SafeHtml(html)
    }

    /// `text`, escaped, then this.
    pub fn after_text(self, text: &str) -> SafeHtml {
        SafeHtml(format!("{} {}", SafeHtml::from_text(text).0, self.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for SafeHtml {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://wiki.example/").unwrap()
    }

    #[test]
    fn keeps_links_made_absolute_to_the_wiki() {
        let html = r#"Please (<a href="/index.php/Special:Captcha/help" title="Special:Captcha/help">more info</a>)"#;
        let safe = SafeHtml::sanitize(html, &base());
        assert!(safe.as_str().contains(r#"href="https://wiki.example/index.php/Special:Captcha/help""#), "{safe}");
        assert!(safe.as_str().contains(r#"rel="noopener noreferrer""#), "{safe}");
    }

    #[test]
    fn drops_scripts_handlers_and_javascript_links() {
        let html = r#"<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><b onclick="alert(4)">bold</b>"#;
        let safe = SafeHtml::sanitize(html, &base());
        for bad in ["<script", "onerror", "javascript:", "onclick", "alert(1)"] {
            assert!(!safe.as_str().contains(bad), "{bad} survived in {safe}");
        }
        assert!(safe.as_str().contains("<b>bold</b>"), "{safe}");
    }

    #[test]
    fn a_text_cleaned_again_under_another_base_gets_that_base() {
        // The API's base and index.php's alternate on every form page; what
        // a thread remembers is per base.
        let html = r#"<a href="/help">help</a>"#;
        let other = Url::parse("https://other.example/w/").unwrap();
        for _ in 0..2 {
            let first = SafeHtml::sanitize(html, &base());
            let second = SafeHtml::sanitize(html, &other);
            assert!(first.as_str().contains(r#"href="https://wiki.example/help""#), "{first}");
            assert!(second.as_str().contains(r#"href="https://other.example/help""#), "{second}");
        }
    }

    #[test]
    fn a_thread_forgets_what_it_cleaned_past_its_bound_and_still_cleans() {
        for i in 0..(REMEMBERED + 2) {
            let safe = SafeHtml::sanitize(&format!("<b>{i}</b><script>x</script>"), &base());
            assert_eq!(safe.as_str(), format!("<b>{i}</b>"));
        }
        SANITIZERS.with_borrow(|s| assert!(s.bases[0].2.len() <= REMEMBERED));
    }

    #[test]
    fn plain_text_is_escaped() {
        assert_eq!(
            SafeHtml::from_text("<b>Tom & 'Jerry'</b>").as_str(),
            "&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn text_with_markup_characters_is_escaped() {
        let safe = SafeHtml::sanitize("User 1 < 2 & \"quoted\"", &base());
        assert_eq!(safe.as_str(), "User 1 &lt; 2 &amp; \"quoted\"");
    }
}
