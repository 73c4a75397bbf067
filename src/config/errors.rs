//! Why settings cannot be used: a setting named as the file names it, and
//! why.

use std::error::Error as _;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// A setting that could not be read, named as the file names it.
#[derive(Debug, thiserror::Error)]
#[error("invalid setting {setting}: {reason}")]
pub struct ConfigError {
    pub setting: String,
    pub reason: String,
}

pub(super) fn bad(setting: &str, reason: impl ToString) -> ConfigError {
    ConfigError { setting: setting.to_owned(), reason: reason.to_string() }
}

/// Why settings could not be loaded: a bad setting, or a request for help
/// or the version, which is no error.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Invalid(#[from] ConfigError),
    #[error("{0}")]
    Informational(clap::Error),
}

impl LoadError {
    pub(super) fn from_clap(e: clap::Error) -> LoadError {
        if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
            return LoadError::Informational(e);
        }
        // "--listen <LISTEN>" names the setting `listen`.
        let setting = match e.get(ContextKind::InvalidArg) {
            Some(ContextValue::String(arg)) => {
                arg.trim_start_matches('-').split([' ', '=']).next().unwrap_or_default().replace('-', "_")
            }
            _ => "command line".to_owned(),
        };
        let reason = match e.get(ContextKind::InvalidValue) {
            Some(ContextValue::String(value)) => {
                let why = e.source().map(|s| s.to_string()).unwrap_or_default();
                format!("{value:?}: {why}")
            }
            _ => e.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_owned(),
        };
        LoadError::Invalid(bad(&setting, reason))
    }

    /// The bad setting, or, for `--help` and `--version`, the text printed
    /// and a successful exit.
    pub(super) fn or_exit(self) -> ConfigError {
        match self {
            LoadError::Invalid(e) => e,
            LoadError::Informational(e) => e.exit(),
        }
    }

    /// The bad setting (tests).
    pub fn setting(&self) -> &str {
        match self {
            LoadError::Invalid(e) => &e.setting,
            LoadError::Informational(_) => "",
        }
    }
}
