//! Policy routing rules (`RTM_NEWRULE`, `RTM_DELRULE`, `RTM_GETRULE`):
//! [`FibRuleHdr`] (`struct fib_rule_hdr`: its action a [`RuleAction`], its
//! flags [`RuleFlags`]) followed by [`RuleAttr`], one variant per `FRA_*`
//! through Linux 7.2 (the tunnel id and the flow label in network order,
//! the UID and port ranges as their structs).
//!
//! ```
//! use rtnl_core::rule::{FibRuleHdr, RuleAction, RTM_NEWRULE};
//! use rtnl_core::wire::{flags::Request, SliceBuffer, Writer};
//!
//! // ip rule add fwmark 0x10/0xff lookup 100 pref 1000
//! let mut buf = [0u8; 128];
//! let mut w = Writer::new(SliceBuffer::new(&mut buf));
//! let hdr = FibRuleHdr { family: 2, action: RuleAction::TO_TBL.0, table: 100, ..Default::default() };
//! rtnl_core::typed::request(&mut w, RTM_NEWRULE, Request::Add.flags(), 1, &hdr, |a| {
//!     a.priority(1000)?.fwmark(0x10)?.fwmask(0xff)?.table(100)?;
//!     Ok(())
//! })?;
//! assert_eq!(w.len(), 16 + 12 + 4 * 8);
//! # Ok::<(), rtnl_core::wire::EncodeError>(())
//! ```

use crate::net::Address;
use crate::route::RouteProtocol;
use crate::typed::{Be32, Be64, Bytes, FamilyHeader, Headered};
use crate::wire::{ByteOrder, NativeEndian, U16, U32};

/// `RTM_NEWRULE`.
pub const RTM_NEWRULE: u16 = 32;
/// `RTM_DELRULE`.
pub const RTM_DELRULE: u16 = 33;
/// `RTM_GETRULE`.
pub const RTM_GETRULE: u16 = 34;

zc_struct! {
    /// `struct fib_rule_hdr`, the rule family's 12-byte header.
    pub struct FibRuleHdr<O> {
        /// `family`: `AF_INET`, `AF_INET6`, `RTNL_FAMILY_IPMR`, …
        family: u8,
        /// `dst_len`: the destination prefix length.
        dst_len: u8,
        /// `src_len`: the source prefix length.
        src_len: u8,
        /// `tos`: the TOS to match.
        tos: u8,
        /// `table`: the table (`FRA_TABLE` carries ids above 255).
        table: u8,
        /// `res1`.
        res1: u8,
        /// `res2`.
        res2: u8,
        /// `action`: `FR_ACT_*` (see [`RuleAction`]).
        action: u8,
        /// `flags`: `FIB_RULE_*` (see [`RuleFlags`]).
        flags: U32<O>,
    }
}

impl<O: ByteOrder> FibRuleHdr<O> {
    /// The action.
    pub fn action(&self) -> RuleAction {
        RuleAction(self.action)
    }
    /// The flags.
    pub fn flags(&self) -> RuleFlags {
        RuleFlags(self.flags.get())
    }
}

named_values! {
    /// What a rule does (`FR_ACT_*`), keeping unknown numbers; the short
    /// names are the words `ip rule` uses.
    pub struct RuleAction(u8) {
        UNSPEC = 0, "FR_ACT_UNSPEC", "unspec";
        TO_TBL = 1, "FR_ACT_TO_TBL", "lookup";
        GOTO = 2, "FR_ACT_GOTO", "goto";
        NOP = 3, "FR_ACT_NOP", "nop";
        RES3 = 4, "FR_ACT_RES3", "res3";
        RES4 = 5, "FR_ACT_RES4", "res4";
        BLACKHOLE = 6, "FR_ACT_BLACKHOLE", "blackhole";
        UNREACHABLE = 7, "FR_ACT_UNREACHABLE", "unreachable";
        PROHIBIT = 8, "FR_ACT_PROHIBIT", "prohibit";
    }
}

named_flags! {
    /// Rule flags (`FIB_RULE_*`), unknown bits kept.
    pub struct RuleFlags(u32) {
        PERMANENT = 0x01, "FIB_RULE_PERMANENT", "permanent";
        INVERT = 0x02, "FIB_RULE_INVERT", "not";
        UNRESOLVED = 0x04, "FIB_RULE_UNRESOLVED", "unresolved";
        IIF_DETACHED = 0x08, "FIB_RULE_IIF_DETACHED", "iif_detached";
        OIF_DETACHED = 0x10, "FIB_RULE_OIF_DETACHED", "oif_detached";
        FIND_SADDR = 0x10000, "FIB_RULE_FIND_SADDR", "find_saddr";
    }
}

struct_payload! {
    /// `struct fib_rule_uid_range` (`FRA_UID_RANGE`).
    pub struct FibRuleUidRange<O> {
        /// `start`.
        start: U32<O>,
        /// `end`.
        end: U32<O>,
    }
}

struct_payload! {
    /// `struct fib_rule_port_range` (`FRA_SPORT_RANGE`, `FRA_DPORT_RANGE`),
    /// in host order.
    pub struct FibRulePortRange<O> {
        /// `start`.
        start: U16<O>,
        /// `end`.
        end: U16<O>,
    }
}

attr_set! {
    /// A rule attribute (`FRA_*`), through Linux 7.2. Addresses follow the
    /// header's family.
    pub enum RuleAttr {
        /// The destination prefix (`to`).
        1 FRA_DST dst => Dst(Address<'a>),
        /// The source prefix (`from`).
        2 FRA_SRC src => Src(Address<'a>),
        /// The input interface (`iif`).
        3 FRA_IIFNAME iifname => Iifname(&'a str),
        /// The rule to jump to (`goto`).
        4 FRA_GOTO goto => Goto(u32),
        /// Unused id 5, kept.
        5 FRA_UNUSED2 unused2 => Unused2(Bytes<'a>),
        /// The priority (`pref`).
        6 FRA_PRIORITY priority => Priority(u32),
        /// Unused id 7, kept.
        7 FRA_UNUSED3 unused3 => Unused3(Bytes<'a>),
        /// Unused id 8, kept.
        8 FRA_UNUSED4 unused4 => Unused4(Bytes<'a>),
        /// Unused id 9, kept.
        9 FRA_UNUSED5 unused5 => Unused5(Bytes<'a>),
        /// The firewall mark (`fwmark`).
        10 FRA_FWMARK fwmark => Fwmark(u32),
        /// The realm (`realms`).
        11 FRA_FLOW flow => Flow(u32),
        /// The tunnel id (`tun_id`, network order).
        12 FRA_TUN_ID tun_id => TunId(Be64),
        /// Suppress lookups whose interface is of this group.
        13 FRA_SUPPRESS_IFGROUP suppress_ifgroup => SuppressIfgroup(u32),
        /// Suppress routes of this prefix length or shorter.
        14 FRA_SUPPRESS_PREFIXLEN suppress_prefixlen => SuppressPrefixlen(u32),
        /// The table (all 32 bits).
        15 FRA_TABLE table => Table(u32),
        /// The firewall mark's mask.
        16 FRA_FWMASK fwmask => Fwmask(u32),
        /// The output interface (`oif`).
        17 FRA_OIFNAME oifname => Oifname(&'a str),
        /// Padding for 64-bit values.
        18 FRA_PAD pad => Pad(Bytes<'a>),
        /// Look up in the table of the l3mdev (VRF) of the interface.
        19 FRA_L3MDEV l3mdev => L3mdev(u8),
        /// The UIDs to match (`uidrange`).
        20 FRA_UID_RANGE uid_range => UidRange(FibRuleUidRange<O>),
        /// Who added the rule (`RTPROT_*`).
        21 FRA_PROTOCOL protocol => Protocol(RouteProtocol),
        /// The IP protocol to match (`ipproto`).
        22 FRA_IP_PROTO ip_proto => IpProto(u8),
        /// The source ports to match (`sport`).
        23 FRA_SPORT_RANGE sport_range => SportRange(FibRulePortRange<O>),
        /// The destination ports to match (`dport`).
        24 FRA_DPORT_RANGE dport_range => DportRange(FibRulePortRange<O>),
        /// The DSCP to match (`dscp`).
        25 FRA_DSCP dscp => Dscp(u8),
        /// The IPv6 flow label to match (network order).
        26 FRA_FLOWLABEL flowlabel => Flowlabel(Be32),
        /// The flow label's mask (network order).
        27 FRA_FLOWLABEL_MASK flowlabel_mask => FlowlabelMask(Be32),
        /// The source port's mask.
        28 FRA_SPORT_MASK sport_mask => SportMask(u16),
        /// The destination port's mask.
        29 FRA_DPORT_MASK dport_mask => DportMask(u16),
        /// The DSCP's mask.
        30 FRA_DSCP_MASK dscp_mask => DscpMask(u8),
    }
}

impl<O: ByteOrder> FamilyHeader<O> for FibRuleHdr<O> {
    type Attr<'a> = RuleAttr<'a, O>;
    fn family(&self) -> u8 {
        self.family
    }
}

/// A rule message: the `fib_rule_hdr` and lazily decoded attributes.
pub type RuleMessage<'a, O = NativeEndian> = Headered<'a, O, FibRuleHdr<O>>;

impl<O: ByteOrder> Headered<'_, O, FibRuleHdr<O>> {
    /// The table: `FRA_TABLE` when present, else the header's.
    pub fn table(&self) -> u32 {
        match self.find(FRA_TABLE) {
            Some(RuleAttr::Table(t)) => t,
            _ => self.header().table.into(),
        }
    }
    /// The priority (`FRA_PRIORITY`; 0 when absent, as the kernel reads it).
    pub fn priority(&self) -> u32 {
        match self.find(FRA_PRIORITY) {
            Some(RuleAttr::Priority(p)) => p,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::{Message, RtnlMessage};
    use crate::wire::{LittleEndian, Messages, SliceBuffer, Writer};

    #[test]
    fn a_rule_with_every_kind_of_selector_round_trips() {
        let mut out = [0u8; 256];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut out));
        let hdr = FibRuleHdr::<LittleEndian> {
            family: 10,
            src_len: 64,
            action: RuleAction::TO_TBL.0,
            flags: RuleFlags::INVERT.into(),
            ..Default::default()
        };
        crate::typed::request(&mut w, RTM_NEWRULE, 0x600, 1, &hdr, |a| {
            a.src(core::net::Ipv6Addr::new(0xfd00, 0, 0, 0, 0, 0, 0, 0).into())?;
            a.priority(100)?.table(1000)?.iifname("v0")?.tun_id(Be64(0x1122))?;
            a.uid_range(FibRuleUidRange { start: 1000.into(), end: 2000.into() })?;
            a.sport_range(FibRulePortRange { start: 80.into(), end: 90.into() })?;
            a.flowlabel(Be32(0xbeef))?.flowlabel_mask(Be32(0xfffff))?.protocol(RouteProtocol(4))?;
            Ok(())
        })
        .unwrap();
        let n = w.len();
        let raw = Messages::<LittleEndian>::with_order(&out[..n]).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        let RtnlMessage::Rule(r) = msg.body() else { panic!("{msg:?}") };
        assert_eq!((r.table(), r.priority()), (1000, 100));
        assert!(r.header().flags().has(RuleFlags::INVERT));
        assert_eq!(r.header().action().short_name(), Some("lookup"));
        // the tunnel id and the flow label are big-endian on the wire
        let tun = r.attrs().raw().find(FRA_TUN_ID).unwrap();
        assert_eq!(tun.payload(), &[0, 0, 0, 0, 0, 0, 0x11, 0x22]);
        let fl = r.attrs().raw().find(FRA_FLOWLABEL).unwrap();
        assert_eq!(fl.payload(), &[0, 0, 0xbe, 0xef]);
        assert_eq!(msg.first_error(), None);
        let mut again = [0u8; 256];
        let mut w = Writer::<_, LittleEndian>::with_order(SliceBuffer::new(&mut again));
        msg.emit(&mut w).unwrap();
        let m = w.len();
        assert_eq!(&again[..m], &out[..n]);
    }

    #[test]
    fn a_short_uid_range_is_kept_as_invalid_with_its_offset() {
        let body: &[u8] = &[2, 0, 0, 0, 254, 0, 0, 1, 0, 0, 0, 0, 8, 0, 20, 0, 1, 0, 0, 0];
        let mut m = heapless::Vec::<u8, 64>::new();
        m.extend_from_slice(&[(16 + body.len()) as u8, 0, 0, 0, 32, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]).unwrap();
        m.extend_from_slice(body).unwrap();
        let raw = Messages::<LittleEndian>::with_order(&m).next().unwrap().unwrap();
        let msg = Message::decode(raw);
        assert_eq!(msg.first_error().map(|e| e.offset), Some(16 + 12 + 4));
        let RtnlMessage::Rule(r) = msg.body() else { panic!() };
        assert_eq!(r.table(), 254);
    }
}
