//! Several instances sharing visitor sessions through a real Redis server:
//! a visitor may start on one and finish on another, and an instance may
//! restart in between.

use std::process::Command;
use std::sync::OnceLock;

use wikisignup::session_store::Sealer;

use crate::helpers::{PASSWORD, TestApp, TestWiki, Visitor, scratch_database, spawn_app, unique_name};

/// A throw-away redis-server on 127.0.0.1, stopped when the tests end.
struct TestRedis {
    url: String,
}

fn redis() -> &'static TestRedis {
    static REDIS: OnceLock<TestRedis> = OnceLock::new();
    REDIS.get_or_init(|| {
        let port = crate::helpers::free_port();
        // Runs as long as this test process does; a watcher stops it then.
        let script = r#"redis-server --port "$1" --bind 127.0.0.1 --save '' --appendonly no >/dev/null & r=$!
            while kill -0 "$2" 2>/dev/null && kill -0 "$r" 2>/dev/null; do sleep 1; done; kill "$r" 2>/dev/null"#;
        // Detached on purpose: it outlives this call, and is reaped when
        // the test process exits.
        #[allow(clippy::zombie_processes)]
        Command::new("setsid")
            .args(["bash", "-c", script, "redis", &port.to_string(), &std::process::id().to_string()])
            .spawn()
            .expect("redis-server starts (scripts/test installs it)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return TestRedis { url: format!("redis://127.0.0.1:{port}") };
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("redis-server did not start on port {port}");
    })
}

const SECRET: &str = "a shared secret of more than thirty-two bytes, for tests";

/// An instance of the portal on `wiki`, with sessions in `store`.
async fn instance(wiki: &TestWiki, store: &str) -> TestApp {
    spawn_app(&wiki.api).args(&["--session-store", store]).session_secret(SECRET).await
}

#[tokio::test]
async fn a_captcha_sign_up_started_on_one_instance_finishes_on_another() {
    let wiki = TestWiki::shared("captcha");
    let (a, b) = (instance(wiki, &redis().url).await, instance(wiki, &redis().url).await);
    let on_a = Visitor::new(&a);
    let on_b = on_a.at(&b);
    let name = unique_name("Shared");

    let form = on_a.get("/").await;
    let (status, kind, _) = on_b.fetch(&form.images()[0]).await;
    assert_eq!((status, kind.as_str()), (200, "image/png"), "instance B does not know the form A showed");
    let done = on_b
        .submit(
            &form,
            &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")],
        )
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    assert!(wiki.user(&name).await.is_some());
}

#[tokio::test]
async fn a_providers_return_may_land_on_another_instance() {
    let wiki = TestWiki::shared("sso");
    let (a, b) = (instance(wiki, &redis().url).await, instance(wiki, &redis().url).await);
    let on_a = Visitor::stepwise(&a);
    let name = unique_name("Roaming");
    let form = on_a.get("/").await;
    let to_provider = on_a
        .submit(
            &form,
            &[("username", &name), ("email", ""), ("realname", ""), ("captchaWord", "wikiwiki"), ("testsso", "1")],
        )
        .await;
    let back = on_a.open(to_provider.location.as_deref().expect("sent to the provider")).await.location.unwrap();
    // The load balancer sends the return to B.
    let back_on_b = back.replace(&a.address, &b.address);
    assert_ne!(back, back_on_b);
    let step = on_a.follow(on_a.open(&back_on_b).await).await;
    assert!(step.text(".actions button.primary").contains("Continue account creation"), "{}", step.html);
    let done = on_a.follow(on_a.submit(&step, &[("code", "123456")]).await).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn a_restart_loses_nothing_with_redis() {
    let wiki = TestWiki::shared("plain");
    let first = instance(wiki, &redis().url).await;
    let visitor = Visitor::new(&first);
    let form = visitor.get("/").await;
    first.handle.as_ref().unwrap().stop(true).await;
    assert!(reqwest::get(&first.address).await.is_err(), "the first instance is still serving");

    let restarted = instance(wiki, &redis().url).await;
    let name = unique_name("Restarted");
    let done = visitor
        .at(&restarted)
        .submit(
            &form,
            &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD), ("email", ""), ("realname", "")],
        )
        .await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
}

#[tokio::test]
async fn without_a_shared_store_another_instance_knows_nothing() {
    // The control: what Redis is for.
    let wiki = TestWiki::shared("plain");
    let (a, b) = (instance(wiki, "memory").await, instance(wiki, "memory").await);
    let on_a = Visitor::new(&a);
    let form = on_a.get("/").await;
    let name = unique_name("Unshared");
    let page = on_a.at(&b).submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(page.text(".notice").contains("nothing was sent"), "{}", page.html);
    assert!(wiki.user(&name).await.is_none());
}

#[tokio::test]
async fn the_account_maximum_is_shared_by_instances_on_one_database() {
    let wiki = TestWiki::private("plain", &[]);
    let on = |app: &TestApp| Visitor::new(app);
    // Two instances of one portal: one public address, one database, one count.
    let public_url = format!("http://signup-{}.test/", unique_name("max").replace(' ', "-"));
    let database = scratch_database();
    let max = |store| {
        let args =
            ["--session-store", store, "--max-accounts", "2", "--public-url", &public_url, "--database", &database];
        spawn_app(&wiki.api).args(&args).session_secret(SECRET)
    };
    let (a, b) = (max(&redis().url).await, max(&redis().url).await);
    for app in [&a, &b] {
        let visitor = on(app);
        let form = visitor.get("/").await;
        let name = unique_name("Counted");
        let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
        assert!(done.url.ends_with("/welcome"), "{}", done.html);
    }
    for app in [&a, &b] {
        let page = on(app).get("/").await;
        assert_eq!(page.status, 403, "{}", page.html);
        assert!(page.text("h1").contains("made all the accounts it may"), "{}", page.html);
        let link = page.attr("a.button", "href").unwrap();
        assert!(link.contains("Special%3ACreateAccount") || link.contains("Special:CreateAccount"), "{link}");
    }
}

#[tokio::test]
async fn in_organizer_mode_the_session_store_holds_nothing_of_the_organizers() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let bot = wiki.organizer.clone().unwrap();
    let app = spawn_app(&wiki.api)
        .args(&["--session-store", &redis().url, "--event-code", "Quokka"])
        .session_secret(SECRET)
        .organizer(&bot, false)
        .await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let name = unique_name("StoredOrganizer");
    let typed =
        [("wikisignup_event_code", "Quokka"), ("username", &name), ("password", PASSWORD), ("retype", PASSWORD)];
    let done = visitor.submit(&form, &typed).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    // This visitor's session, known by the token its next form carries.
    let form = visitor.get("/").await;
    let token = form.csrf();
    let stored = stored_sessions().into_iter().find(|s| s.contains(&token)).expect("the visitor's session");
    let (_, password) = bot.split_once(' ').unwrap();
    for secret in [password, "Organizer", "session", "createaccounttoken", "+\\"] {
        assert!(!stored.contains(secret), "{secret:?} is in the session store");
    }
}

/// Every key of the Redis, with its value and its time to live in seconds.
fn everything_in_redis() -> Vec<(String, Vec<u8>, i64)> {
    let mut redis = redis::Client::open(redis().url.as_str()).unwrap().get_connection().unwrap();
    let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut redis).unwrap();
    keys.into_iter()
        .map(|key| {
            // At once: other tests' portals delete keys meanwhile, and a
            // key gone between the two reads would seem to never expire.
            let (value, ttl): (Option<Vec<u8>>, i64) =
                redis::pipe().atomic().get(&key).ttl(&key).query(&mut redis).unwrap();
            (key, value.unwrap_or_default(), ttl)
        })
        .collect()
}

/// The sessions the portals of these tests (all with [`SECRET`]) hold,
/// opened as the portal opens them.
fn stored_sessions() -> Vec<String> {
    let sealer = Sealer::new(SECRET.as_bytes(), None);
    everything_in_redis()
        .into_iter()
        .filter(|(key, _, _)| key.starts_with(sealer.prefix()))
        .filter_map(|(key, value, _)| sealer.open(&key, &value))
        .map(|state| serde_json::to_string(&state).unwrap())
        .collect()
}

#[tokio::test]
async fn what_the_portal_writes_to_redis_is_under_its_prefix_expires_and_is_sealed() {
    // A portal of its own secret, beside the others on one Redis.
    let secret = "a secret of this test alone, longer than thirty-two bytes";
    let sealer = Sealer::new(secret.as_bytes(), None);
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).args(&["--session-store", &redis().url]).session_secret(secret).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    let name = unique_name("Sealed");
    let typed = [("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "no")];
    let refused = visitor.submit(&form, &typed).await;
    assert!(!refused.text(".notice.error").is_empty(), "{}", refused.html);

    let ours: Vec<(String, Vec<u8>, i64)> =
        everything_in_redis().into_iter().filter(|(_, value, _)| !value.is_empty()).collect();
    let mine: Vec<&(String, Vec<u8>, i64)> =
        ours.iter().filter(|(key, _, _)| key.starts_with(sealer.prefix())).collect();
    assert!(!mine.is_empty(), "the portal wrote nothing under its prefix {}", sealer.prefix());
    let opened: Vec<String> = mine
        .iter()
        .map(|(key, value, ttl)| {
            assert!(*ttl > 0, "{key} never expires");
            let text = String::from_utf8_lossy(value);
            for clear in [name.as_str(), "session", "Token", "+\\", "cookie"] {
                assert!(!text.contains(clear), "{key} holds {clear:?} in clear");
            }
            serde_json::to_string(&sealer.open(key, value).expect("the portal's own value opens")).unwrap()
        })
        .collect();
    // What was sealed is the visitor's wiki session: its cookies and token.
    let opened = opened.concat();
    assert!(opened.contains(&name) && opened.contains("cookie"), "{opened}");
    // Every key of every portal of these tests is under a prefix of its own.
    assert!(
        ours.iter().all(|(key, _, ttl)| key.starts_with("wikisignup:") && *ttl > 0),
        "a key without prefix or expiry"
    );
}

#[tokio::test]
async fn values_longer_than_the_wiki_takes_are_never_stored() {
    // A post without the session's token, as a flood would send it, with
    // 20 KB in each of the e-mail and real name: the refilled form shows
    // them, the session keeps only what fits the wiki's fields.
    let wiki = TestWiki::shared("plain");
    let app = instance(wiki, &redis().url).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Capped");
    let (long_email, long_name) = (format!("{}@example.org", "e".repeat(20_000)), "R".repeat(20_000));
    let page = visitor.post_form("/", &[("username", &name), ("email", &long_email), ("realname", &long_name)]).await;
    assert_eq!(page.input_value("realname").as_deref(), Some(long_name.as_str()), "what was typed is shown");

    let stored = stored_sessions().into_iter().find(|s| s.contains(&name)).expect("the visitor's session");
    assert!(!stored.contains(&long_name) && !stored.contains(&long_email), "an over-long value was stored");
    assert!(stored.len() < 16 * 1024, "the session takes {} bytes", stored.len());
}

#[tokio::test]
async fn the_session_store_never_holds_a_password() {
    // Read back what a session store holds after a refused and a passed
    // sign-up: the typed password is nowhere, the username is.
    let wiki = TestWiki::shared("captcha");
    let app = instance(wiki, &redis().url).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Stored");
    let password = "Quokka-Secret-Stored-9931";
    let form = visitor.get("/").await;
    let refused = visitor
        .submit(
            &form,
            &[("username", &name), ("password", password), ("retype", password), ("captchaWord", "zqxj-answer")],
        )
        .await;
    assert!(!refused.text(".notice.error").is_empty(), "{}", refused.html);

    let sessions = stored_sessions();
    let stored: String = sessions.concat();
    assert!(stored.contains(&name), "the sessions were not read: {} keys", sessions.len());
    assert!(!stored.contains(password), "a password is in the session store");
    assert!(!stored.contains("zqxj-answer"), "a CAPTCHA answer is in the session store");
}

#[tokio::test]
async fn a_redis_that_forgets_or_goes_away_costs_a_restarted_form_never_an_error() {
    let port = crate::helpers::free_port();
    let mut server = std::process::Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("redis-server starts (scripts/test installs it)");
    let url = format!("redis://127.0.0.1:{port}");
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let wiki = TestWiki::shared("plain");
    let app = instance(wiki, &url).await;
    let visitor = Visitor::new(&app);
    let name = unique_name("Forgotten");

    // Evicted: the form comes back refilled, saying it was too old.
    let form = visitor.get("/").await;
    let mut redis = redis::Client::open(url.as_str()).unwrap().get_connection().unwrap();
    let _: () = redis::cmd("FLUSHALL").query(&mut redis).unwrap();
    let again = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert_eq!(again.status, 200, "{}", again.html);
    assert_eq!(again.input_value("username").as_deref(), Some(name.as_str()), "{}", again.html);

    // Gone: the pages still serve, each a fresh start.
    server.kill().unwrap();
    server.wait().unwrap();
    let form = visitor.get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    let sent = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(sent.status < 500, "{}: {}", sent.status, sent.html);
}

#[tokio::test]
async fn on_toolforge_the_redis_comes_from_tool_redis_uri() {
    let secret = "the secret of the tool-redis-uri test, over thirty-two bytes";
    let wiki = TestWiki::shared("plain");
    let (_portal, app) = crate::helpers::run_binary(&wiki.api, |command| {
        command
            .env("TOOL_REDIS_URI", &redis().url)
            .env("WIKISIGNUP_SESSION_SECRET", secret)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
    })
    .await;
    let form = Visitor::new(&app).get("/").await;
    assert_eq!(form.status, 200, "{}", form.html);
    let prefix = Sealer::new(secret.as_bytes(), None).prefix().to_owned();
    assert!(
        everything_in_redis().iter().any(|(key, _, _)| key.starts_with(&prefix)),
        "no session in TOOL_REDIS_URI's Redis"
    );
}
