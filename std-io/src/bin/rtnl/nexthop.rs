//! `rtnl nexthop`: list, look up, add, replace, delete and flush next-hop
//! objects, and list or look up a resilient group's buckets, as iproute2
//! 6.1's `ip nexthop` prints them (text and `-j`).

use std::net::IpAddr;
use std::process::ExitCode;

use rtnl_core::message::RtnlMessage;
use rtnl_core::net::{AF_INET, AF_INET6};
use rtnl_core::nexthop::{
    self, GroupType, NexthopAttr, NexthopFlags, NexthopGrp, NexthopMessage, NhMsg, ResBucketAttr, ResGroupAttr,
};
use rtnl_core::route::RouteProtocol;
use rtnl_core::typed::{Flag, StructArray};
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::Writer;
use rtnl_io::{link_names, VecBuffer};

use crate::encap::EncapSpec;
use crate::grammar::{self, kw, verb, Arg, KwSet, Object, M};
use crate::ipjson::{float_g, List, Out};
use crate::route::DevNames;
use crate::{Fail, Global};

/// `nexthop show`'s selector, in ip's order.
pub const NH_SHOW: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("dev", M::Prefix)], Arg::Dev, "the next hops through link STRING"),
        kw(&[("groups", M::Prefix)], Arg::None, "only groups"),
        kw(&[("master", M::Prefix)], Arg::Dev, "the next hops through ports of master STRING"),
        kw(&[("vrf", M::Prefix)], Arg::Dev, "the next hops of VRF STRING (as master)"),
        kw(&[("id", M::Exact)], Arg::Value("ID"), "next hop ID only"),
        kw(&[("protocol", M::Prefix)], Arg::Value("ID"), "the next hops installed by protocol ID"),
        kw(&[("fdb", M::Prefix)], Arg::None, "only the bridge FDB's next hops"),
    ],
    positional: None,
};

/// `nexthop add`'s keywords, in ip's order.
pub const NH_SPEC: KwSet = KwSet {
    name: "NH",
    keywords: &[
        kw(&[("id", M::Exact)], Arg::Value("ID"), "the id (0 or none: the kernel picks one)"),
        kw(&[("dev", M::Exact)], Arg::Dev, "the device"),
        kw(&[("via", M::Exact)], Arg::Value("[ FAMILY ] ADDRESS"), "the gateway"),
        kw(&[("encap", M::Exact)], Arg::Value("ENCAPTYPE ENCAPHDR"), "a lightweight-tunnel encapsulation"),
        kw(&[("blackhole", M::Exact)], Arg::None, "drop what is sent through it"),
        kw(&[("fdb", M::Exact)], Arg::None, "a next hop of the bridge FDB"),
        kw(&[("onlink", M::Exact)], Arg::None, "the gateway is on the link"),
        kw(&[("group", M::Exact)], Arg::Value("ID[,WEIGHT]/..."), "a group of these next hops (weights 1-65536)"),
        kw(&[("type", M::Exact)], Arg::OneOf("TYPE", &["mpath", "resilient"]), "the group's type"),
        kw(&[("buckets", M::Exact)], Arg::Value("N"), "a resilient group's buckets (after type resilient)"),
        kw(&[("idle_timer", M::Exact)], Arg::Value("SECONDS"), "a resilient group's idle timer"),
        kw(&[("unbalanced_timer", M::Exact)], Arg::Value("SECONDS"), "a resilient group's unbalanced timer"),
        kw(&[("hw_stats", M::Exact)], Arg::OneOf("on|off", &["on", "off"]), "the group's hardware statistics"),
        kw(&[("protocol", M::Prefix)], Arg::Value("PROTO"), "who installs it"),
    ],
    positional: None,
};

/// `nexthop bucket show`'s selector.
pub const BUCKET_SHOW: KwSet = KwSet {
    name: "BUCKET_SELECTOR",
    keywords: &[
        kw(&[("dev", M::Prefix)], Arg::Dev, "the buckets of next hops through link STRING"),
        kw(&[("master", M::Prefix)], Arg::Dev, "… through ports of master STRING"),
        kw(&[("vrf", M::Prefix)], Arg::Dev, "… of VRF STRING"),
        kw(&[("id", M::Exact)], Arg::Value("ID"), "the buckets of group ID"),
        kw(&[("nhid", M::Exact)], Arg::Value("ID"), "the buckets holding next hop ID"),
    ],
    positional: None,
};

/// `nexthop bucket get`'s keywords.
pub const BUCKET_GET: KwSet = KwSet {
    name: "BUCKET",
    keywords: &[
        kw(&[("id", M::Exact)], Arg::Value("ID"), "the group"),
        kw(&[("index", M::Exact)], Arg::Value("INDEX"), "the bucket"),
    ],
    positional: None,
};

/// `ip nexthop`'s verbs, in the order ip tries them.
pub const NEXTHOP: Object = Object {
    name: "nexthop",
    help: "next-hop objects and groups: show, add, replace and delete them, list a resilient group's buckets (like ip nexthop)",
    verbs: &[
        verb(&[("add", M::Prefix)], "id ID NH [ protocol ID ]", &[&NH_SPEC], "add a next hop", true),
        verb(&[("replace", M::Prefix)], "id ID NH [ protocol ID ]", &[&NH_SPEC], "add or replace a next hop", true),
        verb(&[("delete", M::Prefix)], "id ID", &[&NH_SPEC], "delete a next hop", true),
        verb(
            &[("list", M::Prefix), ("show", M::Prefix), ("lst", M::Prefix)],
            "SELECTOR",
            &[&NH_SHOW],
            "list next hops",
            true,
        ),
        verb(&[("get", M::Prefix)], "id ID", &[&NH_SHOW], "look a next hop up", true),
        verb(&[("flush", M::Prefix)], "SELECTOR", &[&NH_SHOW], "delete the next hops selected (all: groups first)", true),
        verb(
            &[("bucket", M::Prefix)],
            "{ show BUCKET_SELECTOR | get id ID index INDEX }",
            &[&BUCKET_SHOW, &BUCKET_GET],
            "a resilient group's buckets",
            true,
        ),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ] [ encap ENCAPTYPE ENCAPHDR ] |
        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ] [ unbalanced_timer UNBALANCED ]",
};

/// `rtnl nexthop …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("list", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = NEXTHOP.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl nexthop help\".")));
    };
    if rest.first().is_some_and(|w| w == "help" || w == "--help") {
        return Ok(grammar::print_usage(&NEXTHOP));
    }
    match verb.kw.name() {
        "list" => list(g, rest, false),
        "flush" => list(g, rest, true),
        "get" => get(g, rest),
        "bucket" => bucket(g, rest),
        "help" => Ok(grammar::print_usage(&NEXTHOP)),
        v => modify(g, v, rest),
    }
}

use crate::grammar::need;

fn num<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, Fail> {
    s.parse().map_err(|_| Fail::usage(format!("Error: argument \"{s}\" is wrong: invalid {what} value")))
}

fn ifindex_of(dev: &str) -> Result<u32, Fail> {
    crate::route::ifindex(dev)
        .map_err(|_| Fail::error(format!("Error: argument \"{dev}\" is wrong: Device does not exist")))
}

/// A `group` argument: `ID[,WEIGHT]/…`.
fn parse_group(s: &str) -> Result<Vec<NexthopGrp>, Fail> {
    let bad = || Fail::usage(format!("Error: argument \"{s}\" is wrong: \"group\" value is invalid"));
    s.split('/')
        .map(|m| {
            let (id, w) = match m.split_once(',') {
                Some((i, w)) => (i, Some(w)),
                None => (m, None),
            };
            let id: u32 = id.parse().map_err(|_| bad())?;
            let w: u32 =
                match w {
                    None => 1,
                    Some(w) => w.parse().ok().filter(|w| (1..=1 << 16).contains(w)).ok_or_else(|| {
                        Fail::usage(format!("Error: argument \"{w}\" is wrong: \"weight\" is invalid"))
                    })?,
                };
            Ok(NexthopGrp::with_weight(id, w))
        })
        .collect()
}

/// What `add`, `replace` and `delete` send.
#[derive(Debug, Default)]
struct Spec {
    hdr: NhMsg,
    id: Option<u32>,
    oif: Option<u32>,
    gateway: Option<IpAddr>,
    encap: Option<EncapSpec>,
    blackhole: bool,
    fdb: bool,
    group: Vec<NexthopGrp>,
    group_type: Option<GroupType>,
    res: Vec<ResParam>,
    hw_stats: Option<bool>,
}

/// A resilient group's parameter, in the order the command gave them (ip
/// writes them so).
#[derive(Debug, Clone, Copy)]
enum ResParam {
    /// `buckets N`.
    Buckets(u16),
    /// `idle_timer SECONDS`, in hundredths of a second.
    IdleTimer(u32),
    /// `unbalanced_timer SECONDS`, in hundredths of a second.
    UnbalancedTimer(u32),
}

impl Spec {
    fn parse(args: &[String], family: u8) -> Result<Spec, Fail> {
        let mut s = Spec { hdr: NhMsg { nh_family: family, ..Default::default() }, ..Default::default() };
        let mut flags = NexthopFlags(0);
        let mut it = args.iter().peekable();
        while let Some(a) = it.next() {
            match grammar::keyword(a, NH_SPEC.keywords, "nexthop").map_err(Fail::usage)? {
                Some("id") => s.id = Some(num(need(it.next())?, "id")?),
                Some("dev") => {
                    s.oif = Some(ifindex_of(need(it.next())?)?);
                    if s.hdr.nh_family == 0 {
                        s.hdr.nh_family = AF_INET;
                    }
                }
                Some("via") => {
                    let mut v = need(it.next())?;
                    let fam = match v.as_str() {
                        "inet" => Some(AF_INET),
                        "inet6" => Some(AF_INET6),
                        _ => None,
                    };
                    if fam.is_some() {
                        v = need(it.next())?;
                    }
                    let addr: IpAddr = v
                        .parse()
                        .map_err(|_| Fail::usage(format!("Error: an inet address is expected rather than \"{v}\".")))?;
                    let f = if addr.is_ipv4() { AF_INET } else { AF_INET6 };
                    if fam.is_some_and(|x| x != f) || (s.hdr.nh_family != 0 && s.hdr.nh_family != f) {
                        return Err(Fail::usage(format!("Error: argument \"{v}\" is wrong: address family mismatch")));
                    }
                    s.hdr.nh_family = f;
                    s.gateway = Some(addr);
                }
                Some("encap") => {
                    s.encap = Some(crate::encap::parse(&mut it, &crate::route::ifindex).map_err(Fail::usage)?);
                }
                Some("blackhole") => {
                    s.blackhole = true;
                    if s.hdr.nh_family == 0 {
                        s.hdr.nh_family = AF_INET;
                    }
                }
                Some("fdb") => s.fdb = true,
                Some("onlink") => flags = NexthopFlags(flags.0 | NexthopFlags::ONLINK),
                Some("group") => s.group = parse_group(need(it.next())?)?,
                Some("type") => {
                    let t = need(it.next())?;
                    s.group_type = Some(match t.as_str() {
                        "mpath" => GroupType::MPATH,
                        "resilient" => GroupType::RES,
                        _ => {
                            return Err(Fail::usage(format!(
                                "Error: argument \"{t}\" is wrong: \"type\" value is invalid"
                            )))
                        }
                    });
                }
                Some(k @ ("buckets" | "idle_timer" | "unbalanced_timer")) => {
                    if s.group_type != Some(GroupType::RES) {
                        return Err(Fail::usage(format!(
                            "Error: argument \"{k}\" is wrong: only after \"type resilient\""
                        )));
                    }
                    let v = need(it.next())?;
                    let p = match k {
                        "buckets" => ResParam::Buckets(num::<u16>(v, "buckets")?),
                        _ => {
                            let secs: u32 = num(v, k)?;
                            let ticks = secs.checked_mul(100).filter(|t| *t < u32::MAX).ok_or_else(|| {
                                Fail::usage(format!("Error: argument \"{v}\" is wrong: invalid {k} value"))
                            })?;
                            if k == "idle_timer" {
                                ResParam::IdleTimer(ticks)
                            } else {
                                ResParam::UnbalancedTimer(ticks)
                            }
                        }
                    };
                    s.res.push(p);
                }
                Some("hw_stats") => {
                    s.hw_stats = Some(match need(it.next())?.as_str() {
                        "on" => true,
                        "off" => false,
                        v => {
                            return Err(Fail::usage(format!(
                                "Error: argument \"{v}\" is wrong: \"hw_stats\" value is invalid"
                            )))
                        }
                    })
                }
                Some("protocol") => {
                    let v = need(it.next())?;
                    s.hdr.nh_protocol = RouteProtocol::from_name(v)
                        .ok_or_else(|| {
                            Fail::usage(format!("Error: argument \"{v}\" is wrong: \"protocol\" value is invalid"))
                        })?
                        .0;
                }
                Some(other) => return Err(Fail::usage(grammar::no_case(other))),
                None => return Err(Fail::usage(format!("Error: argument \"{a}\" is wrong: "))),
            }
        }
        s.hdr.nh_flags = flags.0.into();
        Ok(s)
    }

    fn encode(&self, ty: u16, flags: u16, seq: u32) -> Result<Vec<u8>, Fail> {
        let mut w = Writer::new(VecBuffer::default());
        rtnl_core::typed::request(&mut w, ty, flags, seq, &self.hdr, |a| {
            if let Some(i) = self.id {
                a.id(i)?;
            }
            if let Some(o) = self.oif {
                a.oif(o)?;
            }
            if let Some(g) = self.gateway {
                a.gateway(g.into())?;
            }
            if let Some(e) = &self.encap {
                e.write(a.encap().into_table())?;
            }
            if self.blackhole {
                a.blackhole(Flag)?;
            }
            if self.fdb {
                a.fdb(Flag)?;
            }
            if !self.group.is_empty() {
                a.group(StructArray::of(&self.group))?;
            }
            if let Some(t) = self.group_type {
                if t == GroupType::RES && !self.res.is_empty() {
                    a.res_group(|r| {
                        for p in &self.res {
                            match *p {
                                ResParam::Buckets(n) => r.buckets(n)?,
                                ResParam::IdleTimer(t) => r.idle_timer(t)?,
                                ResParam::UnbalancedTimer(t) => r.unbalanced_timer(t)?,
                            };
                        }
                        Ok(())
                    })?;
                }
                a.group_type(t)?;
            }
            if let Some(h) = self.hw_stats {
                a.hw_stats_enable(u32::from(h))?;
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        Ok(w.into_inner().0)
    }
}

fn modify(g: &Global, verb: &str, args: &[String]) -> Result<ExitCode, Fail> {
    let spec = Spec::parse(args, g.family)?;
    let (ty, flags) = match verb {
        "delete" => (nexthop::RTM_DELNEXTHOP, Request::Plain.flags()),
        v => (nexthop::RTM_NEWNEXTHOP, crate::change_flags(v)),
    };
    let mut sock = g.socket()?;
    let req = spec.encode(ty, flags, sock.next_seq())?;
    crate::acked(&mut sock, &req)
}

/// A time in clock ticks (`USER_HZ`, 100 a second) as ip prints it:
/// seconds with `%g`.
fn ticks(t: u64) -> String {
    float_g(t as f64 / 100.0)
}

fn write_flags(o: &mut Out, flags: u32) {
    let words: Vec<String> =
        crate::route::FLAG_NAMES.iter().filter(|(b, _)| flags & b != 0).map(|(_, w)| (*w).to_owned()).collect();
    for w in &words {
        o.text(&format!("{w} "));
    }
    o.strs("flags", &words);
}

use crate::route::dev_name as dev;

/// One next hop as `__print_nexthop_entry` prints it.
fn write_nexthop(o: &mut Out, ty: u16, n: &NexthopMessage<'_>, names: &DevNames, details: bool) {
    let h = n.header();
    if ty == nexthop::RTM_DELNEXTHOP {
        o.lit("deleted", "Deleted ", "true");
    }
    let id = n.id();
    o.num("id", &format!("id {id} "), id.into());
    let (mut oif, mut gw, mut encap, mut group, mut gtype, mut res) = (None, None, None, None, GroupType::MPATH, None);
    let (mut blackhole, mut fdb) = (false, false);
    for a in n.attrs().flatten() {
        match a {
            NexthopAttr::Oif(i) => oif = Some(i),
            NexthopAttr::Gateway(g) => gw = Some(g),
            NexthopAttr::Encap(e) => encap = Some(e),
            NexthopAttr::Group(g) => group = Some(g),
            NexthopAttr::GroupType(t) => gtype = t,
            NexthopAttr::ResGroup(r) => res = Some(r),
            NexthopAttr::Blackhole(_) => blackhole = true,
            NexthopAttr::Fdb(_) => fdb = true,
            _ => {}
        }
    }
    if let Some(g) = group.filter(|g| !g.is_empty() && g.trailing().is_empty()) {
        o.text("group ");
        let mut items = Vec::new();
        for (i, m) in g.iter().enumerate() {
            let mut e = Out::new(o.json);
            if i > 0 {
                o.text("/");
            }
            let id = m.id.get();
            e.num("id", &id.to_string(), id.into());
            o.text(&id.to_string());
            if m.weight() > 1 {
                let w = m.weight();
                e.num("weight", "", w.into());
                o.text(&format!(",{w}"));
            }
            items.push(e);
        }
        o.text(" ");
        o.objects("group", &items);
    }
    if gtype != GroupType::MPATH {
        let t = gtype.short_name().unwrap_or("<unknown type>");
        o.str("type", &format!("type {t} "), t);
    }
    if let Some(r) = res {
        let (mut b, mut it, mut ut, mut uu) = (0u64, 0u64, 0u64, 0u64);
        for x in r.iter().flatten() {
            match x {
                ResGroupAttr::Buckets(v) => b = v.into(),
                ResGroupAttr::IdleTimer(v) => it = v.into(),
                ResGroupAttr::UnbalancedTimer(v) => ut = v.into(),
                ResGroupAttr::UnbalancedTime(v) => uu = v,
                _ => {}
            }
        }
        o.object("resilient_args", |o| {
            o.num("buckets", &format!("buckets {b} "), b);
            for (k, v) in [("idle_timer", it), ("unbalanced_timer", ut), ("unbalanced_time", uu)] {
                let s = ticks(v);
                o.lit(k, &format!("{k} {s} "), &s);
            }
        });
    }
    if let Some(e) = encap {
        crate::encap::print_encap(o, e.get(), &|i| dev(names, i), false);
    }
    if let Some(g) = gw {
        let s = g.to_string();
        o.str("gateway", &format!("via {s} "), &s);
    }
    if let Some(i) = oif {
        let d = dev(names, i);
        o.str("dev", &format!("dev {d} "), &d);
    }
    if h.nh_scope != 0 || details {
        let s = h.scope().to_string();
        o.str("scope", &format!("scope {s} "), &s);
    }
    if blackhole {
        o.lit("blackhole", "blackhole ", "null");
    }
    if h.nh_protocol != 0 || details {
        let p = crate::names::rt_proto(h.nh_protocol).into_owned();
        o.str("protocol", &format!("proto {p} "), &p);
    }
    write_flags(o, h.nh_flags.get());
    if fdb {
        o.lit("fdb", "fdb", "null");
    }
}

/// One bucket as `print_nexthop_bucket` prints it.
fn write_bucket(o: &mut Out, ty: u16, n: &NexthopMessage<'_>) {
    if ty == nexthop::RTM_DELNEXTHOPBUCKET {
        o.lit("deleted", "Deleted ", "true");
    }
    for a in n.attrs().flatten() {
        match a {
            NexthopAttr::Id(i) => o.num("id", &format!("id {i} "), i.into()),
            NexthopAttr::ResBucket(b) => o.object("bucket", |o| {
                // in ip's order, whatever the kernel's
                let (mut index, mut idle, mut nhid) = (None, None, None);
                for x in b.iter().flatten() {
                    match x {
                        ResBucketAttr::Index(i) => index = Some(i),
                        ResBucketAttr::IdleTime(t) => idle = Some(t),
                        ResBucketAttr::NhId(i) => nhid = Some(i),
                        _ => {}
                    }
                }
                if let Some(i) = index {
                    o.num("index", &format!("index {i} "), i.into());
                }
                if let Some(t) = idle {
                    let s = ticks(t);
                    o.lit("idle_time", &format!("idle_time {s} "), &s);
                }
                if let Some(i) = nhid {
                    o.num("nhid", &format!("nhid {i} "), i.into());
                }
            }),
            _ => {}
        }
    }
    write_flags(o, n.header().nh_flags.get());
}

/// A next-hop or bucket notification as `ip monitor nexthop` prints it.
pub fn print_notification(ty: u16, n: &NexthopMessage<'_>, names: &DevNames, g: &Global) {
    let mut o = Out::new(false);
    if matches!(ty, nexthop::RTM_NEWNEXTHOPBUCKET | nexthop::RTM_DELNEXTHOPBUCKET) {
        write_bucket(&mut o, ty, n);
    } else {
        write_nexthop(&mut o, ty, n, names, g.details);
    }
    println!("{}", o.s);
}

/// What `list` and `flush` select: the kernel's dump filters and ip's own
/// protocol filter.
#[derive(Debug, Default)]
struct Filter {
    oif: Option<u32>,
    master: Option<u32>,
    groups: bool,
    fdb: bool,
    proto: Option<u8>,
    id: Option<u32>,
    nhid: Option<u32>,
}

impl Filter {
    fn parse(args: &[String], set: &KwSet) -> Result<Filter, Fail> {
        let mut f = Filter::default();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match grammar::keyword(a, set.keywords, "nexthop").map_err(Fail::usage)? {
                Some("dev") => f.oif = Some(ifindex_of(need(it.next())?)?),
                Some("master" | "vrf") => f.master = Some(ifindex_of(need(it.next())?)?),
                Some("groups") => f.groups = true,
                Some("fdb") => f.fdb = true,
                Some("id") => f.id = Some(num(need(it.next())?, "id")?),
                Some("nhid") => f.nhid = Some(num(need(it.next())?, "id")?),
                Some("protocol") => f.proto = Some(num(need(it.next())?, "protocol")?),
                Some(other) => return Err(Fail::usage(grammar::no_case(other))),
                None => return Err(Fail::usage(format!("Error: argument \"{a}\" is wrong: "))),
            }
        }
        Ok(f)
    }

    /// The dump request (`ty`: next hops or buckets) with the kernel's filters.
    fn request(&self, ty: u16, family: u8, seq: u32) -> Result<Vec<u8>, Fail> {
        let mut w = Writer::new(VecBuffer::default());
        let hdr = NhMsg { nh_family: family, ..Default::default() };
        rtnl_core::typed::request(&mut w, ty, Request::Dump.flags(), seq, &hdr, |a| {
            if let Some(i) = self.oif {
                a.oif(i)?;
            }
            if self.groups {
                a.groups(Flag)?;
            }
            if let Some(m) = self.master {
                a.master(m)?;
            }
            if self.fdb {
                a.fdb(Flag)?;
            }
            if ty == nexthop::RTM_GETNEXTHOPBUCKET {
                if let Some(i) = self.id {
                    a.id(i)?;
                }
                if let Some(n) = self.nhid {
                    a.res_bucket(|b| b.nh_id(n).map(drop))?;
                }
            }
            Ok(())
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        Ok(w.into_inner().0)
    }

    /// The messages of the dump `ty` this filter selects, re-encoded.
    fn dump(&self, g: &Global, ty: u16) -> Result<Vec<Vec<u8>>, Fail> {
        let mut sock = g.socket()?;
        let req = self.request(ty, g.family, sock.next_seq())?;
        let what = if ty == nexthop::RTM_GETNEXTHOP { "a next hop" } else { "a bucket" };
        crate::dump_kept(&mut sock, &req, what, |m| match m.body() {
            RtnlMessage::Nexthop(n) => self.proto.is_none_or(|p| p == n.header().nh_protocol),
            _ => false,
        })
    }
}

fn decoded(b: &[u8]) -> Option<(u16, NexthopMessage<'_>)> {
    crate::decoded(b, |m| match m {
        RtnlMessage::Nexthop(n) => Some(n.clone()),
        _ => None,
    })
}

fn list(g: &Global, args: &[String], flush: bool) -> Result<ExitCode, Fail> {
    let mut f = Filter::parse(args, &NH_SHOW)?;
    if let Some(id) = f.id {
        // ip: `id` looks one up (list) or deletes it (flush)
        if flush {
            let mut sock = g.socket()?;
            let req = delete_request(id, sock.next_seq())?;
            return crate::acked(&mut sock, &req);
        }
        return get_id(g, id);
    }
    if !flush {
        let mut sock = g.socket()?;
        let names = DevNames::new(link_names(&mut sock)?);
        let mut p = List::new(g);
        for b in f.dump(g, nexthop::RTM_GETNEXTHOP)? {
            if let Some((ty, n)) = decoded(&b) {
                let mut o = p.entry();
                write_nexthop(&mut o, ty, &n, &names, g.details);
                p.push(o);
            }
        }
        return p.finish();
    }
    // ip's flush: everything means the groups first, then the rest
    let all = args.is_empty();
    if all {
        f.groups = true;
    }
    let mut sock = g.socket()?;
    let (mut flushed, mut failed) = (0, Vec::new());
    loop {
        for b in f.dump(g, nexthop::RTM_GETNEXTHOP)? {
            let Some((_, n)) = decoded(&b) else { continue };
            let id = n.id();
            if id == 0 {
                continue;
            }
            let req = delete_request(id, sock.next_seq())?;
            match sock.request(&req) {
                Ok(_) => flushed += 1,
                // a group deleted with its last member is gone already
                Err(rtnl_io::Error::Kernel(k)) if k.errno == ENOENT => {}
                Err(e) => failed.push(format!("id {id}: {e}")),
            }
        }
        if all && f.groups {
            f.groups = false;
            continue;
        }
        break;
    }
    if flushed == 0 {
        println!("Nothing to flush");
    } else {
        println!("Flushed {flushed} nexthops");
    }
    if !failed.is_empty() {
        return Err(Fail::kernel(format!("could not delete {} next hop(s): {}", failed.len(), failed.join("; "))));
    }
    Ok(ExitCode::SUCCESS)
}

/// `ENOENT`: what deleting a next hop that is gone already answers.
const ENOENT: i32 = 2;

fn delete_request(id: u32, seq: u32) -> Result<Vec<u8>, Fail> {
    let mut w = Writer::new(VecBuffer::default());
    rtnl_core::typed::request(&mut w, nexthop::RTM_DELNEXTHOP, Request::Plain.flags(), seq, &NhMsg::default(), |a| {
        a.id(id).map(drop)
    })
    .map_err(|e| Fail::error(e.to_string()))?;
    Ok(w.into_inner().0)
}

/// `get id ID`.
fn get(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let mut id = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "id" => id = Some(num(need(it.next())?, "id")?),
            _ => return Err(Fail::usage(format!("Error: argument \"{a}\" is wrong: try \"rtnl nexthop help\""))),
        }
    }
    match id {
        Some(id) if id != 0 => get_id(g, id),
        _ => Err(Fail::usage("Usage: rtnl nexthop get id ID")),
    }
}

/// Prints the kernel's answer to the request `req`, which must hold one
/// message of the next-hop family; `bucket` chooses the printer.
fn print_answer(g: &Global, req: &[u8], bucket: bool) -> Result<ExitCode, Fail> {
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let mut p = List::new(g);
    let mut found = false;
    sock.request_with(req, |m| {
        if let RtnlMessage::Nexthop(n) = m.body() {
            let mut o = p.entry();
            if bucket {
                write_bucket(&mut o, m.ty(), n);
            } else {
                write_nexthop(&mut o, m.ty(), n, &names, g.details);
            }
            p.push(o);
            found = true;
        }
    })
    .map_err(|e| Fail::kernel(e.to_string()))?;
    if !found {
        return Err(Fail::kernel("the kernel answered without a next hop"));
    }
    p.finish()
}

fn get_id(g: &Global, id: u32) -> Result<ExitCode, Fail> {
    let mut w = Writer::new(VecBuffer::default());
    let hdr = NhMsg { nh_family: g.family, ..Default::default() };
    rtnl_core::typed::request(&mut w, nexthop::RTM_GETNEXTHOP, Request::Plain.flags(), 1, &hdr, |a| a.id(id).map(drop))
        .map_err(|e| Fail::error(e.to_string()))?;
    print_answer(g, &w.into_inner().0, false)
}

/// `bucket { show SELECTOR | get id ID index INDEX }`.
fn bucket(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("list", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let m = |w: &str| crate::matches(cmd, w);
    if m("list") || m("show") || m("lst") {
        let f = Filter::parse(rest, &BUCKET_SHOW)?;
        let mut p = List::new(g);
        for b in f.dump(g, nexthop::RTM_GETNEXTHOPBUCKET)? {
            if let Some((ty, n)) = decoded(&b) {
                let mut o = p.entry();
                write_bucket(&mut o, ty, &n);
                p.push(o);
            }
        }
        return p.finish();
    }
    if m("get") {
        let (mut id, mut index) = (None, None);
        let mut it = rest.iter();
        while let Some(a) = it.next() {
            match grammar::keyword(a, BUCKET_GET.keywords, "nexthop").map_err(Fail::usage)? {
                Some("id") => id = Some(num::<u32>(need(it.next())?, "id")?),
                Some("index") => index = Some(num::<u16>(need(it.next())?, "bucket index")?),
                _ => return Err(Fail::usage("Usage: rtnl nexthop bucket get id ID index INDEX")),
            }
        }
        let (Some(id), Some(index)) = (id.filter(|i| *i != 0), index) else {
            return Err(Fail::usage("Usage: rtnl nexthop bucket get id ID index INDEX"));
        };
        let mut w = Writer::new(VecBuffer::default());
        let hdr = NhMsg { nh_family: g.family, ..Default::default() };
        rtnl_core::typed::request(&mut w, nexthop::RTM_GETNEXTHOPBUCKET, Request::Plain.flags(), 1, &hdr, |a| {
            a.id(id)?.res_bucket(|b| b.index(index).map(drop)).map(drop)
        })
        .map_err(|e| Fail::error(e.to_string()))?;
        return print_answer(g, &w.into_inner().0, true);
    }
    if m("help") {
        return Ok(grammar::print_usage(&NEXTHOP));
    }
    Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl nexthop help\".")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rtnl_core::wire::NativeEndian;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn msg(b: &[u8]) -> NexthopMessage<'_> {
        decoded(b).unwrap().1
    }

    #[test]
    fn a_resilient_group_is_sent_as_ip_sends_it() {
        let s = Spec::parse(
            &strs(&["id", "4", "group", "1,2/2,300", "type", "resilient", "buckets", "8", "idle_timer", "60"]),
            0,
        )
        .unwrap();
        let b = s.encode(nexthop::RTM_NEWNEXTHOP, Request::Add.flags(), 1).unwrap();
        let n = msg(&b);
        assert_eq!(n.id(), 4);
        let g: Vec<(u32, u32)> = n.group().unwrap().iter().map(|m| (m.id.get(), m.weight())).collect();
        assert_eq!(g, [(1, 2), (2, 300)]);
        let Some(NexthopAttr::ResGroup(r)) = n.find(nexthop::NHA_RES_GROUP) else { panic!() };
        let r: Vec<ResGroupAttr<'_, NativeEndian>> = r.iter().flatten().collect();
        assert_eq!(r, [ResGroupAttr::Buckets(8), ResGroupAttr::IdleTimer(6000)]);
        assert!(matches!(n.find(nexthop::NHA_GROUP_TYPE), Some(NexthopAttr::GroupType(GroupType::RES))));
    }

    #[test]
    fn a_gateway_sets_the_family_and_a_mismatch_is_refused() {
        let s = Spec::parse(&strs(&["id", "6", "via", "fd00::1", "onlink"]), 0).unwrap();
        assert_eq!(s.hdr.nh_family, AF_INET6);
        assert_eq!(s.hdr.nh_flags.get(), NexthopFlags::ONLINK);
        assert!(Spec::parse(&strs(&["via", "inet6", "10.0.0.1"]), 0).is_err());
        assert!(Spec::parse(&strs(&["via", "fd00::1"]), AF_INET).is_err());
        assert!(Spec::parse(&strs(&["group", "1,0"]), 0).is_err());
        assert!(Spec::parse(&strs(&["group", "1,65537"]), 0).is_err());
        assert!(Spec::parse(&strs(&["buckets", "8"]), 0).is_err(), "buckets without type resilient");
        assert!(Spec::parse(&strs(&["bogus"]), 0).is_err());
    }

    #[test]
    fn an_encap_is_written_with_nha_encap_type() {
        let s = Spec::parse(&strs(&["id", "7", "encap", "mpls", "100/200", "via", "10.0.0.1"]), 0).unwrap();
        assert!(s.gateway.is_some(), "the words after the encap are the next hop's");
        let b = s.encode(nexthop::RTM_NEWNEXTHOP, Request::Add.flags(), 1).unwrap();
        let n = msg(&b);
        let raw = n.attrs().raw();
        assert_eq!(raw.find(nexthop::NHA_ENCAP_TYPE).map(|a| a.payload()), Some(&1u16.to_ne_bytes()[..]));
        let mut o = Out::new(false);
        write_nexthop(&mut o, nexthop::RTM_NEWNEXTHOP, &n, &DevNames::default(), false);
        assert_eq!(o.s, "id 7  encap mpls  100/200 via 10.0.0.1 ");
    }

    #[test]
    fn a_group_prints_as_ip_prints_it() {
        let s = Spec::parse(&strs(&["id", "3", "group", "1/2,3", "type", "resilient"]), 0).unwrap();
        let b = s.encode(nexthop::RTM_NEWNEXTHOP, 0, 1).unwrap();
        let n = msg(&b);
        let mut o = Out::new(false);
        write_nexthop(&mut o, nexthop::RTM_NEWNEXTHOP, &n, &DevNames::default(), false);
        assert_eq!(o.s, "id 3 group 1/2,3 type resilient ");
        let mut o = Out::new(true);
        write_nexthop(&mut o, nexthop::RTM_NEWNEXTHOP, &n, &DevNames::default(), false);
        assert_eq!(o.s, r#""id":3,"group":[{"id":1},{"id":2,"weight":3}],"type":"resilient","flags":[]"#);
    }

    #[test]
    fn every_ready_keyword_is_parsed() {
        for k in NH_SPEC.keywords.iter().filter(|k| k.ready) {
            let mut a = vec![k.name().to_owned()];
            match k.name() {
                "id" | "buckets" | "idle_timer" | "unbalanced_timer" => a.push("1".into()),
                "via" => a.push("10.0.0.1".into()),
                "encap" => a.extend(["mpls".into(), "100".into()]),
                "group" => a.push("1/2".into()),
                "type" => a.push("mpath".into()),
                "hw_stats" => a.push("on".into()),
                "protocol" => a.push("static".into()),
                "dev" => continue,
                _ => {}
            }
            if matches!(k.name(), "buckets" | "idle_timer" | "unbalanced_timer") {
                a.splice(0..0, ["type".to_owned(), "resilient".to_owned()]);
            }
            let r = Spec::parse(&a, 0);
            assert!(r.is_ok(), "{a:?}: {:?}", r.err().map(|e| e.msg));
        }
        for set in [&NH_SHOW, &BUCKET_SHOW] {
            for k in set.keywords.iter().filter(|k| k.ready && !matches!(k.name(), "dev" | "master" | "vrf")) {
                let mut a = vec![k.name().to_owned()];
                if matches!(k.name(), "id" | "nhid" | "protocol") {
                    a.push("1".into());
                }
                assert!(Filter::parse(&a, set).is_ok(), "{a:?}");
            }
        }
    }
}
