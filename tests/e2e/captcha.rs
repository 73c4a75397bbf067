//! CAPTCHA wikis: ConfirmEdit's FancyCaptcha (the API docs' Example 2) and
//! QuestyCaptcha. The test-bed's FancyCaptcha images all read "wikiwiki".

use crate::helpers::{PASSWORD, Page, TestWiki, Visitor, spawn_app, unique_name};

const ANSWER: &str = "wikiwiki";

fn captcha_id(page: &Page) -> String {
    page.input_value("captchaId").unwrap_or_else(|| panic!("no captchaId in {}", page.html))
}

#[tokio::test]
async fn fancy_captcha_image_comes_through_the_portal_and_sign_up_passes() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Fancy");

    let form = visitor.get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    let images = form.images();
    assert_eq!(images.len(), 1, "{}", form.html);
    assert!(images[0].starts_with("/captcha/"), "image not served by the portal: {}", images[0]);
    let (status, kind, body) = visitor.fetch(&images[0]).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert!(body.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");

    let done = visitor
        .submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", ANSWER)])
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn a_captcha_sign_up_costs_two_wiki_requests_and_one_image() {
    let wiki = TestWiki::private("captcha", &[]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let before = wiki.requests().len();

    let form = visitor.get("/").await;
    visitor.fetch(&form.images()[0]).await;
    let name = unique_name("Counted");
    let done = visitor
        .submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", ANSWER)])
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert_eq!(
        wiki.requests()[before..],
        ["GET /api.php query", "GET /index.php Special:Captcha/image", "POST /api.php createaccount"]
    );
}

#[tokio::test]
async fn a_wrong_answer_brings_a_new_captcha_and_keeps_the_rest() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Retry");
    let email = "retry@example.org";

    let form = visitor.get("/").await;
    let again = visitor
        .submit(
            &form,
            &[
                ("username", &name),
                ("password", PASSWORD),
                ("retype", PASSWORD),
                ("email", email),
                ("captchaWord", "wrong"),
            ],
        )
        .await;
    assert_eq!(again.status, 200);
    assert!(again.text(".notice.error").to_lowercase().contains("captcha"), "{}", again.html);
    assert_ne!(captcha_id(&again), captcha_id(&form), "the CAPTCHA was not renewed");
    assert_eq!(again.input_value("username").as_deref(), Some(name.as_str()));
    assert_eq!(again.input_value("email").as_deref(), Some(email));
    assert_eq!(again.input_value("password").as_deref(), Some(""));
    assert_eq!(again.input_value("captchaWord").as_deref(), Some(""));
    assert!(wiki.user(&name).await.is_none());
    // The new image is served too.
    assert_eq!(visitor.fetch(&again.images()[0]).await.0, 200);

    let done = visitor
        .submit(
            &again,
            &[
                ("username", &name),
                ("password", PASSWORD),
                ("retype", PASSWORD),
                ("email", email),
                ("captchaWord", ANSWER),
            ],
        )
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn only_the_current_forms_image_is_served() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let old = visitor.get("/").await;
    let new = visitor.get("/").await;
    let (status, content_type, _) = visitor.fetch(&new.images()[0]).await;
    assert_eq!((status, content_type.as_str()), (200, "image/png"));
    // Opened on its own, the image may run nothing.
    let headers = visitor.headers(&new.images()[0]).await;
    assert_eq!(headers.get("content-security-policy").map(|v| v.to_str().unwrap()), Some("sandbox"));
    assert_eq!(headers.get("x-content-type-options").map(|v| v.to_str().unwrap()), Some("nosniff"));
    assert_eq!(visitor.fetch(&old.images()[0]).await.0, 404, "an old form's image is still served");
    assert_eq!(visitor.fetch("/captcha/00000000/0").await.0, 404);
    // Another visitor, without that session, gets nothing either.
    assert_eq!(Visitor::new(&app).fetch(&new.images()[0]).await.0, 404);
}

#[tokio::test]
async fn a_question_captcha_shows_its_question_and_takes_the_answer() {
    let wiki = TestWiki::shared("questy");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Questy");

    let form = visitor.get("/").await;
    assert!(form.text(".field.info").contains("Type the word portal"), "{}", form.html);
    assert!(form.html.contains("<b>portal</b>"), "the question's markup is lost: {}", form.html);
    let done = visitor
        .submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "portal")])
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}
