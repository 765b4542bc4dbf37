//! The changing verbs of `rtnl filter`, `rtnl chain` and `rtnl actions`:
//! their words parsed with tc 6.1's grammar and their requests written as tc
//! writes them, attribute for attribute and in its order (a test compares
//! the bytes of both programs' requests).
//!
//! Classifiers: u32 (every `match`, `offset`, `hashkey`, `sample`, `ht`,
//! `link`, `divisor`, `order`, `indev`, `mark`), matchall, basic (without
//! ematches), classic BPF and flower's common keys;
//! actions: gact (and its bare verdicts), mirred, vlan, skbedit,
//! tunnel_key and police, inside filters and standalone; qdiscs fq_codel,
//! fq, sfq, netem, cake, codel, pie, fq_pie, hhf, multiq, skbprio and plug
//! (their kind, blocks and options written by [`QdiscOut`]). Every
//! attribute is written through rtnl-core's typed builders (`Scope`,
//! `Choose`, the action lists' `ActionsScope`), none by a raw id.

use std::process::ExitCode;

use rtnl_core::tc::action::{TcGen, TcMirred};
use rtnl_core::tc::filter::{TcU32Key, TcU32Mark, TcU32SelHdr};
use rtnl_core::tc::TcHandle;
use rtnl_core::tc::{ActionRootAttr, Bitfield32, TcAttr};
use rtnl_core::tc::{TcMsg, TcaMsg, RTM_DELACTION, RTM_GETACTION, RTM_NEWACTION, RTM_NEWCHAIN, RTM_NEWTFILTER};
use rtnl_core::typed::{Be16, Be32, Bytes, Counted, Grown, Scope, StructArray};
use rtnl_core::wire::flags::{NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE, NLM_F_REQUEST, NLM_F_ROOT};
use rtnl_core::wire::{EncodeError, NativeEndian, Writer};
use rtnl_io::VecBuffer;
use zerocopy::IntoBytes;

use crate::tc::{handle_arg, ifindex_of};
use crate::tcfilter::proto_a2n;
use crate::{Fail, Global};

type W = Writer<VecBuffer, NativeEndian>;
/// A typed builder of attribute set `S` in a request.
type In<'a, S> = Scope<'a, VecBuffer, NativeEndian, S>;
/// A typed builder of an action list in a request.
type Actions<'a> = rtnl_core::tc::ActionsScope<'a, VecBuffer, NativeEndian>;

/// Writes `$v` through typed builder `$c`'s method `$f` when it is `Some`.
macro_rules! put {
    // a number tc writes only when it is not zero
    ($c:ident, nonzero $v:expr, $f:ident) => {
        if $v != 0 {
            $c.$f($v)?;
        }
    };
    ($c:ident, $v:expr, $f:ident) => {
        if let Some(v) = $v {
            $c.$f(v)?;
        }
    };
}

// the attribute sets are rtnl-core's (one table for the codec and the tool)
use rtnl_core::tc::action as act;
use rtnl_core::tc::filter as cls;
use rtnl_core::tc::qdisc as sch;
const TCA_CLS_FLAGS_SKIP_HW: u32 = 1;
const TCA_CLS_FLAGS_SKIP_SW: u32 = 2;
const TC_U32_TERMINAL: u8 = 1;
const TC_U32_OFFSET: u8 = 2;
const TC_U32_VAROFFSET: u8 = 4;
const TC_U32_EAT: u8 = 8;
const TC_ACT_PIPE: i32 = 3;
const TC_ACT_STOLEN: i32 = 4;
const TC_ACT_JUMP: i32 = 0x1000_0000;
const TC_ACT_GOTO_CHAIN: i32 = 0x2000_0000;
const TC_ACT_EXT_VAL_MASK: u32 = 0x0fff_ffff;
const ETH_P_ALL: u16 = 3;
const TCM_IFINDEX_MAGIC_BLOCK: u32 = 0xffff_ffff;

/// A problem, in tc's words.
type Parsed<T> = Result<T, String>;

/// The words being parsed, with tc's `NEXT_ARG` (which fails on the last
/// word) and `NEXT_ARG_FWD` (which does not).
struct Words<'a> {
    v: &'a [String],
    i: usize,
}

impl<'a> Words<'a> {
    fn new(v: &'a [String]) -> Self {
        Words { v, i: 0 }
    }
    fn peek(&self) -> Option<&'a str> {
        self.v.get(self.i).map(String::as_str)
    }
    fn left(&self) -> usize {
        self.v.len().saturating_sub(self.i)
    }
    /// `NEXT_ARG`: the next word, which must exist.
    fn next_arg(&mut self) -> Parsed<&'a str> {
        self.i += 1;
        self.peek().ok_or_else(|| "Command line is not complete. Try option \"help\"".to_owned())
    }
    /// `NEXT_ARG_FWD`.
    fn fwd(&mut self) {
        self.i += 1;
    }
    fn is(&self, w: &str) -> bool {
        self.peek() == Some(w)
    }
    /// tc's `matches(word, keyword) == 0`.
    fn matches(&self, keyword: &str) -> bool {
        self.peek().is_some_and(|w| crate::matches(w, keyword))
    }
}

/// C's `strtoul`/`strtol` with base 0 or 16 over the whole word, as
/// iproute2's `get_u32` / `get_integer` use it.
fn c_num(s: &str, base: u32) -> Option<i64> {
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (radix, digits) = match base {
        16 => (16, body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")).unwrap_or(body)),
        10 => (10, body),
        _ => {
            if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
                (16, h)
            } else if body.len() > 1 && body.starts_with('0') {
                (8, &body[1..])
            } else {
                (10, body)
            }
        }
    };
    if digits.is_empty() {
        return None;
    }
    let v = i64::try_from(u64::from_str_radix(digits, radix).ok()?).ok()?;
    Some(if neg { -v } else { v })
}

/// `get_u32(v, s, base)`.
fn get_u32(s: &str, base: u32) -> Option<u32> {
    c_num(s, base).and_then(|v| u32::try_from(v).ok())
}

/// `get_integer(v, s, 0)`.
fn get_int(s: &str) -> Option<i32> {
    c_num(s, 0).and_then(|v| i32::try_from(v).ok())
}

// ---------- filters and chains ----------

/// `tc filter add|change|replace|delete` and `tc chain add|delete`
/// (`tc_filter_modify`): `ty` and `flags` are the request's.
pub(crate) fn modify_filter(g: &Global, ty: u16, flags: u16, args: &[String]) -> Result<ExitCode, Fail> {
    let req = filter_request(ty, flags, args, &|d| ifindex_of(d))?;
    let mut sock = g.socket()?;
    let bytes = frame(ty, flags, sock.next_seq(), req.hdr.as_bytes(), &req.attrs)?;
    crate::acked(&mut sock, &bytes)
}

/// A request's fixed header and attributes.
struct Req<H> {
    hdr: H,
    attrs: Vec<u8>,
}

/// The whole message: `nlmsghdr` (with `NLM_F_REQUEST | NLM_F_ACK`), the
/// fixed header, the attributes.
pub(crate) fn frame(ty: u16, flags: u16, seq: u32, hdr: &[u8], attrs: &[u8]) -> Result<Vec<u8>, Fail> {
    let mut w = W::new(VecBuffer::default());
    let enc = |e: rtnl_core::wire::EncodeError| Fail::error(e.to_string());
    let m = w.begin_msg(ty, NLM_F_REQUEST | NLM_F_ACK | flags, seq, 0).map_err(enc)?;
    w.bytes(hdr).map_err(enc)?;
    w.bytes(attrs).map_err(enc)?;
    w.end_msg(m).map_err(enc)?;
    Ok(w.into_inner().0)
}

fn usage_err(s: impl Into<String>) -> Fail {
    Fail::usage(s.into())
}

fn dup(what: &str, v: &str) -> Fail {
    usage_err(format!("Error: duplicate \"{what}\": \"{v}\" is the second value."))
}

fn invarg(what: &str, v: &str) -> Fail {
    usage_err(format!("Error: argument \"{v}\" is wrong: {what}"))
}

/// Parses a filter or chain command as `tc_filter_modify` does;
/// `ifindex` resolves device names.
fn filter_request(
    ty: u16,
    flags: u16,
    args: &[String],
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Result<Req<TcMsg>, Fail> {
    let mut hdr = TcMsg::default();
    let mut prio: u32 = 0;
    let mut protocol: u16 = if ty == RTM_NEWTFILTER && flags & NLM_F_CREATE != 0 { ETH_P_ALL.to_be() } else { 0 };
    let mut protocol_set = false;
    let mut block: u32 = 0;
    let mut chain: Option<u32> = None;
    let mut handle: Option<&str> = None;
    let mut dev: Option<&str> = None;
    let mut kind: Option<&str> = None;
    let mut w = Words::new(args);
    while let Some(a) = w.peek() {
        match a {
            "dev" => {
                let v = w.next_arg().map_err(usage_err)?;
                if dev.is_some() {
                    return Err(dup("dev", v));
                }
                if block != 0 {
                    return Err(usage_err("Error: \"dev\" and \"block\" are mutually exclusive"));
                }
                dev = Some(v);
            }
            _ if w.matches("block") => {
                let v = w.next_arg().map_err(usage_err)?;
                if block != 0 {
                    return Err(dup("block", v));
                }
                if dev.is_some() {
                    return Err(usage_err("Error: \"dev\" and \"block\" are mutually exclusive"));
                }
                block = get_u32(v, 0).filter(|&b| b != 0).ok_or_else(|| invarg("invalid block index value", v))?;
            }
            "root" | "ingress" | "egress" => {
                if hdr.tcm_parent.get() != 0 {
                    return Err(usage_err(format!("Error: \"{a}\" is duplicate parent ID")));
                }
                hdr.tcm_parent = match a {
                    "root" => 0xffff_ffff,
                    "ingress" => 0xffff_fff2,
                    _ => 0xffff_fff3,
                }
                .into();
            }
            "parent" => {
                let v = w.next_arg().map_err(usage_err)?;
                if hdr.tcm_parent.get() != 0 {
                    return Err(dup("parent", v));
                }
                hdr.tcm_parent = handle_arg(v, "Invalid parent ID")?.into();
            }
            "handle" => {
                let v = w.next_arg().map_err(usage_err)?;
                if handle.is_some() {
                    return Err(dup("handle", v));
                }
                handle = Some(v);
            }
            _ if w.matches("preference") || w.matches("priority") => {
                let v = w.next_arg().map_err(usage_err)?;
                if prio != 0 {
                    return Err(dup("priority", v));
                }
                prio = get_u32(v, 0).filter(|&p| p <= 0xffff).ok_or_else(|| invarg("invalid priority value", v))?;
            }
            _ if w.matches("protocol") => {
                let v = w.next_arg().map_err(usage_err)?;
                if protocol_set {
                    return Err(dup("protocol", v));
                }
                protocol = proto_a2n(v).ok_or_else(|| invarg("invalid protocol", v))?.to_be();
                protocol_set = true;
            }
            _ if w.matches("chain") => {
                let v = w.next_arg().map_err(usage_err)?;
                if chain.is_some() {
                    return Err(dup("chain", v));
                }
                chain = Some(get_u32(v, 0).ok_or_else(|| invarg("invalid chain index value", v))?);
            }
            _ if w.matches("estimator") => {
                return Err(Fail::error("rtnl does not parse \"estimator\" yet (tc does)"));
            }
            _ if w.matches("help") => return Err(usage_err("Try \"rtnl filter help\".")),
            k => {
                kind = Some(k);
                w.fwd();
                break;
            }
        }
        w.fwd();
    }
    hdr.tcm_info = ((prio << 16) | u32::from(protocol)).into();
    let mut a = W::new(VecBuffer::default());
    let enc = |e: rtnl_core::wire::EncodeError| Fail::error(e.to_string());
    if let Some(c) = chain {
        Scope::<_, _, TcAttr<'static>>::new(&mut a).chain(c).map_err(enc)?;
    }
    if let Some(d) = dev {
        hdr.tcm_ifindex = (ifindex(d)? as i32).into();
    } else if block != 0 {
        hdr.tcm_ifindex = (TCM_IFINDEX_MAGIC_BLOCK as i32).into();
        hdr.tcm_parent = block.into();
    }
    let rest = &args[w.i.min(args.len())..];
    match kind {
        Some(k) => {
            let what = if ty >= RTM_NEWCHAIN { "chain" } else { "filter" };
            filter_options(k, handle, rest, &mut hdr, &mut FilterOut { s: Scope::new(&mut a), kind: k }, ifindex)
                .map_err(|e| Fail::error(format!("{e}\nrtnl {what}: the options of \"{k}\" were refused")))?
        }
        None if handle.is_some() => return Err(usage_err("Must specify filter type when using \"handle\"")),
        None if !rest.is_empty() => {
            return Err(usage_err(format!(
                "Garbage instead of arguments \"{} ...\". Try \"rtnl filter help\".",
                rest[0]
            )))
        }
        None => {}
    }
    Ok(Req { hdr, attrs: a.into_inner().0 })
}

/// A classifier's options (`q->parse_fopt`).
fn filter_options(
    kind: &str,
    handle: Option<&str>,
    args: &[String],
    hdr: &mut TcMsg,
    out: &mut FilterOut<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    match kind {
        "u32" => u32_options(handle, args, hdr, out, ifindex),
        "matchall" => matchall_options(handle, args, hdr, out, ifindex),
        "bpf" => bpf_options(handle, args, hdr, out, ifindex),
        "flower" => flower_options(handle, args, hdr, out, ifindex),
        "basic" => basic_options(handle, args, hdr, out, ifindex),
        k => Err(format!("rtnl cannot parse the options of classifier \"{k}\" yet (tc filter add … {k} does)")),
    }
}

/// A filter request's kind and options: `TCA_KIND`, then the kind's
/// `TCA_OPTIONS` (unflagged, as tc writes it) through the typed builders.
struct FilterOut<'a> {
    s: Scope<'a, VecBuffer, NativeEndian, TcAttr<'static>>,
    kind: &'a str,
}

impl FilterOut<'_> {
    /// The options' chooser: its kind's method writes `TCA_KIND` and
    /// `TCA_OPTIONS`.
    fn options(&mut self) -> rtnl_core::typed::Choose<'_, VecBuffer, NativeEndian, cls::FilterOptions<'static>> {
        self.s.options().filter().unflagged()
    }
    /// `TCA_KIND` alone.
    fn bare(&mut self) -> Parsed<()> {
        self.s.kind(self.kind).map(drop).map_err(enc)
    }
}

/// Runs parser `f` as a typed builder's filler: a refusal of the words is
/// kept in `refused` (the builder then drops what was written) for
/// [`filled`] to return.
fn filling<S>(
    refused: &mut Option<String>,
    s: &mut S,
    f: impl FnOnce(&mut S) -> Parsed<()>,
) -> Result<(), EncodeError> {
    // (the error is a placeholder: `filled` returns the refusal instead)
    f(s).map_err(|e| {
        *refused = Some(e);
        EncodeError::AttrTooLong(0)
    })
}

/// The outcome of a builder filled by [`filling`]: the parser's refusal, if
/// it refused, else the builder's.
fn filled(refused: Option<String>, r: Result<(), EncodeError>) -> Parsed<()> {
    match refused {
        Some(e) => Err(e),
        None => r.map_err(enc),
    }
}

fn enc(e: rtnl_core::wire::EncodeError) -> String {
    e.to_string()
}

/// A `tc_u32_sel` being built, in host order (written in network order).
#[derive(Default)]
struct Sel {
    flags: u8,
    offshift: u8,
    offmask: u16,
    off: u16,
    offoff: i16,
    hoff: i16,
    hmask: u32,
    /// `(val, mask, off, offmask)`, host order.
    keys: Vec<(u32, u32, i32, i32)>,
}

impl Sel {
    /// `pack_key`: merges with a key at the same offset, or adds one.
    fn pack(&mut self, key: u32, mask: u32, off: i32, offmask: i32) -> Parsed<()> {
        let key = key & mask;
        if let Some(k) = self.keys.iter_mut().find(|k| k.2 == off && k.3 == offmask) {
            if (key ^ k.0) & mask & k.1 != 0 {
                return Err("Illegal \"match\"".into());
            }
            k.0 |= key;
            k.1 |= mask;
            return Ok(());
        }
        if self.keys.len() >= 128 || off % 4 != 0 {
            return Err("Illegal \"match\"".into());
        }
        self.keys.push((key, mask, off, offmask));
        Ok(())
    }
    fn pack16(&mut self, key: u32, mask: u32, off: i32, offmask: i32) -> Parsed<()> {
        if key > 0xffff || mask > 0xffff {
            return Err("Illegal \"match\"".into());
        }
        let sh = if off & 3 == 0 { 16 } else { 0 };
        self.pack(key << sh, mask << sh, off & !3, offmask)
    }
    fn pack8(&mut self, key: u32, mask: u32, off: i32, offmask: i32) -> Parsed<()> {
        if key > 0xff || mask > 0xff {
            return Err("Illegal \"match\"".into());
        }
        let sh = match off & 3 {
            0 => 24,
            1 => 16,
            2 => 8,
            _ => 0,
        };
        self.pack(key << sh, mask << sh, off & !3, offmask)
    }
    /// Writes `TCA_U32_SEL`: the head, then the keys.
    fn write(&self, a: &mut Scope<'_, VecBuffer, NativeEndian, cls::U32Attr<'static>>) -> Result<(), EncodeError> {
        let hdr = TcU32SelHdr::<NativeEndian> {
            flags: self.flags,
            offshift: self.offshift,
            nkeys: self.keys.len() as u8,
            pad: 0,
            offmask: self.offmask.into(),
            off: self.off.into(),
            offoff: self.offoff.into(),
            hoff: self.hoff.into(),
            hmask: self.hmask.into(),
        };
        let keys: Vec<_> = self
            .keys
            .iter()
            .map(|&(val, mask, off, offmask)| TcU32Key::<NativeEndian> {
                mask: mask.into(),
                val: val.into(),
                off: off.into(),
                offmask: offmask.into(),
            })
            .collect();
        a.sel(Counted { hdr, keys: StructArray::of(&keys) }).map(drop)
    }
}

/// `get_u32_handle`: `HT:HASH:NODE` in hex, or `0x…`.
fn u32_handle(s: &str) -> Option<u32> {
    let Some((ht, rest)) = s.split_once(':') else {
        return s.starts_with("0x").then(|| get_u32(s, 16)).flatten();
    };
    let hex = |p: &str, max: u32| -> Option<u32> {
        if p.is_empty() {
            Some(0)
        } else {
            u32::from_str_radix(p, 16).ok().filter(|&v| v < max)
        }
    };
    let htid = hex(ht, 0x1000)?;
    let (hash, node) = match rest.split_once(':') {
        Some((h, n)) => (hex(h, 0x100)?, hex(n, 0x1000)?),
        None => (hex(rest, 0x100)?, 0),
    };
    Some((htid << 20) | (hash << 12) | node)
}

/// `parse_at`: `at [nexthdr+]N`, after the word `at`.
fn parse_at(w: &mut Words<'_>, off: &mut i32, offmask: &mut i32) -> Parsed<()> {
    let bad = || "Illegal \"match\"".to_owned();
    let mut p = w.peek().ok_or_else(bad)?;
    if p.len() > "nexthdr+".len() && p.starts_with("nexthdr+") {
        *offmask = -1;
        p = &p["nexthdr+".len()..];
    } else if w.matches("nexthdr+") {
        p = w.next_arg()?;
        *offmask = -1;
    }
    *off = get_int(p).ok_or_else(bad)?;
    w.fwd();
    Ok(())
}

/// `VALUE MASK [at OFFSET]` of `u32`, `u16` or `u8` (`bits`).
fn parse_uint(w: &mut Words<'_>, sel: &mut Sel, bits: u32, mut off: i32, mut offmask: i32) -> Parsed<()> {
    let bad = || "Illegal \"match\"".to_owned();
    if w.left() < 2 {
        return Err(bad());
    }
    let key = get_u32(w.peek().ok_or_else(bad)?, 0).ok_or_else(bad)?;
    w.fwd();
    let mask = get_u32(w.peek().ok_or_else(bad)?, 16).ok_or_else(bad)?;
    w.fwd();
    if bits == 8 && (key > 0xff || mask > 0xff) {
        return Err(bad());
    }
    if w.is("at") {
        w.next_arg()?;
        parse_at(w, &mut off, &mut offmask)?;
    }
    match bits {
        32 => sel.pack(key, mask, off, offmask),
        16 => sel.pack16(key, mask, off, offmask),
        _ => sel.pack8(key, mask, off, offmask),
    }
}

/// An IPv4 or IPv6 prefix as `get_prefix_1` reads it: address words in
/// host order and the prefix length.
fn prefix(s: &str, v6: bool) -> Option<(Vec<u32>, u32)> {
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l.parse::<u32>().ok()?)),
        None => (s, None),
    };
    if v6 {
        let ip: std::net::Ipv6Addr = a.parse().ok()?;
        let o = ip.octets();
        let words = o.chunks(4).map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]])).collect();
        Some((words, len.filter(|&l| l <= 128).or(len.is_none().then_some(128))?))
    } else {
        let ip: std::net::Ipv4Addr = if a == "any" || a == "all" || a == "default" {
            std::net::Ipv4Addr::UNSPECIFIED
        } else {
            a.parse().ok()?
        };
        let default = if a == "any" || a == "all" || a == "default" { 0 } else { 32 };
        Some((vec![u32::from(ip)], len.filter(|&l| l <= 32).or(len.is_none().then_some(default))?))
    }
}

/// The mask of the first `bits` of a 32-bit word.
fn word_mask(bits: u32) -> u32 {
    if bits == 0 {
        0
    } else {
        u32::MAX << (32 - bits.min(32))
    }
}

fn parse_ip_addr(w: &mut Words<'_>, sel: &mut Sel, mut off: i32, v6: bool) -> Parsed<()> {
    let bad = || "Illegal \"match\"".to_owned();
    let (words, plen) = prefix(w.peek().ok_or_else(bad)?, v6).ok_or_else(bad)?;
    w.fwd();
    let mut offmask = 0;
    if w.is("at") {
        w.next_arg()?;
        parse_at(w, &mut off, &mut offmask)?;
    }
    if !v6 {
        return sel.pack(words[0], word_mask(plen), off, offmask);
    }
    let mut i = 0;
    while i < plen {
        let bits = (plen - i).min(32);
        sel.pack(words[(i / 32) as usize], word_mask(bits), off + 4 * (i / 32) as i32, offmask)?;
        i += 32;
    }
    Ok(())
}

/// The fixed-width fields of u32's named matches, as tc places them:
/// `(selector, field, bits, offset, offmask)` (`tcp` is `udp`'s; an
/// offmask of -1 is "from the next header").
const U32_FIELDS: &[(&str, &str, u32, i32, i32)] = &[
    ("ip", "tos", 8, 1, 0),
    ("ip", "dsfield", 8, 1, 0),
    ("ip", "precedence", 8, 1, 0),
    ("ip", "ihl", 8, 0, 0),
    ("ip", "protocol", 8, 9, 0),
    ("ip", "dport", 16, 22, 0),
    ("ip", "sport", 16, 20, 0),
    ("ip", "icmp_type", 8, 20, 0),
    ("ip", "icmp_code", 8, 21, 0),
    ("ip6", "protocol", 8, 6, 0),
    ("ip6", "flowlabel", 32, 0, 0),
    ("ip6", "dport", 16, 42, 0),
    ("ip6", "sport", 16, 40, 0),
    ("ip6", "icmp_type", 8, 40, 0),
    ("ip6", "icmp_code", 8, 41, 1),
    ("udp", "src", 16, 0, -1),
    ("udp", "dst", 16, 2, -1),
    ("icmp", "type", 8, 0, -1),
    ("icmp", "code", 8, 1, -1),
];

/// `parse_selector`: one `match` (or `sample`) item.
fn parse_selector(
    w: &mut Words<'_>,
    sel: &mut Sel,
    a: &mut Scope<'_, VecBuffer, NativeEndian, cls::U32Attr<'static>>,
) -> Parsed<()> {
    let bad = || "Illegal \"match\"".to_owned();
    for bits in [32, 16, 8] {
        if w.matches(&format!("u{bits}")) {
            w.next_arg()?;
            return parse_uint(w, sel, bits, 0, 0);
        }
    }
    let family = ["ip", "ip6", "udp", "tcp", "icmp"].into_iter().find(|f| w.matches(f));
    if let Some(family) = family.map(|f| if f == "tcp" { "udp" } else { f }) {
        let f = w.next_arg()?;
        if w.left() < 2 {
            return Err(bad());
        }
        match (family, f) {
            ("ip", "src" | "dst") | ("ip6", "src" | "dst") => {
                w.next_arg()?;
                let off = match (family, f) {
                    ("ip", "src") => 12,
                    ("ip", _) => 16,
                    (_, "src") => 8,
                    _ => 24,
                };
                return parse_ip_addr(w, sel, off, family == "ip6");
            }
            ("ip", "nofrag" | "firstfrag" | "df" | "mf") => {
                w.fwd();
                let (k, m) = match f {
                    "nofrag" => (0, 0x3fff),
                    "firstfrag" => (0x2000, 0x3fff),
                    "df" => (0x4000, 0x4000),
                    _ => (0x2000, 0x2000),
                };
                return sel.pack16(k, m, 6, 0);
            }
            ("ip6", "priority") => {
                w.next_arg()?;
                let key = get_u32(w.peek().ok_or_else(bad)?, 0).ok_or_else(bad)?;
                let mask = get_u32(w.next_arg()?, 16).ok_or_else(bad)?;
                w.fwd();
                if key > 0xff || mask > 0xff {
                    return Err(bad());
                }
                return sel.pack(key << 20, mask << 20, 0, 0);
            }
            _ => {}
        }
        // (tc takes dsfield and precedence by any prefix, the others whole)
        let field = U32_FIELDS.iter().find(|(s, n, ..)| {
            *s == family && (f == *n || (matches!(*n, "dsfield" | "precedence") && crate::matches(f, n)))
        });
        let &(_, _, bits, off, offmask) = field.ok_or_else(bad)?;
        w.next_arg()?;
        return parse_uint(w, sel, bits, off, offmask);
    }
    if w.matches("mark") {
        w.next_arg()?;
        if w.left() <= 1 {
            return Err(bad());
        }
        let val = get_u32(w.peek().ok_or_else(bad)?, 0).ok_or("Illegal \"mark\" value")?;
        let mask = get_u32(w.next_arg()?, 0).ok_or("Illegal \"mark\" mask")?;
        w.next_arg()?;
        if val & mask != val {
            return Err("Illegal \"mark\" (impossible combination)".into());
        }
        let m = TcU32Mark::<NativeEndian> { val: val.into(), mask: mask.into(), success: 0.into() };
        a.mark(m).map(drop).map_err(enc)
    } else if w.matches("ether") {
        let f = w.next_arg()?;
        if w.left() < 2 {
            return Err(bad());
        }
        let off = match f {
            "src" => -8,
            "dst" => -14,
            _ => return Err(format!("Unknown match: ether {f}")),
        };
        let s = w.next_arg()?;
        let mac: Vec<u8> = s.split(':').filter_map(|p| u8::from_str_radix(p, 16).ok()).collect();
        if mac.len() != 6 || s.split(':').count() != 6 {
            return Err(format!("parse_ether_addr: improperly formed address '{s}'"));
        }
        w.fwd();
        let (mut off, mut offmask) = (off, 0);
        if w.is("at") {
            w.next_arg()?;
            parse_at(w, &mut off, &mut offmask)?;
        }
        for (i, b) in mac.iter().enumerate() {
            sel.pack8(u32::from(*b), 0xff, off + i as i32, offmask)?;
        }
        Ok(())
    } else {
        Err(bad())
    }
}

/// `get_tc_classid`, in the words of the classifiers' parsers.
fn classid(v: &str) -> Parsed<u32> {
    handle_arg(v, "").map_err(|_| "Illegal \"classid\"".to_owned())
}

/// `u32_parse_opt`.
fn u32_options(
    handle: Option<&str>,
    args: &[String],
    hdr: &mut TcMsg,
    out: &mut FilterOut<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    if let Some(h) = handle {
        hdr.tcm_handle = u32_handle(h).ok_or("Illegal filter ID")?.into();
    }
    if args.is_empty() {
        return out.bare();
    }
    let mut refused = None;
    let r = out.options().u32(|a| {
        filling(&mut refused, a, |a| {
            let mut sel = Sel::default();
            let (mut sel_ok, mut terminal_ok, mut sample_ok) = (false, false, false);
            let (mut htid, mut order, mut flags) = (0u32, 0u32, 0u32);
            let mut w = Words::new(args);
            while let Some(x) = w.peek() {
                if w.matches("match") {
                    w.next_arg()?;
                    parse_selector(&mut w, &mut sel, a).map_err(|_| "Illegal \"match\"")?;
                    sel_ok = true;
                    continue;
                } else if w.matches("offset") {
                    w.next_arg()?;
                    while w.peek().is_some() {
                        if w.matches("plus") {
                            sel.off = get_int(w.next_arg()?).ok_or("Illegal \"offset\"")? as u16;
                            sel.flags |= TC_U32_OFFSET;
                        } else if w.matches("at") {
                            let off = get_int(w.next_arg()?).ok_or("Illegal \"offset\"")?;
                            if off % 2 != 0 {
                                return Err("offset \"at\" must be even".into());
                            }
                            sel.offoff = off as i16;
                            sel.flags |= TC_U32_VAROFFSET;
                        } else if w.matches("mask") {
                            sel.offmask = get_u32(w.next_arg()?, 16)
                                .and_then(|m| u16::try_from(m).ok())
                                .ok_or("Illegal \"offset\"")?;
                            sel.flags |= TC_U32_VAROFFSET;
                        } else if w.matches("shift") {
                            sel.offshift = get_int(w.next_arg()?).ok_or("Illegal \"offset\"")? as u8;
                            sel.flags |= TC_U32_VAROFFSET;
                        } else if w.matches("eat") {
                            sel.flags |= TC_U32_EAT;
                        } else {
                            break;
                        }
                        w.fwd();
                    }
                    continue;
                } else if w.matches("hashkey") {
                    w.next_arg()?;
                    while w.peek().is_some() {
                        if w.matches("mask") {
                            sel.hmask = get_u32(w.next_arg()?, 16).ok_or("Illegal \"hashkey\"")?;
                        } else if w.matches("at") {
                            let n = get_int(w.next_arg()?).filter(|n| n % 4 == 0).ok_or("Illegal \"hashkey\"")?;
                            sel.hoff = n as i16;
                        } else {
                            break;
                        }
                        w.fwd();
                    }
                    continue;
                } else if w.matches("classid") || x == "flowid" {
                    let c = classid(w.next_arg()?)?;
                    a.classid(TcHandle(c)).map_err(enc)?;
                    sel.flags |= TC_U32_TERMINAL;
                } else if w.matches("divisor") {
                    let d = get_u32(w.next_arg()?, 0)
                        .filter(|&d| d != 0 && d <= 0x100 && (d - 1) & d == 0)
                        .ok_or("Illegal \"divisor\"")?;
                    a.divisor(d).map_err(enc)?;
                } else if w.matches("order") {
                    order = get_u32(w.next_arg()?, 0).ok_or("Illegal \"order\"")?;
                } else if x == "link" {
                    let l = u32_handle(w.next_arg()?).ok_or("Illegal \"link\"")?;
                    if l != 0 && l & 0xfff != 0 {
                        return Err("\"link\" must be a hash table.".into());
                    }
                    a.link(l).map_err(enc)?;
                } else if x == "ht" {
                    let ht = u32_handle(w.next_arg()?).ok_or("Illegal \"ht\"")?;
                    if handle.is_some() && ht & 0xfff != 0 {
                        return Err("\"ht\" must be a hash table.".into());
                    }
                    htid = if sample_ok { (htid & 0xff000) | (ht & 0xfff0_0000) } else { ht & 0xffff_f000 };
                } else if x == "sample" {
                    w.next_arg()?;
                    let mut s2 = Sel::default();
                    parse_selector(&mut w, &mut s2, a).map_err(|_| "Illegal \"sample\"")?;
                    if s2.keys.len() != 1 {
                        return Err("\"sample\" must contain exactly ONE key.".into());
                    }
                    let mut divisor = 0x100;
                    if w.is("divisor") {
                        divisor = get_u32(w.next_arg()?, 0)
                            .filter(|&d| d != 0 && d <= 0x100 && (d - 1) & d == 0)
                            .ok_or("Illegal sample \"divisor\"")?;
                        w.next_arg()?;
                    }
                    let (val, mask, _, _) = s2.keys[0];
                    let hash = if mask == 0 { val & mask } else { (val & mask) >> mask.trailing_zeros() };
                    htid = ((hash % divisor) << 12) | (htid & 0xfff0_0000);
                    sample_ok = true;
                    continue;
                } else if x == "indev" {
                    w.fwd();
                    let d = w.peek().ok_or("Illegal indev")?;
                    let d: String = d.chars().take(16).collect();
                    a.indev(&d).map_err(enc)?;
                } else if w.matches("action") {
                    w.next_arg()?;
                    actions_of(a, &mut w, ifindex, |a, f| a.nests_flagged(false).act(f).map(drop))
                        .map_err(|e| format!("{e}\nIllegal \"action\""))?;
                    terminal_ok = true;
                    continue;
                } else if w.matches("police") {
                    return Err("rtnl does not parse \"police\" yet (tc does)".into());
                } else if x == "skip_hw" {
                    flags |= TCA_CLS_FLAGS_SKIP_HW;
                } else if x == "skip_sw" {
                    flags |= TCA_CLS_FLAGS_SKIP_SW;
                } else {
                    return Err(format!("What is \"{x}\"?"));
                }
                w.fwd();
            }
            if terminal_ok {
                sel.flags |= TC_U32_TERMINAL;
            }
            if order != 0 {
                let node = hdr.tcm_handle.get() & 0xfff;
                if node != 0 && order != node {
                    return Err("\"order\" contradicts \"handle\"".into());
                }
                hdr.tcm_handle = (hdr.tcm_handle.get() | order).into();
            }
            if htid != 0 {
                a.hash(htid).map_err(enc)?;
            }
            if sel_ok {
                sel.write(a).map_err(enc)?;
            }
            if flags != 0 {
                if flags == TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW {
                    return Err("skip_hw and skip_sw are mutually exclusive".into());
                }
                a.flags(flags).map_err(enc)?;
            }
            Ok(())
        })
    });
    filled(refused, r)
}

/// `matchall_parse_opt`.
fn matchall_options(
    handle: Option<&str>,
    args: &[String],
    hdr: &mut TcMsg,
    out: &mut FilterOut<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    // strtol(handle, NULL, 0): the leading number, 0 when there is none
    let h = handle.map_or(0, |h| c_num(h, 0).unwrap_or(0));
    hdr.tcm_handle = (h as u32).into();
    if args.is_empty() {
        return out.bare();
    }
    let mut refused = None;
    let r = out.options().matchall(|a| {
        filling(&mut refused, a, |a| {
            let mut flags = 0;
            let mut w = Words::new(args);
            while let Some(x) = w.peek() {
                if w.matches("classid") || x == "flowid" {
                    let c = classid(w.next_arg()?)?;
                    a.classid(TcHandle(c)).map_err(enc)?;
                } else if w.matches("action") {
                    w.next_arg()?;
                    actions_of(a, &mut w, ifindex, |a, f| a.nests_flagged(false).act(f).map(drop))
                        .map_err(|e| format!("{e}\nIllegal \"action\""))?;
                    continue;
                } else if x == "skip_hw" || x == "skip_sw" {
                    // tc's NEXT_ARG: skip_hw must not be the last word
                    w.next_arg()?;
                    flags |= if x == "skip_hw" { TCA_CLS_FLAGS_SKIP_HW } else { TCA_CLS_FLAGS_SKIP_SW };
                    continue;
                } else {
                    return Err(format!("What is \"{x}\"?"));
                }
                w.fwd();
            }
            if flags != 0 {
                if flags == TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW {
                    return Err("skip_hw and skip_sw are mutually exclusive".into());
                }
                a.flags(flags).map_err(enc)?;
            }
            Ok(())
        })
    });
    filled(refused, r)
}

/// Flower's attributes.
type Fl = cls::FlowerAttr<'static>;
/// A flower key's value and mask attributes.
type KeyPair<T> = (fn(T) -> Fl, fn(T) -> Fl);

/// Writes a flower key and its mask.
fn key_pair<T>(a: &mut In<'_, Fl>, (key, mask): KeyPair<T>, v: T, m: T) -> Parsed<()> {
    a.put(&key(v)).and_then(|a| a.put(&mask(m))).map(drop).map_err(enc)
}

/// `flower_parse_eth_addr`: `MAC[/BITS|/MASK]` of flower key `key`, then
/// its mask.
fn flower_mac(v: &str, key: &str, a: &mut In<'_, Fl>) -> Parsed<()> {
    let (addr, m) = match v.split_once('/') {
        Some((x, m)) => (x, Some(m)),
        None => (v, None),
    };
    let addr = mac(addr).ok_or("bad mac")?;
    let mask = match m {
        None => [0xff; 6],
        Some(m) => match get_u32(m, 10) {
            Some(bits) if bits <= 48 => {
                let b = if bits == 0 { 0 } else { (((1u64 << 48) - 1) << (48 - bits)) & ((1u64 << 48) - 1) };
                let x = b.to_be_bytes();
                [x[2], x[3], x[4], x[5], x[6], x[7]]
            }
            Some(_) => return Err("bad mac mask".into()),
            None => mac(m).ok_or("bad mac mask")?,
        },
    };
    let (addr, mask) = (Bytes(&addr), Bytes(&mask));
    match key {
        "dst_mac" => a.key_eth_dst(addr).and_then(|a| a.key_eth_dst_mask(mask)),
        "src_mac" => a.key_eth_src(addr).and_then(|a| a.key_eth_src_mask(mask)),
        "arp_tha" => a.key_arp_tha(addr).and_then(|a| a.key_arp_tha_mask(mask)),
        _ => a.key_arp_sha(addr).and_then(|a| a.key_arp_sha_mask(mask)),
    }
    .map(drop)
    .map_err(enc)
}

/// `flower_parse_ip_addr`: an address or prefix of flower key `key` in the
/// filter's family, then its mask.
fn flower_ip(v: &str, eth_type: u16, key: &str, a: &mut In<'_, Fl>) -> Parsed<()> {
    use cls::FlowerAttr as F;
    let v6 = match eth_type {
        0x0800 => false,
        0x86dd => true,
        0 => v.contains(':'),
        _ => return Err("bad family".into()),
    };
    if v.contains(':') != v6 {
        return Err("Illegal \"eth_type\" for ip address".into());
    }
    let (words, plen) = prefix(v, v6).ok_or("bad address")?;
    let mask: Vec<u32> = (0..words.len() as u32).map(|i| word_mask(plen.saturating_sub(32 * i).min(32))).collect();
    if v6 {
        let six = |w: &[u32]| std::net::Ipv6Addr::from(w.iter().fold(0u128, |x, w| x << 32 | u128::from(*w)));
        let pair: KeyPair<_> = match key {
            "dst_ip" => (F::KeyIpv6Dst, F::KeyIpv6DstMask),
            "src_ip" => (F::KeyIpv6Src, F::KeyIpv6SrcMask),
            "enc_dst_ip" => (F::KeyEncIpv6Dst, F::KeyEncIpv6DstMask),
            "enc_src_ip" => (F::KeyEncIpv6Src, F::KeyEncIpv6SrcMask),
            _ => return Err("bad family".into()),
        };
        key_pair(a, pair, six(&words), six(&mask))
    } else {
        let four = |w: &[u32]| std::net::Ipv4Addr::from(w.first().copied().unwrap_or(0));
        let pair: KeyPair<_> = match key {
            "dst_ip" => (F::KeyIpv4Dst, F::KeyIpv4DstMask),
            "src_ip" => (F::KeyIpv4Src, F::KeyIpv4SrcMask),
            "enc_dst_ip" => (F::KeyEncIpv4Dst, F::KeyEncIpv4DstMask),
            "enc_src_ip" => (F::KeyEncIpv4Src, F::KeyEncIpv4SrcMask),
            "arp_tip" => (F::KeyArpTip, F::KeyArpTipMask),
            _ => (F::KeyArpSip, F::KeyArpSipMask),
        };
        key_pair(a, pair, four(&words), four(&mask))
    }
}

/// `flower_parse_port`: `PORT`, `MIN-MAX` or `PORT/MASK` of the filter's
/// `ip_proto`.
fn flower_port(v: &str, ip_proto: u8, src: bool, a: &mut In<'_, Fl>) -> Parsed<()> {
    use cls::FlowerAttr as F;
    let bad = || "bad port".to_owned();
    let port = |s: &str| get_u32(s, 10).and_then(|p| u16::try_from(p).ok());
    let pair: KeyPair<Be16> = match (ip_proto, src) {
        (6, true) => (F::KeyTcpSrc, F::KeyTcpSrcMask),
        (6, false) => (F::KeyTcpDst, F::KeyTcpDstMask),
        (17, true) => (F::KeyUdpSrc, F::KeyUdpSrcMask),
        (17, false) => (F::KeyUdpDst, F::KeyUdpDstMask),
        (132, true) => (F::KeySctpSrc, F::KeySctpSrcMask),
        (132, false) => (F::KeySctpDst, F::KeySctpDstMask),
        _ => return Err(bad()),
    };
    let one = |a: &mut In<'_, Fl>, p: u16| a.put(&pair.0(Be16(p))).map(drop).map_err(enc);
    if let Some((lo, hi)) = v.split_once('-') {
        let (lo, hi) = (port(lo).ok_or_else(bad)?, port(hi).ok_or_else(bad)?);
        if lo != 0 && hi != 0 {
            if hi <= lo {
                return Err("max value should be greater than min value".into());
            }
            let range: KeyPair<Be16> =
                if src { (F::KeyPortSrcMin, F::KeyPortSrcMax) } else { (F::KeyPortDstMin, F::KeyPortDstMax) };
            return key_pair(a, range, Be16(lo), Be16(hi));
        }
        if lo == 0 {
            return Err(bad());
        }
        return one(a, lo);
    }
    if let Some((p, m)) = v.split_once('/') {
        let p = get_u32(p, 0).and_then(|p| u16::try_from(p).ok()).ok_or_else(bad)?;
        let m = get_u32(m, 0).and_then(|m| u16::try_from(m).ok()).ok_or_else(bad)?;
        return key_pair(a, pair, Be16(p), Be16(m));
    }
    match port(v) {
        Some(p) if p != 0 => one(a, p),
        _ => Err(bad()),
    }
}

/// `flower_parse_opt`, for its common keys: `classid`, `indev`,
/// `skip_hw`/`skip_sw`/`verbose`, `vlan_id`, `vlan_prio`, `dst_mac`,
/// `src_mac`, `ip_proto`, `ip_tos`, `ip_ttl`, `dst_ip`, `src_ip`,
/// `dst_port`, `src_port`, and actions.
fn flower_options(
    handle: Option<&str>,
    args: &[String],
    hdr: &mut TcMsg,
    out: &mut FilterOut<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    // tc's keywords in the order it tries them (an abbreviation is the
    // first keyword it begins)
    const KEYS: [&str; 50] = [
        "classid",
        "flowid",
        "hw_tc",
        "ip_flags",
        "verbose",
        "skip_hw",
        "skip_sw",
        "ct_state",
        "ct_zone",
        "ct_mark",
        "ct_label",
        "indev",
        "vlan_id",
        "vlan_prio",
        "vlan_ethtype",
        "cvlan_id",
        "cvlan_prio",
        "cvlan_ethtype",
        "mpls",
        "mpls_label",
        "mpls_tc",
        "mpls_bos",
        "mpls_ttl",
        "dst_mac",
        "src_mac",
        "ip_proto",
        "ip_tos",
        "ip_ttl",
        "dst_ip",
        "src_ip",
        "dst_port",
        "src_port",
        "tcp_flags",
        "type",
        "code",
        "arp_tip",
        "arp_sip",
        "arp_op",
        "arp_tha",
        "arp_sha",
        "enc_dst_ip",
        "enc_src_ip",
        "enc_key_id",
        "enc_dst_port",
        "enc_tos",
        "enc_ttl",
        "geneve_opts",
        "vxlan_opts",
        "erspan_opts",
        "action",
    ];
    let tc_proto = u16::from_be(hdr.tcm_info.get() as u16);
    if let Some(h) = handle {
        hdr.tcm_handle = get_u32(h, 0).ok_or("Illegal \"handle\"")?.into();
    }
    let mut refused = None;
    let r = out.options().flower(|a| filling(&mut refused, a, |a| {
    use cls::FlowerAttr as F;
    let (mut flags, mut ip_proto, mut eth_type, mut vlan_ethtype) = (0u32, 0xffu8, tc_proto, 0u16);
    let (mut mtf, mut mtf_mask) = (0u32, 0u32);
    // MPLS keys as label stack entries (true) or the single-label keys
    let mut mpls_format = None::<bool>;
    let mut w = Words::new(args);
    let illegal_k = |k: &str| format!("Illegal \"{k}\"");
    let u8_of = |v: &str, base: u32| get_u32(v, base).and_then(|b| u8::try_from(b).ok());
    let u16_of = |v: &str, base: u32| get_u32(v, base).and_then(|b| u16::try_from(b).ok());
    let is_vlan = |t: u16| t == 0x8100 || t == 0x88a8;
    let is_mpls = |t: u16| t == 0x8847 || t == 0x8848;
    let is_arp = |t: u16| t == 0x0806 || t == 0x8035;
    while let Some(x) = w.peek() {
        // (pppoe_sid and ppp_proto only whole, and tried before the
        // tunnel keys)
        let key = if x == "pppoe_sid" || x == "ppp_proto" {
            x
        } else {
            match KEYS.iter().find(|k| crate::matches(x, k)) {
                Some(k) => k,
                None => return Err(format!("What is \"{x}\"?")),
            }
        };
        match key {
            "classid" | "flowid" => {
                let c = classid(w.next_arg()?)?;
                a.classid(TcHandle(c)).map_err(enc)?;
            }
            "hw_tc" => {
                let v = w.next_arg()?;
                let tc = if v.is_empty() { Some(0) } else { c_num(v, 0) };
                let tc = tc.and_then(|t| u32::try_from(t).ok()).ok_or("Illegal TC index")?;
                if tc >= 16 {
                    return Err("TC index exceeds max range".into());
                }
                // TC_H_MAKE(TC_H_MAJ(parent), TC_H_MIN(tc + TC_H_MIN_PRIORITY))
                let c = (hdr.tcm_parent.get() & 0xffff_0000) | ((tc + 0xffe0) & 0xffff);
                a.classid(TcHandle(c)).map_err(enc)?;
            }
            "ip_flags" => {
                let v = w.next_arg()?;
                for token in v.split('/').filter(|t| !t.is_empty()) {
                    let (no, name) = match token.strip_prefix("no") {
                        Some(n) => (true, n),
                        None => (false, token),
                    };
                    // TCA_FLOWER_KEY_FLAGS_IS_FRAGMENT, _FRAG_IS_FIRST
                    let bit = match name {
                        "frag" => 1,
                        "firstfrag" => 2,
                        _ => return Err(illegal_k("ip_flags")),
                    };
                    if no {
                        mtf &= !bit;
                    } else {
                        mtf |= bit;
                    }
                    mtf_mask |= bit;
                }
            }
            "verbose" => flags |= 0x10, // TCA_CLS_FLAGS_VERBOSE
            "skip_hw" => flags |= TCA_CLS_FLAGS_SKIP_HW,
            "skip_sw" => flags |= TCA_CLS_FLAGS_SKIP_SW,
            "ct_state" => {
                const STATES: [(&str, u16); 6] =
                    [("trk", 8), ("new", 1), ("est", 2), ("rel", 4), ("inv", 0x10), ("rpl", 0x20)];
                let mut rest = w.next_arg()?;
                let (mut state, mut mask) = (0u16, 0u16);
                while let Some(c) = rest.chars().next() {
                    let on = match c {
                        '+' => true,
                        '-' => false,
                        _ => return Err(illegal_k("ct_state")),
                    };
                    let (name, bit) =
                        STATES.iter().find(|(n, _)| rest[1..].starts_with(n)).ok_or_else(|| illegal_k("ct_state"))?;
                    if on {
                        state |= bit;
                    }
                    mask |= bit;
                    rest = &rest[1 + name.len()..];
                }
                key_pair(a, (F::KeyCtState, F::KeyCtStateMask), state, mask)?;
            }
            "ct_zone" => {
                let v = w.next_arg()?;
                let hex = |s: &str| u16_of(s, 0);
                let (val, mask) = masked(v, hex, hex, u16::MAX).ok_or_else(|| illegal_k("ct_zone"))?;
                key_pair(a, (F::KeyCtZone, F::KeyCtZoneMask), val, mask)?;
            }
            "ct_mark" => {
                let v = w.next_arg()?;
                let num = |s: &str| get_u32(s, 0);
                let (val, mask) = masked(v, num, num, u32::MAX).ok_or_else(|| illegal_k("ct_mark"))?;
                key_pair(a, (F::KeyCtMark, F::KeyCtMarkMask), val, mask)?;
            }
            "ct_label" => {
                let v = w.next_arg()?;
                let (val, mask) = v.split_once('/').map_or((v, None), |(x, m)| (x, Some(m)));
                if val.len() > 32 || mask.is_some_and(|m| m.len() > 32) {
                    return Err(format!("Error: argument \"{val}\" is wrong: {} Max allowed size 32", val.len()));
                }
                let labels = hex_pairs(val).ok_or("labels must be a hex string")?;
                let lmask = match mask {
                    Some(m) => hex_pairs(m).ok_or("labels mask must be a hex string")?,
                    None => vec![0xff; 16],
                };
                a.key_ct_labels(Bytes(&labels)).and_then(|a| a.key_ct_labels_mask(Bytes(&lmask))).map_err(enc)?;
            }
            "indev" => {
                let d = w.next_arg()?;
                if d.is_empty() || d.len() >= 16 || d.contains('/') || d.chars().any(char::is_whitespace) {
                    return Err(format!("Error: argument \"{d}\" is wrong: \"indev\" not a valid ifname"));
                }
                a.indev(d).map_err(enc)?;
            }
            "vlan_id" | "vlan_prio" | "cvlan_id" | "cvlan_prio" => {
                let v = w.next_arg()?;
                let inner = key.starts_with('c');
                if !is_vlan(if inner { vlan_ethtype } else { tc_proto }) {
                    return Err(if inner {
                        format!("Can't set \"{key}\" if inner vlan ethertype isn't 802.1Q or 802.1AD and num_of_vlans is less than 2")
                    } else {
                        format!("Can't set \"{key}\" if ethertype isn't 802.1Q or 802.1AD and num_of_vlans is 0")
                    });
                }
                if key.ends_with("_id") {
                    let vid = u16_of(v, 10).filter(|v| *v <= 0xfff).ok_or_else(|| illegal_k(key))?;
                    if inner { a.key_cvlan_id(vid) } else { a.key_vlan_id(vid) }.map_err(enc)?;
                } else {
                    let p = u8_of(v, 10).filter(|v| *v <= 7).ok_or_else(|| illegal_k(key))?;
                    if inner { a.key_cvlan_prio(p) } else { a.key_vlan_prio(p) }.map_err(enc)?;
                }
            }
            "vlan_ethtype" | "cvlan_ethtype" => {
                let v = w.next_arg()?;
                let inner = key.starts_with('c');
                if !is_vlan(if inner { vlan_ethtype } else { eth_type }) {
                    return Err(format!(
                        "Can't set \"{key}\" if ethertype isn't 802.1Q or 802.1AD and num_of_vlans {}",
                        if inner { "less than 2" } else { "is 0" }
                    ));
                }
                let t =
                    proto_a2n(v).ok_or_else(|| format!("Error: argument \"{v}\" is wrong: invalid vlan_ethtype"))?;
                if inner { a.key_cvlan_eth_type(Be16(t)) } else { a.key_vlan_eth_type(Be16(t)) }.map_err(enc)?;
                // the type the keys after it are parsed in
                if inner {
                    eth_type = t;
                } else {
                    (vlan_ethtype, eth_type) = (t, t);
                }
            }
            "mpls" => {
                w.next_arg()?;
                if !is_mpls(eth_type) {
                    return Err("Can't set \"mpls\" if ethertype isn't MPLS".into());
                }
                if mpls_format == Some(false) {
                    return Err(
                        "Can't set \"mpls\" if \"mpls_label\", \"mpls_tc\", \"mpls_bos\" or \"mpls_ttl\" is set".into(),
                    );
                }
                mpls_format = Some(true);
                flower_mpls_lses(&mut w, a)?;
                continue;
            }
            "mpls_label" | "mpls_tc" | "mpls_bos" | "mpls_ttl" => {
                let v = w.next_arg()?;
                if !is_mpls(eth_type) {
                    return Err(format!("Can't set \"{key}\" if ethertype isn't MPLS"));
                }
                if mpls_format == Some(true) {
                    return Err(format!("Can't set \"{key}\" if \"mpls\" is set"));
                }
                mpls_format = Some(false);
                if key == "mpls_label" {
                    let l = get_u32(v, 10).filter(|l| *l <= 0xf_ffff).ok_or_else(|| illegal_k(key))?;
                    a.key_mpls_label(l).map_err(enc)?;
                } else {
                    let (put, max): (fn(u8) -> Fl, u8) = match key {
                        "mpls_tc" => (F::KeyMplsTc, 7),
                        "mpls_bos" => (F::KeyMplsBos, 1),
                        _ => (F::KeyMplsTtl, 0xff),
                    };
                    let b = u8_of(v, 10).filter(|b| *b <= max).ok_or_else(|| illegal_k(key))?;
                    a.put(&put(b)).map_err(enc)?;
                }
            }
            "dst_mac" | "src_mac" | "arp_tha" | "arp_sha" => {
                let v = w.next_arg()?;
                flower_mac(v, key, a).map_err(|_| illegal_k(key))?;
            }
            "ip_proto" => {
                let v = w.next_arg()?;
                if eth_type != 0x0800 && eth_type != 0x86dd {
                    return Err("Illegal \"eth_type\" for ip proto".into());
                }
                let p = if crate::matches(v, "tcp") {
                    6
                } else if crate::matches(v, "udp") {
                    17
                } else if crate::matches(v, "sctp") {
                    132
                } else if crate::matches(v, "icmp") && eth_type == 0x0800 {
                    1
                } else if crate::matches(v, "icmpv6") && eth_type == 0x86dd {
                    58
                } else if crate::matches(v, "icmp") || crate::matches(v, "icmpv6") {
                    return Err("Illegal \"eth_type\" for ip proto".into());
                } else {
                    u8_of(v, 16).ok_or_else(|| illegal_k("ip_proto"))?
                };
                a.key_ip_proto(p).map_err(enc)?;
                ip_proto = p;
            }
            "ip_tos" | "ip_ttl" | "enc_tos" | "enc_ttl" => {
                let v = w.next_arg()?;
                let val = |s: &str| u8_of(s, 10).or_else(|| u8_of(s, 16));
                let (b, m) = masked(v, val, |s| u8_of(s, 16), 0xff).ok_or_else(|| illegal_k(key))?;
                let pair: KeyPair<u8> = match key {
                    "ip_tos" => (F::KeyIpTos, F::KeyIpTosMask),
                    "ip_ttl" => (F::KeyIpTtl, F::KeyIpTtlMask),
                    "enc_tos" => (F::KeyEncIpTos, F::KeyEncIpTosMask),
                    _ => (F::KeyEncIpTtl, F::KeyEncIpTtlMask),
                };
                key_pair(a, pair, b, m)?;
            }
            "dst_ip" | "src_ip" | "enc_dst_ip" | "enc_src_ip" | "arp_tip" | "arp_sip" => {
                let v = w.next_arg()?;
                let family = match key {
                    "dst_ip" | "src_ip" => eth_type,
                    "enc_dst_ip" | "enc_src_ip" => 0,
                    // ARP's: IPv4 only, on an ARP or RARP filter
                    _ if !is_arp(eth_type) => return Err(illegal_k(key)),
                    _ => 0x0800,
                };
                flower_ip(v, family, key, a).map_err(|_| illegal_k(key))?;
            }
            "dst_port" | "src_port" => {
                let v = w.next_arg()?;
                flower_port(v, ip_proto, key == "src_port", a).map_err(|_| illegal_k(key))?;
            }
            "tcp_flags" => {
                let v = w.next_arg()?;
                // TCP_FLAGS_MAX_MASK
                let f = |s: &str| u16_of(s, 16).filter(|f| *f <= 0xfff);
                let (val, mask) = masked(v, f, f, 0xfff).ok_or_else(|| illegal_k(key))?;
                key_pair(a, (F::KeyTcpFlags, F::KeyTcpFlagsMask), Be16(val), Be16(mask))?;
            }
            "type" | "code" | "arp_op" => {
                let v = w.next_arg()?;
                let what = match key {
                    "arp_op" => "arp_op".to_owned(),
                    _ => format!("icmp {key}"),
                };
                let pair: Option<KeyPair<u8>> = match (key, eth_type, ip_proto) {
                    ("arp_op", t, _) if is_arp(t) => Some((F::KeyArpOp, F::KeyArpOpMask)),
                    ("type", 0x0800, 1) => Some((F::KeyIcmpv4Type, F::KeyIcmpv4TypeMask)),
                    ("code", 0x0800, 1) => Some((F::KeyIcmpv4Code, F::KeyIcmpv4CodeMask)),
                    ("type", 0x86dd, 58) => Some((F::KeyIcmpv6Type, F::KeyIcmpv6TypeMask)),
                    ("code", 0x86dd, 58) => Some((F::KeyIcmpv6Code, F::KeyIcmpv6CodeMask)),
                    _ => None,
                };
                let pair = pair.ok_or_else(|| illegal_k(&what))?;
                let val = |s: &str| {
                    let named = match (key, s) {
                        ("arp_op", "request") => Some(1),
                        ("arp_op", "reply") => Some(2),
                        _ => None,
                    };
                    // (an ARP operation is 0, a request or a reply)
                    named.or_else(|| u8_of(s, 10)).filter(|b| key != "arp_op" || *b <= 2)
                };
                let (b, m) = masked(v, val, |s| u8_of(s, 10), 0xff).ok_or_else(|| illegal_k(&what))?;
                key_pair(a, pair, b, m)?;
            }
            "pppoe_sid" | "ppp_proto" => {
                let v = w.next_arg()?;
                if eth_type != 0x8864 {
                    return Err(format!("Can't set \"{key}\" if ethertype isn't PPPoE session"));
                }
                if key == "pppoe_sid" {
                    a.key_pppoe_sid(Be16(u16_of(v, 10).ok_or_else(|| illegal_k(key))?)).map_err(enc)?;
                } else {
                    let p = crate::tcflower::ppp_proto_a2n(v)
                        .ok_or_else(|| format!("Error: argument \"{v}\" is wrong: invalid ppp_proto"))?;
                    // the type the keys after it are parsed in
                    eth_type = match p {
                        0x21 => 0x0800,
                        0x57 => 0x86dd,
                        0x281 => 0x8847,
                        0x283 => 0x8848,
                        _ => eth_type,
                    };
                    a.key_ppp_proto(Be16(p)).map_err(enc)?;
                }
            }
            "enc_key_id" => {
                let v = w.next_arg()?;
                let id = get_u32(v, 10).ok_or_else(|| illegal_k(key))?;
                a.key_enc_key_id(Be32(id)).map_err(enc)?;
            }
            "enc_dst_port" => {
                let v = w.next_arg()?;
                let port = u16_of(v, 10).ok_or_else(|| illegal_k(key))?;
                a.key_enc_udp_dst_port(Be16(port)).map_err(enc)?;
            }
            "geneve_opts" | "vxlan_opts" | "erspan_opts" => {
                return Err("rtnl does not parse flower's tunnel options (geneve, vxlan, erspan) yet (tc does)".into())
            }
            _ => {
                // "action"
                w.next_arg()?;
                actions_of(a, &mut w, ifindex, |a, f| a.nests_flagged(false).act(f).map(drop))
                    .map_err(|e| format!("{e}\nIllegal \"action\""))?;
                continue;
            }
        }
        w.fwd();
    }
    a.flags(flags).map_err(enc)?;
    if mtf_mask != 0 {
        key_pair(a, (F::KeyFlags, F::KeyFlagsMask), Be32(mtf), Be32(mtf_mask))?;
    }
    if tc_proto != ETH_P_ALL {
        a.key_eth_type(Be16(tc_proto)).map_err(enc)?;
    }
    Ok(())
    }));
    filled(refused, r)
}

/// tc's `VALUE[/MASK]` (`flower_parse_u8`, `_u16`, `_u32`, …): each half
/// parsed by its own function, the mask `full` when absent.
fn masked<T>(v: &str, val: impl Fn(&str) -> Option<T>, mask: impl Fn(&str) -> Option<T>, full: T) -> Option<(T, T)> {
    let (x, m) = v.split_once('/').map_or((v, None), |(x, m)| (x, Some(m)));
    Some((val(x)?, m.map_or(Some(full), mask)?))
}

/// `flower_parse_mpls`: `lse depth N [label L] [tc T] [bos B] [ttl T] …`,
/// from the word after `mpls` to the first word that is not one of these
/// (tc flags these nests `NLA_F_NESTED`).
fn flower_mpls_lses(w: &mut Words<'_>, a: &mut In<'_, Fl>) -> Parsed<()> {
    let mut refused = None;
    let r = a.key_mpls_opts(|o| {
        filling(&mut refused, o, |o| {
            while w.matches("lse") {
                w.next_arg()?;
                let mut refused = None;
                let r = o.lse(|l| filling(&mut refused, l, |l| flower_lse(w, l))).map(drop);
                filled(refused, r)?;
            }
            Ok(())
        })
    });
    filled(refused, r.map(drop))
}

/// One label stack entry of `flower_parse_mpls`: `depth N [label L] [tc T]
/// [bos B] [ttl T]`, in any order.
fn flower_lse(w: &mut Words<'_>, l: &mut In<'_, cls::FlowerMplsLseAttr<'static>>) -> Parsed<()> {
    let mut depth = 0;
    while let Some(k) = w.peek() {
        // (tc tries them in this order)
        let Some(key) = ["depth", "label", "tc", "bos", "ttl"].into_iter().find(|key| crate::matches(k, key)) else {
            break;
        };
        let v = w.next_arg()?;
        let illegal = || format!("Illegal \"{key}\"");
        if key == "label" {
            let n = get_u32(v, 10).filter(|n| *n <= 0xf_ffff).ok_or_else(illegal)?;
            l.label(n).map_err(enc)?;
        } else {
            let range = match key {
                "depth" => 1..=0xff,
                "tc" => 0..=7,
                "bos" => 0..=1,
                _ => 0..=0xff,
            };
            let b = get_u32(v, 10).and_then(|b| u8::try_from(b).ok()).filter(|b| range.contains(b));
            let b = b.ok_or_else(illegal)?;
            match key {
                "depth" => {
                    depth = b;
                    l.depth(b)
                }
                "tc" => l.tc(b),
                "bos" => l.bos(b),
                _ => l.ttl(b),
            }
            .map_err(enc)?;
        }
        w.fwd();
    }
    if depth == 0 {
        return Err("Error: argument \"depth\" is required".into());
    }
    Ok(())
}

/// `basic_parse_opt`: `classid` and actions (no ematches yet).
fn basic_options(
    handle: Option<&str>,
    args: &[String],
    hdr: &mut TcMsg,
    out: &mut FilterOut<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    // strtol(handle, NULL, 0), as matchall
    hdr.tcm_handle = (handle.map_or(0, |h| c_num(h, 0).unwrap_or(0)) as u32).into();
    if args.is_empty() {
        return out.bare();
    }
    let mut refused = None;
    let r = out.options().basic(|a| {
        filling(&mut refused, a, |a| {
            let mut w = Words::new(args);
            while let Some(x) = w.peek() {
                if w.matches("classid") || x == "flowid" {
                    let c = classid(w.next_arg()?)?;
                    a.classid(TcHandle(c)).map_err(enc)?;
                } else if w.matches("action") {
                    w.next_arg()?;
                    actions_of(a, &mut w, ifindex, |a, f| a.nests_flagged(false).act(f).map(drop))
                        .map_err(|e| format!("{e}\nIllegal \"action\""))?;
                    continue;
                } else if w.matches("match") || w.matches("police") {
                    return Err(format!("rtnl does not parse basic's \"{x}\" yet (tc does)"));
                } else {
                    return Err(format!("What is \"{x}\"?"));
                }
                w.fwd();
            }
            Ok(())
        })
    });
    filled(refused, r)
}

/// Classic BPF bytecode as tc reads it: `LEN,CODE JT JF K,…`.
fn cbpf_ops(s: &str) -> Parsed<Vec<u8>> {
    let bad = |m: &str| m.to_owned();
    let (len, rest) = s.split_once(',').ok_or_else(|| bad("Unable to parse bpf command line"))?;
    let len: u16 = len.trim().parse().map_err(|_| bad("Unable to parse bpf command line"))?;
    if len == 0 || len > 4096 {
        return Err(bad("Unable to parse bpf command line"));
    }
    let mut out = Vec::new();
    let mut n = 0;
    for op in rest.split(',').filter(|t| !t.is_empty()) {
        if n >= len {
            return Err(bad("Real program length exceeds encoded length parameter!"));
        }
        let f: Vec<&str> = op.split_whitespace().collect();
        let parsed = (|| {
            Some((f.first()?.parse::<u16>().ok()?, f.get(1)?.parse::<u8>().ok()?, f.get(2)?.parse::<u8>().ok()?, {
                f.get(3)?.parse::<u32>().ok()?
            }))
        })();
        let (code, jt, jf, k) = parsed.ok_or_else(|| format!("Error at instruction {n}!"))?;
        out.extend_from_slice(&code.to_ne_bytes());
        out.extend_from_slice(&[jt, jf]);
        out.extend_from_slice(&k.to_ne_bytes());
        n += 1;
    }
    if n != len {
        return Err(bad("Parsed program length is less than encoded length parameter!"));
    }
    Ok(out)
}

/// A bytecode file as tc reads it: lines joined by commas, runs of blanks
/// made one.
fn cbpf_file(path: &str) -> Parsed<String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("Cannot fopen: {e}"))?;
    let mut s = String::new();
    let mut prev = ' ';
    for c in text.chars() {
        match c {
            '\n' => {
                if prev != ',' {
                    s.push(',');
                }
                prev = ',';
            }
            ' ' | '\t' => {
                if prev != ' ' {
                    s.push(c);
                }
                prev = ' ';
            }
            _ => {
                s.push(c);
                prev = c;
            }
        }
    }
    Ok(s)
}

/// `bpf_parse_opt`, for classic BPF (`bytecode`, `bytecode-file`).
fn bpf_options(
    handle: Option<&str>,
    args: &[String],
    hdr: &mut TcMsg,
    out: &mut FilterOut<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    if let Some(h) = handle {
        hdr.tcm_handle = get_u32(h, 0).ok_or("Illegal \"handle\"")?.into();
    }
    if args.is_empty() {
        return out.bare();
    }
    let mut refused = None;
    let r = out.options().bpf(|a| {
        filling(&mut refused, a, |a| {
            let (mut gen_flags, mut flags) = (0u32, 0u32);
            let mut ops: Option<Vec<u8>> = None;
            let mut w = Words::new(args);
            while let Some(x) = w.peek() {
                let run = if w.matches("run") {
                    if ops.is_some() {
                        return Err(format!("Error: duplicate \"run\": \"{}\" is the second value.", w.next_arg()?));
                    }
                    w.next_arg()?;
                    true
                } else {
                    false
                };
                let x = w.peek().unwrap_or(x);
                if run || (ops.is_none() && !is_bpf_option(&w)) {
                    let text = if w.matches("bytecode") || x == "bc" {
                        w.next_arg()?.to_owned()
                    } else if w.matches("bytecode-file") || x == "bcf" {
                        cbpf_file(w.next_arg()?)?
                    } else if w.matches("object-file") || x == "obj" || w.matches("object-pinned") || w.matches("fd") {
                        return Err("rtnl loads no eBPF objects (tc filter add … bpf obj FILE does)".into());
                    } else {
                        return Err(format!("What mode is \"{x}\"?"));
                    };
                    ops = Some(cbpf_ops(&text)?);
                } else if w.matches("classid") || w.matches("flowid") {
                    let c = classid(w.next_arg()?)?;
                    a.classid(TcHandle(c)).map_err(enc)?;
                } else if w.matches("direct-action") || w.matches("da") {
                    flags |= 1;
                } else if w.matches("skip_hw") {
                    gen_flags |= TCA_CLS_FLAGS_SKIP_HW;
                } else if w.matches("skip_sw") {
                    gen_flags |= TCA_CLS_FLAGS_SKIP_SW;
                } else if w.matches("action") {
                    w.next_arg()?;
                    actions_of(a, &mut w, ifindex, |a, f| a.nests_flagged(false).act(f).map(drop))
                        .map_err(|e| format!("{e}\nIllegal \"action\""))?;
                    continue;
                } else if w.matches("police") {
                    return Err("rtnl does not parse \"police\" yet (tc does)".into());
                } else {
                    return Err(format!("What is \"{x}\"?"));
                }
                w.fwd();
            }
            let ops = ops.ok_or("Unable to load program")?;
            let ops = StructArray::<cls::SockFilter>::new(&ops).ok_or("Unable to load program")?;
            // (cbpf_ops refuses more than 4096 instructions, as tc does)
            a.ops_len(ops.len() as u16).map_err(enc)?.ops(ops).map_err(enc)?;
            if gen_flags != 0 {
                a.flags_gen(gen_flags).map_err(enc)?;
            }
            if flags != 0 {
                a.flags(flags).map_err(enc)?;
            }
            Ok(())
        })
    });
    filled(refused, r)
}

/// Whether the word is one of bpf's own options (which tc tries before
/// taking a word as the program).
fn is_bpf_option(w: &Words<'_>) -> bool {
    ["classid", "flowid", "direct-action", "da", "skip_hw", "skip_sw", "action", "police", "help"]
        .iter()
        .any(|k| w.matches(k))
}

// ---------- actions ----------

/// `action_a2n` (without numbers): a verdict word.
fn verdict(w: &str) -> Option<i32> {
    const A2N: &[(&str, i32)] = &[
        ("continue", -1),
        ("drop", 2),
        ("shot", 2),
        ("pass", 0),
        ("ok", 0),
        ("reclassify", 1),
        ("pipe", 3),
        ("goto", TC_ACT_GOTO_CHAIN),
        ("jump", TC_ACT_JUMP),
        ("trap", 8),
    ];
    A2N.iter().find(|(k, _)| crate::matches(w, k)).map(|&(_, n)| n)
}

/// `parse_action_control`: a verdict and its `goto chain N` / `jump N`.
fn action_control(w: &mut Words<'_>) -> Parsed<i32> {
    let word = w.peek().ok_or("Bad action type")?;
    let mut r = verdict(word).ok_or_else(|| format!("Bad action type {word}"))?;
    if r == TC_ACT_GOTO_CHAIN {
        if !crate::matches(w.next_arg()?, "chain") {
            return Err("\"chain index\" expected".into());
        }
        let c = get_u32(w.next_arg()?, 10).filter(|&c| c <= TC_ACT_EXT_VAL_MASK).ok_or("Illegal \"chain index\"")?;
        r |= c as i32;
    } else if r == TC_ACT_JUMP {
        let v = w.next_arg()?;
        let c = get_u32(v, 10).filter(|&c| c <= TC_ACT_EXT_VAL_MASK).ok_or(format!("Invalid \"jump count\" ({v})"))?;
        r |= c as i32;
    }
    w.fwd();
    Ok(r)
}

/// The action kinds rtnl parses.
const PARSED_ACTIONS: &[&str] = &["gact", "mirred", "vlan", "skbedit", "tunnel_key", "police"];

/// `new_cmd`: a word that starts another command of a batch.
fn new_cmd(w: &str) -> bool {
    ["change", "replace", "delete", "get", "add"].iter().any(|k| crate::matches(w, k))
}

/// `parse_action`: the actions after `action`, into list `l`.
fn parse_action(w: &mut Words<'_>, l: &mut Actions<'_>, ifindex: &dyn Fn(&str) -> Result<u32, Fail>) -> Parsed<()> {
    if w.peek().is_none() {
        return Err("bad action".into());
    }
    let (mut ok, mut expect) = (0, false);
    while let Some(x) = w.peek() {
        if x == "action" {
            w.fwd();
            expect = true;
            continue;
        } else if x == "flowid" || x == "classid" {
            break;
        } else if x == "help" {
            return Err("Try \"rtnl actions help\".".into());
        } else if new_cmd(x) {
            if ok > 0 {
                break;
            }
            return Ok(());
        }
        let kind = if verdict(x).is_some() { "gact" } else { x };
        expect = false;
        if !PARSED_ACTIONS.contains(&kind) {
            return Err(format!("rtnl cannot parse action \"{kind}\" yet (tc … action {kind} does)"));
        }
        let mut refused = None;
        let r = l.action(|s| filling(&mut refused, s, |s| one_action(w, kind, s, ifindex))).map(drop);
        filled(refused, r)?;
        ok += 1;
    }
    if expect {
        return Err("bad action empty 1".into());
    }
    Ok(())
}

/// One action of a list: `TCA_ACT_KIND` and the kind's options, then
/// `cookie`, `hw_stats` and the flags.
fn one_action(
    w: &mut Words<'_>,
    kind: &str,
    s: &mut In<'_, act::ActAttr<'static>>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    let mut refused = None;
    let o = s.options();
    let r = match kind {
        "gact" => o.gact(|a| filling(&mut refused, a, |a| gact(w, a))),
        "vlan" => o.vlan(|a| filling(&mut refused, a, |a| vlan(w, a))),
        "skbedit" => o.skbedit(|a| filling(&mut refused, a, |a| skbedit(w, a))),
        "tunnel_key" => o.tunnel_key(|a| filling(&mut refused, a, |a| tunnel_key(w, a))),
        "police" => o.police(|a| filling(&mut refused, a, |a| police(w, a))),
        _ => o.mirred(|a| filling(&mut refused, a, |a| mirred(w, a, ifindex))),
    };
    filled(refused, r)?;
    if w.is("cookie") {
        let c = w.next_arg()?;
        if c.len() > 32 {
            return Err(format!("Error: argument \"{c}\" is wrong: {} Max allowed size 32", c.len()));
        }
        let bytes = hex(c).ok_or_else(|| format!("Error: argument \"{c}\" is wrong: cookie must be a hex string"))?;
        w.fwd();
        if !bytes.is_empty() {
            s.cookie(Bytes(&bytes)).map_err(enc)?;
        }
    }
    if w.matches("hw_stats") {
        let v = w.next_arg()?;
        let t = [("immediate", 1u32), ("delayed", 2), ("disabled", 0)]
            .iter()
            .find(|(k, _)| crate::matches(v, k))
            .map(|&(_, t)| t)
            .ok_or_else(|| format!("Error: argument \"{v}\" is wrong: value is invalid"))?;
        s.hw_stats(Bitfield32::of(t)).map_err(enc)?;
        w.fwd();
    }
    let mut flag = 0u32;
    if w.is("no_percpu") {
        flag |= act::TCA_ACT_FLAGS_NO_PERCPU_STATS;
        w.fwd();
    }
    for _ in 0..2 {
        if w.is("skip_sw") {
            flag |= act::TCA_ACT_FLAGS_SKIP_SW;
            w.fwd();
        } else if w.is("skip_hw") {
            flag |= act::TCA_ACT_FLAGS_SKIP_HW;
            w.fwd();
        }
    }
    if flag != 0 {
        s.flags(Bitfield32::of(flag)).map_err(enc)?;
    }
    Ok(())
}

/// `parse_action` into a filter's action list `*_ACT`, written by `list`
/// (a classifier's `act`, unflagged as tc writes it).
fn actions_of<S>(
    a: &mut S,
    w: &mut Words<'_>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
    list: impl FnOnce(&mut S, &mut dyn FnMut(&mut Actions<'_>) -> Result<(), EncodeError>) -> Result<(), EncodeError>,
) -> Parsed<()> {
    let mut refused = None;
    let mut f = |l: &mut Actions<'_>| filling(&mut refused, l, |l| parse_action(w, l, ifindex));
    let r = list(a, &mut f);
    filled(refused, r)
}

/// An even number of hex digits as bytes.
fn hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    hex_pairs(s)
}

/// `parse_gact`: `[gact] VERDICT [random determ|netrand VERDICT VAL] [index N]`.
fn gact(w: &mut Words<'_>, a: &mut In<'_, act::GactAttr<'static>>) -> Parsed<()> {
    let mut p = TcGen::<NativeEndian>::default();
    if w.matches("gact") {
        w.next_arg()?;
    }
    let mut prob = None;
    if !w.matches("index") {
        p.action = action_control(w)?.into();
        if w.matches("random") {
            let t = w.next_arg()?;
            let ptype: u16 = if crate::matches(t, "netrand") {
                1
            } else if crate::matches(t, "determ") {
                2
            } else {
                return Err("Illegal \"random type\"".into());
            };
            w.next_arg()?;
            let paction = action_control(w)?;
            let v = w.peek().ok_or("Illegal probability val")?;
            let pval = get_u32(v, 10).and_then(|v| u16::try_from(v).ok()).filter(|&v| v <= 10000);
            let pval = pval.ok_or_else(|| format!("Illegal probability val {v}"))?;
            w.fwd();
            prob = Some(act::TcGactP { ptype: ptype.into(), pval: pval.into(), paction: paction.into() });
        }
    }
    if w.matches("index") {
        p.index = get_u32(w.next_arg()?, 10).ok_or("Illegal \"index\"")?.into();
        w.fwd();
    }
    a.parms(p).map_err(enc)?;
    if let Some(b) = prob {
        a.prob(b).map_err(enc)?;
    }
    Ok(())
}

/// `parse_action_control_slash`: `VERDICT/VERDICT` in one word, or
/// `VERDICT [ / VERDICT ]` (numbers allowed); the second, if given.
fn control_slash(w: &mut Words<'_>) -> Parsed<(i32, Option<i32>)> {
    let word = w.peek().ok_or("Bad action type")?;
    let a2n = |x: &str| verdict(x).or_else(|| x.parse::<i32>().ok());
    if let Some((x, y)) = word.split_once('/') {
        let (Some(r1), Some(r2)) = (a2n(x), a2n(y)) else { return Err(format!("Bad action type {word}")) };
        w.fwd();
        return Ok((r1, Some(r2)));
    }
    let one = |w: &mut Words<'_>| -> Parsed<i32> {
        match w.peek() {
            Some(x) if verdict(x).is_none() => {
                let r = x.parse::<i32>().map_err(|_| format!("Bad action type {x}"))?;
                w.fwd();
                Ok(r)
            }
            _ => action_control(w),
        }
    };
    let r1 = one(w)?;
    if !w.is("/") {
        return Ok((r1, None));
    }
    w.next_arg()?;
    Ok((r1, Some(one(w)?)))
}

/// `act_parse_police`: `police [ rate BPS burst BYTES[/BYTES] ] [ mtu
/// BYTES[/BYTES] ] [ peakrate BPS ] [ avrate BPS ] [ overhead BYTES ]
/// [ linklayer TYPE ] [ pkts_rate N pkts_burst N ] [ index N ] [ CONTROL ]`,
/// the rate tables computed as tc computes them.
fn police(w: &mut Words<'_>, a: &mut In<'_, act::PoliceAttr<'static>>) -> Parsed<()> {
    use crate::tcunits as u;
    use rtnl_core::tc::action::TcPolice;
    w.next_arg()?;
    // the default verdict: TC_POLICE_RECLASSIFY
    let mut p = TcPolice::<NativeEndian> { action: 1.into(), ..Default::default() };
    let (mut buffer, mut mtu, mut mpu, mut avrate, mut presult) = (0u32, 0u32, 0u32, 0u32, None::<i32>);
    let (mut rcell, mut pcell, mut overhead, mut linklayer) = (None, None, 0u16, u::LINKLAYER_ETHERNET);
    let (mut rate64, mut prate64, mut pps64, mut ppsburst64) = (0u64, 0u64, 0u64, 0u64);
    let bad = |what: &str, v: &str| invarg(what, v).msg;
    let mut ok = 0;
    while let Some(x) = w.peek() {
        if crate::matches(x, "index") {
            let v = w.next_arg()?;
            p.index = get_u32(v, 10).ok_or_else(|| bad("index", v))?.into();
        } else if crate::matches(x, "burst") || x == "buffer" || x == "maxburst" {
            let v = w.next_arg()?;
            if buffer != 0 {
                return Err(dup("buffer/burst", v).msg);
            }
            (buffer, rcell) = u::parse_size_and_cell(v).ok_or_else(|| bad("buffer", v))?;
        } else if x == "mtu" || x == "minburst" {
            let v = w.next_arg()?;
            if mtu != 0 {
                return Err(dup("mtu/minburst", v).msg);
            }
            (mtu, pcell) = u::parse_size_and_cell(v).ok_or_else(|| bad("mtu", v))?;
        } else if x == "mpu" {
            let v = w.next_arg()?;
            if mpu != 0 {
                return Err(dup("mpu", v).msg);
            }
            mpu = u::parse_size(v).ok_or_else(|| bad("mpu", v))?;
        } else if x == "rate" || x == "avrate" || crate::matches(x, "peakrate") {
            let key = if x == "rate" || x == "avrate" { x } else { "peakrate" };
            let v = w.next_arg()?;
            let slot = match key {
                "rate" => &mut rate64,
                "peakrate" => &mut prate64,
                _ => {
                    if avrate != 0 {
                        return Err(dup(key, v).msg);
                    }
                    avrate = u::parse_rate64(v).and_then(|r| u32::try_from(r).ok()).ok_or_else(|| bad(key, v))?;
                    w.fwd();
                    ok += 1;
                    continue;
                }
            };
            if *slot != 0 {
                return Err(dup(key, v).msg);
            }
            *slot = u::parse_rate64(v).ok_or_else(|| bad(key, v))?;
        } else if ["reclassify", "drop", "shot", "continue", "pass", "ok", "pipe", "goto"]
            .iter()
            .any(|k| crate::matches(x, k))
        {
            p.action = action_control(w)?.into();
            ok += 1;
            continue;
        } else if x == "conform-exceed" {
            w.next_arg()?;
            let (r1, r2) = control_slash(w)?;
            p.action = r1.into();
            presult = r2.or(presult);
            ok += 1;
            continue;
        } else if crate::matches(x, "overhead") {
            let v = w.next_arg()?;
            overhead = get_u32(v, 10).and_then(|o| u16::try_from(o).ok()).ok_or_else(|| bad("overhead", v))?;
        } else if crate::matches(x, "linklayer") {
            let v = w.next_arg()?;
            linklayer = u::parse_linklayer(v).ok_or_else(|| bad("linklayer", v))?;
        } else if crate::matches(x, "pkts_rate") || crate::matches(x, "pkts_burst") {
            let rate = crate::matches(x, "pkts_rate");
            let key = if rate { "pkts_rate" } else { "pkts_burst" };
            let v = w.next_arg()?;
            let slot = if rate { &mut pps64 } else { &mut ppsburst64 };
            if *slot != 0 {
                return Err(dup(key, v).msg);
            }
            *slot = c_num(v, 10).and_then(|n| u64::try_from(n).ok()).ok_or_else(|| bad(key, v))?;
        } else if x == "help" {
            return Err("Try \"rtnl actions help\".".into());
        } else {
            break;
        }
        w.fwd();
        ok += 1;
    }
    if ok == 0 || (rate64 != 0 && avrate != 0) {
        return Err("bad action parsing".into());
    }
    if rate64 == 0 && avrate == 0 && p.index.get() == 0 && mtu == 0 && pps64 == 0 {
        return Err("'rate' or 'avrate' or 'mtu' or 'pkts_rate' MUST be specified.".into());
    }
    if rate64 != 0 && buffer == 0 && avrate == 0 {
        return Err("'burst' requires 'rate'.".into());
    }
    if pps64 != 0 && ppsburst64 == 0 {
        return Err("'pkts_burst' requires 'pkts_rate'.".into());
    }
    if pps64 != 0 && rate64 != 0 {
        return Err("'rate' and 'pkts_rate' are not allowed in same action.".into());
    }
    if prate64 != 0 && rate64 == 0 {
        return Err("'peakrate' requires 'rate'.".into());
    }
    if prate64 != 0 && mtu == 0 {
        return Err("'mtu' is required, if 'peakrate' is requested.".into());
    }
    let clock = crate::tcunits::Clock::host();
    let mut rtab = None;
    if rate64 != 0 {
        p.rate.rate = u32::try_from(rate64).unwrap_or(u32::MAX).into();
        p.rate.mpu = (mpu as u16).into();
        p.rate.overhead = overhead.into();
        let (t, log) = clock.rtable(rate64, mpu as u16, rcell, mtu, linklayer);
        crate::tc::set_spec(&mut p.rate, log, linklayer);
        rtab = Some(t);
        p.burst = clock.xmittime(rate64, buffer).into();
    }
    p.mtu = mtu.into();
    let mut ptab = None;
    if prate64 != 0 {
        p.peakrate.rate = u32::try_from(prate64).unwrap_or(u32::MAX).into();
        p.peakrate.mpu = (mpu as u16).into();
        p.peakrate.overhead = overhead.into();
        let (t, log) = clock.rtable(prate64, mpu as u16, pcell, mtu, linklayer);
        crate::tc::set_spec(&mut p.peakrate, log, linklayer);
        ptab = Some(t);
    }
    a.tbf(p).map_err(enc)?;
    if let Some(t) = rtab {
        a.rate(Bytes(&u::table_bytes(&t))).map_err(enc)?;
        if rate64 >= 1 << 32 {
            a.rate64(rate64).map_err(enc)?;
        }
    }
    if let Some(t) = ptab {
        a.peakrate(Bytes(&u::table_bytes(&t))).map_err(enc)?;
        if prate64 >= 1 << 32 {
            a.peakrate64(prate64).map_err(enc)?;
        }
    }
    if avrate != 0 {
        a.avrate(avrate).map_err(enc)?;
    }
    if let Some(r) = presult.filter(|&r| r != 0) {
        a.result(r).map_err(enc)?;
    }
    if pps64 != 0 {
        a.pktrate64(pps64).map_err(enc)?;
        a.pktburst64(u64::from(clock.xmittime(pps64, ppsburst64 as u32))).map_err(enc)?;
    }
    Ok(())
}

/// `parse_mirred` and `parse_direction`:
/// `mirred egress|ingress mirror|redirect dev DEV [VERDICT] [index N]`.
fn mirred(
    w: &mut Words<'_>,
    a: &mut In<'_, act::MirredAttr<'static>>,
    ifindex: &dyn Fn(&str) -> Result<u32, Fail>,
) -> Parsed<()> {
    if !w.matches("mirred") {
        return Err(format!("mirred bad argument {}", w.peek().unwrap_or("")));
    }
    w.next_arg()?;
    if !(w.matches("egress") || w.matches("ingress") || w.matches("index")) {
        return Err(format!("mirred option not supported {}", w.peek().unwrap_or("")));
    }
    let mut p = TcMirred::<NativeEndian>::default();
    let (mut ok, mut iok, mut mirror, mut redir, mut ingress, mut egress) = (0, 0, false, false, false, false);
    let mut dev: Option<&str> = None;
    while w.peek().is_some() {
        if w.matches("action") {
            w.next_arg()?;
            break;
        } else if (!egress && w.matches("egress")) || (!ingress && w.matches("ingress")) {
            let (this, other) = if !egress && w.matches("egress") { ("egress", ingress) } else { ("ingress", egress) };
            if other {
                let that = if this == "egress" { "ingress" } else { "egress" };
                return Err(format!("Can't have both {this} and {that}"));
            }
            if this == "egress" {
                egress = true;
            } else {
                ingress = true;
            }
            w.next_arg()?;
            ok += 1;
            continue;
        } else if w.matches("index") {
            p.gen.index = get_u32(w.next_arg()?, 10).ok_or("Illegal \"index\"")?.into();
            iok += 1;
            if ok == 0 {
                w.fwd();
                break;
            }
        } else if ok == 0 {
            return Err(format!("was expecting egress or ingress ({})", w.peek().unwrap_or("")));
        } else if !mirror && w.matches("mirror") {
            mirror = true;
            if redir {
                return Err("Can't have both mirror and redir".into());
            }
            p.eaction = (if egress { 2 } else { 4 }).into();
            p.gen.action = TC_ACT_PIPE.into();
            ok += 1;
        } else if !redir && w.matches("redirect") {
            redir = true;
            if mirror {
                return Err("Can't have both mirror and redir".into());
            }
            p.eaction = (if egress { 1 } else { 3 }).into();
            p.gen.action = TC_ACT_STOLEN.into();
            ok += 1;
        } else if (redir || mirror) && w.matches("dev") {
            let d = w.next_arg()?;
            if dev.is_some() {
                return Err(format!("Error: duplicate \"dev\": \"{d}\" is the second value."));
            }
            dev = Some(d);
            w.fwd();
            break;
        }
        w.next_arg()?;
    }
    if ok == 0 && iok == 0 {
        return Err("bad action parsing".into());
    }
    if let Some(d) = dev {
        p.ifindex = ifindex(d).map_err(|_| format!("Cannot find device \"{d}\""))?.into();
    }
    let e = p.eaction.get();
    if e == 2 || e == 4 {
        p.gen.action = control_dflt(w, TC_ACT_PIPE)?.into();
    }
    if w.peek().is_some() {
        if iok > 0 && w.matches("index") {
            return Err("mirred: Illegal double index".into());
        }
        if w.matches("index") {
            p.gen.index = get_u32(w.next_arg()?, 10).ok_or("mirred: Illegal \"index\"")?.into();
            w.fwd();
        }
    }
    a.parms(p).map(drop).map_err(enc)
}

/// `parse_action_control_dflt`: a verdict if one follows, else `dflt`.
fn control_dflt(w: &mut Words<'_>, dflt: i32) -> Parsed<i32> {
    match w.peek().filter(|x| verdict(x).is_some()) {
        Some(_) => action_control(w),
        None => Ok(dflt),
    }
}

/// `[index N]` after an action's verdict (`error` names the kind).
fn trailing_index(w: &mut Words<'_>, kind: &str) -> Parsed<Option<u32>> {
    if !w.matches("index") {
        return Ok(None);
    }
    let i = get_u32(w.next_arg()?, 10).ok_or_else(|| format!("{kind}: Illegal \"index\""))?;
    w.fwd();
    Ok(Some(i))
}

/// `ll_addr_a2n` for a MAC address.
fn mac(s: &str) -> Option<[u8; 6]> {
    let parts: Vec<u8> = s.split(':').map(|p| u8::from_str_radix(p, 16).ok()).collect::<Option<_>>()?;
    parts.try_into().ok()
}

/// `parse_vlan`: `vlan pop | push | modify | pop_eth | push_eth …`.
fn vlan(w: &mut Words<'_>, a: &mut In<'_, act::VlanAttr<'static>>) -> Parsed<()> {
    const NAMES: [&str; 6] = ["", "pop", "push", "modify", "pop_eth", "push_eth"];
    w.next_arg()?;
    let mut action = 0u32;
    let (mut id, mut proto, mut prio) = (None::<u16>, None::<u16>, None::<u8>);
    let (mut dst, mut src) = (None::<[u8; 6]>, None::<[u8; 6]>);
    let push_attrs = |action: u32| action == 2 || action == 3;
    let invarg = |what: &str, v: &str| format!("Error: argument \"{v}\" is wrong: {what}");
    while let Some(x) = w.peek() {
        let verb = ["pop", "push", "modify", "pop_eth", "push_eth"].iter().position(|k| crate::matches(x, k));
        if let Some(i) = verb {
            if action != 0 {
                return Err(format!("unexpected \"{x}\""));
            }
            action = i as u32 + 1;
        } else if w.matches("id") {
            if !push_attrs(action) {
                return Err(invarg("only valid for push/modify", x));
            }
            let v = w.next_arg()?;
            id = Some(get_u32(v, 0).and_then(|i| u16::try_from(i).ok()).ok_or_else(|| invarg("id is invalid", v))?);
        } else if w.matches("protocol") {
            if !push_attrs(action) {
                return Err(invarg("only valid for push/modify", x));
            }
            let v = w.next_arg()?;
            proto = Some(proto_a2n(v).ok_or_else(|| invarg("protocol is invalid", v))?);
        } else if w.matches("priority") {
            if !push_attrs(action) {
                return Err(invarg("only valid for push/modify", x));
            }
            let v = w.next_arg()?;
            prio = Some(get_u32(v, 0).filter(|p| *p <= 7).ok_or_else(|| invarg("prio is invalid", v))? as u8);
        } else if w.matches("dst_mac") || w.matches("src_mac") {
            let dst_word = w.matches("dst_mac");
            if action != 5 {
                return Err(invarg("only valid for push_eth", x));
            }
            let v = w.next_arg()?;
            let m =
                mac(v).ok_or_else(|| invarg(if dst_word { "dst_mac is invalid" } else { "src_mac is invalid" }, v))?;
            if dst_word {
                dst = Some(m);
            } else {
                src = Some(m);
            }
        } else {
            break;
        }
        w.fwd();
    }
    let mut p = act::TcVlan::<NativeEndian>::default();
    p.gen.action = control_dflt(w, TC_ACT_PIPE)?.into();
    if let Some(i) = trailing_index(w, "vlan")? {
        p.gen.index = i.into();
    }
    let name = NAMES[action as usize];
    if push_attrs(action) && id.is_none() {
        return Err(format!("id needs to be set for {name}"));
    }
    if action == 5 && dst.is_none() {
        return Err(format!("dst_mac needs to be set for {name}"));
    }
    if action == 5 && src.is_none() {
        return Err(format!("src_mac needs to be set for {name}"));
    }
    p.v_action = (action as i32).into();
    a.parms(p).map_err(enc)?;
    if let Some(id) = id {
        a.push_vlan_id(id).map_err(enc)?;
    }
    if let Some(proto) = proto {
        if proto != 0x8100 && proto != 0x88a8 {
            return Err("protocol not supported".into());
        }
        a.push_vlan_protocol(Be16(proto)).map_err(enc)?;
    }
    if let Some(p) = prio {
        a.push_vlan_priority(p).map_err(enc)?;
    }
    if let Some(m) = dst {
        a.push_eth_dst(Bytes(&m)).map_err(enc)?;
    }
    if let Some(m) = src {
        a.push_eth_src(Bytes(&m)).map_err(enc)?;
    }
    Ok(())
}

/// `parse_skbedit`: `skbedit [queue_mapping N] [priority CLASSID] [mark M[/MASK]] [ptype TYPE] [inheritdsfield]`.
fn skbedit(w: &mut Words<'_>, a: &mut In<'_, act::SkbeditAttr<'static>>) -> Parsed<()> {
    w.next_arg()?;
    let mut ok = false;
    let (mut queue, mut prio, mut mark, mut mask, mut ptype) = (None::<u16>, None, None, None, None::<u16>);
    let mut pure_flags = 0u64;
    while let Some(x) = w.peek() {
        if w.matches("queue_mapping") {
            let v = get_u32(w.next_arg()?, 10).filter(|&q| q <= 65535).ok_or("Illegal queue_mapping")?;
            queue = Some(v as u16);
        } else if w.matches("priority") {
            prio = Some(classid(w.next_arg()?).map_err(|_| "Illegal priority")?);
        } else if w.matches("mark") {
            let v = w.next_arg()?;
            let (m, k) = match v.split_once('/') {
                Some((m, k)) => (m, Some(k)),
                None => (v, None),
            };
            mark = Some(get_u32(m, 0).ok_or("Illegal mark")?);
            if let Some(k) = k {
                mask = Some(get_u32(k, 0).ok_or("Illegal mask")?);
            }
        } else if w.matches("ptype") {
            let v = w.next_arg()?;
            let t = ["host", "broadcast", "multicast", "otherhost"].iter().position(|k| crate::matches(v, k));
            ptype = Some(t.ok_or_else(|| format!("Illegal ptype ({v})"))? as u16);
        } else if w.matches("inheritdsfield") {
            pure_flags |= act::SKBEDIT_F_INHERITDSFIELD;
        } else {
            let _ = x;
            break;
        }
        ok = true;
        w.fwd();
    }
    let mut p = TcGen::<NativeEndian> { action: control_dflt(w, TC_ACT_PIPE)?.into(), ..Default::default() };
    if let Some(i) = trailing_index(w, "skbedit")? {
        p.index = i.into();
        ok = true;
    }
    if !ok {
        return Err("Usage: ... skbedit <[QM] [PM] [MM] [PT] [IF]>".into());
    }
    let fill = |a: &mut In<'_, act::SkbeditAttr<'static>>| -> Result<(), EncodeError> {
        a.parms(p)?;
        put!(a, queue, queue_mapping);
        put!(a, prio.map(TcHandle), priority);
        put!(a, mark, mark);
        put!(a, mask, mask);
        put!(a, ptype, ptype);
        put!(a, nonzero pure_flags, flags);
        Ok(())
    };
    fill(a).map_err(enc)
}

/// `parse_tunnel_key`: `tunnel_key unset | set src_ip A dst_ip A [id N]
/// [dst_port P] [tos T] [ttl T] [csum | nocsum]` (no geneve, vxlan or
/// erspan options yet).
fn tunnel_key(w: &mut Words<'_>, a: &mut In<'_, act::TunnelKeyAttr<'static>>) -> Parsed<()> {
    w.next_arg()?;
    let mut action = 0u32;
    let (mut has_src, mut has_dst, mut csum) = (false, false, true);
    while let Some(x) = w.peek() {
        if w.matches("unset") || w.matches("set") {
            if action != 0 {
                return Err(format!("unexpected \"{x}\" - action already specified"));
            }
            action = if w.matches("unset") { 2 } else { 1 };
        } else if w.matches("src_ip") || w.matches("dst_ip") {
            let src = w.matches("src_ip");
            let v = w.next_arg()?;
            let what = if src { "Illegal \"src_ip\"" } else { "Illegal \"dst_ip\"" };
            match (v.parse::<std::net::IpAddr>().map_err(|_| what)?, src) {
                (std::net::IpAddr::V4(ip), true) => a.enc_ipv4_src(ip),
                (std::net::IpAddr::V4(ip), false) => a.enc_ipv4_dst(ip),
                (std::net::IpAddr::V6(ip), true) => a.enc_ipv6_src(ip),
                (std::net::IpAddr::V6(ip), false) => a.enc_ipv6_dst(ip),
            }
            .map_err(enc)?;
            if src {
                has_src = true;
            } else {
                has_dst = true;
            }
        } else if w.matches("id") {
            let v = get_u32(w.next_arg()?, 10).ok_or("Illegal \"id\"")?;
            a.enc_key_id(Be32(v)).map_err(enc)?;
        } else if w.matches("dst_port") {
            let v = get_u32(w.next_arg()?, 10).and_then(|p| u16::try_from(p).ok()).ok_or("Illegal \"dst port\"")?;
            a.enc_dst_port(Be16(v)).map_err(enc)?;
        } else if let Some(kind) = ["geneve_opts", "vxlan_opts", "erspan_opts"].into_iter().find(|k| w.matches(k)) {
            let v = w.next_arg()?;
            tunnel_opts(kind, v, a)?;
        } else if w.matches("tos") || w.matches("ttl") {
            let tos = w.matches("tos");
            let v = w.next_arg()?;
            let b = get_u32(v, 10).or_else(|| get_u32(v, 16)).and_then(|b| u8::try_from(b).ok());
            let b = b.ok_or(if tos { "Illegal \"tos\"" } else { "Illegal \"ttl\"" })?;
            if tos { a.enc_tos(b) } else { a.enc_ttl(b) }.map_err(enc)?;
        } else if w.matches("csum") {
            csum = true;
        } else if w.matches("nocsum") {
            csum = false;
        } else {
            break;
        }
        w.fwd();
    }
    a.no_csum(u8::from(!csum)).map_err(enc)?;
    let mut p = act::TcTunnelKey::<NativeEndian>::default();
    p.gen.action = control_dflt(w, TC_ACT_PIPE)?.into();
    if let Some(i) = trailing_index(w, "tunnel_key")? {
        p.gen.index = i.into();
    }
    if action == 1 && !(has_src && has_dst) {
        return Err("set needs tunnel_key parameters".into());
    }
    p.t_action = (action as i32).into();
    a.parms(p).map(drop).map_err(enc)
}

/// `tunnel_key_parse_geneve_opts` (`CLASS:TYPE:DATA[,…]`, each part
/// optional from the end), `_vxlan_opt` (`GBP`) and `_erspan_opt`
/// (`VER:INDEX:DIR:HWID`): `TCA_TUNNEL_KEY_ENC_OPTS`, flagged as tc flags
/// it (geneve's nests are not).
fn tunnel_opts(kind: &str, v: &str, a: &mut In<'_, act::TunnelKeyAttr<'static>>) -> Parsed<()> {
    let bad = || format!("Illegal \"{kind}\"");
    // strtok's tokens: the empty ones skipped
    fn tokens(s: &str, sep: char) -> Vec<&str> {
        s.split(sep).filter(|t| !t.is_empty()).collect()
    }
    let u8_of = |t: &str, base: u32| get_u32(t, base).and_then(|b| u8::try_from(b).ok()).ok_or_else(bad);
    let r = match kind {
        "geneve_opts" => {
            let mut opts = Vec::new();
            for opt in tokens(v, ',') {
                let t = tokens(opt, ':');
                if t.len() > 3 {
                    return Err(bad());
                }
                let class = t.first().map(|c| get_u32(c, 16).and_then(|c| u16::try_from(c).ok()).ok_or_else(bad));
                let ty = t.get(1).map(|b| u8_of(b, 16));
                let data = t.get(2).map(|d| hex_pairs(d).ok_or_else(bad));
                opts.push((class.transpose()?, ty.transpose()?, data.transpose()?));
            }
            let r = a
                .nests_flagged(false)
                .enc_opts(|o| {
                    for (class, ty, data) in &opts {
                        o.nests_flagged(false).geneve(|g| {
                            put!(g, class.map(Be16), class);
                            put!(g, *ty, type_);
                            put!(g, data.as_deref().map(Bytes), data);
                            Ok(())
                        })?;
                    }
                    Ok(())
                })
                .map(drop);
            a.nests_flagged(true);
            r
        }
        "vxlan_opts" => {
            let gbp = get_u32(v, 0).ok_or_else(bad)?;
            a.enc_opts(|o| o.vxlan(|x| x.gbp(gbp).map(drop)).map(drop)).map(drop)
        }
        _ => {
            let t = tokens(v, ':');
            if t.len() > 4 {
                return Err(bad());
            }
            let ver = t.first().map(|b| u8_of(b, 0)).transpose()?;
            let index = t.get(1).map(|i| get_u32(i, 0).ok_or_else(bad)).transpose()?;
            let dir = t.get(2).map(|b| u8_of(b, 0)).transpose()?;
            let hwid = t.get(3).map(|b| u8_of(b, 0)).transpose()?;
            a.enc_opts(|o| {
                o.erspan(|e| {
                    put!(e, ver, ver);
                    put!(e, index.map(Be32), index);
                    put!(e, dir, dir);
                    put!(e, hwid, hwid);
                    Ok(())
                })
                .map(drop)
            })
            .map(drop)
        }
    };
    r.map_err(enc)
}

/// `hex2mem` of `strlen / 2` bytes: whole pairs of hex digits (an odd
/// last digit is left).
fn hex_pairs(s: &str) -> Option<Vec<u8>> {
    s.as_bytes().chunks_exact(2).map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok()).collect()
}

/// `rtnl actions add|change|replace ACTION…` (`tc_action_modify`).
pub(crate) fn modify_actions(g: &Global, verb: &str, args: &[String]) -> Result<ExitCode, Fail> {
    let flags = if verb == "add" { NLM_F_EXCL | NLM_F_CREATE } else { NLM_F_CREATE | NLM_F_REPLACE };
    let req = actions_request(args, &|d| ifindex_of(d))?;
    let mut sock = g.socket()?;
    let bytes = frame(RTM_NEWACTION, flags, sock.next_seq(), req.hdr.as_bytes(), &req.attrs)?;
    crate::acked(&mut sock, &bytes)
}

fn actions_request(args: &[String], ifindex: &dyn Fn(&str) -> Result<u32, Fail>) -> Result<Req<TcaMsg>, Fail> {
    let mut a = W::new(VecBuffer::default());
    let mut w = Words::new(args);
    let mut root = Scope::<_, _, ActionRootAttr<'static>>::new(&mut a);
    actions_of(&mut root, &mut w, ifindex, |r, f| r.nests_flagged(false).tab(f).map(drop))
        .map_err(|e| Fail::error(format!("{e}\nIllegal \"action\"")))?;
    if let Some(x) = w.peek() {
        return Err(usage_err(format!("Garbage instead of arguments \"{x} ...\". Try \"rtnl actions help\".")));
    }
    Ok(Req { hdr: TcaMsg::default(), attrs: a.into_inner().0 })
}

/// `tc_action_gd`'s request: `action KIND index N …` (delete and get).
fn action_refs(args: &[String]) -> Result<Vec<u8>, Fail> {
    // tc skips the word after the verb (normally "action")
    let mut w = Words::new(args.get(1..).unwrap_or(&[]));
    let mut refs = Vec::new();
    while let Some(x) = w.peek() {
        if x == "action" {
            w.fwd();
            continue;
        }
        if x == "help" {
            return Err(usage_err("Try \"rtnl actions help\"."));
        }
        if !crate::tcfilter::ACTION_KINDS.contains(&x) {
            return Err(Fail::error(format!("Error: non existent action: {x}")));
        }
        w.fwd();
        if !w.matches("index") {
            return Err(Fail::error(format!("Error: no index specified action: {x}")));
        }
        let v = w.next_arg().map_err(usage_err)?;
        refs.push((x, get_u32(v, 10).ok_or_else(|| Fail::error("Illegal \"index\""))?));
        w.fwd();
    }
    let mut a = W::new(VecBuffer::default());
    Scope::<_, _, ActionRootAttr<'static>>::new(&mut a)
        .nests_flagged(false)
        .tab(|l| {
            for &(kind, i) in &refs {
                l.action(|s| {
                    s.kind(kind)?;
                    put!(s, nonzero i, index);
                    Ok(())
                })?;
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
    Ok(a.into_inner().0)
}

/// `rtnl actions delete action KIND index N …`.
pub(crate) fn delete_actions(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let attrs = action_refs(args)?;
    let mut sock = g.socket()?;
    let bytes = frame(RTM_DELACTION, 0, sock.next_seq(), TcaMsg::<NativeEndian>::default().as_bytes(), &attrs)?;
    crate::acked(&mut sock, &bytes)
}

/// `rtnl actions get action KIND index N …`: the actions, printed as
/// `actions list` prints them.
pub(crate) fn get_actions(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let attrs = action_refs(args)?;
    // tc asks for an answer, not an acknowledgement
    crate::tcfilter::request_and_print_actions(g, |seq| {
        let mut w = W::new(VecBuffer::default());
        let e = |e: rtnl_core::wire::EncodeError| Fail::error(e.to_string());
        let m = w.begin_msg(RTM_GETACTION, NLM_F_REQUEST, seq, 0).map_err(e)?;
        w.bytes(TcaMsg::<NativeEndian>::default().as_bytes()).map_err(e)?;
        w.bytes(&attrs).map_err(e)?;
        w.end_msg(m).map_err(e)?;
        Ok(w.into_inner().0)
    })
}

/// `rtnl actions flush action KIND`: every action of a kind deleted
/// (`tc_act_list_or_flush` with `RTM_DELACTION`).
pub(crate) fn flush_actions(g: &Global, kind: &str) -> Result<ExitCode, Fail> {
    if !crate::tcfilter::ACTION_KINDS.contains(&kind) {
        return Err(Fail::error(format!("bad action {kind}")));
    }
    let mut a = W::new(VecBuffer::default());
    Scope::<_, _, ActionRootAttr<'static>>::new(&mut a)
        .nests_flagged(false)
        .tab(|l| l.action(|s| s.kind(kind).map(drop)).map(drop))
        .and_then(|r| r.flags(Bitfield32::of(rtnl_core::tc::TCA_FLAG_LARGE_DUMP_ON)))
        .map_err(|e| Fail::error(e.to_string()))?;
    let mut sock = g.socket()?;
    let bytes = frame(
        RTM_DELACTION,
        NLM_F_ROOT,
        sock.next_seq(),
        TcaMsg::<NativeEndian>::default().as_bytes(),
        &a.into_inner().0,
    )?;
    crate::acked(&mut sock, &bytes)
}

// ---------- qdisc kinds written as tc writes them ----------

/// A qdisc request's kind and options, written as tc writes them:
/// `TCA_KIND`, the blocks, then the options (`TCA_OPTIONS` unflagged but
/// for fq_pie's), all through the typed builders.
pub(crate) struct QdiscOut<'a> {
    s: Scope<'a, VecBuffer, NativeEndian, TcAttr<'static>>,
    /// The kind.
    pub(crate) kind: &'a str,
    blocks: &'a mut dyn FnMut(&mut W) -> Result<(), EncodeError>,
}

/// The chooser of a qdisc's options.
pub(crate) type QdiscChoose<'a> = rtnl_core::typed::Choose<'a, VecBuffer, NativeEndian, sch::QdiscOptions<'static>>;

impl<'a> QdiscOut<'a> {
    /// Kind `kind` into `a`, with what `blocks` writes after it.
    pub(crate) fn new(
        a: &'a mut W,
        kind: &'a str,
        blocks: &'a mut dyn FnMut(&mut W) -> Result<(), EncodeError>,
    ) -> Self {
        QdiscOut { s: Scope::new(a), kind, blocks }
    }
    /// The options' chooser: its kind's method writes `TCA_KIND`, the
    /// blocks and an unflagged `TCA_OPTIONS`.
    pub(crate) fn options(&mut self) -> QdiscChoose<'_> {
        self.flagged_options().unflagged()
    }
    /// The same with `TCA_OPTIONS` flagged `NLA_F_NESTED`.
    pub(crate) fn flagged_options(&mut self) -> QdiscChoose<'_> {
        self.s.options().qdisc().between(&mut *self.blocks)
    }
    /// `TCA_KIND` and the blocks, without options.
    pub(crate) fn bare(&mut self) -> Result<(), EncodeError> {
        self.s.kind(self.kind)?;
        (self.blocks)(self.s.writer())
    }
}

/// The options of qdisc `kind`, parsed as tc's `parse_qopt` parses them and
/// written with its kind as tc writes them; `None` for a kind this function
/// does not parse (tc.rs parses the rest).
pub(crate) fn parse_qdisc_options(kind: &str, args: &[String], q: &mut QdiscOut<'_>) -> Option<Parsed<()>> {
    Some(match kind {
        "cake" => cake(args, q),
        "fq_codel" => fq_codel(args, q),
        "fq" => fq(args, q),
        "sfq" => sfq(args, q),
        "netem" => netem(args, q),
        "codel" => codel(args, q),
        "pie" => pie(args, q),
        "fq_pie" => fq_pie(args, q),
        "hhf" => hhf(args, q),
        "multiq" => multiq(args, q),
        "skbprio" => skbprio(args, q),
        "plug" => plug(args, q),
        _ => return None,
    })
}

fn illegal(w: &str) -> String {
    format!("Illegal \"{w}\"")
}

/// `get_unsigned(v, s, 0)`.
fn unsigned(w: &mut Words<'_>, what: &str) -> Parsed<u32> {
    let v = w.next_arg()?;
    get_u32(v, 0).ok_or_else(|| illegal(what))
}

fn time_arg(w: &mut Words<'_>, what: &str) -> Parsed<u32> {
    let v = w.next_arg()?;
    crate::tcunits::parse_time(v).ok_or_else(|| illegal(what))
}

/// `get_size`.
fn size_arg(w: &mut Words<'_>, what: &str) -> Parsed<u32> {
    let v = w.next_arg()?;
    crate::tcunits::parse_size(v).ok_or_else(|| illegal(what))
}

/// `get_rate`: bytes per second that fit 32 bits.
fn rate_arg(w: &mut Words<'_>, what: &str) -> Parsed<u32> {
    let v = w.next_arg()?;
    if v.contains('%') {
        return Err(format!("rtnl does not parse rates as a share of the device's speed yet (\"{v}\")"));
    }
    crate::tcunits::parse_rate64(v).and_then(|r| u32::try_from(r).ok()).ok_or_else(|| illegal(what))
}

/// `fq_codel_parse_opt`.
fn fq_codel(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let (mut limit, mut flows, mut quantum, mut drop_batch, mut target, mut interval) = (0, 0, 0, 0, 0, 0);
    let (mut ce_threshold, mut memory, mut ecn) = (u32::MAX, u32::MAX, None::<u32>);
    let mut selector: Option<(u8, u8)> = None;
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        match x {
            "limit" => limit = unsigned(&mut w, "limit")?,
            "flows" => flows = unsigned(&mut w, "flows")?,
            "quantum" => quantum = unsigned(&mut w, "quantum")?,
            "drop_batch" => drop_batch = unsigned(&mut w, "drop_batch")?,
            "target" => target = time_arg(&mut w, "target")?,
            "ce_threshold" => ce_threshold = time_arg(&mut w, "ce_threshold")?,
            "ce_threshold_selector" => {
                let v = w.next_arg()?;
                let (sel, mask) = v.split_once('/').ok_or("Missing mask for \"ce_threshold_selector\"")?;
                let byte = |s: &str| get_u32(s, 0).and_then(|v| u8::try_from(v).ok());
                let mask = byte(mask).ok_or("Illegal mask for \"ce_threshold_selector\"")?;
                selector = Some((byte(sel).ok_or("Illegal \"ce_threshold_selector\"")?, mask));
            }
            "memory_limit" => {
                let v = w.next_arg()?;
                memory = crate::tcunits::parse_size(v).ok_or_else(|| illegal("memory_limit"))?;
            }
            "interval" => interval = time_arg(&mut w, "interval")?,
            "ecn" => ecn = Some(1),
            "noecn" => ecn = Some(0),
            _ => return Err(format!("What is \"{x}\"?")),
        }
        w.fwd();
    }
    q.options()
        .fq_codel(|c| {
            // each in the order tc writes it, when set
            put!(c, nonzero limit, limit);
            put!(c, nonzero flows, flows);
            put!(c, nonzero quantum, quantum);
            put!(c, nonzero interval, interval);
            put!(c, nonzero target, target);
            put!(c, ecn, ecn);
            put!(c, (ce_threshold != u32::MAX).then_some(ce_threshold), ce_threshold);
            if let Some((sel, mask)) = selector {
                c.ce_threshold_mask(mask)?.ce_threshold_selector(sel)?;
            }
            put!(c, (memory != u32::MAX).then_some(memory), memory_limit);
            put!(c, nonzero drop_batch, drop_batch_size);
            Ok(())
        })
        .map_err(enc)
}

/// cake's presets: name, target and interval (microseconds).
const CAKE_PRESETS: [(&str, u32, u32); 8] = [
    ("datacentre", 5, 100),
    ("lan", 50, 1000),
    ("metro", 500, 10000),
    ("regional", 1500, 30000),
    ("internet", 5000, 100_000),
    ("oceanic", 15000, 300_000),
    ("satellite", 50000, 1_000_000),
    ("interplanetary", 50_000_000, 1_000_000_000),
];

/// C's `strtol(s, &p, 10)` with tc's `!p || *p` check: the whole word a
/// decimal number (an empty word is 0).
fn strtol10(s: &str) -> Option<i64> {
    let t = s.trim_start();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    if body.is_empty() {
        return s.is_empty().then_some(0);
    }
    if !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // (strtol saturates; the callers' ranges refuse what it saturates)
    Some(t.parse::<i64>().unwrap_or(if t.starts_with('-') { i64::MIN } else { i64::MAX }))
}

/// `cake_parse_opt`.
fn cake(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    const DIFFSERV: [(&str, u32); 6] =
        [("diffserv3", 0), ("diffserv4", 1), ("diffserv", 1), ("diffserv8", 2), ("besteffort", 3), ("precedence", 4)];
    const FLOWS: [&str; 8] =
        ["flowblind", "srchost", "dsthost", "hosts", "flows", "dual-srchost", "dual-dsthost", "triple-isolate"];
    // framings over ATM (1) or PTM (2), or leaving the link layer: the
    // overhead each adds, and the minimum packet unit it sets
    const FRAMING: [(&str, Option<u32>, i64, i64); 14] = [
        ("ipoa-vcmux", Some(1), 8, 0),
        ("ipoa-llcsnap", Some(1), 16, 0),
        ("bridged-vcmux", Some(1), 24, 0),
        ("bridged-llcsnap", Some(1), 32, 0),
        ("pppoa-vcmux", Some(1), 10, 0),
        ("pppoa-llc", Some(1), 14, 0),
        ("pppoe-vcmux", Some(1), 32, 0),
        ("pppoe-llcsnap", Some(1), 40, 0),
        ("pppoe-ptm", Some(2), 30, 0),
        ("bridged-ptm", Some(2), 22, 0),
        ("ethernet", None, 38, 84),
        ("ether-vlan", None, 4, 0),
        ("docsis", Some(0), 18, 64),
        ("conservative", Some(1), 48, 0),
    ];
    let (mut bandwidth, mut unlimited, mut autorate) = (0u64, false, None::<u32>);
    let (mut interval, mut target, mut preset_set) = (0u32, 0u32, None::<&str>);
    let (mut diffserv, mut flowmode, mut atm) = (None::<u32>, None::<u32>, None::<u32>);
    let (mut overhead, mut overhead_set, mut overhead_override, mut mpu) = (0i64, false, false, 0i64);
    let (mut nat, mut wash, mut split_gso, mut ingress, mut ack) = (None, None, None, None, None::<u32>);
    let (mut memlimit, mut fwmark) = (0u32, 0u32);
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        if let Some(&(name, t, i)) = CAKE_PRESETS.iter().find(|p| p.0 == x) {
            if let Some(first) = preset_set {
                return Err(format!("duplicate \"{name}\": \"{first}\" is the second value."));
            }
            preset_set = Some(name);
            (target, interval) = (t, i);
        } else if let Some(&(_, d)) = DIFFSERV.iter().find(|p| p.0 == x) {
            diffserv = Some(d);
        } else if let Some(f) = FLOWS.iter().position(|&f| f == x) {
            flowmode = Some(f as u32);
        } else if let Some(&(_, link, add, unit)) = FRAMING.iter().find(|p| p.0 == x) {
            if let Some(l) = link {
                atm = Some(l);
            }
            // conservative sets the overhead; the others add to it
            overhead = if x == "conservative" { add } else { overhead + add };
            overhead_set = true;
            if unit != 0 {
                mpu = unit;
            }
        } else {
            match x {
                "bandwidth" => {
                    let v = w.next_arg()?;
                    bandwidth = crate::tcunits::parse_rate64(v).ok_or_else(|| illegal("bandwidth"))?;
                    (unlimited, autorate) = (false, Some(0));
                }
                "unlimited" => (bandwidth, unlimited, autorate) = (0, true, Some(0)),
                "autorate-ingress" => autorate = Some(1),
                "rtt" => {
                    interval = time_arg(&mut w, "rtt")?;
                    target = (interval / 20).max(1);
                }
                "nowash" | "wash" => wash = Some(u32::from(x == "wash")),
                "split-gso" | "no-split-gso" => split_gso = Some(u32::from(x == "split-gso")),
                "nat" | "nonat" => nat = Some(u32::from(x == "nat")),
                "ptm" => atm = Some(2),
                "atm" => atm = Some(1),
                "noatm" => atm = Some(0),
                "raw" => {
                    (atm, overhead) = (Some(0), 0);
                    (overhead_set, overhead_override) = (true, true);
                }
                // (no longer needed, and ignored)
                "via-ethernet" => {}
                "overhead" => {
                    let v = w.next_arg()?;
                    overhead = strtol10(v)
                        .filter(|o| (-64..=256).contains(o))
                        .ok_or("Illegal \"overhead\", valid range is -64 to 256")?;
                    overhead_set = true;
                }
                "mpu" => {
                    let v = w.next_arg()?;
                    mpu = strtol10(v)
                        .filter(|m| (0..=256).contains(m))
                        .ok_or("Illegal \"mpu\", valid range is 0 to 256")?;
                }
                "ingress" | "egress" => ingress = Some(u32::from(x == "ingress")),
                "no-ack-filter" => ack = Some(0),
                "ack-filter" => ack = Some(1),
                "ack-filter-aggressive" => ack = Some(2),
                "memlimit" => {
                    let v = w.next_arg()?;
                    memlimit = crate::tcunits::parse_size(v)
                        .ok_or_else(|| format!("Illegal value for \"memlimit\": \"{v}\""))?;
                }
                "fwmark" => {
                    let v = w.next_arg()?;
                    fwmark = get_u32(v, 0).ok_or_else(|| format!("Illegal value for \"fwmark\": \"{v}\""))?;
                }
                _ => return Err(format!("What is \"{x}\"?")),
            }
        }
        w.fwd();
    }
    q.options()
        .cake(|c| {
            if bandwidth != 0 || unlimited {
                c.base_rate64(bandwidth)?;
            }
            // each in the order tc writes it, when set
            put!(c, diffserv, diffserv_mode);
            put!(c, atm, atm);
            put!(c, flowmode, flow_mode);
            // (the ranges above keep both within 32 bits)
            put!(c, overhead_set.then_some(overhead as i32), overhead);
            put!(c, overhead_override.then_some(0), raw);
            put!(c, (mpu > 0).then_some(mpu as u32), mpu);
            put!(c, nonzero interval, rtt);
            put!(c, nonzero target, target);
            put!(c, autorate, autorate);
            put!(c, nonzero memlimit, memory);
            put!(c, nonzero fwmark, fwmark);
            put!(c, nat, nat);
            put!(c, wash, wash);
            put!(c, split_gso, split_gso);
            put!(c, ingress, ingress);
            put!(c, ack, ack_filter);
            Ok(())
        })
        .map_err(enc)
}

/// `codel_parse_opt`.
fn codel(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let (mut limit, mut target, mut interval, mut ce, mut ecn) = (0, 0, 0, u32::MAX, None);
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        match x {
            "limit" => limit = unsigned(&mut w, "limit")?,
            "target" => target = time_arg(&mut w, "target")?,
            "ce_threshold" => ce = time_arg(&mut w, "ce_threshold")?,
            "interval" => interval = time_arg(&mut w, "interval")?,
            "ecn" => ecn = Some(1),
            "noecn" => ecn = Some(0),
            _ => return Err(format!("What is \"{x}\"?")),
        }
        w.fwd();
    }
    q.options()
        .codel(|c| {
            // each in the order tc writes it, when set
            put!(c, nonzero limit, limit);
            put!(c, nonzero interval, interval);
            put!(c, nonzero target, target);
            put!(c, ecn, ecn);
            put!(c, (ce != u32::MAX).then_some(ce), ce_threshold);
            Ok(())
        })
        .map_err(enc)
}

/// What `pie_parse_opt` and `fq_pie_parse_opt` read (the last four are
/// fq_pie's alone); 0 or `None` is unset.
#[derive(Default)]
struct PieArgs {
    limit: u32,
    target: u32,
    tupdate: u32,
    alpha: u32,
    beta: u32,
    ecn: Option<u32>,
    bytemode: Option<u32>,
    dq_rate_estimator: Option<u32>,
    flows: u32,
    quantum: u32,
    memory_limit: u32,
    ecn_prob: u32,
}

/// pie's (`fq`: fq_pie's) words, as tc parses them.
fn pie_args(args: &[String], fq: bool) -> Parsed<PieArgs> {
    // ALPHA_MAX and BETA_MAX of tc's q_pie.c and q_fq_pie.c
    let at_most = |w: &mut Words<'_>, what: &str, max: u32| -> Parsed<u32> {
        let v = w.next_arg()?;
        get_u32(v, 0).filter(|&v| v <= max).ok_or_else(|| illegal(what))
    };
    let mut p = PieArgs::default();
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        match x {
            "limit" => p.limit = unsigned(&mut w, "limit")?,
            "target" => p.target = time_arg(&mut w, "target")?,
            "tupdate" => p.tupdate = time_arg(&mut w, "tupdate")?,
            "alpha" => p.alpha = at_most(&mut w, "alpha", 32)?,
            "beta" => p.beta = at_most(&mut w, "beta", 32)?,
            "ecn" => p.ecn = Some(1),
            "noecn" => p.ecn = Some(0),
            "bytemode" => p.bytemode = Some(1),
            "nobytemode" => p.bytemode = Some(0),
            "dq_rate_estimator" => p.dq_rate_estimator = Some(1),
            "no_dq_rate_estimator" => p.dq_rate_estimator = Some(0),
            "flows" if fq => p.flows = unsigned(&mut w, "flows")?,
            "quantum" if fq => p.quantum = size_arg(&mut w, "quantum")?,
            "memory_limit" if fq => p.memory_limit = size_arg(&mut w, "memory_limit")?,
            "ecn_prob" if fq => p.ecn_prob = at_most(&mut w, "ecn_prob", 99)?,
            _ => return Err(format!("What is \"{x}\"?")),
        }
        w.fwd();
    }
    Ok(p)
}

/// `pie_parse_opt`.
fn pie(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let p = pie_args(args, false)?;
    q.options()
        .pie(|c| {
            // each in the order tc writes it, when set
            put!(c, nonzero p.limit, limit);
            put!(c, nonzero p.tupdate, tupdate);
            put!(c, nonzero p.target, target);
            put!(c, nonzero p.alpha, alpha);
            put!(c, nonzero p.beta, beta);
            put!(c, p.ecn, ecn);
            put!(c, p.bytemode, bytemode);
            put!(c, p.dq_rate_estimator, dq_rate_estimator);
            Ok(())
        })
        .map_err(enc)
}

/// `fq_pie_parse_opt` (its options nest flagged `NLA_F_NESTED`, as tc
/// writes it).
fn fq_pie(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let p = pie_args(args, true)?;
    q.flagged_options()
        .fq_pie(|c| {
            // each in the order tc writes it, when set
            put!(c, nonzero p.limit, limit);
            put!(c, nonzero p.flows, flows);
            put!(c, nonzero p.target, target);
            put!(c, nonzero p.tupdate, tupdate);
            put!(c, nonzero p.alpha, alpha);
            put!(c, nonzero p.beta, beta);
            put!(c, nonzero p.quantum, quantum);
            put!(c, nonzero p.memory_limit, memory_limit);
            put!(c, nonzero p.ecn_prob, ecn_prob);
            put!(c, p.ecn, ecn);
            put!(c, p.bytemode, bytemode);
            put!(c, p.dq_rate_estimator, dq_rate_estimator);
            Ok(())
        })
        .map_err(enc)
}

/// `fq_parse_opt`.
fn fq(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    use sch::FqAttr as F;
    use sch::{
        TCA_FQ_CE_THRESHOLD, TCA_FQ_FLOW_DEFAULT_RATE, TCA_FQ_FLOW_MAX_RATE, TCA_FQ_FLOW_PLIMIT,
        TCA_FQ_FLOW_REFILL_DELAY, TCA_FQ_HORIZON, TCA_FQ_INITIAL_QUANTUM, TCA_FQ_LOW_RATE_THRESHOLD,
        TCA_FQ_ORPHAN_MASK, TCA_FQ_PLIMIT, TCA_FQ_QUANTUM, TCA_FQ_RATE_ENABLE, TCA_FQ_TIMER_SLACK,
    };
    // the 32-bit attributes, in the order tc writes them
    const ORDER: [u16; 13] = [
        TCA_FQ_PLIMIT,
        TCA_FQ_FLOW_PLIMIT,
        TCA_FQ_QUANTUM,
        TCA_FQ_INITIAL_QUANTUM,
        TCA_FQ_RATE_ENABLE,
        TCA_FQ_FLOW_MAX_RATE,
        TCA_FQ_LOW_RATE_THRESHOLD,
        TCA_FQ_FLOW_DEFAULT_RATE,
        TCA_FQ_FLOW_REFILL_DELAY,
        TCA_FQ_ORPHAN_MASK,
        TCA_FQ_CE_THRESHOLD,
        TCA_FQ_TIMER_SLACK,
        TCA_FQ_HORIZON,
    ];
    let mut set: Vec<F<'static>> = Vec::new();
    let (mut buckets, mut horizon_drop) = (0u32, None::<u8>);
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        let v = match x {
            "limit" => F::Plimit(unsigned(&mut w, "limit")?),
            "flow_limit" => F::FlowPlimit(unsigned(&mut w, "flow_limit")?),
            "maxrate" => F::FlowMaxRate(rate_arg(&mut w, "maxrate")?),
            "low_rate_threshold" => F::LowRateThreshold(rate_arg(&mut w, "low_rate_threshold")?),
            "ce_threshold" => F::CeThreshold(time_arg(&mut w, "ce_threshold")?),
            "horizon" => F::Horizon(time_arg(&mut w, "horizon")?),
            "defrate" => F::FlowDefaultRate(rate_arg(&mut w, "defrate")?),
            "quantum" => F::Quantum(unsigned(&mut w, "quantum")?),
            "initial_quantum" => F::InitialQuantum(unsigned(&mut w, "initial_quantum")?),
            "orphan_mask" => F::OrphanMask(unsigned(&mut w, "initial_quantum")?),
            "refill_delay" => F::FlowRefillDelay(time_arg(&mut w, "refill_delay")?),
            "pacing" | "nopacing" => F::RateEnable(u32::from(x == "pacing")),
            "buckets" => {
                buckets = unsigned(&mut w, "buckets")?;
                w.fwd();
                continue;
            }
            "horizon_drop" | "horizon_cap" => {
                horizon_drop = Some(u8::from(x == "horizon_drop"));
                w.fwd();
                continue;
            }
            "timer_slack" => {
                let v = w.next_arg()?;
                let t = time64(v).ok_or_else(|| illegal("timer_slack"))?;
                F::TimerSlack(u32::try_from(t).map_err(|_| "Illegal (out of range) \"timer_slack\"")?)
            }
            _ => return Err(format!("What is \"{x}\"?")),
        };
        set.retain(|a| a.id() != v.id());
        set.push(v);
        w.fwd();
    }
    q.options()
        .fq(|c| {
            if buckets != 0 {
                // tc's ilog2 rounds up
                c.buckets_log(32 - (buckets - 1).leading_zeros())?;
            }
            for id in ORDER {
                if let Some(v) = set.iter().find(|a| a.id() == id) {
                    c.put(v)?;
                }
            }
            put!(c, horizon_drop, horizon_drop);
            Ok(())
        })
        .map_err(enc)
}

/// `get_percent` (netem's): `N[%]`, a share of `u32::MAX`.
fn percent(s: &str) -> Option<u32> {
    let p = percent_f(s)?;
    Some((p * f64::from(u32::MAX)).round_ties_even() as u32)
}

/// `parse_percent`: `N[%]` as a fraction (the `%` is optional).
fn percent_f(s: &str) -> Option<f64> {
    let body = s.strip_suffix('%').unwrap_or(s);
    let v = body.parse::<f64>().ok()? / 100.0;
    (0.0..=1.0).contains(&v).then_some(v)
}

/// `get_time64`: nanoseconds.
fn time64(s: &str) -> Option<i64> {
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+')).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let v: f64 = num.parse().ok()?;
    let scale = match unit.to_ascii_lowercase().as_str() {
        "" | "ns" | "nsec" | "nsecs" => 1.0,
        "s" | "sec" | "secs" => 1e9,
        "ms" | "msec" | "msecs" => 1e6,
        "us" | "usec" | "usecs" => 1e3,
        _ => return None,
    };
    Some((v * scale) as i64)
}

/// A distribution table (`NAME.dist` in tc's library directory:
/// `TC_LIB_DIR`, else where iproute2 installs them).
fn distribution(name: &str) -> Parsed<Vec<u8>> {
    let dirs: Vec<String> = match std::env::var("TC_LIB_DIR") {
        Ok(d) => vec![d],
        Err(_) => [
            "/usr/lib/x86_64-linux-gnu/tc",
            "/usr/lib/aarch64-linux-gnu/tc",
            "/usr/lib/s390x-linux-gnu/tc",
            "/usr/lib/tc",
            "/usr/lib64/tc",
        ]
        .iter()
        .map(|d| (*d).to_owned())
        .collect(),
    };
    let path = dirs.iter().map(|d| format!("{d}/{name}.dist")).find(|p| std::path::Path::new(p).exists());
    let path = path.ok_or_else(|| format!("No distribution data for {name} (in {})", dirs.join(", ")))?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("No distribution data for {name} ({path}: {e})"))?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        for tok in line.split_whitespace() {
            let Some(x) = c_num(tok, 0) else { break };
            if out.len() >= 2 * 16 * 1024 {
                return Err(format!("{path}: too much data"));
            }
            out.extend_from_slice(&(x as i16).to_ne_bytes());
        }
    }
    if out.is_empty() {
        return Err(format!("{path}: no data"));
    }
    Ok(out)
}

/// `netem_parse_opt`: `struct tc_netem_qopt`, then its attributes, in
/// `TCA_OPTIONS`.
fn netem(args: &[String], out: &mut QdiscOut<'_>) -> Parsed<()> {
    let clock = crate::tcunits::Clock::host();
    // tc_netem_qopt: latency, limit, loss, gap, duplicate, jitter
    let mut q = [0u32, 1000, 0, 0, 0, 0];
    let mut corr = [0u32; 3];
    let (mut corr_present, mut reorder, mut corrupt) = (false, None::<[u32; 2]>, None::<[u32; 2]>);
    let (mut ecn, mut loss_model, mut rate) = (false, None::<(u16, Vec<u32>)>, None::<(u64, [i32; 3])>);
    let (mut dist, mut slot, mut slot_dist) = (None::<Vec<u8>>, None::<[i64; 6]>, None::<Vec<u8>>);
    let bad = |w: &str| format!("Illegal \"{w}\"");
    let is_num = |w: &Words<'_>| w.v.get(w.i + 1).is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit()));
    let is_signed =
        |w: &Words<'_>| w.v.get(w.i + 1).is_some_and(|x| x.starts_with(|c: char| c.is_ascii_digit() || c == '-'));
    let ticks = |s: &str| -> Option<u32> {
        let t = crate::tcunits::parse_time(s)?;
        // tc_core_time2big: refused when the ticks do not fit 32 bits
        ((f64::from(t) * clock.tick_in_usec) as u64 >> 32 == 0).then(|| clock.time2tick(t))
    };
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        if w.matches("limit") {
            q[1] = crate::tcunits::parse_size(w.next_arg()?).ok_or_else(|| bad("limit"))?;
        } else if w.matches("latency") || w.matches("delay") {
            q[0] = ticks(w.next_arg()?).ok_or_else(|| bad("latency"))?;
            if is_num(&w) {
                q[5] = ticks(w.next_arg()?).ok_or_else(|| bad("latency"))?;
                if is_num(&w) {
                    corr_present = true;
                    corr[0] = percent(w.next_arg()?).ok_or_else(|| bad("latency"))?;
                }
            }
        } else if w.matches("loss") || w.matches("drop") {
            if q[2] > 0 || loss_model.is_some() {
                return Err("duplicate loss argument".into());
            }
            let mut m = w.next_arg()?;
            if m.starts_with(|c: char| c.is_ascii_digit()) || m == "random" {
                if m == "random" {
                    m = w.next_arg()?;
                }
                q[2] = percent(m).ok_or_else(|| bad("loss percent"))?;
                if is_num(&w) {
                    corr_present = true;
                    corr[1] = percent(w.next_arg()?).ok_or_else(|| bad("loss correlation"))?;
                }
            } else if m == "state" || m == "gemodel" {
                let p = percent_f(w.next_arg()?).ok_or_else(|| bad("loss"))?;
                let pc = |v: f64| (v * f64::from(u32::MAX)).round_ties_even() as u32;
                // state: p13 p31 p32 p23 p14 (stored p13 p31 p32 p14 p23);
                // gemodel: p r 1-h k1 (the kernel takes h)
                let (mut v, order): (Vec<u32>, &[usize]) = if m == "state" {
                    (vec![pc(p), pc(1.0 - p), 0, 0, pc(1.0)], &[1, 2, 4, 3])
                } else {
                    (vec![pc(p), pc(1.0 - p), 0, 0], &[1, 2, 3])
                };
                for &slot_i in order {
                    if !is_num(&w) {
                        break;
                    }
                    let x = percent(w.next_arg()?).ok_or_else(|| bad("loss"))?;
                    v[slot_i] = if m == "gemodel" && slot_i == 2 { u32::MAX - x } else { x };
                }
                loss_model = Some((if m == "state" { sch::NETEM_LOSS_GI } else { sch::NETEM_LOSS_GE }, v));
            } else {
                return Err(format!("Unknown loss parameter: {m}"));
            }
        } else if w.matches("ecn") {
            ecn = true;
        } else if w.matches("reorder") || w.matches("corrupt") {
            let re = w.matches("reorder");
            let mut v = [percent(w.next_arg()?).ok_or_else(|| bad(x))?, 0];
            if is_num(&w) {
                corr_present = true;
                v[1] = percent(w.next_arg()?).ok_or_else(|| bad(x))?;
            }
            if re {
                reorder = Some(v);
            } else {
                corrupt = Some(v);
            }
        } else if w.matches("gap") {
            q[3] = get_u32(w.next_arg()?, 0).ok_or_else(|| bad("gap"))?;
        } else if w.matches("duplicate") {
            q[4] = percent(w.next_arg()?).ok_or_else(|| bad("duplicate"))?;
            if is_num(&w) {
                corr[2] = percent(w.next_arg()?).ok_or_else(|| bad("duplicate"))?;
            }
        } else if w.matches("distribution") {
            dist = Some(distribution(w.next_arg()?)?);
        } else if w.matches("rate") {
            let v = w.next_arg()?;
            if v.contains('%') {
                return Err(format!("rtnl does not parse rates as a share of the device's speed yet (\"{v}\")"));
            }
            let r = crate::tcunits::parse_rate64(v).ok_or_else(|| bad("rate"))?;
            let mut extra = [0i32; 3];
            if is_signed(&w) {
                extra[0] = get_int(w.next_arg()?).ok_or_else(|| bad("rate"))?;
            }
            if is_num(&w) {
                extra[1] = get_u32(w.next_arg()?, 0).ok_or_else(|| bad("rate"))? as i32;
            }
            if is_signed(&w) {
                extra[2] = get_int(w.next_arg()?).ok_or_else(|| bad("rate"))?;
            }
            rate = Some((r, extra));
        } else if w.matches("slot") {
            // min_delay, max_delay, max_packets, max_bytes, dist_delay, dist_jitter
            let mut sl = [0i64; 6];
            if is_num(&w) {
                sl[0] = time64(w.next_arg()?).ok_or_else(|| bad("slot min_delay"))?;
                sl[1] = sl[0];
                if is_num(&w) {
                    sl[1] = time64(w.next_arg()?).filter(|m| *m >= sl[0]).ok_or_else(|| bad("slot max_delay"))?;
                }
            } else {
                let d = w.next_arg()?;
                if d != "distribution" {
                    return Err(format!("Unknown slot parameter: {d}"));
                }
                slot_dist = Some(distribution(w.next_arg()?)?);
                sl[4] = time64(w.next_arg()?).ok_or_else(|| bad("slot delay"))?;
                sl[5] = time64(w.next_arg()?).ok_or_else(|| bad("slot jitter"))?;
                if sl[5] <= 0 {
                    return Err("Non-positive jitter".into());
                }
            }
            if w.v.get(w.i + 1).is_some_and(|n| crate::matches(n, "packets")) {
                w.next_arg()?;
                let v = w.v.get(w.i + 1).and_then(|n| get_int(n)).ok_or_else(|| bad("slot packets"))?;
                sl[2] = i64::from(v);
                w.next_arg()?;
            }
            if w.v.get(w.i + 1).is_some_and(|n| crate::matches(n, "bytes")) {
                w.next_arg()?;
                let v =
                    w.v.get(w.i + 1).and_then(|n| crate::tcunits::parse_size(n)).ok_or_else(|| bad("slot bytes"))?;
                sl[3] = i64::from(v as i32);
                w.next_arg()?;
            }
            slot = Some(sl);
        } else {
            return Err(format!("What is \"{x}\"?"));
        }
        w.fwd();
    }
    if let Some(r) = reorder.filter(|r| r[0] != 0) {
        let _ = r;
        if q[0] == 0 {
            return Err("reordering not possible without specifying some delay".into());
        }
        if q[3] == 0 {
            q[3] = 1;
        }
    } else if q[3] > 0 {
        return Err("gap specified without reorder probability".into());
    }
    if ecn && q[2] == 0 && loss_model.is_none() {
        return Err("ecn requested without loss model".into());
    }
    if dist.is_some() && (q[0] == 0 || q[5] == 0) {
        return Err("distribution specified but no latency and jitter values".into());
    }
    let head = sch::TcNetemQopt {
        latency: q[0].into(),
        limit: q[1].into(),
        loss: q[2].into(),
        gap: q[3].into(),
        duplicate: q[4].into(),
        jitter: q[5].into(),
    };
    let pair = |v: [u32; 2]| sch::TcNetemReorder { probability: v[0].into(), correlation: v[1].into() };
    out.options()
        .netem_with(&head, |c| {
            if corr_present {
                c.corr(sch::TcNetemCorr {
                    delay_corr: corr[0].into(),
                    loss_corr: corr[1].into(),
                    dup_corr: corr[2].into(),
                })?;
            }
            put!(c, reorder.map(pair), reorder);
            put!(c, ecn.then_some(1), ecn);
            put!(c, corrupt.map(pair), corrupt);
            if let Some(sl) = slot {
                c.slot(sch::TcNetemSlot {
                    min_delay: sl[0].into(),
                    max_delay: sl[1].into(),
                    // (tc's int fields, as it stores them)
                    max_packets: (sl[2] as i32).into(),
                    max_bytes: (sl[3] as i32).into(),
                    dist_delay: sl[4].into(),
                    dist_jitter: sl[5].into(),
                })?;
            }
            if let Some((model, v)) = &loss_model {
                c.loss(|l| {
                    let p = |i: usize| v.get(i).copied().unwrap_or(0).into();
                    if *model == sch::NETEM_LOSS_GI {
                        l.gi(sch::TcNetemGimodel { p13: p(0), p31: p(1), p32: p(2), p14: p(3), p23: p(4) })?;
                    } else {
                        l.ge(sch::TcNetemGemodel { p: p(0), r: p(1), h: p(2), k1: p(3) })?;
                    }
                    Ok(())
                })?;
            }
            if let Some((r, extra)) = rate {
                let r32 = if r >= 1 << 32 {
                    c.rate64(r)?;
                    u32::MAX
                } else {
                    r as u32
                };
                c.rate(sch::TcNetemRate {
                    rate: r32.into(),
                    packet_overhead: extra[0].into(),
                    // (tc parses the cell size as an int)
                    cell_size: (extra[1] as u32).into(),
                    cell_overhead: extra[2].into(),
                })?;
            }
            put!(c, dist.as_deref().map(Bytes), delay_dist);
            put!(c, slot_dist.as_deref().map(Bytes), slot_dist);
            Ok(())
        })
        .map_err(enc)
}

/// `tc_red_eval_ewma`.
fn red_ewma(qmin: u32, burst: u32, avpkt: u32) -> Option<u8> {
    let a = f64::from(burst) + 1.0 - f64::from(qmin) / f64::from(avpkt);
    if a < 1.0 {
        return None;
    }
    let mut w = 0.5f64;
    for wlog in 1..32u8 {
        if a <= (1.0 - (1.0 - w).powi(burst as i32)) / w {
            return Some(wlog);
        }
        w /= 2.0;
    }
    None
}

/// `tc_red_eval_P`.
fn red_p(qmin: u32, qmax: u32, prob: f64) -> Option<u8> {
    let i = i64::from(qmax) - i64::from(qmin);
    if i == 0 {
        return Some(0);
    }
    if i < 0 {
        return None;
    }
    let mut p = prob / i as f64;
    for i in 0..32u8 {
        if p > 1.0 {
            return Some(i);
        }
        p *= 2.0;
    }
    None
}

/// `hhf_parse_opt`.
fn hhf(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let (mut limit, mut quantum, mut hh_limit, mut reset, mut admit, mut evict, mut weight) = (0, 0, 0, 0, 0, 0, 0);
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        match x {
            "limit" => limit = unsigned(&mut w, "limit")?,
            "quantum" => quantum = unsigned(&mut w, "quantum")?,
            "hh_limit" => hh_limit = unsigned(&mut w, "hh_limit")?,
            "reset_timeout" => reset = time_arg(&mut w, "reset_timeout")?,
            "admit_bytes" => admit = unsigned(&mut w, "admit_bytes")?,
            "evict_timeout" => evict = time_arg(&mut w, "evict_timeout")?,
            "non_hh_weight" => weight = unsigned(&mut w, "non_hh_weight")?,
            _ => return Err(format!("What is \"{x}\"?")),
        }
        w.fwd();
    }
    q.options()
        .hhf(|c| {
            // each in the order tc writes it, when not zero
            put!(c, nonzero limit, backlog_limit);
            put!(c, nonzero quantum, quantum);
            put!(c, nonzero hh_limit, hh_flows_limit);
            put!(c, nonzero reset, reset_timeout);
            put!(c, nonzero admit, admit_bytes);
            put!(c, nonzero evict, evict_timeout);
            put!(c, nonzero weight, non_hh_weight);
            Ok(())
        })
        .map_err(enc)
}

/// `multiq_parse_opt`: no words, an empty `struct tc_multiq_qopt` (the
/// kernel fills in the bands).
fn multiq(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    if let Some(x) = args.first() {
        return Err(format!("What is \"{x}\"?"));
    }
    q.options().multiq(sch::TcMultiqQopt::default()).map_err(enc)
}

/// `skbprio_parse_opt`: `struct tc_skbprio_qopt`, only when a limit is
/// given.
fn skbprio(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let mut o = sch::TcSkbprioQopt::<NativeEndian>::default();
    let mut ok = false;
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        match x {
            "limit" => {
                let v = w.next_arg()?;
                let l =
                    crate::tcunits::parse_size(v).ok_or_else(|| format!("skbprio: Illegal \"limit\" value:\"{v}\""))?;
                o.limit = l.into();
                ok = true;
            }
            _ => return Err(format!("skbprio: unknown parameter \"{x}\"")),
        }
        w.fwd();
    }
    if ok { q.options().skbprio(o) } else { q.bare() }.map_err(enc)
}

/// `plug_parse_opt`: `struct tc_plug_qopt` with the last action given.
fn plug(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let mut o = sch::TcPlugQopt::<NativeEndian>::default();
    let mut ok = false;
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        let action = match x {
            "block" => sch::TCQ_PLUG_BUFFER,
            "release" => sch::TCQ_PLUG_RELEASE_ONE,
            "release_indefinite" => sch::TCQ_PLUG_RELEASE_INDEFINITE,
            "limit" => {
                let v = w.next_arg()?;
                let l = crate::tcunits::parse_size(v).ok_or_else(|| format!("Illegal value for \"limit\": \"{v}\""))?;
                o.limit = l.into();
                sch::TCQ_PLUG_LIMIT
            }
            _ => return Err(format!("plug: unknown parameter \"{x}\"")),
        };
        o.action = action.into();
        ok = true;
        w.fwd();
    }
    if ok { q.options().plug(o) } else { q.bare() }.map_err(enc)
}

/// `sfq_parse_opt`: `struct tc_sfq_qopt_v1` as `TCA_OPTIONS`.
fn sfq(args: &[String], q: &mut QdiscOut<'_>) -> Parsed<()> {
    let mut o = rtnl_core::tc::qdisc::TcSfqQoptV1::<NativeEndian>::default();
    let (mut ok, mut red) = (false, false);
    let (mut burst, mut avpkt, mut prob) = (0u32, 1000u32, 0.02f64);
    let mut w = Words::new(args);
    while let Some(x) = w.peek() {
        match x {
            "quantum" => {
                let v = w.next_arg()?;
                o.quantum = crate::tcunits::parse_size(v).ok_or_else(|| illegal("limit"))?.into();
                ok = true;
            }
            "perturb" => {
                o.perturb_period = get_int(w.next_arg()?).ok_or_else(|| illegal("perturb"))?.into();
                ok = true;
            }
            "limit" => {
                let l = get_u32(w.next_arg()?, 0).ok_or_else(|| illegal("limit"))?;
                if l < 2 {
                    return Err("Illegal \"limit\", must be > 1".into());
                }
                o.limit = l.into();
                ok = true;
            }
            "divisor" => {
                o.divisor = get_u32(w.next_arg()?, 0).ok_or_else(|| illegal("divisor"))?.into();
                ok = true;
            }
            "flows" | "depth" => {
                let v = get_u32(w.next_arg()?, 0).ok_or_else(|| illegal("flows"))?;
                if x == "flows" {
                    o.flows = v.into();
                } else {
                    o.depth = v.into();
                }
                ok = true;
            }
            "headdrop" => {
                o.headdrop = 1.into();
                ok = true;
            }
            "redflowlimit" => {
                o.red_limit = get_u32(w.next_arg()?, 0).ok_or_else(|| illegal("redflowlimit"))?.into();
                red = true;
            }
            "min" | "max" => {
                let v = get_u32(w.next_arg()?, 0).ok_or_else(|| illegal(x))?;
                if x == "min" {
                    o.qth_min = v.into();
                } else {
                    o.qth_max = v.into();
                }
                red = true;
            }
            "burst" => {
                burst = get_u32(w.next_arg()?, 0).ok_or_else(|| illegal("burst"))?;
                red = true;
            }
            "avpkt" => {
                avpkt = crate::tcunits::parse_size(w.next_arg()?).ok_or_else(|| illegal("avpkt"))?;
                red = true;
            }
            "probability" => {
                prob = w.next_arg()?.parse().map_err(|_| illegal("probability"))?;
                red = true;
            }
            "ecn" | "harddrop" => {
                o.flags |= if x == "ecn" { 1 } else { 2 };
                red = true;
            }
            _ => return Err(format!("What is \"{x}\"?")),
        }
        w.fwd();
    }
    if red {
        let limit = o.red_limit.get();
        if limit == 0 {
            return Err("Required parameter (redflowlimit) is missing".into());
        }
        if o.qth_max.get() == 0 {
            o.qth_max = (limit / 4).into();
        }
        if o.qth_min.get() == 0 {
            o.qth_min = (o.qth_max.get() / 3).into();
        }
        let (min, max) = (o.qth_min.get(), o.qth_max.get());
        if burst == 0 {
            burst = (2 * min + max) / (3 * avpkt);
        }
        if max > limit {
            return Err("\"max\" is larger than \"limit\"".into());
        }
        if min >= max {
            return Err("\"min\" is not smaller than \"max\"".into());
        }
        o.Wlog = red_ewma(min, burst, avpkt).ok_or("SFQ: failed to calculate EWMA constant.")?;
        if o.Wlog >= 10 {
            eprintln!("SFQ: WARNING. Burst {burst} seems to be too large.");
        }
        o.Plog = red_p(min, max, prob).ok_or("SFQ: failed to calculate probability.")?;
        o.max_P = ((prob * 4294967296.0) as u32).into();
    }
    if ok || red { q.options().sfq(Grown::new(o.as_bytes())) } else { q.bare() }.map_err(enc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    fn no_dev(_: &str) -> Result<u32, Fail> {
        Ok(7)
    }

    /// The TCA_U32_SEL payload of a u32 filter command.
    fn sel_of(cmd: &str) -> Vec<u8> {
        let r = filter_request(RTM_NEWTFILTER, NLM_F_EXCL | NLM_F_CREATE, &words(cmd), &no_dev).unwrap();
        let attrs = rtnl_core::wire::Attrs::<NativeEndian>::new(&r.attrs);
        let opts = attrs.clone().map(Result::unwrap).find(|a| a.id() == rtnl_core::tc::TCA_OPTIONS).unwrap();
        opts.nested().map(Result::unwrap).find(|a| a.id() == cls::TCA_U32_SEL).unwrap().payload().to_vec()
    }

    #[test]
    fn u32_matches_pack_as_tc_packs_them() {
        // ip dst 10.1.0.0/16: one key at 16, mask ffff0000, network order
        let s = sel_of("dev x parent 1: u32 match ip dst 10.1.0.0/16 flowid 1:10");
        assert_eq!(s[0], TC_U32_TERMINAL);
        assert_eq!(s[2], 1);
        assert_eq!(&s[16..24], &[0xff, 0xff, 0, 0, 10, 1, 0, 0]);
        assert_eq!(i32::from_ne_bytes(s[24..28].try_into().unwrap()), 16);
        // protocol and dport share no word; sport and dport share one
        let s = sel_of("dev x u32 match ip protocol 6 0xff match ip sport 80 0xffff match ip dport 443 0xffff");
        assert_eq!(s[2], 2);
        assert_eq!(&s[16..24], &[0, 0xff, 0, 0, 0, 6, 0, 0]);
        assert_eq!(&s[32..40], &[0xff, 0xff, 0xff, 0xff, 0, 80, 0x01, 0xbb]);
        // a contradiction in one word is refused
        let e =
            filter_request(RTM_NEWTFILTER, 0, &words("dev x u32 match u8 1 0xff at 0 match u8 2 0xff at 0"), &no_dev);
        assert!(e.is_err());
    }

    #[test]
    fn u32_handles_and_bytecode_parse_as_tc_does() {
        assert_eq!(u32_handle("800:"), Some(0x8000_0000));
        assert_eq!(u32_handle("1:2:3"), Some(0x0010_2003));
        assert_eq!(u32_handle("0x10"), Some(0x10));
        assert_eq!(u32_handle("1000:"), None);
        assert_eq!(u32_handle("12"), None);
        let ops = cbpf_ops("2,6 0 0 4294967295,6 0 0 0").unwrap();
        assert_eq!(ops.len(), 16);
        assert!(cbpf_ops("3,6 0 0 0").is_err());
        assert!(cbpf_ops("1,6 0 0").is_err());
    }
}
