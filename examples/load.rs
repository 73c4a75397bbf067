//! Load for the benchmark, as browsers make it (cookies kept, forms read).
//!
//!   load signups PORTAL_URL SECONDS CONCURRENCY
//!       complete sign-ups (GET the form, POST it) on a plain wiki; prints
//!       `signups=N failures=M seconds=S`
//!   load sessions PORTAL_URL COUNT CONCURRENCY
//!       COUNT first visits, each leaving a live session; prints
//!       `sessions=N failures=M`

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

fn csrf(html: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("input[name=wikisignup_csrf]").unwrap();
    doc.select(&sel).next()?.attr("value").map(str::to_owned)
}

async fn one_signup(portal: &str, name: &str) -> bool {
    let http = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let Ok(form) = http.get(portal).send().await else { return false };
    let Some(token) = csrf(&form.text().await.unwrap_or_default()) else { return false };
    let password = "Correct-Horse-Battery-42";
    let fields = [
        ("wikisignup_csrf", token.as_str()),
        ("username", name),
        ("password", password),
        ("retype", password),
        ("email", ""),
        ("realname", ""),
    ];
    match http.post(portal).form(&fields).send().await {
        Ok(done) => done.url().path() == "/welcome" && done.status().is_success(),
        Err(_) => false,
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, portal, amount, concurrency) =
        (&args[1], args[2].clone(), args[3].parse::<u64>().unwrap(), args[4].parse::<u64>().unwrap());
    let (done, failed) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let started = Instant::now();
    let run = std::process::id();
    let workers: Vec<_> = (0..concurrency)
        .map(|worker| {
            let (portal, done, failed, mode) = (portal.clone(), done.clone(), failed.clone(), mode.clone());
            tokio::spawn(async move {
                let mut i = 0u64;
                loop {
                    let ok = match mode.as_str() {
                        "signups" => {
                            if started.elapsed() >= Duration::from_secs(amount) {
                                break;
                            }
                            one_signup(&portal, &format!("Bench {run} {worker} {i}")).await
                        }
                        _ => {
                            if done.load(Ordering::Relaxed) + failed.load(Ordering::Relaxed) >= amount {
                                break;
                            }
                            // A new client each time: a first visit.
                            match reqwest::Client::new().get(&portal).send().await {
                                Ok(r) => r.status().is_success() && r.headers().contains_key("set-cookie"),
                                Err(_) => false,
                            }
                        }
                    };
                    (if ok { &done } else { &failed }).fetch_add(1, Ordering::Relaxed);
                    i += 1;
                }
            })
        })
        .collect();
    for w in workers {
        w.await.unwrap();
    }
    let (n, f) = (done.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
    match mode.as_str() {
        "signups" => println!("signups={n} failures={f} seconds={:.2}", started.elapsed().as_secs_f64()),
        _ => println!("sessions={n} failures={f}"),
    }
}
