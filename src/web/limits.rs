//! How often one client may make the portal call the wiki: per address
//! (an IPv4 address, an IPv6 /64), in turns that come back over a minute.
//! One budget spans the portal: its own page and every event's together;
//! an event may lower its own submissions, and organizer mode allows only
//! a small burst of them.

use std::net::IpAddr;
use std::num::NonZeroU32;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::errors::PageError;

/// Turns per client address.
pub type Limiter = DefaultKeyedRateLimiter<IpAddr>;

/// Username and password checks a client may make for each sign-up it may
/// submit: a few while typing each field.
pub const CHECKS_PER_SUBMISSION: NonZeroU32 = NonZeroU32::new(6).unwrap();

/// Fresh forms a client may load for each sign-up it may submit: a visitor
/// reloads, goes back, opens a second tab; each fresh form costs the wiki a
/// request and a session, so a flood of them is limited like submissions.
pub const FORM_PAGES_PER_SUBMISSION: NonZeroU32 = NonZeroU32::new(6).unwrap();

/// The limits of one page, all derived from its submissions per minute.
pub struct ClientLimits {
    /// Sign-up submissions.
    pub submissions: Limiter,
    /// Username and password checks (`field_check`).
    pub field_checks: Limiter,
    /// Fresh forms (each costs the wiki a request), and language look-ups.
    pub form_pages: Limiter,
    /// CAPTCHA images, fetched from the wiki.
    pub images: Limiter,
}

impl ClientLimits {
    pub fn per_minute(submissions: NonZeroU32) -> ClientLimits {
        ClientLimits {
            submissions: RateLimiter::keyed(Quota::per_minute(submissions)),
            field_checks: RateLimiter::keyed(Quota::per_minute(submissions.saturating_mul(CHECKS_PER_SUBMISSION))),
            form_pages: RateLimiter::keyed(Quota::per_minute(submissions.saturating_mul(FORM_PAGES_PER_SUBMISSION))),
            images: RateLimiter::keyed(Quota::per_minute(submissions.saturating_mul(FORM_PAGES_PER_SUBMISSION))),
        }
    }

    /// Forgets the clients whose turns have all come back, and gives the
    /// memory back: without it every address ever seen stays.
    pub fn prune(&self) {
        for limiter in [&self.submissions, &self.field_checks, &self.form_pages, &self.images] {
            forget_quiet_clients(limiter);
        }
    }
}

/// A page's own limit on submissions, besides the portal's, where it needs
/// one: an event's lower `rate` than the `portal`'s, or in organizer mode
/// (the wiki's CAPTCHA no longer slowing a script down) a burst of at most
/// `organizer_burst`.
pub fn page_submissions(rate: NonZeroU32, portal: NonZeroU32, organizer_burst: Option<NonZeroU32>) -> Option<Limiter> {
    let rate = rate.min(portal);
    match organizer_burst {
        Some(burst) => Some(RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst.min(rate)))),
        None if rate < portal => Some(RateLimiter::keyed(Quota::per_minute(rate))),
        None => None,
    }
}

/// Takes one of `ip`'s turns at `limiter`, or says how long to wait for
/// the next.
pub fn take_turn(limiter: &Limiter, ip: IpAddr) -> Result<(), PageError> {
    limiter.check_key(&limit_key(ip)).map_err(|wait| PageError::RateLimited {
        retry_after_secs: wait.wait_time_from(DefaultClock::default().now()).as_secs() + 1,
    })
}

/// Forgets the clients whose turns have all come back (as good as never
/// seen), and gives the memory back.
pub fn forget_quiet_clients(limiter: &Limiter) {
    limiter.retain_recent();
    limiter.shrink_to_fit();
}

/// Who a limit counts as one client: an IPv4 address (also when written as
/// IPv6, `::ffff:a.b.c.d`), or an IPv6 /64, the smallest network a home or
/// a phone is given: rotating addresses inside it is one client.
fn limit_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::from([s[0], s[1], s[2], s[3], 0, 0, 0, 0])
            }
        },
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn an_ipv6_64_is_one_client_and_mapped_ipv4_is_ipv4() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), limit_key(ip("2001:db8:1:2:bbbb::9")));
        assert_ne!(limit_key(ip("2001:db8:1:2::1")), limit_key(ip("2001:db8:1:3::1")));
        assert_eq!(limit_key(ip("::ffff:198.51.100.7")), ip("198.51.100.7"));
        assert_eq!(limit_key(ip("198.51.100.7")), ip("198.51.100.7"));
    }

    #[test]
    fn organizer_mode_allows_a_small_burst_and_an_event_may_lower_its_rate() {
        let n = |n| NonZeroU32::new(n).unwrap();
        let client = ip("198.51.100.7");
        let organizer = page_submissions(n(10), n(10), Some(n(3))).unwrap();
        assert_eq!((0..10).filter(|_| take_turn(&organizer, client).is_ok()).count(), 3);
        let lower = page_submissions(n(2), n(10), None).unwrap();
        assert_eq!((0..10).filter(|_| take_turn(&lower, client).is_ok()).count(), 2);
        assert!(page_submissions(n(10), n(10), None).is_none(), "the portal's budget is enough");
        assert!(page_submissions(n(20), n(10), None).is_none(), "an event cannot raise the portal's");
    }

    #[test]
    fn clients_gone_quiet_are_forgotten() {
        let quota = governor::Quota::with_period(std::time::Duration::from_millis(5)).unwrap();
        let limiter = governor::RateLimiter::keyed(quota);
        for i in 0..5000u32 {
            take_turn(&limiter, IpAddr::from(i.to_be_bytes())).unwrap();
        }
        assert_eq!(limiter.len(), 5000);
        std::thread::sleep(std::time::Duration::from_millis(30));
        forget_quiet_clients(&limiter);
        assert_eq!(limiter.len(), 0, "clients whose turns came back are still held");
    }

    #[test]
    fn rotating_inside_one_64_does_not_escape_the_limit() {
        use std::num::NonZeroU32;
        let limiter = governor::RateLimiter::keyed(governor::Quota::per_minute(NonZeroU32::new(3).unwrap()));
        let allowed = (1..=20u16)
            .filter(|i| take_turn(&limiter, IpAddr::from([0x2001, 0xdb8, 0, 1, *i, 0, 0, *i])).is_ok())
            .count();
        assert_eq!(allowed, 3);
    }
}
