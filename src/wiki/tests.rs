//! The client against a stub wiki (wiremock): what it does with tokens,
//! sizes, error codes and lost answers, without a real wiki.

use std::time::Duration;

use url::Url;
use wiremock::matchers::{body_string_contains, method, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::*;
use crate::metrics::Metrics;

async fn client(server: &MockServer, timeout: Duration) -> WikiClient {
    client_at(&format!("{}/w/api.php", server.uri()), timeout)
}

fn client_at(api: &str, timeout: Duration) -> WikiClient {
    let api: WikiApiUrl = api.parse().unwrap();
    let transport = TransportOptions {
        user_agent: "wikisignup-test".into(),
        connect_timeout: timeout,
        timeout,
        concurrency: 4,
        metrics: Metrics::new().upstream,
        language: "en".into(),
    };
    WikiClient::new(api, ClientOptions { transport, interface_messages: &["createacct-submit"] }).unwrap()
}

fn json(body: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

fn token(value: &str) -> ResponseTemplate {
    json(serde_json::json!({ "query": { "tokens": { "createaccounttoken": value } } }))
}

fn call<'a>(fields: &'a [(String, String)]) -> CreateAccount<'a> {
    CreateAccount { step: CreateStep::Continue, requests: &[], fields }
}

#[tokio::test]
async fn a_stale_token_is_renewed_once_and_the_call_repeated() {
    let server = MockServer::start().await;
    Mock::given(query_param("meta", "tokens")).respond_with(token("fresh+\\")).expect(1).mount(&server).await;
    Mock::given(method("POST"))
        .and(body_string_contains("createtoken=stale"))
        .respond_with(json(serde_json::json!({ "errors": [{ "code": "badtoken", "text": "Invalid token." }] })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(body_string_contains("createtoken=fresh"))
        .respond_with(json(serde_json::json!({ "createaccount": { "status": "PASS", "username": "Ada" } })))
        .expect(1)
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let mut session = UpstreamSession::default();
    session.set_token("stale".into());
    let result = wiki.create_account(&mut session, &call(&[])).await.unwrap();
    assert_eq!(result.username.as_deref(), Some("Ada"));
    assert_eq!(session.token(), Some("fresh+\\"));
}

#[tokio::test]
async fn a_token_rejected_twice_is_an_error_not_a_loop() {
    let server = MockServer::start().await;
    Mock::given(query_param("meta", "tokens")).respond_with(token("t")).expect(2).mount(&server).await;
    Mock::given(method("POST"))
        .respond_with(json(serde_json::json!({ "errors": [{ "code": "badtoken", "text": "Invalid token." }] })))
        .expect(2)
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let error = wiki.create_account(&mut UpstreamSession::default(), &call(&[])).await.unwrap_err();
    assert!(matches!(error, WikiError::BadToken), "{error:?}");
}

#[tokio::test]
async fn an_answer_larger_than_the_cap_is_refused() {
    let server = MockServer::start().await;
    let huge = format!("{{\"query\":{{\"pad\":\"{}\"}}}}", "x".repeat(transport::MAX_ANSWER_BYTES));
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_string(huge)).mount(&server).await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let error = wiki.ping().await.unwrap_err();
    assert!(matches!(&error, WikiError::BadResponse(why) if why.contains("too large")), "{error:?}");
}

#[tokio::test]
async fn a_read_only_wiki_says_so_with_its_reason_with_its_words() {
    let server = MockServer::start().await;
    let answer = serde_json::json!({ "query": {
        "general": { "sitename": "Testwiki", "lang": "th", "readonly": true, "readonlyreason": "Database upgrade" },
        "allmessages": [{ "name": "createaccount", "content": "สร้างบัญชี" }, { "name": "missing", "missing": true }]
    } });
    Mock::given(query_param("meta", "siteinfo|allmessages"))
        .and(query_param("uselang", "th"))
        .respond_with(json(answer))
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let site = wiki.site_words("th").await.unwrap();
    assert_eq!(site.readonly.as_deref(), Some("Database upgrade"));
    assert_eq!(site.messages, vec![("createaccount".to_owned(), "สร้างบัญชี".to_owned())]);
    assert_eq!(site.content_language, Some(("th".to_owned(), false)));
    assert_eq!(wiki.sitename().as_deref(), Some("Testwiki"));
}

#[tokio::test]
async fn error_codes_the_portal_acts_on_are_variants_of_their_own() {
    let server = MockServer::start().await;
    let errors = |code: &str| json(serde_json::json!({ "errors": [{ "code": code, "text": "Said." }] }));
    Mock::given(query_param("list", "users")).respond_with(errors("permissiondenied")).mount(&server).await;
    Mock::given(query_param("meta", "siteinfo")).respond_with(errors("ratelimited")).mount(&server).await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let denied = wiki.username_availability(&mut UpstreamSession::default(), "Ada").await.unwrap_err();
    assert!(matches!(denied, WikiError::PermissionDenied(_)), "{denied:?}");
    assert_eq!(denied.wiki_says(), Some("Said."));
    assert!(matches!(wiki.ping().await.unwrap_err(), WikiError::Throttled(_)));
}

#[tokio::test]
async fn a_lost_answer_is_told_apart_from_a_wiki_that_cannot_be_reached() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(json(serde_json::json!({})).set_delay(Duration::from_secs(3)))
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_millis(300)).await;
    let mut session = UpstreamSession::default();
    session.set_token("t".into());
    let lost = wiki.create_account(&mut session, &call(&[])).await.unwrap_err();
    assert!(matches!(lost, WikiError::Timeout) && lost.outcome_unknown(), "{lost:?}");

    // Nothing listens: the question never arrived.
    let unreachable = client_at("http://127.0.0.1:9/api.php", Duration::from_secs(2));
    let error = unreachable.create_account(&mut session, &call(&[])).await.unwrap_err();
    assert!(!error.outcome_unknown(), "{error:?}");
}

#[tokio::test]
async fn images_are_checked_for_type_and_size() {
    let server = MockServer::start().await;
    let png = ResponseTemplate::new(200).insert_header("content-type", "image/png").set_body_bytes(vec![137u8, 80, 78]);
    let html = ResponseTemplate::new(200).insert_header("content-type", "text/html").set_body_string("<p>hi");
    let svg = ResponseTemplate::new(200)
        .insert_header("content-type", "image/svg+xml")
        .set_body_string("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    let large =
        ResponseTemplate::new(200)
            .insert_header("content-type", "image/png")
            .set_body_bytes(vec![0u8; MAX_IMAGE_BYTES + 1]);
    Mock::given(wiremock::matchers::path("/a.png")).respond_with(png).mount(&server).await;
    Mock::given(wiremock::matchers::path("/a.html")).respond_with(html).mount(&server).await;
    Mock::given(wiremock::matchers::path("/a.svg")).respond_with(svg).mount(&server).await;
    Mock::given(wiremock::matchers::path("/large.png")).respond_with(large).mount(&server).await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let url = |path: &str| Url::parse(&format!("{}{path}", server.uri())).unwrap();
    let mut session = UpstreamSession::default();
    let image = wiki.fetch_image(&mut session, &url("/a.png")).await.unwrap();
    assert_eq!((image.content_type.as_str(), image.bytes.len()), ("image/png", 3));
    assert!(matches!(wiki.fetch_image(&mut session, &url("/a.html")).await, Err(WikiError::BadResponse(_))));
    assert!(matches!(wiki.fetch_image(&mut session, &url("/a.svg")).await, Err(WikiError::BadResponse(_))));
    assert!(matches!(wiki.fetch_image(&mut session, &url("/large.png")).await, Err(WikiError::BadResponse(_))));
}

#[tokio::test]
async fn cookies_the_wiki_sets_are_kept_and_sent_back() {
    let server = MockServer::start().await;
    Mock::given(query_param("meta", "tokens"))
        .respond_with(token("t").insert_header("set-cookie", "wikidb_session=abc; path=/; HttpOnly"))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(wiremock::matchers::header("cookie", "wikidb_session=abc"))
        .respond_with(json(serde_json::json!({ "createaccount": { "status": "FAIL", "messagecode": "x" } })))
        .expect(1)
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let mut session = UpstreamSession::default();
    wiki.create_account(&mut session, &call(&[])).await.unwrap();
    assert!(session.has_cookies());
}

fn userinfo(rights: &[&str]) -> ResponseTemplate {
    json(serde_json::json!({ "query": { "userinfo": { "name": "Organizer", "rights": rights } } }))
}

#[tokio::test]
async fn an_organizer_logged_out_logs_in_again_once_and_the_call_is_repeated_as_the_user() {
    let server = MockServer::start().await;
    let login_token = json(serde_json::json!({ "query": { "tokens": { "logintoken": "l+\\" } } }));
    Mock::given(query_param("type", "login")).respond_with(login_token).expect(2).mount(&server).await;
    Mock::given(body_string_contains("action=login"))
        .respond_with(json(serde_json::json!({ "login": { "result": "Success" } })))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(query_param("meta", "userinfo"))
        .and(query_param("assert", "user"))
        .respond_with(userinfo(&["createaccount", "noratelimit"]))
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(query_param("type", "createaccount")).respond_with(token("t+\\")).mount(&server).await;
    // The wiki lost the session once: the first call as the user fails.
    Mock::given(body_string_contains("action=createaccount"))
        .and(body_string_contains("assert=user"))
        .respond_with(json(serde_json::json!({ "errors": [{ "code": "assertuserfailed", "text": "Logged out." }] })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(body_string_contains("action=createaccount"))
        .and(body_string_contains("assert=user"))
        .respond_with(json(serde_json::json!({ "createaccount": { "status": "PASS", "username": "Ada" } })))
        .expect(1)
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let organizer =
        Organizer::new(OrganizerCredentials::BotPassword { user: "Organizer@signup".into(), password: "p".into() });
    let rights = organizer.rights(&wiki).await.unwrap();
    assert!(rights.create_accounts && rights.exempt_from_limits && !rights.skips_captcha);
    let result =
        organizer.with_session(&wiki, async |session| wiki.create_account(session, &call(&[])).await).await.unwrap();
    assert_eq!(result.username.as_deref(), Some("Ada"));
}

#[tokio::test]
async fn an_organizer_with_an_oauth_token_sends_it_and_one_without_the_right_is_refused() {
    let server = MockServer::start().await;
    Mock::given(query_param("meta", "userinfo"))
        .and(wiremock::matchers::header("authorization", "Bearer owner-only-token"))
        .respond_with(userinfo(&["read"]))
        .expect(1)
        .mount(&server)
        .await;
    let wiki = client(&server, Duration::from_secs(5)).await;
    let organizer = Organizer::new(OrganizerCredentials::OAuth { token: "owner-only-token".into() });
    let refused = organizer.rights(&wiki).await.unwrap_err();
    assert!(matches!(refused, WikiError::LoginFailed(ref why) if why.contains("createaccount")), "{refused:?}");
    // Asked again at once: the back-off answers, the wiki is not asked.
    assert!(matches!(organizer.rights(&wiki).await, Err(WikiError::LoginFailed(_))));
}

#[test]
fn a_failed_login_says_why_whichever_way_the_wiki_writes_it() {
    // With errorformat, as the portal asks (MediaWiki 1.39 and 1.43).
    let message: crate::wiki::types::LoginResponse = serde_json::from_value(serde_json::json!({
        "login": { "result": "Failed", "reason": { "code": "wrongpassword", "text": "Incorrect username or password entered." } }
    }))
    .unwrap();
    let reason = message.into_result().unwrap().unwrap().reason.unwrap();
    assert_eq!(reason.text(), "Incorrect username or password entered.");
    // Plain text, from wikis that ignore errorformat.
    let text: crate::wiki::types::LoginResponse =
        serde_json::from_value(serde_json::json!({ "login": { "result": "Failed", "reason": "Wrong." } })).unwrap();
    assert_eq!(text.into_result().unwrap().unwrap().reason.unwrap().text(), "Wrong.");
}

#[tokio::test]
async fn each_call_asks_in_its_callers_own_language_once() {
    // One client, callers in Thai and Spanish in turn: each request carries
    // its caller's language, once, whatever was asked before it.
    let server = MockServer::start().await;
    for language in ["th", "es"] {
        let answer = serde_json::json!({ "query": {
            "general": { "sitename": format!("Wiki {language}"), "lang": language },
            "allmessages": []
        } });
        Mock::given(query_param("uselang", language)).respond_with(json(answer)).mount(&server).await;
    }
    let wiki = client(&server, Duration::from_secs(5)).await;
    for _ in 0..2 {
        for language in ["th", "es", "th"] {
            let site = wiki.site_words(language).await.unwrap();
            assert_eq!(site.content_language, Some((language.to_owned(), false)));
        }
    }
    let asked = server.received_requests().await.unwrap();
    assert_eq!(asked.len(), 6);
    assert!(asked.iter().all(|r| r.url.query_pairs().filter(|(k, _)| k == "uselang").count() == 1));
}
