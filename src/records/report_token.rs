//! The secret an organiser's report link carries (`?token=`): at least 128
//! random bits, compared in constant time, never printed.

use std::collections::HashMap;
use std::fmt;

use rand::RngExt;

#[derive(Clone, PartialEq, Eq)]
pub struct ReportToken(String);

#[derive(Debug, thiserror::Error)]
#[error(
    "must be at least 128 random bits written as hex (32 digits or more) or base64 (22 characters or more), \
     e.g. from `wikisignup token` or `openssl rand -hex 16`"
)]
pub struct ReportTokenError;

/// The bits of a random token of 128; the measure below underrates short
/// random strings a little (32 random hex digits rarely use all 16).
const LEAST_MEASURED_BITS: f64 = 96.0;

impl std::str::FromStr for ReportToken {
    type Err = ReportTokenError;

    fn from_str(raw: &str) -> Result<ReportToken, ReportTokenError> {
        let hex = raw.len() >= 32 && raw.chars().all(|c| c.is_ascii_hexdigit());
        let base64 = raw.len() >= 22
            && raw.trim_end_matches('=').chars().all(|c| c.is_ascii_alphanumeric() || "+/-_".contains(c));
        if (hex || base64) && measured_bits(raw) >= LEAST_MEASURED_BITS {
            Ok(ReportToken(raw.to_owned()))
        } else {
            Err(ReportTokenError)
        }
    }
}

/// The information in `text` as its own letters' frequencies tell it:
/// near 0 for `AAAA...`, near 4 bits a letter for random hex.
fn measured_bits(text: &str) -> f64 {
    let mut counts: HashMap<char, usize> = HashMap::new();
    for c in text.chars() {
        *counts.entry(c).or_default() += 1;
    }
    let n = text.chars().count() as f64;
    let per_letter: f64 = counts.values().map(|&k| k as f64 / n).map(|p| -p * p.log2()).sum();
    per_letter * n
}

impl fmt::Debug for ReportToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReportToken(redacted)")
    }
}

impl ReportToken {
    /// A fresh token: 24 random bytes as hex (`wikisignup token`).
    pub fn generate() -> ReportToken {
        let bytes: [u8; 24] = rand::rng().random();
        ReportToken(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Whether `given` is the token, in time that does not depend on how
    /// much of it is right.
    pub fn admits(&self, given: &str) -> bool {
        use subtle::ConstantTimeEq;
        bool::from(given.as_bytes().ct_eq(self.0.as_bytes()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_token_is_long_compared_whole_and_never_printed() {
        assert!("short".parse::<ReportToken>().is_err());
        let token: ReportToken = "9f86d081884c7d659a2feaa0c55ad015".parse().unwrap();
        assert!(token.admits("9f86d081884c7d659a2feaa0c55ad015"));
        assert!(!token.admits("9f86d081884c7d659a2feaa0c55ad01") && !token.admits(""));
        assert_eq!(format!("{token:?}"), "ReportToken(redacted)");
    }

    #[test]
    fn a_weak_token_is_refused() {
        for weak in [
            "A".repeat(32),
            "0".repeat(40),
            "abababababababababababababababab".into(),
            "correct horse battery staple and more".into(),
        ] {
            assert!(weak.parse::<ReportToken>().is_err(), "{weak} was taken");
        }
        for strong in ["J3q8mQx0vY2bN6tR1wZ5kA", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"] {
            assert!(strong.parse::<ReportToken>().is_ok(), "{strong} was refused");
        }
    }

    #[test]
    fn a_fresh_token_is_a_strong_one_and_new_each_time() {
        let (a, b) = (ReportToken::generate(), ReportToken::generate());
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 48);
        assert!(a.expose().parse::<ReportToken>().is_ok());
    }
}
