//! When the wiki is unreachable, slow or broken: a clear page with the
//! right status and a request id, and the portal keeps serving. Stubs
//! (wiremock) stand in for a wiki that misbehaves.

use std::time::Duration;

use wiremock::matchers::{method, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{Page, StubWiki, Visitor, api_at, spawn_app};

fn assert_error_page(page: &Page, status: u16) {
    assert_eq!(page.status, status, "{}", page.html);
    let text = page.text("main");
    assert!(text.contains("Reference for support"), "no request id on the page: {text}");
    assert!(!page.html.contains("panicked") && !page.html.contains("at src/"), "{}", page.html);
}

#[tokio::test]
async fn an_unreachable_wiki_gives_502() {
    // A port nobody listens on: bound, then released.
    let port = crate::helpers::free_port();
    let app = spawn_app(&api_at(format!("127.0.0.1:{port}"))).await;
    assert_error_page(&Visitor::new(&app).get("/").await, 502);
}

#[tokio::test]
async fn a_slow_wiki_gives_504() {
    let stub = StubWiki::answering(ResponseTemplate::new(200).set_delay(Duration::from_secs(5))).await;
    let app = spawn_app(&stub.api()).args(&["--upstream-timeout", "1"]).await;
    assert_error_page(&Visitor::new(&app).get("/").await, 504);
}

#[tokio::test]
async fn a_wiki_answering_500_gives_502_and_503_gives_503() {
    let broken = StubWiki::answering(ResponseTemplate::new(500).set_body_string("<h1>Fatal error</h1>")).await;
    let app = spawn_app(&broken.api()).await;
    let page = Visitor::new(&app).get("/").await;
    assert_error_page(&page, 502);
    assert!(!page.html.contains("Fatal error"), "the wiki's error page leaked through");

    let busy = StubWiki::answering(ResponseTemplate::new(503)).await;
    let app = spawn_app(&busy.api()).await;
    assert_error_page(&Visitor::new(&app).get("/").await, 503);
}

#[tokio::test]
async fn a_wiki_answering_html_instead_of_json_gives_502() {
    let stub = StubWiki::answering(ResponseTemplate::new(200).set_body_string("<!DOCTYPE html><p>Maintenance")).await;
    let app = spawn_app(&stub.api()).await;
    assert_error_page(&Visitor::new(&app).get("/").await, 502);
}

#[tokio::test]
async fn a_wiki_that_refuses_account_creation_says_so() {
    let body = serde_json::json!({"batchcomplete": true, "query": {
        "authmanagerinfo": {"canauthenticatenow": true, "cancreateaccounts": false, "canlinkaccounts": false,
            "haspreservedstate": false, "hasprimarypreservedstate": false, "preservedusername": "", "requests": []},
        "tokens": {"createaccounttoken": "+\\"}}});
    let stub = StubWiki::answering(ResponseTemplate::new(200).set_body_json(body)).await;
    let app = spawn_app(&stub.api()).await;
    let page = Visitor::new(&app).get("/").await;
    assert_eq!(page.status, 403);
    assert!(page.text("main").contains("Account creation is disabled."), "{}", page.html);
    assert!(page.html.find("<form").is_none(), "a dead form is shown");
}

#[tokio::test]
async fn the_portal_keeps_serving_after_upstream_trouble() {
    let stub = StubWiki::start().await;
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    assert_error_page(&visitor.get("/").await, 502); // nothing mounted: the stub answers 404
    assert_eq!(visitor.get("/static/style.css").await.status, 200);
    assert_eq!(visitor.get("/no-such-page").await.status, 404);

    // The wiki is back: the same visitor gets the form.
    let healthy = include_str!("../fixtures/plain-authmanagerinfo.json");
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(healthy, "application/json"))
        .mount(&stub)
        .await;
    let form = visitor.get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    assert!(form.input_value("username").is_some());
}

/// A stub wiki whose form is the real plain wiki's and whose
/// `createaccount` answers `on_submit`.
async fn wiki_failing_on_submit(on_submit: ResponseTemplate) -> StubWiki {
    let stub = StubWiki::start().await;
    let form = include_str!("../fixtures/plain-authmanagerinfo.json");
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(form, "application/json"))
        .mount(&stub)
        .await;
    Mock::given(method("POST")).respond_with(on_submit).mount(&stub).await;
    stub
}

#[tokio::test]
async fn trouble_on_submit_shows_the_form_again_as_it_was_typed() {
    let cases = [
        (ResponseTemplate::new(500), 502, "could not be reached"),
        (ResponseTemplate::new(200).set_delay(Duration::from_secs(5)), 504, "taking too long"),
        (
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"errors": [{"code": "readonly",
                "text": "The wiki is currently in read-only mode.",
                "data": {"readonlyreason": "Database maintenance."}}]})),
            503,
            "Database maintenance.",
        ),
    ];
    for (on_submit, status, words) in cases {
        let stub = wiki_failing_on_submit(on_submit).await;
        let app = spawn_app(&stub.api()).args(&["--upstream-timeout", "1"]).await;
        let visitor = Visitor::new(&app);
        let form = visitor.get("/").await;
        let page = visitor
            .submit(
                &form,
                &[
                    ("username", "Kept Name"),
                    ("password", "Secret-1234"),
                    ("retype", "Secret-1234"),
                    ("email", "k@example.org"),
                ],
            )
            .await;
        assert_eq!(page.status, status, "{}", page.html);
        assert!(page.text(".notice.error").contains(words), "{words}: {}", page.html);
        assert!(page.text(".notice.error").contains("Reference for support"), "{}", page.html);
        assert_eq!(page.input_value("username").as_deref(), Some("Kept Name"));
        assert_eq!(page.input_value("email").as_deref(), Some("k@example.org"));
        assert!(!page.html.contains("Secret-1234"), "a password came back in the page");
        // And the page says so, rather than that nothing was lost.
        assert!(page.text(".notice.error").contains("passwords are never kept"), "{}", page.html);
    }
}

/// A wiki that serves the form, then cuts the connection halfway through
/// its answer to `createaccount`: raw TCP, as no HTTP stub would.
async fn wiki_cutting_answers_short() -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            tokio::spawn(async move {
                let mut request = vec![0u8; 65536];
                let n = socket.read(&mut request).await.unwrap_or(0);
                let answer = if request[..n].starts_with(b"GET") {
                    let body = include_str!("../fixtures/plain-authmanagerinfo.json");
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                        body.len()
                    )
                } else {
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"createaccount\":{\"sta".to_owned()
                };
                let _ = socket.write_all(answer.as_bytes()).await;
                // Dropped here: the connection closes mid-body.
            });
        }
    });
    api_at(address)
}

#[tokio::test]
async fn a_connection_cut_mid_answer_gives_502_and_keeps_the_form() {
    let api = wiki_cutting_answers_short().await;
    let app = spawn_app(&api).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    let page = visitor
        .submit(&form, &[("username", "Cut Short"), ("password", "Secret-1234"), ("retype", "Secret-1234")])
        .await;
    assert_eq!(page.status, 502, "{}", page.html);
    assert!(page.text(".notice.error").contains("Reference for support"), "{}", page.html);
    assert_eq!(page.input_value("username").as_deref(), Some("Cut Short"));
}

/// A wiki whose first `createaccount` answer comes too late (the account
/// is made, the answer lost); any later one says `userexists`; and
/// `list=users` says the account was registered at `registered`.
async fn wiki_losing_the_first_answer(registered: &str) -> StubWiki {
    let stub = StubWiki::start().await;
    let form = include_str!("../fixtures/plain-authmanagerinfo.json");
    Mock::given(method("GET"))
        .and(query_param("list", "users"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!(
            {"batchcomplete": true, "query": {"users": [{"userid": 7, "name": "Lost Answer", "registration": registered}]}})))
        .expect(1)
        .mount(&stub)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(form, "application/json"))
        .mount(&stub)
        .await;
    let created = serde_json::json!({"createaccount": {"status": "PASS", "username": "Lost Answer"}});
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(created).set_delay(Duration::from_secs(3)))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&stub)
        .await;
    let taken = serde_json::json!({"createaccount": {"status": "FAIL", "messagecode": "userexists",
        "message": "Username entered already in use. Please choose a different name."}});
    Mock::given(method("POST")).respond_with(ResponseTemplate::new(200).set_body_json(taken)).mount(&stub).await;
    stub
}

#[tokio::test]
async fn a_retry_after_a_lost_answer_finds_the_account_it_made() {
    let now = time::OffsetDateTime::now_utc().format(&time::format_description::well_known::Rfc3339).unwrap();
    let stub = wiki_losing_the_first_answer(&now).await;
    let app = spawn_app(&stub.api()).args(&["--upstream-timeout", "1"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let typed = [("username", "Lost Answer"), ("password", "Secret-1234"), ("retype", "Secret-1234")];
    let timed_out = visitor.submit(&form, &typed).await;
    assert_eq!(timed_out.status, 504, "{}", timed_out.html);
    let done = visitor.submit(&timed_out, &typed).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(done.text("h1").contains("Lost Answer"));
}

#[tokio::test]
async fn an_old_account_of_that_name_is_still_taken() {
    let stub = wiki_losing_the_first_answer("2020-01-01T00:00:00Z").await;
    let app = spawn_app(&stub.api()).args(&["--upstream-timeout", "1"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let typed = [("username", "Lost Answer"), ("password", "Secret-1234"), ("retype", "Secret-1234")];
    let timed_out = visitor.submit(&form, &typed).await;
    let again = visitor.submit(&timed_out, &typed).await;
    assert!(again.text(".notice.error").contains("already in use"), "{}", again.html);
}

#[tokio::test]
async fn requests_to_the_wiki_in_flight_are_bounded() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    // A slow wiki that records how many requests it holds at once.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let (now, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (now2, most2) = (now.clone(), most.clone());
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else { return };
            let (now, most) = (now2.clone(), most2.clone());
            tokio::spawn(async move {
                let mut request = vec![0u8; 65536];
                while socket.read(&mut request).await.unwrap_or(0) > 0 {
                    let holding = now.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(holding, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(200)).await;
                    now.fetch_sub(1, Ordering::SeqCst);
                    let body = include_str!("../fixtures/plain-authmanagerinfo.json");
                    let answer = format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if socket.write_all(answer.as_bytes()).await.is_err() {
                        return;
                    }
                }
            });
        }
    });

    let app = spawn_app(&api_at(address)).args(&["--upstream-concurrency", "2"]).await;
    let visitors: Vec<Visitor> = (0..6).map(|_| Visitor::new(&app)).collect();
    let pages = futures_util::future::join_all(visitors.iter().map(|v| v.get("/"))).await;
    assert!(pages.iter().all(|p| p.status == 200), "a queued visitor was refused");
    assert_eq!(most.load(Ordering::SeqCst), 2, "the wiki held more (or fewer) requests at once than allowed");
}
