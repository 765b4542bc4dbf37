//! Actions (`TCA_ACT_*`): one entry of an action list, inside a filter
//! (`TCA_U32_ACT`, `TCA_FLOWER_ACT`, …) or standalone (`TCA_ROOT_TAB` of
//! `RTM_*ACTION`), its options selected by `TCA_ACT_KIND`
//! ([`ActOptions`]). Every action's parameters begin with [`TcGen`].

use core::net::{Ipv4Addr, Ipv6Addr};

use super::stats::StatsAttr;
use super::Bitfield32;
use crate::typed::{Be16, Be32, Bytes, Counted, CountedHead, Flag, Nest};
use crate::wire::{ByteOrder, NativeEndian, I32, U16, U32, U64};

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

/// `TCA_ACT_FLAGS_NO_PERCPU_STATS`: the action keeps its statistics in one
/// place, not per CPU (a bit of `TCA_ACT_FLAGS`).
pub const TCA_ACT_FLAGS_NO_PERCPU_STATS: u32 = 1;
/// `TCA_ACT_FLAGS_SKIP_HW`: not offloaded to hardware.
pub const TCA_ACT_FLAGS_SKIP_HW: u32 = 1 << 1;
/// `TCA_ACT_FLAGS_SKIP_SW`: run in hardware only.
pub const TCA_ACT_FLAGS_SKIP_SW: u32 = 1 << 2;
/// `SKBEDIT_F_INHERITDSFIELD` (a bit of `TCA_SKBEDIT_FLAGS`): the priority
/// is taken from the packet's DS field.
pub const SKBEDIT_F_INHERITDSFIELD: u64 = 0x20;

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

struct_payload! {
    /// `struct tc_connmark` (`TCA_CONNMARK_PARMS`), 24 bytes.
    pub struct TcConnmark<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `zone`: the conntrack zone.
        zone: U16<O>,
        /// The struct's padding to 4 bytes.
        pad: [u8; 2],
    }
}

attr_set! {
    /// A `connmark` option (`TCA_CONNMARK_*`).
    pub enum ConnmarkAttr {
        /// The parameters.
        1 TCA_CONNMARK_PARMS parms => Parms(TcConnmark<O>),
        /// Times.
        2 TCA_CONNMARK_TM tm => Tm(Tcft<O>),
        /// Padding.
        3 TCA_CONNMARK_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_csum` (`TCA_CSUM_PARMS`).
    pub struct TcCsum<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `update_flags`: `TCA_CSUM_UPDATE_FLAG_*`.
        update_flags: U32<O>,
    }
}

attr_set! {
    /// A `csum` option (`TCA_CSUM_*`).
    pub enum CsumAttr {
        /// The parameters.
        1 TCA_CSUM_PARMS parms => Parms(TcCsum<O>),
        /// Times.
        2 TCA_CSUM_TM tm => Tm(Tcft<O>),
        /// Padding.
        3 TCA_CSUM_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_nat` (`TCA_NAT_PARMS`).
    pub struct TcNat<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `old_addr`, network order.
        old_addr: [u8; 4],
        /// `new_addr`, network order.
        new_addr: [u8; 4],
        /// `mask`, network order.
        mask: [u8; 4],
        /// `flags`: `TCA_NAT_FLAG_EGRESS`.
        flags: U32<O>,
    }
}

attr_set! {
    /// A `nat` option (`TCA_NAT_*`).
    pub enum NatAttr {
        /// The parameters.
        1 TCA_NAT_PARMS parms => Parms(TcNat<O>),
        /// Times.
        2 TCA_NAT_TM tm => Tm(Tcft<O>),
        /// Padding.
        3 TCA_NAT_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_skbmod` (`TCA_SKBMOD_PARMS`), 32 bytes on 64-bit hosts.
    pub struct TcSkbmod<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// The padding before the 64-bit field (64-bit hosts).
        pad: [u8; 4],
        /// `flags`: `SKBMOD_F_*`.
        flags: U64<O>,
    }
}

attr_set! {
    /// A `skbmod` option (`TCA_SKBMOD_*`).
    pub enum SkbmodAttr {
        /// Times.
        1 TCA_SKBMOD_TM tm => Tm(Tcft<O>),
        /// The parameters.
        2 TCA_SKBMOD_PARMS parms => Parms(TcSkbmod<O>),
        /// The destination MAC set.
        3 TCA_SKBMOD_DMAC dmac => Dmac(Bytes<'a>),
        /// The source MAC set.
        4 TCA_SKBMOD_SMAC smac => Smac(Bytes<'a>),
        /// The ethertype set.
        5 TCA_SKBMOD_ETYPE etype => Etype(u16),
        /// Padding.
        6 TCA_SKBMOD_PAD pad => Pad(Bytes<'a>),
    }
}

attr_set! {
    /// A `simple` option (`TCA_DEF_*`).
    pub enum SimpleAttr {
        /// Times.
        1 TCA_DEF_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_defact`).
        2 TCA_DEF_PARMS parms => Parms(TcGen<O>),
        /// The string printed.
        3 TCA_DEF_DATA data => Data(&'a str),
        /// Padding.
        4 TCA_DEF_PAD pad => Pad(Bytes<'a>),
    }
}

attr_set! {
    /// A `sample` option (`TCA_SAMPLE_*`).
    pub enum SampleAttr {
        /// Times.
        1 TCA_SAMPLE_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_sample`).
        2 TCA_SAMPLE_PARMS parms => Parms(TcGen<O>),
        /// One packet in this many.
        3 TCA_SAMPLE_RATE rate => Rate(u32),
        /// The size samples are cut to.
        4 TCA_SAMPLE_TRUNC_SIZE trunc_size => TruncSize(u32),
        /// The psample group.
        5 TCA_SAMPLE_PSAMPLE_GROUP psample_group => PsampleGroup(u32),
        /// Padding.
        6 TCA_SAMPLE_PAD pad => Pad(Bytes<'a>),
    }
}

struct_payload! {
    /// `struct tc_mpls` (`TCA_MPLS_PARMS`).
    pub struct TcMpls<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `m_action`: `TCA_MPLS_ACT_*`.
        m_action: I32<O>,
    }
}

attr_set! {
    /// An `mpls` option (`TCA_MPLS_*`).
    pub enum MplsAttr {
        /// Times.
        1 TCA_MPLS_TM tm => Tm(Tcft<O>),
        /// The parameters.
        2 TCA_MPLS_PARMS parms => Parms(TcMpls<O>),
        /// Padding.
        3 TCA_MPLS_PAD pad => Pad(Bytes<'a>),
        /// The ethertype of the packet, network order.
        4 TCA_MPLS_PROTO proto => Proto(Be16),
        /// The label.
        5 TCA_MPLS_LABEL label => Label(u32),
        /// The traffic class.
        6 TCA_MPLS_TC tc => Tc(u8),
        /// The TTL.
        7 TCA_MPLS_TTL ttl => Ttl(u8),
        /// The bottom-of-stack bit.
        8 TCA_MPLS_BOS bos => Bos(u8),
    }
}

attr_set! {
    /// A `ctinfo` option (`TCA_CTINFO_*`).
    pub enum CtinfoAttr {
        /// Padding.
        1 TCA_CTINFO_PAD pad => Pad(Bytes<'a>),
        /// Times.
        2 TCA_CTINFO_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_ctinfo`).
        3 TCA_CTINFO_ACT act => Act(TcGen<O>),
        /// The conntrack zone.
        4 TCA_CTINFO_ZONE zone => Zone(u16),
        /// The mask of the DSCP bits in the mark.
        5 TCA_CTINFO_PARMS_DSCP_MASK parms_dscp_mask => ParmsDscpMask(u32),
        /// The mask of the bits saying the DSCP is valid.
        6 TCA_CTINFO_PARMS_DSCP_STATEMASK parms_dscp_statemask => ParmsDscpStatemask(u32),
        /// The mask of the mark copied.
        7 TCA_CTINFO_PARMS_CPMARK_MASK parms_cpmark_mask => ParmsCpmarkMask(u32),
        /// Packets whose DSCP was set.
        8 TCA_CTINFO_STATS_DSCP_SET stats_dscp_set => StatsDscpSet(u64),
        /// Packets whose DSCP could not be set.
        9 TCA_CTINFO_STATS_DSCP_ERROR stats_dscp_error => StatsDscpError(u64),
        /// Packets whose mark was set.
        10 TCA_CTINFO_STATS_CPMARK_SET stats_cpmark_set => StatsCpmarkSet(u64),
    }
}

attr_set! {
    /// A `bpf` action option (`TCA_ACT_BPF_*`).
    pub enum ActBpfAttr {
        /// Times.
        1 TCA_ACT_BPF_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_act_bpf`).
        2 TCA_ACT_BPF_PARMS parms => Parms(TcGen<O>),
        /// The number of classic BPF instructions.
        3 TCA_ACT_BPF_OPS_LEN ops_len => OpsLen(u16),
        /// The classic BPF program.
        4 TCA_ACT_BPF_OPS ops => Ops(crate::typed::StructArray<'a, super::filter::SockFilter<O>>),
        /// An eBPF program's file descriptor (a request).
        5 TCA_ACT_BPF_FD fd => Fd(u32),
        /// The eBPF program's name.
        6 TCA_ACT_BPF_NAME name => Name(&'a str),
        /// Padding.
        7 TCA_ACT_BPF_PAD pad => Pad(Bytes<'a>),
        /// The eBPF program's tag.
        8 TCA_ACT_BPF_TAG tag => Tag(Bytes<'a>),
        /// The eBPF program's id.
        9 TCA_ACT_BPF_ID id => Id(u32),
    }
}

attr_set! {
    /// A `ct` option (`TCA_CT_*`).
    pub enum CtAttr {
        /// The parameters (`struct tc_ct`).
        1 TCA_CT_PARMS parms => Parms(TcGen<O>),
        /// Times.
        2 TCA_CT_TM tm => Tm(Tcft<O>),
        /// `TCA_CT_ACT_*` bits.
        3 TCA_CT_ACTION action => Action(u16),
        /// The conntrack zone.
        4 TCA_CT_ZONE zone => Zone(u16),
        /// The mark set.
        5 TCA_CT_MARK mark => Mark(u32),
        /// Its mask.
        6 TCA_CT_MARK_MASK mark_mask => MarkMask(u32),
        /// The labels set (16 bytes).
        7 TCA_CT_LABELS labels => Labels(Bytes<'a>),
        /// Their mask.
        8 TCA_CT_LABELS_MASK labels_mask => LabelsMask(Bytes<'a>),
        /// The NAT range's first IPv4 address.
        9 TCA_CT_NAT_IPV4_MIN nat_ipv4_min => NatIpv4Min(Ipv4Addr),
        /// Its last.
        10 TCA_CT_NAT_IPV4_MAX nat_ipv4_max => NatIpv4Max(Ipv4Addr),
        /// The NAT range's first IPv6 address.
        11 TCA_CT_NAT_IPV6_MIN nat_ipv6_min => NatIpv6Min(Ipv6Addr),
        /// Its last.
        12 TCA_CT_NAT_IPV6_MAX nat_ipv6_max => NatIpv6Max(Ipv6Addr),
        /// The NAT range's first port, network order.
        13 TCA_CT_NAT_PORT_MIN nat_port_min => NatPortMin(Be16),
        /// Its last.
        14 TCA_CT_NAT_PORT_MAX nat_port_max => NatPortMax(Be16),
        /// Padding.
        15 TCA_CT_PAD pad => Pad(Bytes<'a>),
        /// The helper's name.
        16 TCA_CT_HELPER_NAME helper_name => HelperName(&'a str),
        /// The helper's family.
        17 TCA_CT_HELPER_FAMILY helper_family => HelperFamily(u8),
        /// The helper's protocol.
        18 TCA_CT_HELPER_PROTO helper_proto => HelperProto(u8),
    }
}

// ---- pedit ----

zc_struct! {
    /// `struct tc_pedit_sel`'s head (`TCA_PEDIT_PARMS`, `_PARMS_EX`),
    /// before its `nkeys` keys.
    pub struct TcPeditSelHdr<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `nkeys`: how many [`TcPeditKey`] follow.
        nkeys: u8,
        /// `flags`.
        flags: u8,
        /// The padding before the keys.
        pad: [u8; 2],
    }
}

impl<O: ByteOrder> CountedHead for TcPeditSelHdr<O> {
    fn count(&self) -> usize {
        self.nkeys.into()
    }
    fn set_count(&mut self, n: u8) {
        self.nkeys = n;
    }
}

zc_struct! {
    /// `struct tc_pedit_key`: one 32-bit edit.
    pub struct TcPeditKey<O> {
        /// `mask`: the bits kept (AND).
        mask: U32<O>,
        /// `val`: the bits set (XOR).
        val: U32<O>,
        /// `off`: the offset of the word edited.
        off: U32<O>,
        /// `at`: where a variable offset is read.
        at: U32<O>,
        /// `offmask`.
        offmask: U32<O>,
        /// `shift`.
        shift: U32<O>,
    }
}

/// `TCA_PEDIT_PARMS` / `TCA_PEDIT_PARMS_EX`: a `tc_pedit_sel` and its
/// keys (a key count that disagrees with the length is kept invalid, with
/// its offset and path).
pub type PeditSel<'a, O = NativeEndian> = Counted<'a, TcPeditSelHdr<O>, TcPeditKey<O>>;

attr_set! {
    /// A `pedit` option (`TCA_PEDIT_*`); `TCA_PEDIT_KEYS_EX` is a nest of
    /// `TCA_PEDIT_KEY_EX` of this set, one per key.
    pub enum PeditAttr {
        /// Times.
        1 TCA_PEDIT_TM tm => Tm(Tcft<O>),
        /// The parameters and keys.
        2 TCA_PEDIT_PARMS parms => Parms(PeditSel<'a, O>),
        /// Padding.
        3 TCA_PEDIT_PAD pad => Pad(Bytes<'a>),
        /// The parameters and keys, with extended keys following.
        4 TCA_PEDIT_PARMS_EX parms_ex => ParmsEx(PeditSel<'a, O>),
        /// The extended keys.
        5 TCA_PEDIT_KEYS_EX keys_ex => KeysEx(Nest<'a, O, PeditAttr<'a, O>>) nest PeditAttr,
        /// One extended key.
        6 TCA_PEDIT_KEY_EX key_ex => KeyEx(Nest<'a, O, PeditKeyExAttr<'a, O>>) nest PeditKeyExAttr,
    }
}

attr_set! {
    /// An extended `pedit` key (`TCA_PEDIT_KEY_EX_*`).
    pub enum PeditKeyExAttr {
        /// `TCA_PEDIT_KEY_EX_HDR_TYPE_*`: the header the offset is in.
        1 TCA_PEDIT_KEY_EX_HTYPE htype => Htype(u16),
        /// `TCA_PEDIT_KEY_EX_CMD_*`: set or add.
        2 TCA_PEDIT_KEY_EX_CMD cmd => Cmd(u16),
    }
}

// ---- gate ----

attr_set! {
    /// A `gate` option (`TCA_GATE_*`).
    pub enum GateAttr {
        /// Times.
        1 TCA_GATE_TM tm => Tm(Tcft<O>),
        /// The parameters (`struct tc_gate`, a [`TcGen`]).
        2 TCA_GATE_PARMS parms => Parms(TcGen<O>),
        /// Padding.
        3 TCA_GATE_PAD pad => Pad(Bytes<'a>),
        /// The priority.
        4 TCA_GATE_PRIORITY priority => Priority(i32),
        /// The schedule's entries.
        5 TCA_GATE_ENTRY_LIST entry_list => EntryList(Nest<'a, O, GateEntryListAttr<'a, O>>) nest GateEntryListAttr,
        /// The schedule's start, nanoseconds.
        6 TCA_GATE_BASE_TIME base_time => BaseTime(u64),
        /// The cycle, nanoseconds.
        7 TCA_GATE_CYCLE_TIME cycle_time => CycleTime(u64),
        /// The cycle's extension, nanoseconds.
        8 TCA_GATE_CYCLE_TIME_EXT cycle_time_ext => CycleTimeExt(u64),
        /// Flags.
        9 TCA_GATE_FLAGS flags => Flags(u32),
        /// The clock (`CLOCK_*`).
        10 TCA_GATE_CLOCKID clockid => Clockid(i32),
    }
}

attr_set! {
    /// An entry of `TCA_GATE_ENTRY_LIST` (`TCA_GATE_ONE_ENTRY_*`).
    pub enum GateEntryListAttr {
        /// One entry.
        1 TCA_GATE_ONE_ENTRY entry => Entry(Nest<'a, O, GateEntryAttr<'a, O>>) nest GateEntryAttr,
    }
}

attr_set! {
    /// One `gate` schedule entry (`TCA_GATE_ENTRY_*`).
    pub enum GateEntryAttr {
        /// Its position.
        1 TCA_GATE_ENTRY_INDEX index => Index(u32),
        /// Present when the gate is open.
        2 TCA_GATE_ENTRY_GATE gate => Gate(Flag),
        /// How long, nanoseconds.
        3 TCA_GATE_ENTRY_INTERVAL interval => Interval(u32),
        /// The internal priority value (-1: none).
        4 TCA_GATE_ENTRY_IPV ipv => Ipv(i32),
        /// The most octets let through (-1: no limit).
        5 TCA_GATE_ENTRY_MAX_OCTETS max_octets => MaxOctets(i32),
    }
}

// ---- ife ----

struct_payload! {
    /// `struct tc_ife` (`TCA_IFE_PARMS`), 24 bytes.
    pub struct TcIfe<O> {
        /// `tc_gen`.
        gen: TcGen<O>,
        /// `flags`: `IFE_ENCODE` (1) or `IFE_DECODE` (0).
        flags: U16<O>,
        /// The struct's padding to 4 bytes.
        pad: [u8; 2],
    }
}

/// An `IFE_META_*` value: empty (the kind is allowed, with no value of its
/// own), or a 16- or 32-bit value. The width is kept so it re-encodes as
/// received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IfeMeta {
    /// No value.
    Empty,
    /// A 16-bit value (`IFE_META_QMAP`, `_TCINDEX`).
    U16(u16),
    /// A 32-bit value (`IFE_META_SKBMARK`, `_PRIO`, `_HASHID`).
    U32(u32),
}

impl<'a, O: ByteOrder> crate::typed::AttrPayload<'a, O> for IfeMeta {
    fn decode(attr: &crate::wire::Attr<'a, O>, _: &crate::typed::Ctx<'a>) -> Result<Self, crate::wire::DecodeError> {
        match attr.payload().len() {
            0 => Ok(IfeMeta::Empty),
            2 => attr.u16().map(IfeMeta::U16),
            _ => attr.u32().map(IfeMeta::U32),
        }
    }
    fn emit<B: crate::wire::Buffer>(
        &self,
        id: u16,
        w: &mut crate::wire::Writer<B, O>,
    ) -> Result<(), crate::wire::EncodeError> {
        match *self {
            IfeMeta::Empty => w.attr_flag(id),
            IfeMeta::U16(v) => w.attr_u16(id, v),
            IfeMeta::U32(v) => w.attr_u32(id, v),
        }
    }
}

impl crate::wire::visit::Render for IfeMeta {
    /// `true` for an empty value, else the number.
    fn render<R: crate::wire::visit::Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        use crate::wire::visit::Value;
        match *self {
            IfeMeta::Empty => r.value(Value::True),
            IfeMeta::U16(v) => r.value(Value::U64(v.into())),
            IfeMeta::U32(v) => r.value(Value::U64(v.into())),
        }
    }
}

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for IfeMeta {
    fn arbitrary_attr<B: crate::wire::Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut crate::wire::Writer<B, O>,
    ) -> arbitrary::Result<()> {
        crate::typed::gen::enc(match u.int_in_range(0..=2u8)? {
            0 => w.attr_flag(id),
            1 => w.attr_u16(id, u.arbitrary()?),
            _ => w.attr_u32(id, u.arbitrary()?),
        })
    }
}

attr_set! {
    /// The metadata `ife` carries (`TCA_IFE_METALST`: `IFE_META_*`).
    pub enum IfeMetaAttr {
        /// The packet mark.
        1 IFE_META_SKBMARK skbmark => Skbmark(IfeMeta),
        /// The flow hash.
        2 IFE_META_HASHID hashid => Hashid(IfeMeta),
        /// The priority.
        3 IFE_META_PRIO prio => Prio(IfeMeta),
        /// The queue mapping.
        4 IFE_META_QMAP qmap => Qmap(IfeMeta),
        /// The tc index.
        5 IFE_META_TCINDEX tcindex => Tcindex(IfeMeta),
    }
}

attr_set! {
    /// An `ife` option (`TCA_IFE_*`).
    pub enum IfeAttr {
        /// The parameters.
        1 TCA_IFE_PARMS parms => Parms(TcIfe<O>),
        /// Times.
        2 TCA_IFE_TM tm => Tm(Tcft<O>),
        /// The destination MAC of the encapsulation.
        3 TCA_IFE_DMAC dmac => Dmac(Bytes<'a>),
        /// The source MAC.
        4 TCA_IFE_SMAC smac => Smac(Bytes<'a>),
        /// The EtherType.
        5 TCA_IFE_TYPE ether_type => Type(u16),
        /// The metadata carried.
        6 TCA_IFE_METALST metalst => Metalst(Nest<'a, O, IfeMetaAttr<'a, O>>) nest IfeMetaAttr,
        /// Padding.
        7 TCA_IFE_PAD pad => Pad(Bytes<'a>),
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
        /// Restore the packet mark from conntrack.
        "connmark" ACT_CONNMARK connmark => Connmark(ConnmarkAttr),
        /// Recompute checksums.
        "csum" ACT_CSUM csum => Csum(CsumAttr),
        /// Stateless NAT.
        "nat" ACT_NAT nat => Nat(NatAttr),
        /// Rewrite Ethernet fields.
        "skbmod" ACT_SKBMOD skbmod => Skbmod(SkbmodAttr),
        /// Print a string.
        "simple" ACT_SIMPLE simple => Simple(SimpleAttr),
        /// Sample packets to psample.
        "sample" ACT_SAMPLE sample => Sample(SampleAttr),
        /// Push, pop or modify MPLS labels.
        "mpls" ACT_MPLS mpls => Mpls(MplsAttr),
        /// Restore DSCP or mark from conntrack.
        "ctinfo" ACT_CTINFO ctinfo => Ctinfo(CtinfoAttr),
        /// A BPF program as an action.
        "bpf" ACT_BPF bpf => Bpf(ActBpfAttr),
        /// Connection tracking.
        "ct" ACT_CT ct => Ct(CtAttr),
        /// Edit packet bytes.
        "pedit" ACT_PEDIT pedit => Pedit(PeditAttr),
        /// Time-based gating (802.1Qci).
        "gate" ACT_GATE gate => Gate(GateAttr),
        /// Inter-FE encapsulation of metadata.
        "ife" ACT_IFE ife => Ife(IfeAttr),
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
