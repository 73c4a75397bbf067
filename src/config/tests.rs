use std::net::SocketAddr;
use std::time::Duration;

use clap::{CommandFactory, Parser};

use super::declared::Declared;
use super::page::{ORGANIZER_PASSWORD_VAR, organizer};
use super::*;
use crate::wiki::OrganizerCredentials;

fn settings(args: &[&str]) -> Result<Settings, LoadError> {
    Settings::from_args(std::iter::once("wikisignup").chain(args.iter().copied()))
}

#[test]
fn defaults_point_at_test_wikipedia() {
    let s = settings(&[]).unwrap();
    assert_eq!(s.page.wiki_api.to_string(), "https://test.wikipedia.org/w/api.php");
    assert_eq!(s.listen.to_string(), "127.0.0.1:8000");
    let public_url = s.public_url(s.listen);
    assert_eq!(public_url.as_str(), "http://127.0.0.1:8000/");
    assert_eq!(public_url.route("return").as_str(), "http://127.0.0.1:8000/return");
    assert_eq!(s.page.upstream_timeout, Duration::from_secs(20));
    assert_eq!(s.session_ttl, Duration::from_secs(3600));
    assert!(!s.log_json);
    assert!(s.trusted_proxies.is_empty());
}

#[test]
fn a_bad_setting_is_named() {
    let err = settings(&["--wiki-api", "ftp://wiki/api.php"]).unwrap_err();
    assert_eq!(err.setting(), "wiki_api");
    assert!(err.to_string().starts_with("invalid setting wiki_api:"), "{err}");
    assert_eq!(settings(&["--listen", "nowhere"]).unwrap_err().setting(), "listen");
    assert_eq!(settings(&["--public-url", "signup.example"]).unwrap_err().setting(), "public_url");
    assert_eq!(settings(&["--language", "en;drop"]).unwrap_err().setting(), "language");
    let err = settings(&["--upstream-timeout", "0"]).unwrap_err();
    assert_eq!(err.setting(), "upstream_timeout");
    assert!(err.to_string().contains("must be between 1 and 300"), "{err}");
    assert_eq!(settings(&["--log-json", "maybe"]).unwrap_err().setting(), "log_json");
}

#[test]
fn the_pages_look_is_checked_and_named() {
    let logo = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/logo.png");
    let s =
        settings(&["--title", "Edit-a-thon", "--logo", logo, "--accent-color", "#900", "--operator", "WMTH"]).unwrap();
    assert_eq!(s.page.look.title.as_deref(), Some("Edit-a-thon"));
    assert_eq!(s.page.look.logo.as_ref().unwrap().content_type, "image/png");
    assert_eq!(s.page.look.accent.unwrap().to_string(), "#990000");
    assert_eq!(settings(&["--accent-color", "crimson"]).unwrap_err().setting(), "accent_color");
    let missing = settings(&["--logo", "/nonexistent/logo.png"]).unwrap_err();
    assert_eq!(missing.setting(), "logo");
    assert!(missing.to_string().contains("cannot read /nonexistent/logo.png"), "{missing}");
    let readme = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    assert!(settings(&["--logo", readme]).unwrap_err().to_string().contains("not a PNG"));
    assert_eq!(settings(&["--privacy-url", "http://example.org/p"]).unwrap_err().setting(), "privacy_url");
    assert_eq!(settings(&["--operator-url", "not a url"]).unwrap_err().setting(), "operator_url");
    assert_eq!(settings(&["--intro", &"word ".repeat(500)]).unwrap_err().setting(), "intro");
}

fn with_file(name: &str, text: &str, args: &[&str]) -> Result<Settings, LoadError> {
    let file = std::env::temp_dir().join(format!("wikisignup-{name}-{}.toml", std::process::id()));
    std::fs::write(&file, text).unwrap();
    let mut all = vec!["--config", file.to_str().unwrap()];
    all.extend(args);
    let loaded = settings(&all);
    std::fs::remove_file(file).unwrap();
    loaded
}

#[test]
fn events_take_the_portals_settings_with_their_own_instead() {
    let text = r##"
        operator = "Wikimedia Thailand"
        event_code = "portal"
        [[event]]
        slug = "bangkok-2026"
        title = "Bangkok Edit-a-thon"
        wiki_api = "http://127.0.0.1:9/api.php"
        language = "th"
        [[event]]
        slug = "commons-walk"
        max_accounts = 40
        accent_color = "#006699"
    "##;
    let s = with_file("events", text, &["--wiki-api", "http://127.0.0.1:8/api.php"]).unwrap();
    assert_eq!(s.events.len(), 2);
    let (bangkok, walk) = (&s.events[0].page, &s.events[1].page);
    assert_eq!(s.events[0].slug.as_str(), "bangkok-2026");
    // Its own wiki, though the command line named another for the portal.
    assert_eq!(bangkok.wiki_api.to_string(), "http://127.0.0.1:9/api.php");
    assert_eq!(walk.wiki_api.to_string(), "http://127.0.0.1:8/api.php");
    assert_eq!((bangkok.language.as_str(), bangkok.look.title.as_deref()), ("th", Some("Bangkok Edit-a-thon")));
    assert_eq!(walk.max_accounts.map(|m| m.get()), Some(40));
    assert!(walk.event_code.is_some() && walk.look.operator.as_deref() == Some("Wikimedia Thailand"));
    assert!(s.page.look.title.is_none() && s.page.max_accounts.is_none(), "the portal's own page keeps its settings");
}

#[test]
fn a_bad_event_is_named_with_its_key() {
    let event = |body: &str| format!("[[event]]\nslug = \"one\"\n{body}\n");
    let err = |text: &str| with_file("bad-event", text, &[]).unwrap_err().to_string();
    assert_eq!(
        err(&event("accent_color = \"red\"")),
        "invalid setting event one: accent_color: \"red\": must be a colour written #rgb or #rrggbb, e.g. #990000"
    );
    assert!(err(&event("colour = \"#900\"")).contains("event one: colour: is no setting of an event"));
    assert!(err(&event("listen = \"0.0.0.0:80\"")).contains("event one: listen: is the portal's"));
    assert!(err(&event("logo = \"/nonexistent.png\"")).contains("event one: logo: cannot read"));
    let twice = format!("{}{}", event(""), event(""));
    assert!(err(&twice).contains("event one: slug: is the slug of an earlier event too"), "{}", err(&twice));
    assert!(err("[[event]]\ntitle = \"x\"\n").contains("event 1: slug: is missing"));
    assert!(err("[[event]]\nslug = \"Big Event\"\n").contains("event 1: slug: must be 1 to 40 lowercase"));
}

#[test]
fn help_and_version_are_not_errors() {
    assert!(matches!(settings(&["--help"]), Err(LoadError::Informational(_))));
    assert!(matches!(settings(&["--version"]), Err(LoadError::Informational(_))));
}

#[test]
fn the_file_is_read_and_the_command_line_wins() {
    let dir = std::env::temp_dir().join(format!("wikisignup-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("settings.toml");
    std::fs::write(&file, "wiki_api = \"http://127.0.0.1:9/api.php\"\ncontact = \"ops@example.org\"\n").unwrap();
    let path = file.to_str().unwrap();
    let s = settings(&["--config", path]).unwrap();
    assert_eq!(s.page.wiki_api.to_string(), "http://127.0.0.1:9/api.php");
    assert!(s.page.user_agent(&s.public_url(s.listen)).contains("ops@example.org"));
    let s = settings(&["--config", path, "--wiki-api", "http://127.0.0.1:10/w/api.php"]).unwrap();
    assert_eq!(s.page.wiki_api.to_string(), "http://127.0.0.1:10/w/api.php");

    std::fs::write(&file, "wiki = 1\n").unwrap();
    assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "wiki");
    std::fs::write(&file, "session_ttl = 0\n").unwrap();
    assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "session_ttl");
    std::fs::write(&file, "listen = [1]\n").unwrap();
    assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "listen");
    std::fs::write(&file, "listen = \n").unwrap();
    assert_eq!(settings(&["--config", path]).unwrap_err().setting(), "config");
}

#[test]
fn public_url_follows_the_bound_port_unless_given() {
    let bound: SocketAddr = "127.0.0.1:41234".parse().unwrap();
    let derived = settings(&["--listen", "127.0.0.1:0"]).unwrap();
    assert_eq!(derived.public_url(bound).as_str(), "http://127.0.0.1:41234/");
    let given = settings(&["--listen", "127.0.0.1:0", "--public-url", "https://signup.example/"]).unwrap();
    assert_eq!(given.public_url(bound).as_str(), "https://signup.example/");
}

#[test]
fn hardening_settings_are_checked() {
    let s = settings(&[
        "--trusted-proxies",
        "10.0.0.1, ::1, 172.16.0.0/12, 2001:db8::/32",
        "--frame-ancestors",
        "'self'  https://event.example",
    ])
    .unwrap();
    for proxy in ["10.0.0.1", "::1", "::ffff:10.0.0.1", "172.31.255.254", "2001:db8:ffff::1"] {
        assert!(s.trusted_proxies.contains(proxy.parse().unwrap()), "{proxy}");
    }
    for client in ["10.0.0.2", "172.32.0.1", "2001:db9::1", "::2"] {
        assert!(!s.trusted_proxies.contains(client.parse().unwrap()), "{client}");
    }
    assert_eq!(settings(&["--trusted-proxies", "10.0.0.0/33"]).unwrap_err().setting(), "trusted_proxies");
    assert_eq!(s.page.frame_ancestors.as_str(), "'self' https://event.example");
    assert_eq!(settings(&["--trusted-proxies", "proxy.local"]).unwrap_err().setting(), "trusted_proxies");
    assert_eq!(settings(&["--frame-ancestors", "'self'; script-src *"]).unwrap_err().setting(), "frame_ancestors");
    assert_eq!(settings(&["--submissions-per-minute", "0"]).unwrap_err().setting(), "submissions_per_minute");
}

#[test]
fn the_example_file_is_valid_and_read() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/wikisignup.example.toml");
    let s = settings(&["--config", path]).unwrap();
    assert_eq!(s.page.contact, Some(OneLine("events@example.org".into())));
    assert_eq!(s.page.frame_ancestors.as_str(), "'self' https://event.example.org");
    assert_eq!(s.session_store, SessionStoreSetting::Memory);
    assert!(s.log_json);
    // The command line wins over the file.
    let s = settings(&["--config", path, "--session-store", "redis://cache:6379"]).unwrap();
    assert_eq!(s.session_store, SessionStoreSetting::Redis("redis://cache:6379".into()));
}

#[test]
fn framing_by_other_sites_needs_a_public_url_that_keeps_secure_cookies() {
    let framed = ["--frame-ancestors", "'self' https://event.example"];
    let err = settings(&[&framed[..], &["--public-url", "http://signup.example/"]].concat()).unwrap_err();
    assert_eq!(err.setting(), "frame_ancestors");
    assert!(err.to_string().contains("https://"), "{err}");
    // Listening on every address without a public URL: not loopback.
    assert_eq!(
        settings(&[&framed[..], &["--listen", "0.0.0.0:8000"]].concat()).unwrap_err().setting(),
        "frame_ancestors"
    );
    // https, and loopback addresses, are fine; so is framing by 'self' only.
    assert!(settings(&[&framed[..], &["--public-url", "https://signup.example/"]].concat()).is_ok());
    assert!(settings(&framed).is_ok());
    assert!(settings(&[&framed[..], &["--public-url", "http://localhost:8000/"]].concat()).is_ok());
    assert!(settings(&["--public-url", "http://signup.example/", "--frame-ancestors", "'self'"]).is_ok());
    let s = settings(&framed).unwrap();
    assert!(s.page.frame_ancestors.allows_other_sites());
    assert!(!settings(&[]).unwrap().page.frame_ancestors.allows_other_sites());
}

#[test]
fn public_url_gets_a_trailing_slash() {
    let url: PublicUrl = "https://events.example/signup".parse().unwrap();
    assert_eq!(url.route("return").as_str(), "https://events.example/signup/return");
    assert_eq!(url.origin(), "https://events.example");
    assert!(url.is_https());
}

#[test]
fn the_secret_is_never_printed() {
    let secret: SessionSecret = "0123456789abcdef0123456789abcdef".parse().unwrap();
    assert!(!format!("{secret:?}").contains("0123"));
    assert_eq!("short".parse::<SessionSecret>().unwrap_err(), SettingError::TooShort);
}

#[test]
fn organizer_mode_needs_its_secret_and_an_event_code_or_a_maximum() {
    let declared = |args: &[&str]| Declared::parse_from(std::iter::once("wikisignup").chain(args.iter().copied())).page;
    let password = |var: &str| (var == ORGANIZER_PASSWORD_VAR).then(|| "abc0123".to_owned());
    let none = |_: &str| None;
    let with_code = declared(&["--organizer-user", "Ada@signup", "--event-code", "quokka"]);
    let mode = organizer(&with_code, None, password).unwrap().unwrap();
    assert!(matches!(mode.credentials, OrganizerCredentials::BotPassword { ref user, .. } if user == "Ada@signup"));
    assert!(!format!("{mode:?}").contains("abc0123"), "the secret is printed");
    assert_eq!(organizer(&with_code, None, none).unwrap_err().setting, "organizer_user");
    let unguarded = declared(&["--organizer-user", "Ada@signup"]);
    assert!(organizer(&unguarded, None, password).unwrap_err().reason.contains("--event-code or --max-accounts"));
    assert_eq!(
        organizer(&declared(&["--max-accounts", "5"]), None, password).unwrap_err().setting,
        ORGANIZER_PASSWORD_VAR
    );
    assert_eq!(
        organizer(&declared(&["--organizer-user", "Ada", "--max-accounts", "5"]), None, password).unwrap_err().setting,
        "organizer_user"
    );
    assert!(organizer(&declared(&[]), None, none).unwrap().is_none());
    // An event's organiser has its own secret, named after its slug: the portal's is not its.
    let slug: Slug = "bangkok-2026".parse().unwrap();
    let events_own = |var: &str| (var == "WIKISIGNUP_ORGANIZER_PASSWORD_BANGKOK_2026").then(|| "def456".to_owned());
    let own = organizer(&with_code, Some(&slug), events_own).unwrap().unwrap();
    assert!(matches!(own.credentials, OrganizerCredentials::BotPassword { ref password, .. } if password == "def456"));
    let refused = organizer(&with_code, Some(&slug), password).unwrap_err();
    assert!(refused.reason.contains("WIKISIGNUP_ORGANIZER_PASSWORD_BANGKOK_2026"), "{refused}");
}

#[test]
fn the_time_window_is_rfc_3339_and_closes_after_it_opens() {
    assert_eq!(settings(&["--opens", "tomorrow"]).unwrap_err().setting(), "opens");
    let backwards = ["--opens", "2026-03-07T18:00:00Z", "--closes", "2026-03-07T09:00:00Z"];
    assert_eq!(settings(&backwards).unwrap_err().setting(), "closes");
    let s = settings(&["--opens", "2026-03-07T09:00:00+01:00"]).unwrap();
    assert_eq!(s.page.window.opens().unwrap().unix_timestamp(), 1772870400);
}

/// The README's table of settings says what `--help` says: every flag,
/// its environment variable and its default.
#[test]
fn the_readme_lists_every_setting_as_help_does() {
    let readme = include_str!("../../README.md");
    let command = Declared::command();
    for arg in command.get_arguments().filter(|a| a.get_long().is_some_and(|l| l != "help" && l != "version")) {
        let flag = format!("`--{}", arg.get_long().unwrap());
        let row = readme
            .lines()
            .find(|l| l.starts_with("| ") && l.contains(&flag))
            .unwrap_or_else(|| panic!("README has no row for {flag}"));
        let env = arg.get_env().unwrap().to_str().unwrap();
        assert!(row.contains(&format!("`{env}`")), "README's row for {flag} lacks {env}: {row}");
        for default in arg.get_default_values() {
            let default = default.to_str().unwrap();
            let shown = if default.is_empty() { "none".to_owned() } else { format!("`{default}`") };
            assert!(row.contains(&shown), "README's row for {flag} lacks the default {shown}: {row}");
        }
    }
}

#[test]
fn each_event_has_a_report_token_of_its_own_and_a_strong_one() {
    let (a, b) = ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", "2c26b46b68ffc68ff99b453c1d30413413422d70");
    let two = |first: &str, second: &str| {
        format!("[[event]]\nslug = \"one\"\n{first}\n[[event]]\nslug = \"two\"\n{second}\n")
    };
    let own = with_file("tokens", &two(&format!("report_token = \"{a}\""), &format!("report_token = \"{b}\"")), &[]);
    assert!(own.unwrap().events.iter().all(|e| e.page.report_token.is_some()));
    let shared = with_file("tokens", &two(&format!("report_token = \"{a}\""), &format!("report_token = \"{a}\"")), &[]);
    let err = shared.unwrap_err().to_string();
    assert!(err.contains("event two: report_token: is event one's too"), "{err}");
    let inherited = with_file("tokens", &format!("report_token = \"{a}\"\n{}", two("", "")), &[]);
    let err = inherited.unwrap_err().to_string();
    assert!(err.contains("event one: report_token: is the portal's"), "{err}");
    let weak = with_file("tokens", &two(&format!("report_token = \"{}\"", "A".repeat(32)), ""), &[]);
    assert_eq!(weak.unwrap_err().setting(), "event one: report_token");
}

#[test]
fn token_prints_a_fresh_report_token() {
    let s = settings(&["token"]).unwrap();
    assert!(matches!(s.command, Some(Command::Token)));
}

#[test]
fn the_origins_that_may_frame_the_pages_are_written_out_never_as_a_wildcard() {
    let ancestors: FrameAncestors =
        "'self' https://event.example/page http://127.0.0.1:8080 https://*.example.org https: 'none'".parse().unwrap();
    assert_eq!(
        ancestors.origins("https://signup.example"),
        ["https://signup.example", "https://event.example", "http://127.0.0.1:8080"]
    );
    assert!("https://*.example.org".parse::<FrameAncestors>().unwrap().origins("https://signup.example").is_empty());
}

#[test]
fn the_consoles_lists_are_toml_arrays_in_the_file_and_comma_separated_elsewhere() {
    let file = "organizer_groups = [\"eventcoordinator\", \"sysop\"]\norganizers = [\"Ada_Lovelace\"]\n";
    let s = with_file("console-lists", file, &[]).unwrap();
    assert_eq!(s.console.groups, vec!["eventcoordinator", "sysop"]);
    assert_eq!(s.console.organizers, vec!["Ada Lovelace"]);
    // Without organizer_wikis, the portal's own wiki.
    assert_eq!(s.console.wikis.iter().map(|w| w.as_str()).collect::<Vec<_>>(), vec![s.page.wiki_api.as_str()]);
    let s = settings(&["--organizer-wikis", "https://a.example/w/api.php, https://b.example/w/api.php"]).unwrap();
    assert_eq!(s.console.wikis.len(), 2);
    assert_eq!(settings(&["--organizer-wikis", "ftp://x"]).unwrap_err().setting(), "organizer_wikis");
    let defaults = settings(&[]).unwrap();
    assert_eq!(defaults.console.groups, vec!["sysop", "eventcoordinator"]);
    let commas = with_file("console-commas", "organizers = [\"A,B\"]\n", &[]).unwrap_err();
    assert_eq!(commas.setting(), "organizers");
}

#[test]
fn an_event_made_in_the_console_is_checked_as_a_settings_file_event_and_named_by_its_field() {
    let s = settings(&["--event-code", "inherited"]).unwrap();
    let slug: Slug = "console".parse().unwrap();
    let url: PublicUrl = "https://signup.example/e/console/".parse().unwrap();
    let given = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    let page = s.console_event(&slug, &given(&[("title", "Edit-a-thon"), ("max_accounts", "5")]), &url).unwrap();
    assert_eq!((page.look.title.as_deref(), page.max_accounts.map(|m| m.get())), (Some("Edit-a-thon"), Some(5)));
    assert!(page.event_code.is_some(), "the portal's settings are an event's defaults");
    let bad = s.console_event(&slug, &given(&[("accent_color", "red")]), &url).unwrap_err();
    assert_eq!(bad.setting, "accent_color");
    let portal_only = s.console_event(&slug, &given(&[("listen", "0.0.0.0:80")]), &url).unwrap_err();
    assert_eq!(portal_only.setting, "listen");
}
