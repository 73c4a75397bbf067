//! The organisers' console (`/organize/`) against a real wiki started with
//! a limit of one account per address and two event coordinators: signing
//! in with a bot password, an event made, edited and closed with no
//! restart, seen by a second instance sharing the database, organizer mode
//! with the organiser's own account, and nobody else's.

use std::time::Duration;

use crate::helpers::{
    PASSWORD, Page, SECRETS_KEY, TestApp, TestWiki, Visitor, run_binary, scratch_database, spawn_app, unique_name,
};

/// Signs `organiser` in with the bot password `bot` (`NAME@APP PASSWORD`).
async fn sign_in(organiser: &Visitor, wiki: &TestWiki, bot: &str) -> Page {
    let (user, password) = bot.split_once(' ').unwrap();
    organiser.post_form("/organize/sign-in", &[("wiki", &wiki.api), ("username", user), ("password", password)]).await
}

/// Makes an event in the console with `settings` (the form's fields).
async fn make_event(organiser: &Visitor, settings: &[(&str, &str)]) -> Page {
    let form = organiser.get("/organize/new").await;
    assert_eq!(form.status, 200, "{}", form.html);
    let csrf = form.input_value("csrf").expect("the console's form carries its token");
    let mut fields = vec![("csrf", csrf.as_str())];
    fields.extend_from_slice(settings);
    organiser.post_multipart("/organize/new", &fields, None).await
}

/// Waits (up to 5 s) until `app`'s page at `path` contains `text`.
async fn shows_within_5_seconds(app: &TestApp, path: &str, text: &str) -> Page {
    let visitor = Visitor::new(app);
    let mut page = visitor.get(path).await;
    for _ in 0..50 {
        if page.html.contains(text) {
            return page;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        page = visitor.get(path).await;
    }
    panic!("{path} did not show {text:?} within 5 seconds: {}", page.html);
}

/// A visitor signs up at the event `slug` with its code: their username.
async fn signs_up(app: &TestApp, slug: &str, code: &str, i: usize) -> String {
    let visitor = Visitor::new(app);
    let form = visitor.get(&format!("/e/{slug}/")).await;
    assert_eq!(form.status, 200, "{}", form.html);
    let name = unique_name(&format!("Console room {i}"));
    let mut typed = vec![("username", name.as_str()), ("password", PASSWORD), ("retype", PASSWORD)];
    if !code.is_empty() {
        typed.push(("wikisignup_event_code", code));
    }
    let done = visitor.submit(&form, &typed).await;
    assert!(done.url.ends_with("/welcome"), "visitor {i}: {}", done.html);
    name
}

#[tokio::test]
async fn an_organiser_runs_an_event_alone_and_its_accounts_are_made_in_their_name() {
    let wiki = TestWiki::private_with("captcha", &["--throttle", "1", "--organizer"]);
    let database = scratch_database();
    let console_args = ["--database", database.as_str(), "--organizers", "NoSkip"];
    let first = spawn_app(&wiki.api).args(&console_args).secrets_key(SECRETS_KEY).await;
    let second = spawn_app(&wiki.api).args(&console_args).secrets_key(SECRETS_KEY).await;
    let bot = wiki.organizer.clone().unwrap();

    let organiser = Visitor::new(&first);
    let home = sign_in(&organiser, &wiki, &bot).await;
    assert_eq!(home.status, 200, "{}", home.html);
    assert!(home.html.contains("Signed in as") && home.html.contains("Organizer"), "{}", home.html);
    let made = make_event(
        &organiser,
        &[
            ("slug", "console-room"),
            ("title", "Console edit-a-thon"),
            ("event_code", "Quokka"),
            ("max_accounts", "6"),
            ("organizer_mode", "on"),
        ],
    )
    .await;
    assert!(made.url.ends_with("/organize/e/console-room"), "{} {}", made.url, made.html);
    assert!(made.html.contains("/e/console-room/qr.svg") && made.html.contains("embed.js"), "{}", made.html);

    // Five visitors from one address, past the wiki's limit of one, some
    // through the second instance, which learns of the event from the database.
    shows_within_5_seconds(&second, "/e/console-room/", "Console edit-a-thon").await;
    let mut names = Vec::new();
    for i in 0..5 {
        let app = if i % 2 == 0 { &first } else { &second };
        names.push(signs_up(app, "console-room", "quokka", i).await);
    }
    for name in &names {
        assert!(wiki.user(name).await.is_some(), "{name} does not exist");
        assert_eq!(wiki.creator_of(name).await.as_deref(), Some("Organizer"), "{name}'s creator");
    }
    let report = organiser.get("/organize/e/console-room").await;
    assert!(names.iter().all(|name| report.html.contains(name.as_str())), "{}", report.html);
    assert_eq!(report.text("#account-count"), "5");
    let csv = organiser.get("/organize/e/console-room/report.csv").await;
    assert!(names.iter().all(|name| csv.html.contains(name.as_str())), "{}", csv.html);

    // Another organiser, admitted by name: the event does not exist for them.
    let other = Visitor::new(&first);
    let their_home = sign_in(&other, &wiki, wiki.organizer_noskip.as_deref().unwrap()).await;
    assert!(their_home.html.contains("NoSkip") && !their_home.html.contains("console-room"), "{}", their_home.html);
    assert_eq!(other.get("/organize/e/console-room").await.status, 404);
    assert_eq!(other.get("/organize/e/console-room/edit").await.status, 404);
    assert_eq!(other.get("/organize/e/console-room/report.csv").await.status, 404);
    let csrf = their_home.input_value("csrf").unwrap();
    let forged =
        other.post_multipart("/organize/e/console-room/edit", &[("csrf", &csrf), ("title", "Mine")], None).await;
    assert_eq!(forged.status, 404);

    // An edit of the title shows on the other instance within seconds; so does closing.
    // A visitor who opened the form before the edit finishes after it.
    let midway = Visitor::new(&first);
    let midway_form = midway.get("/e/console-room/").await;
    let edit = organiser.get("/organize/e/console-room/edit").await;
    let csrf = edit.input_value("csrf").unwrap();
    assert_eq!(edit.input_value("event_code").as_deref(), Some("Quokka"));
    let renamed = organiser
        .post_multipart(
            "/organize/e/console-room/edit",
            &[
                ("csrf", &csrf),
                ("title", "Console edit-a-thon, day two"),
                ("event_code", "Quokka"),
                ("max_accounts", "6"),
                ("organizer_mode", "on"),
                ("co_organizers", "NoSkip"),
            ],
            None,
        )
        .await;
    assert!(renamed.html.contains("Console edit-a-thon, day two"), "{}", renamed.html);
    // A co-organiser, once named, sees the event and its report when signed in.
    let shared = other.get("/organize/e/console-room").await;
    assert_eq!(shared.status, 200, "{}", shared.html);
    assert!(names.iter().all(|name| shared.html.contains(name.as_str())), "{}", shared.html);
    // The report's link can be replaced: the old one stops working, on every instance.
    let old_link = renamed.attr("#report-link", "href").unwrap();
    let old_path = old_link.split_once("/e/").map(|(_, rest)| format!("/e/{rest}")).unwrap();
    assert_eq!(Visitor::new(&second).get(&old_path).await.status, 200);
    let replaced = organiser.post_form("/organize/e/console-room/report-link", &[("csrf", &csrf)]).await;
    let new_link = replaced.attr("#report-link", "href").unwrap();
    assert_ne!(new_link, old_link);
    let new_path = new_link.split_once("/e/").map(|(_, rest)| format!("/e/{rest}")).unwrap();
    shows_within_5_seconds(&second, &new_path, "Console edit-a-thon, day two").await;
    assert_eq!(Visitor::new(&second).get(&old_path).await.status, 403);
    assert!(renamed.html.contains("changed title"), "the change is not logged: {}", renamed.html);
    shows_within_5_seconds(&second, "/e/console-room/", "Console edit-a-thon, day two").await;
    let midway_name = unique_name("Console midway");
    let typed = [
        ("wikisignup_event_code", "quokka"),
        ("username", midway_name.as_str()),
        ("password", PASSWORD),
        ("retype", PASSWORD),
    ];
    let finished = midway.submit(&midway_form, &typed).await;
    assert!(finished.url.ends_with("/welcome"), "the edit lost the visitor's sign-up: {}", finished.html);
    let closed = organiser.post_form("/organize/e/console-room/close", &[("csrf", &csrf)]).await;
    assert!(closed.html.contains("closed"), "{}", closed.html);
    let over = shows_within_5_seconds(&second, "/e/console-room/", "Sign-up is over").await;
    assert_eq!(over.status, 403);

    // The bot password is nowhere in the database's files.
    let path = database.strip_prefix("sqlite://").unwrap();
    let secret = bot.split_once(' ').unwrap().1.as_bytes().to_vec();
    let mut checked = 0;
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let Ok(bytes) = std::fs::read(format!("{path}{suffix}")) else { continue };
        assert!(!bytes.windows(secret.len()).any(|w| w == secret), "the bot password is in {path}{suffix}");
        checked += 1;
    }
    assert!(checked > 0, "no database file at {path}");
}

#[tokio::test]
async fn each_refusal_says_what_is_true_and_keeps_the_name_typed() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::new(&app);
    let wrong = visitor
        .post_form(
            "/organize/sign-in",
            &[("wiki", &wiki.api), ("username", "Organizer@signup"), ("password", "wrongwrongwrongwrongwrongwrong00")],
        )
        .await;
    assert_eq!(wrong.status, 403);
    assert!(wrong.text("#notice").contains("did not accept this name and bot password"), "{}", wrong.html);
    assert_eq!(wrong.input_value("username").as_deref(), Some("Organizer@signup"));
    assert!(!wrong.html.contains("wrongwrong"), "the password came back");
    // NoSkip's group is not one the portal allows by default.
    let outsider = sign_in(&visitor, &wiki, wiki.organizer_noskip.as_deref().unwrap()).await;
    assert!(outsider.text("#notice").contains("NoSkip is in none of the groups"), "{}", outsider.html);
    let main_password = visitor
        .post_form("/organize/sign-in", &[("wiki", &wiki.api), ("username", "Organizer"), ("password", "x")])
        .await;
    assert!(main_password.text("#notice").contains("Name@App"), "{}", main_password.html);
    assert_eq!(visitor.get("/organize/new").await.url, format!("{}/organize/", app.address));

    // In Thai and in Arabic (right to left) too.
    let thai = Visitor::speaking(&app, "th").get("/organize/").await;
    assert!(thai.html.contains("lang=\"th\"") && thai.html.contains("ลงชื่อเข้า"), "{}", thai.html);
    let arabic = Visitor::speaking(&app, "ar").get("/organize/").await;
    assert!(arabic.html.contains("dir=\"rtl\"") && arabic.html.contains("تسجيل الدخول"), "{}", arabic.html);
}

#[tokio::test]
async fn a_setting_the_settings_file_would_refuse_is_refused_beside_its_field_with_everything_kept() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let app = spawn_app(&wiki.api).await;
    let organiser = Visitor::new(&app);
    sign_in(&organiser, &wiki, wiki.organizer.as_deref().unwrap()).await;
    let refused = make_event(
        &organiser,
        &[("slug", "colours"), ("title", "Colours of the wiki"), ("accent_color", "red"), ("organizer_mode", "on")],
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.html);
    assert!(refused.text("#e-accent_color").contains("#rrggbb"), "{}", refused.html);
    assert_eq!(refused.input_value("title").as_deref(), Some("Colours of the wiki"));
    assert_eq!(refused.input_value("slug").as_deref(), Some("colours"));
    // Without WIKISIGNUP_SECRETS_KEY, organizer mode is not offered, and says why.
    assert!(refused.html.contains("WIKISIGNUP_SECRETS_KEY"), "{}", refused.html);
    assert_eq!(Visitor::new(&app).get("/e/colours/").await.status, 404);
    let made = make_event(&organiser, &[("slug", "colours"), ("title", "Colours of the wiki")]).await;
    assert!(made.url.ends_with("/organize/e/colours"), "{}", made.html);
    let taken = make_event(&organiser, &[("slug", "colours"), ("title", "Again")]).await;
    assert!(taken.text("#e-slug").contains("taken"), "{}", taken.html);
}

#[tokio::test]
async fn two_settings_file_events_each_make_accounts_through_their_own_organiser() {
    let wiki = TestWiki::private_with("plain", &["--throttle", "1", "--organizer"]);
    let (organizer, noskip) = (wiki.organizer.clone().unwrap(), wiki.organizer_noskip.clone().unwrap());
    let (organizer_user, organizer_password) = organizer.split_once(' ').unwrap();
    let (noskip_user, noskip_password) = noskip.split_once(' ').unwrap();
    let config = std::env::temp_dir().join(format!("{}.toml", unique_name("two-organisers").replace(' ', "-")));
    std::fs::write(
        &config,
        format!(
            "[[event]]\nslug = \"north-room\"\norganizer_user = \"{organizer_user}\"\nevent_code = \"Quokka\"\n\n\
             [[event]]\nslug = \"south-room\"\norganizer_user = \"{noskip_user}\"\nmax_accounts = 3\n"
        ),
    )
    .unwrap();
    let (_child, app) = run_binary(&wiki.api, |command| {
        command
            .arg("--config")
            .arg(&config)
            .env("WIKISIGNUP_ORGANIZER_PASSWORD_NORTH_ROOM", organizer_password)
            .env("WIKISIGNUP_ORGANIZER_PASSWORD_SOUTH_ROOM", noskip_password);
    })
    .await;
    let _ = std::fs::remove_file(&config);
    let north = signs_up(&app, "north-room", "quokka", 1).await;
    let south = signs_up(&app, "south-room", "", 2).await;
    assert_eq!(wiki.creator_of(&north).await.as_deref(), Some("Organizer"));
    assert_eq!(wiki.creator_of(&south).await.as_deref(), Some("NoSkip"));
    // The portal's own page is in no organiser's mode (it asks no reason
    // for the wiki's log, hidden or not).
    let portal = Visitor::new(&app).get("/").await;
    assert!(portal.input_value("reason").is_none(), "{}", portal.html);
}

#[tokio::test]
async fn the_console_passes_axe_in_english_thai_and_arabic_and_fits_a_phone() {
    use fantoccini::Locator;
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let app = spawn_app(&wiki.api).secrets_key(SECRETS_KEY).await;
    let browser = crate::browser::Browser::start().await;
    let (user, password) = wiki.organizer.as_deref().unwrap().split_once(' ').unwrap();
    browser.client.goto(&format!("{}/organize/", app.address)).await.unwrap();
    browser.wait_for_element("h1").await;
    browser.type_into("username", user).await;
    browser.type_into("password", password).await;
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_element(".console-bar").await;
    browser.client.goto(&format!("{}/organize/new", app.address)).await.unwrap();
    browser.wait_for_element("form.console").await;
    browser.type_into("slug", "browser-room").await;
    browser.type_into("title", "Browser edit-a-thon").await;
    browser.type_into("event_code", "Quokka").await;
    browser.client.find(Locator::Css("#f-organizer_mode")).await.unwrap().click().await.unwrap();
    browser.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();
    browser.wait_for_heading("Browser edit-a-thon").await;
    let pages = ["/organize/", "/organize/new", "/organize/e/browser-room", "/organize/e/browser-room/edit"];
    for language in ["en", "th", "ar"] {
        for page in pages {
            browser.client.goto(&format!("{}{page}?uselang={language}", app.address)).await.unwrap();
            browser.wait_for_element("h1").await;
            let lang = browser.client.execute("return document.documentElement.lang", vec![]).await.unwrap();
            assert_eq!(lang.as_str(), Some(language), "{page}");
            browser.assert_accessible(&format!("{language}: {page}")).await;
            browser.client.set_window_size(390, 844).await.unwrap();
            let fits = "return document.documentElement.scrollWidth <= document.documentElement.clientWidth";
            let fits = browser.client.execute(fits, vec![]).await.unwrap();
            assert_eq!(fits.as_bool(), Some(true), "{language}: {page} is wider than a phone");
            browser.client.set_window_size(1024, 768).await.unwrap();
        }
    }
    browser.client.goto(&format!("{}/organize/e/browser-room", app.address)).await.unwrap();
    browser.wait_for_element("h1").await;
    browser.photograph("console-event").await;
    browser.client.goto(&format!("{}/organize/e/browser-room/edit?uselang=ar", app.address)).await.unwrap();
    browser.wait_for_element("h1").await;
    browser.photograph("ar-console-edit").await;
    // Signing out ends the session: the console asks to sign in again.
    browser.client.find(Locator::Css(".console-bar button")).await.unwrap().click().await.unwrap();
    browser.wait_for_element("input[name=password]").await;
    browser.client.goto(&format!("{}/organize/e/browser-room", app.address)).await.unwrap();
    browser.wait_for_element("input[name=password]").await;
    browser.close().await;
}

#[tokio::test]
async fn when_an_events_organiser_cannot_log_in_visitors_get_the_clear_503_and_the_console_says_why() {
    let wiki = TestWiki::private_with("plain", &["--organizer"]);
    let database = scratch_database();
    let first = spawn_app(&wiki.api).args(&["--database", &database]).secrets_key(SECRETS_KEY).await;
    let organiser = Visitor::new(&first);
    sign_in(&organiser, &wiki, wiki.organizer.as_deref().unwrap()).await;
    let made = make_event(&organiser, &[("slug", "rotated"), ("max_accounts", "3"), ("organizer_mode", "on")]).await;
    assert!(made.text("#event-state").contains("open"), "{}", made.html);
    // An instance whose operator changed the key cannot open the sealed bot password.
    let other_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    let second = spawn_app(&wiki.api).args(&["--database", &database]).secrets_key(other_key).await;
    let visitor_page = Visitor::new(&second).get("/e/rotated/").await;
    assert_eq!(visitor_page.status, 503, "{}", visitor_page.html);
    let there = Visitor::new(&second);
    sign_in(&there, &wiki, wiki.organizer.as_deref().unwrap()).await;
    let state = there.get("/organize/e/rotated").await;
    assert!(state.text("#event-state").contains("login is failing"), "{}", state.html);
    assert!(state.text("#event-state").contains("WIKISIGNUP_SECRETS_KEY"), "{}", state.html);
}

/// An event made in the console, served by a second instance sharing a
/// database `server` (PostgreSQL, MariaDB) with no restart.
async fn events_live_in(database: &str) {
    let wiki = TestWiki::shared("plain");
    let first = spawn_app(&wiki.api).args(&["--database", database]).await;
    let second = spawn_app(&wiki.api).args(&["--database", database]).await;
    let organiser = Visitor::new(&first);
    let admitted = sign_in(&organiser, wiki, "Admin@none x").await;
    // The shared wiki has no event coordinator: the refusal is the wiki's.
    assert!(admitted.text("#notice").contains("did not accept"), "{}", admitted.html);
    let stored = wikisignup::records::StoredEvent {
        slug: "shared-db".parse().unwrap(),
        owner: "Ada".into(),
        owner_wiki: wiki.api.clone(),
        settings: vec![("title".into(), "Shared database".into()), ("time_zone".into(), "Asia/Bangkok".into())],
        logo: None,
        co_organizers: vec!["Grace".into()],
        organizer: None,
        report_token: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b".into(),
        closed_at: None,
        version: 0,
    };
    let records = wikisignup::records::AccountRecords::open(&database.parse().unwrap()).await.unwrap();
    assert!(records.save_event(&stored, "Ada", &["slug".into(), "title".into()]).await.unwrap());
    shows_within_5_seconds(&second, "/e/shared-db/", "Shared database").await;
    let changed = wikisignup::records::StoredEvent { closed_at: Some(1), version: 1, ..stored.clone() };
    records.save_event(&changed, "Grace", &["closed".into()]).await.unwrap();
    shows_within_5_seconds(&first, "/e/shared-db/", "Sign-up is over").await;
    let log = records.event_changes(&stored.slug).await.unwrap();
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!(records.stored_event(&stored.slug).await.unwrap().unwrap().co_organizers, ["Grace"]);
}

#[tokio::test]
async fn events_made_in_the_console_live_in_postgresql() {
    events_live_in(&crate::helpers::postgres_database()).await;
}

#[tokio::test]
async fn events_made_in_the_console_live_in_mariadb() {
    events_live_in(&crate::helpers::mariadb_database()).await;
}
