//! What the end-to-end tests share: a real MediaWiki started by
//! `tests/wiki/up`, the portal started on a random port, and a visitor that
//! behaves like a browser (keeps cookies, follows redirects, reads forms).

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use scraper::{Html, Selector};
use wikisignup::config::Settings;
use wikisignup::startup::Application;

/// A throw-away MediaWiki of one profile (`tests/wiki/settings/*.php`).
pub struct TestWiki {
    pub api: String,
    pub dir: PathBuf,
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
            organizer: line("organizer="),
            organizer_noskip: line("organizer_noskip="),
            private,
        }
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

/// The portal, running on a random port of 127.0.0.1.
pub struct TestApp {
    pub address: String,
    /// `http://127.0.0.1:PORT` of `/metrics`, with `--metrics-listen`.
    pub metrics_address: Option<String>,
    pub handle: Option<actix_web::dev::ServerHandle>,
}

/// The portal on a random port of 127.0.0.1, against `wiki_api`: the one
/// way tests start the application. Await it as it is, or set it up first:
/// `spawn_app(api).args(&["--frame-ancestors", "..."]).await`.
/// With `TEST_LOG=1` the application's log goes to the test's output.
pub fn spawn_app(wiki_api: &str) -> AppBuilder {
    AppBuilder { args: vec!["--wiki-api".into(), wiki_api.into()], session_secret: None, organizer: None }
}

pub struct AppBuilder {
    args: Vec<String>,
    session_secret: Option<&'static str>,
    organizer: Option<wikisignup::config::OrganizerSettings>,
}

impl AppBuilder {
    /// Command-line arguments, as an operator would give them.
    pub fn args(mut self, args: &[&str]) -> AppBuilder {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    /// The session secret (an environment variable only, in production).
    pub fn session_secret(mut self, secret: &'static str) -> AppBuilder {
        self.session_secret = Some(secret);
        self
    }

    /// Organizer mode with a bot password (`NAME@APP PASSWORD`, as
    /// `tests/wiki/up --organizer` prints it); an environment variable in
    /// production, which tests running side by side cannot share.
    pub fn organizer(mut self, bot_password: &str, mail_password: bool) -> AppBuilder {
        let (user, password) = bot_password.split_once(' ').expect("NAME@APP PASSWORD");
        self.organizer = Some(wikisignup::config::OrganizerSettings {
            credentials: wikisignup::wiki::OrganizerCredentials::BotPassword {
                user: user.to_owned(),
                password: password.to_owned(),
            },
            reason: Some(ORGANIZER_REASON.to_owned()),
            mail_password,
        });
        self
    }

    async fn spawn(self) -> TestApp {
        if std::env::var_os("TEST_LOG").is_some() {
            wikisignup::telemetry::init_test_log();
        }
        let mut own = vec!["wikisignup".to_owned(), "--listen".to_owned(), "127.0.0.1:0".to_owned()];
        if !self.args.iter().any(|a| a.starts_with("--database")) {
            own.extend(["--database".to_owned(), scratch_database()]);
        }
        let args = own.into_iter().chain(self.args);
        let mut settings = Settings::from_args(args).expect("test settings are valid");
        settings.session_secret = self.session_secret.map(|s| s.parse().expect("a valid session secret"));
        settings.page.organizer = self.organizer;
        let app = Application::build(settings).await.expect("the portal starts");
        let address = format!("http://127.0.0.1:{}", app.port());
        let metrics_address = app.metrics_port().map(|port| format!("http://127.0.0.1:{port}"));
        let handle = Some(app.handle());
        tokio::spawn(app.run_until_stopped());
        TestApp { address, metrics_address, handle }
    }
}

impl std::future::IntoFuture for AppBuilder {
    type Output = TestApp;
    type IntoFuture = std::pin::Pin<Box<dyn std::future::Future<Output = TestApp>>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.spawn())
    }
}

/// A PostgreSQL server for the tests that need one (`tests/postgres/up`,
/// stopped when the tests end): a new database on it for each caller.
pub fn postgres_database() -> String {
    static SERVER: OnceLock<String> = OnceLock::new();
    let server = SERVER.get_or_init(|| {
        let root = env!("CARGO_MANIFEST_DIR");
        let out = Command::new(format!("{root}/tests/postgres/up"))
            .args(["--watch", &std::process::id().to_string()])
            .output()
            .expect("tests/postgres/up runs");
        assert!(out.status.success(), "tests/postgres/up failed:\n{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        stdout.lines().find_map(|l| l.strip_prefix("url=")).expect("a url").to_owned()
    });
    let name = unique_name("db").replace(' ', "_").to_lowercase();
    psql(server, &format!("CREATE DATABASE {name}"));
    let (base, _) = server.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

/// Runs `sql` in the database at `url` (one `postgres_database` gave).
pub fn psql(url: &str, sql: &str) {
    let (server, database) = url.rsplit_once('/').unwrap();
    let (host, port) = server.trim_start_matches("postgres://postgres@").split_once(':').unwrap();
    let ran = Command::new("psql")
        .args(["-h", host, "-p", port, "-U", "postgres", "-d", database, "-qc", sql])
        .output()
        .expect("psql runs");
    assert!(ran.status.success(), "{sql}: {}", String::from_utf8_lossy(&ran.stderr));
}

/// A new SQLite file for an app's record of sign-ups, in the temporary
/// directory (never the working tree).
pub fn scratch_database() -> String {
    let name = unique_name("signups").replace(' ', "-");
    format!("sqlite://{}", std::env::temp_dir().join(format!("wikisignup-{name}.db")).display())
}

/// The reason the organizer mode of tests gives for each account.
pub const ORGANIZER_REASON: &str = "Test edit-a-thon sign-up";

/// A port free on 127.0.0.1 a moment ago.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// The real binary, as an operator starts it: `configure` adds arguments,
/// environment and where its output goes; `--listen` is added here. Returns
/// once it answers `/healthz`.
pub async fn run_binary(
    wiki_api: &str,
    configure: impl FnOnce(&mut tokio::process::Command),
) -> (tokio::process::Child, TestApp) {
    run_binary_at(env!("CARGO_BIN_EXE_wikisignup").as_ref(), wiki_api, configure).await
}

pub async fn run_binary_at(
    binary: &std::path::Path,
    wiki_api: &str,
    configure: impl FnOnce(&mut tokio::process::Command),
) -> (tokio::process::Child, TestApp) {
    let port = free_port();
    let mut command = tokio::process::Command::new(binary);
    command.args(["--wiki-api", wiki_api, "--listen", &format!("127.0.0.1:{port}")]).kill_on_drop(true);
    command.env("WIKISIGNUP_DATABASE", scratch_database());
    configure(&mut command);
    let child = command.spawn().expect("the binary starts");
    let address = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if reqwest::get(format!("{address}/healthz")).await.is_ok() {
            return (child, TestApp { address, metrics_address: None, handle: None });
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the binary did not answer on {address}");
}

/// A unique, valid username: tests share wikis.
pub fn unique_name(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    format!("{prefix} {}x{nanos}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

pub const PASSWORD: &str = "Correct-Horse-Battery-7";

/// One browser: its own cookie jar, following redirects.
pub struct Visitor {
    http: reqwest::Client,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
    base: String,
}

/// A page as the visitor got it.
pub struct Page {
    pub status: u16,
    pub url: String,
    /// Where a redirect points (stepwise visitors only see these).
    pub location: Option<String>,
    pub retry_after: Option<String>,
    pub html: String,
}

impl Visitor {
    pub fn new(app: &TestApp) -> Visitor {
        Visitor::with(app, reqwest::Client::builder())
    }

    fn with(app: &TestApp, builder: reqwest::ClientBuilder) -> Visitor {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let http = builder.cookie_provider(jar.clone()).build().unwrap();
        Visitor { http, jar, base: app.address.clone() }
    }

    /// The portal's session cookie as the browser holds it now.
    pub fn session_cookie(&self) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let cookies = self.jar.cookies(&self.base.parse().unwrap())?;
        cookies.to_str().unwrap().split("; ").find(|c| c.starts_with("wikisignup=")).map(str::to_owned)
    }

    /// The same browser (same cookies) talking to another instance.
    pub fn at(&self, app: &TestApp) -> Visitor {
        Visitor { http: self.http.clone(), jar: self.jar.clone(), base: app.address.clone() }
    }

    /// A browser behind a reverse proxy that names it as `client_ip`.
    pub fn forwarded_for(app: &TestApp, client_ip: &str) -> Visitor {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", client_ip.parse().unwrap());
        Visitor::with(app, reqwest::Client::builder().default_headers(headers))
    }

    /// A browser whose languages are `accept_language`, as it sends them.
    pub fn speaking(app: &TestApp, accept_language: &str) -> Visitor {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("accept-language", accept_language.parse().unwrap());
        Visitor::with(app, reqwest::Client::builder().default_headers(headers))
    }

    /// A browser whose every redirect the test follows (or not) itself.
    pub fn stepwise(app: &TestApp) -> Visitor {
        Visitor::with(app, reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()))
    }

    /// Opens an absolute URL (a provider's, or a return URL).
    pub async fn open(&self, url: &str) -> Page {
        Page::read(self.http.get(url).send().await.unwrap()).await
    }

    /// Follows `page`'s redirects, if any, to the end.
    pub async fn follow(&self, mut page: Page) -> Page {
        while let Some(location) = page.location.clone() {
            let next = reqwest::Url::parse(&page.url).unwrap().join(&location).unwrap();
            page = self.open(next.as_str()).await;
        }
        page
    }

    pub async fn get(&self, path: &str) -> Page {
        let response = self.http.get(format!("{}{path}", self.base)).send().await.unwrap();
        Page::read(response).await
    }

    /// Fills in `page`'s form as a browser would: hidden fields as they
    /// are, `typed` for the rest, then submits it.
    pub async fn submit(&self, page: &Page, typed: &[(&str, &str)]) -> Page {
        let action = page.attr("form.signup", "action").unwrap_or_else(|| "/".to_owned());
        self.submit_to(&action, page, typed).await
    }

    /// Fills in `page`'s form, as [`Visitor::submit`], but posts it to `path`.
    pub async fn submit_to(&self, path: &str, page: &Page, typed: &[(&str, &str)]) -> Page {
        let mut pairs: Vec<(String, String)> = page.hidden_fields();
        pairs.extend(typed.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let response = self.http.post(format!("{}{path}", self.base)).form(&pairs).send().await.unwrap();
        Page::read(response).await
    }

    /// Posts `pairs` to a path of the portal's.
    pub async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> Page {
        let response = self.http.post(format!("{}{path}", self.base)).form(pairs).send().await.unwrap();
        Page::read(response).await
    }

    /// Posts `pairs` as the page's script does, asking for JSON: the
    /// status and the answer.
    pub async fn post_for_json(&self, path: &str, pairs: &[(&str, &str)]) -> (u16, serde_json::Value) {
        let request = self.http.post(format!("{}{path}", self.base)).form(pairs).header("accept", "application/json");
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or_default())
    }

    /// Posts `pairs` as a page of `origin` would make the browser post them
    /// (`Origin` and `Sec-Fetch-Site` as Chromium sends them).
    pub async fn post_form_from(&self, origin: &str, sec_fetch_site: &str, path: &str, pairs: &[(&str, &str)]) -> Page {
        let request = self.http.post(format!("{}{path}", self.base)).form(pairs);
        let request = request.header("origin", origin).header("sec-fetch-site", sec_fetch_site);
        Page::read(request.send().await.unwrap()).await
    }

    /// The response headers of a GET of a path of the portal's.
    pub async fn headers(&self, path: &str) -> reqwest::header::HeaderMap {
        self.http.get(format!("{}{path}", self.base)).send().await.unwrap().headers().clone()
    }

    /// Fetches a URL of the portal's; status, content type and body.
    pub async fn fetch(&self, path: &str) -> (u16, String, Vec<u8>) {
        let response = self.http.get(format!("{}{path}", self.base)).send().await.unwrap();
        let status = response.status().as_u16();
        let kind = response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
        (status, kind, response.bytes().await.unwrap().to_vec())
    }
}

impl Page {
    /// The page a response carries.
    pub async fn read(response: reqwest::Response) -> Page {
        let status = response.status().as_u16();
        let url = response.url().to_string();
        let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
        let (location, retry_after) = (header("location"), header("retry-after"));
        Page { status, url, location, retry_after, html: response.text().await.unwrap() }
    }

    pub fn hidden_fields(&self) -> Vec<(String, String)> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse("form input[type=hidden]").unwrap();
        doc.select(&sel)
            .map(|e| (e.attr("name").unwrap_or_default().to_owned(), e.attr("value").unwrap_or_default().to_owned()))
            .collect()
    }

    /// The CSRF token the page's forms carry.
    pub fn csrf(&self) -> String {
        self.input_value("wikisignup_csrf").unwrap_or_else(|| panic!("no CSRF token in {}", self.html))
    }

    /// The value an input shows, if the page has that input.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse(&format!("input[name=\"{name}\"]")).unwrap();
        doc.select(&sel).next().map(|e| e.attr("value").unwrap_or_default().to_owned())
    }

    /// The text of the elements matching `css`, joined.
    pub fn text(&self, css: &str) -> String {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse(css).unwrap();
        doc.select(&sel).map(|e| e.text().collect::<String>()).collect::<Vec<_>>().join("\n")
    }

    /// The attribute `name` of the first element matching `css`.
    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse(css).unwrap();
        doc.select(&sel).next().and_then(|e| e.attr(name)).map(str::to_owned)
    }

    /// The `src` of every CAPTCHA image.
    pub fn images(&self) -> Vec<String> {
        let doc = Html::parse_document(&self.html);
        let sel = Selector::parse("img.challenge").unwrap();
        doc.select(&sel).map(|e| e.attr("src").unwrap().to_owned()).collect()
    }
}
