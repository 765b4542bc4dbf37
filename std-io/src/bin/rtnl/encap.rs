//! `encap TYPE ...` of `rtnl route`: parsed like `ip route ... encap`, written
//! with rtnl-core's typed builder (the encapsulation and its type together),
//! and printed as `ip route show` prints it.

use crate::ipjson::Out;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use rtnl_core::net::Labels;
use rtnl_core::route::{
    Encap, IlaAttr, Ioam6IptunnelAttr, LwtBpfAttr, LwtBpfProgAttr, LwtIp6Attr, LwtIpAttr, LwtXfrmAttr,
    MplsIptunnelAttr, RplIptunnelAttr, Seg6Encap, Seg6IptunnelAttr, Seg6LocalAction, Seg6LocalAttr, Seg6LocalCntAttr,
    Seg6LocalFlvAttr, Seg6Mode, Srh,
};
use rtnl_core::typed::{Be16, Be64, Choose, Nest};
use rtnl_core::wire::{Buffer, ByteOrder, EncodeError, NativeEndian};

/// `TUNNEL_CSUM`, `TUNNEL_KEY`, `TUNNEL_SEQ` (`LWTUNNEL_IP_FLAGS`, big-endian).
const TUNNEL_CSUM: u16 = 0x01;
const TUNNEL_KEY: u16 = 0x04;
const TUNNEL_SEQ: u16 = 0x08;

/// The flavour names of `SEG6_LOCAL_FLV_OP_*` (by bit number).
const FLAVORS: [&str; 5] = ["", "psp", "usp", "usd", "next-csid"];

/// An encapsulation given on the command line.
#[derive(Debug, Clone, PartialEq)]
pub enum EncapSpec {
    /// `encap mpls LABEL[/LABEL...] [ttl N]`
    Mpls { labels: Vec<u32>, ttl: Option<u8> },
    /// `encap ip|ip6 [id N] [dst A] [src A] [tos|tc N] [ttl|hoplimit N] [key] [csum] [seq]`
    Ip {
        v6: bool,
        id: Option<u64>,
        dst: Option<IpAddr>,
        src: Option<IpAddr>,
        tos: Option<u8>,
        ttl: Option<u8>,
        flags: u16,
    },
    /// `encap seg6 mode M segs A,B,... [hmac K]`
    Seg6 { mode: Seg6Mode, segs: Vec<Ipv6Addr>, hmac: Option<u32> },
    /// `encap seg6local action A [table T] [vrftable T] [nh4 A] [nh6 A] [iif D] [oif D] [srh segs ... [hmac K]] [count]`
    Seg6Local(Box<Seg6LocalSpec>),
    /// `encap rpl segs A,B,...`
    Rpl { segs: Vec<Ipv6Addr> },
    /// `encap ila LOCATOR [csum-mode M] [ident-type T] [hook-type H]`
    Ila { locator: u64, csum: Option<u8>, ident: Option<u8>, hook: Option<u8> },
    /// `encap xfrm if_id N [link_dev D]`
    Xfrm { if_id: u32, link: Option<u32> },
}

/// The arguments of `encap seg6local`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Seg6LocalSpec {
    action: Seg6LocalAction,
    table: Option<u32>,
    vrftable: Option<u32>,
    nh4: Option<Ipv4Addr>,
    nh6: Option<Ipv6Addr>,
    iif: Option<u32>,
    oif: Option<u32>,
    srh: Option<(Vec<Ipv6Addr>, Option<u32>)>,
    count: bool,
}

const ILA_CSUM: [&str; 4] = ["adj-transport", "neutral-map", "no-action", "neutral-map-auto"];
const ILA_IDENT: [(u8, &str); 7] = [
    (0, "iid"),
    (1, "luid"),
    (2, "virt-v4"),
    (3, "virt-uni-v6"),
    (4, "virt-multi-v6"),
    (5, "nonlocal-addr"),
    (32, "use-format"),
];
const ILA_HOOK: [&str; 2] = ["output", "input"];

fn next<'a>(it: &mut std::iter::Peekable<std::slice::Iter<'a, String>>, what: &str) -> Result<&'a str, String> {
    it.next().map(String::as_str).ok_or_else(|| format!("\"{what}\" needs a value"))
}

fn num<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, String> {
    let parsed = match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16).ok().and_then(|v| v.to_string().parse().ok()),
        None => s.parse().ok(),
    };
    parsed.ok_or_else(|| format!("\"{what}\" value is invalid: {s}"))
}

fn v6list(s: &str) -> Result<Vec<Ipv6Addr>, String> {
    s.split(',')
        .map(|a| a.parse().map_err(|_| format!("Error: argument \"{a}\" is wrong: invalid IPv6 address")))
        .collect()
}

/// Parses `TYPE ARGS...` after `encap`, taking the arguments it knows from
/// `it` and leaving the rest (`via`, `dev`, …) to the caller.
pub fn parse(
    it: &mut std::iter::Peekable<std::slice::Iter<'_, String>>,
    ifindex: &dyn Fn(&str) -> Result<u32, String>,
) -> Result<EncapSpec, String> {
    let ty = next(it, "encap")?;
    let peek = |it: &mut std::iter::Peekable<std::slice::Iter<'_, String>>, k: &str| it.peek().is_some_and(|a| *a == k);
    match ty {
        "mpls" => {
            let labels = next(it, "mpls")?
                .split('/')
                .map(|l| {
                    num::<u32>(l, "label")
                        .and_then(|v| if v < 1 << 20 { Ok(v) } else { Err(format!("invalid label {l}")) })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut ttl = None;
            if peek(it, "ttl") {
                it.next();
                ttl = Some(num(next(it, "ttl")?, "ttl")?);
            }
            Ok(EncapSpec::Mpls { labels, ttl })
        }
        "ip" | "ip6" => {
            let v6 = ty == "ip6";
            let (mut id, mut dst, mut src, mut tos, mut ttl, mut flags) = (None, None, None, None, None, 0);
            let addr = |s: &str| -> Result<IpAddr, String> {
                let a: IpAddr = s.parse().map_err(|_| format!("Error: argument \"{s}\" is wrong: invalid address"))?;
                if a.is_ipv6() != v6 {
                    return Err(format!("{s} is not an {} address", if v6 { "IPv6" } else { "IPv4" }));
                }
                Ok(a)
            };
            while let Some(k) = it.peek().map(|s| s.as_str()) {
                match (k, v6) {
                    ("id", _) => id = Some(num(next(it, "id").and_then(|_| next(it, "id"))?, "id")?),
                    ("dst", _) => dst = Some(addr(next(it, "dst").and_then(|_| next(it, "dst"))?)?),
                    ("src", _) => src = Some(addr(next(it, "src").and_then(|_| next(it, "src"))?)?),
                    ("tos", false) | ("tc", true) => tos = Some(num(next(it, k).and_then(|_| next(it, k))?, k)?),
                    ("ttl", false) | ("hoplimit", true) => ttl = Some(num(next(it, k).and_then(|_| next(it, k))?, k)?),
                    ("key", _) => {
                        it.next();
                        flags |= TUNNEL_KEY;
                    }
                    ("csum", _) => {
                        it.next();
                        flags |= TUNNEL_CSUM;
                    }
                    ("seq", _) => {
                        it.next();
                        flags |= TUNNEL_SEQ;
                    }
                    _ => break,
                }
            }
            Ok(EncapSpec::Ip { v6, id, dst, src, tos, ttl, flags })
        }
        "seg6" => {
            let (mut mode, mut segs, mut hmac) = (None, None, None);
            while let Some(k) = it.peek().map(|s| s.as_str()) {
                match k {
                    "mode" => {
                        it.next();
                        let m = next(it, "mode")?;
                        mode = Some(
                            Seg6Mode::from_name(m)
                                .filter(|m| m.kernel_name().is_some())
                                .ok_or_else(|| format!("\"mode\" value is invalid: {m}"))?,
                        );
                    }
                    "segs" => {
                        it.next();
                        if mode.is_none() {
                            return Err("\"segs\" provided before \"mode\"".into());
                        }
                        segs = Some(v6list(next(it, "segs")?)?);
                    }
                    "hmac" => {
                        it.next();
                        hmac = Some(num(next(it, "hmac")?, "hmac")?);
                    }
                    _ => break,
                }
            }
            let mode = mode.ok_or("seg6 needs \"mode\"")?;
            Ok(EncapSpec::Seg6 { mode, segs: segs.ok_or("seg6 needs \"segs\"")?, hmac })
        }
        "seg6local" => {
            let mut s = Seg6LocalSpec::default();
            while let Some(k) = it.peek().map(|s| s.as_str()) {
                match k {
                    "action" => {
                        it.next();
                        let a = next(it, "action")?;
                        s.action = Seg6LocalAction::from_name(a)
                            .filter(|a| a.0 != 0 && a.kernel_name().is_some())
                            .ok_or_else(|| format!("\"action\" value is invalid: {a}"))?;
                    }
                    "table" | "vrftable" => {
                        it.next();
                        let t = super::route::parse_table(next(it, k)?)?;
                        if k == "table" {
                            s.table = Some(t);
                        } else {
                            s.vrftable = Some(t);
                        }
                    }
                    "nh4" => {
                        it.next();
                        let a = next(it, k)?;
                        s.nh4 =
                            Some(a.parse().map_err(|_| format!("Error: argument \"{a}\" is wrong: invalid address"))?);
                    }
                    "nh6" => {
                        it.next();
                        let a = next(it, k)?;
                        s.nh6 =
                            Some(a.parse().map_err(|_| format!("Error: argument \"{a}\" is wrong: invalid address"))?);
                    }
                    "iif" | "oif" => {
                        it.next();
                        let i = ifindex(next(it, k)?)?;
                        if k == "iif" {
                            s.iif = Some(i);
                        } else {
                            s.oif = Some(i);
                        }
                    }
                    "srh" => {
                        it.next();
                        if next(it, "srh")? != "segs" {
                            return Err("missing \"segs\" attribute for srh".into());
                        }
                        let segs = v6list(next(it, "segs")?)?;
                        let mut hmac = None;
                        if peek(it, "hmac") {
                            it.next();
                            hmac = Some(num(next(it, "hmac")?, "hmac")?);
                        }
                        s.srh = Some((segs, hmac));
                    }
                    "count" => {
                        it.next();
                        s.count = true;
                    }
                    _ => break,
                }
            }
            if s.action.0 == 0 {
                return Err("Missing action type".into());
            }
            Ok(EncapSpec::Seg6Local(Box::new(s)))
        }
        "rpl" => {
            if next(it, "rpl")? != "segs" {
                return Err("rpl needs \"segs\"".into());
            }
            Ok(EncapSpec::Rpl { segs: v6list(next(it, "segs")?)? })
        }
        "ila" => {
            let l = next(it, "ila")?;
            let locator =
                parse_addr64(l).ok_or_else(|| format!("Error: argument \"{l}\" is wrong: invalid locator"))?;
            let (mut csum, mut ident, mut hook) = (None, None, None);
            while let Some(k) = it.peek().map(|s| s.as_str()) {
                let pick = |v: &str, names: &[(u8, &str)]| {
                    names
                        .iter()
                        .find(|(_, n)| *n == v)
                        .map(|(i, _)| *i)
                        .ok_or(format!("Error: argument \"{v}\" is wrong: invalid {k}"))
                };
                match k {
                    "csum-mode" => {
                        it.next();
                        let v = next(it, k)?;
                        let names: Vec<(u8, &str)> = ILA_CSUM.iter().enumerate().map(|(i, n)| (i as u8, *n)).collect();
                        csum = Some(pick(v, &names)?);
                    }
                    "ident-type" => {
                        it.next();
                        ident = Some(pick(next(it, k)?, &ILA_IDENT)?);
                    }
                    "hook-type" => {
                        it.next();
                        let v = next(it, k)?;
                        let names: Vec<(u8, &str)> = ILA_HOOK.iter().enumerate().map(|(i, n)| (i as u8, *n)).collect();
                        hook = Some(pick(v, &names)?);
                    }
                    _ => break,
                }
            }
            Ok(EncapSpec::Ila { locator, csum, ident, hook })
        }
        "xfrm" => {
            let (mut if_id, mut link) = (None, None);
            while let Some(k) = it.peek().map(|s| s.as_str()) {
                match k {
                    "if_id" => {
                        it.next();
                        if_id = Some(num(next(it, k)?, k)?);
                    }
                    "link_dev" => {
                        it.next();
                        link = Some(ifindex(next(it, k)?)?);
                    }
                    _ => break,
                }
            }
            Ok(EncapSpec::Xfrm { if_id: if_id.ok_or("xfrm needs \"if_id\"")?, link })
        }
        "bpf" | "ioam6" => {
            Err(format!("encap {ty}: not supported by rtnl's command line yet (the library encodes it)"))
        }
        t => Err(format!(
            "Error: argument \"{t}\" is wrong: unknown encap type (mpls, ip, ip6, seg6, seg6local, rpl, ila, xfrm)"
        )),
    }
}

/// `2001:db8:0:1` → the locator's 64 bits.
fn parse_addr64(s: &str) -> Option<u64> {
    let parts: Vec<&str> = s.split(':').collect();
    if parts.len() != 4 {
        return None;
    }
    parts.iter().try_fold(0u64, |acc, p| u16::from_str_radix(p, 16).ok().map(|v| acc << 16 | u64::from(v)))
}

fn srh_of<'s>(
    segs: &[Ipv6Addr],
    reserve: bool,
    hmac: Option<u32>,
    st: &'s mut Vec<u8>,
) -> Result<Srh<'s>, EncodeError> {
    let n = 8 + 16 * (segs.len() + 1) + 40;
    st.resize(n, 0);
    Srh::encode_with(segs, reserve, hmac, st).ok_or(EncodeError::AttrTooLong(n))
}

impl EncapSpec {
    /// Writes the encapsulation and its type together through `c`: a
    /// route's or a route hop's `encap()` (`RTA_ENCAP_TYPE`), or a next
    /// hop's `encap().into_table()` (`NHA_ENCAP_TYPE`).
    pub fn write<B: Buffer>(
        &self,
        c: Choose<'_, B, NativeEndian, Encap<'static, NativeEndian>>,
    ) -> Result<(), EncodeError> {
        match self {
            EncapSpec::Mpls { labels, ttl } => {
                let n = labels.len() * 4;
                let mut st = vec![0u8; n];
                let l = Labels::encode(labels, &mut st).ok_or(EncodeError::AttrTooLong(n))?;
                c.mpls(|m| {
                    m.dst(l)?;
                    if let Some(t) = ttl {
                        m.ttl(*t)?;
                    }
                    Ok(())
                })
            }
            EncapSpec::Ip { v6: false, id, dst, src, tos, ttl, flags } => c.ip(|m| {
                if let Some(i) = id {
                    m.id(Be64(*i))?;
                }
                if let Some(IpAddr::V4(a)) = dst {
                    m.dst(*a)?;
                }
                if let Some(IpAddr::V4(a)) = src {
                    m.src(*a)?;
                }
                if let Some(t) = tos {
                    m.tos(*t)?;
                }
                if let Some(t) = ttl {
                    m.ttl(*t)?;
                }
                if *flags != 0 {
                    m.flags(Be16(*flags))?;
                }
                Ok(())
            }),
            EncapSpec::Ip { v6: true, id, dst, src, tos, ttl, flags } => c.ip6(|m| {
                if let Some(i) = id {
                    m.id(Be64(*i))?;
                }
                if let Some(IpAddr::V6(a)) = dst {
                    m.dst(*a)?;
                }
                if let Some(IpAddr::V6(a)) = src {
                    m.src(*a)?;
                }
                if let Some(t) = tos {
                    m.tc(*t)?;
                }
                if let Some(t) = ttl {
                    m.hoplimit(*t)?;
                }
                if *flags != 0 {
                    m.flags(Be16(*flags))?;
                }
                Ok(())
            }),
            EncapSpec::Seg6 { mode, segs, hmac } => {
                let mut st = Vec::new();
                let srh = srh_of(segs, *mode == Seg6Mode::INLINE, *hmac, &mut st)?;
                c.seg6(|s| s.srh(Seg6Encap::new(*mode, srh)).map(drop))
            }
            EncapSpec::Seg6Local(s) => {
                let mut st = Vec::new();
                let srh = match &s.srh {
                    Some((segs, hmac)) => {
                        Some(srh_of(segs, s.action != Seg6LocalAction::END_B6_ENCAP, *hmac, &mut st)?)
                    }
                    None => None,
                };
                c.seg6local(|m| {
                    m.action(s.action)?;
                    if let Some(t) = s.table {
                        m.table(t)?;
                    }
                    if let Some(t) = s.vrftable {
                        m.vrftable(t)?;
                    }
                    if let Some(a) = s.nh4 {
                        m.nh4(a)?;
                    }
                    if let Some(a) = s.nh6 {
                        m.nh6(a)?;
                    }
                    if let Some(i) = s.iif {
                        m.iif(i)?;
                    }
                    if let Some(i) = s.oif {
                        m.oif(i)?;
                    }
                    if s.count {
                        // as ip: the three counters, zero, ask the kernel to count
                        m.counters(|c| c.packets(0)?.bytes(0)?.errors(0).map(drop))?;
                    }
                    if let Some(srh) = srh {
                        m.srh(srh)?;
                    }
                    Ok(())
                })
            }
            EncapSpec::Rpl { segs } => {
                // struct ipv6_rpl_sr_hdr without compression: 8 bytes, then the addresses
                let mut b = vec![0u8; 8 + 16 * segs.len()];
                b[1] = (segs.len() * 2) as u8;
                b[2] = 3;
                b[3] = segs.len() as u8;
                for (i, s) in segs.iter().rev().enumerate() {
                    b[8 + i * 16..24 + i * 16].copy_from_slice(&s.octets());
                }
                let raw = rtnl_core::wire::Attr::<NativeEndian>::new(1, &b, 0);
                let srh = <rtnl_core::route::RplSrh<'_> as rtnl_core::typed::AttrPayload<'_, NativeEndian>>::decode(
                    &raw,
                    &Default::default(),
                )
                .map_err(|_| EncodeError::AttrTooLong(b.len()))?;
                c.rpl(|m| m.srh(srh).map(drop))
            }
            EncapSpec::Ila { locator, csum, ident, hook } => c.ila(|m| {
                m.locator(Be64(*locator))?;
                if let Some(c) = csum {
                    m.csum_mode(*c)?;
                }
                if let Some(i) = ident {
                    m.ident_type(*i)?;
                }
                if let Some(h) = hook {
                    m.hook_type(*h)?;
                }
                Ok(())
            }),
            EncapSpec::Xfrm { if_id, link } => c.xfrm(|m| {
                m.if_id(*if_id)?;
                if let Some(l) = link {
                    m.link(*l)?;
                }
                Ok(())
            }),
        }
    }
}

fn first<'a, O: ByteOrder, T: rtnl_core::typed::AttrSet<'a, O>>(n: &Nest<'a, O, T>) -> Vec<T> {
    n.iter().map_while(Result::ok).collect()
}

fn table_text(t: u32) -> String {
    rtnl_core::route::RouteTable(t).to_string()
}

/// A segment list: `segs N [ A B ] ` (last segment first), `"segs":[…]`,
/// then the HMAC key id.
fn print_srh(p: &mut Out, srh: &Srh<'_>) {
    let segs: Vec<String> = srh.segments().collect::<Vec<Ipv6Addr>>().iter().rev().map(|a| a.to_string()).collect();
    p.text(&format!("segs {} [ ", usize::from(srh.first_segment()) + 1));
    for a in &segs {
        p.text(&format!("{a} "));
    }
    p.text("] ");
    p.strs("segs", &segs);
    if let Some((key, _)) = srh.hmac() {
        p.str("hmac", &format!("hmac {key:X} "), &format!("0x{key:x}"));
    }
}

/// A BPF program of a `bpf` encapsulation or a `seg6local` endpoint:
/// `what NAME `, `"what":"NAME"` (`<unknown>` without a name).
fn print_bpf_prog<O: ByteOrder>(p: &mut Out, what: &str, prog: &Nest<'_, O, LwtBpfProgAttr<'_, O>>) {
    let name = first(prog).into_iter().find_map(|y| if let LwtBpfProgAttr::Name(n) = y { Some(n) } else { None });
    p.text(&format!("{what} "));
    if let Some(n) = name {
        p.text(&format!("{n} "));
    }
    if p.json {
        p.str(what, "", name.unwrap_or("<unknown>"));
    }
}

/// The encapsulation as `ip route show` prints it: ` encap TYPE ...` (with
/// the leading space `ip` writes); `stats` (`-s`): a `seg6local`'s counters.
pub fn format_encap<O: ByteOrder>(e: &Encap<'_, O>, dev: &dyn Fn(u32) -> String, stats: bool) -> String {
    let mut p = Out::new(false);
    print_encap(&mut p, e, dev, stats);
    p.s
}

/// The encapsulation as `ip -j route show` (iproute2 6.1) prints it: its
/// members among the route's (`"encap":"ip","id":5,"dst":…`), without a
/// leading comma; empty for none.
pub fn json_encap<O: ByteOrder>(e: &Encap<'_, O>, dev: &dyn Fn(u32) -> String, stats: bool) -> String {
    let mut p = Out::new(true);
    print_encap(&mut p, e, dev, stats);
    p.s
}

/// The encapsulation printed into `p` (text or JSON members), as ip's
/// `lwt_print_encap` prints it.
pub fn print_encap<O: ByteOrder>(p: &mut Out, e: &Encap<'_, O>, dev: &dyn Fn(u32) -> String, stats: bool) {
    let ty = Encap::<'_, O>::kind_name(e.kind())
        .map(|n| n.trim_start_matches("LWTUNNEL_ENCAP_").to_ascii_lowercase().replace('_', ""))
        .unwrap_or_else(|| "unknown".into());
    p.str("encap", &format!(" encap {ty} "), &ty);
    match e {
        Encap::Mpls(n) => {
            for a in first(n) {
                match a {
                    MplsIptunnelAttr::Dst(l) => {
                        let l: Vec<String> = l.iter().map(|x| x.label.to_string()).collect();
                        let l = l.join("/");
                        p.str("dst", &format!(" {l} "), &l);
                    }
                    MplsIptunnelAttr::Ttl(t) => p.num("ttl", &format!("ttl {t} "), t.into()),
                    _ => {}
                }
            }
        }
        Encap::Ip(n) => {
            let a = first(n);
            if let Some(i) = a.iter().find_map(|x| if let LwtIpAttr::Id(i) = x { Some(i.0) } else { None }) {
                p.num("id", &format!("id {i} "), i);
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIpAttr::Src(v) = x { Some(*v) } else { None }) {
                p.str("src", &format!("src {v} "), &v.to_string());
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIpAttr::Dst(v) = x { Some(*v) } else { None }) {
                p.str("dst", &format!("dst {v} "), &v.to_string());
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIpAttr::Ttl(v) = x { Some(*v) } else { None }) {
                p.num("ttl", &format!("ttl {v} "), v.into());
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIpAttr::Tos(v) = x { Some(*v) } else { None }) {
                p.num("tos", &format!("tos {v} "), v.into());
            }
            if let Some(f) = a.iter().find_map(|x| if let LwtIpAttr::Flags(f) = x { Some(f.0) } else { None }) {
                print_flags(p, f);
            }
        }
        Encap::Ip6(n) => {
            let a = first(n);
            if let Some(i) = a.iter().find_map(|x| if let LwtIp6Attr::Id(i) = x { Some(i.0) } else { None }) {
                p.num("id", &format!("id {i} "), i);
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIp6Attr::Src(v) = x { Some(*v) } else { None }) {
                p.str("src", &format!("src {v} "), &v.to_string());
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIp6Attr::Dst(v) = x { Some(*v) } else { None }) {
                p.str("dst", &format!("dst {v} "), &v.to_string());
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIp6Attr::HopLimit(v) = x { Some(*v) } else { None }) {
                p.num("hoplimit", &format!("hoplimit {v} "), v.into());
            }
            if let Some(v) = a.iter().find_map(|x| if let LwtIp6Attr::Tc(v) = x { Some(*v) } else { None }) {
                p.num("tc", &format!("tc {v} "), v.into());
            }
            if let Some(f) = a.iter().find_map(|x| if let LwtIp6Attr::Flags(f) = x { Some(f.0) } else { None }) {
                print_flags(p, f);
            }
        }
        Encap::Seg6(n) => {
            if let Some(Seg6IptunnelAttr::Srh(e)) = n.find(rtnl_core::route::SEG6_IPTUNNEL_SRH) {
                let m = e.mode.to_string();
                p.str("mode", &format!("mode {m} "), &m);
                print_srh(p, &e.srh);
            }
        }
        Encap::Seg6Local(n) => {
            let a = first(n);
            let Some(action) = a.iter().find_map(|x| if let Seg6LocalAttr::Action(v) = x { Some(*v) } else { None })
            else {
                return;
            };
            let action = action.to_string();
            p.str("action", &format!("action {action} "), &action);
            for x in &a {
                if let Seg6LocalAttr::Srh(h) = x {
                    p.object("srh", |p| print_srh(p, h));
                }
            }
            for x in &a {
                match x {
                    Seg6LocalAttr::Table(t) => p.str("table", &format!("table {} ", table_text(*t)), &table_text(*t)),
                    Seg6LocalAttr::VrfTable(t) => {
                        p.str("vrftable", &format!("vrftable {} ", table_text(*t)), &table_text(*t))
                    }
                    _ => {}
                }
            }
            for x in &a {
                match x {
                    Seg6LocalAttr::Nh4(v) => p.str("nh4", &format!("nh4 {v} "), &v.to_string()),
                    Seg6LocalAttr::Nh6(v) => p.str("nh6", &format!("nh6 {v} "), &v.to_string()),
                    _ => {}
                }
            }
            for x in &a {
                match x {
                    Seg6LocalAttr::Iif(i) => p.str("iif", &format!("iif {} ", dev(*i)), &dev(*i)),
                    Seg6LocalAttr::Oif(i) => p.str("oif", &format!("oif {} ", dev(*i)), &dev(*i)),
                    _ => {}
                }
            }
            for x in &a {
                if let Seg6LocalAttr::Bpf(prog) = x {
                    let name = first(prog).into_iter().find_map(|y| {
                        if let rtnl_core::route::Seg6LocalBpfAttr::Name(n) = y {
                            Some(n)
                        } else {
                            None
                        }
                    });
                    p.text("endpoint ");
                    if let Some(n) = name {
                        p.text(&format!("{n} "));
                    }
                    if p.json {
                        p.str("endpoint", "", name.unwrap_or("<unknown>"));
                    }
                }
            }
            for x in &a {
                if let (Seg6LocalAttr::Counters(c), true) = (x, stats) {
                    let (mut pk, mut by, mut er) = (0, 0, 0);
                    for y in first(c) {
                        match y {
                            Seg6LocalCntAttr::Packets(v) => pk = v,
                            Seg6LocalCntAttr::Bytes(v) => by = v,
                            Seg6LocalCntAttr::Errors(v) => er = v,
                            _ => {}
                        }
                    }
                    p.text(&format!("packets {pk} bytes {by} errors {er} "));
                    p.object("stats64", |p| {
                        p.num("packets", "", pk);
                        p.num("bytes", "", by);
                        p.num("errors", "", er);
                    });
                }
            }
            for x in &a {
                if let Seg6LocalAttr::Flavors(f) = x {
                    for y in first(f) {
                        match y {
                            Seg6LocalFlvAttr::Operation(ops) => {
                                let names: Vec<String> = (0..FLAVORS.len())
                                    .filter(|i| ops & (1 << i) != 0 && !FLAVORS[*i].is_empty())
                                    .map(|i| FLAVORS[i].to_owned())
                                    .collect();
                                p.text(&format!("flavors {} ", names.join(",")));
                                p.strs("flavors", &names);
                            }
                            Seg6LocalFlvAttr::LcblockBits(b) => p.num("lblen", &format!("lblen {b} "), b.into()),
                            Seg6LocalFlvAttr::LcnodeFnBits(b) => p.num("nflen", &format!("nflen {b} "), b.into()),
                            _ => {}
                        }
                    }
                }
            }
        }
        Encap::Rpl(n) => {
            if let Some(RplIptunnelAttr::Srh(h)) = n.find(rtnl_core::route::RPL_IPTUNNEL_SRH) {
                let n = usize::from(h.segments_left());
                // uncompressed addresses (cmpri = cmpre = 0), last first
                let segs: Vec<String> = (0..n)
                    .rev()
                    .filter_map(|i| h.bytes().get(8 + i * 16..24 + i * 16))
                    .map(|b| {
                        let mut a = [0u8; 16];
                        a.copy_from_slice(b);
                        Ipv6Addr::from(a).to_string()
                    })
                    .collect();
                p.text(&format!("segs {n} [ "));
                for a in &segs {
                    p.text(&format!("{a} "));
                }
                p.text("] ");
                p.strs("segs", &segs);
            }
        }
        Encap::Ila(n) => {
            for x in first(n) {
                match x {
                    IlaAttr::Locator(l) => {
                        let v = l.0;
                        let t =
                            format!("{:x}:{:x}:{:x}:{:x}", v >> 48, (v >> 32) & 0xffff, (v >> 16) & 0xffff, v & 0xffff);
                        p.str("locator", &format!(" {t} "), &t);
                    }
                    IlaAttr::CsumMode(m) => {
                        let t = ILA_CSUM.get(usize::from(m)).unwrap_or(&"unknown");
                        p.str("csum_mode", &format!(" csum-mode {t} "), t);
                    }
                    IlaAttr::IdentType(t) => {
                        let n = ILA_IDENT.iter().find(|(v, _)| *v == t).map(|(_, n)| *n).unwrap_or("unknown");
                        p.str("ident_type", &format!(" ident-type {n} "), n);
                    }
                    IlaAttr::HookType(h) => {
                        let t = ILA_HOOK.get(usize::from(h)).unwrap_or(&"unknown");
                        p.str("hook_type", &format!(" hook-type {t} "), t);
                    }
                    _ => {}
                }
            }
        }
        Encap::Bpf(n) => {
            for x in first(n) {
                match x {
                    LwtBpfAttr::In(prog) => print_bpf_prog(p, "in", &prog),
                    LwtBpfAttr::Out(prog) => print_bpf_prog(p, "out", &prog),
                    LwtBpfAttr::Xmit(prog) => print_bpf_prog(p, "xmit", &prog),
                    LwtBpfAttr::XmitHeadroom(h) => p.num("headroom", &format!(" {h} "), h.into()),
                    _ => {}
                }
            }
        }
        Encap::Ioam6(n) => {
            let a = first(n);
            let k = a.iter().find_map(|x| if let Ioam6IptunnelAttr::FreqK(v) = x { Some(*v) } else { None });
            let nn = a.iter().find_map(|x| if let Ioam6IptunnelAttr::FreqN(v) = x { Some(*v) } else { None });
            let mode = a.iter().find_map(|x| if let Ioam6IptunnelAttr::Mode(v) = x { Some(*v) } else { None });
            let trace = a.iter().find_map(|x| if let Ioam6IptunnelAttr::Trace(v) = x { Some(*v) } else { None });
            let dst = a.iter().find_map(|x| if let Ioam6IptunnelAttr::Dst(v) = x { Some(*v) } else { None });
            if let (Some(k), Some(nn), Some(mode), Some(t)) = (k, nn, mode, trace) {
                p.num("freqk", &format!("freq {k}"), k.into());
                p.num("freqn", &format!("/{nn} "), nn.into());
                let m = ["", "inline", "encap", "auto"].get(usize::from(mode)).copied().unwrap_or("");
                if mode == 1 || dst.is_some() {
                    p.str("mode", &format!("mode {m} "), m);
                    if let (true, Some(d)) = (mode != 1, dst) {
                        p.str("tundst", &format!("tundst {d} "), &d.to_string());
                    }
                    p.lit("trace", "trace ", "null");
                    p.lit("prealloc", "prealloc ", "null");
                    let ty = t.trace_type() >> 8;
                    p.str("type", &format!("type {ty:#08x} "), &format!("{ty:x}"));
                    p.num("ns", &format!("ns {} ", t.namespace_id()), t.namespace_id().into());
                    let size = u32::from(t.remlen()) * 4;
                    p.num("size", &format!("size {size} "), size.into());
                }
            }
        }
        Encap::Xfrm(n) => {
            for x in first(n) {
                match x {
                    LwtXfrmAttr::IfId(i) => p.num("if_id", &format!("if_id {i} "), i.into()),
                    LwtXfrmAttr::Link(l) => p.str("link_dev", &format!("link_dev {} ", dev(l)), &dev(l)),
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// An IP tunnel's flags: `key csum seq`, `"key":true,…`.
fn print_flags(p: &mut Out, f: u16) {
    for (bit, name) in [(TUNNEL_KEY, "key"), (TUNNEL_CSUM, "csum"), (TUNNEL_SEQ, "seq")] {
        if f & bit != 0 {
            p.lit(name, &format!("{name} "), "true");
        }
    }
}
