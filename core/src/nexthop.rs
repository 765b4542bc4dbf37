//! Next-hop objects and resilient-group buckets (`RTM_NEWNEXTHOP`,
//! `RTM_DELNEXTHOP`, `RTM_GETNEXTHOP`, `RTM_*NEXTHOPBUCKET`): [`NhMsg`]
//! (`struct nhmsg`, its flags [`NexthopFlags`]) followed by [`NexthopAttr`],
//! one variant per `NHA_*` through Linux 7.2: a group's members as
//! [`NexthopGrp`] entries, the gateway by the header's family, the
//! lightweight-tunnel encapsulation selected by `NHA_ENCAP_TYPE`, the
//! resilient group's parameters and buckets, and the group statistics.
//!
//! ```
//! use rtnl_core::nexthop::{NexthopGrp, NhMsg, RTM_NEWNEXTHOP};
//! use rtnl_core::typed::StructArray;
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // ip nexthop add id 10 group 1/2,3
//! let mut buf = [0u8; 128];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let members = [NexthopGrp::with_weight(1, 1), NexthopGrp::with_weight(2, 3)];
//! rtnl_core::typed::request(&mut w, RTM_NEWNEXTHOP, Request::Add.flags(), 1, &NhMsg::default(), |a| {
//!     a.id(10)?.group(StructArray::of(&members))?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 8 + 8 + 4 + 2 * 8);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use crate::net::Address;
use crate::route::NhEncap;
use crate::route::{RouteProtocol, RouteScope};
use crate::typed::{Bytes, FamilyHeader, Flag, Headered, Nest, StructArray, Uint};
use crate::wire::{ByteOrder, NativeEndian, U16, U32};

/// `RTM_NEWNEXTHOP`.
pub const RTM_NEWNEXTHOP: u16 = 104;
/// `RTM_DELNEXTHOP`.
pub const RTM_DELNEXTHOP: u16 = 105;
/// `RTM_GETNEXTHOP`.
pub const RTM_GETNEXTHOP: u16 = 106;
/// `RTM_NEWNEXTHOPBUCKET`.
pub const RTM_NEWNEXTHOPBUCKET: u16 = 116;
/// `RTM_DELNEXTHOPBUCKET`.
pub const RTM_DELNEXTHOPBUCKET: u16 = 117;
/// `RTM_GETNEXTHOPBUCKET`.
pub const RTM_GETNEXTHOPBUCKET: u16 = 118;

/// `NHA_OP_FLAG_DUMP_STATS`: a get or dump returns `NHA_GROUP_STATS`.
pub const NHA_OP_FLAG_DUMP_STATS: u32 = 1 << 0;
/// `NHA_OP_FLAG_DUMP_HW_STATS`: … and the hardware counters.
pub const NHA_OP_FLAG_DUMP_HW_STATS: u32 = 1 << 1;
/// `NHA_OP_FLAG_RESP_GRP_RESVD_0` (response): the dump clears the
/// members' reserved fields.
pub const NHA_OP_FLAG_RESP_GRP_RESVD_0: u32 = 1 << 31;

zc_struct! {
    /// `struct nhmsg`, the next-hop family's 8-byte header.
    pub struct NhMsg<O> {
        /// `nh_family`: `AF_INET`, `AF_INET6`, `AF_UNSPEC` (groups,
        /// blackholes, dumps of every family).
        nh_family: u8,
        /// `nh_scope` (returned only).
        nh_scope: u8,
        /// `nh_protocol`: who installed it (`RTPROT_*`).
        nh_protocol: u8,
        /// `resvd`.
        resvd: u8,
        /// `nh_flags`: `RTNH_F_*` (see [`NexthopFlags`]).
        nh_flags: U32<O>,
    }
}

impl<O: ByteOrder> NhMsg<O> {
    /// The flags.
    pub fn flags(&self) -> NexthopFlags {
        NexthopFlags(self.nh_flags.get())
    }
    /// The scope (`RT_SCOPE_*`).
    pub fn scope(&self) -> RouteScope {
        RouteScope(self.nh_scope)
    }
    /// The protocol.
    pub fn protocol(&self) -> RouteProtocol {
        RouteProtocol(self.nh_protocol)
    }
}

named_flags! {
    /// Next-hop flags (`RTNH_F_*` in `nh_flags`), unknown bits kept; the
    /// short names are the words `ip nexthop` prints.
    pub struct NexthopFlags(u32) {
        DEAD = 0x01, "RTNH_F_DEAD", "dead";
        PERVASIVE = 0x02, "RTNH_F_PERVASIVE", "pervasive";
        ONLINK = 0x04, "RTNH_F_ONLINK", "onlink";
        OFFLOAD = 0x08, "RTNH_F_OFFLOAD", "offload";
        LINKDOWN = 0x10, "RTNH_F_LINKDOWN", "linkdown";
        UNRESOLVED = 0x20, "RTNH_F_UNRESOLVED", "unresolved";
        TRAP = 0x40, "RTNH_F_TRAP", "trap";
    }
}

named_values! {
    /// A group's type (`NHA_GROUP_TYPE`, `NEXTHOP_GRP_TYPE_*`), keeping
    /// unknown numbers; the short names are `ip nexthop`'s words.
    pub struct GroupType(u16) {
        MPATH = 0, "NEXTHOP_GRP_TYPE_MPATH", "mpath";
        RES = 1, "NEXTHOP_GRP_TYPE_RES", "resilient";
    }
}

zc_struct! {
    /// `struct nexthop_grp`, one member of `NHA_GROUP`.
    pub struct NexthopGrp<O> {
        /// `id`: the member next hop's id.
        id: U32<O>,
        /// `weight`: the weight's low 8 bits, minus one.
        weight: u8,
        /// `weight_high`: the weight's high 8 bits (Linux 6.12 on).
        weight_high: u8,
        /// `resvd2`.
        resvd2: U16<O>,
    }
}

impl<O: ByteOrder> NexthopGrp<O> {
    /// Member `id` of weight `weight` (1–65536; 0 is sent as 1).
    pub fn with_weight(id: u32, weight: u32) -> Self {
        let w = weight.clamp(1, 1 << 16) - 1;
        NexthopGrp { id: id.into(), weight: w as u8, weight_high: (w >> 8) as u8, resvd2: 0.into() }
    }
    /// The weight, as the kernel reads it: `((weight_high << 8) | weight) + 1`.
    pub fn weight(&self) -> u32 {
        ((u32::from(self.weight_high) << 8) | u32::from(self.weight)) + 1
    }
}

attr_set! {
    /// A resilient group's parameter (`NHA_RES_GROUP_*`).
    pub enum ResGroupAttr {
        /// Padding for 64-bit values.
        0 NHA_RES_GROUP_PAD pad => Pad(Bytes<'a>),
        /// The number of buckets.
        1 NHA_RES_GROUP_BUCKETS buckets => Buckets(u16),
        /// The idle timer (clock ticks).
        2 NHA_RES_GROUP_IDLE_TIMER idle_timer => IdleTimer(u32),
        /// The unbalanced timer (clock ticks).
        3 NHA_RES_GROUP_UNBALANCED_TIMER unbalanced_timer => UnbalancedTimer(u32),
        /// How long the group has been unbalanced (clock ticks).
        4 NHA_RES_GROUP_UNBALANCED_TIME unbalanced_time => UnbalancedTime(u64),
    }
}

attr_set! {
    /// A resilient group's bucket (`NHA_RES_BUCKET_*`).
    pub enum ResBucketAttr {
        /// Padding for 64-bit values.
        0 NHA_RES_BUCKET_PAD pad => Pad(Bytes<'a>),
        /// The bucket's index.
        1 NHA_RES_BUCKET_INDEX index => Index(u16),
        /// How long the bucket has been idle (clock ticks).
        2 NHA_RES_BUCKET_IDLE_TIME idle_time => IdleTime(u64),
        /// The next hop the bucket holds.
        3 NHA_RES_BUCKET_NH_ID nh_id => NhId(u32),
    }
}

attr_set! {
    /// The group statistics (`NHA_GROUP_STATS_*`).
    pub enum GroupStatsAttr {
        /// One member's counters.
        1 NHA_GROUP_STATS_ENTRY entry => Entry(Nest<'a, O, GroupStatsEntryAttr<'a, O>>) nest GroupStatsEntryAttr,
    }
}

attr_set! {
    /// One member's counters (`NHA_GROUP_STATS_ENTRY_*`).
    pub enum GroupStatsEntryAttr {
        /// The member's id.
        1 NHA_GROUP_STATS_ENTRY_ID id => Id(u32),
        /// Packets forwarded through it.
        2 NHA_GROUP_STATS_ENTRY_PACKETS packets => Packets(Uint),
        /// Packets forwarded through it in hardware.
        3 NHA_GROUP_STATS_ENTRY_PACKETS_HW packets_hw => PacketsHw(Uint),
    }
}

attr_set! {
    /// A next-hop attribute (`NHA_*`), through Linux 7.2. The gateway
    /// follows the header's family; `NHA_ENCAP` is selected by
    /// `NHA_ENCAP_TYPE` wherever it stands.
    pub enum NexthopAttr {
        /// The id (0 in a request: the kernel assigns one).
        1 NHA_ID id => Id(u32),
        /// A group's members.
        2 NHA_GROUP group => Group(StructArray<'a, NexthopGrp<O>>),
        /// A group's type.
        3 NHA_GROUP_TYPE group_type => GroupType(GroupType),
        /// A blackhole next hop.
        4 NHA_BLACKHOLE blackhole => Blackhole(Flag),
        /// The device.
        5 NHA_OIF oif => Oif(u32),
        /// The gateway.
        6 NHA_GATEWAY gateway => Gateway(Address<'a>),
        /// The encapsulation's type (`LWTUNNEL_ENCAP_*`).
        7 NHA_ENCAP_TYPE encap_type => EncapType(u16),
        /// The encapsulation.
        8 NHA_ENCAP encap => Encap(NhEncap<'a, O>) select NhEncap,
        /// Dump filter: groups only.
        9 NHA_GROUPS groups => Groups(Flag),
        /// Dump filter: next hops of devices of this master.
        10 NHA_MASTER master => Master(u32),
        /// A next hop of the bridge's FDB.
        11 NHA_FDB fdb => Fdb(Flag),
        /// A resilient group's parameters.
        12 NHA_RES_GROUP res_group => ResGroup(Nest<'a, O, ResGroupAttr<'a, O>>) nest ResGroupAttr,
        /// A resilient group's bucket.
        13 NHA_RES_BUCKET res_bucket => ResBucket(Nest<'a, O, ResBucketAttr<'a, O>>) nest ResBucketAttr,
        /// Operation flags (`NHA_OP_FLAG_*`).
        14 NHA_OP_FLAGS op_flags => OpFlags(u32),
        /// The group statistics.
        15 NHA_GROUP_STATS group_stats => GroupStats(Nest<'a, O, GroupStatsAttr<'a, O>>) nest GroupStatsAttr,
        /// Enable hardware statistics.
        16 NHA_HW_STATS_ENABLE hw_stats_enable => HwStatsEnable(u32),
        /// Whether a driver collects hardware statistics (returned only).
        17 NHA_HW_STATS_USED hw_stats_used => HwStatsUsed(u32),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for NhMsg<O> {
    type Attr<'a> = NexthopAttr<'a, O>;
    fn family(&self) -> u8 {
        self.nh_family
    }
}

/// A next-hop or bucket message: the `nhmsg` and lazily decoded attributes.
pub type NexthopMessage<'a, O = NativeEndian> = Headered<'a, O, NhMsg<O>>;

impl<'a, O: ByteOrder> Headered<'a, O, NhMsg<O>> {
    /// The id (`NHA_ID`; 0 when absent).
    pub fn id(&self) -> u32 {
        match self.find(NHA_ID) {
            Some(NexthopAttr::Id(i)) => i,
            _ => 0,
        }
    }
    /// The members, when the next hop is a group.
    pub fn group(&self) -> Option<StructArray<'a, NexthopGrp<O>>> {
        match self.find(NHA_GROUP) {
            Some(NexthopAttr::Group(g)) => Some(g),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::route::{Encap, MplsIptunnelAttr};
    use crate::wire::{DecodeErrorKind, LittleEndian, Messages, SliceBuffer, Writer};

    type L = LittleEndian;

    fn decode(b: &[u8]) -> Message<'_, L> {
        Message::decode(Messages::<L>::with_order(b).next().unwrap().unwrap())
    }

    fn reemit(m: &Message<'_, L>, want: &[u8]) {
        let mut again = [0u8; 512];
        let mut w = Writer::<_, L>::with_order(SliceBuffer::new(&mut again));
        m.emit(&mut w).unwrap();
        let n = w.len();
        assert_eq!(&again[..n], want);
    }

    #[test]
    fn a_group_and_its_weights_round_trip() {
        let mut out = [0u8; 256];
        let mut w = Writer::<_, L>::with_order(SliceBuffer::new(&mut out));
        let members = [NexthopGrp::<L>::with_weight(1, 1), NexthopGrp::with_weight(2, 300)];
        let hdr = NhMsg::<L> { nh_protocol: 4, ..Default::default() };
        crate::typed::request(&mut w, RTM_NEWNEXTHOP, 0x600, 1, &hdr, |a| {
            a.id(10)?.group(StructArray::of(&members))?.group_type(GroupType::RES)?;
            a.res_group(|r| r.buckets(32)?.idle_timer(100)?.unbalanced_time(7).map(|_| ()))?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let msg = decode(&out[..n]);
        assert_eq!(msg.first_error(), None);
        let RtnlMessage::Nexthop(h) = msg.body() else { panic!("{msg:?}") };
        assert_eq!(h.id(), 10);
        let g = h.group().unwrap();
        let ws: heapless::Vec<(u32, u32), 4> = g.iter().map(|m| (m.id.get(), m.weight())).collect();
        assert_eq!(ws.as_slice(), &[(1, 1), (2, 300)]);
        // weight 300 is sent as 299 = 0x012b: low byte 0x2b, high byte 1
        assert_eq!(&g.bytes()[12..14], &[0x2b, 1]);
        assert_eq!(h.header().protocol(), RouteProtocol(4));
        reemit(&msg, &out[..n]);
    }

    #[test]
    fn an_encap_before_its_type_is_typed_by_the_sibling() {
        // family 2, NHA_ID 5, NHA_OIF 1, NHA_ENCAP { MPLS_IPTUNNEL_DST 100 },
        // then NHA_ENCAP_TYPE 1 (mpls)
        let mut out = [0u8; 256];
        let mut w = Writer::<_, L>::with_order(SliceBuffer::new(&mut out));
        let hdr = NhMsg::<L> { nh_family: 2, ..Default::default() };
        crate::typed::request(&mut w, RTM_NEWNEXTHOP, 0, 1, &hdr, |a| {
            a.id(5)?.oif(1)?;
            let m = a.writer().begin_nest(NHA_ENCAP)?;
            a.writer().attr(1, &[0, 6, 0x41, 0])?;
            a.writer().end_nest(m)?;
            a.encap_type(1)?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let msg = decode(&out[..n]);
        assert_eq!(msg.first_error(), None);
        let RtnlMessage::Nexthop(h) = msg.body() else { panic!() };
        let Some(NexthopAttr::Encap(e)) = h.find(NHA_ENCAP) else { panic!() };
        let Encap::Mpls(set) = e.get() else { panic!("{e:?}") };
        assert!(matches!(set.iter().next(), Some(Ok(MplsIptunnelAttr::Dst(_)))));
        reemit(&msg, &out[..n]);
    }

    #[test]
    fn the_encap_builder_writes_nha_encap_type() {
        let mut out = [0u8; 128];
        let mut w = Writer::<_, L>::with_order(SliceBuffer::new(&mut out));
        let hdr = NhMsg::<L> { nh_family: 2, ..Default::default() };
        crate::typed::request(&mut w, RTM_NEWNEXTHOP, 0, 1, &hdr, |a| {
            a.id(5)?.encap().xfrm(|x| x.if_id(9).map(drop))?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let msg = decode(&out[..n]);
        assert_eq!(msg.first_error(), None);
        let RtnlMessage::Nexthop(h) = msg.body() else { panic!() };
        let raw = h.attrs().raw();
        // the selector is NHA_ENCAP_TYPE (7), not RTA_ENCAP_TYPE (21)
        assert_eq!(raw.find(NHA_ENCAP_TYPE).map(|a| a.payload()), Some(&10u16.to_le_bytes()[..]));
        assert!(raw.find(21).is_none());
        assert!(matches!(h.find(NHA_ENCAP), Some(NexthopAttr::Encap(e)) if matches!(e.get(), Encap::Xfrm(_))));
    }

    #[test]
    fn a_group_with_a_partial_member_keeps_it_and_says_where() {
        // NHA_GROUP of 12 bytes: one whole member and 4 bytes more
        let mut out = [0u8; 128];
        let mut w = Writer::<_, L>::with_order(SliceBuffer::new(&mut out));
        crate::typed::request(&mut w, RTM_NEWNEXTHOP, 0, 1, &NhMsg::<L>::default(), |a| {
            a.writer().attr(NHA_GROUP, &[1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0])?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let msg = decode(&out[..n]);
        let e = msg.first_error().unwrap();
        assert_eq!(e.offset, 16 + 8 + 4 + 8);
        assert!(matches!(e.kind, DecodeErrorKind::BadLength { expected: 8, got: 12 }));
        let RtnlMessage::Nexthop(h) = msg.body() else { panic!() };
        assert_eq!(h.group().unwrap().len(), 1);
        reemit(&msg, &out[..n]);
    }
}
