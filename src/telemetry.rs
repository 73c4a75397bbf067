//! Logging: tracing to stdout, as text or JSON lines; `RUST_LOG` filters.

use tracing_subscriber::EnvFilter;

/// Libraries that would log cookie or header values at debug or trace
/// level are held at `warn`, whatever `RUST_LOG` asks: secrets never reach
/// the log.
const QUIET: [&str; 4] = ["cookie_store=warn", "reqwest=warn", "hyper=warn", "hyper_util=warn"];

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let filter = QUIET.iter().fold(filter, |f, d| f.add_directive(d.parse().expect("a valid directive")));
    // Colours for a terminal only: escape codes cost time and clutter files.
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_ansi(terminal);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// The log of an application started by a test, in the test's output
/// (`TEST_LOG=1`); a second call keeps the first subscriber.
pub fn init_test_log() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let filter = QUIET.iter().fold(filter, |f, d| f.add_directive(d.parse().expect("a valid directive")));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).with_test_writer().try_init();
}
