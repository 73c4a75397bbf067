//! Embedded on an event site (HTTP level; the browser side is in
//! `browser.rs`): the session cookie of each framing mode, the embed
//! script and its help page, and a browser that refuses the cookie.

use crate::helpers::{TestWiki, Visitor, spawn_app};

/// The session cookie the portal sets on a first visit of the form.
async fn first_cookie(address: &str) -> String {
    let response = reqwest::get(format!("{address}/")).await.unwrap();
    assert_eq!(response.status(), 200);
    response.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_cookie_lives_in_a_cross_site_frame_only_when_other_sites_may_frame_the_page() {
    let wiki = TestWiki::shared("plain");
    // Not framed by other sites: first-party only, as before.
    let cookie = first_cookie(&spawn_app(&wiki.api).await.address).await;
    assert!(
        cookie.contains("SameSite=Lax") && !cookie.contains("Secure") && !cookie.contains("Partitioned"),
        "{cookie}"
    );
    let own = spawn_app(&wiki.api).args(&["--frame-ancestors", "'self'"]).await;
    assert!(first_cookie(&own.address).await.contains("SameSite=Lax"));

    // Framed by another site, over https: sent in the frame, kept apart per
    // embedding site.
    let framed = ["--frame-ancestors", "'self' https://event.example"];
    let https = spawn_app(&wiki.api).args(&framed).args(&["--public-url", "https://signup.example/"]).await;
    let cookie = first_cookie(&https.address).await;
    for attribute in ["HttpOnly", "SameSite=None", "Secure", "Partitioned"] {
        assert!(cookie.split("; ").any(|a| a == attribute), "{attribute} missing: {cookie}");
    }
    // Loopback http (a secure context for browsers): the same.
    let loopback = spawn_app(&wiki.api).args(&framed).await;
    let cookie = first_cookie(&loopback.address).await;
    assert!(
        cookie.contains("SameSite=None") && cookie.contains("Secure") && cookie.contains("Partitioned"),
        "{cookie}"
    );
}

#[tokio::test]
async fn a_browser_that_refuses_the_cookie_in_a_frame_is_offered_a_tab_of_its_own() {
    // Its requests are counted: a wiki of its own.
    let wiki = TestWiki::private("plain", &[]);
    let app = spawn_app(&wiki.api).args(&["--frame-ancestors", "'self' http://localhost:1"]).await;
    let before = wiki.requests().len();
    // The form page set a cookie that the browser dropped: its post comes
    // without any, from inside the frame.
    let form = Visitor::new(&app).get("/?returnto=Event_page").await;
    let http = reqwest::Client::new();
    let post = |dest: &'static str| {
        http.post(format!("{}/", app.address))
            .header("sec-fetch-site", "same-origin")
            .header("sec-fetch-dest", dest)
            .header("referer", format!("{}/?returnto=Event_page", app.address))
            .form(&[("wikisignup_csrf", form.csrf().as_str()), ("username", "Framed"), ("password", "x")])
            .send()
    };
    let page = post("iframe").await.unwrap();
    assert_eq!(page.status(), 403);
    let html = scraper::Html::parse_document(&page.text().await.unwrap());
    let link = html.select(&scraper::Selector::parse("a[target=_blank]").unwrap()).next().expect("a new-tab link");
    assert_eq!(link.value().attr("href"), Some("/?returnto=Event_page"));
    assert_eq!(link.value().attr("rel"), Some("noopener"));
    assert!(html.root_element().text().collect::<String>().contains("Nothing was sent"));

    // Not in a frame, a post without a cookie may come from a browser that
    // cleared it: the form comes back refilled, marked; posted without a
    // cookie again, the browser refuses cookies: said so, no loop.
    let page = post("document").await.unwrap();
    assert_eq!(page.status(), 200);
    let refilled = crate::helpers::Page::read(page).await;
    assert_eq!(refilled.input_value("username").as_deref(), Some("Framed"));
    let mut again: Vec<(String, String)> = refilled.hidden_fields();
    assert!(again.iter().any(|(k, _)| k == "wikisignup_cookie_check"), "{}", refilled.html);
    again.push(("username".into(), "Framed".into()));
    let page = http.post(format!("{}/", app.address)).form(&again).send().await.unwrap();
    assert_eq!(page.status(), 403);
    let text = page.text().await.unwrap();
    assert!(text.contains("allow cookies") && !text.contains("target=\"_blank\""), "{text}");
    // None reached the wiki (the form pages' requests only).
    assert_eq!(wiki.requests().len(), before + 2);
}

#[tokio::test]
async fn the_embed_script_and_its_help_page_are_served() {
    let wiki = TestWiki::shared("plain");
    let app = spawn_app(&wiki.api).args(&["--frame-ancestors", "'self' https://event.example"]).await;
    let visitor = Visitor::new(&app);
    let (status, content_type, body) = visitor.fetch("/embed.js").await;
    assert_eq!((status, content_type.as_str()), (200, "text/javascript; charset=utf-8"));
    let script = String::from_utf8(body).unwrap();
    assert!(script.contains("data-wikisignup") && script.contains("wikisignup:created"));
    let help = visitor.get("/embed").await;
    assert_eq!(help.status, 200);
    let snippet = help.text("pre.snippet");
    assert!(snippet.contains(&format!("<script src=\"{}/embed.js\" async></script>", app.address)), "{snippet}");
    assert!(help.text("main").contains("https://event.example"));
}

#[tokio::test]
async fn links_to_the_wiki_leave_the_frame() {
    let wiki = TestWiki::shared("captcha");
    let app = spawn_app(&wiki.api).await;
    let form = Visitor::new(&app).get("/").await;
    // The log-in link takes the whole window; the wiki's own links (the
    // CAPTCHA's help) open a tab: the wiki refuses to be framed.
    assert_eq!(form.attr("p.login a", "target").as_deref(), Some("_top"));
    let document = scraper::Html::parse_document(&form.html);
    let wiki_links: Vec<_> = document
        .select(&scraper::Selector::parse("form a[href]").unwrap())
        .filter(|a| a.value().attr("href").is_some_and(|h| h.starts_with("http")))
        .collect();
    assert!(!wiki_links.is_empty(), "the CAPTCHA form links to the wiki: {}", form.html);
    for link in wiki_links {
        assert_eq!(link.value().attr("target"), Some("_blank"), "{}", link.html());
        assert!(link.value().attr("rel").is_some_and(|r| r.contains("noopener")), "{}", link.html());
    }
}
