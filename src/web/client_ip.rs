//! The address of the visitor's machine, for rate limiting: the peer
//! address, or, when the peer is a configured reverse proxy, the nearest
//! address in `X-Forwarded-For` that is not one (anything further left
//! could be written by the client itself).

use std::net::IpAddr;

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use governor::DefaultKeyedRateLimiter;
use governor::clock::{Clock, DefaultClock};

use super::AppState;
use super::errors::PageError;
use crate::config::TrustedProxies;

#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// Takes one of this client's turns at `limiter`, or says how long to
    /// wait for the next.
    pub fn take_turn(&self, limiter: &DefaultKeyedRateLimiter<IpAddr>) -> Result<(), PageError> {
        limiter.check_key(&limit_key(self.0)).map_err(|wait| PageError::RateLimited {
            retry_after_secs: wait.wait_time_from(DefaultClock::default().now()).as_secs() + 1,
        })
    }
}

impl FromRequest for ClientIp {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let empty = TrustedProxies::default();
        let state = req.app_data::<web::Data<AppState>>();
        let trusted = state.map_or(&empty, |s| &s.trusted_proxies);
        let peer = req.peer_addr().map(|a| a.ip()).unwrap_or(IpAddr::from([0, 0, 0, 0]));
        let forwarded = req.headers().get_all("x-forwarded-for").filter_map(|v| v.to_str().ok());
        std::future::ready(Ok(ClientIp(client_ip(peer, forwarded, trusted))))
    }
}

/// Forgets the clients whose turns have all come back (as good as never
/// seen), and gives the memory back.
pub fn forget_quiet_clients(limiter: &DefaultKeyedRateLimiter<IpAddr>) {
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

/// One hop of `X-Forwarded-For`: an address, maybe with a port
/// (`203.0.113.9:41234`, `[2001:db8::1]:41234`), as some proxies write it.
fn hop_address(hop: &str) -> Option<IpAddr> {
    hop.parse().ok().or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|a| a.ip()))
}

fn client_ip<'a>(peer: IpAddr, forwarded_for: impl Iterator<Item = &'a str>, trusted: &TrustedProxies) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for.flat_map(|v| v.split(',')).map(str::trim).collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop_address(hop) {
            Some(ip) if trusted.contains(ip) => client = ip,
            Some(ip) => return ip,
            // Garbage where an address should be: stop at the last proxy.
            None => return client,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn proxies(list: &str) -> TrustedProxies {
        list.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        assert_eq!(client_ip(ip("203.0.113.9"), ["198.51.100.1"].into_iter(), &proxies("10.0.0.1")), ip("203.0.113.9"));
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_hop_is_the_client() {
        let trusted = proxies("10.0.0.1, 10.0.0.2");
        let chain = ["1.2.3.4, 198.51.100.7", "10.0.0.2"];
        assert_eq!(client_ip(ip("10.0.0.1"), chain.into_iter(), &trusted), ip("198.51.100.7"));
        assert_eq!(client_ip(ip("10.0.0.1"), std::iter::empty(), &trusted), ip("10.0.0.1"));
        assert_eq!(client_ip(ip("10.0.0.1"), ["not-an-ip"].into_iter(), &trusted), ip("10.0.0.1"));
    }

    #[test]
    fn a_proxy_range_is_trusted_as_a_whole() {
        let trusted = proxies("10.0.0.0/8");
        let chain = ["198.51.100.7, 10.20.30.40"];
        assert_eq!(client_ip(ip("10.1.2.3"), chain.into_iter(), &trusted), ip("198.51.100.7"));
        assert_eq!(client_ip(ip("::ffff:10.1.2.3"), chain.into_iter(), &trusted), ip("198.51.100.7"));
        assert_eq!(client_ip(ip("11.1.2.3"), chain.into_iter(), &trusted), ip("11.1.2.3"));
    }

    #[test]
    fn forwarded_addresses_with_a_port_are_their_address() {
        let trusted = proxies("10.0.0.1");
        assert_eq!(client_ip(ip("10.0.0.1"), ["198.51.100.7:41234"].into_iter(), &trusted), ip("198.51.100.7"));
        assert_eq!(client_ip(ip("10.0.0.1"), ["[2001:db8::7]:41234"].into_iter(), &trusted), ip("2001:db8::7"));
    }

    #[test]
    fn an_ipv6_64_is_one_client_and_mapped_ipv4_is_ipv4() {
        assert_eq!(limit_key(ip("2001:db8:1:2:aaaa::1")), limit_key(ip("2001:db8:1:2:bbbb::9")));
        assert_ne!(limit_key(ip("2001:db8:1:2::1")), limit_key(ip("2001:db8:1:3::1")));
        assert_eq!(limit_key(ip("::ffff:198.51.100.7")), ip("198.51.100.7"));
        assert_eq!(limit_key(ip("198.51.100.7")), ip("198.51.100.7"));
    }

    #[test]
    fn clients_gone_quiet_are_forgotten() {
        let quota = governor::Quota::with_period(std::time::Duration::from_millis(5)).unwrap();
        let limiter = governor::RateLimiter::keyed(quota);
        for i in 0..5000u32 {
            ClientIp(IpAddr::from(i.to_be_bytes())).take_turn(&limiter).unwrap();
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
            .filter(|i| ClientIp(IpAddr::from([0x2001, 0xdb8, 0, 1, *i, 0, 0, *i])).take_turn(&limiter).is_ok())
            .count();
        assert_eq!(allowed, 3);
    }
}
