//! Load for the benchmark, as browsers make it (cookies kept, forms read).
//!
//!   load signups PORTAL_URL SECONDS CONCURRENCY
//!       complete sign-ups (GET the form, POST it) on a plain wiki; prints
//!       `signups=N failures=M seconds=S`
//!   load sessions PORTAL_URL COUNT CONCURRENCY
//!       COUNT first visits, each leaving a live session; prints
//!       `sessions=N failures=M`
//!   load soak PORTAL_URL SECONDS CONCURRENCY RATE
//!       mixed traffic at about RATE rounds a second, each from a client
//!       never seen before (`X-Forwarded-For`, IPv4 and IPv6; the portal
//!       trusts the loopback proxy): sign-ups, form pages alone, posts
//!       without a token carrying over-long values, and posts from another
//!       site; prints `rounds=N requests=R errors=E p99_ms=P` (an error is
//!       a failed request or a status other than the one expected)

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

/// A client address never seen before: IPv4, or an IPv6 of a new /64.
fn new_client() -> String {
    use rand::RngExt;
    let mut rng = rand::rng();
    if rng.random_bool(0.5) {
        format!("198.{}.{}.{}", rng.random_range(18..20), rng.random::<u8>(), rng.random::<u8>())
    } else {
        format!("2001:db8:{:x}:{:x}::{:x}", rng.random::<u16>(), rng.random::<u16>(), rng.random::<u16>())
    }
}

/// One round of mixed traffic from a new client: the durations of its
/// requests, and how many went wrong.
async fn soak_round(portal: &str, name: &str, durations: &mut Vec<Duration>) -> u64 {
    use rand::RngExt;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-forwarded-for", new_client().parse().unwrap());
    let http = reqwest::Client::builder().cookie_store(true).default_headers(headers).build().unwrap();
    let mut errors = 0;
    let mut timed = async |request: reqwest::RequestBuilder, expected: u16, path: &str| -> Option<String> {
        let started = Instant::now();
        let answer = request.send().await.ok()?;
        let ok = answer.status().as_u16() == expected && answer.url().path() == path;
        let body = answer.text().await.ok();
        durations.push(started.elapsed());
        if !ok {
            errors += 1;
        }
        body.filter(|_| ok)
    };
    let Some(form) = timed(http.get(portal), 200, "/").await else { return errors.max(1) };
    let token = csrf(&form).unwrap_or_default();
    let long = "x".repeat(20_000);
    let password = "Correct-Horse-Battery-42";
    let kind = rand::rng().random_range(0..10);
    match kind {
        // A sign-up.
        0..4 => {
            let fields = [("wikisignup_csrf", token.as_str()), ("username", name), ("password", password)];
            timed(http.post(portal).form(&fields), 200, "/welcome").await;
        }
        // A post without the token, over-long values in it: refilled.
        4..6 => {
            let fields = [("username", name), ("email", long.as_str()), ("realname", long.as_str())];
            timed(http.post(portal).form(&fields), 200, "/").await;
        }
        // An over-long name with the token: refused by name.
        6..7 => {
            let fields = [("wikisignup_csrf", token.as_str()), ("username", long.as_str()), ("password", password)];
            timed(http.post(portal).form(&fields), 422, "/").await;
        }
        // A post from another site: refused.
        7..8 => {
            let fields = [("wikisignup_csrf", token.as_str()), ("username", name)];
            let forged = http.post(portal).header("origin", "https://elsewhere.example").form(&fields);
            timed(forged, 403, "/").await;
        }
        // The form page alone.
        _ => {}
    }
    errors
}

async fn soak(portal: String, seconds: u64, concurrency: u64, rate: f64) {
    let started = Instant::now();
    let run = std::process::id();
    // Each worker paces itself so that all together make `rate` rounds a second.
    let pause = Duration::from_secs_f64(concurrency as f64 / rate);
    let workers: Vec<_> = (0..concurrency)
        .map(|worker| {
            let portal = portal.clone();
            tokio::spawn(async move {
                let (mut durations, mut errors, mut rounds) = (Vec::new(), 0u64, 0u64);
                let mut next = tokio::time::Instant::now();
                while started.elapsed() < Duration::from_secs(seconds) {
                    errors += soak_round(&portal, &format!("Soak {run} {worker} {rounds}"), &mut durations).await;
                    rounds += 1;
                    next += pause;
                    tokio::time::sleep_until(next).await;
                }
                (durations, errors, rounds)
            })
        })
        .collect();
    let (mut all, mut errors, mut rounds) = (Vec::new(), 0, 0);
    for w in workers {
        let (durations, e, r) = w.await.unwrap();
        all.extend(durations);
        errors += e;
        rounds += r;
    }
    all.sort();
    let p99 = all.get(all.len() * 99 / 100).copied().unwrap_or_default();
    println!("rounds={rounds} requests={} errors={errors} p99_ms={:.1}", all.len(), p99.as_secs_f64() * 1000.0);
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args[1] == "soak" {
        return soak(args[2].clone(), args[3].parse().unwrap(), args[4].parse().unwrap(), args[5].parse().unwrap())
            .await;
    }
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
