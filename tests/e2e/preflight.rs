//! The pre-flight check an organiser runs before the event
//! (`wikisignup check`), and the same findings in `/readyz`.

use std::process::Output;

use crate::helpers::{TestWiki, api_at, free_port, scratch_database, spawn_app};

/// `wikisignup check` with `args` (and `password` as the organiser's secret).
fn check(args: &[&str], password: Option<&str>) -> (bool, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_wikisignup"));
    command.arg("check").args(args).args(["--database", &scratch_database()]);
    if let Some(password) = password {
        command.env("WIKISIGNUP_ORGANIZER_PASSWORD", password);
    }
    let Output { status, stdout, .. } = command.output().expect("the binary runs");
    (status.success(), String::from_utf8(stdout).unwrap())
}

#[tokio::test]
async fn a_wiki_that_lets_this_address_sign_up_passes_the_check() {
    let wiki = TestWiki::shared("plain");
    let (passed, said) = check(&["--wiki-api", &wiki.api], None);
    assert!(passed, "{said}");
    let host = wiki.api.trim_start_matches("http://").trim_end_matches("/api.php");
    assert!(said.contains(&format!("ok: the portal's page: this address may create accounts on {host}")), "{said}");
    assert!(said.contains("ok: the database takes records"), "{said}");
}

#[tokio::test]
async fn an_address_blocked_from_creating_accounts_fails_the_check_with_what_to_do() {
    let wiki = TestWiki::private_with("plain", &["--block-local"]);
    let host = wiki.api.trim_start_matches("http://").trim_end_matches("/api.php").to_owned();
    let (passed, said) = check(&["--wiki-api", &wiki.api], None);
    assert!(!passed, "the check passed: {said}");
    let sentence = format!(
        "PROBLEM: the portal's page: this address is blocked from creating accounts on {host} (Hosting range): use \
         organizer mode"
    );
    assert!(said.contains(&sentence), "{said}");

    // The running portal says the same in /readyz's detail.
    let app = spawn_app(&wiki.api).await;
    let mut detail = String::new();
    for _ in 0..100 {
        detail = reqwest::get(format!("{}/readyz", app.address)).await.unwrap().text().await.unwrap();
        if detail.contains("PROBLEM") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(detail.contains(&sentence), "{detail}");
}

#[tokio::test]
async fn a_wrong_organizer_password_fails_the_check_by_name() {
    let wiki = TestWiki::private_with("captcha", &["--organizer"]);
    let args = ["--wiki-api", &wiki.api, "--organizer-user", "Organizer@signup", "--event-code", "quokka"];
    let (passed, said) = check(&args, Some("wrong0password0for0the0organizer0"));
    assert!(!passed, "the check passed: {said}");
    assert!(
        said.contains("PROBLEM: the portal's page: the organiser's account Organizer@signup cannot log in"),
        "{said}"
    );
    assert!(said.contains("Special:BotPasswords"), "{said}");

    let (bot, password) = wiki.organizer.as_deref().unwrap().split_once(' ').unwrap();
    let args = ["--wiki-api", &wiki.api, "--organizer-user", bot, "--event-code", "quokka"];
    let (passed, said) = check(&args, Some(password));
    assert!(passed, "{said}");
    assert!(said.contains("ok: the portal's page: the organiser's account Organizer logs in"), "{said}");
    assert!(
        said.contains("visitors see no CAPTCHA") && said.contains("limit of accounts per address does not apply"),
        "{said}"
    );
}

#[tokio::test]
async fn an_unreachable_wiki_or_session_store_fails_the_check() {
    let nowhere = api_at(format!("127.0.0.1:{}", free_port()));
    let redis = format!("redis://127.0.0.1:{}", free_port());
    let (passed, said) = check(&["--wiki-api", &nowhere, "--session-store", &redis], None);
    assert!(!passed, "{said}");
    assert!(said.contains("PROBLEM: the portal's page: the wiki at 127.0.0.1:"), "{said}");
    assert!(said.contains("PROBLEM: the session store (Redis) does not answer"), "{said}");
}
