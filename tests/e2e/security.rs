//! The portal's security promises, each tested so that it fails without
//! the protection: CSRF, cookies, headers, hostile HTML, no open proxy,
//! rate limiting, secrets kept out of logs.

use std::process::Stdio;

use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::helpers::{PASSWORD, StubWiki, TestWiki, Visitor, fixture, run_binary, spawn_app, unique_name};

fn fail(message: &str) -> serde_json::Value {
    serde_json::json!({"status": "FAIL", "message": message, "messagecode": "x"})
}

#[tokio::test]
async fn a_post_without_the_sessions_csrf_token_never_reaches_the_wiki() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let typed = [("username", "Forged"), ("password", "Secret-1234"), ("retype", "Secret-1234")];

    // As a page of another site would post it: no token.
    let page = visitor.post_form("/", &typed).await;
    assert!(page.text(".notice").contains("nothing was sent"), "{}", page.html);
    assert_eq!(page.input_value("username").as_deref(), Some("Forged"));
    // With a token of another session.
    let other = Visitor::new(&app).get("/").await;
    let mut with_other_token = typed.to_vec();
    let token = other.csrf();
    with_other_token.push(("wikisignup_csrf", &token));
    let page = visitor.post_form("/", &with_other_token).await;
    assert!(page.text(".notice").contains("nothing was sent"), "{}", page.html);
    assert_ne!(form.csrf(), token);
    // `stub` checks on drop that no createaccount was posted.
}

#[tokio::test]
async fn a_post_from_another_site_is_refused_blank_and_uses_no_submission_turn() {
    // One createaccount only: the visitor's own. Two submissions a minute:
    // the forged posts' blank forms take form-page turns (twelve a minute),
    // never a submission's.
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 1).await;
    let app = spawn_app(&stub.api()).args(&["--submissions-per-minute", "2"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let planted =
        [("wikisignup_csrf", form.csrf()), ("username", "Planted".into()), ("email", "evil@example.org".into())];
    let planted: Vec<(&str, &str)> = planted.iter().map(|(k, v)| (*k, v.as_str())).collect();

    // Even with the visitor's own token (a cookie sent along by the
    // browser), a page of another site is refused, and nothing it posted
    // shows up in a form.
    for (origin, site) in [("https://evil.example", "cross-site"), ("http://sub.127.0.0.1", "same-site")] {
        for path in ["/", "/start-over", "/check-password"] {
            let page = visitor.post_form_from(origin, site, path, &planted).await;
            assert_eq!(page.status, 403, "{path}: {}", page.html);
            assert!(!page.html.contains("Planted") && !page.html.contains("evil@example.org"), "{}", page.html);
        }
    }
    let page = visitor.post_form_from("https://evil.example", "cross-site", "/", &planted).await;
    assert!(page.html.contains("another site"), "{}", page.html);
    assert_eq!(visitor.get("/").await.input_value("username").as_deref(), Some(""));

    // The visitor's own page posts same-origin, and still has its turns:
    // the forged posts used none.
    let own = app.address.as_str();
    let form = visitor.get("/").await;
    let mut pairs = form.hidden_fields();
    pairs.extend([("username".to_owned(), "Own".to_owned()), ("password".to_owned(), "x".to_owned())]);
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let page = visitor.post_form_from(own, "same-origin", "/", &pairs).await;
    assert_ne!(page.status, 429, "{}", page.html);
    assert!(page.text(".notice").contains("no"), "{}", page.html);
}

#[tokio::test]
async fn the_session_cookie_is_httponly_lax_secure_on_https_and_renewed_on_sign_up() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 1).await;
    let api = stub.api();
    let app = spawn_app(&api).await;
    let http = reqwest::Client::new();
    let first = http.get(&app.address).send().await.unwrap();
    let cookie = first.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("wikisignup="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "Secure on plain http would lose the session: {cookie}");

    // A sign-up beginning upstream gets a new session id.
    let session = cookie.split(';').next().unwrap().to_owned();
    let html = first.text().await.unwrap();
    let token = html.split("name=\"wikisignup_csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap();
    let posted = http
        .post(format!("{}/", app.address))
        .header("cookie", &session)
        .form(&[("wikisignup_csrf", token), ("username", "Zed"), ("password", "p"), ("retype", "p")])
        .send()
        .await
        .unwrap();
    let renewed = posted.headers().get("set-cookie").map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned());
    assert!(renewed.as_ref().is_some_and(|r| *r != session), "the session id was not renewed: {renewed:?}");

    let https = spawn_app(&api).args(&["--public-url", "https://signup.example/"]).await;
    let response = http.get(&https.address).send().await.unwrap();
    let cookie = response.headers().get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn pages_carry_a_strict_content_security_policy() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    let api = stub.api();
    for (args, ancestors) in [
        (vec![], "frame-ancestors 'self'"),
        (vec!["--frame-ancestors", "https://event.example"], "frame-ancestors https://event.example"),
    ] {
        let app = spawn_app(&api).args(&args).await;
        for route in ["/", "/no-such-page", "/static/style.css"] {
            let response = reqwest::get(format!("{}{route}", app.address)).await.unwrap();
            let header =
                |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
            let csp = header("content-security-policy");
            assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{route}: {csp}");
            assert!(csp.contains(ancestors), "{route}: {csp}");
            assert_eq!(header("x-content-type-options"), "nosniff");
            assert_eq!(header("referrer-policy"), "same-origin");
        }
    }
}

#[tokio::test]
async fn markup_from_the_wiki_is_shown_never_run() {
    let mut form = fixture("questy-authmanagerinfo.json");
    let requests = form["query"]["authmanagerinfo"]["requests"].as_array_mut().unwrap();
    for request in requests.iter_mut() {
        for (_, field) in request["fields"].as_object_mut().unwrap().iter_mut() {
            field["label"] = "<script>alert(1)</script>Label<img src=x onerror=alert(2)>".into();
            field["help"] = r#"<a href="javascript:alert(3)">help</a><style>body{display:none}</style>"#.into();
        }
        if let Some(info) = request["fields"].get_mut("captchaInfo") {
            info["value"] =
                r#"<b>Question</b><iframe src="https://evil.example"></iframe><svg onload=alert(4)>"#.into();
        }
    }
    let message = r#"<img src=x onerror=alert(5)>Refused <a href="/wiki/Help" onclick="alert(6)">help</a>"#;
    let stub = StubWiki::signing_up(form, fail(message), 1).await;
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);

    let page = visitor.get("/").await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(page.html.contains("<b>Question</b>"), "harmless formatting was lost: {}", page.html);
    let typed_name = "<script>steal()</script>";
    let again = visitor.submit(&page, &[("username", typed_name), ("password", "p"), ("retype", "p")]).await;
    assert!(again.text(".notice").contains("Refused"), "{}", again.html);
    let link = format!("href=\"{}/wiki/Help\"", stub.uri());
    assert!(again.html.contains(&link), "links are not made absolute to the wiki: {}", again.html);
    assert_eq!(again.input_value("username").as_deref(), Some(typed_name), "what was typed is kept, as text");
    for shown in [&page, &again] {
        for needle in
            ["alert(", "onerror", "onload", "onclick", "javascript:", "<iframe", "<style", "<svg", "<script>steal"]
        {
            let at =
                shown.html.find(needle).map(|i| &shown.html[i.saturating_sub(200)..(i + 100).min(shown.html.len())]);
            assert!(at.is_none(), "{needle} got through: {at:?}");
        }
    }
}

#[tokio::test]
async fn a_username_with_markup_is_refused_by_the_real_wiki_and_shown_as_text() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let name = "<script>alert(1)</script>";
    let form = visitor.get("/").await;
    let page = visitor.submit(&form, &[("username", name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert_eq!(page.status, 200);
    assert!(!page.text(".notice.error").is_empty(), "{}", page.html);
    assert_eq!(page.input_value("username").as_deref(), Some(name));
    assert!(!page.html.contains(name), "the username is in the page unescaped");
}

#[tokio::test]
async fn captcha_images_come_only_from_the_wiki_origin() {
    // Another server, which the portal must never be made to fetch from.
    let elsewhere = StubWiki::start().await;
    Mock::given(method("GET")).respond_with(ResponseTemplate::new(200)).expect(0).mount(&elsewhere).await;

    let wiki = StubWiki::start().await;
    let links = [
        format!("{}/evil.png", elsewhere.uri()),
        format!("//{}/evil.png", elsewhere.address()),
        "/w/../../etc/passwd".to_owned(),
        "/redirected.png".to_owned(),
        "/huge.png".to_owned(),
        "/not-an-image".to_owned(),
    ];
    let mut form = fixture("captcha-authmanagerinfo.json");
    let requests = form["query"]["authmanagerinfo"]["requests"].as_array_mut().unwrap();
    let captcha = requests.iter().find(|r| r["id"] == "CaptchaAuthenticationRequest").unwrap().clone();
    requests.retain(|r| r["id"] != "CaptchaAuthenticationRequest");
    for (i, link) in links.iter().enumerate() {
        let mut request = captcha.clone();
        request["id"] = format!("Captcha{i}").into();
        request["fields"] =
            serde_json::json!({ format!("image{i}"): {"type": "null", "value": link, "label": "Image"} });
        requests.push(request);
    }
    Mock::given(method("GET"))
        .and(path("/w/api.php"))
        .respond_with(ResponseTemplate::new(200).set_body_json(form))
        .mount(&wiki)
        .await;
    let to_elsewhere =
        ResponseTemplate::new(302).insert_header("location", format!("{}/evil.png", elsewhere.uri()).as_str());
    Mock::given(path("/redirected.png")).respond_with(to_elsewhere).mount(&wiki).await;
    let huge = ResponseTemplate::new(200).set_body_raw(vec![0u8; 2 * 1024 * 1024], "image/png");
    Mock::given(path("/huge.png")).respond_with(huge).mount(&wiki).await;
    Mock::given(path("/not-an-image"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("<html>", "text/html"))
        .mount(&wiki)
        .await;

    let app = spawn_app(&wiki.api()).await;
    let visitor = Visitor::new(&app);
    let page = visitor.get("/").await;
    let images = page.images();
    assert_eq!(images.len(), links.len(), "{}", page.html);
    for (src, link) in images.iter().zip(&links) {
        let (status, _, body) = visitor.fetch(src).await;
        assert!(status == 404 || status == 502, "{link} was served: {status}");
        assert!(body.len() < 100_000, "{link}: {} bytes came through", body.len());
    }
    // `elsewhere` checks on drop that it was never asked.
}

#[tokio::test]
async fn one_address_has_one_budget_across_the_portals_page_and_its_events() {
    // Three submissions a minute for the whole portal: three pages do not
    // make it nine.
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("Refused."), 3).await;
    let events = "[[event]]\nslug = \"one\"\n[[event]]\nslug = \"two\"\nsubmissions_per_minute = 1000\n";
    let file = std::env::temp_dir().join(format!("wikisignup-budget-{}.toml", unique_name("b").replace(' ', "-")));
    std::fs::write(&file, events).unwrap();
    let args = ["--submissions-per-minute", "3", "--config", file.to_str().unwrap()];
    let app = spawn_app(&stub.api()).args(&args).await;
    let visitor = Visitor::new(&app);
    let typed = [("username", "Everywhere"), ("password", "Secret-1234"), ("retype", "Secret-1234")];
    let mut sent = 0;
    for _ in 0..3 {
        for page in ["/", "/e/one/", "/e/two/"] {
            let form = visitor.get(page).await;
            let answer = visitor.submit_to(page, &form, &typed).await;
            if answer.status != 429 {
                sent += 1;
            }
        }
    }
    assert_eq!(sent, 3, "one address sent {sent} sign-ups across three pages");
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn too_many_submissions_get_429_with_the_form_kept() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("Refused."), 3).await;
    // Behind a trusted reverse proxy (the test itself, on 127.0.0.1), which
    // names each client in X-Forwarded-For.
    let args = ["--submissions-per-minute", "2", "--trusted-proxies", "127.0.0.1"];
    let app = spawn_app(&stub.api()).args(&args).await;
    let visitor = Visitor::forwarded_for(&app, "198.51.100.1");
    let mut page = visitor.get("/").await;
    let typed =
        [("username", "Hasty"), ("password", "Secret-1234"), ("retype", "Secret-1234"), ("email", "h@example.org")];
    for attempt in 0..2 {
        page = visitor.submit(&page, &typed).await;
        assert_eq!(page.status, 200, "attempt {attempt}: {}", page.text("main"));
    }
    let limited = visitor.submit(&page, &typed).await;
    assert_eq!(limited.status, 429, "{}", limited.html);
    let wait: u64 = limited.retry_after.as_deref().expect("a Retry-After header").parse().unwrap();
    assert!((1..=31).contains(&wait), "Retry-After: {wait}");
    assert!(limited.text(".notice.error").contains("Please wait"), "{}", limited.html);
    assert_eq!(limited.input_value("username").as_deref(), Some("Hasty"));
    assert_eq!(limited.input_value("email").as_deref(), Some("h@example.org"));
    // Another client behind the same proxy is not held back.
    let other = Visitor::forwarded_for(&app, "198.51.100.2");
    let form = other.get("/").await;
    assert_eq!(other.submit(&form, &typed).await.status, 200);
}

#[tokio::test]
async fn no_secret_reaches_the_log() {
    // The real binary, logging everything it can, through a full CAPTCHA
    // sign-up with a recognisable password.
    let wiki = TestWiki::shared("captcha");
    let (mut portal, app) = run_binary(&wiki.api, |c| {
        c.env("RUST_LOG", "trace").stdout(Stdio::piped()).stderr(Stdio::piped());
    })
    .await;
    let visitor = Visitor::new(&app);
    let password = "Zebra-Quartz-Secret-7741";
    let name = unique_name("Logged");
    let form = visitor.get("/").await;
    let captcha_id = form.input_value("captchaId").unwrap();
    visitor.fetch(&form.images()[0]).await;
    // The password check the script makes while the password is typed.
    let checked = visitor
        .post_form("/check-password", &[("wikisignup_csrf", &form.csrf()), ("username", &name), ("password", password)])
        .await;
    assert_eq!(checked.status, 200, "{}", checked.html);
    let done = visitor
        .submit(
            &form,
            &[
                ("username", &name),
                ("password", password),
                ("retype", password),
                ("email", "logged@example.org"),
                ("captchaWord", "wikiwiki"),
            ],
        )
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);

    portal.start_kill().unwrap();
    let output = portal.wait_with_output().await.unwrap();
    let log = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    // The log says what happened...
    for expected in ["createaccount answered", "account created", "request_id", "validatepassword"] {
        assert!(log.contains(expected), "the log lacks {expected:?}:\n{log}");
    }
    // ...and nothing secret: the password, the CAPTCHA answer, the wiki's
    // token (tokens end in "+\"), its session cookie, the email address.
    for secret in [password, "wikiwiki", "+\\", "_session=", "logged@example.org", captcha_id.as_str()] {
        assert!(!log.contains(secret), "{secret:?} is in the log:\n{log}");
    }
}

#[tokio::test]
async fn oversized_forms_get_a_clear_page_and_never_reach_the_wiki() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let token = form.csrf();
    let many: Vec<(String, String)> = (0..500).map(|i| (format!("f{i}"), "x".to_owned())).collect();
    let mut many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    many.push(("wikisignup_csrf", &token));
    let huge = "x".repeat(100 * 1024);
    for (what, pairs) in
        [("500 fields", many), ("a 100 KiB field", vec![("username", huge.as_str()), ("wikisignup_csrf", &token)])]
    {
        let page = visitor.post_form("/", &pairs).await;
        assert!(page.status == 400 || page.status == 413, "{what}: {}", page.status);
        assert!(page.text("h1").contains("could not be read"), "{what}: {}", page.html);
    }
    // The portal still serves.
    assert_eq!(visitor.get("/").await.status, 200);
}

#[tokio::test]
async fn a_value_longer_than_the_wiki_takes_is_refused_with_the_form_as_typed() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let long_name = "N".repeat(300);
    let page =
        visitor.submit(&form, &[("username", &long_name), ("password", PASSWORD), ("email", "ada@example.org")]).await;
    assert_eq!(page.status, 422, "{}", page.html);
    assert!(page.text(".notice.error").contains("at most 255 bytes"), "{}", page.html);
    assert_eq!(page.input_value("username").as_deref(), Some(long_name.as_str()));
    assert_eq!(page.input_value("email").as_deref(), Some("ada@example.org"));
    // `stub` checks on drop that nothing was posted to the wiki.
}

#[tokio::test]
async fn the_csrf_token_changes_with_the_session_id() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 1).await;
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let (old_cookie, old_token) = (visitor.session_cookie(), form.csrf());
    // A sign-up begins upstream: a new session id, and a new token with it.
    let again = visitor.submit(&form, &[("username", "Zed"), ("password", "p"), ("retype", "p")]).await;
    assert_ne!(visitor.session_cookie(), old_cookie);
    assert_ne!(again.csrf(), old_token, "whoever knew the old id knows the old token");
    // The old token no longer passes: nothing is sent (the stub expects one post).
    let stale = visitor.post_form("/", &[("wikisignup_csrf", &old_token), ("username", "Zed")]).await;
    assert!(stale.text(".notice").contains("nothing was sent"), "{}", stale.html);
}

#[tokio::test]
async fn a_link_with_returnto_twice_takes_the_first() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    let app = spawn_app(&stub.api()).await;
    let page = Visitor::new(&app).get("/?returnto=First_page&returnto=Second_page").await;
    assert_eq!(page.status, 200, "{}", page.html);
    let login = page.attr("p.login a", "href").unwrap();
    assert!(login.contains("returnto=First_page") && !login.contains("Second_page"), "{login}");
}

#[tokio::test]
async fn help_and_version_exit_zero_without_an_error() {
    for flag in ["--help", "--version"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_wikisignup")).arg(flag).output().unwrap();
        assert!(out.status.success(), "{flag}: {:?}", out.status);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("wikisignup"), "{flag}: {stdout}");
        assert!(!String::from_utf8_lossy(&out.stderr).contains("invalid setting"), "{flag}");
    }
}

#[tokio::test]
async fn fresh_forms_are_limited_per_client_too() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    let app = spawn_app(&stub.api()).args(&["--submissions-per-minute", "1"]).await;
    // Six fresh forms for the one submission a minute; each is a new
    // visitor (no cookie), as a flood would be.
    for _ in 0..6 {
        assert_eq!(Visitor::new(&app).get("/").await.status, 200);
    }
    let flooded = Visitor::new(&app).get("/").await;
    assert_eq!(flooded.status, 429, "{}", flooded.html);
    assert!(flooded.retry_after.is_some());
    let asked = stub.form_pages().await;
    assert_eq!(asked, 6, "the refused form page still asked the wiki");
}

/// Made-up letters, the same each run: `n` codes of 2 to 9 letters.
fn made_up_codes(n: usize) -> Vec<String> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 2 + (seed % 8) as usize;
            (0..len).map(|i| (b'a' + ((seed >> (i * 5)) % 26) as u8) as char).collect()
        })
        .collect()
}

#[tokio::test]
async fn made_up_languages_cost_the_wiki_a_bounded_number_of_requests() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    let before = wiki.requests().len();
    let codes = made_up_codes(300);
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    for (i, code) in codes.iter().enumerate() {
        let long = code.repeat(200);
        let accept = format!("{code}, {}-{code};q=0.9, x{i};q=0.8, {long};q=0.5", codes[(i + 1) % codes.len()]);
        let answer = http
            .get(format!("{}/welcome?uselang={code}", app.address))
            .header("accept-language", accept)
            .send()
            .await
            .unwrap();
        assert!(answer.status().is_redirection() || answer.status() == 429, "{}", answer.status());
    }
    // The wiki's list of languages, once; the few real codes among the
    // made-up ones, asked about once each at most; nothing else.
    let asked = wiki.requests().len() - before;
    let list = wiki.query(&[("meta", "siteinfo"), ("siprop", "languages")]).await;
    let real: std::collections::HashSet<&str> =
        list["query"]["languages"].as_array().unwrap().iter().map(|l| l["code"].as_str().unwrap()).collect();
    let real_asked = codes.iter().filter(|c| real.contains(c.as_str())).collect::<std::collections::HashSet<_>>();
    assert!(
        asked <= 1 + real_asked.len(),
        "300 made-up languages ({} real) cost the wiki {asked} requests",
        real_asked.len()
    );
    assert!(asked < 20, "{asked}");
}

#[tokio::test]
async fn floods_of_token_less_and_cross_site_posts_take_form_page_turns() {
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), fail("no"), 0).await;
    // 10 submissions a minute: 60 fresh forms.
    let app = spawn_app(&stub.api()).await;
    let visitor = Visitor::new(&app);
    visitor.get("/").await;
    for _ in 0..300 {
        visitor.post_form("/", &[("username", "Stale")]).await;
    }
    for _ in 0..300 {
        let page = visitor.post_form_from("https://evil.example", "cross-site", "/", &[("username", "X")]).await;
        assert_eq!(page.status, 403, "{}", page.html);
    }
    let questions = stub.form_pages().await;
    assert!(questions <= 1 + 60, "600 refused posts cost the wiki {questions} form pages");
}
