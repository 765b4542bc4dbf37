//! One enum over every RTNETLINK message: [`Message`] and [`RtnlMessage`].
//!
//! Every `RTM_*` type of the Linux 7.2 headers is known by name and by its
//! family's fixed header. Typed families decode fully (link, route, address,
//! address label, …); the
//! others decode as their fixed header (fields named as in the kernel's
//! struct) plus raw attributes (named from the kernel's enums), which
//! re-encode byte for byte. Types this version does not know decode as
//! [`RtnlMessage::Raw`]. Well-framed input is never an error.

mod ext_ack;
#[rustfmt::skip]
mod names;
#[rustfmt::skip]
#[allow(non_upper_case_globals)]
pub mod consts;

pub use ext_ack::*;

use crate::addr::{AddrLabelMessage, AddrMessage};
use crate::link::LinkMessage;
use crate::mroute::{Ip6mrReportMessage, IpmrReportMessage};
use crate::neigh::{NdUserOptMessage, NeighMessage, NeighTblMessage};
use crate::netconf::NetconfMessage;
use crate::nexthop::NexthopMessage;
use crate::nsid::NsidMessage;
use crate::prefix::PrefixMessage;
use crate::route::RouteMessage;
use crate::rule::RuleMessage;
use crate::tc::{ActionMessage, TcMessage};
use crate::typed::{Ctx, FamilyHeader, Headered, PathName, TypedAttrs};
use crate::wire::control::{DoneMsg, ErrorMsg};
use crate::wire::flags::{self, FlagContext};
use crate::wire::visit::{AttrName, MapRenderer, Pair, Render, Renderer, SeqRenderer, Value};
use crate::wire::{
    align, Attrs, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, NativeEndian, NlMsg, NlMsgHdr, Writer,
    I32, U16, U32,
};

/// `IFLA_EXT_MASK` bits (`RTEXT_FILTER_*`): what a link dump includes.
/// A link dump request should always carry the attribute: only then does the
/// kernel size the dump's datagrams for the largest link.
pub mod ext_mask {
    /// `RTEXT_FILTER_VF`: SR-IOV virtual functions (`IFLA_VFINFO_LIST`).
    pub const RTEXT_FILTER_VF: u32 = 1 << 0;
    /// `RTEXT_FILTER_BRVLAN`: bridge port VLANs, one entry each.
    pub const RTEXT_FILTER_BRVLAN: u32 = 1 << 1;
    /// `RTEXT_FILTER_BRVLAN_COMPRESSED`: bridge port VLANs as ranges.
    pub const RTEXT_FILTER_BRVLAN_COMPRESSED: u32 = 1 << 2;
    /// `RTEXT_FILTER_SKIP_STATS`: no `IFLA_STATS` / `IFLA_STATS64`.
    pub const RTEXT_FILTER_SKIP_STATS: u32 = 1 << 3;
    /// `RTEXT_FILTER_MRP`: bridge MRP state.
    pub const RTEXT_FILTER_MRP: u32 = 1 << 4;
    /// `RTEXT_FILTER_CFM_CONFIG`: bridge CFM configuration.
    pub const RTEXT_FILTER_CFM_CONFIG: u32 = 1 << 5;
    /// `RTEXT_FILTER_CFM_STATUS`: bridge CFM status.
    pub const RTEXT_FILTER_CFM_STATUS: u32 = 1 << 6;
    /// `RTEXT_FILTER_MST`: bridge multiple spanning tree state.
    pub const RTEXT_FILTER_MST: u32 = 1 << 7;
    /// `RTEXT_FILTER_NAME_ONLY`: the name and little else (kernels that know
    /// it; older ones ignore the bit).
    pub const RTEXT_FILTER_NAME_ONLY: u32 = 1 << 8;
}

/// The layout of a fixed family header, for rendering families that are not
/// typed yet: `(field, offset, size)`, sizes 1, 2 or 4, host order, signed
/// when the size is negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderLayout {
    /// The kernel's struct name (`ifinfomsg`).
    pub name: &'static str,
    /// `sizeof` the struct.
    pub size: usize,
    /// `(field name, offset, size)`; a size of -4 is a signed 32-bit field.
    pub fields: &'static [(&'static str, u8, i8)],
}

/// What the kernel's headers say about a message type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FamilyInfo {
    /// The family's name (`link`, `route`, …).
    pub family: &'static str,
    /// The fixed header.
    pub header: &'static HeaderLayout,
    /// Kernel names of the top-level attributes, by id.
    pub attr_names: &'static [&'static str],
}

macro_rules! layouts {
    ($($konst:ident $name:literal $size:literal [$($f:literal $o:literal $s:literal),*];)*) => {
        $(
            #[doc = concat!("`struct ", $name, "`.")]
            pub const $konst: HeaderLayout = HeaderLayout { name: $name, size: $size, fields: &[$(($f, $o, $s)),*] };
        )*
    };
}

/// The fixed headers of every family.
pub mod layouts {
    use super::HeaderLayout;
    layouts! {
        IFINFOMSG "ifinfomsg" 16 ["ifi_family" 0 1, "__ifi_pad" 1 1, "ifi_type" 2 2, "ifi_index" 4 -4, "ifi_flags" 8 4, "ifi_change" 12 4];
        IFADDRMSG "ifaddrmsg" 8 ["ifa_family" 0 1, "ifa_prefixlen" 1 1, "ifa_flags" 2 1, "ifa_scope" 3 1, "ifa_index" 4 4];
        RTMSG "rtmsg" 12 ["rtm_family" 0 1, "rtm_dst_len" 1 1, "rtm_src_len" 2 1, "rtm_tos" 3 1, "rtm_table" 4 1, "rtm_protocol" 5 1, "rtm_scope" 6 1, "rtm_type" 7 1, "rtm_flags" 8 4];
        NDMSG "ndmsg" 12 ["ndm_family" 0 1, "ndm_pad1" 1 1, "ndm_pad2" 2 2, "ndm_ifindex" 4 -4, "ndm_state" 8 2, "ndm_flags" 10 1, "ndm_type" 11 1];
        NDTMSG "ndtmsg" 4 ["ndtm_family" 0 1, "ndtm_pad1" 1 1, "ndtm_pad2" 2 2];
        FIB_RULE_HDR "fib_rule_hdr" 12 ["family" 0 1, "dst_len" 1 1, "src_len" 2 1, "tos" 3 1, "table" 4 1, "res1" 5 1, "res2" 6 1, "action" 7 1, "flags" 8 4];
        TCMSG "tcmsg" 20 ["tcm_family" 0 1, "tcm__pad1" 1 1, "tcm__pad2" 2 2, "tcm_ifindex" 4 -4, "tcm_handle" 8 4, "tcm_parent" 12 4, "tcm_info" 16 4];
        TCAMSG "tcamsg" 4 ["tca_family" 0 1, "tca__pad1" 1 1, "tca__pad2" 2 2];
        PREFIXMSG "prefixmsg" 12 ["prefix_family" 0 1, "prefix_pad1" 1 1, "prefix_pad2" 2 2, "prefix_ifindex" 4 -4, "prefix_type" 8 1, "prefix_len" 9 1, "prefix_flags" 10 1, "prefix_pad3" 11 1];
        RTGENMSG "rtgenmsg" 1 ["rtgen_family" 0 1];
        NHMSG "nhmsg" 8 ["nh_family" 0 1, "nh_scope" 1 1, "nh_protocol" 2 1, "resvd" 3 1, "nh_flags" 4 4];
        NETCONFMSG "netconfmsg" 1 ["ncm_family" 0 1];
        BR_PORT_MSG "br_port_msg" 8 ["family" 0 1, "ifindex" 4 4];
        IF_STATS_MSG "if_stats_msg" 12 ["family" 0 1, "pad1" 1 1, "pad2" 2 2, "ifindex" 4 4, "filter_mask" 8 4];
        IFADDRLBLMSG "ifaddrlblmsg" 12 ["ifal_family" 0 1, "__ifal_reserved" 1 1, "ifal_prefixlen" 2 1, "ifal_flags" 3 1, "ifal_index" 4 4, "ifal_seq" 8 4];
        BR_VLAN_MSG "br_vlan_msg" 8 ["family" 0 1, "reserved1" 1 1, "reserved2" 2 2, "ifindex" 4 4];
        TUNNEL_MSG "tunnel_msg" 8 ["family" 0 1, "flags" 1 1, "reserved2" 2 2, "ifindex" 4 4];
        NDUSEROPTMSG "nduseroptmsg" 16 ["nduseropt_family" 0 1, "nduseropt_pad1" 1 1, "nduseropt_opts_len" 2 2, "nduseropt_ifindex" 4 -4, "nduseropt_icmp_type" 8 1, "nduseropt_icmp_code" 9 1, "nduseropt_pad2" 10 2, "nduseropt_pad3" 12 4];
        DCBMSG "dcbmsg" 4 ["dcb_family" 0 1, "cmd" 1 1, "dcb_pad" 2 2];
    }
}

macro_rules! msg_types {
    ($($konst:ident = $val:literal;)*) => {
        $(
            #[doc = concat!("`", stringify!($konst), "`")]
            pub const $konst: u16 = $val;
        )*
        /// The kernel name of a message type (`NLMSG_*` or `RTM_*`).
        pub fn type_name(ty: u16) -> Option<&'static str> {
            match ty {
                $($val => Some(stringify!($konst)),)*
                _ => None,
            }
        }
        /// Looks a message type up by its kernel name.
        pub fn type_from_name(name: &str) -> Option<u16> {
            $(if name == stringify!($konst) { return Some($val); })*
            None
        }
    };
}

/// Message type numbers: the control messages and every `RTM_*` of 7.2.
pub mod types {
    msg_types! {
        NLMSG_NOOP = 1; NLMSG_ERROR = 2; NLMSG_DONE = 3; NLMSG_OVERRUN = 4;
        RTM_NEWLINK = 16; RTM_DELLINK = 17; RTM_GETLINK = 18; RTM_SETLINK = 19;
        RTM_NEWADDR = 20; RTM_DELADDR = 21; RTM_GETADDR = 22;
        RTM_NEWROUTE = 24; RTM_DELROUTE = 25; RTM_GETROUTE = 26;
        RTM_NEWNEIGH = 28; RTM_DELNEIGH = 29; RTM_GETNEIGH = 30;
        RTM_NEWRULE = 32; RTM_DELRULE = 33; RTM_GETRULE = 34;
        RTM_NEWQDISC = 36; RTM_DELQDISC = 37; RTM_GETQDISC = 38;
        RTM_NEWTCLASS = 40; RTM_DELTCLASS = 41; RTM_GETTCLASS = 42;
        RTM_NEWTFILTER = 44; RTM_DELTFILTER = 45; RTM_GETTFILTER = 46;
        RTM_NEWACTION = 48; RTM_DELACTION = 49; RTM_GETACTION = 50;
        RTM_NEWPREFIX = 52;
        RTM_NEWMULTICAST = 56; RTM_DELMULTICAST = 57; RTM_GETMULTICAST = 58;
        RTM_NEWANYCAST = 60; RTM_DELANYCAST = 61; RTM_GETANYCAST = 62;
        RTM_NEWNEIGHTBL = 64; RTM_GETNEIGHTBL = 66; RTM_SETNEIGHTBL = 67;
        RTM_NEWNDUSEROPT = 68;
        RTM_NEWADDRLABEL = 72; RTM_DELADDRLABEL = 73; RTM_GETADDRLABEL = 74;
        RTM_GETDCB = 78; RTM_SETDCB = 79;
        RTM_NEWNETCONF = 80; RTM_DELNETCONF = 81; RTM_GETNETCONF = 82;
        RTM_NEWMDB = 84; RTM_DELMDB = 85; RTM_GETMDB = 86;
        RTM_NEWNSID = 88; RTM_DELNSID = 89; RTM_GETNSID = 90;
        RTM_NEWSTATS = 92; RTM_GETSTATS = 94; RTM_SETSTATS = 95;
        RTM_NEWCACHEREPORT = 96;
        RTM_NEWCHAIN = 100; RTM_DELCHAIN = 101; RTM_GETCHAIN = 102;
        RTM_NEWNEXTHOP = 104; RTM_DELNEXTHOP = 105; RTM_GETNEXTHOP = 106;
        RTM_NEWLINKPROP = 108; RTM_DELLINKPROP = 109; RTM_GETLINKPROP = 110;
        RTM_NEWVLAN = 112; RTM_DELVLAN = 113; RTM_GETVLAN = 114;
        RTM_NEWNEXTHOPBUCKET = 116; RTM_DELNEXTHOPBUCKET = 117; RTM_GETNEXTHOPBUCKET = 118;
        RTM_NEWTUNNEL = 120; RTM_DELTUNNEL = 121; RTM_GETTUNNEL = 122;
    }
}

/// The family information of an `RTM_*` type, or `None` for control
/// messages and types the 7.2 headers do not define.
pub fn family_of(ty: u16) -> Option<FamilyInfo> {
    use layouts::*;
    let f = |family, header, attr_names| Some(FamilyInfo { family, header, attr_names });
    types::type_name(ty)?;
    match ty {
        16..=19 => f("link", &IFINFOMSG, names::IFLA),
        20..=22 => f("addr", &IFADDRMSG, names::IFA),
        24..=26 => f("route", &RTMSG, &[]),
        28..=30 => f("neigh", &NDMSG, names::NDA),
        32..=34 => f("rule", &FIB_RULE_HDR, names::FRA),
        36..=38 => f("qdisc", &TCMSG, names::TCA),
        40..=42 => f("tclass", &TCMSG, names::TCA),
        44..=46 => f("tfilter", &TCMSG, names::TCA),
        48..=50 => f("action", &TCAMSG, names::TCA_ROOT),
        52 => f("prefix", &PREFIXMSG, names::PREFIX),
        56..=58 => f("multicast", &IFADDRMSG, names::IFA),
        60..=62 => f("anycast", &IFADDRMSG, names::IFA),
        64..=67 => f("neightbl", &NDTMSG, names::NDTA),
        68 => f("nduseropt", &NDUSEROPTMSG, names::NDUSEROPT),
        72..=74 => f("addrlabel", &IFADDRLBLMSG, names::IFAL),
        78..=79 => f("dcb", &DCBMSG, names::DCB_ATTR),
        80..=82 => f("netconf", &NETCONFMSG, names::NETCONFA),
        84..=86 => f("mdb", &BR_PORT_MSG, names::MDBA),
        88..=90 => f("nsid", &RTGENMSG, names::NETNSA),
        92..=95 => f("stats", &IF_STATS_MSG, names::IFLA_STATS),
        96 => f("cachereport", &RTGENMSG, names::IPMRA_CREPORT),
        100..=102 => f("chain", &TCMSG, names::TCA),
        104..=106 => f("nexthop", &NHMSG, names::NHA),
        108..=110 => f("linkprop", &IFINFOMSG, names::IFLA),
        112..=114 => f("vlan", &BR_VLAN_MSG, names::BRIDGE_VLANDB),
        116..=118 => f("nexthopbucket", &NHMSG, names::NHA),
        120..=122 => f("tunnel", &TUNNEL_MSG, names::VXLAN_VNIFILTER),
        _ => None,
    }
}

/// A message of a family this version does not type yet: its fixed header
/// (bytes, rendered by [`HeaderLayout`]) and raw attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyMessage<'a, O: ByteOrder = NativeEndian> {
    info: FamilyInfo,
    header: &'a [u8],
    attrs: Attrs<'a, O>,
}

impl<'a, O: ByteOrder> FamilyMessage<'a, O> {
    fn parse(msg: &NlMsg<'a, O>, info: FamilyInfo) -> Result<Self, DecodeError> {
        let p = msg.payload();
        let size = info.header.size;
        if p.len() < size {
            return Err(DecodeError::new(
                msg.payload_offset(),
                DecodeErrorKind::ShortStruct { need: size, have: p.len() },
            ));
        }
        // IPMR cache reports from old kernels have no attributes after rtgenmsg
        let hdr_area = p.get(..align(size).min(p.len())).unwrap_or(p);
        Ok(FamilyMessage { info, header: hdr_area, attrs: msg.attrs_after(size) })
    }
    /// What the family is.
    pub fn info(&self) -> FamilyInfo {
        self.info
    }
    /// The fixed header's bytes (with its padding to 4 bytes).
    pub fn header_bytes(&self) -> &'a [u8] {
        self.header
    }
    /// The raw attributes.
    pub fn attrs(&self) -> Attrs<'a, O> {
        self.attrs.clone()
    }
    /// The kernel name of top-level attribute `id`.
    pub fn attr_name(&self, id: u16) -> Option<&'static str> {
        let names = match (self.info.family, self.header.first()) {
            ("cachereport", Some(&crate::net::RTNL_FAMILY_IP6MR)) => names::IP6MRA_CREPORT,
            _ => self.info.attr_names,
        };
        names.get(usize::from(id)).copied().filter(|n| !n.is_empty())
    }
    fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.bytes(self.header)?;
        self.attrs.emit_verbatim(w)
    }
    /// The fixed header's fields, by the kernel's names, in byte order `O`.
    pub fn header_fields(&self) -> impl Iterator<Item = (&'static str, Value<'static>)> + '_ {
        self.info.header.fields.iter().filter_map(move |&(name, off, size)| {
            let off = usize::from(off);
            let b = |n: usize| self.header.get(off..off + n);
            let val = match (size, b(4), b(2), b(1)) {
                (4, Some(x), _, _) => Value::U64(U32::<O>::from_bytes([x[0], x[1], x[2], x[3]]).get().into()),
                (-4, Some(x), _, _) => Value::I64(I32::<O>::from_bytes([x[0], x[1], x[2], x[3]]).get().into()),
                (2, _, Some(x), _) => Value::U64(U16::<O>::from_bytes([x[0], x[1]]).get().into()),
                (1, _, _, Some(x)) => Value::U64(x[0].into()),
                _ => return None,
            };
            Some((name, val))
        })
    }
}

struct RawHeaderView<'m, 'a, O: ByteOrder>(&'m FamilyMessage<'a, O>);
impl<O: ByteOrder> Render for RawHeaderView<'_, '_, O> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        for (name, val) in self.0.header_fields() {
            m.entry(name, &val)?;
        }
        m.end()
    }
}

struct FamilyAttrs<'m, 'a, O: ByteOrder>(&'m FamilyMessage<'a, O>);
impl<O: ByteOrder> Render for FamilyAttrs<'_, '_, O> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let f = self.0;
        let mut s = r.seq()?;
        for a in f.attrs.clone().map_while(Result::ok) {
            let name = match f.attr_name(a.id()) {
                Some(n) => AttrName::Known(n),
                None => AttrName::Unknown(a.id()),
            };
            s.element(&Pair(name, &Value::Hex(a.payload())))?;
        }
        s.end()
    }
}

/// The body of a netlink message, by type.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RtnlMessage<'a, O: ByteOrder = NativeEndian> {
    /// `NLMSG_NOOP` (its payload, normally empty, kept).
    Noop(&'a [u8]),
    /// `NLMSG_ERROR`: an error or acknowledgement.
    Error(ErrorMsg<'a, O>),
    /// `NLMSG_DONE`: the end of a dump.
    Done(DoneMsg<'a, O>),
    /// `NLMSG_OVERRUN` (its payload kept).
    Overrun(&'a [u8]),
    /// A route message (`RTM_NEWROUTE`, `RTM_DELROUTE`, `RTM_GETROUTE`).
    Route(RouteMessage<'a, O>),
    /// A link message (`RTM_NEWLINK` … `RTM_SETLINK`, `RTM_*LINKPROP`).
    Link(LinkMessage<'a, O>),
    /// An address message (`RTM_*ADDR`), or a multicast or anycast one
    /// (`RTM_*MULTICAST`, `RTM_*ANYCAST`, same layout).
    Addr(AddrMessage<'a, O>),
    /// An address label message (`RTM_*ADDRLABEL`).
    AddrLabel(AddrLabelMessage<'a, O>),
    /// A neighbour or bridge FDB message (`RTM_*NEIGH`).
    Neigh(NeighMessage<'a, O>),
    /// A neighbour table message (`RTM_*NEIGHTBL`).
    NeighTbl(NeighTblMessage<'a, O>),
    /// A neighbour-discovery user option message (`RTM_NEWNDUSEROPT`).
    NdUserOpt(NdUserOptMessage<'a, O>),
    /// A netconf message (`RTM_*NETCONF`).
    Netconf(NetconfMessage<'a, O>),
    /// A namespace id message (`RTM_*NSID`).
    Nsid(NsidMessage<'a, O>),
    /// An IPv6 prefix notification (`RTM_NEWPREFIX`).
    Prefix(PrefixMessage<'a, O>),
    /// A policy routing rule (`RTM_*RULE`).
    Rule(RuleMessage<'a, O>),
    /// A next hop or a resilient group's bucket (`RTM_*NEXTHOP`,
    /// `RTM_*NEXTHOPBUCKET`).
    Nexthop(NexthopMessage<'a, O>),
    /// An IPv4 multicast cache report (`RTM_NEWCACHEREPORT`, family
    /// `RTNL_FAMILY_IPMR`).
    IpmrReport(IpmrReportMessage<'a, O>),
    /// An IPv6 multicast cache report (`RTM_NEWCACHEREPORT`, family
    /// `RTNL_FAMILY_IP6MR`).
    Ip6mrReport(Ip6mrReportMessage<'a, O>),
    /// A traffic-control message of a qdisc, class, filter or chain
    /// (`RTM_*QDISC`, `RTM_*TCLASS`, `RTM_*TFILTER`, `RTM_*CHAIN`).
    Tc(TcMessage<'a, O>),
    /// An action message (`RTM_*ACTION`).
    Action(ActionMessage<'a, O>),
    /// A message of a family not typed yet: fixed header plus raw attributes.
    Family(FamilyMessage<'a, O>),
    /// A message type this version does not know: its payload.
    Raw(&'a [u8]),
    /// A known type whose payload is too short for its fixed header: the
    /// payload, kept, and why.
    Invalid(&'a [u8], DecodeError),
}

/// Matches a message body: `$m => $e` for every typed (headered) variant,
/// `$m` bound to its message, then the arms given for the rest. The one
/// place besides [`Message::decode`] that lists the typed families.
macro_rules! match_typed {
    ($body:expr, $m:ident => $e:expr, $($rest:tt)*) => {
        match $body {
            RtnlMessage::Route($m) => $e,
            RtnlMessage::Link($m) => $e,
            RtnlMessage::Addr($m) => $e,
            RtnlMessage::AddrLabel($m) => $e,
            RtnlMessage::Neigh($m) => $e,
            RtnlMessage::NeighTbl($m) => $e,
            RtnlMessage::Netconf($m) => $e,
            RtnlMessage::Nsid($m) => $e,
            RtnlMessage::Prefix($m) => $e,
            RtnlMessage::Rule($m) => $e,
            RtnlMessage::Nexthop($m) => $e,
            RtnlMessage::IpmrReport($m) => $e,
            RtnlMessage::Ip6mrReport($m) => $e,
            RtnlMessage::Tc($m) => $e,
            RtnlMessage::Action($m) => $e,
            $($rest)*
        }
    };
}

/// Parses a headered family's message, or keeps its payload as invalid.
fn typed<'a, O: ByteOrder, H: FamilyHeader<O>>(
    msg: &NlMsg<'a, O>,
    wrap: fn(Headered<'a, O, H>) -> RtnlMessage<'a, O>,
    strict: bool,
) -> RtnlMessage<'a, O> {
    match Headered::parse_with(msg, strict) {
        Ok(m) => wrap(m),
        Err(e) => RtnlMessage::Invalid(msg.payload(), e),
    }
}

/// One decoded netlink message: its header and typed body.
#[derive(Debug, Clone, PartialEq)]
pub struct Message<'a, O: ByteOrder = NativeEndian> {
    header: NlMsgHdr<O>,
    offset: usize,
    body: RtnlMessage<'a, O>,
}

impl<'a, O: ByteOrder> Message<'a, O> {
    /// Decodes a framed message. Never fails: what cannot be typed is kept.
    pub fn decode(msg: NlMsg<'a, O>) -> Self {
        Self::decode_with(msg, false)
    }
    /// Decodes `msg` strictly: as [`decode`](Self::decode), every byte kept
    /// and re-encoded alike, but an attribute or a kind the codec does not
    /// type is an error of [`first_error`](Self::first_error)
    /// ([`DecodeErrorKind::UnknownAttr`], [`DecodeErrorKind::UnknownKind`])
    /// with its offset and path. A message of a family that is not typed at
    /// all stays [`RtnlMessage::Family`] or [`RtnlMessage::Raw`].
    ///
    /// ```
    /// use rtnl_core::message::Message;
    /// use rtnl_core::wire::{DecodeErrorKind, Messages};
    /// // RTM_NEWADDR, ifaddrmsg, then attribute 99 (unknown to IFA_*)
    /// let mut b = vec![32u8, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// b.extend([2, 24, 0, 0, 1, 0, 0, 0]);
    /// b.extend([8, 0, 99, 0, 1, 2, 3, 4]);
    /// let raw = Messages::new(&b).next().unwrap().unwrap();
    /// assert_eq!(Message::decode(raw).first_error(), None);
    /// let e = Message::decode_strict(raw).first_error().unwrap();
    /// assert_eq!((e.offset, e.kind), (24, DecodeErrorKind::UnknownAttr(99)));
    /// ```
    pub fn decode_strict(msg: NlMsg<'a, O>) -> Self {
        Self::decode_with(msg, true)
    }
    fn decode_with(msg: NlMsg<'a, O>, strict: bool) -> Self {
        let ty = msg.ty();
        let p = msg.payload();
        let body = match ty {
            types::NLMSG_NOOP => RtnlMessage::Noop(p),
            types::NLMSG_ERROR => match ErrorMsg::parse(&msg) {
                Ok(e) => RtnlMessage::Error(e),
                Err(e) => RtnlMessage::Invalid(p, e),
            },
            types::NLMSG_DONE => RtnlMessage::Done(DoneMsg::parse(&msg)),
            types::NLMSG_OVERRUN => RtnlMessage::Overrun(p),
            24..=26 => typed(&msg, RtnlMessage::Route, strict),
            16..=19 | 108..=110 => typed(&msg, RtnlMessage::Link, strict),
            20..=22 | 56..=58 | 60..=62 => typed(&msg, RtnlMessage::Addr, strict),
            72..=74 => typed(&msg, RtnlMessage::AddrLabel, strict),
            28..=30 => typed(&msg, RtnlMessage::Neigh, strict),
            64 | 66 | 67 => typed(&msg, RtnlMessage::NeighTbl, strict),
            80..=82 => typed(&msg, RtnlMessage::Netconf, strict),
            88..=90 => typed(&msg, RtnlMessage::Nsid, strict),
            52 => typed(&msg, RtnlMessage::Prefix, strict),
            32..=34 => typed(&msg, RtnlMessage::Rule, strict),
            104..=106 | 116..=118 => typed(&msg, RtnlMessage::Nexthop, strict),
            96 if crate::mroute::is_ip6mr_report(p) => typed(&msg, RtnlMessage::Ip6mrReport, strict),
            96 => typed(&msg, RtnlMessage::IpmrReport, strict),
            36..=38 | 40..=42 | 44..=46 | 100..=102 => typed(&msg, RtnlMessage::Tc, strict),
            48..=50 => typed(&msg, RtnlMessage::Action, strict),
            68 => match NdUserOptMessage::parse_with(&msg, strict) {
                Ok(m) => RtnlMessage::NdUserOpt(m),
                Err(e) => RtnlMessage::Invalid(p, e),
            },
            _ => match family_of(ty) {
                Some(info) => match FamilyMessage::parse(&msg, info) {
                    Ok(m) => RtnlMessage::Family(m),
                    Err(e) => RtnlMessage::Invalid(p, e),
                },
                None => RtnlMessage::Raw(p),
            },
        };
        Message { header: msg.header(), offset: msg.offset(), body }
    }
    /// The `nlmsghdr` as received.
    pub fn header(&self) -> &NlMsgHdr<O> {
        &self.header
    }
    /// `nlmsg_type`.
    pub fn ty(&self) -> u16 {
        self.header.nlmsg_type.get()
    }
    /// `nlmsg_flags`.
    pub fn flags(&self) -> u16 {
        self.header.nlmsg_flags.get()
    }
    /// Offset of the message in the buffer it was decoded from.
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// The typed body.
    pub fn body(&self) -> &RtnlMessage<'a, O> {
        &self.body
    }
    /// The first decoding problem anywhere in the message (strict mode),
    /// with its byte offset and attribute path.
    pub fn first_error(&self) -> Option<DecodeError> {
        match_typed! { &self.body,
            m => m.first_error(),
            RtnlMessage::NdUserOpt(m) => m.first_error(),
            RtnlMessage::Family(f) => f.attrs.framing_error(),
            RtnlMessage::Error(e) => ext_ack_attrs(e.ext_ack().attrs()).first_error(),
            RtnlMessage::Done(d) => ext_ack_attrs(d.ext_ack().attrs()).first_error(),
            RtnlMessage::Invalid(_, e) => Some(*e),
            _ => None,
        }
    }
    /// Names the attributes, from the message down, that hold byte `offset`
    /// of the buffer the message was decoded from (`RTA_MULTIPATH`, `[2]`,
    /// `RTA_ENCAP`, `MPLS_IPTUNNEL_DST`): the path of an error, or of a
    /// byte that differs. Nothing for bytes outside the attributes.
    pub fn locate(&self, offset: usize, f: &mut dyn FnMut(PathName)) {
        match_typed! { &self.body,
            m => m.locate(offset, f),
            RtnlMessage::NdUserOpt(m) => m.locate(offset, f),
            RtnlMessage::Error(e) => ext_ack_attrs(e.ext_ack().attrs()).locate(offset, f),
            RtnlMessage::Done(d) => ext_ack_attrs(d.ext_ack().attrs()).locate(offset, f),
            RtnlMessage::Family(m) => {
                for a in m.attrs.clone().map_while(Result::ok) {
                    if (a.offset()..a.offset() + a.len()).contains(&offset) {
                        match m.attr_name(a.id()) {
                            Some(n) => f(PathName::Attr(n)),
                            None => f(PathName::Unknown(a.id())),
                        }
                        return;
                    }
                }
            }
            _ => {}
        }
    }
    /// Encodes the message: header fields as received, body from its typed
    /// values, `nlmsg_len` recomputed. Nothing is written on error.
    pub fn emit<B: Buffer>(&self, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        let h = &self.header;
        let m = w.begin_msg(h.nlmsg_type.get(), h.nlmsg_flags.get(), h.nlmsg_seq.get(), h.nlmsg_pid.get())?;
        let r = match_typed! { &self.body,
            t => t.emit(w),
            RtnlMessage::NdUserOpt(t) => t.emit(w),
            RtnlMessage::Noop(p) | RtnlMessage::Overrun(p) | RtnlMessage::Raw(p) | RtnlMessage::Invalid(p, _) => {
                w.bytes(p)
            }
            RtnlMessage::Error(e) => e.emit(w),
            RtnlMessage::Done(d) => d.emit(w),
            RtnlMessage::Family(f) => f.emit(w),
        };
        match r.and_then(|_| w.end_msg(m)) {
            Ok(()) => Ok(()),
            Err(e) => {
                w.cancel_msg(m);
                Err(e)
            }
        }
    }
}

/// The first action slot of an action table (`TCA_ROOT_TAB`, whose ids
/// are positions from 1).
pub const TCA_ACT_TAB_FIRST: u16 = 1;

/// Writes the filter an action dump (`RTM_GETACTION`) requires:
/// `TCA_ROOT_TAB { [1] { TCA_ACT_KIND kind } }`, whole or not at all.
pub fn write_action_kind_filter<B: Buffer, O: ByteOrder>(w: &mut Writer<B, O>, kind: &str) -> Result<(), EncodeError> {
    let mut s = crate::typed::Scope::<B, O, crate::tc::ActionRootAttr<'static, O>>::new(w);
    s.tab(|t| {
        t.action(|a| {
            a.kind(kind)?;
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

/// The extended-ack TLVs of an `NLMSG_ERROR` or `NLMSG_DONE`, typed.
pub fn ext_ack_attrs<'a, O: ByteOrder>(raw: Attrs<'a, O>) -> TypedAttrs<'a, O, ExtAckAttr<'a, O>> {
    TypedAttrs::new(raw, Ctx::default())
}

impl<O: ByteOrder> Render for ErrorMsg<'_, O> {
    /// `{"header": {"error", "msg", "payload"}, "attrs": [...]}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("header", &self.header_view())?;
        m.entry("attrs", &ext_ack_attrs(self.ext_ack().attrs()))?;
        m.end()
    }
}

impl<O: ByteOrder> Render for DoneMsg<'_, O> {
    /// `{"header": {"error"}, "attrs": [...]}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("header", &self.header_view())?;
        m.entry("attrs", &ext_ack_attrs(self.ext_ack().attrs()))?;
        m.end()
    }
}

impl<O: ByteOrder> Render for Message<'_, O> {
    /// `{"type", "flags", "seq", "pid", "header", "attrs"}`, with kernel names.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let ty = self.ty();
        let mut m = r.map()?;
        match types::type_name(ty) {
            Some(n) => m.entry("type", &Value::Str(n))?,
            None => m.entry("type", &Value::U64(ty.into()))?,
        }
        m.entry("flags", &Value::U64(self.flags().into()))?;
        m.entry("seq", &Value::U64(self.header.nlmsg_seq.get().into()))?;
        m.entry("pid", &Value::U64(self.header.nlmsg_pid.get().into()))?;
        match_typed! { &self.body,
            t => {
                m.entry("header", t.header())?;
                m.entry("attrs", &t.attrs())?;
            },
            RtnlMessage::NdUserOpt(t) => {
                m.entry("header", t.header())?;
                m.entry("options", &Value::Hex(t.options_bytes()))?;
                m.entry("attrs", &t.attrs())?;
            }
            RtnlMessage::Family(f) => {
                m.entry("header", &RawHeaderView(f))?;
                m.entry("attrs", &FamilyAttrs(f))?;
            }
            RtnlMessage::Error(e) => {
                m.entry("header", &e.header_view())?;
                m.entry("attrs", &ext_ack_attrs(e.ext_ack().attrs()))?;
            }
            RtnlMessage::Done(d) => {
                m.entry("header", &d.header_view())?;
                m.entry("attrs", &ext_ack_attrs(d.ext_ack().attrs()))?;
            }
            RtnlMessage::Noop(p) | RtnlMessage::Overrun(p) | RtnlMessage::Raw(p) | RtnlMessage::Invalid(p, _) => {
                if !p.is_empty() {
                    m.entry("payload", &Value::Hex(p))?;
                }
            }
        }
        m.end()
    }
}
serde_via_render!(impl['a, O: ByteOrder] Message<'a, O>);

/// Names of the set flags of `flags` for message type `ty`.
pub fn flag_names(ty: u16, flags: u16) -> impl Iterator<Item = (u16, Option<&'static str>)> {
    flags::names(flags, FlagContext::of_type(ty))
}
