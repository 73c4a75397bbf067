//! The portal under test: started in the test's process on a random port
//! ([`spawn_app`]), or as the real binary ([`run_binary`]), each with a
//! database of its own.

use std::process::Command;
use std::sync::OnceLock;

use wikisignup::config::Settings;
use wikisignup::startup::Application;

use super::visitor::unique_name;

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
    AppBuilder {
        args: vec!["--wiki-api".into(), wiki_api.into()],
        session_secret: None,
        organizer: None,
        secrets_key: None,
    }
}

pub struct AppBuilder {
    args: Vec<String>,
    session_secret: Option<&'static str>,
    organizer: Option<wikisignup::config::OrganizerSettings>,
    secrets_key: Option<&'static str>,
}

/// A key for organisers' secrets (`WIKISIGNUP_SECRETS_KEY`), as `openssl rand -hex 32` writes one.
pub const SECRETS_KEY: &str = "3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

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

    /// The key of organisers' secrets (an environment variable only, in
    /// production): the console offers organizer mode.
    pub fn secrets_key(mut self, key: &'static str) -> AppBuilder {
        self.secrets_key = Some(key);
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
        settings.console.secrets_key = self.secrets_key.map(|key| key.parse().expect("a valid secrets key"));
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

/// A throw-away server started by `tests/SERVER/up` (stopped when the
/// tests end), once per test process: its URL.
fn server_started_by(script: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(format!("{root}/tests/{script}/up"))
        .args(["--watch", &std::process::id().to_string()])
        .output()
        .unwrap_or_else(|e| panic!("tests/{script}/up runs: {e}"));
    assert!(out.status.success(), "tests/{script}/up failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    stdout.lines().find_map(|l| l.strip_prefix("url=")).expect("a url").to_owned()
}

/// A new database on `server` for one test, made by `create`: its URL.
fn new_database(server: &str, create: impl Fn(&str, &str)) -> String {
    let name = unique_name("db").replace(' ', "_").to_lowercase();
    create(server, &format!("CREATE DATABASE {name}"));
    let (base, _) = server.rsplit_once('/').unwrap();
    format!("{base}/{name}")
}

/// A PostgreSQL server for the tests that need one (`tests/postgres/up`):
/// a new database on it for each caller.
pub fn postgres_database() -> String {
    static SERVER: OnceLock<String> = OnceLock::new();
    new_database(SERVER.get_or_init(|| server_started_by("postgres")), psql)
}

/// A MariaDB server for the tests that need one (`tests/mariadb/up`): a new
/// database on it for each caller.
pub fn mariadb_database() -> String {
    static SERVER: OnceLock<String> = OnceLock::new();
    new_database(SERVER.get_or_init(|| server_started_by("mariadb")), mariadb)
}

/// Runs `sql` in the MariaDB database at `url` (one `mariadb_database` gave).
pub fn mariadb(url: &str, sql: &str) {
    let (server, database) = url.rsplit_once('/').unwrap();
    let (host, port) = server.trim_start_matches("mysql://root@").split_once(':').unwrap();
    let ran = Command::new("mariadb")
        .args(["--no-defaults", "-h", host, "-P", port, "-u", "root", "-D", database, "-e", sql])
        .output()
        .expect("mariadb runs");
    assert!(ran.status.success(), "{sql}: {}", String::from_utf8_lossy(&ran.stderr));
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
