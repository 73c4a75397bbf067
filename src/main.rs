use std::process::ExitCode;

use wikisignup::config::{Command, Settings};
use wikisignup::startup::Application;

/// mimalloc, built without transparent huge pages (`no_thp`, which keeps
/// its memory where glibc's was): glibc's allocator, under a stream of new
/// visitors' sessions, spent a quarter of the portal's time in its free
/// lists. Measured by `scripts/bench` (see the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[actix_web::main]
async fn main() -> ExitCode {
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            return ExitCode::from(2);
        }
    };
    match settings.command.clone() {
        Some(Command::Report { slug, csv }) => report(&settings, &slug, csv).await,
        Some(Command::Check) => check(&settings).await,
        Some(Command::Token) => {
            println!("{}", wikisignup::records::ReportToken::generate().expose());
            ExitCode::SUCCESS
        }
        None => serve(settings).await,
    }
}

/// `wikisignup report SLUG [--csv]`: an event's sign-ups on standard output.
async fn report(settings: &Settings, slug: &wikisignup::signup::Slug, csv: bool) -> ExitCode {
    let in_settings_file = settings.events.iter().find(|event| event.slug == *slug).map(|e| &e.page.time_zone);
    match wikisignup::records::print_report(&settings.database, slug, in_settings_file, csv).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            ExitCode::from(1)
        }
    }
}

/// `wikisignup check`: the pre-flight check, one sentence a line; fails
/// when anything stands in the way of sign-ups.
async fn check(settings: &Settings) -> ExitCode {
    match wikisignup::startup::check(settings).await {
        Ok(findings) => {
            print!("{}", wikisignup::preflight::lines(&findings));
            if findings.iter().any(|f| f.trouble) { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) => {
            eprintln!("wikisignup: {e}");
            ExitCode::from(1)
        }
    }
}

async fn serve(settings: Settings) -> ExitCode {
    wikisignup::telemetry::init(settings.log_json);
    if settings.page.contact.is_none() {
        tracing::warn!("no --contact set: wikis such as Wikimedia's ask for one in the User-Agent");
    }
    let listen = settings.listen;
    if settings.listen_from_port {
        tracing::info!(%listen, "listening where the environment's PORT says (no --listen given)");
    }
    let wiki = settings.page.wiki_api.to_string();
    let app = match Application::build(settings).await {
        Ok(app) => app,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            return ExitCode::from(1);
        }
    };
    tracing::info!(%listen, %wiki, "serving the sign-up page");
    match app.run_until_stopped().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wikisignup: {e}");
            ExitCode::from(1)
        }
    }
}
