//! The route-dump decoders compared in `benches/route_dump.rs`: each reads
//! a dump and extracts the same typed fields (destination, gateway, output
//! device, table, priority) of every route, folded into a checksum.

use std::net::Ipv4Addr;

use rtnl_core::net::Address;
use rtnl_core::route::{RouteAttr, RouteMessage, RTM_NEWROUTE};
use rtnl_core::wire::{Messages, NativeEndian};

/// The fields both decoders extract.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Route {
    /// `RTA_DST` (IPv4).
    pub dst: Option<Ipv4Addr>,
    /// `rtm_dst_len`.
    pub dst_len: u8,
    /// `RTA_GATEWAY` (IPv4).
    pub gateway: Option<Ipv4Addr>,
    /// `RTA_OIF`.
    pub oif: u32,
    /// `RTA_TABLE`, else `rtm_table`.
    pub table: u32,
    /// `RTA_PRIORITY`.
    pub priority: u32,
}

/// What a pass found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Routes decoded.
    pub routes: usize,
    /// A checksum over every extracted field.
    pub checksum: u64,
}

impl Summary {
    fn add(&mut self, r: &Route) {
        let ip = |a: Option<Ipv4Addr>| a.map(u32::from).unwrap_or(0) as u64;
        self.routes += 1;
        self.checksum = self
            .checksum
            .wrapping_mul(31)
            .wrapping_add(ip(r.dst) ^ (r.dst_len as u64) << 32)
            .wrapping_add(ip(r.gateway) << 1)
            .wrapping_add((r.oif as u64) << 7 ^ (r.table as u64) << 17 ^ r.priority as u64);
    }
}

/// rtnl-core: zero-copy views, one pass over each message's attributes.
pub fn rtnl_decode(buf: &[u8]) -> Summary {
    let mut s = Summary::default();
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWROUTE {
            continue;
        }
        let Ok(rt) = RouteMessage::parse(&m) else { continue };
        let h = rt.header();
        let mut r = Route { dst_len: h.rtm_dst_len, table: h.rtm_table.into(), ..Default::default() };
        for a in rt.attrs().flatten() {
            match a {
                RouteAttr::Dst(Address::V4(a)) => r.dst = Some(a),
                RouteAttr::Gateway(Address::V4(a)) => r.gateway = Some(a),
                RouteAttr::Oif(i) => r.oif = i,
                RouteAttr::Table(t) => r.table = t,
                RouteAttr::Priority(p) => r.priority = p,
                _ => {}
            }
        }
        s.add(&r);
    }
    s
}

/// The floor: a bare `nlmsghdr` / `rtattr` walker (rtnl-core's wire layer
/// only, no typed layer) reading the same fields by attribute id.
pub fn walker_decode(buf: &[u8]) -> Summary {
    use rtnl_core::route::{RTA_DST, RTA_GATEWAY, RTA_OIF, RTA_PRIORITY, RTA_TABLE};
    let v4 = |p: &[u8]| <[u8; 4]>::try_from(p).ok().map(Ipv4Addr::from);
    let mut s = Summary::default();
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWROUTE || m.payload().len() < 12 {
            continue;
        }
        let p = m.payload();
        let mut r = Route { dst_len: p[1], table: p[4].into(), ..Default::default() };
        for a in m.attrs_after(12).flatten() {
            match a.id() {
                RTA_DST => r.dst = v4(a.payload()),
                RTA_GATEWAY => r.gateway = v4(a.payload()),
                RTA_OIF => r.oif = a.u32().unwrap_or(0),
                RTA_TABLE => r.table = a.u32().unwrap_or(0),
                RTA_PRIORITY => r.priority = a.u32().unwrap_or(0),
                _ => {}
            }
        }
        s.add(&r);
    }
    s
}

/// netlink-packet-route 0.34: `NetlinkMessage::<RouteNetlinkMessage>::deserialize`
/// per message, then the same fields from its attribute `Vec`.
pub fn npr_decode(buf: &[u8]) -> Summary {
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::route::{RouteAddress, RouteAttribute};
    use netlink_packet_route::RouteNetlinkMessage;

    let mut s = Summary::default();
    let mut off = 0;
    while off + 16 <= buf.len() {
        let len = u32::from_ne_bytes([buf[off], buf[off + 1], buf[off + 2], buf[off + 3]]) as usize;
        if len < 16 || off + len > buf.len() {
            break;
        }
        if let Ok(msg) = NetlinkMessage::<RouteNetlinkMessage>::deserialize(&buf[off..off + len]) {
            if let NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewRoute(rt)) = msg.payload {
                let mut r = Route {
                    dst_len: rt.header.destination_prefix_length,
                    table: rt.header.table.into(),
                    ..Default::default()
                };
                for a in &rt.attributes {
                    match a {
                        RouteAttribute::Destination(RouteAddress::Inet(a)) => r.dst = Some(*a),
                        RouteAttribute::Gateway(RouteAddress::Inet(a)) => r.gateway = Some(*a),
                        RouteAttribute::Oif(i) => r.oif = *i,
                        RouteAttribute::Table(t) => r.table = *t,
                        RouteAttribute::Priority(p) => r.priority = *p,
                        _ => {}
                    }
                }
                s.add(&r);
            }
        }
        off += (len + 3) & !3;
    }
    s
}
