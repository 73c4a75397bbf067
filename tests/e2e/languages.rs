//! Every visitor's language: `?uselang=` (kept for the visit), then the
//! browser's `Accept-Language`, then `--language`; the portal's words from
//! the wiki's own interface messages (Debian's MediaWiki ships all its
//! languages), `<html lang dir>` to match.

use std::collections::HashSet;

use crate::helpers::{PASSWORD, Page, TestWiki, Visitor, api_at, spawn_app, unique_name};

/// Every word of the portal's own English sentences (`locales/en.ftl`),
/// lowercase: ids, placeholders and plural selectors left out.
fn english_catalogue_words() -> HashSet<String> {
    let mut words = HashSet::new();
    for line in include_str!("../../locales/en.ftl").lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let text = line.split_once(" = ").map_or(line, |(_, value)| value);
        let text = text.split_once(']').map_or(text, |(_, after)| after);
        let mut without_placeholders = String::new();
        let mut depth = 0;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ if depth == 0 => without_placeholders.push(c),
                _ => {}
            }
        }
        let found = without_placeholders.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1);
        words.extend(found.map(str::to_lowercase));
    }
    assert!(words.contains("please") && words.contains("seconds") && !words.contains("notice"), "{words:?}");
    words
}

/// The portal's English words that `page` shows (its title and body), but
/// for the `allowed` ones (a username, the wiki's name).
fn english_on(page: &Page, allowed: &[&str]) -> Vec<String> {
    let catalogue = english_catalogue_words();
    let allowed: Vec<String> = allowed.iter().flat_map(|a| a.split(' ')).map(str::to_lowercase).collect();
    let shown = format!("{} {}", page.text("title"), page.text("body"));
    // An error page's request id is hex, not words: "…04be75…" holds "be".
    let request_id = page.text(".request-id code");
    let shown = if request_id.is_empty() { shown } else { shown.replace(&request_id, " ") };
    shown
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| catalogue.contains(w) && !allowed.contains(w))
        .collect()
}

/// The wiki's own interface message `key` in `language`.
async fn message(wiki: &TestWiki, key: &str, language: &str) -> String {
    let answer = wiki.query(&[("meta", "allmessages"), ("ammessages", key), ("uselang", language)]).await;
    answer["query"]["allmessages"][0]["content"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_thai_browser_gets_the_form_and_the_welcome_in_thai() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::speaking(&app, "th-TH, th;q=0.9, en;q=0.5");
    let form = visitor.get("/").await;
    assert!(form.html.contains(r#"<html lang="th" dir="ltr">"#), "{}", &form.html[..200]);
    assert_eq!(form.text("h1"), message(wiki, "createaccount", "th").await);
    assert_eq!(form.text("button.primary"), message(wiki, "createacct-submit", "th").await);
    let placeholder = message(wiki, "createacct-yourpassword-ph", "th").await;
    assert_eq!(form.attr("#f-password", "placeholder"), Some(placeholder));
    // The wiki's labels come in Thai too (uselang on its request).
    assert!(!form.text("label[for=f-username]").contains("Username"), "{}", form.html);

    let name = unique_name("Thai");
    let done = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.html.contains(r#"<html lang="th" dir="ltr">"#));
    assert_eq!(done.text("h1"), message(wiki, "welcomeuser", "th").await.replace("$1", &name));
}

#[tokio::test]
async fn a_thai_visitor_reads_no_english_of_the_portals_own() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::speaking(&app, "th");
    let thai = |page: &Page| page.html.contains(r#"<html lang="th" dir="ltr">"#);
    let name = unique_name("Khon");
    let allowed = [name.as_str(), "TestWiki"];

    let form = visitor.get("/").await;
    assert!(thai(&form), "{}", &form.html[..200]);
    assert_eq!(english_on(&form, &allowed), Vec::<String>::new(), "{}", form.html);
    // Refused by the wiki, in its Thai; the portal's notice in Thai too.
    let refused = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", "x")]).await;
    assert!(thai(&refused) && !refused.text(".notice.error").is_empty(), "{}", refused.html);
    assert_eq!(english_on(&refused, &allowed), Vec::<String>::new(), "{}", refused.html);
    let too_long = "ก".repeat(100);
    let refused = visitor.submit(&refused, &[("username", &too_long), ("password", PASSWORD)]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.text(".notice.error").contains("85 ไบต์") || refused.text(".notice.error").contains("255 ไบต์"));
    assert_eq!(english_on(&refused, &allowed), Vec::<String>::new(), "{}", refused.html);

    let done = visitor.submit(&refused, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.url.ends_with("/welcome") && thai(&done), "{}", done.html);
    assert_eq!(english_on(&done, &allowed), Vec::<String>::new(), "{}", done.html);

    // Error pages: one the sign-up met (a stray return), one it never
    // reached (a page that does not exist).
    for path in ["/return?wikisignup_flow=stray", "/no-such-page"] {
        let error = visitor.get(path).await;
        assert!(error.status >= 400 && thai(&error), "{path}: {}", error.html);
        assert_eq!(english_on(&error, &allowed), Vec::<String>::new(), "{path}: {}", error.html);
    }
    // The form page itself failing offers to try again, not to go "back".
    let down = spawn_app(&api_at("127.0.0.1:9")).await;
    let error = Visitor::speaking(&down, "th").get("/").await;
    assert_eq!(error.status, 502, "{}", error.html);
    assert_eq!(error.attr("a.button", "href").as_deref(), Some(""), "{}", error.html);
}

#[tokio::test]
async fn uselang_ar_is_right_to_left_and_kept_for_the_visit() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).await;
    // The link's language wins over the browser's.
    let visitor = Visitor::speaking(&app, "en");
    let form = visitor.get("/?uselang=ar").await;
    assert!(form.html.contains(r#"<html lang="ar" dir="rtl">"#), "{}", &form.html[..200]);
    assert_eq!(form.text("button.primary"), message(wiki, "createacct-submit", "ar").await);
    // A refusal: still Arabic, with the wiki's own words in Arabic.
    let name = unique_name("Arabic");
    let refused = visitor.submit(&form, &[("username", &name), ("password", PASSWORD), ("retype", "x")]).await;
    assert!(refused.html.contains(r#"dir="rtl""#), "{}", &refused.html[..200]);
    assert!(!refused.text(".notice.error").is_empty() && !refused.text(".notice.error").contains("password"));
    let done = visitor.submit(&refused, &[("username", &name), ("password", PASSWORD), ("retype", PASSWORD)]).await;
    assert!(done.html.contains(r#"<html lang="ar" dir="rtl">"#), "{}", &done.html[..200]);
}

#[tokio::test]
async fn a_local_change_to_the_wikis_button_text_shows_on_the_button() {
    let wiki = TestWiki::private("plain", &["local-messages.php"]);
    let app = spawn_app(&wiki.api).await;
    let form = Visitor::new(&app).get("/").await;
    assert_eq!(form.text("button.primary"), "Join the edit-a-thon");
}

#[tokio::test]
async fn the_words_cost_one_request_per_lifetime_and_a_language_one_per_hour() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    let before = wiki.requests().len();
    for _ in 0..3 {
        let form = Visitor::speaking(&app, "th").get("/").await;
        assert_eq!(form.attr("html", "lang").as_deref(), Some("th"));
    }
    // The wiki's list of languages and one question about Thai, Thai's
    // words once, and one request per form page for the form itself.
    let mut asked = wiki.requests()[before..].to_vec();
    asked.sort();
    let expected = [
        "GET /api.php query authmanagerinfo|tokens",
        "GET /api.php query authmanagerinfo|tokens",
        "GET /api.php query authmanagerinfo|tokens",
        "GET /api.php query languageinfo",
        "GET /api.php query siteinfo",
        "GET /api.php query siteinfo|allmessages",
    ];
    assert_eq!(asked, expected);
}

#[tokio::test]
async fn a_warm_form_page_asks_the_wiki_only_for_what_is_the_visitors_own() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).await;
    // The page's own language was asked for at start-up.
    assert!(wiki.requests().iter().any(|r| r.ends_with("siteinfo|allmessages")), "{:?}", wiki.requests());
    let before = wiki.requests().len();
    for _ in 0..5 {
        let form = Visitor::new(&app).get("/").await;
        assert_eq!(form.status, 200);
        assert!(form.html.contains("TestWiki"), "the wiki's name, kept: {}", form.html);
    }
    assert_eq!(wiki.requests()[before..], ["GET /api.php query authmanagerinfo|tokens"; 5]);
}

#[tokio::test]
async fn a_message_edited_on_the_wiki_shows_on_the_form_after_the_lifetime() {
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).args(&["--wiki-cache-ttl", "1"]).await;
    let visitor = Visitor::new(&app);
    let before = visitor.get("/").await.text("button.primary");
    wiki.edit("MediaWiki:Createacct-submit", "Join the edit-a-thon now");
    // Within the lifetime the kept words serve; after it, the next page
    // asks again in the background, and a page after that shows the change.
    let mut shown = String::new();
    for _ in 0..50 {
        shown = visitor.get("/").await.text("button.primary");
        if shown == "Join the edit-a-thon now" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_ne!(before, shown);
    assert_eq!(shown, "Join the edit-a-thon now");
}

#[tokio::test]
async fn the_live_checks_ask_the_wiki_in_the_visitors_language() {
    let wiki = TestWiki::private("plain", &["temporary-accounts.php"]);
    let app = spawn_app(&wiki.api).await;
    let visitor = Visitor::speaking(&app, "th");
    visitor.get("/").await;
    let (status, _, body) = visitor.fetch("/check-username?name=~2026-77").await;
    assert_eq!(status, 200);
    let answer: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer["problem"].as_str(), Some(message(&wiki, "noname", "th").await.as_str()), "{answer}");
}

#[tokio::test]
async fn a_bilingual_event_switches_between_its_two_languages() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).args(&["--languages", "th,en"]).await;
    let visitor = Visitor::new(&app);
    let form = visitor.get("/").await;
    assert_eq!(form.text("nav.languages a[lang=th]"), "ไทย", "{}", form.html);
    assert_eq!(form.text("nav.languages a[lang=en]"), "English");
    let thai = visitor.get(&form.attr("nav.languages a[lang=th]", "href").unwrap()).await;
    assert_eq!(thai.attr("html", "lang").as_deref(), Some("th"));
    assert_eq!(thai.attr("nav.languages a[aria-current]", "lang").as_deref(), Some("th"));
    assert_eq!(thai.text("button.primary"), message(wiki, "createacct-submit", "th").await);
}
