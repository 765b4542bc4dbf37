//! The neighbour families: neighbour entries and the bridge forwarding
//! database (`RTM_NEWNEIGH`, `RTM_DELNEIGH`, `RTM_GETNEIGH`), neighbour
//! tables (`RTM_NEWNEIGHTBL`, `RTM_GETNEIGHTBL`, `RTM_SETNEIGHTBL`) and
//! neighbour-discovery user options (`RTM_NEWNDUSEROPT`).
//!
//! A neighbour is [`NdMsg`] (`struct ndmsg`: its state is a [`NudState`],
//! its flags [`NtfFlags`], its type a [`RouteType`]) followed by
//! [`NeighAttr`], one variant per `NDA_*` through Linux 7.2. A bridge FDB
//! entry is the same message with family `AF_BRIDGE`; its `NDA_DST` (a
//! VXLAN remote) is an [`IpAddress`] of either version, and `NDA_PORT` is in
//! network order. A proxy entry carries [`NtfFlags::PROXY`].
//!
//! A neighbour table is [`NdtMsg`] followed by [`NeighTblAttr`]:
//! thresholds, [`NdtConfig`], [`NdtStats`], and parameter sets
//! ([`NdtParmsAttr`], one per device after the table's own).
//!
//! ```
//! use core::net::Ipv4Addr;
//! use rtnl_core::neigh::{self, NdMsg, NudState};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev 2 nud permanent
//! let mut buf = [0u8; 128];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = NdMsg { ndm_family: 2, ndm_ifindex: 2.into(), ndm_state: NudState::PERMANENT.into(), ..Default::default() };
//! neigh::request(&mut w, neigh::RTM_NEWNEIGH, Request::Add.flags(), 1, &hdr, |a| {
//!     a.dst(Ipv4Addr::new(10, 0, 0, 2).into())?.lladdr(rtnl_core::typed::Bytes(&[2, 0, 0, 0, 0, 2]))?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 12 + 8 + 12);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use zerocopy::FromBytes;

use crate::net::{Address, IpAddress};
use crate::route::{RouteProtocol, RouteType};
use crate::typed::{Be16, Bytes, Ctx, FamilyHeader, Flag, Headered, Nest, PathName, Scope, TypedAttrs};
use crate::wire::visit::{MapRenderer, Render, Renderer, Value};
use crate::wire::{
    align, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, NativeEndian, NlMsg, Writer, I32, U16, U32,
    U64,
};

/// `RTM_NEWNEIGH`.
pub const RTM_NEWNEIGH: u16 = 28;
/// `RTM_DELNEIGH`.
pub const RTM_DELNEIGH: u16 = 29;
/// `RTM_GETNEIGH`.
pub const RTM_GETNEIGH: u16 = 30;
/// `RTM_NEWNEIGHTBL`.
pub const RTM_NEWNEIGHTBL: u16 = 64;
/// `RTM_GETNEIGHTBL`.
pub const RTM_GETNEIGHTBL: u16 = 66;
/// `RTM_SETNEIGHTBL`.
pub const RTM_SETNEIGHTBL: u16 = 67;
/// `RTM_NEWNDUSEROPT`.
pub const RTM_NEWNDUSEROPT: u16 = 68;

zc_struct! {
    /// `struct ndmsg`, the neighbour family's 12-byte fixed header.
    pub struct NdMsg<O> {
        /// `ndm_family`: `AF_INET`, `AF_INET6`, `AF_BRIDGE` (FDB), …
        ndm_family: u8,
        /// `ndm_pad1`.
        ndm_pad1: u8,
        /// `ndm_pad2`.
        ndm_pad2: U16<O>,
        /// `ndm_ifindex`: the interface.
        ndm_ifindex: I32<O>,
        /// `ndm_state`: `NUD_*` (see [`NudState`]).
        ndm_state: U16<O>,
        /// `ndm_flags`: `NTF_*` (see [`NtfFlags`]).
        ndm_flags: u8,
        /// `ndm_type`: `RTN_*` (see [`RouteType`]).
        ndm_type: u8,
    }
}

impl<O: ByteOrder> NdMsg<O> {
    /// The state.
    pub fn state(&self) -> NudState {
        NudState(self.ndm_state.get())
    }
    /// The flags (the low 8; `NDA_FLAGS_EXT` has more).
    pub fn flags(&self) -> NtfFlags {
        NtfFlags(self.ndm_flags)
    }
    /// The type.
    pub fn ty(&self) -> RouteType {
        RouteType(self.ndm_type)
    }
}

named_flags! {
    /// Neighbour states (`NUD_*`), unknown bits kept; the words are those
    /// `ip neigh` prints (in upper case there).
    pub struct NudState(u16) {
        INCOMPLETE = 0x01, "NUD_INCOMPLETE", "incomplete";
        REACHABLE = 0x02, "NUD_REACHABLE", "reachable";
        STALE = 0x04, "NUD_STALE", "stale";
        DELAY = 0x08, "NUD_DELAY", "delay";
        PROBE = 0x10, "NUD_PROBE", "probe";
        FAILED = 0x20, "NUD_FAILED", "failed";
        NOARP = 0x40, "NUD_NOARP", "noarp";
        PERMANENT = 0x80, "NUD_PERMANENT", "permanent";
    }
}

impl NudState {
    /// `NUD_NONE`: no state.
    pub const NONE: u16 = 0;
}

named_flags! {
    /// Neighbour entry flags (`NTF_*`, the 8 bits of `ndm_flags`), unknown
    /// bits kept; the words are those `ip neigh` / `bridge fdb` print.
    pub struct NtfFlags(u8) {
        USE = 1 << 0, "NTF_USE", "use";
        SELF = 1 << 1, "NTF_SELF", "self";
        MASTER = 1 << 2, "NTF_MASTER", "master";
        PROXY = 1 << 3, "NTF_PROXY", "proxy";
        EXT_LEARNED = 1 << 4, "NTF_EXT_LEARNED", "extern_learn";
        OFFLOADED = 1 << 5, "NTF_OFFLOADED", "offload";
        STICKY = 1 << 6, "NTF_STICKY", "sticky";
        ROUTER = 1 << 7, "NTF_ROUTER", "router";
    }
}

named_flags! {
    /// Extended neighbour flags (`NTF_EXT_*`, in `NDA_FLAGS_EXT`), unknown
    /// bits kept.
    pub struct NtfExtFlags(u32) {
        MANAGED = 1 << 0, "NTF_EXT_MANAGED", "managed";
        LOCKED = 1 << 1, "NTF_EXT_LOCKED", "locked";
        EXT_VALIDATED = 1 << 2, "NTF_EXT_EXT_VALIDATED", "extern_valid";
    }
}

struct_payload! {
    /// `struct nda_cacheinfo` (`NDA_CACHEINFO`), 16 bytes: ages in clock
    /// ticks (hundredths of a second as `ip` shows them) and the reference
    /// count.
    pub struct NdaCacheInfo<O> {
        /// `ndm_confirmed`: since the entry was last confirmed.
        ndm_confirmed: U32<O>,
        /// `ndm_used`: since it was last used.
        ndm_used: U32<O>,
        /// `ndm_updated`: since it was last updated.
        ndm_updated: U32<O>,
        /// `ndm_refcnt`: references held.
        ndm_refcnt: U32<O>,
    }
}

attr_set! {
    /// An attribute of a bridge FDB entry's `NDA_FDB_EXT_ATTRS` (`NFEA_*`).
    pub enum FdbExtAttr {
        /// `FDB_NOTIFY_BIT` / `FDB_NOTIFY_INACTIVE_BIT`: activity notification.
        1 NFEA_ACTIVITY_NOTIFY activity_notify => ActivityNotify(u8),
        /// In a request: do not refresh the entry's activity.
        2 NFEA_DONT_REFRESH dont_refresh => DontRefresh(Flag),
    }
}

attr_set! {
    /// A neighbour attribute (`NDA_*`), through Linux 7.2.
    pub enum NeighAttr {
        /// The neighbour's network address (for an FDB entry, the VXLAN
        /// remote; either IP version).
        1 NDA_DST dst => Dst(IpAddress<'a>),
        /// The link-layer address.
        2 NDA_LLADDR lladdr => Lladdr(Bytes<'a>),
        /// Ages and reference count.
        3 NDA_CACHEINFO cacheinfo => CacheInfo(NdaCacheInfo<O>),
        /// Probes sent.
        4 NDA_PROBES probes => Probes(u32),
        /// The VLAN (bridge FDB).
        5 NDA_VLAN vlan => Vlan(u16),
        /// The UDP port of the VXLAN remote (network order).
        6 NDA_PORT port => Port(Be16),
        /// The VXLAN VNI of the remote.
        7 NDA_VNI vni => Vni(u32),
        /// The interface to reach the VXLAN remote through.
        8 NDA_IFINDEX ifindex => Ifindex(u32),
        /// The master device (bridge) of the port (dump filter and reply).
        9 NDA_MASTER master => Master(u32),
        /// The namespace (by id) of the VXLAN remote's interface.
        10 NDA_LINK_NETNSID link_netnsid => LinkNetnsid(i32),
        /// The source VNI (VXLAN collect-metadata devices).
        11 NDA_SRC_VNI src_vni => SrcVni(u32),
        /// Who added the entry (`RTPROT_*`).
        12 NDA_PROTOCOL protocol => Protocol(RouteProtocol),
        /// The next-hop (group) id the FDB entry points at.
        13 NDA_NH_ID nh_id => NhId(u32),
        /// Bridge FDB extensions.
        14 NDA_FDB_EXT_ATTRS fdb_ext_attrs => FdbExtAttrs(Nest<'a, O, FdbExtAttr<'a, O>>) nest FdbExtAttr,
        /// The flags past `ndm_flags` (see [`NtfExtFlags`]).
        15 NDA_FLAGS_EXT flags_ext => FlagsExt(NtfExtFlags),
        /// In a dump request: the states to list.
        16 NDA_NDM_STATE_MASK ndm_state_mask => NdmStateMask(NudState),
        /// In a dump request: the flags to list.
        17 NDA_NDM_FLAGS_MASK ndm_flags_mask => NdmFlagsMask(NtfFlags),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for NdMsg<O> {
    type Attr<'a> = NeighAttr<'a, O>;
    fn family(&self) -> u8 {
        self.ndm_family
    }
}

/// A neighbour or bridge FDB message (`RTM_NEWNEIGH`, `RTM_DELNEIGH`,
/// `RTM_GETNEIGH`): the `ndmsg` header and lazily decoded attributes.
pub type NeighMessage<'a, O = NativeEndian> = Headered<'a, O, NdMsg<O>>;

impl<'a, O: ByteOrder> Headered<'a, O, NdMsg<O>> {
    /// The network address (`NDA_DST`), if present.
    pub fn destination(&self) -> Option<Address<'a>> {
        match self.find(NDA_DST) {
            Some(NeighAttr::Dst(a)) => Some(a.0),
            _ => None,
        }
    }
    /// The link-layer address (`NDA_LLADDR`), if present.
    pub fn lladdr(&self) -> Option<&'a [u8]> {
        match self.find(NDA_LLADDR) {
            Some(NeighAttr::Lladdr(b)) => Some(b.0),
            _ => None,
        }
    }
    /// The extended flags (`NDA_FLAGS_EXT`; none when absent).
    pub fn flags_ext(&self) -> NtfExtFlags {
        match self.find(NDA_FLAGS_EXT) {
            Some(NeighAttr::FlagsExt(f)) => f,
            _ => NtfExtFlags(0),
        }
    }
}

/// Writes a whole neighbour request (`ip neigh add|del|replace`, `bridge
/// fdb add`, a filtered dump): `nlmsghdr` + `ndmsg`, then the attributes
/// `attrs` writes; nothing of it on error.
pub fn request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &NdMsg<O>,
    attrs: impl FnOnce(&mut Scope<'_, B, O, NeighAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, header, attrs)
}

zc_struct! {
    /// `struct ndtmsg`, the neighbour table family's 4-byte header.
    pub struct NdtMsg<O> {
        /// `ndtm_family`: `AF_INET` (arp_cache), `AF_INET6` (ndisc_cache), …
        ndtm_family: u8,
        /// `ndtm_pad1`.
        ndtm_pad1: u8,
        /// `ndtm_pad2`.
        ndtm_pad2: U16<O>,
    }
}

struct_payload! {
    /// `struct ndt_config` (`NDTA_CONFIG`, read-only), 32 bytes.
    pub struct NdtConfig<O> {
        /// `ndtc_key_len`: bytes of a key (an address).
        ndtc_key_len: U16<O>,
        /// `ndtc_entry_size`: bytes of an entry.
        ndtc_entry_size: U16<O>,
        /// `ndtc_entries`: entries in the table.
        ndtc_entries: U32<O>,
        /// `ndtc_last_flush`: milliseconds since the last flush.
        ndtc_last_flush: U32<O>,
        /// `ndtc_last_rand`: milliseconds since reachable times were
        /// last randomised.
        ndtc_last_rand: U32<O>,
        /// `ndtc_hash_rnd`: the hash seed.
        ndtc_hash_rnd: U32<O>,
        /// `ndtc_hash_mask`: the hash mask.
        ndtc_hash_mask: U32<O>,
        /// `ndtc_hash_chain_gc`: the chain garbage collection is at.
        ndtc_hash_chain_gc: U32<O>,
        /// `ndtc_proxy_qlen`: packets queued for proxying.
        ndtc_proxy_qlen: U32<O>,
    }
}

struct_payload! {
    /// `struct ndt_stats` (`NDTA_STATS`, read-only), 88 bytes of counters.
    pub struct NdtStats<O> {
        /// `ndts_allocs`.
        ndts_allocs: U64<O>,
        /// `ndts_destroys`.
        ndts_destroys: U64<O>,
        /// `ndts_hash_grows`.
        ndts_hash_grows: U64<O>,
        /// `ndts_res_failed`.
        ndts_res_failed: U64<O>,
        /// `ndts_lookups`.
        ndts_lookups: U64<O>,
        /// `ndts_hits`.
        ndts_hits: U64<O>,
        /// `ndts_rcv_probes_mcast`.
        ndts_rcv_probes_mcast: U64<O>,
        /// `ndts_rcv_probes_ucast`.
        ndts_rcv_probes_ucast: U64<O>,
        /// `ndts_periodic_gc_runs`.
        ndts_periodic_gc_runs: U64<O>,
        /// `ndts_forced_gc_runs`.
        ndts_forced_gc_runs: U64<O>,
        /// `ndts_table_fulls`.
        ndts_table_fulls: U64<O>,
    }
}

attr_set! {
    /// A neighbour table parameter (`NDTPA_*`, inside `NDTA_PARMS`); times
    /// in milliseconds.
    pub enum NdtParmsAttr {
        /// The device the set is for (absent: the table's defaults).
        1 NDTPA_IFINDEX ifindex => Ifindex(u32),
        /// References held (read-only).
        2 NDTPA_REFCNT refcnt => Refcnt(u32),
        /// The current reachable time (read-only).
        3 NDTPA_REACHABLE_TIME reachable_time => ReachableTime(u64),
        /// The base reachable time.
        4 NDTPA_BASE_REACHABLE_TIME base_reachable_time => BaseReachableTime(u64),
        /// The retransmit time.
        5 NDTPA_RETRANS_TIME retrans_time => RetransTime(u64),
        /// The stale time after which garbage collection may drop an entry.
        6 NDTPA_GC_STALETIME gc_staletime => GcStaletime(u64),
        /// The delay before the first probe.
        7 NDTPA_DELAY_PROBE_TIME delay_probe_time => DelayProbeTime(u64),
        /// The queue length in packets (older kernels).
        8 NDTPA_QUEUE_LEN queue_len => QueueLen(u32),
        /// Probes sent to the application.
        9 NDTPA_APP_PROBES app_probes => AppProbes(u32),
        /// Unicast probes.
        10 NDTPA_UCAST_PROBES ucast_probes => UcastProbes(u32),
        /// Multicast probes.
        11 NDTPA_MCAST_PROBES mcast_probes => McastProbes(u32),
        /// The anycast reply delay.
        12 NDTPA_ANYCAST_DELAY anycast_delay => AnycastDelay(u64),
        /// The proxy reply delay.
        13 NDTPA_PROXY_DELAY proxy_delay => ProxyDelay(u64),
        /// The proxy queue length.
        14 NDTPA_PROXY_QLEN proxy_qlen => ProxyQlen(u32),
        /// The lock time.
        15 NDTPA_LOCKTIME locktime => Locktime(u64),
        /// The queue length in bytes.
        16 NDTPA_QUEUE_LENBYTES queue_lenbytes => QueueLenbytes(u32),
        /// Multicast re-probes.
        17 NDTPA_MCAST_REPROBES mcast_reprobes => McastReprobes(u32),
        /// Padding for the 64-bit values.
        18 NDTPA_PAD pad => Pad(Bytes<'a>),
        /// The interval between probes.
        19 NDTPA_INTERVAL_PROBE_TIME_MS interval_probe_time_ms => IntervalProbeTimeMs(u64),
    }
}

attr_set! {
    /// A neighbour table attribute (`NDTA_*`).
    pub enum NeighTblAttr {
        /// The table's name (`arp_cache`, `ndisc_cache`).
        1 NDTA_NAME name => Name(&'a str),
        /// Garbage collection threshold 1 (no collection below it).
        2 NDTA_THRESH1 thresh1 => Thresh1(u32),
        /// Threshold 2 (soft maximum).
        3 NDTA_THRESH2 thresh2 => Thresh2(u32),
        /// Threshold 3 (hard maximum).
        4 NDTA_THRESH3 thresh3 => Thresh3(u32),
        /// The table's configuration (read-only).
        5 NDTA_CONFIG config => Config(NdtConfig<O>),
        /// A parameter set.
        6 NDTA_PARMS parms => Parms(Nest<'a, O, NdtParmsAttr<'a, O>>) nest NdtParmsAttr,
        /// Counters (read-only).
        7 NDTA_STATS stats => Stats(NdtStats<O>),
        /// The garbage collection interval in milliseconds.
        8 NDTA_GC_INTERVAL gc_interval => GcInterval(u64),
        /// Padding for the 64-bit values.
        9 NDTA_PAD pad => Pad(Bytes<'a>),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for NdtMsg<O> {
    type Attr<'a> = NeighTblAttr<'a, O>;
    fn family(&self) -> u8 {
        self.ndtm_family
    }
}

/// A neighbour table message (`RTM_NEWNEIGHTBL`, `RTM_GETNEIGHTBL`,
/// `RTM_SETNEIGHTBL`). A dump sends each table as one message with its
/// configuration, statistics and default parameters, then one per device
/// with only `NDTA_NAME` and a device's `NDTA_PARMS`.
pub type NeighTblMessage<'a, O = NativeEndian> = Headered<'a, O, NdtMsg<O>>;

impl<'a, O: ByteOrder> Headered<'a, O, NdtMsg<O>> {
    /// The table's name (`NDTA_NAME`), if present.
    pub fn name(&self) -> Option<&'a str> {
        match self.find(NDTA_NAME) {
            Some(NeighTblAttr::Name(n)) => Some(n),
            _ => None,
        }
    }
}

/// Writes a whole neighbour table request (`ip ntable change`, a dump):
/// `nlmsghdr` + `ndtmsg`, then the attributes `attrs` writes.
pub fn table_request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &NdtMsg<O>,
    attrs: impl FnOnce(&mut Scope<'_, B, O, NeighTblAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, header, attrs)
}

zc_struct! {
    /// `struct nduseroptmsg`, the 16-byte header of a neighbour-discovery
    /// user option message; `nduseropt_opts_len` bytes of ICMPv6 options
    /// follow it, then attributes.
    pub struct NdUserOptMsg<O> {
        /// `nduseropt_family`: `AF_INET6`.
        nduseropt_family: u8,
        /// `nduseropt_pad1`.
        nduseropt_pad1: u8,
        /// `nduseropt_opts_len`: bytes of options after the header.
        nduseropt_opts_len: U16<O>,
        /// `nduseropt_ifindex`: the interface the router advertisement came in on.
        nduseropt_ifindex: I32<O>,
        /// `nduseropt_icmp_type`: the ICMPv6 type (134, router advertisement).
        nduseropt_icmp_type: u8,
        /// `nduseropt_icmp_code`: the ICMPv6 code.
        nduseropt_icmp_code: u8,
        /// `nduseropt_pad2`.
        nduseropt_pad2: U16<O>,
        /// `nduseropt_pad3`.
        nduseropt_pad3: U32<O>,
    }
}

attr_set! {
    /// An attribute of an ND user option message (`NDUSEROPT_*`).
    pub enum NdUserOptAttr {
        /// The router's address.
        1 NDUSEROPT_SRCADDR srcaddr => Srcaddr(Address<'a>),
    }
}

/// One ICMPv6 neighbour-discovery option (RFC 4861 §4.6): its type and
/// its bytes, type and length octets included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NdOption<'a> {
    /// The option type (25: RDNSS, 31: DNSSL, 24: route information, …).
    pub ty: u8,
    /// The whole option, `8 * length` bytes.
    pub bytes: &'a [u8],
}

impl<'a> NdOption<'a> {
    /// The option's body after its type and length octets.
    pub fn body(&self) -> &'a [u8] {
        self.bytes.get(2..).unwrap_or(&[])
    }
}

/// The ICMPv6 options of an ND user option message, in order. Yields one
/// error (with the option's offset) for a zero length or an option that
/// runs past the end, then stops.
#[derive(Debug, Clone)]
pub struct NdOptions<'a> {
    rest: &'a [u8],
    offset: usize,
    failed: bool,
}

impl<'a> Iterator for NdOptions<'a> {
    type Item = Result<NdOption<'a>, DecodeError>;
    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        let n = self.rest.get(1).map_or(0, |&l| usize::from(l) * 8);
        match (n, self.rest.get(..n)) {
            (8.., Some(bytes)) => {
                let ty = bytes[0];
                self.rest = &self.rest[n..];
                self.offset += n;
                Some(Ok(NdOption { ty, bytes }))
            }
            _ => {
                self.failed = true;
                let have = self.rest.len();
                Some(Err(DecodeError::new(self.offset, DecodeErrorKind::ShortStruct { need: n.max(8), have })))
            }
        }
    }
}

/// A neighbour-discovery user option message (`RTM_NEWNDUSEROPT`): the
/// options of a router advertisement the kernel does not handle itself
/// (RDNSS, DNSSL, …), for a daemon to act on.
#[derive(Debug, Clone, PartialEq)]
pub struct NdUserOptMessage<'a, O: ByteOrder = NativeEndian> {
    header: NdUserOptMsg<O>,
    options: &'a [u8],
    options_offset: usize,
    attrs: TypedAttrs<'a, O, NdUserOptAttr<'a, O>>,
}

impl<'a, O: ByteOrder> NdUserOptMessage<'a, O> {
    /// Size of `struct nduseroptmsg`.
    pub const HEADER_LEN: usize = 16;

    /// Parses the payload; fails when it is shorter than the header plus
    /// the options it announces.
    pub fn parse(msg: &NlMsg<'a, O>) -> Result<Self, DecodeError> {
        Self::parse_with(msg, false)
    }
    /// As [`parse`](Self::parse), decoding strictly when `strict` is set
    /// (see [`Ctx::strict`]).
    pub fn parse_with(msg: &NlMsg<'a, O>, strict: bool) -> Result<Self, DecodeError> {
        let p = msg.payload();
        let short =
            |need: usize| DecodeError::new(msg.payload_offset(), DecodeErrorKind::ShortStruct { need, have: p.len() });
        let (header, _) = NdUserOptMsg::<O>::read_from_prefix(p).map_err(|_| short(Self::HEADER_LEN))?;
        let end = Self::HEADER_LEN + usize::from(header.nduseropt_opts_len.get());
        let options = p.get(Self::HEADER_LEN..end).ok_or_else(|| short(end))?;
        let ctx = Ctx::message(header.nduseropt_family, msg.ty(), msg.flags()).strict(strict);
        Ok(NdUserOptMessage {
            header,
            options,
            options_offset: msg.payload_offset() + Self::HEADER_LEN,
            attrs: TypedAttrs::new(msg.attrs_after(end), ctx),
        })
    }
    /// The `nduseroptmsg` header.
    pub fn header(&self) -> &NdUserOptMsg<O> {
        &self.header
    }
    /// The options' bytes.
    pub fn options_bytes(&self) -> &'a [u8] {
        self.options
    }
    /// The options, one by one.
    pub fn options(&self) -> NdOptions<'a> {
        NdOptions { rest: self.options, offset: self.options_offset, failed: false }
    }
    /// The attributes, decoded lazily.
    pub fn attrs(&self) -> TypedAttrs<'a, O, NdUserOptAttr<'a, O>> {
        self.attrs.clone()
    }
    /// Encodes header, options and attributes (as a message body).
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.bytes(zerocopy::IntoBytes::as_bytes(&self.header))?;
        w.bytes(self.options)?;
        let pad = align(Self::HEADER_LEN + self.options.len()) - Self::HEADER_LEN - self.options.len();
        w.bytes(&[0u8; 4][..pad])?;
        self.attrs.emit_all(w)
    }
    /// The first problem: an option that does not frame, else an attribute.
    pub fn first_error(&self) -> Option<DecodeError> {
        self.options().find_map(Result::err).or_else(|| self.attrs.first_error())
    }
    /// Names the attributes that hold byte `offset`.
    pub fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        self.attrs.locate(offset, f)
    }
}

impl<O: ByteOrder> Render for NdUserOptMessage<'_, O> {
    /// `{"header": {...}, "options": "hex", "attrs": [...]}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("header", &self.header)?;
        m.entry("options", &Value::Hex(self.options))?;
        m.entry("attrs", &self.attrs)?;
        m.end()
    }
}
serde_via_render!(impl['a, O: ByteOrder] NdUserOptMessage<'a, O>);

#[cfg(test)]
mod tests;
