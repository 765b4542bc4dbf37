//! Multicast routing: the kernel's cache reports (`RTM_NEWCACHEREPORT`) and
//! the multicast forwarding cache as route messages.
//!
//! The cache entries themselves are route messages of family
//! [`RTNL_FAMILY_IPMR`] or [`RTNL_FAMILY_IP6MR`] (an `RTM_GETROUTE` dump of
//! that family), decoded as [`RouteMessage`]:
//! `RTA_SRC` / `RTA_DST` are the (source, group) pair, `RTA_IIF` the input
//! device, `RTA_MULTIPATH` the output devices (each `rtnexthop`'s
//! `rtnh_hops` is the TTL threshold), `RTA_MFC_STATS` the counters and
//! `RTA_EXPIRES` the time since last use (a `u64` in hundredths of a
//! second). [`MfcEntry`] reads them.
//!
//! A cache report is what the kernel multicasts (groups
//! `RTNLGRP_IPV4_MROUTE_R` / `RTNLGRP_IPV6_MROUTE_R`) when a packet needs
//! the routing daemon: a 1-byte `rtgenmsg` header (padded to 4) whose
//! family picks the set: [`IpmrReportAttr`] (`IPMRA_CREPORT_*`) for IPv4,
//! [`Ip6mrReportAttr`] (`IP6MRA_CREPORT_*`) for IPv6. They decode as
//! [`RtnlMessage::IpmrReport`](crate::message::RtnlMessage::IpmrReport) and
//! [`RtnlMessage::Ip6mrReport`](crate::message::RtnlMessage::Ip6mrReport).
//!
//! ```
//! use rtnl_core::mroute::{IgmpMsgType, IpmrReportAttr, IpmrReportMsg, RTM_NEWCACHEREPORT};
//! use rtnl_core::message::{Message, RtnlMessage};
//! use rtnl_core::net::RTNL_FAMILY_IPMR;
//! use rtnl_core::wire::{Messages, SliceBuffer, Writer};
//! use std::net::Ipv4Addr;
//!
//! // a report as the kernel sends it: no cache entry for (10.0.0.1, 239.1.1.1)
//! let mut buf = [0u8; 96];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = IpmrReportMsg { rtgen_family: RTNL_FAMILY_IPMR };
//! rtnl_core::typed::request(&mut w, RTM_NEWCACHEREPORT, 0, 0, &hdr, |a| {
//!     a.msgtype(IgmpMsgType::NOCACHE)?.vif_id(1)?;
//!     a.src_addr(Ipv4Addr::new(10, 0, 0, 1).into())?.dst_addr(Ipv4Addr::new(239, 1, 1, 1).into())?;
//!     a.table(253)?;
//!     Ok(())
//! })?;
//! let n = w.len();
//! let msg = Message::decode(Messages::new(&buf[..n]).next().unwrap()?);
//! let RtnlMessage::IpmrReport(r) = msg.body() else { panic!() };
//! assert_eq!(r.find(rtnl_core::mroute::IPMRA_CREPORT_TABLE), Some(IpmrReportAttr::Table(253)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::net::{Address, RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR};
use crate::route::{Multipath, RouteAttr, RouteMessage, RtaMfcStats};
use crate::typed::{Bytes, FamilyHeader, Headered, Uint};
use crate::wire::{ByteOrder, NativeEndian};

/// `RTM_NEWCACHEREPORT`: a multicast cache report (kernel to user only).
pub const RTM_NEWCACHEREPORT: u16 = 96;

named_values! {
    /// What an IPv4 cache report asks the routing daemon (`IGMPMSG_*`),
    /// keeping unknown numbers.
    pub struct IgmpMsgType(u8) {
        NOCACHE = 1, "IGMPMSG_NOCACHE", "nocache";
        WRONGVIF = 2, "IGMPMSG_WRONGVIF", "wrongvif";
        WHOLEPKT = 3, "IGMPMSG_WHOLEPKT", "wholepkt";
        WRVIFWHOLE = 4, "IGMPMSG_WRVIFWHOLE", "wrvifwhole";
    }
}

named_values! {
    /// What an IPv6 cache report asks the routing daemon (`MRT6MSG_*`),
    /// keeping unknown numbers.
    pub struct Mrt6MsgType(u8) {
        NOCACHE = 1, "MRT6MSG_NOCACHE", "nocache";
        WRONGMIF = 2, "MRT6MSG_WRONGMIF", "wrongmif";
        WHOLEPKT = 3, "MRT6MSG_WHOLEPKT", "wholepkt";
        WRMIFWHOLE = 4, "MRT6MSG_WRMIFWHOLE", "wrmifwhole";
    }
}

attr_set! {
    /// An IPv4 cache report attribute (`IPMRA_CREPORT_*`), through Linux 7.2.
    pub enum IpmrReportAttr {
        /// What the report asks (see [`IgmpMsgType`]).
        1 IPMRA_CREPORT_MSGTYPE msgtype => Msgtype(IgmpMsgType),
        /// The virtual interface the packet came in on (`im_vif`, with
        /// `im_vif_hi` as bits 8-15).
        2 IPMRA_CREPORT_VIF_ID vif_id => VifId(u32),
        /// The packet's source.
        3 IPMRA_CREPORT_SRC_ADDR src_addr => SrcAddr(Address<'a>),
        /// The packet's group.
        4 IPMRA_CREPORT_DST_ADDR dst_addr => DstAddr(Address<'a>),
        /// The packet itself, from its IP header on (kept as bytes).
        5 IPMRA_CREPORT_PKT pkt => Pkt(Bytes<'a>),
        /// The multicast routing table.
        6 IPMRA_CREPORT_TABLE table => Table(u32),
    }
}

attr_set! {
    /// An IPv6 cache report attribute (`IP6MRA_CREPORT_*`), through Linux 7.2.
    pub enum Ip6mrReportAttr {
        /// What the report asks (see [`Mrt6MsgType`]).
        1 IP6MRA_CREPORT_MSGTYPE msgtype => Msgtype(Mrt6MsgType),
        /// The multicast interface the packet came in on.
        2 IP6MRA_CREPORT_MIF_ID mif_id => MifId(u32),
        /// The packet's source.
        3 IP6MRA_CREPORT_SRC_ADDR src_addr => SrcAddr(Address<'a>),
        /// The packet's group.
        4 IP6MRA_CREPORT_DST_ADDR dst_addr => DstAddr(Address<'a>),
        /// The packet itself, from its IPv6 header on (kept as bytes).
        5 IP6MRA_CREPORT_PKT pkt => Pkt(Bytes<'a>),
    }
}

byte_struct! {
    /// `struct rtgenmsg` of an IPv4 cache report (`rtgen_family`
    /// [`RTNL_FAMILY_IPMR`]), padded to 4 in a message; the padding is kept
    /// as received.
    pub struct IpmrReportMsg {
        /// `rtgen_family`.
        rtgen_family: u8,
    }
}

byte_struct! {
    /// `struct rtgenmsg` of an IPv6 cache report (`rtgen_family`
    /// [`RTNL_FAMILY_IP6MR`]), padded to 4 in a message.
    pub struct Ip6mrReportMsg {
        /// `rtgen_family`.
        rtgen_family: u8,
    }
}

impl<O: ByteOrder> FamilyHeader<O> for IpmrReportMsg {
    type Attr<'a> = IpmrReportAttr<'a, O>;
    fn family(&self) -> u8 {
        self.rtgen_family
    }
}

impl<O: ByteOrder> FamilyHeader<O> for Ip6mrReportMsg {
    type Attr<'a> = Ip6mrReportAttr<'a, O>;
    fn family(&self) -> u8 {
        self.rtgen_family
    }
}

/// An IPv4 cache report: `rtgenmsg` and lazily decoded `IPMRA_CREPORT_*`.
pub type IpmrReportMessage<'a, O = NativeEndian> = Headered<'a, O, IpmrReportMsg>;

/// An IPv6 cache report: `rtgenmsg` and lazily decoded `IP6MRA_CREPORT_*`.
pub type Ip6mrReportMessage<'a, O = NativeEndian> = Headered<'a, O, Ip6mrReportMsg>;

/// Whether a cache report with this payload is an IPv6 one (its
/// `rtgen_family` is [`RTNL_FAMILY_IP6MR`]); anything else decodes as IPv4.
pub fn is_ip6mr_report(payload: &[u8]) -> bool {
    payload.first() == Some(&RTNL_FAMILY_IP6MR)
}

/// What a multicast forwarding cache entry (a route message of family
/// [`RTNL_FAMILY_IPMR`] or [`RTNL_FAMILY_IP6MR`]) says, read in one pass
/// over its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct MfcEntry<'a, O: ByteOrder = NativeEndian> {
    /// `RTA_SRC`: the source (`None`: any, printed `unknown` by ip).
    pub src: Option<Address<'a>>,
    /// `RTA_DST`: the group.
    pub group: Option<Address<'a>>,
    /// `RTA_IIF`: the input device (`None` or 0: unresolved).
    pub iif: Option<u32>,
    /// `RTA_MULTIPATH`: the output devices, each hop's `rtnh_hops` its TTL
    /// threshold.
    pub oifs: Option<Multipath<'a, O>>,
    /// `RTA_TABLE`, else the header's table.
    pub table: u32,
    /// `RTA_MFC_STATS`.
    pub stats: Option<RtaMfcStats<O>>,
    /// `RTA_EXPIRES`: hundredths of a second since last use.
    pub lastuse: Option<u64>,
}

impl<'a, O: ByteOrder> MfcEntry<'a, O> {
    /// Reads an entry; `None` when the message is not of a multicast
    /// routing family.
    pub fn of(m: &RouteMessage<'a, O>) -> Option<Self> {
        let h = m.header();
        if h.rtm_family != RTNL_FAMILY_IPMR && h.rtm_family != RTNL_FAMILY_IP6MR {
            return None;
        }
        let mut e = MfcEntry {
            src: None,
            group: None,
            iif: None,
            oifs: None,
            table: h.rtm_table.into(),
            stats: None,
            lastuse: None,
        };
        for a in m.attrs().flatten() {
            match a {
                RouteAttr::Src(s) => e.src = Some(s),
                RouteAttr::Dst(d) => e.group = Some(d),
                RouteAttr::Iif(i) => e.iif = Some(i),
                RouteAttr::Multipath(m) => e.oifs = Some(m),
                RouteAttr::Table(t) => e.table = t,
                RouteAttr::MfcStats(s) => e.stats = Some(s),
                RouteAttr::Expires(Uint { value, .. }) => e.lastuse = Some(value),
                _ => {}
            }
        }
        Some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::typed::request;
    use crate::wire::{BigEndian, LittleEndian, Messages, SliceBuffer, Writer};
    use core::net::{Ipv4Addr, Ipv6Addr};

    #[test]
    fn reports_of_both_families_decode_by_their_rtgen_family() {
        let mut buf = [0u8; 160];
        let mut w = Writer::<_, BigEndian>::with_order(SliceBuffer::new(&mut buf));
        let pkt = [0x60u8, 0, 0, 0, 0, 8, 17, 1];
        request(&mut w, RTM_NEWCACHEREPORT, 0, 0, &Ip6mrReportMsg { rtgen_family: RTNL_FAMILY_IP6MR }, |a| {
            a.msgtype(Mrt6MsgType::NOCACHE)?.mif_id(3)?;
            a.src_addr(Ipv6Addr::LOCALHOST.into())?.dst_addr("ff0e::1".parse::<Ipv6Addr>().unwrap().into())?;
            a.pkt(Bytes(&pkt))?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let msg = Message::decode(Messages::<BigEndian>::with_order(&buf[..n]).next().unwrap().unwrap());
        let RtnlMessage::Ip6mrReport(r) = msg.body() else { panic!("{msg:?}") };
        let got: heapless::Vec<Ip6mrReportAttr<'_, BigEndian>, 8> = r.attrs().map(Result::unwrap).collect();
        assert_eq!(got[0], Ip6mrReportAttr::Msgtype(Mrt6MsgType::NOCACHE));
        assert_eq!(got[2], Ip6mrReportAttr::SrcAddr(Address::V6(Ipv6Addr::LOCALHOST)));
        assert_eq!(got[4], Ip6mrReportAttr::Pkt(Bytes(&pkt)));
        assert_eq!(msg.first_error(), None);

        let mut buf = [0u8; 96];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut buf));
        request(&mut w, RTM_NEWCACHEREPORT, 0, 0, &IpmrReportMsg { rtgen_family: RTNL_FAMILY_IPMR }, |a| {
            a.msgtype(IgmpMsgType::WHOLEPKT)?.vif_id(0x101)?.src_addr(Ipv4Addr::new(10, 0, 0, 1).into())?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let msg = Message::decode(Messages::<LittleEndian>::with_order(&buf[..n]).next().unwrap().unwrap());
        let RtnlMessage::IpmrReport(r) = msg.body() else { panic!("{msg:?}") };
        assert_eq!(r.find(IPMRA_CREPORT_VIF_ID), Some(IpmrReportAttr::VifId(0x101)));
        assert_eq!(
            r.find(IPMRA_CREPORT_SRC_ADDR),
            Some(IpmrReportAttr::SrcAddr(Address::V4(Ipv4Addr::new(10, 0, 0, 1))))
        );
    }

    #[test]
    fn an_old_kernels_report_without_attributes_decodes() {
        // 4.x kernels sent the bare rtgenmsg
        let b = [20u8, 0, 0, 0, 96, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0];
        let msg = Message::decode(Messages::<LittleEndian>::with_order(&b).next().unwrap().unwrap());
        let RtnlMessage::IpmrReport(r) = msg.body() else { panic!("{msg:?}") };
        assert_eq!((r.header().rtgen_family, r.attrs().count()), (RTNL_FAMILY_IPMR, 0));
    }
}
