//! The wikis tests run against: a real MediaWiki started by `tests/wiki/up`
//! ([`TestWiki`]), and, for faults only, a stub ([`StubWiki`]).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A throw-away MediaWiki of one profile (`tests/wiki/settings/*.php`).
pub struct TestWiki {
    pub api: String,
    pub dir: PathBuf,
    /// The MediaWiki it runs (its maintenance scripts).
    pub mw: PathBuf,
    /// With `--organizer`: the event coordinators' bot passwords,
    /// `NAME@APP PASSWORD`, one who skips CAPTCHAs and one who does not.
    pub organizer: Option<String>,
    pub organizer_noskip: Option<String>,
    /// Shared wikis live as long as the test process (the `--watch`er of
    /// `up` stops them); private ones are stopped on drop.
    private: bool,
}

impl TestWiki {
    /// The wiki of `profile` that tests share. Tests that only create their
    /// own, uniquely named accounts can share one.
    pub fn shared(profile: &'static str) -> &'static TestWiki {
        static PLAIN: OnceLock<TestWiki> = OnceLock::new();
        static CAPTCHA: OnceLock<TestWiki> = OnceLock::new();
        static QUESTY: OnceLock<TestWiki> = OnceLock::new();
        static SSO: OnceLock<TestWiki> = OnceLock::new();
        static HCAPTCHA: OnceLock<TestWiki> = OnceLock::new();
        let cell = match profile {
            "hcaptcha" => &HCAPTCHA,
            "plain" => &PLAIN,
            "captcha" => &CAPTCHA,
            "questy" => &QUESTY,
            "sso" => &SSO,
            other => panic!("no shared wiki of profile {other}"),
        };
        cell.get_or_init(|| TestWiki::start(profile, &[], &[], false))
    }

    /// A wiki of its own, for tests that count its requests or change it.
    pub fn private(profile: &str, extras: &[&str]) -> TestWiki {
        TestWiki::start(profile, extras, &[], true)
    }

    /// A wiki of its own, started with options of `tests/wiki/up`
    /// (`--throttle 1`, `--trust-proxy`, `--organizer`).
    pub fn private_with(profile: &str, options: &[&str]) -> TestWiki {
        TestWiki::start(profile, &[], options, true)
    }

    fn start(profile: &str, extras: &[&str], options: &[&str], private: bool) -> TestWiki {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut up = Command::new(format!("{root}/tests/wiki/up"));
        up.args(["--profile", profile, "--watch", &std::process::id().to_string()]).args(options);
        for extra in extras {
            up.args(["--extra", &format!("{root}/tests/wiki/settings/{extra}")]);
        }
        let out = up.output().expect("tests/wiki/up runs");
        assert!(
            out.status.success(),
            "tests/wiki/up --profile {profile} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).unwrap();
        let line = |key: &str| stdout.lines().find_map(|l| l.strip_prefix(key)).map(str::to_owned);
        let field = |key: &str| line(key).unwrap_or_else(|| panic!("no {key} in {stdout}"));
        TestWiki {
            api: field("api="),
            dir: PathBuf::from(field("dir=")),
            mw: PathBuf::from(field("mw=")),
            organizer: line("organizer="),
            organizer_noskip: line("organizer_noskip="),
            private,
        }
    }

    /// The wiki's log of new accounts: (performer, comment, new user page).
    pub async fn new_users_log(&self) -> Vec<(String, String, String)> {
        let answer = self.query(&[("list", "logevents"), ("letype", "newusers"), ("lelimit", "500")]).await;
        let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        answer["query"]["logevents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (text(&e["user"]), text(&e["comment"]), text(&e["title"])))
            .collect()
    }

    /// Who made the account `name`, as the wiki's new-user log says.
    pub async fn creator_of(&self, name: &str) -> Option<String> {
        let log = self.new_users_log().await;
        log.into_iter().find(|(_, _, title)| title.ends_with(name)).map(|(performer, _, _)| performer)
    }

    /// The wiki's own record of `name`, or `None` when it has no such user.
    pub async fn user(&self, name: &str) -> Option<serde_json::Value> {
        let answer = self.query(&[("list", "users"), ("ususers", name), ("usprop", "registration")]).await;
        let user = answer["query"]["users"][0].clone();
        (user.get("missing").is_none() && user.get("invalid").is_none()).then_some(user)
    }

    /// An anonymous `action=query` with `params`, as JSON.
    pub async fn query(&self, params: &[(&str, &str)]) -> serde_json::Value {
        let format = [("action", "query"), ("format", "json"), ("formatversion", "2")];
        let request = reqwest::Client::new().get(&self.api).query(&format).query(params);
        request.send().await.unwrap().json().await.unwrap()
    }

    /// Every request the wiki has served: "METHOD /entry.php action-or-title".
    pub fn requests(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.join("requests.log")).unwrap_or_default().lines().map(str::to_owned).collect()
    }

    /// Edits the wiki's page `title` to `text` as its administrator would
    /// (e.g. `MediaWiki:Createacct-submit`, one of its interface messages).
    pub fn edit(&self, title: &str, text: &str) {
        use std::io::Write;
        let mut edit = Command::new("php")
            .arg(self.mw.join("maintenance/edit.php"))
            .args(["-u", "Admin", "-s", "Test edit", title])
            .env("MW_CONFIG_FILE", self.dir.join("LocalSettings.php"))
            .env("MW_INSTALL_PATH", &self.mw)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .expect("php runs");
        edit.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        assert!(edit.wait().unwrap().success(), "editing {title} failed");
    }

    /// The mail the wiki would have sent.
    pub fn mail(&self) -> String {
        std::fs::read_to_string(self.dir.join("mail.log")).unwrap_or_default()
    }

    /// Forgets every wiki session, as if they had all expired.
    pub fn drop_sessions(&self) {
        // install.php puts CACHE_DB, where sessions live, in its own file.
        let db = self.dir.join("data/wikicache.sqlite");
        let status = Command::new("php")
            .arg("-r")
            .arg(format!(
                "(new PDO('sqlite:{}'))->exec(\"DELETE FROM objectcache WHERE keyname LIKE '%MWSession%'\") !== false or exit(1);",
                db.display()
            ))
            .status()
            .unwrap();
        assert!(status.success(), "could not clear the wiki's sessions");
    }
}

impl Drop for TestWiki {
    fn drop(&mut self) {
        if self.private {
            let root = env!("CARGO_MANIFEST_DIR");
            let _ = Command::new(format!("{root}/tests/wiki/down")).arg(&self.dir).status();
        }
    }
}

/// The api.php of a stand-in wiki at `address` (`127.0.0.1:PORT`): a stub,
/// a hand-written server, or a port nobody listens on.
pub fn api_at(address: impl std::fmt::Display) -> String {
    format!("http://{address}/w/api.php")
}

/// A real answer of MediaWiki 1.39 (`tests/fixtures/NAME`).
pub fn fixture(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A stub wiki (wiremock) for what a real one will not do on demand:
/// time-outs, errors, statuses of other providers. Every stub of the tests
/// is made here; `Mock::given(...).mount(&stub)` adds to it.
pub struct StubWiki(MockServer);

impl StubWiki {
    pub async fn start() -> StubWiki {
        StubWiki(MockServer::start().await)
    }

    /// A stub whose every GET gets `answer`.
    pub async fn answering(answer: ResponseTemplate) -> StubWiki {
        let stub = StubWiki::start().await;
        Mock::given(method("GET")).respond_with(answer).mount(&stub).await;
        stub
    }

    /// A stub showing `form` (an authmanagerinfo answer) to every GET and
    /// answering every createaccount with `on_submit`; `expected_posts` is
    /// checked when the stub is dropped.
    pub async fn signing_up(form: serde_json::Value, on_submit: serde_json::Value, expected_posts: u64) -> StubWiki {
        let stub = StubWiki::answering(ResponseTemplate::new(200).set_body_json(form)).await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({ "createaccount": on_submit })))
            .expect(expected_posts)
            .mount(&stub)
            .await;
        stub
    }

    /// The form pages it was asked for (`meta=authmanagerinfo`), apart
    /// from other questions (the pre-flight check's at start-up).
    pub async fn form_pages(&self) -> usize {
        let requests = self.0.received_requests().await.unwrap_or_default();
        requests.iter().filter(|r| r.url.query().is_some_and(|q| q.contains("authmanagerinfo"))).count()
    }

    /// Its api.php, as the portal's `--wiki-api` names it.
    pub fn api(&self) -> String {
        api_at(self.0.address())
    }
}

impl std::ops::Deref for StubWiki {
    type Target = MockServer;

    fn deref(&self) -> &MockServer {
        &self.0
    }
}
