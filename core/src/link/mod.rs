//! The link family: `RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`,
//! `RTM_SETLINK`, and the link properties (`RTM_NEWLINKPROP`,
//! `RTM_DELLINKPROP`).
//!
//! The fixed header is [`IfInfoMsg`] (`struct ifinfomsg`): `ifi_type` is a
//! [`LinkType`] (`ARPHRD_*`) and `ifi_flags` / `ifi_change` are [`IfFlags`]
//! (`IFF_*`), both keeping unknown numbers and bits. Attributes are
//! [`LinkAttr`], one variant per `IFLA_*` of Linux 7.2 (69 ids): the
//! statistics structs as [`Grown`] (shorter and longer layouts of other
//! kernels decode and re-encode byte for byte), `IFLA_LINKINFO` as
//! [`LinkInfoAttr`] with `IFLA_INFO_DATA` selected by `IFLA_INFO_KIND`
//! ([`LinkInfoData`]) and `IFLA_INFO_SLAVE_DATA` by `IFLA_INFO_SLAVE_KIND`
//! ([`LinkInfoSlaveData`]), wherever the kind stands. A veth's peer is a
//! whole `ifinfomsg` and its attributes ([`VethAttr::Peer`]).
//!
//! `IFLA_AF_SPEC` and `IFLA_PROTINFO` are typed by the message's family
//! ([`AfSpec`], [`Protinfo`]): per-family nests for `AF_UNSPEC` (IPv4's
//! configuration array, IPv6's flags, configuration, statistics arrays,
//! cache info, token and address generation mode, MCTP), the bridge
//! attributes and bridge-port attributes for `AF_BRIDGE`, IPv6's for
//! `AF_INET6`, the multicast routing tables of the `RTNL_FAMILY_IPMR` dump.
//!
//! Still kept as raw nests (lossless, re-encoded as received; typed in a
//! later release): `IFLA_VFINFO_LIST`, `IFLA_VF_PORTS`, `IFLA_PORT_SELF`,
//! `IFLA_DEVLINK_PORT`, `IFLA_DPLL_PIN`, the bridge's MRP, CFM and MST
//! nests, and the kinds whose options are not
//! typed yet (they decode as [`LinkInfoData::Unknown`] with their kind).
//!
//! ```
//! use rtnl_core::link::{self, IfFlags, IfInfoMsg};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // ip link add br0 mtu 1400 type bridge stp_state 1
//! let mut buf = [0u8; 256];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = IfInfoMsg::default();
//! link::request(&mut w, link::RTM_NEWLINK, Request::Add.flags(), 1, &hdr, |l| {
//!     l.ifname("br0")?.mtu(1400)?;
//!     l.linkinfo(|i| i.data().bridge(|b| b.stp_state(1).map(drop)))?;
//!     Ok(())
//! })?;
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::typed::{
    AttrSet, Be16, Be32, Be64, Bytes, Ctx, Flag, FlagU8, Grown, IndexNames, IndexedNest, Nest, Scope, StructThen,
    U32Array, U64Array, Uint,
};
use crate::wire::visit::{MapRenderer, Render, Renderer};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, EncodeError, NativeEndian, Writer, I32, U16, U32, U64};

/// `RTM_NEWLINK`.
pub const RTM_NEWLINK: u16 = 16;
/// `RTM_DELLINK`.
pub const RTM_DELLINK: u16 = 17;
/// `RTM_GETLINK`.
pub const RTM_GETLINK: u16 = 18;
/// `RTM_SETLINK`.
pub const RTM_SETLINK: u16 = 19;
/// `RTM_NEWLINKPROP`.
pub const RTM_NEWLINKPROP: u16 = 108;
/// `RTM_DELLINKPROP`.
pub const RTM_DELLINKPROP: u16 = 109;
/// `RTM_GETLINKPROP` (the kernel has no handler for it).
pub const RTM_GETLINKPROP: u16 = 110;

zc_struct! {
    /// `struct ifinfomsg`, the link family's 16-byte fixed header.
    pub struct IfInfoMsg<O> {
        /// `ifi_family`: `AF_UNSPEC`, or `AF_BRIDGE` / `AF_INET6` for those
        /// views of a link.
        ifi_family: u8,
        /// `__ifi_pad`.
        __ifi_pad: u8,
        /// `ifi_type`: `ARPHRD_*` (see [`LinkType`]).
        ifi_type: U16<O>,
        /// `ifi_index`: the interface index (0 in a request that names the link).
        ifi_index: I32<O>,
        /// `ifi_flags`: `IFF_*` (see [`IfFlags`]).
        ifi_flags: U32<O>,
        /// `ifi_change`: the `IFF_*` bits a request changes (0xffffffff: all).
        ifi_change: U32<O>,
    }
}

impl<O: ByteOrder> IfInfoMsg<O> {
    /// The link type.
    pub fn link_type(&self) -> LinkType {
        LinkType(self.ifi_type.get())
    }
    /// The flags.
    pub fn flags(&self) -> IfFlags {
        IfFlags(self.ifi_flags.get())
    }
    /// The change mask.
    pub fn change(&self) -> IfFlags {
        IfFlags(self.ifi_change.get())
    }
}

named_values! {
    /// `ifi_type`: the hardware type (`ARPHRD_*`), keeping unknown numbers.
    pub struct LinkType(u16) {
        NETROM = 0, "ARPHRD_NETROM", "netrom";
        ETHER = 1, "ARPHRD_ETHER", "ether";
        EETHER = 2, "ARPHRD_EETHER", "eether";
        AX25 = 3, "ARPHRD_AX25", "ax25";
        PRONET = 4, "ARPHRD_PRONET", "pronet";
        CHAOS = 5, "ARPHRD_CHAOS", "chaos";
        IEEE802 = 6, "ARPHRD_IEEE802", "ieee802";
        ARCNET = 7, "ARPHRD_ARCNET", "arcnet";
        APPLETLK = 8, "ARPHRD_APPLETLK", "atalk";
        DLCI = 15, "ARPHRD_DLCI", "dlci";
        ATM = 19, "ARPHRD_ATM", "atm";
        METRICOM = 23, "ARPHRD_METRICOM", "metricom";
        IEEE1394 = 24, "ARPHRD_IEEE1394", "ieee1394";
        EUI64 = 27, "ARPHRD_EUI64", "eui64";
        INFINIBAND = 32, "ARPHRD_INFINIBAND", "infiniband";
        SLIP = 256, "ARPHRD_SLIP", "slip";
        CSLIP = 257, "ARPHRD_CSLIP", "cslip";
        SLIP6 = 258, "ARPHRD_SLIP6", "slip6";
        CSLIP6 = 259, "ARPHRD_CSLIP6", "cslip6";
        RSRVD = 260, "ARPHRD_RSRVD", "rsrvd";
        ADAPT = 264, "ARPHRD_ADAPT", "adapt";
        ROSE = 270, "ARPHRD_ROSE", "rose";
        X25 = 271, "ARPHRD_X25", "x25";
        HWX25 = 272, "ARPHRD_HWX25", "hwx25";
        CAN = 280, "ARPHRD_CAN", "can";
        MCTP = 290, "ARPHRD_MCTP", "mctp";
        PPP = 512, "ARPHRD_PPP", "ppp";
        CISCO = 513, "ARPHRD_CISCO", "cisco";
        LAPB = 516, "ARPHRD_LAPB", "lapb";
        DDCMP = 517, "ARPHRD_DDCMP", "ddcmp";
        RAWHDLC = 518, "ARPHRD_RAWHDLC", "rawhdlc";
        RAWIP = 519, "ARPHRD_RAWIP", "rawip";
        TUNNEL = 768, "ARPHRD_TUNNEL", "ipip";
        TUNNEL6 = 769, "ARPHRD_TUNNEL6", "tunnel6";
        FRAD = 770, "ARPHRD_FRAD", "frad";
        SKIP = 771, "ARPHRD_SKIP", "skip";
        LOOPBACK = 772, "ARPHRD_LOOPBACK", "loopback";
        LOCALTLK = 773, "ARPHRD_LOCALTLK", "ltalk";
        FDDI = 774, "ARPHRD_FDDI", "fddi";
        BIF = 775, "ARPHRD_BIF", "bif";
        SIT = 776, "ARPHRD_SIT", "sit";
        IPDDP = 777, "ARPHRD_IPDDP", "ip/ddp";
        IPGRE = 778, "ARPHRD_IPGRE", "gre";
        PIMREG = 779, "ARPHRD_PIMREG", "pimreg";
        HIPPI = 780, "ARPHRD_HIPPI", "hippi";
        ASH = 781, "ARPHRD_ASH", "ash";
        ECONET = 782, "ARPHRD_ECONET", "econet";
        IRDA = 783, "ARPHRD_IRDA", "irda";
        FCPP = 784, "ARPHRD_FCPP", "fcpp";
        FCAL = 785, "ARPHRD_FCAL", "fcal";
        FCPL = 786, "ARPHRD_FCPL", "fcpl";
        FCFABRIC = 787, "ARPHRD_FCFABRIC", "fcfb0";
        IEEE802_TR = 800, "ARPHRD_IEEE802_TR", "tr";
        IEEE80211 = 801, "ARPHRD_IEEE80211", "ieee802.11";
        IEEE80211_PRISM = 802, "ARPHRD_IEEE80211_PRISM", "ieee802.11/prism";
        IEEE80211_RADIOTAP = 803, "ARPHRD_IEEE80211_RADIOTAP", "ieee802.11/radiotap";
        IEEE802154 = 804, "ARPHRD_IEEE802154", "ieee802.15.4";
        IEEE802154_MONITOR = 805, "ARPHRD_IEEE802154_MONITOR", "ieee802.15.4/monitor";
        PHONET = 820, "ARPHRD_PHONET", "phonet";
        PHONET_PIPE = 821, "ARPHRD_PHONET_PIPE", "phonet_pipe";
        CAIF = 822, "ARPHRD_CAIF", "caif";
        IP6GRE = 823, "ARPHRD_IP6GRE", "gre6";
        NETLINK = 824, "ARPHRD_NETLINK", "netlink";
        IPV6LOWPAN = 825, "ARPHRD_6LOWPAN", "6lowpan";
        VSOCKMON = 826, "ARPHRD_VSOCKMON", "vsockmon";
        VOID = 0xffff, "ARPHRD_VOID", "void";
        NONE = 0xfffe, "ARPHRD_NONE", "none";
    }
}

named_flags! {
    /// `ifi_flags` / `ifi_change`: `IFF_*` bits, unknown ones kept; the
    /// words are those `ip link` prints.
    pub struct IfFlags(u32) {
        UP = 1 << 0, "IFF_UP", "UP";
        BROADCAST = 1 << 1, "IFF_BROADCAST", "BROADCAST";
        DEBUG = 1 << 2, "IFF_DEBUG", "DEBUG";
        LOOPBACK = 1 << 3, "IFF_LOOPBACK", "LOOPBACK";
        POINTOPOINT = 1 << 4, "IFF_POINTOPOINT", "POINTOPOINT";
        NOTRAILERS = 1 << 5, "IFF_NOTRAILERS", "NOTRAILERS";
        RUNNING = 1 << 6, "IFF_RUNNING", "RUNNING";
        NOARP = 1 << 7, "IFF_NOARP", "NOARP";
        PROMISC = 1 << 8, "IFF_PROMISC", "PROMISC";
        ALLMULTI = 1 << 9, "IFF_ALLMULTI", "ALLMULTI";
        MASTER = 1 << 10, "IFF_MASTER", "MASTER";
        SLAVE = 1 << 11, "IFF_SLAVE", "SLAVE";
        MULTICAST = 1 << 12, "IFF_MULTICAST", "MULTICAST";
        PORTSEL = 1 << 13, "IFF_PORTSEL", "PORTSEL";
        AUTOMEDIA = 1 << 14, "IFF_AUTOMEDIA", "AUTOMEDIA";
        DYNAMIC = 1 << 15, "IFF_DYNAMIC", "DYNAMIC";
        LOWER_UP = 1 << 16, "IFF_LOWER_UP", "LOWER_UP";
        DORMANT = 1 << 17, "IFF_DORMANT", "DORMANT";
        ECHO = 1 << 18, "IFF_ECHO", "ECHO";
    }
}

struct_payload! {
    /// `struct ifla_vlan_flags` (`IFLA_VLAN_FLAGS`), 8 bytes.
    pub struct IflaVlanFlags<O> {
        /// `flags`: `VLAN_FLAG_*`.
        flags: U32<O>,
        /// `mask`: the flags a request changes.
        mask: U32<O>,
    }
}

struct_payload! {
    /// `struct br_boolopt_multi` (`IFLA_BR_MULTI_BOOLOPT`), 8 bytes.
    pub struct BrBooloptMulti<O> {
        /// `optval`: the values of the options (`1 << BR_BOOLOPT_*`).
        optval: U32<O>,
        /// `optmask`: the options a request sets.
        optmask: U32<O>,
    }
}

zc_struct! {
    /// `struct rtnl_link_stats` (`IFLA_STATS`), 96 bytes: 32-bit counters.
    pub struct RtnlLinkStats<O> {
        /// `rx_packets`
        rx_packets: U32<O>,
        /// `tx_packets`
        tx_packets: U32<O>,
        /// `rx_bytes`
        rx_bytes: U32<O>,
        /// `tx_bytes`
        tx_bytes: U32<O>,
        /// `rx_errors`
        rx_errors: U32<O>,
        /// `tx_errors`
        tx_errors: U32<O>,
        /// `rx_dropped`
        rx_dropped: U32<O>,
        /// `tx_dropped`
        tx_dropped: U32<O>,
        /// `multicast`
        multicast: U32<O>,
        /// `collisions`
        collisions: U32<O>,
        /// `rx_length_errors`
        rx_length_errors: U32<O>,
        /// `rx_over_errors`
        rx_over_errors: U32<O>,
        /// `rx_crc_errors`
        rx_crc_errors: U32<O>,
        /// `rx_frame_errors`
        rx_frame_errors: U32<O>,
        /// `rx_fifo_errors`
        rx_fifo_errors: U32<O>,
        /// `rx_missed_errors`
        rx_missed_errors: U32<O>,
        /// `tx_aborted_errors`
        tx_aborted_errors: U32<O>,
        /// `tx_carrier_errors`
        tx_carrier_errors: U32<O>,
        /// `tx_fifo_errors`
        tx_fifo_errors: U32<O>,
        /// `tx_heartbeat_errors`
        tx_heartbeat_errors: U32<O>,
        /// `tx_window_errors`
        tx_window_errors: U32<O>,
        /// `rx_compressed`
        rx_compressed: U32<O>,
        /// `tx_compressed`
        tx_compressed: U32<O>,
        /// `rx_nohandler`
        rx_nohandler: U32<O>,
    }
}

zc_struct! {
    /// `struct rtnl_link_stats64` (`IFLA_STATS64`), 200 bytes in 7.2 (184
    /// before `rx_nohandler`, 192 before `rx_otherhost_dropped`).
    pub struct RtnlLinkStats64<O> {
        /// `rx_packets`
        rx_packets: U64<O>,
        /// `tx_packets`
        tx_packets: U64<O>,
        /// `rx_bytes`
        rx_bytes: U64<O>,
        /// `tx_bytes`
        tx_bytes: U64<O>,
        /// `rx_errors`
        rx_errors: U64<O>,
        /// `tx_errors`
        tx_errors: U64<O>,
        /// `rx_dropped`
        rx_dropped: U64<O>,
        /// `tx_dropped`
        tx_dropped: U64<O>,
        /// `multicast`
        multicast: U64<O>,
        /// `collisions`
        collisions: U64<O>,
        /// `rx_length_errors`
        rx_length_errors: U64<O>,
        /// `rx_over_errors`
        rx_over_errors: U64<O>,
        /// `rx_crc_errors`
        rx_crc_errors: U64<O>,
        /// `rx_frame_errors`
        rx_frame_errors: U64<O>,
        /// `rx_fifo_errors`
        rx_fifo_errors: U64<O>,
        /// `rx_missed_errors`
        rx_missed_errors: U64<O>,
        /// `tx_aborted_errors`
        tx_aborted_errors: U64<O>,
        /// `tx_carrier_errors`
        tx_carrier_errors: U64<O>,
        /// `tx_fifo_errors`
        tx_fifo_errors: U64<O>,
        /// `tx_heartbeat_errors`
        tx_heartbeat_errors: U64<O>,
        /// `tx_window_errors`
        tx_window_errors: U64<O>,
        /// `rx_compressed`
        rx_compressed: U64<O>,
        /// `tx_compressed`
        tx_compressed: U64<O>,
        /// `rx_nohandler`
        rx_nohandler: U64<O>,
        /// `rx_otherhost_dropped`
        rx_otherhost_dropped: U64<O>,
    }
}

zc_struct! {
    /// `struct rtnl_link_ifmap` (`IFLA_MAP`), 32 bytes on 64-bit kernels
    /// (its tail padding; 28 on 32-bit ones).
    pub struct RtnlLinkIfmap<O> {
        /// `mem_start`
        mem_start: U64<O>,
        /// `mem_end`
        mem_end: U64<O>,
        /// `base_addr`
        base_addr: U64<O>,
        /// `irq`
        irq: U16<O>,
        /// `dma`
        dma: u8,
        /// `port`
        port: u8,
        /// the struct's tail padding on 64-bit kernels
        __pad: U32<O>,
    }
}

/// An attribute payload that is a newtype over exactly `N` bytes in wire
/// order (a struct of bytes and big-endian fields), with its generator.
macro_rules! fixed_bytes_payload {
    ($name:ident, $n:literal) => {
        impl<'a, O: ByteOrder> crate::typed::AttrPayload<'a, O> for $name {
            fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
                crate::typed::fixed::<$n, O>(attr).map($name)
            }
            fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
                w.attr(id, &self.0)
            }
        }

        #[cfg(feature = "arbitrary")]
        impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for $name {
            fn arbitrary_attr<B: Buffer>(
                u: &mut arbitrary::Unstructured<'_>,
                id: u16,
                _: crate::typed::gen::GenCtx,
                w: &mut Writer<B, O>,
            ) -> arbitrary::Result<()> {
                crate::typed::gen::enc(w.attr(id, &u.arbitrary::<[u8; $n]>()?))
            }
        }
    };
}

/// `struct ifla_bridge_id` (`IFLA_BR_ROOT_ID`, `IFLA_BR_BRIDGE_ID`, …), 8
/// bytes in wire order: the priority (big-endian) and the MAC address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct IflaBridgeId(pub [u8; 8]);

impl IflaBridgeId {
    /// `prio`, the bridge priority.
    pub fn priority(&self) -> u16 {
        u16::from_be_bytes([self.0[0], self.0[1]])
    }
    /// `addr`, the MAC address.
    pub fn addr(&self) -> [u8; 6] {
        let mut a = [0u8; 6];
        a.copy_from_slice(&self.0[2..]);
        a
    }
}

impl Render for IflaBridgeId {
    /// `{"prio": N, "addr": "hex"}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("prio", &self.priority())?;
        m.entry("addr", &crate::wire::visit::Value::Hex(&self.0[2..]))?;
        m.end()
    }
}
serde_via_render!(impl[] IflaBridgeId);
fixed_bytes_payload!(IflaBridgeId, 8);

/// `struct ifla_vxlan_port_range` (`IFLA_VXLAN_PORT_RANGE`), 4 bytes: the
/// lowest and highest UDP source ports, big-endian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct VxlanPortRange(pub [u8; 4]);

impl VxlanPortRange {
    /// `low`.
    pub fn low(&self) -> u16 {
        u16::from_be_bytes([self.0[0], self.0[1]])
    }
    /// `high`.
    pub fn high(&self) -> u16 {
        u16::from_be_bytes([self.0[2], self.0[3]])
    }
    /// The range `low..=high`.
    pub fn new(low: u16, high: u16) -> Self {
        let (l, h) = (low.to_be_bytes(), high.to_be_bytes());
        VxlanPortRange([l[0], l[1], h[0], h[1]])
    }
}

impl Render for VxlanPortRange {
    /// `{"low": N, "high": N}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("low", &self.low())?;
        m.entry("high", &self.high())?;
        m.end()
    }
}
serde_via_render!(impl[] VxlanPortRange);
fixed_bytes_payload!(VxlanPortRange, 4);

select_table! {
    /// The options of a link kind (`IFLA_INFO_DATA`), by `IFLA_INFO_KIND`
    /// (looked up among the nest's attributes, before or after it). Kinds
    /// not typed yet decode as [`Unknown`](Self::Unknown) with their kind.
    pub enum LinkInfoData by sibling IFLA_INFO_KIND: str {
        /// A bridge (`IFLA_BR_*`).
        "bridge" KIND_BRIDGE bridge => Bridge(BridgeAttr),
        /// A veth pair (`VETH_INFO_*`).
        "veth" KIND_VETH veth => Veth(VethAttr),
        /// A VXLAN device (`IFLA_VXLAN_*`).
        "vxlan" KIND_VXLAN vxlan => Vxlan(VxlanAttr),
        /// A macvlan device (`IFLA_MACVLAN_*`).
        "macvlan" KIND_MACVLAN macvlan => Macvlan(MacvlanAttr),
        /// A macvtap device (`IFLA_MACVLAN_*`).
        "macvtap" KIND_MACVTAP macvtap => Macvtap(MacvlanAttr),
        /// A tun or tap device (`IFLA_TUN_*`).
        "tun" KIND_TUN tun => Tun(TunAttr),
        /// A VLAN device (`IFLA_VLAN_*`).
        "vlan" KIND_VLAN vlan => Vlan(VlanAttr),
        /// A VRF device (`IFLA_VRF_*`).
        "vrf" KIND_VRF vrf => Vrf(VrfAttr),
        /// A bond (`IFLA_BOND_*`).
        "bond" KIND_BOND bond => Bond(BondAttr),
        /// A GRE device (`IFLA_GRE_*` over IPv4).
        "gre" KIND_GRE gre => Gre(GreAttr),
        /// A GRE device carrying Ethernet (`IFLA_GRE_*` over IPv4).
        "gretap" KIND_GRETAP gretap => Gretap(GreAttr),
        /// An ERSPAN device (`IFLA_GRE_*` over IPv4).
        "erspan" KIND_ERSPAN erspan => Erspan(GreAttr),
        /// A GRE device over IPv6 (`IFLA_GRE_*`).
        "ip6gre" KIND_IP6GRE ip6gre => Ip6gre(Gre6Attr),
        /// A GRE device over IPv6 carrying Ethernet (`IFLA_GRE_*`).
        "ip6gretap" KIND_IP6GRETAP ip6gretap => Ip6gretap(Gre6Attr),
        /// An ERSPAN device over IPv6 (`IFLA_GRE_*`).
        "ip6erspan" KIND_IP6ERSPAN ip6erspan => Ip6erspan(Gre6Attr),
        /// A VTI device over IPv4 (`IFLA_VTI_*`).
        "vti" KIND_VTI vti => Vti(VtiAttr),
        /// A VTI device over IPv6 (`IFLA_VTI_*`).
        "vti6" KIND_VTI6 vti6 => Vti6(Vti6Attr),
        /// A Geneve device (`IFLA_GENEVE_*`).
        "geneve" KIND_GENEVE geneve => Geneve(GeneveAttr),
        /// An IP-in-IP tunnel (`IFLA_IPTUN_*`).
        "ipip" KIND_IPIP ipip => Ipip(IptunAttr),
        /// An IPv6-in-IPv4 tunnel (`IFLA_IPTUN_*`).
        "sit" KIND_SIT sit => Sit(IptunAttr),
        /// An IPv6 tunnel (`IFLA_IPTUN_*`).
        "ip6tnl" KIND_IP6TNL ip6tnl => Ip6tnl(Ip6tnlAttr),
        /// An ipvlan device (`IFLA_IPVLAN_*`).
        "ipvlan" KIND_IPVLAN ipvlan => Ipvlan(IpvlanAttr),
        /// An ipvtap device (`IFLA_IPVLAN_*`).
        "ipvtap" KIND_IPVTAP ipvtap => Ipvtap(IpvlanAttr),
        /// An XFRM interface (`IFLA_XFRM_*`).
        "xfrm" KIND_XFRM xfrm => Xfrm(XfrmAttr),
        /// A MACsec device (`IFLA_MACSEC_*`).
        "macsec" KIND_MACSEC macsec => Macsec(MacsecAttr),
        /// A bare UDP device (`IFLA_BAREUDP_*`).
        "bareudp" KIND_BAREUDP bareudp => Bareudp(BareudpAttr),
        /// A vxcan pair (`VXCAN_INFO_*`).
        "vxcan" KIND_VXCAN vxcan => Vxcan(VxcanAttr),
        /// A netkit pair (`IFLA_NETKIT_*`).
        "netkit" KIND_NETKIT netkit => Netkit(NetkitAttr),
        /// An HSR device (`IFLA_HSR_*`).
        "hsr" KIND_HSR hsr => Hsr(HsrAttr),
        /// A PRP device (`IFLA_HSR_*`).
        "prp" KIND_PRP prp => Prp(HsrAttr),
        /// A CAN device (`IFLA_CAN_*`).
        "can" KIND_CAN can => Can(CanAttr),
        /// A GTP device (`IFLA_GTP_*`).
        "gtp" KIND_GTP gtp => Gtp(GtpAttr),
        /// An AMT device (`IFLA_AMT_*`).
        "amt" KIND_AMT amt => Amt(AmtAttr),
        /// An rmnet device (`IFLA_RMNET_*`).
        "rmnet" KIND_RMNET rmnet => Rmnet(RmnetAttr),
        /// A batman-adv mesh interface (`IFLA_BATADV_*`).
        "batadv" KIND_BATADV batadv => Batadv(BatadvAttr),
        /// A WWAN link (`IFLA_WWAN_*`).
        "wwan" KIND_WWAN wwan => Wwan(WwanAttr),
        /// An IPoIB child (`IFLA_IPOIB_*`).
        "ipoib" KIND_IPOIB ipoib => Ipoib(IpoibAttr),
        /// A PPP unit (`IFLA_PPP_*`).
        "ppp" KIND_PPP ppp => Ppp(PppAttr),
        /// A DSA user port (`IFLA_DSA_*`).
        "dsa" KIND_DSA dsa => Dsa(DsaAttr),
        /// An OpenVPN device (`IFLA_OVPN_*`).
        "ovpn" KIND_OVPN ovpn => Ovpn(OvpnAttr),
        /// A dummy device (no options).
        "dummy" KIND_DUMMY dummy => Dummy(NoOptionsAttr),
        /// An intermediate functional block (no options).
        "ifb" KIND_IFB ifb => Ifb(NoOptionsAttr),
        /// A netlink monitor (no options).
        "nlmon" KIND_NLMON nlmon => Nlmon(NoOptionsAttr),
        /// A virtual CAN device (no options).
        "vcan" KIND_VCAN vcan => Vcan(NoOptionsAttr),
        /// A virtual Wi-Fi device over Ethernet (no options).
        "virt_wifi" KIND_VIRT_WIFI virt_wifi => VirtWifi(NoOptionsAttr),
        /// A team (no options here: teams are configured over generic netlink).
        "team" KIND_TEAM team => Team(NoOptionsAttr),
        /// A netdevsim device (no options).
        "netdevsim" KIND_NETDEVSIM netdevsim => Netdevsim(NoOptionsAttr),
        /// A WireGuard device (no options here: it is configured over generic netlink).
        "wireguard" KIND_WIREGUARD wireguard => Wireguard(NoOptionsAttr),
    }
}

select_table! {
    /// A port's options under its master (`IFLA_INFO_SLAVE_DATA`), by
    /// `IFLA_INFO_SLAVE_KIND`.
    pub enum LinkInfoSlaveData by sibling IFLA_INFO_SLAVE_KIND: str {
        /// A bridge port (`IFLA_BRPORT_*`).
        "bridge" SLAVE_KIND_BRIDGE bridge => Bridge(BridgePortAttr),
        /// A bond port (`IFLA_BOND_SLAVE_*`).
        "bond" SLAVE_KIND_BOND bond => Bond(BondSlaveAttr),
        /// A VRF port (`IFLA_VRF_PORT_*`).
        "vrf" SLAVE_KIND_VRF vrf => Vrf(VrfPortAttr),
        /// A team port (no options here).
        "team" SLAVE_KIND_TEAM team => Team(NoOptionsAttr),
    }
}

attr_set! {
    /// A link attribute (`IFLA_*`).
    pub enum LinkAttr {
        /// The link-layer address.
        1 IFLA_ADDRESS address => Address(Bytes<'a>),
        /// The link-layer broadcast address.
        2 IFLA_BROADCAST broadcast => Broadcast(Bytes<'a>),
        /// The interface name.
        3 IFLA_IFNAME ifname => Ifname(&'a str),
        /// The MTU.
        4 IFLA_MTU mtu => Mtu(u32),
        /// The link this one is stacked on (ifindex; in `IFLA_LINK_NETNSID`'s namespace when that is present).
        5 IFLA_LINK link => Link(u32),
        /// The root qdisc's kind.
        6 IFLA_QDISC qdisc => Qdisc(&'a str),
        /// Statistics, 32-bit counters (`struct rtnl_link_stats`, any length).
        7 IFLA_STATS stats => Stats(Grown<'a, RtnlLinkStats<O>>),
        /// Unused.
        8 IFLA_COST cost => Cost(Bytes<'a>),
        /// Unused.
        9 IFLA_PRIORITY priority => Priority(Bytes<'a>),
        /// The master (ifindex): a bridge, bond, VRF, ….
        10 IFLA_MASTER master => Master(u32),
        /// Wireless extension events.
        11 IFLA_WIRELESS wireless => Wireless(Bytes<'a>),
        /// Protocol information, by the message family (`IFLA_BRPORT_*` for `AF_BRIDGE`, `IFLA_INET6_*` for `AF_INET6`).
        12 IFLA_PROTINFO protinfo => Protinfo(Protinfo<'a, O>) select Protinfo,
        /// The transmit queue length.
        13 IFLA_TXQLEN txqlen => Txqlen(u32),
        /// Device resources (`struct rtnl_link_ifmap`: 32 bytes on 64-bit kernels, 28 on 32-bit).
        14 IFLA_MAP map => Map(Grown<'a, RtnlLinkIfmap<O>>),
        /// Weight (unused).
        15 IFLA_WEIGHT weight => Weight(u32),
        /// The RFC 2863 operational state (`IF_OPER_*`).
        16 IFLA_OPERSTATE operstate => Operstate(u8),
        /// The link mode (`IF_LINK_MODE_*`).
        17 IFLA_LINKMODE linkmode => Linkmode(u8),
        /// The link kind and its options (`IFLA_INFO_*`).
        18 IFLA_LINKINFO linkinfo => Linkinfo(Nest<'a, O, LinkInfoAttr<'a, O>>) nest LinkInfoAttr,
        /// Move to the namespace of this process (a request).
        19 IFLA_NET_NS_PID net_ns_pid => NetNsPid(u32),
        /// The alias.
        20 IFLA_IFALIAS ifalias => Ifalias(&'a str),
        /// The number of SR-IOV virtual functions.
        21 IFLA_NUM_VF num_vf => NumVf(u32),
        /// SR-IOV virtual functions (`IFLA_VF_INFO` nests).
        22 IFLA_VFINFO_LIST vfinfo_list => VfinfoList(Nest<'a, O, VfinfoListAttr<'a, O>>) nest VfinfoListAttr,
        /// Statistics, 64-bit counters (`struct rtnl_link_stats64`, 184, 192 or 200 bytes by kernel).
        23 IFLA_STATS64 stats64 => Stats64(Grown<'a, RtnlLinkStats64<O>>),
        /// Virtual function ports (`IFLA_VF_PORT` nests).
        24 IFLA_VF_PORTS vf_ports => VfPorts(Nest<'a, O, VfPortsAttr<'a, O>>) nest VfPortsAttr,
        /// The port of the device itself (`IFLA_PORT_*`).
        25 IFLA_PORT_SELF port_self => PortSelf(Nest<'a, O, PortAttr<'a, O>>) nest PortAttr,
        /// Per-address-family information (nests keyed by `AF_*`; for `AF_BRIDGE` messages `IFLA_BRIDGE_*`).
        26 IFLA_AF_SPEC af_spec => AfSpec(AfSpec<'a, O>) select AfSpec,
        /// The device group.
        27 IFLA_GROUP group => Group(u32),
        /// Move to the namespace of this file descriptor (a request).
        28 IFLA_NET_NS_FD net_ns_fd => NetNsFd(u32),
        /// What a dump request asks for (`RTEXT_FILTER_*`).
        29 IFLA_EXT_MASK ext_mask => ExtMask(u32),
        /// The promiscuity count.
        30 IFLA_PROMISCUITY promiscuity => Promiscuity(u32),
        /// The number of transmit queues.
        31 IFLA_NUM_TX_QUEUES num_tx_queues => NumTxQueues(u32),
        /// The number of receive queues.
        32 IFLA_NUM_RX_QUEUES num_rx_queues => NumRxQueues(u32),
        /// The carrier (1 up).
        33 IFLA_CARRIER carrier => Carrier(u8),
        /// The physical port id.
        34 IFLA_PHYS_PORT_ID phys_port_id => PhysPortId(Bytes<'a>),
        /// Carrier changes so far.
        35 IFLA_CARRIER_CHANGES carrier_changes => CarrierChanges(u32),
        /// The physical switch id.
        36 IFLA_PHYS_SWITCH_ID phys_switch_id => PhysSwitchId(Bytes<'a>),
        /// The namespace (by id) of `IFLA_LINK` (a veth peer's, say).
        37 IFLA_LINK_NETNSID link_netnsid => LinkNetnsid(i32),
        /// The physical port name.
        38 IFLA_PHYS_PORT_NAME phys_port_name => PhysPortName(&'a str),
        /// Protocol-down (1).
        39 IFLA_PROTO_DOWN proto_down => ProtoDown(u8),
        /// The most GSO segments.
        40 IFLA_GSO_MAX_SEGS gso_max_segs => GsoMaxSegs(u32),
        /// The largest GSO packet.
        41 IFLA_GSO_MAX_SIZE gso_max_size => GsoMaxSize(u32),
        /// Padding for 64-bit alignment.
        42 IFLA_PAD pad => Pad(Bytes<'a>),
        /// XDP programs (`IFLA_XDP_*`).
        43 IFLA_XDP xdp => Xdp(Nest<'a, O, XdpAttr<'a, O>>) nest XdpAttr,
        /// The event a notification reports (`IFLA_EVENT_*`).
        44 IFLA_EVENT event => Event(u32),
        /// The namespace id a moved link has in its new namespace.
        45 IFLA_NEW_NETNSID new_netnsid => NewNetnsid(i32),
        /// The namespace (by id) a request or dump addresses (also `IFLA_TARGET_NETNSID`).
        46 IFLA_IF_NETNSID if_netnsid => IfNetnsid(i32),
        /// Carrier ups so far.
        47 IFLA_CARRIER_UP_COUNT carrier_up_count => CarrierUpCount(u32),
        /// Carrier downs so far.
        48 IFLA_CARRIER_DOWN_COUNT carrier_down_count => CarrierDownCount(u32),
        /// The ifindex a moved link has in its new namespace.
        49 IFLA_NEW_IFINDEX new_ifindex => NewIfindex(i32),
        /// The smallest MTU.
        50 IFLA_MIN_MTU min_mtu => MinMtu(u32),
        /// The largest MTU.
        51 IFLA_MAX_MTU max_mtu => MaxMtu(u32),
        /// Properties: alternative names (`IFLA_ALT_IFNAME`).
        52 IFLA_PROP_LIST prop_list => PropList(Nest<'a, O, PropAttr<'a, O>>) nest PropAttr,
        /// An alternative name (in requests and in `IFLA_PROP_LIST`).
        53 IFLA_ALT_IFNAME alt_ifname => AltIfname(&'a str),
        /// The permanent link-layer address.
        54 IFLA_PERM_ADDRESS perm_address => PermAddress(Bytes<'a>),
        /// Why the link is protocol-down (`IFLA_PROTO_DOWN_REASON_*`).
        55 IFLA_PROTO_DOWN_REASON proto_down_reason => ProtoDownReason(Nest<'a, O, ProtoDownReasonAttr<'a, O>>) nest ProtoDownReasonAttr,
        /// The parent device's name.
        56 IFLA_PARENT_DEV_NAME parent_dev_name => ParentDevName(&'a str),
        /// The parent device's bus.
        57 IFLA_PARENT_DEV_BUS_NAME parent_dev_bus_name => ParentDevBusName(&'a str),
        /// The largest GRO packet.
        58 IFLA_GRO_MAX_SIZE gro_max_size => GroMaxSize(u32),
        /// The largest TSO packet the device takes.
        59 IFLA_TSO_MAX_SIZE tso_max_size => TsoMaxSize(u32),
        /// The most TSO segments the device takes.
        60 IFLA_TSO_MAX_SEGS tso_max_segs => TsoMaxSegs(u32),
        /// The all-multicast count.
        61 IFLA_ALLMULTI allmulti => Allmulti(u32),
        /// The devlink port (its devlink handle, `DEVLINK_ATTR_*`).
        62 IFLA_DEVLINK_PORT devlink_port => DevlinkPort(Nest<'a, O, DevlinkPortAttr<'a, O>>) nest DevlinkPortAttr,
        /// The largest IPv4 GSO packet.
        63 IFLA_GSO_IPV4_MAX_SIZE gso_ipv4_max_size => GsoIpv4MaxSize(u32),
        /// The largest IPv4 GRO packet.
        64 IFLA_GRO_IPV4_MAX_SIZE gro_ipv4_max_size => GroIpv4MaxSize(u32),
        /// The DPLL pin (its handle, `DPLL_A_PIN_*`).
        65 IFLA_DPLL_PIN dpll_pin => DpllPin(Nest<'a, O, DpllPinAttr<'a, O>>) nest DpllPinAttr,
        /// The longest horizon of offloaded pacing, in nanoseconds (4 or 8 bytes).
        66 IFLA_MAX_PACING_OFFLOAD_HORIZON max_pacing_offload_horizon => MaxPacingOffloadHorizon(Uint),
        /// Whether the link may not change namespace (1).
        67 IFLA_NETNS_IMMUTABLE netns_immutable => NetnsImmutable(u8),
        /// Headroom the device needs.
        68 IFLA_HEADROOM headroom => Headroom(u16),
        /// Tailroom the device needs.
        69 IFLA_TAILROOM tailroom => Tailroom(u16),
    }
}
attr_set! {
    /// An `IFLA_LINKINFO` attribute (`IFLA_INFO_*`).
    pub enum LinkInfoAttr {
        /// The kind (`"veth"`, `"bridge"`, …): selects `IFLA_INFO_DATA`.
        1 IFLA_INFO_KIND kind => Kind(&'a str),
        /// The kind's options, selected by `IFLA_INFO_KIND`.
        2 IFLA_INFO_DATA data => Data(LinkInfoData<'a, O>) select LinkInfoData,
        /// The kind's extended statistics, selected by `IFLA_INFO_KIND` (a CAN device's counters; other kinds' bytes).
        3 IFLA_INFO_XSTATS xstats => Xstats(LinkXstats<'a, O>),
        /// The kind of the master this link is a port of: selects `IFLA_INFO_SLAVE_DATA`.
        4 IFLA_INFO_SLAVE_KIND slave_kind => SlaveKind(&'a str),
        /// The port's options, selected by `IFLA_INFO_SLAVE_KIND`.
        5 IFLA_INFO_SLAVE_DATA slave_data => SlaveData(LinkInfoSlaveData<'a, O>) select LinkInfoSlaveData,
    }
}
attr_set! {
    /// An `IFLA_XDP` attribute (`IFLA_XDP_*`).
    pub enum XdpAttr {
        /// Fd.
        1 IFLA_XDP_FD fd => Fd(i32),
        /// Attached.
        2 IFLA_XDP_ATTACHED attached => Attached(u8),
        /// Flags.
        3 IFLA_XDP_FLAGS flags => Flags(u32),
        /// Prog id.
        4 IFLA_XDP_PROG_ID prog_id => ProgId(u32),
        /// Drv prog id.
        5 IFLA_XDP_DRV_PROG_ID drv_prog_id => DrvProgId(u32),
        /// Skb prog id.
        6 IFLA_XDP_SKB_PROG_ID skb_prog_id => SkbProgId(u32),
        /// Hw prog id.
        7 IFLA_XDP_HW_PROG_ID hw_prog_id => HwProgId(u32),
        /// Expected fd.
        8 IFLA_XDP_EXPECTED_FD expected_fd => ExpectedFd(i32),
    }
}
attr_set! {
    /// An `IFLA_PROTO_DOWN_REASON` attribute.
    pub enum ProtoDownReasonAttr {
        /// The reason bits this request sets.
        1 IFLA_PROTO_DOWN_REASON_MASK mask => Mask(u32),
        /// The reason bits.
        2 IFLA_PROTO_DOWN_REASON_VALUE value => Value(u32),
    }
}
attr_set! {
    /// A bridge's option (`IFLA_BR_*`, kind `"bridge"`).
    pub enum BridgeAttr {
        /// Forward delay.
        1 IFLA_BR_FORWARD_DELAY forward_delay => ForwardDelay(u32),
        /// Hello time.
        2 IFLA_BR_HELLO_TIME hello_time => HelloTime(u32),
        /// Max age.
        3 IFLA_BR_MAX_AGE max_age => MaxAge(u32),
        /// Ageing time.
        4 IFLA_BR_AGEING_TIME ageing_time => AgeingTime(u32),
        /// Stp state.
        5 IFLA_BR_STP_STATE stp_state => StpState(u32),
        /// Priority.
        6 IFLA_BR_PRIORITY priority => Priority(u16),
        /// Vlan filtering.
        7 IFLA_BR_VLAN_FILTERING vlan_filtering => VlanFiltering(u8),
        /// The VLAN protocol (`ETH_P_8021Q` or `ETH_P_8021AD`, big-endian).
        8 IFLA_BR_VLAN_PROTOCOL vlan_protocol => VlanProtocol(Be16),
        /// Group fwd mask.
        9 IFLA_BR_GROUP_FWD_MASK group_fwd_mask => GroupFwdMask(u16),
        /// The root bridge id.
        10 IFLA_BR_ROOT_ID root_id => RootId(IflaBridgeId),
        /// This bridge's id.
        11 IFLA_BR_BRIDGE_ID bridge_id => BridgeId(IflaBridgeId),
        /// Root port.
        12 IFLA_BR_ROOT_PORT root_port => RootPort(u16),
        /// Root path cost.
        13 IFLA_BR_ROOT_PATH_COST root_path_cost => RootPathCost(u32),
        /// Topology change.
        14 IFLA_BR_TOPOLOGY_CHANGE topology_change => TopologyChange(u8),
        /// Topology change detected.
        15 IFLA_BR_TOPOLOGY_CHANGE_DETECTED topology_change_detected => TopologyChangeDetected(u8),
        /// Hello timer.
        16 IFLA_BR_HELLO_TIMER hello_timer => HelloTimer(u64),
        /// Tcn timer.
        17 IFLA_BR_TCN_TIMER tcn_timer => TcnTimer(u64),
        /// Topology change timer.
        18 IFLA_BR_TOPOLOGY_CHANGE_TIMER topology_change_timer => TopologyChangeTimer(u64),
        /// Gc timer.
        19 IFLA_BR_GC_TIMER gc_timer => GcTimer(u64),
        /// The group address (a MAC address).
        20 IFLA_BR_GROUP_ADDR group_addr => GroupAddr(Bytes<'a>),
        /// Flush the FDB (a request).
        21 IFLA_BR_FDB_FLUSH fdb_flush => FdbFlush(Bytes<'a>),
        /// Mcast router.
        22 IFLA_BR_MCAST_ROUTER mcast_router => McastRouter(u8),
        /// Mcast snooping.
        23 IFLA_BR_MCAST_SNOOPING mcast_snooping => McastSnooping(u8),
        /// Mcast query use ifaddr.
        24 IFLA_BR_MCAST_QUERY_USE_IFADDR mcast_query_use_ifaddr => McastQueryUseIfaddr(u8),
        /// Mcast querier.
        25 IFLA_BR_MCAST_QUERIER mcast_querier => McastQuerier(u8),
        /// Mcast hash elasticity.
        26 IFLA_BR_MCAST_HASH_ELASTICITY mcast_hash_elasticity => McastHashElasticity(u32),
        /// Mcast hash max.
        27 IFLA_BR_MCAST_HASH_MAX mcast_hash_max => McastHashMax(u32),
        /// Mcast last member cnt.
        28 IFLA_BR_MCAST_LAST_MEMBER_CNT mcast_last_member_cnt => McastLastMemberCnt(u32),
        /// Mcast startup query cnt.
        29 IFLA_BR_MCAST_STARTUP_QUERY_CNT mcast_startup_query_cnt => McastStartupQueryCnt(u32),
        /// Mcast last member intvl.
        30 IFLA_BR_MCAST_LAST_MEMBER_INTVL mcast_last_member_intvl => McastLastMemberIntvl(u64),
        /// Mcast membership intvl.
        31 IFLA_BR_MCAST_MEMBERSHIP_INTVL mcast_membership_intvl => McastMembershipIntvl(u64),
        /// Mcast querier intvl.
        32 IFLA_BR_MCAST_QUERIER_INTVL mcast_querier_intvl => McastQuerierIntvl(u64),
        /// Mcast query intvl.
        33 IFLA_BR_MCAST_QUERY_INTVL mcast_query_intvl => McastQueryIntvl(u64),
        /// Mcast query response intvl.
        34 IFLA_BR_MCAST_QUERY_RESPONSE_INTVL mcast_query_response_intvl => McastQueryResponseIntvl(u64),
        /// Mcast startup query intvl.
        35 IFLA_BR_MCAST_STARTUP_QUERY_INTVL mcast_startup_query_intvl => McastStartupQueryIntvl(u64),
        /// Nf call iptables.
        36 IFLA_BR_NF_CALL_IPTABLES nf_call_iptables => NfCallIptables(u8),
        /// Nf call ip6tables.
        37 IFLA_BR_NF_CALL_IP6TABLES nf_call_ip6tables => NfCallIp6tables(u8),
        /// Nf call arptables.
        38 IFLA_BR_NF_CALL_ARPTABLES nf_call_arptables => NfCallArptables(u8),
        /// Vlan default pvid.
        39 IFLA_BR_VLAN_DEFAULT_PVID vlan_default_pvid => VlanDefaultPvid(u16),
        /// Padding for 64-bit alignment.
        40 IFLA_BR_PAD pad => Pad(Bytes<'a>),
        /// Vlan stats enabled.
        41 IFLA_BR_VLAN_STATS_ENABLED vlan_stats_enabled => VlanStatsEnabled(u8),
        /// Mcast stats enabled.
        42 IFLA_BR_MCAST_STATS_ENABLED mcast_stats_enabled => McastStatsEnabled(u8),
        /// Mcast igmp version.
        43 IFLA_BR_MCAST_IGMP_VERSION mcast_igmp_version => McastIgmpVersion(u8),
        /// Mcast mld version.
        44 IFLA_BR_MCAST_MLD_VERSION mcast_mld_version => McastMldVersion(u8),
        /// Vlan stats per port.
        45 IFLA_BR_VLAN_STATS_PER_PORT vlan_stats_per_port => VlanStatsPerPort(u8),
        /// Boolean options (`struct br_boolopt_multi`).
        46 IFLA_BR_MULTI_BOOLOPT multi_boolopt => MultiBoolopt(BrBooloptMulti<O>),
        /// The multicast querier state (`BRIDGE_QUERIER_*`).
        47 IFLA_BR_MCAST_QUERIER_STATE mcast_querier_state => McastQuerierState(Nest<'a, O, BridgeQuerierAttr<'a, O>>) nest BridgeQuerierAttr,
        /// Fdb n learned.
        48 IFLA_BR_FDB_N_LEARNED fdb_n_learned => FdbNLearned(u32),
        /// Fdb max learned.
        49 IFLA_BR_FDB_MAX_LEARNED fdb_max_learned => FdbMaxLearned(u32),
        /// Stp mode.
        50 IFLA_BR_STP_MODE stp_mode => StpMode(u32),
    }
}
attr_set! {
    /// A bridge port's option (`IFLA_BRPORT_*`: slave kind `"bridge"`, and `IFLA_PROTINFO` of `AF_BRIDGE` messages).
    pub enum BridgePortAttr {
        /// State.
        1 IFLA_BRPORT_STATE state => State(u8),
        /// Priority.
        2 IFLA_BRPORT_PRIORITY priority => Priority(u16),
        /// Cost.
        3 IFLA_BRPORT_COST cost => Cost(u32),
        /// Mode.
        4 IFLA_BRPORT_MODE mode => Mode(u8),
        /// Guard.
        5 IFLA_BRPORT_GUARD guard => Guard(u8),
        /// Protect.
        6 IFLA_BRPORT_PROTECT protect => Protect(u8),
        /// Fast leave.
        7 IFLA_BRPORT_FAST_LEAVE fast_leave => FastLeave(u8),
        /// Learning.
        8 IFLA_BRPORT_LEARNING learning => Learning(u8),
        /// Unicast flood.
        9 IFLA_BRPORT_UNICAST_FLOOD unicast_flood => UnicastFlood(u8),
        /// Proxyarp.
        10 IFLA_BRPORT_PROXYARP proxyarp => Proxyarp(u8),
        /// Learning sync.
        11 IFLA_BRPORT_LEARNING_SYNC learning_sync => LearningSync(u8),
        /// Proxyarp wifi.
        12 IFLA_BRPORT_PROXYARP_WIFI proxyarp_wifi => ProxyarpWifi(u8),
        /// The root bridge id.
        13 IFLA_BRPORT_ROOT_ID root_id => RootId(IflaBridgeId),
        /// The designated bridge id.
        14 IFLA_BRPORT_BRIDGE_ID bridge_id => BridgeId(IflaBridgeId),
        /// Designated port.
        15 IFLA_BRPORT_DESIGNATED_PORT designated_port => DesignatedPort(u16),
        /// Designated cost.
        16 IFLA_BRPORT_DESIGNATED_COST designated_cost => DesignatedCost(u16),
        /// Id.
        17 IFLA_BRPORT_ID id => Id(u16),
        /// No.
        18 IFLA_BRPORT_NO no => No(u16),
        /// Topology change ack.
        19 IFLA_BRPORT_TOPOLOGY_CHANGE_ACK topology_change_ack => TopologyChangeAck(u8),
        /// Config pending.
        20 IFLA_BRPORT_CONFIG_PENDING config_pending => ConfigPending(u8),
        /// Message age timer.
        21 IFLA_BRPORT_MESSAGE_AGE_TIMER message_age_timer => MessageAgeTimer(u64),
        /// Forward delay timer.
        22 IFLA_BRPORT_FORWARD_DELAY_TIMER forward_delay_timer => ForwardDelayTimer(u64),
        /// Hold timer.
        23 IFLA_BRPORT_HOLD_TIMER hold_timer => HoldTimer(u64),
        /// Flush the port's FDB entries (a request).
        24 IFLA_BRPORT_FLUSH flush => Flush(Flag),
        /// Multicast router.
        25 IFLA_BRPORT_MULTICAST_ROUTER multicast_router => MulticastRouter(u8),
        /// Padding for 64-bit alignment.
        26 IFLA_BRPORT_PAD pad => Pad(Bytes<'a>),
        /// Mcast flood.
        27 IFLA_BRPORT_MCAST_FLOOD mcast_flood => McastFlood(u8),
        /// Mcast to ucast.
        28 IFLA_BRPORT_MCAST_TO_UCAST mcast_to_ucast => McastToUcast(u8),
        /// Vlan tunnel.
        29 IFLA_BRPORT_VLAN_TUNNEL vlan_tunnel => VlanTunnel(u8),
        /// Bcast flood.
        30 IFLA_BRPORT_BCAST_FLOOD bcast_flood => BcastFlood(u8),
        /// Group fwd mask.
        31 IFLA_BRPORT_GROUP_FWD_MASK group_fwd_mask => GroupFwdMask(u16),
        /// Neigh suppress.
        32 IFLA_BRPORT_NEIGH_SUPPRESS neigh_suppress => NeighSuppress(u8),
        /// Isolated.
        33 IFLA_BRPORT_ISOLATED isolated => Isolated(u8),
        /// Backup port.
        34 IFLA_BRPORT_BACKUP_PORT backup_port => BackupPort(u32),
        /// Mrp ring open.
        35 IFLA_BRPORT_MRP_RING_OPEN mrp_ring_open => MrpRingOpen(u8),
        /// Mrp in open.
        36 IFLA_BRPORT_MRP_IN_OPEN mrp_in_open => MrpInOpen(u8),
        /// Mcast eht hosts limit.
        37 IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT mcast_eht_hosts_limit => McastEhtHostsLimit(u32),
        /// Mcast eht hosts cnt.
        38 IFLA_BRPORT_MCAST_EHT_HOSTS_CNT mcast_eht_hosts_cnt => McastEhtHostsCnt(u32),
        /// Locked.
        39 IFLA_BRPORT_LOCKED locked => Locked(u8),
        /// Mab.
        40 IFLA_BRPORT_MAB mab => Mab(u8),
        /// Mcast n groups.
        41 IFLA_BRPORT_MCAST_N_GROUPS mcast_n_groups => McastNGroups(u32),
        /// Mcast max groups.
        42 IFLA_BRPORT_MCAST_MAX_GROUPS mcast_max_groups => McastMaxGroups(u32),
        /// Neigh vlan suppress.
        43 IFLA_BRPORT_NEIGH_VLAN_SUPPRESS neigh_vlan_suppress => NeighVlanSuppress(u8),
        /// Backup nhid.
        44 IFLA_BRPORT_BACKUP_NHID backup_nhid => BackupNhid(u32),
        /// Neigh forward grat.
        45 IFLA_BRPORT_NEIGH_FORWARD_GRAT neigh_forward_grat => NeighForwardGrat(u8),
    }
}
attr_set! {
    /// A tun/tap device's property (`IFLA_TUN_*`, kind `"tun"`; dumps only).
    pub enum TunAttr {
        /// Owner.
        1 IFLA_TUN_OWNER owner => Owner(u32),
        /// Group.
        2 IFLA_TUN_GROUP group => Group(u32),
        /// Type.
        3 IFLA_TUN_TYPE type_ => Type(u8),
        /// Pi.
        4 IFLA_TUN_PI pi => Pi(u8),
        /// Vnet hdr.
        5 IFLA_TUN_VNET_HDR vnet_hdr => VnetHdr(u8),
        /// Persist.
        6 IFLA_TUN_PERSIST persist => Persist(u8),
        /// Multi queue.
        7 IFLA_TUN_MULTI_QUEUE multi_queue => MultiQueue(u8),
        /// Num queues.
        8 IFLA_TUN_NUM_QUEUES num_queues => NumQueues(u32),
        /// Num disabled queues.
        9 IFLA_TUN_NUM_DISABLED_QUEUES num_disabled_queues => NumDisabledQueues(u32),
    }
}
attr_set! {
    /// A VLAN device's option (`IFLA_VLAN_*`, kind `"vlan"`).
    pub enum VlanAttr {
        /// The VLAN id.
        1 IFLA_VLAN_ID id => Id(u16),
        /// Flags and the mask of those set (`struct ifla_vlan_flags`).
        2 IFLA_VLAN_FLAGS flags => Flags(IflaVlanFlags<O>),
        /// Egress priority mappings (`IFLA_VLAN_QOS_MAPPING`).
        3 IFLA_VLAN_EGRESS_QOS egress_qos => EgressQos(Nest<'a, O, VlanQosAttr<'a, O>>) nest VlanQosAttr,
        /// Ingress priority mappings (`IFLA_VLAN_QOS_MAPPING`).
        4 IFLA_VLAN_INGRESS_QOS ingress_qos => IngressQos(Nest<'a, O, VlanQosAttr<'a, O>>) nest VlanQosAttr,
        /// The VLAN protocol (`ETH_P_8021Q` or `ETH_P_8021AD`, big-endian).
        5 IFLA_VLAN_PROTOCOL protocol => Protocol(Be16),
    }
}
attr_set! {
    /// A VLAN priority mapping list (`IFLA_VLAN_QOS_*`, in `IFLA_VLAN_EGRESS_QOS` and `IFLA_VLAN_INGRESS_QOS`).
    pub enum VlanQosAttr {
        /// One mapping.
        1 IFLA_VLAN_QOS_MAPPING mapping => Mapping(IflaVlanQosMapping<O>),
    }
}

struct_payload! {
    /// `struct ifla_vlan_qos_mapping` (`IFLA_VLAN_QOS_MAPPING`), 8 bytes.
    pub struct IflaVlanQosMapping<O> {
        /// `from`: the skb priority (egress) or the VLAN priority (ingress).
        from: U32<O>,
        /// `to`
        to: U32<O>,
    }
}

attr_set! {
    /// A bridge's multicast querier state (`BRIDGE_QUERIER_*`, in `IFLA_BR_MCAST_QUERIER_STATE`).
    pub enum BridgeQuerierAttr {
        /// The IPv4 querier's address.
        1 BRIDGE_QUERIER_IP_ADDRESS ip_address => IpAddress(Ipv4Addr),
        /// The port it was heard on (ifindex).
        2 BRIDGE_QUERIER_IP_PORT ip_port => IpPort(u32),
        /// The other-querier-present timer, in hundredths of a second.
        3 BRIDGE_QUERIER_IP_OTHER_TIMER ip_other_timer => IpOtherTimer(u64),
        /// Padding for 64-bit alignment.
        4 BRIDGE_QUERIER_PAD pad => Pad(Bytes<'a>),
        /// The IPv6 querier's address.
        5 BRIDGE_QUERIER_IPV6_ADDRESS ipv6_address => Ipv6Address(Ipv6Addr),
        /// The port it was heard on (ifindex).
        6 BRIDGE_QUERIER_IPV6_PORT ipv6_port => Ipv6Port(u32),
        /// The other-querier-present timer, in hundredths of a second.
        7 BRIDGE_QUERIER_IPV6_OTHER_TIMER ipv6_other_timer => Ipv6OtherTimer(u64),
    }
}

attr_set! {
    /// A VRF device's option (`IFLA_VRF_*`, kind `"vrf"`).
    pub enum VrfAttr {
        /// Table.
        1 IFLA_VRF_TABLE table => Table(u32),
    }
}
attr_set! {
    /// A VXLAN device's option (`IFLA_VXLAN_*`, kind `"vxlan"`).
    pub enum VxlanAttr {
        /// The VNI.
        1 IFLA_VXLAN_ID id => Id(u32),
        /// The IPv4 multicast group or remote.
        2 IFLA_VXLAN_GROUP group => Group(Ipv4Addr),
        /// The underlying device (ifindex).
        3 IFLA_VXLAN_LINK link => Link(u32),
        /// The local IPv4 address.
        4 IFLA_VXLAN_LOCAL local => Local(Ipv4Addr),
        /// Ttl.
        5 IFLA_VXLAN_TTL ttl => Ttl(u8),
        /// Tos.
        6 IFLA_VXLAN_TOS tos => Tos(u8),
        /// Learning.
        7 IFLA_VXLAN_LEARNING learning => Learning(u8),
        /// FDB ageing time, in seconds.
        8 IFLA_VXLAN_AGEING ageing => Ageing(u32),
        /// The most FDB entries.
        9 IFLA_VXLAN_LIMIT limit => Limit(u32),
        /// The UDP source port range (`struct ifla_vxlan_port_range`, big-endian).
        10 IFLA_VXLAN_PORT_RANGE port_range => PortRange(VxlanPortRange),
        /// Proxy.
        11 IFLA_VXLAN_PROXY proxy => Proxy(u8),
        /// Rsc.
        12 IFLA_VXLAN_RSC rsc => Rsc(u8),
        /// L2miss.
        13 IFLA_VXLAN_L2MISS l2miss => L2miss(u8),
        /// L3miss.
        14 IFLA_VXLAN_L3MISS l3miss => L3miss(u8),
        /// The UDP destination port (big-endian).
        15 IFLA_VXLAN_PORT port => Port(Be16),
        /// The IPv6 multicast group or remote.
        16 IFLA_VXLAN_GROUP6 group6 => Group6(Ipv6Addr),
        /// The local IPv6 address.
        17 IFLA_VXLAN_LOCAL6 local6 => Local6(Ipv6Addr),
        /// Udp csum.
        18 IFLA_VXLAN_UDP_CSUM udp_csum => UdpCsum(u8),
        /// Udp zero csum6 tx.
        19 IFLA_VXLAN_UDP_ZERO_CSUM6_TX udp_zero_csum6_tx => UdpZeroCsum6Tx(u8),
        /// Udp zero csum6 rx.
        20 IFLA_VXLAN_UDP_ZERO_CSUM6_RX udp_zero_csum6_rx => UdpZeroCsum6Rx(u8),
        /// Remcsum tx.
        21 IFLA_VXLAN_REMCSUM_TX remcsum_tx => RemcsumTx(u8),
        /// Remcsum rx.
        22 IFLA_VXLAN_REMCSUM_RX remcsum_rx => RemcsumRx(u8),
        /// Group policy extension.
        23 IFLA_VXLAN_GBP gbp => Gbp(Flag),
        /// Remote checksum offload without partial checksums.
        24 IFLA_VXLAN_REMCSUM_NOPARTIAL remcsum_nopartial => RemcsumNopartial(Flag),
        /// Collect metadata.
        25 IFLA_VXLAN_COLLECT_METADATA collect_metadata => CollectMetadata(u8),
        /// The IPv6 flow label (big-endian).
        26 IFLA_VXLAN_LABEL label => Label(Be32),
        /// Generic protocol extension.
        27 IFLA_VXLAN_GPE gpe => Gpe(Flag),
        /// Inherit the TTL.
        28 IFLA_VXLAN_TTL_INHERIT ttl_inherit => TtlInherit(FlagU8),
        /// Df.
        29 IFLA_VXLAN_DF df => Df(u8),
        /// Vnifilter.
        30 IFLA_VXLAN_VNIFILTER vnifilter => Vnifilter(u8),
        /// Localbypass.
        31 IFLA_VXLAN_LOCALBYPASS localbypass => Localbypass(u8),
        /// The flow label policy (`VXLAN_LABEL_*`).
        32 IFLA_VXLAN_LABEL_POLICY label_policy => LabelPolicy(u32),
        /// The header's reserved bits that may be set (8 bytes).
        33 IFLA_VXLAN_RESERVED_BITS reserved_bits => ReservedBits(Bytes<'a>),
        /// Mc route.
        34 IFLA_VXLAN_MC_ROUTE mc_route => McRoute(u8),
    }
}
attr_set! {
    /// A macvlan or macvtap device's option (`IFLA_MACVLAN_*`, kinds `"macvlan"`, `"macvtap"`).
    pub enum MacvlanAttr {
        /// The mode (`MACVLAN_MODE_*`).
        1 IFLA_MACVLAN_MODE mode => Mode(u32),
        /// Flags (`MACVLAN_FLAG_*`).
        2 IFLA_MACVLAN_FLAGS flags => Flags(u16),
        /// How `IFLA_MACVLAN_MACADDR*` change the source list (`MACVLAN_MACADDR_*`).
        3 IFLA_MACVLAN_MACADDR_MODE macaddr_mode => MacaddrMode(u32),
        /// A source MAC address.
        4 IFLA_MACVLAN_MACADDR macaddr => Macaddr(Bytes<'a>),
        /// Source MAC addresses (`IFLA_MACVLAN_MACADDR` attributes).
        5 IFLA_MACVLAN_MACADDR_DATA macaddr_data => MacaddrData(Nest<'a, O, MacaddrDataAttr<'a, O>>) nest MacaddrDataAttr,
        /// The number of source MAC addresses.
        6 IFLA_MACVLAN_MACADDR_COUNT macaddr_count => MacaddrCount(u32),
        /// The broadcast queue length requested.
        7 IFLA_MACVLAN_BC_QUEUE_LEN bc_queue_len => BcQueueLen(u32),
        /// The broadcast queue length in use.
        8 IFLA_MACVLAN_BC_QUEUE_LEN_USED bc_queue_len_used => BcQueueLenUsed(u32),
        /// The broadcast cutoff.
        9 IFLA_MACVLAN_BC_CUTOFF bc_cutoff => BcCutoff(i32),
    }
}
attr_set! {
    /// A veth pair's option (`VETH_INFO_*`, kind `"veth"`).
    pub enum VethAttr {
        /// The peer: an `ifinfomsg` and its link attributes.
        1 VETH_INFO_PEER peer => Peer(StructThen<'a, O, IfInfoMsg<O>, LinkAttr<'a, O>>) custom,
    }
}

attr_set! {
    /// A bond's option (`IFLA_BOND_*`, kind `"bond"`).
    pub enum BondAttr {
        /// Mode.
        1 IFLA_BOND_MODE mode => Mode(u8),
        /// Active slave.
        2 IFLA_BOND_ACTIVE_SLAVE active_slave => ActiveSlave(u32),
        /// Miimon.
        3 IFLA_BOND_MIIMON miimon => Miimon(u32),
        /// Updelay.
        4 IFLA_BOND_UPDELAY updelay => Updelay(u32),
        /// Downdelay.
        5 IFLA_BOND_DOWNDELAY downdelay => Downdelay(u32),
        /// Use carrier.
        6 IFLA_BOND_USE_CARRIER use_carrier => UseCarrier(u8),
        /// Arp interval.
        7 IFLA_BOND_ARP_INTERVAL arp_interval => ArpInterval(u32),
        /// The ARP monitor's targets (a nest of IPv4 addresses, ids from 0).
        8 IFLA_BOND_ARP_IP_TARGET arp_ip_target => ArpIpTarget(IndexedNest<'a, O, Ipv4Addr>),
        /// Arp validate.
        9 IFLA_BOND_ARP_VALIDATE arp_validate => ArpValidate(u32),
        /// Arp all targets.
        10 IFLA_BOND_ARP_ALL_TARGETS arp_all_targets => ArpAllTargets(u32),
        /// Primary.
        11 IFLA_BOND_PRIMARY primary => Primary(u32),
        /// Primary reselect.
        12 IFLA_BOND_PRIMARY_RESELECT primary_reselect => PrimaryReselect(u8),
        /// Fail over mac.
        13 IFLA_BOND_FAIL_OVER_MAC fail_over_mac => FailOverMac(u8),
        /// Xmit hash policy.
        14 IFLA_BOND_XMIT_HASH_POLICY xmit_hash_policy => XmitHashPolicy(u8),
        /// Resend igmp.
        15 IFLA_BOND_RESEND_IGMP resend_igmp => ResendIgmp(u32),
        /// Num peer notif.
        16 IFLA_BOND_NUM_PEER_NOTIF num_peer_notif => NumPeerNotif(u8),
        /// All slaves active.
        17 IFLA_BOND_ALL_SLAVES_ACTIVE all_slaves_active => AllSlavesActive(u8),
        /// Min links.
        18 IFLA_BOND_MIN_LINKS min_links => MinLinks(u32),
        /// Lp interval.
        19 IFLA_BOND_LP_INTERVAL lp_interval => LpInterval(u32),
        /// Packets per slave.
        20 IFLA_BOND_PACKETS_PER_SLAVE packets_per_slave => PacketsPerSlave(u32),
        /// Ad lacp rate.
        21 IFLA_BOND_AD_LACP_RATE ad_lacp_rate => AdLacpRate(u8),
        /// Ad select.
        22 IFLA_BOND_AD_SELECT ad_select => AdSelect(u8),
        /// 802.3ad state (`IFLA_BOND_AD_INFO_*`).
        23 IFLA_BOND_AD_INFO ad_info => AdInfo(Nest<'a, O, BondAdInfoAttr<'a, O>>) nest BondAdInfoAttr,
        /// Ad actor sys prio.
        24 IFLA_BOND_AD_ACTOR_SYS_PRIO ad_actor_sys_prio => AdActorSysPrio(u16),
        /// Ad user port key.
        25 IFLA_BOND_AD_USER_PORT_KEY ad_user_port_key => AdUserPortKey(u16),
        /// The 802.3ad actor system (a MAC address).
        26 IFLA_BOND_AD_ACTOR_SYSTEM ad_actor_system => AdActorSystem(Bytes<'a>),
        /// Tlb dynamic lb.
        27 IFLA_BOND_TLB_DYNAMIC_LB tlb_dynamic_lb => TlbDynamicLb(u8),
        /// Peer notif delay.
        28 IFLA_BOND_PEER_NOTIF_DELAY peer_notif_delay => PeerNotifDelay(u32),
        /// Ad lacp active.
        29 IFLA_BOND_AD_LACP_ACTIVE ad_lacp_active => AdLacpActive(u8),
        /// Missed max.
        30 IFLA_BOND_MISSED_MAX missed_max => MissedMax(u8),
        /// The NS monitor's targets (a nest of IPv6 addresses, ids from 0).
        31 IFLA_BOND_NS_IP6_TARGET ns_ip6_target => NsIp6Target(IndexedNest<'a, O, Ipv6Addr>),
        /// Coupled control.
        32 IFLA_BOND_COUPLED_CONTROL coupled_control => CoupledControl(u8),
        /// Broadcast neigh.
        33 IFLA_BOND_BROADCAST_NEIGH broadcast_neigh => BroadcastNeigh(u8),
        /// Lacp strict.
        34 IFLA_BOND_LACP_STRICT lacp_strict => LacpStrict(u8),
    }
}
attr_set! {
    /// A bond's 802.3ad state (`IFLA_BOND_AD_INFO_*`).
    pub enum BondAdInfoAttr {
        /// Aggregator.
        1 IFLA_BOND_AD_INFO_AGGREGATOR aggregator => Aggregator(u16),
        /// Num ports.
        2 IFLA_BOND_AD_INFO_NUM_PORTS num_ports => NumPorts(u16),
        /// Actor key.
        3 IFLA_BOND_AD_INFO_ACTOR_KEY actor_key => ActorKey(u16),
        /// Partner key.
        4 IFLA_BOND_AD_INFO_PARTNER_KEY partner_key => PartnerKey(u16),
        /// The partner's MAC address.
        5 IFLA_BOND_AD_INFO_PARTNER_MAC partner_mac => PartnerMac(Bytes<'a>),
    }
}
attr_set! {
    /// A bond port's state (`IFLA_BOND_SLAVE_*`, slave kind `"bond"`).
    pub enum BondSlaveAttr {
        /// State.
        1 IFLA_BOND_SLAVE_STATE state => State(u8),
        /// Mii status.
        2 IFLA_BOND_SLAVE_MII_STATUS mii_status => MiiStatus(u8),
        /// Link failure count.
        3 IFLA_BOND_SLAVE_LINK_FAILURE_COUNT link_failure_count => LinkFailureCount(u32),
        /// The port's permanent MAC address.
        4 IFLA_BOND_SLAVE_PERM_HWADDR perm_hwaddr => PermHwaddr(Bytes<'a>),
        /// Queue id.
        5 IFLA_BOND_SLAVE_QUEUE_ID queue_id => QueueId(u16),
        /// Ad aggregator id.
        6 IFLA_BOND_SLAVE_AD_AGGREGATOR_ID ad_aggregator_id => AdAggregatorId(u16),
        /// Ad actor oper port state.
        7 IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE ad_actor_oper_port_state => AdActorOperPortState(u8),
        /// Ad partner oper port state.
        8 IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE ad_partner_oper_port_state => AdPartnerOperPortState(u16),
        /// Prio.
        9 IFLA_BOND_SLAVE_PRIO prio => Prio(u32),
        /// The 802.3ad actor port priority.
        10 IFLA_BOND_SLAVE_ACTOR_PORT_PRIO actor_port_prio => ActorPortPrio(u16),
        /// The actor churn state.
        11 IFLA_BOND_SLAVE_AD_CHURN_ACTOR_STATE ad_churn_actor_state => AdChurnActorState(u8),
        /// The partner churn state.
        12 IFLA_BOND_SLAVE_AD_CHURN_PARTNER_STATE ad_churn_partner_state => AdChurnPartnerState(u8),
    }
}
attr_set! {
    /// A GRE device's option over IPv4 (`IFLA_GRE_*`, kinds `"gre"`, `"gretap"`, `"erspan"`).
    pub enum GreAttr {
        /// Link.
        1 IFLA_GRE_LINK link => Link(u32),
        /// Iflags.
        2 IFLA_GRE_IFLAGS iflags => Iflags(Be16),
        /// Oflags.
        3 IFLA_GRE_OFLAGS oflags => Oflags(Be16),
        /// Ikey.
        4 IFLA_GRE_IKEY ikey => Ikey(Be32),
        /// Okey.
        5 IFLA_GRE_OKEY okey => Okey(Be32),
        /// The local address.
        6 IFLA_GRE_LOCAL local => Local(Ipv4Addr),
        /// The remote address.
        7 IFLA_GRE_REMOTE remote => Remote(Ipv4Addr),
        /// Ttl.
        8 IFLA_GRE_TTL ttl => Ttl(u8),
        /// Tos.
        9 IFLA_GRE_TOS tos => Tos(u8),
        /// Pmtudisc.
        10 IFLA_GRE_PMTUDISC pmtudisc => Pmtudisc(u8),
        /// Encap limit.
        11 IFLA_GRE_ENCAP_LIMIT encap_limit => EncapLimit(u8),
        /// Flowinfo.
        12 IFLA_GRE_FLOWINFO flowinfo => Flowinfo(Be32),
        /// Flags.
        13 IFLA_GRE_FLAGS flags => Flags(u32),
        /// Encap type.
        14 IFLA_GRE_ENCAP_TYPE encap_type => EncapType(u16),
        /// Encap flags.
        15 IFLA_GRE_ENCAP_FLAGS encap_flags => EncapFlags(u16),
        /// Encap sport.
        16 IFLA_GRE_ENCAP_SPORT encap_sport => EncapSport(Be16),
        /// Encap dport.
        17 IFLA_GRE_ENCAP_DPORT encap_dport => EncapDport(Be16),
        /// Collect metadata.
        18 IFLA_GRE_COLLECT_METADATA collect_metadata => CollectMetadata(Flag),
        /// Ignore df.
        19 IFLA_GRE_IGNORE_DF ignore_df => IgnoreDf(u8),
        /// Fwmark.
        20 IFLA_GRE_FWMARK fwmark => Fwmark(u32),
        /// Erspan index.
        21 IFLA_GRE_ERSPAN_INDEX erspan_index => ErspanIndex(u32),
        /// Erspan ver.
        22 IFLA_GRE_ERSPAN_VER erspan_ver => ErspanVer(u8),
        /// Erspan dir.
        23 IFLA_GRE_ERSPAN_DIR erspan_dir => ErspanDir(u8),
        /// Erspan hwid.
        24 IFLA_GRE_ERSPAN_HWID erspan_hwid => ErspanHwid(u16),
    }
}
attr_set! {
    /// A VTI device's option over IPv4 (`IFLA_VTI_*`, kind `"vti"`).
    pub enum VtiAttr {
        /// Link.
        1 IFLA_VTI_LINK link => Link(u32),
        /// Ikey.
        2 IFLA_VTI_IKEY ikey => Ikey(Be32),
        /// Okey.
        3 IFLA_VTI_OKEY okey => Okey(Be32),
        /// The local address.
        4 IFLA_VTI_LOCAL local => Local(Ipv4Addr),
        /// The remote address.
        5 IFLA_VTI_REMOTE remote => Remote(Ipv4Addr),
        /// Fwmark.
        6 IFLA_VTI_FWMARK fwmark => Fwmark(u32),
    }
}
attr_set! {
    /// A Geneve device's option (`IFLA_GENEVE_*`, kind `"geneve"`).
    pub enum GeneveAttr {
        /// Id.
        1 IFLA_GENEVE_ID id => Id(u32),
        /// The remote IPv4 address.
        2 IFLA_GENEVE_REMOTE remote => Remote(Ipv4Addr),
        /// Ttl.
        3 IFLA_GENEVE_TTL ttl => Ttl(u8),
        /// Tos.
        4 IFLA_GENEVE_TOS tos => Tos(u8),
        /// The UDP destination port (big-endian).
        5 IFLA_GENEVE_PORT port => Port(Be16),
        /// Collect metadata.
        6 IFLA_GENEVE_COLLECT_METADATA collect_metadata => CollectMetadata(Flag),
        /// The remote IPv6 address.
        7 IFLA_GENEVE_REMOTE6 remote6 => Remote6(Ipv6Addr),
        /// Udp csum.
        8 IFLA_GENEVE_UDP_CSUM udp_csum => UdpCsum(u8),
        /// Udp zero csum6 tx.
        9 IFLA_GENEVE_UDP_ZERO_CSUM6_TX udp_zero_csum6_tx => UdpZeroCsum6Tx(u8),
        /// Udp zero csum6 rx.
        10 IFLA_GENEVE_UDP_ZERO_CSUM6_RX udp_zero_csum6_rx => UdpZeroCsum6Rx(u8),
        /// Label.
        11 IFLA_GENEVE_LABEL label => Label(Be32),
        /// Inherit the TTL.
        12 IFLA_GENEVE_TTL_INHERIT ttl_inherit => TtlInherit(u8),
        /// How the DF bit is set (`GENEVE_DF_*`).
        13 IFLA_GENEVE_DF df => Df(u8),
        /// Inner proto inherit.
        14 IFLA_GENEVE_INNER_PROTO_INHERIT inner_proto_inherit => InnerProtoInherit(Flag),
        /// The UDP source port range (two big-endian ports).
        15 IFLA_GENEVE_PORT_RANGE port_range => PortRange(VxlanPortRange),
        /// Gro hint.
        16 IFLA_GENEVE_GRO_HINT gro_hint => GroHint(Flag),
        /// The local IPv4 address.
        17 IFLA_GENEVE_LOCAL local => Local(Ipv4Addr),
        /// The local IPv6 address.
        18 IFLA_GENEVE_LOCAL6 local6 => Local6(Ipv6Addr),
    }
}
attr_set! {
    /// An IPv4 tunnel's option (`IFLA_IPTUN_*`, kinds `"ipip"`, `"sit"`).
    pub enum IptunAttr {
        /// Link.
        1 IFLA_IPTUN_LINK link => Link(u32),
        /// The local address.
        2 IFLA_IPTUN_LOCAL local => Local(Ipv4Addr),
        /// The remote address.
        3 IFLA_IPTUN_REMOTE remote => Remote(Ipv4Addr),
        /// Ttl.
        4 IFLA_IPTUN_TTL ttl => Ttl(u8),
        /// Tos.
        5 IFLA_IPTUN_TOS tos => Tos(u8),
        /// Encap limit.
        6 IFLA_IPTUN_ENCAP_LIMIT encap_limit => EncapLimit(u8),
        /// Flowinfo.
        7 IFLA_IPTUN_FLOWINFO flowinfo => Flowinfo(Be32),
        /// Flags (`SIT_ISATAP`, big-endian).
        8 IFLA_IPTUN_FLAGS flags => Flags(Be16),
        /// Proto.
        9 IFLA_IPTUN_PROTO proto => Proto(u8),
        /// Pmtudisc.
        10 IFLA_IPTUN_PMTUDISC pmtudisc => Pmtudisc(u8),
        /// The 6rd prefix.
        11 IFLA_IPTUN_6RD_PREFIX ip6rd_prefix => Ip6rdPrefix(Ipv6Addr),
        /// The 6rd relay prefix.
        12 IFLA_IPTUN_6RD_RELAY_PREFIX ip6rd_relay_prefix => Ip6rdRelayPrefix(Ipv4Addr),
        /// 6rd prefixlen.
        13 IFLA_IPTUN_6RD_PREFIXLEN ip6rd_prefixlen => Ip6rdPrefixlen(u16),
        /// 6rd relay prefixlen.
        14 IFLA_IPTUN_6RD_RELAY_PREFIXLEN ip6rd_relay_prefixlen => Ip6rdRelayPrefixlen(u16),
        /// Encap type.
        15 IFLA_IPTUN_ENCAP_TYPE encap_type => EncapType(u16),
        /// Encap flags.
        16 IFLA_IPTUN_ENCAP_FLAGS encap_flags => EncapFlags(u16),
        /// Encap sport.
        17 IFLA_IPTUN_ENCAP_SPORT encap_sport => EncapSport(Be16),
        /// Encap dport.
        18 IFLA_IPTUN_ENCAP_DPORT encap_dport => EncapDport(Be16),
        /// Collect metadata.
        19 IFLA_IPTUN_COLLECT_METADATA collect_metadata => CollectMetadata(Flag),
        /// Fwmark.
        20 IFLA_IPTUN_FWMARK fwmark => Fwmark(u32),
    }
}
attr_set! {
    /// An ipvlan or ipvtap device's option (`IFLA_IPVLAN_*`).
    pub enum IpvlanAttr {
        /// The mode (`IPVLAN_MODE_L2`, `_L3`, `_L3S`).
        1 IFLA_IPVLAN_MODE mode => Mode(u16),
        /// Flags (`IPVLAN_F_PRIVATE`, `IPVLAN_F_VEPA`).
        2 IFLA_IPVLAN_FLAGS flags => Flags(u16),
    }
}
attr_set! {
    /// An XFRM interface's option (`IFLA_XFRM_*`, kind `"xfrm"`).
    pub enum XfrmAttr {
        /// The underlying device (ifindex).
        1 IFLA_XFRM_LINK link => Link(u32),
        /// The interface id that policies and states match.
        2 IFLA_XFRM_IF_ID if_id => IfId(u32),
        /// External (metadata) mode.
        3 IFLA_XFRM_COLLECT_METADATA collect_metadata => CollectMetadata(Flag),
    }
}
attr_set! {
    /// A MACsec device's option (`IFLA_MACSEC_*`, kind `"macsec"`).
    pub enum MacsecAttr {
        /// The secure channel identifier (`sci_t`, in network order).
        1 IFLA_MACSEC_SCI sci => Sci(Be64),
        /// The port (big-endian).
        2 IFLA_MACSEC_PORT port => Port(Be16),
        /// Icv len.
        3 IFLA_MACSEC_ICV_LEN icv_len => IcvLen(u8),
        /// The cipher suite (`MACSEC_CIPHER_ID_*`).
        4 IFLA_MACSEC_CIPHER_SUITE cipher_suite => CipherSuite(u64),
        /// The replay window.
        5 IFLA_MACSEC_WINDOW window => Window(u32),
        /// Encoding sa.
        6 IFLA_MACSEC_ENCODING_SA encoding_sa => EncodingSa(u8),
        /// Encrypt.
        7 IFLA_MACSEC_ENCRYPT encrypt => Encrypt(u8),
        /// Protect.
        8 IFLA_MACSEC_PROTECT protect => Protect(u8),
        /// Inc sci.
        9 IFLA_MACSEC_INC_SCI inc_sci => IncSci(u8),
        /// Es.
        10 IFLA_MACSEC_ES es => Es(u8),
        /// Scb.
        11 IFLA_MACSEC_SCB scb => Scb(u8),
        /// Replay protect.
        12 IFLA_MACSEC_REPLAY_PROTECT replay_protect => ReplayProtect(u8),
        /// Validation.
        13 IFLA_MACSEC_VALIDATION validation => Validation(u8),
        /// Padding for 64-bit alignment.
        14 IFLA_MACSEC_PAD pad => Pad(Bytes<'a>),
        /// Offload.
        15 IFLA_MACSEC_OFFLOAD offload => Offload(u8),
    }
}
attr_set! {
    /// A VRF port's option (`IFLA_VRF_PORT_*`, slave kind `"vrf"`).
    pub enum VrfPortAttr {
        /// The VRF's table.
        1 IFLA_VRF_PORT_TABLE table => Table(u32),
    }
}
attr_set! {
    /// A bare UDP device's option (`IFLA_BAREUDP_*`, kind `"bareudp"`).
    pub enum BareudpAttr {
        /// The UDP destination port (big-endian).
        1 IFLA_BAREUDP_PORT port => Port(Be16),
        /// The ethertype carried (big-endian).
        2 IFLA_BAREUDP_ETHERTYPE ethertype => Ethertype(Be16),
        /// The lowest UDP source port.
        3 IFLA_BAREUDP_SRCPORT_MIN srcport_min => SrcportMin(u16),
        /// Multiprotocol mode.
        4 IFLA_BAREUDP_MULTIPROTO_MODE multiproto_mode => MultiprotoMode(Flag),
    }
}
attr_set! {
    /// A vxcan pair's option (`VXCAN_INFO_*`, kind `"vxcan"`).
    pub enum VxcanAttr {
        /// The peer: an `ifinfomsg` and its link attributes.
        1 VXCAN_INFO_PEER peer => Peer(StructThen<'a, O, IfInfoMsg<O>, LinkAttr<'a, O>>) custom,
    }
}
attr_set! {
    /// A netkit pair's option (`IFLA_NETKIT_*`, kind `"netkit"`).
    pub enum NetkitAttr {
        /// The peer: an `ifinfomsg` and its link attributes.
        1 IFLA_NETKIT_PEER_INFO peer_info => PeerInfo(StructThen<'a, O, IfInfoMsg<O>, LinkAttr<'a, O>>) custom,
        /// Primary.
        2 IFLA_NETKIT_PRIMARY primary => Primary(u8),
        /// Policy.
        3 IFLA_NETKIT_POLICY policy => Policy(u32),
        /// Peer policy.
        4 IFLA_NETKIT_PEER_POLICY peer_policy => PeerPolicy(u32),
        /// Mode.
        5 IFLA_NETKIT_MODE mode => Mode(u32),
        /// Scrub.
        6 IFLA_NETKIT_SCRUB scrub => Scrub(u32),
        /// Peer scrub.
        7 IFLA_NETKIT_PEER_SCRUB peer_scrub => PeerScrub(u32),
        /// Headroom.
        8 IFLA_NETKIT_HEADROOM headroom => Headroom(u16),
        /// Tailroom.
        9 IFLA_NETKIT_TAILROOM tailroom => Tailroom(u16),
        /// Pairing.
        10 IFLA_NETKIT_PAIRING pairing => Pairing(u32),
    }
}
attr_set! {
    /// An HSR or PRP device's option (`IFLA_HSR_*`, kinds `"hsr"`, `"prp"`).
    pub enum HsrAttr {
        /// Slave1.
        1 IFLA_HSR_SLAVE1 slave1 => Slave1(u32),
        /// Slave2.
        2 IFLA_HSR_SLAVE2 slave2 => Slave2(u32),
        /// Multicast spec.
        3 IFLA_HSR_MULTICAST_SPEC multicast_spec => MulticastSpec(u8),
        /// The supervision frames' MAC address.
        4 IFLA_HSR_SUPERVISION_ADDR supervision_addr => SupervisionAddr(Bytes<'a>),
        /// Seq nr.
        5 IFLA_HSR_SEQ_NR seq_nr => SeqNr(u16),
        /// Version.
        6 IFLA_HSR_VERSION version => Version(u8),
        /// Protocol.
        7 IFLA_HSR_PROTOCOL protocol => Protocol(u8),
        /// Interlink.
        8 IFLA_HSR_INTERLINK interlink => Interlink(u32),
    }
}

/// The sets of the IPv6 tunnels, whose ids are the IPv4 ones' (`IFLA_GRE_*`,
/// `IFLA_VTI_*`, `IFLA_IPTUN_*`) with IPv6 addresses; the constants here are
/// the same numbers as the top-level ones.
pub mod ip6 {
    #[allow(unused_imports)]
    use super::*;

    attr_set! {
        /// A GRE device's option over IPv6 (`IFLA_GRE_*`, kinds `"ip6gre"`, `"ip6gretap"`, `"ip6erspan"`).
        pub enum Gre6Attr {
            /// Link.
            1 IFLA_GRE_LINK link => Link(u32),
            /// Iflags.
            2 IFLA_GRE_IFLAGS iflags => Iflags(Be16),
            /// Oflags.
            3 IFLA_GRE_OFLAGS oflags => Oflags(Be16),
            /// Ikey.
            4 IFLA_GRE_IKEY ikey => Ikey(Be32),
            /// Okey.
            5 IFLA_GRE_OKEY okey => Okey(Be32),
            /// The local address.
            6 IFLA_GRE_LOCAL local => Local(Ipv6Addr),
            /// The remote address.
            7 IFLA_GRE_REMOTE remote => Remote(Ipv6Addr),
            /// Ttl.
            8 IFLA_GRE_TTL ttl => Ttl(u8),
            /// TOS.
            9 IFLA_GRE_TOS tos => Tos(u8),
            /// Path MTU discovery.
            10 IFLA_GRE_PMTUDISC pmtudisc => Pmtudisc(u8),
            /// Encap limit.
            11 IFLA_GRE_ENCAP_LIMIT encap_limit => EncapLimit(u8),
            /// Flowinfo.
            12 IFLA_GRE_FLOWINFO flowinfo => Flowinfo(Be32),
            /// Flags.
            13 IFLA_GRE_FLAGS flags => Flags(u32),
            /// Encap type.
            14 IFLA_GRE_ENCAP_TYPE encap_type => EncapType(u16),
            /// Encap flags.
            15 IFLA_GRE_ENCAP_FLAGS encap_flags => EncapFlags(u16),
            /// Encap sport.
            16 IFLA_GRE_ENCAP_SPORT encap_sport => EncapSport(Be16),
            /// Encap dport.
            17 IFLA_GRE_ENCAP_DPORT encap_dport => EncapDport(Be16),
            /// Collect metadata.
            18 IFLA_GRE_COLLECT_METADATA collect_metadata => CollectMetadata(Flag),
            /// Ignore DF.
            19 IFLA_GRE_IGNORE_DF ignore_df => IgnoreDf(u8),
            /// Fwmark.
            20 IFLA_GRE_FWMARK fwmark => Fwmark(u32),
            /// Erspan index.
            21 IFLA_GRE_ERSPAN_INDEX erspan_index => ErspanIndex(u32),
            /// Erspan ver.
            22 IFLA_GRE_ERSPAN_VER erspan_ver => ErspanVer(u8),
            /// Erspan dir.
            23 IFLA_GRE_ERSPAN_DIR erspan_dir => ErspanDir(u8),
            /// Erspan hwid.
            24 IFLA_GRE_ERSPAN_HWID erspan_hwid => ErspanHwid(u16),
        }
    }

    attr_set! {
        /// A VTI device's option over IPv6 (`IFLA_VTI_*`, kind `"vti6"`).
        pub enum Vti6Attr {
            /// Link.
            1 IFLA_VTI_LINK link => Link(u32),
            /// Ikey.
            2 IFLA_VTI_IKEY ikey => Ikey(Be32),
            /// Okey.
            3 IFLA_VTI_OKEY okey => Okey(Be32),
            /// The local address.
            4 IFLA_VTI_LOCAL local => Local(Ipv6Addr),
            /// The remote address.
            5 IFLA_VTI_REMOTE remote => Remote(Ipv6Addr),
            /// Fwmark.
            6 IFLA_VTI_FWMARK fwmark => Fwmark(u32),
        }
    }

    attr_set! {
        /// An IPv6 tunnel's option (`IFLA_IPTUN_*`, kind `"ip6tnl"`).
        pub enum Ip6tnlAttr {
            /// Link.
            1 IFLA_IPTUN_LINK link => Link(u32),
            /// The local address.
            2 IFLA_IPTUN_LOCAL local => Local(Ipv6Addr),
            /// The remote address.
            3 IFLA_IPTUN_REMOTE remote => Remote(Ipv6Addr),
            /// Ttl.
            4 IFLA_IPTUN_TTL ttl => Ttl(u8),
            /// TOS.
            5 IFLA_IPTUN_TOS tos => Tos(u8),
            /// Encap limit.
            6 IFLA_IPTUN_ENCAP_LIMIT encap_limit => EncapLimit(u8),
            /// Flowinfo.
            7 IFLA_IPTUN_FLOWINFO flowinfo => Flowinfo(Be32),
            /// Flags (`IP6_TNL_F_*`, host order).
            8 IFLA_IPTUN_FLAGS flags => Flags(u32),
            /// Proto.
            9 IFLA_IPTUN_PROTO proto => Proto(u8),
            /// Path MTU discovery.
            10 IFLA_IPTUN_PMTUDISC pmtudisc => Pmtudisc(u8),
            /// The 6rd prefix.
            11 IFLA_IPTUN_6RD_PREFIX ip6rd_prefix => Ip6rdPrefix(Ipv6Addr),
            /// The 6rd relay prefix.
            12 IFLA_IPTUN_6RD_RELAY_PREFIX ip6rd_relay_prefix => Ip6rdRelayPrefix(Ipv4Addr),
            /// The 6rd prefix length.
            13 IFLA_IPTUN_6RD_PREFIXLEN ip6rd_prefixlen => Ip6rdPrefixlen(u16),
            /// The 6rd relay prefix length.
            14 IFLA_IPTUN_6RD_RELAY_PREFIXLEN ip6rd_relay_prefixlen => Ip6rdRelayPrefixlen(u16),
            /// Encap type.
            15 IFLA_IPTUN_ENCAP_TYPE encap_type => EncapType(u16),
            /// Encap flags.
            16 IFLA_IPTUN_ENCAP_FLAGS encap_flags => EncapFlags(u16),
            /// Encap sport.
            17 IFLA_IPTUN_ENCAP_SPORT encap_sport => EncapSport(Be16),
            /// Encap dport.
            18 IFLA_IPTUN_ENCAP_DPORT encap_dport => EncapDport(Be16),
            /// Collect metadata.
            19 IFLA_IPTUN_COLLECT_METADATA collect_metadata => CollectMetadata(Flag),
            /// Fwmark.
            20 IFLA_IPTUN_FWMARK fwmark => Fwmark(u32),
        }
    }
}
pub use ip6::{Gre6Attr, Ip6tnlAttr, Vti6Attr};

/// The positions of `IFLA_INET_CONF`: element `i` is `IPV4_DEVCONF_*` number `i + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv4Devconf;

impl IndexNames for Ipv4Devconf {
    const NAMES: &'static [&'static str] = &[
        "IPV4_DEVCONF_FORWARDING",
        "IPV4_DEVCONF_MC_FORWARDING",
        "IPV4_DEVCONF_PROXY_ARP",
        "IPV4_DEVCONF_ACCEPT_REDIRECTS",
        "IPV4_DEVCONF_SECURE_REDIRECTS",
        "IPV4_DEVCONF_SEND_REDIRECTS",
        "IPV4_DEVCONF_SHARED_MEDIA",
        "IPV4_DEVCONF_RP_FILTER",
        "IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE",
        "IPV4_DEVCONF_BOOTP_RELAY",
        "IPV4_DEVCONF_LOG_MARTIANS",
        "IPV4_DEVCONF_TAG",
        "IPV4_DEVCONF_ARPFILTER",
        "IPV4_DEVCONF_MEDIUM_ID",
        "IPV4_DEVCONF_NOXFRM",
        "IPV4_DEVCONF_NOPOLICY",
        "IPV4_DEVCONF_FORCE_IGMP_VERSION",
        "IPV4_DEVCONF_ARP_ANNOUNCE",
        "IPV4_DEVCONF_ARP_IGNORE",
        "IPV4_DEVCONF_PROMOTE_SECONDARIES",
        "IPV4_DEVCONF_ARP_ACCEPT",
        "IPV4_DEVCONF_ARP_NOTIFY",
        "IPV4_DEVCONF_ACCEPT_LOCAL",
        "IPV4_DEVCONF_SRC_VMARK",
        "IPV4_DEVCONF_PROXY_ARP_PVLAN",
        "IPV4_DEVCONF_ROUTE_LOCALNET",
        "IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL",
        "IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL",
        "IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN",
        "IPV4_DEVCONF_DROP_UNICAST_IN_L2_MULTICAST",
        "IPV4_DEVCONF_DROP_GRATUITOUS_ARP",
        "IPV4_DEVCONF_BC_FORWARDING",
        "IPV4_DEVCONF_ARP_EVICT_NOCARRIER",
    ];
}

/// The positions of `IFLA_INET6_CONF`: element `i` is `DEVCONF_*` number `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv6Devconf;

impl IndexNames for Ipv6Devconf {
    const NAMES: &'static [&'static str] = &[
        "DEVCONF_FORWARDING",
        "DEVCONF_HOPLIMIT",
        "DEVCONF_MTU6",
        "DEVCONF_ACCEPT_RA",
        "DEVCONF_ACCEPT_REDIRECTS",
        "DEVCONF_AUTOCONF",
        "DEVCONF_DAD_TRANSMITS",
        "DEVCONF_RTR_SOLICITS",
        "DEVCONF_RTR_SOLICIT_INTERVAL",
        "DEVCONF_RTR_SOLICIT_DELAY",
        "DEVCONF_USE_TEMPADDR",
        "DEVCONF_TEMP_VALID_LFT",
        "DEVCONF_TEMP_PREFERED_LFT",
        "DEVCONF_REGEN_MAX_RETRY",
        "DEVCONF_MAX_DESYNC_FACTOR",
        "DEVCONF_MAX_ADDRESSES",
        "DEVCONF_FORCE_MLD_VERSION",
        "DEVCONF_ACCEPT_RA_DEFRTR",
        "DEVCONF_ACCEPT_RA_PINFO",
        "DEVCONF_ACCEPT_RA_RTR_PREF",
        "DEVCONF_RTR_PROBE_INTERVAL",
        "DEVCONF_ACCEPT_RA_RT_INFO_MAX_PLEN",
        "DEVCONF_PROXY_NDP",
        "DEVCONF_OPTIMISTIC_DAD",
        "DEVCONF_ACCEPT_SOURCE_ROUTE",
        "DEVCONF_MC_FORWARDING",
        "DEVCONF_DISABLE_IPV6",
        "DEVCONF_ACCEPT_DAD",
        "DEVCONF_FORCE_TLLAO",
        "DEVCONF_NDISC_NOTIFY",
        "DEVCONF_MLDV1_UNSOLICITED_REPORT_INTERVAL",
        "DEVCONF_MLDV2_UNSOLICITED_REPORT_INTERVAL",
        "DEVCONF_SUPPRESS_FRAG_NDISC",
        "DEVCONF_ACCEPT_RA_FROM_LOCAL",
        "DEVCONF_USE_OPTIMISTIC",
        "DEVCONF_ACCEPT_RA_MTU",
        "DEVCONF_STABLE_SECRET",
        "DEVCONF_USE_OIF_ADDRS_ONLY",
        "DEVCONF_ACCEPT_RA_MIN_HOP_LIMIT",
        "DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN",
        "DEVCONF_DROP_UNICAST_IN_L2_MULTICAST",
        "DEVCONF_DROP_UNSOLICITED_NA",
        "DEVCONF_KEEP_ADDR_ON_DOWN",
        "DEVCONF_RTR_SOLICIT_MAX_INTERVAL",
        "DEVCONF_SEG6_ENABLED",
        "DEVCONF_SEG6_REQUIRE_HMAC",
        "DEVCONF_ENHANCED_DAD",
        "DEVCONF_ADDR_GEN_MODE",
        "DEVCONF_DISABLE_POLICY",
        "DEVCONF_ACCEPT_RA_RT_INFO_MIN_PLEN",
        "DEVCONF_NDISC_TCLASS",
        "DEVCONF_RPL_SEG_ENABLED",
        "DEVCONF_RA_DEFRTR_METRIC",
        "DEVCONF_IOAM6_ENABLED",
        "DEVCONF_IOAM6_ID",
        "DEVCONF_IOAM6_ID_WIDE",
        "DEVCONF_NDISC_EVICT_NOCARRIER",
        "DEVCONF_ACCEPT_UNTRACKED_NA",
        "DEVCONF_ACCEPT_RA_MIN_LFT",
        "DEVCONF_FORCE_FORWARDING",
    ];
}

/// The positions of `IFLA_INET6_STATS`: element `i` is `IPSTATS_MIB_*` number `i` (element 0, `IPSTATS_MIB_NUM`, is the count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv6Stats;

impl IndexNames for Ipv6Stats {
    const NAMES: &'static [&'static str] = &[
        "IPSTATS_MIB_NUM",
        "IPSTATS_MIB_INPKTS",
        "IPSTATS_MIB_INOCTETS",
        "IPSTATS_MIB_INDELIVERS",
        "IPSTATS_MIB_NOECTPKTS",
        "IPSTATS_MIB_ECT1PKTS",
        "IPSTATS_MIB_ECT0PKTS",
        "IPSTATS_MIB_CEPKTS",
        "IPSTATS_MIB_OUTREQUESTS",
        "IPSTATS_MIB_OUTPKTS",
        "IPSTATS_MIB_OUTOCTETS",
        "IPSTATS_MIB_OUTFORWDATAGRAMS",
        "IPSTATS_MIB_INHDRERRORS",
        "IPSTATS_MIB_INTOOBIGERRORS",
        "IPSTATS_MIB_INNOROUTES",
        "IPSTATS_MIB_INADDRERRORS",
        "IPSTATS_MIB_INUNKNOWNPROTOS",
        "IPSTATS_MIB_INTRUNCATEDPKTS",
        "IPSTATS_MIB_INDISCARDS",
        "IPSTATS_MIB_OUTDISCARDS",
        "IPSTATS_MIB_OUTNOROUTES",
        "IPSTATS_MIB_REASMTIMEOUT",
        "IPSTATS_MIB_REASMREQDS",
        "IPSTATS_MIB_REASMOKS",
        "IPSTATS_MIB_REASMFAILS",
        "IPSTATS_MIB_FRAGOKS",
        "IPSTATS_MIB_FRAGFAILS",
        "IPSTATS_MIB_FRAGCREATES",
        "IPSTATS_MIB_INMCASTPKTS",
        "IPSTATS_MIB_OUTMCASTPKTS",
        "IPSTATS_MIB_INBCASTPKTS",
        "IPSTATS_MIB_OUTBCASTPKTS",
        "IPSTATS_MIB_INMCASTOCTETS",
        "IPSTATS_MIB_OUTMCASTOCTETS",
        "IPSTATS_MIB_INBCASTOCTETS",
        "IPSTATS_MIB_OUTBCASTOCTETS",
        "IPSTATS_MIB_CSUMERRORS",
        "IPSTATS_MIB_REASM_OVERLAPS",
    ];
}

/// The positions of `IFLA_INET6_ICMP6STATS`: element `i` is `ICMP6_MIB_*` number `i` (element 0 the count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Icmp6Stats;

impl IndexNames for Icmp6Stats {
    const NAMES: &'static [&'static str] = &[
        "ICMP6_MIB_NUM",
        "ICMP6_MIB_INMSGS",
        "ICMP6_MIB_INERRORS",
        "ICMP6_MIB_OUTMSGS",
        "ICMP6_MIB_OUTERRORS",
        "ICMP6_MIB_CSUMERRORS",
        "ICMP6_MIB_RATELIMITHOST",
    ];
}

attr_set! {
    /// An IPv4 attribute of a link (`IFLA_INET_*`, in `IFLA_AF_SPEC` under `AF_INET`).
    pub enum InetAttr {
        /// The device configuration (`IPV4_DEVCONF_*`, one `u32` each).
        1 IFLA_INET_CONF conf => Conf(U32Array<'a, O, Ipv4Devconf>),
    }
}
attr_set! {
    /// An IPv6 attribute of a link (`IFLA_INET6_*`: in `IFLA_AF_SPEC` under `AF_INET6`, and `IFLA_PROTINFO` of `AF_INET6` messages).
    pub enum Inet6Attr {
        /// Flags (`IF_RA_*`, `IF_READY`).
        1 IFLA_INET6_FLAGS flags => Flags(u32),
        /// The device configuration (`DEVCONF_*`, one `s32` each, shown as their `u32` bits).
        2 IFLA_INET6_CONF conf => Conf(U32Array<'a, O, Ipv6Devconf>),
        /// IPv6 statistics (`IPSTATS_MIB_*`, element 0 the count).
        3 IFLA_INET6_STATS stats => Stats(U64Array<'a, O, Ipv6Stats>),
        /// Unused.
        4 IFLA_INET6_MCAST mcast => Mcast(Bytes<'a>),
        /// Neighbour discovery timers (`struct ifla_cacheinfo`).
        5 IFLA_INET6_CACHEINFO cacheinfo => Cacheinfo(IflaCacheinfo<O>),
        /// ICMPv6 statistics (`ICMP6_MIB_*`, element 0 the count).
        6 IFLA_INET6_ICMP6STATS icmp6stats => Icmp6stats(U64Array<'a, O, Icmp6Stats>),
        /// The interface identifier token.
        7 IFLA_INET6_TOKEN token => Token(Ipv6Addr),
        /// How addresses are generated (`IN6_ADDR_GEN_MODE_*`).
        8 IFLA_INET6_ADDR_GEN_MODE addr_gen_mode => AddrGenMode(u8),
        /// The MTU a router advertised.
        9 IFLA_INET6_RA_MTU ra_mtu => RaMtu(u32),
    }
}
attr_set! {
    /// An MCTP attribute of a link (`IFLA_MCTP_*`, in `IFLA_AF_SPEC` under `AF_MCTP`).
    pub enum MctpAttr {
        /// The MCTP network.
        1 IFLA_MCTP_NET net => Net(u32),
        /// The physical binding (`MCTP_PHYS_BINDING_*`).
        2 IFLA_MCTP_PHYS_BINDING phys_binding => PhysBinding(u8),
    }
}
attr_set! {
    /// A bridge attribute of a link (`IFLA_BRIDGE_*`, `IFLA_AF_SPEC` of `AF_BRIDGE` messages; ids from 0).
    pub enum BridgeAfAttr {
        /// Which bridge a request addresses (`BRIDGE_FLAGS_MASTER`, `BRIDGE_FLAGS_SELF`).
        0 IFLA_BRIDGE_FLAGS flags => Flags(u16),
        /// The hardware bridge mode (`BRIDGE_MODE_*`).
        1 IFLA_BRIDGE_MODE mode => Mode(u16),
        /// A VLAN of the port (`struct bridge_vlan_info`).
        2 IFLA_BRIDGE_VLAN_INFO vlan_info => VlanInfo(BridgeVlanInfo<O>),
        /// A VLAN-to-tunnel mapping (`IFLA_BRIDGE_VLAN_TUNNEL_*`).
        3 IFLA_BRIDGE_VLAN_TUNNEL_INFO vlan_tunnel_info => VlanTunnelInfo(Nest<'a, O, BridgeVlanTunnelAttr<'a, O>>) nest BridgeVlanTunnelAttr,
        /// Media redundancy (`IFLA_BRIDGE_MRP_*`).
        4 IFLA_BRIDGE_MRP mrp => Mrp(Nest<'a, O, MrpAttr<'a, O>>) nest MrpAttr,
        /// Connectivity fault management (`IFLA_BRIDGE_CFM_*`).
        5 IFLA_BRIDGE_CFM cfm => Cfm(Nest<'a, O, CfmAttr<'a, O>>) nest CfmAttr,
        /// Multiple spanning trees (`IFLA_BRIDGE_MST_*`).
        6 IFLA_BRIDGE_MST mst => Mst(Nest<'a, O, MstAttr<'a, O>>) nest MstAttr,
    }
}
attr_set! {
    /// A VLAN-to-tunnel mapping (`IFLA_BRIDGE_VLAN_TUNNEL_*`).
    pub enum BridgeVlanTunnelAttr {
        /// The tunnel id.
        1 IFLA_BRIDGE_VLAN_TUNNEL_ID id => Id(u32),
        /// The VLAN id.
        2 IFLA_BRIDGE_VLAN_TUNNEL_VID vid => Vid(u16),
        /// Flags (`BRIDGE_VLAN_INFO_*`).
        3 IFLA_BRIDGE_VLAN_TUNNEL_FLAGS flags => Flags(u16),
    }
}
attr_set! {
    /// A multicast routing table (`IPMRA_TABLE_*`, `IFLA_AF_SPEC` of the `RTNL_FAMILY_IPMR` link dump).
    pub enum IpmrTableAttr {
        /// The table id.
        1 IPMRA_TABLE_ID id => Id(u32),
        /// Unresolved cache entries queued.
        2 IPMRA_TABLE_CACHE_RES_QUEUE_LEN cache_res_queue_len => CacheResQueueLen(u32),
        /// The register VIF (-1 for none).
        3 IPMRA_TABLE_MROUTE_REG_VIF_NUM mroute_reg_vif_num => MrouteRegVifNum(u32),
        /// PIM assert processing.
        4 IPMRA_TABLE_MROUTE_DO_ASSERT mroute_do_assert => MrouteDoAssert(u8),
        /// PIM mode.
        5 IPMRA_TABLE_MROUTE_DO_PIM mroute_do_pim => MrouteDoPim(u8),
        /// The virtual interfaces (`IPMRA_VIF` nests).
        6 IPMRA_TABLE_VIFS vifs => Vifs(Nest<'a, O, IpmrVifsAttr<'a, O>>) nest IpmrVifsAttr,
        /// Whole-packet WRVIFWHOLE reports.
        7 IPMRA_TABLE_MROUTE_DO_WRVIFWHOLE mroute_do_wrvifwhole => MrouteDoWrvifwhole(u8),
    }
}
attr_set! {
    /// The virtual interfaces of a multicast routing table (`IPMRA_VIF`).
    pub enum IpmrVifsAttr {
        /// A virtual interface (`IPMRA_VIFA_*`).
        1 IPMRA_VIF vif => Vif(Nest<'a, O, IpmrVifAttr<'a, O>>) nest IpmrVifAttr,
    }
}
attr_set! {
    /// A multicast virtual interface (`IPMRA_VIFA_*`).
    pub enum IpmrVifAttr {
        /// The interface.
        1 IPMRA_VIFA_IFINDEX ifindex => Ifindex(u32),
        /// The VIF number.
        2 IPMRA_VIFA_VIF_ID vif_id => VifId(u32),
        /// Flags (`VIFF_*`).
        3 IPMRA_VIFA_FLAGS flags => Flags(u16),
        /// Bytes in.
        4 IPMRA_VIFA_BYTES_IN bytes_in => BytesIn(u64),
        /// Bytes out.
        5 IPMRA_VIFA_BYTES_OUT bytes_out => BytesOut(u64),
        /// Packets in.
        6 IPMRA_VIFA_PACKETS_IN packets_in => PacketsIn(u64),
        /// Packets out.
        7 IPMRA_VIFA_PACKETS_OUT packets_out => PacketsOut(u64),
        /// The local address.
        8 IPMRA_VIFA_LOCAL_ADDR local_addr => LocalAddr(Ipv4Addr),
        /// The remote address (tunnels).
        9 IPMRA_VIFA_REMOTE_ADDR remote_addr => RemoteAddr(Ipv4Addr),
        /// Padding for 64-bit alignment.
        10 IPMRA_VIFA_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct ifla_cacheinfo` (`IFLA_INET6_CACHEINFO`), 16 bytes.
    pub struct IflaCacheinfo<O> {
        /// `max_reasm_len`
        max_reasm_len: U32<O>,
        /// `tstamp`: when the device was last changed (hundredths of a second since boot).
        tstamp: U32<O>,
        /// `reachable_time`, in milliseconds.
        reachable_time: U32<O>,
        /// `retrans_time`, in milliseconds.
        retrans_time: U32<O>,
    }
}

struct_payload! {
    /// `struct bridge_vlan_info` (`IFLA_BRIDGE_VLAN_INFO`), 4 bytes.
    pub struct BridgeVlanInfo<O> {
        /// `flags`: `BRIDGE_VLAN_INFO_*` (master, PVID, untagged, range begin / end, …).
        flags: U16<O>,
        /// `vid`
        vid: U16<O>,
    }
}

select_table! {
    /// `IFLA_AF_SPEC`, by the message's family: per-address-family nests in
    /// a link message of `AF_UNSPEC`, the bridge attributes in one of
    /// `AF_BRIDGE`, the multicast routing tables in the `RTNL_FAMILY_IPMR`
    /// link dump.
    pub enum AfSpec by ctx family: u8 {
        /// Nests keyed by address family ([`af::AfSpecAttr`]).
        0 AF_SPEC_UNSPEC unspec => Unspec(AfSpecAttr),
        /// `IFLA_BRIDGE_*` ([`BridgeAfAttr`]).
        7 AF_SPEC_BRIDGE bridge => Bridge(BridgeAfAttr),
        /// `IPMRA_TABLE_*` ([`IpmrTableAttr`]).
        128 AF_SPEC_IPMR ipmr => Ipmr(IpmrTableAttr),
    }
}

select_table! {
    /// `IFLA_PROTINFO`, by the message's family: the bridge port's
    /// attributes in an `AF_BRIDGE` message, the IPv6 ones in an `AF_INET6`
    /// message.
    pub enum Protinfo by ctx family: u8 {
        /// `IFLA_BRPORT_*` ([`BridgePortAttr`]).
        7 PROTINFO_BRIDGE bridge => Bridge(BridgePortAttr),
        /// `IFLA_INET6_*` ([`Inet6Attr`]).
        10 PROTINFO_INET6 inet6 => Inet6(Inet6Attr),
    }
}

/// The per-address-family nests of `IFLA_AF_SPEC` in an `AF_UNSPEC` link
/// message: attribute ids are `AF_*` numbers (the constants here are those
/// numbers as attribute ids).
pub mod af {
    use super::*;

    attr_set! {
        /// A nest of `IFLA_AF_SPEC` keyed by address family.
        pub enum AfSpecAttr {
            /// IPv4 (`IFLA_INET_*`).
            2 AF_INET inet => Inet(Nest<'a, O, InetAttr<'a, O>>) nest InetAttr,
            /// IPv6 (`IFLA_INET6_*`).
            10 AF_INET6 inet6 => Inet6(Nest<'a, O, Inet6Attr<'a, O>>) nest Inet6Attr,
            /// MCTP (`IFLA_MCTP_*`).
            45 AF_MCTP mctp => Mctp(Nest<'a, O, MctpAttr<'a, O>>) nest MctpAttr,
        }
    }
}
pub use af::AfSpecAttr;

/// The attributes of `IFLA_PROP_LIST` (their ids are `IFLA_*` numbers; the
/// constants here are the same as the top-level ones).
pub mod prop {

    attr_set! {
        /// An `IFLA_PROP_LIST` attribute: the property attributes share the `IFLA_*` numbers.
        pub enum PropAttr {
            /// An alternative name (in requests and in `IFLA_PROP_LIST`).
            53 IFLA_ALT_IFNAME alt_ifname => AltIfname(&'a str),
        }
    }
}
pub use prop::PropAttr;

/// The attributes of `IFLA_MACVLAN_MACADDR_DATA` (their ids are
/// `IFLA_MACVLAN_*` numbers; the constant here is the top-level one).
pub mod macaddr_data {
    #[allow(unused_imports)]
    use super::*;

    attr_set! {
        /// A source-mode macvlan's allowed source address (`IFLA_MACVLAN_MACADDR`, repeated).
        pub enum MacaddrDataAttr {
            /// An address.
            4 IFLA_MACVLAN_MACADDR macaddr => Macaddr(Bytes<'a>),
        }
    }
}
pub use macaddr_data::MacaddrDataAttr;

mod bridge_mrp;
mod hw;
mod kinds;
pub use bridge_mrp::*;
pub use hw::*;
pub use kinds::*;

impl<O: ByteOrder> crate::typed::FamilyHeader<O> for IfInfoMsg<O> {
    type Attr<'a> = LinkAttr<'a, O>;
    fn family(&self) -> u8 {
        self.ifi_family
    }
}

/// A link message (`RTM_NEWLINK`, `RTM_DELLINK`, `RTM_GETLINK`,
/// `RTM_SETLINK`, `RTM_*LINKPROP`): the `ifinfomsg` header and lazily
/// decoded attributes, borrowed.
pub type LinkMessage<'a, O = NativeEndian> = crate::typed::Headered<'a, O, IfInfoMsg<O>>;

impl<'a, O: ByteOrder> crate::typed::Headered<'a, O, IfInfoMsg<O>> {
    /// The interface name (`IFLA_IFNAME`), if present.
    pub fn name(&self) -> Option<&'a str> {
        match self.find(IFLA_IFNAME) {
            Some(LinkAttr::Ifname(n)) => Some(n),
            _ => None,
        }
    }
    /// The kind (`IFLA_LINKINFO { IFLA_INFO_KIND }`), if present.
    pub fn kind(&self) -> Option<&'a str> {
        let Some(LinkAttr::Linkinfo(n)) = self.find(IFLA_LINKINFO) else { return None };
        match n.find(IFLA_INFO_KIND) {
            Some(LinkInfoAttr::Kind(k)) => Some(k),
            _ => None,
        }
    }
}

/// Returns the kernel name of link attribute `id`.
pub fn attr_name(id: u16) -> Option<&'static str> {
    <LinkAttr<'_> as AttrSet<'_, NativeEndian>>::name_of(id)
}

/// Writes a whole link request: `nlmsghdr` + `ifinfomsg`, then the
/// attributes that `attrs` writes through the typed builder, and closes the
/// message (or leaves nothing of it on error).
pub fn request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &IfInfoMsg<O>,
    attrs: impl FnOnce(&mut Scope<'_, B, O, LinkAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, header, attrs)
}

/// Writes a peer (`VETH_INFO_PEER`, `VXCAN_INFO_PEER`,
/// `IFLA_NETKIT_PEER_INFO`): its `ifinfomsg`, then its attributes, in a nest
/// without `NLA_F_NESTED` (as iproute2 writes it), whole or not at all.
fn write_peer<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    id: u16,
    header: &IfInfoMsg<O>,
    f: impl FnOnce(&mut Scope<'_, B, O, LinkAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    w.all_or_nothing(|w| {
        let m = w.begin_nest_raw(id)?;
        w.header(header)?;
        f(&mut Scope::new(w))?;
        w.end_nest(m)
    })
}

impl<B: Buffer, O: ByteOrder> Scope<'_, B, O, VethAttr<'static, O>> {
    /// Writes `VETH_INFO_PEER`: the peer's `ifinfomsg`, then the attributes
    /// `f` writes (its name, MTU, namespace, …).
    pub fn peer(
        &mut self,
        header: &IfInfoMsg<O>,
        f: impl FnOnce(&mut Scope<'_, B, O, LinkAttr<'static, O>>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        write_peer(self.writer(), VETH_INFO_PEER, header, f)?;
        Ok(self)
    }
}

impl<B: Buffer, O: ByteOrder> Scope<'_, B, O, VxcanAttr<'static, O>> {
    /// Writes `VXCAN_INFO_PEER`: the peer's `ifinfomsg`, then the attributes
    /// `f` writes.
    pub fn peer(
        &mut self,
        header: &IfInfoMsg<O>,
        f: impl FnOnce(&mut Scope<'_, B, O, LinkAttr<'static, O>>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        write_peer(self.writer(), VXCAN_INFO_PEER, header, f)?;
        Ok(self)
    }
}

impl<B: Buffer, O: ByteOrder> Scope<'_, B, O, NetkitAttr<'static, O>> {
    /// Writes `IFLA_NETKIT_PEER_INFO`: the peer's `ifinfomsg`, then the
    /// attributes `f` writes.
    pub fn peer_info(
        &mut self,
        header: &IfInfoMsg<O>,
        f: impl FnOnce(&mut Scope<'_, B, O, LinkAttr<'static, O>>) -> Result<(), EncodeError>,
    ) -> Result<&mut Self, EncodeError> {
        write_peer(self.writer(), IFLA_NETKIT_PEER_INFO, header, f)?;
        Ok(self)
    }
}

#[cfg(test)]
mod tests;
