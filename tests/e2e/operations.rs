//! For operators: health, readiness, metrics, compression, and a graceful
//! stop that lets a sign-up under way finish.

use std::process::Stdio;
use std::time::Duration;

use wiremock::matchers::{method, query_param};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{
    PASSWORD, StubWiki, TestWiki, Visitor, api_at, free_port, run_binary, run_binary_at, spawn_app, unique_name,
};

fn quiet(command: &mut tokio::process::Command) {
    command.stdout(Stdio::null()).stderr(Stdio::null());
}

#[tokio::test]
async fn readiness_follows_the_wiki_and_spares_it() {
    let stub = StubWiki::start().await;
    let site = serde_json::json!({"batchcomplete": true, "query": {"general": {"sitename": "Stub"}}});
    Mock::given(method("GET"))
        .and(query_param("meta", "siteinfo"))
        .respond_with(ResponseTemplate::new(200).set_body_json(site.clone()))
        .expect(1)
        .mount(&stub)
        .await;
    // The pre-flight check's question at start-up.
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(200).set_body_json(site)).mount(&stub).await;
    let app = spawn_app(&stub.api()).await;
    for _ in 0..3 {
        let response = reqwest::get(format!("{}/readyz", app.address)).await.unwrap();
        assert_eq!(response.status(), 200);
    }
    assert_eq!(reqwest::get(format!("{}/healthz", app.address)).await.unwrap().status(), 200);
    // Three probes, one request to the wiki (checked when `stub` drops).

    let down = spawn_app(&api_at(format!("127.0.0.1:{}", free_port()))).await;
    assert_eq!(reqwest::get(format!("{}/readyz", down.address)).await.unwrap().status(), 503);
    assert_eq!(reqwest::get(format!("{}/healthz", down.address)).await.unwrap().status(), 200);
}

#[tokio::test]
async fn metrics_count_requests_outcomes_and_the_wikis_latency_on_their_own_listener() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).args(&["--metrics-listen", "127.0.0.1:0"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let name = unique_name("Counted");
    visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", "not the same")]).await;
    let form = visitor.get("/").await;
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"));

    let public = reqwest::get(format!("{}/metrics", app.address)).await.unwrap();
    assert_eq!(public.status(), 404, "/metrics must not be on the public listener");
    let metrics_address = app.metrics_address.as_ref().expect("a metrics listener");
    let metrics = reqwest::get(format!("{metrics_address}/metrics")).await.unwrap().text().await.unwrap();
    for line in [
        r#"wikisignup_signup_outcomes_total{code="",event="",status="PASS"} 1"#,
        r#"wikisignup_signup_outcomes_total{code="badretype",event="",status="FAIL"} 1"#,
        r#"wikisignup_http_requests_total{route="/welcome",status="200"} 1"#,
        r#"wikisignup_upstream_request_seconds_count{call="createaccount"} 2"#,
    ] {
        assert!(metrics.lines().any(|l| l == line), "no {line} in\n{metrics}");
    }
}

#[tokio::test]
async fn static_files_are_compressed_and_cached() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let response = reqwest::Client::new()
        .get(format!("{}/static/style.css", app.address))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some("gzip"));
    let cache = response.headers().get("cache-control").unwrap().to_str().unwrap();
    assert!(cache.contains("max-age"), "{cache}");
}

#[tokio::test]
async fn sigterm_lets_a_sign_up_under_way_finish() {
    let stub = StubWiki::start().await;
    let form = include_str!("../fixtures/plain-authmanagerinfo.json");
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(form, "application/json"))
        .mount(&stub)
        .await;
    let pass = serde_json::json!({"createaccount": {"status": "PASS", "username": "Patient"}});
    let slow = ResponseTemplate::new(200).set_body_json(pass).set_delay(Duration::from_millis(1000));
    Mock::given(method("POST")).respond_with(slow).mount(&stub).await;

    let (mut portal, app) = run_binary(&stub.api(), quiet).await;
    let visitor = Visitor::stepwise(&app);
    let page = visitor.get("/").await;
    let typed = [("username", "Patient"), ("password", "Secret-1234"), ("retype", "Secret-1234")];
    let submitting = tokio::spawn(async move { visitor.submit(&page, &typed).await });
    // SIGTERM once the sign-up has reached the (slow) wiki.
    for _ in 0..200 {
        let received = stub.received_requests().await.unwrap_or_default();
        if received.iter().any(|r| r.method == wiremock::http::Method::POST) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let pid = portal.id().unwrap().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());

    let answer = submitting.await.unwrap();
    assert_eq!((answer.status, answer.location.as_deref()), (303, Some("/welcome")), "the sign-up under way was cut");
    let exit = tokio::time::timeout(Duration::from_secs(10), portal.wait()).await.expect("the portal exits").unwrap();
    assert!(exit.success(), "{exit:?}");
}

#[tokio::test]
async fn the_binary_runs_alone_from_an_empty_directory() {
    // Templates and static files are inside the binary: a copy of it in an
    // empty directory serves complete pages.
    let stub = StubWiki::start().await;
    let form = include_str!("../fixtures/plain-authmanagerinfo.json");
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(form, "application/json"))
        .mount(&stub)
        .await;
    let dir = std::env::temp_dir().join(format!("wikisignup-alone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("wikisignup");
    std::fs::copy(env!("CARGO_BIN_EXE_wikisignup"), &binary).unwrap();
    let (_portal, app) = run_binary_at(&binary, &stub.api(), |c| {
        quiet(c.current_dir(&dir).env_clear());
    })
    .await;
    let page = reqwest::get(format!("{}/", app.address)).await.unwrap().text().await.unwrap();
    assert!(page.contains("name=\"username\""), "{page}");
    for asset in ["/static/style.css", "/static/signup.js"] {
        let response = reqwest::get(format!("{}{asset}", app.address)).await.unwrap();
        assert_eq!(response.status(), 200, "{asset}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn head_is_answered_wherever_get_is() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let http = reqwest::Client::new();
    for path in ["/", "/healthz", "/static/style.css", "/embed.js"] {
        let response = http.head(format!("{}{path}", app.address)).send().await.unwrap();
        assert_eq!(response.status(), 200, "HEAD {path}");
        assert!(response.bytes().await.unwrap().is_empty(), "HEAD {path} sent a body");
    }
    assert_eq!(http.head(format!("{}/no-such-page", app.address)).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn the_suite_runs_against_the_mediawiki_version_asked_for() {
    // scripts/test runs the suite once per version (WIKISIGNUP_TEST_MW).
    let asked = std::env::var("WIKISIGNUP_TEST_MW").unwrap_or_else(|_| "1.39".into());
    let answer = TestWiki::shared("plain").query(&[("meta", "siteinfo"), ("siprop", "general")]).await;
    let generator = answer["query"]["general"]["generator"].as_str().unwrap_or_default().to_owned();
    eprintln!("end-to-end tests against {generator}");
    assert!(generator.starts_with(&format!("MediaWiki {asked}.")), "asked for {asked}, the wiki is {generator}");
}

#[tokio::test]
async fn without_listen_the_portal_listens_where_port_says() {
    let stub = StubWiki::answering(
        ResponseTemplate::new(200).set_body_json(crate::helpers::fixture("plain-authmanagerinfo.json")),
    )
    .await;
    let port = free_port();
    let log = std::env::temp_dir().join(format!("wikisignup-port-{}.log", unique_name("p").replace(' ', "-")));
    let mut portal = tokio::process::Command::new(env!("CARGO_BIN_EXE_wikisignup"))
        .env("PORT", port.to_string())
        .env("WIKISIGNUP_WIKI_API", stub.api())
        .env("WIKISIGNUP_DATABASE", crate::helpers::scratch_database())
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let address = format!("http://127.0.0.1:{port}");
    let mut served = false;
    for _ in 0..100 {
        if reqwest::get(format!("{address}/healthz")).await.is_ok() {
            served = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(served, "nothing answers on PORT {port}");
    let page = reqwest::get(format!("{address}/")).await.unwrap().text().await.unwrap();
    assert!(page.contains("name=\"username\""), "{page}");
    portal.kill().await.unwrap();
    let said = std::fs::read_to_string(&log).unwrap();
    assert!(said.contains(&format!("0.0.0.0:{port}")) && said.contains("PORT"), "{said}");
}

#[tokio::test]
async fn at_the_default_level_the_log_has_a_line_per_sign_up_not_per_form_page() {
    // The real binary at its default level: form pages read without
    // trouble are the reverse proxy's to log; what is sent is logged here.
    let wiki = TestWiki::shared("plain");
    let (mut portal, app) = run_binary(&wiki.api, |c| {
        c.env_remove("RUST_LOG").stdout(Stdio::piped()).stderr(Stdio::piped());
    })
    .await;
    let visitor = Visitor::new(&app);
    let mut form = visitor.get("/").await;
    for _ in 0..4 {
        form = visitor.get("/").await;
    }
    let name = unique_name("Quiet");
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    // Without a token: refused, the form shown again.
    let refused = visitor.post_form("/", &[("username", "Nobody")]).await;
    assert!(refused.html.contains("Nobody"), "{}", refused.html);

    portal.start_kill().unwrap();
    let output = portal.wait_with_output().await.unwrap();
    let log = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    let done_lines: Vec<&str> = log.lines().filter(|l| l.contains("request done")).collect();
    assert!(done_lines.iter().all(|l| !l.contains("method=GET")), "{log}");
    assert!(done_lines.iter().any(|l| l.contains("method=POST") && l.contains("status=303")), "{log}");
    assert_eq!(done_lines.iter().filter(|l| l.contains("method=POST")).count(), 2, "{log}");
    assert!(log.contains("account created"), "{log}");
}
