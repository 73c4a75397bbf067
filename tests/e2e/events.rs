//! Events as pages of their own: `[[event]]` tables in the settings file,
//! each at `/e/SLUG/` with its own wiki, look and session keys, beside the
//! portal's own page at `/`.

use crate::helpers::{PASSWORD, TestApp, TestWiki, Visitor, spawn_app, unique_name};

/// A portal whose settings file has two events: one on `first`, one on
/// `second`.
async fn two_event_portal(first: &TestWiki, second: &TestWiki) -> (TestApp, std::path::PathBuf) {
    let file = std::env::temp_dir().join(format!("wikisignup-events-{}.toml", unique_name("e").replace(' ', "-")));
    let text = format!(
        r##"
operator = "Wikimedia Thailand"

[[event]]
slug = "bangkok"
title = "Bangkok Edit-a-thon"
wiki_api = "{}"

[[event]]
slug = "commons-walk"
title = "Commons Photo Walk"
wiki_api = "{}"
accent_color = "#006699"
"##,
        first.api, second.api
    );
    std::fs::write(&file, text).unwrap();
    let app = spawn_app(&first.api).args(&["--config", file.to_str().unwrap()]).await;
    (app, file)
}

fn created_accounts(requests: &[String]) -> usize {
    requests.iter().filter(|r| r.contains("createaccount")).count()
}

#[tokio::test]
async fn two_events_on_two_wikis_sign_up_apart_in_one_portal() {
    let (plain, captcha) = (TestWiki::shared("plain"), TestWiki::shared("captcha"));
    let (app, file) = two_event_portal(plain, captcha).await;
    let visitor = Visitor::new(&app);

    let bangkok = visitor.get("/e/bangkok/").await;
    assert_eq!(bangkok.status, 200, "{}", bangkok.html);
    assert_eq!(bangkok.text(".event-title"), "Bangkok Edit-a-thon");
    assert_eq!(bangkok.attr("form.signup", "action").as_deref(), Some("/e/bangkok/"));
    assert!(bangkok.text("footer").contains("Wikimedia Thailand"), "the portal's settings are the event's too");
    let walk = visitor.get("/e/commons-walk/").await;
    assert_eq!(walk.text(".event-title"), "Commons Photo Walk");
    let image = &walk.images()[0];
    assert!(image.starts_with("/e/commons-walk/captcha/"), "{image}");
    assert_eq!(visitor.fetch(image).await.1, "image/png");
    assert!(String::from_utf8(visitor.fetch("/e/commons-walk/theme.css").await.2).unwrap().contains("#006699"));

    // A form of one event, posted to the other's route: refused, and no
    // account is asked of either wiki.
    let before = (plain.requests().len(), captcha.requests().len());
    let crossed = visitor
        .submit_to("/e/commons-walk/", &bangkok, &[("username", &unique_name("Crossed")), ("password", PASSWORD)])
        .await;
    assert!(crossed.text(".notice").contains("nothing was sent"), "{}", crossed.html);
    assert_eq!(created_accounts(&plain.requests()[before.0..]), 0);
    assert_eq!(created_accounts(&captcha.requests()[before.1..]), 0);

    // A visitor signs up at each, in the same browser.
    let (first, second) = (unique_name("Bangkok"), unique_name("Walker"));
    let bangkok = visitor.get("/e/bangkok/").await;
    let done = visitor.submit(&bangkok, &[("username", &first), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/e/bangkok/welcome"), "{}", done.html);
    assert!(done.text("main").contains(&first) && !done.text("main").contains(&second));
    let walk = visitor.get("/e/commons-walk/").await;
    let typed =
        [("username", second.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")];
    let done = visitor.submit(&walk, &typed).await;
    assert!(done.url.ends_with("/e/commons-walk/welcome"), "{}", done.html);
    assert!(done.text("main").contains(&second) && !done.text("main").contains(&first));
    // Each account on its own event's wiki only.
    assert!(plain.user(&first).await.is_some() && captcha.user(&first).await.is_none());
    assert!(captcha.user(&second).await.is_some() && plain.user(&second).await.is_none());

    // The portal's own page is still at /, and an event not set up is not.
    assert_eq!(visitor.get("/").await.attr("form.signup", "action").as_deref(), Some("/"));
    assert_eq!(visitor.get("/e/elsewhere/").await.status, 404);
    std::fs::remove_file(file).unwrap();
}
