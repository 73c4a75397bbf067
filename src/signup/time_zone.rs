//! An event's time zone (`time_zone`, an IANA name such as `Asia/Bangkok`):
//! its report and CSV give times as the room read its clocks. UTC unless
//! the event names one.

use std::fmt;
use std::str::FromStr;

/// A time zone by its IANA name, known to the built-in database.
#[derive(Clone, PartialEq)]
pub struct TimeZone {
    name: String,
    zone: jiff::tz::TimeZone,
}

#[derive(Debug, thiserror::Error)]
#[error("must be a time zone's IANA name, e.g. Asia/Bangkok, Europe/Madrid or UTC")]
pub struct TimeZoneError;

impl FromStr for TimeZone {
    type Err = TimeZoneError;

    fn from_str(name: &str) -> Result<TimeZone, TimeZoneError> {
        let name = name.trim();
        let zone = jiff::tz::TimeZone::get(name).map_err(|_| TimeZoneError)?;
        Ok(TimeZone { name: name.to_owned(), zone })
    }
}

impl Default for TimeZone {
    fn default() -> TimeZone {
        TimeZone { name: "UTC".to_owned(), zone: jiff::tz::TimeZone::UTC }
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TimeZone({})", self.name)
    }
}

impl TimeZone {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The moment `at` (seconds since 1970) on this zone's clocks:
    /// `2026-03-08 06:30:00`.
    pub fn local(&self, at: i64) -> String {
        self.zoned(at).map(|z| z.strftime("%Y-%m-%d %H:%M:%S").to_string()).unwrap_or_default()
    }

    /// The hour that moment falls in on this zone's clocks, as the start
    /// of that hour in seconds since 1970, and its label (`2026-03-08 06:00`).
    pub fn hour_of(&self, at: i64) -> (i64, String) {
        let Some(zoned) = self.zoned(at) else { return (at - at.rem_euclid(3600), String::new()) };
        let into_hour = i64::from(zoned.minute()) * 60 + i64::from(zoned.second());
        (at - into_hour, zoned.strftime("%Y-%m-%d %H:00").to_string())
    }

    fn zoned(&self, at: i64) -> Option<jiff::civil::DateTime> {
        Some(self.zone.to_datetime(jiff::Timestamp::from_second(at).ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_late_evening_in_utc_is_the_next_morning_in_bangkok() {
        // 2026-03-07 23:30:00 UTC
        let at = 1_772_926_200;
        let bangkok: TimeZone = "Asia/Bangkok".parse().unwrap();
        assert_eq!(bangkok.local(at), "2026-03-08 06:30:00");
        assert_eq!(TimeZone::default().local(at), "2026-03-07 23:30:00");
        assert_eq!(bangkok.hour_of(at), (at - 1800, "2026-03-08 06:00".to_owned()));
        // Half-hour zones keep their half hours.
        let delhi: TimeZone = "Asia/Kolkata".parse().unwrap();
        assert_eq!(delhi.hour_of(at), (at, "2026-03-08 05:00".to_owned()));
        assert!("Mars/Olympus".parse::<TimeZone>().is_err());
    }
}
