//! `rtnl neigh`: list, look up, add, change, replace, delete and flush
//! neighbour entries, printed as iproute2 6.1's `ip neigh` prints them
//! (text and `-j`, `-s` for the cache ages).

use std::net::IpAddr;
use std::process::ExitCode;

use rtnl_core::message::RtnlMessage;
use rtnl_core::neigh::{self, NdMsg, NeighAttr, NeighMessage, NtfExtFlags, NtfFlags, NudState};
use rtnl_core::net::{Address, AF_INET, AF_INET6};
use rtnl_core::route::RouteProtocol;
use rtnl_core::typed::Bytes;
use rtnl_core::wire::flags::Request;
use rtnl_core::wire::{NativeEndian, Writer};
use rtnl_io::{link_names, VecBuffer};

use crate::grammar::{self, kw, verb, Arg, KwSet, Object, M};
use crate::ipjson::{List, Out};
use crate::route::DevNames;
use crate::{Fail, Global};

const NUDS: Arg = Arg::OneOf(
    "STATE",
    &["permanent", "noarp", "stale", "reachable", "none", "incomplete", "delay", "probe", "failed", "all"],
);

/// `neigh show`'s keywords, in ip's order.
pub const NEIGH_SHOW: KwSet = KwSet {
    name: "SELECTOR",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the neighbours of link STRING"),
        kw(&[("master", M::Exact)], Arg::Dev, "the neighbours of the ports of master STRING"),
        kw(&[("unused", M::Exact)], Arg::None, "entries nothing refers to"),
        kw(&[("nud", M::Exact)], NUDS, "entries in STATE (repeatable; all: every state)"),
        kw(&[("proxy", M::Exact)], Arg::None, "the proxy entries"),
        kw(&[("protocol", M::Prefix)], Arg::Value("PROTO"), "entries added by PROTO"),
        kw(&[("to", M::Exact)], Arg::Value("PREFIX"), "entries whose address is in PREFIX"),
    ],
    positional: Some(("PREFIX", "entries whose address is in PREFIX")),
};

/// `neigh add`'s keywords, in ip's order.
pub const NEIGH_SPEC: KwSet = KwSet {
    name: "NEIGH",
    keywords: &[
        kw(&[("lladdr", M::Prefix)], Arg::Value("LLADDR"), "the link-layer address (null: none)"),
        kw(&[("nud", M::Exact)], NUDS, "the state (default permanent)"),
        kw(&[("proxy", M::Prefix)], Arg::Value("ADDR"), "a proxy entry for ADDR"),
        kw(&[("router", M::Exact)], Arg::None, "the neighbour is a router (IPv6)"),
        kw(&[("use", M::Exact)], Arg::None, "mark the entry used"),
        kw(&[("managed", M::Exact)], Arg::None, "the kernel keeps the entry resolved"),
        kw(&[("extern_learn", M::Prefix)], Arg::None, "learned by something outside the kernel"),
        kw(&[("dev", M::Exact)], Arg::Dev, "the link (required)"),
        kw(&[("protocol", M::Prefix)], Arg::Value("PROTO"), "who adds the entry"),
        kw(&[("to", M::Exact)], Arg::Value("ADDR"), "the neighbour's address"),
    ],
    positional: Some(("ADDR", "the neighbour's address")),
};

/// `neigh get`'s keywords.
pub const NEIGH_GET: KwSet = KwSet {
    name: "GET",
    keywords: &[
        kw(&[("dev", M::Exact)], Arg::Dev, "the link (required)"),
        kw(&[("proxy", M::Prefix)], Arg::Value("ADDR"), "the proxy entry for ADDR"),
        kw(&[("to", M::Exact)], Arg::Value("ADDR"), "the neighbour's address"),
    ],
    positional: Some(("ADDR", "the neighbour's address")),
};

/// `ip neigh`'s verbs, in the order ip tries them.
pub const NEIGH: Object = Object {
    name: "neighbour",
    help: "neighbour (ARP and NDISC) entries: show, look up, add, change and delete them (like ip neigh)",
    verbs: &[
        verb(
            &[("add", M::Prefix)],
            "ADDR [ lladdr LLADDR ] [ nud STATE ] dev DEV",
            &[&NEIGH_SPEC],
            "add an entry",
            true,
        ),
        verb(
            &[("change", M::Prefix), ("chg", M::Exact)],
            "ADDR [ lladdr LLADDR ] [ nud STATE ] dev DEV",
            &[&NEIGH_SPEC],
            "change an entry",
            true,
        ),
        verb(
            &[("replace", M::Prefix)],
            "ADDR [ lladdr LLADDR ] dev DEV",
            &[&NEIGH_SPEC],
            "add or change an entry",
            true,
        ),
        verb(&[("delete", M::Prefix)], "ADDR dev DEV", &[&NEIGH_SPEC], "delete an entry", true),
        verb(
            &[("list", M::Prefix), ("show", M::Prefix), ("lst", M::Prefix)],
            "SELECTOR",
            &[&NEIGH_SHOW],
            "list entries (by default those in a state other than noarp)",
            true,
        ),
        verb(&[("flush", M::Prefix)], "SELECTOR", &[&NEIGH_SHOW], "delete the entries selected", true),
        verb(&[("get", M::Exact)], "ADDR dev DEV", &[&NEIGH_GET], "look an entry up", true),
        verb(&[("help", M::Prefix)], "", &[], "print this usage", true),
    ],
    synopsis: "",
    sets: &[],
    notes: "STATE := { delay | failed | incomplete | noarp | none |
           permanent | probe | reachable | stale }",
};

/// `rtnl neigh …`.
pub fn run(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (cmd, rest) = match args.split_first() {
        None => ("show", &[][..]),
        Some((c, r)) => (c.as_str(), r),
    };
    let Some(verb) = NEIGH.verb(cmd) else {
        return Err(Fail::usage(format!("Command \"{cmd}\" is unknown, try \"rtnl neigh help\".")));
    };
    if rest.first().is_some_and(|w| w == "help" || w == "--help") {
        return Ok(grammar::print_usage(&NEIGH));
    }
    match verb.kw.name() {
        "list" => show(g, rest, false),
        "flush" => show(g, rest, true),
        "get" => get(g, rest),
        "help" => Ok(grammar::print_usage(&NEIGH)),
        v => modify(g, v, rest),
    }
}

use crate::grammar::need;

/// A `nud` word as ip reads it (`nud_state_a2n`): a name, or a single bit.
fn nud(s: &str) -> Result<u16, String> {
    let bad = || format!("Error: argument \"{s}\" is wrong: nud state is bad");
    let by_prefix = |w: &str| !s.is_empty() && w.starts_with(s);
    let v = if by_prefix("permanent") {
        NudState::PERMANENT
    } else if by_prefix("reachable") {
        NudState::REACHABLE
    } else if by_prefix("failed") {
        NudState::FAILED
    } else if s == "none" {
        NudState::NONE
    } else if let Some(b) = NudState::bit_from_name(s) {
        b
    } else {
        let n = match s.strip_prefix("0x") {
            Some(h) => u16::from_str_radix(h, 16),
            None => s.parse(),
        };
        let n = n.map_err(|_| bad())?;
        if n >= 0x100 || n & n.wrapping_sub(1) != 0 {
            return Err(bad());
        }
        n
    };
    Ok(v)
}

/// An address of the family given with `-4` / `-6`, if any.
fn address(s: &str, family: u8) -> Result<IpAddr, String> {
    let a: IpAddr = s.parse().map_err(|_| format!("Error: an inet address is expected rather than \"{s}\"."))?;
    match (family, a) {
        (AF_INET, IpAddr::V6(_)) | (AF_INET6, IpAddr::V4(_)) => {
            Err(format!("Error: an inet address is expected rather than \"{s}\"."))
        }
        _ => Ok(a),
    }
}

fn fam(a: &IpAddr) -> u8 {
    if a.is_ipv4() {
        AF_INET
    } else {
        AF_INET6
    }
}

/// What `neigh show` / `flush` select.
#[derive(Debug, Clone)]
struct Filter {
    family: u8,
    dev: Option<String>,
    master: Option<String>,
    unused: bool,
    /// `NUD_*` bits to show; 0x100 for entries without a state.
    state: u32,
    proxy: bool,
    protocol: Option<u8>,
    to: Option<(IpAddr, u8)>,
}

impl Filter {
    fn parse(args: &[String], family: u8, flush: bool) -> Result<Self, String> {
        let noarp = u32::from(NudState::NOARP);
        let mut f = Filter {
            family,
            dev: None,
            master: None,
            unused: false,
            state: if flush { !u32::from(NudState::PERMANENT | NudState::NOARP) } else { 0xff & !noarp },
            proxy: false,
            protocol: None,
            to: None,
        };
        let mut state_given = false;
        let mut it = args.iter();
        while let Some(a) = it.next() {
            match grammar::keyword(a, NEIGH_SHOW.keywords, "neighbour")? {
                Some("dev") => {
                    if f.dev.is_some() {
                        return Err("Error: duplicate \"dev\": it is already given.".into());
                    }
                    f.dev = Some(need(it.next())?.clone());
                }
                Some("master") => f.master = Some(need(it.next())?.clone()),
                Some("unused") => f.unused = true,
                Some("nud") => {
                    let w = need(it.next())?;
                    if !state_given {
                        state_given = true;
                        f.state = 0;
                    }
                    let s = match w.as_str() {
                        "all" if flush => !noarp,
                        "all" => !0,
                        w => match nud(w)? {
                            0 => 0x100,
                            s => s.into(),
                        },
                    };
                    f.state |= s;
                }
                Some("proxy") => f.proxy = true,
                Some("protocol") => {
                    let w = need(it.next())?;
                    f.protocol = match w.as_str() {
                        "all" => None,
                        w => Some(
                            RouteProtocol::from_name(w)
                                .ok_or_else(|| format!("Error: argument \"{w}\" is wrong: invalid \"protocol\""))?
                                .0,
                        ),
                    };
                }
                Some("to") => f.to = Some(prefix(need(it.next())?, f.family)?),
                Some(other) => return Err(grammar::no_case(other)),
                None => f.to = Some(prefix(a, f.family)?),
            }
        }
        if let Some((a, _)) = f.to {
            if f.family == 0 {
                f.family = fam(&a);
            }
        }
        Ok(f)
    }

    /// Whether `print_neigh` would print `n`.
    fn shows(&self, n: &NeighMessage<'_>) -> bool {
        let h = n.header();
        if self.family != 0 && self.family != h.ndm_family {
            return false;
        }
        let state = u32::from(h.ndm_state.get());
        let flags = h.flags();
        if self.state & state == 0
            && !flags.has(NtfFlags::PROXY)
            && !flags.has(NtfFlags::EXT_LEARNED)
            && (state != 0 || self.state & 0x100 == 0)
        {
            return false;
        }
        if let Some((p, len)) = self.to {
            match n.destination() {
                Some(d) if in_prefix(&d, p, len) => {}
                Some(_) => return false,
                None if len == 0 => {}
                None => return false,
            }
        }
        let mut protocol = 0;
        for a in n.attrs().flatten() {
            match a {
                NeighAttr::Protocol(p) => protocol = p.0,
                NeighAttr::CacheInfo(c) if self.unused && c.ndm_refcnt.get() != 0 => return false,
                _ => {}
            }
        }
        self.protocol.is_none_or(|p| p == protocol)
    }
}

pub(crate) fn prefix(s: &str, family: u8) -> Result<(IpAddr, u8), String> {
    let (a, len) = match s.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (s, None),
    };
    if a == "default" || a == "all" || a == "any" {
        let a = if family == AF_INET6 { IpAddr::from([0u16; 8]) } else { IpAddr::from([0u8; 4]) };
        return Ok((a, 0));
    }
    let bad = || format!("Error: argument \"{s}\" is wrong: to value is invalid");
    let ip = address(a, family).map_err(|_| bad())?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    let len = match len {
        Some(l) => l.parse::<u8>().ok().filter(|l| *l <= max).ok_or_else(bad)?,
        None => max,
    };
    Ok((ip, len))
}

pub(crate) fn in_prefix(a: &Address<'_>, p: IpAddr, len: u8) -> bool {
    let bits = |b: &[u8], q: &[u8]| {
        let (whole, rest) = (usize::from(len / 8), len % 8);
        b.get(..whole) == q.get(..whole)
            && (rest == 0 || {
                let m = 0xffu8 << (8 - rest);
                b.get(whole).map(|x| x & m) == q.get(whole).map(|x| x & m)
            })
    };
    match (a, p) {
        (Address::V4(a), IpAddr::V4(p)) => bits(&a.octets(), &p.octets()),
        (Address::V6(a), IpAddr::V6(p)) => bits(&a.octets(), &p.octets()),
        _ => len == 0,
    }
}

/// A link-layer address as ip prints it for an Ethernet-like link.
fn ll_text(b: &[u8]) -> String {
    crate::ipjson::mac_text(b)
}

use crate::route::dev_name;

/// One entry as `print_neigh` prints it, text or JSON members; `dev` false
/// when the command named the device (ip leaves it out then).
fn write_neigh(o: &mut Out, msg_type: u16, n: &NeighMessage<'_>, names: &DevNames, dev: bool, stats: bool) {
    let h = n.header();
    if msg_type == neigh::RTM_DELNEIGH {
        o.lit("deleted", "Deleted ", "true");
    } else if msg_type == neigh::RTM_GETNEIGH {
        o.lit("miss", "miss ", "null");
    }
    let (mut dst, mut ll, mut ci, mut probes, mut protocol, mut ext) = (None, None, None, None, 0, NtfExtFlags(0));
    for a in n.attrs().flatten() {
        match a {
            NeighAttr::Dst(d) => dst = dst.or(Some(d.0)),
            NeighAttr::Lladdr(b) => ll = ll.or(Some(b.0)),
            NeighAttr::CacheInfo(c) => ci = ci.or(Some(c)),
            NeighAttr::Probes(p) => probes = probes.or(Some(p)),
            NeighAttr::Protocol(p) => protocol = p.0,
            NeighAttr::FlagsExt(f) => ext = f,
            _ => {}
        }
    }
    if let Some(d) = dst {
        let t = d.to_string();
        o.str("dst", &format!("{t} "), &t);
    }
    let index = h.ndm_ifindex.get();
    if dev && index != 0 {
        let name = u32::try_from(index).map_or_else(|_| format!("if{index}"), |i| dev_name(names, i));
        o.text("dev ");
        o.str("dev", &format!("{name} "), &name);
    }
    if let Some(b) = ll {
        let t = ll_text(b);
        o.text("lladdr ");
        o.str("lladdr", &format!("{t} "), &t);
    }
    let flags = h.flags();
    for (set, key) in [
        (flags.has(NtfFlags::ROUTER), "router"),
        (flags.has(NtfFlags::PROXY), "proxy"),
        (ext.has(NtfExtFlags::MANAGED), "managed"),
        (flags.has(NtfFlags::EXT_LEARNED), "extern_learn"),
        (flags.has(NtfFlags::OFFLOADED), "offload"),
    ] {
        if set {
            o.lit(key, &format!("{key} "), "null");
        }
    }
    if stats {
        if let Some(c) = ci {
            // clock_t ticks: USER_HZ is 100 on Linux
            let hz = 100;
            let r = c.ndm_refcnt.get();
            if r != 0 {
                o.num("refcnt", &format!(" ref {r}"), r.into());
            }
            let (u, cf, up) = (c.ndm_used.get() / hz, c.ndm_confirmed.get() / hz, c.ndm_updated.get() / hz);
            o.num("used", &format!(" used {u}"), u.into());
            o.num("confirmed", &format!("/{cf}"), cf.into());
            o.num("updated", &format!("/{up}"), up.into());
        }
        if let Some(p) = probes {
            o.num("probes", &format!("probes {p} "), p.into());
        }
    }
    let state = h.state();
    if state.0 != 0 {
        let words: Vec<String> = state.names().map(|(_, w)| w.to_ascii_uppercase()).collect();
        for w in &words {
            o.text(&format!("{w} "));
        }
        o.strs("state", &words);
    }
    if protocol != 0 {
        let p = crate::names::rt_proto(protocol).into_owned();
        o.str("protocol", &format!("proto {p} "), &p);
    }
}

/// Prints a neighbour notification as `ip monitor neigh` does (`Deleted`,
/// `miss` for the kernel's resolution requests).
pub fn print_notification(ty: u16, n: &NeighMessage<'_>, names: &DevNames) {
    let mut o = Out::new(false);
    write_neigh(&mut o, ty, n, names, true, false);
    println!("{}", o.s);
}

fn ifindex_of(dev: &str) -> Result<u32, Fail> {
    crate::route::ifindex(dev).map_err(|_| Fail::error(format!("Cannot find device \"{dev}\"")))
}

/// The entries of a dump that `f` selects, re-encoded as received.
fn dump(g: &Global, f: &Filter, index: Option<u32>, master: Option<u32>) -> Result<Vec<Vec<u8>>, Fail> {
    let mut sock = g.socket()?;
    let flags = if f.proxy { NtfFlags::PROXY } else { 0 };
    let req = rtnl_io::neigh_dump_request_flags(sock.next_seq(), f.family, flags, index, master);
    crate::dump_kept(&mut sock, &req, "a neighbour", |msg| match msg.body() {
        RtnlMessage::Neigh(n) => {
            msg.ty() == neigh::RTM_NEWNEIGH
                && f.shows(n)
                && index.is_none_or(|i| i32::try_from(i).is_ok_and(|i| n.header().ndm_ifindex.get() == i))
        }
        _ => false,
    })
}

fn decoded(b: &[u8]) -> Option<(u16, NeighMessage<'_>)> {
    crate::decoded(b, |m| match m {
        RtnlMessage::Neigh(n) => Some(n.clone()),
        _ => None,
    })
}

/// `neigh show` and `neigh flush`.
fn show(g: &Global, args: &[String], flush: bool) -> Result<ExitCode, Fail> {
    if flush && args.is_empty() {
        return Err(Fail::usage("Flush requires arguments."));
    }
    let mut f = Filter::parse(args, g.family, flush).map_err(Fail::usage)?;
    let index = f.dev.as_deref().map(ifindex_of).transpose()?;
    let master = f.master.as_deref().map(ifindex_of).transpose()?;
    if !flush {
        let mut sock = g.socket()?;
        let names = DevNames::new(link_names(&mut sock)?);
        let mut p = List::new(g);
        for b in dump(g, &f, index, master)? {
            if let Some((ty, n)) = decoded(&b) {
                let mut o = p.entry();
                write_neigh(&mut o, ty, &n, &names, index.is_none(), g.stats > 0);
                p.push(o);
            }
        }
        return p.finish();
    }
    // ip's flush: delete what is selected, again while something went,
    // failed entries only in the first round
    let mut sock = g.socket()?;
    for round in 1..=10 {
        let entries = dump(g, &f, index, master)?;
        if entries.is_empty() {
            if g.stats > 0 {
                if round == 1 {
                    println!("Nothing to flush.");
                } else {
                    let s = if round > 2 { "s" } else { "" };
                    println!("*** Flush is complete after {} round{s} ***", round - 1);
                }
            }
            return Ok(ExitCode::SUCCESS);
        }
        for b in &entries {
            let Some((_, n)) = decoded(b) else { continue };
            let mut w = Writer::<_, NativeEndian>::new(VecBuffer::default());
            rtnl_core::typed::request(
                &mut w,
                neigh::RTM_DELNEIGH,
                Request::Plain.flags(),
                sock.next_seq(),
                n.header(),
                |s| {
                    for a in n.attrs().flatten() {
                        s.put(&a)?;
                    }
                    Ok(())
                },
            )
            .map_err(|e| Fail::error(e.to_string()))?;
            match sock.request(&w.into_inner().0) {
                // gone meanwhile
                Err(rtnl_io::Error::Kernel(k)) if k.errno == nix::errno::Errno::ENOENT as i32 => {}
                Err(e) => return Err(Fail::kernel(format!("Failed to send flush request: {e}"))),
                Ok(_) => {}
            }
        }
        if g.stats > 0 {
            println!("\n*** Round {round}, deleting {} entries ***", entries.len());
        }
        f.state &= !u32::from(NudState::FAILED);
    }
    println!("*** Flush not complete bailing out after 10 rounds");
    Ok(ExitCode::from(1))
}

/// What an `add|change|replace|delete` command line says.
#[derive(Debug, Default, PartialEq)]
struct Spec {
    dst: Option<IpAddr>,
    dev: Option<String>,
    lladdr: Option<Vec<u8>>,
    state: u16,
    flags: u8,
    ext: u32,
    protocol: Option<u8>,
}

impl Spec {
    fn parse(args: &[String], family: u8) -> Result<Self, String> {
        let mut s = Spec { state: NudState::PERMANENT, ..Default::default() };
        let mut lladdr_given = false;
        let mut it = args.iter();
        let dst = |s: &mut Spec, a: &str| -> Result<(), String> {
            if s.dst.is_some() {
                return Err(format!("Error: either \"to\" is duplicate, or \"{a}\" is a garbage."));
            }
            s.dst = Some(address(a, family)?);
            Ok(())
        };
        while let Some(a) = it.next() {
            match grammar::keyword(a, NEIGH_SPEC.keywords, "neighbour")? {
                Some("lladdr") => {
                    let v = need(it.next())?;
                    if lladdr_given {
                        return Err(format!("Error: duplicate \"lladdr\": \"{v}\" is the second value."));
                    }
                    lladdr_given = true;
                    if v != "null" {
                        s.lladdr = Some(lladdr(v)?);
                    }
                }
                Some("nud") => s.state = nud(need(it.next())?)?,
                Some("proxy") => {
                    dst(&mut s, need(it.next())?)?;
                    s.flags |= NtfFlags::PROXY;
                }
                Some("router") => s.flags |= NtfFlags::ROUTER,
                Some("use") => s.flags |= NtfFlags::USE,
                Some("managed") => {
                    s.ext |= NtfExtFlags::MANAGED;
                    s.state = NudState::NONE;
                }
                Some("extern_learn") => s.flags |= NtfFlags::EXT_LEARNED,
                Some("dev") => s.dev = Some(need(it.next())?.clone()),
                Some("protocol") => {
                    let w = need(it.next())?;
                    s.protocol = Some(
                        RouteProtocol::from_name(w)
                            .ok_or_else(|| format!("Error: argument \"{w}\" is wrong: \"protocol\" value is invalid"))?
                            .0,
                    );
                }
                Some("to") => dst(&mut s, need(it.next())?)?,
                Some(other) => return Err(grammar::no_case(other)),
                None => dst(&mut s, a)?,
            }
        }
        let proxy = s.flags & NtfFlags::PROXY != 0;
        if s.dst.is_none() || (s.dev.is_none() && !proxy) {
            return Err("Device and destination are required arguments.".into());
        }
        Ok(s)
    }

    /// The request, as ip writes it (protocol, destination, extended
    /// flags, link-layer address).
    fn encode(&self, ty: u16, flags: u16, seq: u32, index: u32) -> Result<Vec<u8>, String> {
        let dst = self.dst.ok_or("Device and destination are required arguments.")?;
        let hdr = NdMsg {
            ndm_family: fam(&dst),
            ndm_ifindex: i32::try_from(index).map_err(|_| "bad ifindex")?.into(),
            ndm_state: self.state.into(),
            ndm_flags: self.flags,
            ..Default::default()
        };
        let mut w = Writer::new(VecBuffer::default());
        neigh::request(&mut w, ty, flags, seq, &hdr, |a| {
            if let Some(p) = self.protocol {
                a.protocol(RouteProtocol(p))?;
            }
            a.dst(match dst {
                IpAddr::V4(v) => v.into(),
                IpAddr::V6(v) => v.into(),
            })?;
            if self.ext != 0 {
                a.flags_ext(NtfExtFlags(self.ext))?;
            }
            if let Some(l) = &self.lladdr {
                a.lladdr(Bytes(l))?;
            }
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        Ok(w.into_inner().0)
    }
}

fn lladdr(s: &str) -> Result<Vec<u8>, String> {
    s.split(':')
        .map(|b| u8::from_str_radix(b, 16).ok().filter(|_| !b.is_empty() && b.len() <= 2))
        .collect::<Option<Vec<u8>>>()
        .filter(|v| !v.is_empty() && v.len() <= 32)
        .ok_or_else(|| format!("Error: argument \"{s}\" is wrong: \"lladdr\" value is invalid"))
}

/// `neigh add|change|replace|delete`.
fn modify(g: &Global, verb: &str, args: &[String]) -> Result<ExitCode, Fail> {
    let spec = Spec::parse(args, g.family).map_err(Fail::usage)?;
    let ty = if verb == "delete" { neigh::RTM_DELNEIGH } else { neigh::RTM_NEWNEIGH };
    let flags = crate::change_flags(verb);
    let index = spec.dev.as_deref().map(ifindex_of).transpose()?.unwrap_or(0);
    let mut sock = g.socket()?;
    let req = spec.encode(ty, flags, sock.next_seq(), index).map_err(Fail::error)?;
    crate::acked(&mut sock, &req)
}

/// `neigh get ADDR dev DEV`: the kernel's entry for one address.
fn get(g: &Global, args: &[String]) -> Result<ExitCode, Fail> {
    let (mut dst, mut dev, mut proxy) = (None, None, false);
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = match grammar::keyword(a, NEIGH_GET.keywords, "neighbour").map_err(Fail::usage)? {
            Some("dev") => {
                dev = Some(need(it.next()).map_err(Fail::usage)?.clone());
                continue;
            }
            Some("proxy") => {
                proxy = true;
                need(it.next()).map_err(Fail::usage)?
            }
            Some("to") => need(it.next()).map_err(Fail::usage)?,
            Some(other) => return Err(Fail::usage(grammar::no_case(other))),
            None => a,
        };
        if dst.is_some() {
            return Err(Fail::usage(format!("Error: either \"to\" is duplicate, or \"{v}\" is a garbage.")));
        }
        dst = Some(address(v, g.family).map_err(Fail::usage)?);
    }
    let (Some(dst), true) = (dst, dev.is_some() || proxy) else {
        return Err(Fail::usage("Device and address are required arguments."));
    };
    let index = dev.as_deref().map(ifindex_of).transpose()?.unwrap_or(0);
    let hdr = NdMsg {
        ndm_family: fam(&dst),
        ndm_ifindex: i32::try_from(index).unwrap_or(0).into(),
        ndm_flags: if proxy { NtfFlags::PROXY } else { 0 },
        ..Default::default()
    };
    let mut sock = g.socket()?;
    let names = DevNames::new(link_names(&mut sock)?);
    let mut w = Writer::new(VecBuffer::default());
    neigh::request(&mut w, neigh::RTM_GETNEIGH, Request::Plain.flags(), sock.next_seq(), &hdr, |a| {
        a.dst(match dst {
            IpAddr::V4(v) => v.into(),
            IpAddr::V6(v) => v.into(),
        })?;
        Ok(())
    })
    .map_err(|e| Fail::error(e.to_string()))?;
    let mut p = List::new(g);
    let mut found = false;
    sock.request_with(&w.into_inner().0, |m| {
        if let RtnlMessage::Neigh(n) = m.body() {
            let mut o = p.entry();
            write_neigh(&mut o, m.ty(), n, &names, true, g.stats > 0);
            p.push(o);
            found = true;
        }
    })
    .map_err(|e| Fail::kernel(e.to_string()))?;
    if !found {
        return Err(Fail::kernel("the kernel answered without an entry"));
    }
    p.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn req(args: &[&str], ty: u16) -> Vec<u8> {
        Spec::parse(&strs(args), 0).unwrap().encode(ty, Request::Add.flags(), 1, 7).unwrap()
    }

    fn text(b: &[u8], stats: bool, json: bool) -> String {
        let (ty, n) = decoded(b).unwrap();
        let names = DevNames::new([(7, "v0".to_owned())].into());
        let mut o = Out::new(json);
        write_neigh(&mut o, ty, &n, &names, true, stats);
        o.s
    }

    #[test]
    fn an_added_entry_prints_as_ip_prints_it() {
        let b = req(&["10.0.0.2", "lladdr", "02:00:00:00:00:02", "dev", "v0"], neigh::RTM_NEWNEIGH);
        assert_eq!(text(&b, false, false), "10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 PERMANENT ");
        assert_eq!(
            text(&b, false, true),
            r#""dst":"10.0.0.2","dev":"v0","lladdr":"02:00:00:00:00:02","state":["PERMANENT"]"#
        );
        let b = req(&["fd00::2", "lladdr", "2:0:0:0:0:4", "router", "nud", "reachable", "dev", "v0"], 28);
        assert_eq!(text(&b, false, false), "fd00::2 dev v0 lladdr 02:00:00:00:00:04 router REACHABLE ");
        let b = req(&["proxy", "10.0.0.99", "dev", "v0", "protocol", "static"], 28);
        assert_eq!(
            text(&b, false, true),
            r#""dst":"10.0.0.99","dev":"v0","proxy":null,"state":["PERMANENT"],"protocol":"static""#
        );
        let b = req(&["10.0.0.3", "dev", "v0", "managed", "extern_learn"], 29);
        assert_eq!(text(&b, false, false), "Deleted 10.0.0.3 dev v0 managed extern_learn ");
    }

    #[test]
    fn the_request_is_written_as_ip_writes_it() {
        // ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev (7) protocol static nud stale
        let b = req(&["10.0.0.2", "lladdr", "02:00:00:00:00:02", "dev", "x", "protocol", "static", "nud", "stale"], 28);
        let (_, n) = decoded(&b).unwrap();
        assert_eq!((n.header().ndm_ifindex.get(), n.header().ndm_state.get()), (7, NudState::STALE));
        let ids: Vec<u16> = n.attrs().raw().flatten().map(|a| a.id()).collect();
        assert_eq!(ids, [neigh::NDA_PROTOCOL, neigh::NDA_DST, neigh::NDA_LLADDR]);
        assert_eq!(b.len(), 16 + 12 + 8 + 8 + 12);
    }

    #[test]
    fn bad_command_lines_are_refused_before_sending() {
        let p = |v: &[&str]| Spec::parse(&strs(v), 0);
        assert!(p(&["10.0.0.2"]).is_err(), "no device");
        assert!(p(&["10.0.0.2", "dev", "x", "nud", "sleepy"]).is_err());
        assert!(p(&["10.0.0.2", "dev", "x", "nud", "3"]).is_err(), "two bits");
        assert!(p(&["10.0.0.2", "dev", "x", "lladdr", "zz:00"]).is_err());
        assert!(p(&["10.0.0.2", "10.0.0.3", "dev", "x"]).is_err());
        assert!(Spec::parse(&strs(&["fd00::1", "dev", "x"]), AF_INET).is_err());
        assert_eq!(p(&["10.0.0.2", "dev", "x", "nud", "0x10"]).unwrap().state, NudState::PROBE);
        assert!(p(&["proxy", "10.0.0.2"]).is_ok(), "a proxy needs no device");
    }

    #[test]
    fn the_show_filter_is_ips() {
        let f = Filter::parse(&[], 0, false).unwrap();
        let b = |args: &[&str]| req(args, 28);
        let noarp = b(&["10.0.0.2", "dev", "x", "nud", "noarp"]);
        let perm = b(&["10.0.0.3", "dev", "x"]);
        let none = b(&["10.0.0.4", "dev", "x", "nud", "none"]);
        let shows = |f: &Filter, m: &[u8]| f.shows(&decoded(m).unwrap().1);
        assert!(!shows(&f, &noarp) && shows(&f, &perm) && !shows(&f, &none));
        let f = Filter::parse(&strs(&["nud", "none"]), 0, false).unwrap();
        assert!(shows(&f, &none) && !shows(&f, &perm));
        let f = Filter::parse(&strs(&["nud", "all"]), 0, false).unwrap();
        assert!(shows(&f, &noarp) && shows(&f, &perm));
        let f = Filter::parse(&strs(&["to", "10.0.0.2/31"]), 0, false).unwrap();
        assert!(shows(&f, &perm) && !shows(&f, &none));
        let f = Filter::parse(&strs(&["10.0.0.4"]), 0, true).unwrap();
        assert!(!shows(&f, &perm), "flush leaves permanent entries");
        let f = Filter::parse(&strs(&["protocol", "static"]), 0, false).unwrap();
        assert!(!shows(&f, &perm));
        assert!(Filter::parse(&strs(&["to", "10.0.0.0/40"]), 0, false).is_err());
    }

    #[test]
    fn every_ready_keyword_parses() {
        for k in NEIGH_SHOW.keywords {
            let mut a = vec![k.name().to_owned()];
            match k.arg {
                Arg::None => {}
                Arg::Dev => a.push("lo".into()),
                Arg::OneOf(_, w) => a.push(w[0].into()),
                _ => a.push(if k.name() == "protocol" { "static".into() } else { "10.0.0.0/8".into() }),
            }
            let r = Filter::parse(&a, 0, false);
            assert!(r.is_ok(), "{a:?}: {r:?}");
        }
        for k in NEIGH_SPEC.keywords {
            let mut a = vec!["dev".to_owned(), "lo".into()];
            match k.name() {
                "dev" => a.push("10.0.0.1".into()),
                "to" | "proxy" => a.extend(strs(&[k.name(), "10.0.0.1"])),
                n => {
                    a.push("10.0.0.1".into());
                    a.push(n.into());
                    match (k.arg, n) {
                        (Arg::None, _) => {}
                        (_, "lladdr") => a.push("02:00:00:00:00:01".into()),
                        (_, "protocol") => a.push("static".into()),
                        (Arg::OneOf(_, w), _) => a.push(w[0].into()),
                        _ => a.push("1".into()),
                    }
                }
            }
            let r = Spec::parse(&a, 0);
            assert!(r.is_ok(), "{a:?}: {r:?}");
        }
    }
}
