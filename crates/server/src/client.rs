//! Who the client is, and how many connections it holds.
//!
//! The client's address is the TCP peer's, except when the peer is a trusted proxy
//! ([`crate::Config::trusted_proxies`], set by `nps serve --behind-proxy`): then it is
//! the rightmost address of `X-Forwarded-For` that is not itself a trusted proxy
//! ([`client_addr`]). Every proxy appends the address it received the request from,
//! so the hops to the right of the first untrusted one were written by proxies we
//! trust, and anything further left was written by the client and may be forged.
//!
//! [`ClientSlots`] caps the connections of one client address
//! ([`crate::Config::max_connections_per_ip`]): a direct peer's TCP connections, or,
//! for clients behind a trusted proxy (which all share the proxy's connections), their
//! requests in progress and open WebSockets.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The client's address (see the module docs), in every request's extensions when
/// served by [`crate::serve`]. The per-client limits key on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ClientAddr(pub IpAddr);

/// Whether `ip` is in one of the `trusted` networks. An IPv4-mapped IPv6 peer
/// (`::ffff:127.0.0.1`, a dual-stack listener) counts as its IPv4 address.
pub fn is_trusted(ip: IpAddr, trusted: &[IpNet]) -> bool {
    let ip = ip.to_canonical();
    trusted.iter().any(|net| net.contains(&ip))
}

/// The client address of a request from `peer` with these headers, by the rule of
/// the module docs. A peer that is not a trusted proxy is the client, whatever the
/// headers say. Through a trusted proxy: the rightmost `X-Forwarded-For` entry that is
/// not trusted; when an entry cannot be read, the nearest trusted hop before it (we
/// cannot know who is behind it); when every entry is trusted, the leftmost.
pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = peer.to_canonical();
    if !is_trusted(peer, trusted) {
        return peer;
    }
    // Several X-Forwarded-For lines form one list, in order.
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|v| v.to_str().unwrap_or("?").split(','))
        .map(str::trim)
        .collect();
    let mut nearest = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            return nearest;
        };
        if !is_trusted(ip, trusted) {
            return ip;
        }
        nearest = ip;
    }
    nearest
}

/// One `X-Forwarded-For` entry: an IP address, possibly with a port (`1.2.3.4:80`,
/// `[::1]:80`), as some proxies write it.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    hop.parse::<std::net::SocketAddr>()
        .ok()
        .map(|a| a.ip().to_canonical())
}

/// Open connections per client address, at most `max` each. Cheap to clone (shared).
#[derive(Clone, Debug)]
pub struct ClientSlots {
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
    max: usize,
}

/// One connection of a client; dropping it frees the slot.
#[derive(Debug)]
pub struct ClientSlot {
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
    ip: IpAddr,
}

impl ClientSlots {
    pub fn new(max: usize) -> Self {
        Self {
            open: Arc::default(),
            max,
        }
    }

    /// A slot for `ip`, or `None` when it already holds `max`.
    pub fn try_acquire(&self, ip: IpAddr) -> Option<ClientSlot> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let n = open.entry(ip).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(ClientSlot {
            open: Arc::clone(&self.open),
            ip,
        })
    }

    /// Slots `ip` holds now.
    pub fn open(&self, ip: IpAddr) -> usize {
        let open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        open.get(&ip).copied().unwrap_or(0)
    }
}

impl Drop for ClientSlot {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                // No entry outlives its last connection: the map is bounded by the
                // connections open, not by every address ever seen.
                open.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().expect("net")).collect()
    }

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().expect("header value"));
        }
        h
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let trusted = nets(&["127.0.0.0/8"]);
        assert_eq!(
            client_addr(ip("203.0.113.9"), &xff(&["198.51.100.1"]), &trusted),
            ip("203.0.113.9")
        );
        // Nothing trusted (no --behind-proxy): the header is never read.
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff(&["198.51.100.1"]), &[]),
            ip("127.0.0.1")
        );
    }

    #[test]
    fn through_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        let trusted = nets(&["127.0.0.0/8", "10.0.0.0/8"]);
        // The client forged the first entry; the proxy chain appended the rest.
        let h = xff(&["6.6.6.6, 198.51.100.7", "10.1.2.3"]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &h, &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff(&["198.51.100.7:5123"]), &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff(&["[2001:db8::1]:443"]), &trusted),
            ip("2001:db8::1")
        );
    }

    #[test]
    fn unreadable_or_missing_headers_stop_at_the_nearest_trusted_hop() {
        let trusted = nets(&["127.0.0.0/8", "10.0.0.0/8"]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &HeaderMap::new(), &trusted),
            ip("127.0.0.1")
        );
        assert_eq!(
            client_addr(
                ip("127.0.0.1"),
                &xff(&["198.51.100.7, junk, 10.0.0.5"]),
                &trusted
            ),
            ip("10.0.0.5")
        );
        // All trusted: the leftmost (the first proxy saw the request from there).
        assert_eq!(
            client_addr(ip("127.0.0.1"), &xff(&["10.0.0.9, 10.0.0.5"]), &trusted),
            ip("10.0.0.9")
        );
    }

    #[test]
    fn ipv4_mapped_peers_count_as_ipv4() {
        let trusted = nets(&["127.0.0.0/8"]);
        assert!(is_trusted(ip("::ffff:127.0.0.1"), &trusted));
        assert_eq!(
            client_addr(ip("::ffff:127.0.0.1"), &xff(&["198.51.100.7"]), &trusted),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn slots_are_capped_per_address_and_freed_on_drop() {
        let slots = ClientSlots::new(2);
        let a = ip("192.0.2.1");
        let first = slots.try_acquire(a).expect("first");
        let second = slots.try_acquire(a).expect("second");
        assert!(
            slots.try_acquire(a).is_none(),
            "a third slot for one address"
        );
        assert!(
            slots.try_acquire(ip("192.0.2.2")).is_some(),
            "another address"
        );
        assert_eq!(slots.open(a), 2);
        drop(first);
        assert_eq!(slots.open(a), 1);
        assert!(slots.try_acquire(a).is_some());
        drop(second);
        assert_eq!(slots.open(a), 0);
        assert!(slots.open.lock().expect("lock").is_empty());
    }
}
