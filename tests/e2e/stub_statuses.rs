//! Answers the test-bed's MediaWiki does not give on sign-up (RESTART) or
//! should never give (a REDIRECT to a non-http target), from stub wikis.

use wiremock::matchers::{body_string_contains, method};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{StubWiki, Visitor, spawn_app};

fn form_answer(preserved_state: bool) -> ResponseTemplate {
    let mut info: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/plain-authmanagerinfo.json")).unwrap();
    info["query"]["authmanagerinfo"]["haspreservedstate"] = preserved_state.into();
    ResponseTemplate::new(200).set_body_json(info)
}

fn create_answer(answer: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(serde_json::json!({ "createaccount": answer }))
}

#[tokio::test]
async fn restart_brings_a_fresh_form_that_preserves_the_wikis_state() {
    let stub = StubWiki::start().await;
    // First form: nothing preserved; after the RESTART, the wiki says it
    // kept state, which the next submission must ask to use.
    Mock::given(method("GET")).respond_with(form_answer(false)).up_to_n_times(1).with_priority(1).mount(&stub).await;
    Mock::given(method("GET")).respond_with(form_answer(true)).mount(&stub).await;
    let restart =
        serde_json::json!({"status": "RESTART", "message": "Signed in at <b>Example</b>; now choose a password."});
    Mock::given(method("POST"))
        .respond_with(create_answer(restart))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&stub)
        .await;
    let pass = serde_json::json!({"status": "PASS", "username": "Kept Name"});
    Mock::given(method("POST"))
        .and(body_string_contains("createpreservestate=1"))
        .respond_with(create_answer(pass))
        .mount(&stub)
        .await;

    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let typed =
        [("username", "Kept Name"), ("password", "Secret-1234"), ("retype", "Secret-1234"), ("email", "k@example.org")];
    let again = visitor.submit(&form, &typed).await;
    assert_eq!(again.status, 200, "{}", again.html);
    assert!(again.text(".notice").contains("now choose a password"), "{}", again.html);
    assert!(again.html.contains("<b>Example</b>"), "the wiki's markup is lost: {}", again.html);
    assert_eq!(again.input_value("username").as_deref(), Some("Kept Name"));
    assert_eq!(again.input_value("email").as_deref(), Some("k@example.org"));
    assert_eq!(again.input_value("password").as_deref(), Some(""));

    let done = visitor.submit(&again, &typed).await;
    assert!(done.url.ends_with("/welcome"), "createpreservestate was not sent: {}", done.html);
}

#[tokio::test]
async fn a_redirect_to_a_non_http_target_is_not_followed() {
    let stub = StubWiki::start().await;
    Mock::given(method("GET")).respond_with(form_answer(false)).mount(&stub).await;
    let redirect = serde_json::json!({"status": "REDIRECT", "redirecttarget": "javascript:alert(1)",
        "requests": [{"id": "X", "required": "required", "provider": "p", "metadata": [],
            "fields": {"code": {"type": "string", "label": "Code"}}}]});
    Mock::given(method("POST")).respond_with(create_answer(redirect)).mount(&stub).await;

    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::stepwise(&app);
    let form = visitor.get("/").await;
    let page =
        visitor.submit(&form, &[("username", "Zed"), ("password", "Secret-1234"), ("retype", "Secret-1234")]).await;
    assert_eq!(page.status, 502, "{}", page.html);
    assert!(page.location.is_none(), "the browser was sent to {:?}", page.location);
    assert!(page.text("main").contains("Reference for support"), "{}", page.html);
    assert!(!page.html.contains("javascript:"), "{}", page.html);
}
