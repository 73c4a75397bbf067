//! A room full of people: organizer mode past the wiki's per-address limit,
//! the event code, the time window, forwarding visitors' addresses to a
//! wiki that trusts the portal, and the truthful page when the wiki's limit
//! is hit anyway. Real wikis started with a limit of one account per
//! address a day.

use crate::helpers::{
    ORGANIZER_REASON, PASSWORD, StubWiki, TestWiki, Visitor, fixture, mariadb_database, postgres_database, run_binary,
    scratch_database, spawn_app, unique_name,
};

/// Whether `name` logs in to `wiki` with `password` (`action=clientlogin`).
async fn logs_in(wiki: &TestWiki, name: &str, password: &str) -> bool {
    let http = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let json = async |request: reqwest::RequestBuilder| -> serde_json::Value {
        request.send().await.unwrap().json().await.unwrap()
    };
    let tokens = json(http.get(&wiki.api).query(&[
        ("action", "query"),
        ("meta", "tokens"),
        ("type", "login"),
        ("format", "json"),
    ]))
    .await;
    let token = tokens["query"]["tokens"]["logintoken"].as_str().unwrap().to_owned();
    let login = [
        ("action", "clientlogin"),
        ("username", name),
        ("password", password),
        ("logintoken", &token),
        ("loginreturnurl", "http://127.0.0.1/"),
        ("format", "json"),
    ];
    json(http.post(&wiki.api).form(&login)).await["clientlogin"]["status"] == "PASS"
}

fn posts_of(wiki: &TestWiki, action: &str) -> usize {
    wiki.requests().iter().filter(|r| r.starts_with("POST") && r.ends_with(&format!(" {action}"))).count()
}

#[tokio::test]
async fn twenty_visitors_sign_up_through_the_organizers_account_past_the_wikis_limit() {
    let wiki = TestWiki::private_with("captcha", &["--throttle", "1", "--organizer"]);
    let app = spawn_app(&wiki.api)
        .organizer(wiki.organizer.as_deref().unwrap(), false)
        // The whole room shares one address: its turns are the room's.
        .args(&["--event-code", "Quokka", "--submissions-per-minute", "40", "--organizer-burst", "20"])
        .await;
    let mut names = Vec::new();
    for i in 0..20 {
        let visitor = Visitor::new(&app);
        let form = visitor.get("/").await;
        assert_eq!(form.status, 200, "{}", form.html);
        assert!(form.images().is_empty(), "a CAPTCHA was shown to visitor {i}");
        assert!(form.input_value("reason").is_none() || form.html.contains("type=\"hidden\" name=\"reason\""));
        let name = unique_name(&format!("Room {i}"));
        let password = format!("{PASSWORD}-{i}");
        let done = visitor
            .submit(
                &form,
                &[
                    ("wikisignup_event_code", "quokka"),
                    ("username", &name),
                    ("password", &password),
                    ("retype", &password),
                ],
            )
            .await;
        assert!(done.url.ends_with("/welcome"), "visitor {i}: {}", done.html);
        names.push((name, password));
    }
    let log = wiki.new_users_log().await;
    for (name, password) in &names {
        assert!(wiki.user(name).await.is_some(), "{name} does not exist");
        assert!(logs_in(&wiki, name, password).await, "{name} cannot log in with the password chosen");
        let entry = log.iter().find(|(_, _, title)| title.ends_with(name.as_str()));
        let (performer, comment, _) = entry.unwrap_or_else(|| panic!("{name} is not in the new-user log"));
        assert_eq!((performer.as_str(), comment.as_str()), ("Organizer", ORGANIZER_REASON));
    }
}

#[tokio::test]
async fn an_organizer_without_skipcaptcha_gets_the_wikis_captcha_and_it_works() {
    // CAPTCHAs kept in the cache, as Wikimedia keeps them: a bot password's
    // session cannot load the image page, so a session store would not do.
    let store = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/wiki/settings/captcha-cache-store.php");
    let wiki = TestWiki::private_with("captcha", &["--throttle", "1", "--organizer", "--extra", store]);
    let app = spawn_app(&wiki.api)
        .organizer(wiki.organizer_noskip.as_deref().unwrap(), false)
        .args(&["--max-accounts", "10"])
        .await;
    for i in 0..2 {
        let visitor = Visitor::new(&app);
        let form = visitor.get("/").await;
        let images = form.images();
        assert_eq!(images.len(), 1, "no CAPTCHA: {}", form.html);
        let (status, kind, _) = visitor.fetch(&images[0]).await;
        assert_eq!((status, kind.as_str()), (200, "image/png"));
        let name = unique_name(&format!("NoSkip {i}"));
        let typed = [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD)];
        let done = visitor.submit(&form, &[typed.as_slice(), &[("captchaWord", "wikiwiki")]].concat()).await;
        assert!(done.url.ends_with("/welcome"), "{}", done.html);
        assert!(wiki.user(&name).await.is_some());
    }
}

#[tokio::test]
async fn with_a_mailed_password_the_visitor_gives_an_address_and_the_wiki_mails_the_password() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let app =
        spawn_app(&wiki.api).organizer(wiki.organizer.as_deref().unwrap(), true).args(&["--max-accounts", "5"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert!(form.attr("input[type=password]", "name").is_none(), "a password is asked: {}", form.html);
    assert!(form.attr("input[name=email]", "required").is_some(), "the address is optional: {}", form.html);
    let name = unique_name("Mailed");
    let done = visitor.submit(&form, &[("username", &name), ("email", "mailed@example.org"), ("realname", "")]).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(done.text("p").contains("sent a temporary password to your e-mail address"), "{}", done.html);
    let mail = wiki.mail();
    assert!(mail.contains("To: ") && mail.contains(&name), "no password mail for {name}: {mail}");
    let log = wiki.new_users_log().await;
    assert!(log.iter().any(|(by, _, title)| by == "Organizer" && title.ends_with(&name)), "{log:?}");
}

#[tokio::test]
async fn a_wrong_organizer_password_is_a_clear_503_and_a_bounded_number_of_logins() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let app = spawn_app(&wiki.api)
        .organizer("Organizer@signup abcdefabcdefabcdefabcdefabcdef0123", false)
        .args(&["--event-code", "Quokka"])
        .await;
    for _ in 0..5 {
        let page = Visitor::new(&app).get("/").await;
        assert_eq!(page.status, 503, "{}", page.html);
        assert!(page.text("h1").contains("cannot create accounts right now"), "{}", page.html);
    }
    assert_eq!(reqwest::get(format!("{}/readyz", app.address)).await.unwrap().status(), 503);
    // One login at start-up; the visitors after it met the back-off.
    assert_eq!(posts_of(&wiki, "login"), 1, "{:?}", wiki.requests());
}

#[tokio::test]
async fn the_event_code_is_asked_first_and_nothing_reaches_the_wiki_without_it() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).args(&["--event-code", "Wiki Loves Quokkas"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert!(form.text("label").contains("Event code"), "{}", form.html);
    let name = unique_name("Coded");
    let typed = [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("email", "")];

    let missing = visitor.submit(&form, &typed).await;
    assert_eq!(missing.status, 422);
    assert!(missing.text(".notice.error").contains("type the event code"), "{}", missing.html);
    assert_eq!(missing.input_value("username").as_deref(), Some(name.as_str()), "what was typed is kept");
    let wrong = visitor.submit(&missing, &[typed.as_slice(), &[("wikisignup_event_code", "quokkas")]].concat()).await;
    assert!(wrong.text(".notice.error").contains("not the event code"), "{}", wrong.html);
    assert_eq!(posts_of(&wiki, "createaccount"), 0, "a post without the code reached the wiki");

    let right =
        visitor.submit(&wrong, &[typed.as_slice(), &[("wikisignup_event_code", " wiki loves quokkas")]].concat()).await;
    assert!(right.url.ends_with("/welcome"), "{}", right.html);
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn outside_its_time_window_the_page_says_when_and_asks_the_wiki_nothing() {
    let wiki = TestWiki::private("plain", &[]);
    let soon = spawn_app(&wiki.api).args(&["--opens", "2099-03-07T09:00:00+01:00"]).await;
    let page = Visitor::new(&soon).get("/").await;
    assert_eq!(page.status, 403);
    assert!(page.text("p").contains("opens on 2099-03-07 09:00 (UTC+01:00)"), "{}", page.html);

    let over =
        spawn_app(&wiki.api).args(&["--opens", "2020-01-01T00:00:00Z", "--closes", "2021-01-01T00:00:00Z"]).await;
    let page = Visitor::new(&over).get("/").await;
    assert_eq!(page.status, 403);
    assert!(page.text("h1").contains("Sign-up is over"), "{}", page.html);
    assert!(wiki.requests().iter().all(|r| !r.contains("authmanagerinfo") && !r.contains("createaccount")));
}

#[tokio::test]
async fn forwarding_visitors_addresses_lets_a_trusting_wiki_limit_each_visitor_not_the_portal() {
    let wiki = TestWiki::private_with("plain", &["--throttle", "1", "--trust-proxy"]);
    let forwarding =
        spawn_app(&wiki.api).args(&["--trusted-proxies", "127.0.0.1", "--forward-client-ip", "true"]).await;
    for i in 1..=5 {
        let visitor = Visitor::forwarded_for(&forwarding, &format!("203.0.113.{i}"));
        let form = visitor.get("/").await;
        let name = unique_name(&format!("Forwarded {i}"));
        let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
        assert!(done.url.ends_with("/welcome"), "visitor {i}: {}", done.html);
    }

    // Without forwarding the wiki sees the portal's address for everyone:
    // the first visitor uses its one account, the second reads the truth.
    let plain = spawn_app(&wiki.api).args(&["--trusted-proxies", "127.0.0.1"]).await;
    let mut last = None;
    for i in 6..=7 {
        let visitor = Visitor::forwarded_for(&plain, &format!("203.0.113.{i}"));
        let form = visitor.get("/").await;
        let name = unique_name(&format!("Unforwarded {i}"));
        last = Some(visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await);
    }
    let refused = last.unwrap();
    let notice = refused.text(".notice.error");
    assert!(notice.contains("This sign-up page has reached the wiki's limit"), "{}", refused.html);
    assert!(!notice.contains("your IP address"));
    let link = refused.attr(".notice a", "href").unwrap();
    assert!(link.contains("title=Special%3ACreateAccount") || link.contains("title=Special:CreateAccount"), "{link}");
}

#[tokio::test]
async fn the_organizers_secrets_never_reach_the_log() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let bot = wiki.organizer.clone().unwrap();
    let (user, password) = bot.split_once(' ').unwrap();
    let log = std::env::temp_dir().join(format!("wikisignup-organizer-log-{}", std::process::id()));
    let log_file = std::fs::File::create(&log).unwrap();
    let (_child, app) = run_binary(&wiki.api, |command| {
        command
            .args(["--organizer-user", user, "--event-code", "Quokka"])
            .env("WIKISIGNUP_ORGANIZER_PASSWORD", password)
            .env("RUST_LOG", "trace")
            .stdout(log_file.try_clone().unwrap())
            .stderr(log_file);
    })
    .await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let name = unique_name("Logged");
    let typed = [
        ("wikisignup_event_code", "Quokka"),
        ("username", name.as_str()),
        ("password", PASSWORD),
        ("retype", PASSWORD),
    ];
    let done = visitor.submit(&form, &typed).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.contains("the organiser's account Organizer logs in on"), "{log}");
    for secret in [password, PASSWORD, "_session=", "+\\", "Quokka"] {
        assert!(!log.contains(secret), "{secret:?} is in the log");
    }
}

/// 200 visitors post at once against a maximum of 5 (the wiki, a stub,
/// makes every account asked for): exactly 5 are made, and a restart on the
/// same database keeps the count.
async fn the_maximum_is_exact_under_concurrent_posts_and_kept_across_a_restart(database: &str) {
    let pass = serde_json::json!({ "status": "PASS", "username": "Counted" });
    let stub = StubWiki::signing_up(fixture("plain-authmanagerinfo.json"), pass, 5).await;
    let args = ["--max-accounts", "5", "--submissions-per-minute", "100000", "--database", database];
    let app = spawn_app(&stub.api()).args(&args).await;
    let visitors: Vec<Visitor> = (0..200).map(|_| Visitor::new(&app)).collect();
    let forms = futures_util::future::join_all(visitors.iter().map(|v| v.get("/"))).await;
    let typed = [("username", "Counted"), ("password", PASSWORD), ("retype", PASSWORD)];
    let posts = visitors.iter().zip(&forms).map(|(visitor, form)| visitor.submit(form, &typed));
    let pages = futures_util::future::join_all(posts).await;
    let welcomed = pages.iter().filter(|p| p.url.ends_with("/welcome")).count();
    assert_eq!(welcomed, 5, "{welcomed} accounts made against a maximum of 5");
    assert!(pages.iter().all(|p| p.url.ends_with("/welcome") || p.status == 403), "a post failed otherwise");
    drop(app);
    let again = spawn_app(&stub.api()).args(&args).await;
    let page = Visitor::new(&again).get("/").await;
    assert_eq!(page.status, 403, "a restart forgot the accounts made: {}", page.html);
    assert!(page.text("h1").contains("made all the accounts it may"), "{}", page.html);
}

#[tokio::test]
async fn the_maximum_is_exact_and_durable_on_sqlite() {
    the_maximum_is_exact_under_concurrent_posts_and_kept_across_a_restart(&scratch_database()).await;
}

#[tokio::test]
async fn the_maximum_is_exact_and_durable_on_postgresql() {
    the_maximum_is_exact_under_concurrent_posts_and_kept_across_a_restart(&postgres_database()).await;
}

#[tokio::test]
async fn the_maximum_is_exact_and_durable_on_mariadb() {
    the_maximum_is_exact_under_concurrent_posts_and_kept_across_a_restart(&mariadb_database()).await;
}
