//! Whose page it is: the event's name, intro, logo and colour above the
//! form, and on every page a footer naming who runs it, the privacy notice
//! and the wiki that keeps the password.

use crate::helpers::{TestApp, TestWiki, Visitor, spawn_app};

pub const LOGO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logo.png");

/// A portal with the whole look set.
pub async fn branded_portal(wiki: &TestWiki) -> TestApp {
    spawn_app(&wiki.api)
        .args(&[
            "--title",
            "Bangkok Edit-a-thon 2026",
            "--intro",
            "Welcome! Create your account here.\n\nBring a laptop or a phone.",
            "--logo",
            LOGO,
            "--accent-color",
            "#990000",
            "--operator",
            "Wikimedia Thailand",
            "--operator-url",
            "https://wikimedia.or.th/",
            "--privacy-url",
            "https://wikimedia.or.th/privacy",
        ])
        .await
}

#[tokio::test]
async fn every_page_says_whose_it_is() {
    let wiki = TestWiki::shared("plain");
    let app = branded_portal(wiki).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert_eq!(form.text(".masthead .event-title"), "Bangkok Edit-a-thon 2026");
    assert_eq!(form.attr(".masthead img", "src").as_deref(), Some("/logo"));
    assert_eq!(form.text("p.intro"), "Welcome! Create your account here.\nBring a laptop or a phone.");
    let footer = form.text("footer");
    assert!(footer.contains("This page is run by Wikimedia Thailand."), "{footer}");
    assert!(footer.contains("Your account is created on TestWiki, which keeps your password"), "{footer}");
    assert!(form.attr("footer a[href^='https://wikimedia.or.th/privacy']", "href").is_some());
    assert_eq!(form.attr("footer p a", "href").as_deref(), Some("https://wikimedia.or.th/"));

    let (status, kind, body) = visitor.fetch("/logo").await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert_eq!(body, std::fs::read(LOGO).unwrap());
    let (_, kind, theme) = visitor.fetch("/theme.css").await;
    let theme = String::from_utf8(theme).unwrap();
    assert!(kind.starts_with("text/css"));
    assert!(theme.contains("--accent: #990000") && theme.contains("--on-accent: #ffffff"), "{theme}");

    // Error pages too say whose they are.
    let error = visitor.get("/no-such-page").await;
    assert_eq!(error.status, 404);
    assert_eq!(error.text(".masthead .event-title"), "Bangkok Edit-a-thon 2026");
    assert!(error.text("footer").contains("Wikimedia Thailand"));
}

#[tokio::test]
async fn without_a_look_the_page_is_plain_but_names_the_wiki() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert!(!form.html.contains("masthead") && !form.html.contains("/theme.css"), "{}", form.html);
    assert!(form.text("footer").contains("Your account is created on TestWiki"));
    assert_eq!(visitor.fetch("/logo").await.0, 404);
}
