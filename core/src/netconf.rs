//! Per-device IP configuration notifications and queries (`RTM_NEWNETCONF`,
//! `RTM_DELNETCONF`, `RTM_GETNETCONF`): the 1-byte [`NetconfMsg`] (padded
//! to 4) and [`NetconfAttr`], one variant per `NETCONFA_*` through Linux
//! 7.2. `NETCONFA_IFINDEX` names a device, or one of the pseudo-indexes
//! [`NETCONFA_IFINDEX_ALL`] (`all`) and [`NETCONFA_IFINDEX_DEFAULT`]
//! (`default`), as [`ifindex_name`] says.
//!
//! ```
//! use rtnl_core::netconf::{self, NetconfMsg, NETCONFA_IFINDEX_ALL};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // ip -4 netconf show dev all
//! let mut buf = [0u8; 64];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = NetconfMsg { ncm_family: 2 };
//! // any headered family's request: the header names the attribute set
//! rtnl_core::typed::request(&mut w, netconf::RTM_GETNETCONF, Request::Plain.flags(), 1, &hdr, |a| {
//!     a.ifindex(NETCONFA_IFINDEX_ALL)?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 4 + 8);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use crate::typed::{FamilyHeader, Headered};
use crate::wire::{ByteOrder, NativeEndian};

/// `RTM_NEWNETCONF`.
pub const RTM_NEWNETCONF: u16 = 80;
/// `RTM_DELNETCONF`.
pub const RTM_DELNETCONF: u16 = 81;
/// `RTM_GETNETCONF`.
pub const RTM_GETNETCONF: u16 = 82;

/// `NETCONFA_IFINDEX_ALL`: the configuration every device inherits (`all`).
pub const NETCONFA_IFINDEX_ALL: i32 = -1;
/// `NETCONFA_IFINDEX_DEFAULT`: the configuration new devices start with
/// (`default`).
pub const NETCONFA_IFINDEX_DEFAULT: i32 = -2;

/// The name `ip netconf` gives a pseudo-index (`all`, `default`), or `None`
/// for a device's index.
pub fn ifindex_name(ifindex: i32) -> Option<&'static str> {
    match ifindex {
        NETCONFA_IFINDEX_ALL => Some("all"),
        NETCONFA_IFINDEX_DEFAULT => Some("default"),
        _ => None,
    }
}

byte_struct! {
    /// `struct netconfmsg`: the family's 1-byte header (padded to 4 in a
    /// message; the padding is kept as received).
    pub struct NetconfMsg {
        /// `ncm_family`: `AF_INET`, `AF_INET6`, `AF_MPLS`, …
        ncm_family: u8,
    }
}

attr_set! {
    /// A netconf attribute (`NETCONFA_*`), through Linux 7.2. The settings
    /// are the sysctl values (`net.ipv4.conf.DEV.*`), as signed 32-bit
    /// numbers.
    pub enum NetconfAttr {
        /// The device, or [`NETCONFA_IFINDEX_ALL`] / [`NETCONFA_IFINDEX_DEFAULT`].
        1 NETCONFA_IFINDEX ifindex => Ifindex(i32),
        /// `forwarding`.
        2 NETCONFA_FORWARDING forwarding => Forwarding(i32),
        /// `rp_filter` (0 off, 1 strict, 2 loose).
        3 NETCONFA_RP_FILTER rp_filter => RpFilter(i32),
        /// `mc_forwarding` (read-only: a multicast routing daemon sets it).
        4 NETCONFA_MC_FORWARDING mc_forwarding => McForwarding(i32),
        /// `proxy_arp` / `proxy_ndp`.
        5 NETCONFA_PROXY_NEIGH proxy_neigh => ProxyNeigh(i32),
        /// `ignore_routes_with_linkdown`.
        6 NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN ignore_routes_with_linkdown => IgnoreRoutesWithLinkdown(i32),
        /// MPLS `input`.
        7 NETCONFA_INPUT input => Input(i32),
        /// `bc_forwarding`.
        8 NETCONFA_BC_FORWARDING bc_forwarding => BcForwarding(i32),
        /// IPv6 `force_forwarding` (7.x).
        9 NETCONFA_FORCE_FORWARDING force_forwarding => ForceForwarding(i32),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for NetconfMsg {
    type Attr<'a> = NetconfAttr<'a, O>;
    fn family(&self) -> u8 {
        self.ncm_family
    }
}

/// A netconf message: the `netconfmsg` header and lazily decoded attributes.
pub type NetconfMessage<'a, O = NativeEndian> = Headered<'a, O, NetconfMsg>;

impl<O: ByteOrder> Headered<'_, O, NetconfMsg> {
    /// The device index (`NETCONFA_IFINDEX`; negative for a pseudo-index).
    pub fn ifindex(&self) -> Option<i32> {
        match self.find(NETCONFA_IFINDEX) {
            Some(NetconfAttr::Ifindex(i)) => Some(i),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::wire::{LittleEndian, Messages, SliceBuffer, Writer};

    // RTM_NEWNETCONF for inet `all`: forwarding 1, rp_filter 2, mc 0,
    // proxy 0, ignore linkdown 0; the header's padding is not zero
    const ALL: &[u8] = &[
        0x3c, 0, 0, 0, 80, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr
        2, 0xaa, 0, 0, // netconfmsg + padding
        8, 0, 1, 0, 0xff, 0xff, 0xff, 0xff, // NETCONFA_IFINDEX -1
        8, 0, 2, 0, 1, 0, 0, 0, // NETCONFA_FORWARDING
        8, 0, 3, 0, 2, 0, 0, 0, // NETCONFA_RP_FILTER
        8, 0, 4, 0, 0, 0, 0, 0, // NETCONFA_MC_FORWARDING
        8, 0, 5, 0, 0, 0, 0, 0, // NETCONFA_PROXY_NEIGH
    ];

    #[test]
    fn a_netconf_notification_decodes_and_keeps_its_padding() {
        let raw = Messages::<LittleEndian>::with_order(ALL).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let RtnlMessage::Netconf(n) = msg.body() else { panic!("{msg:?}") };
        assert_eq!(n.header().ncm_family, 2);
        assert_eq!(n.ifindex().and_then(ifindex_name), Some("all"));
        assert_eq!(n.header_pad(), &[0xaa, 0, 0]);
        assert!(n.attrs().any(|a| a == Ok(NetconfAttr::RpFilter(2))));
        assert_eq!(msg.first_error(), None);
        let mut out = [0u8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        msg.emit(&mut w).unwrap();
        let len = w.len();
        assert_eq!(&out[..len], ALL);
    }

    #[test]
    fn a_bare_one_byte_header_is_kept_as_it_came() {
        // a request of 17 bytes: nlmsghdr + ncm_family, nothing after
        let m: &[u8] = &[17, 0, 0, 0, 82, 0, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 10];
        let raw = Messages::<LittleEndian>::with_order(m).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        assert!(matches!(msg.body(), RtnlMessage::Netconf(_)), "{msg:?}");
        let mut out = [0u8; 32];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        msg.emit(&mut w).unwrap();
        let len = w.len();
        assert_eq!(&out[..len], m);
    }
}
