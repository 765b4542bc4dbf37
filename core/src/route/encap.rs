//! Lightweight-tunnel encapsulations (`RTA_ENCAP`, also `NHA_ENCAP`):
//! [`Encap`], selected by `RTA_ENCAP_TYPE` (`LWTUNNEL_ENCAP_*`), and the
//! attribute set of every type in the Linux 7.2 headers.

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::net::Labels;
use crate::typed::{AttrPayload, Be16, Be32, Be64, Bytes, Ctx, Nest};
use crate::wire::visit::{MapRenderer, Render, Renderer, SeqOf, Value};
use crate::wire::{Attr, Buffer, ByteOrder, DecodeError, DecodeErrorKind, EncodeError, Writer, I32};

use super::RTA_ENCAP_TYPE;
use crate::nexthop::NHA_ENCAP_TYPE;

select_table! {
    /// The payload of `RTA_ENCAP`, by `RTA_ENCAP_TYPE` (`enum
    /// lwtunnel_encap_types`). The type is looked up among the attribute's
    /// siblings, before or after it (the 6.1 kernel sends it after).
    pub enum Encap by sibling RTA_ENCAP_TYPE: u16 {
        /// MPLS label push (`MPLS_IPTUNNEL_*`).
        1 LWTUNNEL_ENCAP_MPLS mpls => Mpls(MplsIptunnelAttr),
        /// IPv4 tunnel metadata for collect-metadata devices (`LWTUNNEL_IP_*`).
        2 LWTUNNEL_ENCAP_IP ip => Ip(LwtIpAttr),
        /// Identifier-locator addressing (`ILA_ATTR_*`).
        3 LWTUNNEL_ENCAP_ILA ila => Ila(IlaAttr),
        /// IPv6 tunnel metadata (`LWTUNNEL_IP6_*`).
        4 LWTUNNEL_ENCAP_IP6 ip6 => Ip6(LwtIp6Attr),
        /// IPv6 segment routing (`SEG6_IPTUNNEL_*`).
        5 LWTUNNEL_ENCAP_SEG6 seg6 => Seg6(Seg6IptunnelAttr),
        /// BPF programs (`LWT_BPF_*`).
        6 LWTUNNEL_ENCAP_BPF bpf => Bpf(LwtBpfAttr),
        /// SRv6 local behaviours (`SEG6_LOCAL_*`).
        7 LWTUNNEL_ENCAP_SEG6_LOCAL seg6local => Seg6Local(Seg6LocalAttr),
        /// RPL source routing (`RPL_IPTUNNEL_*`).
        8 LWTUNNEL_ENCAP_RPL rpl => Rpl(RplIptunnelAttr),
        /// In-situ OAM for IPv6 (`IOAM6_IPTUNNEL_*`).
        9 LWTUNNEL_ENCAP_IOAM6 ioam6 => Ioam6(Ioam6IptunnelAttr),
        /// XFRM interface (`LWT_XFRM_*`).
        10 LWTUNNEL_ENCAP_XFRM xfrm => Xfrm(LwtXfrmAttr),
    }
    /// The payload of `NHA_ENCAP`: the same kinds as [`Encap`], selected
    /// by the sibling `NHA_ENCAP_TYPE` (before or after it).
    also pub struct NhEncap by sibling NHA_ENCAP_TYPE;
}

attr_set! {
    /// An MPLS encapsulation attribute (`MPLS_IPTUNNEL_*`).
    pub enum MplsIptunnelAttr {
        /// The label stack to push.
        1 MPLS_IPTUNNEL_DST dst => Dst(Labels<'a>),
        /// TTL of the pushed labels.
        2 MPLS_IPTUNNEL_TTL ttl => Ttl(u8),
    }
}

attr_set! {
    /// An IPv4 tunnel-metadata attribute (`enum lwtunnel_ip_t`).
    pub enum LwtIpAttr {
        /// Tunnel id (VNI, key), big-endian.
        1 LWTUNNEL_IP_ID id => Id(Be64),
        /// Tunnel destination.
        2 LWTUNNEL_IP_DST dst => Dst(Ipv4Addr),
        /// Tunnel source.
        3 LWTUNNEL_IP_SRC src => Src(Ipv4Addr),
        /// TTL.
        4 LWTUNNEL_IP_TTL ttl => Ttl(u8),
        /// TOS.
        5 LWTUNNEL_IP_TOS tos => Tos(u8),
        /// `TUNNEL_*` flags, big-endian.
        6 LWTUNNEL_IP_FLAGS flags => Flags(Be16),
        /// Padding.
        7 LWTUNNEL_IP_PAD pad => Pad(Bytes<'a>),
        /// Tunnel options (geneve, vxlan, erspan).
        8 LWTUNNEL_IP_OPTS opts => Opts(Nest<'a, O, LwtIpOptsAttr<'a, O>>) nest LwtIpOptsAttr,
    }
}

attr_set! {
    /// An IPv6 tunnel-metadata attribute (`enum lwtunnel_ip6_t`).
    pub enum LwtIp6Attr {
        /// Tunnel id, big-endian.
        1 LWTUNNEL_IP6_ID id => Id(Be64),
        /// Tunnel destination.
        2 LWTUNNEL_IP6_DST dst => Dst(Ipv6Addr),
        /// Tunnel source.
        3 LWTUNNEL_IP6_SRC src => Src(Ipv6Addr),
        /// Hop limit.
        4 LWTUNNEL_IP6_HOPLIMIT hoplimit => HopLimit(u8),
        /// Traffic class.
        5 LWTUNNEL_IP6_TC tc => Tc(u8),
        /// `TUNNEL_*` flags, big-endian.
        6 LWTUNNEL_IP6_FLAGS flags => Flags(Be16),
        /// Padding.
        7 LWTUNNEL_IP6_PAD pad => Pad(Bytes<'a>),
        /// Tunnel options (geneve, vxlan, erspan).
        8 LWTUNNEL_IP6_OPTS opts => Opts(Nest<'a, O, LwtIpOptsAttr<'a, O>>) nest LwtIpOptsAttr,
    }
}

attr_set! {
    /// A tunnel-options attribute (`LWTUNNEL_IP_OPTS_*`); geneve options repeat.
    pub enum LwtIpOptsAttr {
        /// One geneve option.
        1 LWTUNNEL_IP_OPTS_GENEVE geneve => Geneve(Nest<'a, O, GeneveOptAttr<'a, O>>) nest GeneveOptAttr,
        /// The vxlan options.
        2 LWTUNNEL_IP_OPTS_VXLAN vxlan => Vxlan(Nest<'a, O, VxlanOptAttr<'a, O>>) nest VxlanOptAttr,
        /// The erspan options.
        3 LWTUNNEL_IP_OPTS_ERSPAN erspan => Erspan(Nest<'a, O, ErspanOptAttr<'a, O>>) nest ErspanOptAttr,
    }
}

attr_set! {
    /// A geneve option attribute (`LWTUNNEL_IP_OPT_GENEVE_*`).
    pub enum GeneveOptAttr {
        /// Option class, big-endian.
        1 LWTUNNEL_IP_OPT_GENEVE_CLASS class => Class(Be16),
        /// Option type.
        2 LWTUNNEL_IP_OPT_GENEVE_TYPE kind => Type(u8),
        /// Option data (a multiple of 4 bytes).
        3 LWTUNNEL_IP_OPT_GENEVE_DATA data => Data(Bytes<'a>),
    }
}

attr_set! {
    /// A vxlan option attribute (`LWTUNNEL_IP_OPT_VXLAN_*`).
    pub enum VxlanOptAttr {
        /// Group-based policy id.
        1 LWTUNNEL_IP_OPT_VXLAN_GBP gbp => Gbp(u32),
    }
}

attr_set! {
    /// An erspan option attribute (`LWTUNNEL_IP_OPT_ERSPAN_*`).
    pub enum ErspanOptAttr {
        /// Version (1 or 2).
        1 LWTUNNEL_IP_OPT_ERSPAN_VER ver => Ver(u8),
        /// Index (version 1), big-endian.
        2 LWTUNNEL_IP_OPT_ERSPAN_INDEX index => Index(Be32),
        /// Direction (version 2).
        3 LWTUNNEL_IP_OPT_ERSPAN_DIR dir => Dir(u8),
        /// Hardware id (version 2).
        4 LWTUNNEL_IP_OPT_ERSPAN_HWID hwid => HwId(u8),
    }
}

attr_set! {
    /// An ILA encapsulation attribute (`ILA_ATTR_*`, as the route encap uses them).
    pub enum IlaAttr {
        /// Locator (network-order bytes, read as a big-endian integer).
        1 ILA_ATTR_LOCATOR locator => Locator(Be64),
        /// Identifier.
        2 ILA_ATTR_IDENTIFIER identifier => Identifier(Be64),
        /// Locator to match.
        3 ILA_ATTR_LOCATOR_MATCH locator_match => LocatorMatch(Be64),
        /// Interface index.
        4 ILA_ATTR_IFINDEX ifindex => IfIndex(i32),
        /// Direction (`ILA_DIR_*`).
        5 ILA_ATTR_DIR dir => Dir(u32),
        /// Padding.
        6 ILA_ATTR_PAD pad => Pad(Bytes<'a>),
        /// Checksum mode (`ILA_CSUM_*`).
        7 ILA_ATTR_CSUM_MODE csum_mode => CsumMode(u8),
        /// Identifier type (`ILA_ATYPE_*`).
        8 ILA_ATTR_IDENT_TYPE ident_type => IdentType(u8),
        /// Hook type (`ILA_HOOK_*`).
        9 ILA_ATTR_HOOK_TYPE hook_type => HookType(u8),
    }
}

attr_set! {
    /// A segment-routing encapsulation attribute (`SEG6_IPTUNNEL_*`).
    pub enum Seg6IptunnelAttr {
        /// Mode and segment routing header (`struct seg6_iptunnel_encap`).
        1 SEG6_IPTUNNEL_SRH srh => Srh(Seg6Encap<'a, O>),
        /// Source address of the outer header (Linux 6.14+).
        2 SEG6_IPTUNNEL_SRC src => Src(Ipv6Addr),
    }
}

attr_set! {
    /// An SRv6 local-behaviour attribute (`SEG6_LOCAL_*`).
    pub enum Seg6LocalAttr {
        /// The behaviour (`SEG6_LOCAL_ACTION_*`).
        1 SEG6_LOCAL_ACTION action => Action(Seg6LocalAction),
        /// Segment routing header to insert or push.
        2 SEG6_LOCAL_SRH srh => Srh(Srh<'a>),
        /// Table to look up in.
        3 SEG6_LOCAL_TABLE table => Table(u32),
        /// IPv4 next hop.
        4 SEG6_LOCAL_NH4 nh4 => Nh4(Ipv4Addr),
        /// IPv6 next hop.
        5 SEG6_LOCAL_NH6 nh6 => Nh6(Ipv6Addr),
        /// Input interface.
        6 SEG6_LOCAL_IIF iif => Iif(u32),
        /// Output interface.
        7 SEG6_LOCAL_OIF oif => Oif(u32),
        /// BPF program (End.BPF).
        8 SEG6_LOCAL_BPF bpf => Bpf(Nest<'a, O, Seg6LocalBpfAttr<'a, O>>) nest Seg6LocalBpfAttr,
        /// VRF table (End.DT4 / DT6 / DT46).
        9 SEG6_LOCAL_VRFTABLE vrftable => VrfTable(u32),
        /// Per-behaviour counters.
        10 SEG6_LOCAL_COUNTERS counters => Counters(Nest<'a, O, Seg6LocalCntAttr<'a, O>>) nest Seg6LocalCntAttr,
        /// Flavours (PSP, USP, USD, NEXT-C-SID).
        11 SEG6_LOCAL_FLAVORS flavors => Flavors(Nest<'a, O, Seg6LocalFlvAttr<'a, O>>) nest Seg6LocalFlvAttr,
    }
}

attr_set! {
    /// An End.BPF program attribute (`SEG6_LOCAL_BPF_PROG_*`).
    pub enum Seg6LocalBpfAttr {
        /// Program fd (requests) or id (dumps).
        1 SEG6_LOCAL_BPF_PROG prog => Prog(u32),
        /// Program name.
        2 SEG6_LOCAL_BPF_PROG_NAME name => Name(&'a str),
    }
}

attr_set! {
    /// An SRv6 counter attribute (`SEG6_LOCAL_CNT_*`).
    pub enum Seg6LocalCntAttr {
        /// Padding for 64-bit values.
        1 SEG6_LOCAL_CNT_PAD pad => Pad(Bytes<'a>),
        /// Packets.
        2 SEG6_LOCAL_CNT_PACKETS packets => Packets(u64),
        /// Bytes.
        3 SEG6_LOCAL_CNT_BYTES bytes => Bytes(u64),
        /// Errors.
        4 SEG6_LOCAL_CNT_ERRORS errors => Errors(u64),
    }
}

attr_set! {
    /// An SRv6 flavour attribute (`SEG6_LOCAL_FLV_*`).
    pub enum Seg6LocalFlvAttr {
        /// Bitmask of `SEG6_LOCAL_FLV_OP_*` (1 << op).
        1 SEG6_LOCAL_FLV_OPERATION operation => Operation(u32),
        /// Locator-block length in bits (NEXT-C-SID).
        2 SEG6_LOCAL_FLV_LCBLOCK_BITS lcblock_bits => LcblockBits(u8),
        /// Locator-node function length in bits (NEXT-C-SID).
        3 SEG6_LOCAL_FLV_LCNODE_FN_BITS lcnode_fn_bits => LcnodeFnBits(u8),
    }
}

attr_set! {
    /// A BPF encapsulation attribute (`LWT_BPF_*`).
    pub enum LwtBpfAttr {
        /// Program run on input.
        1 LWT_BPF_IN input => In(Nest<'a, O, LwtBpfProgAttr<'a, O>>) nest LwtBpfProgAttr,
        /// Program run on output.
        2 LWT_BPF_OUT output => Out(Nest<'a, O, LwtBpfProgAttr<'a, O>>) nest LwtBpfProgAttr,
        /// Program run on transmit.
        3 LWT_BPF_XMIT xmit => Xmit(Nest<'a, O, LwtBpfProgAttr<'a, O>>) nest LwtBpfProgAttr,
        /// Headroom reserved for transmit.
        4 LWT_BPF_XMIT_HEADROOM xmit_headroom => XmitHeadroom(u32),
    }
}

attr_set! {
    /// A BPF program attribute (`LWT_BPF_PROG_*`).
    pub enum LwtBpfProgAttr {
        /// Program fd (requests) or id (dumps).
        1 LWT_BPF_PROG_FD fd => Fd(u32),
        /// Program name.
        2 LWT_BPF_PROG_NAME name => Name(&'a str),
    }
}

attr_set! {
    /// An RPL encapsulation attribute (`RPL_IPTUNNEL_*`).
    pub enum RplIptunnelAttr {
        /// The RPL source routing header.
        1 RPL_IPTUNNEL_SRH srh => Srh(RplSrh<'a>),
    }
}

attr_set! {
    /// An IOAM6 encapsulation attribute (`IOAM6_IPTUNNEL_*`).
    pub enum Ioam6IptunnelAttr {
        /// Mode (`IOAM6_IPTUNNEL_MODE_*`: 1 inline, 2 encap, 3 auto).
        1 IOAM6_IPTUNNEL_MODE mode => Mode(u8),
        /// Tunnel destination (encap and auto modes).
        2 IOAM6_IPTUNNEL_DST dst => Dst(Ipv6Addr),
        /// The IOAM pre-allocated trace header.
        3 IOAM6_IPTUNNEL_TRACE trace => Trace(Ioam6TraceHdr),
        /// Insertion frequency: k out of n packets.
        4 IOAM6_IPTUNNEL_FREQ_K freq_k => FreqK(u32),
        /// Insertion frequency: out of n.
        5 IOAM6_IPTUNNEL_FREQ_N freq_n => FreqN(u32),
        /// Tunnel source (Linux 6.10+).
        6 IOAM6_IPTUNNEL_SRC src => Src(Ipv6Addr),
    }
}

attr_set! {
    /// An XFRM encapsulation attribute (`LWT_XFRM_*`).
    pub enum LwtXfrmAttr {
        /// The xfrm interface id.
        1 LWT_XFRM_IF_ID if_id => IfId(u32),
        /// The underlying link.
        2 LWT_XFRM_LINK link => Link(u32),
    }
}

named_values! {
    /// `seg6_iptunnel_encap.mode` (`SEG6_IPTUN_MODE_*`), with `ip`'s names.
    pub struct Seg6Mode(i32) {
        INLINE = 0, "SEG6_IPTUN_MODE_INLINE", "inline";
        ENCAP = 1, "SEG6_IPTUN_MODE_ENCAP", "encap";
        L2ENCAP = 2, "SEG6_IPTUN_MODE_L2ENCAP", "l2encap";
        ENCAP_RED = 3, "SEG6_IPTUN_MODE_ENCAP_RED", "encap.red";
        L2ENCAP_RED = 4, "SEG6_IPTUN_MODE_L2ENCAP_RED", "l2encap.red";
    }
}

named_values! {
    /// An SRv6 local behaviour (`SEG6_LOCAL_ACTION_*`), with `ip`'s names.
    pub struct Seg6LocalAction(u32) {
        UNSPEC = 0, "SEG6_LOCAL_ACTION_UNSPEC", "unspec";
        END = 1, "SEG6_LOCAL_ACTION_END", "End";
        END_X = 2, "SEG6_LOCAL_ACTION_END_X", "End.X";
        END_T = 3, "SEG6_LOCAL_ACTION_END_T", "End.T";
        END_DX2 = 4, "SEG6_LOCAL_ACTION_END_DX2", "End.DX2";
        END_DX6 = 5, "SEG6_LOCAL_ACTION_END_DX6", "End.DX6";
        END_DX4 = 6, "SEG6_LOCAL_ACTION_END_DX4", "End.DX4";
        END_DT6 = 7, "SEG6_LOCAL_ACTION_END_DT6", "End.DT6";
        END_DT4 = 8, "SEG6_LOCAL_ACTION_END_DT4", "End.DT4";
        END_B6 = 9, "SEG6_LOCAL_ACTION_END_B6", "End.B6";
        END_B6_ENCAP = 10, "SEG6_LOCAL_ACTION_END_B6_ENCAP", "End.B6.Encaps";
        END_BM = 11, "SEG6_LOCAL_ACTION_END_BM", "End.BM";
        END_S = 12, "SEG6_LOCAL_ACTION_END_S", "End.S";
        END_AS = 13, "SEG6_LOCAL_ACTION_END_AS", "End.AS";
        END_AM = 14, "SEG6_LOCAL_ACTION_END_AM", "End.AM";
        END_BPF = 15, "SEG6_LOCAL_ACTION_END_BPF", "End.BPF";
        END_DT46 = 16, "SEG6_LOCAL_ACTION_END_DT46", "End.DT46";
    }
}

/// `SR6_FLAG1_HMAC`: the SRH carries an HMAC TLV.
pub const SR6_FLAG1_HMAC: u8 = 1 << 3;
/// `SR6_TLV_HMAC`: the HMAC TLV type.
pub const SR6_TLV_HMAC: u8 = 5;
/// The size of the fixed part of `struct ipv6_sr_hdr`.
pub const IPV6_SR_HDR_LEN: usize = 8;

/// An IPv6 segment routing header (`struct ipv6_sr_hdr`, in wire order),
/// with its segments and TLVs, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Srh<'a>(&'a [u8]);

impl<'a> Srh<'a> {
    /// The header over `bytes` (at least its 8-byte fixed part), or `None`.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (bytes.len() >= IPV6_SR_HDR_LEN).then_some(Srh(bytes))
    }
    /// The bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    fn byte(&self, i: usize) -> u8 {
        self.0.get(i).copied().unwrap_or(0)
    }
    /// `nexthdr`.
    pub fn nexthdr(&self) -> u8 {
        self.byte(0)
    }
    /// `hdrlen`: length in 8-byte units, not counting the first 8 bytes.
    pub fn hdrlen(&self) -> u8 {
        self.byte(1)
    }
    /// `type` (4 for segment routing).
    pub fn srh_type(&self) -> u8 {
        self.byte(2)
    }
    /// `segments_left`.
    pub fn segments_left(&self) -> u8 {
        self.byte(3)
    }
    /// `first_segment` (the index of the last entry).
    pub fn first_segment(&self) -> u8 {
        self.byte(4)
    }
    /// `flags` (`SR6_FLAG1_*`).
    pub fn flags(&self) -> u8 {
        self.byte(5)
    }
    /// `tag` (big-endian on the wire).
    pub fn tag(&self) -> u16 {
        u16::from_be_bytes([self.byte(6), self.byte(7)])
    }
    fn end(&self) -> usize {
        ((usize::from(self.hdrlen()) + 1) * 8).min(self.0.len())
    }
    fn segs_end(&self) -> usize {
        (IPV6_SR_HDR_LEN + (usize::from(self.first_segment()) + 1) * 16).min(self.end())
    }
    /// The segments in array order (`segments[0]` is the last one visited;
    /// `ip` lists them from `first_segment` down to 0).
    pub fn segments(&self) -> impl Iterator<Item = Ipv6Addr> + Clone + 'a {
        let b = self.0.get(IPV6_SR_HDR_LEN..self.segs_end()).unwrap_or(&[]);
        b.chunks_exact(16).map(|c| {
            let mut a = [0u8; 16];
            a.copy_from_slice(c);
            Ipv6Addr::from(a)
        })
    }
    /// The TLVs after the segments: `(type, value)`; a padding TLV (type 0,
    /// one byte) has an empty value.
    pub fn tlvs(&self) -> SrhTlvs<'a> {
        SrhTlvs(self.0.get(self.segs_end()..self.end()).unwrap_or(&[]))
    }
    /// The HMAC TLV's key id and HMAC, if the header has one.
    pub fn hmac(&self) -> Option<(u32, &'a [u8])> {
        let (_, v) = self.tlvs().find(|(t, _)| *t == SR6_TLV_HMAC)?;
        let key = v.get(2..6)?;
        Some((u32::from_be_bytes([key[0], key[1], key[2], key[3]]), v.get(6..).unwrap_or(&[])))
    }
    /// Writes an SRH into `storage` as `ip` builds one: `segments` in path
    /// order (the first visited first), stored last to first; with an HMAC
    /// TLV (40 bytes, HMAC zero, filled by the kernel) when `hmac_key` is
    /// set. `None` if `storage` is too small or there are more than 128
    /// segments.
    pub fn encode(segments: &[Ipv6Addr], hmac_key: Option<u32>, storage: &'a mut [u8]) -> Option<Srh<'a>> {
        Self::encode_with(segments, false, hmac_key, storage)
    }
    /// As [`encode`](Self::encode), with `segments[0]` left `::` for the
    /// final destination when `reserve_last` is set: what `ip` does for
    /// `seg6 mode inline` and for every `seg6local srh` but End.B6.Encaps.
    pub fn encode_with(
        segments: &[Ipv6Addr],
        reserve_last: bool,
        hmac_key: Option<u32>,
        storage: &'a mut [u8],
    ) -> Option<Srh<'a>> {
        let listed = segments.len();
        let n = listed + usize::from(reserve_last);
        if listed == 0 || n > 128 {
            return None;
        }
        let hmac_len = if hmac_key.is_some() { 40 } else { 0 };
        let len = IPV6_SR_HDR_LEN + n * 16 + hmac_len;
        let out = storage.get_mut(..len)?;
        out.fill(0);
        out[1] = ((len - 8) / 8) as u8;
        out[2] = 4;
        out[3] = (n - 1) as u8;
        out[4] = (n - 1) as u8;
        for (i, s) in segments.iter().enumerate() {
            // the first listed goes last (segments[first_segment])
            let at = IPV6_SR_HDR_LEN + (n - 1 - i) * 16;
            out[at..at + 16].copy_from_slice(&s.octets());
        }
        if let Some(key) = hmac_key {
            out[5] = SR6_FLAG1_HMAC;
            let at = IPV6_SR_HDR_LEN + n * 16;
            out[at] = SR6_TLV_HMAC;
            out[at + 1] = 38;
            out[at + 4..at + 8].copy_from_slice(&key.to_be_bytes());
        }
        Some(Srh(out))
    }
}

/// The TLVs of a segment routing header.
#[derive(Debug, Clone)]
pub struct SrhTlvs<'a>(&'a [u8]);

impl<'a> Iterator for SrhTlvs<'a> {
    type Item = (u8, &'a [u8]);
    fn next(&mut self) -> Option<Self::Item> {
        let (&t, rest) = self.0.split_first()?;
        if t == 0 {
            // Pad1: a single byte
            self.0 = rest;
            return Some((0, &[]));
        }
        let (&len, rest) = rest.split_first()?;
        let Some(v) = rest.get(..usize::from(len)) else {
            self.0 = &[];
            return Some((t, rest));
        };
        self.0 = rest.get(usize::from(len)..).unwrap_or(&[]);
        Some((t, v))
    }
}

struct Tlv<'a>(u8, &'a [u8]);
impl Render for Tlv<'_> {
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("type", &self.0)?;
        m.entry("value", &Value::Hex(self.1))?;
        m.end()
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Srh<'a> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        Srh::new(attr.payload()).ok_or(DecodeError::new(
            attr.payload_offset(),
            DecodeErrorKind::ShortStruct { need: IPV6_SR_HDR_LEN, have: attr.payload().len() },
        ))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.0)
    }
}

impl Render for Srh<'_> {
    /// The `ipv6_sr_hdr` fields, `"segments"` (array order) and `"tlvs"`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("nexthdr", &self.nexthdr())?;
        m.entry("hdrlen", &self.hdrlen())?;
        m.entry("type", &self.srh_type())?;
        m.entry("segments_left", &self.segments_left())?;
        m.entry("first_segment", &self.first_segment())?;
        m.entry("flags", &self.flags())?;
        m.entry("tag", &self.tag())?;
        m.entry("segments", &SeqOf(self.segments()))?;
        let mut tlvs = self.tlvs().peekable();
        if tlvs.peek().is_some() {
            m.entry("tlvs", &SeqOf(self.tlvs().map(|(t, v)| Tlv(t, v))))?;
        }
        let rest = self.0.get(self.end()..).unwrap_or(&[]);
        if !rest.is_empty() {
            m.entry("tail", &Value::Hex(rest))?;
        }
        m.end()
    }
}
serde_via_render!(impl['a] Srh<'a>);

/// `struct seg6_iptunnel_encap` (`SEG6_IPTUNNEL_SRH`): the mode (a host-order
/// `int`) and the segment routing header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seg6Encap<'a, O: ByteOrder = crate::wire::NativeEndian> {
    /// `mode`.
    pub mode: Seg6Mode,
    /// `srh`.
    pub srh: Srh<'a>,
    _o: core::marker::PhantomData<O>,
}

impl<'a, O: ByteOrder> Seg6Encap<'a, O> {
    /// An encapsulation of `mode` with header `srh`.
    pub fn new(mode: Seg6Mode, srh: Srh<'a>) -> Self {
        Seg6Encap { mode, srh, _o: core::marker::PhantomData }
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Seg6Encap<'a, O> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        let short = || {
            DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::ShortStruct { need: 4 + IPV6_SR_HDR_LEN, have: p.len() },
            )
        };
        let (mode, srh) = p.split_at_checked(4).ok_or_else(short)?;
        let mode = I32::<O>::from_bytes([mode[0], mode[1], mode[2], mode[3]]).get();
        Ok(Seg6Encap::new(Seg6Mode(mode), Srh::new(srh).ok_or_else(short)?))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        let mode = I32::<O>::new(self.mode.0);
        w.attr_parts(id, &[zerocopy::IntoBytes::as_bytes(&mode), self.srh.0])
    }
}

impl<O: ByteOrder> Render for Seg6Encap<'_, O> {
    /// `{"mode": N, "srh": {...}}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("mode", &self.mode)?;
        m.entry("srh", &self.srh)?;
        m.end()
    }
}
serde_via_render!(impl['a, O: ByteOrder] Seg6Encap<'a, O>);

/// An RPL source routing header (`struct ipv6_rpl_sr_hdr` and its
/// compressed addresses, in wire order), borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RplSrh<'a>(&'a [u8]);

impl<'a> RplSrh<'a> {
    /// The bytes.
    pub fn bytes(&self) -> &'a [u8] {
        self.0
    }
    /// `segments_left`.
    pub fn segments_left(&self) -> u8 {
        self.0.get(3).copied().unwrap_or(0)
    }
    /// `cmpri` (bytes elided from each address but the last).
    pub fn cmpri(&self) -> u8 {
        self.0.get(4).map(|b| b >> 4).unwrap_or(0)
    }
    /// `cmpre` (bytes elided from the last address).
    pub fn cmpre(&self) -> u8 {
        self.0.get(4).map(|b| b & 0xf).unwrap_or(0)
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for RplSrh<'a> {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        let p = attr.payload();
        if p.len() < 8 {
            return Err(DecodeError::new(
                attr.payload_offset(),
                DecodeErrorKind::ShortStruct { need: 8, have: p.len() },
            ));
        }
        Ok(RplSrh(p))
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, self.0)
    }
}

impl Render for RplSrh<'_> {
    /// The header's fields and the compressed addresses as hex.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let b = |i: usize| self.0.get(i).copied().unwrap_or(0);
        let mut m = r.map()?;
        m.entry("nexthdr", &b(0))?;
        m.entry("hdrlen", &b(1))?;
        m.entry("type", &b(2))?;
        m.entry("segments_left", &self.segments_left())?;
        m.entry("cmpri", &self.cmpri())?;
        m.entry("cmpre", &self.cmpre())?;
        m.entry("pad", &(b(5) >> 4))?;
        m.entry("addresses", &Value::Hex(self.0.get(8..).unwrap_or(&[])))?;
        m.end()
    }
}
serde_via_render!(impl['a] RplSrh<'a>);

/// `struct ioam6_trace_hdr` (`IOAM6_IPTUNNEL_TRACE`), 8 bytes in wire order:
/// namespace id, node length, flags, remaining length, trace type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Ioam6TraceHdr(pub [u8; 8]);

impl Ioam6TraceHdr {
    /// `namespace_id`.
    pub fn namespace_id(&self) -> u16 {
        u16::from_be_bytes([self.0[0], self.0[1]])
    }
    /// `nodelen`: the size of one node's data, in 4-byte units.
    pub fn nodelen(&self) -> u8 {
        self.0[2] >> 3
    }
    /// `overflow`: the O flag.
    pub fn overflow(&self) -> bool {
        self.0[2] & 0x04 != 0
    }
    /// `remlen`: the room left for node data, in 4-byte units.
    pub fn remlen(&self) -> u8 {
        self.0[3] & 0x7f
    }
    /// `type_be32`: the trace type bitmap (bit 0 is the most significant).
    pub fn trace_type(&self) -> u32 {
        u32::from_be_bytes([self.0[4], self.0[5], self.0[6], self.0[7]])
    }
}

impl<'a, O: ByteOrder> AttrPayload<'a, O> for Ioam6TraceHdr {
    fn decode(attr: &Attr<'a, O>, _: &Ctx<'a>) -> Result<Self, DecodeError> {
        crate::typed::fixed::<8, O>(attr).map(Ioam6TraceHdr)
    }
    fn emit<B: Buffer>(&self, id: u16, w: &mut Writer<B, O>) -> Result<(), EncodeError> {
        w.attr(id, &self.0)
    }
}

impl Render for Ioam6TraceHdr {
    /// `{"namespace_id", "nodelen", "overflow", "remlen", "type"}`.
    fn render<R: Renderer>(&self, r: R) -> Result<R::Ok, R::Error> {
        let mut m = r.map()?;
        m.entry("namespace_id", &self.namespace_id())?;
        m.entry("nodelen", &self.nodelen())?;
        m.entry("overflow", &u8::from(self.overflow()))?;
        m.entry("remlen", &self.remlen())?;
        m.entry("type", &self.trace_type())?;
        m.end()
    }
}
serde_via_render!(impl[] Ioam6TraceHdr);

#[cfg(feature = "arbitrary")]
mod gen {
    use arbitrary::{Result, Unstructured};

    use super::*;
    use crate::typed::gen::{enc, ArbitraryPayload, GenCtx};

    fn srh<'s>(u: &mut Unstructured<'_>, storage: &'s mut [u8; 8 + 3 * 16 + 40]) -> Result<Srh<'s>> {
        let mut segs = [Ipv6Addr::UNSPECIFIED; 3];
        let n = u.int_in_range(1..=3)?;
        for s in segs.iter_mut().take(n) {
            *s = Ipv6Addr::from(u.arbitrary::<[u8; 16]>()?);
        }
        let hmac = if u.arbitrary()? { Some(u.arbitrary()?) } else { None };
        Srh::encode(&segs[..n], hmac, storage).ok_or(arbitrary::Error::IncorrectFormat)
    }

    impl<O: ByteOrder> ArbitraryPayload<O> for Srh<'_> {
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            let mut st = [0u8; 8 + 3 * 16 + 40];
            let s = srh(u, &mut st)?;
            enc(w.attr(id, s.bytes()))
        }
    }

    impl<O: ByteOrder> ArbitraryPayload<O> for Seg6Encap<'_, O> {
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            let mut st = [0u8; 8 + 3 * 16 + 40];
            let mode = Seg6Mode(u.int_in_range(0..=4)?);
            let s = srh(u, &mut st)?;
            enc(Seg6Encap::<O>::new(mode, s).emit(id, w))
        }
    }

    impl<O: ByteOrder> ArbitraryPayload<O> for RplSrh<'_> {
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            let mut b = [0u8; 8 + 32];
            u.fill_buffer(&mut b)?;
            enc(w.attr(id, &b))
        }
    }

    impl<O: ByteOrder> ArbitraryPayload<O> for Ioam6TraceHdr {
        fn arbitrary_attr<B: Buffer>(u: &mut Unstructured<'_>, id: u16, _: GenCtx, w: &mut Writer<B, O>) -> Result<()> {
            enc(w.attr(id, &u.arbitrary::<[u8; 8]>()?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srh_encodes_like_ip_and_reads_back() {
        let segs: [Ipv6Addr; 2] = ["fd00:a::1".parse().unwrap(), "fd00:a::2".parse().unwrap()];
        let mut buf = [0u8; 128];
        let srh = Srh::encode(&segs, None, &mut buf).unwrap();
        assert_eq!(srh.bytes().len(), 8 + 32);
        assert_eq!((srh.hdrlen(), srh.srh_type(), srh.segments_left(), srh.first_segment()), (4, 4, 1, 1));
        // stored last to first
        let got: [Ipv6Addr; 2] = {
            let mut it = srh.segments();
            [it.next().unwrap(), it.next().unwrap()]
        };
        assert_eq!(got, [segs[1], segs[0]]);
        assert_eq!(srh.tlvs().count(), 0);
        let mut buf = [0u8; 128];
        let srh = Srh::encode(&segs[..1], Some(7), &mut buf).unwrap();
        assert_eq!(srh.hmac().map(|(k, h)| (k, h.len())), Some((7, 32)));
        assert!(Srh::encode(&[], None, &mut [0u8; 64]).is_none());
        assert!(Srh::encode(&segs, None, &mut [0u8; 16]).is_none());
    }

    #[test]
    fn srh_with_lying_lengths_stays_in_bounds() {
        // first_segment says 200 segments, hdrlen 255: only what is there is read
        let b = [0u8, 255, 4, 0, 200, 0, 0, 0, 1, 2, 3];
        let srh = Srh::new(&b).unwrap();
        assert_eq!(srh.segments().count(), 0);
        let _ = srh.tlvs().count();
        let tlvs = [0u8, 0, 4, 0, 0, 0, 0, 0, 5, 200, 1];
        assert_eq!(Srh::new(&tlvs).unwrap().segments().count(), 0);
    }
}
