//! Several instances sharing visitor sessions through a real Redis server:
//! a visitor may start on one and finish on another, and an instance may
//! restart in between.

use std::process::Command;
use std::sync::OnceLock;

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

/// The values of every session Redis holds.
fn stored_sessions() -> Vec<String> {
    let port = redis().url.rsplit(':').next().unwrap().to_owned();
    let cli = |args: &[&str]| {
        let out = Command::new("redis-cli").args(["-p", &port]).args(args).output().expect("redis-cli runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let keys = cli(&["--scan", "--pattern", "wikisignup:session:*"]);
    keys.lines().map(|key| cli(&["GET", key])).collect()
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
