//! The pre-flight check, for an organiser the day before the event: can
//! this address create accounts on each wiki the portal serves (or is it
//! blocked from it)? does each organiser's account log in, and what may it
//! do? does the database take records, does the session store answer? Each
//! answer a sentence that says what to do. Run at start-up (logged, and
//! shown by `/readyz`) and by `wikisignup check`, which fails when anything
//! stands in the way.

use std::time::Duration;

use crate::config::SessionStoreSetting;
use crate::records::AccountRecords;
use crate::wiki::{Organizer, UpstreamSession, WikiClient};

/// One answer of the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Something stands in the way of sign-ups.
    pub trouble: bool,
    pub sentence: String,
}

impl Finding {
    fn fine(sentence: String) -> Finding {
        Finding { trouble: false, sentence }
    }

    fn trouble(sentence: String) -> Finding {
        Finding { trouble: true, sentence }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", if self.trouble { "PROBLEM" } else { "ok" }, self.sentence)
    }
}

/// A sign-up page to check: how it is named ("the portal's page", "event
/// bangkok"), its wiki, and its organiser's account in organizer mode.
pub struct Page<'a> {
    pub name: String,
    pub wiki: &'a WikiClient,
    pub organizer: Option<&'a Organizer>,
}

/// How long the whole check may take for one question.
const QUESTION_TIMEOUT: Duration = Duration::from_secs(20);

/// Checks `pages`, the database of `records` and the session store.
pub async fn check(pages: &[Page<'_>], records: &AccountRecords, store: &SessionStoreSetting) -> Vec<Finding> {
    let mut findings = Vec::new();
    for page in pages {
        findings.push(address_standing(page).await);
        if let Some(organizer) = page.organizer {
            findings.push(organizer_standing(page, organizer).await);
        }
    }
    findings.push(match records.writable().await {
        Ok(()) => Finding::fine("the database takes records".to_owned()),
        Err(e) => Finding::trouble(format!(
            "the database does not take records ({e}): accounts made wait in memory for it; check its disk, \
             server and --database"
        )),
    });
    if let SessionStoreSetting::Redis(url) = store {
        findings.push(match redis_answers(url).await {
            Ok(()) => Finding::fine("the session store (Redis) answers".to_owned()),
            Err(e) => Finding::trouble(format!(
                "the session store (Redis) does not answer ({e}): visitors start their forms again; check \
                 --session-store"
            )),
        });
    }
    findings
}

/// Whether visitors at this address may create accounts on `page`'s wiki,
/// as the wiki says of anyone here (`meta=userinfo&uiprop=blockinfo|rights`).
async fn address_standing(page: &Page<'_>) -> Finding {
    let host = page.wiki.api().host();
    let asked = tokio::time::timeout(QUESTION_TIMEOUT, page.wiki.current_user(&mut UpstreamSession::default())).await;
    let anyone = match asked {
        Ok(Ok(anyone)) => anyone,
        Ok(Err(e)) => {
            return Finding::trouble(format!(
                "{}: the wiki at {host} does not answer as a wiki should ({e}): check --wiki-api and this machine's \
                 network",
                page.name
            ));
        }
        Err(_) => {
            return Finding::trouble(format!(
                "{}: the wiki at {host} did not answer within {} s: check --wiki-api and this machine's network",
                page.name,
                QUESTION_TIMEOUT.as_secs()
            ));
        }
    };
    let way_out = if page.organizer.is_some() {
        "organizer mode creates them with the organiser's account instead"
    } else {
        "use organizer mode (--organizer-user), or ask the wiki's administrators for an exception"
    };
    let refused = if anyone.blockid.is_some() && anyone.blocknocreate {
        let reason = Some(anyone.blockreason.trim()).filter(|r| !r.is_empty()).map(|r| format!(" ({r})"));
        Some(format!("this address is blocked from creating accounts on {host}{}", reason.unwrap_or_default()))
    } else if !anyone.rights.iter().any(|r| r == "createaccount") {
        Some(format!("visitors at this address may not create accounts on {host} (no createaccount right)"))
    } else {
        None
    };
    match refused {
        Some(refused) if page.organizer.is_some() => Finding::fine(format!("{}: {refused}: {way_out}", page.name)),
        Some(refused) => Finding::trouble(format!("{}: {refused}: {way_out}", page.name)),
        None => Finding::fine(format!("{}: this address may create accounts on {host}", page.name)),
    }
}

/// Whether the organiser's account logs in, and what it may do.
async fn organizer_standing(page: &Page<'_>, organizer: &Organizer) -> Finding {
    let host = page.wiki.api().host();
    let name = organizer.name();
    match tokio::time::timeout(QUESTION_TIMEOUT, organizer.rights(page.wiki)).await {
        Ok(Ok(rights)) if rights.create_accounts => Finding::fine(format!(
            "{}: the organiser's account {} logs in on {host} and creates accounts; {}; {}",
            page.name,
            rights.name,
            if rights.skips_captcha {
                "visitors see no CAPTCHA"
            } else {
                "visitors answer the wiki's CAPTCHA (the account lacks skipcaptcha)"
            },
            if rights.exempt_from_limits {
                "the wiki's limit of accounts per address does not apply"
            } else {
                "the wiki's limit of accounts per address still applies: the account needs the right noratelimit \
                 and the bot password the grant \"High-volume (bot) access\""
            },
        )),
        Ok(Ok(rights)) => Finding::trouble(format!(
            "{}: the organiser's account {} logs in on {host} but may not create accounts: give the bot password \
             the grant \"Create accounts\" at Special:BotPasswords",
            page.name, rights.name
        )),
        Ok(Err(e)) => Finding::trouble(format!(
            "{}: the organiser's account {name} cannot log in on {host} ({e}): make a bot password again at \
             Special:BotPasswords and give it to the portal",
            page.name
        )),
        Err(_) => Finding::trouble(format!(
            "{}: the organiser's account {name} got no answer from {host} within {} s",
            page.name,
            QUESTION_TIMEOUT.as_secs()
        )),
    }
}

async fn redis_answers(url: &str) -> anyhow::Result<()> {
    let client = redis::Client::open(url)?;
    let mut connection = tokio::time::timeout(QUESTION_TIMEOUT, client.get_multiplexed_async_connection()).await??;
    let _: String = redis::cmd("PING").query_async(&mut connection).await?;
    Ok(())
}

/// The findings as `/readyz` and `wikisignup check` print them, one a line.
pub fn lines(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("{f}\n")).collect()
}
