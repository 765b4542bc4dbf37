//! Actions (`TCA_ACT_*`): one entry of an action list, inside a filter
//! (`TCA_U32_ACT`, `TCA_FLOWER_ACT`, …) or standalone (`TCA_ROOT_TAB` of
//! `RTM_*ACTION`), its options selected by `TCA_ACT_KIND`
//! ([`ActOptions`]). Every action's parameters begin with [`TcGen`].

use core::net::{Ipv4Addr, Ipv6Addr};

use super::stats::StatsAttr;
use super::Bitfield32;
use crate::typed::{Be16, Be32, Bytes, Flag, Nest};
use crate::wire::{ByteOrder, I32, U16, U32, U64};

use super::qdisc::TcRatespec;

named_values! {
    /// What an action does with the packet next (`TC_ACT_*`, the `action`
    /// of [`TcGen`]), named as `tc` prints it.
    pub struct TcAction(i32) {
        UNSPEC = -1, "TC_ACT_UNSPEC", "continue";
        OK = 0, "TC_ACT_OK", "pass";
        RECLASSIFY = 1, "TC_ACT_RECLASSIFY", "reclassify";
        SHOT = 2, "TC_ACT_SHOT", "drop";
        PIPE = 3, "TC_ACT_PIPE", "pipe";
        STOLEN = 4, "TC_ACT_STOLEN", "stolen";
        QUEUED = 5, "TC_ACT_QUEUED", "queued";
        REPEAT = 6, "TC_ACT_REPEAT", "repeat";
        REDIRECT = 7, "TC_ACT_REDIRECT", "redirect";
        TRAP = 8, "TC_ACT_TRAP", "trap";
    }
}

struct_payload! {
    /// `tc_gen`: the head of every action's parameters (and `struct
    /// tc_gact`, `struct tc_skbedit`, `struct tc_defact`'s, `struct
    /// tc_connmark`'s… first 20 bytes).
    pub struct TcGen<O> {
        /// `index`: the action's index in its kind's table.
        index: U32<O>,
        /// `capab`.
        capab: U32<O>,
        /// `action`: the verdict ([`TcAction`], or a `TC_ACT_JUMP` / `TC_ACT_GOTO_CHAIN` opcode).
        action: I32<O>,
        /// `refcnt`.
        refcnt: I32<O>,
        /// `bindcnt`: the filters bound to it.
        bindcnt: I32<O>,
    }
}

impl<O: ByteOrder> TcGen<O> {
    /// The verdict.
    pub fn verdict(&self) -> TcAction {
        TcAction(self.action.get())
    }
}

struct_payload! {
    /// `struct tcf_t` (`TCA_*_TM`): times in jiffies-derived
    /// hundredths of seconds… as the kernel's `jiffies_to_clock_t`.
    pub struct Tcft<O> {
        /// `install`: since installed.
        install: U64<O>,
        /// `lastuse`: since last used.
        lastuse: U64<O>,
        /// `expires`.
        expires: U64<O>,
        /// `firstuse`: since first used.
        firstuse: U64<O>,
    }
}

struct_payload! {
    /// `struct tc_gact_p` (`TCA_GACT_PROB`): a random second verdict.
    pub struct TcGactP<O> {
        /// `ptype`: `PGACT_NETRAND` (1) or `PGACT_DETERM` (2).
        ptype: U16<O>,
        /// `pval`: the probability (of 10000) or the period.
        pval: U16<O>,
        /// `paction`: the second verdict.
        paction: I32<O>,
    }
}

attr_set! {
    /// A `gact` option (`TCA_GACT_*`).
    pub enum GactAttr {
        /// Times.
        1 TCA_GACT_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_gact`, a [`TcGen`]).
        2 TCA_GACT_PARMS parms => Parms(TcGen<O>),
        /// The random verdict.
        3 TCA_GACT_PROB prob => Prob(TcGactP<O>),
        /// Padding.
        4 TCA_GACT_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_mirred` (`TCA_MIRRED_PARMS`).
    pub struct TcMirred<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `eaction`: `TCA_EGRESS_REDIR` (1), `TCA_EGRESS_MIRROR` (2),
        /// `TCA_INGRESS_REDIR` (3), `TCA_INGRESS_MIRROR` (4).
        eaction: I32<O>,
        /// `ifindex`: the target device.
        ifindex: U32<O>,
    }
}

attr_set! {
    /// A `mirred` option (`TCA_MIRRED_*`).
    pub enum MirredAttr {
        /// Times.
        1 TCA_MIRRED_TM tm => Tm(Tcft<O>),
        /// The parameters.
        2 TCA_MIRRED_PARMS parms => Parms(TcMirred<O>),
        /// Padding.
        3 TCA_MIRRED_PAD pad => Pad(Bytes<'a>),
        /// The target block (instead of a device).
        4 TCA_MIRRED_BLOCKID blockid => Blockid(u32),
    }
}

struct_payload! {
    /// `struct tc_police` (`TCA_POLICE_TBF`).
    pub struct TcPolice<O> {
        /// `index`.
        index: U32<O>,
        /// `action`: the verdict when the rate is exceeded.
        action: I32<O>,
        /// `limit`.
        limit: U32<O>,
        /// `burst`, in ticks.
        burst: U32<O>,
        /// `mtu`.
        mtu: U32<O>,
        /// `rate`.
        rate: TcRatespec<O>,
        /// `peakrate`.
        peakrate: TcRatespec<O>,
        /// `refcnt`.
        refcnt: I32<O>,
        /// `bindcnt`.
        bindcnt: I32<O>,
        /// `capab`.
        capab: U32<O>,
    }
}

attr_set! {
    /// A `police` option (`TCA_POLICE_*`; also a filter's `*_POLICE`).
    pub enum PoliceAttr {
        /// The parameters.
        1 TCA_POLICE_TBF tbf => Tbf(TcPolice<O>),
        /// The rate table (256 `u32`), kept as bytes.
        2 TCA_POLICE_RATE rate => Rate(Bytes<'a>),
        /// The peak-rate table, kept as bytes.
        3 TCA_POLICE_PEAKRATE peakrate => Peakrate(Bytes<'a>),
        /// The average rate, bytes per second.
        4 TCA_POLICE_AVRATE avrate => Avrate(u32),
        /// The verdict when the rate conforms.
        5 TCA_POLICE_RESULT result => Result(i32),
        /// Times.
        6 TCA_POLICE_TM tm => Tm(Tcft<O>),
        /// Padding.
        7 TCA_POLICE_PAD pad => Pad(Bytes<'a>),
        /// The rate, when it does not fit 32 bits.
        8 TCA_POLICE_RATE64 rate64 => Rate64(u64),
        /// The peak rate, when it does not fit 32 bits.
        9 TCA_POLICE_PEAKRATE64 peakrate64 => Peakrate64(u64),
        /// The packet rate, packets per second.
        10 TCA_POLICE_PKTRATE64 pktrate64 => Pktrate64(u64),
        /// The packet burst.
        11 TCA_POLICE_PKTBURST64 pktburst64 => Pktburst64(u64),
    }
}

struct_payload! {
    /// `struct tc_vlan` (`TCA_VLAN_PARMS`).
    pub struct TcVlan<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `v_action`: `TCA_VLAN_ACT_POP` (1), `_PUSH` (2), `_MODIFY` (3),
        /// `_POP_ETH` (4), `_PUSH_ETH` (5).
        v_action: I32<O>,
    }
}

attr_set! {
    /// A `vlan` option (`TCA_VLAN_*`).
    pub enum VlanAttr {
        /// Times.
        1 TCA_VLAN_TM tm => Tm(Tcft<O>),
        /// The parameters.
        2 TCA_VLAN_PARMS parms => Parms(TcVlan<O>),
        /// The VLAN id pushed.
        3 TCA_VLAN_PUSH_VLAN_ID push_vlan_id => PushVlanId(u16),
        /// The VLAN protocol pushed (`0x8100`, `0x88a8`), network order.
        4 TCA_VLAN_PUSH_VLAN_PROTOCOL push_vlan_protocol => PushVlanProtocol(Be16),
        /// Padding.
        5 TCA_VLAN_PAD pad => Pad(Bytes<'a>),
        /// The priority pushed.
        6 TCA_VLAN_PUSH_VLAN_PRIORITY push_vlan_priority => PushVlanPriority(u8),
        /// The Ethernet destination pushed.
        7 TCA_VLAN_PUSH_ETH_DST push_eth_dst => PushEthDst(Bytes<'a>),
        /// The Ethernet source pushed.
        8 TCA_VLAN_PUSH_ETH_SRC push_eth_src => PushEthSrc(Bytes<'a>),
    }
}

attr_set! {
    /// A `skbedit` option (`TCA_SKBEDIT_*`).
    pub enum SkbeditAttr {
        /// Times.
        1 TCA_SKBEDIT_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_skbedit`, a [`TcGen`]).
        2 TCA_SKBEDIT_PARMS parms => Parms(TcGen<O>),
        /// The priority set (a class handle).
        3 TCA_SKBEDIT_PRIORITY priority => Priority(super::TcHandle),
        /// The queue mapping set.
        4 TCA_SKBEDIT_QUEUE_MAPPING queue_mapping => QueueMapping(u16),
        /// The mark set.
        5 TCA_SKBEDIT_MARK mark => Mark(u32),
        /// Padding.
        6 TCA_SKBEDIT_PAD pad => Pad(Bytes<'a>),
        /// The packet type set.
        7 TCA_SKBEDIT_PTYPE ptype => Ptype(u16),
        /// The mask of the mark.
        8 TCA_SKBEDIT_MASK mask => Mask(u32),
        /// `SKBEDIT_F_*` flags.
        9 TCA_SKBEDIT_FLAGS flags => Flags(u64),
        /// The top of the queue-mapping range.
        10 TCA_SKBEDIT_QUEUE_MAPPING_MAX queue_mapping_max => QueueMappingMax(u16),
    }
}

struct_payload! {
    /// `struct tc_tunnel_key` (`TCA_TUNNEL_KEY_PARMS`).
    pub struct TcTunnelKey<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `t_action`: `TCA_TUNNEL_KEY_ACT_SET` (1) or `_RELEASE` (2).
        t_action: I32<O>,
    }
}

attr_set! {
    /// A Geneve option (`TCA_TUNNEL_KEY_ENC_OPT_GENEVE_*`,
    /// `TCA_FLOWER_KEY_ENC_OPT_GENEVE_*`: the same ids).
    pub enum GeneveOptAttr {
        /// The option class, network order.
        1 TCA_TUNNEL_KEY_ENC_OPT_GENEVE_CLASS class => Class(Be16),
        /// The option type.
        2 TCA_TUNNEL_KEY_ENC_OPT_GENEVE_TYPE type_ => Type(u8),
        /// The option data (a multiple of 4 bytes).
        3 TCA_TUNNEL_KEY_ENC_OPT_GENEVE_DATA data => Data(Bytes<'a>),
    }
}

attr_set! {
    /// A VXLAN option (`TCA_TUNNEL_KEY_ENC_OPT_VXLAN_*`).
    pub enum VxlanOptAttr {
        /// The group-based policy id.
        1 TCA_TUNNEL_KEY_ENC_OPT_VXLAN_GBP gbp => Gbp(u32),
    }
}

attr_set! {
    /// An ERSPAN option (`TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_*`).
    pub enum ErspanOptAttr {
        /// The version.
        1 TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_VER ver => Ver(u8),
        /// The index (version 1), network order.
        2 TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_INDEX index => Index(Be32),
        /// The direction (version 2).
        3 TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_DIR dir => Dir(u8),
        /// The hardware id (version 2).
        4 TCA_TUNNEL_KEY_ENC_OPT_ERSPAN_HWID hwid => Hwid(u8),
    }
}

attr_set! {
    /// Tunnel options (`TCA_TUNNEL_KEY_ENC_OPTS_*`).
    pub enum TunnelKeyEncOptsAttr {
        /// A Geneve option (repeated for several).
        1 TCA_TUNNEL_KEY_ENC_OPTS_GENEVE geneve => Geneve(Nest<'a, O, GeneveOptAttr<'a, O>>) nest GeneveOptAttr,
        /// VXLAN options.
        2 TCA_TUNNEL_KEY_ENC_OPTS_VXLAN vxlan => Vxlan(Nest<'a, O, VxlanOptAttr<'a, O>>) nest VxlanOptAttr,
        /// ERSPAN options.
        3 TCA_TUNNEL_KEY_ENC_OPTS_ERSPAN erspan => Erspan(Nest<'a, O, ErspanOptAttr<'a, O>>) nest ErspanOptAttr,
    }
}

attr_set! {
    /// A `tunnel_key` option (`TCA_TUNNEL_KEY_*`).
    pub enum TunnelKeyAttr {
        /// Times.
        1 TCA_TUNNEL_KEY_TM tm => Tm(Tcft<O>),
        /// The parameters.
        2 TCA_TUNNEL_KEY_PARMS parms => Parms(TcTunnelKey<O>),
        /// The outer IPv4 source.
        3 TCA_TUNNEL_KEY_ENC_IPV4_SRC enc_ipv4_src => EncIpv4Src(Ipv4Addr),
        /// The outer IPv4 destination.
        4 TCA_TUNNEL_KEY_ENC_IPV4_DST enc_ipv4_dst => EncIpv4Dst(Ipv4Addr),
        /// The outer IPv6 source.
        5 TCA_TUNNEL_KEY_ENC_IPV6_SRC enc_ipv6_src => EncIpv6Src(Ipv6Addr),
        /// The outer IPv6 destination.
        6 TCA_TUNNEL_KEY_ENC_IPV6_DST enc_ipv6_dst => EncIpv6Dst(Ipv6Addr),
        /// The key id (VNI), a 32-bit big-endian value.
        7 TCA_TUNNEL_KEY_ENC_KEY_ID enc_key_id => EncKeyId(Be32),
        /// Padding.
        8 TCA_TUNNEL_KEY_PAD pad => Pad(Bytes<'a>),
        /// The outer UDP destination port, network order.
        9 TCA_TUNNEL_KEY_ENC_DST_PORT enc_dst_port => EncDstPort(Be16),
        /// No UDP checksum.
        10 TCA_TUNNEL_KEY_NO_CSUM no_csum => NoCsum(u8),
        /// Tunnel options.
        11 TCA_TUNNEL_KEY_ENC_OPTS enc_opts => EncOpts(Nest<'a, O, TunnelKeyEncOptsAttr<'a, O>>) nest TunnelKeyEncOptsAttr,
        /// The outer TOS.
        12 TCA_TUNNEL_KEY_ENC_TOS enc_tos => EncTos(u8),
        /// The outer TTL.
        13 TCA_TUNNEL_KEY_ENC_TTL enc_ttl => EncTtl(u8),
        /// Do not fragment.
        14 TCA_TUNNEL_KEY_NO_FRAG no_frag => NoFrag(Flag),
    }
}

select_table! {
    /// An action's options (`TCA_ACT_OPTIONS`), by `TCA_ACT_KIND`.
    pub enum ActOptions by sibling TCA_ACT_KIND: str {
        /// Generic verdicts (`pass`, `drop`, …).
        "gact" ACT_GACT gact => Gact(GactAttr),
        /// Mirror or redirect to a device.
        "mirred" ACT_MIRRED mirred => Mirred(MirredAttr),
        /// A policer.
        "police" ACT_POLICE police => Police(PoliceAttr),
        /// Push, pop or modify a VLAN tag.
        "vlan" ACT_VLAN vlan => Vlan(VlanAttr),
        /// Edit the packet's metadata.
        "skbedit" ACT_SKBEDIT skbedit => Skbedit(SkbeditAttr),
        /// Set or release tunnel metadata.
        "tunnel_key" ACT_TUNNEL_KEY tunnel_key => TunnelKey(TunnelKeyAttr),
    }
}

attr_set! {
    /// One action (`TCA_ACT_*`).
    pub enum ActAttr {
        /// The kind (`"mirred"`, …), which selects the options.
        1 TCA_ACT_KIND kind => Kind(&'a str),
        /// The kind's options.
        2 TCA_ACT_OPTIONS options => Options(ActOptions<'a, O>) select ActOptions,
        /// The index in the kind's table.
        3 TCA_ACT_INDEX index => Index(u32),
        /// Statistics.
        4 TCA_ACT_STATS stats => Stats(Nest<'a, O, StatsAttr<'a, O>>) nest StatsAttr,
        /// Padding.
        5 TCA_ACT_PAD pad => Pad(Bytes<'a>),
        /// The user's cookie (up to 16 bytes).
        6 TCA_ACT_COOKIE cookie => Cookie(Bytes<'a>),
        /// `TCA_ACT_FLAGS_*`.
        7 TCA_ACT_FLAGS flags => Flags(Bitfield32<O>),
        /// The hardware statistics types wanted (`TCA_ACT_HW_STATS_*`).
        8 TCA_ACT_HW_STATS hw_stats => HwStats(Bitfield32<O>),
        /// The hardware statistics types in use.
        9 TCA_ACT_USED_HW_STATS used_hw_stats => UsedHwStats(Bitfield32<O>),
        /// How many devices offload it.
        10 TCA_ACT_IN_HW_COUNT in_hw_count => InHwCount(u32),
    }
}
