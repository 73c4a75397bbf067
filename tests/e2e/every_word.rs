//! Every word in the visitor's language: each page a visitor can reach is
//! drawn in English and in Thai, Arabic, German, Spanish, Japanese and
//! Hindi, and no sentence of the English page appears in the other; no
//! wikitext (`{{`) reaches any of them. (A further step's words are the
//! wiki's extension's; the test-bed's is English only.)

use crate::helpers::{PASSWORD, TestApp, TestWiki, Visitor, api_at, free_port, spawn_app, unique_name};

const LANGUAGES: [&str; 6] = ["th", "ar", "de", "es", "ja", "hi"];

/// The sentences of a page's visible text, long enough to be sentences
/// rather than names or numbers.
fn sentences(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let body = scraper::Selector::parse("body").unwrap();
    let text: String = doc.select(&body).flat_map(|e| e.text()).collect::<Vec<_>>().join("\n");
    text.split(['.', '!', '?', '\n', ':', ';', '(', ')'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 12)
        .collect()
}

/// A page as `fetch` gets it in English and in each language: the English
/// sentences left in another language's page, by language.
async fn english_left<F, Fut>(what: &str, fetch: F) -> Vec<String>
where
    F: Fn(&'static str) -> Fut,
    Fut: std::future::Future<Output = String>,
{
    let english = sentences(&fetch("en").await);
    assert!(!english.is_empty(), "{what}: the English page says nothing");
    let mut left = Vec::new();
    for language in LANGUAGES {
        let html = fetch(language).await;
        assert!(!html.contains("{{"), "{what} in {language}: wikitext on the page: {html}");
        assert!(html.contains(&format!("lang=\"{language}")), "{what} in {language}: not drawn in it: {html}");
        let translated = sentences(&html).join("\n");
        left.extend(
            english.iter().filter(|s| translated.contains(s.as_str())).map(|s| format!("{what} in {language}: {s}")),
        );
    }
    left
}

/// A visitor of `app` who asked for `language` (kept for the visit).
async fn visitor_in(app: &TestApp, language: &str) -> Visitor {
    let visitor = Visitor::new(app);
    visitor.get(&format!("/?uselang={language}")).await;
    visitor
}

#[tokio::test]
async fn no_english_the_visitor_did_not_choose_on_any_page() {
    let wiki = TestWiki::shared("plain");
    let app = &spawn_app(&wiki.api).await;
    let mut left = Vec::new();

    left.extend(english_left("the form", |l| async move { visitor_in(app, l).await.get("/").await.html }).await);
    left.extend(
        english_left("a refusal", |l| async move {
            let visitor = visitor_in(app, l).await;
            let form = visitor.get("/").await;
            let typed = [("username", "Admin"), ("password", PASSWORD), ("retype", PASSWORD)];
            visitor.submit(&form, &typed).await.html
        })
        .await,
    );
    left.extend(
        english_left("the welcome page", |l| async move {
            let visitor = visitor_in(app, l).await;
            let form = visitor.get("/").await;
            let name = unique_name("Every word");
            visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await.html
        })
        .await,
    );
    left.extend(
        english_left(
            "a page that does not exist",
            |l| async move { visitor_in(app, l).await.get("/nowhere").await.html },
        )
        .await,
    );

    // Too many sign-ups from one address: a turn a minute.
    let limited = &spawn_app(&wiki.api).args(&["--submissions-per-minute", "1"]).await;
    left.extend(
        english_left("the rate limit", |l| async move {
            let visitor =
                Visitor::forwarded_for(limited, &format!("198.51.100.{}", l.len() + l.as_bytes()[0] as usize));
            visitor.get(&format!("/?uselang={l}")).await;
            let mut page = visitor.get("/").await;
            for _ in 0..2 {
                page = visitor.submit(&page, &[("username", "Admin"), ("password", PASSWORD)]).await;
            }
            assert_eq!(page.status, 429, "{}", page.html);
            page.html
        })
        .await,
    );

    // Outside the event's window, and with the wiki down.
    let closed = &spawn_app(&wiki.api).args(&["--closes", "2020-01-01T00:00:00Z"]).await;
    left.extend(
        english_left("a closed page", |l| async move { visitor_in(closed, l).await.get("/").await.html }).await,
    );
    let early = &spawn_app(&wiki.api).args(&["--opens", "2099-01-01T00:00:00Z"]).await;
    left.extend(
        english_left("a page not open yet", |l| async move { visitor_in(early, l).await.get("/").await.html }).await,
    );
    let full = &spawn_app(&wiki.api).args(&["--max-accounts", "1"]).await;
    let visitor = Visitor::new(full);
    let form = visitor.get("/").await;
    let made = visitor
        .submit(&form, &[("username", &unique_name("The one")), ("password", PASSWORD), ("retype", PASSWORD)])
        .await;
    assert!(made.url.ends_with("/welcome"), "{}", made.html);
    left.extend(english_left("a full page", |l| async move { visitor_in(full, l).await.get("/").await.html }).await);
    let down = &spawn_app(&api_at(format!("127.0.0.1:{}", free_port()))).await;
    left.extend(english_left("the wiki down", |l| async move { visitor_in(down, l).await.get("/").await.html }).await);

    assert!(left.is_empty(), "English left on translated pages:\n{}", left.join("\n"));
}
