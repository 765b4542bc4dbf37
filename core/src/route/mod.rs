//! The route family: `RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`.
//!
//! The fixed header is [`RtMsg`] (`struct rtmsg`); its enumerated fields have
//! named types that keep unknown numbers ([`RouteType`], [`RouteProtocol`],
//! [`RouteScope`], [`RouteTable`]). Attributes are [`RouteAttr`], one
//! variant per `RTA_*` through Linux 7.2, with `RTA_METRICS` typed as
//! [`MetricAttr`] and `RTA_MULTIPATH` as a list of [`NextHop`]s, each with
//! its own attributes. IPv4, IPv6, MPLS and the multicast-cache families
//! (`RTNL_FAMILY_IPMR` / `RTNL_FAMILY_IP6MR`) decode; addresses follow the
//! family. `RTA_ENCAP` is typed for every lightweight-tunnel type
//! ([`Encap`]), selected by `RTA_ENCAP_TYPE` wherever it stands, and for each
//! next hop by that hop's own type.
//!
//! Requests are built with [`request`] and the typed builder of
//! [`RouteAttr`] (a [`Scope`]): one method per attribute, closures for
//! nests, a chooser for the encapsulation. No raw ids, no allocation:
//!
//! ```
//! use core::net::Ipv4Addr;
//! use rtnl_core::net::Labels;
//! use rtnl_core::route::{self, RtMsg};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! let mut buf = [0u8; 256];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = RtMsg { rtm_family: 2, rtm_dst_len: 24, rtm_table: 254, rtm_protocol: 3, rtm_type: 1, ..Default::default() };
//! let mut st = [0u8; 8];
//! let labels = Labels::encode(&[100, 200], &mut st).ok_or("room for two labels")?;
//! // ip route add 10.19.0.0/24 encap mpls 100/200 via 10.9.0.2 dev 2 mtu 1400
//! route::request(&mut w, route::RTM_NEWROUTE, Request::Add.flags(), 1, &hdr, |r| {
//!     r.dst(Ipv4Addr::new(10, 19, 0, 0).into())?.gateway(Ipv4Addr::new(10, 9, 0, 2).into())?.oif(2)?;
//!     r.encap().mpls(|m| m.dst(labels).map(drop))?; // RTA_ENCAP_TYPE and RTA_ENCAP together
//!     r.metrics(|m| m.mtu(1400).map(drop))?;        // a nest: begun, filled, ended
//!     Ok(())
//! })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod encap;
#[cfg(test)]
mod tests;

pub use encap::*;

use zerocopy::{FromBytes, IntoBytes};

use crate::net::{Address, Labels};
use crate::typed::{AttrPayload, AttrSet, Be16, Be32, Bytes, Ctx, Nest, PathName, Scope, TypedAttrs, Uint};
use crate::wire::visit::{MapRenderer, Render, Renderer, SeqRenderer, Value};
use crate::wire::{
    align, Attrs, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, NativeEndian, PathElem, Writer, I32,
    U16, U32, U64,
};

/// `RTM_NEWROUTE`.
pub const RTM_NEWROUTE: u16 = 24;
/// `RTM_DELROUTE`.
pub const RTM_DELROUTE: u16 = 25;
/// `RTM_GETROUTE`.
pub const RTM_GETROUTE: u16 = 26;

zc_struct! {
    /// `struct rtmsg`, the route family's 12-byte fixed header.
    pub struct RtMsg<O> {
        /// `rtm_family`: `AF_INET`, `AF_INET6`, `AF_MPLS`, `RTNL_FAMILY_IPMR`, …
        rtm_family: u8,
        /// `rtm_dst_len`: destination prefix length.
        rtm_dst_len: u8,
        /// `rtm_src_len`: source prefix length.
        rtm_src_len: u8,
        /// `rtm_tos`: TOS / DSCP filter.
        rtm_tos: u8,
        /// `rtm_table`: routing table id (`RT_TABLE_COMPAT` when > 255; see `RTA_TABLE`).
        rtm_table: u8,
        /// `rtm_protocol`: `RTPROT_*` (see [`RouteProtocol`]).
        rtm_protocol: u8,
        /// `rtm_scope`: `RT_SCOPE_*` (see [`RouteScope`]).
        rtm_scope: u8,
        /// `rtm_type`: `RTN_*` (see [`RouteType`]).
        rtm_type: u8,
        /// `rtm_flags`: `RTM_F_*` and `RTNH_F_*` bits.
        rtm_flags: U32<O>,
    }
}

impl<O: ByteOrder> RtMsg<O> {
    /// The route type.
    pub fn kind(&self) -> RouteType {
        RouteType(self.rtm_type)
    }
    /// The protocol that installed the route.
    pub fn protocol(&self) -> RouteProtocol {
        RouteProtocol(self.rtm_protocol)
    }
    /// The scope.
    pub fn scope(&self) -> RouteScope {
        RouteScope(self.rtm_scope)
    }
}

named_values! {
    /// `rtm_type`: the route type (`RTN_*`), keeping unknown numbers.
    pub struct RouteType(u8) {
        UNSPEC = 0, "RTN_UNSPEC", "unspec";
        UNICAST = 1, "RTN_UNICAST", "unicast";
        LOCAL = 2, "RTN_LOCAL", "local";
        BROADCAST = 3, "RTN_BROADCAST", "broadcast";
        ANYCAST = 4, "RTN_ANYCAST", "anycast";
        MULTICAST = 5, "RTN_MULTICAST", "multicast";
        BLACKHOLE = 6, "RTN_BLACKHOLE", "blackhole";
        UNREACHABLE = 7, "RTN_UNREACHABLE", "unreachable";
        PROHIBIT = 8, "RTN_PROHIBIT", "prohibit";
        THROW = 9, "RTN_THROW", "throw";
        NAT = 10, "RTN_NAT", "nat";
        XRESOLVE = 11, "RTN_XRESOLVE", "xresolve";
    }
}

named_values! {
    /// `rtm_protocol`: who installed the route (`RTPROT_*`), keeping unknown numbers.
    pub struct RouteProtocol(u8) {
        UNSPEC = 0, "RTPROT_UNSPEC", "unspec";
        REDIRECT = 1, "RTPROT_REDIRECT", "redirect";
        KERNEL = 2, "RTPROT_KERNEL", "kernel";
        BOOT = 3, "RTPROT_BOOT", "boot";
        STATIC = 4, "RTPROT_STATIC", "static";
        GATED = 8, "RTPROT_GATED", "gated";
        RA = 9, "RTPROT_RA", "ra";
        MRT = 10, "RTPROT_MRT", "mrt";
        ZEBRA = 11, "RTPROT_ZEBRA", "zebra";
        BIRD = 12, "RTPROT_BIRD", "bird";
        DNROUTED = 13, "RTPROT_DNROUTED", "dnrouted";
        XORP = 14, "RTPROT_XORP", "xorp";
        NTK = 15, "RTPROT_NTK", "ntk";
        DHCP = 16, "RTPROT_DHCP", "dhcp";
        MROUTED = 17, "RTPROT_MROUTED", "mrouted";
        KEEPALIVED = 18, "RTPROT_KEEPALIVED", "keepalived";
        BABEL = 42, "RTPROT_BABEL", "babel";
        OVN = 84, "RTPROT_OVN", "ovn";
        OPENR = 99, "RTPROT_OPENR", "openr";
        BGP = 186, "RTPROT_BGP", "bgp";
        ISIS = 187, "RTPROT_ISIS", "isis";
        OSPF = 188, "RTPROT_OSPF", "ospf";
        RIP = 189, "RTPROT_RIP", "rip";
        EIGRP = 192, "RTPROT_EIGRP", "eigrp";
    }
}

named_values! {
    /// `rtm_scope`: the route's scope (`RT_SCOPE_*`), keeping unknown numbers.
    pub struct RouteScope(u8) {
        UNIVERSE = 0, "RT_SCOPE_UNIVERSE", "global";
        SITE = 200, "RT_SCOPE_SITE", "site";
        LINK = 253, "RT_SCOPE_LINK", "link";
        HOST = 254, "RT_SCOPE_HOST", "host";
        NOWHERE = 255, "RT_SCOPE_NOWHERE", "nowhere";
    }
}

named_values! {
    /// A routing table id (`RT_TABLE_*`, or any number up to `u32::MAX`).
    pub struct RouteTable(u32) {
        UNSPEC = 0, "RT_TABLE_UNSPEC", "unspec";
        COMPAT = 252, "RT_TABLE_COMPAT", "compat";
        DEFAULT = 253, "RT_TABLE_DEFAULT", "default";
        MAIN = 254, "RT_TABLE_MAIN", "main";
        LOCAL = 255, "RT_TABLE_LOCAL", "local";
    }
}

/// `RTM_F_NOTIFY`: notify the user of route changes (GET).
pub const RTM_F_NOTIFY: u32 = 0x100;
/// `RTM_F_CLONED`: the route is cloned (a cache entry).
pub const RTM_F_CLONED: u32 = 0x200;
/// `RTM_F_EQUALIZE`: multipath equalizer (not implemented by the kernel).
pub const RTM_F_EQUALIZE: u32 = 0x400;
/// `RTM_F_PREFIX`: prefix addresses.
pub const RTM_F_PREFIX: u32 = 0x800;
/// `RTM_F_LOOKUP_TABLE`: set `rtm_table` to the FIB lookup result (GET).
pub const RTM_F_LOOKUP_TABLE: u32 = 0x1000;
/// `RTM_F_FIB_MATCH`: return the full FIB match (GET).
pub const RTM_F_FIB_MATCH: u32 = 0x2000;
/// `RTM_F_OFFLOAD`: the route is offloaded.
pub const RTM_F_OFFLOAD: u32 = 0x4000;
/// `RTM_F_TRAP`: the route traps packets.
pub const RTM_F_TRAP: u32 = 0x8000;
/// `RTM_F_OFFLOAD_FAILED`: offloading the route failed.
pub const RTM_F_OFFLOAD_FAILED: u32 = 0x2000_0000;

/// `RTNH_F_DEAD`: the next hop is dead.
pub const RTNH_F_DEAD: u8 = 1;
/// `RTNH_F_PERVASIVE`: recursive gateway lookup.
pub const RTNH_F_PERVASIVE: u8 = 2;
/// `RTNH_F_ONLINK`: the gateway is forced on link.
pub const RTNH_F_ONLINK: u8 = 4;
/// `RTNH_F_OFFLOAD`: the next hop is offloaded.
pub const RTNH_F_OFFLOAD: u8 = 8;
/// `RTNH_F_LINKDOWN`: carrier down on the next hop's device.
pub const RTNH_F_LINKDOWN: u8 = 16;
/// `RTNH_F_UNRESOLVED`: unresolved (multicast cache).
pub const RTNH_F_UNRESOLVED: u8 = 32;
/// `RTNH_F_TRAP`: the next hop traps packets.
pub const RTNH_F_TRAP: u8 = 64;

struct_payload! {
    /// `struct rta_cacheinfo` (`RTA_CACHEINFO`), 32 bytes.
    pub struct RtaCacheInfo<O> {
        /// `rta_clntref`
        rta_clntref: U32<O>,
        /// `rta_lastuse`
        rta_lastuse: U32<O>,
        /// `rta_expires`
        rta_expires: I32<O>,
        /// `rta_error`
        rta_error: U32<O>,
        /// `rta_used`
        rta_used: U32<O>,
        /// `rta_id`
        rta_id: U32<O>,
        /// `rta_ts`
        rta_ts: U32<O>,
        /// `rta_tsage`
        rta_tsage: U32<O>,
    }
}

struct_payload! {
    /// `struct rta_mfc_stats` (`RTA_MFC_STATS`), 24 bytes.
    pub struct RtaMfcStats<O> {
        /// `mfcs_packets`
        mfcs_packets: U64<O>,
        /// `mfcs_bytes`
        mfcs_bytes: U64<O>,
        /// `mfcs_wrong_if`
        mfcs_wrong_if: U64<O>,
    }
}

zc_struct! {
    /// `struct rtnexthop`, the 8-byte head of each next hop in `RTA_MULTIPATH`.
    pub struct RtNextHop<O> {
        /// `rtnh_len`: this head, the hop's attributes and their padding.
        rtnh_len: U16<O>,
        /// `rtnh_flags`: `RTNH_F_*`.
        rtnh_flags: u8,
        /// `rtnh_hops`: weight - 1 (or TTL for multicast-cache entries).
        rtnh_hops: u8,
        /// `rtnh_ifindex`: output device.
        rtnh_ifindex: I32<O>,
    }
}

/// `struct rtvia` (`RTA_VIA`): a gateway of another family (an IPv6
/// gateway for an IPv4 route, or an MPLS next hop's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Via<'a> {
    /// `rtvia_family` (host order).
    pub family: u16,
    /// `rtvia_addr`, read by `family`.
    pub addr: Address<'a>,
}

impl<'a> Via<'a> {
    /// A gateway of address family `family` (`AF_INET`, `AF_INET6`).
    pub fn new(addr: Address<'a>) -> Self {
        let family = match addr {
            Address::V4(_) => crate::net::AF_INET,
            Address::V6(_) => crate::net::AF_INET6,
            Address::Mpls(_) => crate::net::AF_MPLS,
            Address::Other(_) => crate::net::AF_UNSPEC,
        };
        Via { family: family.into(), addr }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Via<'a> {
    fn decode(attr: &crate::wire::Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        let (fam, addr) = U16::<O>::read_from_prefix(p).map_err(|_| {
            DecodeError::new(attr.payload_offset(), DecodeErrorKind::ShortStruct { need: 2, have: p.len() })
        })?;
        let family = fam.get();
        let addr = match u8::try_from(family) {
            Ok(f) => Address::from_bytes(f, addr),
            Err(_) => Address::Other(addr),
        };
        Ok(Via { family, addr })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        let fam = U16::<O>::new(self.family);
        self.addr.with_bytes(|a| w.attr_parts(id, &[fam.as_bytes(), a]))
    }
}

impl Render for Via<'_> {
    /// `{"rtvia_family", "rtvia_addr"}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("rtvia_family", &Value::U64(self.family.into()))?;
        m.entry("rtvia_addr", &self.addr)?;
        m.end()
    }
}
serde_via_render!(impl['a] Via<'a>);

attr_set! {
    /// A route attribute (`enum rtattr_type_t`, `RTA_*`).
    pub enum RouteAttr {
        /// Destination prefix.
        1 RTA_DST dst => Dst(Address<'a>),
        /// Source prefix.
        2 RTA_SRC src => Src(Address<'a>),
        /// Input interface index.
        3 RTA_IIF iif => Iif(u32),
        /// Output interface index.
        4 RTA_OIF oif => Oif(u32),
        /// Gateway of the route's own family.
        5 RTA_GATEWAY gateway => Gateway(Address<'a>),
        /// Priority (metric).
        6 RTA_PRIORITY priority => Priority(u32),
        /// Preferred source address.
        7 RTA_PREFSRC prefsrc => PrefSrc(Address<'a>),
        /// Metrics (`RTAX_*`).
        8 RTA_METRICS metrics => Metrics(Nest<'a, O, MetricAttr<'a, O>>) nest MetricAttr,
        /// Next hops of a multipath route.
        9 RTA_MULTIPATH multipath => Multipath(Multipath<'a, O>) custom,
        /// Unused.
        10 RTA_PROTOINFO protoinfo => ProtoInfo(Bytes<'a>),
        /// Realms (`to | from << 16`).
        11 RTA_FLOW flow => Flow(u32),
        /// Cache information.
        12 RTA_CACHEINFO cacheinfo => CacheInfo(RtaCacheInfo<O>),
        /// Unused (`struct rta_session`).
        13 RTA_SESSION session => Session(Bytes<'a>),
        /// Unused.
        14 RTA_MP_ALGO mp_algo => MpAlgo(u32),
        /// Routing table id (the full 32 bits).
        15 RTA_TABLE table => Table(u32),
        /// Firewall mark (FIB lookups).
        16 RTA_MARK mark => Mark(u32),
        /// Multicast-cache statistics.
        17 RTA_MFC_STATS mfc_stats => MfcStats(RtaMfcStats<O>),
        /// Gateway of another family.
        18 RTA_VIA via => Via(Via<'a>),
        /// MPLS labels to swap in.
        19 RTA_NEWDST newdst => NewDst(Labels<'a>),
        /// IPv6 router preference (`ICMPV6_ROUTER_PREF_*`).
        20 RTA_PREF pref => Pref(u8),
        /// Lightweight-tunnel encapsulation type (`LWTUNNEL_ENCAP_*`); the
        /// `encap` builder writes it with the encapsulation.
        21 RTA_ENCAP_TYPE encap_type => EncapType(u16),
        /// Lightweight-tunnel encapsulation, selected by `RTA_ENCAP_TYPE`
        /// (among the same run's attributes: the message's, or a next hop's).
        22 RTA_ENCAP encap => Encap(Encap<'a, O>) select Encap,
        /// Expiry (4 bytes for IPv6 routes, 8 for multicast-cache entries).
        23 RTA_EXPIRES expires => Expires(Uint),
        /// Padding for 64-bit alignment.
        24 RTA_PAD pad => Pad(Bytes<'a>),
        /// User id (FIB lookups).
        25 RTA_UID uid => Uid(u32),
        /// MPLS TTL propagation.
        26 RTA_TTL_PROPAGATE ttl_propagate => TtlPropagate(u8),
        /// IP protocol (FIB lookups).
        27 RTA_IP_PROTO ip_proto => IpProto(u8),
        /// Source port (FIB lookups), big-endian.
        28 RTA_SPORT sport => Sport(Be16),
        /// Destination port (FIB lookups), big-endian.
        29 RTA_DPORT dport => Dport(Be16),
        /// Next-hop object id.
        30 RTA_NH_ID nh_id => NhId(u32),
        /// IPv6 flow label (FIB lookups), big-endian (Linux 7.2+).
        31 RTA_FLOWLABEL flowlabel => FlowLabel(Be32),
    }
}

attr_set! {
    /// A route metric (`RTAX_*`), inside `RTA_METRICS`.
    pub enum MetricAttr {
        /// Bitmask of locked metrics (`1 << RTAX_*`).
        1 RTAX_LOCK lock => Lock(u32),
        /// Path MTU.
        2 RTAX_MTU mtu => Mtu(u32),
        /// TCP window clamp.
        3 RTAX_WINDOW window => Window(u32),
        /// Round-trip time.
        4 RTAX_RTT rtt => Rtt(u32),
        /// RTT variance.
        5 RTAX_RTTVAR rttvar => RttVar(u32),
        /// Slow-start threshold.
        6 RTAX_SSTHRESH ssthresh => Ssthresh(u32),
        /// Congestion window.
        7 RTAX_CWND cwnd => Cwnd(u32),
        /// Advertised MSS.
        8 RTAX_ADVMSS advmss => AdvMss(u32),
        /// Reordering.
        9 RTAX_REORDERING reordering => Reordering(u32),
        /// Hop limit.
        10 RTAX_HOPLIMIT hoplimit => HopLimit(u32),
        /// Initial congestion window.
        11 RTAX_INITCWND initcwnd => InitCwnd(u32),
        /// Features (`RTAX_FEATURE_*`).
        12 RTAX_FEATURES features => Features(u32),
        /// Minimum RTO.
        13 RTAX_RTO_MIN rto_min => RtoMin(u32),
        /// Initial receive window.
        14 RTAX_INITRWND initrwnd => InitRwnd(u32),
        /// Quick ACK.
        15 RTAX_QUICKACK quickack => QuickAck(u32),
        /// Congestion-control algorithm name.
        16 RTAX_CC_ALGO cc_algo => CcAlgo(&'a str),
        /// TCP Fast Open without cookie.
        17 RTAX_FASTOPEN_NO_COOKIE fastopen_no_cookie => FastopenNoCookie(u32),
    }
}

/// The payload of `RTA_MULTIPATH`: a list of `struct rtnexthop`, each
/// followed by its own route attributes (decoded in their own run, so each
/// hop's `RTA_ENCAP` is selected by that hop's `RTA_ENCAP_TYPE`).
#[derive(Debug, Clone, PartialEq)]
pub struct Multipath<'a, O: ByteOrder = NativeEndian> {
    bytes: &'a [u8],
    offset: usize,
    // the flag bits of RTA_MULTIPATH's nla_type (the kernel takes
    // NLA_F_NESTED on it, and an encoding keeps them)
    flags: u16,
    head: crate::typed::CtxHead<'a>,
    _o: core::marker::PhantomData<O>,
}

impl<'a, O: ByteOrder> Multipath<'a, O> {
    /// The next hops. Yields `Err` once for a hop that cannot be framed (or
    /// that lies deeper than [`MAX_DEPTH`](crate::typed::MAX_DEPTH)).
    pub fn hops(&self) -> NextHops<'a, O> {
        NextHops {
            bytes: self.bytes,
            pos: 0,
            index: 0,
            base: self.offset,
            head: self.head,
            done: false,
            _o: Default::default(),
        }
    }
    fn well_formed(&self) -> bool {
        self.hops().all(|h| h.is_ok_and(|h| h.attrs.raw().framing_error().is_none()))
    }
}

/// One next hop of `RTA_MULTIPATH`.
#[derive(Debug, Clone, PartialEq)]
pub struct NextHop<'a, O: ByteOrder = NativeEndian> {
    /// The `rtnexthop` head.
    pub header: RtNextHop<O>,
    offset: usize,
    attrs: TypedAttrs<'a, O, RouteAttr<'a, O>>,
}

impl<'a, O: ByteOrder> NextHop<'a, O> {
    /// The hop's attributes (`RTA_GATEWAY`, `RTA_VIA`, `RTA_NEWDST`,
    /// `RTA_FLOW`, `RTA_ENCAP_TYPE`, `RTA_ENCAP`).
    pub fn attrs(&self) -> TypedAttrs<'a, O, RouteAttr<'a, O>> {
        self.attrs.clone()
    }
    /// `rtnh_ifindex`.
    pub fn ifindex(&self) -> i32 {
        self.header.rtnh_ifindex.get()
    }
    /// The weight (`rtnh_hops + 1`).
    pub fn weight(&self) -> u16 {
        u16::from(self.header.rtnh_hops) + 1
    }
    /// Offset of the hop's `rtnexthop` in the enclosing buffer.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl<O: ByteOrder> Render for NextHop<'_, O> {
    /// The `rtnexthop` fields, then `"attrs"`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let h = &self.header;
        let mut m = r.map()?;
        m.entry("rtnh_len", &h.rtnh_len)?;
        m.entry("rtnh_flags", &h.rtnh_flags)?;
        m.entry("rtnh_hops", &h.rtnh_hops)?;
        m.entry("rtnh_ifindex", &h.rtnh_ifindex)?;
        m.entry("attrs", &self.attrs)?;
        m.end()
    }
}

/// Iterator over the next hops of `RTA_MULTIPATH`.
#[derive(Debug, Clone)]
pub struct NextHops<'a, O: ByteOrder = NativeEndian> {
    bytes: &'a [u8],
    pos: usize,
    index: u16,
    base: usize,
    head: crate::typed::CtxHead<'a>,
    done: bool,
    _o: core::marker::PhantomData<O>,
}

/// Offset of `rtnh_len` in `struct rtnexthop`.
pub const RTNH_LEN_OFFSET: usize = 0;
/// Size of `struct rtnexthop` (`RTNH_LENGTH(0)`).
pub const RTNH_HDRLEN: usize = 8;

impl<'a, O: ByteOrder> Iterator for NextHops<'a, O> {
    type Item = Result<NextHop<'a, O>, DecodeError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
        if rest.is_empty() {
            self.done = true;
            return None;
        }
        let at = self.base + self.pos;
        let ctx = Ctx::from_head(self.head, &Attrs::<O>::at(self.bytes, self.base));
        let path = ctx.path;
        let fail = |s: &mut Self, kind| {
            s.done = true;
            Some(Err(DecodeError::new(at, kind).within(path)))
        };
        let Ok((header, _)) = RtNextHop::<O>::read_from_prefix(rest) else {
            return fail(self, DecodeErrorKind::Truncated { need: RTNH_HDRLEN, have: rest.len() });
        };
        let len = header.rtnh_len.get();
        if (len as usize) < RTNH_HDRLEN {
            return fail(self, DecodeErrorKind::AttrLenTooSmall(len));
        }
        let Some(body) = rest.get(RTNH_HDRLEN..len as usize) else {
            return fail(self, DecodeErrorKind::AttrLenPastEnd { len, avail: rest.len() });
        };
        let run = Attrs::at(body, at + RTNH_HDRLEN);
        let ctx = match ctx.enter(PathElem::Index(self.index), &run, at) {
            Ok(c) => c,
            Err(e) => {
                self.done = true;
                return Some(Err(e));
            }
        };
        self.pos = self.pos.saturating_add(align(len as usize)).min(self.bytes.len());
        self.index = self.index.saturating_add(1);
        Some(Ok(NextHop { header, offset: at, attrs: TypedAttrs::new(run, ctx) }))
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Multipath<'a, O> {
    const NESTED: bool = true;
    fn decode(attr: &crate::wire::Attr<'a, O>, ctx: &Ctx<'a>) -> Result<Self, DecodeError> {
        let run = Attrs::<O>::at(attr.payload(), attr.payload_offset());
        // the hops lie one level down (checked here, so that a multipath
        // too deep is kept verbatim as invalid rather than as an empty list)
        let inner = ctx.enter(PathElem::Attr(attr.id()), &run, attr.offset())?;
        if inner.path.with(PathElem::Index(0)).is_none_or(|p| p.is_full()) {
            return Err(DecodeError::new(attr.offset(), DecodeErrorKind::TooDeep).within(inner.path));
        }
        Ok(Multipath {
            bytes: attr.payload(),
            offset: attr.payload_offset(),
            flags: attr.flag_bits(),
            head: inner.head(),
            _o: Default::default(),
        })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        if !self.well_formed() {
            // not a well-formed list of next hops: keep it as received
            return w.attr(id | self.flags, self.bytes);
        }
        let outer = w.begin_nest_raw(id | self.flags)?;
        for hop in self.hops().flatten() {
            let m = w.begin_len16(hop.header.as_bytes())?;
            hop.attrs.emit_all(w)?;
            w.end_nest(m)?;
        }
        w.end_nest(outer)
    }
    fn first_error(&self) -> Option<DecodeError> {
        self.hops().find_map(|h| match h {
            Ok(h) => h.attrs.first_error(),
            Err(e) => Some(e),
        })
    }
    fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        for (i, hop) in self.hops().map_while(Result::ok).enumerate() {
            let end = hop.offset + hop.header.rtnh_len.get() as usize;
            if (hop.offset..end).contains(&offset) {
                f(PathName::Index(i));
                hop.attrs.locate(offset, f);
                return;
            }
        }
    }
}

impl<O: ByteOrder> Render for Multipath<'_, O> {
    /// An array of next hops (stopping at one that cannot be framed).
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut s = r.seq()?;
        for hop in self.hops().map_while(Result::ok) {
            s.element(&hop)?;
        }
        s.end()
    }
}
serde_via_render!(impl['a, O: ByteOrder] Multipath<'a, O>);
serde_via_render!(impl['a, O: ByteOrder] NextHop<'a, O>);

/// The builder of `RTA_MULTIPATH`: one [`hop`](Self::hop) per next hop.
#[derive(Debug)]
pub struct MultipathScope<'s, 'w, B: Buffer, O: ByteOrder>(&'s mut Scope<'w, B, O, RouteAttr<'static, O>>);

impl<B: Buffer, O: ByteOrder> MultipathScope<'_, '_, B, O> {
    /// Writes one next hop: `flags` (`RTNH_F_*`), `weight` (1–256, sent as
    /// `rtnh_hops = weight - 1`), `ifindex`, and the hop's own attributes
    /// written by `f` (gateway, via, encap, …).
    pub fn hop(
        &mut self,
        flags: u8,
        weight: u16,
        ifindex: i32,
        f: impl FnOnce(&mut Scope<'_, B, O, RouteAttr<'static, O>>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        let hops = u8::try_from(weight.saturating_sub(1)).unwrap_or(u8::MAX);
        let head = RtNextHop::<O> {
            rtnh_len: U16::new(RTNH_HDRLEN as u16),
            rtnh_flags: flags,
            rtnh_hops: hops,
            rtnh_ifindex: I32::new(ifindex),
        };
        self.0.writer().all_or_nothing(|w| {
            let m = w.begin_len16(head.as_bytes())?;
            f(&mut Scope::new(w))?;
            w.end_nest(m)
        })?;
        Ok(self)
    }
}

impl<'w, B: Buffer, O: ByteOrder> Scope<'w, B, O, RouteAttr<'static, O>> {
    /// Writes `RTA_MULTIPATH`: `f` adds the next hops.
    pub fn multipath(
        &mut self,
        f: impl FnOnce(&mut MultipathScope<'_, 'w, B, O>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        // a list of rtnexthop, not attributes: sent without NLA_F_NESTED, as ip does
        let start = self.len();
        let m = self.writer().begin_nest_raw(RTA_MULTIPATH)?;
        let r = f(&mut MultipathScope(self)).and_then(|_| self.writer().end_nest(m));
        if r.is_err() {
            self.writer().buffer_mut().truncate(start);
        }
        r.map(|_| self)
    }
    /// Writes a gateway: `RTA_GATEWAY` when it is of the route's `family`,
    /// `RTA_VIA` (with the gateway's family) otherwise, as `ip` does.
    pub fn gateway_or_via(&mut self, family: u8, gw: core::net::IpAddr) -> Result<&mut Self, EncodeError> {
        let a = Address::from(gw);
        let fam = match gw {
            core::net::IpAddr::V4(_) => crate::net::AF_INET,
            core::net::IpAddr::V6(_) => crate::net::AF_INET6,
        };
        if fam == family {
            self.gateway(a)
        } else {
            self.via(Via::new(a))
        }
    }
}

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for Via<'_> {
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        g: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        let v6: bool = u.arbitrary()?;
        let (fam, a): (u8, &[u8]) =
            if v6 { (10, &u.arbitrary::<[u8; 16]>()?) } else { (2, &u.arbitrary::<[u8; 4]>()?) };
        let _ = g;
        crate::typed::gen::enc(w.attr_parts(id, &[U16::<O>::new(fam.into()).as_bytes(), a]))
    }
}

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for Multipath<'_, O> {
    /// One to three next hops, each with arbitrary route attributes.
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        g: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        use crate::typed::gen::{enc, enc_mark, ArbitrarySet};
        w.all_or_nothing(|w| {
            let outer = enc_mark(w.begin_nest_raw(id))?;
            for _ in 0..u.int_in_range(1..=3)? {
                let head = RtNextHop::<O> {
                    rtnh_len: U16::new(RTNH_HDRLEN as u16),
                    rtnh_flags: u.arbitrary()?,
                    rtnh_hops: u.arbitrary()?,
                    rtnh_ifindex: I32::new(u.arbitrary()?),
                };
                let m = enc_mark(w.begin_len16(head.as_bytes()))?;
                if g.depth < crate::typed::gen::GEN_DEPTH {
                    RouteAttr::<'_, O>::arbitrary_attrs(u, g.deeper(), w)?;
                }
                enc(w.end_nest(m))?;
            }
            enc(w.end_nest(outer))
        })
    }
}

impl<O: ByteOrder> crate::typed::FamilyHeader<O> for RtMsg<O> {
    type Attr<'a> = RouteAttr<'a, O>;
    fn family(&self) -> u8 {
        self.rtm_family
    }
}

/// A route message (`RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`): the
/// `rtmsg` header and lazily decoded attributes, borrowed.
pub type RouteMessage<'a, O = NativeEndian> = crate::typed::Headered<'a, O, RtMsg<O>>;

impl<O: ByteOrder> crate::typed::Headered<'_, O, RtMsg<O>> {
    /// The table: `RTA_TABLE` when present, else `rtm_table`.
    pub fn table(&self) -> RouteTable {
        match self.find(RTA_TABLE) {
            Some(RouteAttr::Table(t)) => RouteTable(t),
            _ => RouteTable(self.header().rtm_table.into()),
        }
    }
}

/// Returns the kernel name of route attribute `id`.
pub fn attr_name(id: u16) -> Option<&'static str> {
    <RouteAttr<'_> as AttrSet<'_, NativeEndian>>::name_of(id)
}

/// Writes a whole route request: `nlmsghdr` + `rtmsg`, then the attributes
/// that `attrs` writes through the typed builder, and closes the message
/// (or leaves nothing of it on error).
///
/// ```
/// use core::net::Ipv4Addr;
/// use rtnl_core::route::{self, RtMsg, RouteProtocol, RouteScope, RouteType};
/// use rtnl_core::wire::{flags::*, SliceBuffer, Writer};
///
/// let mut storage = [0u8; 128];
/// let mut w = Writer::new(SliceBuffer::new(&mut storage));
/// let hdr = RtMsg {
///     rtm_family: 2, rtm_dst_len: 32, rtm_table: 254,
///     rtm_protocol: RouteProtocol::STATIC.0, rtm_scope: RouteScope::UNIVERSE.0,
///     rtm_type: RouteType::UNICAST.0, ..Default::default()
/// };
/// route::request(&mut w, route::RTM_NEWROUTE,
///     NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 1, &hdr, |r| {
///     r.dst(Ipv4Addr::new(192, 0, 2, 1).into())?.oif(1)?;
///     Ok(())
/// })?;
/// assert_eq!(w.len(), 16 + 12 + 8 + 8);
/// # Ok::<(), rtnl_core::wire::EncodeError>(())
/// ```
pub fn request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &RtMsg<O>,
    attrs: impl FnOnce(&mut Scope<'_, B, O, RouteAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, header, attrs)
}
