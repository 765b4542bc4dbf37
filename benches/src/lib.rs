//! The decoders compared in `benches/`: each reads a dump buffer and
//! extracts the same typed fields of every object (routes, links, addresses,
//! neighbours), folded into a checksum, so that the two sides can be checked
//! against each other.

use std::alloc::{GlobalAlloc, Layout, System};
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicUsize, Ordering};

use rtnl_core::net::Address;
use rtnl_core::route::{RouteAttr, RouteMessage, RTM_NEWROUTE};
use rtnl_core::wire::{Attrs, Messages, NativeEndian};

/// An allocator that counts allocations (and reallocations), for the
/// benches to report allocations per message: install it with
/// `#[global_allocator] static GLOBAL: CountingAlloc = CountingAlloc;`.
pub struct CountingAlloc;

/// Allocations made through [`CountingAlloc`] so far.
pub static ALLOCS: AtomicUsize = AtomicUsize::new(0);

/// The allocations `f` makes.
pub fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCS.load(Ordering::Relaxed);
    let r = f();
    (r, ALLOCS.load(Ordering::Relaxed) - before)
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counter is an atomic updated on the side.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc`, passed on.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: `p` came from `alloc` / `realloc` above, that is from System.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as for `dealloc`, and the caller's contract for `realloc`.
        unsafe { System.realloc(p, l, n) }
    }
}

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
    use netlink_packet_route::route::{RouteAddress, RouteAttribute};
    use netlink_packet_route::RouteNetlinkMessage;

    let mut s = Summary::default();
    npr_each(buf, |m| {
        let RouteNetlinkMessage::NewRoute(rt) = m else { return };
        let mut r =
            Route { dst_len: rt.header.destination_prefix_length, table: rt.header.table.into(), ..Default::default() };
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
    });
    s
}

/// What a pass over a link dump found: links, attributes visited, and a
/// checksum of the fields both decoders read (index, MTU, received packets
/// from `IFLA_STATS64`, name length).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LinkSummary {
    /// Links decoded.
    pub links: usize,
    /// A checksum over the fields both read.
    pub checksum: u64,
}

impl LinkSummary {
    fn add(&mut self, index: u32, mtu: u32, rx_packets: u64, name_len: usize) {
        self.links += 1;
        self.checksum = self
            .checksum
            .wrapping_mul(31)
            .wrapping_add(u64::from(index) << 40 ^ u64::from(mtu) << 8 ^ rx_packets ^ name_len as u64);
    }
}

/// Counts what a visit describes (so that every value is decoded).
struct CountValues(usize);

impl rtnl_core::wire::visit::Visitor for CountValues {
    fn value(&mut self, _: rtnl_core::wire::visit::Value<'_>) {
        self.0 += 1;
    }
    fn begin_object(&mut self) {}
    fn key(&mut self, _: &str) {}
    fn end_object(&mut self) {}
    fn begin_array(&mut self) {}
    fn end_array(&mut self) {}
}

/// rtnl-core over a link dump: every message decoded into its typed view
/// and visited whole (every attribute at every depth: kinds, statistics,
/// the per-family configuration and statistics arrays), with the summary's
/// fields read from the typed attributes. Returns the values visited too.
pub fn rtnl_link_decode(buf: &[u8]) -> (LinkSummary, usize) {
    use rtnl_core::link::{LinkAttr, RTM_NEWLINK};
    use rtnl_core::message::{Message, RtnlMessage};
    use rtnl_core::wire::visit::Visit;
    let mut s = LinkSummary::default();
    let mut visited = CountValues(0);
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWLINK {
            continue;
        }
        let msg = Message::decode(m);
        let RtnlMessage::Link(l) = msg.body() else { continue };
        let (mut mtu, mut rx, mut name) = (0, 0, 0);
        for a in l.attrs().flatten() {
            match a {
                LinkAttr::Mtu(v) => mtu = v,
                LinkAttr::Ifname(n) => name = n.len(),
                LinkAttr::Stats64(st) => rx = st.get().rx_packets.get(),
                _ => {}
            }
        }
        msg.visit(&mut visited);
        s.add(l.header().ifi_index.get() as u32, mtu, rx, name);
    }
    (s, visited.0)
}

/// netlink-packet-route 0.34: `NetlinkMessage::<RouteNetlinkMessage>::deserialize`
/// per message (which decodes every attribute into owned values), then the
/// same fields from its attribute `Vec`.
pub fn npr_link_decode(buf: &[u8]) -> LinkSummary {
    use netlink_packet_route::link::LinkAttribute;
    use netlink_packet_route::RouteNetlinkMessage;

    let mut s = LinkSummary::default();
    npr_each(buf, |m| {
        let RouteNetlinkMessage::NewLink(l) = m else { return };
        let (mut mtu, mut rx, mut name) = (0, 0, 0);
        for a in &l.attributes {
            match a {
                LinkAttribute::Mtu(v) => mtu = *v,
                LinkAttribute::IfName(n) => name = n.len(),
                LinkAttribute::Stats64(st) => rx = st.rx_packets,
                _ => {}
            }
        }
        s.add(l.header.index, mtu, rx, name);
    });
    s
}

/// rtnl-core over a link dump, walking the typed values themselves: every
/// attribute of every message decoded to its typed variant, nests entered
/// (link info and the kind's options, properties, per-family data), the
/// statistics structs read, every element of the configuration and
/// statistics arrays summed. Returns the summary and the elements summed.
pub fn rtnl_link_walk(buf: &[u8]) -> (LinkSummary, u64) {
    use rtnl_core::link::{AfSpec, AfSpecAttr, Inet6Attr, InetAttr, LinkAttr, LinkInfoAttr, LinkMessage, RTM_NEWLINK};
    let mut s = LinkSummary::default();
    let mut sum = 0u64;
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWLINK {
            continue;
        }
        let Ok(l) = LinkMessage::parse(&m) else { continue };
        let (mut mtu, mut rx, mut name) = (0, 0, 0);
        for a in l.attrs().flatten() {
            match a {
                LinkAttr::Mtu(v) => mtu = v,
                LinkAttr::Ifname(n) => name = n.len(),
                LinkAttr::Stats64(st) => {
                    let st = st.get();
                    rx = st.rx_packets.get();
                    sum = sum.wrapping_add(st.tx_bytes.get() ^ st.rx_bytes.get());
                }
                LinkAttr::Stats(st) => sum = sum.wrapping_add(u64::from(st.get().rx_packets.get())),
                LinkAttr::Map(mp) => sum = sum.wrapping_add(mp.get().mem_start.get()),
                LinkAttr::Linkinfo(n) => {
                    for i in n.iter().flatten() {
                        if let LinkInfoAttr::Kind(k) = i {
                            sum = sum.wrapping_add(k.len() as u64);
                        }
                    }
                }
                LinkAttr::AfSpec(AfSpec::Unspec(n)) => {
                    for f in n.iter().flatten() {
                        match f {
                            AfSpecAttr::Inet(n) => {
                                for x in n.iter().flatten() {
                                    if let InetAttr::Conf(c) = x {
                                        sum = c.iter().fold(sum, |s, v| s.wrapping_add(v.into()));
                                    }
                                }
                            }
                            AfSpecAttr::Inet6(n) => {
                                for x in n.iter().flatten() {
                                    match x {
                                        Inet6Attr::Conf(c) => sum = c.iter().fold(sum, |s, v| s.wrapping_add(v.into())),
                                        Inet6Attr::Stats(c) => sum = c.iter().fold(sum, u64::wrapping_add),
                                        Inet6Attr::Icmp6stats(c) => sum = c.iter().fold(sum, u64::wrapping_add),
                                        Inet6Attr::Cacheinfo(ci) => {
                                            sum = sum.wrapping_add(ci.reachable_time.get().into())
                                        }
                                        _ => {}
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        s.add(l.header().ifi_index.get() as u32, mtu, rx, name);
    }
    (s, sum)
}

/// Each netlink-packet-route message of a dump buffer, deserialized whole
/// (`NetlinkMessage::<RouteNetlinkMessage>::deserialize`, which decodes every
/// attribute into owned values); messages it refuses are skipped.
fn npr_each(buf: &[u8], mut f: impl FnMut(netlink_packet_route::RouteNetlinkMessage)) {
    use netlink_packet_core::{NetlinkMessage, NetlinkPayload};
    use netlink_packet_route::RouteNetlinkMessage;
    let mut off = 0;
    while off + 16 <= buf.len() {
        let len = u32::from_ne_bytes([buf[off], buf[off + 1], buf[off + 2], buf[off + 3]]) as usize;
        if len < 16 || off + len > buf.len() {
            break;
        }
        if let Ok(msg) = NetlinkMessage::<RouteNetlinkMessage>::deserialize(&buf[off..off + len]) {
            if let NetlinkPayload::InnerMessage(m) = msg.payload {
                f(m);
            }
        }
        off += (len + 3) & !3;
    }
}

/// What a pass over an address or neighbour dump found: the objects
/// decoded and a checksum of the fields both decoders read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct L3Summary {
    /// Addresses or neighbours decoded.
    pub objects: usize,
    /// A checksum over the fields both read.
    pub checksum: u64,
}

impl L3Summary {
    fn add(&mut self, v: u64) {
        self.objects += 1;
        self.checksum = self.checksum.wrapping_mul(31).wrapping_add(v);
    }
}

/// Folds address or link-layer bytes into a checksum word, eight at a time
/// (the checksum is there to keep both decoders honest, and should cost
/// little beside them).
#[inline]
fn fold(sum: u64, bytes: &[u8]) -> u64 {
    let mut words = bytes.chunks_exact(8);
    let sum = words.by_ref().fold(sum, |s, c| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        s.rotate_left(5) ^ u64::from_le_bytes(w)
    });
    words.remainder().iter().fold(sum, |s, &b| s.rotate_left(3) ^ u64::from(b))
}

fn fold_ip(sum: u64, a: &std::net::IpAddr) -> u64 {
    match a {
        std::net::IpAddr::V4(a) => fold(sum, &a.octets()),
        std::net::IpAddr::V6(a) => fold(sum, &a.octets()),
    }
}

fn fold_addr(sum: u64, a: &Address<'_>) -> u64 {
    match a {
        Address::V4(a) => fold(sum, &a.octets()),
        Address::V6(a) => fold(sum, &a.octets()),
        Address::Mpls(l) => fold(sum, l.0),
        Address::Other(b) => fold(sum, b),
    }
}

/// rtnl-core over an address dump: every attribute of every `RTM_NEWADDR`
/// decoded to its typed variant; read are the header (family, prefix
/// length, index), the address and local address, the label, the lifetimes
/// and the 32-bit flags.
pub fn rtnl_addr_decode(buf: &[u8]) -> L3Summary {
    use rtnl_core::addr::{AddrAttr, AddrMessage, RTM_NEWADDR};
    let mut s = L3Summary::default();
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWADDR {
            continue;
        }
        let Ok(a) = AddrMessage::parse(&m) else { continue };
        let h = a.header();
        let mut v = u64::from(h.ifa_family) << 56 ^ u64::from(h.ifa_prefixlen) << 48 ^ u64::from(h.ifa_index.get());
        for x in a.attrs().flatten() {
            match x {
                AddrAttr::Address(ad) => v = fold_addr(v, &ad),
                AddrAttr::Local(ad) => v = fold_addr(v.rotate_left(7), &ad),
                AddrAttr::Label(l) => v ^= (l.len() as u64) << 20,
                AddrAttr::CacheInfo(c) => {
                    v ^= u64::from(c.ifa_valid.get()) ^ u64::from(c.ifa_prefered.get()) << 3;
                }
                AddrAttr::Flags(f) => v ^= u64::from(f) << 24,
                _ => {}
            }
        }
        s.add(v);
    }
    s
}

/// netlink-packet-route 0.34 over an address dump: each message
/// deserialized, then the same fields as [`rtnl_addr_decode`] from its
/// attribute `Vec`.
pub fn npr_addr_decode(buf: &[u8]) -> L3Summary {
    use netlink_packet_route::address::AddressAttribute;
    use netlink_packet_route::RouteNetlinkMessage;
    let mut s = L3Summary::default();
    npr_each(buf, |m| {
        let RouteNetlinkMessage::NewAddress(a) = m else { return };
        let h = &a.header;
        let mut v = u64::from(u8::from(h.family)) << 56 ^ u64::from(h.prefix_len) << 48 ^ u64::from(h.index);
        for x in &a.attributes {
            match x {
                AddressAttribute::Address(ad) => v = fold_ip(v, ad),
                AddressAttribute::Local(ad) => v = fold_ip(v.rotate_left(7), ad),
                AddressAttribute::Label(l) => v ^= (l.len() as u64) << 20,
                AddressAttribute::CacheInfo(c) => v ^= u64::from(c.ifa_valid) ^ u64::from(c.ifa_preferred) << 3,
                AddressAttribute::Flags(f) => v ^= u64::from(f.bits()) << 24,
                _ => {}
            }
        }
        s.add(v);
    });
    s
}

/// rtnl-core over a neighbour dump: every attribute of every
/// `RTM_NEWNEIGH` decoded to its typed variant; read are the header
/// (family, interface, state), the destination, the link-layer address, the
/// cache information and the probes.
pub fn rtnl_neigh_decode(buf: &[u8]) -> L3Summary {
    use rtnl_core::neigh::{NeighAttr, NeighMessage, RTM_NEWNEIGH};
    let mut s = L3Summary::default();
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWNEIGH {
            continue;
        }
        let Ok(n) = NeighMessage::parse(&m) else { continue };
        let h = n.header();
        let mut v = u64::from(h.ndm_family) << 56 ^ u64::from(h.ndm_state.get()) << 40 ^ h.ndm_ifindex.get() as u64;
        for x in n.attrs().flatten() {
            match x {
                NeighAttr::Dst(d) => v = fold_addr(v, &d.0),
                NeighAttr::Lladdr(l) => v = fold(v.rotate_left(7), l.0),
                NeighAttr::CacheInfo(c) => {
                    v ^= u64::from(c.ndm_confirmed.get())
                        ^ u64::from(c.ndm_used.get()) << 3
                        ^ u64::from(c.ndm_updated.get()) << 6
                        ^ u64::from(c.ndm_refcnt.get()) << 9;
                }
                NeighAttr::Probes(p) => v ^= u64::from(p) << 30,
                _ => {}
            }
        }
        s.add(v);
    }
    s
}

/// netlink-packet-route 0.34 over a neighbour dump: each message
/// deserialized, then the same fields as [`rtnl_neigh_decode`] from its
/// attribute `Vec`.
pub fn npr_neigh_decode(buf: &[u8]) -> L3Summary {
    use netlink_packet_route::neighbour::{NeighbourAddress, NeighbourAttribute};
    use netlink_packet_route::RouteNetlinkMessage;
    let mut s = L3Summary::default();
    npr_each(buf, |m| {
        let RouteNetlinkMessage::NewNeighbour(n) = m else { return };
        let h = &n.header;
        let mut v = u64::from(u8::from(h.family)) << 56 ^ u64::from(u16::from(h.state)) << 40 ^ u64::from(h.ifindex);
        for x in &n.attributes {
            match x {
                NeighbourAttribute::Destination(d) => match d {
                    NeighbourAddress::Inet(a) => v = fold(v, &a.octets()),
                    NeighbourAddress::Inet6(a) => v = fold(v, &a.octets()),
                    NeighbourAddress::Other(b) => v = fold(v, b),
                    _ => {}
                },
                NeighbourAttribute::LinkLayerAddress(l) => v = fold(v.rotate_left(7), l),
                NeighbourAttribute::CacheInfo(c) => {
                    v ^= u64::from(c.confirmed)
                        ^ u64::from(c.used) << 3
                        ^ u64::from(c.updated) << 6
                        ^ u64::from(c.refcnt) << 9;
                }
                NeighbourAttribute::Probes(p) => v ^= u64::from(*p) << 30,
                _ => {}
            }
        }
        s.add(v);
    });
    s
}

/// rtnl-core over a qdisc or class dump: each message's header, kind and
/// statistics (`TCA_STATS`, and `TCA_STATS2`'s basic and queue counters;
/// netlink-packet-route keeps the rate estimator raw) read typed.
pub fn rtnl_tc_decode(buf: &[u8]) -> L3Summary {
    rtnl_tc_fold(buf, false)
}

/// [`rtnl_tc_decode`] as a statistics poller writes it: the attributes
/// walked raw and only the kind and statistics decoded typed (the options
/// and extended statistics, which select their payload by the kind, are
/// not decoded).
pub fn rtnl_tc_stats_only(buf: &[u8]) -> L3Summary {
    rtnl_tc_fold(buf, true)
}

/// Each qdisc and class message of `buf`, parsed, with its header folded
/// into `v`; `f` folds the rest (false: the message is not counted).
#[inline(always)]
fn rtnl_tc_each(
    buf: &[u8],
    mut f: impl FnMut(&rtnl_core::tc::TcMessage<'_, NativeEndian>, &mut u64) -> bool,
) -> L3Summary {
    use rtnl_core::tc::{TcMessage, RTM_NEWQDISC, RTM_NEWTCLASS};
    let mut s = L3Summary::default();
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWQDISC && m.ty() != RTM_NEWTCLASS {
            continue;
        }
        let Ok(t) = TcMessage::parse(&m) else { continue };
        let h = t.header();
        let mut v = u64::from(h.tcm_ifindex.get() as u32) << 40
            ^ u64::from(h.tcm_handle.get()) << 8
            ^ u64::from(h.tcm_parent.get()).rotate_left(24);
        if f(&t, &mut v) {
            s.add(v);
        }
    }
    s
}

#[inline(always)]
fn rtnl_tc_fold(buf: &[u8], lazy: bool) -> L3Summary {
    use rtnl_core::tc::stats::StatsAttr;
    use rtnl_core::tc::TcAttr;
    rtnl_tc_each(buf, |t, v| {
        let typed = t.attrs();
        let ctx = typed.ctx();
        let raw = typed.raw().flatten().filter(|a| !lazy || matches!(a.id(), 1 | 3 | 7));
        for x in raw.map(|a| <TcAttr<'_, NativeEndian> as rtnl_core::typed::AttrSet<'_, NativeEndian>>::decode(a, &ctx))
        {
            match x {
                TcAttr::Kind(k) => fold_kind(v, k),
                TcAttr::Stats(st) => fold_stats(v, &st.get()),
                TcAttr::Stats2(n) => {
                    for y in n.iter().flatten() {
                        match y {
                            StatsAttr::Basic(b) => fold_basic(v, &b.get()),
                            StatsAttr::Queue(q) => fold_queue(v, &q),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        true
    })
}

type N = NativeEndian;

// the fields every traffic-control decoder folds, as every side reads them
#[inline(always)]
fn fold_kind(v: &mut u64, k: &str) {
    *v ^= (k.len() as u64) << 60 ^ u64::from(k.as_bytes()[0]);
}
#[inline(always)]
fn fold_stats(v: &mut u64, st: &rtnl_core::tc::stats::TcStats<N>) {
    *v = v.wrapping_add(st.bytes.get() ^ u64::from(st.packets.get()) << 7 ^ u64::from(st.drops.get()));
}
#[inline(always)]
fn fold_basic(v: &mut u64, b: &rtnl_core::tc::stats::GnetStatsBasic<N>) {
    *v = v.wrapping_add(b.bytes.get() ^ u64::from(b.packets.get()) << 9);
}
#[inline(always)]
fn fold_queue(v: &mut u64, q: &rtnl_core::tc::stats::GnetStatsQueue<N>) {
    *v = v.wrapping_add(
        u64::from(q.qlen.get())
            ^ u64::from(q.backlog.get()) << 11
            ^ u64::from(q.drops.get()) << 22
            ^ u64::from(q.requeues.get()) << 33
            ^ u64::from(q.overlimits.get()) << 44,
    );
}

/// rtnl-core's one-pass statistics view ([`rtnl_core::tc::TcMessage::statistics`])
/// over a qdisc or class dump: the same fields as [`rtnl_tc_decode`], every
/// other statistic read too (rate estimators, `TCA_STATS_PKT64`), and the
/// extended statistics (`TCA_XSTATS`; `TCA_STATS_APP` holds the same bytes)
/// typed by the kind (an htb class's) and handed to `black_box`, so that
/// none of it can be skipped.
pub fn rtnl_tc_poll(buf: &[u8]) -> L3Summary {
    rtnl_tc_each(buf, |t, v| {
        let Ok(st) = t.statistics() else { return false };
        if let Some(k) = st.kind() {
            fold_kind(v, k);
        }
        if let Some(x) = st.stats() {
            fold_stats(v, &x.get());
        }
        if let Some(b) = st.basic() {
            fold_basic(v, &b.get());
        }
        if let Some(q) = st.queue() {
            fold_queue(v, &q);
        }
        std::hint::black_box((st.rate_est(), st.rate_est64(), st.pkt64(), st.basic_hw().map(|b| b.get())));
        // the kernel sends a kind's extended statistics twice, as
        // TCA_XSTATS and as TCA_STATS_APP: one is read
        if let Some(x) = st.xstats() {
            std::hint::black_box(&x);
        }
        true
    })
}

/// The floor for the traffic-control group: a bare `nlmsghdr` / `rtattr`
/// walker (rtnl-core's wire layer only, no typed layer, no UTF-8 check of
/// the kind, structs read without their size checked) folding the same
/// fields as [`rtnl_tc_decode`]. No checked decoder can be cheaper.
pub fn walker_tc_decode(buf: &[u8]) -> L3Summary {
    use rtnl_core::tc::stats::{GnetStatsBasic, GnetStatsQueue, TcStats, TCA_STATS_BASIC, TCA_STATS_QUEUE};
    use rtnl_core::tc::{TcMsg, RTM_NEWQDISC, RTM_NEWTCLASS, TCA_KIND, TCA_STATS, TCA_STATS2};
    use zerocopy::FromBytes;
    let mut s = L3Summary::default();
    for m in Messages::<NativeEndian>::new(buf) {
        let Ok(m) = m else { break };
        if m.ty() != RTM_NEWQDISC && m.ty() != RTM_NEWTCLASS {
            continue;
        }
        let Ok((h, _)) = TcMsg::<N>::read_from_prefix(m.payload()) else { continue };
        let mut v = u64::from(h.tcm_ifindex.get() as u32) << 40
            ^ u64::from(h.tcm_handle.get()) << 8
            ^ u64::from(h.tcm_parent.get()).rotate_left(24);
        for a in m.attrs_after(core::mem::size_of::<TcMsg<N>>()).flatten() {
            match a.id() {
                TCA_KIND => {
                    let k = a.payload();
                    v ^= (k.len().saturating_sub(1) as u64) << 60 ^ u64::from(k.first().copied().unwrap_or(0));
                }
                TCA_STATS => {
                    if let Ok((st, _)) = TcStats::<N>::read_from_prefix(a.payload()) {
                        fold_stats(&mut v, &st);
                    }
                }
                TCA_STATS2 => {
                    for b in Attrs::<NativeEndian>::new(a.payload()).flatten() {
                        match b.id() {
                            TCA_STATS_BASIC => {
                                if let Ok((x, _)) = GnetStatsBasic::<N>::read_from_prefix(b.payload()) {
                                    fold_basic(&mut v, &x);
                                }
                            }
                            TCA_STATS_QUEUE => {
                                if let Ok((q, _)) = GnetStatsQueue::<N>::read_from_prefix(b.payload()) {
                                    fold_queue(&mut v, &q);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        s.add(v);
    }
    s
}

/// netlink-packet-route 0.34 over a qdisc or class dump: each message
/// deserialized, then the same fields as [`rtnl_tc_decode`] from its
/// attribute `Vec`.
pub fn npr_tc_decode(buf: &[u8]) -> L3Summary {
    use netlink_packet_route::tc::{TcAttribute, TcStats2};
    use netlink_packet_route::RouteNetlinkMessage;
    let mut s = L3Summary::default();
    npr_each(buf, |m| {
        let (RouteNetlinkMessage::NewQueueDiscipline(t) | RouteNetlinkMessage::NewTrafficClass(t)) = m else {
            return;
        };
        let h = &t.header;
        let handle = u32::from(h.handle.major) << 16 | u32::from(h.handle.minor);
        let parent = u32::from(h.parent.major) << 16 | u32::from(h.parent.minor);
        let mut v = u64::from(h.index as u32) << 40 ^ u64::from(handle) << 8 ^ u64::from(parent).rotate_left(24);
        for x in &t.attributes {
            match x {
                TcAttribute::Kind(k) => v ^= (k.len() as u64) << 60 ^ u64::from(k.as_bytes()[0]),
                TcAttribute::Stats(st) => {
                    v = v.wrapping_add(st.bytes ^ u64::from(st.packets) << 7 ^ u64::from(st.drops));
                }
                TcAttribute::Stats2(list) => {
                    for y in list {
                        match y {
                            TcStats2::Basic(b) => v = v.wrapping_add(b.bytes ^ u64::from(b.packets) << 9),
                            TcStats2::Queue(q) => {
                                v = v.wrapping_add(
                                    u64::from(q.qlen)
                                        ^ u64::from(q.backlog) << 11
                                        ^ u64::from(q.drops) << 22
                                        ^ u64::from(q.requeues) << 33
                                        ^ u64::from(q.overlimits) << 44,
                                );
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        s.add(v);
    });
    s
}

/// The dump `data/FILE` of this crate, made first by `SCRIPT` (a
/// `gen-*.sh` beside this crate's manifest, run in a private namespace;
/// needs root and a built rtnl) when missing.
pub fn input(file: &str, script: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = dir.join("data").join(file);
    if !path.exists() {
        let st = std::process::Command::new(dir.join(script)).status().unwrap_or_else(|e| panic!("run {script}: {e}"));
        assert!(st.success(), "benches/{script} failed (needs root and a built rtnl)");
    }
    std::fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The five traffic-control sides fold the same checksum over every
    /// qdisc and class dump of the golden captures (this kernel's and the
    /// amd64 guests', whose kinds include fq_codel, cake and the rest), so
    /// that the benchmark compares like with like; the big generated dump
    /// is checked again by the benchmark itself before timing.
    #[test]
    fn the_traffic_control_sides_agree_on_the_golden_dumps() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata");
        let mut dirs = vec![format!("{root}/host-tc")];
        for k in ["5.10", "6.1", "6.12", "7.2"] {
            dirs.push(format!("{root}/kernels/{k}-amd64"));
        }
        let mut objects = 0;
        for d in dirs {
            for f in ["qdisc.bin", "class-v0.bin", "class-d0.bin"] {
                let Ok(buf) = std::fs::read(format!("{d}/{f}")) else { continue };
                let a = rtnl_tc_decode(&buf);
                assert_eq!(npr_tc_decode(&buf), a, "{d}/{f}: netlink-packet-route");
                assert_eq!(rtnl_tc_stats_only(&buf), a, "{d}/{f}: stats-only");
                assert_eq!(rtnl_tc_poll(&buf), a, "{d}/{f}: statistics view");
                assert_eq!(walker_tc_decode(&buf), a, "{d}/{f}: floor walker");
                objects += a.objects;
            }
        }
        assert!(objects > 50, "only {objects} qdiscs and classes found");
    }
}
