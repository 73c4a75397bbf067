//! Each browser session holds its own wiki session.

use crate::helpers::{PASSWORD, TestWiki, Visitor, spawn_app, unique_name};

#[tokio::test]
async fn two_visitors_whose_steps_interleave_both_sign_up() {
    // FancyCaptcha keeps each answer in the wiki session that fetched its
    // image: had the portal mixed the two wiki sessions up, a sign-up fails.
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let (ann, bob) = (Visitor::new(&app), Visitor::new(&app));
    let (ann_name, bob_name) = (unique_name("Ann"), unique_name("Bob"));

    let ann_form = ann.get("/").await;
    let bob_form = bob.get("/").await;
    assert_ne!(ann_form.input_value("captchaId"), bob_form.input_value("captchaId"));
    assert_eq!(bob.fetch(&bob_form.images()[0]).await.0, 200);
    assert_eq!(ann.fetch(&ann_form.images()[0]).await.0, 200);

    let bob_done = bob
        .submit(
            &bob_form,
            &[("username", &bob_name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")],
        )
        .await;
    let ann_done = ann
        .submit(
            &ann_form,
            &[("username", &ann_name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")],
        )
        .await;
    assert!(bob_done.url.ends_with("/welcome"), "{}", bob_done.html);
    assert!(ann_done.url.ends_with("/welcome"), "{}", ann_done.html);
    assert!(ann_done.text("h1").contains(&ann_name) && bob_done.text("h1").contains(&bob_name));
    assert!(wiki.user(&ann_name).await.is_some() && wiki.user(&bob_name).await.is_some());
}

#[tokio::test]
async fn a_submission_without_a_session_keeps_what_was_typed() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let shown = Visitor::new(&app).get("/").await;
    // A browser whose session has gone (expired, or cookies cleared).
    let stranger = Visitor::new(&app);
    let name = unique_name("Lost");
    let page =
        stranger.submit(&shown, &[("username", &name), ("password", PASSWORD), ("email", "lost@example.org")]).await;
    assert_eq!(page.status, 200);
    assert!(page.text(".notice").contains("nothing was sent"), "{}", page.html);
    assert_eq!(page.input_value("username").as_deref(), Some(name.as_str()));
    assert_eq!(page.input_value("email").as_deref(), Some("lost@example.org"));
    assert_eq!(page.input_value("password").as_deref(), Some(""));
    assert!(wiki.user(&name).await.is_none());
}

#[tokio::test]
async fn visitors_of_a_page_rendered_once_each_sign_up_with_their_own_token() {
    // A wiki without a CAPTCHA: the second and third visitors get the page
    // the first one's rendering left, with their own CSRF token in it, and
    // each sign-up goes through the visitor's own wiki session.
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitors = [Visitor::new(&app), Visitor::new(&app), Visitor::new(&app)];
    let mut forms = Vec::new();
    for visitor in &visitors {
        forms.push(visitor.get("/").await);
    }
    let tokens: Vec<_> = forms.iter().map(|form| form.input_value("wikisignup_csrf").unwrap()).collect();
    assert!(tokens[0] != tokens[1] && tokens[1] != tokens[2] && tokens[0] != tokens[2], "{tokens:?}");
    let without_token = |html: &str, token: &str| html.replace(token, "");
    assert_eq!(without_token(&forms[1].html, &tokens[1]), without_token(&forms[2].html, &tokens[2]));

    // A token is good only in its own session.
    let thief = Visitor::new(&app);
    thief.get("/").await;
    let stolen = thief.submit(&forms[1], &[("username", &unique_name("Thief")), ("password", PASSWORD)]).await;
    assert!(!stolen.url.ends_with("/welcome"), "{}", stolen.html);

    for (visitor, form) in visitors.iter().zip(&forms).rev() {
        let name = unique_name("Kept");
        let done = visitor.submit(form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
        assert!(done.url.ends_with("/welcome"), "{}", done.html);
        assert!(wiki.user(&name).await.is_some());
    }
}
