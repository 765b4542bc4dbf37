//! flower's options printed as tc 6.1's `flower_print_opt` prints them
//! (text and `-j`): every key but the tunnel options (`enc_opts`), which
//! are named with their length.

use rtnl_core::tc::filter::{FlowerAttr as F, FlowerMplsLseAttr, FlowerMplsOptsAttr};
use rtnl_core::tc::TcHandle;

use crate::ipjson::{hex_bytes as hex, Out};
use crate::tc::Ctx;
use crate::tcfilter::proto_n2a;

/// The first attribute of variant `$v` (tc 6.1's `parse_rtattr` keeps the
/// first of a type).
macro_rules! get {
    ($a:expr, $v:ident) => {
        $a.iter().find_map(|x| if let F::$v(v) = x { Some(v) } else { None })
    };
}

const ETH_P_IP: u16 = 0x0800;
const ETH_P_IPV6: u16 = 0x86dd;
const ETH_P_ARP: u16 = 0x0806;
const ETH_P_RARP: u16 = 0x8035;
const TC_H_MIN_PRIORITY: u32 = 0xffe0;
const TC_QOPT_MAX_QUEUE: u32 = 16;

/// `__mask_bits`: the prefix length of a contiguous mask, else `None`.
fn mask_bits(b: &[u8]) -> Option<u32> {
    let (mut bits, mut hole) = (0, false);
    for byte in b {
        for j in (0..8).rev() {
            if byte & (1 << j) != 0 {
                if hole {
                    return None;
                }
                bits += 1;
            } else {
                hole = true;
            }
        }
    }
    Some(bits)
}

/// `print_indent_name_value`: `\n  name value`, `"name":"value"`.
fn name_value(o: &mut Out, name: &str, value: &str) {
    o.text("\n  ");
    o.str(name, &format!("{name} {value}"), value);
}

/// `print_masked_u8/u16/u32/be16` with a new line: `\n  name value/0xmask`
/// (the mask when not all ones), `"name":value,"name_mask":"hex"`.
fn masked(o: &mut Out, name: &str, value: Option<u32>, mask: Option<u32>, all: u32) {
    let Some(v) = value else { return };
    o.text("\n  ");
    o.num(name, &format!("{name} {v}"), v.into());
    let m = mask.unwrap_or(all);
    if m != all {
        o.str(&format!("{name}_mask"), &format!("/{m:#x}"), &format!("{m:x}"));
    }
}

/// `flower_print_masked_u8`: `\n  name value/mask` (a name for the value
/// when the mask is all ones and `name_of` has one).
fn masked_u8(o: &mut Out, name: &str, value: Option<u8>, mask: Option<u8>, name_of: fn(u8) -> Option<&'static str>) {
    let Some(v) = value else { return };
    let m = mask.unwrap_or(u8::MAX);
    let mut s = match (m == u8::MAX).then(|| name_of(v)).flatten() {
        Some(n) => n.to_owned(),
        None => v.to_string(),
    };
    if m != u8::MAX {
        s += &format!("/{m}");
    }
    name_value(o, name, &s);
}

fn no_name(_: u8) -> Option<&'static str> {
    None
}

/// `flower_print_eth_addr`.
fn eth_addr(o: &mut Out, name: &str, addr: Option<&[u8]>, mask: Option<&[u8]>) {
    let Some(a) = addr.filter(|a| a.len() == 6) else { return };
    let mut s = crate::ipjson::mac_text(a);
    if let Some(m) = mask.filter(|m| m.len() == 6) {
        match mask_bits(m) {
            None => s += &format!("/{}", crate::ipjson::mac_text(m)),
            Some(b) if b < 48 => s += &format!("/{b}"),
            _ => {}
        }
    }
    name_value(o, name, &s);
}

/// `flower_print_ip_addr`: an address and its mask, both needed.
fn ip_addr(o: &mut Out, name: &str, addr: Option<String>, mask: Option<(String, Vec<u8>)>) {
    let (Some(a), Some((m, mb))) = (addr, mask) else { return };
    let s = match mask_bits(&mb) {
        None => format!("{a}/{m}"),
        Some(b) if (b as usize) < mb.len() * 8 => format!("{a}/{b}"),
        _ => a,
    };
    name_value(o, name, &s);
}

fn b<'a>(x: Option<&rtnl_core::typed::Bytes<'a>>) -> Option<&'a [u8]> {
    x.map(|x| x.0)
}
fn v4(a: Option<&core::net::Ipv4Addr>) -> Option<String> {
    a.map(|a| a.to_string())
}
fn v4m(a: Option<&core::net::Ipv4Addr>) -> Option<(String, Vec<u8>)> {
    a.map(|a| (a.to_string(), a.octets().to_vec()))
}
fn v6(a: Option<&core::net::Ipv6Addr>) -> Option<String> {
    a.map(|a| a.to_string())
}
fn v6m(a: Option<&core::net::Ipv6Addr>) -> Option<(String, Vec<u8>)> {
    a.map(|a| (a.to_string(), a.octets().to_vec()))
}

/// `flower_print_opt`.
pub(crate) fn flower(o: &mut Out, a: &[F<'_>], handle: u32, c: &Ctx<'_>) {
    if handle != 0 {
        o.num("handle", &format!("handle {handle:#x} "), handle.into());
    }
    if let Some(h) = get!(a, ClassId) {
        let min = h.0 & 0xffff;
        if !(TC_H_MIN_PRIORITY..TC_H_MIN_PRIORITY + TC_QOPT_MAX_QUEUE).contains(&min) {
            let s = TcHandle(h.0).to_string();
            o.str("classid", &format!("classid {s} "), &s);
        } else {
            let n = min - TC_H_MIN_PRIORITY;
            o.num("hw_tc", &format!("hw_tc {n} "), n.into());
        }
    }
    if let Some(d) = get!(a, Indev) {
        o.text("\n");
        o.str("indev", &format!("  indev {d}"), d);
    }
    o.object("keys", |o| keys(o, a));
    if let Some(f) = get!(a, Flags) {
        if f & 1 != 0 {
            o.text("\n");
            o.lit("skip_hw", "  skip_hw", "true");
        }
        if f & 2 != 0 {
            o.text("\n");
            o.lit("skip_sw", "  skip_sw", "true");
        }
        if f & 4 != 0 {
            o.text("\n");
            o.lit("in_hw", "  in_hw", "true");
            if let Some(n) = get!(a, InHwCount) {
                o.num("in_hw_count", &format!(" in_hw_count {n}"), (*n).into());
            }
        } else if f & 8 != 0 {
            o.text("\n");
            o.lit("not_in_hw", "  not_in_hw", "true");
        }
    }
    if let Some(acts) = get!(a, Act) {
        crate::tcfilter::actions(o, acts, c);
    }
}

fn keys(o: &mut Out, a: &[F<'_>]) {
    if let Some(n) = get!(a, KeyNumOfVlans) {
        o.text("\n");
        o.num("num_of_vlans", &format!("  num_of_vlans {n}"), (*n).into());
    }
    for (id, prio, ethtype, pre) in [
        (get!(a, KeyVlanId), get!(a, KeyVlanPrio), get!(a, KeyVlanEthType), "vlan"),
        (get!(a, KeyCvlanId), get!(a, KeyCvlanPrio), get!(a, KeyCvlanEthType), "cvlan"),
    ] {
        if let Some(v) = id {
            o.text("\n");
            o.num(&format!("{pre}_id"), &format!("  {pre}_id {v}"), (*v).into());
        }
        if let Some(v) = prio {
            o.text("\n");
            o.num(&format!("{pre}_prio"), &format!("  {pre}_prio {v}"), (*v).into());
        }
        if let Some(v) = ethtype {
            let n = proto_n2a(v.0);
            o.text("\n");
            o.str(&format!("{pre}_ethtype"), &format!("  {pre}_ethtype {n}"), &n);
        }
    }
    eth_addr(o, "dst_mac", b(get!(a, KeyEthDst)), b(get!(a, KeyEthDstMask)));
    eth_addr(o, "src_mac", b(get!(a, KeyEthSrc)), b(get!(a, KeyEthSrcMask)));
    let eth_type = get!(a, KeyEthType).map_or(0, |t| t.0);
    if let Some(t) = get!(a, KeyEthType) {
        let s = match t.0 {
            ETH_P_IP => "ipv4".to_owned(),
            ETH_P_IPV6 => "ipv6".into(),
            ETH_P_ARP => "arp".into(),
            ETH_P_RARP => "rarp".into(),
            x => format!("{x:04x}"),
        };
        o.text("\n");
        o.str("eth_type", &format!("  eth_type {s}"), &s);
    }
    let ip_proto = get!(a, KeyIpProto).copied().unwrap_or(0xff);
    if let Some(p) = get!(a, KeyIpProto) {
        let s = match p {
            6 => "tcp".to_owned(),
            17 => "udp".into(),
            132 => "sctp".into(),
            1 => "icmp".into(),
            58 => "icmpv6".into(),
            x => format!("{x:02x}"),
        };
        o.text("\n");
        o.str("ip_proto", &format!("  ip_proto {s}"), &s);
    }
    let u8m = |v: Option<&u8>| v.map(|v| u32::from(*v));
    masked(o, "ip_tos", u8m(get!(a, KeyIpTos)), u8m(get!(a, KeyIpTosMask)), 0xff);
    masked(o, "ip_ttl", u8m(get!(a, KeyIpTtl)), u8m(get!(a, KeyIpTtlMask)), 0xff);
    if let Some(m) = get!(a, KeyMplsOpts).filter(|m| m.flags & rtnl_core::wire::NLA_F_NESTED != 0) {
        mpls_opts(o, m.iter().flatten().collect());
    }
    if let Some(l) = get!(a, KeyMplsLabel) {
        o.text("\n  ");
        o.num("mpls_label", &format!("mpls_label {l}"), (*l).into());
    }
    masked_u8(o, "mpls_tc", get!(a, KeyMplsTc).copied(), None, no_name);
    masked_u8(o, "mpls_bos", get!(a, KeyMplsBos).copied(), None, no_name);
    masked_u8(o, "mpls_ttl", get!(a, KeyMplsTtl).copied(), None, no_name);
    let (dst, src) = match eth_type {
        ETH_P_IP => (
            (v4(get!(a, KeyIpv4Dst)), v4m(get!(a, KeyIpv4DstMask))),
            (v4(get!(a, KeyIpv4Src)), v4m(get!(a, KeyIpv4SrcMask))),
        ),
        ETH_P_IPV6 => (
            (v6(get!(a, KeyIpv6Dst)), v6m(get!(a, KeyIpv6DstMask))),
            (v6(get!(a, KeyIpv6Src)), v6m(get!(a, KeyIpv6SrcMask))),
        ),
        _ => ((None, None), (None, None)),
    };
    ip_addr(o, "dst_ip", dst.0, dst.1);
    ip_addr(o, "src_ip", src.0, src.1);
    let be = |v: Option<&rtnl_core::typed::Be16>| v.map(|v| u32::from(v.0));
    let ports = match ip_proto {
        6 => Some((
            (be(get!(a, KeyTcpDst)), be(get!(a, KeyTcpDstMask))),
            (be(get!(a, KeyTcpSrc)), be(get!(a, KeyTcpSrcMask))),
        )),
        17 => Some((
            (be(get!(a, KeyUdpDst)), be(get!(a, KeyUdpDstMask))),
            (be(get!(a, KeyUdpSrc)), be(get!(a, KeyUdpSrcMask))),
        )),
        132 => Some((
            (be(get!(a, KeySctpDst)), be(get!(a, KeySctpDstMask))),
            (be(get!(a, KeySctpSrc)), be(get!(a, KeySctpSrcMask))),
        )),
        _ => None,
    };
    if let Some((dst, src)) = ports {
        masked(o, "dst_port", dst.0, dst.1, 0xffff);
        masked(o, "src_port", src.0, src.1, 0xffff);
        for (name, min, max) in [
            ("dst_port", get!(a, KeyPortDstMin), get!(a, KeyPortDstMax)),
            ("src_port", get!(a, KeyPortSrcMin), get!(a, KeyPortSrcMax)),
        ] {
            if let (Some(min), Some(max)) = (min, max) {
                if o.json {
                    o.object(name, |o| {
                        o.num("start", "", min.0.into());
                        o.num("end", "", max.0.into());
                    });
                } else {
                    name_value(o, name, &format!("{}-{}", min.0, max.0));
                }
            }
        }
    }
    if let Some(f) = get!(a, KeyTcpFlags) {
        let mut s = format!("{:#x}", f.0);
        if let Some(m) = get!(a, KeyTcpFlagsMask) {
            s += &format!("/{:x}", m.0);
        }
        name_value(o, "tcp_flags", &s);
    }
    let icmp = match (eth_type, ip_proto) {
        (ETH_P_IP, 1) => Some((
            (get!(a, KeyIcmpv4Type), get!(a, KeyIcmpv4TypeMask)),
            (get!(a, KeyIcmpv4Code), get!(a, KeyIcmpv4CodeMask)),
        )),
        (ETH_P_IPV6, 58) => Some((
            (get!(a, KeyIcmpv6Type), get!(a, KeyIcmpv6TypeMask)),
            (get!(a, KeyIcmpv6Code), get!(a, KeyIcmpv6CodeMask)),
        )),
        _ => None,
    };
    if let Some((ty, code)) = icmp {
        masked_u8(o, "icmp_type", ty.0.copied(), ty.1.copied(), no_name);
        masked_u8(o, "icmp_code", code.0.copied(), code.1.copied(), no_name);
    }
    ip_addr(o, "arp_sip", v4(get!(a, KeyArpSip)), v4m(get!(a, KeyArpSipMask)));
    ip_addr(o, "arp_tip", v4(get!(a, KeyArpTip)), v4m(get!(a, KeyArpTipMask)));
    masked_u8(o, "arp_op", get!(a, KeyArpOp).copied(), get!(a, KeyArpOpMask).copied(), |op| match op {
        1 => Some("request"),
        2 => Some("reply"),
        _ => None,
    });
    eth_addr(o, "arp_sha", b(get!(a, KeyArpSha)), b(get!(a, KeyArpShaMask)));
    eth_addr(o, "arp_tha", b(get!(a, KeyArpTha)), b(get!(a, KeyArpThaMask)));
    if let Some(s) = get!(a, KeyPppoeSid) {
        o.text("\n");
        o.num("pppoe_sid", &format!("  pppoe_sid {}", s.0), s.0.into());
    }
    if let Some(p) = get!(a, KeyPppProto) {
        let n = ppp_proto_n2a(p.0);
        o.text("\n");
        o.str("ppp_proto", &format!("  ppp_proto {n}"), &n);
    }
    let enc_dst = if get!(a, KeyEncIpv4DstMask).is_some() {
        (v4(get!(a, KeyEncIpv4Dst)), v4m(get!(a, KeyEncIpv4DstMask)))
    } else {
        (v6(get!(a, KeyEncIpv6Dst)), v6m(get!(a, KeyEncIpv6DstMask)))
    };
    ip_addr(o, "enc_dst_ip", enc_dst.0, enc_dst.1);
    let enc_src = if get!(a, KeyEncIpv4SrcMask).is_some() {
        (v4(get!(a, KeyEncIpv4Src)), v4m(get!(a, KeyEncIpv4SrcMask)))
    } else {
        (v6(get!(a, KeyEncIpv6Src)), v6m(get!(a, KeyEncIpv6SrcMask)))
    };
    ip_addr(o, "enc_src_ip", enc_src.0, enc_src.1);
    if let Some(k) = get!(a, KeyEncKeyId) {
        o.text("\n  ");
        o.num("enc_key_id", &format!("enc_key_id {}", k.0), k.0.into());
    }
    masked(o, "enc_dst_port", be(get!(a, KeyEncUdpDstPort)), be(get!(a, KeyEncUdpDstPortMask)), 0xffff);
    masked(o, "enc_tos", u8m(get!(a, KeyEncIpTos)), u8m(get!(a, KeyEncIpTosMask)), 0xff);
    masked(o, "enc_ttl", u8m(get!(a, KeyEncIpTtl)), u8m(get!(a, KeyEncIpTtlMask)), 0xff);
    if a.iter().any(|x| matches!(x, F::KeyEncOpts(_))) {
        o.text("\n  [enc_opt not printed by rtnl]");
    }
    if let (Some(f), Some(m)) = (get!(a, KeyFlags), get!(a, KeyFlagsMask)) {
        let (f, m) = (f.0, m.0);
        let mut words = Vec::new();
        for (bit, name) in [(1u32, "frag"), (2, "firstfrag")] {
            if m & bit != 0 {
                words.push((name, f & bit != 0));
            }
        }
        if !words.is_empty() {
            o.text("\n  ip_flags ");
            o.object("ip_flags", |o| {
                for (i, (name, on)) in words.iter().enumerate() {
                    if i > 0 {
                        o.text("/");
                    }
                    let t = if *on { (*name).to_owned() } else { format!("no{name}") };
                    o.lit(name, &t, if *on { "true" } else { "false" });
                }
            });
        }
    }
    if let Some(st) = get!(a, KeyCtState) {
        let m = get!(a, KeyCtStateMask).copied().unwrap_or(u16::MAX);
        let mut s = String::new();
        for (name, bit) in [("trk", 8u16), ("new", 1), ("est", 2), ("rel", 4), ("inv", 16), ("rpl", 32)] {
            if m & bit != 0 {
                s += &format!("{}{name}", if st & bit != 0 { '+' } else { '-' });
            }
        }
        o.text("\n");
        o.str("ct_state", &format!("  ct_state {s}"), &s);
    }
    let u16m = |v: Option<&u16>| v.map(|v| u32::from(*v));
    masked(o, "ct_zone", u16m(get!(a, KeyCtZone)), u16m(get!(a, KeyCtZoneMask)), 0xffff);
    masked(o, "ct_mark", get!(a, KeyCtMark).copied(), get!(a, KeyCtMarkMask).copied(), u32::MAX);
    if let Some(l) = get!(a, KeyCtLabels) {
        let mut s = hex(l.0);
        let mask = get!(a, KeyCtLabelsMask).map_or(&[][..], |m| m.0);
        if l.0.len() != 16 || mask.iter().take(l.0.len()).any(|b| *b != 0xff) || mask.len() < l.0.len() {
            s += &format!("/{}", hex(mask.get(..l.0.len()).unwrap_or(mask)));
        }
        o.text("\n");
        o.str("ct_label", &format!("  ct_label {s}"), &s);
    }
}

/// `flower_print_mpls_opts`: each label stack entry.
fn mpls_opts(o: &mut Out, lses: Vec<FlowerMplsOptsAttr<'_>>) {
    o.text("\n  mpls");
    let mut items = Vec::new();
    for l in lses {
        let FlowerMplsOptsAttr::Lse(n) = l else { continue };
        let mut x = Out::new(o.json);
        x.text("\n    lse");
        let f: Vec<_> = n.iter().flatten().collect();
        let pick = |want: fn(&FlowerMplsLseAttr<'_>) -> Option<u32>| f.iter().find_map(want);
        for (key, v) in [
            ("depth", pick(|x| if let FlowerMplsLseAttr::Depth(v) = x { Some((*v).into()) } else { None })),
            ("label", pick(|x| if let FlowerMplsLseAttr::Label(v) = x { Some(*v) } else { None })),
            ("tc", pick(|x| if let FlowerMplsLseAttr::Tc(v) = x { Some((*v).into()) } else { None })),
            ("bos", pick(|x| if let FlowerMplsLseAttr::Bos(v) = x { Some((*v).into()) } else { None })),
            ("ttl", pick(|x| if let FlowerMplsLseAttr::Ttl(v) = x { Some((*v).into()) } else { None })),
        ] {
            if let Some(v) = v {
                x.num(key, &format!(" {key} {v}"), v.into());
            }
        }
        items.push(x);
    }
    if o.json {
        o.objects("mpls", &items);
    } else {
        for x in items {
            o.text(&x.s);
        }
    }
}

/// `ppp_proto_n2a`.
fn ppp_proto_n2a(p: u16) -> String {
    PPP_PROTOS.iter().find(|(id, _)| *id == p).map_or_else(|| format!("[{p}]"), |(_, n)| (*n).to_owned())
}

/// `ppp_proto_a2n`: a name of [`PPP_PROTOS`] (in any case), else a number.
pub(crate) fn ppp_proto_a2n(s: &str) -> Option<u16> {
    match PPP_PROTOS.iter().find(|(_, n)| n.eq_ignore_ascii_case(s)) {
        Some((id, _)) => Some(*id),
        None => u16::try_from(crate::route::parse_u32(s, "").ok()?).ok(),
    }
}

/// iproute2's names of PPP protocols (`lib/ppp_proto.c`).
const PPP_PROTOS: &[(u16, &str)] = &[
    (0x21, "ip"),
    (0x29, "at"),
    (0x2b, "ipx"),
    (0x2d, "vjc_comp"),
    (0x2f, "vjc_uncomp"),
    (0x3d, "mp"),
    (0x57, "ipv6"),
    (0xfb, "compfrag"),
    (0xfd, "comp"),
    (0x281, "mpls_uc"),
    (0x283, "mpls_mc"),
    (0x8021, "ipcp"),
    (0x8029, "atcp"),
    (0x802b, "ipxcp"),
    (0x8057, "ipv6cp"),
    (0x80fb, "ccpfrag"),
    (0x80fd, "ccp"),
    (0x8281, "mplscp"),
    (0xc021, "lcp"),
    (0xc023, "pap"),
    (0xc025, "lqr"),
    (0xc223, "chap"),
    (0xc029, "cbcp"),
];
