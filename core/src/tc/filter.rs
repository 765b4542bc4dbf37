//! The classifiers' options (`TCA_OPTIONS` of `RTM_*TFILTER` and of chain
//! templates, by `TCA_KIND`: [`FilterOptions`]). Each classifier's actions
//! are an [`ActionList`]; its `*_POLICE` holds [`PoliceAttr`] directly.

use core::net::{Ipv4Addr, Ipv6Addr};

use super::action::PoliceAttr;
use super::{write_actions, ActionList, ActionsScope, TcHandle};
use crate::typed::{AttrPayload, Be16, Be32, Be64, Bytes, Counted, CountedHead, Ctx, IndexedNest, Nest, StructArray};
use crate::wire::visit::{MapRenderer, Render, Renderer};
use crate::wire::{
    Attr, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, NativeEndian, NetworkEndian, Writer, I16, I32,
    U16, U32, U64,
};

/// The builder of a classifier's action list attribute (`TCA_*_ACT`).
macro_rules! act_builder {
    ($set:ident, $id:ident, $name:ident) => {
        impl<'w, B: Buffer, O: ByteOrder> crate::typed::Scope<'w, B, O, $set<'static, O>> {
            #[doc = concat!("Writes `", stringify!($id), "`: `f` adds the actions, in order (the list and each action's nest flagged `NLA_F_NESTED` as the scope's nests are, see [`nests_flagged`](crate::typed::Scope::nests_flagged)).")]
            pub fn $name(
                &mut self,
                f: impl FnOnce(&mut ActionsScope<'_, B, O>) -> Result<(), EncodeError>,
            ) -> Result<&mut Self, EncodeError> {
                let flagged = self.flags_nests();
                write_actions(self.writer(), $id, flagged, f)?;
                Ok(self)
            }
        }
    };
}

// ---- u32 ----

zc_struct! {
    /// `struct tc_u32_sel`'s head (`struct tc_u32_sel_hdr`), before its keys.
    pub struct TcU32SelHdr<O> {
        /// `flags`: `TC_U32_TERMINAL` (1), `_OFFSET` (2), `_VAROFFSET` (4), `_EAT` (8).
        flags: u8,
        /// `offshift`.
        offshift: u8,
        /// `nkeys`: how many [`TcU32Key`] follow.
        nkeys: u8,
        /// The hole after `nkeys`.
        pad: u8,
        /// `offmask`, network order.
        offmask: U16<NetworkEndian>,
        /// `off`.
        off: U16<O>,
        /// `offoff`.
        offoff: I16<O>,
        /// `hoff`.
        hoff: I16<O>,
        /// `hmask`, network order.
        hmask: U32<NetworkEndian>,
    }
}

zc_struct! {
    /// `struct tc_u32_key`: one 32-bit match.
    pub struct TcU32Key<O> {
        /// `mask`, network order.
        mask: U32<NetworkEndian>,
        /// `val`, network order.
        val: U32<NetworkEndian>,
        /// `off`: the offset of the word matched.
        off: I32<O>,
        /// `offmask`.
        offmask: I32<O>,
    }
}

/// `TCA_U32_SEL`: a `tc_u32_sel` head and its `nkeys` keys. A selector
/// whose key count disagrees with its length does not decode (it is kept
/// verbatim as invalid, with its offset and path).
pub type U32Sel<'a, O = NativeEndian> = Counted<'a, TcU32SelHdr<O>, TcU32Key<O>>;

impl<O: ByteOrder> CountedHead for TcU32SelHdr<O> {
    fn count(&self) -> usize {
        self.nkeys.into()
    }
    fn set_count(&mut self, n: u8) {
        self.nkeys = n;
    }
}

struct_payload! {
    /// `struct tc_u32_mark` (`TCA_U32_MARK`).
    pub struct TcU32Mark<O> {
        /// `val`.
        val: U32<O>,
        /// `mask`.
        mask: U32<O>,
        /// `success`: the hits.
        success: U32<O>,
    }
}

/// `TCA_U32_PCNT`: `struct tc_u32_pcnt` (`rcnt`, `rhit`) and one `u64` hit
/// count per key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct U32Pcnt<'a, O: ByteOrder = NativeEndian> {
    bytes: &'a [u8],
    _o: core::marker::PhantomData<O>,
}

impl<'a, O: ByteOrder> U32Pcnt<'a, O> {
    fn word(&self, i: usize) -> Option<u64> {
        let b = self.bytes.get(i * 8..i * 8 + 8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(U64::<O>::from_bytes(a).get())
    }
    /// `rcnt`: lookups.
    pub fn rcnt(&self) -> u64 {
        self.word(0).unwrap_or(0)
    }
    /// `rhit`: hits.
    pub fn rhit(&self) -> u64 {
        self.word(1).unwrap_or(0)
    }
    /// The hits of each key.
    pub fn kcnts(&self) -> impl Iterator<Item = u64> + '_ {
        (2..self.bytes.len() / 8).filter_map(|i| self.word(i))
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for U32Pcnt<'a, O> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        if p.len() < 16 || !p.len().is_multiple_of(8) {
            let expected = (p.len().max(16)).div_ceil(8) * 8;
            return Err(DecodeError::new(attr.payload_offset(), DecodeErrorKind::BadLength { expected, got: p.len() }));
        }
        Ok(U32Pcnt { bytes: p, _o: Default::default() })
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.bytes)
    }
}

impl<O: ByteOrder> Render for U32Pcnt<'_, O> {
    /// `{"rcnt": n, "rhit": n, "kcnts": [...]}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        use crate::wire::visit::SeqRenderer;
        struct Kcnts<'p, 'a, O: ByteOrder>(&'p U32Pcnt<'a, O>);
        impl<O: ByteOrder> Render for Kcnts<'_, '_, O> {
            fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
                let mut s = r.seq()?;
                for k in self.0.kcnts() {
                    s.element(&k)?;
                }
                s.end()
            }
        }
        let mut m = r.map()?;
        m.entry("rcnt", &self.rcnt())?;
        m.entry("rhit", &self.rhit())?;
        m.entry("kcnts", &Kcnts(self))?;
        m.end()
    }
}

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for U32Pcnt<'_, O> {
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        let mut b = [0u8; 48];
        let n = 16 + 8 * u.int_in_range(0..=4usize)?;
        u.fill_buffer(&mut b[..n])?;
        crate::typed::gen::enc(w.attr(id, &b[..n]))
    }
}

attr_set! {
    /// A `u32` classifier option (`TCA_U32_*`).
    pub enum U32Attr {
        /// The class matching packets go to.
        1 TCA_U32_CLASSID classid => ClassId(TcHandle),
        /// The hash table and bucket of the filter (its handle's high bits).
        2 TCA_U32_HASH hash => Hash(u32),
        /// The hash table the filter links to.
        3 TCA_U32_LINK link => Link(u32),
        /// A hash table's number of buckets.
        4 TCA_U32_DIVISOR divisor => Divisor(u32),
        /// The selector and its keys.
        5 TCA_U32_SEL sel => Sel(U32Sel<'a, O>),
        /// A policer.
        6 TCA_U32_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The actions.
        7 TCA_U32_ACT act => Act(ActionList<'a, O>) custom,
        /// The input device to match.
        8 TCA_U32_INDEV indev => Indev(&'a str),
        /// The counters.
        9 TCA_U32_PCNT pcnt => Pcnt(U32Pcnt<'a, O>),
        /// The mark to match.
        10 TCA_U32_MARK mark => Mark(TcU32Mark<O>),
        /// `TCA_CLS_FLAGS_*`.
        11 TCA_U32_FLAGS flags => Flags(u32),
        /// Padding.
        12 TCA_U32_PAD pad => Pad(Bytes<'a>),
    }
}
act_builder!(U32Attr, TCA_U32_ACT, act);

// ---- bpf ----

zc_struct! {
    /// `struct sock_filter`: one classic BPF instruction.
    pub struct SockFilter<O> {
        /// `code`.
        code: U16<O>,
        /// `jt`.
        jt: u8,
        /// `jf`.
        jf: u8,
        /// `k`.
        k: U32<O>,
    }
}

attr_set! {
    /// A `bpf` classifier option (`TCA_BPF_*`).
    pub enum BpfAttr {
        /// The actions.
        1 TCA_BPF_ACT act => Act(ActionList<'a, O>) custom,
        /// A policer.
        2 TCA_BPF_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The class matching packets go to.
        3 TCA_BPF_CLASSID classid => ClassId(TcHandle),
        /// The number of classic BPF instructions.
        4 TCA_BPF_OPS_LEN ops_len => OpsLen(u16),
        /// The classic BPF program.
        5 TCA_BPF_OPS ops => Ops(StructArray<'a, SockFilter<O>>),
        /// An eBPF program's file descriptor (a request).
        6 TCA_BPF_FD fd => Fd(u32),
        /// The eBPF program's name.
        7 TCA_BPF_NAME name => Name(&'a str),
        /// `TCA_BPF_FLAG_ACT_DIRECT`.
        8 TCA_BPF_FLAGS flags => Flags(u32),
        /// `TCA_CLS_FLAGS_*`.
        9 TCA_BPF_FLAGS_GEN flags_gen => FlagsGen(u32),
        /// The eBPF program's tag (8 bytes).
        10 TCA_BPF_TAG tag => Tag(Bytes<'a>),
        /// The eBPF program's id.
        11 TCA_BPF_ID id => Id(u32),
    }
}
act_builder!(BpfAttr, TCA_BPF_ACT, act);

// ---- matchall ----

struct_payload! {
    /// `struct tc_matchall_pcnt` (`TCA_MATCHALL_PCNT`).
    pub struct TcMatchallPcnt<O> {
        /// `rhit`: hits.
        rhit: U64<O>,
    }
}

attr_set! {
    /// A `matchall` classifier option (`TCA_MATCHALL_*`).
    pub enum MatchallAttr {
        /// The class matching packets go to.
        1 TCA_MATCHALL_CLASSID classid => ClassId(TcHandle),
        /// The actions.
        2 TCA_MATCHALL_ACT act => Act(ActionList<'a, O>) custom,
        /// `TCA_CLS_FLAGS_*`.
        3 TCA_MATCHALL_FLAGS flags => Flags(u32),
        /// The hits.
        4 TCA_MATCHALL_PCNT pcnt => Pcnt(TcMatchallPcnt<O>),
        /// Padding.
        5 TCA_MATCHALL_PAD pad => Pad(Bytes<'a>),
    }
}
act_builder!(MatchallAttr, TCA_MATCHALL_ACT, act);

// ---- flower ----

attr_set! {
    /// A Geneve option key of `flower` (`TCA_FLOWER_KEY_ENC_OPT_GENEVE_*`).
    pub enum FlowerGeneveOptAttr {
        /// The option class, network order.
        1 TCA_FLOWER_KEY_ENC_OPT_GENEVE_CLASS class => Class(Be16),
        /// The option type.
        2 TCA_FLOWER_KEY_ENC_OPT_GENEVE_TYPE type_ => Type(u8),
        /// The option data.
        3 TCA_FLOWER_KEY_ENC_OPT_GENEVE_DATA data => Data(Bytes<'a>),
    }
}

attr_set! {
    /// A VXLAN option key of `flower` (`TCA_FLOWER_KEY_ENC_OPT_VXLAN_*`).
    pub enum FlowerVxlanOptAttr {
        /// The group-based policy id.
        1 TCA_FLOWER_KEY_ENC_OPT_VXLAN_GBP gbp => Gbp(u32),
    }
}

attr_set! {
    /// An ERSPAN option key of `flower` (`TCA_FLOWER_KEY_ENC_OPT_ERSPAN_*`).
    pub enum FlowerErspanOptAttr {
        /// The version.
        1 TCA_FLOWER_KEY_ENC_OPT_ERSPAN_VER ver => Ver(u8),
        /// The index, network order.
        2 TCA_FLOWER_KEY_ENC_OPT_ERSPAN_INDEX index => Index(Be32),
        /// The direction.
        3 TCA_FLOWER_KEY_ENC_OPT_ERSPAN_DIR dir => Dir(u8),
        /// The hardware id.
        4 TCA_FLOWER_KEY_ENC_OPT_ERSPAN_HWID hwid => Hwid(u8),
    }
}

attr_set! {
    /// A GTP option key of `flower` (`TCA_FLOWER_KEY_ENC_OPT_GTP_*`).
    pub enum FlowerGtpOptAttr {
        /// The PDU type.
        1 TCA_FLOWER_KEY_ENC_OPT_GTP_PDU_TYPE pdu_type => PduType(u8),
        /// The QoS flow identifier.
        2 TCA_FLOWER_KEY_ENC_OPT_GTP_QFI qfi => Qfi(u8),
    }
}

attr_set! {
    /// A PFCP option key of `flower` (`TCA_FLOWER_KEY_ENC_OPT_PFCP_*`, Linux 6.10).
    pub enum FlowerPfcpOptAttr {
        /// The message type.
        1 TCA_FLOWER_KEY_ENC_OPT_PFCP_TYPE type_ => Type(u8),
        /// The session endpoint id, network order.
        2 TCA_FLOWER_KEY_ENC_OPT_PFCP_SEID seid => Seid(Be64),
    }
}

attr_set! {
    /// The tunnel option keys of `flower` (`TCA_FLOWER_KEY_ENC_OPTS_*`).
    pub enum FlowerEncOptsAttr {
        /// A Geneve option (repeated for several).
        1 TCA_FLOWER_KEY_ENC_OPTS_GENEVE geneve => Geneve(Nest<'a, O, FlowerGeneveOptAttr<'a, O>>) nest FlowerGeneveOptAttr,
        /// VXLAN options.
        2 TCA_FLOWER_KEY_ENC_OPTS_VXLAN vxlan => Vxlan(Nest<'a, O, FlowerVxlanOptAttr<'a, O>>) nest FlowerVxlanOptAttr,
        /// ERSPAN options.
        3 TCA_FLOWER_KEY_ENC_OPTS_ERSPAN erspan => Erspan(Nest<'a, O, FlowerErspanOptAttr<'a, O>>) nest FlowerErspanOptAttr,
        /// GTP options.
        4 TCA_FLOWER_KEY_ENC_OPTS_GTP gtp => Gtp(Nest<'a, O, FlowerGtpOptAttr<'a, O>>) nest FlowerGtpOptAttr,
        /// PFCP options.
        5 TCA_FLOWER_KEY_ENC_OPTS_PFCP pfcp => Pfcp(Nest<'a, O, FlowerPfcpOptAttr<'a, O>>) nest FlowerPfcpOptAttr,
    }
}

attr_set! {
    /// One MPLS label stack entry key of `flower` (`TCA_FLOWER_KEY_MPLS_OPT_LSE_*`).
    pub enum FlowerMplsLseAttr {
        /// The depth in the stack (from 1).
        1 TCA_FLOWER_KEY_MPLS_OPT_LSE_DEPTH depth => Depth(u8),
        /// The TTL.
        2 TCA_FLOWER_KEY_MPLS_OPT_LSE_TTL ttl => Ttl(u8),
        /// The bottom-of-stack bit.
        3 TCA_FLOWER_KEY_MPLS_OPT_LSE_BOS bos => Bos(u8),
        /// The traffic class.
        4 TCA_FLOWER_KEY_MPLS_OPT_LSE_TC tc => Tc(u8),
        /// The label.
        5 TCA_FLOWER_KEY_MPLS_OPT_LSE_LABEL label => Label(u32),
    }
}

attr_set! {
    /// The MPLS keys of `flower` (`TCA_FLOWER_KEY_MPLS_OPTS_*`).
    pub enum FlowerMplsOptsAttr {
        /// One label stack entry (repeated).
        1 TCA_FLOWER_KEY_MPLS_OPTS_LSE lse => Lse(Nest<'a, O, FlowerMplsLseAttr<'a, O>>) nest FlowerMplsLseAttr,
    }
}

attr_set! {
    /// The CFM keys of `flower` (`TCA_FLOWER_KEY_CFM_*`).
    pub enum FlowerCfmAttr {
        /// The maintenance domain level.
        1 TCA_FLOWER_KEY_CFM_MD_LEVEL md_level => MdLevel(u8),
        /// The opcode.
        2 TCA_FLOWER_KEY_CFM_OPCODE opcode => Opcode(u8),
    }
}

attr_set! {
    /// A `flower` classifier option (`TCA_FLOWER_*`), through Linux 7.2:
    /// keys and their masks (ports, ethertypes and most tunnel fields in
    /// network order; addresses as bytes).
    pub enum FlowerAttr {
        /// The class matching packets go to.
        1 TCA_FLOWER_CLASSID classid => ClassId(super::TcHandle),
        /// The input device to match.
        2 TCA_FLOWER_INDEV indev => Indev(&'a str),
        /// The actions.
        3 TCA_FLOWER_ACT act => Act(ActionList<'a, O>) custom,
        /// The key: eth dst.
        4 TCA_FLOWER_KEY_ETH_DST key_eth_dst => KeyEthDst(Bytes<'a>),
        /// The key: eth dst mask.
        5 TCA_FLOWER_KEY_ETH_DST_MASK key_eth_dst_mask => KeyEthDstMask(Bytes<'a>),
        /// The key: eth src.
        6 TCA_FLOWER_KEY_ETH_SRC key_eth_src => KeyEthSrc(Bytes<'a>),
        /// The key: eth src mask.
        7 TCA_FLOWER_KEY_ETH_SRC_MASK key_eth_src_mask => KeyEthSrcMask(Bytes<'a>),
        /// The key: eth type.
        8 TCA_FLOWER_KEY_ETH_TYPE key_eth_type => KeyEthType(Be16),
        /// The key: ip proto.
        9 TCA_FLOWER_KEY_IP_PROTO key_ip_proto => KeyIpProto(u8),
        /// The key: ipv4 src.
        10 TCA_FLOWER_KEY_IPV4_SRC key_ipv4_src => KeyIpv4Src(Ipv4Addr),
        /// The key: ipv4 src mask.
        11 TCA_FLOWER_KEY_IPV4_SRC_MASK key_ipv4_src_mask => KeyIpv4SrcMask(Ipv4Addr),
        /// The key: ipv4 dst.
        12 TCA_FLOWER_KEY_IPV4_DST key_ipv4_dst => KeyIpv4Dst(Ipv4Addr),
        /// The key: ipv4 dst mask.
        13 TCA_FLOWER_KEY_IPV4_DST_MASK key_ipv4_dst_mask => KeyIpv4DstMask(Ipv4Addr),
        /// The key: ipv6 src.
        14 TCA_FLOWER_KEY_IPV6_SRC key_ipv6_src => KeyIpv6Src(Ipv6Addr),
        /// The key: ipv6 src mask.
        15 TCA_FLOWER_KEY_IPV6_SRC_MASK key_ipv6_src_mask => KeyIpv6SrcMask(Ipv6Addr),
        /// The key: ipv6 dst.
        16 TCA_FLOWER_KEY_IPV6_DST key_ipv6_dst => KeyIpv6Dst(Ipv6Addr),
        /// The key: ipv6 dst mask.
        17 TCA_FLOWER_KEY_IPV6_DST_MASK key_ipv6_dst_mask => KeyIpv6DstMask(Ipv6Addr),
        /// The key: tcp src.
        18 TCA_FLOWER_KEY_TCP_SRC key_tcp_src => KeyTcpSrc(Be16),
        /// The key: tcp dst.
        19 TCA_FLOWER_KEY_TCP_DST key_tcp_dst => KeyTcpDst(Be16),
        /// The key: udp src.
        20 TCA_FLOWER_KEY_UDP_SRC key_udp_src => KeyUdpSrc(Be16),
        /// The key: udp dst.
        21 TCA_FLOWER_KEY_UDP_DST key_udp_dst => KeyUdpDst(Be16),
        /// `TCA_CLS_FLAGS_*` (`skip_hw`, `skip_sw`, `in_hw`, …).
        22 TCA_FLOWER_FLAGS flags => Flags(u32),
        /// The key: vlan id.
        23 TCA_FLOWER_KEY_VLAN_ID key_vlan_id => KeyVlanId(u16),
        /// The key: vlan prio.
        24 TCA_FLOWER_KEY_VLAN_PRIO key_vlan_prio => KeyVlanPrio(u8),
        /// The key: vlan eth type.
        25 TCA_FLOWER_KEY_VLAN_ETH_TYPE key_vlan_eth_type => KeyVlanEthType(Be16),
        /// The key: enc key id.
        26 TCA_FLOWER_KEY_ENC_KEY_ID key_enc_key_id => KeyEncKeyId(Be32),
        /// The key: enc ipv4 src.
        27 TCA_FLOWER_KEY_ENC_IPV4_SRC key_enc_ipv4_src => KeyEncIpv4Src(Ipv4Addr),
        /// The key: enc ipv4 src mask.
        28 TCA_FLOWER_KEY_ENC_IPV4_SRC_MASK key_enc_ipv4_src_mask => KeyEncIpv4SrcMask(Ipv4Addr),
        /// The key: enc ipv4 dst.
        29 TCA_FLOWER_KEY_ENC_IPV4_DST key_enc_ipv4_dst => KeyEncIpv4Dst(Ipv4Addr),
        /// The key: enc ipv4 dst mask.
        30 TCA_FLOWER_KEY_ENC_IPV4_DST_MASK key_enc_ipv4_dst_mask => KeyEncIpv4DstMask(Ipv4Addr),
        /// The key: enc ipv6 src.
        31 TCA_FLOWER_KEY_ENC_IPV6_SRC key_enc_ipv6_src => KeyEncIpv6Src(Ipv6Addr),
        /// The key: enc ipv6 src mask.
        32 TCA_FLOWER_KEY_ENC_IPV6_SRC_MASK key_enc_ipv6_src_mask => KeyEncIpv6SrcMask(Ipv6Addr),
        /// The key: enc ipv6 dst.
        33 TCA_FLOWER_KEY_ENC_IPV6_DST key_enc_ipv6_dst => KeyEncIpv6Dst(Ipv6Addr),
        /// The key: enc ipv6 dst mask.
        34 TCA_FLOWER_KEY_ENC_IPV6_DST_MASK key_enc_ipv6_dst_mask => KeyEncIpv6DstMask(Ipv6Addr),
        /// The key: tcp src mask.
        35 TCA_FLOWER_KEY_TCP_SRC_MASK key_tcp_src_mask => KeyTcpSrcMask(Be16),
        /// The key: tcp dst mask.
        36 TCA_FLOWER_KEY_TCP_DST_MASK key_tcp_dst_mask => KeyTcpDstMask(Be16),
        /// The key: udp src mask.
        37 TCA_FLOWER_KEY_UDP_SRC_MASK key_udp_src_mask => KeyUdpSrcMask(Be16),
        /// The key: udp dst mask.
        38 TCA_FLOWER_KEY_UDP_DST_MASK key_udp_dst_mask => KeyUdpDstMask(Be16),
        /// The key: sctp src mask.
        39 TCA_FLOWER_KEY_SCTP_SRC_MASK key_sctp_src_mask => KeySctpSrcMask(Be16),
        /// The key: sctp dst mask.
        40 TCA_FLOWER_KEY_SCTP_DST_MASK key_sctp_dst_mask => KeySctpDstMask(Be16),
        /// The key: sctp src.
        41 TCA_FLOWER_KEY_SCTP_SRC key_sctp_src => KeySctpSrc(Be16),
        /// The key: sctp dst.
        42 TCA_FLOWER_KEY_SCTP_DST key_sctp_dst => KeySctpDst(Be16),
        /// The key: enc udp src port.
        43 TCA_FLOWER_KEY_ENC_UDP_SRC_PORT key_enc_udp_src_port => KeyEncUdpSrcPort(Be16),
        /// The key: enc udp src port mask.
        44 TCA_FLOWER_KEY_ENC_UDP_SRC_PORT_MASK key_enc_udp_src_port_mask => KeyEncUdpSrcPortMask(Be16),
        /// The key: enc udp dst port.
        45 TCA_FLOWER_KEY_ENC_UDP_DST_PORT key_enc_udp_dst_port => KeyEncUdpDstPort(Be16),
        /// The key: enc udp dst port mask.
        46 TCA_FLOWER_KEY_ENC_UDP_DST_PORT_MASK key_enc_udp_dst_port_mask => KeyEncUdpDstPortMask(Be16),
        /// The key: flags.
        47 TCA_FLOWER_KEY_FLAGS key_flags => KeyFlags(Be32),
        /// The key: flags mask.
        48 TCA_FLOWER_KEY_FLAGS_MASK key_flags_mask => KeyFlagsMask(Be32),
        /// The key: icmpv4 code.
        49 TCA_FLOWER_KEY_ICMPV4_CODE key_icmpv4_code => KeyIcmpv4Code(u8),
        /// The key: icmpv4 code mask.
        50 TCA_FLOWER_KEY_ICMPV4_CODE_MASK key_icmpv4_code_mask => KeyIcmpv4CodeMask(u8),
        /// The key: icmpv4 type.
        51 TCA_FLOWER_KEY_ICMPV4_TYPE key_icmpv4_type => KeyIcmpv4Type(u8),
        /// The key: icmpv4 type mask.
        52 TCA_FLOWER_KEY_ICMPV4_TYPE_MASK key_icmpv4_type_mask => KeyIcmpv4TypeMask(u8),
        /// The key: icmpv6 code.
        53 TCA_FLOWER_KEY_ICMPV6_CODE key_icmpv6_code => KeyIcmpv6Code(u8),
        /// The key: icmpv6 code mask.
        54 TCA_FLOWER_KEY_ICMPV6_CODE_MASK key_icmpv6_code_mask => KeyIcmpv6CodeMask(u8),
        /// The key: icmpv6 type.
        55 TCA_FLOWER_KEY_ICMPV6_TYPE key_icmpv6_type => KeyIcmpv6Type(u8),
        /// The key: icmpv6 type mask.
        56 TCA_FLOWER_KEY_ICMPV6_TYPE_MASK key_icmpv6_type_mask => KeyIcmpv6TypeMask(u8),
        /// The key: arp sip.
        57 TCA_FLOWER_KEY_ARP_SIP key_arp_sip => KeyArpSip(Ipv4Addr),
        /// The key: arp sip mask.
        58 TCA_FLOWER_KEY_ARP_SIP_MASK key_arp_sip_mask => KeyArpSipMask(Ipv4Addr),
        /// The key: arp tip.
        59 TCA_FLOWER_KEY_ARP_TIP key_arp_tip => KeyArpTip(Ipv4Addr),
        /// The key: arp tip mask.
        60 TCA_FLOWER_KEY_ARP_TIP_MASK key_arp_tip_mask => KeyArpTipMask(Ipv4Addr),
        /// The key: arp op.
        61 TCA_FLOWER_KEY_ARP_OP key_arp_op => KeyArpOp(u8),
        /// The key: arp op mask.
        62 TCA_FLOWER_KEY_ARP_OP_MASK key_arp_op_mask => KeyArpOpMask(u8),
        /// The key: arp sha.
        63 TCA_FLOWER_KEY_ARP_SHA key_arp_sha => KeyArpSha(Bytes<'a>),
        /// The key: arp sha mask.
        64 TCA_FLOWER_KEY_ARP_SHA_MASK key_arp_sha_mask => KeyArpShaMask(Bytes<'a>),
        /// The key: arp tha.
        65 TCA_FLOWER_KEY_ARP_THA key_arp_tha => KeyArpTha(Bytes<'a>),
        /// The key: arp tha mask.
        66 TCA_FLOWER_KEY_ARP_THA_MASK key_arp_tha_mask => KeyArpThaMask(Bytes<'a>),
        /// The key: mpls ttl.
        67 TCA_FLOWER_KEY_MPLS_TTL key_mpls_ttl => KeyMplsTtl(u8),
        /// The key: mpls bos.
        68 TCA_FLOWER_KEY_MPLS_BOS key_mpls_bos => KeyMplsBos(u8),
        /// The key: mpls tc.
        69 TCA_FLOWER_KEY_MPLS_TC key_mpls_tc => KeyMplsTc(u8),
        /// The key: mpls label.
        70 TCA_FLOWER_KEY_MPLS_LABEL key_mpls_label => KeyMplsLabel(u32),
        /// The key: tcp flags.
        71 TCA_FLOWER_KEY_TCP_FLAGS key_tcp_flags => KeyTcpFlags(Be16),
        /// The key: tcp flags mask.
        72 TCA_FLOWER_KEY_TCP_FLAGS_MASK key_tcp_flags_mask => KeyTcpFlagsMask(Be16),
        /// The key: ip tos.
        73 TCA_FLOWER_KEY_IP_TOS key_ip_tos => KeyIpTos(u8),
        /// The key: ip tos mask.
        74 TCA_FLOWER_KEY_IP_TOS_MASK key_ip_tos_mask => KeyIpTosMask(u8),
        /// The key: ip ttl.
        75 TCA_FLOWER_KEY_IP_TTL key_ip_ttl => KeyIpTtl(u8),
        /// The key: ip ttl mask.
        76 TCA_FLOWER_KEY_IP_TTL_MASK key_ip_ttl_mask => KeyIpTtlMask(u8),
        /// The key: cvlan id.
        77 TCA_FLOWER_KEY_CVLAN_ID key_cvlan_id => KeyCvlanId(u16),
        /// The key: cvlan prio.
        78 TCA_FLOWER_KEY_CVLAN_PRIO key_cvlan_prio => KeyCvlanPrio(u8),
        /// The key: cvlan eth type.
        79 TCA_FLOWER_KEY_CVLAN_ETH_TYPE key_cvlan_eth_type => KeyCvlanEthType(Be16),
        /// The key: enc ip tos.
        80 TCA_FLOWER_KEY_ENC_IP_TOS key_enc_ip_tos => KeyEncIpTos(u8),
        /// The key: enc ip tos mask.
        81 TCA_FLOWER_KEY_ENC_IP_TOS_MASK key_enc_ip_tos_mask => KeyEncIpTosMask(u8),
        /// The key: enc ip ttl.
        82 TCA_FLOWER_KEY_ENC_IP_TTL key_enc_ip_ttl => KeyEncIpTtl(u8),
        /// The key: enc ip ttl mask.
        83 TCA_FLOWER_KEY_ENC_IP_TTL_MASK key_enc_ip_ttl_mask => KeyEncIpTtlMask(u8),
        /// The key: enc opts.
        84 TCA_FLOWER_KEY_ENC_OPTS key_enc_opts => KeyEncOpts(Nest<'a, O, FlowerEncOptsAttr<'a, O>>) nest FlowerEncOptsAttr,
        /// The key: enc opts mask.
        85 TCA_FLOWER_KEY_ENC_OPTS_MASK key_enc_opts_mask => KeyEncOptsMask(Nest<'a, O, FlowerEncOptsAttr<'a, O>>) nest FlowerEncOptsAttr,
        /// How many devices offload the filter.
        86 TCA_FLOWER_IN_HW_COUNT in_hw_count => InHwCount(u32),
        /// The key: port src min.
        87 TCA_FLOWER_KEY_PORT_SRC_MIN key_port_src_min => KeyPortSrcMin(Be16),
        /// The key: port src max.
        88 TCA_FLOWER_KEY_PORT_SRC_MAX key_port_src_max => KeyPortSrcMax(Be16),
        /// The key: port dst min.
        89 TCA_FLOWER_KEY_PORT_DST_MIN key_port_dst_min => KeyPortDstMin(Be16),
        /// The key: port dst max.
        90 TCA_FLOWER_KEY_PORT_DST_MAX key_port_dst_max => KeyPortDstMax(Be16),
        /// The key: ct state.
        91 TCA_FLOWER_KEY_CT_STATE key_ct_state => KeyCtState(u16),
        /// The key: ct state mask.
        92 TCA_FLOWER_KEY_CT_STATE_MASK key_ct_state_mask => KeyCtStateMask(u16),
        /// The key: ct zone.
        93 TCA_FLOWER_KEY_CT_ZONE key_ct_zone => KeyCtZone(u16),
        /// The key: ct zone mask.
        94 TCA_FLOWER_KEY_CT_ZONE_MASK key_ct_zone_mask => KeyCtZoneMask(u16),
        /// The key: ct mark.
        95 TCA_FLOWER_KEY_CT_MARK key_ct_mark => KeyCtMark(u32),
        /// The key: ct mark mask.
        96 TCA_FLOWER_KEY_CT_MARK_MASK key_ct_mark_mask => KeyCtMarkMask(u32),
        /// The key: ct labels.
        97 TCA_FLOWER_KEY_CT_LABELS key_ct_labels => KeyCtLabels(Bytes<'a>),
        /// The key: ct labels mask.
        98 TCA_FLOWER_KEY_CT_LABELS_MASK key_ct_labels_mask => KeyCtLabelsMask(Bytes<'a>),
        /// The key: mpls opts.
        99 TCA_FLOWER_KEY_MPLS_OPTS key_mpls_opts => KeyMplsOpts(Nest<'a, O, FlowerMplsOptsAttr<'a, O>>) nest FlowerMplsOptsAttr,
        /// The key: hash.
        100 TCA_FLOWER_KEY_HASH key_hash => KeyHash(u32),
        /// The key: hash mask.
        101 TCA_FLOWER_KEY_HASH_MASK key_hash_mask => KeyHashMask(u32),
        /// The key: num of vlans.
        102 TCA_FLOWER_KEY_NUM_OF_VLANS key_num_of_vlans => KeyNumOfVlans(u8),
        /// The key: pppoe sid.
        103 TCA_FLOWER_KEY_PPPOE_SID key_pppoe_sid => KeyPppoeSid(Be16),
        /// The key: ppp proto.
        104 TCA_FLOWER_KEY_PPP_PROTO key_ppp_proto => KeyPppProto(Be16),
        /// The key: l2tpv3 sid.
        105 TCA_FLOWER_KEY_L2TPV3_SID key_l2tpv3_sid => KeyL2tpv3Sid(Be32),
        /// Match packets that missed the bridge's FDB.
        106 TCA_FLOWER_L2_MISS l2_miss => L2Miss(u8),
        /// The key: cfm.
        107 TCA_FLOWER_KEY_CFM key_cfm => KeyCfm(Nest<'a, O, FlowerCfmAttr<'a, O>>) nest FlowerCfmAttr,
        /// The key: spi.
        108 TCA_FLOWER_KEY_SPI key_spi => KeySpi(Be32),
        /// The key: spi mask.
        109 TCA_FLOWER_KEY_SPI_MASK key_spi_mask => KeySpiMask(Be32),
        /// The key: enc flags.
        110 TCA_FLOWER_KEY_ENC_FLAGS key_enc_flags => KeyEncFlags(Be32),
        /// The key: enc flags mask.
        111 TCA_FLOWER_KEY_ENC_FLAGS_MASK key_enc_flags_mask => KeyEncFlagsMask(Be32),
    }
}
act_builder!(FlowerAttr, TCA_FLOWER_ACT, act);

// ---- extended matches (basic, cgroup, flow) ----

struct_payload! {
    /// `struct tcf_ematch_tree_hdr` (`TCA_EMATCH_TREE_HDR`).
    pub struct TcfEmatchTreeHdr<O> {
        /// `nmatches`: the ematches in the list.
        nmatches: U16<O>,
        /// `progid`.
        progid: U16<O>,
    }
}

zc_struct! {
    /// `struct tcf_ematch_hdr`: the head of one ematch.
    pub struct TcfEmatchHdr<O> {
        /// `matchid`.
        matchid: U16<O>,
        /// `kind`: `TCF_EM_*` (`cmp` 1, `nbyte` 2, `u32` 3, `meta` 4, …).
        kind: U16<O>,
        /// `flags`: `TCF_EM_REL_*` (the relation to the next), `TCF_EM_INVERT`, `TCF_EM_SIMPLE`.
        flags: U16<O>,
        /// `pad`.
        pad: U16<O>,
    }
}

zc_struct! {
    /// `struct tcf_em_cmp`: the data of a `cmp` ematch (`TCF_EM_CMP`).
    pub struct TcfEmCmp<O> {
        /// `val`.
        val: U32<O>,
        /// `mask`.
        mask: U32<O>,
        /// `off`.
        off: U16<O>,
        /// The `align:4` and `flags:4` bit fields (in the compiler's order
        /// for the byte order: `align` is the low nibble on little-endian).
        align_flags: u8,
        /// The `layer:4` and `opnd:4` bit fields.
        layer_opnd: u8,
    }
}

/// `TCF_EM_CMP`.
pub const TCF_EM_CMP: u16 = 1;
/// `TCF_EM_NBYTE`.
pub const TCF_EM_NBYTE: u16 = 2;
/// `TCF_EM_U32`.
pub const TCF_EM_U32: u16 = 3;
/// `TCF_EM_META`.
pub const TCF_EM_META: u16 = 4;

/// The ematch kinds, named as `tc` names them (`TCF_EM_*`).
pub const EMATCH_KINDS: &[(u16, &str)] = &[
    (0, "container"),
    (1, "cmp"),
    (2, "nbyte"),
    (3, "u32"),
    (4, "meta"),
    (5, "text"),
    (6, "vlan"),
    (7, "canid"),
    (8, "ipset"),
    (9, "ipt"),
];

/// One ematch of `TCA_EMATCH_TREE_LIST`: its [`TcfEmatchHdr`] and the
/// kind's data. `cmp` and `u32` data are read as their structs
/// ([`Ematch::cmp`], [`Ematch::u32_key`]); the other kinds' data (a
/// pattern, nested meta attributes, a container's target) is kept as
/// bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ematch<'a, O: ByteOrder = NativeEndian> {
    /// The head.
    pub hdr: TcfEmatchHdr<O>,
    /// The kind's data, as received.
    pub data: &'a [u8],
}

impl<'a, O: ByteOrder> Ematch<'a, O> {
    /// The kind's name (`"cmp"`, `"u32"`, …), if known.
    pub fn kind_name(&self) -> Option<&'static str> {
        let k = self.hdr.kind.get();
        EMATCH_KINDS.iter().find(|(id, _)| *id == k).map(|(_, n)| *n)
    }
    /// A `cmp` ematch's data.
    pub fn cmp(&self) -> Option<TcfEmCmp<O>> {
        use zerocopy::FromBytes;
        (self.hdr.kind.get() == TCF_EM_CMP).then(|| TcfEmCmp::read_from_bytes(self.data).ok()).flatten()
    }
    /// A `u32` ematch's key.
    pub fn u32_key(&self) -> Option<TcU32Key<O>> {
        use zerocopy::FromBytes;
        (self.hdr.kind.get() == TCF_EM_U32).then(|| TcU32Key::read_from_bytes(self.data).ok()).flatten()
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Ematch<'a, O> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        use zerocopy::FromBytes;
        let p = attr.payload();
        let Ok((hdr, data)) = TcfEmatchHdr::<O>::read_from_prefix(p) else {
            return Err(DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::ShortStruct { need: TcfEmatchHdr::<O>::SIZE, have: p.len() },
            ));
        };
        let need = match hdr.kind.get() {
            TCF_EM_CMP => Some(TcfEmCmp::<O>::SIZE),
            TCF_EM_U32 => Some(TcU32Key::<O>::SIZE),
            _ => None,
        };
        match need {
            Some(n) if data.len() != n => Err(DecodeError::new(
                attr.payload_offset() + TcfEmatchHdr::<O>::SIZE,
                DecodeErrorKind::BadLength { expected: n, got: data.len() },
            )),
            _ => Ok(Ematch { hdr, data }),
        }
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        use zerocopy::IntoBytes;
        w.attr_parts(id, &[self.hdr.as_bytes(), self.data])
    }
}

impl<O: ByteOrder> Render for Ematch<'_, O> {
    /// The head's fields, the kind's name, then `"cmp"` or `"u32"` typed,
    /// or `"data"` in hex.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("matchid", &self.hdr.matchid)?;
        m.entry("kind", &self.hdr.kind)?;
        if let Some(n) = self.kind_name() {
            m.entry("kind_name", &n)?;
        }
        m.entry("flags", &self.hdr.flags)?;
        m.entry("pad", &self.hdr.pad)?;
        if let Some(c) = self.cmp() {
            m.entry("cmp", &c)?;
        } else if let Some(k) = self.u32_key() {
            m.entry("u32", &k)?;
        } else {
            m.entry("data", &crate::wire::visit::Value::Hex(self.data))?;
        }
        m.end()
    }
}

serde_via_render!(impl['a, O: ByteOrder] Ematch<'a, O>);

#[cfg(feature = "arbitrary")]
impl<O: ByteOrder> crate::typed::gen::ArbitraryPayload<O> for Ematch<'_, O> {
    /// A head of an arbitrary kind with data of the kind's size (`cmp`,
    /// `u32`) or up to 16 arbitrary bytes.
    fn arbitrary_attr<B: Buffer>(
        u: &mut arbitrary::Unstructured<'_>,
        id: u16,
        _: crate::typed::gen::GenCtx,
        w: &mut Writer<B, O>,
    ) -> arbitrary::Result<()> {
        use zerocopy::IntoBytes;
        let mut hdr: TcfEmatchHdr<O> = u.arbitrary()?;
        let kind = u.int_in_range(0..=9u16)?;
        hdr.kind = U16::new(kind);
        let n = match kind {
            TCF_EM_CMP => TcfEmCmp::<O>::SIZE,
            TCF_EM_U32 => TcU32Key::<O>::SIZE,
            _ => u.int_in_range(0..=16usize)?,
        };
        let mut b = [0u8; 16];
        u.fill_buffer(&mut b[..n])?;
        crate::typed::gen::enc(w.attr_parts(id, &[hdr.as_bytes(), &b[..n]]))
    }
}

attr_set! {
    /// An ematch tree (`TCA_BASIC_EMATCHES`, `TCA_CGROUP_EMATCHES`,
    /// `TCA_FLOW_EMATCHES`: `TCA_EMATCH_TREE_*`).
    pub enum EmatchTreeAttr {
        /// The tree's head.
        1 TCA_EMATCH_TREE_HDR hdr => Hdr(TcfEmatchTreeHdr<O>),
        /// The ematches, by position from 1.
        2 TCA_EMATCH_TREE_LIST list => List(IndexedNest<'a, O, Ematch<'a, O>>),
    }
}

// ---- basic ----

struct_payload! {
    /// `struct tc_basic_pcnt` (`TCA_BASIC_PCNT`).
    pub struct TcBasicPcnt<O> {
        /// `rcnt`: lookups.
        rcnt: U64<O>,
        /// `rhit`: hits.
        rhit: U64<O>,
    }
}

attr_set! {
    /// A `basic` classifier option (`TCA_BASIC_*`).
    pub enum BasicAttr {
        /// The class matching packets go to.
        1 TCA_BASIC_CLASSID classid => ClassId(TcHandle),
        /// The ematch tree.
        2 TCA_BASIC_EMATCHES ematches => Ematches(Nest<'a, O, EmatchTreeAttr<'a, O>>) nest EmatchTreeAttr,
        /// The actions.
        3 TCA_BASIC_ACT act => Act(ActionList<'a, O>) custom,
        /// A policer.
        4 TCA_BASIC_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The counters.
        5 TCA_BASIC_PCNT pcnt => Pcnt(TcBasicPcnt<O>),
        /// Padding.
        6 TCA_BASIC_PAD pad => Pad(Bytes<'a>),
    }
}
act_builder!(BasicAttr, TCA_BASIC_ACT, act);

// ---- cgroup ----

attr_set! {
    /// A `cgroup` classifier option (`TCA_CGROUP_*`).
    pub enum CgroupAttr {
        /// The actions.
        1 TCA_CGROUP_ACT act => Act(ActionList<'a, O>) custom,
        /// A policer.
        2 TCA_CGROUP_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The ematch tree.
        3 TCA_CGROUP_EMATCHES ematches => Ematches(Nest<'a, O, EmatchTreeAttr<'a, O>>) nest EmatchTreeAttr,
    }
}
act_builder!(CgroupAttr, TCA_CGROUP_ACT, act);

// ---- flow ----

attr_set! {
    /// A `flow` classifier option (`TCA_FLOW_*`).
    pub enum FlowAttr {
        /// The keys hashed or mapped: a bit per `FLOW_KEY_*`.
        1 TCA_FLOW_KEYS keys => Keys(u32),
        /// `FLOW_MODE_MAP` (0) or `FLOW_MODE_HASH` (1).
        2 TCA_FLOW_MODE mode => Mode(u32),
        /// The class the result is added to.
        3 TCA_FLOW_BASECLASS baseclass => Baseclass(TcHandle),
        /// Map mode: the right shift.
        4 TCA_FLOW_RSHIFT rshift => Rshift(u32),
        /// Map mode: the addend.
        5 TCA_FLOW_ADDEND addend => Addend(u32),
        /// Map mode: the mask.
        6 TCA_FLOW_MASK mask => Mask(u32),
        /// Map mode: the XOR.
        7 TCA_FLOW_XOR xor => Xor(u32),
        /// The divisor.
        8 TCA_FLOW_DIVISOR divisor => Divisor(u32),
        /// The actions.
        9 TCA_FLOW_ACT act => Act(ActionList<'a, O>) custom,
        /// A policer.
        10 TCA_FLOW_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The ematch tree.
        11 TCA_FLOW_EMATCHES ematches => Ematches(Nest<'a, O, EmatchTreeAttr<'a, O>>) nest EmatchTreeAttr,
        /// Hash mode: the perturbation period, seconds.
        12 TCA_FLOW_PERTURB perturb => Perturb(u32),
    }
}
act_builder!(FlowAttr, TCA_FLOW_ACT, act);

// ---- fw ----

attr_set! {
    /// An `fw` classifier option (`TCA_FW_*`).
    pub enum FwAttr {
        /// The class matching packets go to.
        1 TCA_FW_CLASSID classid => ClassId(TcHandle),
        /// A policer.
        2 TCA_FW_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The input device to match.
        3 TCA_FW_INDEV indev => Indev(&'a str),
        /// The actions.
        4 TCA_FW_ACT act => Act(ActionList<'a, O>) custom,
        /// The mask applied to the firewall mark.
        5 TCA_FW_MASK mask => Mask(u32),
    }
}
act_builder!(FwAttr, TCA_FW_ACT, act);

// ---- route ----

attr_set! {
    /// A `route` classifier option (`TCA_ROUTE4_*`).
    pub enum Route4Attr {
        /// The class matching packets go to.
        1 TCA_ROUTE4_CLASSID classid => ClassId(TcHandle),
        /// The destination realm.
        2 TCA_ROUTE4_TO to => To(u32),
        /// The source realm.
        3 TCA_ROUTE4_FROM from => From(u32),
        /// The input interface's index.
        4 TCA_ROUTE4_IIF iif => Iif(u32),
        /// A policer.
        5 TCA_ROUTE4_POLICE police => Police(Nest<'a, O, PoliceAttr<'a, O>>) nest PoliceAttr,
        /// The actions.
        6 TCA_ROUTE4_ACT act => Act(ActionList<'a, O>) custom,
    }
}
act_builder!(Route4Attr, TCA_ROUTE4_ACT, act);

select_table! {
    /// A classifier's options (`TCA_OPTIONS` of `RTM_*TFILTER`, `RTM_*CHAIN`), by `TCA_KIND`.
    pub enum FilterOptions by sibling TCA_KIND: str {
        /// The 32-bit key classifier.
        "u32" CLS_U32 u32 => U32(U32Attr),
        /// A classic or eBPF program.
        "bpf" CLS_BPF bpf => Bpf(BpfAttr),
        /// Every packet.
        "matchall" CLS_MATCHALL matchall => Matchall(MatchallAttr),
        /// The flow-dissector classifier.
        "flower" CLS_FLOWER flower => Flower(FlowerAttr),
        /// Extended matches (ematches).
        "basic" CLS_BASIC basic => Basic(BasicAttr),
        /// By the packet's control group.
        "cgroup" CLS_CGROUP cgroup => Cgroup(CgroupAttr),
        /// By a hash or map of flow keys.
        "flow" CLS_FLOW flow => Flow(FlowAttr),
        /// By the firewall mark.
        "fw" CLS_FW fw => Fw(FwAttr),
        /// By the route's realms.
        "route" CLS_ROUTE route => Route(Route4Attr),
    }
}

use super::TCA_KIND;
