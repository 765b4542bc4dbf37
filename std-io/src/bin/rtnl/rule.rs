//! `rtnl rule`: list, add, delete and flush policy routing rules, printed
//! as iproute2 6.1's `ip rule` prints them (text and `-j`).

use std::net::IpAddr;
use std::process::ExitCode;

use rtnl_core::message::RtnlMessage;
use rtnl_core::net::{Address, AF_INET, AF_INET6};
use rtnl_core::route::{RouteProtocol, RouteTable, RouteType};
use rtnl_core::rule::{
    self, FibRuleHdr, FibRulePortRange, FibRuleUidRange, RuleAction, RuleAttr, RuleFlags, RuleMessage,
};
use rtnl_core::typed::Be64;
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::{NativeEndian, NlMsgHdr, Writer};
use rtnl_io::VecBuffer;

use crate::grammar::{self, kw, todo, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::names;
use crate::{Fail, Global};

/// The selector of `rule show`, `add`, `delete` and `flush`, in ip's order.
pub const RULE_SELECTOR: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("not", M::Exact)], Arg::None, "invert the selector"),
        kw(&[("from", M::Exact), ("src", M::Prefix)], Arg::Value("PREFIX"), "the source prefix"),
        kw(&[("to", M::Exact), ("dst", M::Prefix)], Arg::Value("PREFIX"), "the destination prefix"),
        kw(
            &[("preference", M::Prefix), ("order", M::Prefix), ("priority", M::Prefix)],
            Arg::Value("NUMBER"),
            "the rule's priority",
        ),
        kw(&[("tos", M::Exact), ("dsfield", M::Prefix)], Arg::Value("TOS"), "the TOS"),
        kw(&[("fwmark", M::Exact)], Arg::Value("FWMARK[/MASK]"), "the firewall mark"),
        kw(&[("iif", M::Exact), ("dev", M::Exact)], Arg::Dev, "the input interface"),
        kw(&[("oif", M::Exact)], Arg::Dev, "the output interface"),
        kw(&[("l3mdev", M::Exact)], Arg::None, "look up the table of the interface's VRF"),
        kw(&[("uidrange", M::Exact)], Arg::Value("NUMBER-NUMBER"), "the socket owner's UIDs"),
        kw(&[("ipproto", M::Exact)], Arg::Value("PROTOCOL"), "the IP protocol"),
        kw(&[("sport", M::Exact)], Arg::Value("NUMBER[-NUMBER]"), "the source ports"),
        kw(&[("dport", M::Exact)], Arg::Value("NUMBER[-NUMBER]"), "the destination ports"),
        kw(&[("tun_id", M::Prefix)], Arg::Value("NUMBER"), "the tunnel id"),
    ],
    positional: Some(("PREFIX", "the destination prefix (show)")),
};

/// The action of `rule add` and `delete`, in ip's order.
pub const RULE_ACTION: KwSet = KwSet {
    name: "ACTION",
    keywords: &[
        kw(&[("table", M::Prefix), ("lookup", M::Exact)], Arg::Value("TABLE_ID"), "look up this table"),
        kw(&[("protocol", M::Prefix)], Arg::Value("PROTO"), "who adds the rule"),
        todo(&[("nat", M::Exact), ("map-to", M::Prefix)], Arg::Value("ADDRESS")),
        kw(&[("realms", M::Prefix)], Arg::Value("[SRCREALM/]DSTREALM"), "the realms"),
        kw(&[("goto", M::Prefix)], Arg::Value("NUMBER"), "jump to the rule of this priority"),
        kw(&[("nop", M::Prefix)], Arg::None, "do nothing"),
        kw(
            &[("suppress_prefixlength", M::Prefix), ("sup_pl", M::Exact)],
            Arg::Value("NUMBER"),
            "ignore routes of this prefix length or shorter",
        ),
        kw(
            &[("suppress_ifgroup", M::Prefix), ("sup_group", M::Exact)],
            Arg::Value("DEVGROUP"),
            "ignore routes through devices of this group",
        ),
        kw(
            &[("type", M::Exact)],
            Arg::OneOf("TYPE", &["unicast", "blackhole", "unreachable", "prohibit"]),
            "the rule's type (also without the keyword)",
        ),
    ],
    positional: Some(("TYPE", "blackhole | unreachable | prohibit | …")),
};

/// `ip rule`'s verbs, in the order ip tries them.
pub const RULE: Object = Object {
    name: "rule",
    help: "policy routing rules: show, add, delete and flush them (like ip rule)",
    verbs: &[
        verb(
            &[("list", M::Prefix), ("lst", M::Prefix), ("show", M::Prefix)],
            "[ SELECTOR ]",
            &[&RULE_SELECTOR],
            "list the rules (IPv4 without -6)",
            true,
        ),
        verb(&[("save", M::Prefix)], "> FILE", &[], "write the rules of the family as the kernel sent them", true),
        verb(&[("restore", M::Prefix)], "< FILE", &[], "add the rules of a saved file (those that exist kept)", true),
        verb(&[("add", M::Prefix)], "SELECTOR ACTION", &[&RULE_SELECTOR, &RULE_ACTION], "add a rule", true),
        verb(&[("delete", M::Prefix)], "SELECTOR ACTION", &[&RULE_SELECTOR, &RULE_ACTION], "delete a rule", true),
        verb(
            &[("flush", M::Prefix)],
            "[ SELECTOR ] [ protocol PROTO ]",
            &[&RULE_SELECTOR],
            "delete the rules selected (but priority 0)",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "TABLE_ID := [ local | main | default | NUMBER ]",
};

/// `rtnl rule …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("list", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = RULE.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl rule help\".")));
    };
    if !verb.kw.ready {
        return Err(Fail::usage(format!("\"rule {}\" is not implemented in rtnl yet.", verb.kw.name())));
    }
    if rest.first().is_some_and(|w| w == "help" || w == "--help") {
        return Ok(grammar::print_usage(&RULE));
    }
    match verb.kw.name() {
        "list" => list(g, rest, false),
        "flush" => list(g, rest, true),
        "save" => save(g, rest),
        "restore" => restore(g),
        "help" => Ok(grammar::print_usage(&RULE)),
        v => modify(g, v, rest),
    }
}

use crate::grammar::need;

fn invalid(what: &str, v: &str) -> Fail {
    Fail::usage(format!("Error: argument \"{v}\" is wrong: {what}"))
}

fn u32_of(s: &str, what: &str) -> Result<u32, Fail> {
    crate::route::parse_u32(s, what).map_err(Fail::usage)
}

/// A 64-bit number as `get_u64` reads it (decimal, `0x` hex, `0` octal).
fn parse_u64(s: &str) -> Option<u64> {
    if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        u64::from_str_radix(h, 16).ok()
    } else if s.len() > 1 && s.starts_with('0') {
        u64::from_str_radix(&s[1..], 8).ok()
    } else {
        s.parse().ok()
    }
}

fn range(s: &str, what: &str) -> Result<(u32, u32), Fail> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    match (a.parse(), b.parse()) {
        (Ok(a), Ok(b)) => Ok((a, b)),
        _ => Err(invalid(what, s)),
    }
}

fn ports(s: &str, what: &str) -> Result<FibRulePortRange, Fail> {
    let (a, b) = range(s, what)?;
    match (u16::try_from(a), u16::try_from(b)) {
        (Ok(a), Ok(b)) => Ok(FibRulePortRange { start: a.into(), end: b.into() }),
        _ => Err(invalid(what, s)),
    }
}

/// What a rule command names: the selector (and, to add or delete, the
/// action). Unset fields are not sent and not matched.
#[derive(Debug, Default)]
struct Rule {
    hdr: FibRuleHdr,
    src: Option<(IpAddr, u8)>,
    dst: Option<(IpAddr, u8)>,
    priority: Option<u32>,
    tos: Option<u8>,
    fwmark: Option<u32>,
    fwmask: Option<u32>,
    iif: Option<String>,
    oif: Option<String>,
    l3mdev: bool,
    uidrange: Option<(u32, u32)>,
    ipproto: Option<u8>,
    sport: Option<FibRulePortRange>,
    dport: Option<FibRulePortRange>,
    tun_id: Option<u64>,
    table: Option<u32>,
    protocol: Option<u8>,
    realms: Option<u32>,
    goto: Option<u32>,
    suppress_prefixlen: Option<u32>,
    suppress_ifgroup: Option<u32>,
    action: Option<u8>,
}

impl Rule {
    /// Parses `args`; `modify`: the action keywords too (else a bare word
    /// is a destination prefix, as `ip rule show` reads it).
    fn parse(args: &[String], family: u8, modify: bool) -> Result<Rule, Fail> {
        // ip reads the prefixes of an unspecified family as IPv4
        let af = if family == 0 { AF_INET } else { family };
        let mut r = Rule { hdr: FibRuleHdr { family, ..Default::default() }, ..Default::default() };
        let mut it = args.iter();
        let pfx = |v: &str, what: &str| {
            crate::neigh::prefix(v, af).map_err(|_| invalid(&format!("{what} value is invalid"), v))
        };
        while let Some(a) = it.next() {
            let k = match grammar::keyword(a, RULE_SELECTOR.keywords, "rule").map_err(Fail::usage)? {
                Some(k) => Some(k),
                None => match grammar::keyword(a, RULE_ACTION.keywords, "rule").map_err(Fail::usage)? {
                    // `show` and `flush` also select by table and protocol
                    Some(k) if modify || k == "table" || k == "protocol" => Some(k),
                    _ => None,
                },
            };
            match k {
                Some("not") => r.hdr.flags = (r.hdr.flags.get() | RuleFlags::INVERT).into(),
                Some("from") => r.src = Some(pfx(need(it.next())?, "from")?),
                Some("to") => r.dst = Some(pfx(need(it.next())?, "to")?),
                Some("preference") => r.priority = Some(u32_of(need(it.next())?, "preference")?),
                Some("tos") => {
                    let v = need(it.next())?;
                    r.tos = Some(names::dsfield_of(v).ok_or_else(|| invalid("TOS value is invalid", v))?);
                }
                Some("fwmark") => {
                    let v = need(it.next())?;
                    let (m, mask) = match v.split_once('/') {
                        Some((m, k)) => (m, Some(k)),
                        None => (v.as_str(), None),
                    };
                    r.fwmark = Some(u32_of(m, "fwmark")?);
                    r.fwmask = mask.map(|k| u32_of(k, "fwmask")).transpose()?;
                }
                Some("iif") => r.iif = Some(need(it.next())?.clone()),
                Some("oif") => r.oif = Some(need(it.next())?.clone()),
                Some("l3mdev") => r.l3mdev = true,
                Some("uidrange") => {
                    let v = need(it.next())?;
                    if !v.contains('-') {
                        return Err(invalid("invalid UID range", v));
                    }
                    r.uidrange = Some(range(v, "invalid UID range")?);
                }
                Some("ipproto") => {
                    let v = need(it.next())?;
                    r.ipproto = Some(names::ip_proto_of(v).ok_or_else(|| invalid("Invalid \"ipproto\" value", v))?);
                }
                Some("sport") => r.sport = Some(ports(need(it.next())?, "invalid port range")?),
                Some("dport") => r.dport = Some(ports(need(it.next())?, "invalid dport range")?),
                Some("tun_id") => {
                    let v = need(it.next())?;
                    r.tun_id = Some(parse_u64(v).ok_or_else(|| invalid("\"tun_id\" value is invalid", v))?);
                }
                Some("table") => {
                    let v = need(it.next())?;
                    r.table = Some(RouteTable::from_name(v).ok_or_else(|| invalid("invalid table ID", v))?.0);
                }
                Some("protocol") => {
                    let v = need(it.next())?;
                    r.protocol = match v.as_str() {
                        "all" if !modify => None,
                        v => Some(
                            RouteProtocol::from_name(v).ok_or_else(|| invalid("\"protocol\" value is invalid", v))?.0,
                        ),
                    };
                }
                Some("realms") => {
                    let v = need(it.next())?;
                    let bad = || invalid("invalid realms", v);
                    r.realms = Some(match v.split_once('/') {
                        Some((s, d)) => {
                            let (s, d) = (names::realm_of(s).ok_or_else(bad)?, names::realm_of(d).ok_or_else(bad)?);
                            if s > 0xffff || d > 0xffff {
                                return Err(bad());
                            }
                            s << 16 | d
                        }
                        None => names::realm_of(v).filter(|d| *d <= 0xffff).ok_or_else(bad)?,
                    });
                }
                Some("goto") => {
                    r.goto = Some(u32_of(need(it.next())?, "invalid target")?);
                    r.action = Some(RuleAction::GOTO.0);
                }
                Some("nop") => r.action = Some(RuleAction::NOP.0),
                Some("suppress_prefixlength") => {
                    let v = need(it.next())?;
                    r.suppress_prefixlen = Some(
                        v.parse::<i32>()
                            .ok()
                            .and_then(|p| u32::try_from(p).ok())
                            .ok_or_else(|| invalid("suppress_prefixlength value is invalid", v))?,
                    );
                }
                Some("suppress_ifgroup") => {
                    let v = need(it.next())?;
                    r.suppress_ifgroup =
                        Some(names::group_of(v).ok_or_else(|| invalid("Invalid \"suppress_ifgroup\" value", v))?);
                }
                Some("type") => r.action = Some(rule_type(need(it.next())?)?),
                Some(other) => return Err(Fail::usage(grammar::no_case(other))),
                None if modify => r.action = Some(rule_type(a)?),
                None => r.dst = Some(pfx(a, "to")?),
            }
        }
        if r.l3mdev && r.table.is_some_and(|t| t != 0) {
            return Err(Fail::usage("table can not be specified for l3mdev rules"));
        }
        Ok(r)
    }

    /// The request `ty` (`RTM_NEWRULE` or `RTM_DELRULE`) for this rule.
    fn encode(&self, ty: u16, flags: u16, seq: u32) -> Result<Vec<u8>, Fail> {
        let mut hdr = self.hdr;
        if hdr.family == 0 {
            hdr.family = AF_INET;
        }
        let add = ty == rule::RTM_NEWRULE;
        hdr.action = self.action.unwrap_or(if add { RuleAction::TO_TBL.0 } else { RuleAction::UNSPEC.0 });
        let table_ok = self.table.is_some() || self.l3mdev || self.action.is_some();
        match self.table {
            Some(t) if t < 256 => hdr.table = t as u8,
            Some(_) => hdr.table = 0,
            None if add && !table_ok => hdr.table = RouteTable::MAIN.0 as u8,
            None => {}
        }
        if let Some((_, l)) = self.src {
            hdr.src_len = l;
        }
        if let Some((_, l)) = self.dst {
            hdr.dst_len = l;
        }
        if let Some(t) = self.tos {
            hdr.tos = t;
        }
        let mut w = Writer::new(VecBuffer::default());
        rtnl_core::typed::request(&mut w, ty, flags, seq, &hdr, |a| {
            let ip = |x: IpAddr| -> Address<'static> { x.into() };
            if let Some((x, _)) = self.src {
                a.src(ip(x))?;
            }
            if let Some((x, _)) = self.dst {
                a.dst(ip(x))?;
            }
            if let Some(p) = self.priority {
                a.priority(p)?;
            }
            if let Some(m) = self.fwmark {
                a.fwmark(m)?;
            }
            if let Some(m) = self.fwmask {
                a.fwmask(m)?;
            }
            if let Some(r) = self.realms {
                a.flow(r)?;
            }
            if let Some(p) = self.protocol {
                a.protocol(RouteProtocol(p))?;
            }
            if let Some(t) = self.tun_id {
                a.tun_id(Be64(t))?;
            }
            if let Some(t) = self.table.filter(|t| *t >= 256) {
                a.table(t)?;
            }
            if let Some(p) = self.suppress_prefixlen {
                a.suppress_prefixlen(p)?;
            }
            if let Some(g) = self.suppress_ifgroup {
                a.suppress_ifgroup(g)?;
            }
            if let Some(n) = &self.iif {
                a.iifname(n)?;
            }
            if let Some(n) = &self.oif {
                a.oifname(n)?;
            }
            if self.l3mdev {
                a.l3mdev(1)?;
            }
            if let Some((s, e)) = self.uidrange {
                a.uid_range(FibRuleUidRange { start: s.into(), end: e.into() })?;
            }
            if let Some(p) = self.ipproto {
                a.ip_proto(p)?;
            }
            if let Some(p) = self.sport {
                a.sport_range(p)?;
            }
            if let Some(p) = self.dport {
                a.dport_range(p)?;
            }
            if let Some(g) = self.goto {
                a.goto(g)?;
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        Ok(w.into_inner().0)
    }

    /// Whether rule `m` is selected (ip's `filter_nlmsg`; and the protocol).
    fn selects(&self, m: &RuleMessage<'_>) -> bool {
        let h = m.header();
        if self.hdr.family != 0 && h.family != self.hdr.family {
            return false;
        }
        if self.priority.is_some_and(|p| p != m.priority()) {
            return false;
        }
        if self.hdr.flags().has(RuleFlags::INVERT) && !h.flags().has(RuleFlags::INVERT) {
            return false;
        }
        let mut v = Seen::default();
        for a in m.attrs().flatten() {
            v.see(a);
        }
        let pfx = |want: Option<(IpAddr, u8)>, got: Option<Address<'_>>, len: u8| match want {
            None => true,
            Some((p, l)) => {
                let fam = if p.is_ipv4() { AF_INET } else { AF_INET6 };
                fam == h.family
                    && l <= len
                    && match got {
                        Some(a) => crate::neigh::in_prefix(&a, p, l),
                        None => l == 0,
                    }
            }
        };
        pfx(self.src, v.src, h.src_len)
            && pfx(self.dst, v.dst, h.dst_len)
            && self.tos.is_none_or(|t| t == h.tos)
            && self.fwmark.is_none_or(|f| f == v.fwmark.unwrap_or(0))
            && self.fwmask.is_none_or(|f| f == v.fwmask.unwrap_or(0))
            && self.iif.as_deref().is_none_or(|n| v.iif == Some(n))
            && self.oif.as_deref().is_none_or(|n| v.oif == Some(n))
            && (!self.l3mdev || v.l3mdev)
            && self.uidrange.is_none_or(|r| v.uid == Some(r))
            && self.ipproto.is_none_or(|p| p == v.ipproto.unwrap_or(0))
            && self.sport.is_none_or(|p| v.sport == Some(p))
            && self.dport.is_none_or(|p| v.dport == Some(p))
            && self.tun_id.is_none_or(|t| v.tun_id == Some(t))
            && self.table.is_none_or(|t| t == 0 || t == m.table())
            && self.protocol.is_none_or(|p| v.protocol.is_none_or(|x| x == p))
    }
}

fn rule_type(w: &str) -> Result<u8, Fail> {
    RouteType::from_name(w).map(|t| t.0).ok_or_else(|| invalid("Failed to parse rule type", w))
}

/// The attributes of a rule that printing and matching read.
#[derive(Debug, Default)]
struct Seen<'a> {
    src: Option<Address<'a>>,
    dst: Option<Address<'a>>,
    fwmark: Option<u32>,
    fwmask: Option<u32>,
    iif: Option<&'a str>,
    oif: Option<&'a str>,
    l3mdev: bool,
    uid: Option<(u32, u32)>,
    ipproto: Option<u8>,
    sport: Option<FibRulePortRange>,
    dport: Option<FibRulePortRange>,
    tun_id: Option<u64>,
    suppress_prefixlen: Option<u32>,
    suppress_ifgroup: Option<u32>,
    flow: Option<u32>,
    goto: Option<u32>,
    protocol: Option<u8>,
}

impl<'a> Seen<'a> {
    fn see(&mut self, a: RuleAttr<'a>) {
        match a {
            RuleAttr::Src(x) => self.src = Some(x),
            RuleAttr::Dst(x) => self.dst = Some(x),
            RuleAttr::Fwmark(x) => self.fwmark = Some(x),
            RuleAttr::Fwmask(x) => self.fwmask = Some(x),
            RuleAttr::Iifname(x) => self.iif = Some(x),
            RuleAttr::Oifname(x) => self.oif = Some(x),
            RuleAttr::L3mdev(x) => self.l3mdev = x != 0,
            RuleAttr::UidRange(u) => self.uid = Some((u.start.get(), u.end.get())),
            RuleAttr::IpProto(x) => self.ipproto = Some(x),
            RuleAttr::SportRange(p) => self.sport = Some(p),
            RuleAttr::DportRange(p) => self.dport = Some(p),
            RuleAttr::TunId(t) => self.tun_id = Some(t.0),
            RuleAttr::SuppressPrefixlen(x) => self.suppress_prefixlen = Some(x),
            RuleAttr::SuppressIfgroup(x) => self.suppress_ifgroup = Some(x),
            RuleAttr::Flow(x) => self.flow = Some(x),
            RuleAttr::Goto(x) => self.goto = Some(x),
            RuleAttr::Protocol(p) => self.protocol = Some(p.0),
            _ => {}
        }
    }
}

/// `print_0xhex`: `%#llx` (0 is `0`).
fn hex(v: u32) -> String {
    if v == 0 {
        "0".into()
    } else {
        format!("{v:#x}")
    }
}

/// One rule as `print_rule` prints it.
fn write_rule(o: &mut Out, ty: u16, m: &RuleMessage<'_>, details: bool) {
    let h = m.header();
    let host = if h.family == AF_INET6 { 128 } else { 32 };
    let mut v = Seen::default();
    for a in m.attrs().flatten() {
        v.see(a);
    }
    if ty == rule::RTM_DELRULE {
        o.lit("deleted", "Deleted ", "true");
    }
    let p = m.priority();
    o.num("priority", &format!("{p}:\t"), p.into());
    let flags = h.flags();
    if flags.has(RuleFlags::INVERT) {
        o.lit("not", "not ", "null");
    }
    match &v.src {
        Some(a) => {
            let s = a.to_string();
            o.str("src", &format!("from {s}"), &s);
            if h.src_len != host {
                o.num("srclen", &format!("/{}", h.src_len), h.src_len.into());
            }
        }
        None if h.src_len != 0 => {
            o.str("src", "from 0", "0");
            o.num("srclen", &format!("/{}", h.src_len), h.src_len.into());
        }
        None => o.str("src", "from all", "all"),
    }
    match &v.dst {
        Some(a) => {
            let s = a.to_string();
            o.str("dst", &format!(" to {s}"), &s);
            if h.dst_len != host {
                o.num("dstlen", &format!("/{}", h.dst_len), h.dst_len.into());
            }
        }
        None if h.dst_len != 0 => {
            o.str("dst", " to 0", "0");
            o.num("dstlen", &format!("/{}", h.dst_len), h.dst_len.into());
        }
        None => {}
    }
    if h.tos != 0 {
        let t = names::dsfield(h.tos);
        o.str("tos", &format!(" tos {t}"), &t);
    }
    if v.fwmark.is_some() || v.fwmask.is_some() {
        let mark = hex(v.fwmark.unwrap_or(0));
        o.str("fwmark", &format!(" fwmark {mark}"), &mark);
        if let Some(k) = v.fwmask.filter(|k| *k != u32::MAX) {
            let k = hex(k);
            o.str("fwmask", &format!("/{k}"), &k);
        }
    }
    if let Some(n) = v.iif {
        o.str("iif", &format!(" iif {n}"), n);
        if flags.has(RuleFlags::IIF_DETACHED) {
            o.lit("iif_detached", " [detached]", "null");
        }
    }
    if let Some(n) = v.oif {
        o.str("oif", &format!(" oif {n}"), n);
        if flags.has(RuleFlags::OIF_DETACHED) {
            o.lit("oif_detached", " [detached]", "null");
        }
    }
    if v.l3mdev {
        o.lit("l3mdev", " lookup [l3mdev-table]", "null");
    }
    if let Some((s, e)) = v.uid {
        o.num("uid_start", &format!(" uidrange {s}"), s.into());
        o.num("uid_end", &format!("-{e}"), e.into());
    }
    if let Some(p) = v.ipproto {
        let n = names::ip_proto(p);
        o.str("ipproto", &format!(" ipproto {n}"), &n);
    }
    for (r, k) in [(v.sport, "sport"), (v.dport, "dport")] {
        let Some(r) = r else { continue };
        let (s, e) = (r.start.get(), r.end.get());
        if s == e {
            o.num(k, &format!(" {k} {s}"), s.into());
        } else {
            o.num(&format!("{k}_start"), &format!(" {k} {s}"), s.into());
            o.num(&format!("{k}_end"), &format!("-{e}"), e.into());
        }
    }
    if let Some(t) = v.tun_id {
        o.num("tun_id", &format!(" tun_id {t}"), t);
    }
    let table = m.table();
    if table != 0 {
        let t = RouteTable(table).to_string();
        o.str("table", &format!(" lookup {t}"), &t);
        if let Some(p) = v.suppress_prefixlen.filter(|p| *p != u32::MAX) {
            o.num("suppress_prefixlen", &format!(" suppress_prefixlength {p}"), p.into());
        }
        if let Some(g) = v.suppress_ifgroup.filter(|g| *g != u32::MAX) {
            let g = names::group(g);
            o.str("suppress_ifgroup", &format!(" suppress_ifgroup {g}"), &g);
        }
    }
    if let Some(f) = v.flow {
        let (from, to) = (f >> 16, f & 0xffff);
        if from != 0 {
            let n = names::realm(from);
            o.str("flow_from", &format!(" realms {n}/"), &n);
        } else {
            o.text(" realms ");
        }
        let n = names::realm(to);
        o.str("flow_to", &n, &n);
    }
    match h.action() {
        RuleAction::GOTO => {
            match v.goto {
                Some(g) => o.num("goto", &format!(" goto {g}"), g.into()),
                None => o.str("goto", " goto none", "none"),
            }
            if flags.has(RuleFlags::UNRESOLVED) {
                o.lit("unresolved", " [unresolved]", "null");
            }
        }
        RuleAction::NOP => o.lit("nop", " nop", "null"),
        RuleAction::TO_TBL => {}
        a => {
            let t = RouteType(a.0).to_string();
            o.str("action", &format!(" {t}"), &t);
        }
    }
    if let Some(p) = v.protocol.filter(|p| (*p != 0 && *p != RouteProtocol::KERNEL.0) || details) {
        let p = crate::names::rt_proto(p).into_owned();
        o.str("protocol", &format!(" proto {p}"), &p);
    }
}

/// A rule notification as `ip monitor rule` prints it.
pub fn print_notification(ty: u16, r: &RuleMessage<'_>, g: &Global) {
    let mut o = Out::new(false);
    write_rule(&mut o, ty, r, g.details);
    println!("{}", o.s);
}

/// The rules of the family `g` asks for (ip's default: IPv4) that `f` selects.
fn dump(g: &Global, f: &Rule) -> Result<Vec<Vec<u8>>, Fail> {
    let fam = if g.family == 0 { AF_INET } else { g.family };
    let mut sock = g.socket()?;
    let mut w = Writer::new(VecBuffer::default());
    let hdr = FibRuleHdr { family: fam, ..Default::default() };
    rtnl_core::typed::request(&mut w, rule::RTM_GETRULE, Request::Dump.flags(), sock.next_seq(), &hdr, |_| Ok(()))
        .map_err(|e| Fail::error(e.to_string()))?;
    crate::dump_kept(&mut sock, &w.into_inner().0, "a rule", |m| match m.body() {
        RtnlMessage::Rule(r) => r.header().family == fam && f.selects(r),
        _ => false,
    })
}

fn decoded(b: &[u8]) -> Option<(u16, RuleMessage<'_>)> {
    crate::decoded(b, |m| match m {
        RtnlMessage::Rule(n) => Some(n.clone()),
        _ => None,
    })
}

fn list(g: &Global, args: &[String], flush: bool) -> Result<ExitCode, Fail> {
    let mut f = Rule::parse(args, g.family, false)?;
    f.hdr.family = 0;
    let rows = dump(g, &f)?;
    if !flush {
        let mut p = List::new(g);
        for b in &rows {
            if let Some((ty, r)) = decoded(b) {
                let mut o = p.entry();
                write_rule(&mut o, ty, &r, g.details);
                p.push(o);
            }
        }
        return p.finish();
    }
    // ip's flush: every selected rule with a priority (not the local
    // table's rule 0), deleted as dumped
    let mut sock = g.socket()?;
    let mut failed = Vec::new();
    for b in &rows {
        let Some((_, r)) = decoded(b) else { continue };
        if r.find(rule::FRA_PRIORITY).is_none() {
            continue;
        }
        let mut req = b.clone();
        // the dumped message itself, as a request to delete it
        NlMsgHdr::<NativeEndian>::reframe(&mut req, rule::RTM_DELRULE, Request::Plain.flags(), sock.next_seq(), 0);
        if let Err(e) = sock.request(&req) {
            failed.push(format!("priority {}: {e}", r.priority()));
        }
    }
    if !failed.is_empty() {
        return Err(Fail::kernel(format!("could not delete {} rule(s): {}", failed.len(), failed.join("; "))));
    }
    Ok(ExitCode::SUCCESS)
}

fn modify(g: &Global, verb: &str, args: &[String]) -> Result<ExitCode, Fail> {
    if args.is_empty() {
        return Err(Fail::usage(format!("\"ip rule {verb}\" requires arguments.")));
    }
    let r = Rule::parse(args, g.family, true)?;
    let (ty, flags) = match verb {
        "add" => (rule::RTM_NEWRULE, Request::Add.flags()),
        _ => (rule::RTM_DELRULE, Request::Plain.flags()),
    };
    let mut sock = g.socket()?;
    let req = r.encode(ty, flags, sock.next_seq())?;
    crate::acked(&mut sock, &req)
}

/// The first four bytes of a file `rule save` writes (ip's magic, in the
/// host's order).
const RULE_DUMP_MAGIC: u32 = 0x7170_6986;

/// `rule save > FILE`: the magic, then every rule of the family (`-4` by
/// default, as ip) as the kernel sent it.
fn save(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    if !args.is_empty() {
        return Err(Fail::error("\"ip rule save\" does not take any arguments."));
    }
    let f = Rule::parse(&[], g.family, false)?;
    crate::route_cmds::write_saved(RULE_DUMP_MAGIC, &dump(g, &f)?, "rules")
}

/// `rule restore < FILE`: each saved rule sent back to be created.
fn restore(g: &Global) -> Result<ExitCode, Fail> {
    let data = crate::route_cmds::read_saved(RULE_DUMP_MAGIC, "restore rule")?;
    crate::route_cmds::restore_saved(g, &data, "rule")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn text(args: &[&str]) -> String {
        let r = Rule::parse(&strs(args), 0, true).unwrap();
        let b = r.encode(rule::RTM_NEWRULE, Request::Add.flags(), 1).unwrap();
        let (ty, m) = decoded(&b).unwrap();
        let mut o = Out::new(false);
        write_rule(&mut o, ty, &m, false);
        o.s
    }

    #[test]
    fn rules_print_as_ip_prints_them() {
        assert_eq!(text(&["from", "10.1.0.0/16", "table", "100", "pref", "5"]), "5:\tfrom 10.1.0.0/16 lookup 100");
        assert_eq!(text(&["fwmark", "0x10/0xff", "lookup", "main"]), "0:\tfrom all fwmark 0x10/0xff lookup main");
        assert_eq!(text(&["not", "to", "10.2.0.0/16", "prohibit"]), "0:\tnot from all to 10.2.0.0/16 prohibit");
        assert_eq!(text(&["uidrange", "1-2", "goto", "9"]), "0:\tfrom all uidrange 1-2 goto 9");
        assert_eq!(
            text(&["sport", "1000-2000", "dport", "80", "table", "70000"]),
            "0:\tfrom all sport 1000-2000 dport 80 lookup 70000"
        );
        assert_eq!(text(&["realms", "3/4", "table", "1"]), "0:\tfrom all lookup 1 realms 3/4");
        assert_eq!(text(&["l3mdev"]), "0:\tfrom all lookup [l3mdev-table]");
        // table main unless a type or l3mdev says otherwise
        assert_eq!(text(&["iif", "v0"]), "0:\tfrom all iif v0 lookup main");
    }

    #[test]
    fn bad_arguments_are_refused() {
        for a in [
            &["uidrange", "5"][..],
            &["sport", "x"],
            &["table", "bogus"],
            &["realms", "70000"],
            &["frobnicate"],
            &["l3mdev", "table", "5"],
        ] {
            assert!(Rule::parse(&strs(a), 0, true).is_err(), "{a:?}");
        }
        assert!(Rule::parse(&strs(&["from", "fd00::/8"]), AF_INET, true).is_err());
    }

    #[test]
    fn every_ready_keyword_is_parsed() {
        for set in [&RULE_SELECTOR, &RULE_ACTION] {
            for k in set.keywords.iter().filter(|k| k.ready) {
                let mut a = vec![k.name().to_owned()];
                match k.name() {
                    "from" | "to" => a.push("10.0.0.0/8".into()),
                    "preference" | "goto" | "suppress_prefixlength" | "suppress_ifgroup" | "tun_id" => {
                        a.push("1".into())
                    }
                    "tos" => a.push("0x10".into()),
                    "fwmark" => a.push("1/2".into()),
                    "iif" | "oif" => a.push("v0".into()),
                    "uidrange" => a.push("1-2".into()),
                    "ipproto" => a.push("tcp".into()),
                    "sport" | "dport" => a.push("80".into()),
                    "table" => a.push("main".into()),
                    "protocol" => a.push("static".into()),
                    "realms" => a.push("1/2".into()),
                    "type" => a.push("blackhole".into()),
                    _ => {}
                }
                let r = Rule::parse(&a, 0, true);
                assert!(r.is_ok(), "{a:?}: {:?}", r.err().map(|e| e.msg));
            }
        }
    }
}
