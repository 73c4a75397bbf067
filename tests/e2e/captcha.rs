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
async fn visitors_of_a_captcha_page_rendered_once_each_get_their_own_captcha() {
    // Each visitor's answer from the wiki has its own CAPTCHA id and image;
    // the rest of the page is the one the first rendering left.
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let visitors = [Visitor::new(&app), Visitor::new(&app), Visitor::new(&app)];
    let mut forms = Vec::new();
    for visitor in &visitors {
        forms.push(visitor.get("/").await);
    }
    let own = |form: &Page| [form.input_value("wikisignup_csrf").unwrap(), captcha_id(form), form.images()[0].clone()];
    let owns: Vec<_> = forms.iter().map(own).collect();
    for part in 0..3 {
        assert!(
            owns[0][part] != owns[1][part] && owns[1][part] != owns[2][part] && owns[0][part] != owns[2][part],
            "{owns:?}"
        );
    }
    let without_own =
        |form: &Page, own: &[String; 3]| own.iter().fold(form.html.clone(), |html, part| html.replace(part, ""));
    assert_eq!(without_own(&forms[1], &owns[1]), without_own(&forms[2], &owns[2]));

    // Each image is its own visitor's only.
    let (status, kind, _) = visitors[2].fetch(&owns[2][2]).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert_eq!(visitors[2].fetch(&owns[1][2]).await.0, 404);

    for (visitor, form) in visitors.iter().zip(&forms).rev() {
        let name = unique_name("KeptCaptcha");
        let done = visitor
            .submit(form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", ANSWER)])
            .await;
        assert!(done.url.ends_with("/welcome"), "{}", done.html);
        assert!(wiki.user(&name).await.is_some());
    }
}

#[tokio::test]
async fn the_captcha_is_introduced_for_account_creation_and_tied_to_its_box() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let form = Visitor::new(&app).get("/").await;
    // The API's label is ConfirmEdit's instruction for edits.
    let instruction = form.text("#captcha-instruction");
    assert!(instruction.starts_with("To protect the wiki against automated account creation"), "{instruction}");
    assert!(form.attr("#captcha-instruction a", "href").is_some_and(|h| h.contains("Special%3ACaptcha%2Fhelp")));
    assert_eq!(form.attr("#f-captchaWord", "aria-describedby").as_deref(), Some("captcha-instruction"));
    assert_eq!(form.attr("img.challenge", "alt").as_deref(), Some(""));
    assert!(!form.html.contains("Solution of the CAPTCHA") && !form.html.contains("Description of the CAPTCHA"));
}

#[tokio::test]
async fn refresh_gives_a_new_image_that_the_wiki_then_accepts() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Refreshed");
    let form = visitor.get("/").await;
    assert_eq!(form.text("button.refresh"), "Refresh");
    let (first_id, first_image) = (captcha_id(&form), form.images()[0].clone());

    // Without the script: the whole form is posted and drawn again, what
    // was typed kept (but passwords), with a new image.
    let mut typed = form.hidden_fields();
    typed.extend([("username".to_owned(), name.clone()), ("password".to_owned(), PASSWORD.to_owned())]);
    let typed: Vec<(&str, &str)> = typed.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let redrawn = visitor.post_form("/captcha/refresh", &typed).await;
    assert_eq!(redrawn.status, 200, "{}", redrawn.html);
    assert_ne!(captcha_id(&redrawn), first_id);
    assert_eq!(redrawn.input_value("username"), Some(name.clone()));
    assert_eq!(redrawn.input_value("password").as_deref(), Some(""));
    assert!(redrawn.text(".notice").contains("new image"), "{}", redrawn.html);
    let second_image = redrawn.images()[0].clone();
    assert_ne!(second_image, first_image);
    assert_eq!(visitor.fetch(&first_image).await.0, 404, "the old image is gone from the page's links");
    assert_eq!(visitor.fetch(&second_image).await.1, "image/png");

    // With the script: only the image changes.
    let csrf = redrawn.csrf();
    let (status, answer) = visitor.post_for_json("/captcha/refresh", &[("wikisignup_csrf", &csrf)]).await;
    assert_eq!(status, 200, "{answer}");
    let third_image = answer["image"].as_str().expect("a link to the new image").to_owned();
    assert_ne!(third_image, second_image);
    let (status, kind, body) = visitor.fetch(&third_image).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"));
    assert!(body.starts_with(b"\x89PNG"));

    // The wiki takes the answer to the latest image.
    let done = visitor
        .submit(&redrawn, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", ANSWER)])
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn a_refresh_without_the_forms_token_asks_the_wiki_nothing() {
    // A wiki of its own: on the shared one, other tests' requests land in
    // the log meanwhile.
    let wiki = TestWiki::private("captcha", &[]);
    let app = spawn_app(&wiki.api).await;
    let before = wiki.requests().len();
    let (status, _) = Visitor::new(&app).post_for_json("/captcha/refresh", &[]).await;
    assert_eq!(status, 403);
    assert_eq!(wiki.requests().len(), before);
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
        [
            "GET /api.php query authmanagerinfo|tokens",
            "GET /index.php Special:Captcha/image",
            "POST /api.php createaccount"
        ]
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
