//! The client's address behind a reverse proxy.
//!
//! `X-Forwarded-For` is anyone's to write, so it is read only when the connection comes from
//! a proxy configured as trusted (`--trusted-proxy`): then the address is the right-most
//! entry that is not itself a trusted proxy (each proxy appends the address it saw). Without
//! trusted proxies, or from any other peer, the peer address of the connection counts.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// A trusted proxy: one address (`10.0.0.5`, `::1`) or a network in CIDR notation
/// (`10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy {
    net: IpAddr,
    prefix: u8,
}

impl TrustedProxy {
    /// Whether `ip` is this proxy or in this network (IPv4-mapped IPv6 counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.net, ip.to_canonical()) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for TrustedProxy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let net = addr
            .parse::<IpAddr>()
            .map_err(|_| format!("not an IP address or CIDR network: {s:?}"))?
            .to_canonical();
        let max = if net.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("prefix length must be 0–{max}: {s:?}"))?,
        };
        Ok(TrustedProxy { net, prefix })
    }
}

impl fmt::Display for TrustedProxy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.net, self.prefix)
    }
}

/// One `X-Forwarded-For` entry: `203.0.113.7`, `2001:db8::1`, `203.0.113.7:4711` or
/// `[2001:db8::1]:4711`.
fn forwarded_ip(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .map(|ip| ip.to_canonical())
}

/// The client's address: `peer` unless `peer` is a trusted proxy, then the right-most entry
/// of the `X-Forwarded-For` values (in header order) that is not a trusted proxy. An entry
/// that is no address ends the walk at the last trusted hop.
pub fn client_addr<'a>(
    peer: Option<IpAddr>,
    forwarded_for: impl IntoIterator<Item = &'a str>,
    trusted: &[TrustedProxy],
) -> Option<IpAddr> {
    let peer = peer?.to_canonical();
    let is_trusted = |ip: IpAddr| trusted.iter().any(|t| t.contains(ip));
    if !is_trusted(peer) {
        return Some(peer);
    }
    let entries: Vec<&str> = forwarded_for
        .into_iter()
        .flat_map(|v| v.split(','))
        .collect();
    let mut client = peer;
    for entry in entries.iter().rev() {
        let Some(ip) = forwarded_ip(entry) else { break };
        client = ip;
        if !is_trusted(ip) {
            break;
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<TrustedProxy> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    #[test]
    fn parses_addresses_and_networks() {
        let t: TrustedProxy = "10.0.0.0/8".parse().unwrap();
        assert!(t.contains(ip("10.200.3.4")) && !t.contains(ip("11.0.0.1")));
        assert!(t.contains(ip("::ffff:10.1.2.3")), "IPv4-mapped IPv6");
        let one: TrustedProxy = "192.0.2.1".parse().unwrap();
        assert_eq!(one.to_string(), "192.0.2.1/32");
        assert!(one.contains(ip("192.0.2.1")) && !one.contains(ip("192.0.2.2")));
        let v6: TrustedProxy = "fd00::/8".parse().unwrap();
        assert!(v6.contains(ip("fd12::1")) && !v6.contains(ip("fe80::1")));
        let all: TrustedProxy = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("198.51.100.1")) && !all.contains(ip("::1")));
        for bad in ["", "proxy.example", "10.0.0.0/33", "::/129", "10.0.0.1/x"] {
            assert!(bad.parse::<TrustedProxy>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let trusted = nets(&["10.0.0.0/8"]);
        let proxy = Some(ip("10.0.0.2"));
        // From the proxy: the right-most untrusted entry; a spoofed left part is ignored.
        assert_eq!(
            client_addr(proxy, ["6.6.6.6, 203.0.113.7"], &trusted),
            Some(ip("203.0.113.7"))
        );
        assert_eq!(
            client_addr(proxy, ["6.6.6.6", "203.0.113.7, 10.0.0.9"], &trusted),
            Some(ip("203.0.113.7")),
            "several headers, a second trusted hop"
        );
        assert_eq!(
            client_addr(proxy, ["[2001:db8::7]:4711"], &trusted),
            Some(ip("2001:db8::7"))
        );
        assert_eq!(client_addr(proxy, [], &trusted), proxy, "no header");
        assert_eq!(
            client_addr(proxy, ["unknown, 10.0.0.9"], &trusted),
            Some(ip("10.0.0.9")),
            "garbage ends the walk at the last trusted hop"
        );
        // From anyone else, or without trusted proxies: the peer.
        let direct = Some(ip("198.51.100.4"));
        assert_eq!(client_addr(direct, ["203.0.113.7"], &trusted), direct);
        assert_eq!(client_addr(proxy, ["203.0.113.7"], &[]), proxy);
        assert_eq!(client_addr(None, ["203.0.113.7"], &trusted), None);
    }
}
