//! The address families: interface addresses (`RTM_NEWADDR`, `RTM_DELADDR`,
//! `RTM_GETADDR`), the multicast and anycast replies that share their header
//! (`RTM_*MULTICAST`, `RTM_*ANYCAST`), and address labels
//! (`RTM_*ADDRLABEL`).
//!
//! The fixed header is [`IfAddrMsg`] (`struct ifaddrmsg`); its scope is a
//! [`RouteScope`] and its 8-bit flags are the low
//! bits of [`IfaFlags`], which `IFA_FLAGS` carries whole. Attributes are
//! [`AddrAttr`], one variant per `IFA_*` through Linux 7.2; addresses
//! follow the message's family. Labels are [`IfAddrLblMsg`] and
//! [`AddrLabelAttr`].
//!
//! The kernel answers a `RTM_GETMULTICAST` or `RTM_GETANYCAST` dump with
//! messages of that same GET type (newer kernels also notify with
//! `RTM_NEWMULTICAST` / `RTM_NEWANYCAST`); all of them decode as
//! [`AddrMessage`].
//!
//! ```
//! use core::net::Ipv4Addr;
//! use rtnl_core::addr::{self, IfAddrMsg, IfaFlags};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // ip addr add 10.0.0.1/24 dev 2 label eth0:1 noprefixroute
//! let mut buf = [0u8; 128];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = IfAddrMsg { ifa_family: 2, ifa_prefixlen: 24, ifa_index: 2.into(), ..Default::default() };
//! addr::request(&mut w, addr::RTM_NEWADDR, Request::Add.flags(), 1, &hdr, |a| {
//!     let ip = Ipv4Addr::new(10, 0, 0, 1).into();
//!     a.local(ip)?.address(ip)?.label("eth0:1")?.flags(IfaFlags::NOPREFIXROUTE)?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 8 + 8 + 8 + 12 + 8);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use crate::net::Address;
use crate::route::RouteScope;
use crate::typed::{FamilyHeader, Headered, Scope};
use crate::wire::{Buffer, ByteOrder, EncodeError, NativeEndian, Writer, U32};

/// `RTM_NEWADDR`.
pub const RTM_NEWADDR: u16 = 20;
/// `RTM_DELADDR`.
pub const RTM_DELADDR: u16 = 21;
/// `RTM_GETADDR`.
pub const RTM_GETADDR: u16 = 22;
/// `RTM_NEWMULTICAST`.
pub const RTM_NEWMULTICAST: u16 = 56;
/// `RTM_DELMULTICAST`.
pub const RTM_DELMULTICAST: u16 = 57;
/// `RTM_GETMULTICAST`: a dump of multicast memberships; the replies carry
/// this same type.
pub const RTM_GETMULTICAST: u16 = 58;
/// `RTM_NEWANYCAST`.
pub const RTM_NEWANYCAST: u16 = 60;
/// `RTM_DELANYCAST`.
pub const RTM_DELANYCAST: u16 = 61;
/// `RTM_GETANYCAST`: a dump of anycast addresses; the replies carry this
/// same type.
pub const RTM_GETANYCAST: u16 = 62;
/// `RTM_NEWADDRLABEL`.
pub const RTM_NEWADDRLABEL: u16 = 72;
/// `RTM_DELADDRLABEL`.
pub const RTM_DELADDRLABEL: u16 = 73;
/// `RTM_GETADDRLABEL`.
pub const RTM_GETADDRLABEL: u16 = 74;

zc_struct! {
    /// `struct ifaddrmsg`, the address family's 8-byte fixed header.
    pub struct IfAddrMsg<O> {
        /// `ifa_family`: `AF_INET`, `AF_INET6`, …
        ifa_family: u8,
        /// `ifa_prefixlen`: the prefix length.
        ifa_prefixlen: u8,
        /// `ifa_flags`: the low 8 bits of [`IfaFlags`] (`IFA_FLAGS` has all).
        ifa_flags: u8,
        /// `ifa_scope`: `RT_SCOPE_*` (see [`RouteScope`]).
        ifa_scope: u8,
        /// `ifa_index`: the interface index.
        ifa_index: U32<O>,
    }
}

impl<O: ByteOrder> IfAddrMsg<O> {
    /// The scope.
    pub fn scope(&self) -> RouteScope {
        RouteScope(self.ifa_scope)
    }
}

named_flags! {
    /// Address flags (`IFA_F_*`), unknown bits kept: the 8-bit `ifa_flags` of
    /// the header or the 32-bit `IFA_FLAGS`. The words are those `ip addr`
    /// prints (bit 0 is `secondary` for IPv4 and `temporary` for IPv6; see
    /// [`words`](Self::words)); `IFA_F_PERMANENT` is printed by its absence
    /// (`dynamic`).
    pub struct IfaFlags(u32) {
        SECONDARY = 0x01, "IFA_F_SECONDARY", "secondary";
        NODAD = 0x02, "IFA_F_NODAD", "nodad";
        OPTIMISTIC = 0x04, "IFA_F_OPTIMISTIC", "optimistic";
        DADFAILED = 0x08, "IFA_F_DADFAILED", "dadfailed";
        HOMEADDRESS = 0x10, "IFA_F_HOMEADDRESS", "home";
        DEPRECATED = 0x20, "IFA_F_DEPRECATED", "deprecated";
        TENTATIVE = 0x40, "IFA_F_TENTATIVE", "tentative";
        PERMANENT = 0x80, "IFA_F_PERMANENT", "permanent";
        MANAGETEMPADDR = 0x100, "IFA_F_MANAGETEMPADDR", "mngtmpaddr";
        NOPREFIXROUTE = 0x200, "IFA_F_NOPREFIXROUTE", "noprefixroute";
        MCAUTOJOIN = 0x400, "IFA_F_MCAUTOJOIN", "autojoin";
        STABLE_PRIVACY = 0x800, "IFA_F_STABLE_PRIVACY", "stable-privacy";
    }
}

impl IfaFlags {
    /// `IFA_F_TEMPORARY` (IPv6), the same bit as `IFA_F_SECONDARY`.
    pub const TEMPORARY: u32 = 0x01;
    /// The named bits set, in bit order, as `(kernel name, ip's word)`; bit
    /// 0 is named for `family` (`temporary` for `AF_INET6`).
    pub fn words(self, family: u8) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.names().map(move |(k, i)| {
            if k == "IFA_F_SECONDARY" && family == crate::net::AF_INET6 {
                ("IFA_F_TEMPORARY", "temporary")
            } else {
                (k, i)
            }
        })
    }
}

named_values! {
    /// `IFA_PROTO`: who added the address (`IFAPROT_*`), keeping unknown numbers.
    pub struct AddrProto(u8) {
        UNSPEC = 0, "IFAPROT_UNSPEC", "unspec";
        KERNEL_LO = 1, "IFAPROT_KERNEL_LO", "kernel_lo";
        KERNEL_RA = 2, "IFAPROT_KERNEL_RA", "kernel_ra";
        KERNEL_LL = 3, "IFAPROT_KERNEL_LL", "kernel_ll";
    }
}

struct_payload! {
    /// `struct ifa_cacheinfo` (`IFA_CACHEINFO`), 16 bytes: lifetimes in
    /// seconds (`u32::MAX` is forever) and timestamps in hundredths of a
    /// second since boot.
    pub struct IfaCacheInfo<O> {
        /// `ifa_prefered`: the preferred lifetime left.
        ifa_prefered: U32<O>,
        /// `ifa_valid`: the valid lifetime left.
        ifa_valid: U32<O>,
        /// `cstamp`: when the address was created.
        cstamp: U32<O>,
        /// `tstamp`: when it was last updated.
        tstamp: U32<O>,
    }
}

/// The lifetime that means "forever" in [`IfaCacheInfo`] (`INFINITY_LIFE_TIME`).
pub const INFINITY_LIFE_TIME: u32 = u32::MAX;

attr_set! {
    /// An address attribute (`IFA_*`), through Linux 7.2. Addresses are of
    /// the message's family.
    pub enum AddrAttr {
        /// The prefix address (the peer's on a point-to-point link).
        1 IFA_ADDRESS address => Address(Address<'a>),
        /// The local address.
        2 IFA_LOCAL local => Local(Address<'a>),
        /// The label (IPv4; `eth0:1`).
        3 IFA_LABEL label => Label(&'a str),
        /// The broadcast address.
        4 IFA_BROADCAST broadcast => Broadcast(Address<'a>),
        /// An anycast address (anycast dumps).
        5 IFA_ANYCAST anycast => Anycast(Address<'a>),
        /// Lifetimes and timestamps.
        6 IFA_CACHEINFO cacheinfo => CacheInfo(IfaCacheInfo<O>),
        /// A multicast group joined (multicast dumps).
        7 IFA_MULTICAST multicast => Multicast(Address<'a>),
        /// All 32 bits of the flags (`IFA_F_*`; see [`IfaFlags`]).
        8 IFA_FLAGS flags => Flags(u32),
        /// The metric of the prefix route the address adds.
        9 IFA_RT_PRIORITY rt_priority => RtPriority(u32),
        /// In a dump request: the namespace (by id) whose addresses to list.
        10 IFA_TARGET_NETNSID target_netnsid => TargetNetnsid(i32),
        /// Who added the address (see [`AddrProto`]).
        11 IFA_PROTO proto => Proto(AddrProto),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for IfAddrMsg<O> {
    type Attr<'a> = AddrAttr<'a, O>;
    fn family(&self) -> u8 {
        self.ifa_family
    }
}

/// An address message (`RTM_NEWADDR`, `RTM_DELADDR`, `RTM_GETADDR`, and
/// the multicast and anycast messages of the same layout): the `ifaddrmsg`
/// header and lazily decoded attributes, borrowed.
pub type AddrMessage<'a, O = NativeEndian> = Headered<'a, O, IfAddrMsg<O>>;

impl<'a, O: ByteOrder> Headered<'a, O, IfAddrMsg<O>> {
    /// The flags: `IFA_FLAGS` when present (all 32 bits), else the header's 8.
    pub fn flags(&self) -> IfaFlags {
        match self.find(IFA_FLAGS) {
            Some(AddrAttr::Flags(f)) => IfaFlags(f),
            _ => IfaFlags(self.header().ifa_flags.into()),
        }
    }
    /// The local address (`IFA_LOCAL`), else the prefix address
    /// (`IFA_ADDRESS`), as `ip addr` shows it.
    pub fn address(&self) -> Option<Address<'a>> {
        let mut prefix = None;
        for a in self.attrs().flatten() {
            match a {
                AddrAttr::Local(a) => return Some(a),
                AddrAttr::Address(a) if prefix.is_none() => prefix = Some(a),
                _ => {}
            }
        }
        prefix
    }
    /// The label (`IFA_LABEL`), if present.
    pub fn label(&self) -> Option<&'a str> {
        match self.find(IFA_LABEL) {
            Some(AddrAttr::Label(l)) => Some(l),
            _ => None,
        }
    }
}

/// Writes a whole address request: `nlmsghdr` + `ifaddrmsg`, then the
/// attributes `attrs` writes through the typed builder, and closes the
/// message (or leaves nothing of it on error). The same as
/// [`typed::request`](crate::typed::request).
pub fn request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &IfAddrMsg<O>,
    attrs: impl FnOnce(&mut Scope<'_, B, O, AddrAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, header, attrs)
}

zc_struct! {
    /// `struct ifaddrlblmsg`, the address label family's 12-byte header.
    pub struct IfAddrLblMsg<O> {
        /// `ifal_family`: `AF_INET6` (the only family with labels).
        ifal_family: u8,
        /// `__ifal_reserved`.
        __ifal_reserved: u8,
        /// `ifal_prefixlen`: the prefix length of `IFAL_ADDRESS`.
        ifal_prefixlen: u8,
        /// `ifal_flags`.
        ifal_flags: u8,
        /// `ifal_index`: the interface the label is for (0: any).
        ifal_index: U32<O>,
        /// `ifal_seq`: the label table's generation (dumps).
        ifal_seq: U32<O>,
    }
}

attr_set! {
    /// An address label attribute (`IFAL_*`).
    pub enum AddrLabelAttr {
        /// The prefix the label applies to.
        1 IFAL_ADDRESS address => Address(Address<'a>),
        /// The label (RFC 6724 policy table).
        2 IFAL_LABEL label => Label(u32),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for IfAddrLblMsg<O> {
    type Attr<'a> = AddrLabelAttr<'a, O>;
    fn family(&self) -> u8 {
        self.ifal_family
    }
}

/// An address label message (`RTM_NEWADDRLABEL`, `RTM_DELADDRLABEL`,
/// `RTM_GETADDRLABEL`).
pub type AddrLabelMessage<'a, O = NativeEndian> = Headered<'a, O, IfAddrLblMsg<O>>;

/// Writes a whole address label request (`ip addrlabel add|del`): the
/// header, then the attributes `attrs` writes.
pub fn label_request<B: Buffer, O: ByteOrder>(
    w: &mut Writer<B, O>,
    ty: u16,
    flags: u16,
    seq: u32,
    header: &IfAddrLblMsg<O>,
    attrs: impl FnOnce(&mut Scope<'_, B, O, AddrLabelAttr<'static, O>>) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    crate::typed::request(w, ty, flags, seq, header, attrs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::wire::flags::Request;
    use crate::wire::{LittleEndian, Messages, SliceBuffer};
    use core::net::{Ipv4Addr, Ipv6Addr};

    // RTM_NEWADDR for 10.0.0.1/24 on ifindex 2, as the kernel sends it
    // (IFA_ADDRESS, IFA_LOCAL, IFA_BROADCAST, IFA_LABEL, IFA_FLAGS, IFA_CACHEINFO)
    const NEWADDR: &[u8] = &[
        0x54, 0, 0, 0, 20, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, // nlmsghdr (84 bytes, NLM_F_MULTI)
        2, 24, 0x80, 0, 2, 0, 0, 0, // ifaddrmsg: inet /24 permanent scope global ifindex 2
        8, 0, 1, 0, 10, 0, 0, 1, // IFA_ADDRESS
        8, 0, 2, 0, 10, 0, 0, 1, // IFA_LOCAL
        8, 0, 4, 0, 10, 0, 0, 255, // IFA_BROADCAST
        8, 0, 3, 0, b'v', b'0', b'0', 0, // IFA_LABEL "v00"
        8, 0, 8, 0, 0x80, 2, 0, 0, // IFA_FLAGS permanent|noprefixroute
        20, 0, 6, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 10, 0, 0, 0, 20, 0, 0, 0, // IFA_CACHEINFO
    ];

    #[test]
    fn deconstruct_an_address_reply() {
        let raw = Messages::<LittleEndian>::with_order(NEWADDR).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let RtnlMessage::Addr(a) = msg.body() else { panic!("{msg:?}") };
        let h = a.header();
        assert_eq!((h.ifa_family, h.ifa_prefixlen, h.ifa_index.get()), (2, 24, 2));
        assert_eq!(h.scope(), RouteScope::UNIVERSE);
        assert_eq!(a.address(), Some(Address::V4(Ipv4Addr::new(10, 0, 0, 1))));
        assert_eq!(a.label(), Some("v00"));
        assert!(a.flags().has(IfaFlags::PERMANENT | IfaFlags::NOPREFIXROUTE));
        assert_eq!(a.flags().words(2).map(|w| w.1).collect::<heapless::Vec<_, 4>>(), ["permanent", "noprefixroute"]);
        let ci = a.attrs().find_map(|x| match x {
            Ok(AddrAttr::CacheInfo(c)) => Some(c),
            _ => None,
        });
        let ci = ci.unwrap();
        assert_eq!((ci.ifa_valid.get(), ci.cstamp.get(), ci.tstamp.get()), (INFINITY_LIFE_TIME, 10, 20));
        assert_eq!(msg.first_error(), None);
        // re-encodes byte for byte
        let mut out = [0u8; 128];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        msg.emit(&mut w).unwrap();
        let n = w.len();
        assert_eq!(&out[..n], NEWADDR);
    }

    #[test]
    fn construct_the_same_message_with_the_builder() {
        let mut out = [0u8; 128];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        let hdr = IfAddrMsg::<LittleEndian> {
            ifa_family: 2,
            ifa_prefixlen: 24,
            ifa_flags: 0x80,
            ifa_index: 2.into(),
            ..Default::default()
        };
        let ip = Address::V4(Ipv4Addr::new(10, 0, 0, 1));
        request(&mut w, RTM_NEWADDR, 2, 1, &hdr, |a| {
            a.address(ip)?.local(ip)?.broadcast(Ipv4Addr::new(10, 0, 0, 255).into())?.label("v00")?;
            a.flags(0x280)?;
            a.cacheinfo(IfaCacheInfo {
                ifa_prefered: u32::MAX.into(),
                ifa_valid: u32::MAX.into(),
                cstamp: 10.into(),
                tstamp: 20.into(),
            })?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        assert_eq!(&out[..n], NEWADDR);
    }

    #[test]
    fn a_message_too_short_for_its_header_is_kept_as_invalid() {
        let mut m = NEWADDR[..16 + 4].to_vec();
        m[0] = 20;
        let raw = Messages::<LittleEndian>::with_order(&m).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        assert!(matches!(msg.body(), RtnlMessage::Invalid(..)), "{msg:?}");
    }

    #[test]
    fn bad_payloads_are_kept_with_their_offset() {
        // IFA_CACHEINFO of 12 bytes, IFA_FLAGS with NLA_F_NESTED
        let body: &[u8] =
            &[10, 64, 0, 0, 1, 0, 0, 0, 16, 0, 6, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 8, 0, 8, 0x80, 0, 0, 0, 0];
        let mut m = heapless::Vec::<u8, 64>::new();
        m.extend_from_slice(&[(16 + body.len()) as u8, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).unwrap();
        m.extend_from_slice(body).unwrap();
        let raw = Messages::<LittleEndian>::with_order(&m).next().unwrap().unwrap();
        let RtnlMessage::Addr(a) = Message::decode(raw).body().clone() else { panic!() };
        let v: heapless::Vec<_, 4> = a.attrs().map(Result::unwrap).collect();
        assert!(matches!(&v[0], AddrAttr::Invalid(x, e) if x.id() == IFA_CACHEINFO && e.offset == 28));
        assert!(matches!(&v[1], AddrAttr::Invalid(x, _) if x.id() == IFA_FLAGS));
        assert_eq!(a.first_error().map(|e| e.offset), Some(28));
        let mut out = [0u8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        Message::decode(raw).emit(&mut w).unwrap();
        let n = w.len();
        assert_eq!(&out[..n], &m[..]);
    }

    #[test]
    fn an_address_label_round_trips() {
        let mut out = [0u8; 64];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        let hdr = IfAddrLblMsg::<LittleEndian> { ifal_family: 10, ifal_prefixlen: 96, ..Default::default() };
        label_request(&mut w, RTM_NEWADDRLABEL, Request::Add.flags(), 3, &hdr, |a| {
            a.address(Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0, 0).into())?.label(4)?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        assert_eq!(n, 16 + 12 + 20 + 8);
        let raw = Messages::<LittleEndian>::with_order(&out[..n]).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let RtnlMessage::AddrLabel(l) = msg.body() else { panic!("{msg:?}") };
        assert_eq!(l.header().ifal_prefixlen, 96);
        let v: heapless::Vec<_, 2> = l.attrs().map(Result::unwrap).collect();
        assert_eq!(v[1], AddrLabelAttr::Label(4));
        assert!(matches!(v[0], AddrLabelAttr::Address(Address::V6(_))));
    }
}
