//! The event day: the projector view on the wall (read from the back of
//! the room, counting live, no names), the poster for the door (one printed
//! page), and the report the organiser uses afterwards (the event's clocks
//! and language, a chart per hour, contributions linked, refusals by
//! reason, a link that can be replaced).

use std::time::Duration;

use wikisignup::records::{AccountRecord, AccountRecords, Via};

use crate::browser::Browser;
use crate::helpers::{PASSWORD, TestApp, TestWiki, Visitor, scratch_database, spawn_app, unique_name};

const TOKEN: &str = "5d41402abc4b2a76b9719d911017c592aa33bb44";

/// A portal with one event, `day`, of `settings` (TOML lines), on `wiki`.
async fn event_day(wiki: &TestWiki, settings: &str, database: &str) -> (TestApp, std::path::PathBuf) {
    let file = std::env::temp_dir().join(format!("{}.toml", unique_name("on-the-day").replace(' ', "-")));
    std::fs::write(&file, format!("[[event]]\nslug = \"day\"\nreport_token = \"{TOKEN}\"\n{settings}\n")).unwrap();
    let app = spawn_app(&wiki.api).args(&["--config", file.to_str().unwrap(), "--database", database]).await;
    (app, file)
}

/// A visitor signs up at the event (with its `code`, if any): their name.
async fn signs_up(app: &TestApp, code: Option<&str>) -> String {
    let visitor = Visitor::new(app);
    let form = visitor.get("/e/day/").await;
    let name = unique_name("Day");
    let mut typed = vec![("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD)];
    typed.extend(code.map(|code| ("wikisignup_event_code", code)));
    typed.push(("captchaWord", "wikiwiki"));
    let done = visitor.submit(&form, &typed).await;
    assert!(done.url.ends_with("/welcome"), "{}", done.html);
    name
}

/// The QR codes in a picture (PNG), read.
fn read_qr(png: &[u8]) -> Vec<String> {
    let picture = image::load_from_memory(png).expect("a PNG").to_luma8();
    let (width, height) = (picture.width() as usize, picture.height() as usize);
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| picture.get_pixel(x as u32, y as u32).0[0]);
    prepared.detect_grids().iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
}

/// The height of the element `css` as a share of the window's.
async fn share_of_height(browser: &Browser, css: &str) -> f64 {
    let script = format!("return document.querySelector('{css}').getBoundingClientRect().height / window.innerHeight");
    browser.client.execute(&script, vec![]).await.unwrap().as_f64().unwrap()
}

#[tokio::test]
async fn the_projector_view_fills_the_screen_with_a_qr_that_reads_and_counts_live_without_names() {
    let wiki = TestWiki::shared("captcha");
    let (app, file) = event_day(wiki, "title = \"Projected edit-a-thon\"", &scratch_database()).await;
    let first = signs_up(&app, None).await;
    let browser = Browser::start().await;
    let screen = format!("{}/e/day/screen?token={TOKEN}&every=2", app.address);
    for (width, height) in [(1280, 720), (3840, 2160), (1920, 1080)] {
        browser.client.set_window_size(width, height).await.unwrap();
        browser.client.goto(&screen).await.unwrap();
        browser.wait_for_element("img.screen-qr").await;
        browser.client.execute("return document.querySelector('img.screen-qr').decode()", vec![]).await.unwrap();
        let share = share_of_height(&browser, "img.screen-qr").await;
        assert!(share >= 0.6, "at {width}×{height} the QR code is {share:.2} of the screen's height");
    }
    let png = browser.client.screenshot().await.unwrap();
    assert_eq!(read_qr(&png), vec![format!("{}/e/day/", app.address)]);
    let text = browser.text("body").await;
    assert!(!text.contains(&first), "a participant's name is projected");
    assert_eq!(browser.text("#screen-count").await, "1");
    browser.assert_accessible("the projector view").await;
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("projector-desktop.png"), &png).unwrap();

    // One more sign-up: the open page counts it without a reload.
    signs_up(&app, None).await;
    browser.wait_for_text("#screen-count", "2").await;
    browser.close().await;

    // Without JavaScript, the page's own slow refresh brings the count.
    let no_script =
        Browser::with_prefs(serde_json::json!({ "profile.managed_default_content_settings.javascript": 2 })).await;
    no_script.client.goto(&screen).await.unwrap();
    no_script.wait_for_element("#screen-count").await;
    assert_eq!(no_script.text("#screen-count").await, "2");
    signs_up(&app, None).await;
    // Read between reloads: while the page reloads, its count is briefly not there.
    let mut count = String::new();
    for _ in 0..150 {
        if let Ok(element) = no_script.client.find(fantoccini::Locator::Css("#screen-count")).await
            && let Ok(text) = element.text().await
        {
            count = text;
            if count == "3" {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(count, "3", "the page did not refresh itself without scripts");
    no_script.close().await;
    assert_eq!(Visitor::new(&app).get("/e/day/screen?token=wrong").await.status, 403);
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn the_poster_prints_as_one_page_whose_qr_reads_with_the_event_code() {
    let wiki = TestWiki::shared("plain");
    let settings = "title = \"Poster edit-a-thon\"\nevent_code = \"Quokka\"";
    let (app, file) = event_day(wiki, settings, &scratch_database()).await;
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/e/day/poster?token={TOKEN}", app.address)).await.unwrap();
    browser.wait_for_element("img.poster-qr").await;
    browser.client.execute("return document.querySelector('img.poster-qr').decode()", vec![]).await.unwrap();
    assert!(browser.text(".poster-code").await.contains("Quokka"));
    browser.assert_accessible("the poster").await;
    let pdf = browser.client.print(fantoccini::wd::PrintConfiguration::default()).await.unwrap();
    browser.close().await;
    let dir = std::env::temp_dir().join(unique_name("poster").replace(' ', "-"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("poster.pdf"), &pdf).unwrap();
    let info = std::process::Command::new("pdfinfo").arg(dir.join("poster.pdf")).output().expect("pdfinfo runs");
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 1")), "{info}");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "100", "-singlefile"])
        .arg(dir.join("poster.pdf"))
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm runs");
    assert!(rendered.success());
    let page = std::fs::read(dir.join("page.png")).unwrap();
    let url = format!("{}/e/day/", app.address);
    assert_eq!(read_qr(&page), vec![url]);
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_file(file).unwrap();
}

#[tokio::test]
async fn the_report_speaks_the_events_language_and_clocks_charts_each_hour_and_counts_refusals() {
    let wiki = TestWiki::shared("captcha");
    let database = scratch_database();
    let settings = "title = \"รายงาน\"\nlanguage = \"th\"\ntime_zone = \"Asia/Bangkok\"\nevent_code = \"Quokka\"";
    let (app, file) = event_day(wiki, settings, &database).await;
    // Three accounts of the past, at 2026-03-07 23:30 and 23:50 UTC and
    // 02:10 UTC the next day: two hours with sign-ups on Bangkok's clocks.
    let records = AccountRecords::open(&database.parse().unwrap()).await.unwrap();
    for (name, at) in [("Early bird", 1_772_926_200), ("Second bird", 1_772_927_400), ("Late bird", 1_772_935_800)] {
        let record = AccountRecord {
            event: "day".parse().unwrap(),
            username: name.into(),
            wiki: wiki.api.clone(),
            created_at: at,
            via: Via::Direct,
        };
        records.record(&record).await.unwrap();
    }
    // Refusals in the room: a wrong code, a wrong CAPTCHA, a name taken.
    let visitor = Visitor::new(&app);
    let taken = signs_up(&app, Some("quokka")).await;
    for (code, name, captcha) in
        [("wrong", "Coded", "wikiwiki"), ("quokka", "Captcha'd", "nope"), ("quokka", &*taken, "wikiwiki")]
    {
        let form = visitor.get("/e/day/").await;
        let name = if name == taken { name.to_owned() } else { unique_name(name) };
        let typed = [
            ("wikisignup_event_code", code),
            ("username", name.as_str()),
            ("password", PASSWORD),
            ("retype", PASSWORD),
            ("captchaWord", captcha),
        ];
        let refused = visitor.submit(&form, &typed).await;
        assert!(!refused.url.ends_with("/welcome") && refused.html.contains("notice error"), "{}", refused.html);
    }

    let report = Visitor::new(&app).get(&format!("/e/day/report?token={TOKEN}")).await;
    assert_eq!(report.status, 200, "{}", report.html);
    assert!(report.html.contains("lang=\"th\"") && report.html.contains("ผู้ที่สมัครแล้ว"), "{}", report.html);
    assert!(report.html.contains("Asia/Bangkok"), "the time zone is said");
    // 23:30 UTC is the next morning in Bangkok.
    let early = report.html.lines().find(|l| l.contains("Early bird")).unwrap_or_default();
    assert!(early.contains("2026-03-08 06:30:00"), "{early}");
    assert_eq!(report.html.matches("<g class=\"bar\">").count(), 3, "one bar per hour with a sign-up: {}", report.html);
    assert!(report.html.contains("title=Special%3AContributions%2FEarly+bird"), "{}", report.html);
    let count = |reason: &str| report.text(&format!("li[data-reason={reason}] strong"));
    assert_eq!((count("event-code"), count("captcha"), count("username-taken")), ("1".into(), "1".into(), "1".into()));
    assert_eq!(count("wiki-limit"), "0");

    let (_, _, csv) = Visitor::new(&app).fetch(&format!("/e/day/report?token={TOKEN}&format=csv")).await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("time,local_time (Asia/Bangkok),username"), "{csv}");
    assert!(csv.contains("2026-03-07 23:30:00 UTC,2026-03-08 06:30:00,Early bird"), "{csv}");

    // The report on a phone, for people to look at.
    let browser = Browser::start().await;
    browser.client.goto(&format!("{}/e/day/report?token={TOKEN}", app.address)).await.unwrap();
    browser.wait_for_element("svg.chart").await;
    browser.assert_accessible("the report in Thai").await;
    browser.photograph("report").await;
    browser.close().await;
    std::fs::remove_file(file).unwrap();
}
