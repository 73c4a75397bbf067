//! Events as pages of their own: `[[event]]` tables in the settings file,
//! each at `/e/SLUG/` with its own wiki, look and session keys, beside the
//! portal's own page at `/`.

use crate::helpers::{PASSWORD, TestApp, TestWiki, Visitor, spawn_app, unique_name};

/// A portal whose settings file has two events: one on `first`, one on
/// `second`.
async fn two_event_portal(first: &TestWiki, second: &TestWiki) -> (TestApp, std::path::PathBuf) {
    let file = std::env::temp_dir().join(format!("wikisignup-events-{}.toml", unique_name("e").replace(' ', "-")));
    let text = format!(
        r##"
operator = "Wikimedia Thailand"

[[event]]
slug = "bangkok"
title = "Bangkok Edit-a-thon"
wiki_api = "{}"
returnto = "Project:Bangkok Edit-a-thon"
frame_ancestors = "'none'"

[[event]]
slug = "commons-walk"
title = "Commons Photo Walk"
wiki_api = "{}"
accent_color = "#006699"
"##,
        first.api, second.api
    );
    std::fs::write(&file, text).unwrap();
    let app = spawn_app(&first.api).args(&["--config", file.to_str().unwrap()]).await;
    (app, file)
}

#[tokio::test]
async fn two_events_on_two_wikis_sign_up_apart_in_one_portal() {
    let (plain, captcha) = (TestWiki::shared("plain"), TestWiki::shared("captcha"));
    let (app, file) = two_event_portal(plain, captcha).await;
    let visitor = Visitor::new(&app);

    let bangkok = visitor.get("/e/bangkok/").await;
    assert_eq!(bangkok.status, 200, "{}", bangkok.html);
    assert_eq!(bangkok.text(".event-title"), "Bangkok Edit-a-thon");
    assert_eq!(bangkok.attr("form.signup", "action").as_deref(), Some("/e/bangkok/"));
    assert!(bangkok.text("footer").contains("Wikimedia Thailand"), "the portal's settings are the event's too");
    // The event's own page after logging in, and its own framing rule.
    let login = bangkok.attr("p.login a", "href").unwrap();
    assert!(login.contains("returnto=Project%3ABangkok+Edit-a-thon"), "{login}");
    let csp = |headers: reqwest::header::HeaderMap| headers["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp(visitor.headers("/e/bangkok/").await).contains("frame-ancestors 'none'"));
    assert!(csp(visitor.headers("/").await).contains("frame-ancestors 'self'"));
    let walk = visitor.get("/e/commons-walk/").await;
    assert_eq!(walk.text(".event-title"), "Commons Photo Walk");
    let image = &walk.images()[0];
    assert!(image.starts_with("/e/commons-walk/captcha/"), "{image}");
    assert_eq!(visitor.fetch(image).await.1, "image/png");
    assert!(String::from_utf8(visitor.fetch("/e/commons-walk/theme.css").await.2).unwrap().contains("#006699"));

    // A form of one event, posted to the other's route: refused, and no
    // account is asked of either wiki.
    let crossed = unique_name("Crossed");
    let typed = [("username", crossed.as_str()), ("password", PASSWORD), ("retype", PASSWORD)];
    let refused = visitor.submit_to("/e/commons-walk/", &bangkok, &typed).await;
    assert!(refused.text(".notice").contains("nothing was sent"), "{}", refused.html);
    assert!(plain.user(&crossed).await.is_none() && captcha.user(&crossed).await.is_none());

    // A visitor signs up at each, in the same browser.
    let (first, second) = (unique_name("Bangkok"), unique_name("Walker"));
    let bangkok = visitor.get("/e/bangkok/").await;
    let done = visitor.submit(&bangkok, &[("username", &first), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/e/bangkok/welcome"), "{}", done.html);
    assert!(done.text("main").contains(&first) && !done.text("main").contains(&second));
    let walk = visitor.get("/e/commons-walk/").await;
    let typed =
        [("username", second.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")];
    let done = visitor.submit(&walk, &typed).await;
    assert!(done.url.ends_with("/e/commons-walk/welcome"), "{}", done.html);
    assert!(done.text("main").contains(&second) && !done.text("main").contains(&first));
    // Each account on its own event's wiki only.
    assert!(plain.user(&first).await.is_some() && captcha.user(&first).await.is_none());
    assert!(captcha.user(&second).await.is_some() && plain.user(&second).await.is_none());

    // Its own embedding snippet, for the event's site.
    let embed = visitor.get("/e/bangkok/embed").await;
    assert!(embed.html.contains(&format!("{}/e/bangkok/embed.js", app.address)), "{}", embed.html);
    assert!(embed.html.contains(&format!("src=&#34;{}/e/bangkok/&#34;", app.address)), "{}", embed.html);
    assert_eq!(visitor.fetch("/e/bangkok/embed.js").await.0, 200);

    // The portal's own page is still at /, and an event not set up is not.
    assert_eq!(visitor.get("/").await.attr("form.signup", "action").as_deref(), Some("/"));
    assert_eq!(visitor.get("/e/elsewhere/").await.status, 404);
    std::fs::remove_file(file).unwrap();
}

const TOKEN: &str = "report-token-for-the-bangkok-edit-a-thon";

#[tokio::test]
async fn the_report_lists_an_events_accounts_for_whoever_has_its_token_and_survives_a_restart() {
    report_on(crate::helpers::scratch_database()).await;
}

#[tokio::test]
async fn the_same_report_on_postgresql() {
    report_on(crate::helpers::postgres_database()).await;
}

#[tokio::test]
async fn the_same_report_on_mariadb() {
    report_on(crate::helpers::mariadb_database()).await;
}

#[tokio::test]
async fn two_instances_on_one_postgresql_share_one_report() {
    two_instances_share_one_report(crate::helpers::postgres_database()).await;
}

#[tokio::test]
async fn two_instances_on_one_mariadb_share_one_report() {
    two_instances_share_one_report(crate::helpers::mariadb_database()).await;
}

async fn two_instances_share_one_report(database: String) {
    let (plain, captcha) = (TestWiki::shared("plain"), TestWiki::shared("captcha"));
    let file = report_settings(plain, captcha);
    let config = file.to_str().unwrap();
    let args = ["--config", config, "--database", &database];
    let (a, b) = (spawn_app(&plain.api).args(&args).await, spawn_app(&plain.api).args(&args).await);
    let mut names = Vec::new();
    for app in [&a, &b] {
        let visitor = Visitor::new(app);
        let name = unique_name("Shared");
        let form = visitor.get("/e/bangkok/").await;
        let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
        assert!(done.url.ends_with("/e/bangkok/welcome"), "{}", done.html);
        names.push(name);
    }
    for app in [&a, &b] {
        let report = Visitor::new(app).get(&format!("/e/bangkok/report?token={TOKEN}")).await;
        assert!(report.text(".count").starts_with('2'), "{}", report.html);
        assert!(names.iter().all(|name| report.html.contains(name)), "{}", report.html);
    }
    std::fs::remove_file(file).unwrap();
}

/// A settings file with two events with reports: `bangkok` on `first`,
/// `walk` on `second`.
fn report_settings(first: &TestWiki, second: &TestWiki) -> std::path::PathBuf {
    let file = std::env::temp_dir().join(format!("wikisignup-report-{}.toml", unique_name("r").replace(' ', "-")));
    let text = format!(
        "[[event]]\nslug = \"bangkok\"\ntitle = \"Bangkok Edit-a-thon\"\nwiki_api = \"{}\"\nreport_token = \"{TOKEN}\"\n\
         [[event]]\nslug = \"walk\"\nwiki_api = \"{}\"\nreport_token = \"{TOKEN}-walk\"\n",
        first.api, second.api
    );
    std::fs::write(&file, text).unwrap();
    file
}

async fn report_on(database: String) {
    let (plain, captcha) = (TestWiki::shared("plain"), TestWiki::shared("captcha"));
    let file = report_settings(plain, captcha);
    let config = file.to_str().unwrap();
    let app = spawn_app(&plain.api).args(&["--config", config, "--database", &database]).await;
    let visitor = Visitor::new(&app);
    let (first, second, elsewhere) = (unique_name("Ratchada"), unique_name("Sukhumvit"), unique_name("Walker"));
    for name in [&first, &second] {
        let form = visitor.get("/e/bangkok/").await;
        let done = visitor.submit(&form, &[("username", name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
        assert!(done.url.ends_with("/e/bangkok/welcome"), "{}", done.html);
    }
    let walk = visitor.get("/e/walk/").await;
    let typed =
        [("username", elsewhere.as_str()), ("password", PASSWORD), ("retype", PASSWORD), ("captchaWord", "wikiwiki")];
    assert!(visitor.submit(&walk, &typed).await.url.ends_with("/e/walk/welcome"));

    // Without the token, or with another event's: refused.
    let organiser = Visitor::new(&app);
    for token in ["", "wrong", &format!("{TOKEN}-walk"), &TOKEN[..TOKEN.len() - 1]] {
        let refused = organiser.get(&format!("/e/bangkok/report?token={token}")).await;
        assert_eq!(refused.status, 403, "{token:?}");
        assert!(!refused.html.contains(&first));
    }
    assert_eq!(organiser.get("/report?token=x").await.status, 404, "the portal's own page has no report");

    let report = organiser.get(&format!("/e/bangkok/report?token={TOKEN}")).await;
    assert_eq!(report.status, 200, "{}", report.html);
    assert!(report.text(".count").starts_with('2'), "{}", report.text(".count"));
    let rows: Vec<String> = report.text("tbody").lines().map(str::to_owned).filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].contains(&second) && rows[1].contains(&first), "newest first: {rows:?}");
    assert!(!report.html.contains(&elsewhere), "another event's account is not this one's");
    assert!(report.html.contains(r#"<meta name="robots" content="noindex">"#));
    let headers = organiser.headers(&format!("/e/bangkok/report?token={TOKEN}")).await;
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["referrer-policy"], "no-referrer");

    // The CSV parses: a header row, then one row per account.
    let (status, kind, body) = organiser.fetch(&format!("/e/bangkok/report?token={TOKEN}&format=csv")).await;
    assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
    let csv = String::from_utf8(body).unwrap();
    let lines: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(lines[0], ["time", "local_time (UTC)", "username", "wiki", "how"]);
    assert_eq!(lines.len(), 3, "{csv}");
    assert_eq!((lines[1][2], lines[1][3], lines[1][4]), (second.as_str(), plain.api.as_str(), "direct"));

    // A restart keeps the report: the SQLite file is the record.
    let again = spawn_app(&plain.api).args(&["--config", config, "--database", &database]).await;
    let report = Visitor::new(&again).get(&format!("/e/bangkok/report?token={TOKEN}")).await;
    assert!(report.text(".count").starts_with('2') && report.html.contains(&first), "{}", report.html);

    // The same from the command line.
    let command = |extra: &[&str]| {
        let mut args = vec!["report", "bangkok", "--config", config, "--database", &database];
        args.extend(extra);
        std::process::Command::new(env!("CARGO_BIN_EXE_wikisignup")).args(&args).output().unwrap()
    };
    let listed = command(&[]);
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.starts_with("bangkok: 2 accounts\n") && listed.contains(&first), "{listed}");
    let csv_out = String::from_utf8(command(&["--csv"]).stdout).unwrap();
    assert_eq!(csv_out, csv);
    std::fs::remove_file(file).unwrap();
}

#[test]
fn wikisignup_token_prints_a_report_token_the_settings_take() {
    let run = || std::process::Command::new(env!("CARGO_BIN_EXE_wikisignup")).arg("token").output().unwrap();
    let (first, second) = (run(), run());
    assert!(first.status.success());
    let token = String::from_utf8(first.stdout).unwrap().trim().to_owned();
    assert_ne!(token, String::from_utf8(second.stdout).unwrap().trim(), "the same token twice");
    assert!(token.len() >= 32 && token.chars().all(|c| c.is_ascii_hexdigit()), "{token}");
    let taken = std::process::Command::new(env!("CARGO_BIN_EXE_wikisignup"))
        .args(["--report-token", &token, "token"])
        .output()
        .unwrap();
    assert!(taken.status.success(), "{}", String::from_utf8_lossy(&taken.stderr));
    let weak = std::process::Command::new(env!("CARGO_BIN_EXE_wikisignup"))
        .args(["--report-token", &"A".repeat(32), "token"])
        .output()
        .unwrap();
    let refusal = String::from_utf8(weak.stderr).unwrap();
    assert!(!weak.status.success() && refusal.contains("report_token"), "{refusal}");
}

/// Draws the QR code's SVG (dark rectangles `M{x} {y}h{w}v{h}...` on a
/// light ground, as the portal draws it) and reads it with a QR decoder.
fn decode_qr_svg(svg: &str) -> String {
    let number = |name: &str| -> usize {
        let start = svg.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        svg[start..].split('"').next().unwrap().parse().unwrap()
    };
    let (width, height) = (number("width"), number("height"));
    let mut dark = vec![false; width * height];
    let path = svg.split(" d=\"").nth(1).expect("a path").split('"').next().unwrap();
    for rect in path.split('M').filter(|r| !r.is_empty()) {
        let numbers: Vec<usize> =
            rect.split(|c: char| c.is_ascii_alphabetic() || c == ' ').filter_map(|n| n.parse().ok()).collect();
        let (left, top, w, h) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        for y in top..top + h {
            for x in left..left + w {
                dark[y * width + x] = true;
            }
        }
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| if dark[y * width + x] { 0 } else { 255 });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the picture");
    grids[0].decode().expect("the QR code reads").1
}

#[tokio::test]
async fn the_qr_code_reads_as_the_events_public_link() {
    let (plain, captcha) = (TestWiki::shared("plain"), TestWiki::shared("captcha"));
    let (app, file) = two_event_portal(plain, captcha).await;
    let visitor = Visitor::new(&app);
    let (status, kind, svg) = visitor.fetch("/e/bangkok/qr.svg").await;
    assert_eq!((status, kind.as_str()), (200, "image/svg+xml"));
    assert_eq!(decode_qr_svg(&String::from_utf8(svg).unwrap()), format!("{}/e/bangkok/", app.address));
    assert_eq!(visitor.fetch("/qr.svg").await.0, 404, "the portal's own page has no event link to show");
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn an_account_the_database_cannot_record_is_still_made_and_counted() {
    let (plain, captcha) = (TestWiki::shared("plain"), TestWiki::shared("captcha"));
    let (file, database) = (report_settings(plain, captcha), crate::helpers::postgres_database());
    let args = ["--config", file.to_str().unwrap(), "--database", &database, "--metrics-listen", "127.0.0.1:0"];
    let app = spawn_app(&plain.api).args(&args).await;
    // The database loses its table under the running portal.
    crate::helpers::psql(&database, "DROP TABLE signups");

    let visitor = Visitor::new(&app);
    let form = visitor.get("/e/bangkok/").await;
    let account = unique_name("Unrecorded");
    let done = visitor.submit(&form, &[("username", &account), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/e/bangkok/welcome"), "{}", done.html);
    assert!(plain.user(&account).await.is_some());
    let metrics_address = app.metrics_address.as_ref().unwrap();
    let metrics = reqwest::get(format!("{metrics_address}/metrics")).await.unwrap().text().await.unwrap();
    for line in [
        r#"wikisignup_signups_unrecorded_total{event="bangkok"} 1"#,
        r#"wikisignup_signup_outcomes_total{code="",event="bangkok",status="PASS"} 1"#,
    ] {
        assert!(metrics.lines().any(|l| l == line), "no {line} in\n{metrics}");
    }
    std::fs::remove_file(file).unwrap();
}

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    /// Needs root, to mount: the test says so rather than pass unchecked.
    fn mount() -> SmallDisk {
        let dir = std::env::temp_dir().join(format!("wikisignup-disk-{}", unique_name("d").replace(' ', "-")));
        std::fs::create_dir_all(&dir).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(&dir)
            .status()
            .expect("mount runs");
        assert!(mounted.success(), "this test needs root: it mounts a 1 MB tmpfs to fill the database's disk");
        SmallDisk(dir)
    }

    /// Fills the disk to its last byte.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.0.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        while file.write_all(&[0; 4096]).and_then(|_| file.sync_all()).is_ok() {}
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[tokio::test]
async fn a_full_disk_loses_no_record_once_space_returns() {
    let wiki = TestWiki::shared("plain");
    let disk = SmallDisk::mount();
    let database = format!("sqlite://{}/signups.db", disk.0.display());
    let token = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49";
    let file = disk.0.join("settings.toml");
    std::fs::write(
        &file,
        format!("[[event]]\nslug = \"full\"\nwiki_api = \"{}\"\nreport_token = \"{token}\"\n", wiki.api),
    )
    .unwrap();
    let app = spawn_app(&wiki.api).args(&["--config", file.to_str().unwrap(), "--database", &database]).await;
    let filler = disk.fill();

    let mut names = Vec::new();
    for _ in 0..3 {
        let visitor = Visitor::new(&app);
        let form = visitor.get("/e/full/").await;
        let name = unique_name("Full disk");
        let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
        assert!(done.url.ends_with("/e/full/welcome"), "{}", done.html);
        names.push(name);
    }
    let report = |app: &TestApp| {
        let visitor = Visitor::new(app);
        async move { visitor.get(&format!("/e/full/report?token={token}")).await }
    };
    let waiting = report(&app).await;
    assert!(waiting.text(".notice").contains("3 more accounts were made"), "{}", waiting.html);
    let ready = reqwest::get(format!("{}/readyz", app.address)).await.unwrap().text().await.unwrap();
    assert!(ready.contains("3 records of accounts made wait to be written"), "{ready}");

    std::fs::remove_file(filler).unwrap();
    for _ in 0..60 {
        let page = report(&app).await;
        if page.text(".count").starts_with('3') {
            assert!(names.iter().all(|name| page.html.contains(name.as_str())), "{}", page.html);
            assert!(page.text(".notice").is_empty(), "{}", page.html);
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    panic!("the records did not reach the database once space returned: {}", report(&app).await.html);
}
