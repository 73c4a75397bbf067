//! The address of the visitor's machine, for rate limiting: the peer
//! address, or, when the peer is a configured reverse proxy, the nearest
//! address in `X-Forwarded-For` that is not one (anything further left
//! could be written by the client itself).

use std::net::IpAddr;

use crate::config::TrustedProxies;
use crate::web::errors::PageError;
use crate::web::limits::{self, Limiter};
use crate::web::state::AppState;
use actix_web::{FromRequest, HttpRequest, dev::Payload, web};

#[derive(Debug, Clone, Copy)]
pub struct ClientIp(pub IpAddr);

impl ClientIp {
    /// Takes one of this client's turns at `limiter`, or says how long to
    /// wait for the next.
    pub fn take_turn(&self, limiter: &Limiter) -> Result<(), PageError> {
        limits::take_turn(limiter, self.0)
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
}
