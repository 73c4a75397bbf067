//! The wiki's labels and messages arrive as HTML. They are shown only after
//! sanitizing: basic formatting and links survive, links are made absolute
//! to the wiki and open safely; scripts, styles and handlers do not.

use std::cell::RefCell;
use std::collections::HashSet;

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
        // A builder costs more than the cleaning it does (it fills sets of
        // tags and attributes): one per thread, remade only for a new base.
        thread_local! {
            static BUILDER: RefCell<Option<(Url, ammonia::Builder<'static>)>> = const { RefCell::new(None) };
        }
        let clean = BUILDER.with_borrow_mut(|cached| {
            if cached.as_ref().is_none_or(|(base, _)| base != wiki_base) {
                *cached = Some((wiki_base.clone(), builder(wiki_base)));
            }
            let (_, builder) = cached.as_ref().expect("just set");
            builder.clean(html).to_string()
        });
        SafeHtml(clean.trim().to_owned())
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
